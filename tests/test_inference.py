"""Inference on matched province data: synthetic panels whose right answer is known."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dvk_analysis.analysis import inference, matched, stats
from dvk_analysis.analysis.checks import InsufficientDataError

TRUE_SLOPE = 0.02  # share points per unit of x, within a province


def synthetic(n_prov: int = 30, n_dates: int = 4, seed: int = 3) -> pd.DataFrame:
    """Matched rows: share = base_p + 0.02 x_pt + noise, x rising with time and varying by
    province; provinces with more x also have a higher base (a positive cross-section)."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in range(n_prov):
        level = rng.uniform(0, 10)
        base = 0.1 + 0.02 * level
        for t in range(n_dates):
            x = level + 2.0 * t + rng.normal(0, 1.0)
            share = float(np.clip(base + TRUE_SLOPE * x + rng.normal(0, 0.01), 0, 1))
            rows.append(
                {
                    "province": f"P{p:02d}",
                    "date": f"{2018 + 2 * t}-12",
                    "date_key": (2018 + 2 * t) * 10000 + 1231,
                    "share": share,
                    "share_low": share,
                    "share_high": share,
                    "x": x,
                    "x_low": 0.9 * x,
                    "x_high": 1.1 * x,
                    "x_period": f"{2017 + 2 * t}-{2017 + 2 * t}",
                    "lag_years": 1,
                }
            )
    return pd.DataFrame(rows)


def test_within_province_recovers_the_known_slope() -> None:
    table, too_few = inference.within_province(synthetic(), n_resamples=300)
    row = table.iloc[0]
    assert too_few == []
    assert row["n"] == 30 * 3 and row["n_provinces"] == 30
    assert row["estimate"] > 0
    assert row["ci_low"] <= TRUE_SLOPE <= row["ci_high"]
    assert row["estimate"] == pytest.approx(TRUE_SLOPE, abs=0.005)


def test_within_province_p_uses_t_with_provinces_minus_one_df_and_flags_disagreement() -> None:
    table, _ = inference.within_province(synthetic(n_prov=8), n_resamples=100)
    row = table.iloc[0]
    assert "t with 7 df" in row["method"]  # few clusters: t(G-1), not the normal
    # A clear slope: p and interval agree, but 8 provinces are too few to trust their width.
    assert row["note"] == inference.few_clusters(8) != ""
    assert "only 8 provinces" in row["note"]
    assert inference.disagreement(0.002, -0.28, 0.33, 8).startswith("the cluster-robust p")
    assert inference.disagreement(0.30, 0.01, 0.20, 8) != ""  # and the other way round
    assert inference.disagreement(0.002, 0.05, 0.33, 8) == ""
    assert inference.disagreement(0.40, -0.1, 0.2, 8) == ""


def test_fixed_effects_with_few_provinces_say_so_and_many_do_not() -> None:
    few = inference.fixed_effects(synthetic(n_prov=6)).iloc[0]
    assert "only 6 provinces" in few["note"]
    many = inference.fixed_effects(synthetic()).iloc[0]  # 30 provinces
    assert many["note"] == ""
    assert inference.few_clusters(inference.FEW_CLUSTERS) == ""


def test_cross_province_correlation_is_positive_with_its_n() -> None:
    data = matched.cross_section(synthetic())
    table = inference.cross_province(data, label="x ~ share", n_resamples=300)
    rho = table[table["model"] == "spearman"].iloc[0]
    assert rho["n"] == 30
    assert rho["estimate"] > 0.5 and rho["ci_low"] > 0
    logit = table[table["model"] == "fractional_logit"].iloc[0]
    assert logit["estimate"] > 0  # AME, share per unit of x


def test_within_province_names_provinces_with_too_few_dates_and_refuses_small_samples() -> None:
    data = synthetic(n_prov=3, n_dates=2)
    one_date = synthetic(n_prov=1, n_dates=1).assign(province="Lonely")
    table, too_few = inference.within_province(pd.concat([data, one_date]), n_resamples=50)
    assert too_few == ["Lonely"]
    assert np.isnan(table["estimate"].iloc[0])
    assert table["note"].iloc[0].startswith("refused")


