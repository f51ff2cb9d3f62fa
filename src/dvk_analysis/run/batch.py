"""Run a parameterised notebook once per province: warm kernels, incremental, failure-isolated.

``dvk batch`` turns ``notebooks/02_province_profile.ipynb`` into one report per province under
``reports/provinces/<slug>/`` (executed notebook, SVG+PNG figures, CSV tables, an offline HTML
page without code) plus ``reports/index.html``. Design choices, and why:

* **Warm kernels** (:mod:`dvk_analysis.run.kernels`): the fixed cost of a cold papermill run
  (kernel start, heavy imports) dominates; one reset-between-runs kernel per worker removes
  it. ``cold=True`` is the plain-papermill reference.
* **Incremental**: a run is skipped when its notebook, parameters, library code and input data
  hash the same as recorded in ``.dvk-run.json`` beside its outputs, so a no-op batch is cheap.
* **Atomic**: outputs are built in a temporary sibling directory and renamed into place, so a
  failed or interrupted run never leaves a half-written report; the previous good one stays.
  A failed run's executed notebook goes to ``failed/<slug>.ipynb`` for debugging.
* **Validated first**: unknown notebooks, provinces, parameters or unwritable outputs fail
  before any kernel starts, with the closest valid names.
* **One batch at a time** per output folder (a file lock), and no writer outlives it: pool
  workers die with the batch process (parent-death signal, plus a watchdog), and their kernels
  with them (ipykernel polls its parent).
* **Never stale**: the index is rebuilt from each report's recorded inputs compared with the
  current ones (canonical parameters: the notebook's defaults filled in), so a report whose
  code, data or parameters changed, or whose files are missing, shows as ``stale``; a failed
  run stays ``failed`` until a later run succeeds; ``prune=True`` removes reports of provinces
  no longer in the list (atomically: renamed aside, then deleted).

This module is the runner and its summary; the parts it composes are modules of their own:
:mod:`~dvk_analysis.run.parameters` (notebooks and their parameters),
:mod:`~dvk_analysis.run.changes` (input hashes, run records, stale or current),
:mod:`~dvk_analysis.run.outputs` (folders, atomic publishing, pruning) and
:mod:`~dvk_analysis.run.executors` (local, process and Dask execution, worker lifetime).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dvk_analysis.errors import UserError
from dvk_analysis.fileio import atomic_write_text, check_output_path
from dvk_analysis.run.changes import (
    RUN_RECORD,
    Inputs,
    _params_hash,
    _read_record,
    _reason,
    index_rows,
)
from dvk_analysis.run.executors import RunSpec, _iter_dask, _iter_local, _one_line
from dvk_analysis.run.outputs import (
    RunResult,
    _swap_into_place,
    clean_partial_outputs,
    ensure_writable,
    prune_reports,
)
from dvk_analysis.run.parameters import (
    RUNNER_PARAMETERS,
    ParameterError,
    canonical_parameters,
    check_parameters,
    default_resolver,
    default_slugify,
    notebook_parameters,
    read_notebook_json,
    resolve_notebook,
)

LOCK_FILE = ".dvk-batch.lock"


EXIT_INTERRUPTED = 130


# -- errors -----------------------------------------------------------------------------------
class BatchLockedError(UserError, RuntimeError):
    """Another batch is writing to the same output folder."""


# -- results ----------------------------------------------------------------------------------
@dataclass
class BatchResult:
    """All runs of a batch, the exit code and a human summary."""

    results: list[RunResult] = field(default_factory=list)
    interrupted: bool = False
    message: str = ""
    seconds: float = 0.0
    error: str | None = None  # e.g. the index could not be written (disk full)

    @property
    def exit_code(self) -> int:
        """0 if every run succeeded or was skipped, 130 if interrupted, else 1."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        return 1 if self.error or any(r.status == "failed" for r in self.results) else 0

    def by_status(self, status: str) -> list[RunResult]:
        """Return the runs with ``status`` (ok, failed, skipped)."""
        return [r for r in self.results if r.status == status]

    def summary_table(self) -> Any:
        """Return a :class:`rich.table.Table`: province, status, seconds, reason, error."""
        from rich.table import Table

        table = Table(title="Province batch", show_lines=False)
        for col in ("Province", "Status", "Seconds", "Why", "Error"):
            table.add_column(col, overflow="fold")
        colours = {"ok": "green", "failed": "red", "skipped": "dim"}
        for r in self.results:
            where = f"cell {r.execution_count}: " if r.execution_count is not None else ""
            table.add_row(
                r.province,
                f"[{colours.get(r.status, 'white')}]{r.status}[/]",
                f"{r.seconds:.1f}",
                r.reason,
                f"{where}{r.error}" if r.error else "",
            )
        return table

    def print_summary(self, console: Any = None) -> None:
        """Print the summary table and the closing message (to stderr by default)."""
        from rich.console import Console

        console = console or Console(stderr=True)
        console.print(self.summary_table())
        counts = {s: len(self.by_status(s)) for s in ("ok", "failed", "skipped")}
        console.print(
            f"{counts['ok']} ok, {counts['failed']} failed, {counts['skipped']} skipped "
            f"in {self.seconds:.1f} s" + (f" - {self.message}" if self.message else "")
        )
        if self.error:
            console.print(f"dvk: error: {self.error}", markup=False, highlight=False)
        if counts["ok"] and (note := font_note()):
            console.print(note, markup=False, highlight=False)
        kept = [r.failed_notebook for r in self.by_status("failed") if r.failed_notebook]
        if kept:
            console.print(
                "executed notebooks of the failed runs, for debugging:", *kept, sep="\n  "
            )


