"""Honest small-sample statistics for the propaganda / models / resources -> NTM question.

The research question (how propaganda intensity, model counts and resources mobilised relate to
new-rural-area achievement) is studied on a handful of units: often 5 to 30 provinces, districts
or communes. With samples that small the asymptotic machinery of regression is fragile, so every
function here

* returns a **tidy table** (one row per term) that always carries ``n`` (the observations
  actually used, after dropping missing values), ``model`` and the inference ``method`` next to
  each p-value, so that no p-value travels without its model and sample size;
* refuses to fit a model with too few observations per parameter (:func:`check_sample_size`)
  instead of printing a confident-looking table;
* prefers inference that does not lean on large-sample theory where that is cheap
  (permutation p-values and bootstrap intervals for rank correlations, ``t`` rather than normal
  reference distributions and small-sample-corrected sandwich errors for regressions);
* can be re-run at the low, mid and high *bound views* of the panel (:func:`sensitivity`):
  claims such as "more than 19,300" or "nearly 990,000" only bound the true value, and a
  conclusion that flips between views is not a conclusion;
* comes with plain-language :func:`caveats` that the notebooks print under each table.

Every random draw comes from ``numpy.random.default_rng(seed)``, so results are identical on
re-run. Heavy libraries (numpy, pandas, scipy, statsmodels) are imported here, never in the
package ``__init__``.

The docstrings of the public functions are the methods documentation: each states the model, its
formula, and its assumptions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BOUND_VIEWS",
    "MIN_PER_PARAM",
    "TIDY_COLUMNS",
    "InsufficientDataError",
    "caveats",
    "check_sample_size",
    "fractional_logit",
    "ols_log",
    "rank_correlation",
    "sensitivity",
]

from dvk_analysis.analysis.checks import (
    BOUND_VIEWS,
    MIN_PER_PARAM,
    TIDY_COLUMNS,
    InsufficientDataError,
    _as_list,
    _check_design,
    _check_level,
    _numeric_frame,
    _show_rows,
    _t_inference,
    _tidy,
    check_sample_size,
)
from dvk_analysis.analysis.robustness import caveats, sensitivity  # re-exported

_RANK_METHODS = ("spearman", "kendall")
_MAX_ETA = 25.0  # |linear predictor| beyond this means a fitted share within 1e-11 of 0/1
_KENDALL_PAIRWISE_MAX_N = 150  # above this, tau-b row by row with scipy


# --------------------------------------------------------------------------------------------
# Rank correlation
# --------------------------------------------------------------------------------------------


def _pearson_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise Pearson correlation of two (m, n) arrays; NaN where a row is constant."""
    ac = a - a.mean(axis=1, keepdims=True)
    bc = b - b.mean(axis=1, keepdims=True)
    denom = np.sqrt((ac * ac).sum(axis=1) * (bc * bc).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denom > 0, (ac * bc).sum(axis=1) / denom, np.nan)


def _spearman_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Spearman's rho (Pearson correlation of average ranks) for each row of (m, n) arrays."""
    from scipy.stats import rankdata

    return _pearson_rows(rankdata(x, axis=1), rankdata(y, axis=1))


def _kendall_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Kendall's tau-b for each row of (m, n) arrays; NaN where a row is constant.

    tau_b = (concordant - discordant) / sqrt((P - T_x)(P - T_y)), with P = n(n-1)/2 pairs and
    T_x, T_y the pairs tied in x and in y.
    """
    if x.shape[1] > _KENDALL_PAIRWISE_MAX_N:  # O(n^2) pair arrays get slow: scipy's O(n log n)
        return _kendall_rows_scipy(x, y)
    i, j = np.triu_indices(x.shape[1], k=1)
    sx = np.sign(x[:, i] - x[:, j])
    sy = np.sign(y[:, i] - y[:, j])
    pairs = len(i)
    untied_x = pairs - (sx == 0).sum(axis=1)
    untied_y = pairs - (sy == 0).sum(axis=1)
    denom = np.sqrt(untied_x.astype(float) * untied_y)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denom > 0, (sx * sy).sum(axis=1) / denom, np.nan)


def _kendall_rows_scipy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Kendall's tau-b row by row with scipy (for long rows); NaN where a row is constant."""
    import warnings

    from scipy.stats import kendalltau

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a constant resample: scipy warns and returns NaN
        return np.array([kendalltau(a, b).statistic for a, b in zip(x, y, strict=True)])


