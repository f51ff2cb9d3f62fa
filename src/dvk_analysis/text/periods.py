"""Find the periods that claims refer to ("in 2023", "2020-2025", "từ năm 2013 đến nay").

A period is reported as ISO strings as precise as the text allows: "YYYY", "YYYY-MM" or
"YYYY-MM-DD" (codebook columns ``period_start``/``period_end``). Relative expressions ("to
now", "6 tháng đầu năm", "in recent years") are anchored on the article's publication date,
itself "YYYY", "YYYY-MM" or "YYYY-MM-DD"; without it they stay open (``None``).

The language-independent shapes (years, numeric dates, ranges) are in code; the words of each
language (month names, "since", "to now", "first N months of") are in the ``[periods]``
section of its lexicon, so a researcher can add a word or a language without touching code.
Templates in the lexicon use ``{year}`` and ``{n}`` placeholders ("first {n} months of
{year}") and match any word ending after their last word (Hungarian "hónapjában").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from dvk_analysis.text.dates import date_this_year, parse_date
from dvk_analysis.text.day_ranges import join_day_ranges
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import LazyPattern
from dvk_analysis.text.patterns import stem_alternation as _alt
from dvk_analysis.text.patterns import union_prefilter as _union
from dvk_analysis.text.spans import latest_before
from dvk_analysis.text.this_year import (
    day_this_year,
    month_suffixed,
    month_this_year,
    since_day,
    since_this_year,
    this_year_period,
    until_this_year,
    year_to_date,
)

RECENT_YEARS_SPAN = 10
"""Years covered by "in recent years" when the text gives no number: published - 10 .. published."""

KINDS: tuple[str, ...] = (
    "year",
    "month",
    "date",
    "range",
    "since",
    "first_months",
    "quarter",
    "end_of_year",
    "recent",
    "year_to_date",
    "to_date",
    "current",
    "published",
)
"""What kind of expression a ``PeriodMention`` came from (``published``: the fallback)."""


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """One period expressed in a text.

    Attributes
    ----------
    start, end
        Offsets of the whole expression ("từ năm 2013 đến nay"); -1 for the publication-date
        fallback of ``nearest_period``.
    text
        ``text[start:end]``.
    period_start, period_end
        ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ``None`` when open or unknown (for instance
        "since 2016" in an article without a publication date has no end).
    kind
        One of ``KINDS``.
    """

    start: int
    end: int
    text: str
    period_start: str | None
    period_end: str | None
    kind: str


# --- publication date -----------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_published(published: str | None) -> str | None:
    """Return ``published`` stripped, or ``None``; reject anything but YYYY[-MM[-DD]]."""
    if published is None:
        return None
    if not isinstance(published, str):
        raise ValueError(
            f"published must be a string 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' or None, "
            f"got {published!r} ({type(published).__name__})"
        )
    value = published.strip()
    if not value or value.lower() == "nan":
        return None
    m = _ISO.fullmatch(value)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise ValueError(
            f"published date {published!r} is not 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' "
            "(e.g. '2023', '2023-09', '2023-09-15')"
        )
    return value


# --- lexicon --------------------------------------------------------------------------------

_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_N = r"\d{1,2}"


@cache
def _lexicon_periods(lang: str) -> dict:
    """Return the ``[periods]`` section of ``resources/lexicons/<lang>.toml``."""
    return section(lang, "periods")


def _template(tpl: str, number_words: Sequence[str]) -> str:
    """Compile a lexicon template ("first {n} months of {year}") to a regex string."""
    out = []
    n_alt = _N + ("|" + _alt(number_words) if number_words else "")
    for piece in re.split(r"(\{year\}|\{n\})", tpl):
        if piece == "{year}":
            out.append(rf"(?P<year>{_YEAR})")
        elif piece == "{n}":
            out.append(rf"(?P<n>{n_alt})")
        elif piece:
            out.append(r"\s*".join(re.escape(p) for p in re.split(r"\s+", piece)))
    return "".join(out)


_YEAR_KINDS = frozenset({"range", "since", "atom", "year_ctx", "year_bare", "end_of_year"})
_YEAR_ANYWHERE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_WINDOW = (80, 90)
"""Year-anchored patterns only run this many characters before/after a year (speed)."""


def _windows(scan: str) -> list[tuple[int, int]]:
    """Return merged (start, end) windows around every four-digit year in ``scan``."""
    out: list[tuple[int, int]] = []
    for m in _YEAR_ANYWHERE.finditer(scan):
        a, b = max(0, m.start() - _WINDOW[0]), min(len(scan), m.end() + _WINDOW[1])
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True)
class _Rules:
    month_names: dict[str, int]
    number_words: dict[str, int]
    atom: str  # regex string, no groups, for any single date/month/year
    patterns: tuple[tuple[str, LazyPattern, bool], ...]  # (kind, regex, needs a year)
    families: tuple[int, ...] = ()  # per pattern: index of its family in ``unions``
    unions: tuple[re.Pattern[str] | None, ...] = ()  # per family: where any pattern matches
    month_patterns: tuple[tuple[int, int, re.Pattern[str]], ...] = ()  # (len, month, regex)
    compare: re.Pattern[str] | None = None  # a comparison word shortly before a mention
    began: re.Pattern[str] | None = None  # a start verb near a date: the period starts there
    set_before: re.Pattern[str] | None = None  # a criteria set's words right before a mention
    set_after: re.Pattern[str] | None = None  # ... or right after it
    since_day: re.Pattern[str] | None = None  # a since word right before a day of no year


def _months(lex: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, forms in enumerate(lex.get("months", []), start=1):
        for f in forms:
            out[f.casefold()] = i
    return out


_NOT_AFTER_WORD = r"(?<![0-9A-Za-z_\u00c0-\u024f\u1e00-\u1eff\u0370-\u052f\u0600-\u06ff/.,\-])"
"""No letter or digit of a spaced script (nor "/", ".", ",", "-") before a period: a Han
character may stand there. One character class: a look-ahead inside the look-behind made
every period pattern three times slower to compile."""


@cache
def _rules(lang: str) -> _Rules:
    """Build the per-language patterns once."""
    lex = _lexicon_periods(lang)
    months = _months(lex)
    numbers = {
        k.casefold(): int(v)
        for k, v in (lex.get("number_words", {}) | lex.get("quarter_words", {})).items()
    }
    mon = _alt(list(months), stems=True)
    yw = _alt(lex.get("year_words", []))
    ysuf = _alt(lex.get("year_suffixes", []))
    of = _alt(lex.get("month_year_linkers", []))
    b = _NOT_AFTER_WORD  # Han characters may touch a year: "为2021—2025年"
    e = r"(?![\d])"
    date = (
        rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]{_YEAR}{e}"
        rf"|{_YEAR}-\d{{2}}-\d{{2}}{e}"
        rf"|{_YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
        rf"|\d{{1,2}}\.?\s+(?:(?:{of})\s+)?(?:{mon})\s+(?:(?:{of})\s+)?{_YEAR}{e}"
        rf"|(?:{mon})\s+\d{{1,2}},?\s+{_YEAR}{e}"
        rf"|{_YEAR}\.?\s+(?:{mon})\s+\d{{1,2}}\.(?!\d)"
    )
    month = (
        rf"(?:{mon})\s*(?:(?:{of})\s*)?{_YEAR}{e}"
        rf"|\d{{1,2}}/{_YEAR}{e}"
        rf"|{_YEAR}\s*年\s*\d{{1,2}}\s*月"
        rf"|{_YEAR}\.?\s*(?:{mon})"
        rf"|{_YEAR}-(?:0[1-9]|1[0-2])(?![\d\-])"
    )
    year = rf"{_YEAR}{e}(?:\s*(?:{ysuf}))?"
    atom = rf"(?:{date}|{month}|{year})"
    now = _alt(lex.get("now_words", []))
    conn = _alt(["-", "–", "—", *lex.get("range_connectors", [])])
    since_b = _alt(lex.get("since_before", []))
    since_a = _alt(lex.get("since_after", []))
    from_b = _alt(lex.get("from_before", []))
    lead = rf"(?:(?:{yw})\s+)?"
    lower = rf"(?:(?!(?-i:[A-ZА-ЯЁ]))(?:{yw})\s+)?"  # "2017 года — В декабре": a new sentence
    tail = r"(?:-?[^\W\d_]{1,5})?"  # Hungarian case endings: "2013-tól", "júliusától"
    pats: list[tuple[str, str]] = []
    firsts: list[set[str] | None] = []  # per template: the characters a match starts with
    for kind, key in (
        ("first_months", "first_months"),
        ("first_months", "first_half"),
        ("quarter_end", "quarter_end"),
        ("quarter", "quarter"),
        ("end_of_year", "end_of_year"),
        ("recent", "past_years"),
        ("recent", "recent_years"),
        ("year_to_date", "year_to_date"),
    ):
        for tpl in lex.get(key, []):
            if not tpl.strip():
                raise ValueError(
                    f"lexicons/{lang}.toml [periods] {key}: empty template; write the words "
                    'with {n} and/or {year}, e.g. "first {n} months of {year}"'
                )
            suffix = ":half" if key == "first_half" else ""
            pats.append((kind + suffix, _template(tpl, list(numbers))))
            firsts.append(_template_firsts(tpl, list(numbers)))
    n_templates = len(pats)
    # A built-in shape starts with a digit, a year/"from"/"since"/"until" word or a month name.
    shape_firsts = _firsts(
        [
            *lex.get("from_before", []),
            *lex.get("since_before", []),
            *lex.get("year_words", []),
            *lex.get("until_before", []),
        ]
        + list(months)
    )
    shape_firsts = shape_firsts | set("0123456789") if shape_firsts is not None else None
    pats += [
        (
            "range",
            rf"(?:(?:{from_b})\s+)?{lead}(?P<a>{atom}){tail}\s*(?:{conn})\s*{lower}(?P<b>{atom})",
        ),
        (
            "since",
            rf"(?:(?:{since_b}|{from_b})\s+)?{lead}(?P<a>{atom}){tail},?\s*(?:(?:{conn})\s*)?(?:{now})(?!\w)",
        ),
        ("since", rf"(?:{since_b})\s*{lead}(?P<a>{atom})"),
        ("since", rf"(?P<a>{atom}){tail}\s*(?:{since_a})"),
        *_until(lex, atom, tail, lead),
        *until_this_year(lex, mon, of),
        *month_suffixed(lex, mon, of),
        *day_this_year(mon, of),
        *month_this_year(lex, mon, of),
        ("atom", rf"(?P<a>{date})"),
        ("atom", rf"(?P<a>{month})"),
        ("year_ctx", rf"(?:{yw})\s+(?P<a>{_YEAR}){e}"),
        ("year_ctx", rf"(?P<a>{_YEAR}){e}\s*(?:{ysuf})"),
        ("year_bare", rf"(?P<a>{_YEAR})(?![\d.,]?\d)(?=\s*(?:[,.;:)\]»”\"'\n]|$))"),
    ]
    firsts += [shape_firsts] * (len(pats) - n_templates)
    # "So far" alone comes last: inside "from 2013 to now" the whole range wins.
    for key, kind in (("to_date", "to_date"), ("currently", "current")):
        for tpl in lex.get(key, []):
            # a whole word: "jelenleg" (currently), never inside "jelenlegi" (current)
            end = (
                r"(?!\w)" if kind == "current" and tpl[-1].isalpha() and tpl[-1] < "\u2e80" else ""
            )
            pats.append((kind, _template(tpl, list(numbers)) + end))
            firsts.append(_template_firsts(tpl, list(numbers)))
    flags = re.IGNORECASE
    compiled = tuple(
        (k, LazyPattern(b + p, flags, f), _needs_year(k, p))
        for (k, p), f in zip(pats, firsts, strict=True)
    )
    # Families of patterns that scan the same stretches: those needing no year (the whole
    # text), the lexicon's templates with a year, and the built-in shapes (both: the windows
    # around years). One scan with the union of a family finds every position where one of
    # its patterns matches (few); each pattern is then tried there only, not scanned.
    families = tuple(
        0 if not year else (1 if i < n_templates else 2) for i, (_, _, year) in enumerate(compiled)
    )
    unions = tuple(
        _union(
            [
                _GROUP_NAME.sub("(?:", p)
                for (_, p), f in zip(pats, families, strict=True)
                if f == family
            ],
            [c for c, f in zip(firsts, families, strict=True) if f == family],
            b,
        )
        for family in range(3)
    )
    month_patterns = tuple(
        (len(name), num, re.compile(rf"(?<!\w){re.escape(name)}\w*"))
        for name, num in months.items()
    )
    compare = lex.get("compare_before", []) + lex.get("horizon_before", [])
    return _Rules(
        months,
        numbers,
        atom,
        compiled,
        families,
        unions,
        month_patterns,
        re.compile(rf"(?:{_alt(compare)})[^.;,:!?\n，；：。！？、]{{0,28}}$", flags)
        if compare
        else None,
        _began(lex.get("began_words", [])),
        *_criteria_set(lex, flags),
        since_day(lex, flags),
    )


def _criteria_set(lex: dict, flags: int) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The lexicon's ``set_before`` words, optionally followed by a stretch of their clause that
    ends in a ``set_period`` word ("bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn"), and its
    ``set_after`` words: what makes a period the name of a criteria set. One short word may
    follow ("criteriaset voor de periode 2016-2020": the range reads "de periode ...")."""
    before, after = lex.get("set_before", []), lex.get("set_after", [])
    period = lex.get("set_period", [])
    stretch = rf"(?:[^.;:!?\n\d]{{0,45}}(?:{_alt(period)}))?" if period else ""
    tail = r"(?:\s+\w{1,4})?[\s,]*$"
    return (
        re.compile(rf"(?:{_alt(before)}){stretch}{tail}", flags) if before else None,
        re.compile(rf"^[\s\-–—年-]*(?:{_alt(after)})", flags) if after else None,
    )


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _until(lex: dict, atom: str, tail: str, lead: str) -> list[tuple[str, str]]:
    """Patterns of "by/as of DATE" and "DATE végéig": an end with an open start (only those
    the lexicon has words for: every pattern costs a try at each candidate position)."""
    out = []
    if lex.get("until_after"):
        out.append(("until", rf"(?P<a>{atom}){tail}\s*(?:{_alt(lex['until_after'])})"))
    if lex.get("until_before"):
        out.append(("until", rf"(?:{_alt(lex['until_before'])})\s*{lead}(?P<a>{atom})"))
    return out


