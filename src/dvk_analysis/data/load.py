"""Load the project's tables with explicit types, validated against ``schema.py``.

Every loader reads the CSV as text first and lets the schema coerce it, so that a bad cell is
reported as *file, line, column, rule* in one line (``Problem``) instead of a pandas traceback.
Loaders never write: ``data/raw`` and ``data/curated`` are read-only for every command.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.errors import DataValidationError, Problem
from dvk_analysis.fileio import read_csv_text
from dvk_analysis.paths import data_dir, display_path

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa


def _column_problem(shown: str, case: dict, expected: list[str], actual: list[str]) -> Problem:
    name = str(case["failure_case"])
    if case["check"] == "column_in_dataframe":
        extra = [c for c in actual if c not in expected]
        close = difflib.get_close_matches(name, extra, n=1)
        hint = f" (a column is named '{close[0]}'? rename it)" if close else ""
        return Problem(shown, None, name, f"missing column{hint}; expected: {', '.join(expected)}")
    return Problem(shown, None, name, f"unexpected column; expected only: {', '.join(expected)}")


def _cell_message(check: str, value: object) -> str:
    if check.startswith("coerce_dtype") or check.startswith("dtype("):
        kind = "a whole number" if "Int64" in check else "a number" if "float" in check else check
        return f"{value!r} is not {kind}"
    if check == "field_uniqueness":
        return f"duplicate value {value!r} (must be unique)"
    if check == "not_nullable":
        return "empty, but a value is required"
    return f"{value!r} {check}"


def schema_problems(
    shown: str, failure_cases: pd.DataFrame, expected: list[str], actual: list[str]
) -> list[Problem]:
    """Turn pandera's failure cases into one ``Problem`` per broken cell or column.

    A cell that cannot be converted to its type is reported once, as a type error, and not again
    by the checks that could not run on it.
    """
    problems: list[Problem] = []
    seen: set[tuple[str, object]] = set()
    cases = failure_cases.to_dict("records")
    cases.sort(key=lambda c: (not str(c["check"]).startswith("coerce"), str(c["column"])))
    for case in cases:
        check, column, index = str(case["check"]), case["column"], case["index"]
        if check in ("column_in_dataframe", "column_in_schema"):
            problems.append(_column_problem(shown, case, expected, actual))
            continue
        if index is None or (isinstance(index, float) and index != index):
            continue  # a check that crashed on an uncoercible column: already reported
        key = (str(column), index)
        if key in seen and (check.startswith("dtype(") or check.startswith("coerce")):
            continue
        seen.add(key)
        problems.append(
            Problem(shown, int(index) + 2, str(column), _cell_message(check, case["failure_case"]))
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or ""))
    return problems


def validate_frame(df: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> pd.DataFrame:
    """Validate ``df`` (read from ``path``) and return it with the schema's types."""
    import pandera.pandas as pa

    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        expected = list(schema.columns)
        raise DataValidationError(
            schema_problems(display_path(path), err.failure_cases, expected, list(df.columns))
        ) from None


def load_table(path: Path, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Read and validate one CSV table."""
    return validate_frame(read_csv_text(path), schema, path)


def load_manifest(path: Path | None = None) -> pd.DataFrame:
    """Load ``data/raw/manifest.csv`` (one row per article)."""
    from dvk_analysis.data.schema import manifest_schema

    return load_table(path or data_dir() / "raw" / "manifest.csv", manifest_schema())


def load_observations(path: Path | None = None) -> pd.DataFrame:
    """Load ``data/curated/observations.csv`` (one claim per row)."""
    from dvk_analysis.data.schema import observations_schema

    return load_table(path or data_dir() / "curated" / "observations.csv", observations_schema())


def load_sources(path: Path | None = None) -> pd.DataFrame:
    """Load ``data/curated/sources.csv`` (URL-only sources of observations)."""
    from dvk_analysis.data.schema import sources_schema

    return load_table(path or data_dir() / "curated" / "sources.csv", sources_schema())


def load_reference(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Load one reference table by file stem (``provinces_legacy``, ``ntm_status``, ...)."""
    from dvk_analysis.data.schema import reference_schemas

    schemas = reference_schemas()
    if name not in schemas:
        raise KeyError(f"unknown reference table {name!r}; valid: {', '.join(schemas)}")
    return load_table((folder or data_dir() / "reference") / f"{name}.csv", schemas[name])


def article_path(article_id: str, folder: Path | None = None) -> Path:
    """Return the path of an article's text file."""
    return (folder or data_dir() / "raw" / "articles") / f"{article_id}.txt"


def read_article(article_id: str, folder: Path | None = None) -> str:
    """Return an article's text as ``dvk extract`` reads it (``fileio.read_article``).

    Offsets in the observations index this string: newlines untouched, a byte-order mark
    dropped (as the extractor drops it), so validation and extraction agree on every offset.
    """
    from dvk_analysis.fileio import read_article as read_text

    return read_text(article_path(article_id, folder))


def load_articles(manifest: pd.DataFrame, folder: Path | None = None) -> dict[str, str]:
    """Return ``{article_id: text}`` for every manifest row whose file exists."""
    texts = {}
    for article_id in manifest["article_id"]:
        if article_path(article_id, folder).exists():
            texts[article_id] = read_article(article_id, folder)
    return texts
