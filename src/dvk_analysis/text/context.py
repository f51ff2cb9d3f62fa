"""Where and when a claim holds: the places and periods of one article, resolved once.

Places and periods are context, not the claim: an article's mentions are found once (in pieces
for very long texts) and each number takes the last place and period named before it, falling
back on the manifest's province and publication date.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TypeVar

from dvk_analysis.text.appositions import apposed_places
from dvk_analysis.text.bare_units import bare_units
from dvk_analysis.text.filters import DATELINE_LEAD
from dvk_analysis.text.keywords import ACHIEVEMENTS, COMMUNE_COUNTS, lexicon
from dvk_analysis.text.openings import dateline_units
from dvk_analysis.text.patterns import PHRASE_END
from dvk_analysis.text.periods import PeriodMention, find_periods
from dvk_analysis.text.places import (
    PlaceMention,
    find_places,
    province_mention,
    sentence_starts,
    unit_in,
)
from dvk_analysis.text.scope import (
    address_chains,
    caption_spans,
    former_places,
    inside,
    level_rank,
    named_again,
    scoped_places,
    without_landmarks,
)


@cache
def successor(province: str) -> str:
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
C = TypeVar("C")
"""A claim (``extract.Claim``), or any frozen dataclass with its period fields."""


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


_LINE = re.compile(r"\n+")


@dataclass
class ArticleContext:
    """Places and periods of one article, resolved once; falls back to the manifest."""

    places: list[PlaceMention]
    periods: list[PeriodMention]
    province: str
    published: str
    place_starts: list[int]
    period_starts: list[int]
    sentences: list[int]  # where sentences start (0 first)
    length: int  # of the text
    lang: str = ""
    paragraphs: list[int] = field(default_factory=lambda: [0])  # where lines start (0 first)
    text: str = ""  # the article, for what stands between a number and a later place

    @classmethod
    def build(
        cls, text: str, lang: str, published: str | None, province: str | None
    ) -> ArticleContext:
        """Resolve the article's place and period mentions (sorted by offset)."""
        places = sorted(_by_chunks(text, lambda part: find_places(part, lang)), key=_start)
        places = _with_dateline(places, dateline_units(text, province or ""))
        places = former_places(text, without_landmarks(text, places, lang), lang)
        places = named_again(text, places)
        places = bare_units(text, places, province or "", lang)
        places = apposed_places(text, places, province or "", lang)
        places = scoped_places(text, places, _article_province(places, province))
        places = address_chains(text, places)
        captions = caption_spans(text)
        periods = sorted(
            (
                _dateline_date(text, p)
                for p in _periods(text, lang, published) + merger_eve(text, lang, published)
                if not inside(p.start, captions)  # a caption dates its photo only
            ),
            key=_start,
        )
        sentences = sentence_starts(text)
        periods = _targets(text, periods, lang, sentences)
        return cls(
            places,
            periods,
            province or "",
            published or "",
            [p.start for p in places],
            [p.start for p in periods],
            sentences,
            len(text),
            lang,
            [0] + [m.end() for m in _LINE.finditer(text)],
            text,
        )

    def place_at(self, pos: int) -> tuple[str, str, str]:
        """The last place named before ``pos`` (else the first one), with level and province.

        A national scope phrase later in the same sentence, with no place named in the
        sentence before ``pos``, wins ("900 000 models across the country", "6,320 of the
        country's 8,162 communes"): a national figure must never land on the article's
        province. A place carried from an earlier sentence skips a sentence that lists units
        (:meth:`_carried`) and a former unit named in a merger sentence (:meth:`_merged_unit`).
        """
        i = bisect_right(self.place_starts, pos)
        mention = self.places[i - 1] if i else (self.places[0] if self.places else None)
        after = self._national_later_in_sentence(pos, i)
        sentence = self.sentence_start(pos)
        if after is not None and (mention is None or mention.start < sentence):
            mention = after
        if mention is None:
            return "", "", self.province
        if mention.start < sentence:  # carried from an earlier sentence
            mention = self._carried(i - 1) if i else mention
            mention = self._named_after(pos, i, mention) or mention
            if mention.former:
                mention = self._merged_unit(mention) or mention
        if (
            mention.admin_level == "national"
            and self.province  # a national report (no province) stays national
            and mention.start < self.paragraph_start(pos)
        ):  # the country named in passing frames its own paragraph, not the next ones
            mention = next(
                (p for p in reversed(self.places[:i]) if p.admin_level != "national"), None
            )
            if mention is None:
                return "", "", self.province
        return self.described(mention)

    def holder(self, claim: C) -> tuple[str, str, str]:
        """The unit holding communes for :func:`held_by_larger` (place, level, province)."""
        province = claim.province or self.province
        if province and unit_in(claim.place, "district", province):
            return claim.place, "district", province
        i = bisect_right(self.place_starts, claim.start)
        larger = next((p for p in reversed(self.places[:i]) if level_rank(p.admin_level) > 1), None)
        if larger is None and self.province:
            larger = province_mention(self.province)
        return (
            self.described(larger) if larger else (claim.place, claim.admin_level, claim.province)
        )

    def paragraph_start(self, pos: int) -> int:
        return self.paragraphs[bisect_right(self.paragraphs, pos) - 1]

    LIST_SENTENCE = 3
    """A sentence with this many place mentions or more lists units ("five more communes: Thai
    My (Cu Chi), Xuan Thoi Thuong (Hoc Mon), ...") or writes an address chain whose last unit is
    the widest ("xã A, huyện B, tỉnh C"); the last mention speaks for neither. (Carrying the
    chain's unit instead measured worse on the tuned articles: place 0.779 against 0.789.)"""

    def _carried(self, i: int) -> PlaceMention:
        """The place a later sentence inherits: the last mention (index ``i``) before it, or,
        when that mention's sentence lists units, the last one before that list. An address
        written from the widest unit down ("原太平省地区的北东关乡东安村", the province's commune's
        village) ends with the unit it is about, and is carried."""
        j = i
        while j >= 0:
            lo = self.sentence_start(self.places[j].start)
            first = bisect_left(self.place_starts, lo)
            if j - first + 1 < self.LIST_SENTENCE or _narrowing(self.places[first : j + 1]):
                return self.places[j]
            j = first - 1
        return self.places[i]

    def _merged_unit(self, former: PlaceMention) -> PlaceMention | None:
        """The unit of ``former``'s level that its sentence names not as former, if any.

        Why: "the merger joined Khanh Hoa and the former province of Ninh Thuan" tells the
        history; the figures of the sentences after it are the merged province's, and a former
        unit speaks only for its own sentence there.
        """
        lo = self.sentence_start(former.start)
        return next(
            (
                p
                for p in self.places[bisect_left(self.place_starts, lo) :]
                if p.start < former.start and not p.former and p.admin_level == former.admin_level
            ),
            None,
        )

    def sentence_start(self, pos: int) -> int:
        return self.sentences[bisect_right(self.sentences, pos) - 1]

    def _national_later_in_sentence(self, pos: int, i: int) -> PlaceMention | None:
        """The first place named after ``pos`` (index ``i``) if it is a national scope phrase
        of ``pos``'s sentence."""
        j = bisect_right(self.sentences, pos)
        end = self.sentences[j] if j < len(self.sentences) else self.length
        if i < len(self.places) and self.places[i].start < end:
            nxt = self.places[i]
            return nxt if nxt.admin_level == "national" else None
        return None

    def _named_after(self, pos: int, i: int, carried: PlaceMention) -> PlaceMention | None:
        """The place named after ``pos`` (mention ``i``) in its own phrase, if it is at least as
        large as the ``carried`` one.

        Why: a sentence that names no place before its number but one right after it speaks of
        that one ("114 van de 116 gemeenten van Dong Nai", "160 of the province's 178
        communes", "138 huishoudens in Phu Cuong"), not of the unit an earlier sentence named.
        A smaller unit after the number is mostly an example ("42 communes, Tieu Can among
        them"); a comma or a stop between them ends the phrase. Measured on the tuned articles:
        place 0.821 -> 0.824 (23 places mended, 8 lost), dev unchanged.
        """
        if i >= len(self.places) or self.places[i].start >= self._sentence_end(pos):
            return None
        later = self.places[i]
        if PHRASE_END.search(self.text, pos, later.start):
            return None
        return later if level_rank(later.admin_level) >= level_rank(carried.admin_level) else None

    def _sentence_end(self, pos: int) -> int:
        j = bisect_right(self.sentences, pos)
        return self.sentences[j] if j < len(self.sentences) else self.length

    def place_within(self, start: int, end: int) -> tuple[str, str, str] | None:
        """The first place named inside ``[start, end)``, with level and province; else None."""
        mention = self.mention_within(start, end)
        return self.described(mention) if mention is not None else None

    def mention_within(self, start: int, end: int) -> PlaceMention | None:
        """The first place mention inside ``[start, end)``, else None."""
        i = bisect_left(self.place_starts, start)
        if i < len(self.places) and self.places[i].end <= end:
            return self.places[i]
        return None

    def described(self, mention: PlaceMention) -> tuple[str, str, str]:
        """(place as written, level, province) of a mention."""
        return mention.text or mention.name, mention.admin_level, mention.province or self.province

    def period_at(self, pos: int) -> tuple[str, str]:
        """The period of ``pos``: the last one named before it in its sentence, else the first
        one after it in its sentence ("42 collectives ... recognised for 2022"), else the last
        one named before it anywhere, unless that is a single day or history; else up to the
        publication date."""
        mention = self._period_mention(pos)
        if mention is None:
            return "", self.published
        return mention.period_start or "", mention.period_end or ""

    def period_from_earlier_paragraph(self, pos: int) -> bool:
        """Whether the period of ``pos`` was named in an earlier paragraph (a line)."""
        mention = self._period_mention(pos)
        return (
            mention is not None
            and mention.start < self.paragraphs[bisect_right(self.paragraphs, pos) - 1]
        )

    def _period_mention(self, pos: int) -> PeriodMention | None:
        j = bisect_right(self.sentences, pos)
        lo = self.sentences[j - 1]
        hi = self.sentences[j] if j < len(self.sentences) else self.length
        i = bisect_right(self.period_starts, pos)
        mention = None
        if i and self.periods[i - 1].start >= lo and self.periods[i - 1].end <= pos:
            mention = self.periods[i - 1]
        elif i < len(self.periods) and self.periods[i].start < hi:
            mention = self.periods[i]
        else:
            mention = next(
                (m for m in reversed(self.periods[:i]) if m.kind not in OWN_SENTENCE), None
            )
            if mention is not None and _history(mention, self.published):
                mention = None
        return mention


