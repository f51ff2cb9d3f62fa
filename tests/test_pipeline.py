"""The main job end to end, in a scratch copy of the project: it regenerates every report and
never writes to ``data/``."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dvk_analysis.paths import project_root
from dvk_analysis.run.pipeline import clean_notebook, provinces_with_claims


def _checksums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def main_job(tmp_path_factory):
    """Run `dvk reports` once in a scratch copy; return (copy, completed process, checksums).

    Session scope, and `make test` sends a file's tests to one worker (``--dist loadfile``):
    the job runs once per test run.
    """
    copy = tmp_path_factory.mktemp("main-job") / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "reports", "__pycache__", ".*cache*")
    shutil.copytree(project_root(), copy, ignore=ignore)
    before = _checksums(copy / "data")
    env = {**os.environ, "DVK_PROJECT_ROOT": str(copy)}
    done = subprocess.run(
        [sys.executable, "-c", READ_ONLY_DATA, str(copy / "data"), "reports", "--jobs", "2"],
        cwd=copy, env=env, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    return copy, done, before


# Runs `dvk ARGS` with data/ made read-only for the process, by an audit hook rather than
# chmod: tests may run as root, whom file permissions do not stop. The checksums catch what
# other processes (kernels) might write.
READ_ONLY_DATA = """
import os, sys
data = os.path.realpath(sys.argv[1]) + os.sep
WRITES = {"os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.truncate",
          "shutil.rmtree", "shutil.move", "os.link", "os.symlink"}
def guard(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        mode, flags = args[1] or "r", args[2] or 0
        writing = any(c in str(mode) for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR)
        paths = [args[0]] if writing else []
    elif event in WRITES:
        paths = [a for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))]
    else:
        return
    for path in paths:
        if os.path.realpath(os.fsdecode(path)).startswith(data):
            raise PermissionError(f"read-only data/: {event} {os.fsdecode(path)}")
sys.addaudithook(guard)
from dvk_analysis.run.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_the_read_only_guard_stops_a_write_into_data(data_copy):
    article = next((data_copy / "raw" / "articles").glob("*.txt"))
    target = data_copy / "curated" / "extracted.csv"
    args = ["extract", str(article), "-o", str(target)]
    done = subprocess.run(
        [sys.executable, "-c", READ_ONLY_DATA, str(data_copy), *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"dvk: error: cannot write to {target.parent}: folder is not writable\n"
    assert not target.exists()


@pytest.mark.slow
def test_main_job_succeeds_and_leaves_data_untouched(main_job):
    copy, done, before = main_job
    assert done.returncode == 0, done.stderr[-4000:]
    assert _checksums(copy / "data") == before


@pytest.mark.slow
def test_main_job_writes_every_report(main_job):
    copy, done, _ = main_job
    reports = copy / "reports"
    slugs = {p.name for p in (reports / "provinces").iterdir() if p.is_dir()}
    assert len(slugs) == len(provinces_with_claims(copy / "data"))
    hatinh = reports / "provinces" / "ha-tinh"
    assert (hatinh / "02_province_profile.html").exists()
    assert (hatinh / "figures" / "models_by_field.svg").exists()
    assert (hatinh / "figures" / "models_by_field.png").exists()
    assert (hatinh / "tables" / "claims.csv").exists()
    assert "ha-tinh/02_province_profile.html" in (reports / "index.html").read_text("utf-8")
    assert not list(reports.rglob(".dvk-tmp-*")), "a partial output was left behind"
    for name in ("observations", "panel_long", "panel_exclusions"):
        assert (reports / "dataset" / f"{name}.csv").stat().st_size > 100
    assert "make reports" in done.stderr and "failed" not in done.stderr.split("make reports")[1]


@pytest.mark.slow
def test_main_job_refreshes_notebooks_without_volatile_metadata(main_job):
    copy, _, _ = main_job
    for path in sorted((copy / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert "papermill" not in nb.metadata
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), path.name
        assert not [o for c in code for o in c.outputs if o.output_type == "error"], path.name


def test_clean_notebook_drops_only_run_metadata():
    spec = {"name": "dvk-analysis", "display_name": "dvk-analysis"}
    nb = nbformat.v4.new_notebook(metadata={"papermill": {"duration": 1.2}, "kernelspec": spec})
    cell = nbformat.v4.new_code_cell("1 + 1", metadata={"papermill": {}, "tags": ["parameters"]})
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    nb.cells.append(cell)
    cleaned = clean_notebook(nb)
    assert cleaned.metadata == {"kernelspec": spec}
    assert cleaned.cells[0].metadata == {"tags": ["parameters"]}
