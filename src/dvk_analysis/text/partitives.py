"""Partitive heads: "Sur ses 86 communes, 73 sont reconnues néo-rurales".

A report may open a sentence with what it counts, in a partitive phrase ("of the province's
178 communes", "van de plattelandsgemeenten", "из 12 общин уезда", "a községek közül"), and
give the count after it: far from its noun, and on the side a bare count never takes its noun
from in most languages ("35 communes", not "commune 17"). Such a head is the count's noun.

The words live in the lexicons (``[indicators] partitive``: words that open the phrase before
its noun, ``partitive_after``: words that close it after the noun, Hungarian "közül"), so a
language without them simply has no partitive heads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol

from dvk_analysis.text.patterns import compile_keywords

REACH = 40
"""Characters from the opening word to the noun at most ("Of the province's 178 communes")."""

_OPENING = re.compile(r"(?:^|[.;:!?,–—\n]\s*)(?:\S+\s+)?$")
"""What may stand before the opening word: the start of the sentence or of a clause, or one
word ("Tot nu toe van de ..."); a partitive inside a clause ("the roads of 3 communes") is
no head."""

_FILLER = re.compile(r"\s*(?:[^\s,;:.]+\s+){0,3}")
"""Up to three words between the opening word and the noun: determiners, possessives, the
whole ("ses 86", "the province's 178"); no comma ("Parmi les exemples, le hameau")."""

_SUFFIX = re.compile(r"\w*\s*")
"""The rest of the noun's word and a space: "községei közül" after the keyword "község"."""

Partitive = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


class _Keyword(Protocol):
    start: int
    end: int


class _Lexicon(Protocol):
    partitive: Partitive


def partitive_words(section: Mapping[str, Any], spaced: bool) -> Partitive:
    """The compiled opening and closing words of a language's partitive phrases."""
    before = compile_keywords(section.get("partitive", []), spaced)
    after = compile_keywords(section.get("partitive_after", []), spaced)
    return before, after


def partitive_head(text: str, hit: _Keyword, lex: _Lexicon) -> bool:
    """Whether the keyword ``hit`` is the head of a partitive phrase that opens its sentence
    or clause: "Van de gemeenten voldoen er 325 aan de norm", "Из 12 общин уезда 8
    соответствуют", "a községek közül 188 a fejlett"."""
    start, end = hit.start, hit.end
    before, after = lex.partitive
    if text[end : end + 1] in ("'", "’"):
        return False  # "Of the commune's 1,781 houses": the commune owns the head
    if after is not None and after.match(text, _SUFFIX.match(text, end).end()):
        return True
    if before is None:
        return False
    lo = max(0, start - REACH)
    for found in before.finditer(text, lo, start):
        if _FILLER.fullmatch(text, found.end(), start) and _OPENING.search(
            text[max(0, found.start() - 30) : found.start()]
        ):
            return True
    return False


def opens_with_partitive(
    text: str, nouns: re.Pattern[str], lo: int, hi: int, lex: _Lexicon
) -> bool:
    """Whether a noun of ``nouns`` between ``lo`` and ``hi`` heads a partitive phrase: "Van de
    gemeenten in Y Yen voldoet 100 procent aan de norm" (a share of the communes)."""
    return any(
        partitive_head(text, _Span(m.start(), m.end()), lex) for m in nouns.finditer(text, lo, hi)
    )


class _Span(NamedTuple):
    start: int
    end: int
