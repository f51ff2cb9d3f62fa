"""Scoring extracted claims against gold observations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dvk_analysis.text.evaluate import evaluate, evaluate_files, format_report

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
