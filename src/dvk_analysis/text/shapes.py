"""Numeral shapes that are no quantity: dates, times, codes, phone numbers, year ranges.

"15/10/2020", "2021-05-01", "9/2025" (dates), "8:30" and "21h30" (times), "25-NQ/TW",
"43/2014/NĐ-CP", "QL1A" and phone numbers (codes), "2020-2025" (a range of years) are written
with digits but count nothing. Their shapes are the same in every language, so they are
recognised here from the characters alone, before :mod:`numbers` reads a value; what needs a
language's words (a date word before "2/9", a month name after "15") stays with the lexicons.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from dvk_analysis.text.patterns import WS

DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19"
"""Digit ranges of a character class: ASCII, Arabic-Indic, Persian and full-width digits."""

D = f"[{DIGITS}]"
"""One digit of any of those scripts."""

TO_ASCII = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
    "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
    "0123456789" * 3,
)
"""``str.translate`` table from those digits to ASCII."""

YEAR_MIN, YEAR_MAX = 1900, 2100
"""Integers in this range written as four bare digits are classified as years."""

_DATE_RX = re.compile(
    f"(?:{D}{{1,2}}([./-]){D}{{1,2}}\\1{D}{{4}}|{D}{{4}}([./-]){D}{{1,2}}\\2{D}{{1,2}})(?!{D})"
)
_MONTH_YEAR_RX = re.compile(f"({D}{{1,2}})/({D}{{4}})(?![{DIGITS}/])")
_TIME_RX = re.compile(f"{D}{{1,2}}(?::|h){D}{{2}}(?![{DIGITS}:])")
_CODE_RX = re.compile(
    f"{D}+(?:[/-]{D}+)*[/-][A-ZĐ](?:[/-]?[A-Za-z0-9À-ɏĐđ]+)*|{D}+(?:/{D}+){{2,}}(?![{DIGITS}])"
)
_PHONE_RX = re.compile(f"[0０٠۰]{D}{{2,4}}(?:[ .-]{D}{{2,4}}){{1,4}}(?!{D})")
_YEAR_RANGE_RX = re.compile(f"({D}{{4}})(?:{WS}?[-–—/]{WS}?)({D}{{4}})(?!{D})")

DAY_MONTH_RX = re.compile(f"/{D}{{1,2}}(?![{DIGITS}/])")
"""The "/m" of a "d/m" date (read as a date only after a date word of the language)."""


def _script_letter(ch: str) -> bool:
    """Latin, Greek or Cyrillic letter: digits glued to one form a code ("QL1A", "QH15")."""
    return ch.isalpha() and ch < "\u0530"


def is_code_prefix(text: str, start: int) -> bool:
    """Whether the digits at ``start`` are glued to a letter or "+" before them ("QL1A",
    "DH-10", "+84"): part of a code, not a number."""
    if start == 0 or currency_code_start(text, start) is not None:
        return False
    prev = text[start - 1]
    if _script_letter(prev) or prev == "+":
        return True
    return prev in "-‐" and start >= 2 and _script_letter(text[start - 2])


_CURRENCY_CODE = re.compile(r"(?<![^\W\d_])(?:VND|VNĐ|USD)[ \u00a0]?$")


def currency_code_start(text: str, start: int) -> int | None:
    """Start of a currency code written right before the number at ``start``, else None:
    "VND 81.4 billion", and "VND7 billion" as English news glue it (no code, then)."""
    m = _CURRENCY_CODE.search(text, max(0, start - 4), start)
    return m.start() if m else None


def special_kind(text: str, start: int) -> tuple[str, int] | None:
    """Kind ("date", "time", "code", "year") and end of such a shape at ``start``, else None."""
    if m := _DATE_RX.match(text, start):
        return "date", m.end()
    if m := _CODE_RX.match(text, start):
        return "code", m.end()
    if m := _TIME_RX.match(text, start):
        return "time", m.end()
    if (m := _PHONE_RX.match(text, start)) and sum(c.isdigit() for c in m.group()) >= 9:
        return "code", m.end()
    if (m := _MONTH_YEAR_RX.match(text, start)) and _is_month_year(m):
        return "date", m.end()
    if (m := _YEAR_RANGE_RX.match(text, start)) and all(is_year_value(x) for x in m.groups()):
        return "year", m.end()
    return None


def is_year_value(s: str) -> bool:
    """Whether the digits ``s`` lie between :data:`YEAR_MIN` and :data:`YEAR_MAX`."""
    return YEAR_MIN <= int(s.translate(TO_ASCII)) <= YEAR_MAX


def _is_month_year(m: re.Match) -> bool:
    return 1 <= int(m.group(1).translate(TO_ASCII)) <= 12 and is_year_value(m.group(2))


def date_value(s: str) -> Decimal:
    """The year of a date, or its first number: dates carry no quantity."""
    digits = re.findall(f"{D}{{4}}", s) or re.findall(f"{D}+", s)
    try:
        return Decimal(digits[0].translate(TO_ASCII)) if digits else Decimal(0)
    except InvalidOperation:
        return Decimal(0)
