"""Validation of the small-sample statistics: recovery, independent re-computation, errors."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import optimize, special
from scipy import stats as sps

from dvk_analysis.analysis.stats import (
    TIDY_COLUMNS,
    InsufficientDataError,
    caveats,
    check_sample_size,
    fractional_logit,
    ols_log,
    rank_correlation,
    sensitivity,
)

TRUE_BETA = np.array([-0.4, 0.7, -0.5])  # intercept, continuous x1, binary x2


def simulate_shares(rng: np.random.Generator, n: int, phi: float = 8.0) -> pd.DataFrame:
    """Shares from a Beta process whose mean is logit-linear in x1 and x2 (known TRUE_BETA).

    The Beta variance mu(1-mu)/(1+phi) is far from the binomial mu(1-mu), so intervals only
    cover at the nominal rate if the robust (sandwich) errors are used.
    """
    x1 = rng.normal(size=n)
    x2 = (rng.random(n) < 0.4).astype(float)
    mu = special.expit(TRUE_BETA[0] + TRUE_BETA[1] * x1 + TRUE_BETA[2] * x2)
    share = rng.beta(mu * phi, (1 - mu) * phi)
    return pd.DataFrame({"share": share, "x1": x1, "x2": x2})


@pytest.fixture(scope="session")
def small_panel() -> pd.DataFrame:
    """Thirty units with shares, counts and a money amount, as the panel builder makes them."""
    rng = np.random.default_rng(11)
    n = 30
    sessions = rng.poisson(40, size=n) + 1.0
    models = rng.poisson(8, size=n).astype(float)
    mu = special.expit(-1.0 + 0.03 * sessions + 0.05 * models)
    share = np.clip(rng.beta(mu * 6, (1 - mu) * 6), 0, 1)
    funds = np.exp(20 + 0.6 * np.log(sessions) + rng.normal(scale=0.4, size=n))
    return pd.DataFrame(
        {"criteria_share": share, "sessions": sessions, "models": models, "funds": funds}
    )


# ------------------------------------------------------------------------------------------
# The guard
# ------------------------------------------------------------------------------------------


def test_guard_message_says_what_it_has_and_needs():
    with pytest.raises(InsufficientDataError) as info:
        check_sample_size(6, 2, model="fractional_logit")
    assert str(info.value) == (
        "fractional_logit needs at least 10 observations for 2 parameters (5 per parameter); got 6"
    )
    assert isinstance(info.value, ValueError)


def test_guard_accepts_the_boundary_and_keeps_one_residual_df():
    check_sample_size(10, 2)  # exactly 5 per parameter passes
    with pytest.raises(InsufficientDataError, match="at least 4 observations for 3 parameters"):
        check_sample_size(3, 3, min_per_param=0.5)  # never fewer than k + 1


@pytest.mark.parametrize(
    "args",
    [(-1, 2), (5.5, 2), (10, 0), (True, 2)],
)
def test_guard_rejects_nonsense_arguments(args):
    with pytest.raises(ValueError, match="check_sample_size"):
        check_sample_size(*args)


def test_every_model_uses_the_guard(small_panel):
    few = small_panel.head(6)
    with pytest.raises(InsufficientDataError, match="fractional_logit needs at least 15 .* got 6"):
        fractional_logit(few, "criteria_share", ["sessions", "models"])
    with pytest.raises(InsufficientDataError, match="ols_log needs at least 10 .* got 6"):
        ols_log(few, "funds", ["sessions"])
    with pytest.raises(InsufficientDataError, match=r"rank_correlation \(kendall\).* got 4"):
        rank_correlation([1, 2, 3, 4], [2, 1, 4, 3], method="kendall")


# ------------------------------------------------------------------------------------------
# Fractional logit
# ------------------------------------------------------------------------------------------


@pytest.mark.slow  # a Monte Carlo study: 200 fits
def test_fractional_logit_intervals_cover_true_coefficients_about_95_percent():
    rng = np.random.default_rng(20240601)
    hits = np.zeros(3)
    n_sets = 200
    for _ in range(n_sets):
        table = fractional_logit(simulate_shares(rng, 200), "share", ["x1", "x2"])
        hits += (table["ci_low"] <= TRUE_BETA) & (table["ci_high"] >= TRUE_BETA)
    coverage = hits / n_sets
    assert ((coverage >= 0.90) & (coverage <= 0.985)).all(), coverage


def bernoulli_quasi_mle(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Independent maximisation of the Bernoulli quasi-log-likelihood by BFGS."""

    def negloglik(b):
        eta = X @ b
        return -np.sum(y * eta - np.logaddexp(0, eta))

    def gradient(b):
        return -X.T @ (y - special.expit(X @ b))

    res = optimize.minimize(
        negloglik, np.zeros(X.shape[1]), jac=gradient, method="BFGS", options={"gtol": 1e-11}
    )
    assert res.success or np.abs(gradient(res.x)).max() < 1e-8, res.message
    return res.x