def test_holm_adjusts_within_a_named_family() -> None:
    tests = pd.DataFrame({"p_value": [0.01, 0.04, 0.03, np.nan]})
    out = inference.holm(tests, "cross-province, standard tier")
    assert out["p_holm"].iloc[:3].tolist() == pytest.approx([0.03, 0.06, 0.06])
    assert np.isnan(out["p_holm"].iloc[3])
    assert out["family"].iloc[0] == "cross-province, standard tier (3 tests)"


def test_bounds_box_is_exhaustive_for_small_n_and_contains_the_corners() -> None:
    data = pd.DataFrame(
        {
            "x_low": [1.0, 2.0, 3.0, 4.0],
            "x_high": [1.5, 3.5, 3.2, 4.1],
            "share_low": [0.1, 0.3, 0.2, 0.5],
            "share_high": [0.1, 0.35, 0.4, 0.5],
        }
    )
    low, high, how = inference.bounds_box(data, inference.spearman)
    assert how.startswith("exhaustive (256")
    all_low = inference.spearman(data["x_low"].to_numpy(), data["share_low"].to_numpy())
    assert low <= all_low <= high
    assert high == pytest.approx(1.0)  # x (1, 2, 3.2, 4.1) and share (.1, .3, .4, .5) agree


def test_cluster_bootstrap_resamples_whole_provinces() -> None:
    data = pd.DataFrame({"g": ["a", "a", "b", "b"], "v": [1.0, 1.0, 3.0, 3.0]})
    low, high, valid = inference.cluster_bootstrap(
        data, "g", lambda d: float(d["v"].mean()), n_resamples=200
    )
    assert valid == 200 and low == 1.0 and high == 3.0


def test_below_province_level_is_refused() -> None:
    with pytest.raises(InsufficientDataError, match="not independent"):
        inference.require_province_level("commune")


def test_selection_compares_reporting_and_silent_provinces() -> None:
    provinces = pd.DataFrame({"province": list("abcdef"), "population": [1, 2, 3, 10, 20, 30.0]})
    out = inference.selection(["d", "e", "f"], provinces, ["population"]).iloc[0]
    assert (out["n_with_claims"], out["median_with_claims"]) == (3, 20.0)
    assert (out["n_without"], out["median_without"]) == (3, 2.0)


def test_ceiling_switches_to_the_advanced_tier_when_most_shares_are_one() -> None:
    tier, why = inference.ceiling(pd.DataFrame({"share": [1.0, 1.0, 1.0, 0.6]}))
    assert tier == "advanced" and "75% of 4" in why
    tier, _ = inference.ceiling(pd.DataFrame({"share": [1.0, 0.5, 0.6]}))
    assert tier == "standard"


def test_province_fixed_effects_recover_the_known_slope() -> None:
    row = inference.fixed_effects(synthetic()).iloc[0]
    assert row["n_provinces"] == 30 and row["n"] == 120
    assert row["ci_low"] <= TRUE_SLOPE <= row["ci_high"]
    assert row["estimate"] == pytest.approx(TRUE_SLOPE, abs=0.005)


def test_fixed_effects_refuse_too_few_provinces_with_two_dates() -> None:
    row = inference.fixed_effects(synthetic(n_prov=3)).iloc[0]
    assert np.isnan(row["estimate"]) and row["note"].startswith("refused")


def test_ame_equals_the_fractional_logit_average_marginal_effect() -> None:
    data = matched.cross_section(synthetic())
    fit = stats.fractional_logit(data, "share", ["x"])
    expected = float(fit.loc[fit["term"] == "x", "ame"].iloc[0])
    got = inference.ame(data["x"].to_numpy(), data["share"].to_numpy())
    assert got == pytest.approx(expected, rel=1e-6)
    assert np.isnan(inference.ame(np.ones(5), np.linspace(0.1, 0.5, 5)))


