"""Inference on matched province data: across provinces, within provinces, and its bookkeeping.

Estimands
---------
* **Cross-province association** (:func:`cross_province`): Spearman's rank correlation, over
  provinces, between a predictor rate and the NTM share of a date at or after the predictor's
  period (each province at its latest such date), with n, a paired bootstrap interval and a
  permutation p-value; and the average marginal effect of a fractional logit of the share on
  the rate. It describes how provinces differ, not what a province would gain.
* **Within-province change** (:func:`within_province`): the slope of the change in a
  province's NTM share between two of its dates on the change in its predictor rate (first
  differences), pooled over provinces, with standard errors clustered by province and a
  province-cluster bootstrap interval. Fixed characteristics of a province drop out; trends
  shared by all provinces do not.

Bookkeeping
-----------
Every table carries its own ``n``; :func:`holm` adjusts the p-values of a named family of tests;
:func:`bounds_box` reports the range of a statistic over every combination of low/high values
of qualified figures; :func:`selection` compares provinces with and without claims;
:func:`ceiling` says which outcome to use when most shares are 1.0. Units below the province
share their province's outcome and are not independent: :func:`require_province_level` refuses
them rather than treating them as independent observations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from dvk_analysis.analysis.checks import InsufficientDataError, check_sample_size

if TYPE_CHECKING:
    import pandas as pd

SEED = 20240601
"""Seed of every random draw here (identical results on re-run)."""

CEILING = 0.999
"""A share at or above this counts as "at the ceiling" (every rural commune recognised)."""


def require_province_level(level: str) -> None:
    """Refuse inference on units below the province.

    District and commune units carry their province's outcome: treating them as independent
    would count one province's figure many times and shrink every interval.
    """
    if level != "province":
        raise InsufficientDataError(
            f"inference at {level} level refused: {level} units share their province's NTM "
            "outcome and are not independent; analyse provinces (or cluster by province)"
        )


def holm(table: pd.DataFrame, family: str, p_column: str = "p_value") -> pd.DataFrame:
    """Add ``p_holm`` (Holm step-down adjusted p) and ``family`` to a table of tests.

    The family is every test reported together for one question; naming it lets a reader
    see what was adjusted for. Missing p-values stay missing and do not count as tests.
    """
    from statsmodels.stats.multitest import multipletests

    out = table.copy()
    if p_column not in out:  # every test refused
        out[p_column] = np.nan
    p = out[p_column].astype(float)
    has = p.notna().to_numpy()
    adjusted = np.full(len(out), np.nan)
    if has.any():
        adjusted[has] = multipletests(p[has].to_numpy(), method="holm")[1]
    return out.assign(p_holm=adjusted, family=f"{family} ({int(has.sum())} tests)")


def cross_province(
    data: pd.DataFrame,
    *,
    x: str = "x",
    y: str = "share",
    label: str = "",
    n_resamples: int = 2000,
    seed: int = SEED,
) -> pd.DataFrame:
    """Spearman correlation and fractional-logit AME across provinces (one row each).

    ``data`` has one row per province (:func:`dvk_analysis.analysis.matched.cross_section`).
    A test the sample cannot support is returned with its refusal in ``note`` and no estimate.
    """
    import pandas as pd

    from dvk_analysis.analysis import stats

    rows = []
    pair = data[[x, y]].dropna()
    try:
        rho = stats.rank_correlation(pair[x], pair[y], n_boot=n_resamples, seed=seed)
        rows.append(rho.assign(term=label or f"{x} ~ {y}", note=""))
    except (InsufficientDataError, ValueError) as error:
        rows.append(_refused("spearman", label, len(pair), error))
    try:
        fit = stats.fractional_logit(pair.rename(columns={x: "x"}), y, ["x"])
        slope = fit[fit["term"] == "x"].assign(
            term=label or f"{x} ~ {y}",
            estimate=lambda f: f["ame"],
            std_error=lambda f: f["ame_std_error"],
            note="estimate = average marginal effect (share per unit of x)",
        )
        z = slope["ame"] / slope["ame_std_error"]
        from scipy import stats as st

        df_resid = len(pair) - 2
        crit = st.t.ppf(0.975, df_resid)
        slope = slope.assign(
            ci_low=slope["ame"] - crit * slope["ame_std_error"],
            ci_high=slope["ame"] + crit * slope["ame_std_error"],
            p_value=2 * st.t.sf(np.abs(z), df_resid),
        )
        rows.append(slope)
    except (InsufficientDataError, ValueError) as error:
        rows.append(_refused("fractional_logit", label, len(pair), error))
    return pd.concat(rows, ignore_index=True)


def refusal(model: str, label: str, n: int, why: str) -> pd.DataFrame:
    """A tidy row for a test the sample cannot support: no estimate, its n, the reason."""
    import pandas as pd

    from dvk_analysis.analysis.checks import TIDY_COLUMNS

    row = dict.fromkeys(TIDY_COLUMNS, np.nan)
    row |= {"term": label, "n": n, "model": model, "bound_view": "mid", "method": ""}
    return pd.DataFrame([{**row, "note": f"refused: {why}"}])


def _refused(model: str, label: str, n: int, error: Exception) -> pd.DataFrame:
    return refusal(model, label, n, str(error))


def first_difference_rows(matched: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The matched rows first differences use, and the provinces with too few dates.

    Per province, ordered by outcome date, one row per distinct predictor period (the latest
    outcome it is matched to); provinces with fewer than two such rows are named, not used.
    """
    import pandas as pd

    kept, too_few = [], []
    for province, group in matched.sort_values("date_key").groupby("province", sort=True):
        group = group.drop_duplicates("x_period", keep="last")
        (kept if len(group) >= 2 else too_few).append(group if len(group) >= 2 else province)
    rows = pd.concat(kept, ignore_index=True) if kept else matched.iloc[:0]
    return rows, [str(p) for p in too_few]


