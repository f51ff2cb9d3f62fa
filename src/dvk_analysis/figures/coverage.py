"""Where the data are: the coverage heat map and the province bubble map.

Split from ``plots.py`` (issue 11: no module over 700 lines): these two figures show what the
corpus reports and where, not a relationship; the house style is the same (``style.py``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from dvk_analysis.codebook import indicators
from dvk_analysis.figures.style import (
    GAP_COLOR,
    PALETTE,
    PlotInputError,
    _fmt,
    _frame,
    _new_figure,
    _non_negative,
    _numbers,
    theme,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

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
