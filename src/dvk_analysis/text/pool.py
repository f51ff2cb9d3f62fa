"""Extracting many articles on every core: forked workers, each with its own languages.

Most of a cold ``dvk extract`` run is spent compiling the lexicons' regexes (a few seconds for
ten languages) and the rest on the articles themselves, which are independent. The work is
shared out by language (:func:`plan`), so that each worker compiles only its own languages'
patterns and the compiling too runs in parallel. The claims come back in the articles' order,
so the output is the same bytes as a run on one core.

Forking is used only where the platform offers it (Linux, macOS) and only when asked for
(``jobs``): the library's default stays one process, so a notebook kernel never forks.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

MIN_PER_WORKER = 100
"""Fewest articles per extra worker: forking and collecting cost about as much as extracting
this many warm articles."""


@dataclass(frozen=True)
class Job:
    """One article to extract: what :func:`~dvk_analysis.text.extract.extract_text` needs."""

    text: str
    article_id: str
    lang: str
    published: str | None
    province: str | None


def workers_for(n_jobs: int, jobs: int | None) -> int:
    """How many processes to use for ``n_jobs`` articles when ``jobs`` were asked for.

    ``None`` means every core the process may use; any number is capped so that each worker
    gets at least :data:`MIN_PER_WORKER` articles, and to one where fork is not available.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    wanted = (cores or 1) if jobs is None else jobs
    return max(1, min(wanted, n_jobs // MIN_PER_WORKER))


COMPILE_COST = 60.0
"""Cost of a language's first article (compiling its patterns), in warm articles: about 0.25 s
against about 0.004 s."""


def plan(langs: Sequence[str], workers: int) -> list[list[int]]:
    """Which job indexes each worker extracts.

    Why by language: compiling a language's patterns costs as much as some 60 articles, so
    each worker should compile as few languages as it can. A language with more work than a
    worker's fair share is split, each part paying its own compile; the parts then go, largest
    first, to the least loaded worker. Same input, same plan.
    """
    by_lang: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        by_lang.setdefault(lang, []).append(i)
    total = sum(COMPILE_COST + len(ix) for ix in by_lang.values())
    share = total / workers
    parts = []
    for ix in by_lang.values():
        n = max(1, min(workers, math.ceil((COMPILE_COST + len(ix)) / share)))
        size = math.ceil(len(ix) / n)
        parts += [ix[k : k + size] for k in range(0, len(ix), size)]
    loads = [0.0] * workers
    out: list[list[int]] = [[] for _ in range(workers)]
    for part in sorted(parts, key=len, reverse=True):
        w = loads.index(min(loads))
        out[w] += part
        loads[w] += COMPILE_COST + len(part)
    return [sorted(ix) for ix in out if ix]


def _run_many(run: Callable[[Job], list[T]], jobs: Sequence[Job]) -> list[list[T]]:
    return [run(job) for job in jobs]


def extract_all(
    jobs: Sequence[Job],
    run: Callable[[Job], list[T]],
    workers: int = 1,
    meanwhile: Callable[[], object] | None = None,
) -> list[T]:
    """``run`` on every job (a module-level function, so that it pickles by name), its
    results joined in the jobs' order, on ``workers`` processes (see :func:`plan` for who
    extracts what). ``meanwhile`` runs in this process while the workers extract (importing
    what the results need next), or first on one process."""
    if workers <= 1:
        if meanwhile is not None:
            meanwhile()
        return [claim for job in jobs for claim in run(job)]
    shares = plan([job.lang for job in jobs], workers)
    results: dict[int, list[T]] = {}
    with multiprocessing.get_context("fork").Pool(len(shares)) as pool:
        pending = pool.starmap_async(_run_many, [(run, [jobs[i] for i in ix]) for ix in shares], 1)
        if meanwhile is not None:
            meanwhile()
        done = pending.get()
    for ix, claims in zip(shares, done, strict=True):
        results.update(zip(ix, claims, strict=True))
    return [claim for i in range(len(jobs)) for claim in results[i]]
