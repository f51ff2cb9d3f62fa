"""Warm Jupyter kernels: run many parameterised notebooks in one kernel, each as if fresh.

A cold papermill run spends most of its time (~4 s of ~4.7 s) starting a kernel, importing
pandas/statsmodels/seaborn and shutting down. A :class:`WarmKernel` starts one kernel, imports
the heavy libraries once, snapshots the interpreter's pristine state, and *resets* that state
before every run: user namespace, open figures, matplotlib rcParams (which carry the seaborn
theme), pandas options, warning filters, environment variables, ``sys.path``, random seeds,
the working directory and the execution counter. Imported modules stay imported: that is the
whole speed gain, and importing a module twice has no observable effect for ordinary code.

Notebooks still run through papermill (a registered engine, ``dvk-warm``, hands papermill's own
client the warm kernel), so parameters are injected by papermill and the executed notebook is an
ordinary papermill output with an ``injected-parameters`` cell and papermill metadata.

What a reset cannot undo: monkey-patching of imported modules, module-level caches inside
libraries, threads or files a notebook leaves behind. Notebooks in this project do none of that;
``cold=True`` in :func:`dvk_analysis.run.batch.run_batch` is the reference behaviour to compare
with.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

QUIET_ARGUMENTS: tuple[str, ...] = (
    "--HistoryManager.enabled=False",
    "--IPKernelApp.log_level=ERROR",
)
"""Kernel command-line options of every batch kernel.

``HistoryManager.enabled=False``: concurrent kernels share one IPython history database, and
the loser of a write race prints ``ERROR! Session/line number was not unique in database``
into the *notebook's* output, i.e. into a published report. Batch kernels need no history.
``IPKernelApp.log_level=ERROR``: ipykernel 7 warns "running over TCP without encryption" for
every kernel; ours listen on 127.0.0.1 only, so the warning says nothing to a reader.
"""

DEFAULT_PRELOAD: tuple[str, ...] = (
    "numpy",
    "pandas",
    "matplotlib.pyplot",
    "seaborn",
    "statsmodels.api",
    "statsmodels.formula.api",
)
"""Modules imported once when a warm kernel starts (missing ones are silently skipped)."""

ENGINE_NAME = "dvk-warm"

_PRELUDE = """
def _dvk_prelude(preload):
    import copy, importlib, os, sys, types, warnings
    state = types.ModuleType("_dvk_warm_state")
    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:
            pass
    if "matplotlib" in sys.modules:
        import matplotlib
        state.rc = dict(matplotlib.rcParams)
    else:
        state.rc = None
    state.environ = dict(os.environ)
    state.path = list(sys.path)
    state.filters = list(warnings.filters)
    state.modules = set(sys.modules)
    sys.modules["_dvk_warm_state"] = state
_dvk_prelude({preload!r})
del _dvk_prelude
"""

_RESET = """
def _dvk_reset(cwd):
    import os, random, sys, warnings
    state = sys.modules["_dvk_warm_state"]
    ip = get_ipython()
    ip.run_line_magic("reset", "-f")
    ip.execution_count = 1
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(state.environ)
    sys.path[:] = state.path
    warnings.filters[:] = state.filters
    random.seed()
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    if "matplotlib" in sys.modules:
        import matplotlib
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcdefaults()
            if state.rc is not None:
                dict.update(matplotlib.rcParams, state.rc)
            else:
                import matplotlib.pyplot  # noqa: F401  (sets the inline backend like a cold kernel)
    if "pandas" in sys.modules:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                sys.modules["pandas"].reset_option("all")
            except Exception:
                pass
_dvk_reset({cwd!r})
"""


def _kernel_log() -> Path:
    """A fresh file that receives the kernel process's own stdout and stderr."""
    handle, name = tempfile.mkstemp(prefix="dvk-kernel-", suffix=".log")
    os.close(handle)
    return Path(name)