STOCKS = ACHIEVEMENTS | {"population", "rural_communes", "share_communes_meeting_ntm"}
"""Indicators that count what a place has at a date (criteria met, communes meeting the
standard, residents), not what happened over a period."""


def carried_stocks(claims: list[C], context: ArticleContext) -> list[C]:
    """``claims`` with a stock dated only by an earlier paragraph read as of the publication
    date (undated without one): "the district has 17 communes meeting the standard" holds
    when the article appears, and a year named paragraphs before it dates another story. Of
    stocks carried that way on the tuned split, 5 in 6 undated ones were coded undated; on
    dated pages the rule moved period accuracy from 0.744 to 0.751 (3,491 matched claims)."""
    return [
        replace(c, period_start="", period_end=context.published)
        if c.indicator in STOCKS and context.period_from_earlier_paragraph(c.start)
        else c
        for c in claims
    ]


def in_context(claims: list[C], context: ArticleContext) -> list[C]:
    """The passes over all of an article's claims that its context decides: stocks dated by an
    earlier paragraph (:func:`carried_stocks`) or to one day (:func:`stocks_as_of`), counts of
    communes on a commune (:func:`held_by_larger`)."""
    return held_by_larger(stocks_as_of(carried_stocks(claims, context)), context)


def _narrowing(mentions: Sequence[PlaceMention]) -> bool:
    """Whether each mention is a smaller unit than the one before: an address from the widest
    unit down, as Chinese and Hungarian write it."""
    ranks = [level_rank(m.admin_level) for m in mentions]
    return all(a > b >= 0 for a, b in zip(ranks, ranks[1:], strict=False))


