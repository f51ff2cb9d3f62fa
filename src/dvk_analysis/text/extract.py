"""Extract codebook claims (number + indicator + unit) from article texts.

How a claim is recognised, in every language alike (the words live in the lexicons'
``[indicators]`` sections, never in this module; ``lexicons/en.toml`` documents the keys):

1. ``numbers.find_numbers`` finds each number with its qualifier, multiplier and denominator;
   ``units.find_unit`` reads the unit written after it.
2. The text is cut into clauses (sentences, or ``;``-separated parts): a claim never reaches
   across a clause, because the next clause usually talks about something else.
3. Numbers that are not quantities are dropped (:func:`filters.skipped`): percentages,
   years, decree/resolution and road numbers ("25-NQ/TW", "DT-186"), labels ("group 8",
   "No. 2": lexicon ``labels``), widths, ages and durations (``not_after`` / ``not_before``;
   lengths under ``MIN_LENGTH_M``), numbers inside a quoted name, and the second end of a
   range ("6 to 8 m").
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
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.fileio import read_article
from dvk_analysis.text.breakdowns import (
    breaks_down,
    clauses,
    indicator_family,
    only_needs,
    opens_part,
    units_listed,
)
from dvk_analysis.text.choice import choose, prefer_predicate
from dvk_analysis.text.context import ArticleContext, as_of_publication, in_context
from dvk_analysis.text.enumerations import field_fits, item_span, own_fields
from dvk_analysis.text.filters import MEASURED, MIN_LENGTH_M, is_year, skipped
from dvk_analysis.text.han_names import gloss_places
from dvk_analysis.text.items import (
    HEAD_COUNTS,
    audience,
    case_general,
    case_kin,
    finer_place_after,
    item_exclude,
    listed,
    listed_unit,
    number_fields,
    own_tier,
    part_claim,
    shared_unit,
    tiered,
)
from dvk_analysis.text.keywords import (
    ACHIEVEMENTS,
    ITEM_EXCLUDED,
    NEED_SHARE,
    NO_RANGE,
    TIERED_UNITS,
    Candidate,
    Hit,
    Lexicon,
    achievement_scale,
    allowed_indicators,
    clause_hits,
    lexicon,
    nearest_keyword,
    postposed_classifier,
    rule_named,
    rules_of_unit,
)
from dvk_analysis.text.language import detect_language
from dvk_analysis.text.lexicon import LANGUAGES
from dvk_analysis.text.money import (
    collected,
    is_total,
    mobilised_by_unit,
    money_left_out,
    part_of,
    people_part,
    pooled,
)
from dvk_analysis.text.numbers import expr_start
from dvk_analysis.text.openings import title_end
from dvk_analysis.text.pool import Job, extract_all, workers_for
from dvk_analysis.text.ranges import continues_range
from dvk_analysis.text.respectively import (
    fields_before_semicolons,
    fields_listed,
    respective_fields,
    respective_places,
    respective_years,
)
from dvk_analysis.text.shares import SHARE, as_count, share_after_count, share_of_communes
from dvk_analysis.text.stance import not_stated_as_fact, whole_set
from dvk_analysis.text.units import currency_before, unit_before, unit_inside, visits

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


# --------------------------------------------------------------------------- text helpers


def _unit_after(text: str, pos: int, lex: Lexicon) -> tuple[str | None, float, int]:
    """Return the unit written right after ``pos`` (codebook unit, factor, end offset)."""
    from dvk_analysis.text.units import find_unit

    found = find_unit(text, pos, lex.lang)
    if found is None:
        return None, 1.0, pos
    return found.unit, found.factor, found.end


def _numbers(text: str, lang: str) -> list[NumberMatch]:
    from dvk_analysis.text import numbers

    return numbers.find_numbers(text, lang)


def _confidence(candidate: Candidate, unit: str | None, lex: Lexicon) -> float:
    closeness = max(0.0, 1.0 - candidate.distance / (3 * lex.window))
    return round(0.5 + 0.35 * closeness + (0.15 if unit else 0.0), 3)


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
    title = title_end(text)
    found = [n for n in _numbers(text, lang) if n.start >= title]
    if not found:
        return []
    context: ArticleContext | None = None  # built at the first claim: most numbers are no claim
    spans = clauses(text)
    claims: list[Claim] = []
    clause_index = 0
    hit_cache: dict[int, tuple[list[Hit], frozenset[str]]] = {}
    starts = [n.start for n in found]
    previous: tuple[Claim, str | None] | None = None  # the last claim and its unit as written
    pending: list[NumberMatch] = []  # numbers without unit or claim since the last claim
    shares: list[NumberMatch] = []  # percentages since the last claim
    communes = rule_named(lex, "communes_meeting_ntm")
    same_unit: dict[str | None, tuple[Claim, str | None]] = {}  # the last claim per unit
    tiers = {value: words for column, value, words in lex.scales if column == "tier"}
    fields: dict[int, Hit] = {}  # "120, 80 and 58 ... respectively": each number's own field
    for index, number in enumerate(found):
        if (
            index
            and number.start not in fields
            and continues_range(text, found[index - 1], number, lex)
        ):
            continue  # "5 - 6 m", "6 to 8": the range's first number already spoke for it
        partner = found[index + 1] if index + 1 < len(found) else None
        ranged = partner and partner.start not in fields
        tail = partner if ranged and continues_range(text, number, partner, lex) else None
        if number.percent:
            share = None
            if previous is not None:
                between = index - bisect_left(starts, previous[0].end)  # numbers since it
                same = (
                    context is not None and context.sentence_start(number.start) <= previous[0].end
                )
                share = share_after_count(
                    text, number, previous[0], between, bool(shares), communes, same, lang
                )
            own = share is None and share_of_communes(text, number, communes, spans, lex)
            if own:  # "100% số xã đạt chuẩn": a share with no count before it
                context = context or ArticleContext.build(text, lang, published, province)
                share = _own_share(number, context, article_id, text[own[0] : own[1]].strip())
                same_unit[None] = (as_count(share), None)  # "Of these, 229 ..." its parts
            if share is not None:
                claims.append(share)
            shares.append(number)
        measured = _measure(text, number, tail, lex)
        if measured is None:
            continue
        if measured[0] is None and previous and money_left_out(text, number, previous[0]):
            measured = ("VND", 1.0, measured[2])  # "..., la comuna 1,6 mil millones"
        while clause_index < len(spans) - 1 and spans[clause_index][1] <= number.start:
            clause_index += 1
        c_start, c_end = spans[clause_index]
        # The clause's numbers by bisection (``found`` is sorted by start): a scan of every
        # number per clause made a 1 MB line take minutes.
        in_clause = found[bisect_left(starts, c_start) : bisect_left(starts, c_end)]
        if clause_index not in hit_cache:
            clause = text[c_start:c_end]
            hits = clause_hits(clause, c_start, lex)
            hit_cache[clause_index] = (hits, allowed_indicators(clause, hits, lex))
            quantities = [n.start for n in in_clause if not n.percent]
            fields.update(
                respective_fields(clause, hits, hit_cache[clause_index][1], quantities, lang)
                or fields_before_semicolons(text, spans, clause_index, quantities, lex)
            )
            items = [(n.start, n.end) for n in in_clause if not n.percent]
            owned = own_fields(
                text,
                spans[clause_index],
                hits,
                hit_cache[clause_index][1],
                items,
                lex.window,
                lex.lang,
            )
            fields.update({k: v for k, v in owned.items() if k not in fields})
        if context is None:
            context = ArticleContext.build(text, lang, published, province)
        clause_starts = [n.start for n in in_clause]
        here = (text, number, measured, clause_starts, spans[clause_index])
        claim = _claim(
            *here, *hit_cache[clause_index], lex, article_id, context, fields.get(number.start)
        )
        if claim is not None and previous and _tier_named(text, number, claim, previous[0], tiers):
            # "1 860 communes au niveau avancé et 340 le niveau modèle": a tier, not a noun
            hits = hit_cache[clause_index][0]
            claim = listed(text, number, measured, previous, hits, context, None, tiers) or claim
        # "61 households 3,050 m2 and in Nam Thai 64 households 2,833 m2": the item before
        # of the same unit, when another unit's claim came between
        hits = hit_cache[clause_index][0]
        for prior in dict.fromkeys(p for p in (previous, same_unit.get(measured[0])) if p):
            if prior[0].indicator == "ntm_funds_total" and part_of(text, prior[0].end, number, lex):
                continue  # "566.5 billion in total, of which 416.5 billion from residents"
            exclude = item_exclude(prior[0].indicator, lex)
            sentence = context.sentence_start(prior[0].start)
            kin = case_kin(text, claim, prior[0], lex, sentence)
            item = (
                listed(
                    text, number, measured, prior, hits, context, exclude, tiers, lex.of_which, kin
                )
                if kin or claim is None
                else None
            )
            claim = item or claim
        neighbours = [n.value for n in in_clause if not n.percent and not is_year(n, None)]
        if claim is None and previous and breaks_down(text, number, previous[0], neighbours):
            hits, allowed = hit_cache[clause_index]
            family = indicator_family(previous[0].indicator, lex) - allowed
            extra = {i for i in family if only_needs(text[c_start:c_end], hits, i, lex)}
            if extra:
                claim = _claim(*here, hits, allowed | extra, lex, article_id, context)
                if claim is not None and claim.indicator not in extra:
                    claim = None
        # "Davon liegen 2,3 km in"; "47 communes ... Of these, 35 reached the advanced standard"
        clause = text[c_start:c_end]
        total = (
            same_unit.get(measured[0]) if measured[0] else tiered(same_unit.get(None), clause, lex)
        )
        # "erledigt 222/233 Eingaben. Davon waren 203/208 Beschwerden": resolved ones
        resolved = claim is not None and previous is not None
        resolved = resolved and claim.indicator == case_general(previous[0].indicator, lex)
        total = previous if resolved else total
        # "4 263 Bürger ... Darunter waren 237 Teilnehmer": a head count's part is the head
        # count's, whatever its own noun
        headed = measured[0] in HEAD_COUNTS and total is not None
        tier_only = claim is not None and claim.indicator.startswith("dvk_models")
        if (
            (claim is None or resolved or headed or (tier_only and total))
            and total
            and opens_part(text, c_start, number, total[0], lex, neighbours)
        ):
            claim = part_claim(text, number, measured[1], total[0], context)
            if claim.indicator in TIERED_UNITS:  # "... and 5 the model one": the part's tier
                item = text[number.start : next((s for s in starts if s > number.start), c_end)]
                claim = replace(claim, tier=achievement_scale(item, claim.indicator, lex, item)[1])
        if claim is not None and tail is not None and claim.indicator in NO_RANGE:
            claim = None  # "15-18 criteria"
        reason = claim and not_stated_as_fact(
            text, number, spans[clause_index], claim.indicator, lex
        )
        if reason == "cost":  # a project's price is no claim, but it still heads its parts
            previous = same_unit[measured[0]] = (claim, measured[0])
        if reason:
            claim = None  # any claim, a list item too: "768 és 1 174 fővel több" (a change)
        if claim is None:
            pending = [*pending, number] if measured[0] is None else []
            continue
        claim = collected(audience(claim, previous[0] if previous else None, context))
        claims.extend([*shared_unit(text, pending, number, claim, measured[1], context), claim])
        previous, pending, shares = (claim, measured[0]), [], []
        if "+part" not in claim.rule:  # a part leaves its total to the parts after it
            same_unit[measured[0]] = previous
    if context is None:
        return claims
    claims = respective_years(text, respective_places(text, claims, spans, context), spans, lang)
    claims = in_context(claims, context)
    claims = gloss_places(text, claims) if lang == "zh" else claims
    return as_of_publication(claims, published)


def _measure(
    text: str, number: NumberMatch, tail: NumberMatch | None, lex: Lexicon
) -> tuple[str | None, float, int] | None:
    """The number's unit (unit, factor, end of unit), or None when it is no quantity."""
    if number.percent:
        return None
    # The unit of a range "3 to 3.5 m" stands after its last number.
    last = tail or number
    unit, factor, unit_end = _unit_after(text, max(last.expr_end, last.end), lex)
    if unit is None and any(
        currency_before(text, pos, lex.lang) for pos in (expr_start(number), number.start)
    ):
        unit = "VND"  # "VND 81.4 billion"
    if unit is None and (inside := unit_inside(text, number, lex.lang)):
        unit, factor = inside.unit, inside.factor  # "55 háztartásából 46"
    if unit is None and postposed_classifier(text, max(last.end, last.expr_end), lex.lang):
        found = unit_before(text, expr_start(number), lex.lang)  # "工日3000个"
        unit, factor = (found.unit, found.factor) if found else (None, factor)
    if unit is None and (visit_end := visits(text, last, lex)):
        unit, unit_end = "persons", visit_end  # "received citizens 2,759 times"
    if is_year(number, unit) or skipped(text, number, unit_end, lex, unit in MEASURED):
        return None
    if unit == "m" and number.value * factor < MIN_LENGTH_M:
        return None  # a width or height ("3.5 m wide"), never a built length
    if tail is not None and number.multiplier == 1 and tail.multiplier > 1:
        factor *= tail.multiplier  # "от 80 до 90 млн": the range's word scales both numbers
    return unit, factor, unit_end