def log_tail(path: Path | None, lines: int = 5) -> str:
    """The last ``lines`` lines of a kernel log, for a failure message ("" if none)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace") if path else ""
    except OSError:
        return ""
    return " | ".join(text.strip().splitlines()[-lines:])


def quiet_launch(kw: dict[str, Any], log: Path) -> dict[str, Any]:
    """Launch arguments that keep the kernel process's own output off the terminal.

    The kernel's stdout/stderr (not the notebook's outputs, which travel over ZeroMQ) carry
    only ipykernel's log lines, e.g. "KeyboardInterrupt caught in kernel" when jupyter_client
    interrupts a kernel before shutting it down. They go to ``log``; a failed run quotes its
    tail, so nothing useful is lost.
    """
    extra = [*kw.get("extra_arguments", []), *QUIET_ARGUMENTS]
    handle = open(log, "ab")  # noqa: SIM115 - the kernel process owns it from now on
    return {**kw, "extra_arguments": extra, "stdout": handle, "stderr": handle}


def quiet_manager(kernel_name: str, asynchronous: bool = False) -> Any:
    """A kernel manager whose kernels keep history off and their log out of the terminal.

    Parameters
    ----------
    kernel_name : str
        Installed kernel spec name.
    asynchronous : bool
        An ``AsyncKernelManager`` (what papermill's client drives) instead of a blocking one.

    Returns
    -------
    KernelManager or AsyncKernelManager
        Its ``log_path`` names the kernel log (see :func:`log_tail`).
    """
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    base = AsyncKernelManager if asynchronous else KernelManager

    class QuietKernelManager(base):  # type: ignore[misc, valid-type]
        log_path: Path | None = None

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            self.log_path = self.log_path or _kernel_log()
            return await super()._async_pre_start_kernel(**quiet_launch(kw, self.log_path))

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:  # the kernel process holds its own copy of the log file
                kw["stdout"].close()

    return QuietKernelManager(kernel_name=kernel_name)


def remove_log(manager: Any) -> None:
    """Delete the kernel log of ``manager`` (after a clean shutdown)."""
    path = getattr(manager, "log_path", None)
    if path is not None:
        Path(path).unlink(missing_ok=True)


class KernelResetError(RuntimeError):
    """The warm kernel could not be reset (it is then restarted by the caller)."""


def choose_kernel_name(notebook: Any, requested: str | None = None) -> str:
    """Return the kernel to run ``notebook`` with.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The notebook; its ``metadata.kernelspec.name`` is used when that kernel is installed
        (the project registers ``dvk-analysis`` with ``make lab``).
    requested : str, optional
        An explicit kernel name; wins when given.

    Returns
    -------
    str
        ``requested``, else the notebook's kernel if installed, else ``python3`` (the
        ipykernel of the current environment).
    """
    if requested:
        return requested
    from jupyter_client.kernelspec import KernelSpecManager

    name = notebook.get("metadata", {}).get("kernelspec", {}).get("name")
    if name and name in KernelSpecManager().find_kernel_specs():
        return name
    return "python3"


def _register_engine() -> None:
    """Register the ``dvk-warm`` papermill engine (idempotent)."""
    from jupyter_core.utils import run_sync
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class WarmClient(PapermillNotebookClient):
        """papermill's client on a kernel we own: it connects a fresh *async* client to it
        (nbclient's event loop must never block on a synchronous socket, or a dead kernel
        hangs the run) and leaves the kernel running afterwards."""

        async def async_start_new_kernel_client(self):
            from jupyter_client.asynchronous import AsyncKernelClient

            kc = AsyncKernelClient()
            kc.load_connection_info(self.km.get_connection_info())
            self.kc = kc
            kc.start_channels()
            await kc.wait_for_ready(timeout=self.startup_timeout)
            kc.allow_stdin = False
            return kc

        start_new_kernel_client = run_sync(async_start_new_kernel_client)

    class WarmEngine(NBClientEngine):
        """papermill's nbclient engine, but on a kernel manager we own (kept alive)."""

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            **kwargs,
        ):
            import logging

            client = WarmClient(
                nb_man,
                km=kwargs["km"],
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logging.getLogger("papermill"),
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    if ENGINE_NAME not in papermill_engines._engines:
        papermill_engines.register(ENGINE_NAME, WarmEngine)


class WarmKernel:
    """One long-lived kernel that runs notebooks one after the other, reset in between.

    Parameters
    ----------
    kernel_name : str
        Installed kernel spec name (see :func:`choose_kernel_name`).
    preload : sequence of str
        Modules to import once at start (the speed lever).
    startup_timeout : float
        Seconds to wait for the kernel to answer.
    """

    def __init__(
        self,
        kernel_name: str = "python3",
        preload: tuple[str, ...] | list[str] = DEFAULT_PRELOAD,
        startup_timeout: float = 60,
    ) -> None:
        self.kernel_name = kernel_name
        self.preload = tuple(preload)
        self.startup_timeout = startup_timeout
        self.km: Any = None
        self.kc: Any = None
        self.runs = 0

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> WarmKernel:
        """Start the kernel, import the preload modules and snapshot the pristine state."""
        _register_engine()
        self.km = quiet_manager(self.kernel_name)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=self.startup_timeout)
            self._run_code(_PRELUDE.format(preload=list(self.preload)), timeout=300)
        except BaseException:
            self.shutdown()
            raise
        return self

    def shutdown(self) -> None:
        """Stop the kernel (safe to call twice)."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
        if self.km is not None:
            try:
                if self.km.has_kernel:
                    self.km.shutdown_kernel(now=True)
            except Exception:
                pass
            with contextlib.suppress(Exception):
                self.km.cleanup_resources()
            remove_log(self.km)
        self.kc = self.km = None

    def restart(self) -> None:
        """Replace the kernel with a fresh one (after a crash or a failed reset)."""
        self.shutdown()
        self.start()

    @property
    def alive(self) -> bool:
        """Whether the kernel process is running."""
        return self.km is not None and self.km.is_alive()

    def __enter__(self) -> WarmKernel:
        return self.start() if self.km is None else self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # -- running ---------------------------------------------------------------------------
    def _run_code(self, code: str, timeout: float = 60) -> None:
        """Execute bookkeeping code silently; raise :class:`KernelResetError` if it fails."""
        reply = self.kc.execute_interactive(
            code, silent=True, store_history=False, timeout=timeout, output_hook=lambda m: None
        )
        content = reply.get("content", {})
        if content.get("status") != "ok":
            raise KernelResetError(
                f"warm kernel bookkeeping failed: {content.get('ename')}: {content.get('evalue')}"
            )

    def reset(self, cwd: str | Path) -> None:
        """Return the kernel to its pristine state and change into ``cwd``."""
        self._run_code(_RESET.format(cwd=str(Path(cwd).resolve())))

    def execute(
        self,
        input_path: str | Path,
        output_path: str | Path,
        parameters: dict[str, Any],
        cwd: str | Path,
        execution_timeout: float | None = None,
    ) -> Any:
        """Run one notebook with papermill on this kernel; return the executed notebook.

        Raises whatever :func:`papermill.execute_notebook` raises (notably
        ``PapermillExecutionError`` when a cell fails; the executed notebook is then already
        written to ``output_path``).
        """
        import papermill

        if not self.alive:
            self.restart()
        try:
            self.reset(cwd)
        except Exception:
            self.restart()
            self.reset(cwd)
        self.runs += 1
        try:
            return papermill.execute_notebook(
                str(input_path),
                str(output_path),
                parameters=parameters,
                engine_name=ENGINE_NAME,
                kernel_name=self.kernel_name,
                progress_bar=False,
                execution_timeout=execution_timeout,
                km=self.km,
            )
        except Exception as exc:
            tail = "" if self.alive else log_tail(getattr(self.km, "log_path", None))
            if tail:  # the kernel died: say what it last logged, keeping the error's type
                try:
                    raised = type(exc)(f"{exc} (kernel log: {tail})")
                except Exception:
                    raise exc from None
                raise raised from exc
            raise


def run_cold(
    input_path: str | Path,
    output_path: str | Path | None,
    parameters: dict[str, Any],
    cwd: str | Path,
    kernel_name: str,
    execution_timeout: float | None = None,
) -> Any:
    """Run one notebook with plain :func:`papermill.execute_notebook` in a fresh kernel.

    The kernel is papermill's usual one, started by a :func:`quiet_manager` (history off, its
    log kept off the terminal) and shut down here, since papermill does not own it.
    """
    import papermill

    km = quiet_manager(kernel_name, asynchronous=True)
    try:
        return papermill.execute_notebook(
            str(input_path),
            None if output_path is None else str(output_path),
            parameters=parameters,
            kernel_name=kernel_name,
            progress_bar=False,
            cwd=str(cwd),
            execution_timeout=execution_timeout,
            km=km,
        )
    finally:
        _stop(km)
        remove_log(km)


def _stop(km: Any) -> None:
    """Shut an asynchronous kernel manager's kernel down (no-op when none is running)."""
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    with contextlib.suppress(Exception):
        run_sync(km.cleanup_resources)()
