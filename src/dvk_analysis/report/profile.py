"""A province's profile: every claim with its source, the figures, and a sourced summary.

``notebooks/02_province_profile.ipynb`` is narrative around these functions, and ``dvk batch``
runs it once per province. A province with no claims gets a profile that says so (every figure
becomes a "not reported" message) rather than an error, because "nothing was reported" is
itself a finding of the corpus.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.paths import data_dir as default_data_dir

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


SOURCE = "dvk-analysis curated observations (data/curated/observations.csv)"
MODEL_FIELDS = (
    "dvk_models_economic",
    "dvk_models_culture_society",
    "dvk_models_defense_security",
    "dvk_models_party_building",
)
RESOURCES = ("funds_mobilized", "land_donated", "working_days")


@dataclass(frozen=True)
class ProvinceProfile:
    """Everything the profile notebook shows for one province.

    Attributes
    ----------
    province, geography
        Canonical name in the chosen geography ("legacy": the 63 provinces; "2025": the 34).
    claims
        The province's rows of the analysis data set (one per claim, translations included and
        marked by ``story_id``).
    cells
        The province's rows of the panel's long table (one per unit, period and indicator, each
        story counted once: the reported value and qualifier, and the band as low/mid/high).
    status, national
        NTM share series (:func:`dvk_analysis.analysis.outcomes.ntm_series`): the province's
        shares of every tier at every date found (competing figures as a range), on the
        profile's geography, and the country's standard-tier line.
    """

    province: str
    geography: str
    claims: pd.DataFrame
    cells: pd.DataFrame
    status: pd.DataFrame
    national: pd.DataFrame

    @property
    def empty(self) -> bool:
        """True when the corpus holds no claim about the province."""
        return self.claims.empty


def load_profile(
    province: str, geography: str = "legacy", data_dir: str | Path | None = None
) -> ProvinceProfile:
    """Build the profile of ``province`` (any spelling ``places.resolve_province`` accepts).

    Raises
    ------
    UnknownPlaceError
        For an unknown province, with the closest valid names.
    """
    from dvk_analysis.gazetteer import resolve_province

    folder = default_data_dir(data_dir)
    name = resolve_province(province, geography=geography).name
    dataset, cells, status, national = _inputs(str(folder.resolve()), geography, _signature(folder))
    claims = _claims_of(dataset, name, geography, folder / "reference")
    cells = cells[cells["province"] == name].reset_index(drop=True)
    provinces = _status_names(name, geography)
    return ProvinceProfile(
        province=name,
        geography=geography,
        claims=claims,
        cells=cells,
        status=status[status["province"].isin(provinces)].reset_index(drop=True),
        national=national,
    )


def _claims_of(dataset: pd.DataFrame, name: str, geography: str, folder: Path) -> pd.DataFrame:
    """The claims a province's page shows: on the legacy map, never a merged 2025 province's.

    A claim about Tuyên Quang dated after 1 July 2025 describes the province that absorbed
    Hà Giang; under the legacy name it would show a merged province's value
    (:func:`dvk_analysis.data.merger.describes_2025_province`).
    """
    from dvk_analysis.data.merger import describes_2025_province

    if geography != "legacy":
        return dataset[dataset["province_2025"] == name].reset_index(drop=True)
    mine = dataset[dataset["province"] == name]
    return mine[~describes_2025_province(mine, folder)].reset_index(drop=True)


def _signature(folder: Path) -> tuple:
    """Size and modification time of every input file: a changed file invalidates the cache."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


@lru_cache(maxsize=4)
def _inputs(folder: str, geography: str, signature: tuple) -> tuple:
    """The data set, panel cells and NTM status, built once per data state and geography.

    A batch runs the profile for dozens of provinces in one warm kernel; building the panel
    once instead of per province saves about a second a run. The cache key includes every
    input file's size and mtime, so results never come from stale data.
    """
    from dvk_analysis.analysis.outcomes import ntm_series
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.data.dataset import build_dataset

    path = Path(folder)
    dataset = build_dataset(path)
    stories = dict(zip(dataset["source_key"], dataset["story_id"], strict=True))
    # Panel.long keeps the reported value and qualifier beside low/mid/high, so figures can
    # label a bar "nearly 8,000" and draw the band as a whisker.
    cells = build_panel(dataset, stories=stories, geography=geography).long.copy()
    series = ntm_series(dataset, geography=geography, tier=None, folder=path / "reference")
    national = series[series["level"].eq("national") & series["tier"].eq("standard")]
    status = series[series["level"].eq("province")]
    return dataset, cells, status, national.reset_index(drop=True)


def _status_names(name: str, geography: str) -> list[str]:
    """The province's own NTM series: on the 2025 map only figures about the 2025 province
    (or a legacy province with unchanged borders; see ``analysis.outcomes.on_geography``)."""
    return [name]