def _claim(
    text: str,
    number: NumberMatch,
    measured: tuple[str | None, float, int],
    clause_starts: Sequence[int],
    clause_span: tuple[int, int],
    hits: Sequence[Hit],
    allowed: frozenset[str],
    lex: Lexicon,
    article_id: str,
    context: ArticleContext,
    field: Hit | None = None,
) -> Claim | None:
    unit, factor, _ = measured
    c_start, c_end = clause_span
    clause = text[c_start:c_end]
    others = [o for o in clause_starts if o != number.start]
    # Distances are measured from the number expression without its unit: the unit word
    # ("résztvevővel", "households") may itself be the keyword, at distance ~1.
    expr = (min(expr_start(number), number.start), max(number.expr_end, number.end))
    candidates = []
    item_start, item_end = item_span(text, clause_span, expr, others, lex.lang)
    item = text[item_start:item_end]
    for rule in rules_of_unit(lex, unit):
        if rule.name not in allowed or (
            rule.unit in ITEM_EXCLUDED and rule.exclude and rule.exclude.search(item)
        ):
            continue
        if rule.unit_only and unit == rule.unit:
            candidates.append(Candidate(rule, 0.0, unit, False, "after"))
            continue
        candidate = nearest_keyword(text, rule, hits, expr, others, lex, bare=unit is None)
        if candidate is not None:
            candidates.append(candidate)
    if unit is not None:  # "12 km of new roads and 2.5 km of field canals": its own item's noun
        own = {h.rule for h in hits if item_start <= h.start and h.end <= item_end}
        candidates = [c for c in candidates if c.rule in own] or candidates
    chosen = prefer_predicate(choose(candidates, lex), candidates)
    if unit == "VND" and (total := pooled(text, number, clause_span, lex)) is not None:
        chosen = Candidate(total, 0.0, "pooled", False, "before")  # "mobilised and integrated"
    if field_fits(field, chosen, lex, unit, number.start):
        chosen = Candidate(field.rule, 0.0, field.word, False, "after")
    if chosen is None and unit == "VND" and people_part(text, number, clause_span, item, lex):
        given = rule_named(lex, "funds_mobilized")  # "waarvan 416,5 miljard van de inwoners"
        chosen = Candidate(given, 0.0, "of_which", False, "after") if given is not None else None
    if chosen is None and unit is None and (listed := units_listed(text, number, lex)):
        chosen = Candidate(listed, 0.0, "units listed", False, "after")  # "32 communes and
    if chosen is None:  # three townships": the place's rural communes
        return None
    if field is None and chosen.rule.refines and fields_listed(hits, chosen.rule, clause_starts):
        general = rule_named(lex, chosen.rule.refines)  # "950 models across the economic,
        if general is not None:  # cultural-social, ... fields": all fields, no one field
            chosen = Candidate(general, chosen.distance, chosen.keyword, chosen.between, "after")
    if is_total(text, number, chosen.rule, clause_starts, c_end, lex) or (
        chosen.rule.name == "funds_mobilized" and mobilised_by_unit(text, number, clause_span, lex)
    ):
        # "spent VND 185 billion, of which people contributed 77 billion": the programme's
        # money from all sources, not what people gave
        total = rule_named(lex, "ntm_funds_total")
        if chosen.rule.name not in ("funds_mobilized", "ntm_funds_total") or total is None:
            return None
        chosen = Candidate(total, chosen.distance, chosen.keyword, chosen.between, chosen.side)
    indicator = chosen.rule.name
    if indicator in NEEDS_PERSONS and unit != "persons":
        return None  # "312 fogadáson", "292 приёма": receptions held, not people received
    rule = f"{lex.lang}:{indicator}:kw={chosen.keyword.lower()}" + (f"+unit={unit}" if unit else "")
    measure, tier = achievement_scale(clause, indicator, lex, item)
    fields = number_fields(
        number,
        factor,
        context,
        (item_start not in (c_start, *others) and listed_unit(text, item_start, expr, context))
        or finer_place_after(text, number, item_end, context, lex.lang),
    )
    if indicator in WHOLE_SETS and fields["denominator"] is None and whole_set(text, number, lex):
        fields["denominator"] = fields["value"]  # "all 19 criteria" is 19 of 19, so are communes
    return Claim(
        article_id=article_id,
        indicator=indicator,
        unit=chosen.rule.unit,
        **fields,
        quote=clause.strip(),
        confidence=_confidence(chosen, unit, lex),
        rule=rule,
        measure=measure,
        tier=tier,
    )


