"""Breakdowns of a total stated in the sentence before, in every language alike.

"The whole province has 84 communes meeting the new-rural standard. The former province of
Phu Tho has 32 communes, ...": the second sentence names the counted noun but not the
standard, which the first one set. "4,494 new models were set up. Of these, 1,212 were in the
economic field and 2,298 in the cultural and social field": the second sentence names the
fields but not the models. The part stands in the next sentence, in the same paragraph; its
clause then admits the indicators of the total's family (the total's, the general one it
refines and that one's refinements) even without their required words (``need``). A clause
that opens with an "of which" word needs no noun at all (:func:`opens_part`).

Sentences and clauses are cut here too (:func:`clauses`), since a part is told from a list
item by the sentence end between it and its total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol

from dvk_analysis.text.keywords import (
    DONATIONS,
    Hit,
    IndicatorRule,
    Lexicon,
    recovery,
    rule_named,
)
from dvk_analysis.text.lexicon import LANGUAGES, section
from dvk_analysis.text.patterns import AND_WORDS

if TYPE_CHECKING:
    from dvk_analysis.text.numbers import NumberMatch

CLAUSE_END = re.compile(r"[.!?…]+[\"'”’»)]*\s+|[;；。！？؛\n]+\s*")
"""Ends of sentences and of ``;``-separated clauses, in every script."""


@cache
def _abbreviated() -> re.Pattern[str]:
    """Multiplier abbreviations of every lexicon that end with a full stop ("Mio.", "млрд.")."""
    words = {
        w[:-1]
        for lang in LANGUAGES
        for w in section(lang, "numbers").get("multipliers", {})
        if w.endswith(".")
    }
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!x)x"
    return re.compile(rf"\d[\s\u00a0]*(?:{alts})$")


def abbreviation_stop(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a multiplier after a number ("9.625 Mio. VND"),
    not a sentence: the amount and its unit stay in one clause."""
    return text[stop : stop + 1] == "." and bool(
        _abbreviated().search(text, max(0, stop - 12), stop)
    )


def clause_ends(text: str, lo: int, hi: int) -> list[str]:
    """The clause ends between ``lo`` and ``hi`` (abbreviation stops left out)."""
    return [
        m.group()
        for m in CLAUSE_END.finditer(text, lo, hi)
        if not abbreviation_stop(text, m.start())
    ]


BREAKDOWN_GAP = 400
"""Most characters between a total and the first part of its breakdown in the next sentence."""

FIELDS = frozenset(
    {
        "dvk_models_economic",
        "dvk_models_culture_society",
        "dvk_models_defense_security",
        "dvk_models_party_building",
    }
)
"""The fields of DVK models: a breakdown by field goes on across semicolons and commas, and
its parts need not be smaller than each other."""


class Stated(Protocol):
    """What a breakdown needs of the claim before it (an extracted ``Claim``)."""

    indicator: str
    value: float
    end: int


def breaks_down(
    text: str,
    number: NumberMatch,
    total: Stated,
    neighbours: Sequence[float] = (),
    pointed: bool = False,
    opened: bool = False,
) -> bool:
    """Whether ``number`` may be a part of the ``total`` claimed before it.

    The part is at most the total, in the next sentence (one sentence end between them, not a
    semicolon: that is a list item). After a field's count ("economy leads with 1,706;
    culture and society 1,503, defence 799"), the list of fields goes on in the same sentence,
    across semicolons, whatever the sizes. ``neighbours``: the values of the other
    quantities of the number's clause, which are parts too and so at most the total.
    ``pointed``: the part points back at the total ("; 14 of them", "28 ervan"), across a
    semicolon or a sentence between them too. ``opened``: the part's clause opens with an "of
    which" word, which may start a new paragraph ("...VND151.737 billion.\n\nOf that amount,
    the provincial fund took in VND16.93 billion").
    """
    gap = text[total.end : number.start]
    field = total.indicator in FIELDS
    if not 0 < len(gap) <= BREAKDOWN_GAP or gap.count("\n") > (2 if opened else 0):
        return False
    if not field and max((number.value, *neighbours)) > total.value:
        return False  # every part is at most the total: "63 ..., 137 ..., and 32 ..." is none
    ends = clause_ends(text, total.end, number.start)
    if field:
        return len(ends) <= 1
    return pointed or (len(ends) == 1 and ends[0].strip()[:1] not in ";；؛")


def indicator_family(indicator: str, lex: Lexicon) -> set[str]:
    """``indicator``, the general one it refines and every refinement of that one: the
    indicators a breakdown of ``indicator``'s total may take."""
    rules = {r.name: r for r in lex.rules}
    rule = rules.get(indicator)
    general = rule.refines if rule is not None and rule.refines else indicator
    return {indicator, general} | {r.name for r in lex.rules if r.refines == general}


