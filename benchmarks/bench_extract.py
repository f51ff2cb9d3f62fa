"""Benchmark: claim extraction throughput, process start included, and where the time goes.

Run with ``.venv/bin/python benchmarks/bench_extract.py``. The development articles of the
corpus (manifest split ``dev``; the frozen test split is never read) are copied to a temporary
folder and repeated to 1,000 files with a manifest; ``dvk extract`` then runs on them as a new
process, so the figure includes interpreter start, imports, compiling the lexicons' regexes
and reading the files. Target: >= 200 articles/s.

``dvk extract`` uses every core by default (``--jobs``): workers share the articles out by
language, so that each compiles only its own languages' patterns (``dvk_analysis.text.pool``).
The run on one process (``--jobs 1``) is printed beside it. With several workers the CPU time
is the sum over the processes, so the wall time is then the figure that counts.

Wall-clock time on a shared machine depends on its load; the CPU time of the process (user +
system) is printed beside it and is the steadier figure. The breakdown runs the stages in this
process: imports, the first extraction per language (lexicon regexes compiled), language
detection (restricted to the corpus's languages, as ``dvk extract`` does for articles the
manifest gives no language), numbers, places, periods. The floor is a single compiled regex
that finds every numeral; the ratio says how much the extractor costs beyond merely finding
the numbers.
"""

from __future__ import annotations

import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

N_ARTICLES = 1000
TARGET = 200.0
NUMERAL = re.compile(r"[0-9٠-٩]+(?:[.,\u00a0\u202f ][0-9٠-٩]+)*")


def dev_rows() -> list[dict[str, str]]:
    """Manifest rows of the development split (empty split = dev)."""
    from dvk_analysis.paths import data_dir

    with open(data_dir() / "raw" / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if (r.get("split") or "dev") == "dev"]


def write_corpus(folder: Path) -> Path:
    """Copy the dev articles to ``folder/articles`` repeated to ``N_ARTICLES``; return the
    manifest path."""
    from dvk_analysis.paths import data_dir

    rows, out = dev_rows(), []
    (folder / "articles").mkdir(parents=True)
    for i in range(N_ARTICLES):
        row = dict(rows[i % len(rows)])
        new_id = f"b{i:04d}_{row['article_id']}"
        shutil.copy(
            data_dir() / "raw" / "articles" / f"{row['article_id']}.txt",
            folder / "articles" / f"{new_id}.txt",
        )
        out.append(row | {"article_id": new_id, "translation_of": ""})
    manifest = folder / "manifest.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(out[0]))
        writer.writeheader()
        writer.writerows(out)
    return manifest


def run_process(folder: Path, manifest: Path, jobs: int | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one ``dvk extract`` process on the folder (``jobs`` processes;
    None: its default, every core)."""
    dvk = Path(sys.executable).with_name("dvk")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(dvk), "extract", str(folder / "articles"), "--manifest", str(manifest), "-o",
         str(folder / "out.csv"), *(["--jobs", str(jobs)] if jobs else [])],
        check=True,
        capture_output=True,
        env=os.environ | {"PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def read_items(folder: Path, manifest: Path) -> list[tuple[str, str, str]]:
    with open(manifest, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = folder / "articles"
    return [
        (r["article_id"], r["language"], (texts / f"{r['article_id']}.txt").read_text("utf-8"))
        for r in rows
    ]


def run_start() -> float:
    """Wall seconds of a new process that only imports the extractor: the fixed start-up cost
    (interpreter, imports) that every ``dvk extract`` run pays before reading an article."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import dvk_analysis.text.extract, pandas"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def run_parts(items: list[tuple[str, str, str]]) -> dict[str, float]:
    """Seconds of each stage in this process, to show where the time goes."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    from dvk_analysis.text import numbers, periods, places, scope
    from dvk_analysis.text.extract import clauses, extract_text
    from dvk_analysis.text.keywords import clause_hits, lexicon
    from dvk_analysis.text.language import detect_language

    out["imports"] = time.perf_counter() - start
    first = {lang: item for item in reversed(items) for lang in [item[1]]}
    start = time.perf_counter()
    for article_id, lang, text in first.values():
        extract_text(text, article_id=article_id, lang=lang)
    out[f"first article of each of {len(first)} languages"] = time.perf_counter() - start
    langs = tuple(first)
    stages = {
        "language detection (corpus languages)": lambda i: detect_language(i[2], langs),
        "numbers.find_numbers": lambda i: numbers.find_numbers(i[2], i[1]),
        "places.find_places": lambda i: places.find_places(i[2], i[1]),
        "periods.find_periods": lambda i: periods.find_periods(i[2], i[1], None),
        "scope.scope_matches (scope words)": lambda i: scope.scope_matches(i[2]),
        "clauses + keywords.clause_hits": lambda i: [
            clause_hits(i[2][a:b], a, lexicon(i[1])) for a, b in clauses(i[2])
        ],
        "extract_text (all stages, warm)": lambda i: extract_text(i[2], article_id=i[0], lang=i[1]),
    }
    for name, stage in stages.items():
        start = time.perf_counter()
        for item in items:
            stage(item)
        out[name] = time.perf_counter() - start
    return out


def run_floor(items: list[tuple[str, str, str]]) -> float:
    start = time.perf_counter()
    for _, _, text in items:
        NUMERAL.findall(text)
    return time.perf_counter() - start


def main() -> int:
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="dvk-bench-") as tmp:
        folder = Path(tmp)
        manifest = write_corpus(folder)
        wall, cpu = run_process(folder, manifest)
        wall_one, cpu_one = run_process(folder, manifest, jobs=1)
        items = read_items(folder, manifest)
    parts = run_parts(items)
    floor = run_floor(items)
    start_up = run_start()
    n = len(items)
    from dvk_analysis.text.pool import workers_for  # after run_parts, which times the imports

    print(f"{'what':<46}{'seconds':>10}{'articles/s':>14}")
    print(f"{'dvk extract, new process (wall)':<46}{wall:>10.3f}{n / wall:>14.1f}")
    print(f"{'dvk extract, new process (CPU user+sys)':<46}{cpu:>10.3f}{n / cpu:>14.1f}")
    print(f"{'  on one process (--jobs 1, wall)':<46}{wall_one:>10.3f}{n / wall_one:>14.1f}")
    print(f"{'  on one process (--jobs 1, CPU)':<46}{cpu_one:>10.3f}{n / cpu_one:>14.1f}")
    print(f"{'  of which process start (import only)':<46}{start_up:>10.3f}")
    print(f"  workers by default on this machine: {workers_for(n, None)}")
    print("where the time goes (this process, all articles per stage):")
    for name, seconds in parts.items():
        print(f"  {name:<44}{seconds:>10.3f}")
    print(f"{'baseline: one regex for every numeral':<46}{floor:>10.3f}{n / floor:>14.1f}")
    print(f"{'ratio extract (process, wall) / baseline':<46}{wall / floor:>10.1f}")
    best = n / min(wall, cpu)
    print(f"{'ratio throughput / target':<46}{best / TARGET:>10.2f}")
    verdict = "met" if best >= TARGET else "NOT met"
    print(f"target >= {TARGET:.0f} articles/s (best of wall and CPU): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