COMMUNE_SETS = COMMUNE_COUNTS | {"share_communes_meeting_ntm"}
"""Counts of communes. A commune holds no communes, so such a count is never a commune's or
a village's: 1 of 708 such gold rows is coded at commune level."""


def held_by_larger(claims: list[C], context: ArticleContext) -> list[C]:
    """``claims`` with a count of communes placed on a commune or village moved to the unit
    that holds communes: the same bare name when the gazetteer knows it as a district of the
    province ("Per district: Cu Chi 20 van de 20 gemeenten"), else the last larger unit named
    before the number, else the article's province. A commune named nearby is the example or
    the newcomer ("with Vinh Cong recognised, 10 of the district's 12 communes ...")."""
    return [
        replace(
            c, **dict(zip(("place", "admin_level", "province"), context.holder(c), strict=True))
        )
        if c.indicator in COMMUNE_SETS and 0 <= level_rank(c.admin_level) <= 1
        else c
        for c in claims
    ]


def stocks_as_of(claims: list[C]) -> list[C]:
    """``claims`` with a stock dated to one day or month read as of that date (no start):
    "by 30 June 2023, 6,022 communes met the standard" counts what the country had then,
    not what happened in June. Of such stocks on the tuned split, 21 in 50 were coded with
    an open start against 3 with the day or month as a closed period; a year stays closed
    ("in 2023 the district had 12 communes": 54 in 99 coded closed)."""
    return [
        replace(c, period_start="")
        if c.indicator in STOCKS and len(c.period_start) > 4 and c.period_start == c.period_end
        else c
        for c in claims
    ]


