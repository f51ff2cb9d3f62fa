"""House style and output of every figure: palette, theme, input checks, labels, saving.

Split from ``plots.py`` along its seam (issue 11): this module knows how a figure looks and is
written (colours, fonts, captions, number labels, deterministic SVG/PNG, notebook display);
``plots.py`` knows what each figure shows. The rules of the style are in ``plots.py``'s module
docstring.
"""

from __future__ import annotations

import functools
import itertools
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from dvk_analysis.codebook import QUALIFIER_WORDS, indicators
from dvk_analysis.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# --- palette and theme -----------------------------------------------------------------------

PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
"""Okabe–Ito colours (distinguishable under the common colour-vision deficiencies), in the
order series are coloured. Yellow is last because it is hard to see on white."""

GAP_COLOR = "#E5E5E5"
"""Neutral fill for "not reported" (coverage gaps); never used for data."""

FONT = "DejaVu Sans"
"""Ships with matplotlib (present everywhere matplotlib is) and covers Vietnamese and Arabic."""

CJK_FONT_FILES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
"""Fonts for Chinese and Japanese place names (Debian packages fonts-wqy-microhei,
fonts-noto-cjk, fonts-droid-fallback; `.ci/run` installs the first). DejaVu Sans has no CJK
glyphs, so without one of these a name such as ヴオンロック村 could not be drawn as written
(:func:`readable_labels` then transliterates it; it never draws boxes)."""

CJK_FAMILIES = re.compile(
    r"^(WenQuanYi|Noto Sans CJK|Noto Serif CJK|Source Han|Droid Sans Fallback|IPAex?Gothic|"
    r"Takao|Microsoft YaHei|SimHei|PingFang|Hiragino Sans|Yu Gothic|MS Gothic|Sarasa)"
)
"""Font families known to draw Chinese and Japanese, found wherever matplotlib's font list has
them (e.g. on macOS or Windows, or fonts installed in the user's folder)."""


@functools.cache
def fallback_fonts() -> tuple[str, ...]:
    """Names of the installed CJK fonts, registered with matplotlib (glyph-by-glyph fallback).

    Files of :data:`CJK_FONT_FILES` are added directly, because matplotlib's font cache may
    predate their installation; other fonts whose family matches :data:`CJK_FAMILIES` are taken
    from matplotlib's font list. Empty when none is installed.
    """
    from matplotlib import font_manager

    names: list[str] = []
    for path in CJK_FONT_FILES:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            names.append(font_manager.FontProperties(fname=path).get_name())
    names += sorted(
        {f.name for f in font_manager.fontManager.ttflist if CJK_FAMILIES.match(f.name)}
    )
    return tuple(dict.fromkeys(names))


THEME_RC: dict[str, object] = {
    # An explicit list: matplotlib falls back glyph by glyph only along font.family.
    "font.family": [FONT, *fallback_fonts()],
    "font.sans-serif": [FONT],
    "axes.unicode_minus": True,
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "legend.frameon": False,
    "xtick.labelsize": "small",
    "ytick.labelsize": "small",
}
"""rcParams added to seaborn's theme."""

SAVE_RC: dict[str, object] = {
    "svg.hashsalt": "dvk-analysis",
    "svg.fonttype": "path",
    "svg.id": None,
    "svg.image_inline": True,
}
"""rcParams that make a rendering byte-identical on re-run (also used by
:func:`configure_notebook`): ``svg.hashsalt`` replaces the random salt of SVG element ids;
``svg.fonttype = "path"`` embeds glyph outlines, so the SVG looks the same without the font."""

SVG_METADATA: dict[str, str | None] = {"Date": None}
"""SVG metadata: no ``dc:date`` (the Creator, matplotlib's version, is kept as provenance)."""

PNG_METADATA: dict[str, str | None] = {"Software": None}
"""PNG metadata: no Software chunk (PNGs written by matplotlib carry no time stamp)."""

DPI = 200
"""Resolution of saved PNGs (fixed so that sizes in pixels do not depend on rcParams)."""

CAPTION_FONTSIZE = 9.0


class PlotInputError(ValueError):
    """A figure cannot be drawn from the given data (empty, missing columns, bad values)."""


