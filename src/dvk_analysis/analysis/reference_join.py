"""Join panel units with the reference tables: population, area, communes, NTM status.

Moved here from ``data/reference.py``: the join decides which province and date describe a
unit, which is analysis; ``data.reference`` only reads the tables. Every join is explicit about
what it could not do: a unit without a population is listed in ``ReferenceJoin.exclusions``
with a count, never left as a silent NaN for a ratio to swallow.

Caveats
-------
* Only province-level units get a population, an area and a number of communes: the reference
  data have nothing below the province. Sub-province units are listed as exclusions.
* A province-level unit is looked up in the legacy table when its period ends before 2026 and
  its name is a legacy province, else in the 2025 table.
* NTM status rows are dated; provinces are not observed at a common date. The outcome of the
  cross-province analysis is built by :mod:`dvk_analysis.analysis.outcomes` instead (cumulative
  counts of one tier over rural communes, matched by date).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.data.reference import (
    FIRST_2025_YEAR,
    _date_key,
    ntm_status_table,
    province_table,
)
from dvk_analysis.data.schema import exclusion_table

if TYPE_CHECKING:
    import pandas as pd

    from dvk_analysis.analysis.panel import Panel

REFERENCE_COLUMNS: tuple[str, ...] = (
    "population",
    "area_km2",
    "n_communes",
    "ref_table",
    "ntm_as_of",
    "province_communes_total",
    "province_communes_ntm",
    "province_ntm_share",
)
"""Columns :func:`attach_reference` adds."""


@dataclass(frozen=True)
class ReferenceJoin:
    """A table with reference columns and what could not be joined.

    ``exclusions`` has the one layout :data:`dvk_analysis.data.schema.EXCLUSION_COLUMNS`
    (step ``reference``; ``ids`` are ';'-joined unit labels or line numbers of reference rows).
    """

    table: pd.DataFrame
    exclusions: pd.DataFrame


def ntm_status_at(
    provinces: pd.Series, period_end: pd.Series, *, folder: Path | None = None
) -> pd.DataFrame:
    """Return the latest NTM figure with ``as_of <= period_end`` for each (province, end) pair.

    ``period_end`` is a year (int) or an ISO date; a year means "by 31 December". Only rows that
    carry a share are candidates. Both geographies are searched by name (a 2025 province that
    kept its name continues the legacy series). Returns ``ntm_as_of``,
    ``province_communes_total``, ``province_communes_ntm``, ``province_ntm_share`` aligned with
    the input.
    """
    import pandas as pd

    status, _ = ntm_status_table(folder)
    status = status[status["share"].notna()]
    ends = period_end.astype("string")
    end_key = _date_key(ends.where(ends.str.len() > 4, ends + "-12-31"))
    query = pd.DataFrame({"province": provinces.to_numpy(), "end_key": end_key.to_numpy()})
    query["_row"] = range(len(query))
    cand = query.merge(status, on="province", how="inner")
    cand = cand[cand["as_of_key"] <= cand["end_key"]]
    best = cand.sort_values(["_row", "as_of_key"]).drop_duplicates("_row", keep="last")
    best = query[["_row"]].merge(best, on="_row", how="left")
    return pd.DataFrame(
        {
            "ntm_as_of": best["as_of"].to_numpy(),
            "province_communes_total": best["communes_total"].astype("Float64").to_numpy(),
            "province_communes_ntm": best["communes_ntm"].astype("Float64").to_numpy(),
            "province_ntm_share": best["share"].astype(float).to_numpy(),
        },
        index=provinces.index,
    )


def _province_sizes(units: pd.DataFrame, folder: Path | None) -> pd.DataFrame:
    """Population, area and communes of province-level units (NaN elsewhere)."""
    import numpy as np
    import pandas as pd

    legacy, new = province_table("legacy", folder), province_table("2025", folder)
    is_prov = units["admin_level"].eq("province").to_numpy()
    name = units["place"].astype("string")
    late = units["period_end"].astype("Int64").fillna(0).to_numpy() >= FIRST_2025_YEAR
    in_legacy = name.isin(legacy["name"]).to_numpy()
    era = np.where(in_legacy & ~late, "legacy", "2025")
    out = pd.DataFrame(index=units.index, columns=["population", "area_km2", "n_communes"])
    out = out.astype({"population": "Float64", "area_km2": "float64", "n_communes": "Float64"})
    for label, table in (("legacy", legacy), ("2025", new)):
        rows = is_prov & (era == label)
        found = table.set_index("name").reindex(name[rows].to_numpy())
        for col in ("population", "area_km2", "n_communes"):
            out.loc[rows, col] = (
                found[col].astype("Float64" if col != "area_km2" else float).to_numpy()
            )
    out["ref_table"] = pd.array(np.where(is_prov, era, pd.NA), dtype="string")
    return out


def status_province(units: pd.DataFrame) -> pd.Series:
    """The province whose NTM status describes each unit: the one it belonged to at the time.

    Before the 2025 merger that is the province the claim named (``province_reported``), not
    the 2025 successor in ``province``: under the 2025 geography a Bắc Kạn commune in 2023 must
    not get Thái Nguyên's 2023 share. From :data:`FIRST_2025_YEAR` on, the ``province`` column.
    """
    if "province_reported" not in units.columns:
        return units["province"]
    late = units["period_end"].astype("Int64").fillna(0) >= FIRST_2025_YEAR
    reported = units["province_reported"].where(units["province_reported"].notna())
    return units["province"].where(late | reported.isna(), reported)


def unit_label(units: pd.DataFrame) -> pd.Series:
    """A readable label for each unit: ``place [admin_level, province] start-end``."""
    start = units["period_start"].astype("string").fillna("?")
    return (
        units["place"].astype("string").fillna(units["place_key"].astype("string"))
        + " ["
        + units["admin_level"].astype("string")
        + ", "
        + units["province"].astype("string")
        + "] "
        + start
        + "-"
        + units["period_end"].astype("string")
    )


def attach_reference(panel: Panel | pd.DataFrame, *, folder: Path | None = None) -> ReferenceJoin:
    """Add :data:`REFERENCE_COLUMNS` to the panel's wide table (or any frame of units).

    Parameters
    ----------
    panel
        A :class:`~dvk_analysis.analysis.panel.Panel` (its ``table`` is used) or a frame with
        the unit columns ``place, admin_level, province, period_start, period_end``.
    folder
        ``data/reference`` by default.

    Returns
    -------
    ReferenceJoin
        The table with population, area, communes (province-level units only) and the NTM
        status of the unit's province at the end of its period; ``exclusions`` counts units
        without a population (sub-province units; provinces missing in the reference table)
        and NTM rows without a date.
    """
    import pandas as pd

    table = panel.table if hasattr(panel, "table") else panel.reset_index(drop=True)
    needed = ["place", "place_key", "admin_level", "province", "period_start", "period_end"]
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"cannot join reference data: missing unit column(s) {missing}")
    sizes = _province_sizes(table, folder)
    status = ntm_status_at(status_province(table), table["period_end"], folder=folder)
    # A reported figure may share a reference column's name (the ``population`` indicator):
    # keep it as ``<name>_reported`` so the reference value is the one metrics divide by.
    clash = {c: f"{c}_reported" for c in table.columns if c in REFERENCE_COLUMNS}
    out = pd.concat([table.rename(columns=clash), sizes, status], axis=1)
    labels = unit_label(out)
    is_prov = out["admin_level"].eq("province")
    no_pop = out["population"].isna()
    rows = [
        ("no population: sub-province unit (reference covers provinces only)", ~is_prov),
        ("no population: province missing from the reference table", is_prov & no_pop),
    ]
    _, status_excl = ntm_status_table(folder)
    own = exclusion_table(("reference", reason, labels[mask]) for reason, mask in rows)
    exclusions = pd.concat([f for f in (own, status_excl) if len(f)], ignore_index=True)
    return ReferenceJoin(out, exclusions if len(exclusions) else own)
