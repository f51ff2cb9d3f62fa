"""Figures never draw boxes: on a machine without a CJK font, Chinese and Japanese labels are
transliterated (issue 14, "a CJK-capable font or a fallback that never draws boxes").

The machine without a CJK font is simulated by setting the house style's font list to DejaVu
Sans alone (what ``font.family`` is when :func:`style.fallback_fonts` finds nothing). A first
test shows that this simulation really draws boxes (matplotlib's LastResort glyphs) and warns
"Glyph ... missing" when the fallback is bypassed, so the other tests can fail.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from dvk_analysis.figures import plots, style

SOURCE = "curated observations, data/curated/observations.csv"
CJK_PLACES = ["丽水县", "ヴオンロック村", "新香乡鸾上村"]
TRANSLITERATED = ("Li Shui Xian", "Vuonrotsuku Cun", "Xin Xiang Xiang Luan Shang Cun")
TOFU = re.compile(rb"LastResort|-0\"")  # matplotlib's box glyphs, or a .notdef glyph (index 0)


@pytest.fixture
def no_cjk_font(monkeypatch):
    """The house style as on a machine with no CJK font installed."""
    monkeypatch.setitem(style.THEME_RC, "font.family", [style.FONT])
    monkeypatch.setattr(style, "fallback_fonts", lambda: ())
    monkeypatch.setattr(style, "_warned", [])
    files = style._font_files(FontProperties(family=[style.FONT]))
    assert not any(ord("丽") in style._charmap(f) for f in files)  # the simulation holds


def _glyph_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def _fallbacks(caught) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, style.GlyphFallbackWarning)]


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def _figures() -> dict[str, Figure]:
    """House figures whose labels are place names: tick labels, annotations, a legend."""
    resources = pd.DataFrame(
        {
            "place": [CJK_PLACES[0], CJK_PLACES[0], "Hà Tĩnh"],
            "indicator": ["funds_mobilized", "land_donated", "funds_mobilized"],
            "value": [5.97e9, 1200, 3e9],
            "unit": ["VND", "m2", "VND"],
        }
    )
    scatter = pd.DataFrame(
        {"unit": [*CJK_PLACES, "Hà Tĩnh"], "x": [1.0, 2, 3, 4], "y": [0.2, 0.4, 0.5, 0.7]}
    )
    achievement = pd.DataFrame(
        {"province": [CJK_PLACES[1]] * 2 + ["Nghệ An"] * 2, "year": [2020, 2021] * 2,
         "share": [0.4, 0.5, 0.6, 0.7]}
    )  # fmt: skip
    coverage = pd.DataFrame(
        {"place": [CJK_PLACES[2], "Lai Châu"], "indicator": ["dvk_models", "funds_mobilized"],
         "period_end": ["2024", "2023"]}
    )  # fmt: skip
    return {
        "resources": plots.resources_mobilized(resources, label="place", caption=SOURCE),
        "scatter": plots.scatter_relationship(
            scatter, "x", "y", "unit", x_label="Sessions (count)", y_label="Share (%)",
            caption=SOURCE, fit=False,
        ),
        "achievement": plots.achievement_over_time(achievement, label="province", caption=SOURCE),
        "coverage": plots.coverage_heatmap(coverage, unit="place", caption=SOURCE),
    }  # fmt: skip


def test_the_simulated_machine_draws_boxes_when_the_fallback_is_bypassed(no_cjk_font) -> None:
    with style.theme():
        fig = Figure()
        fig.add_subplot().set_title(CJK_PLACES[0])
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mpl.rc_context(style.SAVE_RC):
            fig.savefig(buffer, format="svg")  # plain matplotlib: no readable_labels
    assert TOFU.search(buffer.getvalue())
    assert len(_glyph_warnings(caught)) >= 3


def test_cjk_labels_without_a_cjk_font_are_transliterated_never_boxes(
    no_cjk_font, tmp_path: Path
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = _figures()
        for name, fig in figures.items():
            for path in plots.save_figure(fig, tmp_path / name):
                assert not TOFU.search(path.read_bytes()), path.name
    assert _glyph_warnings(caught) == []
    assert len(_fallbacks(caught)) == 1  # warned once for the whole process
    assert "fonts-wqy-microhei" in _fallbacks(caught)[0]
    for name, fig in figures.items():
        texts = _texts(fig)
        assert not [t for t in texts if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t)], name
        assert any(w in t for t in texts for w in TRANSLITERATED), name
        assert any("Hà Tĩnh" in t or "Nghệ An" in t or "Lai Châu" in t for t in texts), name


def test_notebook_display_gets_the_fallback_too(no_cjk_font) -> None:
    """Inline display draws through Figure.draw, not render(): the house figure fixes its
    labels itself."""
    fig = _figures()["coverage"]
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buffer, format="svg")  # what IPython's inline formatter does
    assert _glyph_warnings(caught) == []
    assert not TOFU.search(buffer.getvalue())


def test_a_category_axis_of_cjk_names_is_transliterated(no_cjk_font) -> None:
    with style.theme():
        fig, axes = style._new_figure(SOURCE, "test", (6, 4))
        axes[0].bar([CJK_PLACES[0], "Hà Tĩnh"], [1, 2])  # a string-category formatter
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = plots.render(fig, "svg")
    assert _glyph_warnings(caught) == [] and not TOFU.search(svg)
    assert [t.get_text() for t in axes[0].get_xticklabels()] == ["Li Shui Xian", "Hà Tĩnh"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("丽水县", "Li Shui Xian"),
        ("ヴオンロック村", "Vuonrotsuku Cun"),
        ("9个山区县", "9 Ge Shan Qu Xian"),
        ("丽水县 (Quảng Bình)", "Li Shui Xian (Quảng Bình)"),
        ("Huyện丽水", "Huyện Li Shui"),
        ("Hà Tĩnh, ثين لوك", "Hà Tĩnh, ثين لوك"),  # DejaVu draws these: unchanged
        ("", ""),
    ],
)
def test_readable_keeps_what_a_font_draws_and_transliterates_the_rest(
    no_cjk_font, text: str, shown: str
) -> None:
    assert style.readable(text) == shown


def test_configure_notebook_keeps_the_fallback_warning_off_the_page(no_cjk_font) -> None:
    with mpl.rc_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plots.configure_notebook("svg")
        plots.render(_figures()["coverage"], "svg")
    assert _fallbacks(caught) == [] and _glyph_warnings(caught) == []


def test_with_a_cjk_font_installed_labels_are_drawn_as_written() -> None:
    if not style.fallback_fonts():
        message = "no CJK font installed (Debian: fonts-wqy-microhei)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI installs one")
        pytest.skip(message)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = _figures()["coverage"]
        svg = plots.render(fig, "svg")
    assert _glyph_warnings(caught) == [] and _fallbacks(caught) == []
    assert any(CJK_PLACES[2] in t for t in _texts(fig))
    assert not TOFU.search(svg)


FALLBACK_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys, warnings
    import pandas as pd
    from dvk_analysis.figures import plots, style
    style.THEME_RC["font.family"] = [style.FONT]  # a machine without a CJK font
    warnings.simplefilter("ignore", style.GlyphFallbackWarning)
    df = pd.DataFrame({"place": ["丽水县", "ヴオンロック村"], "indicator": ["dvk_models"] * 2,
                       "period_end": ["2024", "2023"]})
    fig = plots.coverage_heatmap(df, unit="place", caption="Source: test")
    paths = plots.save_figure(fig, sys.argv[1])
    print(json.dumps({p.suffix: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}))
    """
)


