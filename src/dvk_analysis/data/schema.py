"""The schema of every table, declared once.

Each table is a pandera ``DataFrameSchema``; the column descriptions *are* the documentation of
the columns (``docs/codebook.md`` is generated from them by ``dvk codebook``), so the schema,
the data and the docs cannot drift apart. Cross-table rules (an observation's article exists,
its quote is in the article, its offsets slice the number) live in ``validate.py``, because
they need more than one table.
"""

from __future__ import annotations

from functools import cache

import pandera.pandas as pa

from dvk_analysis.codebook import (
    ADMIN_LEVELS,
    MEASURES,
    QUALIFIERS,
    SPLITS,
    TIERS,
    UNITS,
    indicators,
)
from dvk_analysis.text.lexicon import LANGUAGES

ISO_PERIOD = r"^\d{4}(-\d{2}(-\d{2})?)?$"
"""A date as precise as the text allows: YYYY, YYYY-MM or YYYY-MM-DD."""


def _in(values, what: str) -> pa.Check:
    values = list(values)
    return pa.Check.isin(values, error=f"must be {what}: one of {', '.join(values)}")


def _iso_date(description: str) -> pa.Column:
    """An optional date column: YYYY, YYYY-MM or YYYY-MM-DD (:data:`ISO_PERIOD`)."""
    return _text(
        description,
        nullable=True,
        checks=pa.Check.str_matches(ISO_PERIOD, error="must be YYYY, YYYY-MM or YYYY-MM-DD"),
    )


def _text(
    description: str,
    *,
    nullable: bool = False,
    checks: pa.Check | list[pa.Check] | None = None,
    unique: bool = False,
    required: bool = True,
) -> pa.Column:
    return pa.Column(
        str,
        checks=checks,
        nullable=nullable,
        unique=unique,
        coerce=True,
        required=required,
        description=description,
    )


def _key(description: str, checks: pa.Check | None = None) -> pa.Column:
    """A key column: text, present and unique in its table."""
    return _text(description, checks=checks, unique=True)


def _optional(description: str, checks: pa.Check | None = None) -> pa.Column:
    """A text column that older files may lack, and whose empty cell means "not said"."""
    return _text(description, checks=checks, nullable=True, required=False)


def _count(description: str) -> pa.Column:
    """A whole number >= 0 (a count, an offset into a text), or empty."""
    return _number(description, dtype="Int64", checks=pa.Check.ge(0, error="must be >= 0"))


def _province_columns(code: str) -> dict[str, pa.Column]:
    """The columns every province table starts with: code, canonical name, ASCII name."""
    return {
        "code": _key(code),
        "name": _key("Canonical name with diacritics."),
        "name_ascii": _text("Name without diacritics."),
    }


def _number(description: str, *, nullable: bool = True, dtype: str = "float64", checks=None):
    return pa.Column(dtype, checks=checks, nullable=nullable, coerce=True, description=description)


@cache
def manifest_schema() -> pa.DataFrameSchema:
    """Schema of ``data/raw/manifest.csv``: one row per article file."""
    return pa.DataFrameSchema(
        {
            "article_id": _key(
                "File stem of `data/raw/articles/<article_id>.txt`; unique.",
                checks=pa.Check.str_matches(
                    r"^[A-Za-z0-9_.-]+$", error="must be letters, digits, '_', '.', '-' only"
                ),
            ),
            "language": _text(
                "ISO 639-1 language of the text.", checks=_in(LANGUAGES, "a supported language")
            ),
            "url": _text("Address of the original report, when known.", nullable=True),
            "outlet": _text("Publishing outlet (and translation note).", nullable=True),
            "published": _iso_date(
                "Publication date, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)."
            ),
            "title": _text("Title (in the article's language or English).", nullable=True),
            "province": _text("Province the article is about, canonical name.", nullable=True),
            "translation_of": _text(
                "article_id of the article this one translates (same story).", nullable=True
            ),
            "notes": _text("Free notes on the article.", nullable=True),
            "split": _text(
                "Evaluation split: `dev` (used to write and tune the lexicons), `tuned` (written "
                "as test articles, later read for error analysis) or `test` (frozen: never used "
                "for tuning); empty means dev.",
                nullable=True,
                checks=_in(SPLITS, ", ".join(SPLITS)),
            ),
        },
        strict=True,
        name="manifest",
    )


