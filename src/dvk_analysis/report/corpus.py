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

    Returns the tables of ``evaluate.evaluate`` over every article (overall, per language,
    per indicator) and ``split``: the overall scores and context accuracies of each split,
    because only the ``test`` row measures articles the lexicons were never tuned on.
    """
    import pandas as pd

    from dvk_analysis.codebook import SPLITS
    from dvk_analysis.data.load import load_observations
    from dvk_analysis.fileio import read_csv_text
    from dvk_analysis.text.evaluate import evaluate, in_split, split_of
    from dvk_analysis.text.extract import extract_paths

    folder = default_data_dir(data_dir)
    manifest = read_csv_text(folder / "raw" / "manifest.csv")
    extracted = extract_paths([folder / "raw" / "articles"], manifest=manifest)
    gold = load_observations(folder / "curated" / "observations.csv")
    scores = evaluate(gold, extracted)
    splits = split_of(manifest)
    rows = []
    for split in SPLITS:
        part = evaluate(in_split(gold, splits, split), in_split(extracted, splits, split))
        context = part["context"].set_index("aspect")["accuracy"]
        articles = sum(1 for s in splits.values() if s == split)
        rows.append({"split": split, "articles": articles, **part["overall"].iloc[0].to_dict()}
                    | {f"{aspect} correct": acc for aspect, acc in context.items()})  # fmt: skip
    scores["split"] = pd.DataFrame(rows).drop(columns=["group"], errors="ignore")
    return scores
