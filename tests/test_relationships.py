"""The cross-unit analysis behind notebook 03: parameters, unit tables, honest refusals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dvk_analysis.report import relationships as rel


@pytest.fixture(scope="session")
def tables():
    return rel.unit_tables("province")


def test_parameters_accept_a_comma_separated_string():
    level, outcome, predictors, bounds = rel.check_parameters(
        "province", "ntm_share_latest", "models_per_10k, sessions_per_10k", "low"
    )
    assert predictors == ["models_per_10k", "sessions_per_10k"] and bounds == "low"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("provinces", "ntm_share_latest", ["models_per_10k"], "mid"), "did you mean 'province'"),
        (("province", "ntm_share", ["models_per_10k"], "mid"), "unknown outcome 'ntm_share'"),
        (("province", "ntm_share_latest", [], "mid"), "at least one predictor"),
        (("province", "ntm_share_latest", ["models_per_10k"], "middle"), "did you mean 'mid'"),
    ],
)
def test_bad_parameters_name_what_is_valid(args, message):
    with pytest.raises(ValueError, match=message):
        rel.check_parameters(*args)


def test_unit_tables_follow_the_bound_views(tables):
    assert set(tables) == {"low", "mid", "high"}
    mid = tables["mid"].set_index("unit")
    # Lai Châu: "more than 10,360 sessions" -> low = 10,360 and high = 10,360 x 1.1 per resident.
    low = tables["low"].set_index("unit").loc["Lai Châu", "sessions_per_10k"]
    high = tables["high"].set_index("unit").loc["Lai Châu", "sessions_per_10k"]
    assert high == pytest.approx(low * 1.1)
    assert mid.loc["Hà Tĩnh", "ntm_share_latest"] == pytest.approx(0.6899)


def test_too_few_units_are_refused_with_n(tables):
    few = {
        b: t.dropna(subset=["ntm_share_latest", "models_per_10k"]).head(4)
        for b, t in tables.items()
    }
    analysis = rel.analyse(few, "ntm_share_latest", ["models_per_10k"])
    assert analysis.n == len(few["mid"]) <= 4
    assert analysis.model is None and analysis.correlations.empty
    assert any(f"got {analysis.n}" in reason for reason in analysis.refused)
    assert f"**n = {analysis.n} units**" in rel.report(analysis)


def test_enough_units_give_tidy_results():
    rng = np.random.default_rng(1)
    x = rng.uniform(1, 10, 40)
    share = 1 / (1 + np.exp(-(0.3 * x - 1.5) + rng.normal(0, 0.3, 40)))
    table = pd.DataFrame({"unit": [f"u{i}" for i in range(40)], "criteria_share": share,
                          "models_per_10k": x})  # fmt: skip
    analysis = rel.analyse({b: table for b in ("low", "mid", "high")}, "criteria_share",
                           ["models_per_10k"])  # fmt: skip
    assert analysis.refused == []
    assert analysis.correlations.loc[0, "estimate"] > 0.5
    assert analysis.correlations.loc[0, "n"] == 40
    slope = analysis.model.set_index("term").loc["models_per_10k"]
    assert slope["ci_low"] < 0.3 < slope["ci_high"] and slope["n"] == 40
    assert set(analysis.sensitivity["bound_view"]) == {"low", "mid", "high"}


def test_the_2025_geography_keeps_each_unit_its_own_name_and_outcome(tables):
    new = rel.unit_tables("province", geography="2025")["mid"].set_index("place_key")
    old = tables["mid"].set_index("place_key")
    assert new["unit"].is_unique and new.index.equals(old.index)
    merged = new[new["province"] != new["place"]]
    assert len(merged) >= 1  # e.g. Bà Rịa - Vũng Tàu, a part of Hồ Chí Minh since 2025
    assert (merged["unit"] == merged["place"]).all()
    pd.testing.assert_series_equal(new["ntm_share_latest"], old["ntm_share_latest"])


def test_what_is_left_out_is_counted_at_every_step():
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.data.dataset import build_dataset

    left_out = rel.exclusions("province")
    assert list(left_out.columns) == ["step", "reason", "count", "ids"]  # one layout
    assert set(left_out["step"]) == {"panel", "reference", "metrics"}
    data = build_dataset()
    panel = build_panel(data, stories=dict(zip(data["source_key"], data["story_id"], strict=True)))
    from_panel = left_out[left_out["step"] == "panel"]
    assert from_panel["count"].sum() == panel.exclusions["count"].sum() > 0
    undated = set(data.loc[data["period_end"].isna() & data["published"].isna(), "observation_id"])
    ids = panel.exclusions.set_index("reason")["observation_ids"].str.split(";")
    assert set(ids["no period end and no publication date"]) <= undated
    assert undated <= set(ids.explode())  # every undated claim is left out, and counted
    listed = set(from_panel["ids"].str.split(";").explode())
    assert undated <= listed


@pytest.mark.slow  # the whole matched analysis on the real data (bounds boxes, bootstraps)
def test_matched_analysis_states_n_and_refuses_what_the_data_cannot_support():
    from dvk_analysis.report import relationships as rel

    res = rel.matched_analysis(n_resamples=50)
    assert res.tier in ("standard", "advanced") and "provinces' latest standard shares" in (
        res.tier_reason
    )
    assert {"n", "p_holm", "family", "note"} <= set(res.cross.columns)
    assert res.cross["family"].str.startswith("cross-province correlations").all()
    refused = res.cross[res.cross["estimate"].isna()]
    assert refused["note"].str.startswith("refused").all()
    text = rel.matched_markdown(res)
    assert "n = " in text and "Outcome:" in text
    assert set(res.selection["column"]) == {"population", "latest_share"}