def test_fractional_logit_equals_direct_quasi_likelihood_maximisation():
    data = simulate_shares(np.random.default_rng(3), 80)
    data.loc[[0, 1], "share"] = [0.0, 1.0]  # shares on the boundary are allowed
    table = fractional_logit(data, "share", ["x1", "x2"])
    X = np.column_stack([np.ones(len(data)), data[["x1", "x2"]].to_numpy()])
    expected = bernoulli_quasi_mle(X, data["share"].to_numpy())
    np.testing.assert_allclose(table["estimate"].to_numpy(), expected, atol=1e-6, rtol=0)
    assert list(table["term"]) == ["Intercept", "x1", "x2"]
    assert list(table.columns[: len(TIDY_COLUMNS)]) == list(TIDY_COLUMNS)
    assert (table["model"] == "fractional_logit").all() and (table["n"] == 80).all()


def test_fractional_logit_errors_are_hc1_sandwich():
    data = simulate_shares(np.random.default_rng(5), 25)
    table = fractional_logit(data, "share", ["x1", "x2"])
    X = sm.add_constant(data[["x1", "x2"]].to_numpy())
    hc0 = sm.GLM(data["share"], X, family=sm.families.Binomial()).fit(cov_type="HC0")
    n, k = X.shape
    np.testing.assert_allclose(table["std_error"], hc0.bse * np.sqrt(n / (n - k)), rtol=1e-6)
    crit = sps.t.ppf(0.975, n - k)
    np.testing.assert_allclose(table["ci_high"] - table["estimate"], crit * table["std_error"])


def test_fractional_logit_average_marginal_effects_match_numerical_derivative():
    data = simulate_shares(np.random.default_rng(8), 60)
    table = fractional_logit(data, "share", ["x1", "x2"]).set_index("term")
    X = np.column_stack([np.ones(len(data)), data[["x1", "x2"]].to_numpy()])
    beta = table["estimate"].to_numpy()
    h = 1e-6
    for j, term in ((1, "x1"), (2, "x2")):
        step = np.zeros(3)
        step[j] = h
        numeric = (special.expit((X + step) @ beta) - special.expit((X - step) @ beta)).mean()
        assert table.loc[term, "ame"] == pytest.approx(numeric / (2 * h), rel=1e-6)
        assert table.loc[term, "ame_std_error"] > 0
    assert np.isnan(table.loc["Intercept", "ame"])


def test_fractional_logit_drops_missing_rows_and_reports_n(small_panel):
    data = small_panel.copy()
    data.loc[[2, 5], "sessions"] = np.nan
    data.loc[7, "criteria_share"] = np.nan
    table = fractional_logit(data, "criteria_share", ["sessions"])
    assert (table["n"] == 27).all()
    assert "3 rows with missing values dropped" in table["method"].iloc[0]


def test_shares_outside_unit_interval_are_named(small_panel):
    data = small_panel.copy()
    data.loc[4, "criteria_share"] = 17.0  # a count where a share belongs
    with pytest.raises(ValueError, match=r"must be a share in \[0, 1\].*4 \(17\)"):
        fractional_logit(data, "criteria_share", ["sessions"])


