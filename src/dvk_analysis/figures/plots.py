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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

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
    readable,
    render,
    reported_label,
    save_figure,
    show,
    theme,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from dvk_analysis.figures.coverage import (  # noqa: E402  (re-exported)
    coverage_heatmap,
    province_bubble_map,
)

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
    share_y: bool = False,
    ranges: tuple[str, str, str, str] | None = None,
    min_fit: int = 10,
) -> Figure:
    """Intensity against achievement: every unit labelled, ranges as whiskers, a guarded fit.

    Parameters
    ----------
    df
        One row per unit with numeric columns ``x`` and ``y`` and a text column ``label``
        (put the date in it, e.g. "Lào Cai (2019-12)": points are dated). Rows missing ``x``
        or ``y`` are left out and counted in the caption.
    x_label, y_label
        Axis titles *with units*, e.g. "Propaganda sessions per 1,000 residents (count)".
    caption
        The source of the data ("Source: ..." is prefixed when missing).
    fit
        Draw an OLS line with a ``level`` confidence band for the mean, fitted on the plotted
        scale, but only with at least ``min_fit`` points (the sample-size guard of the models:
        5 per parameter, 2 parameters); below it the caption says why no line is drawn.
    share_y
        ``y`` is a share: the axis is fixed to [0, 1] (shown as %), whatever the band does.
    ranges
        Column names ``(x_low, x_high, y_low, y_high)``: a qualified figure or competing
        figures are a range, drawn as whiskers.
    log_x, log_y
        Logarithmic axes (all plotted values must then be > 0).
    """
    where = "scatter_relationship"
    _frame(df, [x, y, label, *(ranges or ())], where)
    data = pd.DataFrame(
        {"x": _numbers(df, x, where), "y": _numbers(df, y, where), "label": df[label]}
    )
    if ranges:
        for key, col in zip(("xl", "xh", "yl", "yh"), ranges, strict=True):
            data[key] = _numbers(df, col, where)
    complete = data.dropna(subset=["x", "y"])
    if complete.empty:
        raise PlotInputError(f"{where}: no row has both {x!r} and {y!r}")
    for flag, col, name in ((log_x, "x", x), (log_y, "y", y)):
        if flag and (complete[col] <= 0).any():
            raise PlotInputError(f"{where}: log scale needs {name!r} > 0 in every plotted row")
    omitted = len(data) - len(complete)
    n = len(complete)
    notes = [f"{omitted} unit(s) without both values not shown"] if omitted else []
    draw_fit = fit and n >= min_fit
    if fit and not draw_fit:
        notes.append(f"no fitted line: n = {n} is below the guard of {min_fit}")
    note = f" ({'; '.join(notes)})" if notes else ""
    with theme():
        fig, (ax,) = _new_figure(caption, where, (7.0, 5.2), note=note)
        ax.set_xscale("log" if log_x else "linear")
        ax.set_yscale("log" if log_y else "linear")
        if draw_fit:
            _fit_band(ax, complete, log_x, log_y, level, where)
        if ranges:
            _whiskers(ax, complete)
        ax.scatter(
            complete["x"], complete["y"], s=40, color=PALETTE["blue"], label=f"Units (n = {n})"
        )
        for flag, axis, col in ((log_x, ax.xaxis, "x"), (log_y, ax.yaxis, "y")):
            if flag:
                _plain_log(axis, complete[col])
        if share_y:
            ax.set_ylim(0, 1)
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set(xlabel=_wrap(x_label, 70), ylabel=_wrap(y_label))
        ax.set_title(_wrap(title or f"{y_label} vs {x_label}", 70), loc="left")
        _label_points(ax, complete)
        ax.legend(loc="best", fontsize="small")
    return fig


LABEL_OFFSETS: tuple[tuple[int, int], ...] = tuple(
    (dx, dy) for dy in (3, -10, 10, -17, 17, -24, 24, -31, 31) for dx in (4, -4)
)
"""Candidate label positions (points from the marker), nearest first."""