def only_needs(clause: str, hits: Sequence[Hit], indicator: str, lex: Lexicon) -> bool:
    """Whether the clause names ``indicator``'s keyword and lacks only its required words:
    its excluded words and the recovery frame still rule it out."""
    rule = next((h.rule for h in hits if h.rule is not None and h.rule.name == indicator), None)
    return (
        rule is not None
        and (rule.exclude is None or not rule.exclude.search(clause))
        and not (indicator in DONATIONS and recovery(clause, lex))
    )


def opens_part(
    text: str,
    clause_start: int,
    number: NumberMatch,
    total: Stated,
    lex: Lexicon,
    neighbours: Sequence[float] = (),
) -> bool:
    """Whether ``number``'s clause opens with an "of which" word (``of_which``), or the number
    is followed by one (``of_which_after``: "; 14 of them reached the advanced standard"), and
    breaks the ``total`` of the same unit down ("Insgesamt entstanden 3,17 km neue Wege. Davon
    liegen 2,3 km in Phuoc Dinh"): the part needs no noun of its own, the word names the
    total's."""
    if total.indicator in SOURCED_TOTALS:
        return False  # "Davon stammen 183 Milliarden aus dem Zentralhaushalt": parts by source
    head = text[clause_start : number.start].lstrip()
    tail = text[number.expr_end : number.expr_end + 40].lstrip()
    found = lex.of_which.match(head) if lex.of_which is not None else None
    pointed = bool(lex.of_which_after and lex.of_which_after.match(tail))
    opened = found is not None
    return (opened or pointed) and breaks_down(text, number, total, neighbours, pointed, opened)


SOURCED_TOTALS = frozenset({"ntm_funds_total"})
"""Totals whose parts are told by their source, each an indicator of its own (state budget,
people's contributions), never the total's."""


def clauses(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every clause: sentences, and parts between semicolons.

    A full stop only ends a sentence when the next character is not a lower-case letter or a
    digit, so "No. 2" and "approx. 5" stay in one clause.
    """
    spans, begin = [], 0
    for match in CLAUSE_END.finditer(text):
        nxt = text[match.end() : match.end() + 1]
        if match.group()[0] in ".!?…" and (
            nxt.islower() or nxt.isdigit() or abbreviation_stop(text, match.start())
        ):
            continue
        if match.end() > begin:
            spans.append((begin, match.end()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return [piece for span in spans for piece in _cap(text, span)]


MAX_CLAUSE = 1500
"""Longer "clauses" (text without punctuation) are cut at spaces: a claim never spans more,
and keyword matching stays linear in the text length."""


def _cap(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    while end - start > MAX_CLAUSE:
        cut = text.rfind(" ", start + MAX_CLAUSE // 2, start + MAX_CLAUSE)
        cut = cut + 1 if cut > start else start + MAX_CLAUSE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


TOWN_REACH = 30
"""Most characters between the commune noun of a count and the town or ward word of the next
item of the same list of units."""
_NOUN_GAP = re.compile(r"\s*|[个個]")
"""Between the count and its commune noun: spaces, or a classifier ("42个乡")."""
_JOIN = re.compile(rf"[\s,、،]*(?:\b{AND_WORDS}\b|و|和|及)?\s*", re.IGNORECASE)


def units_listed(text: str, number: NumberMatch, lex: Lexicon) -> IndicatorRule | None:
    """The rural communes' rule when ``number`` counts communes listed beside the place's towns
    or wards ("32 communes and three townships", "21 gemeenten en één stadje", "42 بلدية و3
    أحياء"): a place's units broken down by kind, the communes being its rural ones."""
    rule = rule_named(lex, "rural_communes")
    if rule is None or lex.town_words is None:
        return None
    noun = rule.keywords.search(text, number.end, number.end + TOWN_REACH)
    if noun is None or not _NOUN_GAP.fullmatch(text, number.end, noun.start()):
        return None
    if _after_towns(text, number.start, lex.town_words):
        return rule  # "19 городских кварталов, 12 посёлков и 93 общины": the last item
    town = lex.town_words.search(text, noun.end(), noun.end() + TOWN_REACH)
    if town is None or CLAUSE_END.search(text, noun.end(), town.start()):
        return None  # the towns of another sentence (a full stop may close this list)
    if not _JOIN.sub("", text[noun.end() : town.start()]).strip():
        return None  # "18 общинах и посёлках": one count of both kinds, no list
    joined = _JOIN.match(text, noun.end())
    return rule if joined is not None and joined.end() > noun.end() else None


def _after_towns(text: str, pos: int, town_words: re.Pattern[str]) -> bool:
    """Whether a town or ward word of the list's previous item ends right before ``pos``,
    joined to it by a comma or "and" only ("12 посёлков и 93 общины", "2 bourgs et 9")."""
    head = text[max(0, pos - TOWN_REACH) : pos]
    towns = list(town_words.finditer(head))
    return bool(towns) and _JOIN.fullmatch(head, towns[-1].end()) is not None
