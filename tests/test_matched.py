"""Predictor rates in time order: hand-made cells and outcomes whose right answer is known."""

from __future__ import annotations

import pandas as pd
import pytest

from dvk_analysis.analysis import matched


def _predictor_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province": ["A", "A", "A"],
            "predictor": ["dvk_models_per_10k"] * 3,
            "date_key": [20191231, 20211231, 20251231],
            "low": [1.0, 2.0, 9.0],
            "mid": [1.0, 2.0, 9.0],
            "high": [1.0, 2.0, 9.0],
            "period_start": [2019, 2021, 2025],
            "period_end": [2019, 2021, 2025],
            "undated": [False, True, False],
        }
    )


def test_match_takes_the_latest_predictor_at_or_before_the_outcome() -> None:
    outcome = pd.DataFrame(
        {
            "province": ["A", "A"],
            "date": ["2022-06", "2019-06"],
            "date_key": [20220631, 20190631],
            "share": [0.5, 0.3],
            "share_low": [0.5, 0.3],
            "share_high": [0.5, 0.3],
        }
    )
    got = matched.match(outcome, _predictor_rows(), "dvk_models_per_10k")
    # 2019-06 has no predictor ending by then (2019 ends 31 Dec); 2022-06 takes 2021, lag 1
    assert got["date"].tolist() == ["2022-06"]
    assert got["x"].tolist() == [2.0] and got["lag_years"].tolist() == [1]
    without = matched.match(outcome, _predictor_rows(), "dvk_models_per_10k", include_undated=False)
    assert without["x"].tolist() == [1.0] and without["lag_years"].tolist() == [3]


def test_predictors_are_annualised_per_10k_and_per_commune() -> None:
    from dvk_analysis.analysis.outcomes import rural_communes

    long = pd.DataFrame(
        {
            "admin_level": ["province"],
            "province": ["Lai Châu"],
            "indicator": ["dvk_models"],
            "period_start": [2020],
            "period_end": [2025],
            "low": [430.0],
            "mid": [430.0],
            "high": [430.0],
            "observation_ids": ["o1"],
        }
    )
    rates = matched.predictors(long).table.set_index("predictor")
    pop = rates.loc["dvk_models_per_10k", "population"]
    assert rates.loc["dvk_models_per_10k", "mid"] == pytest.approx(4_300_000 / pop)
    assert rates.loc["dvk_models_per_10k_per_year", "mid"] == pytest.approx(4_300_000 / pop / 6)
    n_xa = rural_communes()["legacy"]["Lai Châu"]
    assert rates.loc["dvk_models_per_commune", "mid"] == pytest.approx(430 / n_xa)
    assert rates.loc["dvk_models_per_commune", "years"] == 6


def test_a_minimum_lag_pushes_the_match_back_a_year() -> None:
    outcome = pd.DataFrame(
        {"province": ["A"], "date": ["2022-06"], "date_key": [20220631], "share": [0.5],
         "share_low": [0.5], "share_high": [0.5]}
    )  # fmt: skip
    got = matched.match(outcome, _predictor_rows(), "dvk_models_per_10k", min_lag=1)
    assert got["x"].tolist() == [1.0] and got["lag_years"].tolist() == [3]


def _cells(**overrides) -> pd.DataFrame:
    row = {
        "admin_level": "province", "province": "Lai Châu", "indicator": "ntm_funds_total",
        "period_start": 2010, "period_end": 2020, "low": 11e12, "mid": 11e12, "high": 11e12,
        "observation_ids": "f1",
    }  # fmt: skip
    return pd.DataFrame([row | overrides])


def test_money_is_counted_in_billions_per_10k_residents_and_per_commune_per_year() -> None:
    from dvk_analysis.analysis.outcomes import rural_communes

    rates = matched.predictors(_cells()).table.set_index("predictor")
    pop = rates.loc["ntm_funds_total_per_10k_per_year", "population"]
    # 11,000 billion VND over 11 years (2010-2020)
    expected = 11_000 / 11 / (pop / 10_000)
    assert rates.loc["ntm_funds_total_per_10k_per_year", "mid"] == pytest.approx(expected)
    n_xa = rural_communes()["legacy"]["Lai Châu"]
    assert rates.loc["ntm_funds_total_per_commune_per_year", "mid"] == pytest.approx(1000 / n_xa)
    assert rates.loc["ntm_funds_total_per_commune_per_year", "unit"] == (
        "billion VND per rural commune per year"
    )
    assert rates.loc["ntm_funds_total_per_10k_per_year", "date_key"] == 20201231


