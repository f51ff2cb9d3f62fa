"""Shares of communes meeting the standard: "115 communes ..., soit 78,76 %".

Reports follow a count of communes meeting the NTM standard with its share of the unit's
communes ("or 36.6%", "es decir, el 97,2 %", "то есть 100%", "比例为100%"). The codebook
keeps that share as ``share_communes_meeting_ntm`` (the source's percentage divided by 100),
for the same unit, period and tier as the count. A percentage is read so only right after such
a count in its sentence, before any other percentage: "up 15.9% from 2015" after the share is
a change, not a share. A percentage "of the communes" in a clause that says they meet the
standard is a share on its own, with no count before it (:func:`share_of_communes`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from dvk_analysis.text.lexicon import section
from dvk_analysis.text.numbers import NumberMatch
from dvk_analysis.text.partitives import opens_with_partitive
from dvk_analysis.text.patterns import stem_alternation

if TYPE_CHECKING:
    from dvk_analysis.text.keywords import IndicatorRule, Lexicon

SHARE = "share_communes_meeting_ntm"
COUNTS = frozenset({"communes_meeting_ntm"})
GAP = 160
"""Characters between the count and its share at most ("17 de las 29 comunas habían alcanzado
ya el estándar de nueva ruralidad modelo, es decir, el 58,6 %"); the share must still be the
first percentage after the count, in its sentence, with at most one number between."""


@cache
def _of_what(lang: str) -> re.Pattern[str] | None:
    """What a percentage is of, when the text says: "75 % des critères" names the criteria.

    The language's ``[indicators] share_of`` words ("of", "des", "van de") after the number and
    its percent word (``[numbers] percent``), then up to six words; None for a language that
    names what a share is of before it (Hungarian "a községek 78%-a", Chinese "的").
    """
    of = section(lang, "indicators").get("share_of", [])
    if not of:
        return None
    percent = "|".join(_word(w) for w in section(lang, "numbers").get("percent", []))
    return re.compile(
        rf"\s*(?:{percent})?\s*(?:{stem_alternation(of)})\s+"
        r"([^\W\d_]+(?:(?:['’]|\s+)[^\W\d_]+){0,5})",
        re.IGNORECASE,
    )


@cache
def _total(lang: str) -> re.Pattern[str]:
    """A percentage "of the total" (``[indicators] share_total``: "soit 65,8 % du total", "nearly
    90 per cent of the total") is of the count's own whole: the communes, when it follows a
    count of communes."""
    words = section(lang, "indicators").get("share_total", [])
    return re.compile(rf"(?:{stem_alternation(words)})(?!\w)", re.IGNORECASE)


def _owner(text: str, end: int, lang: str) -> re.Match[str] | None:
    """The "of ..." phrase right after a percentage ending at ``end``, if the text has one."""
    of_what = _of_what(lang)
    return of_what.match(text, end) if of_what is not None else None


def _word(word: str) -> str:
    """A lexicon word as a regex: a final ``*`` takes any ending ("százalék*")."""
    return stem_alternation([word.rstrip("*")], stems=word.endswith("*"))


class _Count(Protocol):
    indicator: str
    end: int
    value: float
    rule: str


C = TypeVar("C", bound=_Count)


def share_after_count(
    text: str,
    number: NumberMatch,
    previous: C | None,
    between: int,
    shared: bool,
    communes: IndicatorRule | None,
    same_sentence: bool,
    lang: str,
) -> C | None:
    """The share claim of a percentage ``number`` that follows a count of communes, else None.

    ``previous`` is the last claim before the number, ``between`` how many numbers stand
    between the two, ``shared`` whether a percentage came after ``previous`` already and
    ``communes`` the language's rule for communes: a percentage "of" anything else (the
    criteria, the households, the plan) is no share of communes; ``same_sentence`` whether
    the count stands in the percentage's sentence; ``lang`` the text's language.
    """
    if previous is None or previous.indicator not in COUNTS or shared or between > 1:
        return None
    if number.start - previous.end > GAP or not same_sentence or not 0 < number.value <= 100:
        return None
    owner = _owner(text, max(number.end, number.expr_end), lang)
    words = communes.keywords if communes is not None else None
    if (
        owner is not None
        and not _total(lang).match(owner.group(1))
        and not _names_communes(owner.group(1), words)
    ):
        return None  # "75 % des critères", "97 Prozent der Haushalte", "98.46% of the plan"
    return replace(
        previous,
        indicator=SHARE,
        value=round(number.value / 100, 6),
        unit="share",
        denominator=None,
        qualifier=number.qualifier,
        start=number.start,
        end=number.end,
        rule=previous.rule.split(":")[0] + f":{SHARE}:after_count",
        measure="",
    )


def _names_communes(words: str, communes: re.Pattern[str] | None) -> bool:
    """Whether one of the (up to six) words after "of" is a communes keyword ("de
    l'ensemble de ses communes", "of all the communes")."""
    return communes is not None and any(communes.fullmatch(w) for w in re.split(r"['’\s]+", words))


def as_count(share: C) -> C:
    """A share of communes as the count that its "of these" parts break down: "100 per cent
    of Ha Noi's communes have reached the standard. Of these, 229 have been recognised as
    advanced ... and 109 have earned model status". Its size is unknown, so no part is too
    large for it."""
    return replace(share, indicator="communes_meeting_ntm", unit="count", value=math.inf)


def share_of_communes(
    text: str,
    number: NumberMatch,
    communes: IndicatorRule | None,
    spans: list[tuple[int, int]],
    lex: Lexicon,
) -> tuple[int, int] | None:
    """The percentage's clause span when it is itself the share of communes meeting the
    standard, with no count before it (else None): "100 per cent of Ha Noi's communes have
    reached the standard", "100% số xã đạt chuẩn", "100%的乡已达到新农村标准": a percentage
    of the communes, in a clause that says they meet the standard (the communes rule's
    ``need``), stated as a fact."""
    from dvk_analysis.text.stance import not_stated_as_fact

    if communes is None or communes.need is None or not 0 < number.value <= 100:
        return None
    end = max(number.end, number.expr_end)
    owner = _owner(text, end, lex.lang)
    i = bisect_right(spans, (number.start, len(text))) - 1  # spans are sorted, not nested
    clause = spans[i] if i >= 0 and number.start < spans[i][1] else (number.start, end)
    if owner is not None:
        named = _names_communes(owner.group(1), communes.keywords)
    elif lex.lang == "zh":  # "100%的乡"
        named = communes.keywords.match(text, end + 1) is not None and text[end : end + 1] == "的"
    else:  # "Van de gemeenten in Y Yen voldoet 100 procent aan de norm": a partitive head
        head = text[clause[0] : number.start]
        named = not any(c.isdigit() for c in head) and opens_with_partitive(
            text, communes.keywords, clause[0], number.start, lex
        )
    said = communes.need.search(text, clause[0], clause[1]) is not None
    said = said and not (communes.exclude and communes.exclude.search(text[clause[0] : clause[1]]))
    if named and said and not not_stated_as_fact(text, number, clause, SHARE, lex):
        return clause
    return None
