"""The CSV template for sourced figures (docs/adding-figures.md): a row added from it is valid
and flows into the analysis data set that `make reports` builds."""

from __future__ import annotations

import csv
from pathlib import Path

from dvk_analysis.data.dataset import build_dataset
from dvk_analysis.data.schema import observations_schema
from dvk_analysis.data.validate import validate_all

TEMPLATES = Path(__file__).parents[1] / "docs" / "templates"
NEW_COLUMNS = {"measure", "tier", "note"}  # added to the schema with the 2026 data contract


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _append(path: Path, rows: list[dict[str, str]]) -> None:
    """Append rows by column name, as a researcher pasting into a spreadsheet would."""
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([[row.get(column, "") for column in header] for row in rows])


def test_template_columns_are_the_observation_columns():
    header = list(_rows(TEMPLATES / "figures-template.csv")[0])
    schema = list(observations_schema().columns)
    assert [c for c in header if c in schema] == schema
    assert set(header) - set(schema) <= NEW_COLUMNS


def test_a_row_from_the_template_flows_into_the_data_set(data_copy):
    figures = _rows(TEMPLATES / "figures-template.csv")
    before = [str(p) for p in validate_all(data_copy)]
    _append(data_copy / "curated" / "observations.csv", figures)
    _append(data_copy / "curated" / "sources.csv", _rows(TEMPLATES / "sources-template.csv"))
    assert [str(p) for p in validate_all(data_copy)] == before  # the new row adds no problem
    dataset = build_dataset(data_copy)
    added = dataset[dataset["observation_id"] == figures[0]["observation_id"]]
    assert len(added) == 1
    row = added.iloc[0]
    assert (row["province"], row["value"], row["published"]) == ("Hà Tĩnh", 85.0, "2025-01-02")
    assert row["story_id"] == figures[0]["source_url"]
