"""Notebook 03's analysis: parameters, one exclusions table, results in words from the results."""

from __future__ import annotations

import re

import numpy as np
import pytest

from dvk_analysis.report import relationships as rel


@pytest.fixture(scope="session")
def res():
    return rel.matched_analysis(n_resamples=50)


def test_parameters_accept_a_comma_separated_string():
    geography, predictors = rel.check_parameters(
        "2025", "dvk_models_per_commune, ntm_funds_total_per_10k_per_year"
    )
    assert geography == "2025"
    assert predictors == ["dvk_models_per_commune", "ntm_funds_total_per_10k_per_year"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("legacyy", ["dvk_models_per_commune"]), "did you mean 'legacy'"),
        (("legacy", []), "at least one predictor"),
        (("legacy", ["models_per_10k"]), "unknown predictor 'models_per_10k'"),
    ],
)
def test_bad_parameters_name_what_is_valid(args, message):
    with pytest.raises(ValueError, match=message):
        rel.check_parameters(*args)


def test_the_default_predictors_include_the_money_family():
    from dvk_analysis.analysis.matched import family

    families = {family(p) for p in rel.DEFAULT_PREDICTORS}
    assert {"DVK models", "propaganda", "money mobilised for NTM"} <= families
    assert {"ntm_funds_total_per_10k_per_year", "ntm_funds_total_per_commune_per_year",
            "funds_mobilized_per_10k_per_year"} <= set(rel.DEFAULT_PREDICTORS)  # fmt: skip


def test_matched_analysis_states_n_and_refuses_what_the_data_cannot_support(res):
    assert res.tier in ("standard", "advanced")
    assert "provinces' latest standard shares" in res.tier_reason
    assert {"n", "n_provinces", "p_holm", "family", "note", "caveats"} <= set(res.cross.columns)
    assert res.cross["family"].str.match(r"^across provinces, .+ \(\d+ tests\)$").all()
    assert res.within["family"].str.match(r"^within provinces, .+ \(\d+ tests\)$").all()
    assert (res.cross["n"] == res.cross["n_provinces"]).all()  # one row per province
    refused = res.cross[res.cross["estimate"].isna()]
    assert refused["note"].str.startswith("refused").all()
    estimated = res.cross[res.cross["estimate"].notna()]
    assert estimated["caveats"].str.contains("reverse causality").all()
    assert set(res.selection["column"]) == {"population", "latest_share"}


def test_holm_is_within_each_named_family(res):
    from statsmodels.stats.multitest import multipletests

    for _, rows in res.cross.groupby("family"):
        tested = rows.dropna(subset=["p_value"])
        if len(tested):
            want = multipletests(tested["p_value"], method="holm")[1]
            np.testing.assert_allclose(tested["p_holm"], want)
            assert rows["family"].iloc[0].endswith(f"({len(tested)} tests)")


def test_one_exclusions_table_from_every_step(res):
    assert list(res.exclusions.columns) == ["step", "reason", "count", "ids"]
    assert {"panel", "outcome", "matched"} <= set(res.exclusions["step"])
    assert (res.exclusions["count"] == res.exclusions["ids"].str.split(";").str.len()).all()
    assert list(rel.exclusion_summary(res).columns) == ["step", "reason", "count"]


def test_the_bounds_box_covers_every_statistic_of_every_predictor(res):
    models = res.boxes.groupby("predictor")["model"].apply(list)
    assert all(m == ["spearman", "fractional_logit", "first_differences", "fixed_effects"]
               for m in models)  # fmt: skip
    done = res.boxes.dropna(subset=["box_min"])
    assert (done["box_min"] <= done["box_max"]).all()
    both = done.merge(res.cross, on=["term", "model"]).dropna(subset=["estimate"])
    spearman = both[both["model"] == "spearman"]
    # the mid estimate lies inside the box (the mid point is inside each unit's range)
    assert ((spearman["box_min"] <= spearman["estimate"] + 1e-9)
            & (spearman["estimate"] <= spearman["box_max"] + 1e-9)).all()  # fmt: skip


