"""Extract codebook claims (number + indicator + unit) from article texts.

How a claim is recognised, in every language alike (the words live in the lexicons'
``[indicators]`` sections, never in this module; ``lexicons/en.toml`` documents the keys):

1. ``numbers.find_numbers`` finds each number with its qualifier, multiplier and denominator;
   ``units.find_unit`` reads the unit written after it.
2. The text is cut into clauses (sentences, or ``;``-separated parts): a claim never reaches
   across a clause, because the next clause usually talks about something else.
3. Numbers that are not quantities are dropped: percentages, years, decree/resolution and road
   numbers ("25-NQ/TW", "DT-186"), labels ("group 8", "No. 2": lexicon ``labels``), widths,
   ages and durations (``not_after`` / ``not_before``; lengths under ``MIN_LENGTH_M``), numbers
   inside a quoted name, and the second end of a range ("6 to 8 m").
4. The unit restricts the indicators a number can measure: a km number can only be a road or
   canal length, a VND number only money; a number without unit only counts things or people.
5. Among the compatible indicators, the one whose keyword stands nearest to the number in the
   clause wins; ``need`` and ``not`` words in the clause admit or rule out an indicator, and
   where keywords overlap the longest phrase wins ("model new rural residential areas" is about
   villages, not models). A bare count takes the noun written next to it on the language's
   side (``prefer``, within ``count_window`` characters, no other number in between):
   "35 communes", never the "commune" of "the commune has 17 of 20 criteria".
6. An indicator that ``refines`` another (economic models refine models) wins over it when its
   keyword belongs to this number (``refine_side``; no other number in between).

Precision over recall where they conflict: a number with no keyword near it is left out.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dvk_analysis import codebook
from dvk_analysis.fileio import read_article
from dvk_analysis.text.filters import is_clock_time, is_day_of_month
from dvk_analysis.text.language import detect_language
from dvk_analysis.text.lexicon import LANGUAGES
from dvk_analysis.text.lexicon import section as _section
from dvk_analysis.text.patterns import NEVER, compile_keywords, infixes, keyword_parts
from dvk_analysis.text.periods import PeriodMention, find_periods
from dvk_analysis.text.places import PlaceMention, find_places
from dvk_analysis.text.units import currency_before

if TYPE_CHECKING:
    import pandas as pd

    from dvk_analysis.text.numbers import NumberMatch

COLUMNS: tuple[str, ...] = (
    "article_id",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "denominator",
    "place",
    "admin_level",
    "province",
    "province_2025",
    "period_start",
    "period_end",
    "quote",
    "start",
    "end",
    "confidence",
    "rule",
    "story_id",
    "measure",
    "tier",
)
"""Output columns: the codebook columns, then what the extractor adds (``province_2025``:
the 2025 successor of ``province``, the province as of the article date; ``measure``
(cumulative | new) and ``tier`` (standard | advanced | model) of NTM achievement claims,
empty where the text does not tell or the claim is of another kind)."""

ACHIEVEMENTS = frozenset(
    {
        "communes_meeting_ntm",
        "villages_meeting_standard",
        "ntm_criteria_met",
        "districts_meeting_ntm",
    }
)
"""Indicators of NTM achievement: the ones that carry ``measure`` and ``tier``."""

_CLAUSE_END = re.compile(r"[.!?…]+[\"'”’»)]*\s+|[;；。！？؛\n]+\s*")
_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Claim:
    """One extracted claim; its fields are ``COLUMNS``."""

    article_id: str
    indicator: str
    value: float
    unit: str
    qualifier: str
    denominator: float | None
    place: str
    admin_level: str
    province: str
    period_start: str
    period_end: str
    quote: str
    start: int
    end: int
    confidence: float
    rule: str
    story_id: str = ""
    province_2025: str = ""
    measure: str = ""
    tier: str = ""


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _IndicatorRule:
    name: str
    unit: str
    keywords: re.Pattern[str]
    need: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    refines: str | None
    unit_only: bool


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    window: int
    count_window: int
    prefer: str
    refine_side: str
    labels: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    ignore: re.Pattern[str] | None
    any_keyword: re.Pattern[str] | None
    keyword_prefixes: frozenset[str]
    keyword_infixes: re.Pattern[str] | None
    range_words: re.Pattern[str] | None
    rules: tuple[_IndicatorRule, ...]
    recover: re.Pattern[str] | None = None
    of_which: re.Pattern[str] | None = None
    scales: tuple[tuple[str, str, re.Pattern[str]], ...] = ()  # (column, value, words)
    token_rules: dict[str, tuple[_IndicatorRule, ...]] = field(default_factory=dict)
    keyword_parts: tuple[tuple[str, str], ...] = ()  # ``any_keyword``'s alternatives
    keyword_by_char: dict[str, re.Pattern[str]] = field(default_factory=dict)
    word_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # per word
    unit_rules: dict[str | None, tuple[_IndicatorRule, ...]] = field(default_factory=dict)


def _scales(section: dict[str, Any], spaced: bool) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(column, value, words) of the lexicon's tier and measure words, in the order tried."""
    out = []
    for column, value in (
        ("tier", "model"),
        ("tier", "advanced"),
        ("measure", "new"),
        ("measure", "cumulative"),
    ):
        words = compile_keywords(section.get(f"{column}_{value}", []), spaced, contains=True)
        if words is not None:
            out.append((column, value, words))
    return tuple(out)