def _began(words: Sequence[str]) -> re.Pattern[str] | None:
    """A start verb ("began", "startete", "开始") in the words around a date."""
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{_alt(words, stems=True)})", re.IGNORECASE)


def _firsts(words: Sequence[str]) -> set[str] | None:
    """First characters of ``_alt(words)``'s matches; None when a word is blank."""
    if any(not w.split() for w in words):
        return None
    return {w.split()[0][0] for w in words}


def _template_firsts(tpl: str, number_words: Sequence[str]) -> set[str] | None:
    """First characters of the matches of ``_template(tpl)``; None when unknown."""
    if tpl.startswith("{year}"):
        return {"1", "2"}
    if tpl.startswith("{n}"):
        words = _firsts(number_words)
        return None if words is None else set("0123456789") | words
    return None if tpl[0].isspace() else {tpl[0]}


def _needs_year(kind: str, pattern: str) -> bool:
    """Whether a pattern of ``kind`` can only match near a four-digit year."""
    return kind in _YEAR_KINDS or "(?P<year>" in pattern


# --- finding periods ------------------------------------------------------------------------


def find_periods(text: str, lang: str, published: str | None = None) -> list[PeriodMention]:
    """Return the periods expressed in ``text``, in text order, without overlaps.

    Recognised, in every language through its lexicon: single years ("in 2023", "năm 2023",
    "2023-ban", "2023年"); months and dates ("July 2025", "tháng 7/2025", "2025 júliusától");
    ranges ("2020-2025", "giai đoạn 2020 - 2025", "from 2020 to 2025"); "since"/"to now"
    ("từ năm 2013 đến nay", "2013 óta", "seit 2013", "2013年以来": start .. ``published``);
    "first N months of YEAR" (YEAR-01 .. YEAR-N, the publication year when no year is given);
    "end of YEAR" (open start .. YEAR-12); "in recent years" / "over the past N years"
    (published year - N, or ``RECENT_YEARS_SPAN``, .. published year).

    A four-digit number alone counts as a year only with a year word before it ("in", "năm"),
    a year ending after it ("-ban", "年", "года"), or punctuation right after it: "2000
    households" is a count, not a year.

    Parameters
    ----------
    text
        Article text.
    lang
        Language code (one of ``lexicon.LANGUAGES``); the lexicon's ``[periods]`` section
        gives its year words, month names and range patterns.
    published
        Publication date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or ``None``/"" when unknown.

    Raises
    ------
    ValueError
        Unsupported language or malformed ``published``.
    """
    rules = _rules(lang)
    pub = _check_published(published)
    if not text:
        return []
    # Same length: offsets stay valid. Most texts have no Arabic-Indic digits to translate.
    scan = text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text
    taken = _Spans()
    out: list[PeriodMention] = []
    windows = _windows(scan)
    starts = [
        _starts(union, scan, base)
        for union, base in zip(rules.unions, ([(0, len(scan))], windows, windows), strict=True)
    ]
    for (kind, lazy, _), family in zip(rules.patterns, rules.families, strict=True):
        if not lazy.may_start(scan, starts[family]):
            continue  # not compiled unless a text can hold it
        for m in _matches(lazy.regex, scan, starts[family]):
            if taken.overlaps(m.start(), m.end()):
                continue
            mention = _build(kind, m, rules, pub, text)
            if mention is not None and _document_date(text, m.start(), m.end()):
                taken.add(m.start(), m.end())  # no shorter pattern may read a part of it
            elif mention is not None and _names_set(text, m, rules):
                taken.add(m.start(), m.end())  # the figure holds now: "current"
                out.append(PeriodMention(m.start(), m.end(), m.group(), None, pub, "current"))
            elif mention is not None and not _compared(text, m, rules):
                taken.add(m.start(), m.end())
                out.append(mention)
    out = [_opened(m, text, rules, pub) for m in sorted(out, key=lambda p: p.start)]
    out = [since_this_year(m, text, rules.since_day, pub) for m in out]
    out = join_day_ranges(out, text, lang)
    return _drop_joined_ends(out, text)