def _label_points(ax: Axes, data: pd.DataFrame) -> None:
    """Label every point, each label at the first candidate offset that neither overlaps a
    label already placed nor leaves the axes; when none is free, the candidate inside the
    axes that overlaps least.

    Provinces at the same share (many sit at 100 %) would otherwise print their names on top
    of each other. Deterministic: points are placed left to right, top to bottom.
    """
    renderer = ax.figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    placed = []

    def overlap(box) -> float:
        total = 0.0
        for other in placed:
            w = min(box.x1, other.x1) - max(box.x0, other.x0)
            h = min(box.y1, other.y1) - max(box.y0, other.y0)
            total += max(w, 0) * max(h, 0)
        return total

    for row in data.sort_values(["x", "y"], ascending=[True, False]).itertuples():
        best = None
        for dx, dy in LABEL_OFFSETS:
            # Measured as drawn: a label no installed font draws is transliterated first.
            text = ax.annotate(
                readable(str(row.label)), (row.x, row.y), xytext=(dx, dy),
                textcoords="offset points", fontsize="x-small",
                ha="left" if dx > 0 else "right", va="bottom",
            )  # fmt: skip
            box = text.get_window_extent(renderer)
            within = inside.x0 <= box.x0 and box.x1 <= inside.x1
            within = within and inside.y0 <= box.y0 and box.y1 <= inside.y1
            score = (0.0 if within else 1e12) + overlap(box)
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, text, box)
            else:
                text.remove()
            if score == 0:
                break
        placed.append(best[2])


def _whiskers(ax: Axes, data: pd.DataFrame) -> None:
    """Low-high whiskers of each point (a zero-length whisker is not drawn)."""
    xl, xh = data["xl"].fillna(data["x"]), data["xh"].fillna(data["x"])
    yl, yh = data["yl"].fillna(data["y"]), data["yh"].fillna(data["y"])
    ax.errorbar(
        data["x"],
        data["y"],
        xerr=[(data["x"] - xl).clip(lower=0), (xh - data["x"]).clip(lower=0)],
        yerr=[(data["y"] - yl).clip(lower=0), (yh - data["y"]).clip(lower=0)],
        fmt="none",
        ecolor=PALETTE["sky_blue"],
        elinewidth=1,
        capsize=2,
    )


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
    rows = data.set_index("indicator").reindex(list(FIELD_LABELS))
    total = _reported_total(df, value)
    with theme():
        fig, (ax,) = _new_figure(caption, where, (7.0, 3.6))
        colors = list(PALETTE.values())[: len(FIELD_LABELS)]
        _barh(
            ax,
            list(FIELD_LABELS.values()),
            rows["value"].to_numpy(),
            colors,
            qualifiers=rows["qualifier"].tolist(),
            lows=rows["low"].to_numpy(),
            highs=rows["high"].to_numpy(),
        )
        ax.set(xlabel="DVK models (count)", ylabel="Field")
        suffix = f" (reported total: {total})" if total is not None else ""
        ax.set_title(title or f"“Skilled Mass Mobilization” models by field{suffix}", loc="left")
    return fig


def _reported_total(df: pd.DataFrame, value: str) -> str | None:
    """The reported total as written ("more than 1,200"), or None."""
    mask = df["indicator"] == "dvk_models"
    rows = pd.to_numeric(df.loc[mask, value], errors="coerce")
    if len(rows) != 1 or pd.isna(rows.iloc[0]):
        return None
    qualifier = df.loc[mask, "qualifier"].iloc[0] if "qualifier" in df else "exact"
    return reported_label(float(rows.iloc[0]), qualifier)


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
        for ax, name, color in ((left, sessions, "blue"), (right, participants, "orange")):
            reported = _as_reported(data, name, table.index)
            _barh(ax, labels, table[name].to_numpy(), PALETTE[color], **reported)
        left.set(xlabel="Sessions held (count)", ylabel="Unit" if label else "")
        right.set(xlabel="Participants (persons)")
        _per_session(right, table[participants] / table[sessions])
        noun = "Propaganda" if kind == "propaganda" else "Legal-education"
        fig.suptitle(title or f"{noun} sessions → participants", x=0.01, ha="left")
    return fig


