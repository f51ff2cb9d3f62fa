"""The corpus overview behind notebook 01."""

from __future__ import annotations

from dvk_analysis.data.dataset import build_dataset
from dvk_analysis.data.load import load_manifest
from dvk_analysis.report import corpus


def test_sources_by_language_adds_up():
    data = build_dataset()
    table = corpus.sources_by(data, "language")
    assert table["claims"].sum() == len(data)
    manifest = load_manifest()
    # articles with at least one claim: a blind test article may hold distractors only
    coded = set(data["article_id"].dropna())
    hungarian = manifest[(manifest["language"] == "hu") & manifest["article_id"].isin(coded)]
    assert table.set_index("language").loc["hu", "with_text"] == len(hungarian) > 0


def test_translation_groups_list_only_shared_stories():
    groups = corpus.translation_groups(build_dataset())
    assert (groups["sources"] > 1).all()
    seeds = groups.set_index("story_id").loc["004_0ce8fcdb2e1cb020"]
    assert {"ar", "en"} <= set(seeds["languages"].split(", "))


def test_claims_per_province_counts_every_placed_claim_with_its_point():
    dataset = build_dataset()
    table = corpus.claims_per_province(dataset)
    assert table["claims"].sum() == dataset["province"].notna().sum()
    assert table[["longitude", "latitude"]].notna().all().all()
    ha_tinh = table.set_index("province").loc["Hà Tĩnh"]
    assert ha_tinh["claims"] == (dataset["province"] == "Hà Tĩnh").sum()
    merged = corpus.claims_per_province(dataset, geography="2025")
    assert merged["claims"].sum() == table["claims"].sum() and len(merged) < len(table)


def test_extraction_scores_report_each_split_apart():
    from dvk_analysis.codebook import SPLITS

    scores = corpus.extraction_scores()
    table = scores["split"].set_index("split")
    assert list(table.index) == list(SPLITS)
    assert table["articles"].sum() == len(load_manifest())
    # Every gold row and every claim is in exactly one split.
    for column in ("n_gold", "n_extracted", "n_matched"):
        assert table[column].sum() == scores["overall"][column].iloc[0], column
    assert {"place correct", "period correct"} <= set(table.columns)
