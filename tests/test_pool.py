"""Extracting on several processes: the same claims, in the same order, as on one."""

from __future__ import annotations

import pytest

from dvk_analysis.run.cli import main
from dvk_analysis.text import pool
from dvk_analysis.text.extract import extract_job
from dvk_analysis.text.pool import Job, extract_all, plan, workers_for

TEXTS = {
    "vi": "Năm 2023, toàn huyện có 120 mô hình dân vận khéo và 46 hộ hiến 3.000 m2 đất.",
    "en": "In 2022 the province built 35 skilled mass mobilization models.",
    "de": "Im Jahr 2021 gaben 61 Haushalte 3.050 m² Land für die Straße ab.",
}


def _jobs(n: int) -> list[Job]:
    langs = sorted(TEXTS)
    return [
        Job(TEXTS[langs[i % 3]], f"a{i:03d}", langs[i % 3], "2024-01-01", "Phú Thọ")
        for i in range(n)
    ]


def test_two_workers_give_the_claims_of_one_in_the_same_order():
    jobs = _jobs(12)
    one = extract_all(jobs, extract_job, 1)
    two = extract_all(jobs, extract_job, 2)
    assert len(one) > 12
    assert two == one


def test_the_plan_gives_every_article_to_exactly_one_worker():
    langs = ["vi"] * 50 + ["en"] * 30 + ["de"] * 5 + ["vi"] * 50
    shares = plan(langs, 2)
    assert sorted(i for share in shares for i in share) == list(range(len(langs)))
    assert plan(langs, 2) == shares  # same input, same plan


def test_a_worker_compiles_few_languages_but_one_big_language_is_split():
    # three small languages: each goes whole to one worker
    shares = plan(["vi"] * 10 + ["en"] * 10 + ["de"] * 10, 2)
    assert all(len({("vi", "en", "de")[i // 10] for i in s}) <= 2 for s in shares)
    assert sum(len({("vi", "en", "de")[i // 10] for i in s}) for s in shares) == 3
    # one language with far more work than a worker's share is shared by both
    shares = plan(["vi"] * 1000, 2)
    assert len(shares) == 2 and all(len(s) == 500 for s in shares)


def test_workers_are_capped_by_the_articles_each_would_get(monkeypatch):
    monkeypatch.setattr(pool.multiprocessing, "get_all_start_methods", lambda: ["fork"])
    assert workers_for(1000, 2) == 2
    assert workers_for(150, 8) == 1  # fewer than MIN_PER_WORKER for a second worker
    assert workers_for(1000, 1) == 1
    with pytest.raises(ValueError, match="at least 1"):
        workers_for(1000, 0)


def test_without_fork_everything_runs_here(monkeypatch):
    monkeypatch.setattr(pool.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert workers_for(10_000, 8) == 1


def test_cli_refuses_zero_jobs_with_a_clear_message(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXTS["en"], encoding="utf-8")
    assert main(["extract", str(article), "--lang", "en", "--jobs", "0"]) != 0
    assert "jobs must be at least 1" in capsys.readouterr().err


def test_meanwhile_runs_in_the_parent_while_the_workers_extract():
    from dvk_analysis.text.pool import Job, extract_all

    ran = []
    jobs = [Job(f"text {i}", f"a{i}", "en" if i % 2 else "vi", None, None) for i in range(6)]
    out = extract_all(jobs, _echo, workers=2, meanwhile=lambda: ran.append("parent"))
    assert out == [j.article_id for j in jobs] and ran == ["parent"]


def _echo(job):
    return [job.article_id]
