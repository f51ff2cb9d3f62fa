"""Benchmark the province batch: warm kernels (jobs=2) vs cold sequential papermill runs.

Run ``.venv/bin/python benchmarks/bench_batch.py`` (or ``make bench``). By default it runs the
real ``notebooks/02_province_profile.ipynb`` for every province with data (the issue's
target); ``--synthetic N`` runs ``tests/fixtures/notebooks/bench_profile.ipynb`` (pandas,
statsmodels, seaborn, a model and a figure) for N made-up provinces instead. Prints one table:

* cold: one plain ``papermill.execute_notebook`` per province, one after the other (reference);
* warm: ``run_batch(jobs=2)`` on the same provinces (target warm/cold <= 0.25);
* marginal: extra seconds per extra province, warm batch of all N vs of the first half
  (target <= 1 s);
* no-op: the same batch again with nothing changed (target < 2 s), timed as a researcher
  meets it: a fresh ``dvk batch`` process, imports included (in-process for ``--synthetic``,
  whose made-up provinces the command would refuse).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from rich.console import Console
from rich.table import Table

from dvk_analysis.run.batch import run_batch
from dvk_analysis.run.kernels import choose_kernel_name, run_cold
from dvk_analysis.run.pipeline import provinces_with_claims

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "tests" / "fixtures" / "notebooks" / "bench_profile.ipynb"
REAL = ROOT / "notebooks" / "02_province_profile.ipynb"


def cold_sequential(notebook: Path, provinces: list[str], root: Path) -> float:
    """Time plain papermill runs, one fresh kernel each, one after the other."""
    kernel = choose_kernel_name(nbformat.read(notebook, as_version=4))
    start = time.perf_counter()
    for i, province in enumerate(provinces):
        out = root / f"cold{i}"
        out.mkdir(parents=True)
        params = {"province": province, "output_dir": str(out)}
        run_cold(notebook, out / "nb.ipynb", params, notebook.parent, kernel)
    return time.perf_counter() - start


def warm_batch(notebook: Path, provinces: list[str], root: Path, force: bool = True) -> float:
    """Time one ``run_batch(jobs=2)``; say why runs happened when none were expected."""
    start = time.perf_counter()
    result = run_batch(
        notebook,
        provinces,
        output_root=root,
        parameters={"geography": "legacy"},  # as `dvk batch` passes it, so its no-op skips
        jobs=2,
        force=force,
        resolver=str,
        progress=False,
    )
    elapsed = time.perf_counter() - start
    if result.exit_code:
        raise SystemExit(f"benchmark batch failed: {[r.error for r in result.results]}")
    reran = {r.reason for r in result.results if r.status != "skipped"}
    if not force and reran:
        print(f"note: the no-op batch re-ran runs ({', '.join(sorted(reran))}); files changed")
    return elapsed


def noop_command(provinces: list[str], root: Path) -> float:
    """Time ``dvk batch`` in a new process on a batch that has nothing to do."""
    dvk = Path(sys.executable).with_name("dvk")
    command = [str(dvk), "batch", "--provinces", ",".join(provinces), "--output", str(root)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode or f"0 ok, 0 failed, {len(provinces)} skipped" not in done.stderr:
        raise SystemExit(f"the no-op dvk batch did not skip every run:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--synthetic", type=int, metavar="N", help="N made-up provinces on the bench notebook"
    )
    args = parser.parse_args()
    if args.synthetic:
        notebook, provinces = SYNTHETIC, [f"Province {i:02d}" for i in range(args.synthetic)]
    else:
        notebook, provinces = REAL, provinces_with_claims()
    n, half = len(provinces), len(provinces) // 2
    root = Path(tempfile.mkdtemp(prefix="dvk-bench-"))
    try:
        cold = cold_sequential(notebook, provinces, root / "cold")
        warm_half = warm_batch(notebook, provinces[:half], root / "half")
        warm = warm_batch(notebook, provinces, root / "all")
        noop = (
            warm_batch(notebook, provinces, root / "all", force=False)
            if args.synthetic
            else noop_command(provinces, root / "all")
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    marginal = (warm - warm_half) / (n - half)
    table = Table(title=f"Province batch: {notebook.name}, N = {n} provinces")
    for col in ("measure", "seconds", "per province", "ratio / target"):
        table.add_column(col, justify="right")
    table.add_row("cold sequential papermill", f"{cold:.1f}", f"{cold / n:.2f}", "1.00")
    table.add_row("warm, jobs=2", f"{warm:.1f}", f"{warm / n:.2f}", f"{warm / cold:.2f} (<= 0.25)")
    table.add_row(f"warm, jobs=2, first {half}", f"{warm_half:.1f}", f"{warm_half / half:.2f}", "")
    table.add_row("marginal province (warm)", f"{marginal:.2f}", "", "<= 1 s")
    label = "no-op re-run (in-process)" if args.synthetic else "no-op `dvk batch` (new process)"
    table.add_row(label, f"{noop:.2f}", "", "< 2 s")
    Console().print(table)


if __name__ == "__main__":
    main()
