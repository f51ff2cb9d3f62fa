"""Read the reference tables in ``data/reference/`` (provinces, NTM status, criteria sets).

This module only reads and shapes the tables; joining them to panel units is analysis and
lives in :mod:`dvk_analysis.analysis.reference_join` (a data module never imports analysis).
The panel says *what* a report claims; the reference tables say how big the place is
(population, area, number of communes), how far its province had come in the NTM programme
(share of communes meeting the standard, at a date) and how many criteria a unit had to meet.
Every join is explicit about what it could not do: a unit without a population is listed in
``ReferenceJoin.exclusions`` with a count, never left as a silent NaN for a ratio to swallow.

Caveats
-------
* Populations come from two bases (see ``data/reference/SOURCES.md``): GSO-style resident
  counts for most legacy provinces, "quy mô dân số" (residents plus temporary residents) for
  the 2025 provinces and ten legacy fallbacks. Ratios across the two bases are not comparable.
* Only province-level units get a population, an area and a number of communes: the reference
  data have nothing below the province. Sub-province units are listed as exclusions.
* A province-level unit is looked up in the legacy table when its period ends before 2026 and
  its name is a legacy province, else in the 2025 table: the figures describe the place the
  claim is about, whatever ``geography`` the panel's ``province`` column uses.
* NTM status rows are dated; provinces are not observed at a common date.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.data.load import load_reference
from dvk_analysis.data.schema import exclusion_table

if TYPE_CHECKING:
    import pandas as pd

FIRST_2025_YEAR = 2026
"""First period-end year for which a province-level unit is looked up in the 2025 table.

The merger took effect on 1 July 2025; panel periods are calendar years, so a period ending in
2025 mostly describes the old provinces (reports summarise 2020-2025 terms by old province).
"""

CRITERIA_LEVELS: dict[str, str] = {
    "commune": "commune_ntm",
    "ward": "commune_ntm",
    "district": "district_ntm",
    "city": "district_ntm",
}
"""Panel admin level -> ``level`` label in ``ntm_criteria_sets.csv`` (a town or provincial city
is recognised with the district set; a ward is assessed like a commune)."""


def province_table(era: str, folder: Path | None = None) -> pd.DataFrame:
    """Return ``name, population, area_km2, n_communes`` for ``era`` "legacy" or "2025".

    ``n_communes`` is the legacy ``n_communes`` column, or ``n_xa + n_phuong + n_dac_khu`` for
    the 2025 provinces (all commune-level units after the merger).
    """
    if era == "legacy":
        t = load_reference("provinces_legacy", folder)
        return t[["name", "population", "area_km2", "n_communes"]].reset_index(drop=True)
    if era == "2025":
        t = load_reference("provinces_2025", folder)
        n = t["n_xa"] + t["n_phuong"] + t["n_dac_khu"]
        out = t[["name", "population", "area_km2"]].assign(n_communes=n)
        return out.reset_index(drop=True)
    raise ValueError(f"era must be 'legacy' or '2025'; got {era!r}")


def _year(text: str) -> int:
    return int(str(text)[:4])


def _date_key(dates: pd.Series) -> pd.Series:
    """ISO date (YYYY, YYYY-MM, YYYY-MM-DD) -> sortable int YYYYMMDD, missing parts as 00."""
    import pandas as pd

    parts = dates.astype("string").str.split("-", expand=True).reindex(columns=[0, 1, 2])
    parts = parts.apply(pd.to_numeric).fillna(0)
    return (parts[0] * 10000 + parts[1] * 100 + parts[2]).astype("int64")


def ntm_status_table(
    folder: Path | None = None, *, national: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return dated province NTM rows and the exclusions (rows without ``as_of``; layout
    :data:`dvk_analysis.data.schema.EXCLUSION_COLUMNS`, step ``reference``).

    With ``national=True`` the country's rows (``province == "Việt Nam"``) are returned instead
    of the provinces', for comparison lines.

    The share of communes meeting NTM is ``pct_communes_ntm / 100`` when the source gives an
    exact percentage, else ``communes_ntm / communes_total``; rows with neither are kept (their
    counts may still be useful) but carry no share.
    """

    raw = load_reference("ntm_status", folder)
    undated = raw["as_of"].isna()
    lines = (raw.index[undated] + 2).astype(str)
    reason = "ntm_status row without as_of (line numbers of ntm_status.csv)"
    excl = exclusion_table([("reference", reason, lines)])
    is_national = raw["province_level"].eq("national")
    t = raw.loc[~undated & (is_national if national else ~is_national)].copy()
    total = t["communes_total"].astype(float)
    share = (t["pct_communes_ntm"] / 100).fillna(t["communes_ntm"].astype(float) / total)
    t = t.assign(share=share, as_of_key=_date_key(t["as_of"]))
    keep = ["province", "province_level", "as_of", "as_of_key", "communes_total", "communes_ntm"]
    return t[[*keep, "share"]].reset_index(drop=True), excl


