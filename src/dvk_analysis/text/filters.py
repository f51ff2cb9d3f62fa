"""Numbers that are no claim, whatever the language: clock times and days of the month.

A meeting hour written next to the word "session" was read as a count of sessions ("at 8 a.m.
the propaganda session began" -> 8 sessions). Clock times are recognised the same way in every
language: an hour (0 to 24) followed by a marker that is the same everywhere ("14h", "14h30",
"8 a.m.", "8点", "8时"), by one of the language's hour words (``[numbers] clock_after``:
"giờ", "o'clock", "Uhr", "heures", "часов", "órakor", "uur"), or preceded by one
(``[numbers] clock_before``: Arabic "الساعة"). Times with minutes ("8:30") are already a
``time`` kind of :mod:`numbers`.

Days of the month: "works began on 15 March" gave "15 roads". A number from 1 to 31 right
before a month name of the language (the ``[periods] months`` of its lexicon, the same words
that date periods) is a day, in every language that writes the day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import alternation

MAX_HOUR = 24
"""Only numbers up to this can be an hour of the day."""

_SHARED_AFTER = re.compile(
    r"(?:[hH](?:[0-5]\d)?(?![^\W\d_])"  # 14h, 14h30, 8H
    r"|[ \u00a0]?(?:[ap]\.\s?m\.|[AP]M\b|[ap]m\b)"  # 8 a.m., 8 PM
    r"|\s?[点時时](?![间間])"  # 8点, 8时 (not 时间, "time span")
    r")"
)
"""Hour markers written the same way in every language."""


@dataclass(frozen=True)
class _Clock:
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None


@cache
def _clock(lang: str) -> _Clock:
    """The language's hour words, compiled once."""
    numbers = section(lang, "numbers")
    after, before = numbers.get("clock_after", []), numbers.get("clock_before", [])
    return _Clock(
        re.compile(rf"\s*(?:{alternation(after)})", re.IGNORECASE) if after else None,
        re.compile(rf"(?:{alternation(before)})\s*$", re.IGNORECASE) if before else None,
    )


def is_clock_time(text: str, start: int, end: int, value: float, lang: str) -> bool:
    """True when the number at ``text[start:end]`` (value ``value``) is an hour of the day.

    Parameters
    ----------
    text
        The article.
    start, end
        Offsets of the number's digits.
    value
        Its value; only whole numbers from 0 to :data:`MAX_HOUR` can be hours.
    lang
        Language code (its ``clock_after`` / ``clock_before`` words are used).
    """
    if value != int(value) or not 0 <= value <= MAX_HOUR:
        return False
    if _SHARED_AFTER.match(text, end):
        return True
    clock = _clock(lang)
    if clock.after is not None and clock.after.match(text, end):
        return True
    return (
        clock.before is not None
        and clock.before.search(text[max(0, start - 20) : start]) is not None
    )


@cache
def _month_after(lang: str) -> re.Pattern[str] | None:
    """Month names (any ending) right after a number, with an optional "." or "-" between."""
    months = [w for forms in section(lang, "periods").get("months", []) for w in forms]
    months = [w for w in months if len(w) > 2]  # "tháng" forms are written before the number
    if not months:
        return None
    alts = "|".join(re.escape(w) for w in sorted(months, key=len, reverse=True))
    return re.compile(rf"\.?[ \u00a0-]?(?:{alts})", re.IGNORECASE)


def is_day_of_month(text: str, end: int, value: float, lang: str) -> bool:
    """True when the number ending at ``end`` (value ``value``) is a day before a month name."""
    if value != int(value) or not 1 <= value <= 31:
        return False
    months = _month_after(lang)
    return months is not None and months.match(text, end) is not None