BEGAN_REACH = 40
"""Most characters between a date and the start verb that makes it the start of a period."""


def _opened(mention: PeriodMention, text: str, rules: _Rules, pub: str | None) -> PeriodMention:
    """ "When the expansion began in October 2020, ...": the figures that follow count from
    that month on, as after "since": the date is a start, the end the publication date (open
    without one, or when it comes before the start)."""
    if rules.began is None or mention.kind not in ("year", "month", "date"):
        return mention
    before = text[max(0, mention.start - BEGAN_REACH) : mention.start]
    after = text[mention.end : mention.end + BEGAN_REACH]
    before = re.split(r"[.;!?。；\n]", before)[-1]
    after = re.split(r"[.;!?。；\n]", after)[0]
    if not (rules.began.search(before) or rules.began.search(after)):
        return mention
    start = mention.period_start
    end = pub if pub and start and pub[:4] >= start[:4] else None
    return PeriodMention(mention.start, mention.end, mention.text, start, end, "since")


def _drop_joined_ends(mentions: list[PeriodMention], text: str) -> list[PeriodMention]:
    """Leave out a "to now" that ends the period right before it: "desde principios de año
    hasta ahora" is January to publication, not an open start (the nearer "hasta ahora")."""
    kept: list[PeriodMention] = []
    for m in mentions:
        prev = kept[-1] if kept else None
        joined = (
            prev is not None
            and m.kind == "to_date"
            and prev.kind in ("year_to_date", "since")
            and text[prev.end : m.start].strip(" ,\u00a0") == ""
        )
        if not joined:
            kept.append(m)
    return kept


