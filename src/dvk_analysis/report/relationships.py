"""The cross-unit question: does more propaganda, more models or more resources go with more
NTM achievement?

``notebooks/03_relationships.ipynb`` is narrative around these functions. The chain is the
package's one-way data flow: observations -> panel (one bound view) -> reference joins ->
metrics -> one row per unit (:func:`unit_table`) -> statistics (:func:`analyse`).

One row per unit: a unit reports its figures for different periods (models "2013 to now",
NTM status "as of June 2024"); each column takes the unit's latest reported value. That mixes
periods within a row, which :func:`caveats` states next to every result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.analysis.checks import BOUND_VIEWS
from dvk_analysis.analysis.outcomes import EXCLUSION_COLUMNS
from dvk_analysis.errors import unknown_choice

if TYPE_CHECKING:
    import pandas as pd

LEVELS = ("province", "district", "commune")

OUTCOMES: dict[str, str] = {
    "ntm_share_latest": "Communes meeting NTM in the province (share, latest figure)",
    "province_ntm_share": "Communes meeting NTM in the province (share, latest at period end)",
    "ntm_commune_share": "Communes meeting NTM, as claimed in the text (share)",
    "criteria_share": "NTM criteria met (share of the criteria set)",
}
"""Outcome columns (shares in [0, 1]) and their axis labels, with units."""

PREDICTORS: dict[str, str] = {
    "models_per_10k": "DVK models per 10,000 residents (count)",
    "models_per_commune": "DVK models per commune (count)",
    "sessions_per_10k": "Propaganda sessions per 10,000 residents (count)",
    "propaganda_reach": "Propaganda participants per resident (persons)",
    "funds_per_resident": "Funds mobilised per resident (VND)",
    "land_per_resident": "Land donated per resident (m²)",
    "working_days_per_resident": "Working days per resident (person-days)",
}
"""Predictor columns (metrics) and their axis labels, with units."""


def _choose(value: str, valid: Sequence[str], what: str) -> str:
    if value in valid:
        return value
    raise ValueError(unknown_choice(what, value, list(valid)))


def check_parameters(
    level: str, outcome: str, predictors: Sequence[str], bounds: str
) -> tuple[str, str, list[str], str]:
    """Validate the notebook's parameters; unknown names fail with the closest valid one."""
    if isinstance(predictors, str):
        predictors = [p.strip() for p in predictors.split(",") if p.strip()]
    if not isinstance(predictors, (list, tuple)):
        raise ValueError(
            f"predictors must be a list of names or a comma-separated string, not "
            f"{type(predictors).__name__} {predictors!r}; valid: {', '.join(PREDICTORS)}"
        )
    if not predictors:
        raise ValueError(f"give at least one predictor; valid: {', '.join(PREDICTORS)}")
    return (
        _choose(level, LEVELS, "level"),
        _choose(outcome, list(OUTCOMES), "outcome"),
        [_choose(p, list(PREDICTORS), "predictor") for p in predictors],
        _choose(bounds, BOUND_VIEWS, "bound view"),
    )


