"""The research question on matched province data: what notebook 03 reports.

Does more propaganda, more "Dân vận khéo" models or more money mobilised go with more rural
communes meeting the NTM standard, across provinces and within a province over time?

The chain is the package's one-way data flow: observations -> panel (legacy geography) ->
predictor rates (:mod:`dvk_analysis.analysis.matched`) and NTM shares of one tier
(:mod:`dvk_analysis.analysis.outcomes`) -> pairs in time order (a predictor at or before its
outcome) -> statistics (:mod:`dvk_analysis.analysis.inference`). :func:`matched_analysis` is
the one way to compute every result; the rest of this module puts its results into words,
tables and a figure. Every number the notebook shows is printed from these results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.errors import unknown_choice

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_PREDICTORS: tuple[str, ...] = (
    "dvk_models_per_10k_per_year",
    "dvk_models_per_commune",
    "propaganda_sessions_per_10k_per_year",
    "ntm_funds_total_per_10k_per_year",
    "ntm_funds_total_per_commune_per_year",
    "funds_mobilized_per_10k_per_year",
    "funds_mobilized_per_commune_per_year",
    "ntm_funds_state_per_10k_per_year",
    "ntm_funds_state_per_commune_per_year",
)
"""Notebook 03's default predictors (``<indicator>_<rate>`` of ``analysis.matched``)."""

TARGET_N = 40
"""Issue 12's target: a cross-province result on at least this many provinces."""

CAVEAT_TAGS = "ecological (province aggregates); reverse causality possible; reporting selection"
"""The caveats every estimated result carries, in short (spelled out in :data:`LIMITS`)."""

LIMITS: tuple[str, ...] = (
    "**Ecological data.** Provinces are aggregates: a relation between province rates need "
    "not hold for communes, households or people.",
    "**Reverse causality.** Time order is enforced (a predictor at or before the outcome), but "
    "provinces further along the NTM programme may build and report more models, and raise "
    "more money, *because* they are further along; an association is not an effect.",
    "**Reporting selection.** Provinces that do well report more, and news reports successes; "
    "the selection table shows how the reporting provinces differ from the rest.",
    "**Small n.** Every result states its own n (provinces); a result below the sample-size "
    "guard is refused and listed with the n it had. Holm-adjusted p-values account for the "
    "tests of each named family, not for every look at the data.",
)
"""The limits printed under the results."""


def _choose(value: str, valid: Sequence[str], what: str) -> str:
    if value in valid:
        return value
    raise ValueError(unknown_choice(what, value, list(valid)))


def check_parameters(geography: str, predictors: Sequence[str] | str) -> tuple[str, list[str]]:
    """Validate notebook 03's parameters; unknown names fail with the closest valid one."""
    from dvk_analysis.analysis.matched import predictor_names
    from dvk_analysis.gazetteer import GEOGRAPHIES

    valid = predictor_names()
    if isinstance(predictors, str):
        predictors = [p.strip() for p in predictors.split(",") if p.strip()]
    if not isinstance(predictors, (list, tuple)):
        raise ValueError(
            f"predictors must be a list of names or a comma-separated string, not "
            f"{type(predictors).__name__} {predictors!r}; valid: {', '.join(valid)}"
        )
    if not predictors:
        raise ValueError(f"give at least one predictor; valid: {', '.join(valid)}")
    chosen = [_choose(p, valid, "predictor") for p in predictors]
    return _choose(geography, list(GEOGRAPHIES), "geography"), chosen


@dataclass
class MatchedResults:
    """Everything notebook 03 reports, each table with its own n.

    ``cross`` (one row per predictor and model: Spearman, fractional-logit AME) and ``within``
    (first differences, first differences with the predictor at least a year before the
    outcome, province fixed effects) are tidy tables with ``predictor``, ``n_provinces``,
    ``p_holm`` and ``family`` (Holm within the named family of the predictor: DVK models,
    propaganda, money mobilised for NTM, ...) and ``caveats``; ``boxes`` the range of every
    statistic over the bounds box; ``robustness`` the cross-province results again without
    claims dated by their publication date, and at the outcome nearest after each province's
    predictor (the smallest lag) instead of its latest (column ``sample``); ``selection``
    compares provinces with and without predictor figures; ``too_few`` names, per predictor,
    the provinces with fewer than two dated pairs; ``sections`` and ``pairs`` are the data
    behind each predictor's results; ``exclusions`` what each step left out (one layout:
    ``step, reason, count, ids``).
    """

    geography: str
    tier: str
    tier_reason: str
    outcomes: pd.DataFrame
    cross: pd.DataFrame
    within: pd.DataFrame
    robustness: pd.DataFrame
    boxes: pd.DataFrame
    selection: pd.DataFrame
    too_few: dict[str, list[str]]
    sections: dict[str, pd.DataFrame]
    pairs: dict[str, pd.DataFrame]
    exclusions: pd.DataFrame