def _rank_stat(method: str) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """The row-wise statistic for ``method``."""
    return _spearman_rows if method == "spearman" else _kendall_rows


def _vectorised(method: str) -> Callable[..., np.ndarray]:
    """The statistic in scipy's vectorised form: ``f(x, y, axis=-1)`` over any batch shape."""
    rows = _rank_stat(method)

    def statistic(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
        x, y = np.moveaxis(x, axis, -1), np.moveaxis(y, axis, -1)
        batch, n = x.shape[:-1], x.shape[-1]
        out = rows(x.reshape(-1, n), np.broadcast_to(y, x.shape).reshape(-1, n))
        return out.reshape(batch)

    return statistic


def _bootstrap_interval(
    x: np.ndarray, y: np.ndarray, method: str, n_boot: int, alpha: float, seed: int
) -> tuple[float, float, float, int]:
    """Percentile interval from ``scipy.stats.bootstrap(paired=True)``'s resamples.

    scipy returns NaN bounds as soon as one resample is degenerate (x or y constant, which has
    no correlation); the percentiles are therefore taken over the valid resamples of its
    ``bootstrap_distribution``, and the number dropped is reported. Returns (low, high, sd,
    dropped).
    """
    import warnings

    from scipy.stats import bootstrap

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the degenerate-resample warning: counted below
        res = bootstrap(
            (x, y),
            _vectorised(method),
            paired=True,
            vectorized=True,
            n_resamples=n_boot,
            method="percentile",
            rng=np.random.default_rng(seed),
        )
    dist = np.asarray(res.bootstrap_distribution, dtype=float)
    valid = dist[np.isfinite(dist)]
    if not len(valid):
        return np.nan, np.nan, np.nan, len(dist)
    low, high = np.quantile(valid, [alpha / 2, 1 - alpha / 2])
    sd = float(valid.std(ddof=1)) if len(valid) > 1 else np.nan
    return float(low), float(high), sd, len(dist) - len(valid)


def _permutation_p(x: np.ndarray, y: np.ndarray, method: str, n_perm: int, seed: int) -> float:
    """Two-sided permutation p-value, ``scipy.stats.permutation_test(permutation_type="pairings")``.

    scipy adds one to numerator and denominator for a randomised test (never 0; Phipson &
    Smyth 2010) and uses the exact null distribution when it has at most ``n_perm`` elements.
    """
    from scipy.stats import permutation_test

    res = permutation_test(
        (x, y),
        _vectorised(method),
        permutation_type="pairings",
        vectorized=True,
        n_resamples=n_perm,
        alternative="two-sided",
        rng=np.random.default_rng(seed),
    )
    return float(res.pvalue)


def _as_vector(values: object, name: str) -> np.ndarray:
    """Convert one side of a correlation to a float vector, with a clear error if impossible."""
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"rank_correlation: {name} must be numeric (a pandas Series or array of numbers): {exc}"
        ) from None
    if arr.ndim != 1:
        raise ValueError(f"rank_correlation: {name} must be one-dimensional; got shape {arr.shape}")
    return arr


