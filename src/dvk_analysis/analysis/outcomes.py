"""One outcome definition: the share of rural communes meeting the NTM standard.

Estimand
--------
For a province *p* (on one map: the 63 legacy provinces or the 34 provinces of 2025), a tier
*t* (standard, advanced or model NTM) and a date *d*, the **NTM share** is

    share(p, t, d) = communes of p recognised at tier t by d (cumulative)
                     / rural communes (xã) of p at d

Three rules make the number mean what it says (issue 10):

* **Cumulative counts only.** "11 communes newly recognised in 2021" (``measure = new``) is a
  flow, not a status, and never becomes a share; a count whose measure the source does not
  state is left out with that reason (a share row is a status by construction and is kept
  unless marked ``new``).
* **One tier per share.** Standard, advanced and model recognitions are separate series; 17 of
  20 *advanced* criteria is never ranked against 19 of 19 *standard* criteria.
* **Rural communes as the denominator.** NTM applies to xã, not to wards or townships. The
  denominator is the source's own total when it gives one, else a ``rural_communes`` figure for
  the same province and date, else the province table's ``n_xa`` (a count at another date:
  ``denominator_source`` says so). Status rows with counts but no total are kept this way.

Geography
---------
Every record is resolved to the legacy province of its date (``province_legacy``, missing for
figures about a 2025 province) and, separately, to the 2025 successor (``province_2025``). On the
legacy map a record counts for its legacy province. On the 2025 map it counts for the successor
only when the figure is about that 2025 province, or about a legacy province that became a
2025 province alone (unchanged borders): a 2018 Hà Giang share is not Tuyên Quang's share.

Competing figures for one province, tier and date are kept as a range (``share_low``,
``share_high`` over every figure and its qualifier band), never silently reduced to one. The
point value is one reported figure (exact over qualified, a source's own percentage over a
computed one; :func:`point_figures`) at its value as reported, with its ``qualifier`` and
``share_reported``: a plotted or tabled share is always a number some source gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.codebook import TIERS
from dvk_analysis.data.merger import describes_2025_province, era_2025, unchanged_2025
from dvk_analysis.data.schema import exclusion_table
from dvk_analysis.errors import unknown_choice
from dvk_analysis.gazetteer import GEOGRAPHIES

if TYPE_CHECKING:
    import pandas as pd

NATIONAL = "Việt Nam"
"""Province name of national rows."""

COUNT_INDICATOR = "communes_meeting_ntm"
SHARE_INDICATOR = "share_communes_meeting_ntm"

STATUS_TIER_COLUMNS: dict[str, str] = {
    "standard": "communes_ntm",
    "advanced": "communes_ntm_advanced",
    "model": "communes_ntm_model",
}
"""Column of ``ntm_status.csv`` holding the cumulative count of each tier."""

RECORD_COLUMNS: tuple[str, ...] = (
    "province",
    "province_legacy",
    "province_2025",
    "level",
    "date",
    "date_key",
    "tier",
    "count",
    "denominator",
    "denominator_source",
    "share",
    "share_low",
    "share_high",
    "share_reported",
    "qualifier",
    "dated_by",
    "origin",
    "source",
)
"""Columns of :attr:`Outcomes.records` (one row per reported figure)."""

SERIES_COLUMNS: tuple[str, ...] = (
    "province",
    "geography",
    "level",
    "tier",
    "date",
    "date_key",
    "share",
    "share_low",
    "share_high",
    "qualifier",
    "share_reported",
    "n_figures",
    "dated_by",
    "sources",
)
"""Columns of :func:`ntm_series` (one row per province, tier and date)."""


@dataclass(frozen=True)
class Outcomes:
    """NTM share records and what could not become one (``step, reason, count, ids``)."""

    records: pd.DataFrame
    exclusions: pd.DataFrame


def date_key(dates: pd.Series) -> pd.Series:
    """ISO date (YYYY, YYYY-MM, YYYY-MM-DD) -> sortable int YYYYMMDD.

    A missing month or day is read as the *end* of the year or month (a status "in 2023" is
    the status at 31 December 2023), so a figure dated by year is never placed before a
    figure dated within that year. Missing dates give 0.
    """
    import pandas as pd

    text = dates.astype("string")
    parts = text.str.split("-", expand=True).reindex(columns=[0, 1, 2])
    year = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce").fillna(12)
    day = pd.to_numeric(parts[2], errors="coerce").fillna(31)
    key = year * 10000 + month * 100 + day
    return key.fillna(0).astype("int64")


def rural_communes(folder: Path | None = None) -> dict[str, dict[str, float]]:
    """Rural communes (``n_xa``) per province, ``{"legacy": {...}, "2025": {...}}``.

    The legacy table's counts are those of the last legacy year (vietnamadminunits), so a
    share of an earlier date divided by them is approximate: records say which denominator
    they used.
    """
    from dvk_analysis.data.load import load_reference

    legacy = load_reference("provinces_legacy", folder)
    new = load_reference("provinces_2025", folder)
    return {
        "legacy": dict(zip(legacy["name"], legacy["n_xa"].astype(float), strict=True)),
        "2025": dict(zip(new["name"], new["n_xa"].astype(float), strict=True)),
    }


def _counted_on_2025_map(rec: pd.DataFrame, places: pd.DataFrame, folder: Path | None) -> pd.Series:
    """Figures of 2025 whose own commune total is the merged 2025 province's.

    A year alone ("2025") reads as the legacy year, but a source that divides by the rural
    communes of the merged 2025 province (Đồng Nai "67 of 72 communes": 72 is the 2025
    province's, the legacy province had 117) describes the 2025 province: on the legacy map
    that figure would show a merged province's value under the legacy name.
    """
    rural = rural_communes(folder)
    same = unchanged_2025(folder)
    year_2025 = rec["date"].astype("string").str[:4].eq("2025").fillna(False)
    legacy = places["province_legacy"]
    merged = legacy.notna() & ~legacy.isin(list(same))
    total = rec["given_total"].astype(float)
    of_2025 = total.eq(places["province_2025"].map(rural["2025"]).astype(float))
    of_legacy = total.eq(legacy.map(rural["legacy"]).astype(float))
    return (year_2025 & merged & of_2025 & ~of_legacy).fillna(False).astype(bool)


def _resolve(province: pd.Series, level: pd.Series, is_2025: pd.Series) -> pd.DataFrame:
    """``province_legacy`` and ``province_2025`` of each record.

    A record of the 2025 era (dated from 1 July 2025, or a ``new_34`` status row) describes a
    2025 province: no legacy province. Earlier records describe the legacy province named, and
    its successor. National rows map to themselves; unknown names become missing (the caller
    excludes them with a reason).
    """
    import pandas as pd

    from dvk_analysis.gazetteer import UnknownPlaceError, resolve_province

    legacy, new = [], []
    for name, lvl, late in zip(province, level, is_2025, strict=True):
        if lvl == "national":
            legacy.append(NATIONAL)
            new.append(NATIONAL)
            continue
        try:
            succ = resolve_province(str(name), geography="2025").name
            old = None if late else resolve_province(str(name), geography="legacy").name
        except (UnknownPlaceError, ValueError):
            succ = old = None
        legacy.append(old)
        new.append(succ)
    return pd.DataFrame(
        {"province_legacy": legacy, "province_2025": new}, index=province.index, dtype="string"
    )


def _denominators(
    given: pd.Series, province: pd.Series, is_2025: pd.Series, rural: dict[str, dict[str, float]]
) -> tuple[pd.Series, pd.Series]:
    """The source's total, else the province table's rural communes; and where it came from."""
    import pandas as pd

    table = [
        rural["2025"].get(p) if late else rural["legacy"].get(p)
        for p, late in zip(province, is_2025, strict=True)
    ]
    fallback = pd.Series(table, index=given.index, dtype=float)
    den = given.astype(float).fillna(fallback)
    era = is_2025.map({True: "2025", False: "legacy"})
    source = pd.Series("source total", index=given.index, dtype="string")
    source = source.where(given.notna(), "province table n_xa (" + era + ")")
    return den, source.where(den.notna())


def _status_records(folder: Path | None) -> tuple[pd.DataFrame, list]:
    """One record per dated status row and tier with a count or a percentage."""
    import numpy as np
    import pandas as pd

    from dvk_analysis.data.load import load_reference

    raw = load_reference("ntm_status", folder).reset_index(drop=True)
    raw["row"] = "ntm_status.csv:" + (raw.index + 2).astype(str)
    undated = raw["as_of"].isna()
    excluded = [("outcome", "ntm_status row without as_of", raw.loc[undated, "row"])]
    raw = raw.loc[~undated]
    frames = []
    for tier, column in STATUS_TIER_COLUMNS.items():
        count = pd.to_numeric(raw[column], errors="coerce").astype(float)
        pct = raw["pct_communes_ntm"].astype(float) if tier == "standard" else count * np.nan
        keep = count.notna() | pct.notna()
        level = raw["province_level"].map({"national": "national"}).fillna("province")
        frames.append(
            pd.DataFrame(
                {
                    "province": raw["province"],
                    "level": level,
                    "date": raw["as_of"].astype("string"),
                    "tier": tier,
                    "count": count,
                    "given_total": pd.to_numeric(raw["communes_total"]).astype(float),
                    "pct": pct,
                    "qualifier": "exact",
                    "dated_by": "as_of",
                    "origin": "reference",
                    "source": raw["source_url"].astype("string"),
                    "id": raw["row"],
                    "map_2025": raw["province_level"].eq("new_34"),
                }
            )[keep]
        )
    return pd.concat(frames, ignore_index=True), excluded


def _observation_records(
    dataset: pd.DataFrame, folder: Path | None = None
) -> tuple[pd.DataFrame, list]:
    """Records from observation rows of the two NTM indicators at province or national level.

    ``map_2025`` marks rows that describe a merged 2025 province
    (:func:`describes_2025_province`), which no legacy province may show.
    """
    import pandas as pd

    rows = dataset[dataset["indicator"].isin([COUNT_INDICATOR, SHARE_INDICATOR])].copy()
    for col in ("measure", "tier", "period_end", "published", "denominator", "source_url"):
        if col not in rows.columns:
            rows[col] = pd.NA
    is_share = rows["indicator"].eq(SHARE_INDICATOR)
    measure = rows["measure"].astype("string")
    rules = [
        ("new in the period: a flow, never a share", measure.eq("new").fillna(False)),
        ("count without measure=cumulative", ~is_share & measure.ne("cumulative").fillna(True)),
        ("below province level", ~rows["admin_level"].isin(["province", "national"])),
    ]
    excluded, taken = [], pd.Series(False, index=rows.index)
    for reason, mask in rules:
        hit = mask & ~taken
        excluded.append(("outcome", reason, rows.loc[hit, "observation_id"]))
        taken |= hit
    rows = rows.loc[~taken]
    end = rows["period_end"].astype("string")
    date = end.fillna(rows["published"].astype("string"))
    value = rows["value"].astype(float)
    frame = pd.DataFrame(
        {
            "province": rows["province"],
            "level": rows["admin_level"],
            "date": date,
            "tier": rows["tier"].astype("string").fillna("standard"),
            "count": value.where(~is_share),
            "given_total": pd.to_numeric(rows["denominator"]).astype(float),
            "pct": (100 * value).where(is_share),
            "qualifier": rows["qualifier"],
            "dated_by": end.notna().map({True: "period_end", False: "published"}),
            "origin": "observation",
            "source": rows.get("url", rows["source_url"])
            .astype("string")
            .fillna(rows["source_url"].astype("string")),
            "id": rows["observation_id"],
            "map_2025": describes_2025_province(rows, folder),
        }
    )
    return frame, excluded


def _rural_from_observations(dataset: pd.DataFrame | None) -> dict[tuple[str, str], float]:
    """``(province, period_end) -> rural_communes`` reported in the observations."""
    if dataset is None or "indicator" not in dataset:
        return {}
    rows = dataset[dataset["indicator"].eq("rural_communes")]
    return {
        (str(p), str(d)): float(v)
        for p, d, v in zip(rows["province"], rows["period_end"], rows["value"], strict=True)
    }


def ntm_records(
    dataset: pd.DataFrame | None = None, *, folder: Path | None = None, band: float | None = None
) -> Outcomes:
    """Every reported NTM share, one row per figure, with its geography resolved.

    Parameters
    ----------
    dataset
        Observation rows (normally :func:`dvk_analysis.data.dataset.build_dataset`); rows of
        ``communes_meeting_ntm`` and ``share_communes_meeting_ntm`` at province or national
        level become records. ``None``: the status table alone.
    folder
        ``data/reference`` (default) for ``ntm_status.csv`` and the province tables.
    band
        Half-width of a qualifier's band (default ``panel.BAND``).

    Returns
    -------
    Outcomes
        ``records`` with :data:`RECORD_COLUMNS`; ``exclusions`` with reasons (undated status
        rows, new-in-period counts, counts without a stated measure, shares above 1 against
        the province table's rural communes, unknown provinces).
    """
    import numpy as np
    import pandas as pd

    from dvk_analysis.analysis.panel import BAND, bounds

    status, excluded = _status_records(folder)
    frames = [status]
    if dataset is not None:
        obs, more = _observation_records(dataset, folder)
        frames.append(obs)
        excluded += more
    rec = pd.concat(frames, ignore_index=True)
    rec["date_key"] = date_key(rec["date"])
    is_2025 = era_2025(rec["date"]) | rec["map_2025"].astype(bool)
    places = _resolve(rec["province"], rec["level"], is_2025)
    moved = _counted_on_2025_map(rec, places, folder)
    places.loc[moved, "province_legacy"] = pd.NA
    is_2025 = is_2025 | moved
    rec = pd.concat([rec, places], axis=1)
    unknown = rec["province_2025"].isna()
    excluded.append(("outcome", "province unknown to the gazetteer", rec.loc[unknown, "id"]))
    rec, is_2025 = rec.loc[~unknown], is_2025[~unknown]
    reported = _rural_from_observations(dataset)
    given = rec["given_total"].copy()
    from_obs = [reported.get((p, d)) for p, d in zip(rec["province"], rec["date"], strict=True)]
    given = given.fillna(pd.Series(from_obs, index=rec.index, dtype=float))
    name = rec["province_legacy"].fillna(rec["province_2025"])
    den, den_source = _denominators(given, name, is_2025, rural_communes(folder))
    from_row = rec["given_total"].isna() & given.notna()
    den_source = den_source.where(~from_row, "rural_communes row")
    # A source's own percentage wins over count / a denominator from another table or date.
    pct_share = rec["pct"] / 100
    base = pct_share.fillna(rec["count"] / den)
    band_ = BAND if band is None else band
    lmh = bounds(base.to_numpy(), rec["qualifier"].to_numpy(), band_)
    counted = rec["count"].notna() & pct_share.isna()
    implied = rec["count"].notna() & pct_share.notna()
    rec = rec.assign(
        denominator=den.where(counted, (rec["count"] / pct_share).where(implied)),
        denominator_source=den_source.where(counted, "implied by the source's percentage").where(
            rec["count"].notna()
        ),
        # the figure as reported ("more than 40 %" is 0.40), never its band's mid
        share=base,
        share_low=lmh[:, 0],
        share_high=np.minimum(lmh[:, 2], 1.0),
        share_reported=pct_share.notna(),
    )
    no_den = rec["share"].isna()
    above = rec["share"] > 1
    excluded.append(
        ("outcome", "count without any rural-commune denominator", rec.loc[no_den, "id"])
    )
    excluded.append(
        ("outcome", "count above the rural communes it is divided by", rec.loc[above, "id"])
    )
    rec = rec.loc[~no_den & ~above]
    rec["province"] = rec["province_legacy"].fillna(rec["province_2025"])
    records = rec[list(RECORD_COLUMNS)].sort_values(["province", "tier", "date_key"])
    return Outcomes(records.reset_index(drop=True), exclusion_table(excluded))


def on_geography(records: pd.DataFrame, geography: str, folder: Path | None = None) -> pd.DataFrame:
    """The records that describe a province of ``geography``, with ``province`` set to it.

    ``legacy``: records with a legacy province. ``2025``: records about a 2025 province, plus
    legacy records of provinces whose borders the merger did not change.
    """
    if geography not in GEOGRAPHIES:
        raise ValueError(unknown_choice("geography", geography, list(GEOGRAPHIES)))
    if geography == "legacy":
        out = records[records["province_legacy"].notna()]
        return out.assign(province=out["province_legacy"], geography="legacy")
    same = unchanged_2025(folder)
    legacy = records["province_legacy"]
    keep = legacy.isna() | legacy.isin(list(same)) | records["level"].eq("national")
    out = records[keep]
    return out.assign(province=out["province_2025"], geography="2025")


def ntm_series(
    dataset: pd.DataFrame | None = None,
    *,
    geography: str = "legacy",
    tier: str | None = "standard",
    folder: Path | None = None,
    include_undated: bool = True,
) -> pd.DataFrame:
    """One row per province, tier and date: the NTM share with its range over competing figures.

    Parameters
    ----------
    dataset
        Observation rows (see :func:`ntm_records`).
    geography
        ``"legacy"`` or ``"2025"`` (see :func:`on_geography`).
    tier
        One tier, or ``None`` for every tier (never pooled: ``tier`` is part of the key).
    include_undated
        ``False`` drops figures dated only by their publication date (the sensitivity run).

    Returns
    -------
    pandas.DataFrame
        :data:`SERIES_COLUMNS`, sorted by province, tier and date. ``share`` is one reported
        figure (:func:`point_figures`), ``qualifier`` and ``share_reported`` are its own;
        ``share_low``/``share_high`` the min/max over every competing figure's band.
    """
    if tier is not None and tier not in TIERS:
        raise ValueError(unknown_choice("tier", tier, list(TIERS)))
    records = ntm_records(dataset, folder=folder).records
    records = on_geography(records, geography, folder)
    if tier is not None:
        records = records[records["tier"].eq(tier)]
    if not include_undated:
        records = records[records["dated_by"].ne("published")]
    return combine(records)


def join_sources(sources: pd.Series) -> str:
    """The distinct sources of a group, sorted, as one cell (``"a ; b"``; missing ones left out)."""
    return " ; ".join(sorted(set(map(str, sources.dropna()))))


def combine(records: pd.DataFrame) -> pd.DataFrame:
    """Collapse competing figures of one province, geography, level, tier and date to a range.

    The point (``share``, with its ``qualifier`` and ``share_reported``) is always one figure
    a source reported (:func:`point_figures`), never a median or a band's mid, so a plotted
    point equals a reported figure; ``share_low``/``share_high`` span every competing figure
    and its qualifier band, so the figures not chosen stay visible as the range.
    """
    import pandas as pd

    if records.empty:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    grouped = records.groupby(GROUP_KEYS, sort=True, dropna=False)
    out = grouped.agg(
        share_low=("share_low", "min"),
        share_high=("share_high", "max"),
        n_figures=("share", "size"),
        dated_by=("dated_by", lambda s: ";".join(sorted(set(map(str, s))))),
        sources=("source", join_sources),
    ).reset_index()
    point = point_figures(records)[[*GROUP_KEYS, "share", "qualifier", "share_reported"]]
    out = out.merge(point, on=GROUP_KEYS, how="left")
    return (
        out[list(SERIES_COLUMNS)]
        .sort_values(["province", "tier", "date_key"])
        .reset_index(drop=True)
    )


GROUP_KEYS: list[str] = ["province", "geography", "level", "tier", "date", "date_key"]
"""One series row per province, geography, level, tier and date (:func:`combine`)."""


def point_figures(records: pd.DataFrame) -> pd.DataFrame:
    """The one reported figure that stands for each group of competing figures.

    Preference, in order: an exact figure over a qualified one (an exact 51.6 % over "more
    than 40 %" of the same date: the qualified one is kept in the range only); a share the
    source states itself over one computed from a count and a denominator (which may be of
    another date); then the lower median of the remaining figures, which is always one of
    them (an average of two figures is a number no source reported).

    Parameters
    ----------
    records
        Rows with :data:`GROUP_KEYS`, ``share``, ``qualifier`` and ``share_reported``.

    Returns
    -------
    pandas.DataFrame
        One row of ``records`` per group.
    """
    reported = records["share_reported"].astype("boolean").fillna(False).astype(bool)
    rank = 2 * records["qualifier"].ne("exact").astype(int) + (~reported).astype(int)
    ranked = records.assign(_rank=rank).sort_values([*GROUP_KEYS, "_rank", "share"])
    groups = ranked.groupby(GROUP_KEYS, sort=False, dropna=False)
    best = ranked[ranked["_rank"].eq(groups["_rank"].transform("min"))]
    best_groups = best.groupby(GROUP_KEYS, sort=False, dropna=False)
    position = best_groups.cumcount()
    middle = (best_groups["share"].transform("size") - 1) // 2
    return best[position.eq(middle)].drop(columns="_rank")
