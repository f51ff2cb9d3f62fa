"""Dates and months written without their year: the publication's year is meant.

"By 30 September", "on October 23", "im April", "februárban", "截至6月15日": reports leave out
the year of a date in the current year. These regex templates (built per language from the
lexicon's month names and words, for :mod:`periods`) find them; :func:`dates.date_this_year`
then gives the year (the one before when that day is still to come).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar

from dvk_analysis.text.patterns import stem_alternation as _alt


class _Mention(Protocol):
    start: int
    kind: str
    period_start: str | None


M = TypeVar("M", bound=_Mention)


def until_this_year(lex: dict, mon: str, of: str) -> list[tuple[str, str]]:
    """ "By 30 September", "as of October 20", "bis Ende Juni", "截至6月15日": an until word
    before a day and month, or a month, with no year: the year is the publication's (the
    one before when that day is still to come)."""
    if not lex.get("until_before"):
        return []
    day_month, no_year = _day_month(mon, of)
    return [("until_this_year", rf"(?:{_alt(lex['until_before'])})\s*(?P<a>{day_month}){no_year}")]


def day_this_year(mon: str, of: str) -> list[tuple[str, str]]:
    """ "El domingo 27 de noviembre", "on October 23", "20. Dezember", "12月20日": a day of a
    named month with no year is a day of the publication's year (the one before when that
    day is still to come; :func:`_build` drops a month without its day). Numeric forms
    ("28/12") are left out: they are also fractions."""
    day_month, no_year = _day_month(mon, of)
    # a year right before makes it that year's month ("2014 áprilisában 12 gyűlés")
    return [("day_this_year", rf"(?<![\d.,/年])(?<!\d\s)(?<!\d\.\s)(?P<a>{day_month}){no_year}")]


def month_this_year(lex: dict, mon: str, of: str) -> list[tuple[str, str]]:
    """ "Only in April", "в апреле", "im April": a month without its year, after one of the
    lexicon's ``month_before`` words, is that month of the publication's year. The word is
    required: a month name alone may be another word (English "May", "March")."""
    no_year = rf"(?!\.?,?\s*(?:(?:{of})\s*)?(?:19|20)\d\d)(?!\s*\d)"
    if not lex.get("month_before"):
        return []
    month = rf"(?P<a>(?>(?:{mon})\w*))"  # whole, as in :func:`_day_month`
    return [("month_this_year", rf"(?:{_alt(lex['month_before'])})\s+{month}{no_year}")]


def month_suffixed(lex: dict, mon: str, of: str) -> list[tuple[str, str]]:
    """ "Februárban": a month with one of the lexicon's ``month_suffixes`` glued to it says
    "in" that month of the publication's year, when no year stands before it. Tried before
    the day patterns: a number after it is a count, never a day ("áprilisban 12 gyűlés")."""
    if not lex.get("month_suffixes"):
        return []
    no_year = rf"(?!\.?,?\s*(?:(?:{of})\s*)?(?:19|20)\d\d)"
    ending = _alt(lex["month_suffixes"])
    return [
        (
            "month_this_year",
            rf"(?<!\d\s)(?<!\d\.\s)(?<!\w)(?P<a>(?:{mon}))(?:{ending})(?!\w){no_year}",
        )
    ]


def _day_month(mon: str, of: str) -> tuple[str, str]:
    """A day and a named month, or a month alone, in either order ("30 de septiembre",
    "October 20", "6月15日"), and the look-ahead that no year follows. One month alternation
    in it: each copy costs compile time. The month word is matched whole (an atomic group):
    backing off its ending ("декабр" of "декабря 2017 года") would let the no-year look-ahead
    pass right before a year."""
    no_year = rf"(?!\.?,?\s*(?:(?:{of})\s*)?(?:19|20)\d\d)"
    day_month = (
        rf"(?:\d{{1,2}}\.?\s+(?:(?:{of})\s+)?)?(?>(?:{mon})\w*)(?:\s+(?>\d{{1,2}})(?![\d.,]\d))?"
        r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    )
    return day_month, no_year


def year_to_date(year: str | None, pub: str | None) -> tuple[str | None, str | None]:
    """ "Since the start of the year" (of ``year``, named or the publication's): January of
    that year to the publication date. An undated page that names the year ("2014年年初以来",
    "since the beginning of 2014") starts the period there and leaves its end open, as after
    "since 2014": "now" is unknown (the tuned split's coders write ``year``.. ; period
    accuracy 0.740 -> 0.744 against closing it at the year's end)."""
    if not year:
        return None, None
    if not pub:
        return year, None
    return (f"{year}-01", pub) if pub[:4] >= year else (None, None)


def this_year_period(
    kind: str, date: str | None, pub: str | None
) -> tuple[str | None, str | None, str] | None:
    """(start, end, kind) of a ``*_this_year`` match whose day or month ``date`` got the
    publication's year (:func:`dates.date_this_year`); None when it does not make one.

    A day alone is that day; a month alone that month; after an until word the end of an
    open period.
    """
    if date is None or (kind == "day_this_year" and len(date) < 10):
        return None
    if kind == "until_this_year":
        return None, date, "until"
    return date, date, "day" if kind == "day_this_year" else "month"


def since_day(lex: dict, flags: int) -> re.Pattern[str] | None:
    """The language's since words (``since_before``), with an article, ending right before a
    day ("Since February 10", "depuis le 10 février", "seit dem 10. Februar")."""
    words = lex.get("since_before", [])
    if not words:
        return None
    return re.compile(rf"(?:{_alt(words)})\s*(?:(?:the|le|el|dem|den)\s+)?$", flags)


SINCE_REACH = 40
"""Characters before a day in which its since word ends ("a partir del", "since the")."""


def since_this_year(mention: M, text: str, since: re.Pattern[str] | None, pub: str | None) -> M:
    """A day of the publication's year after a since word starts a period up to publication.

    Why here and not as a pattern: the day is found anyway (``day_this_year``); a pattern of
    its own would scan every article for the since words again. A day still to come (given
    the year before) is a plan's start ("с 1 июля" in June): it stays a day.
    """
    if since is None or mention.kind != "day" or not pub or mention.period_start is None:
        return mention
    lead = max(0, mention.start - SINCE_REACH)  # the words right before it, not the article
    if mention.period_start[:4] != pub[:4] or not since.search(text, lead, mention.start):
        return mention
    return replace(mention, period_end=pub, kind="since")
