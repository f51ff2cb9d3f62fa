"""Tests of metrics.py: each METRICS formula on hand-computed values, bad input, coverage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dvk_analysis.analysis.metrics import MetricInputError, compute_metrics, coverage, metric
from dvk_analysis.analysis.panel import build_panel


def s(*values) -> pd.Series:
    return pd.Series(values, dtype=float)


# The numbers below are those the eleven named functions returned (issue 11: METRICS is now the
# only definition; these tests compared old and new before the named functions were removed).


def test_sessions_per_10k_residents():
    # 10,360 sessions in a province of 1,000,000 people -> 10,360 / 100 = 103.6 per 10,000.
    assert metric("sessions_per_10k", s(10360), s(1_000_000)).tolist() == [pytest.approx(103.6)]


def test_reach_models_and_resources():
    assert metric("propaganda_reach", s(990_000), s(495_000)).tolist() == [pytest.approx(2.0)]
    assert metric("models_per_10k", s(430), s(430_000)).tolist() == [pytest.approx(10.0)]
    assert metric("models_per_commune", s(430), s(86)).tolist() == [pytest.approx(5.0)]
    assert metric("funds_per_resident", s(4e10), s(8e4)).tolist() == [pytest.approx(5e5)]
    assert metric("land_per_household", s(5000), s(40)).tolist() == [pytest.approx(125.0)]


def test_shares():
    assert metric("criteria_share", s(17), s(20)).tolist() == [pytest.approx(0.85)]
    got = metric("ntm_commune_share", s(17, 0), s(161, 5)).tolist()
    assert got == [pytest.approx(17 / 161), 0.0]


def test_missing_inputs_stay_missing():
    got = metric("sessions_per_10k", s(10, np.nan), s(np.nan, 100))
    assert got.isna().all()


def test_compute_metrics_rejects_a_negative_count_with_a_clear_message():
    frame = pd.DataFrame({"propaganda_sessions": [-3.0], "population": [10.0]})
    with pytest.raises(MetricInputError, match=r"propaganda_sessions must be >= 0.*row\(s\) \[0\]"):
        compute_metrics(frame)


def test_unknown_metric_name_suggests_the_closest():
    with pytest.raises(ValueError, match="sessions_per_10k"):
        metric("sessions_per_10000", s(1), s(1))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: metric("criteria_share", s(21), s(19)), "above 1 at row"),
        (lambda: metric("criteria_share", s(3), s(0)), "zero at row"),
        (lambda: metric("sessions_per_10k", s(3), s(0)), "population is zero at row"),
        (lambda: metric("sessions_per_10k", s(-3), s(10)), "must be >= 0"),
        (lambda: metric("sessions_per_10k", pd.Series(["many"]), s(10)), "not numeric"),
    ],
)
def test_impossible_inputs_raise_clear_errors(call, message):
    with pytest.raises(MetricInputError, match=message):
        call()


def joined_frame() -> pd.DataFrame:
    """What ``attach_reference(panel).table`` looks like for four units."""
    return pd.DataFrame(
        {
            "place": ["Lai Châu", "Cam Loc", "Thien Loc", "Cao Bằng"],
            "admin_level": ["province", "commune", "commune", "province"],
            "period_end": [2025, 2023, 2023, 2022],
            "propaganda_sessions": [10360.0, np.nan, np.nan, np.nan],
            "dvk_models": [430.0, 12.0, np.nan, np.nan],
            "ntm_criteria_met": [np.nan, 17.0, 15.0, np.nan],
            "ntm_criteria_met__denominator": [np.nan, 20.0, np.nan, np.nan],
            "communes_meeting_ntm": [np.nan, np.nan, np.nan, 170.0],
            "communes_meeting_ntm__denominator": [np.nan, np.nan, np.nan, 161.0],
            "population": [1_000_000.0, np.nan, np.nan, 500_000.0],
            "n_communes": [100.0, np.nan, np.nan, 161.0],
        }
    )


def test_compute_metrics_values_and_counted_exclusions():
    table = compute_metrics(joined_frame())
    values = table.values
    assert values["sessions_per_10k"].iloc[0] == pytest.approx(103.6)
    assert values["models_per_10k"].iloc[0] == pytest.approx(4.3)
    assert values["models_per_commune"].iloc[0] == pytest.approx(4.3)
    # "17 of 20" keeps the text's denominator; "15 criteria" in a commune in 2023 -> of 19.
    assert values["criteria_share"].iloc[1] == pytest.approx(0.85)
    assert values["criteria_share"].iloc[2] == pytest.approx(15 / 19)
    # 170 of 161 communes is impossible: left missing and counted.
    assert pd.isna(values["ntm_commune_share"].iloc[3])
    assert list(table.exclusions.columns) == ["step", "reason", "count", "ids"]  # one layout
    assert set(table.exclusions["step"]) == {"metrics"}
    excl = table.exclusions.set_index("reason")
    assert excl.loc["ntm_commune_share: share above 1", "count"] == 1
    assert excl.loc["models_per_10k: no population", "count"] == 1
    assert excl.loc["models_per_10k: no population", "ids"] == "1"
    assert excl.loc["models_per_commune: no n_communes", "count"] == 1


def test_compute_metrics_counts_a_zero_population():
    frame = joined_frame().assign(population=[0.0, np.nan, np.nan, 1.0])
    table = compute_metrics(frame)
    assert pd.isna(table.values["sessions_per_10k"].iloc[0])
    excl = table.exclusions.set_index("reason")
    assert excl.loc["sessions_per_10k: population is zero", "count"] == 1


def coverage_obs() -> pd.DataFrame:
    rows = [
        ("o1", "dvk_models", "Ha Tinh", "province", "Hà Tĩnh", "2013", "2023"),
        ("o2", "propaganda_sessions", "Ha Tinh", "province", "Hà Tĩnh", "2013", "2023"),
        ("o3", "dvk_models", "Lai Chau", "province", "Lai Châu", "2020", "2025"),
    ]
    cols = ["observation_id", "indicator", "place", "admin_level", "province"]
    frame = pd.DataFrame(rows, columns=[*cols, "period_start", "period_end"])
    return frame.assign(value=[5.0, 6.0, 7.0], qualifier="exact", published="2024")


def test_coverage_shows_gaps_as_zeros():
    grid = coverage(build_panel(coverage_obs()))
    assert list(grid.columns) == ["propaganda_sessions", "dvk_models"]  # codebook order
    assert grid.to_numpy().tolist() == [[1, 1], [0, 1]]
    assert grid.index.get_level_values("place").tolist() == ["Hà Tĩnh", "Lai Châu"]


def test_coverage_of_raw_observations_and_chosen_columns():
    grid = coverage(coverage_obs(), ["dvk_models", "land_donated"])
    assert grid["land_donated"].tolist() == [0, 0]
    assert grid["dvk_models"].tolist() == [1, 1]
    with pytest.raises(ValueError, match="unknown indicator.*'models'"):
        coverage(coverage_obs(), ["models"])
    with pytest.raises(ValueError, match="coverage needs column"):
        coverage(coverage_obs().drop(columns="place"))


def test_coverage_has_one_row_per_panel_unit_whatever_the_spelling():
    data = (
        coverage_obs()
        .iloc[:2]
        .assign(
            place=["xã Lùng Thẩn", "Lung Than commune"], admin_level="commune", province="Lào Cai"
        )
    )
    grid = coverage(build_panel(data))
    assert len(grid) == 1
    assert grid.to_numpy().tolist() == [[1, 1]]
