"""Shared fixtures: a scratch copy of the project's data folder that a test may break, and the
province reports that several end-to-end tests read.

Expensive fixtures are session-scoped and `make test` distributes tests by file
(``--dist loadfile``), so a fixture that one file uses is built once. ``province_reports``
serves two files, which may land on two workers: it is built once per run behind a file lock
(pytest-xdist's documented recipe). xdist groups are not used: with pytest 9 and
pytest-xdist 3.8, ``--dist loadgroup`` ignores them (tested: four grouped tests ran on two
workers).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings

from dvk_analysis.paths import data_dir

# Property tests draw the same examples on every run, so `make test` cannot pass today and
# fail tomorrow on an example nobody changed. To hunt for new counter-examples, run
# `pytest --hypothesis-profile=explore` (fresh random draws on every run), then add what it
# finds as a plain test.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """Return a writable copy of ``data/`` (raw, curated, reference)."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def rewrite_csv(path: Path, edit) -> None:
    """Apply ``edit(list_of_rows)`` to a CSV file in place (rows are lists of cells)."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows = edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="session")
def province_reports(tmp_path_factory) -> Path:
    """Hà Tĩnh and Lai Châu reports and the index, built as ``dvk batch --jobs 2`` builds them
    (two concurrent warm kernels), once per test run even across xdist workers. Read-only for
    the tests that use it."""
    from dvk_analysis.run.batch import run_batch

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # one run's root
    root = shared / "province-reports"
    with FileLock(str(root) + ".lock"):
        if not (root / ".complete").exists():
            provinces = ["Hà Tĩnh", "Lai Châu"]
            result = run_batch(
                "02_province_profile", provinces, output_root=root, jobs=2, progress=False
            )
            assert result.exit_code == 0, [r.error for r in result.results]
            (root / ".complete").touch()
    return root