def _own_share(number: NumberMatch, context: ArticleContext, article_id: str, quote: str) -> Claim:
    """A share of communes stated on its own ("100 per cent of the communes have met it")."""
    fields = number_fields(number, 0.01, context)
    rule = f"{context.lang}:{SHARE}:of_communes"
    ids = {"article_id": article_id, "indicator": SHARE, "unit": "share"}
    return Claim(**ids, **fields, quote=quote, confidence=0.6, rule=rule)


WHOLE_SETS = NEED_SHARE | {"communes_meeting_ntm"}
"""Counts an "all" word makes N of N: "all 19 criteria", "Alle 12 Gemeinden ... erfüllen"."""

NEEDS_PERSONS = frozenset({"citizens_received"})
"""Indicators counted in people: the number must be written with a person or visit word
("503 állampolgárt", "2,759 times"); a bare number beside the keyword counts receptions."""


def _tier_named(
    text: str, number: NumberMatch, claim: Claim, previous: Claim, tiers: dict[str, re.Pattern[str]]
) -> bool:
    """Whether the number of a non-achievement ``claim`` right after an achievement claim
    names an NTM tier ("... et 340 le niveau modèle", "... а 38 — образцового"): it is then
    the next item of that list, if :func:`listed` agrees, not a count of DVK models."""
    return (
        previous.indicator in ACHIEVEMENTS
        and claim.indicator not in ACHIEVEMENTS
        and own_tier(text, number.end, tiers) is not None
    )


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


