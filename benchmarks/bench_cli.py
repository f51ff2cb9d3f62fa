"""Benchmark: ``dvk --help`` start-up time.

A researcher types ``dvk --help`` (or tab-completes a sub-command) often; it must answer in
under 0.3 s (issue 11), which holds only while the package imports pandas, statsmodels and
seaborn where they are used rather than at import (``dvk_analysis/__init__`` loads its public
names lazily). The baseline, timed in the same run, is a bare
``python -c pass`` with the same interpreter, so the ratio is what the package adds.

Run: ``.venv/bin/python benchmarks/bench_cli.py``
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 0.3
REPEATS = 5
DVK = Path(sys.executable).with_name("dvk")


def best_of(command: list[str], repeats: int = REPEATS) -> float:
    """Best wall-clock time of ``repeats`` runs (the least disturbed by other processes)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    baseline = best_of([sys.executable, "-c", "pass"])
    help_time = best_of([str(DVK), "--help"])
    print(f"{'command':<28}{'seconds':>10}{'ratio':>9}")
    print(f"{'python -c pass (baseline)':<28}{baseline:>10.3f}{1.0:>9.1f}")
    print(f"{'dvk --help':<28}{help_time:>10.3f}{help_time / baseline:>9.1f}")
    print(f"target < {TARGET_SECONDS:g} s: {'met' if help_time < TARGET_SECONDS else 'MISSED'}")


if __name__ == "__main__":
    main()
