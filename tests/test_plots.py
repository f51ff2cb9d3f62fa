"""Figures: labelled axes with units, a source caption, palette colours, deterministic files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.font_manager import findfont
from matplotlib.ft2font import FT2Font

from dvk_analysis.figures import plots
from dvk_analysis.figures.plots import PlotInputError

SOURCE = "curated observations, data/curated/observations.csv"
VI = ["Hà Tĩnh", "Nghệ An", "Thiên Lộc", "Bắc Ninh", "Quảng Trị"]
AR = "ثين لوك"


# --- inputs ---------------------------------------------------------------------------------


def scatter_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": [*VI, AR],
            "sessions": [120.0, 450.0, 300.0, 800.0, 60.0, 200.0],
            "share": [0.42, 0.66, 0.55, 0.91, 0.30, np.nan],
        }
    )


def models_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": [
                "dvk_models",
                "dvk_models_economic",
                "dvk_models_culture_society",
                "dvk_models_party_building",
                "propaganda_sessions",
            ],
            "value": [1500, 700, 450, 120, 10360],
        }
    )


def funnel_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "place": ["Hà Tĩnh", "Hà Tĩnh", "Thiên Lộc", "Thiên Lộc"],
            "indicator": ["propaganda_sessions", "propaganda_participants"] * 2,
            "value": [10360, 990000, 40, 2600],
        }
    )


def resources_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "place": ["A"] * 3 + ["B"] * 2,
            "indicator": ["funds_mobilized", "land_donated", "working_days"] * 1
            + ["funds_mobilized", "land_donated"],
            "value": [40e9, 12000, 5300, 5.5e9, 300],
            "unit": ["VND", "m2", "person_days", "VND", "m2"],
        }
    )


def achievement_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province": ["Hà Tĩnh"] * 3 + ["Nghệ An"] * 3,
            "year": [2020, 2021, 2022] * 2,
            "share": [0.60, 0.72, 0.80, 0.41, 0.50, 0.62],
        }
    )


def national_df() -> pd.DataFrame:
    return pd.DataFrame({"year": [2020, 2021, 2022], "share": [0.63, 0.67, 0.73]})


def coverage_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "place": ["Hà Tĩnh", "Hà Tĩnh", "Hà Tĩnh", "Lai Châu", "Lai Châu"],
            "indicator": [
                "propaganda_sessions",
                "propaganda_sessions",
                "funds_mobilized",
                "dvk_models",
                "funds_mobilized",
            ],
            "period_end": ["2023-09", "2023", "2023-12-31", "2025", "2024"],
        }
    )


def map_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province": ["Hà Tĩnh", "Hà Nội", "Hồ Chí Minh", "Đà Nẵng"],
            "longitude": [105.9, 105.85, 106.7, 108.2],
            "latitude": [18.35, 21.03, 10.78, 16.05],
            "value": [10360.0, 4000.0, 800.0, 2500.0],
        }
    )


# Each case: builder, and the units its value axes must name.
CASES = {
    "scatter": (
        lambda: plots.scatter_relationship(
            scatter_df(),
            "sessions",
            "share",
            "unit",
            x_label="Propaganda sessions (count)",
            y_label="Advanced NTM criteria met (share of 19)",
            caption=SOURCE,
            min_fit=3,  # the fit's mechanics on 5 points (the default guard is 10)
        ),
        ["(count)", "(share of 19)"],
    ),
    "models": (lambda: plots.models_by_field(models_df(), caption=SOURCE), ["(count)"]),
    "funnel": (
        lambda: plots.propaganda_funnel(funnel_df(), caption=SOURCE, label="place"),
        ["(count)", "(persons)"],
    ),
    "resources": (
        lambda: plots.resources_mobilized(resources_df(), caption=SOURCE, label="place"),
        ["(billion VND)", "(m²)", "(person-days)"],
    ),
    "achievement": (
        lambda: plots.achievement_over_time(
            achievement_df(), caption=SOURCE, label="province", national=national_df()
        ),
        ["(% of communes)"],
    ),
    "coverage": (
        lambda: plots.coverage_heatmap(coverage_df(), caption=SOURCE),
        ["(year)"],
    ),
    "map": (
        lambda: plots.province_bubble_map(
            map_df(), caption=SOURCE, value_label="Propaganda sessions (count)"
        ),
        ["(°E)", "(°N)"],
    ),
}


# --- helpers --------------------------------------------------------------------------------


def axis_labels(fig: Figure) -> list[str]:
    return [
        label.replace("\n", " ")
        for ax in fig.axes
        for label in (ax.get_xlabel(), ax.get_ylabel())
        if label
    ]


def drawn_colors(fig: Figure) -> set[str]:
    """Hex colours (alpha ignored) of every data artist: lines, bars, collections."""
    fig.canvas.draw()  # maps colormapped arrays (the heatmap) to colours
    colors: list[np.ndarray] = []
    for ax in fig.axes:
        colors += [to_rgba_array(line.get_color()) for line in ax.lines]
        for patch in ax.patches:
            if patch.get_visible() and patch.get_width() > 0:
                colors.append(to_rgba_array(patch.get_facecolor()))
        for coll in ax.collections:
            colors += [coll.get_facecolors(), coll.get_edgecolors()]
    rgba = np.concatenate([c.reshape(-1, 4) for c in colors if c.size])
    return {to_hex(c[:3]).upper() for c in rgba if c[3] > 0}


ALLOWED = {c.upper() for c in plots.PALETTE.values()} | {plots.GAP_COLOR.upper(), "#FFFFFF"}


# --- every figure ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_figure_has_units_caption_and_palette_colours(name: str) -> None:
    build, units = CASES[name]
    fig = build()
    assert isinstance(fig, Figure)
    labels = axis_labels(fig)
    assert len(labels) >= 2 and all(label.strip() for label in labels)
    for unit in units:
        assert any(unit in label for label in labels), (unit, labels)
    captions = [t.get_text().replace("\n", " ") for t in fig.texts]
    assert any(c.startswith("Source: ") and SOURCE in c for c in captions), captions
    colors = drawn_colors(fig)
    assert colors, "no data artists drawn"
    assert colors <= ALLOWED, colors - ALLOWED


def test_a_caption_of_long_ids_stays_inside_the_figure() -> None:
    ids = ", ".join(f"001_f808597f64e99e4e#{i}:dvk_models_culture_society" for i in range(4))
    fig = plots.models_by_field(models_df(), caption=f"{SOURCE}; observations {ids}")
    fig.canvas.draw()
    caption = next(t for t in fig.texts if t.get_text().startswith("Source"))
    assert caption.get_window_extent().x1 <= fig.bbox.x1


@pytest.mark.parametrize("name", CASES)
def test_figure_leaves_global_rcparams_untouched(name: str) -> None:
    before = dict(mpl.rcParams)
    CASES[name][0]()
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


def test_text_is_set_in_dejavu_sans() -> None:
    fig = CASES["scatter"][0]()
    names = {t.get_fontname() for ax in fig.axes for t in ax.texts} | {
        t.get_fontname() for t in fig.texts
    }
    assert names == {"DejaVu Sans"}


EMPTY = {
    "scatter": lambda df: plots.scatter_relationship(
        df, "x", "y", "u", x_label="x (count)", y_label="y (count)", caption=SOURCE
    ),
    "models": lambda df: plots.models_by_field(df, caption=SOURCE),
    "funnel": lambda df: plots.propaganda_funnel(df, caption=SOURCE),
    "resources": lambda df: plots.resources_mobilized(df, caption=SOURCE),
    "achievement": lambda df: plots.achievement_over_time(df, caption=SOURCE),
    "coverage": lambda df: plots.coverage_heatmap(df, caption=SOURCE),
    "map": lambda df: plots.province_bubble_map(df, caption=SOURCE, value_label="v (count)"),
}
COLUMNS = {
    "scatter": ["x", "y", "u"],
    "models": ["indicator", "value"],
    "funnel": ["indicator", "value"],
    "resources": ["indicator", "value"],
    "achievement": ["year", "share"],
    "coverage": ["place", "indicator", "period_end"],
    "map": ["province", "longitude", "latitude", "value"],
}


@pytest.mark.parametrize("name", EMPTY)
def test_empty_input_is_a_clear_error(name: str) -> None:
    with pytest.raises(PlotInputError, match="DataFrame is empty"):
        EMPTY[name](pd.DataFrame(columns=COLUMNS[name]))


@pytest.mark.parametrize("name", EMPTY)
def test_missing_column_is_named(name: str) -> None:
    df = pd.DataFrame({c: [1] for c in COLUMNS[name][1:]})
    with pytest.raises(PlotInputError, match=rf"missing column.*{COLUMNS[name][0]}"):
        EMPTY[name](df)


def test_a_caption_is_required() -> None:
    with pytest.raises(PlotInputError, match="caption must name the data source"):
        plots.models_by_field(models_df(), caption="  ")


# --- scatter --------------------------------------------------------------------------------


def test_scatter_fit_and_band_match_statsmodels() -> None:
    import statsmodels.api as sm

    df = scatter_df()
    fig = CASES["scatter"][0]()
    (ax,) = fig.axes
    line = ax.lines[0]
    gx, gy = line.get_xdata(), line.get_ydata()
    ok = df.dropna()
    model = sm.OLS(ok["share"], sm.add_constant(ok["sessions"])).fit()
    pred = model.get_prediction(sm.add_constant(gx)).summary_frame(alpha=0.05)
    np.testing.assert_allclose(gy, pred["mean"], rtol=1e-9)
    band = ax.collections[0].get_paths()[0].vertices
    np.testing.assert_allclose(band[:, 1].max(), pred["mean_ci_upper"].max(), rtol=1e-9)
    np.testing.assert_allclose(band[:, 1].min(), pred["mean_ci_lower"].min(), rtol=1e-9)


def test_scatter_reports_n_and_omitted_units_and_labels_points() -> None:
    fig = CASES["scatter"][0]()
    (ax,) = fig.axes
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("n = 5" in t for t in legend), legend
    assert "(1 unit(s) without both values not shown)" in fig.texts[0].get_text().replace("\n", " ")
    assert {t.get_text() for t in ax.texts} == set(VI)


def test_scatter_log_axis_fits_on_the_plotted_scale() -> None:
    df = pd.DataFrame({"u": list("abcd"), "x": [1, 10, 100, 1000], "y": [1.0, 2.0, 3.0, 4.0]})
    fig = plots.scatter_relationship(
        df, "x", "y", "u", x_label="x (count)", y_label="y (count)", caption=SOURCE, log_x=True,
        min_fit=3,
    )  # fmt: skip
    (ax,) = fig.axes
    assert ax.get_xscale() == "log"
    line = ax.lines[0]
    # y = 1 + log10(x) exactly: the fitted line goes through every point
    np.testing.assert_allclose(line.get_ydata(), 1 + np.log10(line.get_xdata()), rtol=1e-9)


def test_scatter_fit_needs_three_points() -> None:
    df = scatter_df().head(2)
    with pytest.raises(PlotInputError, match="at least 3 points.*fit=False"):
        plots.scatter_relationship(
            df, "sessions", "share", "unit", x_label="a (count)", y_label="b (%)", caption="x",
            min_fit=2,
        )  # fmt: skip


def test_scatter_log_scale_rejects_non_positive_values() -> None:
    df = scatter_df().assign(sessions=lambda d: d["sessions"] - 100)
    with pytest.raises(PlotInputError, match="log scale needs 'sessions' > 0"):
        plots.scatter_relationship(
            df, "sessions", "share", "unit", x_label="a", y_label="b", caption="x", log_x=True
        )


# --- bars -----------------------------------------------------------------------------------


def bar_widths(ax) -> list[float]:
    return [p.get_width() for p in ax.patches]


def test_models_by_field_bars_follow_the_fields_and_mark_gaps() -> None:
    fig = CASES["models"][0]()
    (ax,) = fig.axes
    assert bar_widths(ax) == [700, 450, 0, 120]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[2] == plots.FIELD_LABELS["dvk_models_defense_security"]
    values = [t.get_text() for t in ax.texts]
    assert values == ["700", "450", "not reported", "120"]
    assert "1,500" in ax.get_title(loc="left")


def test_models_by_field_refuses_two_units_at_once() -> None:
    df = pd.concat([models_df(), models_df()])
    with pytest.raises(PlotInputError, match="repeat a .unit, indicator. pair"):
        plots.models_by_field(df, caption=SOURCE)


def test_funnel_links_sessions_to_participants() -> None:
    fig = CASES["funnel"][0]()
    left, right = fig.axes
    assert bar_widths(left) == [10360, 40]
    assert bar_widths(right) == [990000, 2600]
    notes = [t.get_text() for t in right.texts if "per session" in t.get_text()]
    assert notes == ["≈ 95.6 per session", "≈ 65 per session"]


def test_resources_in_billions_and_one_unit_per_axis() -> None:
    fig = CASES["resources"][0]()
    funds, land, days = fig.axes
    assert bar_widths(funds) == pytest.approx([40.0, 5.5])
    assert bar_widths(land) == [12000, 300]
    assert [t.get_text() for t in days.texts] == ["5,300", "not reported"]


def test_resources_reject_values_in_another_unit() -> None:
    df = resources_df()
    df.loc[0, "unit"] = "USD"
    with pytest.raises(PlotInputError, match="funds_mobilized must be in 'VND'"):
        plots.resources_mobilized(df, caption=SOURCE, label="place")


# --- time, coverage, map --------------------------------------------------------------------


def test_achievement_draws_units_and_the_national_line() -> None:
    fig = CASES["achievement"][0]()
    (ax,) = fig.axes
    labels = [line.get_label() for line in ax.lines]
    assert labels == ["Hà Tĩnh", "Nghệ An", "National"]
    assert list(ax.lines[2].get_ydata()) == [0.63, 0.67, 0.73]
    assert ax.lines[2].get_linestyle() == "--"


def test_achievement_rejects_percentages() -> None:
    df = achievement_df().assign(share=lambda d: d["share"] * 100)
    with pytest.raises(PlotInputError, match=r"proportion in \[0, 1\].*divide percentages"):
        plots.achievement_over_time(df, caption=SOURCE, label="province")


def test_coverage_counts_observations_and_shows_gaps() -> None:
    fig = CASES["coverage"][0]()
    (ax,) = fig.axes
    mesh = ax.collections[0].get_array().reshape(3, 3)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert rows == ["propaganda_sessions", "dvk_models", "funds_mobilized"]  # codebook order
    assert cols == ["Hà Tĩnh · 2023", "Lai Châu · 2024", "Lai Châu · 2025"]
    expected = np.array([[2, 0, 0], [0, 0, 1], [1, 1, 0]])
    np.testing.assert_array_equal(mesh, expected)
    fig.canvas.draw()
    faces = [to_hex(c[:3]).upper() for c in ax.collections[0].get_facecolors()]
    assert faces.count(plots.GAP_COLOR.upper()) == int((expected == 0).sum())


def test_coverage_can_show_every_codebook_indicator() -> None:
    from dvk_analysis.codebook import indicators

    fig = plots.coverage_heatmap(coverage_df(), caption=SOURCE, all_indicators=True)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == list(indicators())


def test_bubble_area_is_proportional_to_value_with_a_size_legend() -> None:
    fig = CASES["map"][0]()
    (ax,) = fig.axes
    sizes = ax.collections[0].get_sizes()
    values = map_df()["value"].to_numpy()
    np.testing.assert_allclose(sizes / sizes[0], values / values[0])
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Propaganda sessions (count)"
    assert [t.get_text() for t in legend.get_texts()] == ["2,000", "5,000", "10,000"]


def test_bubble_map_catches_swapped_coordinates() -> None:
    df = map_df().rename(columns={"longitude": "latitude", "latitude": "longitude"})
    with pytest.raises(PlotInputError, match="swapped"):
        plots.province_bubble_map(df, caption=SOURCE, value_label="v (count)")


# --- text -----------------------------------------------------------------------------------


def test_vietnamese_and_arabic_labels_render_without_missing_glyphs() -> None:
    df = pd.DataFrame(
        {
            "u": ["Dân vận khéo", "Nông thôn mới", "Quảng Ngãi", AR],
            "x": [1, 2, 3, 4],
            "y": [1.0, 2.5, 2.0, 4.0],
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = plots.scatter_relationship(
            df,
            "x",
            "y",
            "u",
            x_label="Sessions (count)",
            y_label="Đạt chuẩn (%)",
            caption="Báo Hà Tĩnh; الأخبار",
            fit=False,
        )
        png = plots.render(fig, "png")
    assert png.startswith(b"\x89PNG")
    assert not [w for w in caught if "missing from" in str(w.message)]
    font = FT2Font(findfont(plots.FONT))
    text = "".join(df["u"]) + "Đạt chuẩn"
    missing = {c for c in text if not c.isspace() and font.get_char_index(ord(c)) == 0}
    assert missing == set()


# --- saving ---------------------------------------------------------------------------------

RENDER_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys
    import pandas as pd
    from dvk_analysis.figures import plots
    df = pd.DataFrame({"u": ["Hà Tĩnh", "ثين لوك", "Bắc Ninh", "Long An"],
                       "x": [10, 30, 80, 50], "y": [0.5, 0.6, 0.9, 0.7]})
    fig = plots.scatter_relationship(df, "x", "y", "u", x_label="Sessions (count)",
                                     y_label="Share (%)", caption="Source: test")
    paths = plots.save_figure(fig, sys.argv[1])
    out = {p.suffix: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    if len(sys.argv) > 2:  # inline notebook output through IPython's formatter
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        plots.configure_notebook("svg")
        plots.configure_notebook("svg")
        data, _ = shell.display_formatter.format(fig)
        out["inline"] = hashlib.sha256(data["image/svg+xml"].encode()).hexdigest()
        out["png_inline"] = "image/png" in data
    print(json.dumps(out))
    """
)


