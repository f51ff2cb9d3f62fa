"""Change detection: input hashes, run records, and why a report is re-run or stale.

Why a module of its own: a batch is incremental (a run is skipped when its notebook,
parameters, library code and input data hash as recorded in ``.dvk-run.json``) and the index
is never stale (each report's record is compared with the current inputs). Both questions,
"must this run again?" and "is this report still current?", are answered here, from the same
hashes and records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dvk_analysis.run.outputs import RunResult, _read_failure
from dvk_analysis.run.parameters import RUNNER_PARAMETERS, _ascii_fold, canonical_parameters

RUN_RECORD = ".dvk-run.json"


# -- hashing ----------------------------------------------------------------------------------
def hash_files(root: Path, patterns: Sequence[str] = ("**/*",), skip: Sequence[str] = ()) -> str:
    """SHA-256 over the relative paths and contents of the files under ``root``.

    ``skip`` lists file suffixes left out: the data folder's Markdown pages (README, SOURCES)
    describe the tables, and editing them must not rerun every province.
    """
    digest = hashlib.sha256()
    if not root.exists():
        return "missing"
    files = sorted({p for pat in patterns for p in root.glob(pat) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts or path.name.startswith(".dvk-") or path.suffix in skip:
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def code_hash() -> str:
    """Hash of the dvk_analysis package sources and resources (the notebooks' library code)."""
    return hash_files(Path(__file__).resolve().parents[1], ("**/*.py", "**/*.csv", "**/*.toml"))


def _params_hash(parameters: Mapping[str, Any]) -> str:
    canonical = json.dumps(
        {k: v for k, v in sorted(parameters.items()) if k not in RUNNER_PARAMETERS},
        sort_keys=True,
        ensure_ascii=False,
        default=repr,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _rerun_reason(previous: Mapping[str, Any] | None, record: Mapping[str, Any]) -> str | None:
    """Why a run must happen again (``None`` if unchanged)."""
    if not previous:
        return "no previous run"
    labels = (
        ("notebook", "notebook changed"),
        ("parameters", "parameters changed"),
        ("code", "code changed"),
        ("data", "data changed"),
        ("kernel", "kernel changed"),
    )
    changed = [label for key, label in labels if previous.get(key) != record.get(key)]
    return ", ".join(changed) or None


def _read_record(report_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((report_dir / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# -- inputs, records and staleness ------------------------------------------------------------
@dataclass
class Inputs:
    """What a province's report is a function of: notebook, code, data, kernel, parameters.

    ``record(province)`` is the run record a report made now would carry; a report on disk is
    current exactly when its recorded inputs equal it.
    """

    nb_path: Path
    parameters: dict[str, Any]
    shared: dict[str, str]
    data_path: Path | None = None  # where the source pages beside the index are read from

    @classmethod
    def current(
        cls, nb_path: Path, parameters: Mapping[str, Any], kernel: str, data_path: Path
    ) -> Inputs:
        """Hash the current notebook, library code and data once for the whole batch."""
        shared = {
            "notebook": hashlib.sha256(nb_path.read_bytes()).hexdigest(),
            "code": code_hash(),
            "data": hash_files(data_path, skip=(".md",)),
            "kernel": kernel,
        }
        return cls(nb_path, dict(parameters), shared, data_path)

    def record(self, province: str) -> dict[str, Any]:
        """The run record of ``province`` under the current inputs (canonical parameters)."""
        params = dict(self.parameters, province=province)
        canonical = canonical_parameters(self.nb_path, params)
        return dict(
            self.shared,
            notebook_name=self.nb_path.name,
            parameters=_params_hash(canonical),
            parameter_values=params,
        )


def report_files_present(report_dir: Path, stem: str) -> bool:
    """Whether the report's executed notebook and HTML page are both on disk."""
    return (report_dir / f"{stem}.ipynb").is_file() and (report_dir / f"{stem}.html").is_file()


def _reason(
    inputs: Inputs, province: str, slug: str, output_root: Path, force: bool
) -> tuple[str | None, dict[str, Any]]:
    """Why ``province`` must run (None: its report is current), and its run record."""
    record = inputs.record(province)
    report_dir = output_root / "provinces" / slug
    if force:
        return "forced", record
    reason = _rerun_reason(_read_record(report_dir), record)
    if reason in (None, "no previous run") and _read_failure(output_root, slug):
        return "previous run failed", record
    if reason is None and not report_files_present(report_dir, inputs.nb_path.stem):
        return "report files missing", record
    return reason, record


def _iso(seconds: object) -> str:
    if not isinstance(seconds, int | float):
        return ""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="seconds")


def report_status(
    report: Path, record: Mapping[str, Any], inputs: Inputs | None, failure: Mapping | None
) -> tuple[str, str]:
    """Status of a report on disk and a note: ``ok`` only if it provably matches the inputs.

    ``failed`` while a failure record says its latest run failed; ``stale`` when its files
    are missing or its recorded inputs differ from ``inputs`` (the current ones); without
    ``inputs`` nothing can be proven, so ``stale``.
    """
    if failure:
        return "failed", f"latest run failed ({failure.get('error')}); showing the previous report"
    province = str(record.get("province", report.name))
    stem = Path(str(record.get("notebook_name", ""))).stem
    pages = sorted(report.glob("*.html"))
    notebooks = sorted(report.glob("*.ipynb"))
    if not pages or not notebooks or (stem and not report_files_present(report, stem)):
        return "stale", "report files missing; run the batch again to rebuild it"
    if inputs is None:
        return "stale", "inputs not checked"
    reason = _rerun_reason(record, inputs.record(province))
    if reason:
        return "stale", f"out of date ({reason}); run the batch again to rebuild it"
    return "ok", ""


def index_rows(
    output_root: str | os.PathLike[str],
    results: Iterable[RunResult] = (),
    inputs: Inputs | None = None,
) -> list[dict[str, Any]]:
    """One row per province report on disk or failed run (the guard <-> reports contract).

    Keys: ``province``, ``slug``, ``status`` (ok | stale | failed), ``updated`` (ISO time of
    the report), ``report`` (relative HTML path or None), ``key_figures`` (name -> value),
    ``note``; ``href`` and ``error`` repeat ``report`` and ``note`` for older templates.
    Statuses are computed from each report's recorded inputs, never assumed.
    """
    from dvk_analysis.run.htmlreport import read_key_figures

    root = Path(output_root)
    latest = {r.slug: r for r in results}
    rows: dict[str, dict[str, Any]] = {}
    provinces_dir = root / "provinces"
    reports = sorted(provinces_dir.iterdir()) if provinces_dir.is_dir() else []
    for report in reports:
        record = _read_record(report) if report.is_dir() else None
        if record is None or report.name.startswith("."):
            continue
        status, note = report_status(report, record, inputs, _read_failure(root, report.name))
        pages = sorted(report.glob("*.html"))
        rows[report.name] = _row(
            str(record.get("province", report.name)), report.name, status, note,
            f"provinces/{report.name}/{pages[0].name}" if pages else None,
            _iso(record.get("finished")), read_key_figures(report),
        )  # fmt: skip
    failed_dir = root / "failed"
    failed = sorted({p.stem for p in failed_dir.glob("*.*")}) if failed_dir.is_dir() else []
    for slug in failed:
        failure = _read_failure(root, slug)
        if slug not in rows and failure:
            province = str(failure.get("province", slug))
            note = f"failed: {failure.get('error')}"
            rows[slug] = _row(province, slug, "failed", note, None, "", {})
    for slug, result in latest.items():
        if result.status == "failed" and slug not in rows:
            note = f"failed: {result.error}"
            rows[slug] = _row(result.province, slug, "failed", note, None, "", {})
    return sorted(rows.values(), key=lambda r: _ascii_fold(str(r["province"])))


def _row(
    province: str, slug: str, status: str, note: str, report: str | None, updated: str,
    figures: dict[str, str],
) -> dict[str, Any]:  # fmt: skip
    return {
        "province": province, "slug": slug, "status": status, "updated": updated,
        "report": report, "key_figures": figures, "note": note, "href": report, "error": note,
    }  # fmt: skip