def achievement_scale(clause: str, indicator: str, lex: _Lexicon) -> tuple[str, str]:
    """``(measure, tier)`` of an NTM achievement claim read from its clause.

    Why: from 2021 the programme recognises communes at three tiers, and reports give both
    the year's new recognitions and running totals; a panel that mixes them double counts.
    The tier defaults to ``standard`` (a plain "meets the NTM standard"); the measure stays
    empty unless a word tells. Other indicators get ``("", "")``.
    """
    if indicator not in ACHIEVEMENTS:
        return "", ""
    found = {"measure": "", "tier": "standard"}
    for column, value, words in lex.scales:
        if found[column] in ("", "standard") and words.search(clause):
            found[column] = value
    return found["measure"], found["tier"]


def indicator_section(lang: str) -> dict[str, Any]:
    """The ``[indicators]`` section of ``lang``'s lexicon (a seam tests replace)."""
    return _section(lang, "indicators")


@cache
def lexicon(lang: str) -> _Lexicon:
    """Return the compiled extraction lexicon of ``lang`` (built once per language)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}")
    section = indicator_section(lang)
    valid = codebook.indicators()
    spaced = lang != "zh"
    rules = []
    for name, spec in section.items():
        if not isinstance(spec, dict):
            continue
        if name not in valid:
            raise ValueError(
                f"lexicons/{lang}.toml [indicators]: unknown indicator {name!r}; "
                f"valid: {', '.join(valid)}"
            )
        rules.append(
            _IndicatorRule(
                name=name,
                unit=valid[name].unit,
                keywords=compile_keywords(spec.get("kw", []), spaced) or NEVER,
                need=compile_keywords(spec.get("need", []), spaced, contains=True),
                exclude=compile_keywords(spec.get("not", []), spaced, contains=True),
                refines=spec.get("refines"),
                unit_only=bool(spec.get("unit_only", False)),
            )
        )
    keywords = [
        w
        for spec in section.values()
        if isinstance(spec, dict)
        for w in spec.get("kw", [])
        if w.strip("*")
    ] + [w for w in section.get("ignore", []) if w.strip("*")]
    parts = keyword_parts(keywords, spaced)
    return _Lexicon(
        lang=lang,
        window=int(section.get("window", 80)),
        count_window=int(section.get("count_window", 25)),
        prefer=section.get("prefer", "after"),
        refine_side=section.get("refine_side", "both"),
        labels=compile_keywords(section.get("labels", []), spaced),
        not_after=compile_keywords(section.get("not_after", []), spaced),
        not_before=compile_keywords(section.get("not_before", []), spaced),
        ignore=compile_keywords(section.get("ignore", []), spaced),
        any_keyword=(re.compile("|".join(rx for rx, _ in parts), re.IGNORECASE) if parts else None),
        keyword_parts=tuple(parts),
        keyword_prefixes=frozenset(w.lower()[:2] for w in keywords if not w.startswith("*")),
        keyword_infixes=infixes(keywords),
        range_words=compile_keywords(section.get("range", []), spaced),
        rules=tuple(rules),
        recover=compile_keywords(section.get("recover", []), spaced, contains=True),
        of_which=compile_keywords(section.get("of_which", []), spaced),
        scales=_scales(section, spaced),
    )


# --------------------------------------------------------------------------- text helpers


def clauses(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every clause: sentences, and parts between semicolons.

    A full stop only ends a sentence when the next character is not a lower-case letter or a
    digit, so "No. 2" and "approx. 5" stay in one clause.
    """
    spans, begin = [], 0
    for match in _CLAUSE_END.finditer(text):
        nxt = text[match.end() : match.end() + 1]
        if match.group()[0] in ".!?…" and (nxt.islower() or nxt.isdigit()):
            continue
        if match.end() > begin:
            spans.append((begin, match.end()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return [piece for span in spans for piece in _cap(text, span)]


MAX_CLAUSE = 1500
"""Longer "clauses" (text without punctuation) are cut at spaces: a claim never spans more,
and keyword matching stays linear in the text length."""


def _cap(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    pieces = []
    while end - start > MAX_CLAUSE:
        cut = text.rfind(" ", start + MAX_CLAUSE // 2, start + MAX_CLAUSE)
        cut = cut + 1 if cut > start else start + MAX_CLAUSE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _unit_after(text: str, pos: int, lex: _Lexicon) -> tuple[str | None, float, int]:
    """Return the unit written right after ``pos`` (codebook unit, factor, end offset)."""
    from dvk_analysis.text.units import find_unit

    found = find_unit(text, pos, lex.lang)
    if found is None:
        return None, 1.0, pos
    return found.unit, found.factor, found.end


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


MIN_LENGTH_M = 20
"""Lengths below this many metres are widths or heights: nobody reports building 15 m of road."""

YEARS = (1945, 2050)
"""A bare four-digit number in this range is read as a year (reports look back to 1945 and
ahead to 2045 plans); "2071 models" stays a count."""


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


_RANGE_GAP = re.compile(r"\s*[-–~]\s*")


def _continues_range(text: str, previous: NumberMatch, number: NumberMatch, lex: _Lexicon) -> bool:
    """True when ``number`` ends a range "a - b" / "a to b" whose start is ``previous``."""
    gap = text[max(previous.end, previous.expr_end) : number.start]
    if not gap or len(gap) > 12:
        return False
    if _RANGE_GAP.fullmatch(gap):
        return True
    return lex.range_words is not None and lex.range_words.fullmatch(gap.strip()) is not None


def _is_year(number: NumberMatch, unit: str | None) -> bool:
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
    """True for decree, resolution and road numbers: "25-NQ/TW", "558/QĐ-TTg", "DT-186"."""
    after = text[number.end : number.end + 2]
    before = text[max(0, number.start - 2) : number.start]
    return (len(after) == 2 and after[0] in "-/–" and after[1].isalpha()) or (
        len(before) == 2 and before[1] in "-–/" and before[0].isalpha()
    )


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


def _skipped(text: str, number: NumberMatch, unit_end: int, lex: _Lexicon) -> str | None:
    """Return why ``number`` is not a quantity, or ``None`` when it may be one."""
    if number.percent:
        return "percent"
    if _in_quotes(text, number.start):
        return "quoted"  # part of a name: the “3 không” residential-area campaign
    if _is_code(text, number) or (_DIGIT.search(number.raw) and _LETTER.search(number.raw)):
        return "code"
    if number.start > 0 and _glued(text[number.start - 1]):
        return "glued"  # part of a token: "m2", "H2", "DT186"
    before = text[max(0, number.expr_start - 40) : number.expr_start].rstrip(" \u00a0#:")
    if _ends_with(before, lex.labels, lex.lang):
        return "label"
    if _ends_with(before, lex.not_before, lex.lang):
        return "not_before"
    if lex.not_after is not None and lex.not_after.match(text, _skip_space(text, unit_end)):
        return "not_after"
    if is_clock_time(text, number.start, number.end, number.value, lex.lang):
        return "clock"
    if is_day_of_month(text, number.end, number.value, lex.lang):
        return "date"
    return None


# --------------------------------------------------------------------------- indicator choice


@dataclass(frozen=True)
class _Candidate:
    rule: _IndicatorRule
    distance: float
    keyword: str
    between: bool
    side: str


@dataclass(frozen=True)
class _Hit:
    """One keyword occurrence in the text (offsets in the text)."""

    start: int
    end: int
    rule: _IndicatorRule | None  # None: an ``ignore`` phrase
    word: str


def _compatible(rule: _IndicatorRule, unit: str | None) -> bool:
    """Whether a number written with ``unit`` can measure ``rule``'s indicator.

    Without a unit a number can only count things or people: households, areas, lengths and
    money must be named by their unit word.
    """
    if unit is None:
        return rule.unit in ("count", "persons")
    if unit == "count":
        return rule.unit == "count"
    if unit == "persons" and rule.unit == "count":
        return True  # "37 individuals honoured" counts people as items
    return rule.unit == unit


def _rules_of_unit(lex: _Lexicon, unit: str | None) -> tuple[_IndicatorRule, ...]:
    """The rules ``_compatible`` with ``unit``, in lexicon order (cached per unit)."""
    found = lex.unit_rules.get(unit)
    if found is None:
        found = lex.unit_rules[unit] = tuple(r for r in lex.rules if _compatible(r, unit))
    return found


def _clause_hits(clause: str, offset: int, lex: _Lexicon) -> list[_Hit]:
    """Keyword hits of every indicator in a clause, the longest winning where they overlap.

    "model new rural residential areas" is a village phrase, so its "model" must not also count
    as the keyword of DVK models. One pass of the union of all keywords (longest alternatives
    first, leftmost match) finds the phrases; each phrase then names every indicator whose
    keywords match it whole ("donated" is a keyword of land, money and households alike).
    An ``ignore`` phrase is found the same way and names none.
    """
    if lex.any_keyword is None:
        return []
    hits = []
    for m in _keyword_matches(clause, lex):
        for rule in _rules_for(lex, m.group()):
            hits.append(_Hit(m.start() + offset, m.end() + offset, rule, m.group()))
    return hits


_WORD = re.compile(r"\w+")


def _keyword_matches(clause: str, lex: _Lexicon) -> Iterator[re.Match[str]]:
    """Leftmost-longest keyword matches.

    Where words are spaced, the keyword regex is tried only at the start of a word that can
    begin a keyword (its first two letters) or contain one (a compound's keyword, lexicon
    entries with a leading "*"): a cheap filter that saves most regex attempts. The verdict
    and the regex cut to the word's first letter (``_keywords_at``) are cached per word.
    """
    pattern = lex.any_keyword
    assert pattern is not None
    if lex.lang == "zh":
        yield from (m for m in pattern.finditer(clause) if m.end() > m.start())
        return
    end = 0
    word_patterns = lex.word_patterns
    for w in _WORD.finditer(clause):
        if w.start() < end:
            continue
        word = w.group()
        at_word = word_patterns.get(word, False)
        if at_word is False:  # not seen yet: None when no keyword can start the word
            at_word = _keywords_at(lex, word[0]) if _may_start(word, lex) else None
            if len(word_patterns) < 200_000:
                word_patterns[word] = at_word
        if at_word is None:
            continue
        m = at_word.match(clause, w.start())
        if m and m.end() > m.start():
            end = m.end()
            yield m


def _may_start(word: str, lex: _Lexicon) -> bool:
    """Whether a keyword may match at the start of ``word``."""
    word = word.lower()
    compounds = lex.keyword_infixes
    return (
        word[:2] in lex.keyword_prefixes
        or word[:1] in lex.keyword_prefixes
        or (compounds is not None and compounds.search(word) is not None)
    )


def _keywords_at(lex: _Lexicon, char: str) -> re.Pattern[str]:
    """``any_keyword`` cut to the alternatives that can match where the text holds ``char``.

    The alternatives keep their order, so the one that matches is the one the whole pattern
    would find; trying hundreds of alternatives that cannot match was most of the cost.
    """
    pattern = lex.keyword_by_char.get(char)
    if pattern is None:
        parts = [
            rx
            for rx, first in lex.keyword_parts
            if not first or re.fullmatch(re.escape(first), char, re.IGNORECASE)
        ]
        pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else NEVER
        if len(lex.keyword_by_char) < 10_000:
            lex.keyword_by_char[char] = pattern
    return pattern


def _allowed(clause: str, hits: Sequence[_Hit], lex: _Lexicon) -> frozenset[str]:
    """Indicators with a keyword (or ``unit_only``) in the clause whose required words
    (``need``) are in it too, and their excluded words (``not``) not; no donation in a
    clause of the ``recover`` frame."""
    present = {h.rule.name for h in hits if h.rule is not None}
    recovered = lex.recover is not None and lex.recover.search(clause) is not None
    return frozenset(
        r.name
        for r in lex.rules
        if (r.unit_only or r.name in present)
        and (r.need is None or r.need.search(clause))
        and (r.exclude is None or not r.exclude.search(clause))
        and not (recovered and r.name in DONATIONS)
    )


DONATIONS = frozenset({"land_donated", "funds_mobilized"})
"""Land and money people give: never read in a clause where the State recovers, acquires or
compensates (the lexicon's ``recover`` frame), whatever the language."""


def _rules_for(lex: _Lexicon, token: str) -> tuple[_IndicatorRule, ...]:
    """Indicators whose keywords match ``token`` whole (cached: articles repeat their words)."""
    key = token.lower()
    found = lex.token_rules.get(key)
    if found is None:
        if lex.ignore is not None and lex.ignore.fullmatch(token):
            found = ()
        else:
            found = tuple(r for r in lex.rules if r.keywords.fullmatch(token))
        if len(lex.token_rules) < 200_000:
            lex.token_rules[key] = found
    return found


_QUOTED = re.compile(r"[\"“„«「『][^\"”“»」』\n]{0,80}[\"”“»」』]")


def _unquoted_gap(
    text: str, hit: _Hit, span: tuple[int, int], ignore: re.Pattern[str] | None = None
) -> int:
    """Characters between a keyword and the number, not counting a quoted name in between
    ('119 "Skilled Mass Mobilization" models': the models are next to the number)."""
    lo, hi = (span[1], hit.start) if hit.start >= span[1] else (hit.end, span[0])
    between = text[lo:hi]
    names = list(_QUOTED.finditer(between))
    if ignore is not None and not names:
        # an unquoted name right next to the number: '1,250 Skilled Mass Mobilization models'
        names = [
            m
            for m in ignore.finditer(between)
            if (m.start() <= 2 if hit.start >= span[1] else m.end() >= len(between) - 2)
        ]
    return len(between) - sum(len(m.group()) for m in names)


def _nearest_keyword(
    text: str,
    rule: _IndicatorRule,
    hits: Sequence[_Hit],
    span: tuple[int, int],
    others: Sequence[int],
    lex: _Lexicon,
    bare: bool = False,
) -> _Candidate | None:
    """Nearest keyword of ``rule`` to the number at ``span`` (text offsets) within the clause."""
    best: _Candidate | None = None
    lo, hi = span
    for hit in hits:
        if hit.rule is not rule:
            continue
        if hit.start >= hi:
            side, gap = "after", hit.start - hi
            between = any(hi <= o < hit.start for o in others)
        elif hit.end <= lo:
            side, gap = "before", lo - hit.end
            between = any(hit.end <= o < lo for o in others)
        else:
            continue
        if gap > lex.window:
            continue
        if bare and between:
            continue  # a bare count names its noun next to it, never across another number
        if bare and rule.refines is None and lex.prefer not in (side, "both"):
            continue  # ... on the language's side ("35 communes", not "commune 17")
        if bare and _unquoted_gap(text, hit, span, lex.ignore) > lex.count_window:
            continue
        weight = 1.0 if lex.prefer in (side, "both") else 1.6
        distance = gap * weight * (3.0 if between else 1.0)
        if best is None or distance < best.distance:
            best = _Candidate(rule, distance, hit.word, between, side)
    return best


def _choose(candidates: list[_Candidate], lex: _Lexicon) -> _Candidate | None:
    """Nearest candidate; an indicator that refines it wins when its keyword is this number's."""
    if not candidates:
        return None
    # A finer indicator is reached through the one it refines: "197 models sustainable, 233
    # new models" must not give 233 the "sustainable" of its neighbour.
    general = [c for c in candidates if c.rule.refines is None] or [
        c for c in candidates if lex.refine_side in (c.side, "both")
    ]
    if not general:
        return None
    best = min(general, key=lambda c: (c.distance, c.rule.name))
    refining = [
        c
        for c in candidates
        if c.rule.refines == best.rule.name
        and not c.between
        and lex.refine_side in (c.side, "both")
    ]
    if refining:
        # "197 models maintained, and 233 new models": the refinement after the number (on the
        # language's side) describes it; the one before may describe the previous number.
        return min(refining, key=lambda c: (lex.prefer not in (c.side, "both"), c.distance))
    return best


# --------------------------------------------------------------------------- public API


def _numbers(text: str, lang: str) -> list[NumberMatch]:
    from dvk_analysis.text import numbers

    return numbers.find_numbers(text, lang)


def _confidence(candidate: _Candidate, unit: str | None, lex: _Lexicon) -> float:
    closeness = max(0.0, 1.0 - candidate.distance / (3 * lex.window))
    return round(0.5 + 0.35 * closeness + (0.15 if unit else 0.0), 3)


def _format_value(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e18 else rounded


def extract_text(
    text: str,
    *,
    article_id: str,
    lang: str | None = None,
    published: str | None = None,
    province: str | None = None,
) -> list[Claim]:
    """Return the codebook claims stated in one article.

    Parameters
    ----------
    text
        The article, as read from its file (offsets refer to this string).
    article_id
        Written into every claim.
    lang
        ISO 639-1 code; detected when ``None``. Unsupported or undetectable -> no claims.
    published
        Publication date (ISO, any precision): the fallback period end.
    province
        Manifest province: the fallback when the text names none.
    """
    if lang is None:
        lang = detect_language(text)
    if lang is None or lang not in LANGUAGES:
        return []
    lex = lexicon(lang)
    found = _numbers(text, lang)
    if not found:
        return []
    context: _Context | None = None  # built at the first claim: most numbers are no claim
    spans = clauses(text)
    claims: list[Claim] = []
    clause_index = 0
    hit_cache: dict[int, tuple[list[_Hit], frozenset[str]]] = {}
    starts = [n.start for n in found]
    previous: tuple[Claim, str | None] | None = None  # the last claim and its unit as written
    for index, number in enumerate(found):
        if index and _continues_range(text, found[index - 1], number, lex):
            continue  # "5 - 6 m", "6 to 8": the range's first number already spoke for it
        partner = found[index + 1] if index + 1 < len(found) else None
        tail = partner if partner and _continues_range(text, number, partner, lex) else None
        measured = _measure(text, number, tail, lex)
        if measured is None:
            continue
        while clause_index < len(spans) - 1 and spans[clause_index][1] <= number.start:
            clause_index += 1
        c_start, c_end = spans[clause_index]
        if clause_index not in hit_cache:
            clause = text[c_start:c_end]
            hits = _clause_hits(clause, c_start, lex)
            hit_cache[clause_index] = (hits, _allowed(clause, hits, lex))
        if context is None:
            context = _Context.build(text, lang, published, province)
        clause_starts = starts[bisect_left(starts, c_start) : bisect_left(starts, c_end)]
        claim = _claim(
            text,
            number,
            measured,
            clause_starts,
            spans[clause_index],
            *hit_cache[clause_index],
            lex,
            article_id,
            context,
        )
        if claim is None and previous is not None:
            claim = _listed(text, number, measured, previous, hit_cache[clause_index][0], context)
        if claim is not None:
            claims.append(claim)
            previous = (claim, measured[0])
    return claims


_LIST_SEPARATOR = re.compile(r"[,;、，،؛]|\s(?:and|và|et|y|und|en|és|pedig|и|а)\s|[和及]|\sو")
"""What joins the items of an enumeration, in the ten languages (a comma everywhere)."""

LIST_GAP = 90
"""Most characters between two items of one enumeration."""


def _listed(
    text: str,
    number: NumberMatch,
    measured: tuple[str | None, float, int],
    previous: tuple[Claim, str | None],
    hits: Sequence[_Hit],
    context: _Context,
) -> Claim | None:
    """A claim for the next item of an enumeration whose first item is ``previous``.

    "525 residential areas meet the standard, of which 219 are in X, 231 in Y and 75 in Z":
    only the first number stands next to its noun; the others inherit its indicator when they
    have the same unit, follow it in the same clause across a list separator, and no keyword
    of another indicator stands between (that would start another claim). Shared by all
    languages; the place and period are the item's own.
    """
    claim, unit = previous
    gap_start, gap_end = claim.end, number.start
    gap = text[gap_start:gap_end]
    if measured[0] != unit or not 0 < len(gap) <= LIST_GAP or "\n" in gap:
        return None
    if _CLAUSE_END.search(gap) or not _LIST_SEPARATOR.search(gap):
        return None
    if any(_other_keyword(h, claim.indicator) and gap_start <= h.start < gap_end for h in hits):
        return None
    place, admin_level, province = context.place_at(number.start)
    period_start, period_end = context.period_at(number.start)
    return replace(
        claim,
        value=_format_value(number.value * measured[1]),
        qualifier=number.qualifier,
        denominator=_format_value(number.denominator) if number.denominator is not None else None,
        place=place,
        admin_level=admin_level,
        province=province,
        province_2025=_successor(province),
        period_start=period_start,
        period_end=period_end,
        start=number.start,
        end=number.end,
        confidence=round(claim.confidence * 0.9, 3),
        rule=claim.rule.split("+list")[0] + "+list",
    )


def _other_keyword(hit: _Hit, indicator: str) -> bool:
    return hit.rule is not None and hit.rule.name != indicator


def _measure(
    text: str, number: NumberMatch, tail: NumberMatch | None, lex: _Lexicon
) -> tuple[str | None, float, int] | None:
    """The number's unit (unit, factor, end of unit), or None when it is no quantity."""
    if number.percent:
        return None
    # The unit of a range "3 to 3.5 m" stands after its last number.
    last = tail or number
    unit, factor, unit_end = _unit_after(text, max(last.expr_end, last.end), lex)
    if unit is None and currency_before(text, _expr_start(number), lex.lang):
        unit = "VND"  # "VND 81.4 billion"
    if _is_year(number, unit) or _skipped(text, number, unit_end, lex):
        return None
    if unit == "m" and number.value * factor < MIN_LENGTH_M:
        return None  # a width or height ("3.5 m wide"), never a built length
    return unit, factor, unit_end


def _expr_start(number: NumberMatch) -> int:
    """Start of the number expression (its qualifier included), else of its digits."""
    return number.expr_start if number.expr_start >= 0 else number.start


def _claim(
    text: str,
    number: NumberMatch,
    measured: tuple[str | None, float, int],
    clause_starts: Sequence[int],
    clause_span: tuple[int, int],
    hits: Sequence[_Hit],
    allowed: frozenset[str],
    lex: _Lexicon,
    article_id: str,
    context: _Context,
) -> Claim | None:
    unit, factor, _ = measured
    c_start, c_end = clause_span
    clause = text[c_start:c_end]
    others = [o for o in clause_starts if o != number.start]
    # Distances are measured from the number expression without its unit: the unit word
    # ("résztvevővel", "households") may itself be the keyword, at distance ~1.
    lo = number.expr_start if number.expr_start >= 0 else number.start
    expr = (min(lo, number.start), max(number.expr_end, number.end))
    candidates = []
    for rule in _rules_of_unit(lex, unit):
        if rule.name not in allowed:
            continue
        if rule.unit_only and unit == rule.unit:
            candidates.append(_Candidate(rule, 0.0, unit, False, "after"))
            continue
        candidate = _nearest_keyword(text, rule, hits, expr, others, lex, bare=unit is None)
        if candidate is not None:
            candidates.append(candidate)
    chosen = _choose(candidates, lex)
    if chosen is None or _is_total(text, number, chosen.rule, clause_starts, c_end, lex):
        return None
    indicator = chosen.rule.name
    place, admin_level, province = context.place_at(number.start)
    period_start, period_end = context.period_at(number.start)
    rule = f"{lex.lang}:{indicator}:kw={chosen.keyword.lower()}" + (f"+unit={unit}" if unit else "")
    measure, tier = achievement_scale(clause, indicator, lex)
    return Claim(
        article_id=article_id,
        indicator=indicator,
        value=_format_value(number.value * factor),
        unit=chosen.rule.unit,
        qualifier=number.qualifier,
        denominator=_format_value(number.denominator) if number.denominator is not None else None,
        place=place,
        admin_level=admin_level,
        province=province,
        province_2025=_successor(province),
        period_start=period_start,
        period_end=period_end,
        quote=clause.strip(),
        start=number.start,
        end=number.end,
        confidence=_confidence(chosen, unit, lex),
        rule=rule,
        measure=measure,
        tier=tier,
    )


def _is_total(
    text: str,
    number: NumberMatch,
    rule: _IndicatorRule,
    clause_starts: Sequence[int],
    c_end: int,
    lex: _Lexicon,
) -> bool:
    """True for a sum of money followed by "of which" and another number in the clause.

    "Total resources reached VND 500 billion, of which people contributed VND 120 billion":
    the 500 billion includes the state budget, so it is not what people mobilised; the part
    after "of which" is. Same shape in every language (the lexicon's ``of_which`` words).
    """
    if rule.unit != "VND" or lex.of_which is None:
        return False
    found = lex.of_which.search(text, number.end, c_end)
    return found is not None and any(s >= found.end() for s in clause_starts)


@cache
def _successor(province: str) -> str:
    """The 2025 province a province of the article's date belongs to ("" when unknown)."""
    from dvk_analysis.gazetteer import successor_2025

    try:
        return successor_2025(province) if province else ""
    except LookupError:
        return ""


CONTEXT_CHUNK = 20_000
"""Places and periods are resolved in pieces of at most this many characters (cut at line
ends): an article is one piece, and a 10 MB text still costs linear time."""

_M = TypeVar("_M", PlaceMention, PeriodMention)


def _by_chunks(text: str, find: Callable[[str], Iterable[_M]]) -> list[_M]:
    """Run ``find`` on pieces of ``text``; shift the mentions' offsets back to ``text``."""
    found: list[_M] = []
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > CONTEXT_CHUNK:
            cut = text.rfind("\n", start + CONTEXT_CHUNK // 2, start + CONTEXT_CHUNK)
            end = cut + 1 if cut > start else start + CONTEXT_CHUNK
        for mention in find(text[start:end]):
            if start:
                mention = replace(mention, start=mention.start + start, end=mention.end + start)
            found.append(mention)
        start = end
    return found


@cache
def _warn_once(message: str) -> None:
    warnings.warn(message, stacklevel=3)


@dataclass
class _Context:
    """Places and periods of one article, resolved once; falls back to the manifest."""

    places: list[PlaceMention]
    periods: list[PeriodMention]
    province: str
    published: str
    place_starts: list[int]
    period_starts: list[int]

    @classmethod
    def build(cls, text: str, lang: str, published: str | None, province: str | None) -> _Context:
        """Resolve the article's place and period mentions (sorted by offset)."""
        places = sorted(_by_chunks(text, lambda part: find_places(part, lang)), key=_start)
        periods = sorted(_periods(text, lang, published), key=_start)
        return cls(
            places,
            periods,
            province or "",
            published or "",
            [p.start for p in places],
            [p.start for p in periods],
        )

    def place_at(self, pos: int) -> tuple[str, str, str]:
        """The last place named before ``pos`` (else the first one), with level and province."""
        i = bisect_right(self.place_starts, pos)
        mention = self.places[i - 1] if i else (self.places[0] if self.places else None)
        if mention is None:
            return "", "", self.province
        return mention.text or mention.name, mention.admin_level, mention.province or self.province

    def period_at(self, pos: int) -> tuple[str, str]:
        """The last period named before ``pos``; else up to the publication date."""
        i = bisect_right(self.period_starts, pos)
        if not i:
            return "", self.published
        mention = self.periods[i - 1]
        return mention.period_start or "", mention.period_end or ""


def _start(mention: PlaceMention | PeriodMention) -> int:
    return mention.start


def _periods(text: str, lang: str, published: str | None) -> list[PeriodMention]:
    """Period mentions; none (with one warning) when the manifest's date is malformed.

    A bad publication date is a manifest error that ``dvk validate`` reports; the claims are
    still worth keeping, with the date as written as their period end.
    """
    try:
        return _by_chunks(text, lambda part: find_periods(part, lang, published))
    except ValueError as err:
        _warn_once(f"period resolution failed ({err}); using the manifest's date")
        return []


def _collect(paths: Iterable[Path | str]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.glob("*.txt")))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder; pass .txt files or folders")
    return files


def _read_manifest(manifest: Path | str | pd.DataFrame | None) -> pd.DataFrame | None:
    import pandas as pd

    if manifest is None:
        return None
    if isinstance(manifest, pd.DataFrame):
        # missing cells become "" whatever their dtype (pandas 3 keeps NaN through astype(str))
        frame = manifest.astype(object).where(manifest.notna(), "").astype(str)
    else:
        from dvk_analysis.fileio import read_csv_text

        frame = read_csv_text(Path(manifest)).fillna("")
    missing = {"article_id", "language"} - set(frame.columns)
    if missing:
        raise ValueError(
            f"manifest {manifest if not isinstance(manifest, pd.DataFrame) else ''}: "
            f"missing column(s) {', '.join(sorted(missing))}; expected at least article_id, "
            "language (and published, province, translation_of)"
        )
    return frame


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """Return claims as a DataFrame with ``COLUMNS`` (empty text cells as "")."""
    import pandas as pd

    frame = pd.DataFrame([asdict(c) for c in claims], columns=list(COLUMNS))
    return frame.astype({"start": "Int64", "end": "Int64"}) if len(frame) else frame


def extract_paths(
    paths: Iterable[Path | str],
    manifest: Path | str | pd.DataFrame | None = None,
    lang: str | None = None,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Extract claims from ``.txt`` files and folders of them.

    Parameters
    ----------
    paths
        Files or folders (their ``*.txt``); the file stem is the article id.
    manifest
        CSV path or DataFrame with article_id, language, published, province, translation_of.
        Articles it lists but that are not among ``paths`` only get a warning when ``paths``
        is a folder it describes.
    lang
        Language of every text; overrides the manifest and detection.
    encoding
        Text encoding of the files.

    Returns
    -------
    pandas.DataFrame
        One row per claim, columns ``COLUMNS``; ``story_id`` groups translations.

    Raises
    ------
    ValueError
        For an empty, binary or undecodable file (naming it), or an unsupported ``lang``.
    """
    from dvk_analysis.text.stories import assign_stories

    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"--lang {lang!r} is not supported; choose one of {', '.join(LANGUAGES)}")
    paths = list(paths)
    files = _collect(paths)
    meta = _read_manifest(manifest)
    rows = {} if meta is None else {r["article_id"]: r for r in meta.to_dict("records")}
    if meta is not None:
        stems = {f.stem for f in files}
        folders = [Path(p) for p in paths if Path(p).is_dir()]
        for article_id in rows:
            if folders and article_id not in stems:
                warnings.warn(
                    f"manifest lists {article_id!r} but no {article_id}.txt was found in "
                    f"{', '.join(map(str, folders))}; skipped",
                    stacklevel=2,
                )
    claims: list[Claim] = []
    for path in files:
        text = read_article(path, encoding)
        row = rows.get(path.stem)
        if meta is not None and row is None:
            warnings.warn(
                f"{path}: not in the manifest; language detected, no province/date",
                stacklevel=2,
            )
        article_lang = lang or (row or {}).get("language") or detect_language(text)
        if article_lang not in LANGUAGES:
            warnings.warn(
                f"{path}: language {article_lang or 'undetectable'!s} is not supported "
                f"({', '.join(LANGUAGES)}); no claims extracted (pass --lang to force one)",
                stacklevel=2,
            )
            continue
        claims.extend(
            extract_text(
                text,
                article_id=path.stem,
                lang=article_lang,
                published=(row or {}).get("published") or None,
                province=(row or {}).get("province") or None,
            )
        )
    frame = claims_frame(claims)
    if len(frame):
        stories = assign_stories(meta, frame)
        frame["story_id"] = frame["article_id"].map(stories).fillna(frame["article_id"])
    return frame