def as_of_publication(claims: list[C], published: str | None) -> list[C]:
    """``claims`` with a stock dated by nothing but the publication's own year, or any claim
    dated by a range still running, read as of the publication date (no start): "this year
    the commune has met 19 criteria" states what it has when the article appears, as the
    project's writers code it."""
    year = (published or "")[:4]
    return [
        replace(c, period_start="", period_end=published)
        if year.isdigit() and (_running(c, year) or (c.indicator in STOCKS and _this_year(c, year)))
        else c
        for c in claims
    ]


def _this_year(claim: C, year: str) -> bool:
    return claim.period_start == claim.period_end == year


def _running(claim: C, year: str) -> bool:
    """Whether a claim is dated by a range that runs past the publication year ("2021-2025"
    in a 2024 article): nothing can be counted at a date still to come, so the figure is what
    the article reports up to its own date (9 in 10 such claims on the tuned split)."""
    end = claim.period_end[:4]
    return bool(claim.period_start) and end.isdigit() and end > year


def _with_dateline(places: list[PlaceMention], units: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` and the dateline's units where no mention covers them, sorted."""
    new = [u for u in units if not any(p.start < u.end and u.start < p.end for p in places)]
    return sorted(places + new, key=_start) if new else places


OWN_SENTENCE = frozenset({"day", "current", "target"})
"""Period kinds that date only their own sentence: a meeting's day ("on Sunday 27 November"),
"currently" ("the road is currently 4 m wide") and a plan's target year ("aims to reach 50%
by 2025") say nothing of the next sentences' figures."""


def _targets(
    text: str, periods: list[PeriodMention], lang: str, starts: list[int]
) -> list[PeriodMention]:
    """``periods`` with the ones in a sentence that states a plan (the lexicon's
    ``plan_words``) marked as targets (kind ``target``); ``starts``: the sentences' starts."""
    words = lexicon(lang).plan_words if lang else None
    if words is None or not periods:
        return periods
    out = []
    for p in periods:
        i = bisect_right(starts, p.start)
        lo, hi = starts[i - 1], starts[i] if i < len(starts) else len(text)
        planned = p.start >= 0 and words.search(text, lo, hi) is not None
        out.append(replace(p, kind="target") if planned else p)
    return out


HISTORY_YEARS = 3
"""A period ending more than this many years before publication is background ("the victory of
1954", "the first communes met the standard in 2013"): it dates its own sentence but is not
carried to later ones, whose figures the writers code as of publication. Measured on the tuned
split: 10 years gave period accuracy 0.720, 5 gave 0.722, 3 gives 0.723 (dev 0.886 alike)."""


def _history(mention: PeriodMention, published: str) -> bool:
    """Whether ``mention`` ends more than ``HISTORY_YEARS`` before ``published``."""
    end = mention.period_end or mention.period_start or ""
    if not (published[:4].isdigit() and end[:4].isdigit()):
        return False
    return int(published[:4]) - int(end[:4]) > HISTORY_YEARS


def _article_province(places: list[PlaceMention], province: str | None) -> PlaceMention | None:
    """The article's province as a mention: the manifest's, else the first province named."""
    if province:
        try:
            return province_mention(province)
        except (KeyError, ValueError, LookupError):
            pass
    return next((p for p in places if p.admin_level == "province"), None)


_DATELINE_DASH = re.compile(
    r"(?:/[^\d\n–—-]{1,20}(?:19|20)\d\d)?(?:\s*(?:г\.|года))?\s*[)）]?\s*[–—-]"
)
"""What ends a dateline's date: a dash, after a year word ("21 января 2022 г. —"), a closing
bracket ("顺化讯（2020年7月7日）——") or the Levantine month name and year of an Arabic date
("30 ديسمبر/كانون الأول 2023 –")."""
_DATELINE_LEAD_END = (",", "，", "،", "(", "（")


def _dateline_date(text: str, mention: PeriodMention) -> PeriodMention:
    """The date of a dateline ("HUNG YEN, 9 de julio de 2019 – ...") as the end of an open
    period: it is the report's date, and the figures of its sentence are totals up to it (as
    "so far"), not that day's work. Any other mention is returned as it is."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    lead = text[line_start : mention.start]
    if (
        mention.kind in ("date", "day")
        and len(lead) <= DATELINE_LEAD
        and not lead[:1].islower()  # capitals, or a script without case
        and lead.rstrip().endswith(_DATELINE_LEAD_END)
        and _DATELINE_DASH.match(text, mention.end)
    ):
        return replace(mention, period_start=None, kind="to_date")
    return mention


def _start(mention: PlaceMention | PeriodMention) -> int:
    return mention.start


MERGER_EVE = "2025-06"
"""The last month before the provinces merged on 1 July 2025: "before the merger" dates a
figure to it (``before_merger``), as the writers code it."""


def merger_eve(text: str, lang: str, published: str | None) -> list[PeriodMention]:
    """Mentions of the time before the 2025 merger ("Trước khi sáp nhập", "before the
    merger"), each an open period up to :data:`MERGER_EVE`, of kind ``end_of_year`` (it
    behaves like "by the end of 2024": an open start, carried to the next sentences); none in
    a text published before the merger, whose merger is another one."""
    words = _before_merger(lang)
    if words is None or (published or MERGER_EVE) < "2025-07":
        return []
    return [
        PeriodMention(m.start(), m.end(), m.group(), None, MERGER_EVE, "end_of_year")
        for m in words.finditer(text)
    ]


@cache
def _before_merger(lang: str) -> re.Pattern[str] | None:
    from dvk_analysis.text.lexicon import section
    from dvk_analysis.text.patterns import compile_keywords

    words = section(lang, "periods").get("before_merger", [])
    return compile_keywords(words, lang != "zh", contains=True)


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
