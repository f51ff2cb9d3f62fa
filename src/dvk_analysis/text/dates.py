"""Dates as written -> ISO strings ("15/10/2020", "2021年6月", "30 June 2024", "2023").

:mod:`periods` finds where a text states a period and which words make it a range, a start or
an end; this module only turns one date, month or year as written into "YYYY", "YYYY-MM" or
"YYYY-MM-DD", with the language's month names (``month_patterns``: (name length, month number,
pattern) per month form, built by :mod:`periods` from the lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MonthPatterns = Sequence[tuple[int, int, re.Pattern[str]]]

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_YMD_HAN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_MY = re.compile(r"(\d{1,2})/(\d{4})")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def date_this_year(s: str, month_patterns: MonthPatterns, pub: str | None) -> str | None:
    """ISO date or month of a day and month written without a year, in the publication's year."""
    if not pub:
        return None
    han = re.search(r"(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", s)
    month = (int(han.group(1)), han.group(2)) if han else None
    if month is None and (found := _month_in(s, month_patterns)) is not None:
        rest = s[: found[1]] + " " * (found[2] - found[1]) + s[found[2] :]
        day = _DAY.search(rest)
        month = (found[0], day.group(1) if day else None)
    if month is None:
        return None
    year = int(pub[:4])
    latest = (pub[5:] + "-31")[:5] if len(pub) == 7 else pub[5:] or "12-31"  # a month: its end
    if f"{month[0]:02d}-{int(month[1] or 1):02d}" > latest:
        year -= 1  # "by 30 September" in a paper of March: last September
    return iso(str(year), str(month[0]), month[1])


def parse_date(s: str, month_patterns: MonthPatterns) -> str | None:
    """Return the ISO form of one date, month or year as written."""
    s = s.strip()
    if m := _DMY.fullmatch(s):
        return iso(m.group(3), m.group(2), m.group(1))
    if m := _YMD.fullmatch(s):
        return iso(m.group(1), m.group(2), m.group(3))
    if m := _YMD_HAN.fullmatch(s):
        return iso(m.group(1), m.group(2), m.group(3))
    if m := _MY.fullmatch(s):
        return iso(m.group(2), m.group(1))
    year = _FOUR_DIGITS.search(s)
    if year is None:
        return None
    month = _month_in(s, month_patterns)
    if month is None:
        return year.group()
    chars = list(s)
    for a, b in ((year.start(), year.end()), month[1:]):
        chars[a:b] = " " * (b - a)
    rest = "".join(chars)
    day = _DAY.search(rest)
    return iso(year.group(), str(month[0]), day.group(1) if day else None)


def _month_in(s: str, month_patterns: MonthPatterns) -> tuple[int, int, int] | None:
    """Return (month number, start, end) of the longest month name starting a word in ``s``."""
    folded = s.casefold()
    best = None
    for size, num, pattern in month_patterns:
        for m in pattern.finditer(folded):
            if best is None or size > best[0]:
                best = (size, num, m.start(), m.end())
    return best[1:] if best else None


def iso(year: str, month: str | None = None, day: str | None = None) -> str | None:
    if month is None:
        return year
    mm = int(month)
    if not 1 <= mm <= 12:
        return None
    if day is None:
        return f"{year}-{mm:02d}"
    dd = int(day)
    return f"{year}-{mm:02d}-{dd:02d}" if 1 <= dd <= 31 else f"{year}-{mm:02d}"
