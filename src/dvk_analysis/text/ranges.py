"""Ranges of numbers: "5 - 7", "5 to 7", "between 15 and 18". The range's first number speaks
for it, and a unit count before a range of criteria counts units still on their way
(``stance``)."""

from __future__ import annotations

import re

from dvk_analysis.text.keywords import Lexicon
from dvk_analysis.text.numbers import NumberMatch

_RANGE_GAP = re.compile(r"\s*[-–~]\s*")


def continues_range(text: str, previous: NumberMatch, number: NumberMatch, lex: Lexicon) -> bool:
    """True when ``number`` ends a range "a - b" / "a to b" whose start is ``previous``."""
    gap = text[max(previous.end, previous.expr_end) : number.start]
    if not gap or len(gap) > 12:
        return False
    if _RANGE_GAP.fullmatch(gap):
        return True
    if lex.range_words is not None and lex.range_words.fullmatch(gap.strip()) is not None:
        return True
    if lex.between is None or lex.between_and is None:
        return False
    before = text[max(0, previous.start - 12) : previous.start].rstrip()
    last = [m for m in lex.between.finditer(before) if m.end() == len(before)]
    return bool(last) and lex.between_and.fullmatch(gap.strip()) is not None  # "between 15 and 18"