def first_differences(matched: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Consecutive changes within each province, and the provinces with too few dates.

    A change needs two outcome dates of one province whose matched predictors differ in
    period; ``dx`` is the change in the predictor, ``dy`` in the share, ``dt_years`` the years
    between the two outcome dates.
    """
    import pandas as pd

    rows, too_few = first_difference_rows(matched)
    frames = []
    for province, group in rows.groupby("province", sort=True):
        frames.append(
            pd.DataFrame(
                {
                    "province": province,
                    "from_date": group["date"].to_numpy()[:-1],
                    "to_date": group["date"].to_numpy()[1:],
                    "dx": np.diff(group["x"].to_numpy(dtype=float)),
                    "dy": np.diff(group["share"].to_numpy(dtype=float)),
                    "dt_years": np.diff(group["date_key"].to_numpy() // 10000),
                }
            )
        )
    cols = ["province", "from_date", "to_date", "dx", "dy", "dt_years"]
    changes = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    return changes, too_few


def cluster_bootstrap(
    data: pd.DataFrame,
    cluster: str,
    statistic: Callable[[pd.DataFrame], float],
    *,
    n_resamples: int = 2000,
    seed: int = SEED,
    level: float = 0.95,
) -> tuple[float, float, int]:
    """Percentile interval of ``statistic`` resampling whole clusters with replacement.

    Rows of one cluster (a province) are not independent; resampling clusters keeps their
    dependence. Returns ``(low, high, valid resamples)``; resamples where the statistic is
    undefined (e.g. no variation in x) are dropped and counted.
    """
    rng = np.random.default_rng(seed)
    rows = [
        np.asarray(idx) for idx in data.reset_index(drop=True).groupby(cluster).indices.values()
    ]
    frame = data.reset_index(drop=True)
    draws = []
    for _ in range(n_resamples):
        pick = rng.integers(0, len(rows), len(rows))
        sample = frame.iloc[np.concatenate([rows[i] for i in pick])].reset_index(drop=True)
        try:
            value = statistic(sample)
        except (ValueError, np.linalg.LinAlgError):
            continue
        if np.isfinite(value):
            draws.append(value)
    if not draws:
        return np.nan, np.nan, 0
    alpha = (1 - level) / 2
    low, high = np.quantile(draws, [alpha, 1 - alpha])
    return float(low), float(high), len(draws)


def disagreement(p_value: float, low: float, high: float, n_provinces: int) -> str:
    """A caveat when the cluster-robust p-value and the cluster-bootstrap interval disagree.

    With few provinces both are approximations that can point different ways (one province's
    change can carry the slope); a reader must not quote the one that looks better.
    """
    if not (np.isfinite(p_value) and np.isfinite(low) and np.isfinite(high)):
        return ""
    if (p_value < 0.05) == (low > 0 or high < 0):
        return ""
    return (
        f"the cluster-robust p and the cluster-bootstrap CI disagree ({n_provinces} provinces): "
        "too few clusters for either to be trusted"
    )


FEW_CLUSTERS = 10
"""Below this many provinces, cluster-robust p-values over-reject even with t(G - 1) and a
cluster bootstrap has too few distinct resamples (Cameron and Miller 2015, section VI)."""


def few_clusters(n_provinces: int) -> str:
    """A caveat for a within-province result resting on fewer than ``FEW_CLUSTERS`` provinces.

    p-value and interval may agree and still both be too narrow: with five provinces one
    province's change can carry the slope. The reader is told to read the sign only.
    """
    if n_provinces >= FEW_CLUSTERS:
        return ""
    return (
        f"only {n_provinces} provinces: below {FEW_CLUSTERS} clusters the p-value and interval "
        "are too optimistic; read the sign, not the precision"
    )


def _slope(frame: pd.DataFrame) -> float:
    """OLS slope of dy on dx with an intercept (a common trend)."""
    if np.ptp(frame["dx"].to_numpy(dtype=float)) == 0:
        raise ValueError("dx constant")
    return float(np.polyfit(frame["dx"].astype(float), frame["dy"].astype(float), 1)[0])


def within_province(
    matched: pd.DataFrame,
    *,
    label: str = "",
    min_provinces: int = 5,
    n_resamples: int = 2000,
    seed: int = SEED,
) -> tuple[pd.DataFrame, list[str]]:
    """First-difference slope dy ~ dx, SEs clustered by province, cluster-bootstrap interval.

    Returns the one-row tidy table (``n`` = changes, ``n_provinces``, ``note``) and the
    provinces with too few dates (named, so a reader sees who is missing). Refused, with the
    reason in ``note``, when fewer than ``min_provinces`` provinces contribute a change.
    """
    import pandas as pd
    import statsmodels.api as sm

    changes, too_few = first_differences(matched)
    n_prov = changes["province"].nunique() if len(changes) else 0
    base = {"term": label or "d(share) ~ d(x)", "n": len(changes), "n_provinces": n_prov}
    base |= {"model": "first_differences"}
    try:
        check_sample_size(
            int(n_prov), 2, min_per_param=min_provinces / 2, model="first_differences"
        )
        if np.ptp(changes["dx"].to_numpy(dtype=float)) == 0:
            raise ValueError("the predictor does not change within any province")
    except (InsufficientDataError, ValueError) as error:
        why = f"{error} (provinces with at least two dates: {n_prov})"
        out = refusal("first_differences", base["term"], len(changes), why)
        return out.assign(n_provinces=n_prov), too_few
    X = sm.add_constant(changes["dx"].astype(float).to_numpy())
    groups = pd.factorize(changes["province"])[0]
    fit = sm.OLS(changes["dy"].astype(float).to_numpy(), X).fit(
        cov_type="cluster", cov_kwds={"groups": groups}, use_t=True
    )
    low, high, valid = cluster_bootstrap(
        changes, "province", _slope, n_resamples=n_resamples, seed=seed
    )
    p_value = float(fit.pvalues[1])
    row = {
        **base,
        "estimate": float(fit.params[1]),
        "std_error": float(fit.bse[1]),
        "ci_low": low,
        "ci_high": high,
        "p_value": p_value,
        "method": (
            "OLS of d(share) on d(x) with intercept; SE clustered by province, t with "
            f"{n_prov - 1} df; percentile province-cluster bootstrap CI ({valid} of "
            f"{n_resamples} resamples valid; seed {seed})"
        ),
        "note": disagreement(p_value, low, high, n_prov) or few_clusters(n_prov),
    }
    return pd.DataFrame([row]), too_few


def fixed_effect_rows(matched: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows province fixed effects use (provinces with two or more predictor periods, one
    row per province and period) and how many provinces were dropped for having one."""
    counts = matched.groupby("province")["x_period"].nunique()
    keep = counts[counts >= 2].index
    data = matched[matched["province"].isin(keep)].drop_duplicates(["province", "x_period"])
    return data, int((counts < 2).sum())


def fixed_effects(
    matched: pd.DataFrame, *, label: str = "", min_provinces: int = 5
) -> pd.DataFrame:
    """Province fixed effects: share ~ x + province dummies, SEs clustered by province.

    The companion of :func:`within_province`: it uses every dated pair of a province at once
    (deviations from the province's mean) rather than consecutive changes. Provinces with one
    date carry no within information and are dropped before fitting (counted in ``note``).
    """
    import pandas as pd
    import statsmodels.formula.api as smf

    data, dropped = fixed_effect_rows(matched)
    keep = data["province"].unique()
    term = label or "share ~ x | province"
    if len(keep) < min_provinces or np.ptp(data["x"].to_numpy(dtype=float)) == 0:
        why = f"{len(keep)} province(s) with two or more dated pairs; {min_provinces} needed"
        return refusal("fixed_effects", term, len(data), why).assign(n_provinces=len(keep))
    data = data.assign(x=data["x"].astype(float), share=data["share"].astype(float))
    fit = smf.ols("share ~ x + C(province)", data=data).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["province"])[0]}, use_t=True
    )
    low, high = fit.conf_int().loc["x"]
    row = {
        "term": term,
        "estimate": float(fit.params["x"]),
        "std_error": float(fit.bse["x"]),
        "ci_low": float(low),
        "ci_high": float(high),
        "p_value": float(fit.pvalues["x"]),
        "n": len(data),
        "n_provinces": len(keep),
        "model": "fixed_effects",
        "bound_view": "mid",
        "method": f"OLS with province dummies; SE clustered by province, t with {len(keep) - 1} df",
        "note": "; ".join(
            part
            for part in (
                f"{dropped} province(s) with one date dropped" if dropped else "",
                few_clusters(len(keep)),
            )
            if part
        ),
    }
    return pd.DataFrame([row])


