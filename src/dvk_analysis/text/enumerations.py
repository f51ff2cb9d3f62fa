"""Field enumerations: each count takes the field named in its own list item.

"By field, economy leads with 1,706 models, followed by culture and society with 1,503,
defence and security with 799 and Party building with 830"; "(economy 77, culture 102)";
"1,212 in the economic field and 2,298 in the cultural field". The nearest field keyword on
the language's side is often the neighbour's: the field written before "with 1,503" is read
as the field of 1,706. What is the same in every language is the list: items are cut by list
separators (a comma, "and", "sowie", "、", "و", ...) and each item names one field and holds
one number. A field keyword belongs to the number of its own item: the piece of text between
two numbers before the first separator belongs to the number before it, the rest to the number
after it. A conjunction between two keywords of one field ("culture and society",
"Party building and political system") joins the field and cuts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dvk_analysis.text.keywords import Candidate, Hit, Lexicon, rules_of_unit

# fmt: off
LIST_WORDS = (
    "and", "as well as", "và", "cùng", "et", "y", "e", "und", "sowie", "en", "és", "pedig",
    "valamint", "и", "а",
)
# fmt: on
"""The words that join the items of an enumeration in the corpus languages."""

NOT_AND = {"fr": ("y", "en")}
"""Words of ``LIST_WORDS`` that are no "and" in a language: French "il y a", "en 2020"."""


@cache
def list_separator(lang: str = "") -> re.Pattern[str]:
    """What joins the items of an enumeration in ``lang``: punctuation, the "and" words but
    the language's ``NOT_AND``, Chinese 和/及 and Arabic و."""
    words = [w for w in LIST_WORDS if w not in NOT_AND.get(lang, ())]
    joined = "|".join(map(re.escape, words))
    return re.compile(rf"[,;、，،؛:：]|\s(?:{joined})\s|[和及]|\sو")


SHARED_JOIN = re.compile(
    r"\s*[,、，،]?\s*(?:(?:and|or|und|oder|bzw\.|beziehungsweise|và|hoặc|et|ou|y|o|és|vagy"
    r"|и|или|en|of|[和及与或]|و)\s*)?"
)
"""What stands between two numbers that share the noun after the last ("433, 93 and 121
households"): a list separator, a conjunction, or both; nothing else."""

FIELD_JOIN = 12
"""Most characters between two keywords of one field that a conjunction joins into one name."""


def _field_hits(hits: Sequence[Hit], allowed: frozenset[str]) -> list[Hit]:
    """Keywords of the fields (indicators that refine another) the clause admits, in order."""
    return sorted(
        (h for h in hits if h.rule is not None and h.rule.refines and h.rule.name in allowed),
        key=lambda h: h.start,
    )


def _listed(fields: list[Hit], numbers: Sequence[tuple[int, int]]) -> list[Hit]:
    """The fields that alternate with numbers: a number stands between each of them and the
    nearest keyword of another field on either side. "194 collective and 80 individual
    models in fields such as economy, culture and defence" lists fields, not counts."""

    def apart(a: Hit, b: Hit) -> bool:
        return any(a.end <= n[0] and n[1] <= b.start for n in numbers)

    kept = []
    for i, f in enumerate(fields):
        before = [g for g in fields[:i] if g.rule is not f.rule]
        after = [g for g in fields[i + 1 :] if g.rule is not f.rule]
        if (not before or apart(before[-1], f)) and (not after or apart(f, after[0])):
            kept.append(f)
    return kept


def _sole_field(fields: list[Hit], number: tuple[int, int], window: int) -> dict[int, Hit]:
    """The one field a clause with one number names, on either side within ``window``."""
    if len({f.rule.name for f in fields if f.rule}) != 1:
        return {}
    gaps = [(max(f.start - number[1], number[0] - f.end), f) for f in fields]
    gap, near = min(gaps, key=lambda g: g[0])
    return {number[0]: near} if gap <= window else {}


