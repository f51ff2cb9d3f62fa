"""Benchmark: the fractional logit on a national commune panel.

A synthetic panel of 10,000 communes x 10 years (100,000 rows, 3 predictors: propaganda
sessions per 1,000 residents, Skilled Mass Mobilization models, log funds mobilised) with an
NTM criteria share as outcome is fitted with :func:`dvk_analysis.analysis.stats.fractional_logit`
(input checks, IRLS, HC1 sandwich, marginal effects: everything a notebook pays for). The
baseline, timed in the same run on the same design matrix, is a plain ``numpy.linalg.lstsq``,
so the ratio says what the model costs over the cheapest possible fit on this machine.

Target: the fractional logit under 2 s. Run ``python benchmarks/bench_stats.py``
(``--strict`` exits 1 when the target is missed).
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd
from scipy.special import expit

from dvk_analysis.analysis.stats import fractional_logit

COMMUNES, YEARS = 10_000, 10
TARGET_SECONDS = 2.0
PREDICTORS = ["sessions_per_1000", "models", "log_funds"]


def synthetic_panel(seed: int = 20240601) -> pd.DataFrame:
    """A commune-year panel with a known logit-linear mean of the criteria share."""
    rng = np.random.default_rng(seed)
    n = COMMUNES * YEARS
    sessions = rng.gamma(2.0, 5.0, size=n)
    models = rng.poisson(6, size=n).astype(float)
    log_funds = rng.normal(21.0, 1.0, size=n)
    mu = expit(-3.0 + 0.04 * sessions + 0.08 * models + 0.1 * (log_funds - 21.0))
    criteria = rng.binomial(19, mu)  # criteria met out of the 19 of the NTM set
    return pd.DataFrame(
        {
            "commune": np.repeat(np.arange(COMMUNES), YEARS),
            "year": np.tile(np.arange(2015, 2015 + YEARS), COMMUNES),
            "criteria_share": criteria / 19,
            "sessions_per_1000": sessions,
            "models": models,
            "log_funds": log_funds,
        }
    )


def best_of(fn, repeats: int = 3) -> float:
    """Best wall-clock time of ``repeats`` calls (the least disturbed by other processes)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> int:
    panel = synthetic_panel()
    rows = len(panel)
    X = np.column_stack([np.ones(rows), panel[PREDICTORS].to_numpy()])
    y = panel["criteria_share"].to_numpy()

    baseline = best_of(lambda: np.linalg.lstsq(X, y, rcond=None))
    model = best_of(lambda: fractional_logit(panel, "criteria_share", PREDICTORS))

    print(f"fractional logit benchmark: {COMMUNES:,} communes x {YEARS} years = {rows:,} rows")
    print(f"{'fit':<32}{'seconds':>10}{'rows/s':>14}{'ratio':>9}")
    for name, seconds in (("numpy lstsq (baseline)", baseline), ("fractional_logit", model)):
        print(f"{name:<32}{seconds:>10.3f}{rows / seconds:>14,.0f}{seconds / baseline:>9.1f}")
    met = model < TARGET_SECONDS
    print(f"target < {TARGET_SECONDS:g} s: {'met' if met else 'MISSED'}")
    return 1 if (not met and "--strict" in argv) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
