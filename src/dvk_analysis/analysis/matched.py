"""Predictors in time order: annualised intensities matched to the NTM share of a later date.

Why
---
A province's "430 models in 2020-2025" and its "69 % of communes meet NTM in 2018" cannot be
compared as they stand: the models come after the outcome, cover six years and belong to a
province of one size. This module turns every province-level predictor cell of the panel into
**rates** and pairs it with an outcome **at or after its period end**:

* ``per_10k``: 10,000 x value / population (the population table's figure; its basis is
  carried in ``population_basis``: the legacy table gives no reference year, the 2025 table is
  the merger dossiers' 2024-25 "quy mô dân số");
* ``per_commune``: value / rural communes (n_xa) of the province table;
* ``per_10k_per_year`` and ``per_commune_per_year``: the same divided by the years the period
  covers (period_end - period_start + 1); a cell without a period start has no annual rate.

Money (VND) is counted in billions before division ("billion VND per 10,000 residents per
year"); ``unit`` names every rate's unit. Each indicator belongs to a named **family** of tests
(:data:`FAMILIES`: DVK models, propaganda, money mobilised for NTM, land and labour) within which
p-values are Holm-adjusted. What cannot become a rate is listed in ``Rates.exclusions``.

A predictor whose period ends in year *Y* is dated 31 December *Y*; it may explain an outcome
dated on or after that day only (``lag_years`` = outcome year - Y >= 0). A cell whose period
end came from the publication date (the text gave none) is flagged ``undated`` so that every
analysis can be run with and without such cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.errors import unknown_choice
from dvk_analysis.gazetteer import GEOGRAPHIES

if TYPE_CHECKING:
    import pandas as pd

PREDICTORS: dict[str, tuple[str, str]] = {
    # indicator: (label, family of tests)
    "dvk_models": ("DVK models", "DVK models"),
    "propaganda_sessions": ("Propaganda sessions", "propaganda"),
    "propaganda_participants": ("Propaganda participants", "propaganda"),
    "funds_mobilized": (
        "Money mobilised from residents and society for NTM",
        "money mobilised for NTM",
    ),
    "ntm_funds_total": ("Money mobilised for NTM, all sources", "money mobilised for NTM"),
    "ntm_funds_state": ("Money for NTM from the state budget", "money mobilised for NTM"),
    "land_donated": ("Land donated", "land and labour"),
    "working_days": ("Working days contributed", "land and labour"),
}
"""Indicators that become intensities, with their label and the family their tests belong to
(Holm adjusts within a family). One table, so a new predictor cannot miss its family."""

PREDICTOR_INDICATORS: dict[str, str] = {name: label for name, (label, _) in PREDICTORS.items()}
"""Predictor indicators and their labels."""

FAMILIES: dict[str, str] = {name: family for name, (_, family) in PREDICTORS.items()}
"""The family of tests each predictor's tests belong to."""

RATES: dict[str, str] = {
    "per_10k": "per 10,000 residents",
    "per_commune": "per rural commune",
    "per_10k_per_year": "per 10,000 residents per year",
    "per_commune_per_year": "per rural commune per year",
}
"""Rate suffixes (``<indicator>_<rate>`` names a predictor) and their words."""

SCALES: dict[str, tuple[float, str]] = {"VND": (1e9, "billion VND")}
"""Units rescaled before division so that rates and slopes read in sensible numbers."""

PREDICTOR_COLUMNS: tuple[str, ...] = (
    "province",
    "geography",
    "indicator",
    "predictor",
    "unit",
    "period_start",
    "period_end",
    "years",
    "date_key",
    "low",
    "mid",
    "high",
    "value",
    "qualifier",
    "population",
    "population_basis",
    "rural_communes",
    "undated",
    "observation_ids",
)


@dataclass(frozen=True)
class Rates:
    """Predictor rates (:data:`PREDICTOR_COLUMNS`) and the cells or rates that could not be
    computed (:data:`dvk_analysis.data.schema.EXCLUSION_COLUMNS`, step ``matched``)."""

    table: pd.DataFrame
    exclusions: pd.DataFrame


def predictor_names() -> list[str]:
    """Every predictor name ``<indicator>_<rate>``."""
    return [f"{i}_{r}" for i in PREDICTOR_INDICATORS for r in RATES]


def split_name(predictor: str) -> tuple[str, str]:
    """``"ntm_funds_total_per_10k_per_year"`` -> ``("ntm_funds_total", "per_10k_per_year")``."""
    for rate in sorted(RATES, key=len, reverse=True):
        indicator = predictor.removesuffix("_" + rate)
        if indicator != predictor and indicator in PREDICTOR_INDICATORS:
            return indicator, rate
    raise ValueError(unknown_choice("predictor", predictor, predictor_names()))


def family(predictor: str) -> str:
    """The named family of a predictor's tests (``"money mobilised for NTM"``, ...)."""
    return FAMILIES[split_name(predictor)[0]]