def _read_manifest(manifest: Path | str | pd.DataFrame | None) -> list[dict[str, str]] | None:
    """The manifest's rows as dicts of text ("" for missing cells), None without one."""
    if manifest is None:
        return None
    if isinstance(manifest, (str, Path)):
        from dvk_analysis.fileio import read_csv_records

        header, records = read_csv_records(Path(manifest))
        columns = set(header)
    else:  # missing cells become "" whatever their dtype (pandas 3 keeps NaN through astype(str))
        frame = manifest.astype(object).where(manifest.notna(), "").astype(str)
        records, columns = frame.to_dict("records"), set(frame.columns)
    missing = {"article_id", "language"} - columns
    if missing:
        raise ValueError(
            f"manifest {manifest if isinstance(manifest, (str, Path)) else ''}: "
            f"missing column(s) {', '.join(sorted(missing))}; expected at least article_id, "
            "language (and published, province, translation_of)"
        )
    return records


def _manifest_languages(meta: list[dict[str, str]] | None) -> tuple[str, ...] | None:
    """Supported languages named in the manifest; None (all) without a manifest or any."""
    if meta is None:
        return None
    found = tuple(sorted({r["language"] for r in meta} & set(LANGUAGES)))
    return found or None


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """Return claims as a DataFrame with ``COLUMNS`` (empty text cells as "")."""
    import pandas as pd

    # Fields are flat, so vars() (a shallow dict) serves; asdict() deep-copies every value and
    # was a tenth of a large extraction run.
    frame = pd.DataFrame([vars(c) for c in claims], columns=list(COLUMNS))
    return frame.astype({"start": "Int64", "end": "Int64"}) if len(frame) else frame


