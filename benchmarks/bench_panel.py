"""Benchmark ``build_panel`` on a synthetic national panel.

10,000 communes x 10 years = 100,000 observation rows over four indicators, with the messiness
of the real corpus: a tenth of the rows are translations of another row (same story), a tenth
are qualified ("more than", "nearly", "about"), a few cells have a competing claim from a
second story. Target: under 2 s on one core. The baseline is a plain ``pivot_table`` of the
same rows (no screening, no de-duplication, no bounds), measured in the same run, so the ratio
says what the bookkeeping costs.

Run: ``.venv/bin/python benchmarks/bench_panel.py``
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from dvk_analysis.analysis.panel import build_panel
from dvk_analysis.data.load import load_reference

N_COMMUNES = 10_000
YEARS = range(2014, 2024)
INDICATORS = ("propaganda_sessions", "dvk_models", "funds_mobilized", "land_donated")
UNITS = {"propaganda_sessions": "count", "dvk_models": "count"}
UNITS |= {"funds_mobilized": "VND", "land_donated": "m2"}
REPEATS = 3


def synthetic(seed: int = 0) -> tuple[pd.DataFrame, dict[str, str]]:
    """Return 100,000 observation rows and the story map of their articles."""
    rng = np.random.default_rng(seed)
    provinces = load_reference("provinces_legacy")["name"].to_numpy()
    commune = np.repeat(np.arange(N_COMMUNES), len(YEARS))
    year = np.tile(np.array(list(YEARS)), N_COMMUNES)
    n = len(commune)
    indicator = np.array(INDICATORS)[(commune + year) % len(INDICATORS)]
    article = np.char.add("art", ((commune * 31 + year) % 40_000).astype(str))
    draw = rng.random(n)
    translated, competing = draw < 0.10, (draw >= 0.10) & (draw < 0.12)
    source = np.where(translated, np.roll(article, 1), article)
    # A translation repeats the row before it: same figure, article "<original>_tr".
    value = rng.integers(1, 50_000, n).astype(float)
    for arr in (commune, year, value):
        arr[translated] = np.roll(arr, 1)[translated]
    indicator[translated] = np.roll(indicator, 1)[translated]
    # A competing claim: another story about the row before's cell, with its own figure.
    for arr in (commune, year, indicator):
        arr[competing] = np.roll(arr, 1)[competing]
    article = np.where(translated, np.char.add(source, "_tr"), article)
    qualifier = rng.choice(["exact", "more_than", "nearly", "about"], n, p=[0.9, 0.04, 0.03, 0.03])
    frame = pd.DataFrame(
        {
            "observation_id": np.char.add("obs", np.arange(n).astype(str)),
            "article_id": article,
            "indicator": indicator,
            "value": value,
            "unit": pd.Series(indicator).map(UNITS).to_numpy(),
            "qualifier": qualifier,
            "denominator": np.nan,
            "place": np.char.add("xã Commune ", commune.astype(str)),
            "admin_level": "commune",
            "province": provinces[commune % len(provinces)],
            "period_start": year.astype(str),
            "period_end": year.astype(str),
            "published": (year + 1).astype(str),
        }
    )
    stories = {a: a.removesuffix("_tr") for a in np.unique(article)}
    return frame, stories


def best_of(func, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    frame, stories = synthetic()
    n = len(frame)
    keys = ["place", "admin_level", "province", "period_start", "period_end"]

    def baseline():
        return frame.pivot_table(index=keys, columns="indicator", values="value", aggfunc="first")

    build_panel(frame.head(1000), stories=stories)  # warm imports and caches
    t_base = best_of(baseline)
    t_panel = best_of(lambda: build_panel(frame, stories=stories).table)  # incl. the wide view
    panel = build_panel(frame, stories=stories)
    print(f"rows: {n:,} observations -> {len(panel.table):,} panel rows, {len(panel.long):,} cells")
    excl = panel.exclusions.set_index("reason")["count"].to_dict()
    print(f"exclusions: {excl}")
    print(f"build_panel: {t_panel:.3f} s ({n / t_panel:,.0f} rows/s), best of {REPEATS}")
    print(f"baseline pivot_table: {t_base:.3f} s ({n / t_base:,.0f} rows/s)")
    print(f"ratio build_panel / baseline: {t_panel / t_base:.1f}x")
    print(f"target < 2 s: {'met' if t_panel < 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
