"""Shared fixtures: a scratch copy of the project's data folder that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dvk_analysis.paths import data_dir


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