@contextmanager
def theme() -> Iterator[None]:
    """Apply the project's seaborn theme inside a context; restore rcParams on exit.

    Use it for figures of your own so they match (``with plots.theme(): ...``).
    """
    with mpl.rc_context():
        sns.set_theme(
            context="notebook",
            style="whitegrid",
            palette=list(PALETTE.values()),
            font=FONT,
            rc=THEME_RC,
        )
        yield


# --- labels no installed font can draw --------------------------------------------------------


class GlyphFallbackWarning(UserWarning):
    """Some label had characters no installed font draws; it was transliterated (once)."""


_warned: list[str] = []  # the first replacement of this process, once warned


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    """The code points the font file at ``path`` has glyphs for (read once per file)."""
    from matplotlib import font_manager

    return frozenset(font_manager.get_font(path).get_charmap())


def _font_files(prop: object) -> tuple[str, ...]:
    """The font files matplotlib draws ``prop``'s text with, in fallback order.

    Mirrors matplotlib's own choice: each family of the list that is installed, in order (a
    glyph missing from one is taken from the next); the default font if none is.
    """
    from matplotlib import font_manager

    files: list[str] = []
    for family in prop.get_family():
        one = prop.copy()
        one.set_family(family)
        try:
            files.append(font_manager.findfont(one, fallback_to_default=False))
        except ValueError:  # this family is not installed
            continue
    if not files:
        files.append(font_manager.findfont(prop))
    return tuple(dict.fromkeys(str(f) for f in files))


def _drawable(char: str, files: tuple[str, ...]) -> bool:
    if unicodedata.category(char) == "Cc":  # line breaks and tabs are layout, not glyphs
        return True
    return any(ord(char) in _charmap(f) for f in files)


def _is_kana(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("KATAKANA", "HIRAGANA"))


def _transliterate(run: str, files: tuple[str, ...]) -> str:
    """A run of undrawable characters in Latin letters: one capitalised syllable per Han
    character ("丽水县" -> "Li Shui Xian"), one word per kana run ("ヴオンロック" ->
    "Vuonrotsuku"), "?" for a character with no transliteration; invisible format characters
    (zero-width space, direction marks) are dropped."""
    from unidecode import unidecode

    words: list[str] = []
    for kana, group in _groups(run):
        latin = unidecode(group).strip()
        if not latin or not all(_drawable(c, files) for c in latin):
            if all(unicodedata.category(c) in ("Cf", "Zs", "Zl", "Zp") for c in group):
                continue
            latin = "?" * (1 if kana else len(group))
        words += (
            [latin.capitalize()] if kana else [w.capitalize() for w in latin.split()] or [latin]
        )
    return " ".join(words)


def _groups(run: str) -> list[tuple[bool, str]]:
    """Split ``run`` into kana runs (kept whole) and single other characters."""
    out: list[tuple[bool, str]] = []
    for char in run:
        kana = _is_kana(char)
        if kana and out and out[-1][0]:
            out[-1] = (True, out[-1][1] + char)
        else:
            out.append((kana, char))
    return out


@functools.lru_cache(maxsize=4096)
def _readable(text: str, files: tuple[str, ...]) -> str:
    if all(_drawable(c, files) for c in text):
        return text
    runs = [(ok, "".join(g)) for ok, g in itertools.groupby(text, lambda c: _drawable(c, files))]
    pieces: list[str] = []
    for i, (ok, run) in enumerate(runs):
        if ok:
            pieces.append(run)
            continue
        latin = _transliterate(run, files)
        if latin and pieces and pieces[-1][-1:].isalnum():
            latin = " " + latin  # "9个" -> "9 Ge": words stay apart from their neighbours
        if latin and i + 1 < len(runs) and runs[i + 1][1][:1].isalnum():
            latin += " "
        pieces.append(latin)
    return "".join(pieces)