def bounds_box(
    data: pd.DataFrame,
    statistic: Callable[[np.ndarray, np.ndarray], np.ndarray | float],
    *,
    x: tuple[str, str] = ("x_low", "x_high"),
    y: tuple[str, str] = ("share_low", "share_high"),
    exhaustive_max: int = 6,
    n_random: int = 2000,
    seed: int = SEED,
) -> tuple[float, float, str]:
    """Min and max of ``statistic(x, y)`` when every unit's x and y sit at their low or high.

    A qualified figure ("nearly 8,000") is a range; a conclusion must hold wherever in the
    box the true values lie, not only at all-low or all-high. For up to ``exhaustive_max``
    units every corner is tried (4,096 for 6); beyond that, the all-low/all-high corners, the
    two corners that push x and y together or apart, and ``n_random`` random corners (a
    search, so the true range may be slightly wider: the method string says which was done).

    ``statistic`` takes two arrays of shape (corners, units), one corner per row, and returns
    one value per row (:func:`spearman`, :func:`ame`, :func:`fd_slope`, :func:`fe_slope` do).
    """
    xl, xh = (data[c].to_numpy(dtype=float) for c in x)
    yl, yh = (data[c].to_numpy(dtype=float) for c in y)
    n = len(data)
    if n <= exhaustive_max:
        corners = (np.arange(2 ** (2 * n))[:, None] >> np.arange(2 * n)) & 1
        how = f"exhaustive ({len(corners)} corners)"
    else:
        rng = np.random.default_rng(seed)
        ym = (yl + yh) / 2 > np.median((yl + yh) / 2)
        xm = (xl + xh) / 2 > np.median((xl + xh) / 2)
        fixed = [
            np.zeros(2 * n),
            np.ones(2 * n),
            np.r_[xm, ym],  # together: the larger units high on both sides
            np.r_[xm, ~ym],  # apart: the larger x high, the larger share low
        ]
        corners = np.vstack([*fixed, rng.integers(0, 2, (n_random, 2 * n))]).astype(int)
        how = f"search ({len(corners)} corners: extremes, together/apart, random)"
    corners = corners.astype(bool)
    xs = np.where(corners[:, :n], xh, xl)
    ys = np.where(corners[:, n:], yh, yl)
    values = np.atleast_1d(np.asarray(statistic(xs, ys), dtype=float))
    values = values[np.isfinite(values)]
    if not len(values):
        return np.nan, np.nan, how + "; the statistic is undefined at every corner"
    return float(values.min()), float(values.max()), how


