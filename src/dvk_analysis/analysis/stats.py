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

#: The panel views of interval-valued claims: lower bound, point (mid) and upper bound.
BOUND_VIEWS: tuple[str, ...] = ("low", "mid", "high")

#: Default minimum number of observations per estimated parameter (intercept included).
MIN_PER_PARAM = 5

#: Columns every tidy table starts with, in this order.
TIDY_COLUMNS: tuple[str, ...] = (
    "term",
    "estimate",
    "std_error",
    "ci_low",
    "ci_high",
    "p_value",
    "n",
    "model",
    "bound_view",
    "method",
)

_RANK_METHODS = ("spearman", "kendall")
_TIE_TOL = 1e-10  # statistics this close to |observed| count as "at least as extreme"
_MAX_ETA = 25.0  # |linear predictor| beyond this means a fitted share within 1e-11 of 0/1
_KENDALL_PAIRWISE_MAX_N = 150  # above this, tau-b row by row with scipy
_CHUNK_CELLS = 2_000_000  # bound on the size of one vectorised block of resamples


class InsufficientDataError(ValueError):
    """Too few observations for the model asked for (see :func:`check_sample_size`)."""


# --------------------------------------------------------------------------------------------
# The guard
# --------------------------------------------------------------------------------------------


def check_sample_size(
    n: int, n_params: int, *, min_per_param: float = MIN_PER_PARAM, model: str = "the model"
) -> None:
    """Refuse a model that has too few observations for its parameters.

    Rule: a model with ``k`` estimated parameters (the intercept counts) needs at least
    ``ceil(min_per_param * k)`` observations, and never fewer than ``k + 1`` (so that a residual
    degree of freedom is left for the standard errors). The default of 5 observations per
    parameter is the *lower* end of the events-per-variable rules of thumb for regression
    (Vittinghoff & McCulloch 2007 found 5-9 often acceptable; 10 is the classic rule): passing
    the guard does not make a model trustworthy, failing it means the table would be noise
    presented as a finding. A rank correlation counts as one parameter, so it needs 5 pairs by
    default (with 4 pairs no two-sided permutation p-value can fall below 0.08).

    Parameters
    ----------
    n
        Observations the model would use (after dropping missing values).
    n_params
        Parameters it estimates, intercept included.
    min_per_param
        Observations required per parameter.
    model
        Name used in the message (e.g. ``"fractional_logit"``).

    Raises
    ------
    InsufficientDataError
        Saying how many observations the model has and how many it needs, e.g.
        "fractional_logit needs at least 10 observations for 2 parameters (5 per parameter);
        got 6".
    ValueError
        When the arguments themselves are not sensible (negative counts and the like).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"check_sample_size: n must be a non-negative integer; got {n!r}")
    if isinstance(n_params, bool) or not isinstance(n_params, (int, np.integer)) or n_params < 1:
        raise ValueError(f"check_sample_size: n_params must be an integer >= 1; got {n_params!r}")
    if not np.isfinite(min_per_param) or min_per_param <= 0:
        raise ValueError(
            f"check_sample_size: min_per_param must be a positive number; got {min_per_param!r}"
        )
    need = max(int(np.ceil(min_per_param * n_params)), n_params + 1)
    if n < need:
        noun = "parameter" if n_params == 1 else "parameters"
        per = f"{min_per_param:g} per parameter"
        raise InsufficientDataError(
            f"{model} needs at least {need} observations for {n_params} {noun} ({per}); got {n}"
        )


# --------------------------------------------------------------------------------------------
# Input checks shared by the models
# --------------------------------------------------------------------------------------------


def _as_list(predictors: str | Sequence[str]) -> list[str]:
    """Accept one predictor name or a sequence of them."""
    if isinstance(predictors, str):
        return [predictors]
    names = list(predictors)
    if not names:
        raise ValueError("predictors is empty: give at least one column name")
    return names


def _show_rows(index: pd.Index, values: np.ndarray | None = None, limit: int = 10) -> str:
    """Format offending row labels (and their values) for an error message."""
    labels = list(index[:limit])
    if values is None:
        shown = ", ".join(repr(label) for label in labels)
    else:
        shown = ", ".join(f"{label!r} ({v:g})" for label, v in zip(labels, values, strict=False))
    more = f" and {len(index) - limit} more" if len(index) > limit else ""
    return shown + more


def _numeric_frame(df: pd.DataFrame, columns: list[str], model: str) -> tuple[pd.DataFrame, int]:
    """Select numeric columns, drop rows with missing values; return the frame and rows dropped.

    Raises a ValueError naming what is wrong: a non-DataFrame, missing columns (with the valid
    ones), duplicated names, non-numeric or infinite values.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{model}: df must be a pandas DataFrame; got {type(df).__name__}")
    if len(set(columns)) != len(columns):
        dupes = sorted({c for c in columns if columns.count(c) > 1})
        raise ValueError(f"{model}: column(s) {dupes} are used more than once (outcome/predictors)")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{model}: column(s) {missing} not in the data; valid columns: {list(df.columns)}"
        )
    sub = df[columns]
    for col in columns:
        if not (pd.api.types.is_numeric_dtype(sub[col]) or pd.api.types.is_bool_dtype(sub[col])):
            raise ValueError(
                f"{model}: column {col!r} is not numeric (dtype {sub[col].dtype}); "
                "convert it first, e.g. with pandas.to_numeric(..., errors='coerce')"
            )
    sub = sub.astype(float)
    kept = sub.dropna()
    values = kept.to_numpy()
    if not np.isfinite(values).all():
        bad_col = next(c for c in columns if not np.isfinite(kept[c].to_numpy()).all())
        rows = kept.index[~np.isfinite(kept[bad_col].to_numpy())]
        raise ValueError(
            f"{model}: column {bad_col!r} has infinite values in rows {_show_rows(rows)}"
        )
    return kept, len(sub) - len(kept)