def rank_correlation(
    x: pd.Series | Sequence[float],
    y: pd.Series | Sequence[float],
    *,
    method: Literal["spearman", "kendall"] = "spearman",
    n_boot: int = 2000,
    n_perm: int = 5000,
    seed: int = 20240601,
    ci: float = 0.95,
    bound_view: str = "mid",
    min_per_param: float = MIN_PER_PARAM,
) -> pd.DataFrame:
    """Rank correlation with a bootstrap interval and a permutation p-value.

    Model and assumptions
        Spearman's rho is the Pearson correlation of the average ranks of x and y; Kendall's
        tau-b is (concordant - discordant pairs) / sqrt((P - T_x)(P - T_y)) with P = n(n-1)/2
        pairs and T_x, T_y the pairs tied in x, y (ties handled as in
        :func:`scipy.stats.spearmanr` and :func:`scipy.stats.kendalltau`). Both measure a
        monotone association, are unaffected by monotone transforms (counts, log counts, VND)
        and robust to the outliers that aggregates of news claims produce. Units are assumed
        exchangeable and independent; nothing here is causal.

    Inference
        * p-value: Monte Carlo permutation test of "no association" (y permuted against x),
          two-sided, p = (1 + #{|T_perm| >= |T_obs|}) / (1 + n_perm). It is exact in size for
          any n, unlike the asymptotic p-values of scipy, which is why it is used here.
        * interval: percentile bootstrap, resampling (x, y) pairs with replacement ``n_boot``
          times; resamples in which x or y is constant have no correlation and are dropped
          (their number is reported in ``method``). Percentile intervals of correlations are
          approximate and unstable for n < 10 (see :func:`caveats`).

    Pairs with a missing value on either side are dropped; ``n`` is the pairs used. A single
    ``numpy.random.default_rng(seed)`` drives the bootstrap and then the permutations, so the
    same inputs and seed give identical results.

    Parameters
    ----------
    x, y
        Values for the same units, aligned by position (Series are aligned by position too:
        align them on the index beforehand). Their ``name`` labels the term.
    method
        ``"spearman"`` or ``"kendall"``.
    n_boot, n_perm
        Bootstrap resamples and random permutations.
    seed
        Seed of the random generator.
    ci
        Confidence level of the interval.
    bound_view
        Label of the panel view the values come from (``"low"``, ``"mid"``, ``"high"``).
    min_per_param
        Passed to :func:`check_sample_size` (the correlation counts as one parameter).

    Returns
    -------
    pandas.DataFrame
        One row: term (``"x_name ~ y_name"``), estimate, std_error (the bootstrap standard
        deviation), ci_low, ci_high, p_value, n, model (the method), bound_view, method (how the
        interval and p-value were obtained).

    Raises
    ------
    InsufficientDataError
        Fewer than 5 complete pairs (by default).
    ValueError
        Unknown method, x and y of different lengths, non-numeric values, a constant side, or
        non-positive resample counts.
    """
    if method not in _RANK_METHODS:
        raise ValueError(f"rank_correlation: method must be one of {_RANK_METHODS}; got {method!r}")
    for label, count in (("n_boot", n_boot), ("n_perm", n_perm)):
        if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
            raise ValueError(f"rank_correlation: {label} must be a positive integer; got {count!r}")
    alpha = _check_level(ci)
    names = [str(getattr(v, "name", None) or d) for v, d in ((x, "x"), (y, "y"))]
    xv, yv = _as_vector(x, "x"), _as_vector(y, "y")
    if len(xv) != len(yv):
        raise ValueError(
            f"rank_correlation: x and y must have the same length; got {len(xv)} and {len(yv)}"
        )
    keep = ~(np.isnan(xv) | np.isnan(yv))
    xv, yv = xv[keep], yv[keep]
    if not (np.isfinite(xv).all() and np.isfinite(yv).all()):
        raise ValueError("rank_correlation: x and y must not contain infinite values")
    check_sample_size(len(xv), 1, min_per_param=min_per_param, model=f"rank_correlation ({method})")
    for label, values in zip(names, (xv, yv), strict=True):
        if np.ptp(values) == 0:
            raise ValueError(
                f"rank_correlation: {label!r} is constant over the {len(values)} complete pairs; "
                "a correlation is undefined"
            )

    observed = float(_rank_stat(method)(xv[None, :], yv[None, :])[0])
    low, high, sd, degenerate = _bootstrap_interval(xv, yv, method, n_boot, alpha, seed)
    p_value = _permutation_p(xv, yv, method, n_perm, seed + 1)
    note = (
        f"percentile bootstrap CI (scipy.stats.bootstrap, paired, {n_boot} resamples, "
        f"{degenerate} degenerate dropped); permutation p, two-sided "
        f"(scipy.stats.permutation_test, pairings, {n_perm} resamples); seed={seed}; "
        f"{int((~keep).sum())} pairs with missing values dropped"
    )
    return _tidy(
        {
            "term": [f"{names[0]} ~ {names[1]}"],
            "estimate": [observed],
            "std_error": [sd],
            "ci_low": [low],
            "ci_high": [high],
            "p_value": [p_value],
            "n": [len(xv)],
            "model": [method],
            "bound_view": [bound_view],
            "method": [note],
        }
    )