def readable(text: str, prop: object | None = None) -> str:
    """``text`` as it can be drawn with ``prop``'s fonts (default: the house style's).

    Unchanged when the installed fonts have a glyph for every character; otherwise each run
    of characters no font draws is transliterated (``"丽水县 (Quảng Bình)"`` ->
    ``"Li Shui Xian (Quảng Bình)"``), so a label never shows boxes.
    """
    if prop is None:
        from matplotlib.font_manager import FontProperties

        prop = FontProperties(family=[FONT, *fallback_fonts()])
    return _readable(text, _font_files(prop)) if text else text


def readable_labels(fig: Figure) -> int:
    """Replace every label of ``fig`` that the installed fonts cannot draw; return how many.

    Titles, axis labels, tick labels (through the axis' formatter, since ticks are relabelled
    at each draw), legends, annotations and figure texts are checked against the fonts each is
    set in. Without a CJK font a Chinese or Japanese name is transliterated instead of drawn as
    boxes; the first replacement in a process issues one :class:`GlyphFallbackWarning` (a
    notebook set up with :func:`configure_notebook` keeps it off the page). Called by every
    house figure before it draws and by :func:`render`; idempotent.
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, NullFormatter

    changed: list[tuple[str, str]] = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis, getattr(ax, "zaxis", None)):
            if axis is None:
                continue
            for minor in (False, True):
                labels = axis.get_ticklabels(minor=minor)
                todo = [
                    t
                    for t in labels
                    if readable(t.get_text(), t.get_fontproperties()) != t.get_text()
                ]
                if not todo:
                    continue
                prop = todo[0].get_fontproperties()
                formatter = axis.get_minor_formatter() if minor else axis.get_major_formatter()
                changed += [(t.get_text(), readable(t.get_text(), prop)) for t in todo]
                if isinstance(formatter, FixedFormatter):
                    formatter.seq = [readable(str(s), prop) for s in formatter.seq]
                elif not isinstance(formatter, (NullFormatter, _ReadableFormatter)):
                    wrapped = _ReadableFormatter(formatter, prop)
                    if minor:
                        axis.set_minor_formatter(wrapped)
                    else:
                        axis.set_major_formatter(wrapped)
    for text in fig.findobj(Text):
        shown = text.get_text()
        new = readable(shown, text.get_fontproperties())
        if new != shown:
            changed.append((shown, new))
            text.set_text(new)
    if changed and not _warned:
        _warned.append(changed[0][0])
        was, now = changed[0]
        warnings.warn(
            f"no installed font draws some characters of the figure labels, e.g. {was!r}: "
            f"such labels are transliterated ({now!r}); install a CJK font (Debian: "
            f"apt-get install fonts-wqy-microhei) to draw them as written",
            GlyphFallbackWarning,
            stacklevel=2,
        )
    return len(changed)


class _ReadableFormatter(FuncFormatter):
    """Wraps a tick formatter whose labels include characters no installed font draws."""

    def __init__(self, inner: object, prop: object) -> None:
        super().__init__(lambda value, pos: readable(inner(value, pos), prop))
        self.inner, self.prop = inner, prop

    def set_axis(self, axis: object) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs: object) -> None:
        self.inner.set_locs(locs)

    def format_ticks(self, values: object) -> list[str]:
        return [readable(str(s), self.prop) for s in self.inner.format_ticks(values)]

    def get_offset(self) -> str:
        return readable(self.inner.get_offset(), self.prop)


class HouseFigure(Figure):
    """A figure whose labels are made drawable (:func:`readable_labels`) before each draw, so
    saving, notebook display and layout never draw a box for a missing glyph."""

    def draw(self, renderer: object) -> None:
        readable_labels(self)
        super().draw(renderer)

    def __repr__(self) -> str:  # a notebook's text output stays "<Figure size ...>"
        return super().__repr__().replace(type(self).__name__, "Figure", 1)


# --- input checks ---------------------------------------------------------------------------


def _frame(df: object, columns: Sequence[str], where: str) -> pd.DataFrame:
    """Return ``df`` if it is a non-empty DataFrame holding ``columns``; else raise."""
    if not isinstance(df, pd.DataFrame):
        raise PlotInputError(f"{where}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise PlotInputError(
            f"{where}: missing column(s) {missing}; the frame has {list(df.columns)}"
        )
    if df.empty:
        raise PlotInputError(f"{where}: the DataFrame is empty; there is nothing to plot")
    return df


def _numbers(df: pd.DataFrame, column: str, where: str) -> pd.Series:
    """Return ``df[column]`` as floats; name the rows that are not numbers."""
    values = pd.to_numeric(df[column], errors="coerce")
    bad = values.isna() & df[column].notna()
    if bad.any():
        shown = df.loc[bad, column].head(5).tolist()
        raise PlotInputError(f"{where}: column {column!r} has non-numeric values {shown}")
    infinite = np.isinf(values.to_numpy(dtype=float))
    if infinite.any():
        raise PlotInputError(f"{where}: column {column!r} has infinite values")
    return values.astype(float)


def _non_negative(values: pd.Series, column: str, where: str) -> None:
    if (values < 0).any():
        shown = values[values < 0].head(5).tolist()
        raise PlotInputError(f"{where}: column {column!r} must be >= 0, got {shown}")


def _pick(
    df: pd.DataFrame,
    names: Sequence[str],
    value: str,
    label: str | None,
    where: str,
) -> pd.DataFrame:
    """Rows of ``df`` whose ``indicator`` is in ``names``, as (label, indicator, value).

    Without ``label`` all rows are one unit. One row per (label, indicator) is required: the
    figure shows reported values, it does not add up claims that may overlap.
    """
    _frame(df, ["indicator", value, *([label] if label else [])], where)
    rows = df[df["indicator"].isin(names)]
    if rows.empty:
        found = sorted(map(str, df["indicator"].dropna().unique()))[:10]
        raise PlotInputError(f"{where}: no rows with indicator in {list(names)}; found {found}")
    reported = _numbers(rows, value, where)
    out = pd.DataFrame(
        {
            "label": rows[label].astype(str) if label else "",
            "indicator": rows["indicator"],
            "value": reported,
            # the qualifier and band travel with the value so labels say what was reported
            "qualifier": rows.get("qualifier", "exact"),
            "low": _numbers(rows, "low", where) if "low" in rows else reported,
            "high": _numbers(rows, "high", where) if "high" in rows else reported,
        }
    ).dropna(subset=["value"])
    if out.empty:
        raise PlotInputError(f"{where}: every {list(names)} row has a missing {value!r}")
    _non_negative(out["value"], value, where)
    _check_units(rows, where)
    dup = out.duplicated(["label", "indicator"], keep=False)
    if dup.any():
        first = out[dup].iloc[0]
        hint = "pass label= to compare units" if not label else "filter to one period"
        raise PlotInputError(
            f"{where}: {int(dup.sum())} rows repeat a (unit, indicator) pair, e.g. "
            f"{first['label'] or '(no label)'!r} / {first['indicator']}; give one row each "
            f"({hint})"
        )
    return out


def _check_units(rows: pd.DataFrame, where: str) -> None:
    """When a ``unit`` column is present, it must be each indicator's codebook unit."""
    if "unit" not in rows.columns:
        return
    vocab = indicators()
    expected = rows["indicator"].map(lambda name: vocab[name].unit if name in vocab else None)
    wrong = rows["unit"].notna() & expected.notna() & (rows["unit"] != expected)
    if wrong.any():
        row = rows[wrong].iloc[0]
        raise PlotInputError(
            f"{where}: {row['indicator']} must be in {vocab[row['indicator']].unit!r} "
            f"(the codebook unit), got {row['unit']!r}; convert the values first"
        )


