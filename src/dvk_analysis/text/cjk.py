"""Chinese numerals: values of Han numerals and of digits mixed with 万 / 亿.

Chinese writes a number three ways, often in one article: Han numerals ("十二", "三百五十",
"二〇二〇"), Arabic digits with a large-unit character ("1.2万", "3700亿") and both mixed
("1亿2000万", "三点五万"). The large units 万 (10⁴) and 亿 (10⁸) may stand in any position
("一万二千" 12,000, "十二万" 120,000, "一亿五千万" 150,000,000), and a decimal point 点 may
come before them ("三点五万" 35,000, "二点五" 2.5). This module reads those values; it knows no
lexicon and no text around the numeral. :mod:`numbers` finds the numerals (and decides
whether a Han numeral counts: only before a classifier, never after 第) and calls it.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
"""Han digits."""

SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
"""Units that multiply the digit before them inside one section of four places."""

LARGE_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
"""Units that multiply everything before them (back to the previous larger unit)."""

POINTS = "点點"
"""The decimal point of Han numerals ("三点五" 3.5)."""

HAN_NUMERAL = re.compile(
    "[" + "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS) + "]+"
    "(?:[" + POINTS + "][" + "".join(DIGITS) + "]+[" + "".join(LARGE_UNITS) + "]*)?"
)
"""One Han numeral, its decimal part and a large unit after the decimals included."""

_TAIL = re.compile(r"([0-9０-９]+(?:\.[0-9]+)?)([万萬千仟百佰]?)")
_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


def han_value(numeral: str) -> Decimal:
    """Value of a Han numeral ("十二" 12, "一万二千" 12000, "三点五万" 35000, "二〇二〇" 2020).

    Raises
    ------
    ValueError
        When ``numeral`` holds a character that is no Han numeral or is malformed
        ("点五", "万").
    """
    whole, point, rest = _split_point(numeral)
    if not whole:
        raise ValueError(f"{numeral!r} is not a Han numeral")
    if point:
        decimals = rest.rstrip("".join(LARGE_UNITS))
        scale = _large_scale(rest[len(decimals) :])
        if not decimals or any(c not in DIGITS for c in decimals):
            raise ValueError(f"{numeral!r}: the decimal part must be Han digits")
        fraction = Decimal("0." + "".join(str(DIGITS[c]) for c in decimals))
        return (_integer(whole) + fraction) * scale
    return _integer(whole)


def _split_point(numeral: str) -> tuple[str, str, str]:
    for point in POINTS:
        if point in numeral:
            whole, rest = numeral.split(point, 1)
            return whole, point, rest
    return numeral, "", ""


def _large_scale(units: str) -> Decimal:
    scale = Decimal(1)
    for c in units:
        scale *= LARGE_UNITS[c]
    return scale


def _integer(s: str) -> Decimal:
    """Integer value of a Han numeral without decimal point."""
    if all(c in DIGITS for c in s):
        return Decimal("".join(str(DIGITS[c]) for c in s))  # "二〇二〇": digit by digit
    total, section, digit = 0, 0, None
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        elif c in LARGE_UNITS:
            if digit is None and section == 0 and total == 0:
                raise ValueError(f"{s!r}: a large unit needs a number before it")
            unit = LARGE_UNITS[c]
            if total and total < unit:  # "一万亿": 万 then 亿 multiply out
                total = (total + section + (digit or 0)) * unit
            else:
                total += (section + (digit or 0)) * unit
            section, digit = 0, None
        else:
            raise ValueError(f"{s!r}: {c!r} is not a Han numeral character")
    return Decimal(total + section + (digit or 0))


def compound_tail(text: str, pos: int, unit: float) -> tuple[Decimal, int] | None:
    """The smaller part of a mixed number after a large unit: "2000万" in "1亿2000万".

    ``pos`` is where the first part ("1亿") ends and ``unit`` its large unit (10⁴ or 10⁸).
    Returns the tail's value and where it ends, or None when no smaller part follows: the
    tail must be digits with a unit character smaller than ``unit`` ("1万2千", "1亿2000万");
    bare digits after the unit are left alone ("1万 2000户" is two numbers).
    """
    m = _TAIL.match(text, pos)
    if m is None or not m.group(2):
        return None
    scale = LARGE_UNITS.get(m.group(2)) or SMALL_UNITS[m.group(2)]
    if scale >= unit:
        return None
    return Decimal(m.group(1).translate(_ASCII)) * scale, m.end()