def font_note() -> str:
    """One line for the terminal when figures cannot draw Chinese or Japanese ("" otherwise).

    Reports stay clean (the figures show the transliteration, notebooks keep the warning off
    the page); the person who ran the batch learns why and what to install.
    """
    from dvk_analysis.figures.style import fallback_fonts

    if fallback_fonts():
        return ""
    return (
        "note: no CJK font is installed, so Chinese and Japanese names in figures are "
        "transliterated (丽水县 -> Li Shui Xian); Debian: apt-get install fonts-wqy-microhei"
    )


# -- the batch --------------------------------------------------------------------------------
def _plan(
    inputs: Inputs,
    resolved: Mapping[str, str],
    output_root: Path,
    kernel_name: str,
    cold: bool,
    force: bool,
    timeout: float | None,
) -> tuple[list[RunSpec], list[RunResult]]:
    """Split the resolved provinces (slug -> name) into runs to do and runs to skip."""
    todo: list[RunSpec] = []
    skipped: list[RunResult] = []
    for slug, province in resolved.items():
        reason, record = _reason(inputs, province, slug, output_root, force)
        report_dir = output_root / "provinces" / slug
        if reason is None:
            skipped.append(RunResult(province, slug, "skipped", "unchanged", 0.0, str(report_dir)))
            continue
        params = dict(inputs.parameters, province=province)
        nb = inputs.nb_path
        todo.append(
            RunSpec(
                province,
                slug,
                str(nb),
                params,
                str(output_root),
                kernel_name,
                cold,
                record,
                reason,
                str(nb.parent),
                timeout,
            )  # fmt: skip
        )
    return todo, skipped


def resolve_provinces(
    names: Sequence[str], resolver: Callable[[str], str], slugify: Callable[[str], str]
) -> dict[str, str]:
    """Canonical province of each name, keyed by folder name (spellings of one province merge)."""
    resolved: dict[str, str] = {}
    for name in names:
        canonical = resolver(str(name))
        resolved.setdefault(slugify(canonical), canonical)
    return resolved


