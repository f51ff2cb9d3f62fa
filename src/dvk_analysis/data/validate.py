"""Validate the whole data folder: every table's schema plus the rules that span tables.

``dvk validate`` calls :func:`validate_all` and prints one line per problem. The cross-table
rules are the ones a hand-edited CSV breaks most often: an observation that points to a missing
article, a quote that is not (or no longer) in its article, offsets that do not slice the number,
a raw file edited after it was checksummed, a value that is not the number its offsets point
at, an article file that is a symlink out of the data folder. Rows with a ``source_url`` get the
plausibility rules of :mod:`dvk_analysis.data.sourced`.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.codebook import indicators
from dvk_analysis.data import sourced
from dvk_analysis.data.load import (
    article_path,
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
    try:
        return _number_at(text, start, end, lang) is not None
    except ValueError:  # an unsupported language: the word cannot be checked
        return False


def _number_at(text: str, start: int, end: int, lang: str) -> object | None:
    """The number the extractor's parser reads at ``text[start:end]`` (None if it reads none).

    In its sentence first; else read from its own start, for a number word the parser takes
    as another number's denominator ("deux des trois communes": the gold may code "trois").
    Raises ValueError for a language without a lexicon.
    """
    from dvk_analysis.text.numbers import find_numbers

    left = max(0, start - 200)
    found = find_numbers(text[left : end + 200], lang)
    hit = next((m for m in found if m.start + left == start and m.end + left == end), None)
    own = find_numbers(text[start : end + 200], lang)[:1] if hit is None else []
    return hit or next((m for m in own if (m.start, m.end) == (0, end - start)), None)


def _unit_factors(lang: str) -> set[float]:
    """1 and every unit factor of the language's lexicon (ha -> m2 is 10000)."""
    from dvk_analysis.text.lexicon import load as lexicon

    units = lexicon(lang).get("units", {}).values()
    entries = [e for u in units if isinstance(u, list) for e in u if isinstance(e, dict)]
    return {1.0} | {float(e["factor"]) for e in entries if "factor" in e}


def value_matches_digits(row: dict, text: str, lang: str | None) -> str | None:
    """Why the row's value is not the number its offsets point at (None when it is).

    The digits are read with the extractor's own parser (:mod:`dvk_analysis.text.numbers`),
    so "1.600" means what it means in the article's language; the value may be that number
    times a unit factor of the language (2 ha -> 20000 m2) or a percent as a share.
    """
    if lang is None:
        return None
    try:
        match = _number_at(text, row["start"], row["end"], lang)
    except ValueError:  # a language without a lexicon: nothing to compare with
        return None
    if match is None:
        return None
    factors = _unit_factors(lang) | ({0.01} if match.percent else set())
    if any(math.isclose(row["value"], match.value * f, rel_tol=1e-9) for f in factors):
        return None
    return (
        f"{row['value']:g} is not the quoted number {match.raw!r} (read as {match.value:g}), "
        "nor it in the indicator's unit; fix the value or the offsets"
    )


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
    geographies = sourced.province_names_by_geography()
    problems: list[Problem] = []
    for i, row in enumerate(obs.astype(object).where(obs.notna(), None).to_dict("records")):

        def add(column: str, message: str, line: int = i + 2) -> None:
            problems.append(Problem(shown, line, column, message))

        _source_rules(row, languages, sources, add)
        _row_rules(row, province_names, geographies, add)
        if row["article_id"] in texts:
            _text_rules(row, texts[row["article_id"]], languages.get(row["article_id"]), add)
    return problems + sourced.communes_problems(obs, shown)


def _source_rules(row: dict, languages: dict, sources: pd.DataFrame, add: Callable) -> None:
    """Exactly one source; an article in the manifest, or a URL in sources.csv with a date."""
    article, url = row["article_id"], row["source_url"]
    if (article is None) == (url is None):
        add("article_id", "exactly one of article_id and source_url must be set")
    elif article is not None and article not in languages:
        add("article_id", f"{article!r} is not in data/raw/manifest.csv")
    elif url is not None and (message := sourced.source_problem(url, sources)):
        add("source_url", message)
    elif (
        url is not None
        and sourced.UNDATED_IS_ERROR
        and (message := sourced.undated_problem(url, row["period_end"], sources))
    ):
        add("period_end", message)


