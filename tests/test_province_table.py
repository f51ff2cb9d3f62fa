"""The analysis-ready province table and the story counts behind the coverage figure."""

from __future__ import annotations

import pandas as pd

from dvk_analysis.analysis import province_table as pt


def _dataset() -> pd.DataFrame:
    base = {
        "indicator": "dvk_models",
        "value": 430.0,
        "unit": "count",
        "qualifier": "exact",
        "admin_level": "province",
        "province": "Lai Châu",
        "period_start": "2020",
        "period_end": "2025",
        "published": "2025-10-23",
        "source_url": None,
    }
    rows = [
        {**base, "observation_id": "a#1", "story_id": "s1", "url": "https://vi.example/a"},
        {**base, "observation_id": "b#1", "story_id": "s1", "url": "https://en.example/a"},
        {**base, "observation_id": "c#1", "story_id": "s2", "url": "https://x.example/c",
         "value": 1000.0, "qualifier": "nearly", "province": "Hà Giang"},
        {**base, "observation_id": "d#1", "story_id": "s3", "url": "https://x.example/d",
         "admin_level": "district", "value": 12.0},
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_one_row_per_story_with_its_sources_and_qualifier() -> None:
    table = pt.province_table(_dataset(), geography="legacy")
    mine = table[table["origin"] == "observation"]
    lai = mine[mine["province"] == "Lai Châu"]
    assert len(lai) == 1  # a translation is the same story; the district figure is not here
    assert lai["n_sources"].iloc[0] == 2
    assert "vi.example" in lai["source"].iloc[0] and "en.example" in lai["source"].iloc[0]
    hg = mine[mine["province"] == "Hà Giang"].iloc[0]
    assert (hg["value"], hg["qualifier"], hg["level"]) == (1000.0, "nearly", "province")
    assert list(table.columns) == list(pt.TABLE_COLUMNS)


def test_the_2025_map_never_shows_a_merged_province_under_its_successor() -> None:
    table = pt.province_table(_dataset(), geography="2025")
    mine = table[table["origin"] == "observation"]
    assert "Tuyên Quang" not in set(mine["province"])  # Hà Giang merged into Tuyên Quang
    assert set(mine["province"]) == {"Lai Châu"}  # borders unchanged: same figure, same name


def test_reference_ntm_figures_are_rows_of_the_table() -> None:
    table = pt.province_table(_dataset(), geography="legacy")
    ref = table[(table["origin"] == "reference") & (table["province"] == "Lào Cai")]
    share = ref[ref["indicator"] == "share_communes_meeting_ntm"]
    assert share["value"].round(3).tolist() == [0.363]  # ntm_status.csv, 2019-12


def test_story_counts_count_each_story_once_at_one_level() -> None:
    counts = pt.story_counts(_dataset(), "province")
    assert len(counts) == 2  # s1 (two outlets) and s2; the district story is another level
    assert sorted(counts["story"]) == ["s1", "s2"]
