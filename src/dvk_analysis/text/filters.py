"""Numbers that are no claim, whatever the language: clock times, days of the month, and the
other numbers a report writes but does not claim (:func:`skipped`: percentages, codes, labels,
numbers glued to a token or inside a quoted name, widths, ages, one example written as a word).

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
from typing import TYPE_CHECKING

from dvk_analysis.text.han_names import HAN
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import AND_WORDS, alternation
from dvk_analysis.text.shapes import currency_code_start

if TYPE_CHECKING:
    from dvk_analysis.text.keywords import Lexicon
    from dvk_analysis.text.numbers import NumberMatch

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
    hour: re.Pattern[str]


@cache
def _clock(lang: str) -> _Clock:
    """The language's hour words, compiled once."""
    numbers = section(lang, "numbers")
    after, before = numbers.get("clock_after", []), numbers.get("clock_before", [])
    words = "|".join(filter(None, [alternation(after) if after else "", r"[hH]|[点時时]"]))
    return _Clock(
        re.compile(rf"\s*(?:{alternation(after)})", re.IGNORECASE) if after else None,
        re.compile(rf"(?:{alternation(before)})\s*$", re.IGNORECASE) if before else None,
        re.compile(rf"(?<![\d.,])(?:[01]?\d|2[0-4])\s*(?:{words})\s*$", re.IGNORECASE),
    )


def is_clock_time(
    text: str, start: int, end: int, value: float, lang: str, has_unit: bool = False
) -> bool:
    """True when the number at ``text[start:end]`` (value ``value``) is an hour of the day.

    Parameters
    ----------
    text
        The article.
    start, end
        Offsets of the number's digits.
    value
        Its value; only whole numbers from 0 to :data:`MAX_HOUR` can be hours, and from 0 to
        59 the minutes written after an hour.
    lang
        Language code (its ``clock_after`` / ``clock_before`` words are used).
    has_unit
        A unit follows the number: then it is no minute ("at 9 o'clock 40 people came").
    """
    if value != int(value) or not 0 <= value <= 59:
        return False
    clock = _clock(lang)
    if not has_unit and clock.hour.search(text, max(0, start - 16), start):
        return True  # the minutes of "14 giờ 30", "2时30分", "14h 30"
    if value > MAX_HOUR:
        return False
    if _SHARED_AFTER.match(text, end):
        return True
    if clock.after is not None and clock.after.match(text, end):
        return True
    return (
        clock.before is not None
        and clock.before.search(text[max(0, start - 20) : start]) is not None
    )


def _month_names(lang: str) -> str | None:
    """Alternation of the lexicon's month names longer than two characters ("tháng" forms
    are written before the number), longest first; None without any."""
    months = [w for forms in section(lang, "periods").get("months", []) for w in forms]
    months = [w for w in months if len(w) > 2]
    if not months:
        return None
    return "|".join(re.escape(w) for w in sorted(months, key=len, reverse=True))


@cache
def _month_after(lang: str) -> re.Pattern[str] | None:
    """Month names (any ending) right after a number, with an optional "." or "-" between."""
    alts = _month_names(lang)
    return re.compile(rf"\.?[ \u00a0-]?(?:{alts})", re.IGNORECASE) if alts else None


@cache
def _month_before(lang: str) -> re.Pattern[str] | None:
    """A month name right before a day that ends its phrase: "As of October 20, 6,320 ...",
    "on March 5." (a day followed by a noun, "in May 20 households ...", stays a count)."""
    alts = _month_names(lang)
    return re.compile(rf"(?<!\w)(?:{alts})\.?[ \u00a0]$", re.IGNORECASE) if alts else None


_DAY_END = re.compile(r"\s*(?:[,.;:)]|$)|-[^\W\d_]{1,5}(?![^\W\d_])|\s*[–—]|\s+-\s")
"""What may follow a day after its month: the phrase's end, a case ending ("szeptember
8-án", "november 25-én") or a dateline's dash ("QUYNH LUU, Nghe An, September 4 — ...")."""

_DATELINE_DAY = re.compile(r"[0-9]{1,2}/[0-9]{1,2}\s*[–—-]\s")
"""A day and month without a year, then a dash: "VĨNH LINH (Quảng Trị), 22/6 – Hôm nay"."""
DATELINE_LEAD = 60
"""Longest place part of a dateline before its date ("HUNG YEN, 9 de julio de 2019 –")."""


def _dateline_day(text: str, number: NumberMatch) -> bool:
    """Whether ``number`` is the day of a dateline's "day/month" (a line that opens with the
    place, a comma or bracket, the date and a dash): the report's date, no count."""
    if not _DATELINE_DAY.match(text, number.start):
        return False
    lead = text[text.rfind("\n", 0, number.start) + 1 : number.start].rstrip()
    return len(lead) <= DATELINE_LEAD and lead.endswith((",", ")", "）", "，"))


