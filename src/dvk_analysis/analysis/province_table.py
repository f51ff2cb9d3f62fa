"""The analysis-ready province table: one row per province, date and indicator, with source.

Why
---
A researcher who wants to re-run the analysis elsewhere needs the province figures as
reported, not the panel's wide table: one row per province and date with the value, its
qualifier, the level it was reported at, the period, the geography and the source. Each story
counts once (translations and re-publications of one figure are one row, their sources
joined); NTM status figures of ``data/reference/ntm_status.csv`` are included as rows of
``communes_meeting_ntm`` (per tier) and ``share_communes_meeting_ntm``.

The coverage figure of the README counts **stories at province level** (:func:`story_counts`),
not raw rows, so that a translated article or a district claim does not look like more
coverage of a province.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

TABLE_COLUMNS: tuple[str, ...] = (
    "province",
    "geography",
    "province_legacy",
    "province_2025",
    "date",
    "period_start",
    "period_end",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "measure",
    "tier",
    "level",
    "n_sources",
    "source",
    "origin",
)
"""Columns of :func:`province_table`."""


def _observation_rows(dataset: pd.DataFrame) -> pd.DataFrame:
    """Province-level observation rows, one per story and figure."""
    import pandas as pd

    from dvk_analysis.analysis.outcomes import join_sources
    from dvk_analysis.data.merger import describes_2025_province

    rows = dataset[dataset["admin_level"].isin(["province", "national"])].copy()
    rows["describes_2025"] = describes_2025_province(rows)
    for col in ("measure", "tier", "url", "source_url", "published", "story_id"):
        if col not in rows.columns:
            rows[col] = pd.NA
    rows["source"] = rows["url"].astype("string").fillna(rows["source_url"].astype("string"))
    rows["source"] = rows["source"].fillna(rows.get("article_id", pd.NA))
    rows["date"] = rows["period_end"].astype("string").fillna(rows["published"].astype("string"))
    rows["story_id"] = rows["story_id"].astype("string").fillna(rows["observation_id"])
    keys = ["story_id", "province", "indicator", "value", "period_start", "period_end"]
    grouped = rows.groupby(keys, dropna=False, sort=False)
    first = ("date", "unit", "qualifier", "measure", "tier")
    out = grouped.agg(
        **{column: (column, "first") for column in first},
        level=("admin_level", "first"),
        describes_2025=("describes_2025", "max"),
        n_sources=("source", "nunique"),
        source=("source", join_sources),
    ).reset_index()
    return out.drop(columns="story_id").assign(origin="observation")


def _reference_rows(folder: Path | None) -> pd.DataFrame:
    """NTM status figures as rows (counts per tier and the standard share)."""
    import pandas as pd

    from dvk_analysis.analysis.outcomes import ntm_records

    rec = ntm_records(None, folder=folder).records
    base = {
        "province": rec["province"],
        "date": rec["date"],
        "period_start": pd.NA,
        "period_end": rec["date"],
        "qualifier": rec["qualifier"],
        "measure": "cumulative",
        "tier": rec["tier"],
        "level": rec["level"],
        "n_sources": 1,
        "source": rec["source"],
        "origin": "reference",
        "province_legacy": rec["province_legacy"],
        "province_2025": rec["province_2025"],
    }
    counts = pd.DataFrame(
        {**base, "indicator": "communes_meeting_ntm", "value": rec["count"], "unit": "count"}
    ).dropna(subset=["value"])
    shares = pd.DataFrame(
        {**base, "indicator": "share_communes_meeting_ntm", "value": rec["share"], "unit": "share"}
    )
    return pd.concat([counts, shares], ignore_index=True)


def province_table(
    dataset: pd.DataFrame, *, geography: str = "legacy", folder: Path | None = None
) -> pd.DataFrame:
    """Province-level figures on one geography (:data:`TABLE_COLUMNS`), sorted.

    On the legacy map a figure belongs to the legacy province of its date; on the 2025 map
    only figures about a 2025 province or a province the merger left unchanged count (see
    :func:`dvk_analysis.analysis.outcomes.on_geography`): a merged province's figures are
    never shown under its successor's name.
    """
    import pandas as pd

    from dvk_analysis.analysis.outcomes import _resolve, on_geography
    from dvk_analysis.data.merger import era_2025

    obs = _observation_rows(dataset)
    late = era_2025(obs["date"]) | obs["describes_2025"].astype(bool)
    obs = pd.concat([obs, _resolve(obs["province"], obs["level"], late)], axis=1)
    obs = obs[obs["province_2025"].notna()]
    rows = pd.concat([obs, _reference_rows(folder)], ignore_index=True)
    rows = on_geography(rows, geography, folder)
    out = rows[list(TABLE_COLUMNS)].sort_values(["province", "indicator", "date"], kind="stable")
    return out.reset_index(drop=True)


def write_province_tables(out: Path, dataset: pd.DataFrame, folder: Path | None = None) -> list:
    """Write ``province_table_legacy.csv`` and ``province_table_2025.csv`` to ``out``."""
    from dvk_analysis.fileio import write_csv  # the one CSV writer (atomic, formula-safe)

    written = []
    for geography in ("legacy", "2025"):
        table = province_table(dataset, geography=geography, folder=folder)
        written.append(write_csv(out / f"province_table_{geography}.csv", table))
    return written


def story_counts(dataset: pd.DataFrame, level: str = "province") -> pd.DataFrame:
    """One row per (province, indicator, story) at ``level``: what a coverage figure counts.

    A translation, a re-publication and a district figure are not more coverage of a
    province: counting stories at one level makes the heat map's numbers mean "independent
    reports of this indicator for this province".
    """
    rows = dataset[dataset["admin_level"].eq(level)]
    story = rows["story_id"].fillna(rows["observation_id"]) if "story_id" in rows else None
    rows = rows.assign(story=story if story is not None else rows["observation_id"])
    return rows.drop_duplicates(["province", "indicator", "story"])[
        ["province", "indicator", "story"]
    ].reset_index(drop=True)
