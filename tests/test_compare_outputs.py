"""scripts/compare_outputs.py: which files it compares and how it reports a difference."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from dvk_analysis.paths import project_root

SPEC = importlib.util.spec_from_file_location(
    "compare_outputs", project_root() / "scripts" / "compare_outputs.py"
)
compare_outputs = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(compare_outputs)


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def test_figures_and_tables_are_compared_byte_for_byte(tmp_path):
    a = _tree(tmp_path / "a", {
        "reports/provinces/x/figures/f.svg": b"<svg/>",
        "reports/dataset/panel_long.csv": b"a,b\n1,2\n",
        "docs/figures/coverage.png": b"\x89PNG",
        "reports/index.html": b"<p>run at 10:00</p>",
        "notebooks/01_corpus.ipynb": b"{}",
    })  # fmt: skip
    b = _tree(tmp_path / "b", {
        "reports/provinces/x/figures/f.svg": b"<svg/>",
        "reports/dataset/panel_long.csv": b"a,b\n1,2.0\n",
        "reports/index.html": b"<p>run at 11:00</p>",
        "reports/provinces/y/tables/claims.csv": b"id\n",
        "notebooks/01_corpus.ipynb": b"{ }",
    })  # fmt: skip
    rows = compare_outputs.compare(
        compare_outputs.collect(a, False), compare_outputs.collect(b, False)
    )
    assert rows == [
        ("docs/figures/coverage.png", "only in A"),
        ("reports/dataset/panel_long.csv", "different"),
        ("reports/provinces/x/figures/f.svg", "same"),
        ("reports/provinces/y/tables/claims.csv", "only in B"),
    ]
    everything = compare_outputs.compare(
        compare_outputs.collect(a, True), compare_outputs.collect(b, True)
    )
    assert ("reports/index.html", "different") in everything
    assert ("notebooks/01_corpus.ipynb", "different") in everything
    out = io.StringIO()
    compare_outputs.print_table(rows, "A-rev", "B-rev", out=out)
    assert out.getvalue().rstrip().endswith("4 files: 1 same, 1 different, 2 on one side only")


def test_identical_trees_have_only_same_rows(tmp_path):
    files = {"reports/t.csv": b"x\n", "docs/figures/f.svg": b"<svg/>"}
    a, b = _tree(tmp_path / "a", files), _tree(tmp_path / "b", files)
    rows = compare_outputs.compare(
        compare_outputs.collect(a, False), compare_outputs.collect(b, False)
    )
    assert [status for _, status in rows] == ["same", "same"]


def test_a_build_runs_the_revisions_own_dvk_command(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project.scripts]\ndvk = "dvk_analysis.cli:main"\n')
    assert compare_outputs.entry_point(tmp_path) == "dvk_analysis.cli:main"
    env = compare_outputs.build_env(tmp_path)
    assert env["PYTHONPATH"] == str(tmp_path / "src") and env["DVK_PROJECT_ROOT"] == str(tmp_path)