# --------------------------------------------------------------------------------------------
# Fractional logit
# --------------------------------------------------------------------------------------------


def _fit_quasi_mle(X: np.ndarray, y: np.ndarray, model: str) -> object:
    """Bernoulli quasi-MLE of a logit mean (statsmodels GLM, HC1), refusing separation.

    statsmodels' ``cov_type="HC1"`` for a GLM equals HC0 (it omits the n/(n-k) factor), so the
    factor is passed as ``scaling_factor``: the covariance is then the HC1 sandwich of Papke &
    Wooldridge, as documented below. statsmodels warns about "perfect separation" also for a
    perfect but finite fit of shares, so that warning is silenced and separation is detected
    here instead: the fit diverges, or pushes a fitted share within exp(-25) of 0 or 1.
    """
    import warnings

    import statsmodels.api as sm

    n, k = X.shape
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=sm.tools.sm_exceptions.PerfectSeparationWarning)
        warnings.simplefilter("ignore", category=RuntimeWarning)  # overflow on the way to 0/1
        fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(
            tol=1e-12, maxiter=200, cov_type="HC1", cov_kwds={"scaling_factor": n / (n - k)}
        )
    beta = np.asarray(fit.params)
    if not fit.converged or not np.isfinite(beta).all() or np.abs(X @ beta).max() > _MAX_ETA:
        raise ValueError(
            f"{model}: the fit did not converge to finite coefficients (fitted shares reach 0 "
            "or 1): a predictor probably separates shares of 0 from shares of 1; inspect the "
            "data, or drop or coarsen that predictor"
        )
    return fit


