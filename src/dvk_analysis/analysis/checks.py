"""Guards and input checks shared by every model: refuse what the data cannot support.

Split from ``stats.py`` along its seam: these functions decide *whether* a model may be fitted
and turn inputs into clean numeric frames; ``stats.py`` fits the models and ``inference.py``
combines them. Every message names the model, the column and the offending rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

#: The views of interval-valued claims: lower bound, point (mid) and upper bound. One name for
#: the concept everywhere (the panel, the models and the notebooks import it from here).
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
