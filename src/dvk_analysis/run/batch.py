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
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dvk_analysis.errors import UserError, unknown_choice
from dvk_analysis.fileio import atomic_write_text, check_output_path

RUN_RECORD = ".dvk-run.json"
LOCK_FILE = ".dvk-batch.lock"
RUNNER_PARAMETERS = ("output_dir",)
"""Parameters the runner sets itself (not part of a run's identity)."""

EXIT_INTERRUPTED = 130


# -- errors -----------------------------------------------------------------------------------
class UnknownNotebookError(LookupError):
    """The notebook name matches no file in ``notebooks/``."""


class ParameterError(ValueError):
    """A parameter is unknown to the notebook or has the wrong type."""


class OutputNotWritableError(PermissionError):
    """The output folder cannot be created or written."""


class BatchLockedError(UserError, RuntimeError):
    """Another batch is writing to the same output folder."""


# -- results ----------------------------------------------------------------------------------
@dataclass
class RunResult:
    """The outcome of one province run."""

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
        kept = [r.failed_notebook for r in self.by_status("failed") if r.failed_notebook]
        if kept:
            console.print(
                "executed notebooks of the failed runs, for debugging:", *kept, sep="\n  "
            )


@dataclass
class RunSpec:
    """Everything a worker needs to run one province (picklable for processes and Dask)."""

    province: str
    slug: str
    notebook: str
    parameters: dict[str, Any]
    output_root: str
    kernel_name: str
    cold: bool
    record: dict[str, Any]
    reason: str
    cwd: str
    execution_timeout: float | None = None