def fractional_logit(
    df: pd.DataFrame,
    outcome: str,
    predictors: str | Sequence[str],
    *,
    bound_view: str = "mid",
    ci: float = 0.95,
    min_per_param: float = MIN_PER_PARAM,
) -> pd.DataFrame:
    """Fractional logit regression of a share in [0, 1] (Papke & Wooldridge 1996).

    Model
        E[y | x] = Lambda(b0 + b1 x1 + ... + bp xp), with Lambda the logistic function and y a
        share (e.g. NTM criteria met / criteria in the set, communes meeting NTM / communes).
        Only the *mean* is modelled: b is the Bernoulli quasi-maximum-likelihood estimate,
        maximising sum_i y_i log Lambda(x_i b) + (1 - y_i) log(1 - Lambda(x_i b)), which is a
        GLM with binomial family and logit link fitted by IRLS (statsmodels). It is consistent
        whenever the mean is right, whatever the distribution of y (shares at exactly 0 or 1
        are fine, unlike a Beta regression or a logit transform of y).

    Standard errors
        Because the binomial variance is not assumed, the covariance is the robust sandwich
        A^{-1} B A^{-1} of Papke & Wooldridge (their HC0), multiplied by n/(n-k): **HC1**. The
        factor is the usual degrees-of-freedom correction that offsets HC0's downward bias in
        small samples (here n is often under 30) and is asymptotically irrelevant. Intervals
        and p-values use a t distribution with n - k degrees of freedom (a conservative
        small-sample convention; the theory is asymptotic either way). Observations are assumed
        independent (no clustering by province or year).

    Average marginal effects
        ``ame`` is the change in the expected share per unit of the predictor, averaged over the
        sample, mean_i(b_j Lambda_i (1 - Lambda_i)), with a delta-method ``ame_std_error`` from
        the HC1 covariance. It is the number to quote ("+0.8 percentage points of criteria per
        extra model"); b_j itself is a log-odds effect.

    Rows with a missing value in the outcome or a predictor are dropped; ``n`` is the rows used.

    Parameters
    ----------
    df
        One row per unit (or unit-period).
    outcome
        Column holding the share, in [0, 1].
    predictors
        Column name(s) of the predictors; an intercept is always added.
    bound_view
        Label of the panel view (``"low"``, ``"mid"``, ``"high"``) recorded in the table.
    ci
        Confidence level of the intervals.
    min_per_param
        Passed to :func:`check_sample_size`.

    Returns
    -------
    pandas.DataFrame
        One row per term (``"Intercept"`` then the predictors): term, estimate (log-odds scale),
        std_error (HC1), ci_low, ci_high, p_value, n, model (``"fractional_logit"``),
        bound_view, method, ame, ame_std_error (NaN for the intercept).

    Raises
    ------
    InsufficientDataError
        Too few complete rows for the parameters.
    ValueError
        Missing or non-numeric columns (valid columns listed), shares outside [0, 1] (rows
        listed), a constant outcome or predictor, collinear predictors, or an IRLS fit that did
        not converge.
    """
    model = "fractional_logit"
    names = _as_list(predictors)
    alpha = _check_level(ci)
    data, dropped = _numeric_frame(df, [outcome, *names], model)
    y = data[outcome].to_numpy()
    outside = (y < 0) | (y > 1)
    if outside.any():
        raise ValueError(
            f"{model}: outcome {outcome!r} must be a share in [0, 1] (e.g. criteria met / "
            f"criteria in the set); rows outside: {_show_rows(data.index[outside], y[outside])}"
        )
    check_sample_size(len(data), len(names) + 1, min_per_param=min_per_param, model=model)
    if np.ptp(y) == 0:
        raise ValueError(
            f"{model}: outcome {outcome!r} is constant ({y[0]:g}) in the {len(y)} rows used; "
            "there is no variation to explain"
        )
    _check_design(data, names, model)

    X = np.column_stack([np.ones(len(data)), data[names].to_numpy()])
    fit = _fit_quasi_mle(X, y, model)
    df_resid = len(y) - X.shape[1]
    margins = fit.get_margeff(at="overall", method="dydx")
    note = (
        "GLM binomial/logit quasi-MLE (statsmodels); HC1 sandwich SE; AME by get_margeff; "
        f"t({df_resid}) intervals and p; "
        f"{dropped} rows with missing values dropped"
    )
    return _coefficient_table(
        fit,
        ["Intercept", *names],
        (df_resid, alpha),
        (model, bound_view, note),
        ame=np.r_[np.nan, np.asarray(margins.margeff)],
        ame_std_error=np.r_[np.nan, np.asarray(margins.margeff_se)],
    )


# --------------------------------------------------------------------------------------------
# Log-log OLS
# --------------------------------------------------------------------------------------------


