"""'Respectively' lists: "120, 80 and 58 models in economy, culture and defence respectively".

A clause with a respectively word of its language (``[indicators] respectively``: respectively,
lần lượt, respectivement, jeweils, 分别, соответственно, rendre, على التوالي ...) that lists as many
numbers as it names fields of one indicator gives the k-th number the k-th field. The
fields are the keywords of indicators that refine the same general one (dvk_models_economic,
..._culture_society, ...), in text order, one per field ("culture-society" is one field).
The k-th number likewise takes the k-th of k listed places (:func:`respective_places`), years
(:func:`respective_years`) or indicators ("4.222 beziehungsweise 19.729" collectives and
individuals).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from dvk_analysis.text.keywords import (
    NOT_FIELDS,
    Hit,
    IndicatorRule,
    Lexicon,
    allowed_indicators,
    clause_hits,
)
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import AND_WORDS, stem_alternation
from dvk_analysis.text.places import PlaceMention, bare_unit, level_word

if TYPE_CHECKING:
    from dvk_analysis.text.context import ArticleContext


@cache
def respectively_words(lang: str) -> re.Pattern[str]:
    """The language's respectively words (``[indicators] respectively``), anywhere in a word.

    Why per language: a word of one language can be an ordinary word of another (Hungarian
    "rendre" is the French verb "to render").
    """
    words = section(lang, "indicators").get("respectively", [])
    return re.compile(stem_alternation(words), re.IGNORECASE)


def respective_fields(
    clause: str, hits: Sequence[Hit], allowed: frozenset[str], numbers: Sequence[int], lang: str
) -> dict[int, Hit]:
    """Number start -> the field keyword it takes; empty when the clause is no such list.

    ``numbers`` are the starts of the clause's quantities (text offsets, in order); one more
    number than fields is a total before the list, left to the general indicator.
    """
    if len(numbers) < 2 or respectively_words(lang).search(clause) is None:
        return {}
    fields: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        rule = hit.rule
        if rule is None or rule.refines is None or rule.name not in allowed:
            continue
        if fields and fields[-1].rule is not None and fields[-1].rule.name == rule.name:
            continue  # "culture-society", "国防安全": one field, two keywords
        fields.append(hit)
    if len(numbers) == len(fields) + 1 and len(fields) >= 2:
        numbers = numbers[1:]  # "258 models, of which 120, 80 and 58 ... respectively": a total
    if len(fields) != len(numbers):
        return _indicators_listed(hits, allowed, numbers)
    if len({h.rule.refines for h in fields if h.rule is not None}) != 1:
        return {}
    return dict(zip(numbers, fields, strict=True))


def _indicators_listed(
    hits: Sequence[Hit], allowed: frozenset[str], numbers: Sequence[int]
) -> dict[int, Hit]:
    """Number start -> the keyword of its own indicator, when the clause names k indicators
    of no family together, all before or all after its k numbers: "the collectives and
    individuals honoured numbered 4,222 and 19,729 respectively" pairs them in order."""
    listed: list[Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.rule is None or hit.rule.refines or hit.rule.name not in allowed:
            continue
        if listed and hit.start < listed[-1].end:
            return {}  # one word, two indicators ("communes"): no list to pair
        if not listed or listed[-1].rule is not hit.rule:
            listed.append(hit)
    names = {h.rule.name for h in listed if h.rule is not None}
    if len(numbers) < 2 or len(listed) != len(numbers) or len(names) != len(listed):
        return {}
    if not (listed[-1].end <= numbers[0] or listed[0].start > numbers[-1]):
        return {}
    return dict(zip(numbers, listed, strict=True))


def fields_before_semicolons(
    text: str, spans: Sequence[tuple[int, int]], index: int, numbers: Sequence[int], lex: Lexicon
) -> dict[int, Hit]:
    """``respective_fields`` of clause ``index`` read with the clauses before it that end in a
    semicolon: "The economy; culture and society; defence and security; and the political
    system account for 48, 46, 28 and 6 models respectively" names its fields in clauses of
    their own."""
    first = index
    while first and text[spans[first - 1][0] : spans[first - 1][1]].rstrip()[-1:] in ";；؛":
        first -= 1
    if first == index or respectively_words(lex.lang).search(text, *spans[index]) is None:
        return {}
    start, end = spans[first][0], spans[index][1]
    hits = clause_hits(text[start:end], start, lex)
    return respective_fields(
        text[start:end], hits, allowed_indicators(text[start:end], hits, lex), numbers, lex.lang
    )


_UPPER = "".join(
    chr(i)
    for r in (range(0x41, 0x250), range(0x400, 0x530), range(0x1E00, 0x1F00))
    for i in r
    if chr(i).isupper()
)
_NAME = rf"[{_UPPER}][\w'’-]*(?: (?:[{_UPPER}][\w'’-]*|\d+\b))*"
_JOIN = (
    rf"(?:\s*[,、]\s*(?:{AND_WORDS}\s+)?|\s+{AND_WORDS}\s+)"
    r"(?:(?:à|in|im|en|a|au|в|во|ở|tại)\s+)?(?:(?:the|le|la|les|het|de|die|der|el|los|las)\s+)?"
)
_LIST = re.compile(rf"{_NAME}(?:{_JOIN}{_NAME})+")
_JOINED = re.compile(_JOIN)
"""Two or more capitalised names joined by commas or an "and" word of the corpus languages,
each maybe after a preposition or an article ("à Bo Trach et à Tuyen Hoa", "Dong Du, Le Loi en
Hung Hoa", "le district de Le Thuy et le district de Quang Ninh")."""


def listed_names(before: str) -> list[tuple[int, int]]:
    """Spans of the names of the last list of names in ``before`` (empty when none).

    A name is a run of capitalised words, a number may close it ("Na Ma 1"); scripts without
    capitals (Arabic, Chinese) give no list.
    """
    lists = list(_LIST.finditer(before))
    if not lists:
        return []
    found = lists[-1]
    return [
        (found.start() + m.start(), found.start() + m.end())
        for m in re.finditer(_NAME, found.group())
    ]


class _Placed(Protocol):
    start: int
    end: int
    indicator: str
    place: str
    admin_level: str
    province: str


C = TypeVar("C", bound=_Placed)


def respective_places(
    text: str, claims: list[C], clause_spans: Sequence[tuple[int, int]], context: ArticleContext
) -> list[C]:
    """Claims with the k-th of k listed places given to the k-th of k figures.

    "Hoa Binh and Quang Tri had 51 and 42 new-style communes respectively", "Dong Du, Le Loi
    en Hung Hoa kregen respectievelijk 7 km, 2 km en 1,7 km": each figure holds for its own
    unit, not for the last one named. Only a clause with a respectively word, k >= 2 claims
    of one indicator and a list of exactly k names before them in the sentence. The names are
    the sentence's last k place mentions when they form one list, else capitalised names at
    the level of the word before the list ("drie gehuchten: ..."), else units the gazetteer
    knows; a list with a name of no known level changes nothing.
    """
    out = list(claims)
    for _, group in _groups(text, out, clause_spans, context.lang):
        places = _places_of_list(text, out[group[0]].start, len(group), context)
        for i, (place, level, province) in zip(group, places, strict=False):
            out[i] = replace(out[i], place=place, admin_level=level, province=province)
    return out


def _groups(
    text: str, claims: Sequence[_Placed], clause_spans: Sequence[tuple[int, int]], lang: str
) -> Iterator[tuple[tuple[int, int], list[int]]]:
    """(clause span, indexes of its claims of one indicator) for each indicator of each clause
    with a respectively word of ``lang``."""
    words = respectively_words(lang)
    for c_start, c_end in clause_spans:
        if words.search(text, c_start, c_end) is None:
            continue
        inside = [i for i, c in enumerate(claims) if c_start <= c.start < c_end]
        for indicator in dict.fromkeys(claims[i].indicator for i in inside):
            yield (c_start, c_end), [i for i in inside if claims[i].indicator == indicator]


_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_YEAR_JOIN = re.compile(rf"\s*(?:[,、]\s*(?:{AND_WORDS}\s+)?|\s+{AND_WORDS}\s+|\s*و\s*)")


class _Dated(_Placed, Protocol):
    period_start: str
    period_end: str


D = TypeVar("D", bound=_Dated)


def respective_years(
    text: str, claims: list[D], clause_spans: Sequence[tuple[int, int]], lang: str
) -> list[D]:
    """Claims with the k-th of k listed years given to the k-th of k figures: "в 2014, 2015 и
    2016 годах стандарт выполнили соответственно 8, 9 и 21 община" dates each count by its own
    year, not all three by the span of the years. Only a clause with a respectively word, k >= 2
    claims of one indicator and exactly k years in it, written as one list."""
    out = list(claims)
    for (c_start, c_end), group in _groups(text, out, clause_spans, lang):
        years = [
            m
            for m in _YEAR.finditer(text, c_start, c_end)
            if not any(c.start <= m.start() < c.end for c in out)
        ]
        joined = all(
            _YEAR_JOIN.fullmatch(text, a.end(), b.start())
            for a, b in zip(years, years[1:], strict=False)
        )
        if len(group) < 2 or len(group) != len(years) or not joined:
            continue
        for i, year in zip(group, years, strict=True):
            out[i] = replace(out[i], period_start=year.group(), period_end=year.group())
    return out


def _places_of_list(
    text: str, first: int, k: int, context: ArticleContext
) -> list[tuple[str, str, str]]:
    """(place, level, province) of the k names listed in ``first``'s sentence before it."""
    start = context.sentence_start(first)
    mentions = _listed_mentions(text, start, first, k, context)
    if mentions:
        return [context.described(m) for m in mentions]
    names = listed_names(text[start:first])
    if k < 2 or len(names) != k:
        return []
    names[0], listed_level = _after_level_word(text[start:], names[0], context.lang)
    if listed_level is None:
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 1) : start + names[0][0]])
        listed_level = level_word(before[-1], context.lang) if before else None
    found = []
    for a, b in names:
        name = text[start + a : start + b]
        if listed_level is not None:  # "drie gehuchten: Dong Du, Le Loi en Hung Hoa"
            found.append((name, listed_level, context.province))
        elif (unit := bare_unit(name, context.province)) is not None:
            found.append(unit)
        else:
            return []
    return found


