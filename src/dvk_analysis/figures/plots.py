"""Deterministic, readable figures for reports and notebooks.

Every figure function takes a plain :class:`pandas.DataFrame` (the columns each needs are in
its docstring), returns a :class:`matplotlib.figure.Figure` (on an Agg canvas, whatever
backend pyplot uses) and never touches global state:

* **One theme.** :func:`theme` applies seaborn's ``set_theme()`` (whitegrid, DejaVu Sans, the
  palette below) inside :func:`matplotlib.rc_context`, so the caller's rcParams are restored
  when the function returns. Figures are built with :class:`~matplotlib.figure.Figure`, not
  ``pyplot``, so a notebook shows a returned figure once and nothing accumulates in pyplot's
  figure registry.
* **Colour-blind-safe colours.** Data are drawn only with :data:`PALETTE` (Okabe & Ito 2008)
  and the neutral :data:`GAP_COLOR` for "not reported"; a test checks every artist.
* **Units on axes, source in a caption.** Value axes say their unit ("Funds mobilised (billion
  VND)"); every function requires a ``caption`` naming the source, drawn at the bottom as
  "Source: ...".
* **Empty input is an error, not a blank figure.** An empty frame (or one with no usable rows)
  raises :class:`PlotInputError` naming the function and the missing data: a blank "no data"
  panel in a report is easily read as "zero", which is a finding the data do not support.
* **Byte-identical files.** :func:`save_figure` writes SVG and PNG with no timestamps, a fixed
  SVG hash salt and glyphs drawn as paths (no dependence on the viewer's fonts), atomically.
  :func:`configure_notebook` applies the same settings to inline notebook output so that nbval
  can compare stored figures.

Text is set in DejaVu Sans, which ships with matplotlib and covers Vietnamese diacritics and
Arabic; matplotlib (>= 3.11, libraqm) shapes Arabic right to left.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from dvk_analysis.codebook import indicators
from dvk_analysis.figures.style import (  # noqa: F401  (re-exported: plots.save_figure, ...)
    CAPTION_FONTSIZE,
    DPI,
    FONT,
    GAP_COLOR,
    NOTEBOOK_FORMATS,
    PALETTE,
    PNG_METADATA,
    SAVE_RC,
    SVG_METADATA,
    THEME_RC,
    PlotInputError,
    _barh,
    _caption_text,
    _check_units,
    _fmt,
    _frame,
    _ipython_shell,
    _new_figure,
    _non_negative,
    _numbers,
    _pick,
    _thousands,
    _wrap,
    configure_notebook,
    render,
    save_figure,
    show,
    theme,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# --- what the figures show --------------------------------------------------------------

FIELD_LABELS: dict[str, str] = {
    "dvk_models_economic": "Economic",
    "dvk_models_culture_society": "Culture–society",
    "dvk_models_defense_security": "Defence–security",
    "dvk_models_party_building": "Party building &\npolitical system",
}
"""The four fields of DVK models (codebook indicators) and their display names."""


@dataclass(frozen=True)
class Measure:
    """How one indicator is shown: axis title, the unit on the axis and the scale to it."""

    title: str
    unit: str
    scale: float = 1.0
    codebook_unit: str = ""


RESOURCE_MEASURES: dict[str, Measure] = {
    "funds_mobilized": Measure("Funds mobilised", "billion VND", 1e-9, "VND"),
    "land_donated": Measure("Land donated", "m²", 1.0, "m2"),
    "working_days": Measure("Working days contributed", "person-days", 1.0, "person_days"),
    "area_cleared": Measure("Site area cleared", "m²", 1.0, "m2"),
    "households_mobilized": Measure("Households mobilised", "households", 1.0, "households"),
    "road_length": Measure("Roads built or upgraded", "km", 1e-3, "m"),
    "canal_length": Measure("Canals built or dredged", "km", 1e-3, "m"),
}
"""Resource indicators :func:`resources_mobilized` can draw; extend it for new ones."""

DEFAULT_RESOURCES: tuple[str, ...] = ("funds_mobilized", "land_donated", "working_days")

FUNNELS: dict[str, tuple[str, str]] = {
    "propaganda": ("propaganda_sessions", "propaganda_participants"),
    "legal_education": ("legal_education_sessions", "legal_education_participants"),
}
"""Session and participant indicators of each kind of :func:`propaganda_funnel`."""


# --- 1. scatter -----------------------------------------------------------------------------


def scatter_relationship(
    df: pd.DataFrame,
    x: str,
    y: str,
    label: str,
    *,
    x_label: str,
    y_label: str,
    caption: str,
    fit: bool = True,
    log_x: bool = False,
    log_y: bool = False,
    level: float = 0.95,
    title: str | None = None,
) -> Figure:
    """Intensity against achievement: labelled points and a linear fit with a confidence band.

    Parameters
    ----------
    df
        One row per unit with numeric columns ``x`` and ``y`` and a text column ``label``.
        Rows missing ``x`` or ``y`` are left out and counted in the caption.
    x_label, y_label
        Axis titles *with units*, e.g. "Propaganda sessions per 1,000 residents (count)".
    caption
        The source of the data ("Source: ..." is prefixed when missing).
    fit
        Draw an OLS line with a ``level`` confidence band for the mean. It is fitted on the
        plotted scale (log10 of an axis with ``log_x``/``log_y``), so the line is straight
        where the reader sees it. Needs at least 3 points and two distinct x values.
    log_x, log_y
        Logarithmic axes (all plotted values must then be > 0); counts of sessions and
        participants are usually skewed.
    """
    where = "scatter_relationship"
    _frame(df, [x, y, label], where)
    data = pd.DataFrame(
        {"x": _numbers(df, x, where), "y": _numbers(df, y, where), "label": df[label]}
    )
    complete = data.dropna(subset=["x", "y"])
    if complete.empty:
        raise PlotInputError(f"{where}: no row has both {x!r} and {y!r}")
    for flag, col, name in ((log_x, "x", x), (log_y, "y", y)):
        if flag and (complete[col] <= 0).any():
            raise PlotInputError(f"{where}: log scale needs {name!r} > 0 in every plotted row")
    omitted = len(data) - len(complete)
    note = f" ({omitted} unit(s) without both values not shown)" if omitted else ""
    with theme():
        fig, (ax,) = _new_figure(caption, where, (7.0, 5.2), note=note)
        ax.set_xscale("log" if log_x else "linear")
        ax.set_yscale("log" if log_y else "linear")
        if fit:
            _fit_band(ax, complete, log_x, log_y, level, where)
        n = len(complete)
        ax.scatter(
            complete["x"], complete["y"], s=40, color=PALETTE["blue"], label=f"Units (n = {n})"
        )
        for row in complete.itertuples():
            ax.annotate(
                str(row.label),
                (row.x, row.y),
                xytext=(4, 3),
                textcoords="offset points",
                fontsize="x-small",
            )
        for flag, axis, col in ((log_x, ax.xaxis, "x"), (log_y, ax.yaxis, "y")):
            if flag:
                _plain_log(axis, complete[col])
        ax.set(xlabel=_wrap(x_label, 70), ylabel=_wrap(y_label))
        ax.set_title(_wrap(title or f"{y_label} vs {x_label}", 70), loc="left")
        ax.legend(loc="best", fontsize="small")
    return fig


def _plain_log(axis: object, values: pd.Series) -> None:
    """Plain numbers ("20", "300") on a log axis instead of powers of ten; minor ticks are
    labelled only when the data span less than a decade (else they would crowd)."""
    from matplotlib.ticker import NullFormatter

    plain = FuncFormatter(lambda v, _pos: _fmt(v))
    axis.set_major_formatter(plain)
    narrow = values.max() / values.min() < 10
    axis.set_minor_formatter(plain if narrow else NullFormatter())


def _fit_band(
    ax: Axes, data: pd.DataFrame, log_x: bool, log_y: bool, level: float, where: str
) -> None:
    if not 0 < level < 1:
        raise PlotInputError(f"{where}: level must be in (0, 1), got {level!r}")
    fx = np.log10 if log_x else np.asarray
    fy = np.log10 if log_y else np.asarray
    xs, ys = fx(data["x"].to_numpy()), fy(data["y"].to_numpy())
    if len(xs) < 3 or np.unique(xs).size < 2:
        raise PlotInputError(
            f"{where}: a fit needs at least 3 points and 2 distinct x values, got "
            f"{len(xs)} point(s); pass fit=False to plot the points alone"
        )
    grid = np.linspace(xs.min(), xs.max(), 100)
    from dvk_analysis.analysis.stats import linear_fit_band

    mean, low, high, slope = linear_fit_band(xs, ys, grid, level)
    back_x = 10**grid if log_x else grid
    back = (lambda v: 10**v) if log_y else (lambda v: v)
    color = PALETTE["orange"]
    ax.fill_between(
        back_x,
        back(low),
        back(high),
        color=color,
        alpha=0.25,
        linewidth=0,
        label=f"{level:.0%} confidence band",
    )
    scale = "log–log " if log_x and log_y else ""
    ax.plot(back_x, back(mean), color=color, label=f"Linear {scale}fit (slope {slope:.3g})")


# --- 2. DVK models by field ----------------------------------------------------------------


def models_by_field(
    df: pd.DataFrame, *, caption: str, value: str = "value", title: str | None = None
) -> Figure:
    """DVK models by field (economic, culture-society, defence-security, Party building).

    Parameters
    ----------
    df
        Long rows for *one* unit and period: ``indicator`` (codebook names; the four
        ``dvk_models_<field>`` rows are drawn, a ``dvk_models`` row is quoted as the reported
        total, others are ignored) and ``value`` (count). A field without a row is labelled
        "not reported" rather than drawn as zero.
    value
        The value column (e.g. ``"mid"`` for :meth:`Panel.panel_long`).
    """
    where = "models_by_field"
    data = _pick(df, list(FIELD_LABELS), value, None, where)
    values = data.set_index("indicator")["value"].reindex(list(FIELD_LABELS))
    total = _reported_total(df, value)
    with theme():
        fig, (ax,) = _new_figure(caption, where, (7.0, 3.6))
        colors = list(PALETTE.values())[: len(FIELD_LABELS)]
        _barh(ax, list(FIELD_LABELS.values()), values.to_numpy(), colors)
        ax.set(xlabel="DVK models (count)", ylabel="Field")
        suffix = f" (reported total: {_fmt(total)})" if total is not None else ""
        ax.set_title(title or f"“Skilled Mass Mobilization” models by field{suffix}", loc="left")
    return fig


def _reported_total(df: pd.DataFrame, value: str) -> float | None:
    rows = pd.to_numeric(df.loc[df["indicator"] == "dvk_models", value], errors="coerce")
    return float(rows.iloc[0]) if len(rows) == 1 and pd.notna(rows.iloc[0]) else None


# --- 3. propaganda funnel -------------------------------------------------------------------


def propaganda_funnel(
    df: pd.DataFrame,
    *,
    caption: str,
    value: str = "value",
    label: str | None = None,
    kind: Literal["propaganda", "legal_education"] = "propaganda",
    title: str | None = None,
) -> Figure:
    """Sessions (count) -> participants (persons): two linked bar panels.

    Parameters
    ----------
    df
        Long rows: ``indicator`` (``propaganda_sessions`` and ``propaganda_participants``, or
        the ``legal_education_*`` pair with ``kind="legal_education"``; others are ignored),
        ``value``, and with ``label`` a column naming the unit of each row (one row per unit
        and indicator). Persons per session is written next to each participant bar.
    """
    where = "propaganda_funnel"
    if kind not in FUNNELS:
        raise PlotInputError(f"{where}: kind must be one of {list(FUNNELS)}, got {kind!r}")
    sessions, participants = FUNNELS[kind]
    data = _pick(df, [sessions, participants], value, label, where)
    table = data.pivot(index="label", columns="indicator", values="value")
    table = table.reindex(columns=[sessions, participants])
    labels = [str(u) or "All reported" for u in table.index]
    with theme():
        size = (8.0, 2.2 + 0.45 * len(labels))
        fig, (left, right) = _new_figure(caption, where, size, ncols=2, sharey=True)
        _barh(left, labels, table[sessions].to_numpy(), PALETTE["blue"])
        _barh(right, labels, table[participants].to_numpy(), PALETTE["orange"])
        left.set(xlabel="Sessions held (count)", ylabel="Unit" if label else "")
        right.set(xlabel="Participants (persons)")
        _per_session(right, table[participants] / table[sessions])
        noun = "Propaganda" if kind == "propaganda" else "Legal-education"
        fig.suptitle(title or f"{noun} sessions → participants", x=0.01, ha="left")
    return fig


def _per_session(ax: Axes, ratio: pd.Series) -> None:
    """Write "≈ N persons per session" inside each participant bar that has both numbers."""
    for y, r in enumerate(ratio.to_numpy(dtype=float)):
        if np.isfinite(r):
            ax.annotate(
                f"≈ {_fmt(round(r, 1))} per session",
                (0, y),
                xytext=(4, -11),
                textcoords="offset points",
                fontsize="x-small",
                va="center",
            )


# --- 4. resources ---------------------------------------------------------------------------


def resources_mobilized(
    df: pd.DataFrame,
    *,
    caption: str,
    value: str = "value",
    label: str | None = None,
    resources: Sequence[str] = DEFAULT_RESOURCES,
    title: str | None = None,
) -> Figure:
    """Resources mobilised as small multiples, one unit per axis.

    Parameters
    ----------
    df
        Long rows: ``indicator`` (codebook names, values in codebook units: VND, m2,
        person_days, ...; a ``unit`` column, when present, is checked), ``value``, and with
        ``label`` a column naming each row's unit. Funds are shown in billions of VND.
    resources
        Indicators to draw, keys of :data:`RESOURCE_MEASURES`; those without rows are listed
        as "not reported" in the title instead of drawn as zero.
    """
    where = "resources_mobilized"
    unknown = [r for r in resources if r not in RESOURCE_MEASURES]
    if unknown or not resources:
        raise PlotInputError(
            f"{where}: resources must be among {list(RESOURCE_MEASURES)}, got {unknown or []}"
        )
    data = _pick(df, list(resources), value, label, where)
    table = data.pivot(index="label", columns="indicator", values="value")
    shown = [r for r in resources if r in table.columns]
    absent = [RESOURCE_MEASURES[r].title.lower() for r in resources if r not in table.columns]
    labels = [str(u) or "All reported" for u in table.index]
    with theme():
        size = (3.4 * len(shown) + 1.2, 2.4 + 0.45 * len(labels))
        fig, axes = _new_figure(caption, where, size, ncols=len(shown), sharey=True)
        for ax, name, color in zip(axes, shown, PALETTE.values(), strict=False):
            measure = RESOURCE_MEASURES[name]
            _barh(ax, labels, table[name].to_numpy() * measure.scale, color)
            ax.set_xlabel(f"{measure.title} ({measure.unit})")
        axes[0].set_ylabel("Unit" if label else "")
        gap = f" (not reported: {', '.join(absent)})" if absent else ""
        fig.suptitle(title or f"Resources mobilised{gap}", x=0.01, ha="left")
    return fig


# --- 5. achievement over time ---------------------------------------------------------------


def achievement_over_time(
    df: pd.DataFrame,
    *,
    caption: str,
    year: str = "year",
    share: str = "share",
    label: str | None = None,
    national: pd.DataFrame | None = None,
    y_label: str = "Communes meeting NTM (% of communes)",
    title: str | None = None,
) -> Figure:
    """Share of criteria met / communes meeting NTM by year, one line per unit.

    Parameters
    ----------
    df
        Columns ``year`` (integer year) and ``share`` (a proportion in [0, 1], e.g. value /
        denominator; shown as %), and with ``label`` a column naming each row's unit.
    national
        Optional national series with the same ``year`` and ``share`` columns, drawn as a
        dashed black line for comparison.
    y_label
        What the share is of, with the unit, e.g. "Advanced NTM criteria met (% of 19)".
    """
    where = "achievement_over_time"
    series = _shares(df, year, share, label, where)
    base = (
        _shares(national, year, share, None, f"{where} (national)")
        if national is not None
        else None
    )
    with theme():
        fig, (ax,) = _new_figure(caption, where, (7.0, 4.4))
        for (name, rows), color in zip(series.groupby("label", sort=False), _cycle(), strict=False):
            ax.plot(rows["year"], rows["share"], marker="o", color=color, label=name or "Unit")
        if base is not None:
            ax.plot(
                base["year"],
                base["share"],
                color=PALETTE["black"],
                linestyle="--",
                marker="s",
                markersize=4,
                label="National",
            )
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set(xlabel="Year", ylabel=_wrap(y_label), ylim=(0, 1.05))
        ax.set_title(title or "New-rural-area achievement over time", loc="left")
        ax.legend(loc="best", fontsize="small")
    return fig


def _shares(df: pd.DataFrame, year: str, share: str, label: str | None, where: str) -> pd.DataFrame:
    _frame(df, [year, share, *([label] if label else [])], where)
    out = pd.DataFrame(
        {
            "label": df[label].astype(str) if label else "",
            "year": _numbers(df, year, where),
            "share": _numbers(df, share, where),
        }
    ).dropna(subset=["year", "share"])
    if out.empty:
        raise PlotInputError(f"{where}: no row has both {year!r} and {share!r}")
    outside = out[(out["share"] < 0) | (out["share"] > 1)]
    if len(outside):
        raise PlotInputError(
            f"{where}: {share!r} must be a proportion in [0, 1] (value / denominator), got "
            f"{outside['share'].head(5).tolist()}; divide percentages by 100"
        )
    return out.sort_values(["label", "year"], kind="stable")


def _cycle() -> Iterator[str]:
    while True:
        yield from (c for name, c in PALETTE.items() if name not in ("black", "yellow"))


# --- 6. coverage heatmap --------------------------------------------------------------------


def coverage_heatmap(
    df: pd.DataFrame,
    *,
    caption: str,
    unit: str = "place",
    indicator: str = "indicator",
    period: str | None = "period_end",
    all_indicators: bool = False,
    title: str | None = None,
) -> Figure:
    """Which unit reports which indicator for which period: counts, with gaps visible.

    Parameters
    ----------
    df
        One row per observation (curated observations, extractor output or a panel's long
        table): ``unit`` (e.g. ``place`` or ``province``), ``indicator`` and, unless
        ``period=None``, a period column whose first four characters are the year (ISO dates).
    all_indicators
        Show every codebook indicator, so that indicators no unit reports appear as gaps too;
        by default only indicators present in ``df``.

    Notes
    -----
    The matrix is drawn with indicators as rows (their names are long and read best
    horizontally) and "unit · year" as columns; a cell holds the number of observations and a
    grey cell is a gap.
    """
    where = "coverage_heatmap"
    _frame(df, [unit, indicator, *([period] if period else [])], where)
    counts = _coverage_counts(df, unit, indicator, period, all_indicators).T
    rows, cols = counts.shape
    with theme():
        size = (6.4 + 0.5 * cols, 2.6 + 0.3 * rows)
        fig, (ax,) = _new_figure(caption, where, size)
        cmap = ListedColormap([GAP_COLOR, PALETTE["blue"]])
        norm = BoundaryNorm([-0.5, 0.5, counts.to_numpy().max() + 0.5], cmap.N)
        ax.pcolormesh(counts.to_numpy(), cmap=cmap, norm=norm, edgecolors="white", linewidth=1)
        for (r, c), n in np.ndenumerate(counts.to_numpy()):
            if n:
                ax.text(
                    c + 0.5,
                    r + 0.5,
                    str(n),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize="x-small",
                )
        ax.set_xticks(np.arange(cols) + 0.5, counts.columns, rotation=45, ha="right")
        ax.set_yticks(np.arange(rows) + 0.5, counts.index)
        ax.invert_yaxis()
        ax.grid(False)
        ax.set(xlabel="Unit · period (year)" if period else "Unit", ylabel="Indicator")
        ax.legend(
            handles=[
                Patch(color=PALETTE["blue"], label="reported (number of observations)"),
                Patch(color=GAP_COLOR, label="gap: not reported"),
            ],
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            fontsize="small",
        )
        ax.set_title(
            title or "Coverage: observations per indicator, unit and period (count)", loc="left"
        )
    return fig


def _coverage_counts(
    df: pd.DataFrame, unit: str, indicator: str, period: str | None, every: bool
) -> pd.DataFrame:
    """Crosstab of (unit · year) by indicator; indicators in codebook order."""
    names = df[unit].fillna("(no unit)").astype(str)
    if period:
        years = df[period].astype("string").str[:4].fillna("no period")
        names = names + " · " + years
    table = pd.crosstab(names.rename("row"), df[indicator].astype(str).rename("indicator"))
    vocab = list(indicators())
    order = [c for c in vocab if every or c in table.columns]
    order += sorted(c for c in table.columns if c not in vocab)
    return table.reindex(columns=order, fill_value=0).sort_index()


# --- 7. bubble map --------------------------------------------------------------------------


def province_bubble_map(
    df: pd.DataFrame,
    *,
    caption: str,
    value: str = "value",
    value_label: str,
    label: str = "province",
    lon: str = "longitude",
    lat: str = "latitude",
    title: str | None = None,
) -> Figure:
    """Provinces at their coordinates, bubble area proportional to ``value``; no basemap.

    Parameters
    ----------
    df
        One row per province: ``label``, ``lon``/``lat`` in decimal degrees (the caller takes
        them from ``vietnamadminunits``; nothing is fetched here) and a non-negative ``value``.
        Rows with a missing value are left out and counted in the caption.
    value_label
        What the value is, with its unit, e.g. "Propaganda sessions (count)"; it titles the
        size legend.
    """
    where = "province_bubble_map"
    _frame(df, [label, lon, lat, value], where)
    data = _coordinates(df, lon, lat, where)
    data["value"] = _numbers(df, value, where)
    data["label"] = df[label].astype(str)
    shown = data.dropna(subset=["value"])
    if shown.empty:
        raise PlotInputError(f"{where}: every row has a missing {value!r}")
    _non_negative(shown["value"], value, where)
    omitted = len(data) - len(shown)
    note = f" ({omitted} province(s) without a value not shown)" if omitted else ""
    vmax = float(shown["value"].max()) or 1.0
    area = 1200.0 / vmax
    with theme():
        fig, (ax,) = _new_figure(caption, where, (8.0, 7.0), note=note)
        ax.scatter(
            shown["lon"],
            shown["lat"],
            s=shown["value"] * area,
            color=PALETTE["blue"],
            alpha=0.6,
            edgecolors=PALETTE["blue"],
            linewidths=1,
        )
        for row in shown.itertuples():
            ax.annotate(
                row.label,
                (row.lon, row.lat),
                xytext=(0, 0),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize="x-small",
            )
        ax.set_aspect(1 / math.cos(math.radians(float(shown["lat"].mean()))), adjustable="datalim")
        ax.margins(0.15)
        ax.set(xlabel="Longitude (°E)", ylabel="Latitude (°N)")
        _size_legend(ax, vmax, area, value_label)
        ax.set_title(title or value_label, loc="left")
    return fig


def _coordinates(df: pd.DataFrame, lon: str, lat: str, where: str) -> pd.DataFrame:
    out = pd.DataFrame({"lon": _numbers(df, lon, where), "lat": _numbers(df, lat, where)})
    if out.isna().any().any():
        raise PlotInputError(f"{where}: every row needs {lon!r} and {lat!r}")
    if ((out["lat"].abs() > 90) | (out["lon"].abs() > 180)).any():
        raise PlotInputError(
            f"{where}: coordinates out of range (latitude within ±90, longitude within ±180); "
            f"are {lon!r} and {lat!r} swapped?"
        )
    return out


def _size_legend(ax: Axes, vmax: float, area: float, title: str) -> None:
    """Three reference bubbles at round values (the largest ≤ vmax)."""
    top = _round_down(vmax)
    refs = sorted({v for v in (top, _round_down(top / 2), _round_down(top / 5)) if v > 0})
    handles = [
        ax.scatter(
            [],
            [],
            s=v * area,
            color=PALETTE["blue"],
            alpha=0.6,
            edgecolors=PALETTE["blue"],
            label=_fmt(v),
        )
        for v in refs
    ]
    ax.legend(
        handles=handles,
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        labelspacing=1.6,
        borderpad=1.0,
        fontsize="small",
        title_fontsize="small",
    )


def _round_down(v: float) -> float:
    """``v`` rounded down to one significant figure (1, 2 or 5 times a power of ten)."""
    if v <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(v))
    return max(s for s in (1, 2, 5) if s * power <= v) * power


__all__: Sequence[str] = (
    "DEFAULT_RESOURCES",
    "FIELD_LABELS",
    "GAP_COLOR",
    "PALETTE",
    "RESOURCE_MEASURES",
    "PlotInputError",
    "achievement_over_time",
    "configure_notebook",
    "coverage_heatmap",
    "models_by_field",
    "propaganda_funnel",
    "province_bubble_map",
    "render",
    "resources_mobilized",
    "save_figure",
    "scatter_relationship",
    "theme",
)