def _as_reported(data: pd.DataFrame, indicator: str, order: pd.Index) -> dict[str, list]:
    """``_barh``'s qualifiers, lows and highs of one indicator, in the bars' order: a funnel
    bar is labelled "nearly 8,000" as reported, with its band as a whisker."""
    rows = data[data["indicator"].eq(indicator)].set_index("label").reindex(order)
    return {
        "qualifiers": rows["qualifier"].fillna("exact").tolist(),
        "lows": rows["low"].tolist(),
        "highs": rows["high"].tolist(),
    }


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
    quals = data.pivot(index="label", columns="indicator", values="qualifier")
    lows = data.pivot(index="label", columns="indicator", values="low")
    highs = data.pivot(index="label", columns="indicator", values="high")
    shown = [r for r in resources if r in table.columns]
    absent = [RESOURCE_MEASURES[r].title.lower() for r in resources if r not in table.columns]
    labels = [str(u) or "All reported" for u in table.index]
    with theme():
        size = (3.4 * len(shown) + 1.2, 2.4 + 0.45 * len(labels))
        fig, axes = _new_figure(caption, where, size, ncols=len(shown), sharey=True)
        for ax, name, color in zip(axes, shown, PALETTE.values(), strict=False):
            measure = RESOURCE_MEASURES[name]
            k = measure.scale
            _barh(
                ax,
                labels,
                table[name].to_numpy() * k,
                color,
                qualifiers=quals[name].tolist(),
                lows=lows[name].to_numpy() * k,
                highs=highs[name].to_numpy() * k,
            )
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
            _dated_points(ax, rows, color)
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
        ax.set(xlabel="Year", ylabel=_wrap(y_label), ylim=(0, 1.0))
        ax.set_title(title or "New-rural-area achievement over time", loc="left")
        ax.legend(loc="best", fontsize="small")
    return fig


def _dated_points(ax: Axes, rows: pd.DataFrame, color: str) -> None:
    """Whiskers for ranges (competing or qualified figures) and the date of every point."""
    lo, hi = rows["low"].fillna(rows["share"]), rows["high"].fillna(rows["share"])
    ranged = hi > lo
    if ranged.any():
        r = rows[ranged]
        ax.errorbar(
            r["year"],
            r["share"],
            yerr=[r["share"] - lo[ranged], hi[ranged] - r["share"]],
            fmt="none",
            ecolor=color,
            capsize=3,
        )
    for row in rows.itertuples():
        if row.date:
            ax.annotate(
                _point_label(row.share, row.qualifier, row.date),
                (row.year, row.share),
                xytext=(3, -10),
                textcoords="offset points",
                fontsize="xx-small",
                color=color,
            )


def _point_label(share: float, qualifier: str, date: str) -> str:
    """A point's date, and for a qualified share the figure as reported ("nearly 50 %")."""
    from dvk_analysis.codebook import QUALIFIER_WORDS

    word = QUALIFIER_WORDS.get(str(qualifier), "")
    percent = f"{100 * share:.1f}".rstrip("0").rstrip(".")
    return f"{word}{percent} %, {date}" if word else str(date)


def _shares(df: pd.DataFrame, year: str, share: str, label: str | None, where: str) -> pd.DataFrame:
    """Rows to draw: ``year`` may be fractional (2023.5 for June 2023); optional ``date``,
    ``qualifier``, ``share_low`` and ``share_high`` columns label the points and draw ranges."""
    _frame(df, [year, share, *([label] if label else [])], where)
    out = pd.DataFrame(
        {
            "label": df[label].astype(str) if label else "",
            "year": _numbers(df, year, where),
            "share": _numbers(df, share, where),
            "date": df["date"].astype("string").fillna("") if "date" in df else "",
            "qualifier": df["qualifier"].astype("string").fillna("exact")
            if "qualifier" in df
            else "exact",
            "low": _numbers(df, "share_low", where) if "share_low" in df else np.nan,
            "high": _numbers(df, "share_high", where) if "share_high" in df else np.nan,
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