def extract_job(job: Job) -> list[Claim]:
    """The claims of one article of :func:`extract_paths` (module level: workers import it)."""
    return extract_text(
        job.text,
        article_id=job.article_id,
        lang=job.lang,
        published=job.published,
        province=job.province,
    )


def extract_paths(
    paths: Iterable[Path | str],
    manifest: Path | str | pd.DataFrame | None = None,
    lang: str | None = None,
    encoding: str = "utf-8",
    jobs: int | None = 1,
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
    jobs
        Processes to extract with (``None``: every core). Several pay off from a few hundred
        articles; the output is the same either way (:mod:`dvk_analysis.text.pool`).

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
    rows = {} if meta is None else {r["article_id"]: r for r in meta}
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
    # Detection loads only the models of the languages the manifest uses (all without one).
    corpus_langs = _manifest_languages(meta)
    todo: list[Job] = []
    for path in files:
        text = read_article(path, encoding)
        row = rows.get(path.stem)
        if meta is not None and row is None:
            warnings.warn(
                f"{path}: not in the manifest; language detected, no province/date",
                stacklevel=2,
            )
        # A manifest row without a language: one of the corpus's; no row: any supported one.
        candidates = corpus_langs if row is not None else None
        article_lang = lang or (row or {}).get("language") or detect_language(text, candidates)
        if article_lang not in LANGUAGES:
            warnings.warn(
                f"{path}: language {article_lang or 'undetectable'!s} is not supported "
                f"({', '.join(LANGUAGES)}); no claims extracted (pass --lang to force one)",
                stacklevel=2,
            )
            continue
        row = row or {}
        todo.append(
            Job(
                text,
                path.stem,
                article_lang,
                row.get("published") or None,
                row.get("province") or None,
            )
        )
    workers = workers_for(len(todo), jobs)
    # pandas is imported while the workers extract: the manifest was read without it
    frame = claims_frame(extract_all(todo, extract_job, workers, partial(import_module, "pandas")))
    if len(frame):
        stories = assign_stories(meta, frame)
        frame["story_id"] = frame["article_id"].map(stories).fillna(frame["article_id"])
    return frame