def _row_rules(row: dict, names: set[str], geographies: tuple, add: Callable) -> None:
    """Rules on one row alone: unit, plausible value, denominator, province, period."""
    expected_unit = indicators()[row["indicator"]].unit
    if row["unit"] != expected_unit:
        add("unit", f"{row['unit']!r} is not the unit of {row['indicator']} ({expected_unit})")
    elif message := sourced.value_problem(
        row["indicator"], row["unit"], row["value"], row["denominator"]
    ):
        add("value", message)
    if row["denominator"] is not None and row["denominator"] < row["value"]:
        add("denominator", f"{row['denominator']:g} is below the value {row['value']:g}")
    province = row["province"]
    national = province == sourced.NATIONAL and row.get("admin_level") == "national"
    if province is not None and province not in names and not national:
        add(
            "province",
            f"{province!r} is not in data/reference/provinces_legacy.csv or "
            "provinces_2025.csv (canonical names with diacritics, e.g. 'Hà Tĩnh')",
        )
    elif row["source_url"] is not None and (
        message := sourced.province_period_problem(province, row["period_end"], *geographies)
    ):
        add("province", message)
    start, end = row["period_start"], row["period_end"]
    if start and end and _period_bounds(start)[0] > _period_bounds(end)[1]:
        add("period_end", f"period ends ({end}) before it starts ({start})")


def _text_rules(row: dict, text: str, lang: str | None, add: Callable) -> None:
    """The quote is in the article, the offsets slice its number, the value is that number."""
    article = row["article_id"]
    if row["quote"] is None:
        add("quote", "required for an article row")
    elif row["quote"] not in text:
        add("quote", f"not found verbatim in articles/{article}.txt")
    elif message := _span_problem(row, text, lang):
        add("start", message)
    elif message := value_matches_digits(row, text, lang):
        add("value", message)


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
    texts, found = read_texts(set(obs["article_id"].dropna()), raw, folder)
    problems += found
    shown = display_path(curated / "observations.csv")
    problems += observation_problems(obs, manifest, sources, names, texts, shown)
    if refs["ntm_status"] is not None:
        problems += reference_problems(refs["ntm_status"], names, ref / "ntm_status.csv")
    for name in ("provinces_legacy", "provinces_2025"):
        if refs[name] is not None:
            problems += population_problems(refs[name], ref / f"{name}.csv")
    return problems


def validation_warnings(folder: Path) -> list[Problem]:
    """What ``dvk validate`` prints as warnings: worth fixing, but the data stays usable.

    Today: pages in ``sources.csv`` without a publication date (their figures are dated by
    their own ``period_end``, which validation requires).
    """
    path = Path(folder) / "curated" / "sources.csv"
    sources, _ = _collect(load_sources, path)
    if sources is None:
        return []  # the error is reported by validate_all
    found = sourced.undated_sources(sources, display_path(path))
    obs_path = Path(folder) / "curated" / "observations.csv"
    obs, _ = _collect(load_observations, obs_path)
    if obs is not None and not sourced.UNDATED_IS_ERROR:
        found += sourced.undated_rows(obs, sources, display_path(obs_path))
    base = str(Path(folder).resolve().parent) + "/"
    return [replace(p, file=p.file.removeprefix(base)) for p in found]


def read_texts(ids: set[str], raw: Path, folder: Path) -> tuple[dict[str, str], list[Problem]]:
    """Read the articles the observations cite, exactly as ``dvk extract`` reads them.

    One reader (``fileio.read_article``: byte-order mark dropped) means an offset points at the
    same character for the extractor and the validator. An article file that is a symlink to a
    place outside the data folder is refused: the data would then depend on a file the
    repository does not hold (and checksums would follow whatever it points at).
    """
    shown = display_path(raw / "manifest.csv")
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for article in sorted(ids):
        path = article_path(article, raw / "articles")
        if not path.exists():
            continue
        if path.is_symlink() and folder.resolve() not in path.resolve().parents:
            message = f"articles/{article}.txt is a symlink to {path.resolve()}, outside {folder}"
            problems.append(Problem(shown, None, None, message + "; copy the file in instead"))
            continue
        try:
            texts[article] = read_article(article, raw / "articles")
        except ValueError as err:
            problems.append(Problem(shown, None, None, str(err)))
    return texts, problems


def population_problems(table: pd.DataFrame, path: Path) -> list[Problem]:
    """Every province has a population above zero (per-capita measures divide by it)."""
    shown = display_path(path)
    given = table["population"].dropna()
    return [
        Problem(shown, int(i) + 2, "population", f"{p:g} is not a population (must be > 0)")
        for i, p in given[given <= 0].items()
    ]


def reference_problems(status: pd.DataFrame, names: set[str], path: Path) -> list[Problem]:
    """Every NTM status row names a province of the province tables (or the country)."""
    shown = display_path(path)
    return [
        Problem(shown, i + 2, "province", f"{p!r} is missing from the province tables "
                "(data/reference/provinces_legacy.csv, provinces_2025.csv)")
        for i, p in enumerate(status["province"])
        if p not in names and p != "Việt Nam"
    ]  # fmt: skip
