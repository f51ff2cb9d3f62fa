"""Intensity and achievement metrics: :data:`METRICS` is the only definition of each formula.

Each row of :data:`METRICS` is ``scale x numerator / denominator``; :func:`compute_metrics`
computes them for a table (gaps counted) and :func:`metric` for two Series (strict).
Inputs are aligned pandas Series (one value per panel unit), normally columns of
``reference_join.attach_reference(panel).table``. A metric is computed where its inputs are
present and left missing elsewhere; :func:`compute_metrics` says how many units each metric
lost and why, so nothing disappears silently between the panel and a model.

Households
----------
The reference tables have no household counts or household sizes, and dividing population by an
assumed national average size (about 3.5) would put an invented number into every ratio. The
"per household" metrics therefore divide by ``households_mobilized``, the households the *same
report* says took part: they measure the contribution of a mobilised household, not of an
average household in the unit.

Caveats
-------
* Counts over a multi-year period are divided by a population at one date (see
  ``reference.py``); "per resident" means per resident of the unit, over the whole period.
* Participants are often attendances (one person at several sessions), so a reach above 1 is
  possible and is kept, not clipped.
* Shares are of the criteria or communes *named in the text* when it gives "x of y"; else of
  the national criteria set (``reference.criteria_denominator``) or of the province's communes
  in the reference table, which may count communes at another date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dvk_analysis.codebook import indicators
from dvk_analysis.data.schema import exclusion_table

if TYPE_CHECKING:
    import pandas as pd

PER_10K = 10_000
"""Scale of the "per 10,000 residents" metrics."""


class MetricInputError(ValueError):
    """A metric's input is impossible (zero denominator, share above 1, negative count)."""


def _as_float(series: pd.Series, name: str) -> pd.Series:
    import pandas as pd

    values = pd.to_numeric(series, errors="coerce").astype(float)
    bad = series.notna() & values.isna()
    if bad.any():
        rows = list(series.index[bad][:5])
        raise MetricInputError(f"{name} is not numeric at row(s) {rows}: {list(series[bad][:5])}")
    negative = values < 0
    if negative.any():
        rows = list(values.index[negative][:5])
        raise MetricInputError(f"{name} must be >= 0; negative at row(s) {rows}")
    return values


def _ratio(num: pd.Series, den: pd.Series, num_name: str, den_name: str) -> pd.Series:
    """``num / den`` where both are present; a zero denominator is an error (names the rows)."""
    num, den = _as_float(num, num_name), _as_float(den, den_name)
    zero = den.eq(0) & num.notna()
    if zero.any():
        rows = list(den.index[zero][:5])
        raise MetricInputError(
            f"{den_name} is zero at row(s) {rows}; a ratio {num_name}/{den_name} is undefined "
            "(fix the reference value or drop the unit)"
        )
    return num / den


@dataclass(frozen=True)
class MetricSpec:
    """One metric of :func:`compute_metrics`: ``scale x numerator / denominator``."""

    name: str
    numerator: str
    denominator: str
    scale: float = 1.0
    is_share: bool = False


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("propaganda_reach", "propaganda_participants", "population"),
    MetricSpec("sessions_per_10k", "propaganda_sessions", "population", PER_10K),
    MetricSpec("legal_education_reach", "legal_education_participants", "population"),
    MetricSpec("models_per_10k", "dvk_models", "population", PER_10K),
    MetricSpec("models_per_commune", "dvk_models", "n_communes"),
    MetricSpec("funds_per_resident", "funds_mobilized", "population"),
    MetricSpec("land_per_resident", "land_donated", "population"),
    MetricSpec("working_days_per_resident", "working_days", "population"),
    MetricSpec("funds_per_household", "funds_mobilized", "households_mobilized"),
    MetricSpec("land_per_household", "land_donated", "households_mobilized"),
    MetricSpec("working_days_per_household", "working_days", "households_mobilized"),
    MetricSpec("criteria_share", "ntm_criteria_met", "criteria_denominator", is_share=True),
    MetricSpec("ntm_commune_share", "communes_meeting_ntm", "communes_denominator", is_share=True),
)
"""The metrics :func:`compute_metrics` computes (researchers add rows here)."""


@dataclass(frozen=True)
class MetricTable:
    """Metric values per unit and, for each metric, the units it could not be computed for.

    ``exclusions`` has the one layout :data:`dvk_analysis.data.schema.EXCLUSION_COLUMNS`:
    step ``metrics``, reason ``"<metric>: <why>"``, count, ids (';'-joined index labels of
    the input table).
    """

    values: pd.DataFrame
    exclusions: pd.DataFrame


def _criteria_denominators(table: pd.DataFrame) -> pd.Series:
    """Denominator given in the text, else the national set for the unit's level and period."""
    import pandas as pd

    from dvk_analysis.data.reference import criteria_denominators

    nan = pd.Series(float("nan"), index=table.index)
    given = pd.to_numeric(table.get("ntm_criteria_met__denominator", nan), errors="coerce")
    levels = table.get("admin_level", nan.astype(object))
    national = criteria_denominators(levels, table.get("period_end", nan))
    return given.astype(float).fillna(national)


