"""A span of days: "Du 13 septembre au 13 octobre 2023", "С 1 июля по 24 октября 2025 года",
"2025年7月1日至10月24日".

Reports on citizen reception and campaigns count over a span of days. The period patterns read
its two days as two mentions (a day, then a day or an "until" day), and a figure after them took
only the second. :func:`join_day_ranges` joins two such mentions that only a range connector of
the language (``[periods] range_connectors``, a dash) separates into one period, the first day's
year taken from the second when the text gives it only there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Protocol, TypeVar

from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import stem_alternation

FIRST_KINDS = frozenset({"day", "date", "since"})
"""Mentions that may open a span of days (a day, written with or without its year)."""
LAST_KINDS = frozenset({"day", "date", "until", "until_this_year"})
"""Mentions that may close it; an "until" mention holds its connector ("au 13 octobre")."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DAY_BEFORE = re.compile(r"(?<![\d.,/])(\d{1,2})\.?\s*(?:\S{1,3}\s*)?$")
"""A day's number near the end of the text before a mention (with its connector after it)."""


class _Mention(Protocol):
    """The fields of ``periods.PeriodMention`` read here (a Protocol: periods imports this
    module, so importing its class back would make a cycle)."""

    start: int
    end: int
    text: str
    period_start: str | None
    period_end: str | None
    kind: str


M = TypeVar("M", bound=_Mention)


@cache
def _connector(lang: str) -> re.Pattern[str]:
    words = ["-", "–", "—", *section(lang, "periods").get("range_connectors", [])]
    return re.compile(rf"\s*(?:(?:{stem_alternation(words)})\s*)?", re.IGNORECASE)


def join_day_ranges(mentions: list[M], text: str, lang: str) -> list[M]:
    """``mentions`` (sorted) with each day followed by a connector and a later day joined
    into one range from the first day to the second, and a day's number alone before the
    connector ("From 18 to 22 August 2025", "Vom 18. bis 22. August") read in its month."""
    out: list[M] = []
    for m in mentions:
        prev = out[-1] if out else None
        m = _from_day_number(m, text, lang, prev.end if prev is not None else 0)
        joined = _joined(prev, m, text, lang) if prev is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(m)
    return out


def _joined(a: M, b: M, text: str, lang: str) -> M | None:
    """``a`` and ``b`` as one span of days, or None when they are no such span."""
    if a.kind not in FIRST_KINDS or b.kind not in LAST_KINDS:
        return None
    first, last = a.period_start or "", b.period_end or ""
    if len(first) != 10 or len(last) != 10 or b.start < a.end:
        return None
    gap = _connector(lang).fullmatch(text, a.end, b.start)
    if gap is None or (not gap.group().strip() and not b.kind.startswith("until")):
        return None  # two days side by side, no connector between: a list, no span
    if _YEAR.search(a.text) is None:  # "du 13 septembre au 13 octobre 2023": the year is 2023
        year = int(last[:4]) - (first[5:] > last[5:])
        first = f"{year}{first[4:]}"
    if first >= last:
        return None
    return replace(
        a, end=b.end, text=text[a.start : b.end], period_start=first, period_end=last, kind="range"
    )


def _from_day_number(m: M, text: str, lang: str, floor: int) -> M:
    """``m`` widened to the day number and connector written right before it ("18 to 22
    August 2025": from the 18th), when the number is an earlier day of its month and no part
    of the mention before (which ends at ``floor``: "October 17 to November 18")."""
    end = m.period_end or ""
    if m.kind not in LAST_KINDS or len(end) != 10:
        return m
    before = _DAY_BEFORE.search(text, max(floor, m.start - 12), m.start)
    gap = text[before.end(1) : m.start].removeprefix(".") if before else ""  # "18. bis"
    if before is None or _connector(lang).fullmatch(gap) is None:
        return m
    if not gap.strip() and not m.kind.startswith("until"):
        return m  # "18 22 August": no connector
    day = int(before.group(1))
    if not 1 <= day < int(end[8:]):
        return m
    start = f"{end[:8]}{day:02d}"
    return replace(m, start=before.start(1), text=text[before.start(1) : m.end],
                   period_start=start, kind="range")  # fmt: skip