def rate_unit(predictor: str) -> str:
    """``"billion VND per 10,000 residents per year"``, ``"count per rural commune"``, ..."""
    from dvk_analysis.codebook import unit_of

    indicator, rate = split_name(predictor)
    unit = unit_of(indicator)
    return f"{SCALES.get(unit, (1.0, unit))[1]} {RATES[rate]}"


def label(predictor: str) -> str:
    """Axis label: the indicator's words and the rate's unit."""
    return f"{PREDICTOR_INDICATORS[split_name(predictor)[0]]} ({rate_unit(predictor)})"


def _province_cells(panel_long: pd.DataFrame) -> pd.DataFrame:
    """Province-level predictor cells, with the figure as reported (``value``, ``qualifier``;
    an exact ``mid`` when a hand-made table has no such columns)."""
    cells = panel_long[
        panel_long["admin_level"].eq("province")
        & panel_long["indicator"].isin(list(PREDICTOR_INDICATORS))
    ].copy()
    if "value" not in cells:
        cells["value"] = cells["mid"]
    if "qualifier" not in cells:
        cells["qualifier"] = "exact"
    return cells


def _sizes(geography: str, folder: Path | None) -> pd.DataFrame:
    """Population (with its basis) and rural communes per province of ``geography``."""
    import pandas as pd

    from dvk_analysis.data.load import load_reference

    if geography == "legacy":
        t = load_reference("provinces_legacy", folder)
        basis = t["population_basis"].astype("string").fillna("legacy table")
    else:
        t = load_reference("provinces_2025", folder)
        basis = pd.Series("2025 table: merger dossiers' population", index=t.index)
    return pd.DataFrame(
        {
            "province": t["name"],
            "population": t["population"].astype(float),
            "population_basis": basis,
            "rural_communes": t["n_xa"].astype(float),
        }
    )


def _undated_ids(dataset: pd.DataFrame | None) -> set[str]:
    if dataset is None or "period_end" not in dataset:
        return set()
    return set(dataset.loc[dataset["period_end"].isna(), "observation_id"].astype(str))


def predictors(
    panel_long: pd.DataFrame,
    *,
    geography: str = "legacy",
    dataset: pd.DataFrame | None = None,
    folder: Path | None = None,
) -> Rates:
    """Every province-level predictor cell as rates, one row per cell and rate.

    Parameters
    ----------
    panel_long
        ``Panel.long`` of a panel built on the **legacy** geography (its ``province`` is the
        province as of the claim's date).
    geography
        ``"legacy"``: cells keep their province. ``"2025"``: cells of a legacy province count
        for its successor only when the merger left its borders unchanged (a 2024 Hà Giang
        figure is not Tuyên Quang's), or when the cell is about a 2025 province.
    dataset
        Observation rows, to flag cells dated by their publication date (``undated``).

    Returns
    -------
    Rates
        ``table``: :data:`PREDICTOR_COLUMNS`; ``low``, ``mid``, ``high`` are the rate at each
        bound view, ``value`` the rate of the figure as reported (with its ``qualifier``), in
        ``unit`` (money in billion VND). ``exclusions``: cells of a merged
        legacy province on the 2025 map, and cells without a population (no per-10k rate),
        without rural communes (no per-commune rate) or without a period start (no annual
        rate), by observation id.
    """
    import numpy as np
    import pandas as pd

    from dvk_analysis.codebook import unit_of
    from dvk_analysis.data.merger import unchanged_2025
    from dvk_analysis.data.schema import exclusion_table

    if geography not in GEOGRAPHIES:
        raise ValueError(unknown_choice("geography", geography, list(GEOGRAPHIES)))
    cells = _province_cells(panel_long)
    excluded = []
    if geography == "2025":
        same = unchanged_2025(folder)
        late = cells["period_end"].astype(float) >= 2026
        keep = cells["province"].isin(list(same)) | late
        why = "legacy province merged in 2025: its figure is not its successor's"
        excluded.append(("matched", why, cells.loc[~keep, "observation_ids"]))
        cells = cells[keep]
        cells = cells.assign(province=cells["province"].map(lambda p: same.get(p, p)))
    sizes = _sizes(geography, folder)
    cells = cells.merge(sizes, on="province", how="left")
    years = cells["period_end"].astype(float) - cells["period_start"].astype(float) + 1
    scale = cells["indicator"].map(lambda i: SCALES.get(unit_of(i), (1.0, ""))[0])
    ids = cells["observation_ids"]
    excluded += [
        ("matched", "no population: no per-10k rate", ids[cells["population"].isna()]),
        ("matched", "no rural communes: no per-commune rate", ids[cells["rural_communes"].isna()]),
        ("matched", "no period start: no annual rate", ids[years.isna()]),
    ]
    undated = _undated_ids(dataset)
    frames = []
    for rate in RATES:
        per = cells["population"] / 10_000 if "10k" in rate else cells["rural_communes"]
        den = scale * per * (years if rate.endswith("per_year") else 1.0)
        views = {v: cells[v].astype(float) / den for v in ("low", "mid", "high", "value")}
        predictor = cells["indicator"] + "_" + rate
        frames.append(
            cells.assign(
                **views,
                predictor=predictor,
                unit=predictor.map(rate_unit),
                years=years,
                geography=geography,
                date_key=(cells["period_end"].astype(float) * 10000 + 1231).astype("Int64"),
                undated=cells["observation_ids"].map(
                    lambda ids: bool(set(str(ids).split(";")) & undated)
                ),
            )
        )
    out = pd.concat(frames, ignore_index=True) if frames else cells
    if "predictor" not in out:  # no predictor cell at all
        out = pd.DataFrame(columns=list(PREDICTOR_COLUMNS))
    out = out[np.isfinite(out["mid"].astype(float))]
    table = out[list(PREDICTOR_COLUMNS)].reset_index(drop=True)
    return Rates(table, exclusion_table(excluded))