def test_missing_column_lists_valid_columns(small_panel):
    with pytest.raises(ValueError, match=r"\['propaganda'\] not in the data; valid columns: \["):
        fractional_logit(small_panel, "criteria_share", ["propaganda"])


def test_constant_predictor_is_refused(small_panel):
    data = small_panel.assign(year=2024)
    with pytest.raises(ValueError, match="predictor 'year' is constant"):
        fractional_logit(data, "criteria_share", ["sessions", "year"])


def test_collinear_predictors_are_refused(small_panel):
    data = small_panel.assign(sessions_x2=small_panel["sessions"] * 2)
    with pytest.raises(ValueError, match="collinear"):
        fractional_logit(data, "criteria_share", ["sessions", "sessions_x2"])


def test_non_numeric_column_is_refused(small_panel):
    data = small_panel.assign(models=small_panel["models"].astype(str))
    with pytest.raises(ValueError, match="'models' is not numeric"):
        fractional_logit(data, "criteria_share", ["models"])


def test_separated_shares_are_refused():
    x = np.arange(12.0)
    data = pd.DataFrame({"share": (x > 5).astype(float), "x": x})
    with pytest.raises(ValueError, match="separates shares of 0 from shares of 1"):
        fractional_logit(data, "share", "x")


# ------------------------------------------------------------------------------------------
# Log OLS
# ------------------------------------------------------------------------------------------


def test_ols_log_matches_least_squares_on_logs_with_hc3(small_panel):
    table = ols_log(small_panel, "funds", ["sessions"], linear_predictors=["models"])
    assert list(table["term"]) == ["Intercept", "log(sessions)", "models"]
    X = np.column_stack(
        [np.ones(30), np.log(small_panel["sessions"]), small_panel["models"].to_numpy()]
    )
    y = np.log(small_panel["funds"].to_numpy())
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    np.testing.assert_allclose(table["estimate"], beta, rtol=1e-9)
    bread = np.linalg.inv(X.T @ X)
    resid = y - X @ beta
    leverage = np.sum(X @ bread * X, axis=1)
    meat = X.T @ (X * (resid**2 / (1 - leverage) ** 2)[:, None])
    np.testing.assert_allclose(table["std_error"], np.sqrt(np.diag(bread @ meat @ bread)))
    assert (table["model"] == "ols_log").all() and (table["n"] == 30).all()


def test_ols_log_refuses_zeros_unless_log1p(small_panel):
    data = small_panel.copy()
    data.loc[3, "models"] = 0.0
    with pytest.raises(ValueError, match=r"'models' is 0 in rows 3.*zeros='log1p'"):
        ols_log(data, "funds", ["sessions", "models"])
    table = ols_log(data, "funds", ["sessions", "models"], zeros="log1p")
    assert list(table["term"]) == ["Intercept", "log1p(sessions)", "log1p(models)"]
    X = np.column_stack([np.ones(30), np.log1p(data[["sessions", "models"]].to_numpy())])
    beta, *_ = np.linalg.lstsq(X, np.log(data["funds"].to_numpy()), rcond=None)
    np.testing.assert_allclose(table["estimate"], beta, rtol=1e-9)


def test_ols_log_refuses_non_positive_outcome_and_negative_predictor(small_panel):
    data = small_panel.copy()
    data.loc[9, "funds"] = 0.0
    with pytest.raises(ValueError, match=r"'funds' must be > 0.*9 \(0\)"):
        ols_log(data, "funds", ["sessions"])
    data = small_panel.copy()
    data.loc[1, "sessions"] = -4.0
    with pytest.raises(ValueError, match="'sessions' has negative values"):
        ols_log(data, "funds", ["sessions"])
    with pytest.raises(ValueError, match="zeros must be"):
        ols_log(small_panel, "funds", ["sessions"], zeros="drop")


