"""Translation groups: the manifest chain and numeric fingerprints."""

from __future__ import annotations

import pandas as pd

from dvk_analysis.text.stories import assign_stories, same_story


def manifest(rows):
    return pd.DataFrame(rows, columns=["article_id", "language", "published", "translation_of"])


def claims(rows):
    return pd.DataFrame(rows, columns=["article_id", "indicator", "value"])


FACTS = [("dvk_models", 119), ("roads", 70), ("canal_length", 7100), ("road_length", 916)]


def test_manifest_chain_groups_translations_under_the_original():
    m = manifest(
        [
            ("orig", "en", "2023", ""),
            ("tr_ar", "ar", "2023", "orig"),
            ("tr_hu", "hu", "2024", "tr_ar"),
            ("other", "vi", "2022", ""),
        ]
    )
    stories = assign_stories(m, None)
    assert stories["orig"] == stories["tr_ar"] == stories["tr_hu"] == "orig"
    assert stories["other"] == "other"


def test_shared_numbers_make_one_story_without_manifest_link():
    c = claims([("b_later", i, v) for i, v in FACTS] + [("a_first", i, v) for i, v in FACTS[:3]])
    m = manifest([("a_first", "fr", "2021", ""), ("b_later", "de", "2020", "")])
    stories = assign_stories(m, c)
    # 3 shared of 4 distinct pairs: Jaccard 0.75; the earliest published is the story id
    assert stories["a_first"] == stories["b_later"] == "b_later"


def test_few_or_weakly_overlapping_numbers_stay_apart():
    c = claims(
        [("x", "roads", 70), ("x", "dvk_models", 119), ("y", "roads", 70), ("y", "dvk_models", 119)]
        + [("p", i, v) for i, v in FACTS]
        + [("q", i, v + 1) for i, v in FACTS[:2]]
        + [("q", i, v) for i, v in FACTS[2:]]
    )
    stories = assign_stories(None, c)
    assert stories["x"] != stories["y"]  # two shared pairs are not enough
    assert stories["p"] != stories["q"]  # Jaccard 2/6


def test_same_story_threshold():
    a = frozenset(FACTS)
    assert same_story(a, frozenset(FACTS[:3]))
    assert not same_story(a, frozenset(FACTS[:2]))


def test_articles_without_claims_keep_their_own_story():
    m = manifest([("lonely", "es", "", "")])
    assert assign_stories(m, claims([])) == {"lonely": "lonely"}