def is_day_of_month(text: str, end: int, value: float, lang: str, start: int = -1) -> bool:
    """True when the number ending at ``end`` (value ``value``) is a day before a month name,
    or (given its ``start``) a day right after one that ends its phrase."""
    if value != int(value) or not 1 <= value <= 31:
        return False
    months = _month_after(lang)
    if months is not None and months.match(text, end) is not None:
        return True
    before = _month_before(lang)
    return (
        start > 0
        and before is not None
        and before.search(text, max(0, start - 16), start) is not None
        and _DAY_END.match(text, end) is not None
    )


# --------------------------------------------------------------------------- no quantity

_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_LETTER = re.compile(r"[^\W\d_]")


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


MIN_LENGTH_M = 20
"""Lengths below this many metres are widths or heights: nobody reports building 15 m of road."""

YEARS = (1930, 2050)
"""A bare four-digit number in this range is read as a year: reports look back to 15 October
1930 (the founding of the Party's mass mobilisation work) and to 1945, and ahead to 2045
plans; "2071 models" stays a count."""


def _glued(before: str) -> bool:
    """A letter right before the digits makes them part of a token ("m2"), except in scripts
    that write conjunctions onto the next word (Arabic "و12") or use no spaces (Chinese)."""
    return (
        before.isalpha()
        and not ("\u0600" <= before <= "\u06ff")
        and not ("\u3000" <= before <= "\u9fff")
    )