# ------------------------------------------------------------------------------------------
# Rank correlation
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "reference"), [("spearman", sps.spearmanr), ("kendall", sps.kendalltau)]
)
def test_rank_estimates_equal_scipy_with_ties_and_missing(method, reference):
    x = pd.Series([3, 1, 4, 1, 5, 9, 2, 6, np.nan, 5, 3, 5], name="sessions", dtype=float)
    y = pd.Series([2, 7, 1, 8, 2, 8, 1, 8, 2, 8, np.nan, 4], name="criteria", dtype=float)
    table = rank_correlation(x, y, method=method, n_boot=200, n_perm=200)
    keep = x.notna() & y.notna()
    expected = reference(x[keep], y[keep]).statistic
    assert table["estimate"].iloc[0] == pytest.approx(expected, abs=1e-12)
    assert table["n"].iloc[0] == 10
    assert table["term"].iloc[0] == "sessions ~ criteria"
    assert table["model"].iloc[0] == method
    assert table["ci_low"].iloc[0] <= table["ci_high"].iloc[0]


def test_spearman_permutation_p_is_close_to_exact_enumeration():
    x = np.array([1.0, 2, 3, 4, 5, 6, 7])
    y = np.array([2.0, 1, 4, 3, 0.7, 5, 6])
    observed = sps.spearmanr(x, y).statistic
    # Every one of the 7! pairings at once: without ties, rho = 1 - 6 sum(d^2) / (n (n^2 - 1)).
    assert len(set(x)) == len(set(y)) == len(x)
    pairings = sps.rankdata(y)[np.array(list(itertools.permutations(range(7))))]
    everything = 1 - 6 * ((pairings - sps.rankdata(x)) ** 2).sum(axis=1) / (7 * (7**2 - 1))
    exact = np.mean(np.abs(everything) >= abs(observed) - 1e-12)
    assert 0.05 < exact < 0.5  # a case where the p-value is neither trivially small nor 1
    p_value = rank_correlation(x, y, n_perm=5000, n_boot=100)["p_value"].iloc[0]
    assert abs(p_value - exact) < 0.02  # about 3 Monte Carlo standard errors


def test_kendall_permutation_p_is_close_to_exact_null_distribution():
    x = np.arange(8.0)
    y = np.array([2.0, 0, 3, 7, 1, 4, 6, 5])  # no ties, so scipy's exact null applies
    exact = sps.kendalltau(x, y, method="exact").pvalue
    assert 0.01 < exact < 0.5
    p_value = rank_correlation(x, y, method="kendall", n_perm=5000, n_boot=100)["p_value"].iloc[0]
    assert abs(p_value - exact) < 0.02


def test_permutation_p_has_plus_one_correction():
    x = np.arange(10.0)
    table = rank_correlation(x, x**2, n_perm=99, n_boot=50)  # perfectly monotone
    # scipy.stats.permutation_test: two-sided p = twice the smaller one-sided p, each
    # (1 + b) / (1 + B); no permutation of 10! reaches rho = 1, so p = 2 / 100
    assert table["p_value"].iloc[0] == pytest.approx(2 / 100)


def test_rank_correlation_is_reproducible_and_uses_its_seed():
    rng = np.random.default_rng(1)
    x = rng.normal(size=15)
    y = x + rng.normal(size=15)
    first = rank_correlation(x, y, method="kendall")
    again = rank_correlation(x, y, method="kendall")
    pd.testing.assert_frame_equal(first, again)
    other = rank_correlation(x, y, method="kendall", seed=7)
    assert (first["ci_low"].iloc[0], first["p_value"].iloc[0]) != (
        other["ci_low"].iloc[0],
        other["p_value"].iloc[0],
    )


@pytest.mark.slow  # scipy's reference bootstrap calls spearmanr 4000 times
def test_bootstrap_interval_agrees_with_scipy_percentile_bootstrap():
    rng = np.random.default_rng(2)
    x = rng.normal(size=25)
    y = 0.5 * x + rng.normal(size=25)
    table = rank_correlation(x, y, n_boot=4000, n_perm=100)
    ref = sps.bootstrap(
        (x, y),
        lambda a, b: sps.spearmanr(a, b).statistic,
        paired=True,
        vectorized=False,
        n_resamples=4000,
        method="percentile",
        random_state=np.random.default_rng(9),
    ).confidence_interval
    assert table["ci_low"].iloc[0] == pytest.approx(ref.low, abs=0.05)
    assert table["ci_high"].iloc[0] == pytest.approx(ref.high, abs=0.05)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "pearson"}, "method must be one of"),
        ({"n_perm": 0}, "n_perm must be a positive integer"),
        ({"ci": 95}, "ci must be a confidence level"),
    ],
)
def test_rank_correlation_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        rank_correlation(np.arange(6.0), np.arange(6.0), **kwargs)


