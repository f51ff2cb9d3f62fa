"""The analysis data set: metadata joins and story ids."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import rewrite_csv

from dvk_analysis.data.dataset import build_dataset, story_ids


def test_every_claim_gets_metadata_and_a_story():
    data = build_dataset()
    assert data["story_id"].notna().all() and data["language"].notna().all()
    seeds = data[data["article_id"].isin(["001_f808597f64e99e4e", "004_0ce8fcdb2e1cb020"])]
    assert set(seeds["story_id"]) == {"004_0ce8fcdb2e1cb020"}
    assert data.loc[data["province"] == "Hà Giang", "province_2025"].eq("Tuyên Quang").all()


def test_curated_seed_translations_carry_the_same_claims():
    data = build_dataset()
    pairs = {
        article: set(zip(group["indicator"], group["value"], strict=True))
        for article, group in data.groupby("article_id")
    }
    assert len(pairs["004_0ce8fcdb2e1cb020"]) >= 10
    assert pairs["001_f808597f64e99e4e"] == pairs["004_0ce8fcdb2e1cb020"]


def test_story_chains_resolve_to_the_original():
    meta = pd.DataFrame(
        {"source_key": ["a", "b", "c", "d"], "translation_of": [None, "a", "b", None]}
    )
    assert story_ids(meta) == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_a_translation_cycle_is_an_error():
    meta = pd.DataFrame({"source_key": ["a", "b"], "translation_of": ["b", "a"]})
    with pytest.raises(ValueError, match="cycle: a -> b -> a"):
        story_ids(meta)


def test_a_data_folder_given_as_text_is_accepted(data_copy):
    # papermill passes the notebooks' data_dir parameter as a string
    rewrite_csv(data_copy / "curated" / "observations.csv", lambda rows: rows[:6])
    assert len(build_dataset(str(data_copy))) == 5