@pytest.mark.slow
def test_saved_files_are_byte_identical_across_processes(tmp_path: Path) -> None:
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", RENDER_SCRIPT, str(tmp_path / f"run{i}" / "fig"), "inline"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": str(i)},
        )
        for i in (1, 2)
    ]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        results.append(json.loads(out))
    assert results[0] == results[1]
    assert results[0]["png_inline"] is False  # only one inline format: SVG
    a, b = (
        (tmp_path / "run1" / "fig.svg").read_bytes(),
        (tmp_path / "run2" / "fig.svg").read_bytes(),
    )
    assert a == b
    assert b"dc:date" not in a
    assert (tmp_path / "run1" / "fig.png").read_bytes() == (
        tmp_path / "run2" / "fig.png"
    ).read_bytes()


def test_save_figure_writes_both_files_atomically(tmp_path: Path, monkeypatch) -> None:
    import dvk_analysis.fileio as fileio

    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src, dst):
        renames.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", spy)
    target = tmp_path / "new" / "nested" / "figure.svg"  # suffix ignored, folders created
    fig = CASES["models"][0]()
    paths = plots.save_figure(fig, target)
    assert paths == [target.with_suffix(".svg"), target.with_suffix(".png")]
    assert paths[0].read_bytes().lstrip().startswith(b"<?xml")
    assert paths[1].read_bytes().startswith(b"\x89PNG")
    assert [dst for _, dst in renames] == paths
    assert all(src.parent == dst.parent and src != dst for src, dst in renames)
    assert sorted(p.name for p in target.parent.iterdir()) == ["figure.png", "figure.svg"]
    assert (
        hashlib.sha256(paths[1].read_bytes()).digest()
        == hashlib.sha256(plots.render(fig, "png")).digest()
    )