def test_rank_correlation_bad_data():
    with pytest.raises(ValueError, match="same length; got 6 and 5"):
        rank_correlation(np.arange(6.0), np.arange(5.0))
    with pytest.raises(ValueError, match="'y' is constant"):
        rank_correlation(np.arange(6.0), np.ones(6))
    with pytest.raises(ValueError, match="must be numeric"):
        rank_correlation(["a", "b", "c", "d", "e"], np.arange(5.0))


# ------------------------------------------------------------------------------------------
# Sensitivity and caveats
# ------------------------------------------------------------------------------------------


def test_sensitivity_stacks_views_in_order(small_panel):
    panels = {
        "high": small_panel.assign(sessions=small_panel["sessions"] * 1.2),
        "low": small_panel.assign(sessions=small_panel["sessions"] * 0.8),
        "mid": small_panel,
    }
    kwargs = {"outcome": "criteria_share", "predictors": ["sessions", "models"]}
    table = sensitivity(fractional_logit, panels, **kwargs)
    assert len(table) == 3 * 3
    assert list(table["bound_view"][:3]) == ["low", "mid", "high"]
    assert list(table["term"][::3]) == ["Intercept", "sessions", "models"]
    low = table[table["bound_view"] == "low"].drop(columns="sign_consistent")
    direct = fractional_logit(panels["low"], bound_view="low", **kwargs)
    pd.testing.assert_frame_equal(low.reset_index(drop=True), direct)
    flipped = dict(panels, low=small_panel.assign(sessions=-small_panel["sessions"]))
    signs = sensitivity(fractional_logit, flipped, **kwargs).groupby("term")["sign_consistent"]
    assert not signs.all()["sessions"]


def test_sensitivity_names_the_failing_view(small_panel):
    panels = {"low": small_panel.head(5), "mid": small_panel}
    with pytest.raises(InsufficientDataError, match="at bound view 'low': fractional_logit"):
        sensitivity(fractional_logit, panels, outcome="criteria_share", predictors="sessions")
    with pytest.raises(ValueError, match=r"unknown bound view\(s\) \['median'\]"):
        sensitivity(fractional_logit, {"median": small_panel}, outcome="x", predictors="y")


def test_caveats_scale_with_sample_size():
    tiny = " ".join(caveats(8, n_params=3, model="fractional_logit"))
    assert "n = 8" in tiny and "permutation" in tiny and "bootstrap" in tiny
    assert "over-fit" in tiny
    big = " ".join(caveats(200, n_params=3))
    assert "permutation" not in big and "bootstrap" not in big and "over-fit" not in big
    for text in (tiny, big):
        assert "not causal" in text and "ecological" in text
    assert "low, mid and high" in " ".join(caveats(40, bound_views=True))
    with pytest.raises(ValueError, match="non-negative integer"):
        caveats(-3)


def test_kendall_on_long_series_equals_scipy():
    rng = np.random.default_rng(4)
    x = rng.integers(0, 40, size=200).astype(float)  # many ties, past the pairwise limit
    y = x + rng.normal(scale=15, size=200)
    table = rank_correlation(x, y, method="kendall", n_boot=50, n_perm=50)
    assert table["estimate"].iloc[0] == pytest.approx(sps.kendalltau(x, y).statistic, abs=1e-12)
    assert table["ci_low"].iloc[0] < table["estimate"].iloc[0] < table["ci_high"].iloc[0]


# --- library replacement (issue 11): the numbers of the hand-written code, frozen before it went

_X = [0.00123, 0.298746, -0.274138, -0.890592, -0.454671, -0.991647, 0.060144, 1.340215,
      -0.492207, -0.620475, 0.489842, 0.356887, 0.105414, -0.930468, -0.029252, 0.695303,
      -1.344215, -0.457616, -1.901223, -1.289538, -1.841735, -0.235091, -1.267446, 0.271264,
      0.156751]  # fmt: skip