def match(
    outcome: pd.DataFrame,
    predictors_: pd.DataFrame,
    predictor: str,
    *,
    include_undated: bool = True,
    bound: str = "mid",
    min_lag: int = 0,
) -> pd.DataFrame:
    """Pair each outcome row with the latest value of ``predictor`` dated at or before it.

    Parameters
    ----------
    outcome
        :func:`dvk_analysis.analysis.outcomes.ntm_series` rows (one tier, one geography).
    predictors_
        :func:`predictors` rows of the same geography.
    predictor
        ``<indicator>_<rate>``, e.g. ``"dvk_models_per_10k_per_year"``.
    include_undated
        ``False`` leaves out cells dated by their publication date (sensitivity run).
    bound
        Which view of the predictor becomes ``x`` (``low``, ``mid``, ``high``).
    min_lag
        Minimum years between the predictor's period end and the outcome's year (0: the
        same year's 31 December at the latest; 1: a year earlier at the latest), for a lag
        sensitivity run: models take time to show in recognitions.

    Returns
    -------
    pandas.DataFrame
        One row per outcome row that has a predictor: ``province, date, date_key, share,
        share_low, share_high, x, x_low, x_high, x_reported, x_period, lag_years``
        (``x_reported``: the rate of the figure as reported, which figures draw). An
        outcome without an earlier predictor is left out (a later predictor never explains
        an earlier outcome).
    """
    import pandas as pd

    if predictor not in set(predictors_["predictor"]):
        known = sorted(set(predictors_["predictor"]))
        raise ValueError(unknown_choice("predictor", predictor, known or ["(none in the data)"]))
    cand = predictors_[predictors_["predictor"].eq(predictor)]
    if not include_undated:
        cand = cand[~cand["undated"]]
    cand = cand.rename(columns={"date_key": "x_key", bound: "x"})
    cand = cand.assign(x_low=cand["low" if bound != "low" else "x"])
    cand = cand.assign(x_high=cand["high" if bound != "high" else "x"])
    # the rate of the figure as reported ("more than 1,000" models: 1,000), which a figure draws
    cand = cand.assign(x_reported=cand.get("value", cand["x"]))
    keep = ["province", "x_key", "x", "x_low", "x_high", "x_reported", "period_start"]
    keep += ["period_end"]
    pairs = outcome.merge(cand[keep], on="province", how="inner")
    pairs = pairs[pairs["x_key"] <= pairs["date_key"] - 10000 * min_lag]
    pairs = pairs.sort_values(["province", "date_key", "x_key"])
    best = pairs.drop_duplicates(["province", "date_key"], keep="last").copy()
    best["lag_years"] = best["date_key"] // 10000 - best["period_end"].astype(int)
    best["x_period"] = (
        best["period_start"].astype("string").fillna("?") + "-" + best["period_end"].astype(str)
    )
    cols = ["province", "date", "date_key", "share", "share_low", "share_high"]
    cols += ["x", "x_low", "x_high", "x_reported", "x_period", "lag_years"]
    return pd.DataFrame(best[cols]).reset_index(drop=True)


def cross_section(matched: pd.DataFrame, at: str = "latest") -> pd.DataFrame:
    """One row per province from :func:`match` rows.

    ``at="latest"``: the province's latest outcome that has a predictor at or before it (the
    main estimand). ``at="nearest"``: the outcome nearest after the predictor's period (the
    smallest lag; the later outcome on ties), a robustness check: a 2010-2020 money figure is
    then compared with the share at the end of 2020 rather than years later.
    """
    if at not in ("latest", "nearest"):
        raise ValueError(unknown_choice("at", at, ["latest", "nearest"]))
    if at == "latest":
        ordered = matched.sort_values(["province", "date_key"])
    else:
        ordered = matched.assign(_lag=-matched["lag_years"]).sort_values(
            ["province", "_lag", "date_key"]
        )
        ordered = ordered.drop(columns="_lag")
    return ordered.drop_duplicates("province", keep="last").reset_index(drop=True)