# --- figure scaffolding ---------------------------------------------------------------------


def _caption_text(caption: str, where: str) -> str:
    """Return the caption, starting with "Source:"; a figure without a source is refused."""
    if not isinstance(caption, str) or not caption.strip():
        raise PlotInputError(f"{where}: caption must name the data source, e.g. 'Source: ...'")
    text = caption.strip()
    return text if text.lower().startswith("source") else f"Source: {text}"


def _new_figure(
    caption: str,
    where: str,
    size: tuple[float, float],
    ncols: int = 1,
    note: str = "",
    **kwargs: object,
) -> tuple[Figure, np.ndarray]:
    """A constrained-layout figure with ``ncols`` axes and the caption (+ ``note``) at the bottom.

    The caption is wrapped to the figure width and the layout leaves room for it, so it never
    overlaps tick labels.
    """
    text = _caption_text(caption, where) + note
    width, height = size
    chars = max(40, int(width * 72 / (CAPTION_FONTSIZE * 0.64)))  # DejaVu digits: 0.64 em
    lines = [line for para in text.splitlines() for line in textwrap.wrap(para, chars) or [""]]
    band = (len(lines) * CAPTION_FONTSIZE * 1.35 + 8) / (height * 72)
    fig = HouseFigure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)  # Agg whatever pyplot's backend is; pyplot itself is never used
    fig.get_layout_engine().set(rect=(0, band, 1, 1 - band))
    axes = fig.subplots(1, ncols, squeeze=False, **kwargs)[0]
    fig.text(0.01, 0.008, "\n".join(lines), ha="left", va="bottom", fontsize=CAPTION_FONTSIZE)
    return fig, axes


