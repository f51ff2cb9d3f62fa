"""Executing runs: one run in a kernel, and the local, process and Dask executors.

Why a module of its own: how a run is executed (warm kernel, cold papermill, thread, process
pool or Dask cluster) and how long its workers live (they die with the batch process, their
kernels with them) is independent of what is run and when; the runner in
:mod:`dvk_analysis.run.batch` only hands specs over and collects results.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dvk_analysis.run.changes import RUN_RECORD
from dvk_analysis.run.outputs import RunResult, _failure_record, _swap_into_place, _write_failure


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


def on_shared_storage(result: RunResult) -> RunResult:
    """A run reported ok whose report folder this machine cannot see becomes a failure.

    A Dask worker writes the report into the output folder at the path it was given; when that
    folder is not on a file system shared with this machine, the worker creates it on its own
    disk and the report never reaches the index.
    """
    if result.status == "ok" and result.report_dir and not Path(result.report_dir).is_dir():
        result.status = "failed"
        result.error = (
            f"the worker wrote {result.report_dir} on a disk this machine does not see; put the "
            "output folder on a shared file system, at the same path on every worker"
        )
    return result


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
        for result in _results(futures, as_completed, "dask"):
            yield on_shared_storage(result)
    except BaseException:
        client.cancel(list(futures))
        raise
    finally:
        if own:
            client.close()