def _latest_per_province(series: pd.DataFrame) -> pd.DataFrame:
    national = series["level"].eq("national")
    ordered = series[~national].sort_values(["province", "date_key"])
    return ordered.drop_duplicates("province", keep="last")


def _holm_by_family(tables: list[pd.DataFrame], where: str) -> pd.DataFrame:
    """Holm within each predictor family; the family's name says where and what."""
    import pandas as pd

    from dvk_analysis.analysis import inference
    from dvk_analysis.analysis.matched import family

    if not tables:
        return pd.DataFrame()
    stacked = pd.concat(tables, ignore_index=True)
    fams = stacked["predictor"].map(family)
    parts = [inference.holm(stacked[fams == f], f"{where}, {f}") for f in dict.fromkeys(fams)]
    return pd.concat(parts).sort_index()


def _tag(table: pd.DataFrame) -> pd.DataFrame:
    """``caveats`` on every estimated row (small samples say so)."""
    import numpy as np

    estimated = table["estimate"].notna()
    small = np.where(table["n"].astype(float) < 30, "; n < 30: intervals approximate", "")
    return table.assign(caveats=np.where(estimated, CAVEAT_TAGS + small, ""))


def matched_analysis(
    geography: str = "legacy",
    predictors: Sequence[str] = DEFAULT_PREDICTORS,
    *,
    data_dir: str | Path | None = None,
    n_resamples: int = 2000,
) -> MatchedResults:
    """The cross-province and within-province analyses on matched dates, for notebook 03.

    Outcome: the NTM share of one tier (:mod:`dvk_analysis.analysis.outcomes`); the standard
    tier unless most provinces' latest standard shares are 1.0 (then advanced, see
    :func:`dvk_analysis.analysis.inference.ceiling`). Predictors: annualised rates matched to
    an outcome at or after their period (:mod:`dvk_analysis.analysis.matched`). The sample-size
    guard of each model decides what is estimated (a correlation from 5 provinces, a fractional
    logit from 10, a within-province slope from 5 provinces with two dates); every estimated
    row carries its n, its family's Holm-adjusted p and its caveats.
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
    table = rates.table
    cross, within, robustness, boxes = [], [], [], []
    sections, pairs_by, too_few = {}, {}, {}
    for name in predictors:
        term = f"{name} ~ NTM share ({tier})"
        if name not in set(table["predictor"]):
            why = "no province reports this predictor yet"
            cross.append(inference.refusal("spearman", term, 0, why).assign(predictor=name))
            within.append(
                inference.refusal("first_differences", term, 0, why).assign(predictor=name)
            )
            continue
        pairs = matched.match(series, table, name)
        section = matched.cross_section(pairs)
        sections[name], pairs_by[name] = section, pairs
        cross.append(
            inference.cross_province(section, label=term, n_resamples=n_resamples).assign(
                predictor=name, n_provinces=len(section)
            )
        )
        fd, few = inference.within_province(pairs, label=term, n_resamples=n_resamples)
        lagged = matched.match(series, table, name, min_lag=1)
        fd_lag, _ = inference.within_province(
            lagged, label=term + ", predictor >= 1 year before", n_resamples=n_resamples
        )
        fe = inference.fixed_effects(pairs, label=term)
        within += [t.assign(predictor=name) for t in (fd, fd_lag, fe)]
        too_few[name] = few
        dated = matched.cross_section(matched.match(series, table, name, include_undated=False))
        nearest = matched.cross_section(pairs, at="nearest")
        for sample, data in (("without undated claims", dated), ("nearest outcome", nearest)):
            robustness.append(
                inference.cross_province(data, label=term, n_resamples=n_resamples).assign(
                    predictor=name, n_provinces=len(data), sample=sample
                )
            )
        boxes.append(inference.box_rows(section, pairs, label=term).assign(predictor=name))
    provinces = _province_frame(geography, series, ref)
    reporting = sorted(set(table.loc[table["predictor"].isin(list(predictors)), "province"]))
    left_out = [
        panel.exclusions,
        outcomes.ntm_records(dataset, folder=ref).exclusions,
        rates.exclusions,
    ]
    return MatchedResults(
        geography=geography,
        tier=tier,
        tier_reason=reason,
        outcomes=series,
        cross=_tag(_holm_by_family(cross, "across provinces")),
        within=_tag(_holm_by_family(within, "within provinces")),
        robustness=pd.concat(robustness, ignore_index=True) if robustness else pd.DataFrame(),
        boxes=pd.concat(boxes, ignore_index=True) if boxes else pd.DataFrame(),
        selection=inference.selection(reporting, provinces, ["population", "latest_share"]),
        too_few=too_few,
        sections=sections,
        pairs=pairs_by,
        exclusions=pd.concat([t for t in left_out if len(t)], ignore_index=True),
    )


def _province_frame(geography: str, series: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """Every province of the map with its population and latest outcome (for selection)."""
    from dvk_analysis.data.load import load_reference

    table = "provinces_legacy" if geography == "legacy" else "provinces_2025"
    ref = load_reference(table, folder)[["name", "population"]].rename(columns={"name": "province"})
    latest = _latest_per_province(series).set_index("province")["share"]
    return ref.assign(latest_share=ref["province"].map(latest))


# --- in words --------------------------------------------------------------------------------


def _isnan(value: object) -> bool:
    import math

    return value is None or (isinstance(value, float) and math.isnan(value))


def _box_text(res: MatchedResults, term: str, model: str) -> str:
    if res.boxes.empty:
        return ""
    hit = res.boxes[(res.boxes["term"] == term) & (res.boxes["model"] == model)]
    if hit.empty or _isnan(hit["box_min"].iloc[0]):
        return ""
    row = hit.iloc[0]
    return f"; over the bounds box {row['box_min']:.3g} to {row['box_max']:.3g}"


def sentence(row: object, res: MatchedResults | None = None) -> str:
    """One result in words: term, model, n (provinces), estimate, CI, p, Holm, bounds box."""
    note = getattr(row, "note", "") or ""
    n_prov = getattr(row, "n_provinces", None)
    n_text = f"n = {row.n}"
    if row.model in ("spearman", "fractional_logit"):
        n_text += " province" if row.n == 1 else " provinces"
    elif not _isnan(n_prov):
        n_text += f" ({'changes' if row.model == 'first_differences' else 'dated pairs'}"
        n_text += f" in {int(n_prov)} provinces)"
    if _isnan(getattr(row, "estimate", None)):
        return f"{row.term} [{row.model}], {n_text}: not estimated ({note or 'refused'})"
    ci = f"95 % CI {row.ci_low:.3g} to {row.ci_high:.3g}"
    p = f"p = {row.p_value:.3g}, Holm-adjusted {row.p_holm:.3g}"
    box = _box_text(res, row.term, row.model) if res is not None else ""
    said = f". Note: {note.rstrip('.')}." if note else ""
    return f"{row.term} [{row.model}], {n_text}: {row.estimate:.3g} ({ci}; {p}{box}){said}"


def _best(table: pd.DataFrame, model: str) -> object | None:
    """The estimated row of ``model`` with the most provinces (ties: the smaller p)."""
    rows = table[(table["model"] == model) & table["estimate"].notna()]
    if rows.empty:
        return None
    key = rows["n_provinces"].astype(float)
    return next(rows.assign(_k=key).sort_values(["_k", "p_value"], ascending=[False, True])
                .itertuples())  # fmt: skip


def _ended(text: str) -> str:
    """``text`` ending with one full stop (a sentence with a note already has one)."""
    return text if text.endswith(".") else text + "."


def headline(res: MatchedResults) -> str:
    """The answer in two sentences, from the computed results (no number typed by hand)."""
    lines = []
    best = _best(res.cross, "spearman")
    if best is None:
        lines.append("**Across provinces:** no correlation could be estimated yet.")
    else:
        reached = "reaches" if best.n_provinces >= TARGET_N else "does not reach"
        lines.append(
            f"**Across provinces** (largest sample): {_ended(sentence(best, res))} This sample "
            f"{reached} the target of {TARGET_N} provinces."
        )
    within = _best(res.within, "fixed_effects") or _best(res.within, "first_differences")
    if within is None:
        lines.append(
            "**Within provinces:** no slope could be estimated: too few provinces have a "
            "predictor at two or more dates, each followed by an NTM share."
        )
    else:
        lines.append(f"**Within provinces** (most provinces): {_ended(sentence(within, res))}")
    lines.append(f"Every estimate above is {CAVEAT_TAGS}.")
    return "\n\n".join(lines)


def matched_markdown(res: MatchedResults) -> str:
    """The matched results in words: estimand, n, estimate and CI, refusals, limits."""
    lines = [
        f"**Geography:** {res.geography} provinces. **Outcome:** share of rural communes at "
        f"the *{res.tier}* NTM tier ({res.tier_reason}).",
        "",
    ]
    for title, table in (("Across provinces", res.cross), ("Within provinces", res.within)):
        lines += [f"**{title}**", ""]
        for fam, rows in table.groupby("family", sort=False):
            lines += [f"*{fam}*:", ""]
            lines += [f"- {sentence(row, res)}" for row in rows.itertuples()]
            lines.append("")
    for name, few in res.too_few.items():
        if few:
            lines.append(
                f"- {name}: {len(few)} province(s) have fewer than two dated pairs and add "
                f"nothing within provinces: {', '.join(few)}."
            )
    lines += ["", "**Limits.**", ""] + [f"- {limit}" for limit in LIMITS]
    return "\n".join(lines)


def show_matched(res: MatchedResults) -> object:
    """:func:`matched_markdown` rendered as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(matched_markdown(res))