def test_save_figure_into_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch):
    import dvk_analysis.fileio as fileio

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root ignores file modes: make the kernel's refusal explicit

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(PermissionError, match=f"cannot write to {folder}.*not writable"):
            plots.save_figure(CASES["models"][0](), folder / "fig")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_save_figure_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        plots.save_figure(CASES["models"][0](), tmp_path / "afile" / "fig")


def test_configure_notebook_outside_ipython_sets_deterministic_rcparams() -> None:
    with mpl.rc_context():
        first = plots.configure_notebook("png")
        state = dict(mpl.rcParams)
        second = plots.configure_notebook("png")
        assert first == second and dict(mpl.rcParams) == state
        assert mpl.rcParams["svg.hashsalt"] == plots.SAVE_RC["svg.hashsalt"]
        assert mpl.rcParams["svg.fonttype"] == "path"
    with pytest.raises(ValueError, match="fmt must be one of"):
        plots.configure_notebook("jpeg")


@pytest.mark.parametrize("caption", [None, "", "   "])
def test_a_missing_caption_is_refused_before_drawing(caption) -> None:
    with pytest.raises(PlotInputError, match="caption must name the data source"):
        plots.province_bubble_map(map_df(), caption=caption, value_label="v (count)")


def test_show_italicises_a_note_but_not_a_multiline_summary() -> None:
    note = plots.show("No funnel: sessions not reported.")
    summary = plots.show("**Hà Tĩnh**: 2 claims.\n\n- dvk_models: 430 count")
    assert note.data == "*No funnel: sessions not reported.*"
    assert summary.data == "**Hà Tĩnh**: 2 claims.\n\n- dvk_models: 430 count"
    figure = Figure()
    assert plots.show(figure) is figure