def _all_provinces(parameters: Mapping[str, Any]) -> list[str]:
    """Every province of the geography in ``parameters`` (default legacy: 63 provinces)."""
    from dvk_analysis.gazetteer import provinces

    return [p.name for p in provinces(str(parameters.get("geography", "legacy")))]


def run_batch(
    notebook: str | os.PathLike[str],
    provinces: str | Iterable[str],
    *,
    output_root: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    force: bool = False,
    cold: bool = False,
    executor: str = "local",
    scheduler: Any = None,
    parameters: Mapping[str, Any] | None = None,
    resolver: Callable[[str], str] | None = None,
    slugify: Callable[[str], str] | None = None,
    progress: bool = True,
    kernel_name: str | None = None,
    notebooks_dir: Path | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    wait: bool = False,
    preload: Sequence[str] | None = None,
    execution_timeout: float | None = None,
    index: bool = True,
    warm_kernel: Any = None,
    prune: bool = False,
) -> BatchResult:
    """Run ``notebook`` once per province into ``output_root/provinces/<slug>/``.

    Parameters
    ----------
    notebook : str or path
        Notebook name in ``notebooks/`` (``02_province_profile``) or a path to an ``.ipynb``.
    provinces : "all", comma-separated str, or iterable of str
        Province names (with or without diacritics, slugs, pre-2025 names).
    output_root : path, optional
        Report folder (default ``reports/``).
    jobs : int
        Local worker processes, each with its own warm kernel.
    force : bool
        Re-run even when nothing changed.
    cold : bool
        Fresh kernel per run with plain ``papermill.execute_notebook`` (reference behaviour).
    executor : {"local", "dask"}
        Where runs happen; ``dask`` sends each province to ``scheduler`` (address or Client).
    parameters : mapping, optional
        Extra notebook parameters for every run (``geography``, ``data_dir``...);
        ``province`` and ``output_dir`` are set by the runner.
    resolver, slugify : callable, optional
        Province name -> canonical name (raising ``LookupError``/``ValueError`` with the closest
        matches), and canonical name -> folder name. Default: ``dvk_analysis.gazetteer``.
    progress : bool
        Show a progress bar and print the summary table (stderr).
    kernel_name : str, optional
        Kernel to use; default: the notebook's kernel if installed, else ``python3``.
    data_dir : path, optional
        Input data hashed for the incremental check (default: the ``data_dir`` parameter,
        else ``data/``).
    wait : bool
        Wait for another batch on the same output folder instead of failing.
    preload : sequence of str, optional
        Modules a warm kernel imports once (default :data:`kernels.DEFAULT_PRELOAD`).
    execution_timeout : float, optional
        Seconds a cell may run before the run fails (default: no limit).
    index : bool
        Write ``output_root/index.html`` at the end.
    warm_kernel : kernels.WarmKernel, optional
        A started kernel to reuse with ``jobs=1`` (left running afterwards), e.g. across
        several batches in one process.
    prune : bool
        Remove reports of provinces not in ``provinces`` (when ``provinces`` is every
        province with data, so that a province whose claims were deleted loses its report).

    Returns
    -------
    BatchResult
        ``exit_code`` is 0 (all ok/skipped), 1 (some failed) or 130 (interrupted).

    Raises
    ------
    UnknownNotebookError, LookupError, ParameterError, OutputNotWritableError, BatchLockedError
        Before any kernel starts.
    """
    from filelock import FileLock, Timeout

    from dvk_analysis.paths import data_dir as default_data_dir
    from dvk_analysis.paths import reports_dir
    from dvk_analysis.run.kernels import DEFAULT_PRELOAD, choose_kernel_name

    started = time.perf_counter()
    if executor not in ("local", "dask"):
        raise ValueError(f"unknown executor {executor!r}; valid: 'local', 'dask'")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if executor == "dask" and not scheduler:
        raise ValueError("--executor dask needs --scheduler ADDRESS, e.g. tcp://host:8786")
    nb_path = resolve_notebook(notebook, notebooks_dir)
    parameters = dict(parameters or {})
    for reserved in ("province", *RUNNER_PARAMETERS):
        if reserved in parameters:
            raise ParameterError(
                f"parameter {reserved!r} is set by the batch runner; pass provinces instead"
            )
    check_parameters(nb_path, dict(parameters, province="x"))
    if isinstance(provinces, str):
        names = (
            _all_provinces(parameters)
            if provinces.strip().lower() == "all"
            else [p.strip() for p in provinces.split(",") if p.strip()]
        )
    else:
        names = [str(p) for p in provinces]
    if not names:
        raise ValueError("no provinces given; pass 'all' or one or more province names")
    data_path = default_data_dir(data_dir or parameters.get("data_dir"))
    target = Path(output_root) if output_root else reports_dir()
    check_output_path(target, [data_path, nb_path], "reports")
    root = ensure_writable(target)
    kernel = choose_kernel_name(read_notebook_json(nb_path), kernel_name)
    preload_t = tuple(DEFAULT_PRELOAD if preload is None else preload)

    lock = FileLock(str(root / LOCK_FILE))
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise BatchLockedError(
            f"another batch is already writing to {root} (lock {root / LOCK_FILE}); "
            "wait for it to finish, or pass --wait to queue behind it"
        ) from None
    batch = BatchResult()
    resolve = resolver or default_resolver(parameters.get("geography"))
    resolved = resolve_provinces(names, resolve, slugify or default_slugify())
    try:
        with _sigterm_as_interrupt():
            clean_partial_outputs(root / "provinces")
            inputs = Inputs.current(nb_path, parameters, kernel, data_path)
            if prune:
                batch.message = _pruned_message(prune_reports(root, set(resolved)))
            todo, skipped = _plan(inputs, resolved, root, kernel, cold, force, execution_timeout)
            batch.results.extend(skipped)
            runs = (
                _iter_dask(todo, scheduler, preload_t)
                if executor == "dask"
                else _iter_local(todo, jobs, cold, preload_t, warm_kernel)
            )
            _run_all(runs, batch, todo, root, progress)
            if index:
                _write_index_or_note(root, batch, inputs)
    finally:
        lock.release()
    batch.seconds = time.perf_counter() - started
    if progress:
        batch.print_summary()
    return batch


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """Treat SIGTERM (``kill``, a closing terminal, a CI timeout) like Ctrl-C while inside.

    The Ctrl-C path keeps finished reports, removes partial ones and stops the workers; a
    plain SIGTERM would skip all of that. Only the main thread can install handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _pruned_message(slugs: list[str]) -> str:
    return f"removed reports of provinces without data: {', '.join(slugs)}" if slugs else ""


def _run_all(
    runs: Iterable[RunResult], batch: BatchResult, todo: list[RunSpec], root: Path, progress: bool
) -> None:
    """Collect the runs; on Ctrl-C keep finished reports and remove partial ones."""
    try:
        _collect(runs, batch, len(todo), progress)
    except KeyboardInterrupt:
        batch.interrupted = True
        clean_partial_outputs(root / "provinces")
        done = {r.slug for r in batch.results}
        batch.message = (
            f"interrupted: {len(batch.by_status('ok'))} finished report(s) kept, "
            f"{len([s for s in todo if s.slug not in done])} not run, temporary folders removed"
        )
    order = {spec.slug: i for i, spec in enumerate(todo)}
    batch.results.sort(key=lambda r: (r.status != "skipped", order.get(r.slug, -1)))


def _write_index_or_note(root: Path, batch: BatchResult, inputs: Inputs) -> None:
    """Write the index; if the disk refuses (full, read-only) say so in one line, keep going.

    Why: the summary table is what tells a researcher which provinces ran; a failing index
    write must not replace it by a traceback.
    """
    try:
        write_index(root, batch.results, inputs)
    except OSError as exc:
        batch.error = str(exc) if "cannot write" in str(exc) else f"cannot write {root}: {exc}"


def _collect(runs: Iterable[RunResult], batch: BatchResult, total: int, progress: bool) -> None:
    """Append results as they come, with a rich progress bar when asked."""
    if not progress or total == 0:
        batch.results.extend(runs)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("provinces", total=total, last="")
        for result in runs:
            batch.results.append(result)
            bar.update(
                task, advance=1, last=f"{result.province}: {result.status} {result.seconds:.1f}s"
            )


def write_index(
    output_root: str | os.PathLike[str],
    results: Iterable[RunResult] = (),
    inputs: Inputs | None = None,
) -> Path:
    """Write ``output_root/index.html`` from :func:`index_rows`, and the source pages.

    Rendering (labels, formats, the source pages every claim links to) is
    :func:`dvk_analysis.run.htmlreport.index_page`'s.
    """
    from dvk_analysis.run.htmlreport import index_page

    rows = index_rows(output_root, results, inputs)
    data_path = inputs.data_path if inputs is not None else None
    data_hash = inputs.shared.get("data") if inputs is not None else None
    page = index_page(Path(output_root), rows, data_dir=data_path, data_hash=data_hash)
    return atomic_write_text(Path(output_root) / "index.html", page)


def run_folder_name(nb_path: Path, parameters: Mapping[str, Any]) -> str:
    """Folder of one parameter set: ``<province slug>-<hash of the canonical parameters>``.

    Why: ``dvk run`` for Lạng Sơn and then Hà Tĩnh must not mix their figures in one folder;
    one folder per parameter set keeps each run's outputs apart, and the same parameters
    (however spelled) land in the same folder.
    """
    from dvk_analysis.gazetteer import slugify

    digest = _params_hash(canonical_parameters(nb_path, parameters))[:10]
    province = parameters.get("province")
    return f"{slugify(str(province))}-{digest}" if province else digest


def _prepare_run(
    nb_path: Path,
    parameters: Mapping[str, Any] | None,
    output_dir: str | os.PathLike[str] | None,
    resolver: Callable[[str], str] | None,
) -> tuple[dict[str, Any], Path]:
    """Check and canonicalise the parameters; choose and guard the output folder."""
    from dvk_analysis.paths import reports_dir

    params = dict(parameters or {})
    check_parameters(nb_path, params)
    declared = notebook_parameters(nb_path)
    if "province" in params and "province" in declared:
        resolve = resolver or default_resolver(params.get("geography"))
        params["province"] = resolve(str(params["province"]))
    given_out = params.pop("output_dir", None) or None
    folder = output_dir or given_out
    if folder is None:
        folder = reports_dir() / "runs" / nb_path.stem / run_folder_name(nb_path, params)
    target = check_output_path(folder, [nb_path], "output folder")
    check_output_path(target / nb_path.name, [nb_path], "executed notebook")
    if target.exists() and any(target.iterdir()) and not (target / RUN_RECORD).exists():
        raise PermissionError(
            f"refusing to replace {folder}: it is not empty and was not written by dvk run; "
            "choose an empty or new folder"
        )
    return params, target


def run_one(
    notebook: str | os.PathLike[str],
    parameters: Mapping[str, Any] | None = None,
    output_dir: str | os.PathLike[str] | None = None,
    *,
    cold: bool = True,
    kernel_name: str | None = None,
    resolver: Callable[[str], str] | None = None,
    notebooks_dir: Path | None = None,
    html: bool = True,
) -> RunResult:
    """Run one notebook with parameters (``dvk run NOTEBOOK -p key value``).

    Parameters are type-checked against the notebook's defaults (pass CLI strings through
    :func:`parse_cli_parameters` first); a ``province`` parameter is resolved like in a batch.
    The executed notebook, the notebook's outputs and an HTML page go to ``output_dir``
    (default ``reports/runs/<notebook>/<province>-<parameter hash>/``, one folder per
    parameter set). The run is built in a temporary sibling folder and swapped into place, so
    the folder holds exactly one run's outputs, never a mix or a half. Output folders inside
    ``data/`` or ``notebooks/`` are refused. A failing cell gives ``status="failed"``; the
    previous contents stay and the executed notebook is kept beside them.
    """
    import nbformat

    from dvk_analysis.run.kernels import choose_kernel_name

    nb_path = resolve_notebook(notebook, notebooks_dir)
    params, out = _prepare_run(nb_path, parameters, output_dir, resolver)
    ensure_writable(out.parent)
    kernel = choose_kernel_name(nbformat.read(nb_path, as_version=4), kernel_name)
    name = str(params.get("province", nb_path.stem))
    result = RunResult(name, nb_path.stem, "ok", reason="requested", report_dir=str(out))
    tmp = out.parent / f".tmp-{uuid.uuid4().hex[:8]}-{out.name}"
    tmp.mkdir()
    start = time.perf_counter()
    try:
        _run_into(nb_path, params, tmp, out, kernel, cold, html, result)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        result.seconds = time.perf_counter() - start
    return result


def _run_into(
    nb_path: Path, params: dict[str, Any], tmp: Path, out: Path, kernel: str, cold: bool,
    html: bool, result: RunResult,
) -> None:  # fmt: skip
    """Execute into ``tmp`` and swap it in as ``out``; on a failing cell keep the notebook."""
    from papermill.exceptions import PapermillExecutionError

    from dvk_analysis.run.htmlreport import notebook_html
    from dvk_analysis.run.kernels import WarmKernel, run_cold

    declared = notebook_parameters(nb_path)
    run_params = dict(params, output_dir=str(tmp)) if "output_dir" in declared else params
    tmp_nb = tmp / nb_path.name
    try:
        if cold:
            nb = run_cold(nb_path, tmp_nb, run_params, nb_path.parent, kernel)
        else:
            with WarmKernel(kernel) as warm:
                nb = warm.execute(nb_path, tmp_nb, run_params, nb_path.parent)
        if html:
            page = notebook_html(nb, f"{result.province} - {nb_path.stem}")
            (tmp / f"{nb_path.stem}.html").write_text(page, encoding="utf-8")
        record = {"notebook_name": nb_path.name, "parameter_values": params}
        record["finished"] = time.time()
        (tmp / RUN_RECORD).write_text(json.dumps(record, default=repr), encoding="utf-8")
        _swap_into_place(tmp, out)
    except PapermillExecutionError as exc:
        result.status = "failed"
        result.cell_index, result.execution_count = exc.cell_index, exc.exec_count
        result.error = _one_line(f"{exc.ename}: {exc.evalue}")
        _keep_failed_run(tmp, out, tmp_nb, result)


def _keep_failed_run(tmp: Path, out: Path, tmp_nb: Path, result: RunResult) -> None:
    """Keep a failed run's executed notebook without mixing it into a good run's folder.

    A folder that holds no successful run gets the failed run (notebook and a record saying
    it failed); a folder with a good run keeps it untouched and the notebook goes beside it.
    """
    if not tmp_nb.is_file():
        return
    previous = _read_record(out) or {}
    if out.exists() and previous.get("status", "ok") == "ok" and previous:
        kept = out.parent / f"{out.name}.failed.ipynb"
        os.replace(tmp_nb, kept)
    else:
        record = {"status": "failed", "error": result.error, "finished": time.time()}
        (tmp / RUN_RECORD).write_text(json.dumps(record), encoding="utf-8")
        for stale in tmp.iterdir():  # only the notebook and the record: no partial outputs
            if stale not in (tmp_nb, tmp / RUN_RECORD):
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        _swap_into_place(tmp, out)
        kept = out / tmp_nb.name
    result.failed_notebook = str(kept)


def result_dict(result: RunResult) -> dict[str, Any]:
    """A JSON-ready dict of a run result (for logs and the CLI's ``--json``)."""
    return asdict(result)