def _communes_denominators(table: pd.DataFrame) -> pd.Series:
    """``communes_meeting_ntm__denominator`` when given, else the province's ``n_communes``."""
    import pandas as pd

    nan = pd.Series(float("nan"), index=table.index)
    given = pd.to_numeric(table.get("communes_meeting_ntm__denominator", nan), errors="coerce")
    is_prov = table["admin_level"].eq("province") if "admin_level" in table else nan.notna()
    fallback = pd.to_numeric(table.get("n_communes", nan), errors="coerce").where(is_prov)
    return given.astype(float).fillna(fallback.astype(float))


def _lookup(name: str, metrics: Sequence[MetricSpec]) -> MetricSpec:
    from dvk_analysis.errors import unknown_choice

    for spec in metrics:
        if spec.name == name:
            return spec
    raise ValueError(unknown_choice("metric", name, [m.name for m in metrics]))


def metric(name: str, numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """One metric of :data:`METRICS` on aligned Series, raising on impossible inputs.

    ``metric("sessions_per_10k", sessions, population)`` is ``10,000 x sessions / population``.
    The strict form for a caller that holds two columns: a negative or non-numeric value, a
    zero denominator, or a share above 1 raises :class:`MetricInputError` naming the rows.

    Raises
    ------
    MetricInputError
        As above. ValueError for a metric name not in :data:`METRICS` (closest name given).
    """
    spec = _lookup(name, METRICS)
    result = spec.scale * _ratio(numerator, denominator, spec.numerator, spec.denominator)
    if spec.is_share:
        above = result > 1
        if above.any():
            rows = list(result.index[above][:5])
            raise MetricInputError(f"{spec.name} above 1 at row(s) {rows}: part > whole")
    return result


def compute_metrics(table: pd.DataFrame, metrics: Sequence[MetricSpec] = METRICS) -> MetricTable:
    """Compute every metric in ``metrics`` for every row of ``table``.

    ``table`` is normally ``attach_reference(panel).table``. A metric whose numerator is present
    but whose denominator is missing, zero, or gives a share above 1 is left missing for that
    row and counted in ``exclusions`` (so one unit without a population does not stop a
    report). A negative or non-numeric input is impossible data, not a gap: it raises
    :class:`MetricInputError` naming the column and rows (-3 sessions must never become -3,000
    sessions per 10,000 residents). Indicator columns absent from the table yield an
    all-missing metric.
    """
    import numpy as np
    import pandas as pd

    nan = pd.Series(np.nan, index=table.index)
    derived = {
        "criteria_denominator": _criteria_denominators(table),
        "communes_denominator": _communes_denominators(table),
    }
    values, excl = {}, []
    for spec in metrics:
        num = _as_float(table.get(spec.numerator, nan), spec.numerator)
        den = derived.get(spec.denominator)
        if den is None:
            den = _as_float(table.get(spec.denominator, nan), spec.denominator)
        result = spec.scale * num / den.where(den != 0)
        checks = [
            (f"no {spec.denominator}", num.notna() & den.isna()),
            (f"{spec.denominator} is zero", num.notna() & den.eq(0)),
        ]
        if spec.is_share:
            checks.append(("share above 1", result > 1))
            result = result.where(~(result > 1))
        excl += [("metrics", f"{spec.name}: {why}", table.index[mask]) for why, mask in checks]
        values[spec.name] = result
    return MetricTable(pd.DataFrame(values, index=table.index), exclusion_table(excl))


# --- coverage -------------------------------------------------------------------------------

_UNIT = ("place", "admin_level", "province", "period_start", "period_end")


def coverage(data, indicators_: Sequence[str] | None = None) -> pd.DataFrame:
    """Which unit has which indicator for which period: a unit x indicator table of counts.

    Parameters
    ----------
    data
        A ``Panel`` (counts = ``n_claims`` behind each cell), a panel's long table, or
        observation rows (counts = rows). Rows are units (``place, admin_level, province,
        period_start, period_end``), sorted; a 0 is a gap, which is the point: the table feeds a
        heat map of what the corpus does *not* say.
    indicators_
        Columns to show, in this order; by default every indicator present, in codebook order.

    Raises
    ------
    ValueError
        When an indicator is not in the codebook, or ``data`` lacks the unit columns.
    """
    long = data.long if hasattr(data, "long") else data
    vocab = list(indicators())
    wanted = list(indicators_) if indicators_ is not None else None
    unknown = [i for i in (wanted or []) if i not in vocab]
    if unknown:
        raise ValueError(f"unknown indicator(s) {unknown}; valid: {', '.join(vocab)}")
    missing = [c for c in (*_UNIT, "indicator") if c not in long.columns]
    if missing:
        raise ValueError(f"coverage needs column(s) {missing}; got {list(long.columns)}")
    weight = long["n_claims"] if "n_claims" in long.columns else 1
    frame = long.assign(_w=weight)
    if "place_key" in frame.columns:  # a panel: one display name per unit, as in Panel.table
        unit = ["place_key", *_UNIT[1:]]
        first = frame.groupby(unit, dropna=False, sort=False)["place"].transform("first")
        frame = frame.assign(place=first)
    keys = frame[list(_UNIT)].astype("string").fillna("")
    frame = frame.assign(**{c: keys[c] for c in _UNIT})
    counts = frame.pivot_table(
        index=list(_UNIT), columns="indicator", values="_w", aggfunc="sum", fill_value=0
    )
    columns = wanted or [i for i in vocab if i in counts.columns]
    counts = counts.reindex(columns=columns, fill_value=0).astype(int)
    counts.columns.name = "indicator"
    return counts.sort_index()
