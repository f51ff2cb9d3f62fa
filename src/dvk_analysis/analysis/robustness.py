"""Robustness notes for any tidy table: the bound-view re-run and plain-language caveats.

Split from ``stats.py`` (which fits models) along its seam: these functions do not fit
anything; they re-run a model at each bound view or say what a result cannot bear.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from dvk_analysis.analysis.checks import BOUND_VIEWS, InsufficientDataError

if TYPE_CHECKING:
    import pandas as pd


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