_Y = [0.55599, 0.379903, 0.466292, 0.393469, 0.495402, 0.226099, 0.538385, 0.699879, 0.395692,
      0.557152, 0.58563, 0.639082, 0.683356, 0.332339, 0.557542, 0.712921, 0.321696, 0.360977,
      0.235378, 0.460719, 0.081529, 0.613891, 0.34066, 0.562302, 0.804817]  # fmt: skip
_OLD_LOGIT = [  # estimate, std_error, ci_low, ci_high, p_value, ame, ame_std_error
    [0.19390411859742343, 0.09902927838524854, -0.010953551788527555, 0.39876178898337444,
     0.06246280174691204, np.nan, np.nan],
    [0.7652327031244506, 0.12419134699946252, 0.5083233280058195, 1.0221420782430817,
     2.7574031053547846e-06, 0.17615518976305616, 0.024407967604478435],
]  # fmt: skip
_OLD_RANK = {  # estimate, std_error, ci_low, ci_high, p_value (hand-written loops, seed 20240601)
    "spearman": [0.8307692307692308, 0.08837729891787102, 0.6057499007280744,
                 0.9372828367547276, 0.0001999600079984003],
    "kendall": [0.66, 0.08975665068478196, 0.45774647887323944, 0.8111888111888111,
                0.0001999600079984003],
}  # fmt: skip


def test_statsmodels_hc1_and_margeff_equal_the_hand_written_numbers():
    data = pd.DataFrame({"x": _X, "y": _Y})
    cols = ["estimate", "std_error", "ci_low", "ci_high", "p_value", "ame", "ame_std_error"]
    new = fractional_logit(data, "y", ["x"])[cols].to_numpy(dtype=float)
    np.testing.assert_allclose(new, np.array(_OLD_LOGIT), rtol=1e-5, equal_nan=True)


@pytest.mark.parametrize("method", ["spearman", "kendall"])
def test_scipy_bootstrap_and_permutation_agree_with_the_hand_written_loops(method):
    cols = ["estimate", "std_error", "ci_low", "ci_high", "p_value"]
    new = rank_correlation(pd.Series(_X), pd.Series(_Y), method=method)[cols].iloc[0]
    old = dict(zip(cols, _OLD_RANK[method], strict=True))
    assert new["estimate"] == pytest.approx(old["estimate"], abs=1e-12)  # same statistic
    # different random streams: agreement within Monte Carlo error of 2,000 resamples
    assert new["std_error"] == pytest.approx(old["std_error"], abs=0.01)
    assert new["ci_low"] == pytest.approx(old["ci_low"], abs=0.03)
    assert new["ci_high"] == pytest.approx(old["ci_high"], abs=0.03)
    assert new["p_value"] <= 2 * 1 / 5001 + 1e-12  # both at the permutation floor


def test_linear_fit_band_equals_the_hand_written_t_interval():
    # the formula the figures used before the band moved to statsmodels' get_prediction
    from scipy import stats as st

    from dvk_analysis.analysis.stats import linear_fit_band

    x = np.array([1.0, 2.0, 3.0, 5.0, 8.0])
    y = np.array([1.2, 1.9, 3.4, 4.8, 8.5])
    grid = np.linspace(1, 8, 7)
    mean, low, high, slope = linear_fit_band(x, y, grid, 0.95)
    n, xbar = len(x), x.mean()
    sxx = ((x - xbar) ** 2).sum()
    b = ((x - xbar) * (y - y.mean())).sum() / sxx
    a = y.mean() - b * xbar
    s = np.sqrt(((y - a - b * x) ** 2).sum() / (n - 2))
    half = st.t.ppf(0.975, n - 2) * s * np.sqrt(1 / n + (grid - xbar) ** 2 / sxx)
    np.testing.assert_allclose(mean, a + b * grid)
    np.testing.assert_allclose(low, a + b * grid - half)
    np.testing.assert_allclose(high, a + b * grid + half)
    assert slope == pytest.approx(b)