# --- criteria sets --------------------------------------------------------------------------

_YEARS = re.compile(r"^(\d{4})-(\d{4})$")


def criteria_sets(folder: Path | None = None) -> pd.DataFrame:
    """Return ``level, start, end, n_criteria, decision`` for every set with a count.

    A set's ``level`` cell may list several levels ("district_ntm; district_advanced"); each
    becomes a row. A set without a ``period`` applies from its year of issue until the next set
    of the same level starts.
    """
    import pandas as pd

    t = load_reference("ntm_criteria_sets", folder)
    t = t[t["n_criteria"].notna()].copy()
    period = t["period"].fillna("").str.extract(_YEARS).apply(pd.to_numeric).astype(float)
    issued = pd.to_numeric(t["date_issued"].astype("string").str[:4]).astype(float)
    t["start"] = period[0].fillna(issued)
    t["end"] = period[1]
    t["level"] = t["level"].str.split(";")
    t = t.explode("level")
    t["level"] = t["level"].str.strip()
    t = t.sort_values(["level", "start"])
    next_start = (t.groupby("level")["start"].shift(-1) - 1).astype(float)
    t["end"] = t["end"].fillna(next_start).fillna(9999)
    cols = ["level", "start", "end", "n_criteria", "decision"]
    return t[cols].astype({"start": int, "end": int, "n_criteria": int}).reset_index(drop=True)


def criteria_denominators(
    levels: pd.Series, years: pd.Series, *, folder: Path | None = None
) -> pd.Series:
    """Vectorised :func:`criteria_denominator`: missing where no set applies (no error).

    ``levels`` are panel admin levels and ``years`` integer years (e.g. ``period_end``); the
    result is aligned with ``levels`` and is NaN for levels without a set (village, province)
    and years no set covers, which callers must count as exclusions.
    """
    import pandas as pd

    sets = criteria_sets(folder)
    query = pd.DataFrame(
        {
            "level": levels.map(CRITERIA_LEVELS).to_numpy(),
            "year": pd.to_numeric(years, errors="coerce").to_numpy(),
            "_row": range(len(levels)),
        }
    )
    hit = query.merge(sets, on="level", how="inner")
    hit = hit[(hit["start"] <= hit["year"]) & (hit["end"] >= hit["year"])]
    hit = hit.drop_duplicates("_row", keep="last").set_index("_row")["n_criteria"]
    return pd.Series(hit.reindex(range(len(levels))).to_numpy(dtype=float), index=levels.index)


def criteria_denominator(level: str, period: int | str, *, folder: Path | None = None) -> int:
    """Number of NTM criteria a unit at ``level`` had to meet in ``period``.

    Used when a text says "17 criteria met" without "of 19". ``level`` is a panel admin level
    (commune, ward -> commune set; district, city -> district set); ``period`` is a year or an
    ISO date (its year is used, normally the end of the claim's period).

    Examples: commune 2009-2025 -> 19 (491/2009, 1980/2016, 318/2022); district 2016-2025 -> 9
    (558/2016, 320/2022); commune 2026-2030 -> 10 (51/2025).

    Raises
    ------
    ValueError
        For a level with no criteria set, or a year no set of that level covers.
    """
    if level not in CRITERIA_LEVELS:
        raise ValueError(
            f"no NTM criteria set for admin level {level!r}; valid: {', '.join(CRITERIA_LEVELS)}"
        )
    try:
        year = _year(period)
    except ValueError:
        raise ValueError(f"period must be a year or YYYY[-MM[-DD]]; got {period!r}") from None
    sets = criteria_sets(folder)
    sets = sets[sets["level"] == CRITERIA_LEVELS[level]]
    hit = sets[(sets["start"] <= year) & (sets["end"] >= year)]
    if hit.empty:
        spans = ", ".join(f"{s}-{e}" for s, e in zip(sets["start"], sets["end"], strict=True))
        raise ValueError(f"no {level} criteria set covers {year}; sets cover: {spans}")
    return int(hit["n_criteria"].iloc[-1])