def _log_columns(
    data: pd.DataFrame, columns: list[str], zeros: str, model: str
) -> tuple[np.ndarray, list[str]]:
    """Log-transform predictors under the documented zero rule; return values and term names."""
    out, terms = [], []
    for col in columns:
        values = data[col].to_numpy()
        negative = values < 0
        if negative.any():
            raise ValueError(
                f"{model}: predictor {col!r} has negative values, which have no logarithm; rows: "
                f"{_show_rows(data.index[negative], values[negative])}; pass it in "
                "linear_predictors to enter it untransformed"
            )
        if zeros == "refuse" and (values == 0).any():
            rows = data.index[values == 0]
            raise ValueError(
                f"{model}: predictor {col!r} is 0 in rows {_show_rows(rows)}, and log(0) is "
                "undefined; pass zeros='log1p' to use log(1 + x) for every logged predictor, "
                "or drop those rows"
            )
        transform, name = (np.log1p, "log1p") if zeros == "log1p" else (np.log, "log")
        out.append(transform(values))
        terms.append(f"{name}({col})")
    return np.column_stack(out) if out else np.empty((len(data), 0)), terms


def ols_log(
    df: pd.DataFrame,
    outcome: str,
    predictors: str | Sequence[str],
    *,
    bound_view: str = "mid",
    linear_predictors: Sequence[str] = (),
    zeros: Literal["refuse", "log1p"] = "refuse",
    ci: float = 0.95,
    min_per_param: float = MIN_PER_PARAM,
) -> pd.DataFrame:
    """OLS of log(outcome) on logged predictors, with HC3 standard errors.

    Model
        log(y) = b0 + sum_j b_j log(x_j) + sum_m c_m z_m + e, fitted by ordinary least squares.
        For a logged predictor, b_j is an elasticity: a 1 % higher x_j goes with about b_j %
        higher y (e.g. funds mobilised vs propaganda sessions). Predictors listed in
        ``linear_predictors`` (dummies, shares, years) enter untransformed and c_m is the
        approximate proportional change, 100 * c_m %, per unit. Assumes the relation is linear
        in logs and errors have mean zero given x; normality is not needed for the HC3 errors.

    Rule for zeros and negatives
        The outcome must be strictly positive: zeros and negatives are refused (a log1p outcome
        changes what the coefficient means; use :func:`fractional_logit` for shares). A logged
        predictor must be non-negative. Zeros in a logged predictor are refused by default
        (``zeros="refuse"``); with ``zeros="log1p"`` *every* logged predictor becomes
        log(1 + x) (named ``log1p(x)`` in the table), so the terms mean the same thing in each
        bound view whichever view happens to contain a zero. log1p is close to log only for
        values well above 1, which counts of sessions, models or VND usually are.

    Standard errors
        HC3 (MacKinnon & White 1985): each squared residual divided by (1 - h_ii)^2, the
        heteroskedasticity-robust choice that performs best when n is small (Long & Ervin
        2000). Intervals and p-values use t with n - k degrees of freedom. HC3 is undefined when
        an observation has leverage 1 (it alone determines a coefficient): such data are
        refused.

    Rows with a missing value in any used column are dropped; ``n`` is the rows used.

    Parameters
    ----------
    df
        One row per unit (or unit-period).
    outcome
        Column of the strictly positive outcome.
    predictors
        Column(s) entered as logs; an intercept is always added.
    bound_view
        Label of the panel view recorded in the table.
    linear_predictors
        Column(s) entered untransformed.
    zeros
        ``"refuse"`` or ``"log1p"``, see above.
    ci, min_per_param
        As in :func:`fractional_logit`.

    Returns
    -------
    pandas.DataFrame
        One row per term (``"Intercept"``, ``"log(x)"`` or ``"log1p(x)"`` terms, then linear
        terms): term, estimate, std_error (HC3), ci_low, ci_high, p_value, n, model
        (``"ols_log"``), bound_view, method.

    Raises
    ------
    InsufficientDataError
        Too few complete rows for the parameters.
    ValueError
        Missing or non-numeric columns, non-positive outcomes, negative or (by default) zero
        logged predictors (rows listed), constant or collinear predictors, leverage-1 rows, or
        an unknown ``zeros`` rule.
    """
    import statsmodels.api as sm

    model = "ols_log"
    if zeros not in ("refuse", "log1p"):
        raise ValueError(f"{model}: zeros must be 'refuse' or 'log1p'; got {zeros!r}")
    logged = _as_list(predictors)
    linear = (
        list(linear_predictors) if not isinstance(linear_predictors, str) else [linear_predictors]
    )
    alpha = _check_level(ci)
    data, dropped = _numeric_frame(df, [outcome, *logged, *linear], model)
    y = data[outcome].to_numpy()
    if (y <= 0).any():
        bad = y <= 0
        raise ValueError(
            f"{model}: outcome {outcome!r} must be > 0 to take its log; rows: "
            f"{_show_rows(data.index[bad], y[bad])}"
        )
    k = 1 + len(logged) + len(linear)
    check_sample_size(len(data), k, min_per_param=min_per_param, model=model)
    _check_design(data, [*logged, *linear], model)
    log_x, log_terms = _log_columns(data, logged, zeros, model)
    X = np.column_stack([np.ones(len(data)), log_x, data[linear].to_numpy()])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError(
            f"{model}: after taking logs the predictors are collinear: drop or combine some"
        )
    leverage = np.einsum("ij,ji->i", X, np.linalg.pinv(X))
    if (leverage > 1 - 1e-8).any():
        rows = data.index[leverage > 1 - 1e-8]
        raise ValueError(
            f"{model}: rows {_show_rows(rows)} have leverage 1 (each alone determines a "
            "coefficient), so HC3 errors are undefined; add data or simplify the model"
        )
    fit = sm.OLS(np.log(y), X).fit(cov_type="HC3")
    df_resid = len(y) - k
    note = f"OLS on log outcome; HC3 SE; t({df_resid}) intervals and p; {dropped} rows dropped"
    terms = ["Intercept", *log_terms, *linear]
    return _coefficient_table(fit, terms, (df_resid, alpha), (model, bound_view, note))