def _rows(xv: np.ndarray, yv: np.ndarray) -> tuple[np.ndarray, np.ndarray, bool]:
    """Both sides as 2-D float arrays (one problem per row) and whether the input was 1-D."""
    xa, ya = np.asarray(xv, dtype=float), np.asarray(yv, dtype=float)
    return np.atleast_2d(xa), np.atleast_2d(ya), xa.ndim == 1


def _out(values: np.ndarray, single: bool) -> np.ndarray | float:
    return float(values[0]) if single else values


def spearman(xv: np.ndarray, yv: np.ndarray) -> np.ndarray | float:
    """Spearman's rho of x and y (NaN for a constant side); one per row for 2-D input."""
    from scipy.stats import rankdata

    X, Y, single = _rows(xv, yv)
    rx = rankdata(X, axis=1)
    ry = rankdata(Y, axis=1)
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    den = np.sqrt((rx * rx).sum(axis=1) * (ry * ry).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        rho = np.where(den > 0, (rx * ry).sum(axis=1) / np.where(den > 0, den, 1), np.nan)
    return _out(rho, single)


def ame(xv: np.ndarray, yv: np.ndarray, *, iterations: int = 50) -> np.ndarray | float:
    """Average marginal effect of x in a fractional logit of y on x with an intercept.

    The same point estimate as :func:`dvk_analysis.analysis.stats.fractional_logit`'s AME
    (the Bernoulli quasi-likelihood maximised by Newton's method), computed without
    statsmodels, for every row of 2-D input at once, so that the bounds box can refit it at
    thousands of corners. NaN when x is constant or the fit does not converge.
    """
    X, Y, single = _rows(xv, yv)
    scale = X.std(axis=1, keepdims=True)
    ok = scale[:, 0] > 0
    z = (X - X.mean(axis=1, keepdims=True)) / np.where(scale > 0, scale, 1)
    b0, b1 = np.zeros(len(X)), np.zeros(len(X))
    converged = np.zeros(len(X), dtype=bool)
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(b0[:, None] + b1[:, None] * z)))
        w = p * (1 - p)
        r = Y - p
        g0, g1 = r.sum(axis=1), (z * r).sum(axis=1)
        h00, h01, h11 = w.sum(axis=1), (w * z).sum(axis=1), (w * z * z).sum(axis=1)
        det = h00 * h11 - h01 * h01
        det = np.where(np.abs(det) > 1e-300, det, np.nan)
        s0 = (h11 * g0 - h01 * g1) / det
        s1 = (h00 * g1 - h01 * g0) / det
        b0, b1 = b0 + s0, b1 + s1
        converged = np.nan_to_num(np.maximum(np.abs(s0), np.abs(s1)), nan=np.inf) < 1e-10
        if converged.all():
            break
    p = 1 / (1 + np.exp(-(b0[:, None] + b1[:, None] * z)))
    effect = (p * (1 - p)).mean(axis=1) * b1 / np.where(ok, scale[:, 0], 1)
    return _out(np.where(ok & converged, effect, np.nan), single)