def test_scatter_draws_no_fit_below_the_guard_and_keeps_shares_on_0_1() -> None:
    frame = pd.DataFrame(
        {"x": [1.0, 2.0, 3.0], "y": [0.2, 0.5, 0.9], "unit": ["A (2020)", "B (2021)", "C"]}
    )
    fig = plots.scatter_relationship(
        frame, "x", "y", "unit", x_label="x (count)", y_label="share", caption="test",
        share_y=True,
    )  # fmt: skip
    ax = fig.axes[0]
    assert ax.get_ylim() == (0.0, 1.0)
    assert not ax.lines  # no fitted line through 3 points
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "below the guard of 10" in texts


def test_bars_are_labelled_as_reported_with_a_whisker() -> None:
    from dvk_analysis.figures.style import reported_label

    assert reported_label(8000, "nearly") == "nearly 8,000"
    assert reported_label(10360, "more_than") == "more than 10,360"
    rows = pd.DataFrame(
        {
            "indicator": ["dvk_models_economic", "dvk_models_culture_society"],
            "value": [8000.0, 120.0],
            "qualifier": ["nearly", "exact"],
            "low": [7200.0, 120.0],
            "high": [8000.0, 120.0],
        }
    )
    fig = plots.models_by_field(rows, caption="test")
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "nearly 8,000" in labels and "120" in labels
    bars = [p.get_width() for p in fig.axes[0].patches]
    assert 8000.0 in bars  # the bar is the reported figure, not the band's midpoint 7,600


