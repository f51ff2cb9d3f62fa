"""Shared fixtures: a scratch copy of the project's data folder that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
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
