"""Tests of panel.py: bounds, story de-duplication, competing claims, exclusions, real data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dvk_analysis.analysis.panel import (
    BAND,
    PanelInputError,
    bounds,
    build_panel,
    panel_long,
    place_key,
)


def obs(rows: list[dict]) -> pd.DataFrame:
    """Observation rows with defaults: one province-level exact count in Hà Tĩnh, 2013-2023."""
    base = {
        "article_id": "a1",
        "indicator": "dvk_models",
        "value": 100.0,
        "unit": "count",
        "qualifier": "exact",
        "denominator": np.nan,
        "place": "Ha Tinh",
        "admin_level": "province",
        "province": "Hà Tĩnh",
        "period_start": "2013",
        "period_end": "2023",
        "published": "2023",
    }
    out = [{**base, "observation_id": f"o{i}", **row} for i, row in enumerate(rows)]
    return pd.DataFrame(out)


def all_ids(panel) -> list[str]:
    ids = []
    for joined in [*panel.long["observation_ids"], *panel.exclusions["ids"]]:
        ids += joined.split(";")
    return sorted(ids)


def reason_ids(panel, word: str) -> list[str]:
    rows = panel.exclusions[panel.exclusions["reason"].str.contains(word)]
    assert len(rows) == 1, panel.exclusions
    assert rows["step"].iloc[0] == "panel"
    return rows["ids"].iloc[0].split(";")


# --- bounds ---------------------------------------------------------------------------------


def test_bounds_rule_for_each_kind_of_qualifier():
    values = np.array([19300.0, 990000.0, 8000.0, 7980.0])
    quals = np.array(["more_than", "nearly", "about", "exact"])
    got = bounds(values, quals, band=0.10)
    expected = [
        [19300.0, 19300.0 * 1.05, 19300.0 * 1.10],  # lower bound
        [990000.0 * 0.90, 990000.0 * 0.95, 990000.0],  # upper bound
        [8000.0 * 0.90, 8000.0, 8000.0 * 1.10],  # band
        [7980.0, 7980.0, 7980.0],
    ]
    np.testing.assert_allclose(got, expected)


def test_bounds_treat_at_least_like_more_than_and_up_to_like_nearly():
    got = bounds(np.array([10.0, 10.0]), np.array(["at_least", "up_to"]), band=0.2)
    np.testing.assert_allclose(got, [[10.0, 11.0, 12.0], [8.0, 9.0, 10.0]])


def test_bounds_reject_unknown_qualifier_and_bad_band():
    with pytest.raises(ValueError, match="unknown qualifier.*'roughly'.*valid"):
        bounds(np.array([1.0]), np.array(["roughly"]))
    with pytest.raises(ValueError, match="band"):
        bounds(np.array([1.0]), np.array(["exact"]), band=1.5)


def test_views_low_mid_high_of_a_lower_bound():
    panel = build_panel(obs([{"value": 19300.0, "qualifier": "more_than"}]))
    assert panel.wide("low")["dvk_models"].iloc[0] == 19300.0
    assert panel.wide("mid")["dvk_models"].iloc[0] == pytest.approx(19300 * (1 + BAND / 2))
    assert panel.wide("high")["dvk_models"].iloc[0] == pytest.approx(19300 * (1 + BAND))
    assert build_panel(obs([{}]), bound="high").bound == "high"


# --- stories ---------------------------------------------------------------------------------


def translation_pair() -> pd.DataFrame:
    """An original (en) and its Arabic translation stating one figure, place in two scripts."""
    return obs(
        [
            {"article_id": "orig", "place": "Thien Loc", "admin_level": "commune",
             "indicator": "households_mobilized", "unit": "households", "value": 1000.0,
             "qualifier": "more_than"},
            {"article_id": "tr_ar", "place": "ثين لوك", "admin_level": "commune",
             "indicator": "households_mobilized", "unit": "households", "value": 1000.0,
             "qualifier": "about", "published": "2024"},
        ]
    )  # fmt: skip


def test_two_translations_of_one_story_count_once():
    panel = build_panel(translation_pair(), stories={"tr_ar": "orig", "orig": "orig"})
    assert len(panel.long) == 1
    cell = panel.long.iloc[0]
    assert cell["n_claims"] == 1
    assert cell["observation_ids"].split(";") == ["o0", "o1"]
    assert cell["place"] == "Thien Loc"  # the original's row represents the claim
    assert cell["qualifier"] == "more_than"
    assert panel.exclusions.empty


def test_story_id_column_is_used_when_no_mapping_is_given():
    data = translation_pair().assign(story_id="orig")
    panel = build_panel(data)
    assert panel.long["n_claims"].tolist() == [1]


def test_without_stories_translations_compete_as_two_claims():
    panel = build_panel(translation_pair().assign(place="Thien Loc"))
    assert panel.long["n_claims"].tolist() == [2]
    # (With the place in two scripts they would be two units.) Both are qualified, with the
    # same period and place precision, so the later article wins.
    assert panel.long["observation_ids"].tolist() == ["o1"]
    assert reason_ids(panel, "superseded") == ["o0"]


# --- competing claims ------------------------------------------------------------------------


def test_exact_beats_qualified_even_from_an_older_article():
    data = obs(
        [
            {"article_id": "a", "value": 19300.0, "qualifier": "more_than", "published": "2024"},
            {"article_id": "b", "value": 19340.0, "qualifier": "exact", "published": "2023"},
        ]
    )
    panel = build_panel(data)
    assert panel.table["dvk_models"].tolist() == [19340.0]
    assert panel.long["n_claims"].tolist() == [2]
    assert reason_ids(panel, "superseded") == ["o0"]


def test_more_specific_period_wins_within_the_same_year():
    data = obs(
        [
            {"article_id": "a", "value": 5.0, "period_start": "2023", "period_end": "2023",
             "published": "2024"},
            {"article_id": "b", "value": 4.0, "period_start": "2023-01", "period_end": "2023-09"},
        ]
    )  # fmt: skip
    panel = build_panel(data)
    assert panel.long["value"].tolist() == [4.0]
    assert panel.long[["period_start", "period_end"]].iloc[0].tolist() == [2023, 2023]


def test_later_article_wins_among_equally_precise_exact_claims():
    data = obs(
        [
            {"article_id": "a", "value": 7.0, "published": "2023-05"},
            {"article_id": "b", "value": 6.0, "published": "2023-11-02"},
        ]
    )
    assert build_panel(data).long["value"].tolist() == [6.0]


def test_a_total_beats_its_parts_in_one_article():
    data = obs([{"value": 123.0}, {"value": 54.0}, {"value": 69.0}])
    panel = build_panel(data)
    assert panel.long["value"].tolist() == [123.0]
    assert reason_ids(panel, "superseded") == ["o1", "o2"]


def test_different_periods_and_levels_are_different_rows():
    data = obs(
        [
            {"value": 1.0},
            {"value": 2.0, "period_start": "2020", "period_end": "2020"},
            {"value": 3.0, "admin_level": "district", "place": "Can Loc"},
        ]
    )
    table = build_panel(data).table
    assert len(table) == 3
    assert sorted(table["dvk_models"]) == [1.0, 2.0, 3.0]


def test_missing_period_ends_in_the_publication_year_with_unknown_start():
    data = obs([{"period_start": np.nan, "period_end": np.nan, "published": "2022-07-01"}])
    row = build_panel(data).table.iloc[0]
    assert row["period_end"] == 2022
    assert pd.isna(row["period_start"])


# --- denominators and geography --------------------------------------------------------------


def test_denominator_becomes_its_own_column():
    data = obs(
        [{"indicator": "ntm_criteria_met", "value": 17.0, "denominator": 20.0,
          "admin_level": "commune", "place": "Cam Loc"}]
    )  # fmt: skip
    table = build_panel(data).table
    assert table["ntm_criteria_met"].tolist() == [17.0]
    assert table["ntm_criteria_met__denominator"].tolist() == [20.0]


def test_geography_2025_maps_the_province_column_to_the_successor():
    data = obs([{"place": "Chợ Đồn", "admin_level": "district", "province": "Bắc Kạn"}])
    legacy = build_panel(data, geography="legacy").table
    merged = build_panel(data, geography="2025").table
    assert legacy["province"].tolist() == ["Bắc Kạn"]
    assert merged["province"].tolist() == ["Thái Nguyên"]
    assert merged["place"].tolist() == ["Chợ Đồn"]


def test_province_level_units_use_the_canonical_name_whatever_the_script():
    data = obs(
        [{"article_id": "x", "place": "ها تينه", "value": 1.0},
         {"article_id": "y", "place": "provincia de Ha Tinh", "value": 2.0,
          "period_start": "2010", "period_end": "2010"}]
    )  # fmt: skip
    table = build_panel(data).table
    assert table["place"].tolist() == ["Hà Tĩnh", "Hà Tĩnh"]
    assert table["place_key"].nunique() == 1


def test_place_key_drops_level_words_in_several_languages():
    keys = {place_key(p) for p in ("xã Lùng Thẩn", "Lung Than commune", "comuna de Lung Than")}
    assert len(keys) == 1
    assert place_key("huyện Mường La") != place_key("huyện Mường")  # "la" is a syllable here
    assert place_key("Bezirk Dam Rong") == place_key("huyện Đam Rông")


# --- exclusions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"indicator": "sessions"}, "unknown indicator"),
        ({"unit": "m2"}, "no conversion"),
        ({"indicator": "ntm_criteria_met", "value": 21.0, "denominator": 19.0}, "share above 1"),
        ({"indicator": "ntm_criteria_met", "value": 3.0, "denominator": 0.0}, "denominator zero"),
        ({"province": "Atlantis"}, "province missing or unknown"),
        ({"province": np.nan}, "province missing or unknown"),
        ({"admin_level": np.nan}, "admin_level"),
        ({"admin_level": "county"}, "admin_level"),
        ({"period_start": np.nan, "period_end": np.nan, "published": np.nan}, "no period"),
        ({"value": -5.0}, "negative"),
        ({"qualifier": "roughly"}, "unknown qualifier"),
    ],
)
def test_each_exclusion_is_counted_with_its_ids(row, reason):
    panel = build_panel(obs([{}, row]))
    assert reason_ids(panel, reason) == ["o1"]
    hit = panel.exclusions[panel.exclusions["reason"].str.contains(reason)]
    assert hit["count"].tolist() == [1]
    assert panel.long["observation_ids"].tolist() == ["o0"]


def test_every_observation_is_either_behind_a_cell_or_excluded():
    data = pd.concat([translation_pair(), obs([{"value": 9.0}, {"value": 8.0}, {"unit": "m"}])])
    data["observation_id"] = [f"x{i}" for i in range(len(data))]
    panel = build_panel(data, stories={"tr_ar": "orig"})
    assert all_ids(panel) == sorted(data["observation_id"])


def test_bad_input_gives_actionable_errors():
    with pytest.raises(PanelInputError, match=r"lack column.*'province'.*required"):
        build_panel(obs([{}]).drop(columns="province"))
    with pytest.raises(PanelInputError, match="unique.*o0"):
        build_panel(obs([{}, {}]).assign(observation_id="o0"))
    with pytest.raises(ValueError, match="geography must be one of"):
        build_panel(obs([{}]), geography="1990")
    with pytest.raises(ValueError, match="bound must be one of"):
        build_panel(obs([{}])).wide("median")


def test_long_and_sources_tables():
    panel = build_panel(obs([{}, {"indicator": "propaganda_sessions", "value": 3.0}]))
    tidy = panel_long(panel)
    assert list(tidy.columns) == [
        "place_key", "admin_level", "province", "period_start", "period_end", "place",
        "indicator", "low", "mid", "high", "n_claims", "observation_ids",
    ]  # fmt: skip
    assert sorted(tidy["indicator"]) == ["dvk_models", "propaganda_sessions"]
    assert set(panel.sources["observation_ids"]) == {"o0", "o1"}
    assert len(panel.table) == 1


# --- real data -------------------------------------------------------------------------------


def test_panel_builds_from_the_curated_observations():
    from dvk_analysis.data.dataset import build_dataset

    observations = build_dataset()  # curated rows + story_id and published of their source
    panel = build_panel(observations)

    assert all_ids(panel) == sorted(observations["observation_id"])
    cells = panel.long.set_index(
        ["place", "admin_level", "period_start", "period_end", "indicator"]
    )
    ha_tinh = cells.loc[("Hà Tĩnh", "province", 2013, 2023, "dvk_models")]
    assert ha_tinh["value"] == 19340  # the exact figure beats "more than 19,300"
    assert ha_tinh["qualifier"] == "exact"
    assert ha_tinh["n_claims"] == 2  # 19,300 stated by an original and its translation: once
    lai_chau = cells.loc[("Lai Châu", "province", 2020, 2025, "propaganda_sessions")]
    assert lai_chau["low"] == 10360 and lai_chau["qualifier"] == "more_than"


def test_a_city_claim_that_names_its_province_is_a_province_unit():
    data = obs(
        [{"place": "Hà Nội", "admin_level": "city", "province": "Hà Nội"},
         {"place": "Bắc Giang", "admin_level": "city", "province": "Bắc Giang",
          "period_start": "2022", "period_end": "2022"},
         {"place": "Vinh", "admin_level": "city", "province": "Nghệ An"}]
    )  # fmt: skip
    table = build_panel(data).table.set_index("place")
    assert table.loc["Hà Nội", "admin_level"] == "province"
    # Provincial cities stay cities, even when named like their province.
    assert table.loc["Bắc Giang", "admin_level"] == "city"
    assert table.loc["Vinh", "admin_level"] == "city"


def test_units_carry_their_administrative_codes_in_both_geographies():
    from dvk_analysis.data.dataset import build_dataset

    data = build_dataset()
    for geography in ("legacy", "2025"):
        table = build_panel(data, geography=geography).table.set_index(["place", "admin_level"])
        thien_loc = table.loc[[("Thien Loc", "commune")]]  # written unaccented in the article
        assert set(thien_loc["legacy_code"]) == {"18415"} and set(thien_loc["code_2025"]) == {
            "18406"
        }
        ha_tinh = table.loc[[("Hà Tĩnh", "province")]]
        assert set(ha_tinh["legacy_code"]) == {"42"} and set(ha_tinh["code_2025"]) == {"42"}
        provinces = table.xs("province", level="admin_level")
        assert provinces[["legacy_code", "code_2025"]].notna().all().all()
    villages = table.xs("village", level="admin_level")
    assert villages["legacy_code"].isna().all()  # no code exists for villages: a visible gap


def test_legacy_panel_leaves_out_claims_about_a_merged_2025_province() -> None:
    from dvk_analysis.analysis.panel import LATER_PROVINCE

    rows = pd.DataFrame(
        [
            {"observation_id": "a#1:dvk_models", "indicator": "dvk_models", "value": 11182,
             "qualifier": "exact", "admin_level": "province", "province": "Tuyên Quang",
             "period_start": "2020", "period_end": "2025-10"},
            {"observation_id": "b#1:dvk_models", "indicator": "dvk_models", "value": 900,
             "qualifier": "exact", "admin_level": "province", "province": "Tuyên Quang",
             "period_start": "2020", "period_end": "2024-12"},
        ]
    )  # fmt: skip
    legacy = build_panel(rows, geography="legacy")
    assert legacy.long["value"].tolist() == [900]
    reasons = legacy.exclusions.set_index("reason")["count"]
    assert reasons[LATER_PROVINCE] == 1
    assert 11182 in build_panel(rows, geography="2025").long["value"].tolist()


def test_a_new_recognition_count_never_becomes_a_status_cell() -> None:
    from dvk_analysis.analysis.metrics import compute_metrics
    from dvk_analysis.analysis.panel import NEW_RECOGNITIONS

    rows = obs(
        [
            {"observation_id": "a#1:communes_meeting_ntm", "indicator": "communes_meeting_ntm",
             "value": 11, "denominator": 120, "measure": "new", "period_start": "2021",
             "period_end": "2021-06"},
            {"observation_id": "b#1:communes_meeting_ntm", "indicator": "communes_meeting_ntm",
             "value": 72, "denominator": 120, "measure": "cumulative", "period_start": "2010",
             "period_end": "2021-06"},
        ]
    )  # fmt: skip
    panel = build_panel(rows)
    assert panel.long["value"].tolist() == [72]  # 11 "newly recognised" is not 9 % of communes
    assert panel.exclusions.set_index("reason")["count"][NEW_RECOGNITIONS] == 1
    shares = compute_metrics(panel.table).values["ntm_commune_share"].dropna()
    assert shares.tolist() == [pytest.approx(0.6)]