def claims_table(profile: ProvinceProfile) -> pd.DataFrame:
    """Every claim with its source: the quote, a link (URL, else article id) and the title."""
    claims = profile.claims
    table = claims[["indicator", "value", "unit", "qualifier", "denominator", "place"]].copy()
    table["value"] = claims["value"].map("{:,.10g}".format)
    table["denominator"] = claims["denominator"].map(lambda d: "" if d != d else f"{d:,.10g}")
    table["period"] = claims["period_start"].fillna("?") + " – " + claims["period_end"].fillna("?")
    table["quote"] = claims["quote"].fillna("(figure reported at the source; no text kept)")
    table["source"] = claims["url"].fillna(claims["source_key"])
    table["title"] = claims["title"].fillna("")
    table["story"] = claims["story_id"]
    return table.sort_values(["indicator", "period", "value"]).reset_index(drop=True)


def _best_unit(cells: pd.DataFrame, indicators: tuple[str, ...]) -> pd.DataFrame:
    """Rows of the one unit and period that reports most of ``indicators``.

    Claims about different units or periods cannot be added up (a province total already
    contains its communes), so each figure shows one unit-period: the most complete one,
    preferring the province level, then the latest period.
    """
    rows = cells[cells["indicator"].isin(indicators)]
    if rows.empty:
        return rows
    keys = ["place_key", "admin_level", "period_start", "period_end"]
    groups = rows.groupby(keys, dropna=False, sort=False)
    ranking = groups.agg(
        n=("indicator", "nunique"), end=("period_end", "max"), level=("admin_level", "first")
    ).reset_index()
    ranking["is_province"] = ranking["level"] == "province"
    best = ranking.sort_values(["n", "is_province", "end"], ascending=False).iloc[0]
    mask = (rows[keys].astype(str) == best[keys].astype(str).to_numpy()).all(axis=1)
    return rows[mask]


def _caption(profile: ProvinceProfile, rows: pd.DataFrame) -> str:
    ids = sorted({i for cell in rows.get("observation_ids", []) for i in str(cell).split(";")})
    shown = ", ".join(ids[:4]) + (" ..." if len(ids) > 4 else "")
    caption = f"{SOURCE}; observations {shown}" if ids else SOURCE
    if {"low", "high"} <= set(rows.columns) and (rows["low"] < rows["high"]).any():
        caption += (
            "\nQualified figures are labelled as reported (more than, nearly, about); the"
            " whisker is their bounds band (docs/methods.md)"
        )
    return caption


def _unit_label(rows: pd.DataFrame) -> str:
    first = rows.iloc[0]
    period = f"{first['period_start']}–{first['period_end']}"
    return f"{first['place']} ({first['admin_level']}, {period.replace('<NA>', '?')})"


def figures(profile: ProvinceProfile) -> dict[str, Figure | str]:
    """The profile's figures by name; a figure with no data is a one-line message instead."""
    from dvk_analysis.figures import plots

    out: dict[str, Figure | str] = {}
    name = profile.province
    models = _best_unit(profile.cells, ("dvk_models", *MODEL_FIELDS))
    if models["indicator"].isin(MODEL_FIELDS).any():
        out["models_by_field"] = plots.models_by_field(
            models, value="value", caption=_caption(profile, models),
            title=f"DVK models by field: {_unit_label(models)}",
        )  # fmt: skip
    else:
        out["models_by_field"] = f"No claim about DVK models by field for {name}."
    funnel = _best_unit(profile.cells, ("propaganda_sessions", "propaganda_participants"))
    if funnel["indicator"].nunique() == 2:
        out["propaganda_funnel"] = plots.propaganda_funnel(
            funnel.assign(unit_label=_unit_label(funnel)), value="value", label="unit_label",
            caption=_caption(profile, funnel),
        )  # fmt: skip
    else:
        out["propaganda_funnel"] = f"No pair of propaganda sessions and participants for {name}."
    resources = profile.cells[profile.cells["indicator"].isin(RESOURCES)]
    if not resources.empty:
        labelled = resources.assign(unit_label=_labels(resources))
        out["resources_mobilized"] = plots.resources_mobilized(
            labelled, value="value", label="unit_label", caption=_caption(profile, resources)
        )
    else:
        out["resources_mobilized"] = f"No claim about funds, land or working days for {name}."
    series = achievement_series(profile)
    if not series.empty:
        out["achievement_over_time"] = plots.achievement_over_time(
            series, label="unit", national=national_series(profile),
            y_label="Rural communes meeting NTM, standard tier (%)",
            caption=_status_caption(profile),
        )  # fmt: skip
    else:
        out["achievement_over_time"] = (
            f"No share of communes meeting NTM for {name}; the table below has the counts."
            if not profile.status.empty
            else f"No dated NTM status figure for {name}."
        )
    return out


