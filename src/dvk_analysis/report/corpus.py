"""The corpus at a glance: what was collected, which stories repeat, how well extraction works.

``notebooks/01_corpus.ipynb`` is narrative around these functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.paths import data_dir as default_data_dir

if TYPE_CHECKING:
    import pandas as pd


def sources_by(dataset: pd.DataFrame, column: str) -> pd.DataFrame:
    """Sources (articles and URL-only reports) and claims per value of ``column``.

    ``column`` is ``language``, ``province`` or ``year`` (of publication; "unknown" when the
    source gives no date).
    """
    frame = dataset.assign(year=dataset["published"].str[:4].fillna("unknown"))
    frame = frame.assign(kind=frame["article_id"].notna().map({True: "article", False: "url"}))
    grouped = frame.groupby(frame[column].fillna("unknown"), sort=True)
    table = grouped.agg(
        sources=("source_key", "nunique"),
        with_text=("article_id", "nunique"),
        claims=("observation_id", "size"),
        stories=("story_id", "nunique"),
    )
    return table.sort_values(["claims", "sources"], ascending=False).reset_index()


def claims_per_province(dataset: pd.DataFrame, geography: str = "legacy") -> pd.DataFrame:
    """Claims and sources per province with its coordinates, for a bubble map of the corpus.

    Columns: ``province``, ``claims``, ``sources``, ``longitude``, ``latitude``. Claims with
    no province are not placed (they are counted in :func:`sources_by`).
    """
    import pandas as pd

    from dvk_analysis.gazetteer import province_coordinates

    column = "province" if geography == "legacy" else "province_2025"
    placed = dataset[dataset[column].notna()]
    counts = placed.groupby(column).agg(
        claims=("observation_id", "size"), sources=("source_key", "nunique")
    )
    points = pd.DataFrame.from_dict(
        province_coordinates(geography), orient="index", columns=["longitude", "latitude"]
    )
    out = counts.join(points, how="left").rename_axis("province").reset_index()
    return out.sort_values("province", kind="stable").reset_index(drop=True)


def translation_groups(dataset: pd.DataFrame) -> pd.DataFrame:
    """Stories told by more than one source (translations), with their languages.

    Analyses count each story's claims once; this table shows which sources were merged.
    """
    grouped = dataset.groupby("story_id", sort=True)
    table = grouped.agg(
        sources=("source_key", "nunique"),
        languages=("language", lambda s: ", ".join(sorted(set(s.dropna())))),
        claims=("observation_id", "size"),
        province=("province", "first"),
    )
    return table[table["sources"] > 1].sort_values("claims", ascending=False).reset_index()


def extraction_scores(data_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Run the extractor over the corpus and score it against the curated observations.

    Returns the tables of ``evaluate.evaluate``: overall, per language, per indicator.
    """
    from dvk_analysis.data.load import load_observations
    from dvk_analysis.text.evaluate import evaluate
    from dvk_analysis.text.extract import extract_paths

    folder = default_data_dir(data_dir)
    extracted = extract_paths(
        [folder / "raw" / "articles"], manifest=folder / "raw" / "manifest.csv"
    )
    gold = load_observations(folder / "curated" / "observations.csv")
    return evaluate(gold, extracted)