def unit_tables(
    level: str = "province",
    *,
    geography: str = "legacy",
    data_dir: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    """One table per bound view (low, mid, high): one row per unit of ``level``.

    Columns: ``unit`` (label), ``province``, every metric and outcome column (the unit's
    latest reported value), and ``period_end`` of the latest row.
    """
    from dvk_analysis.data.dataset import build_dataset

    dataset = build_dataset(data_dir)
    return {b: _unit_table(dataset, level, geography, b) for b in BOUND_VIEWS}


def exclusions(
    level: str = "province",
    *,
    geography: str = "legacy",
    data_dir: str | Path | None = None,
    bound: str = "mid",
) -> pd.DataFrame:
    """What the analysis leaves out, step by step: ``step, reason, count, ids``.

    The one exclusions layout of the analysis layer (``analysis.outcomes.EXCLUSION_COLUMNS``):
    ``ids`` are observation ids (panel), unit labels or reference lines (reference) or row
    labels of the unit table (metrics), ';'-joined.

    Panel: observations that cannot enter a cell (no period, unknown province) or lost to a
    competing claim; reference: units without a population or NTM rows without a date;
    metrics: units of ``level`` whose metric lacks an input. A reader of the results must
    see these counts beside the n of each model.
    """
    from dvk_analysis.data.dataset import build_dataset

    return _joined(build_dataset(data_dir), level, geography, bound)[1]


def _joined(
    dataset: pd.DataFrame, level: str, geography: str, bound: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Panel + reference + metrics for the units of ``level``, and the exclusions of each step."""
    import pandas as pd

    from dvk_analysis.analysis.metrics import compute_metrics
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.analysis.reference_join import attach_reference

    stories = dict(zip(dataset["source_key"], dataset["story_id"], strict=True))
    panel = build_panel(dataset, stories=stories, geography=geography, bound=bound)
    joined = attach_reference(panel)
    table = joined.table[joined.table["admin_level"] == level]
    metrics = compute_metrics(table)
    m = metrics.exclusions
    steps = [
        panel.exclusions.rename(columns={"observation_ids": "ids"}).assign(step="panel"),
        joined.exclusions.rename(columns={"units": "ids"}).assign(step="reference"),
        m.assign(
            step="metrics", reason=f"{level} units, " + m["metric"] + ": " + m["reason"]
        ).rename(columns={"rows": "ids"}),
    ]
    cols = list(EXCLUSION_COLUMNS)
    left_out = pd.concat([s[cols] for s in steps if len(s)], ignore_index=True)
    return pd.concat([table, metrics.values], axis=1), left_out


def _unit_table(dataset: pd.DataFrame, level: str, geography: str, bound: str) -> pd.DataFrame:
    table = _joined(dataset, level, geography, bound)[0]
    columns = [c for c in [*OUTCOMES, *PREDICTORS] if c in table.columns]
    ordered = table.sort_values("period_end")
    latest = ordered.groupby("place_key", sort=True)[columns].last()
    info_columns = ["place", "province", "province_reported", "period_end"]
    info = ordered.groupby("place_key", sort=True)[info_columns].last()
    out = info.join(latest).reset_index()
    # A unit is labelled by its own name: under the 2025 geography the province-level unit
    # "Bà Rịa - Vũng Tàu" stays itself (its province column says Hồ Chí Minh), and its outcome
    # is its own province's latest share, not its successor's.
    out.insert(0, "unit", out["place"])
    out["ntm_share_latest"] = (
        out["province_reported"].fillna(out["province"]).map(latest_ntm_share())
    )
    return out


def latest_ntm_share() -> dict[str, float]:
    """Each province's latest dated share of communes meeting NTM (dates vary by province).

    The cross-section needs one outcome per province; the status table holds figures from
    2018-12 to 2025-11, so "latest" compares provinces at different dates: a stated caveat.
    """
    from dvk_analysis.data.reference import ntm_status_table

    status, _ = ntm_status_table()
    status = status.dropna(subset=["share"]).sort_values("as_of_key")
    return status.groupby("province")["share"].last().to_dict()


@dataclass
class Analysis:
    """Results of :func:`analyse`, each a tidy table, plus what could not be estimated."""

    n: int
    data: pd.DataFrame
    correlations: pd.DataFrame
    model: pd.DataFrame | None
    sensitivity: pd.DataFrame | None
    refused: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)


def analyse(
    tables: dict[str, pd.DataFrame], outcome: str, predictors: Sequence[str], bounds: str = "mid"
) -> Analysis:
    """Rank correlations of each predictor with the outcome, and a fractional logit.

    A model the sample cannot support is not fitted: its refusal (``stats.InsufficientDataError``
    message, with the n it has and needs) goes into ``refused`` so the notebook prints it.
    """
    import pandas as pd

    from dvk_analysis.analysis import stats

    data = tables[bounds][["unit", outcome, *predictors]].dropna()
    refused, correlations = [], []
    for predictor in predictors:
        pair = tables[bounds][[predictor, outcome]].dropna()
        try:
            row = stats.rank_correlation(pair[predictor], pair[outcome], bound_view=bounds)
            correlations.append(row.assign(term=f"{predictor} ~ {outcome}"))
        except stats.InsufficientDataError as error:
            refused.append(f"Spearman {predictor} ~ {outcome}: {error}")
    model = sens = None
    try:
        model = stats.fractional_logit(data, outcome, list(predictors), bound_view=bounds)
        views = {b: t[[outcome, *predictors]].dropna() for b, t in tables.items()}
        sens = stats.sensitivity(stats.fractional_logit, views, outcome=outcome,
                                 predictors=list(predictors))  # fmt: skip
    except stats.InsufficientDataError as error:
        refused.append(f"Fractional logit {outcome} ~ {' + '.join(predictors)}: {error}")
    empty = pd.DataFrame(columns=list(stats.TIDY_COLUMNS))
    return Analysis(
        n=len(data),
        data=data.reset_index(drop=True),
        correlations=pd.concat(correlations, ignore_index=True) if correlations else empty,
        model=model,
        sensitivity=sens,
        refused=refused,
        caveats=stats.caveats(len(data), n_params=len(predictors) + 1, bound_views=True),
    )


def scatter(outcome: str, predictor: str, tables: dict[str, pd.DataFrame], bounds: str = "mid"):
    """The labelled scatter of one predictor against the outcome (all units that have both)."""
    from dvk_analysis.figures import plots

    pair = tables[bounds][["unit", predictor, outcome]].dropna()
    return plots.scatter_relationship(
        pair, predictor, outcome, "unit",
        x_label=PREDICTORS[predictor], y_label=OUTCOMES[outcome],
        caption="dvk-analysis panel (curated observations) joined with data/reference "
        f"(population, NTM status); bound view {bounds}",
        fit=len(pair) >= 3,
    )  # fmt: skip


def report(analysis: Analysis) -> str:
    """The analysis in Markdown: n first, then each refusal, then the caveats."""
    lines = [f"**n = {analysis.n} units** with the outcome and every predictor.", ""]
    if analysis.refused:
        lines += ["Not estimated (the sample cannot support it):", ""]
        lines += [f"- {reason}" for reason in analysis.refused]
        lines.append("")
    lines += ["Caveats:", ""] + [f"- {c}" for c in analysis.caveats]
    return "\n".join(lines)


def show_scatter(
    tables: dict[str, pd.DataFrame], outcome: str, predictor: str, bounds: str = "mid"
) -> object:
    """The scatter of :func:`scatter` for a notebook, or a message when no unit has both."""
    from dvk_analysis.figures import plots

    try:
        return scatter(outcome, predictor, tables, bounds)
    except plots.PlotInputError as error:
        return plots.show(f"No scatter for {predictor} and {outcome}: {error}")


def show_report(analysis: Analysis) -> object:
    """:func:`report` rendered as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(report(analysis))


# --- matched province analysis (issue 10 / 12) ----------------------------------------------

MATCHED_PREDICTORS: dict[str, str] = {
    "dvk_models_per_10k_per_year": "DVK models per 10,000 residents per year (count)",
    "dvk_models_per_commune": "DVK models per rural commune (count)",
    "propaganda_sessions_per_10k_per_year": "Propaganda sessions per 10,000 residents per year",
    "funds_mobilized_per_10k_per_year": "Funds mobilised per 10,000 residents per year (VND)",
}
"""Predictors of the matched analysis (``<indicator>_<rate>`` of ``analysis.matched``)."""


@dataclass
class MatchedResults:
    """Everything notebook 03 reports, each table with its own n.

    ``cross`` and ``within`` are tidy tables with ``p_holm`` over their named family (within:
    first differences, first differences with the predictor at least a year before the
    outcome, and province fixed effects);
    ``too_few`` names, per predictor, the provinces with fewer than two dated pairs;
    ``boxes`` the range of each Spearman rho over the bounds box; ``undated`` the cross-province
    correlations without claims dated by their publication date; ``selection`` compares
    provinces with and without DVK claims.
    """

    geography: str
    tier: str
    tier_reason: str
    outcomes: pd.DataFrame
    cross: pd.DataFrame
    within: pd.DataFrame
    undated: pd.DataFrame
    boxes: pd.DataFrame
    selection: pd.DataFrame
    too_few: dict[str, list[str]]
    sections: dict[str, pd.DataFrame]


def _latest_per_province(series: pd.DataFrame) -> pd.DataFrame:
    national = series["level"].eq("national")
    ordered = series[~national].sort_values(["province", "date_key"])
    return ordered.drop_duplicates("province", keep="last")


def matched_analysis(
    geography: str = "legacy",
    predictors: Sequence[str] = tuple(MATCHED_PREDICTORS),
    *,
    data_dir: str | Path | None = None,
    n_resamples: int = 2000,
) -> MatchedResults:
    """The cross-province and within-province analyses on matched dates, for notebook 03.

    Outcome: the NTM share of one tier (:mod:`dvk_analysis.analysis.outcomes`); the standard
    tier unless most provinces' latest standard shares are 1.0 (then advanced, see
    :func:`dvk_analysis.analysis.inference.ceiling`). Predictors: annualised rates matched to
    an outcome at or after their period (:mod:`dvk_analysis.analysis.matched`).
    """
    import pandas as pd

    from dvk_analysis.analysis import inference, matched, outcomes
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.data.dataset import build_dataset
    from dvk_analysis.paths import data_dir as resolve_dir

    folder = resolve_dir(data_dir)
    ref = folder / "reference"
    dataset = build_dataset(folder)
    stories = dict(zip(dataset["source_key"], dataset["story_id"], strict=True))
    panel = build_panel(dataset, stories=stories, geography="legacy")
    rates = matched.predictors(panel.long, geography=geography, dataset=dataset, folder=ref)
    standard = outcomes.ntm_series(dataset, geography=geography, tier="standard", folder=ref)
    tier, reason = inference.ceiling(_latest_per_province(standard))
    series = (
        standard
        if tier == "standard"
        else outcomes.ntm_series(dataset, geography=geography, tier=tier, folder=ref)
    )
    series = series[series["level"].eq("province")]
    cross, within, undated, boxes, sections, too_few = [], [], [], [], {}, {}
    for name in predictors:
        if name not in set(rates["predictor"]):
            cross.append(_absent(name, "spearman"))
            within.append(_absent(name, "first_differences"))
            continue
        pairs = matched.match(series, rates, name)
        section = matched.cross_section(pairs)
        sections[name] = section
        label = f"{name} ~ NTM share ({tier})"
        cross.append(inference.cross_province(section, label=label, n_resamples=n_resamples))
        table, few = inference.within_province(pairs, label=label, n_resamples=n_resamples)
        lagged = matched.match(series, rates, name, min_lag=1)
        lag_table, _ = inference.within_province(
            lagged, label=label + ", predictor >= 1 year before", n_resamples=n_resamples
        )
        within += [table, lag_table, inference.fixed_effects(pairs, label=label)]
        too_few[name] = few
        dated = matched.cross_section(matched.match(series, rates, name, include_undated=False))
        undated.append(
            inference.cross_province(dated, label=label, n_resamples=n_resamples).assign(
                sample="without undated claims"
            )
        )
        boxes.append(_box(section, name))
    provinces = _province_frame(geography, series, ref)
    reporting = sorted(set(rates["province"]))
    return MatchedResults(
        geography=geography,
        tier=tier,
        tier_reason=reason,
        outcomes=series,
        cross=inference.holm(pd.concat(cross, ignore_index=True), "cross-province correlations"),
        within=inference.holm(pd.concat(within, ignore_index=True), "within-province slopes"),
        undated=pd.concat(undated, ignore_index=True) if undated else pd.DataFrame(),
        boxes=pd.DataFrame(boxes, columns=["predictor", "n", "rho_min", "rho_max", "how"]),
        selection=inference.selection(reporting, provinces, ["population", "latest_share"]),
        too_few=too_few,
        sections=sections,
    )


def _absent(name: str, model: str) -> pd.DataFrame:
    from dvk_analysis.analysis.inference import refusal

    return refusal(model, name, 0, "no province reports this predictor yet")


def _box(section: pd.DataFrame, name: str) -> tuple[str, int, float, float, str]:
    from dvk_analysis.analysis import inference

    data = section.dropna(subset=["x", "share"])
    if len(data) < 3:
        return name, len(data), float("nan"), float("nan"), "too few units"
    low, high, how = inference.bounds_box(data, inference.spearman)
    return name, len(data), low, high, how


def _province_frame(geography: str, series: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """Every province of the map with its population and latest outcome (for selection)."""
    from dvk_analysis.data.load import load_reference

    table = "provinces_legacy" if geography == "legacy" else "provinces_2025"
    ref = load_reference(table, folder)[["name", "population"]].rename(columns={"name": "province"})
    latest = _latest_per_province(series).set_index("province")["share"]
    return ref.assign(latest_share=ref["province"].map(latest))


def matched_markdown(res: MatchedResults) -> str:
    """The matched results in words: estimand, n, estimate and CI, refusals, limits."""
    lines = [
        f"**Geography:** {res.geography} provinces. **Outcome:** share of rural communes at "
        f"the *{res.tier}* NTM tier ({res.tier_reason}).",
        "",
    ]
    for title, table in (("Across provinces", res.cross), ("Within provinces", res.within)):
        lines += [f"**{title}** ({table['family'].iloc[0] if len(table) else 'no tests'}):", ""]
        for row in table.itertuples():
            lines.append(f"- {_sentence(row)}")
        lines.append("")
    for name, few in res.too_few.items():
        if few:
            lines.append(
                f"- {name}: {len(few)} province(s) have fewer than two dated pairs and add "
                f"nothing within provinces: {', '.join(few)}."
            )
    return "\n".join(lines)


def _sentence(row: object) -> str:
    import math

    est = getattr(row, "estimate", float("nan"))
    note = getattr(row, "note", "") or ""
    if est is None or (isinstance(est, float) and math.isnan(est)):
        return f"{row.term} [{row.model}], n = {row.n}: not estimated ({note or 'refused'})"
    ci = f"95 % CI {row.ci_low:.3g} to {row.ci_high:.3g}"
    p = f"p = {row.p_value:.3g}, Holm-adjusted {row.p_holm:.3g}"
    return f"{row.term} [{row.model}], n = {row.n}: {est:.3g} ({ci}; {p})"


def matched_scatter(res: MatchedResults, predictor: str) -> object:
    """Every province labelled with its outcome date, ranges as whiskers, shares on [0, 1]."""
    from dvk_analysis.figures import plots

    section = res.sections.get(predictor)
    if section is None or section.empty:
        return plots.show(f"No province has both {predictor} and a later NTM share yet.")
    data = section.assign(label=section["province"] + " (" + section["date"].astype(str) + ")")
    return plots.scatter_relationship(
        data, "x", "share", "label",
        x_label=MATCHED_PREDICTORS.get(predictor, predictor),
        y_label=f"Rural communes meeting NTM, {res.tier} tier (share)",
        caption="dvk-analysis: curated observations and data/reference/ntm_status.csv; "
        f"predictor at or before the outcome date; {res.geography} provinces",
        share_y=True, ranges=("x_low", "x_high", "share_low", "share_high"),
    )  # fmt: skip


def check_matched_parameters(geography: str, predictors: Sequence[str]) -> tuple[str, list[str]]:
    """Validate notebook 03's parameters; unknown names fail with the closest valid one."""
    from dvk_analysis.gazetteer import GEOGRAPHIES

    if isinstance(predictors, str):
        predictors = [p.strip() for p in predictors.split(",") if p.strip()]
    if not predictors:
        raise ValueError(f"give at least one predictor; valid: {', '.join(MATCHED_PREDICTORS)}")
    chosen = [_choose(p, list(MATCHED_PREDICTORS), "predictor") for p in predictors]
    return _choose(geography, list(GEOGRAPHIES), "geography"), chosen


def outcome_overview(res: MatchedResults) -> pd.DataFrame:
    """Per province: how many dated NTM shares it has, first and last date, range of shares."""
    grouped = res.outcomes.groupby("province", sort=True)
    return grouped.agg(
        dates=("date", "nunique"),
        first=("date", "min"),
        last=("date", "max"),
        share_first=("share", "first"),
        share_last=("share", "last"),
        competing_figures=("n_figures", lambda s: int((s > 1).sum())),
    ).reset_index()


def show_matched(res: MatchedResults) -> object:
    """:func:`matched_markdown` rendered as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(matched_markdown(res))


TIDY_SHOWN: tuple[str, ...] = (
    "term", "model", "n", "estimate", "ci_low", "ci_high", "p_value", "p_holm", "note",
)  # fmt: skip
"""Columns notebook 03 shows of each tidy table."""


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The columns of :data:`TIDY_SHOWN` that ``table`` has, in that order."""
    return table[[c for c in TIDY_SHOWN if c in table.columns]]