def test_the_state_budget_part_is_a_predictor_too() -> None:
    rates = matched.predictors(_cells(indicator="ntm_funds_state")).table
    assert "ntm_funds_state_per_10k_per_year" in set(rates["predictor"])


def test_what_cannot_become_a_rate_is_listed_in_the_one_layout() -> None:
    cells = pd.concat(
        [_cells(period_start=float("nan"), observation_ids="no_start"),
         _cells(province="Atlantis", observation_ids="nowhere")], ignore_index=True
    )  # fmt: skip
    rates = matched.predictors(cells)
    excl = rates.exclusions.set_index("reason")
    assert list(rates.exclusions.columns) == ["step", "reason", "count", "ids"]
    assert set(rates.exclusions["step"]) == {"matched"}
    assert excl.loc["no period start: no annual rate", "ids"] == "no_start"
    assert excl.loc["no population: no per-10k rate", "ids"] == "nowhere"
    assert excl.loc["no rural communes: no per-commune rate", "ids"] == "nowhere"
    kept = rates.table.groupby("observation_ids")["predictor"].apply(set)
    assert kept["no_start"] == {"ntm_funds_total_per_10k", "ntm_funds_total_per_commune"}
    assert "nowhere" not in kept


def test_on_the_2025_map_a_merged_legacy_province_is_left_out_and_counted() -> None:
    from dvk_analysis.data.merger import unchanged_2025

    same = unchanged_2025()
    merged = next(p for p in ["Hà Giang", "Bắc Kạn", "Hà Nam"] if p not in same)
    rates = matched.predictors(_cells(province=merged, observation_ids="m1"), geography="2025")
    assert rates.table.empty
    assert rates.exclusions["ids"].tolist() == ["m1"]
    assert rates.exclusions["reason"].iloc[0].startswith("legacy province merged in 2025")


@pytest.mark.parametrize(
    ("name", "indicator", "rate", "family"),
    [
        ("ntm_funds_total_per_10k_per_year", "ntm_funds_total", "per_10k_per_year",
         "money mobilised for NTM"),
        ("funds_mobilized_per_commune", "funds_mobilized", "per_commune",
         "money mobilised for NTM"),
        ("dvk_models_per_10k", "dvk_models", "per_10k", "DVK models"),
        ("propaganda_sessions_per_commune_per_year", "propaganda_sessions",
         "per_commune_per_year", "propaganda"),
    ],
)  # fmt: skip
def test_names_split_into_indicator_rate_and_family(name, indicator, rate, family) -> None:
    assert matched.split_name(name) == (indicator, rate)
    assert matched.family(name) == family
    assert name in matched.predictor_names()


def test_an_unknown_predictor_name_names_the_closest() -> None:
    with pytest.raises(ValueError, match="did you mean 'ntm_funds_total_per_10k_per_year'"):
        matched.split_name("ntm_fund_total_per_10k_per_year")


def test_the_nearest_cross_section_takes_the_smallest_lag() -> None:
    pairs = pd.DataFrame(
        {"province": ["A", "A", "A", "B"], "date_key": [20201231, 20230630, 20250630, 20211231],
         "lag_years": [0, 3, 5, 1], "x": [1.0, 1.0, 1.0, 2.0]}
    )  # fmt: skip
    latest = matched.cross_section(pairs).set_index("province")["date_key"]
    assert latest.to_dict() == {"A": 20250630, "B": 20211231}
    nearest = matched.cross_section(pairs, at="nearest").set_index("province")["date_key"]
    assert nearest.to_dict() == {"A": 20201231, "B": 20211231}
    with pytest.raises(ValueError, match="did you mean 'nearest'"):
        matched.cross_section(pairs, at="neares")


def test_a_qualified_predictor_is_drawn_at_its_reported_rate_within_its_band() -> None:
    from dvk_analysis.analysis.outcomes import rural_communes

    cells = _cells(indicator="dvk_models", value=1000.0, qualifier="more_than", low=1000.0,
                   mid=1050.0, high=1100.0)  # fmt: skip
    rates = matched.predictors(cells).table
    outcome = pd.DataFrame(
        {"province": ["Lai Châu"], "date": ["2021"], "date_key": [20211231], "share": [0.5],
         "share_low": [0.5], "share_high": [0.5]}
    )  # fmt: skip
    got = matched.match(outcome, rates, "dvk_models_per_commune").iloc[0]
    n_xa = rural_communes()["legacy"]["Lai Châu"]
    assert got["x_reported"] == pytest.approx(1000 / n_xa)  # "more than 1,000", not 1,050
    assert got["x"] == pytest.approx(1050 / n_xa)  # the estimates' mid view is unchanged
    assert got["x_low"] <= got["x_reported"] <= got["x_high"]
