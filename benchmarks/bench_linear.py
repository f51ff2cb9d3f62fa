"""Benchmark: number finding and claim extraction scale linearly with text length.

Long reports (a 10 MB scan of a yearbook, a 1 MB line) must not make the extractor quadratic.
Each step is timed on 1 MB and on 4 MB of text (best of two); a linear step takes about 4x as
long on the larger text. The baseline, measured in the same run on the same texts, is one plain
regex scan for digits: its own 4 MB / 1 MB ratio shows what "linear" looks like on this machine
at this moment (the ratio moves with machine load, which is why this lives here and not in a
timed unit test). Targets: each step's ratio at most 1.8 x the baseline's ratio.

Run: ``.venv/bin/python benchmarks/bench_linear.py``
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from dvk_analysis.paths import data_dir
from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.numbers import find_numbers

SIZES = (1_000_000, 4_000_000)
LIMIT = 1.8


def _texts() -> dict[str, str]:
    """A Vietnamese corpus article and English prose with a claim now and then."""
    article = (data_dir() / "raw" / "articles" / "vi_hungyen_donggop.txt").read_text("utf-8")
    filler = "The commune held a conference on mass mobilization work with the local people. "
    claim = "The commune mobilised 120 households to donate 3,500 m2 of land for 2 km of road. "
    return {"vi": article, "en": filler * 25 + claim + "\n"}


def _best(step: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        step(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    texts = _texts()
    digits = re.compile(r"\d+")
    steps: dict[str, tuple[str, Callable[[str], object]]] = {
        "baseline: one regex scan": ("vi", lambda t: sum(1 for _ in digits.finditer(t))),
        "find_numbers (vi)": ("vi", lambda t: find_numbers(t, "vi")),
        "extract_text (en)": ("en", lambda t: extract_text(t, article_id="big", lang="en")),
    }
    extract_text(texts["en"] * 10, article_id="warm", lang="en")  # compile lexicons first
    print(f"{'step':28} {'1 MB s':>8} {'4 MB s':>8} {'ratio':>6} {'vs baseline':>12}")
    base_ratio = None
    for name, (lang, step) in steps.items():
        unit = texts[lang]
        small, large = (_best(step, (unit * (n // len(unit) + 1))[:n]) for n in SIZES)
        ratio = large / small
        base_ratio = base_ratio or ratio
        verdict = ratio / base_ratio
        flag = "" if verdict <= LIMIT else "  <- above target"
        print(f"{name:28} {small:8.3f} {large:8.3f} {ratio:6.2f} {verdict:11.2f}x{flag}")
    print(f"target: each step's 4 MB / 1 MB ratio at most {LIMIT} x the baseline's")


if __name__ == "__main__":
    main()