def _slopes(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """OLS slope with an intercept of each row of dy on the same row of dx."""
    dxc = dx - dx.mean(axis=1, keepdims=True)
    dyc = dy - dy.mean(axis=1, keepdims=True)
    sxx = (dxc * dxc).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sxx > 0, (dxc * dyc).sum(axis=1) / np.where(sxx > 0, sxx, 1), np.nan)


def fd_slope(provinces: Sequence[str]) -> Callable[[np.ndarray, np.ndarray], np.ndarray | float]:
    """``statistic(x, y)``: the first-difference slope for rows ordered as
    :func:`first_difference_rows` returns them (``provinces`` is their province column)."""
    groups = np.asarray(provinces)
    same = groups[1:] == groups[:-1]

    def slope(xv: np.ndarray, yv: np.ndarray) -> np.ndarray | float:
        X, Y, single = _rows(xv, yv)
        if same.sum() < 2:
            return _out(np.full(len(X), np.nan), single)
        return _out(_slopes(np.diff(X, axis=1)[:, same], np.diff(Y, axis=1)[:, same]), single)

    return slope


def fe_slope(provinces: Sequence[str]) -> Callable[[np.ndarray, np.ndarray], np.ndarray | float]:
    """``statistic(x, y)``: the province fixed-effects slope (within-province deviations)."""
    codes = np.unique(np.asarray(provinces), return_inverse=True)[1]
    onehot = np.eye(codes.max() + 1 if len(codes) else 0)[codes]  # units x provinces
    counts = onehot.sum(axis=0)

    def slope(xv: np.ndarray, yv: np.ndarray) -> np.ndarray | float:
        X, Y, single = _rows(xv, yv)
        xd = X - ((X @ onehot) / counts)[:, codes]
        yd = Y - ((Y @ onehot) / counts)[:, codes]
        sxx = (xd * xd).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.where(sxx > 0, (xd * yd).sum(axis=1) / np.where(sxx > 0, sxx, 1), np.nan)
        return _out(out, single)

    return slope


