"""Which sum of money a number is: the people's contribution or the programme's total.

Reports give two kinds of money side by side: what residents, members and businesses gave
(``funds_mobilized``) and what a unit put into the programme from every source, the state
budget included (``ntm_funds_total``). Two shapes tell the total in every language: "X in
total, of which people gave Y" (the lexicon's ``of_which`` words) and a unit that mobilised
the money itself ("the commune mobilised VND 194.6 billion": the lexicon's
``unit_mobilised`` verbs, with no giver named).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from dvk_analysis.text.keywords import IndicatorRule, Lexicon, rule_named
from dvk_analysis.text.numbers import NumberMatch
from dvk_analysis.text.stance import PROGRAMME_MIN, own_line, says


class _Sum(Protocol):
    unit: str
    end: int


def is_total(
    text: str,
    number: NumberMatch,
    rule: IndicatorRule,
    clause_starts: Sequence[int],
    c_end: int,
    lex: Lexicon,
) -> bool:
    """True for a sum of money followed by "of which" and another number in the clause.

    "Total resources reached VND 500 billion, of which people contributed VND 120 billion":
    the 500 billion includes the state budget, so it is the programme's money from all sources
    (``ntm_funds_total``), not what people mobilised; the part after "of which" is.
    """
    if rule.unit != "VND" or lex.of_which is None:
        return False
    found = lex.of_which.search(text, number.end, c_end)
    if found is None or not _PAUSE.search(text, number.end, found.start()):
        return False  # "Nearly VND450 billion of that came from the budget": a part itself
    total = rule_named(lex, "ntm_funds_total")
    if total is not None and says(total.exclude, text[number.end : found.start()]):
        return False  # "collected VND 18.3 billion to help poor households, of which ...": gifts
    return any(s >= found.end() for s in clause_starts)


_PAUSE = re.compile(r"[,;:(，；：（—–،؛]")
"""A pause before "of which": "VND 500 billion, of which ..." opens the total's parts, while
"VND 450 billion of that" (no pause) is itself a part of a total named before."""


def part_of(text: str, total_end: int, number: NumberMatch, lex: Lexicon) -> bool:
    """Whether an "of which" word stands between a total ending at ``total_end`` and
    ``number``: the part after it is no further item of the total's list."""
    words = lex.of_which
    return words is not None and words.search(text, total_end, number.start) is not None


def mobilised_by_unit(
    text: str, number: NumberMatch, clause_span: tuple[int, int], lex: Lexicon
) -> bool:
    """Whether a sum is what a unit mobilised, with no giver named: money from all sources.

    "Yen Hung a mobilisé plus de 100 milliards de dongs", "该乡共筹集逾8130亿越南盾": a
    commune or province mobilises the state's money and the people's together, and blind
    coders read such sums as the programme's total. Naming residents, households, donors or
    a gift anywhere in the clause ("mobilised residents to give") keeps the people's share.
    The verb may follow the number (Dutch, German and Hungarian put it last).
    A part after "of which" ("其中 ... 社区筹集25亿") is never the total.
    """
    total = rule_named(lex, "ntm_funds_total")
    before, after = own_line(text, number, clause_span)
    if total is None or not says(lex.unit_mobilised, before + after) or says(lex.of_which, before):
        return False  # after "of which" the sum is a part of a total, never the total
    return not says(total.exclude, before + after)


def pooled(
    text: str, number: NumberMatch, clause_span: tuple[int, int], lex: Lexicon
) -> IndicatorRule | None:
    """The programme total's rule when a sum is the first after "mobilised and integrated"
    (``pooled_words``): "Thai Binh mobilised and integrated resources worth VND 22,236
    billion, in cash, labour, donated land" pools other programmes' capital with what was
    mobilised, so it is the money from all sources, whatever gifts the clause lists after it.
    So is a sum a unit invested in the programme (:func:`_invested`)."""
    before, after = own_line(text, number, clause_span)
    found = list(lex.pooled.finditer(before)) if lex.pooled is not None else []
    first = bool(found) and not any(c.isdigit() for c in before[found[-1].end() :])
    total = rule_named(lex, "ntm_funds_total")
    invested = not says(lex.of_which, before) and _invested(before + after, number, total, lex)
    return total if first or invested else None


def _invested(line: str, number: NumberMatch, total: IndicatorRule | None, lex: Lexicon) -> bool:
    """Whether a programme-sized sum is what a unit invested in or spent on the NTM programme
    (``invested_words`` and ``programme_words`` in its clause: "Phu Yen invested VND 405
    billion in new rural development", "全省已投入逾1.4万亿越盾", "hat der Kreis 898 Milliarden
    Dong investiert"): the programme's money from all sources, as the writers code it. A giver
    or the state budget named in the clause (the total's excluded words, the budget's keywords)
    keeps the sum theirs, and a part after "of which" is never the total."""
    state = rule_named(lex, "ntm_funds_state")
    return (
        total is not None
        and number.value >= PROGRAMME_MIN
        and says(lex.invested, line)
        and says(lex.programme, line)
        and not says(total.exclude, line)
        and not (state is not None and says(state.keywords, line))
    )


MONEY_SCALE = 1e6
"""A word multiplier of at least a million ("millones", "tỷ", "млрд", "亿") on a bare number
marks an amount of money in a report on resources."""


def money_left_out(text: str, number: NumberMatch, previous: _Sum) -> bool:
    """Whether a bare number with a money-sized word multiplier continues the paragraph's
    money: "the state gave 103 mil millones, the commune 1,6 mil millones". Writers name the
    currency once, on the first sum of the paragraph (``previous``: the last claim)."""
    return (
        number.multiplier >= MONEY_SCALE
        and previous.unit == "VND"
        and "\n" not in text[previous.end : number.start]
        and FOREIGN_CURRENCY.match(text, max(number.end, number.expr_end)) is None
    )


FOREIGN_CURRENCY = re.compile(
    r"\s*(?:US\$|USD|\$|[Dd]ollar|долл|[Dd]ólar|دولار|美元|đô la|[Ee]uro|евро)",
)
"""A currency other than the dong after a sum ("328 млн долларов США", "2,86 مليون دولار"): a
conversion the report adds, never the paragraph's dong."""


def people_part(
    text: str, number: NumberMatch, clause_span: tuple[int, int], item: str, lex: Lexicon
) -> bool:
    """Whether a sum after "of which" is the people's part of a total: its own list item names
    residents or households, with or without a verb of giving ("waarvan 416,5 miljard dong van
    de inwoners zelf kwam", "of which residents 740 billion")."""
    total = rule_named(lex, "ntm_funds_total")
    before, _ = own_line(text, number, clause_span)
    return (
        total is not None
        and total.exclude is not None
        and says(lex.of_which, before)
        and total.exclude.search(item) is not None
    )


class _Claimed(Protocol):
    indicator: str
    value: float
    rule: str


C = TypeVar("C", bound=_Claimed)


def collected(claim: C) -> C:
    """``claim`` as money given when it is a "total" under :data:`PROGRAMME_MIN`: "in totaal
    werd er 161 miljoen dong bijeengebracht" sums a collection (donations for one bridge, a
    village road), not all sources of a programme."""
    if claim.indicator != "ntm_funds_total" or claim.value >= PROGRAMME_MIN:
        return claim
    rule = claim.rule.replace("ntm_funds_total", "funds_mobilized", 1) + "+collected"
    return replace(claim, indicator="funds_mobilized", rule=rule)