def test_scatter_labels_of_points_at_one_place_do_not_overlap():
    import pandas as pd

    from dvk_analysis.figures import plots

    names = ["Alpha (2020)", "Beta (2021)", "Gamma (2022)", "Delta (2023)"]
    df = pd.DataFrame({"x": [1.0, 1.05, 1.1, 5.0], "y": [0.5, 0.5, 0.5, 0.2], "name": names})
    fig = plots.scatter_relationship(df, "x", "y", "name", x_label="x (count)",
                                     y_label="y (share)", caption="test", share_y=True)  # fmt: skip
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() in set(df["name"])]
    assert len(boxes) == 4
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    inside = ax.get_window_extent(renderer)
    assert all(inside.y0 <= b.y0 and b.y1 <= inside.y1 for b in boxes)


def test_funnel_bars_carry_the_reported_qualifier_and_band() -> None:
    rows = pd.DataFrame(
        {
            "indicator": ["propaganda_sessions", "propaganda_participants"],
            "value": [10360.0, 8000.0],
            "qualifier": ["more_than", "nearly"],
            "low": [10360.0, 7200.0],
            "high": [11396.0, 8000.0],
            "place": ["Hà Tĩnh", "Hà Tĩnh"],
        }
    )
    fig = plots.propaganda_funnel(rows, caption=SOURCE, label="place")
    left, right = fig.axes
    assert "more than 10,360" in [t.get_text() for t in left.texts]
    assert "nearly 8,000" in [t.get_text() for t in right.texts]
    assert bar_widths(left) == [10360] and bar_widths(right) == [8000]  # not 10,878 or 7,600


def test_achievement_points_are_the_reported_shares_with_their_qualifier() -> None:
    rows = pd.DataFrame(
        {
            "unit": ["Yên Bái", "Yên Bái"],
            "year": [2019.5, 2020.9],
            "share": [0.34, 0.50],
            "share_low": [0.34, 0.45],
            "share_high": [0.34, 0.50],
            "date": ["2019-06", "2020-12-02"],
            "qualifier": ["exact", "nearly"],
        }
    )
    fig = plots.achievement_over_time(rows, caption=SOURCE, label="unit")
    (ax,) = fig.axes
    assert list(ax.lines[0].get_ydata()) == [0.34, 0.50]  # not the band's mid 0.475
    texts = [t.get_text() for t in ax.texts]
    assert "nearly 50 %, 2020-12-02" in texts and "2019-06" in texts
