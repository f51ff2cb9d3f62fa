"""Validate the whole data folder: every table's schema plus the rules that span tables.

``dvk validate`` calls :func:`validate_all` and prints one line per problem. The cross-table
rules are the ones a hand-edited CSV breaks most often: an observation that points to a missing
article, a quote that is not (or no longer) in its article, offsets that do not slice the number,
a raw file edited after it was checksummed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.codebook import indicators
from dvk_analysis.data.load import (
    load_manifest,
    load_observations,
    load_reference,
    load_sources,
    read_article,
)
from dvk_analysis.errors import DataValidationError, Problem
from dvk_analysis.paths import display_path

if TYPE_CHECKING:
    import pandas as pd

CHECKSUMS = "SHA256SUMS"
_NUMERAL = re.compile(r"^[\d\u00a0\u202f\u066b\u066c .,'/]*\d[\d\u00a0\u202f\u066b\u066c .,'/]*$")
_CJK_NUMERAL = re.compile(r"^[〇零一二两三四五六七八九十百千万亿]+$")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_files(raw_dir: Path) -> list[Path]:
    """Return the raw files that are checksummed: the manifest and every article."""
    return [raw_dir / "manifest.csv", *sorted((raw_dir / "articles").glob("*.txt"))]


def write_checksums(raw_dir: Path) -> Path:
    """Record the checksums of the raw files (run deliberately after adding an article)."""
    lines = [f"{_sha256(p)}  {p.relative_to(raw_dir).as_posix()}\n" for p in raw_files(raw_dir)]
    target = raw_dir / CHECKSUMS
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(target)
    return target


def check_checksums(raw_dir: Path) -> list[Problem]:
    """Compare the raw files with ``SHA256SUMS``: raw data must never change silently."""
    listing = raw_dir / CHECKSUMS
    shown = display_path(listing)
    if not listing.exists():
        return [Problem(shown, None, None, "missing; run `dvk validate --update-checksums`")]
    recorded = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        recorded[name] = digest
    actual = {p.relative_to(raw_dir).as_posix(): _sha256(p) for p in raw_files(raw_dir)}
    hint = "if the change is deliberate, run `dvk validate --update-checksums`"
    problems = [
        Problem(shown, None, None, f"{name} changed since it was recorded ({hint})")
        for name in sorted(recorded.keys() & actual.keys())
        if recorded[name] != actual[name]
    ]
    problems += [
        Problem(shown, None, None, f"{name} is recorded but missing")
        for name in sorted(recorded.keys() - actual.keys())
    ]
    problems += [
        Problem(shown, None, None, f"{name} is not recorded ({hint})")
        for name in sorted(actual.keys() - recorded.keys())
    ]
    return problems


def check_article_files(manifest: pd.DataFrame, raw_dir: Path) -> list[Problem]:
    """Every manifest row has a text file and every text file has a manifest row."""
    shown = display_path(raw_dir / "manifest.csv")
    ids = list(manifest["article_id"])
    files = {p.stem for p in (raw_dir / "articles").glob("*.txt")}
    problems = [
        Problem(shown, i + 2, "article_id", f"no file articles/{a}.txt")
        for i, a in enumerate(ids)
        if a not in files
    ]
    problems += [
        Problem(shown, None, None, f"articles/{f}.txt has no manifest row; add one")
        for f in sorted(files - set(ids))
    ]
    return problems


def is_number_span(text: str, start: int, end: int, lang: str | None) -> bool:
    """Say whether ``text[start:end]`` is a number as written (digits, CJK numerals, a word).

    Digits are recognised on their own; a number word ("acht", "hai") only in its sentence,
    through ``numbers.find_numbers``, because whether a word is a number depends on its
    neighbours ("năm" is five or year).
    """
    span = text[start:end]
    if _NUMERAL.match(span) or _CJK_NUMERAL.match(span):
        return True
    if not span.strip() or any(ch.isdigit() for ch in span) or lang is None:
        return False
    from dvk_analysis.text.numbers import find_numbers

    left = max(0, start - 200)
    try:
        found = find_numbers(text[left : end + 200], lang)
    except ValueError:  # an unsupported language: the word cannot be checked
        return False
    return any(m.start + left == start and m.end + left == end for m in found)


def _span_problem(row: dict, text: str, lang: str | None) -> str | None:
    start, end, quote = row["start"], row["end"], row["quote"]
    if start is None or end is None:
        return "start and end are required for an article row"
    if not 0 <= start < end <= len(text):
        return f"offsets {start}:{end} are out of range (article has {len(text)} characters)"
    span = text[start:end]
    cuts_digits = (start > 0 and text[start - 1].isdigit()) or (
        end < len(text) and text[end].isdigit()
    )
    if cuts_digits or not is_number_span(text, start, end, lang):
        return f"text[{start}:{end}] is {span!r}, not the number as written"
    if quote and not any(
        m.start() <= start and end <= m.start() + len(quote)
        for m in re.finditer(re.escape(quote), text)
    ):
        return f"offsets {start}:{end} lie outside the quote in the article"
    return None


def _period_bounds(value: str) -> tuple[str, str]:
    """Earliest and latest ISO day a YYYY / YYYY-MM / YYYY-MM-DD period can mean."""
    low = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    high = value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value
    return low[:10], high[:10]


def observation_problems(
    obs: pd.DataFrame,
    manifest: pd.DataFrame,
    sources: pd.DataFrame,
    province_names: set[str],
    texts: dict[str, str],
    shown: str,
) -> list[Problem]:
    """Rules on observations that need the other tables."""
    languages = dict(zip(manifest["article_id"], manifest["language"], strict=True))
    urls = set(sources["source_url"])
    vocab = indicators()
    problems = []
    for i, row in enumerate(obs.astype(object).where(obs.notna(), None).to_dict("records")):
        line = i + 2

        def add(column, message, line=line):
            problems.append(Problem(shown, line, column, message))

        article, url = row["article_id"], row["source_url"]
        if (article is None) == (url is None):
            add("article_id", "exactly one of article_id and source_url must be set")
        elif article is not None and article not in languages:
            add("article_id", f"{article!r} is not in data/raw/manifest.csv")
        elif url is not None and url not in urls:
            add("source_url", f"{url!r} is not in data/curated/sources.csv")
        expected_unit = vocab[row["indicator"]].unit
        if row["unit"] != expected_unit:
            add("unit", f"{row['unit']!r} is not the unit of {row['indicator']} ({expected_unit})")
        if row["denominator"] is not None and row["denominator"] < row["value"]:
            add("denominator", f"{row['denominator']:g} is below the value {row['value']:g}")
        if row["province"] is not None and row["province"] not in province_names:
            add(
                "province",
                f"{row['province']!r} is not in data/reference/provinces_legacy.csv or "
                "provinces_2025.csv (canonical names with diacritics, e.g. 'Hà Tĩnh')",
            )
        start, end = row["period_start"], row["period_end"]
        if start and end and _period_bounds(start)[0] > _period_bounds(end)[1]:
            add("period_end", f"period ends ({end}) before it starts ({start})")
        if article in texts:
            text = texts[article]
            if row["quote"] is None:
                add("quote", "required for an article row")
            elif row["quote"] not in text:
                add("quote", f"not found verbatim in articles/{article}.txt")
            else:
                message = _span_problem(row, text, languages.get(article))
                if message:
                    add("start", message)
    return problems


def _collect(loader, *args) -> tuple[object, list[Problem]]:
    try:
        return loader(*args), []
    except DataValidationError as err:
        return None, err.problems


def validate_all(folder: Path) -> list[Problem]:
    """Validate every table under ``folder`` (a project's ``data/``); return all problems.

    File names in the problems are relative to ``folder``'s parent (``data/curated/...``), so
    messages read the same for the project's data and for a copy elsewhere.
    """
    base = str(Path(folder).resolve().parent) + "/"
    return [
        replace(p, file=p.file.removeprefix(base)) for p in _validate_folder(Path(folder).resolve())
    ]


def _validate_folder(folder: Path) -> list[Problem]:
    raw, curated, ref = folder / "raw", folder / "curated", folder / "reference"
    manifest, problems = _collect(load_manifest, raw / "manifest.csv")
    problems += check_checksums(raw)
    refs = {}
    for name in ("provinces_legacy", "provinces_2025", "ntm_status", "ntm_criteria_sets"):
        refs[name], found = _collect(load_reference, name, ref)
        problems += found
    obs, found = _collect(load_observations, curated / "observations.csv")
    problems += found
    sources, found = _collect(load_sources, curated / "sources.csv")
    problems += found
    if manifest is None:
        return problems
    problems += check_article_files(manifest, raw)
    if obs is None or sources is None or refs["provinces_legacy"] is None:
        return problems
    names = set(refs["provinces_legacy"]["name"])
    if refs["provinces_2025"] is not None:
        names |= set(refs["provinces_2025"]["name"])
    texts = {
        a: read_article(a, raw / "articles")
        for a in set(obs["article_id"].dropna())
        if (raw / "articles" / f"{a}.txt").exists()
    }
    shown = display_path(curated / "observations.csv")
    problems += observation_problems(obs, manifest, sources, names, texts, shown)
    if refs["ntm_status"] is not None:
        problems += reference_problems(refs["ntm_status"], names, ref / "ntm_status.csv")
    return problems


def reference_problems(status: pd.DataFrame, names: set[str], path: Path) -> list[Problem]:
    """Every NTM status row names a province of the province tables (or the country)."""
    shown = display_path(path)
    return [
        Problem(shown, i + 2, "province", f"{p!r} is missing from the province tables "
                "(data/reference/provinces_legacy.csv, provinces_2025.csv)")
        for i, p in enumerate(status["province"])
        if p not in names and p != "Việt Nam"
    ]  # fmt: skip