# -- names ------------------------------------------------------------------------------------
def _ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name (for sorting the index)."""
    from dvk_analysis.gazetteer import fold

    return fold(text).lower()


def default_slugify() -> Callable[[str], str]:
    """Return :func:`dvk_analysis.gazetteer.slugify` (folder names of province reports)."""
    from dvk_analysis.gazetteer import slugify

    return slugify


def default_resolver(geography: str | None = None) -> Callable[[str], str]:
    """Return a resolver: any spelling -> canonical name in ``geography`` (via ``places``).

    ``places.resolve_province`` raises ``UnknownPlaceError`` (a ``LookupError``) naming the
    closest provinces; with ``geography="2025"`` a merged legacy name gives its successor.
    """
    from dvk_analysis.gazetteer import resolve_province

    def resolve(name: str) -> str:
        return resolve_province(name, geography).name

    return resolve


# -- notebooks and parameters -----------------------------------------------------------------
def resolve_notebook(notebook: str | os.PathLike[str], notebooks_dir: Path | None = None) -> Path:
    """Return the notebook file for a name (``02_province_profile``) or a path.

    Raises
    ------
    UnknownNotebookError
        Listing the valid notebook names and the closest one.
    """
    from dvk_analysis.paths import notebooks_dir as default_dir

    path = Path(notebook)
    if path.suffix == ".ipynb" and path.is_file():
        return path.resolve()
    folder = notebooks_dir or default_dir()
    candidate = folder / f"{path.stem if path.suffix == '.ipynb' else path.name}.ipynb"
    if candidate.is_file():
        return candidate.resolve()
    valid = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    raise UnknownNotebookError(
        unknown_choice("notebook", str(notebook), valid)
        + f" (no such file, and no {candidate.name} in {folder})"
    )


def notebook_parameters(path: Path) -> dict[str, tuple[type | None, Any]]:
    """Return each parameter of the notebook's ``parameters`` cell: (type, default).

    The type comes from an annotation (``top_n: int = 5``), else from the default's literal
    value (``province = "Hà Tĩnh"`` is a ``str``); ``None`` when unknown (anything goes). The
    cell is read with :mod:`ast` rather than ``papermill.inspect_notebook``: importing
    papermill and nbformat costs about a second, which a batch with nothing to do cannot afford.
    """
    types = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}
    cells = read_notebook_json(path).get("cells", [])
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    source = "".join(tagged[0]["source"]) if tagged else ""
    try:
        body = ast.parse(source).body
    except SyntaxError as exc:
        raise ParameterError(
            f"{path.name}: the cell tagged 'parameters' is not valid Python (line {exc.lineno}: "
            f'{exc.msg}); it must hold plain assignments such as province = "Hà Tĩnh"'
        ) from None
    out: dict[str, tuple[type | None, Any]] = {}
    for node in body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if not isinstance(target, ast.Name) or getattr(node, "value", None) is None:
            continue
        annotation = getattr(node, "annotation", None)
        kind = types.get(ast.unparse(annotation).split("[")[0]) if annotation else None
        try:
            default = ast.literal_eval(node.value)
        except ValueError:  # an expression: shown as written, its type unknown
            default = ast.get_source_segment(source, node.value)
        else:
            if kind is None and default is not None and type(default) in types.values():
                kind = type(default)
        out[target.id] = (kind, default)
    return out


def read_notebook_json(path: Path) -> dict[str, Any]:
    """The notebook file as plain JSON (no nbformat validation: cheap, for metadata lookups)."""
    import json

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnknownNotebookError(
            f"{path} is not a readable notebook (.ipynb JSON): {exc}"
        ) from None


def check_parameters(path: Path, parameters: Mapping[str, Any]) -> None:
    """Fail clearly if a parameter is not in the notebook or has the wrong type."""
    declared = notebook_parameters(path)
    for name, value in parameters.items():
        if name not in declared:
            raise ParameterError(
                f"{path.name} has no parameter {name!r}; its parameters are: "
                f"{', '.join(declared) or '(none: tag a cell with parameters)'}"
            )
        kind, default = declared[name]
        if kind is None or value is None:
            continue
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        ok = ok or (kind is float and isinstance(value, int) and not isinstance(value, bool))
        if not ok:
            raise ParameterError(
                f"parameter {name!r} of {path.name} expects {kind.__name__} "
                f"(default {default!r}), got {type(value).__name__} {value!r}"
            )


def parse_cli_parameters(path: str | os.PathLike[str], pairs: Mapping[str, str]) -> dict[str, Any]:
    """Convert ``-p key value`` strings to the types of the notebook's defaults.

    Text parameters keep the text as given (``-p geography 2025`` is the string "2025"); other
    parameters are parsed as Python literals (``-p year 2024``, ``-p flag True``) and then
    type-checked by :func:`check_parameters`. ``path`` may be a notebook name.
    """
    path = resolve_notebook(path)
    declared = notebook_parameters(path)
    out: dict[str, Any] = {}
    for name, raw in pairs.items():
        kind = declared.get(name, (None, None))[0]
        if kind is str:
            out[name] = raw
            continue
        try:
            out[name] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            out[name] = raw
    check_parameters(path, out)
    return out


# -- hashing ----------------------------------------------------------------------------------
def hash_files(root: Path, patterns: Sequence[str] = ("**/*",)) -> str:
    """SHA-256 over the relative paths and contents of the files under ``root``."""
    digest = hashlib.sha256()
    if not root.exists():
        return "missing"
    files = sorted({p for pat in patterns for p in root.glob(pat) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts or path.name.startswith(".dvk-"):
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def code_hash() -> str:
    """Hash of the dvk_analysis package sources and resources (the notebooks' library code)."""
    return hash_files(Path(__file__).resolve().parents[1], ("**/*.py", "**/*.csv", "**/*.toml"))


def canonical_parameters(nb_path: Path, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a run really gets: the notebook's defaults overridden by ``parameters``.

    Why: ``dvk reports`` passes no geography and ``dvk batch`` passes the default one; both
    are the same run and must hash the same, or each re-runs everything the other made.
    Runner parameters (``output_dir``) are not part of a run's identity and are left out.
    """
    declared = notebook_parameters(nb_path)
    out = {k: default for k, (_, default) in declared.items() if k not in RUNNER_PARAMETERS}
    out.update({k: v for k, v in parameters.items() if k not in RUNNER_PARAMETERS})
    return out


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


# -- one run ----------------------------------------------------------------------------------
def _execute(spec: RunSpec, out_nb: Path, parameters: dict[str, Any], kernel: Any) -> Any:
    """Execute the notebook warm (``kernel``) or cold; return the executed notebook."""
    from dvk_analysis.run.kernels import run_cold

    if spec.cold or kernel is None:
        return run_cold(
            spec.notebook, out_nb, parameters, spec.cwd, spec.kernel_name, spec.execution_timeout
        )
    return kernel.execute(spec.notebook, out_nb, parameters, spec.cwd, spec.execution_timeout)


def _one_line(text: str, limit: int = 200) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finish_report(spec: RunSpec, tmp: Path, out_nb: Path, target: Path) -> None:
    """Add the HTML page and the run record to ``tmp``, then swap it in as ``target``."""
    import nbformat

    from dvk_analysis.run.htmlreport import notebook_html, stamp_text

    nb = nbformat.read(out_nb, as_version=4)
    nb.metadata.get("papermill", {})["output_path"] = str(target / out_nb.name)
    nbformat.write(nb, out_nb)
    stem = out_nb.stem
    page = notebook_html(
        nb,
        f"{spec.province}: province profile",
        back_href="../../index.html",
        stamp=stamp_text(spec.record.get("data")),
    )
    (tmp / f"{stem}.html").write_text(page, encoding="utf-8")
    record = dict(spec.record, province=spec.province, finished=time.time())
    (tmp / RUN_RECORD).write_text(json.dumps(record, indent=1), encoding="utf-8")  # inside tmp
    _swap_into_place(tmp, target)
    (Path(spec.output_root) / "failed" / f"{spec.slug}.ipynb").unlink(missing_ok=True)
    _failure_record(Path(spec.output_root), spec.slug).unlink(missing_ok=True)


def _keep_failed(root: Path, slug: str, out_nb: Path, result: RunResult) -> None:
    """Keep a failed run's executed notebook and its failure record in ``failed/``."""
    with contextlib.suppress(OSError):
        (root / "failed").mkdir(exist_ok=True)
        if out_nb.is_file():
            failed = root / "failed" / f"{slug}.ipynb"
            os.replace(out_nb, failed)
            result.failed_notebook = str(failed)
    _write_failure(root, result)


def execute_run(spec: RunSpec, kernel: Any = None) -> RunResult:
    """Run one province into a temporary folder and swap it into place; never raises for a
    notebook error (the result says what failed), but re-raises ``KeyboardInterrupt`` after
    removing the temporary folder."""
    from papermill.exceptions import PapermillExecutionError

    root = Path(spec.output_root)
    provinces_dir = root / "provinces"
    provinces_dir.mkdir(parents=True, exist_ok=True)
    target = provinces_dir / spec.slug
    tmp = provinces_dir / f".tmp-{uuid.uuid4().hex[:8]}-{spec.slug}"
    tmp.mkdir()
    stem = Path(spec.notebook).stem
    out_nb = tmp / f"{stem}.ipynb"
    parameters = dict(spec.parameters, output_dir=str(tmp))
    result = RunResult(spec.province, spec.slug, "ok", reason=spec.reason)
    start = time.perf_counter()
    try:
        try:
            _execute(spec, out_nb, parameters, kernel)
            _finish_report(spec, tmp, out_nb, target)
            result.report_dir = str(target)
        except PapermillExecutionError as exc:
            result.status = "failed"
            result.cell_index, result.execution_count = exc.cell_index, exc.exec_count
            result.error = _one_line(f"{exc.ename}: {exc.evalue}")
        except Exception as exc:  # kernel died, timeout, report not writable: still isolated
            result.status = "failed"
            result.error = _one_line(f"{type(exc).__name__}: {exc}")
        if result.status == "failed":
            _keep_failed(root, spec.slug, out_nb, result)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # already renamed away after a success
    result.seconds = time.perf_counter() - start
    return result


# -- workers ----------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}
_THREAD = threading.local()


def _shutdown_worker_kernel() -> None:
    kernel = _WORKER.pop("kernel", None)
    if kernel is not None:
        kernel.shutdown()


PR_SET_PDEATHSIG = 1


def _die_now(*_: object) -> None:
    """Stop this worker at once: its kernel first (so no kernel is orphaned), then the process."""
    with contextlib.suppress(Exception):
        provisioner = _WORKER["kernel"].km.provisioner
        os.killpg(provisioner.pgid or provisioner.pid, signal.SIGKILL)
    os._exit(143)


def _watch_parent(parent_pid: int, interval: float = 0.5) -> None:
    """Exit when the batch process is gone (the portable fallback of the parent-death signal)."""
    while os.getppid() == parent_pid:
        time.sleep(interval)
    _die_now()


def die_with_parent(parent_pid: int) -> None:
    """Make this worker process end when the batch process that started it ends.

    Why: after ``kill -9`` of ``dvk batch --jobs 2`` its workers (and their kernels, ~650 MB)
    would run on, writing reports without the batch's lock. On Linux the kernel sends SIGTERM
    to the worker the moment its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon
    thread notices the new parent. Either way the worker kills its kernel and exits.
    """
    signal.signal(signal.SIGTERM, _die_now)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        _die_now()
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _init_process_worker(
    kernel_name: str, preload: tuple[str, ...], cold: bool, parent_pid: int | None = None
) -> None:
    """Process-pool initializer: ignore Ctrl-C (the parent handles it), die with the parent,
    start a warm kernel."""
    from multiprocessing.util import Finalize

    from dvk_analysis.run.kernels import WarmKernel

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid or os.getppid())
    if not cold:
        _WORKER["kernel"] = WarmKernel(kernel_name, preload).start()
        Finalize(None, _shutdown_worker_kernel, exitpriority=10)


def _process_task(spec: RunSpec) -> RunResult:
    return execute_run(spec, _WORKER.get("kernel"))


def _dask_task(spec: RunSpec, preload: tuple[str, ...]) -> RunResult:
    """Dask task: one province, on this worker thread's own warm kernel (or cold)."""
    import atexit

    from dvk_analysis.run.kernels import WarmKernel

    if spec.cold:
        return execute_run(spec, None)
    kernel = getattr(_THREAD, "kernel", None)
    if kernel is None or kernel.kernel_name != spec.kernel_name:
        kernel = WarmKernel(spec.kernel_name, preload).start()
        _THREAD.kernel = kernel
        atexit.register(kernel.shutdown)
    return execute_run(spec, kernel)


# -- the batch --------------------------------------------------------------------------------
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
            "data": hash_files(data_path),
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


def _iter_local(
    todo: list[RunSpec], jobs: int, cold: bool, preload: tuple[str, ...], warm_kernel: Any = None
):
    """Yield results of local runs (in-process for one job, else a process pool)."""
    if not todo:
        return
    if jobs <= 1:
        from dvk_analysis.run.kernels import WarmKernel

        own = not cold and warm_kernel is None
        kernel = WarmKernel(todo[0].kernel_name, preload).start() if own else warm_kernel
        try:
            for spec in todo:
                yield execute_run(spec, None if cold else kernel)
        finally:
            if own:
                kernel.shutdown()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(todo)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_process_worker,
        initargs=(todo[0].kernel_name, preload, cold, os.getpid()),
    )
    futures = {pool.submit(_process_task, spec): spec for spec in todo}
    try:
        yield from _results(futures, as_completed, "worker")  # a raise: the worker died
    except BaseException:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _results(futures: Mapping[Any, RunSpec], as_completed: Callable, where: str):
    """Yield each future's result as it completes; a future that raised becomes a failed run."""
    for future in as_completed(futures):
        spec = futures[future]
        try:
            yield future.result()
        except Exception as exc:
            error = _one_line(f"{where}: {type(exc).__name__}: {exc}")
            yield RunResult(spec.province, spec.slug, "failed", spec.reason, error=error)


def _iter_dask(todo: list[RunSpec], scheduler: Any, preload: tuple[str, ...]):
    """Yield results of runs on a Dask cluster (``scheduler``: address or a ``Client``)."""
    if not todo:
        return
    from distributed import Client, as_completed

    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        futures = {
            client.submit(_dask_task, spec, preload, pure=False, key=f"dvk-{spec.slug}-{i}"): spec
            for i, spec in enumerate(todo)
        }
        yield from _results(futures, as_completed, "dask")
    except BaseException:
        client.cancel(list(futures))
        raise
    finally:
        if own:
            client.close()


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