def test_the_words_print_the_computed_numbers(res):
    text = rel.matched_markdown(res)
    assert "Limits" in text and "Reverse causality" in text and "Ecological" in text
    best = res.cross.dropna(subset=["estimate"])
    best = best[best["model"] == "spearman"]  # the largest sample; at a tie, the lowest p
    best = best.sort_values(["n_provinces", "p_value"], ascending=[False, True]).iloc[0]
    head = rel.headline(res)
    assert f"n = {best['n']} provinces: {best['estimate']:.3g}" in head
    assert f"95 % CI {best['ci_low']:.3g} to {best['ci_high']:.3g}" in head
    assert ("reaches" if best["n"] >= rel.TARGET_N else "does not reach") in head
    assert ".." not in head  # a sentence with a note ends with one full stop
    for row in res.within.dropna(subset=["estimate"]).itertuples():
        assert f"{row.estimate:.3g} (95 % CI" in text


def test_a_sentence_states_n_in_provinces():
    import pandas as pd

    row = pd.DataFrame([{"term": "t", "model": "first_differences", "n": 6, "n_provinces": 4,
                         "estimate": np.nan, "note": "refused: too few"}])  # fmt: skip
    assert rel.sentence(next(row.itertuples())) == (
        "t [first_differences], n = 6 (changes in 4 provinces): not estimated (refused: too few)"
    )


def test_the_largest_predictor_is_the_one_with_most_provinces(res):
    name = rel.largest_predictor(res, list(res.sections))
    assert len(res.sections[name]) == max(len(s) for s in res.sections.values())


def test_the_scatter_shows_shares_on_zero_to_one_with_dates(res):
    name = rel.largest_predictor(res, list(res.sections))
    fig = rel.matched_scatter(res, name)
    ax = fig.axes[0]
    assert ax.get_ylim() == pytest.approx((0, 1), abs=0.06)
    labels = [t.get_text() for t in ax.texts]
    assert labels and all(re.search(r"\(\d{4}", t) for t in labels if "(" in t)


def test_robustness_reruns_each_predictor_without_undated_claims_and_at_the_nearest_date(res):
    samples = res.robustness.groupby("predictor")["sample"].apply(set)
    assert all(s == {"without undated claims", "nearest outcome"} for s in samples)
    assert set(samples.index) == set(res.sections)
    nearest = res.robustness[res.robustness["sample"] == "nearest outcome"]
    main = res.cross.set_index(["predictor", "model"])["n"]
    # the nearest outcome keeps every province (one row each), only its date changes
    assert (nearest.set_index(["predictor", "model"])["n"] == main.loc[nearest.set_index(
        ["predictor", "model"]).index]).all()  # fmt: skip


def test_an_estimated_result_keeps_its_note_in_words():
    from types import SimpleNamespace

    note = "the cluster-robust p and the cluster-bootstrap CI disagree."
    row = SimpleNamespace(term="x ~ share", model="first_differences", n=8, n_provinces=8,
                          estimate=0.18, ci_low=-0.28, ci_high=0.33, p_value=0.0015, p_holm=0.017,
                          note=note)  # fmt: skip
    text = rel.sentence(row)
    assert text.startswith("x ~ share [first_differences], n = 8 (changes in 8 provinces): 0.18")
    assert text.endswith("Holm-adjusted 0.017). Note: the cluster-robust p and the "
                         "cluster-bootstrap CI disagree.")  # fmt: skip
    assert rel.sentence(SimpleNamespace(**{**vars(row), "note": ""})).endswith("0.017)")


def test_the_scatter_draws_each_province_at_its_reported_figures() -> None:
    from types import SimpleNamespace

    import pandas as pd

    from dvk_analysis.report import relationships

    section = pd.DataFrame(
        {"province": ["A", "B", "C"], "date": ["2020", "2021", "2022"], "x": [1.05, 2.0, 3.0],
         "x_low": [1.0, 2.0, 3.0], "x_high": [1.1, 2.0, 3.0], "x_reported": [1.0, 2.0, 3.0],
         "share": [0.5, 0.6, 0.7], "share_low": [0.45, 0.6, 0.7], "share_high": [0.5, 0.6, 0.7]}
    )  # fmt: skip
    res = SimpleNamespace(sections={"dvk_models_per_commune": section}, tier="standard",
                          geography="legacy")  # fmt: skip
    fig = relationships.matched_scatter(res, "dvk_models_per_commune")
    from matplotlib.collections import PathCollection

    (dots,) = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    drawn = [tuple(p) for p in dots.get_offsets()]
    assert drawn == [(1.0, 0.5), (2.0, 0.6), (3.0, 0.7)]  # not (1.05, 0.5)