def _status_caption(profile: ProvinceProfile) -> str:
    rows = profile.status[profile.status["tier"].eq("standard")]
    urls = sorted({u for cell in rows["sources"] for u in str(cell).split(" ; ") if u})
    shown = "; ".join(urls[:3]) + (f" (+{len(urls) - 3} more)" if len(urls) > 3 else "")
    return (
        f"data/reference/ntm_status.csv and curated observations, {profile.geography} map: {shown}"
    )


def _labels(rows: pd.DataFrame) -> pd.Series:
    """Readable, unique unit labels: place as written and period, with the key if needed."""
    start = rows["period_start"].astype("string").fillna("?")
    place = rows["place"].astype("string").fillna(rows["place_key"].astype("string"))
    labels = (place + " (" + start + "–" + rows["period_end"].astype("string") + ")").astype(str)
    clash = labels.to_frame("label").assign(i=rows["indicator"]).duplicated(keep=False)
    suffix = " [" + rows["admin_level"].astype(str) + ", " + rows["place_key"].astype(str) + "]"
    labels[clash] = labels[clash] + suffix[clash]
    return labels


def _share_series(series: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """Standard-tier NTM shares at every date found, dated to the month on the x axis."""
    import pandas as pd

    rows = series[series["tier"].eq("standard")].sort_values("date_key")
    key = rows["date_key"].astype(int)
    year = key // 10000 + ((key // 100 % 100).clip(1, 12) - 0.5) / 12
    return pd.DataFrame(
        {
            "unit": unit if unit is not None else rows["province"],
            "year": year.to_numpy(),
            "share": rows["share"].to_numpy(),
            "share_low": rows["share_low"].to_numpy(),
            "share_high": rows["share_high"].to_numpy(),
            "date": rows["date"].astype(str).to_numpy(),
            "qualifier": rows["qualifier"].astype(str).to_numpy(),
        }
    )


def achievement_series(profile: ProvinceProfile) -> pd.DataFrame:
    """The province's standard-tier NTM share at every date found (ranges kept)."""
    return _share_series(profile.status, profile.province)


def national_series(profile: ProvinceProfile) -> pd.DataFrame:
    """The national standard-tier NTM share at every date, for comparison."""
    return _share_series(profile.national)[["year", "share"]]


def key_figures(profile: ProvinceProfile) -> dict[str, object]:
    """The few numbers the report index shows for a province."""
    series = achievement_series(profile)
    # one level: the province's own figures, never a district's or a city's
    cells = profile.cells
    models = cells[cells["indicator"].eq("dvk_models") & cells["admin_level"].eq("province")]
    latest = series.iloc[-1] if not series.empty else None
    return {
        "claims": len(profile.claims),
        "sources": profile.claims["source_key"].nunique() if not profile.empty else 0,
        "stories": profile.claims["story_id"].nunique() if not profile.empty else 0,
        # the map the figures are on, named in the index's column headers
        "geography": profile.geography,
        # the reported value of the largest figure ("more than 1,000" is 1,000, not its mid)
        "dvk_models_max": _reported_max(models),
        # the date of each figure, shown beside it in the index ("<name>_as_of"), and its
        # qualifier, written before it ("<name>_qualifier": "more than 1,000")
        "dvk_models_max_as_of": _period_of_max(models),
        "dvk_models_max_qualifier": _qualifier_of_max(models),
        "ntm_share_latest": None if latest is None else round(float(latest["share"]), 4),
        "ntm_share_latest_as_of": None if latest is None else str(latest["date"]),
        "ntm_share_latest_qualifier": None if latest is None else str(latest["qualifier"]),
    }


def _reported_max(cells: pd.DataFrame) -> int | None:
    """The value as reported of the largest figure in ``cells`` (None when there is none)."""
    if cells.empty:
        return None
    return int(cells.loc[cells["mid"].idxmax(), "value"])


def _qualifier_of_max(cells: pd.DataFrame) -> str | None:
    """The qualifier of the largest figure in ``cells`` (None when there is none)."""
    if cells.empty:
        return None
    return str(cells.loc[cells["mid"].idxmax(), "qualifier"])


def _period_of_max(cells: pd.DataFrame) -> str | None:
    """The period end of the largest figure in ``cells`` (None when there is none)."""
    if cells.empty:
        return None
    end = cells.loc[cells["mid"].idxmax(), "period_end"]
    return None if end != end or end is None else str(end)


def summary(profile: ProvinceProfile, limit: int = 8, href: Callable | None = None) -> str:
    """A short Markdown summary in which every number carries its source.

    One sentence per claim about the province as a whole (else the most frequent units), the
    qualifier kept ("more than 19,300"), followed by the observation id and link in brackets.
    ``href(row)``, when given, is the link of a claim (the report's offline source page,
    ``present.summary_links``); otherwise the web address, when there is one.
    """
    from dvk_analysis.report.present import figure_text, indicator_label

    if profile.empty:
        return f"The corpus holds no claim about **{_text(profile.province)}**."
    claims = profile.claims.assign(
        is_province=profile.claims["admin_level"] == "province",
        is_original=profile.claims["source_key"] == profile.claims["story_id"],
    )
    claims = claims.sort_values("is_original", ascending=False, kind="stable")
    claims = claims.drop_duplicates(["story_id", "indicator", "value", "admin_level"])
    chosen = claims.sort_values(["is_province", "period_end"], ascending=False, kind="stable").head(
        limit
    )
    n_sources = profile.claims["source_key"].nunique()
    lines = [
        f"**{_text(profile.province)}**: {len(profile.claims)} claims from {n_sources} source(s) "
        f"({profile.claims['story_id'].nunique()} story(ies) once translations are merged).",
        "",
    ]
    for row in chosen.itertuples():
        value = figure_text(row)
        period = f"{row.period_start or '?'}–{row.period_end or '?'}"
        lines.append(
            f"- {indicator_label(row.indicator)}: {value} ({_text(row.place)}, {_text(period)}) "
            + _source(row, href)
        )
    return "\n".join(lines)


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]()#+!|"})


