"""The corpus overview behind notebook 01."""

from __future__ import annotations

from dvk_analysis import corpus
from dvk_analysis.dataset import build_dataset


def test_sources_by_language_adds_up():
    data = build_dataset()
    table = corpus.sources_by(data, "language")
    assert table["claims"].sum() == len(data)
    assert table.set_index("language").loc["hu", "with_text"] == 6


def test_translation_groups_list_only_shared_stories():
    groups = corpus.translation_groups(build_dataset())
    assert (groups["sources"] > 1).all()
    seeds = groups.set_index("story_id").loc["004_0ce8fcdb2e1cb020"]
    assert {"ar", "en"} <= set(seeds["languages"].split(", "))