def show_headline(res: MatchedResults) -> object:
    """:func:`headline` rendered as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(headline(res))


# --- figure and tables -----------------------------------------------------------------------


def matched_scatter(res: MatchedResults, predictor: str) -> object:
    """Every province labelled with its outcome date, ranges as whiskers, shares on [0, 1]."""
    from dvk_analysis.analysis.matched import label
    from dvk_analysis.figures import plots

    section = res.sections.get(predictor)
    if section is None or section.empty:
        return plots.show(f"No province has both {predictor} and a later NTM share yet.")
    data = section.assign(label=section["province"] + " (" + section["date"].astype(str) + ")")
    # points at the figures as reported (rate of "more than 1,000", share "nearly 50 %"), never
    # a band's mid; the whiskers are the ranges the estimates are checked over
    x = "x_reported" if "x_reported" in data else "x"
    return plots.scatter_relationship(
        data, x, "share", "label",
        x_label=label(predictor),
        y_label=f"Rural communes meeting NTM, {res.tier} tier (share)",
        caption="dvk-analysis: curated observations and data/reference/ntm_status.csv; "
        f"predictor at or before the outcome date; {res.geography} provinces",
        share_y=True, ranges=("x_low", "x_high", "share_low", "share_high"),
    )  # fmt: skip


def largest_predictor(res: MatchedResults, predictors: Sequence[str]) -> str:
    """The predictor with the most provinces in its cross-section (the first on ties)."""
    sizes = {p: len(res.sections.get(p, ())) for p in predictors}
    return max(sizes, key=lambda p: (sizes[p], -list(predictors).index(p)))


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


TIDY_SHOWN: tuple[str, ...] = (
    "term", "model", "sample", "n", "n_provinces", "estimate", "ci_low", "ci_high", "p_value",
    "p_holm", "family", "note",
)  # fmt: skip
"""Columns notebook 03 shows of each tidy table."""


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The columns of :data:`TIDY_SHOWN` that ``table`` has, in that order."""
    return table[[c for c in TIDY_SHOWN if c in table.columns]]


def exclusion_summary(res: MatchedResults) -> pd.DataFrame:
    """The one exclusions table without its (long) ids column."""
    return res.exclusions[["step", "reason", "count"]]
