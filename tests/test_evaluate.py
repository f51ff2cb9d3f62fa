"""Scoring extracted claims against gold observations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dvk_analysis.text.evaluate import evaluate, evaluate_files, format_report, period_key

COLS = ["article_id", "indicator", "value", "denominator", "start"]


def frame(rows):
    return pd.DataFrame(rows, columns=COLS)


def test_match_needs_article_indicator_value_and_denominator():
    gold = frame(
        [
            ("en_a", "land_donated", 1500, None, 10),
            ("en_a", "ntm_criteria_met", 17, 20, 50),
            ("en_a", "roads", 70, None, 90),
            ("vi_b", "funds_mobilized", 4e10, None, 5),
        ]
    )
    extracted = frame(
        [
            ("en_a", "land_donated", 1505, None, 10),  # within 0.5 %
            ("en_a", "ntm_criteria_met", 17, 19, 50),  # wrong denominator
            ("en_a", "road_length", 70, None, 90),  # wrong indicator
            ("vi_b", "funds_mobilized", 4.1e10, None, 5),  # 2.5 % off
        ]
    )
    result = evaluate(gold, extracted)
    overall = result["overall"].iloc[0]
    assert (overall["n_gold"], overall["n_extracted"], overall["n_matched"]) == (4, 4, 1)
    assert overall["precision"] == pytest.approx(0.25)
    assert overall["recall"] == pytest.approx(0.25)


def test_a_denominator_on_one_side_only_matches_and_is_scored_as_context():
    # "49 of its 87 communes": one writer codes y in the denominator, another as a separate
    # rural_communes row; the claim (indicator, value) is the same
    gold = frame([("en_a", "communes_meeting_ntm", 49, None, 10)])
    extracted = frame([("en_a", "communes_meeting_ntm", 49, 87, 10)])
    result = evaluate(gold, extracted)
    assert int(result["overall"].iloc[0]["n_matched"]) == 1
    context = result["context"].set_index("aspect")["accuracy"]
    assert context["denominator"] == 0.0


@pytest.mark.parametrize("gold_den", [None, 87])
def test_a_communes_denominator_and_a_rural_communes_row_are_one_coding(gold_den):
    # "49 of its 87 communes" coded as 49 plus a rural_communes row of 87, or as 49 of 87:
    # both frames end up with the same two rows, and a total already coded is not doubled
    gold = frame(
        [
            ("en_a", "communes_meeting_ntm", 49, gold_den, 10),
            ("en_a", "rural_communes", 87, None, 16),
        ]
    )
    extracted = frame([("en_a", "communes_meeting_ntm", 49, 87, 10)])
    overall = evaluate(gold, extracted)["overall"].iloc[0]
    assert (overall["n_gold"], overall["n_extracted"], overall["n_matched"]) == (2, 2, 2)


def test_a_wrong_denominator_implies_a_wrong_total():
    gold = frame([("en_a", "rural_communes", 87, None, 16)])
    extracted = frame([("en_a", "communes_meeting_ntm", 49, 78, 10)])
    overall = evaluate(gold, extracted)["overall"].iloc[0]
    assert (overall["n_gold"], overall["n_extracted"], overall["n_matched"]) == (1, 2, 0)


def test_an_agreeing_denominator_wins_the_match():
    gold = frame(
        [("en_a", "ntm_criteria_met", 19, 19, 10), ("en_a", "ntm_criteria_met", 19, None, 90)]
    )
    extracted = frame(
        [("en_a", "ntm_criteria_met", 19, None, 85), ("en_a", "ntm_criteria_met", 19, 19, 95)]
    )
    result = evaluate(gold, extracted)
    assert int(result["overall"].iloc[0]["n_matched"]) == 2
    assert result["context"].set_index("aspect")["accuracy"]["denominator"] == 1.0


def test_each_gold_row_matches_once_and_closest_first():
    gold = frame([("en_a", "roads", 100, None, 10)])
    extracted = frame([("en_a", "roads", 100.4, None, 80), ("en_a", "roads", 100, None, 10)])
    result = evaluate(gold, extracted)
    assert int(result["overall"].iloc[0]["n_matched"]) == 1
    assert result["matches"].iloc[0]["extracted_value"] == 100
    assert len(result["spurious"]) == 1 and result["spurious"].iloc[0]["value"] == 100.4


def test_rows_without_article_id_take_no_part():
    gold = frame([("", "roads", 5, None, None), ("en_a", "roads", 7, None, 3)])
    result = evaluate(gold, frame([("en_a", "roads", 7, None, 3)]))
    assert int(result["overall"].iloc[0]["n_gold"]) == 1
    assert result["overall"].iloc[0]["recall"] == 1.0


def test_per_language_and_per_indicator_tables():
    gold = frame([("en_a", "roads", 7, None, 1), ("hu_b", "roads", 3, None, 1)])
    extracted = frame([("en_a", "roads", 7, None, 1), ("hu_b", "dvk_models", 3, None, 1)])
    result = evaluate(gold, extracted, {"en_a": "en", "hu_b": "hu"})
    lang = result["language"].set_index("language")
    assert lang.loc["en", "f1"] == 1.0
    assert lang.loc["hu", "recall"] == 0.0 and lang.loc["hu", "precision"] == 0.0
    ind = result["indicator"].set_index("indicator")
    assert ind.loc["dvk_models", "n_gold"] == 0 and math.isnan(ind.loc["dvk_models", "recall"])
    report = format_report(result)
    assert "overall" in report and "hu" in report and "dvk_models" in report


def test_missing_columns_are_a_clear_error():
    with pytest.raises(ValueError, match="extracted claims: missing column"):
        evaluate(frame([]), pd.DataFrame({"article_id": ["x"]}))


def test_evaluate_files_reads_csvs(tmp_path):
    gold, extracted = tmp_path / "gold.csv", tmp_path / "ext.csv"
    frame([("en_a", "roads", 7, "", 1)]).to_csv(gold, index=False)
    frame([("en_a", "roads", 7, "", 1)]).to_csv(extracted, index=False)
    text = evaluate_files(gold, extracted)
    assert "overall" in text and "1.000" in text


# --------------------------------------------------------------------------- splits, context


def test_split_of_defaults_to_dev_and_rejects_other_values():
    from dvk_analysis.text.evaluate import split_of

    manifest = pd.DataFrame({"article_id": ["a", "b", "c"], "split": ["", "test", None]})
    assert split_of(manifest) == {"a": "dev", "b": "test", "c": "dev"}
    assert split_of(pd.DataFrame({"article_id": ["a"]})) == {"a": "dev"}
    with pytest.raises(ValueError, match=r"article 'a' has split 'train'; valid: dev, tuned, test"):
        split_of(pd.DataFrame({"article_id": ["a"], "split": ["train"]}))


def test_in_split_keeps_the_split_and_unlisted_articles_count_as_dev():
    from dvk_analysis.text.evaluate import in_split

    claims = frame(
        [("a", "roads", 1, None, 1), ("b", "roads", 2, None, 1), ("z", "roads", 3, None, 1)]
    )
    splits = {"a": "dev", "b": "test"}
    assert list(in_split(claims, splits, "test")["article_id"]) == ["b"]
    assert list(in_split(claims, splits, "dev")["article_id"]) == ["a", "z"]
    assert len(in_split(claims, splits, "all")) == 3
    with pytest.raises(ValueError, match="unknown split 'tst'"):
        in_split(claims, splits, "tst")


def test_place_key_ignores_level_words_inflection_and_diacritics():
    from dvk_analysis.text.evaluate import place_key

    assert place_key("xã Khuất Xá") == place_key("Khuat Xa commune") == "khuatxa"
    assert place_key("Lai Chau tartományban") == place_key("Lai Chau")
    assert place_key("province de Ninh Thuan") == place_key("Ninh Thuan")
    assert place_key("thôn Lỗ Xá, xã Nhân Hòa") == place_key("thôn Lỗ Xá")
    assert place_key("广南省") == place_key("广南")
    assert place_key("Ha Tinh") != place_key("Thach Ha")
    # articles from the lexicons' [places] articles: "the former province of" is "former"
    assert place_key("the former province of Phu Tho") == place_key("former Phu Tho")
    assert place_key("la commune de Thien Loc") == place_key("Thien Loc")
    # an adjective between the level word and its linker describes the unit
    assert place_key("distrito montañoso de Thanh Son") == place_key("Thanh Son")
    assert place_key("commune frontalière de Ia Dom") == place_key("Ia Dom")


def test_place_and_period_scored_on_matched_claims_only():
    cols = [*COLS, "place", "admin_level", "period_start", "period_end"]
    gold = pd.DataFrame(
        [
            ("a", "roads", 7, None, 1, "xã Yên Thọ", "commune", "2023", "2023"),
            ("a", "land_donated", 500, None, 9, "Yen Tho", "commune", "2023", "2023"),
            ("a", "dvk_models", 30, None, 20, "Yen Tho", "commune", "2023", "2023"),
        ],
        columns=cols,
    )
    extracted = pd.DataFrame(
        [
            ("a", "roads", 7, None, 1, "Yen Tho commune", "commune", "2023", "2023"),
            ("a", "land_donated", 500, None, 9, "Nhu Thanh", "district", "2020", "2023"),
            ("a", "dvk_models", 31, None, 20, "Yen Tho", "commune", "2023", "2023"),  # no match
        ],
        columns=cols,
    )
    context = evaluate(gold, extracted)["context"].set_index("aspect")
    assert context.loc["place", "n"] == 2
    assert context.loc["place", "accuracy"] == 0.5
    assert context.loc["admin_level", "accuracy"] == 0.5
    assert context.loc["period", "accuracy"] == 0.5
    assert math.isnan(evaluate(frame([]), frame([]))["context"].iloc[0]["accuracy"])


def test_translation_differences_list_what_one_translation_lacks():
    from dvk_analysis.text.evaluate import translation_differences

    manifest = pd.DataFrame(
        {"article_id": ["vi_1", "en_1", "fr_1", "de_2"], "translation_of": ["", "vi_1", "vi_1", ""]}
    )
    claims = frame(
        [
            ("vi_1", "dvk_models", 120, None, 1),
            ("vi_1", "land_donated", 5000, None, 2),
            ("en_1", "dvk_models", 120, None, 1),
            ("en_1", "land_donated", 5001, None, 2),  # within tolerance: the same figure
            ("fr_1", "dvk_models", 120, None, 1),
            ("fr_1", "households_mobilized", 5000, None, 2),  # wrong indicator
            ("de_2", "roads", 3, None, 1),  # alone in its group: nothing to compare
        ]
    )
    diff = translation_differences(claims, manifest)
    assert list(diff["indicator"]) == ["households_mobilized", "land_donated"]
    assert diff.set_index("indicator").loc["land_donated", "missing_in"] == "fr_1"
    assert diff.set_index("indicator").loc["households_mobilized", "missing_in"] == "en_1;vi_1"
    same = claims[claims["article_id"] != "fr_1"]
    assert translation_differences(same, manifest[manifest["article_id"] != "fr_1"]).empty
    assert len(translation_differences(same, manifest)) == 2  # fr_1 extracted nothing


def test_evaluate_files_scores_one_split(tmp_path, monkeypatch):
    from dvk_analysis import paths

    (tmp_path / "raw").mkdir()
    pd.DataFrame(
        {
            "article_id": ["en_a", "en_b"],
            "language": ["en", "en"],
            "translation_of": ["", ""],
            "split": ["", "test"],
        }
    ).to_csv(tmp_path / "raw" / "manifest.csv", index=False)
    monkeypatch.setattr(paths, "data_dir", lambda override=None: tmp_path)
    gold, extracted = tmp_path / "gold.csv", tmp_path / "ext.csv"
    frame([("en_a", "roads", 7, "", 1), ("en_b", "roads", 9, "", 1)]).to_csv(gold, index=False)
    frame([("en_a", "roads", 7, "", 1), ("en_b", "roads", 8, "", 1)]).to_csv(extracted, index=False)
    dev = evaluate_files(gold, extracted, split="dev")
    test = evaluate_files(gold, extracted, split="test")
    both = evaluate_files(gold, extracted, split="all")
    assert dev.startswith("split: dev (1 articles)")
    assert "overall                         1.000  1.000  1.000      1      1      1" in dev
    assert "overall                         0.000  0.000  0.000      1      1      0" in test
    assert "      2      2      1" in both
    assert "place correct" in dev
    with pytest.raises(ValueError, match="unknown split"):
        evaluate_files(gold, extracted, split="train")


def test_place_key_drops_articles_but_keeps_former():
    from dvk_analysis.text.evaluate import place_key

    assert place_key("the former province of Phu Tho") == place_key("the former Phu Tho")
    assert place_key("az egykori Phu Tho tartomány") == place_key("egykori Phu Tho tartománynak")
    assert place_key("les trois villages") == place_key("trois villages")
    assert place_key("the former province of Phu Tho") != place_key("Phu Tho")


def _row(place, level="province", province="Phú Thọ"):
    return {
        "article_id": "a",
        "indicator": "communes_meeting_ntm",
        "value": 84,
        "place": place,
        "admin_level": level,
        "province": province,
        "period_start": "",
        "period_end": "",
    }


@pytest.mark.parametrize(
    ("gold", "extracted", "same"),
    [
        (_row("toàn tỉnh"), _row("Phú Thọ"), True),
        (_row("Phu Tho"), _row("the whole province"), True),
        (_row("toàn tỉnh"), _row("Toàn tỉnh"), True),
        (_row("toàn tỉnh"), _row("toàn tỉnh", province="Hà Tĩnh"), False),
        (_row("toàn tỉnh"), _row("xã Thanh Lương", "commune"), False),
        (_row("Phu Tho"), _row("Vinh Phuc", province="Vĩnh Phúc"), False),
        # two provinces are one unit when their provinces are, whatever the script of the name
        (_row("Thanh Hoa", province="Thanh Hóa"), _row("清化省", province="Thanh Hóa"), True),
        (_row("Thanh Hoa", province="Thanh Hóa"), _row("河内市", province="Hà Nội"), False),
        (_row("Thanh Hoa", "district", "Thanh Hóa"), _row("清化省", province="Thanh Hóa"), False),
        # one country: any national phrase is the same unit
        (_row("the country", "national", ""), _row("nationwide", "national", "Việt Nam"), True),
        (_row("the country", "national", ""), _row("Nghe An", "province", "Nghệ An"), False),
    ],
)
def test_a_province_scope_phrase_is_the_rows_province(gold, extracted, same):
    results = evaluate(pd.DataFrame([gold]), pd.DataFrame([extracted]))
    place = results["context"].set_index("aspect").loc["place", "accuracy"]
    assert place == (1.0 if same else 0.0)


@pytest.mark.parametrize(
    ("column", "value", "key"),
    [
        ("period_end", "2019-12", "2019"),
        ("period_end", "2019-12-31", "2019"),
        ("period_end", "2020-02-29", "2020-02"),  # a leap year's February
        ("period_end", "2019-02-28", "2019-02"),
        ("period_end", "2019-11-29", "2019-11-29"),
        ("period_start", "2019-01-01", "2019"),
        ("period_start", "2019-03-01", "2019-03"),
        ("period_start", "2019-12", "2019-12"),  # December starts no year
        ("period_end", "", ""),
    ],
)
def test_period_bounds_that_name_the_same_day_are_equal(column, value, key):
    assert period_key(column, value) == key


def test_a_place_glossed_in_another_script_matches_either_name():
    from dvk_analysis.text.evaluate import _same

    assert _same("place", "My Long Nam", "美隆南（My Long Nam）乡")
    assert _same("place", "美隆南", "美隆南（My Long Nam）乡")
    assert _same("place", "Cai Lay", "Cai Lay（丐礼）县")
    assert not _same("place", "Hung Phu", "美隆南（My Long Nam）乡")