def _text(value: object) -> str:
    """A data string made inert in Markdown: HTML escaped and Markdown syntax backslashed.

    Place names, ids and URLs come from articles and hand-edited CSVs; in a rendered report a
    ``<script>`` or ``javascript:`` link in them must stay text.
    """
    text = html.escape(str(value)).translate(_MARKDOWN_SPECIAL)
    return _NO_AUTOLINK.sub(lambda m: m.group(0).replace(":", "&#58;").replace(".", "&#46;"), text)


_NO_AUTOLINK = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*:(?=//)|\bwww\.")
"""A URL inside a data string (a place name, a quote) must not become a live link: Markdown
renderers link bare ``http://`` and ``www.`` text, so their ``:`` / ``.`` become entities
(shown the same, linked never). Links come only from URL columns (:func:`_source`)."""


def _source(row: object, href: Callable | None = None) -> str:
    """The observation id, linked to its source when that is a web address."""
    if href is not None:
        return f"[{_text(row.observation_id)}]({href(row)})"
    url = row.url if isinstance(row.url, str) else ""
    if re.fullmatch(r"https?://[^\s()<>\"']+", url):
        return f"[{_text(row.observation_id)}]({url})"
    where = _text(url) if url else f"data/raw/articles/{_text(row.source_key)}.txt"
    return f"{_text(row.observation_id)} ({where})"


def timeline(profile: ProvinceProfile) -> pd.DataFrame:
    """Claims per year the period ends in, by indicator family (one story counted once)."""
    from dvk_analysis.codebook import indicators

    if profile.empty:
        return profile.claims.iloc[:0]
    claims = profile.claims.drop_duplicates(["story_id", "indicator", "value", "period_end"])
    family = claims["indicator"].map(lambda i: indicators()[i].family)
    year = claims["period_end"].str[:4].fillna("undated")
    table = claims.assign(year=year, family=family).pivot_table(
        index="year", columns="family", values="observation_id", aggfunc="count", fill_value=0
    )
    return table.rename_axis(columns=None)


def write_outputs(
    profile: ProvinceProfile, figs: dict[str, Figure | str], output_dir: str | Path
) -> list[Path]:
    """Write the figures (SVG + PNG), tables (CSV) and key figures into ``output_dir``.

    An empty ``output_dir`` writes nothing: the notebook's default run (and nbval) only shows.
    """

    if not output_dir:
        return []

    import pandas as pd

    from dvk_analysis.figures.plots import save_figure
    from dvk_analysis.fileio import write_csv

    out = Path(output_dir)
    written: list[Path] = []
    for name, fig in figs.items():
        if not isinstance(fig, str):
            written += save_figure(fig, out / "figures" / name)
    tables = {"claims": profile.claims, "cells": profile.cells}
    for name, table in tables.items():
        written.append(write_csv(out / "tables" / f"{name}.csv", table))
    figures = key_figures(profile)  # values as they are: 54 stays 54, not 54.0
    key = pd.DataFrame(
        {"name": list(figures), "value": pd.Series(list(figures.values()), dtype=object)}
    )
    written.append(write_csv(out / "key_figures.csv", key))
    return written
