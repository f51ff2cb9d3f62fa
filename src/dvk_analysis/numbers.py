"""Find and parse numerals as each language writes them.

Interface shared with ``extract.py`` (implementation pending).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number found in a text.

    Attributes
    ----------
    start, end
        Offsets of the number *as written*, following the gold convention: digits with their
        separators; for "x/y" the whole "x/y"; for "17 of 20" only "17"; for a number with a
        multiplier word only the digits ("40" in "40 tỷ đồng"); for a number word, the word.
    value
        The value with any word multiplier applied ("40 tỷ" -> 4e10), not unit-converted.
    raw
        ``text[start:end]``.
    qualifier
        Codebook qualifier carried by surrounding words ("more than" -> ``more_than``).
    denominator
        ``y`` of an "x/y" or "x of y" expression, else ``None``.
    multiplier
        The word multiplier applied (1 when none).
    percent
        True when the number is a percentage.
    expr_start, expr_end
        The whole expression (qualifier words, multiplier, denominator, percent sign), so that
        callers can look for a unit or keyword right after it.
    """

    start: int
    end: int
    value: float
    raw: str
    qualifier: str = "exact"
    denominator: float | None = None
    multiplier: float = 1.0
    percent: bool = False
    expr_start: int = -1
    expr_end: int = -1


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Return every number in ``text`` written in language ``lang``, in text order."""
    raise NotImplementedError