def _check_design(data: pd.DataFrame, predictors: list[str], model: str) -> None:
    """Refuse constant predictors and collinear designs, which have no estimable coefficient."""
    for col in predictors:
        distinct = data[col].unique()
        if len(distinct) < 2:
            value = f" (all values {distinct[0]:g})" if len(distinct) else ""
            raise ValueError(
                f"{model}: predictor {col!r} is constant{value} in the {len(data)} rows used; "
                "its effect cannot be separated from the intercept: drop it"
            )
    design = np.column_stack([np.ones(len(data)), data[predictors].to_numpy()])
    if np.linalg.matrix_rank(design) < design.shape[1]:
        raise ValueError(
            f"{model}: predictors {predictors} are collinear (one is a linear combination of the "
            "others and the intercept) in the rows used: drop or combine some of them"
        )


def _check_level(ci: float) -> float:
    """Return ``alpha`` for a confidence level, refusing levels outside (0, 1)."""
    if not 0 < ci < 1:
        raise ValueError(f"ci must be a confidence level strictly between 0 and 1; got {ci!r}")
    return 1.0 - ci


def _t_inference(
    estimate: np.ndarray, se: np.ndarray, df_resid: int, alpha: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two-sided t-test and interval: (ci_low, ci_high, p_value) with ``df_resid`` d.o.f."""
    from scipy import stats

    crit = stats.t.ppf(1 - alpha / 2, df_resid)
    with np.errstate(divide="ignore", invalid="ignore"):
        t_stat = estimate / se
    p_value = 2 * stats.t.sf(np.abs(t_stat), df_resid)
    return estimate - crit * se, estimate + crit * se, p_value


def _tidy(rows: dict[str, object], extra: Sequence[str] = ()) -> pd.DataFrame:
    """Build a tidy table with :data:`TIDY_COLUMNS` first, then ``extra``."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    return frame[[*TIDY_COLUMNS, *extra]]


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


def _chunks(total: int, n: int, method: str) -> list[int]:
    """Split ``total`` resamples into blocks whose working arrays stay under a size bound."""
    pairwise = method == "kendall" and n <= _KENDALL_PAIRWISE_MAX_N
    width = n * (n - 1) // 2 if pairwise else n
    size = max(1, _CHUNK_CELLS // max(width, 1))
    return [min(size, total - start) for start in range(0, total, size)]


def _bootstrap(
    x: np.ndarray, y: np.ndarray, method: str, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Statistics of ``n_boot`` pair resamples (NaN for degenerate, constant resamples)."""
    stat = _rank_stat(method)
    out = []
    for size in _chunks(n_boot, len(x), method):
        idx = rng.integers(0, len(x), size=(size, len(x)))
        out.append(stat(x[idx], y[idx]))
    return np.concatenate(out) if out else np.empty(0)


def _permutation_p(
    x: np.ndarray,
    y: np.ndarray,
    observed: float,
    method: str,
    n_perm: int,
    rng: np.random.Generator,
) -> float:
    """Two-sided Monte Carlo permutation p-value with the +1 correction.

    p = (1 + #{b : |T_b| >= |T_obs|}) / (1 + B), where T_b is the statistic after permuting y
    against x (Phipson & Smyth 2010: never 0, and a valid p-value for a random subset of the
    permutations).
    """
    stat = _rank_stat(method)
    extreme = 0
    for size in _chunks(n_perm, len(x), method):
        perms = rng.permuted(np.tile(y, (size, 1)), axis=1)
        values = stat(np.broadcast_to(x, perms.shape), perms)
        extreme += int((np.abs(values) >= abs(observed) - _TIE_TOL).sum())
    return (1 + extreme) / (1 + n_perm)


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
    rng = np.random.default_rng(seed)
    boot = _bootstrap(xv, yv, method, n_boot, rng)
    p_value = _permutation_p(xv, yv, observed, method, n_perm, rng)
    valid = boot[~np.isnan(boot)]
    low, high = np.quantile(valid, [alpha / 2, 1 - alpha / 2]) if len(valid) else (np.nan, np.nan)
    note = (
        f"percentile bootstrap CI ({n_boot} pair resamples, {n_boot - len(valid)} degenerate "
        f"dropped); permutation p, two-sided, +1 corrected ({n_perm} permutations); "
        f"seed={seed}; {int((~keep).sum())} pairs with missing values dropped"
    )
    return _tidy(
        {
            "term": [f"{names[0]} ~ {names[1]}"],
            "estimate": [observed],
            "std_error": [float(valid.std(ddof=1)) if len(valid) > 1 else np.nan],
            "ci_low": [float(low)],
            "ci_high": [float(high)],
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


def _expit(eta: np.ndarray) -> np.ndarray:
    """Logistic function, numerically stable for large |eta|."""
    from scipy.special import expit

    return expit(eta)


def _sandwich_hc1(X: np.ndarray, y: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """HC1 sandwich covariance of the Bernoulli quasi-MLE of a logit mean.

    V = n/(n-k) * A^{-1} B A^{-1}, with A = X' diag(mu(1-mu)) X (the expected information under
    the logit link) and B = X' diag((y-mu)^2) X (the empirical score variance).
    """
    n, k = X.shape
    mu = _expit(X @ beta)
    bread = np.linalg.inv(X.T @ (X * (mu * (1 - mu))[:, None]))
    meat = X.T @ (X * ((y - mu) ** 2)[:, None])
    return bread @ meat @ bread * (n / (n - k))


def _average_marginal_effects(
    X: np.ndarray, beta: np.ndarray, cov: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """AMEs of a logit mean and their delta-method standard errors.

    AME_j = mean_i(beta_j * mu_i * (1 - mu_i)); its gradient in beta_l is
    mean_i(1[j=l] * mu_i(1-mu_i) + beta_j * mu_i(1-mu_i)(1-2 mu_i) * x_il).
    """
    mu = _expit(X @ beta)
    w = mu * (1 - mu)
    ame = beta * w.mean()
    slope = (w * (1 - 2 * mu)) @ X / len(X)  # mean_i of w_i (1 - 2 mu_i) x_il, per l
    grad = np.eye(len(beta)) * w.mean() + np.outer(beta, slope)
    se = np.sqrt(np.einsum("jl,lm,jm->j", grad, cov, grad))
    return ame, se


def _fit_quasi_mle(X: np.ndarray, y: np.ndarray, model: str) -> np.ndarray:
    """Bernoulli quasi-MLE of a logit mean by IRLS (statsmodels GLM), refusing separation.

    statsmodels warns about "perfect separation or prediction" also for a perfect but finite
    fit of shares, so its warning is silenced and separation is detected here instead: the
    fit diverges, or pushes some fitted share within exp(-25) (about 1e-11) of 0 or 1, which
    happens when a predictor splits shares of 0 from shares of 1.
    """
    import warnings

    import statsmodels.api as sm

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=sm.tools.sm_exceptions.PerfectSeparationWarning)
        fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(tol=1e-12, maxiter=200)
    beta = np.asarray(fit.params)
    if not fit.converged or not np.isfinite(beta).all() or np.abs(X @ beta).max() > _MAX_ETA:
        raise ValueError(
            f"{model}: the fit did not converge to finite coefficients (fitted shares reach 0 "
            "or 1): a predictor probably separates shares of 0 from shares of 1; inspect the "
            "data, or drop or coarsen that predictor"
        )
    return beta


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
    beta = _fit_quasi_mle(X, y, model)
    cov = _sandwich_hc1(X, y, beta)
    se = np.sqrt(np.diag(cov))
    df_resid = len(y) - X.shape[1]
    low, high, p_value = _t_inference(beta, se, df_resid, alpha)
    ame, ame_se = _average_marginal_effects(X, beta, cov)
    ame[0] = ame_se[0] = np.nan
    note = (
        f"GLM binomial/logit quasi-MLE; HC1 sandwich SE; t({df_resid}) intervals and p; "
        f"{dropped} rows with missing values dropped"
    )
    k = X.shape[1]
    return _tidy(
        {
            "term": ["Intercept", *names],
            "estimate": beta,
            "std_error": se,
            "ci_low": low,
            "ci_high": high,
            "p_value": p_value,
            "n": [len(y)] * k,
            "model": [model] * k,
            "bound_view": [bound_view] * k,
            "method": [note] * k,
            "ame": ame,
            "ame_std_error": ame_se,
        },
        extra=("ame", "ame_std_error"),
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
    ci
        Confidence level of the intervals.
    min_per_param
        Passed to :func:`check_sample_size`.

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
    beta, se = np.asarray(fit.params), np.asarray(fit.bse)
    df_resid = len(y) - k
    low, high, p_value = _t_inference(beta, se, df_resid, alpha)
    note = f"OLS on log outcome; HC3 SE; t({df_resid}) intervals and p; {dropped} rows dropped"
    return _tidy(
        {
            "term": ["Intercept", *log_terms, *linear],
            "estimate": beta,
            "std_error": se,
            "ci_low": low,
            "ci_high": high,
            "p_value": p_value,
            "n": [len(y)] * k,
            "model": [model] * k,
            "bound_view": [bound_view] * k,
            "method": [note] * k,
        }
    )


# --------------------------------------------------------------------------------------------
# Sensitivity to the bound view
# --------------------------------------------------------------------------------------------


def sensitivity(
    fit_fn: Callable[..., pd.DataFrame], panels: dict[str, pd.DataFrame], **kwargs: object
) -> pd.DataFrame:
    """Fit the same model at each bound view and stack the tables.

    A claim such as "more than 19,300 households" or "nearly 990,000 participants" only bounds
    the true figure, so the panel builder makes three views of every value: the lower bound,
    a point value (mid) and the upper bound. A finding is only as good as its stability across
    them: this function runs ``fit_fn(panel, bound_view=view, **kwargs)`` for each view and
    returns one row per term x view, views in the order low, mid, high, with
    ``sign_consistent`` True for a term whose estimate has the same sign in every view.

    Parameters
    ----------
    fit_fn
        A model of this module (:func:`fractional_logit`, :func:`ols_log`) or any callable
        taking ``(panel, bound_view=..., **kwargs)`` and returning a tidy table with ``term``
        and ``estimate`` columns.
    panels
        Panel per view, keyed by ``"low"``, ``"mid"`` and/or ``"high"``.
    **kwargs
        Passed to every call (outcome, predictors, ...).

    Returns
    -------
    pandas.DataFrame
        The tidy tables stacked (term order of the first view, then view order) plus
        ``sign_consistent``.

    Examples
    --------
    >>> sensitivity(fractional_logit, {"low": lo, "mid": mid, "high": hi},
    ...             outcome="criteria_share", predictors=["sessions", "models"])  # doctest: +SKIP
    >>> sensitivity(lambda p, bound_view: rank_correlation(p["sessions"], p["criteria_share"],
    ...             bound_view=bound_view), panels)  # doctest: +SKIP

    Raises
    ------
    ValueError
        No panels, unknown view names, a table without ``term``/``estimate``, or a model error
        in one view (re-raised with the view named; an :class:`InsufficientDataError` keeps its
        type).
    """
    import pandas as pd

    if not panels:
        raise ValueError(f"sensitivity: panels is empty; give one DataFrame per view {BOUND_VIEWS}")
    unknown = [v for v in panels if v not in BOUND_VIEWS]
    if unknown:
        raise ValueError(
            f"sensitivity: unknown bound view(s) {unknown}; valid: {list(BOUND_VIEWS)}"
        )
    tables = []
    for view in (v for v in BOUND_VIEWS if v in panels):
        try:
            table = fit_fn(panels[view], bound_view=view, **kwargs)
        except ValueError as exc:
            kind = InsufficientDataError if isinstance(exc, InsufficientDataError) else ValueError
            raise kind(f"at bound view {view!r}: {exc}") from exc
        if not {"term", "estimate"} <= set(table.columns):
            raise ValueError(
                f"sensitivity: {getattr(fit_fn, '__name__', fit_fn)!r} returned a table without "
                f"'term' and 'estimate' columns (got {list(table.columns)})"
            )
        tables.append(table.assign(bound_view=view))
    stacked = pd.concat(tables, ignore_index=True)
    order = {term: i for i, term in enumerate(dict.fromkeys(stacked["term"]))}
    view_rank = {v: i for i, v in enumerate(BOUND_VIEWS)}
    stacked = stacked.sort_values(
        by=["term", "bound_view"],
        key=lambda s: s.map(order) if s.name == "term" else s.map(view_rank),
        kind="stable",
    ).reset_index(drop=True)
    signs = np.sign(stacked["estimate"])
    stacked["sign_consistent"] = signs.groupby(stacked["term"]).transform(
        lambda s: s.nunique() == 1 and bool((s != 0).all())
    )
    return stacked


# --------------------------------------------------------------------------------------------
# Caveats
# --------------------------------------------------------------------------------------------


def caveats(
    n: int,
    *,
    n_params: int | None = None,
    model: str | None = None,
    n_tests: int = 1,
    aggregate_units: bool = True,
    reported_claims: bool = True,
    bound_views: bool = False,
) -> list[str]:
    """Plain-language caveats to print under a table of results.

    The thresholds are conventions, not theorems: below 30 observations the normal and t
    approximations behind regression p-values can be poor (permutation p-values are exact in
    size); below 10 a percentile bootstrap has too few distinct resamples to locate the tails
    of its distribution; fewer than 10 observations per parameter makes estimates imprecise
    and prone to over-fitting.

    Parameters
    ----------
    n
        Observations (units) behind the table.
    n_params
        Parameters of the model, intercept included, when it is a regression.
    model
        Model name, mentioned in the first caveat.
    n_tests
        Number of tests reported together (for the multiple-testing caveat).
    aggregate_units
        True when units are provinces, districts or communes rather than people or households.
    reported_claims
        True when the data are figures stated in news or government reports.
    bound_views
        True when values come from qualified claims ("more than", "nearly") so that the low,
        mid and high views should be compared.

    Returns
    -------
    list of str
        One sentence per caveat, the always-applicable ones last.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"caveats: n must be a non-negative integer; got {n!r}")
    what = f"{model} on " if model else ""
    notes = [f"Estimated {what}n = {n} units; every interval and p-value refers to this n."]
    if n < 30:
        notes.append(
            f"With n = {n} (< 30), asymptotic (normal or t) p-values and Wald intervals may be "
            "unreliable: prefer the permutation p-value and treat intervals as approximate."
        )
    if n < 10:
        notes.append(
            f"With n = {n} (< 10), bootstrap intervals are unstable (few distinct resamples) and "
            "tend to be too narrow; a single unit can change the result."
        )
    if n_params is not None and n_params > 0 and n / n_params < 10:
        notes.append(
            f"Only {n / n_params:.1f} observations per parameter ({n_params} parameters): "
            "coefficients are imprecise and the model may over-fit; keep it small."
        )
    if n_tests > 1:
        notes.append(
            f"{n_tests} tests are reported together: about {0.05 * n_tests:.1f} of them would "
            "fall below p = 0.05 by chance alone, with no true association."
        )
    if bound_views:
        notes.append(
            "Qualified figures ('more than', 'nearly') only bound the true values: trust a sign "
            "only if it is the same at the low, mid and high bound views."
        )
    if reported_claims:
        notes.append(
            "Figures come from news and government reports, which tend to report successes: the "
            "units and values observed are a selected, not a random, sample."
        )
    if aggregate_units:
        notes.append(
            "Units are aggregates (provinces, districts, communes): a relation between unit "
            "totals need not hold for households or individuals (ecological inference)."
        )
    notes.append(
        "Observational data: these are associations, not causal effects of propaganda, models "
        "or resources on NTM achievement."
    )
    return notes