@cache
def observations_schema() -> pa.DataFrameSchema:
    """Schema of ``data/curated/observations.csv``: one quantitative claim per row."""
    return pa.DataFrameSchema(
        {
            "observation_id": _key(
                "Stable id: `<article_id>#<start>:<indicator>` or `web-<sha1>#<k>:<indicator>`."
            ),
            "article_id": _text(
                "Article the claim is in (empty for URL-only sources).", nullable=True
            ),
            "source_url": _text(
                "Address of the source when there is no article text (see sources.csv).",
                nullable=True,
            ),
            "indicator": _text(
                "Indicator name from the codebook vocabulary.",
                checks=_in(indicators(), "a codebook indicator"),
            ),
            "value": _number(
                "The number, multiplied out and converted to the indicator's unit.",
                nullable=False,
                checks=pa.Check.ge(0, error="must be >= 0"),
            ),
            "unit": _text("The indicator's unit.", checks=_in(UNITS, "a codebook unit")),
            "qualifier": _text(
                "How the text qualifies the number (more_than = lower bound, ...).",
                checks=_in(QUALIFIERS, "a codebook qualifier"),
            ),
            "denominator": _number(
                "For 'x of y' / 'x/y' claims, y (value holds x); empty otherwise.",
                checks=pa.Check.gt(0, error="must be > 0 when given"),
            ),
            "place": _text(
                "The place the claim is about, as written in the article.", nullable=True
            ),
            "admin_level": _text(
                "Administrative level of the place.",
                nullable=True,
                checks=_in(ADMIN_LEVELS, "an admin level"),
            ),
            "province": _text(
                "Province (canonical Vietnamese name with diacritics) as of the article date.",
                nullable=True,
            ),
            "period_start": _iso_date(
                "Start of the period the claim covers (YYYY, YYYY-MM or YYYY-MM-DD)."
            ),
            "period_end": _iso_date("End of the period ('to now' = the publication date)."),
            "quote": _text(
                "The clause the number stands in, verbatim from the article.", nullable=True
            ),
            "start": _count("0-based offset of the number as written in the article text."),
            "end": _count("End offset (exclusive) of the number as written."),
            # The three columns below are optional so that files written before them still
            # validate; an empty cell means "the source does not say".
            "measure": _optional(
                "Whether a count is the running total at period_end (`cumulative`) or what was "
                "added within the period (`new`); empty when the source does not say. Only "
                "cumulative counts become NTM shares.",
                checks=_in(MEASURES, "a measure"),
            ),
            "tier": _optional(
                "NTM recognition tier the figure is about (`standard`, `advanced`, `model`); "
                "empty for indicators outside the NTM programme.",
                checks=_in(TIERS, "an NTM tier"),
            ),
            "note": _optional(
                "What was counted, in the annotator's own words (never a copied sentence)."
            ),
        },
        strict=True,
        name="observations",
    )


@cache
def sources_schema() -> pa.DataFrameSchema:
    """Schema of ``data/curated/sources.csv``: URL-only sources of observations."""
    return pa.DataFrameSchema(
        {
            "source_url": _key("Address of the news article."),
            "outlet": _text("Publishing outlet.", nullable=True),
            "published": _iso_date("Publication date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            "language": _text("Language of the article (ISO 639-1).", nullable=True),
            "translation_of": _text(
                "source_url of the article this one translates (same story).", nullable=True
            ),
        },
        strict=True,
        name="sources",
    )


def _reference(name: str, columns: dict[str, pa.Column]) -> pa.DataFrameSchema:
    # Reference tables carry many provenance columns (one source column per field); only the
    # columns the code reads are declared, the rest pass through untouched.
    return pa.DataFrameSchema(columns, strict=False, name=name)


@cache
def reference_schemas() -> dict[str, pa.DataFrameSchema]:
    """Schemas of the tables in ``data/reference/``, keyed by file stem."""
    return {
        "provinces_legacy": _reference(
            "provinces_legacy",
            {
                **_province_columns("GSO 2-digit province code."),
                "population": _count("Population (persons; basis in population_basis)."),
                "area_km2": _number("Area in km2."),
                "n_communes": _count("Commune-level units before the 2025 merger."),
                "merged_into": _text("Province it belongs to after 1 July 2025."),
                "source_url": _text("Sources of the row."),
            },
        ),
        "provinces_2025": _reference(
            "provinces_2025",
            {
                **_province_columns("Province code after 1 July 2025."),
                "merged_from": _text("Legacy provinces merged into it, ';'-separated."),
                "population": _count("'Quy mô dân số' (includes temporary residents)."),
                "area_km2": _number("Area in km2."),
                "n_phuong": _count("Wards after the merger."),
                "n_xa": _count("Communes after the merger."),
                "n_dac_khu": _count("Special zones after the merger."),
                "source_url": _text("Sources of the row.", nullable=True),
            },
        ),
        "ntm_status": _reference(
            "ntm_status",
            {
                "province": _text("Province name, or 'Việt Nam' for national rows."),
                "province_level": _text(
                    "Which geography the row is about.",
                    checks=_in(["national", "legacy_63", "new_34"], "a province level"),
                ),
                "as_of": _iso_date("Date of the figures (empty when the source gives none)."),
                "communes_total": _count("Communes in the province at that date."),
                "communes_ntm": _count("Communes meeting the NTM standard."),
                "pct_communes_ntm": _number(
                    "Share of communes meeting NTM, percent (exact figures only).",
                    checks=pa.Check.in_range(0, 100, error="must be between 0 and 100"),
                ),
                "source_url": _text("Source of the row."),
            },
        ),
        "ntm_criteria_sets": _reference(
            "ntm_criteria_sets",
            {
                "decision": _text("Decision number."),
                "level": _text("Which units the set applies to."),
                "period": _text("Period of application.", nullable=True),
                "n_criteria": _count("Number of criteria in the set."),
                "source_url": _text("Sources of the row."),
            },
        ),
    }


# --- exclusions -----------------------------------------------------------------------------

EXCLUSION_COLUMNS: tuple[str, ...] = ("step", "reason", "count", "ids")
"""The one layout of every exclusions table (panel, metrics, outcomes, matched predictors,
reference joins): the step that left something out, why, how many, and which (';'-joined
observation ids, unit labels, index labels or reference line numbers)."""


def exclusion_table(rows):
    """``(step, reason, ids)`` triples -> a table of :data:`EXCLUSION_COLUMNS`.

    ``ids`` is any iterable (a Series, a list); a reason with no ids is dropped, so the table
    lists only what was actually left out. ``count`` is ``len(ids)``.
    """
    import pandas as pd

    out = []
    for step, reason, ids in rows:
        ids = [str(i) for i in ids]
        if ids:
            out.append((step, reason, len(ids), ";".join(ids)))
    return pd.DataFrame(out, columns=list(EXCLUSION_COLUMNS)).astype({"count": "int64"})
