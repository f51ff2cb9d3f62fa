"""Output folders: writable checks, atomic publishing, failure records and pruning.

Why a module of its own: a failed or interrupted run must never leave a half-written report
(outputs are built in a temporary sibling and renamed into place), leftovers of a killed batch
are cleaned, reports of provinces no longer asked for are pruned atomically, and a failed run
is remembered until a later run succeeds. These file-system rules apply to every runner.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dvk_analysis.fileio import atomic_write_text


@dataclass
class RunResult:
    """The outcome of one province run (what a failure record and the batch index are made of)."""

    province: str
    slug: str
    status: str  # "ok" | "failed" | "skipped"
    reason: str = ""
    seconds: float = 0.0
    report_dir: str | None = None
    error: str | None = None
    cell_index: int | None = None
    execution_count: int | None = None
    failed_notebook: str | None = None


class OutputNotWritableError(PermissionError):
    """The output folder cannot be created or written."""


# -- output folders ---------------------------------------------------------------------------
def ensure_writable(folder: Path) -> Path:
    """Create ``folder`` if needed and prove it is writable, or raise a clear error."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".dvk-write-test-{uuid.uuid4().hex[:8]}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputNotWritableError(
            f"cannot write reports to {folder}: {exc.strerror or exc} "
            "(choose another --output folder or fix its permissions)"
        ) from None
    return folder.resolve()


def _swap_into_place(tmp: Path, target: Path) -> None:
    """Replace ``target`` by ``tmp``: old moved aside, new renamed in, old removed."""
    old = None
    if target.exists():
        old = target.with_name(f".old-{uuid.uuid4().hex[:8]}-{target.name}")
        target.rename(old)
    try:
        tmp.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)  # the previous good report stays
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def clean_partial_outputs(provinces_dir: Path) -> list[Path]:
    """Remove temporary folders of interrupted runs; restore a report caught mid-swap."""
    removed: list[Path] = []
    if not provinces_dir.is_dir():
        return removed
    for path in provinces_dir.iterdir():
        if path.name.startswith((".tmp-", ".gone-")):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        elif path.name.startswith(".old-"):
            target = provinces_dir / path.name[len(".old-xxxxxxxx-") :]
            if target.exists():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.rename(target)
            removed.append(path)
    return removed


def prune_reports(output_root: Path, keep: set[str]) -> list[str]:
    """Remove the reports (and failure records) of provinces not in ``keep``; return slugs.

    Why: a province whose last claim was deleted must not keep a report that no longer
    matches the data. Each folder is renamed aside first (one atomic step, so a reader sees
    the report or nothing) and then deleted; ``clean_partial_outputs`` finishes the deletion
    if the process dies in between.
    """
    provinces_dir = output_root / "provinces"
    gone: list[str] = []
    if provinces_dir.is_dir():
        for report in sorted(provinces_dir.iterdir()):
            if report.name.startswith(".") or not report.is_dir() or report.name in keep:
                continue
            aside = provinces_dir / f".gone-{uuid.uuid4().hex[:8]}-{report.name}"
            report.rename(aside)
            shutil.rmtree(aside, ignore_errors=True)
            gone.append(report.name)
    for record in sorted((output_root / "failed").glob("*.*")):
        if record.stem not in keep:
            record.unlink(missing_ok=True)
            gone.append(record.stem)
    return sorted(set(gone))


def _failure_record(output_root: Path, slug: str) -> Path:
    return output_root / "failed" / f"{slug}.json"


def _write_failure(output_root: Path, result: RunResult) -> None:
    """Record a failed run, so the index shows it as failed until a later run succeeds."""
    record = {"province": result.province, "error": result.error, "finished": time.time()}
    with contextlib.suppress(OSError):  # the run already failed; the summary says why
        atomic_write_text(_failure_record(output_root, result.slug), json.dumps(record))


def _read_failure(output_root: Path, slug: str) -> dict[str, Any] | None:
    path = _failure_record(output_root, slug)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        notebook = output_root / "failed" / f"{slug}.ipynb"
        return {"province": slug, "error": "see the kept notebook"} if notebook.is_file() else None