def _wrap(text: str, width: int = 34) -> str:
    """Break a long axis label over lines so it never runs off the figure.

    The default width fits a y axis label along the height of the house style's axes (a longer
    line is cut at the figure's edge); explicit line breaks are kept.
    """
    lines = [line for para in text.splitlines() for line in textwrap.wrap(para, width)]
    return "\n".join(lines) or text


def _fmt(value: float) -> str:
    """A value label: thousands separators, at most two decimals, no trailing zeros."""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _thousands(axis: object) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: _fmt(v)))


def reported_label(value: float, qualifier: object = "exact") -> str:
    """``"nearly 8,000"``: the reported number with its qualifier, never a band's midpoint."""
    if value is None or not np.isfinite(value):
        return "not reported"
    word = QUALIFIER_WORDS.get(str(qualifier), "") if isinstance(qualifier, str) else ""
    return word + _fmt(value)


def _barh(
    ax: Axes,
    labels: Sequence[str],
    values: Sequence[float],
    colors: object,
    *,
    qualifiers: Sequence[object] | None = None,
    lows: Sequence[float] | None = None,
    highs: Sequence[float] | None = None,
) -> None:
    """Horizontal bars at the reported values, labelled as reported ("nearly 8,000"), with a
    low-high whisker where a qualifier makes the figure a range; a missing value is shown as
    "not reported"."""
    ys = np.arange(len(labels))
    vals = np.asarray(values, dtype=float)
    heights = np.nan_to_num(vals)
    bars = ax.barh(ys, heights, color=colors, height=0.6)
    quals = list(qualifiers) if qualifiers is not None else ["exact"] * len(vals)
    texts = [reported_label(v, q) for v, q in zip(vals, quals, strict=True)]
    if lows is not None and highs is not None:
        lo, hi = np.asarray(lows, dtype=float), np.asarray(highs, dtype=float)
        ranged = np.isfinite(lo) & np.isfinite(hi) & (hi > lo)
        if ranged.any():
            ax.errorbar(
                heights[ranged],
                ys[ranged],
                xerr=[heights[ranged] - lo[ranged], hi[ranged] - heights[ranged]],
                fmt="none",
                ecolor=PALETTE["black"],
                capsize=3,
                linewidth=1,
            )
    ax.bar_label(bars, labels=texts, padding=3, fontsize="small")
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.margins(x=0.3)
    ax.set_xlim(left=0)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    _thousands(ax.xaxis)


# --- 8. saving and notebooks ----------------------------------------------------------------