@pytest.mark.slow
def test_transliterated_figures_are_byte_identical_across_processes(tmp_path: Path) -> None:
    results = []
    for seed in (1, 2):
        done = subprocess.run(
            [sys.executable, "-W", "error", "-c", FALLBACK_SCRIPT, str(tmp_path / f"r{seed}/f")],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        assert done.returncode == 0, done.stderr  # -W error: a glyph warning would fail
        results.append(json.loads(done.stdout))
    assert results[0] == results[1]
    svg = (tmp_path / "r1" / "f.svg").read_bytes()
    assert not TOFU.search(svg)
    assert hashlib.sha256(svg).hexdigest() == results[0][".svg"]


@pytest.mark.parametrize("fonts", [(), ("WenQuanYi Micro Hei",)])
def test_the_batch_summary_says_once_when_figures_transliterate(monkeypatch, fonts) -> None:
    from rich.console import Console

    from dvk_analysis.run.batch import BatchResult
    from dvk_analysis.run.executors import RunResult

    monkeypatch.setattr(style, "fallback_fonts", lambda: fonts)
    batch = BatchResult(results=[RunResult("Hà Tĩnh", "ha-tinh", "ok")])
    console = Console(record=True, width=300)
    batch.print_summary(console)
    notes = [line for line in console.export_text().splitlines() if "CJK font" in line]
    assert len(notes) == (0 if fonts else 1)
    assert all("fonts-wqy-microhei" in line and "WARNING" not in line for line in notes)