def _after_level_word(
    sentence: str, span: tuple[int, int], lang: str
) -> tuple[tuple[int, int], str | None]:
    """The first listed name without the capitalised level word it starts with, and that
    word's level: in German every noun is capitalised, so "Die Gemeinden Nam Giang und Nam Kim"
    lists "Nam Giang" and "Nam Kim", both communes."""
    words = list(re.finditer(r"\S+", sentence[span[0] : span[1]]))
    for k, word in enumerate(words[:-1]):
        if (level := level_word(word.group(), lang)) is not None:
            return (span[0] + words[k + 1].start(), span[1]), level
    return span, None


def _listed_mentions(
    text: str, start: int, first: int, k: int, context: ArticleContext
) -> list[PlaceMention]:
    """The last k place mentions before ``first`` in its sentence when they form one list
    ("Hoa Binh province and Quang Tri province"), else empty."""
    mentions = [m for m in context.places if start <= m.start and m.end <= first]
    chosen = mentions[-k:]
    if k < 2 or len(chosen) != k or len({m.name for m in chosen}) != k:
        return []
    joins = (text[a.end : b.start] for a, b in zip(chosen, chosen[1:], strict=False))
    return chosen if all(_JOINED.fullmatch(j) for j in joins) else []


def fields_listed(hits: Sequence[Hit], rule: IndicatorRule, numbers: Sequence[int]) -> bool:
    """Whether the clause names two or more fields of ``rule``'s family one after the other,
    with no number between them: "950 models across the economic, cultural-social and
    defence fields" counts models of all fields, while "economy 120, culture 80" (a number
    after each field) is an enumeration that gives each number its field."""
    if rule.name in NOT_FIELDS:
        return False
    fields = sorted(
        (
            h
            for h in hits
            if h.rule is not None
            and h.rule.refines == rule.refines
            and h.rule.name not in NOT_FIELDS
        ),
        key=lambda h: h.start,
    )
    for a, b in zip(fields, fields[1:], strict=False):
        if a.rule is not b.rule and not any(a.end <= n < b.start for n in numbers):
            return True
    return False
