"""Which mention governs a number: the rule that places and periods share.

A number in an article takes its place and its period from the nearest mention before it
within some span of text (a sentence, a paragraph); ``places.nearest_place`` and
``periods.nearest_period`` differ only in which spans they try and what they fall back on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Span(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=_Span)


def latest_before(mentions: Iterable[M], pos: int, floor: int = 0) -> M | None:
    """The mention ending last at or before ``pos`` among those starting at or after
    ``floor`` (of equal ends, the first given), or ``None``."""
    best = None
    for m in mentions:
        if floor <= m.start and m.end <= pos and (best is None or m.end > best.end):
            best = m
    return best