BOX_COLUMNS: tuple[str, ...] = (
    "term", "model", "n", "n_provinces", "box_min", "box_max", "sign_robust", "how",
)  # fmt: skip
"""Columns of :func:`box_rows`."""


def box_rows(
    section: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    label: str,
    min_provinces: int = 5,
    n_random: int = 2000,
    seed: int = SEED,
) -> pd.DataFrame:
    """The bounds box of every statistic: Spearman's rho and the fractional-logit AME across
    provinces (``section``, one row per province), the first-difference and fixed-effects
    slopes within provinces (``pairs``, every matched row).

    ``box_min``/``box_max`` are the statistic's range when each unit's predictor and share sit
    at their low or high bound independently (:func:`bounds_box`); ``sign_robust`` is True
    when the whole range is on one side of zero. A statistic the sample cannot support (the
    same guard as its model) has no range, and ``how`` says why.
    """
    import pandas as pd

    cross = section.dropna(subset=["x", "share"])
    fd, _ = first_difference_rows(pairs)
    fe, _ = fixed_effect_rows(pairs)
    jobs = [
        ("spearman", cross, spearman, 5, "fewer than 5 provinces"),
        ("fractional_logit", cross, ame, 10, "fewer than 10 provinces"),
        ("first_differences", fd, fd_slope(fd["province"]), None, ""),
        ("fixed_effects", fe, fe_slope(fe["province"]), None, ""),
    ]
    rows = []
    for model, data, statistic, min_n, why in jobs:
        n_prov = int(data["province"].nunique()) if len(data) else 0
        if min_n is None:
            min_n = 1 if n_prov >= min_provinces else len(data) + 1
            why = f"fewer than {min_provinces} provinces with two or more dates"
        row = {"term": label, "model": model, "n": len(data), "n_provinces": n_prov}
        if len(data) < min_n:
            rows.append(row | {"box_min": np.nan, "box_max": np.nan, "sign_robust": False,
                               "how": f"not computed: {why}"})  # fmt: skip
            continue
        low, high, how = bounds_box(data, statistic, n_random=n_random, seed=seed)
        robust = bool(low > 0 or high < 0)
        rows.append(row | {"box_min": low, "box_max": high, "sign_robust": robust, "how": how})
    return pd.DataFrame(rows, columns=list(BOX_COLUMNS))


def selection(
    reporting: Sequence[str], provinces: pd.DataFrame, columns: Sequence[str]
) -> pd.DataFrame:
    """Compare provinces with claims against those without, column by column.

    Reports selection: news reports successes, so provinces that report may differ from the
    rest. For each column: n and median in each group, and a two-sided Mann-Whitney p-value.
    """
    import pandas as pd
    from scipy.stats import mannwhitneyu

    has = provinces["province"].isin(list(reporting))
    rows = []
    for col in columns:
        a = provinces.loc[has, col].dropna().astype(float)
        b = provinces.loc[~has, col].dropna().astype(float)
        p = mannwhitneyu(a, b).pvalue if len(a) and len(b) else np.nan
        rows.append(
            {
                "column": col,
                "n_with_claims": len(a),
                "median_with_claims": a.median() if len(a) else np.nan,
                "n_without": len(b),
                "median_without": b.median() if len(b) else np.nan,
                "p_value": float(p),
                "method": "Mann-Whitney U, two-sided",
            }
        )
    return pd.DataFrame(rows)


def ceiling(latest: pd.DataFrame, *, threshold: float = 0.5) -> tuple[str, str]:
    """Which outcome to use: ``("standard", why)`` or ``("advanced", why)``.

    When more than ``threshold`` of the provinces' latest standard shares are at 1.0 the
    standard share cannot rank them; the advanced-tier share (or the change over the period)
    still varies. The reason is returned in words for the notebook.
    """
    shares = latest["share"].dropna().astype(float)
    if shares.empty:
        return "standard", "no standard shares: nothing to check"
    at = float((shares >= CEILING).mean())
    text = f"{at:.0%} of {len(shares)} provinces' latest standard shares are at 1.0"
    if at > threshold:
        return "advanced", text + ": the advanced-tier share is used as the outcome"
    return "standard", text + ": the standard share still varies and is used"