def _cuts(
    text: str, lo: int, hi: int, fields: Sequence[Hit], all_hits: Sequence[Hit], lang: str = ""
) -> list:
    """Offsets of the separators between ``lo`` and ``hi`` that cut a list, in order.

    A separator inside a keyword (Arabic "والاجتماعي") or between two keywords of one field
    close together ("Kultur und Gesellschaft") cuts nothing. Without a separator, the noun
    the fields refine ("models") ends the item it counts.
    """
    cuts = []
    for m in list_separator(lang).finditer(text, lo, hi):
        if any(h.start <= m.start() < h.end for h in all_hits):
            continue
        before = [f for f in fields if f.end <= m.start()]
        after = [f for f in fields if f.start >= m.end()]
        if (
            before
            and after
            and before[-1].rule is after[0].rule
            and after[0].start - before[-1].end <= FIELD_JOIN
        ):
            continue
        cuts.append(m.start())
    if not cuts:  # "258个模式（经济153个": the total's own noun ends its item
        heads = {f.rule.refines for f in fields if f.rule is not None}
        cuts = [h.end for h in all_hits if h.rule and h.rule.name in heads and lo <= h.start < hi]
    return cuts


def own_fields(
    text: str,
    span: tuple[int, int],
    hits: Sequence[Hit],
    allowed: frozenset[str],
    numbers: Sequence[tuple[int, int]],
    window: int = 90,
    lang: str = "",
) -> dict[int, Hit]:
    """Number start -> the field keyword of its own list item.

    Parameters
    ----------
    text
        The article.
    span
        The clause's ``(start, end)`` offsets.
    hits
        Keyword hits of the clause (text offsets).
    allowed
        Indicators the clause admits (their ``need`` words are present).
    numbers
        ``(start, end)`` of the clause's quantities, in order.
    window
        Most characters between a clause's only number and the one field it names.
    lang
        The article's language, whose "and" words separate items (``list_separator``).

    Why: the field may stand before the number or after it, in every language ("in the
    economic field, over 120 models"; "120 models in the economic field"); only which item
    it stands in tells whose it is.
    """
    fields = _listed(_field_hits(hits, allowed), numbers)
    if not numbers or not fields:
        return {}
    if len(numbers) == 1:
        return _sole_field(fields, numbers[0], window)
    bounds = [span[0], *[n for pair in numbers for n in pair], span[1]]
    pieces: dict[int, list[tuple[int, int]]] = {n[0]: [] for n in numbers}
    for k in range(len(numbers) + 1):
        lo, hi = bounds[2 * k], bounds[2 * k + 1]  # the text between two numbers
        cuts = _cuts(text, lo, hi, fields, hits, lang)
        if k > 0:  # before the first separator: the previous number's item
            pieces[numbers[k - 1][0]].append((lo, cuts[0] if cuts else hi))
        if k < len(numbers):  # after the last one (all of it without one): the next number's
            pieces[numbers[k][0]].append((cuts[-1] if cuts else lo, hi))
    found = {}
    for start, spans in pieces.items():
        near = [
            (min(abs(f.start - start), abs(f.end - start)), f)
            for f in fields
            if any(lo <= f.start and f.end <= hi for lo, hi in spans)
        ]
        if near:
            found[start] = min(near, key=lambda p: p[0])[1]
    return found


def item_span(
    text: str,
    span: tuple[int, int],
    number: tuple[int, int],
    others: Sequence[int],
    lang: str = "",
) -> tuple[int, int]:
    """The number's own list item: from the last list separator between the number before it
    (or the clause start) and it, to the first separator between it and the next number (or
    the clause end). Why: words that rule an indicator out ("budget") speak of their own
    item, not of the whole list; a unit named at the item's start is the item's place."""
    lo = max((o for o in others if o < number[0]), default=span[0])
    hi = min((o for o in others if o > number[0]), default=span[1])
    separator = list_separator(lang)
    before = [m.end() for m in separator.finditer(text, lo, number[0])]
    after = separator.search(text, number[1], hi)
    return before[-1] if before else lo, after.start() if after else hi


def field_fits(
    field: Hit | None, chosen: Candidate | None, lex: Lexicon, unit: str | None, at: int
) -> bool:
    """Whether the field of the number's list item (``field``) replaces ``chosen``: only
    within one family ("economic models" for "models"), never over another indicator (but
    for a respectively list of indicators, which pairs each number with its own), and
    only after the number (at ``at``) when its rule says so (``after_only``)."""
    if field is None or field.rule is None or field.rule not in rules_of_unit(lex, unit):
        return False
    if field.rule.after_only and field.start < at:
        return False
    family = field.rule.refines
    if family is None:  # a respectively list of indicators ("4.222 bzw. 19.729"): its own
        return True
    return chosen is None or family in (chosen.rule.name, chosen.rule.refines)