_OTHER_DIGIT = re.compile("[٠-٩۰-۹]")


def _compared(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """True when a comparison word stands shortly before mention ``m`` (or its first digit:
    "qu'en 2021" has the mention "en 2021") in the same clause. "up 20 compared with 2020": the
    year is a comparison's baseline, never the period the figure covers; nor is a plan's
    horizon, "vision to 2030" (the lexicon's ``compare_before`` and ``horizon_before``)."""
    if rules.compare is None:
        return False
    digit = m.start() + next((i for i, c in enumerate(m.group()) if c.isdigit()), 0)
    return any(rules.compare.search(text[max(0, s - 45) : s]) for s in {m.start(), digit})


def _names_set(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """True when the period names a criteria set, not the time a figure covers.

    "theo bộ tiêu chí giai đoạn 2021-2025", "según los criterios del periodo 2021-2025", "the
    2021-2025 criteria": the commune meets the standard of that set, and the figure holds when
    the article says, not over 2021-2025 (the lexicon's ``set_before`` / ``set_after``).
    """
    before, after = rules.set_before, rules.set_after
    if before is not None and before.search(text[max(0, m.start() - 80) : m.start()]):
        return True
    return after is not None and after.search(text[m.end() : m.end() + 30]) is not None


_CODE_BEFORE = re.compile(r"\d+(?:/\d+)*[-/][A-ZĐ][\w/.\-]*,?(?:\s+\S{1,6}){0,3}\s*$")
_CODE_AFTER = re.compile(r"(?:\s*\d{1,2}\s*日)?\s*第?\d+(?:\/\d+)*[-/][A-ZĐ]")


def _document_date(text: str, start: int, end: int) -> bool:
    """True for the date of a document named by its code, in any language: "Resolution
    25-NQ/TW of 3 June 2013", "Decisión 558/QĐ-TTg del 5 de abril de 2016", "2013年6月3日第25-NQ/TW
    号决议". It dates the document, never the figures around it."""
    return (
        _CODE_BEFORE.search(text, max(0, start - 40), start) is not None
        or _CODE_AFTER.match(text, end) is not None
    )


class _Spans:
    """Pairwise non-overlapping ``[start, end)`` spans, with an overlap test in log time.

    Sorted by (start, end), non-overlapping spans also have non-decreasing ends, so the last
    span that starts before ``end`` is the only one that can reach past ``start``. (A list of
    spans tested one by one made long texts quadratic.)
    """

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span: some ``s < end`` and ``start < e``."""
        i = bisect_left(self._keys, (end, -1))
        return i > 0 and self._keys[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self._keys, (start, end))


def _starts(
    union: re.Pattern[str] | None, scan: str, windows: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(position, end of its window) of every position in the windows where ``union`` (see
    ``_union``) matches: the only places where a pattern of its family can."""
    if union is None:
        return []
    return [(m.start(), b) for a, b in windows for m in union.finditer(scan, a, b)]


def _matches(pattern: re.Pattern[str], scan: str, starts: list[tuple[int, int]]):
    """Yield what ``pattern.finditer`` yields in each window, trying it only at ``starts``.

    ``finditer`` goes on after the end of each match; so does this. No pattern matches the
    empty string (templates cannot be empty; the built-in shapes hold a year).
    """
    end = 0
    for pos, stop in starts:
        if pos >= end and (m := pattern.match(scan, pos, stop)) is not None:
            end = m.end()
            yield m


def _number(word: str, rules: _Rules) -> int:
    return int(word) if word.isdigit() else rules.number_words[word.casefold()]


def _build(
    kind: str, m: re.Match[str], rules: _Rules, pub: str | None, text: str
) -> PeriodMention | None:
    """Turn one regex match into a mention, or ``None`` when it does not parse."""
    groups = m.groupdict()
    pub_year = pub[:4] if pub else None
    start: str | None
    end: str | None
    if kind.startswith("first_months"):
        n = 6 if kind.endswith(":half") else _number(groups["n"], rules)
        year = groups.get("year") or pub_year
        if not 1 <= n <= 12:
            return None
        start, end = (f"{year}-01", f"{year}-{n:02d}") if year else (None, None)
        kind = "first_months"
    elif kind.startswith("quarter"):  # "quý II/2019": its months; "quarter_end": up to its end
        q, year = _number(groups["n"], rules), groups.get("year") or pub_year
        if not 1 <= q <= 4 or not year:
            return None
        start, end = f"{year}-{3 * q - 2:02d}", f"{year}-{3 * q:02d}"
        start, kind = (None, "until") if kind == "quarter_end" else (start, kind)
    elif kind in ("to_date", "current"):
        start, end = None, pub
    elif kind == "year_to_date":
        start, end = year_to_date(groups.get("year") or pub_year, pub)
    elif kind == "end_of_year":
        start, end = None, f"{groups['year']}-12"
    elif kind == "recent":
        n = _number(groups["n"], rules) if groups.get("n") else RECENT_YEARS_SPAN
        start, end = (str(int(pub_year) - n), pub) if pub_year else (None, None)
    elif kind == "range":
        start, end = (
            parse_date(groups["a"], rules.month_patterns),
            parse_date(groups["b"], rules.month_patterns),
        )
        if start is None or end is None or end[:4] < start[:4]:
            return None
    elif kind == "until":
        start, end = None, parse_date(groups["a"], rules.month_patterns)
        if end is None:
            return None
    elif kind.endswith("_this_year"):
        found = this_year_period(kind, date_this_year(groups["a"], rules.month_patterns, pub), pub)
        if found is None:
            return None
        start, end, kind = found
    elif kind == "since":
        start, end = parse_date(groups["a"], rules.month_patterns), pub
        if start is None:
            return None
        if end is not None and end[:4] < start[:4]:  # a start after publication: no end known
            end = None
    else:
        value = parse_date(groups["a"], rules.month_patterns)
        if value is None:
            return None
        start = end = value
        kind = "year" if len(value) == 4 else ("month" if len(value) == 7 else "date")
    return PeriodMention(m.start(), m.end(), text[m.start() : m.end()], start, end, kind)


# --- which period governs a number ----------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?。！？؟]+[\"'”»)]*(?=\s)|[。！？؟]|\n+")
_LINE_BREAKS = re.compile(r"\n+")


def _span_start(text: str, pos: int, pattern: re.Pattern[str]) -> int:
    """Return the start of the sentence or paragraph that holds ``pos``."""
    starts = [0] + [m.end() for m in pattern.finditer(text, 0, pos)]
    return starts[bisect_right(starts, pos) - 1]


def nearest_period(
    mentions: Sequence[PeriodMention],
    pos: int,
    published: str | None = None,
    text: str | None = None,
) -> PeriodMention | None:
    """Return the period that governs a number at offset ``pos``.

    Rule: the nearest mention ending at or before ``pos`` in the same sentence; else the
    nearest one before ``pos`` in the same paragraph (a line of the article); else the
    publication year as a ``published`` mention with offsets -1 (reports give current
    figures); else ``None``. Mentions with neither start nor end are skipped.

    Parameters
    ----------
    mentions, pos
        ``find_periods`` output for the same text, and the offset of the number.
    published
        Publication date, as for ``find_periods``.
    text
        The text, for sentence and paragraph boundaries; without it, the nearest preceding
        mention anywhere counts.
    """
    pub = _check_published(published)
    usable = [m for m in mentions if m.period_start or m.period_end]
    if text is None:
        floors = [0]
    else:
        floors = [_span_start(text, pos, _SENTENCE_END), _span_start(text, pos, _LINE_BREAKS)]
    for floor in floors:
        found = latest_before(usable, pos, floor)
        if found is not None:
            return found
    if pub:
        return PeriodMention(-1, -1, "", pub[:4], pub[:4], "published")
    return None