def render(fig: Figure, fmt: Literal["svg", "png"], dpi: int = DPI) -> bytes:
    """Return ``fig`` rendered as ``fmt`` with the deterministic settings of :data:`SAVE_RC`."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"render: fmt must be 'svg' or 'png', got {fmt!r}")
    metadata = SVG_METADATA if fmt == "svg" else PNG_METADATA
    buffer = BytesIO()
    readable_labels(fig)
    with theme(), mpl.rc_context(SAVE_RC):
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=dict(metadata), bbox_inches=None)
    return buffer.getvalue()


def save_figure(
    fig: Figure, path: str | Path, *, formats: Sequence[str] = ("svg", "png"), dpi: int = DPI
) -> list[Path]:
    """Write ``path.svg`` and ``path.png``, byte-identical on re-run; return the paths.

    Each file is rendered in memory first and then written atomically (a temporary file in
    the same folder, renamed over the target), so a reader never sees half a figure and an
    interrupted run leaves the old file. Parent folders are created. A ``.svg``/``.png``
    suffix on ``path`` is ignored.

    Raises
    ------
    PermissionError
        Naming the folder, when it is not writable (also on a read-only file system).
    NotADirectoryError
        When a parent of ``path`` is an existing file.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"save_figure: expected a matplotlib Figure, got {type(fig).__name__}")
    bad = [f for f in formats if f not in ("svg", "png")]
    if bad or not formats:
        raise ValueError(f"save_figure: formats must be 'svg' and/or 'png', got {list(formats)}")
    base = Path(path)
    if base.suffix.lower() in (".svg", ".png"):
        base = base.with_suffix("")
    targets = [base.with_name(f"{base.name}.{fmt}") for fmt in formats]
    for target, fmt in zip(targets, formats, strict=True):
        data = render(fig, fmt, dpi)
        try:
            atomic_write_bytes(target, data)
        except (FileExistsError, NotADirectoryError):
            raise NotADirectoryError(
                f"cannot write {target}: a parent of it is a file, not a folder"
            ) from None
        except PermissionError:
            raise
        except OSError as err:  # e.g. a read-only file system
            raise PermissionError(f"cannot write {target}: {err.strerror or err}") from None
    return targets


NOTEBOOK_FORMATS: tuple[str, ...] = ("svg", "png")


def configure_notebook(fmt: Literal["svg", "png"] = "svg") -> dict[str, object]:
    """Make inline figures in a notebook deterministic, so nbval can compare stored outputs.

    Sets, globally (this is the point of the call), the rcParams of :data:`SAVE_RC`:
    ``svg.hashsalt`` (fixed ids instead of random ones), ``svg.fonttype = "path"`` (glyphs as
    outlines), ``svg.id``, ``svg.image_inline``; and ``savefig.dpi``/``figure.dpi`` for PNG.
    In an IPython kernel it also registers the inline formatter for ``fmt`` only, with
    metadata that carries no date (SVG ``Date``) or software version (PNG ``Software``).
    It also ignores :class:`GlyphFallbackWarning` (a label transliterated for want of a CJK
    font shows in the figure itself; the warning would be noise on a published page).
    Calling it again gives the same state (idempotent). Returns the rcParams it set.

    Call it in the notebook's first cell, after any ``%matplotlib inline`` (that magic
    re-registers the inline backend's own formats).
    """
    if fmt not in NOTEBOOK_FORMATS:
        raise ValueError(f"configure_notebook: fmt must be one of {NOTEBOOK_FORMATS}, got {fmt!r}")
    settings: dict[str, object] = {**SAVE_RC, "figure.dpi": 100, "savefig.dpi": 100}
    mpl.rcParams.update(settings)
    # labels transliterated for want of a CJK font are visible in the figure; the warning
    # would only put noise on a published page
    warnings.filterwarnings("ignore", category=GlyphFallbackWarning)
    shell = _ipython_shell()
    if shell is not None:
        from IPython.core.pylabtools import select_figure_formats

        metadata = SVG_METADATA if fmt == "svg" else PNG_METADATA
        select_figure_formats(shell, {fmt}, metadata=dict(metadata))
    return settings


def _ipython_shell() -> object | None:
    """The running IPython shell, or None outside IPython (plain Python, pytest)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return None
    return get_ipython()


def show(item: Figure | str) -> object:
    """Display a figure, or a "not reported" message as Markdown, in a notebook.

    Report functions return a message instead of a figure when there is nothing to draw, so
    that a notebook cell never fails on a province or unit without data. A one-line message is
    set in italics to read as a note; longer Markdown (a summary with a list) is shown as it is,
    because emphasis spanning list items does not render.
    """
    if isinstance(item, str):
        from IPython.display import Markdown

        return Markdown(item if "\n" in item else f"*{item}*")
    return item