_OPEN_QUOTES, _CLOSE_QUOTES = "“„«「『", "”“»」』"
_OPENING = re.compile("[" + _OPEN_QUOTES + '"]')


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a short quoted name on one line."""
    if _OPENING.search(text, max(0, pos - 40), pos) is None:
        return False  # no quote opens in the 40 characters before (most numbers)
    left = text[max(0, pos - 40) : pos]
    right = text[pos : pos + 40]
    opened = max(left.rfind(q) for q in _OPEN_QUOTES)
    if any(q in left[opened + 1 :] for q in _CLOSE_QUOTES if q not in _OPEN_QUOTES):
        opened = -1
    close = min((right.find(q) for q in _CLOSE_QUOTES if right.find(q) >= 0), default=-1)
    if opened >= 0 and close >= 0 and "\n" not in left[opened:] + right[:close]:
        return True
    # Straight quotes open and close alike: inside when an odd number stand before on the line.
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count('"') % 2 == 1 and '"' in left and '"' in text[pos : pos + 80]


def is_year(number: NumberMatch, unit: str | None) -> bool:
    """A bare four-digit number between 1900 and 2100 ("2023", "2025-2030") is a year."""
    raw = number.raw
    return (
        unit is None
        and number.multiplier == 1
        and raw[:4].isdigit()
        and not raw[4:5].isdigit()
        and YEARS[0] <= int(raw[:4]) <= YEARS[1]
        and number.value == int(raw[:4])
    )


def _is_code(text: str, number: NumberMatch) -> bool:
    """True for decree, resolution and road numbers: "25-NQ/TW", "558/QĐ-TTg", "DT-186".

    A lower-case ending after a hyphen is an inflection, not a code ("15-öt", "9-et": the
    Hungarian accusative written onto digits)."""
    after = text[number.end : number.end + 2]
    before = text[max(0, number.start - 2) : number.start]
    return (
        (len(after) == 2 and after[0] in "-/–" and after[1].isalpha() and not after[1].islower())
        or (len(before) == 2 and before[1] in "-–/" and before[0].isalpha())
        or _LETTER_SUFFIX.match(text, number.end) is not None
    )


_LETTER_SUFFIX = re.compile(r"[A-Z](?![^\W\d_])")
"""One capital letter glued to the digits ("833B", "QL1A"): a road's or a decree's code."""


def _ends_with(before: str, pattern: re.Pattern[str] | None, lang: str) -> bool:
    """True when ``before`` ends with a phrase of ``pattern`` (a label such as "group",
    "No."). Only the last three words are tried, which is much faster than searching."""
    if pattern is None:
        return False
    if lang == "zh":
        tail = before[-8:]
        return any(pattern.fullmatch(tail[i:]) for i in range(len(tail)))
    words = before.split()
    for k in (1, 2, 3):
        if k > len(words):
            break
        phrase = " ".join(words[-k:])
        if pattern.fullmatch(phrase) or pattern.fullmatch(phrase.rstrip(".")):
            return True
    return False


def _not_after(text: str, unit_end: int, lex: Lexicon) -> bool:
    """Whether a ``not_after`` word follows the number and its unit ("6 m wide", "12 more
    than last year"), unless a number follows that word: then "more than" qualifies the next
    number ("12 households more than 740 m2")."""
    if lex.not_after is None:
        return False
    start = _skip_space(text, unit_end)
    if text[start : start + 1] in ("-", "–"):  # "54-gyel kevesebbet": an ending after a hyphen
        start += 1
    found = lex.not_after.match(text, start)
    if found is None:
        return False
    return _DIGIT.match(text, _skip_space(text, found.end())) is None


MEASURED = frozenset({"m", "m2", "households", "persons"})
"""Units that make a number a quantity even after a label word: "a road 180 m long", "A
csoportban 46 háztartás": no road or group numbered so (``skipped``'s ``measured``)."""


def skipped(
    text: str, number: NumberMatch, unit_end: int, lex: Lexicon, measured: bool = False
) -> str | None:
    """Return why ``number`` is not a quantity, or ``None`` when it may be one.

    ``measured``: a unit of :data:`MEASURED` follows the number, which makes it a quantity
    even after a label word ("a road 180 m long" is no road number 180).
    """
    if number.percent:
        return "percent"
    if number.kind in ("date", "time"):
        return number.kind  # "từ ngày 1/7/2025", "8:30": no count (years: ``is_year``)
    if number.value == 1 and number.denominator is None and not _DIGIT.search(number.raw):
        return "one"  # "одна семья", "één gezin": one example, not a count (as "a family")
    if _in_quotes(text, number.start):
        return "quoted"  # part of a name: the “3 không” residential-area campaign
    if _is_code(text, number) or (_DIGIT.search(number.raw) and _LETTER.search(number.raw)):
        return "code"
    if (
        number.start > 0
        and _glued(text[number.start - 1])
        and currency_code_start(text, number.start) is None
    ):
        return "glued"  # part of a token: "m2", "H2", "DT186"
    if lex.lang == "zh" and _in_han_name(text, number):
        return "name"  # "嘉和1乡", "平定2村": the number of a commune's or village's name
    # A label stands right before the digits ("group 8"); a qualifier between ("the village
    # more than 900 m²") makes the number a quantity.
    digits_before = text[max(0, number.start - 40) : number.start].rstrip(" \u00a0#:")
    amount = number.multiplier != 1  # "деревни 386,99 млрд": an amount is never a label
    if not amount and not measured and _ends_with(digits_before, lex.labels, lex.lang):
        return "label"
    listed = _LABEL_LIST_TAIL.sub("", digits_before)  # "provinciale wegen 601, 602 en 605"
    bare = unit_end <= max(number.end, number.expr_end)  # "..., 605 en 30 km": a length
    if bare and not amount and listed != digits_before and _ends_with(listed, lex.labels, lex.lang):
        return "label"
    before = text[max(0, number.expr_start - 40) : number.expr_start].rstrip(" \u00a0#:")
    if _ends_with(before, lex.not_before, lex.lang) and not _ends_with(
        before, lex.all_words, lex.lang
    ):
        return "not_before"  # but "toàn bộ 382/382 xã": "all" counts, though "bộ" is a set
    if _not_after(text, unit_end, lex):
        return "not_after"
    has_unit = unit_end > max(number.end, number.expr_end)
    if is_clock_time(text, number.start, number.end, number.value, lex.lang, has_unit):
        return "clock"
    if is_day_of_month(text, number.end, number.value, lex.lang, number.start):
        return "date"
    if _dateline_day(text, number):
        return "date"  # "VĨNH LINH (Quảng Trị), 22/6 – Hôm nay": the report's day
    if (ordinal := _ordinal_after(lex.lang)) is not None and ordinal.match(text, number.end):
        return "ordinal"  # "sa 7e session", "de 15e Nationale Vergadering", "the 3rd congress"
    if _ordinal_dot(lex.lang) and _DOT_ORDINAL.match(text, number.end):
        return "ordinal"  # "a népi tanács 35. ülésszakán": a dot and a lower-case word
    return None


_DOT_ORDINAL = re.compile(r"\.[ \u00a0]+[^\W\d_A-ZÁÉÍÓÖŐÚÜŰ]")
"""A dot and then a lower-case word: the number is an ordinal where the lexicon says the
language writes ordinals so (``ordinal_dot``: Hungarian "35. ülésszak")."""


@cache
def _ordinal_dot(lang: str) -> bool:
    return bool(section(lang, "numbers").get("ordinal_dot", False))


@cache
def _ordinal_after(lang: str) -> re.Pattern[str] | None:
    """The lexicon's ordinal endings glued to a number ("7e", "15-й"), then no letter."""
    endings = section(lang, "numbers").get("ordinal_suffixes", [])
    if not endings:
        return None
    return re.compile(rf"(?:{alternation(endings, with_bounds=False)})(?![^\W\d_])")


_LABEL_LIST_TAIL = re.compile(rf"(?:\s*[0-9٠-٩]+[A-Za-z]?\s*(?:[,、;و]|\b{AND_WORDS}\b)\s*)+$")
"""The numbers of a list after its label ("wegen 601, 602 en", "roads 14B and"): stripped so
that the label before the first one labels them all."""

_HAN_LEVEL = "乡村邑社坊县镇"


def _in_han_name(text: str, number: NumberMatch) -> bool:
    """Whether ``number`` stands inside a Chinese place name: right after a Han character and
    right before a level character, with no classifier ("个") between (a count of communes
    reads "70个乡"; "嘉和1乡" is the commune Gia Hoa 1)."""
    end = max(number.end, number.expr_end)
    return (
        number.start > 0
        and end < len(text)
        and text[end] in _HAN_LEVEL
        and HAN.match(text[number.start - 1]) is not None
    )


# --------------------------------------------------------------------------- public API
