"""Benchmark: claim extraction throughput vs the floor of one regex pass over the same texts.

Run with ``.venv/bin/python benchmarks/bench_extract.py``. The 43-article corpus is repeated to
1,000 articles; extraction runs on one core and includes language detection (run even though
the manifest gives the language, so its cost is measured). The floor is a single compiled regex
that finds every numeral; the ratio says how much the extractor costs beyond merely finding
the numbers. Target: >= 200 articles/s.
"""

from __future__ import annotations

import re
import sys
import time
import warnings

N_ARTICLES = 1000
TARGET = 200.0
NUMERAL = re.compile(r"[0-9٠-٩]+(?:[.,\u00a0\u202f ][0-9٠-٩]+)*")


def corpus() -> list[tuple[str, str, str]]:
    """(article_id, language, text) of the raw corpus, repeated to ``N_ARTICLES``."""
    from dvk_analysis.fileio import read_csv_text
    from dvk_analysis.paths import data_dir

    manifest = read_csv_text(data_dir() / "raw" / "manifest.csv")
    base = [
        (
            row.article_id,
            row.language,
            (data_dir() / "raw" / "articles" / f"{row.article_id}.txt").read_text("utf-8"),
        )
        for row in manifest.itertuples()
    ]
    return [base[i % len(base)] for i in range(N_ARTICLES)]


def run_extractor(items) -> float:
    from dvk_analysis.text.extract import extract_text
    from dvk_analysis.text.language import detect_language

    start = time.perf_counter()
    for article_id, lang, text in items:
        detect_language(text)
        extract_text(text, article_id=article_id, lang=lang)
    return time.perf_counter() - start


def run_parts(items) -> dict[str, float]:
    """Seconds spent in each stage the extractor calls, to show where the time goes."""
    from dvk_analysis.text import numbers, periods, places
    from dvk_analysis.text.language import detect_language

    stages = {
        "  of which language detection": lambda i: detect_language(i[2]),
        "  of which numbers.find_numbers": lambda i: numbers.find_numbers(i[2], i[1]),
        "  of which places.find_places": lambda i: places.find_places(i[2], i[1]),
        "  of which periods.find_periods": lambda i: periods.find_periods(i[2], i[1], None),
    }
    out = {}
    for name, stage in stages.items():
        start = time.perf_counter()
        for item in items:
            stage(item)
        out[name] = time.perf_counter() - start
    return out


def run_floor(items) -> float:
    start = time.perf_counter()
    for _, _, text in items:
        NUMERAL.findall(text)
    return time.perf_counter() - start


def main() -> int:
    warnings.simplefilter("ignore")
    items = corpus()
    run_extractor(items[:50])  # warm up: lexicons, detector models, caches
    extractor = run_extractor(items)
    floor = run_floor(items)
    rate, floor_rate = len(items) / extractor, len(items) / floor
    print(f"{'what':<40}{'seconds':>10}{'articles/s':>14}")
    print(f"{'extract (with language detection)':<40}{extractor:>10.3f}{rate:>14.1f}")
    for name, seconds in run_parts(items).items():
        print(f"{name:<40}{seconds:>10.3f}{len(items) / seconds:>14.1f}")
    print(f"{'floor: one regex for every numeral':<40}{floor:>10.3f}{floor_rate:>14.1f}")
    print(f"{'ratio extract / floor (time)':<40}{extractor / floor:>10.1f}")
    print(f"target >= {TARGET:.0f} articles/s: {'met' if rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