def _coefficient_table(
    fit,
    terms: list[str],
    t_test: tuple[int, float],
    labels: tuple[str, str, str],
    **extra: np.ndarray,
) -> pd.DataFrame:
    """One row per model term (the tidy table of a regression), ``extra`` columns appended.

    Estimates and standard errors are the statsmodels ``fit``'s; intervals and p-values use t
    with ``t_test = (degrees of freedom, alpha)``; n is the observations the fit used.
    ``labels`` are the model, bound view and method note every row carries.
    """
    beta, se = np.asarray(fit.params), np.asarray(fit.bse)
    df_resid, alpha = t_test
    low, high, p_value = _t_inference(beta, se, df_resid, alpha)
    model, bound_view, note = labels
    k = len(terms)
    n = int(fit.nobs)
    return _tidy(
        {
            "term": terms,
            "estimate": beta,
            "std_error": se,
            "ci_low": low,
            "ci_high": high,
            "p_value": p_value,
            "n": [n] * k,
            "model": [model] * k,
            "bound_view": [bound_view] * k,
            "method": [note] * k,
            **extra,
        },
        extra=tuple(extra),
    )


def linear_fit_band(
    x: np.ndarray, y: np.ndarray, grid: np.ndarray, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """OLS of ``y`` on ``x``: fitted mean on ``grid``, its ``level`` band, and the slope.

    The band is the t-interval for the conditional mean,
    ``yhat +/- t * s * sqrt(1/n + (g - xbar)^2 / Sxx)`` with n - 2 degrees of freedom, from
    statsmodels' ``get_prediction().conf_int()`` (moved here from the figures: it is
    statistics; figures only draw it).
    """
    import statsmodels.api as sm

    fit = sm.OLS(np.asarray(y, float), sm.add_constant(np.asarray(x, float))).fit()
    pred = fit.get_prediction(sm.add_constant(np.asarray(grid, float), has_constant="add"))
    band = pred.conf_int(alpha=1 - level)
    return pred.predicted_mean, band[:, 0], band[:, 1], float(fit.params[1])