def test_box_statistics_equal_the_models_at_the_mid_values() -> None:
    pairs = synthetic(n_prov=8, n_dates=3)
    fd_rows, _ = inference.first_difference_rows(pairs)
    fd = inference.fd_slope(fd_rows["province"])(
        fd_rows["x"].to_numpy(), fd_rows["share"].to_numpy()
    )
    table, _ = inference.within_province(pairs, n_resamples=20)
    assert fd == pytest.approx(table["estimate"].iloc[0])
    fe_rows, _ = inference.fixed_effect_rows(pairs)
    fe = inference.fe_slope(fe_rows["province"])(
        fe_rows["x"].to_numpy(), fe_rows["share"].to_numpy()
    )
    assert fe == pytest.approx(inference.fixed_effects(pairs)["estimate"].iloc[0])


def test_box_rows_cover_every_statistic_and_contain_the_mid_estimate() -> None:
    pairs = synthetic(n_prov=12, n_dates=3)
    section = matched.cross_section(pairs)
    boxes = inference.box_rows(section, pairs, label="x ~ share", n_random=300).set_index("model")
    assert list(boxes.index) == [
        "spearman",
        "fractional_logit",
        "first_differences",
        "fixed_effects",
    ]
    mids = {
        "spearman": inference.spearman(section["x"].to_numpy(), section["share"].to_numpy()),
        "fractional_logit": inference.ame(section["x"].to_numpy(), section["share"].to_numpy()),
        "first_differences": inference.within_province(pairs, n_resamples=10)[0]["estimate"].iloc[
            0
        ],
        "fixed_effects": inference.fixed_effects(pairs)["estimate"].iloc[0],
    }
    for model, mid in mids.items():
        row = boxes.loc[model]
        assert row["box_min"] < mid < row["box_max"], model  # x_low/x_high are +-10 %
    # the within-province slopes are positive wherever in the box the truth lies
    assert boxes.loc["fixed_effects", "sign_robust"] and boxes.loc["fixed_effects", "box_min"] > 0
    assert boxes.loc["fixed_effects", "n_provinces"] == 12


def test_box_rows_refuse_what_the_models_refuse() -> None:
    pairs = synthetic(n_prov=4, n_dates=2)
    boxes = inference.box_rows(matched.cross_section(pairs), pairs, label="t").set_index("model")
    assert np.isnan(boxes.loc["fractional_logit", "box_min"])
    assert boxes.loc["fractional_logit", "how"] == "not computed: fewer than 10 provinces"
    assert boxes.loc["fixed_effects", "how"].startswith("not computed: fewer than 5 provinces")
    assert boxes.loc["spearman", "how"] == "not computed: fewer than 5 provinces"
    assert not boxes["sign_robust"].any()


def test_the_guard_lets_every_cross_province_result_through_at_ten_provinces() -> None:
    ten = matched.cross_section(synthetic(n_prov=10))
    table = inference.cross_province(ten, n_resamples=200).set_index("model")
    assert table["estimate"].notna().all() and (table["n"] == 10).all()
    nine = inference.cross_province(ten.iloc[:9], n_resamples=200).set_index("model")
    assert nine.loc["fractional_logit", "note"].startswith("refused")
    assert "got 9" in nine.loc["fractional_logit", "note"]


def test_box_statistics_take_one_problem_per_row() -> None:
    from scipy.stats import spearmanr

    rng = np.random.default_rng(0)
    xs = rng.integers(0, 5, (6, 12)).astype(float)  # ties on purpose
    ys = rng.uniform(0, 1, (6, 12))
    rows = inference.spearman(xs, ys)
    assert rows == pytest.approx([spearmanr(a, b).statistic for a, b in zip(xs, ys, strict=True)])
    ames = inference.ame(xs, ys)
    assert ames == pytest.approx([inference.ame(a, b) for a, b in zip(xs, ys, strict=True)])
    assert np.isnan(inference.spearman(np.ones(4), np.arange(4.0)))
