"""End to end: once real province rows arrive, notebook 03's analysis reports numbers.

A copy of ``data/`` gets synthetic rows in the data contract's shape (``measure``, ``tier``,
``note``): for 40 legacy provinces with unchanged 2025 borders or not, DVK models per year at
two periods and the cumulative NTM share at a later date each, with a known positive relation.
The matched analysis must then estimate (not refuse) a cross-province correlation with n >= 40
and a within-province slope whose sign is the truth's.
"""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from dvk_analysis.paths import data_dir


@pytest.fixture(scope="session")
def synthetic_data(tmp_path_factory: pytest.TempPathFactory):
    from dvk_analysis.data.load import load_reference

    root = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(data_dir(), root)
    legacy = load_reference("provinces_legacy", root / "reference")
    rng = np.random.default_rng(11)
    obs = pd.read_csv(root / "curated" / "observations.csv", dtype=str, keep_default_na=False)
    rows, sources = [], []
    pairs = zip(legacy["name"][:40], legacy["population"][:40], strict=True)
    for i, (name, pop) in enumerate(pairs):
        level = rng.uniform(1, 10)  # models per 10k per year, province's own level
        growth = rng.uniform(0, 6)  # provinces intensify at different speeds
        for k, (year, ntm_date) in enumerate(((2019, "2020-06"), (2022, "2023-06"))):
            rate = level + growth * k + rng.normal(0, 0.3)
            models = round(rate * float(pop) / 10_000)
            share = float(np.clip(0.2 + 0.05 * rate + rng.normal(0, 0.01), 0, 1))
            url = f"https://synthetic.example/{i}/{k}"
            sources.append({"source_url": url, "outlet": "synthetic", "published": ntm_date,
                            "language": "vi", "translation_of": ""})  # fmt: skip
            common = {c: "" for c in obs.columns}
            common |= {"source_url": url, "admin_level": "province", "province": name,
                       "place": name, "qualifier": "exact"}  # fmt: skip
            rows.append(common | {
                "observation_id": f"web-syn{i}x{k}#1:dvk_models", "indicator": "dvk_models",
                "value": str(models), "unit": "count", "period_start": str(year),
                "period_end": str(year), "measure": "new", "note": "synthetic",
            })  # fmt: skip
            rows.append(common | {
                "observation_id": f"web-syn{i}x{k}#2:share_communes_meeting_ntm",
                "indicator": "share_communes_meeting_ntm", "value": f"{share:.4f}",
                "unit": "share", "period_end": ntm_date, "measure": "cumulative",
                "tier": "standard", "note": "synthetic",
            })  # fmt: skip
    # the synthetic provinces' own real rows of these indicators would compete with the known
    # relation: they are removed from the copy (observations and NTM status)
    names = set(legacy["name"][:40])
    own = obs["province"].isin(names) & obs["indicator"].isin(
        ["dvk_models", "communes_meeting_ntm", "share_communes_meeting_ntm"]
    )
    obs = obs[~own]
    status = pd.read_csv(root / "reference" / "ntm_status.csv", dtype=str, keep_default_na=False)
    status = status[~status["province"].isin(names)]
    status.to_csv(root / "reference" / "ntm_status.csv", index=False)
    out = pd.concat([obs, pd.DataFrame(rows)], ignore_index=True).fillna("")
    out.to_csv(root / "curated" / "observations.csv", index=False)
    src = pd.read_csv(root / "curated" / "sources.csv", dtype=str, keep_default_na=False)
    pd.concat([src, pd.DataFrame(sources)]).to_csv(root / "curated" / "sources.csv", index=False)
    return root


def test_notebook_03_analysis_reports_numbers_once_real_rows_arrive(synthetic_data) -> None:
    from dvk_analysis.report import relationships as rel

    res = rel.matched_analysis(
        "legacy", ["dvk_models_per_10k_per_year"], data_dir=synthetic_data, n_resamples=200
    )
    rho = res.cross[res.cross["model"] == "spearman"].iloc[0]
    assert rho["n"] >= 40 and rho["estimate"] > 0.3  # real status rows of later dates add noise
    assert rho["ci_low"] > 0 and rho["p_holm"] < 0.05
    fd = res.within[res.within["model"] == "first_differences"].iloc[0]
    assert fd["n_provinces"] >= 40 and fd["estimate"] > 0 and fd["ci_low"] > 0
    fe = res.within[res.within["model"] == "fixed_effects"].iloc[0]
    assert fe["ci_low"] <= 0.05 <= fe["ci_high"]  # the true slope (share per model/10k/year)
    text = rel.matched_markdown(res)
    assert "n = " in text and "95 % CI" in text


FUNDS_SLOPE = 0.05  # share per billion VND per rural commune per year, within a province


@pytest.fixture(scope="session")
def synthetic_funds(tmp_path_factory: pytest.TempPathFactory):
    """45 provinces with the lead's round-3 shape: money mobilised for NTM in 2010-2020 and
    2021-2024 (measure new) and the standard-tier share at end-2020 and mid-2025, with share =
    province effect + 0.05 x (billion VND per rural commune per year)."""
    from dvk_analysis.analysis.outcomes import rural_communes
    from dvk_analysis.data.load import load_reference

    root = tmp_path_factory.mktemp("funds") / "data"
    shutil.copytree(data_dir(), root)
    legacy = load_reference("provinces_legacy", root / "reference")
    n_xa = rural_communes(root / "reference")["legacy"]
    names = [n for n, p in zip(legacy["name"], legacy["population"], strict=True)
             if pd.notna(p) and n_xa.get(n, 0) > 0][:45]  # fmt: skip
    rng = np.random.default_rng(5)
    obs = pd.read_csv(root / "curated" / "observations.csv", dtype=str, keep_default_na=False)
    rows, sources = [], []
    periods = (("2010", "2020", "2020-12-31"), ("2021", "2024", "2025-06-30"))
    for i, name in enumerate(names):
        own = rng.uniform(0, 0.1)  # the province's own level, unrelated to its money
        rate = rng.uniform(1, 8)
        for k, (start, end, ntm_date) in enumerate(periods):
            rate = rate + k * rng.uniform(0, 6)
            years = int(end) - int(start) + 1
            vnd = round(rate * n_xa[name] * years * 1e9)
            share = float(np.clip(0.1 + own + FUNDS_SLOPE * rate + rng.normal(0, 0.01), 0, 1))
            url = f"https://synthetic.example/funds/{i}/{k}"
            sources.append({"source_url": url, "outlet": "synthetic", "published": ntm_date,
                            "language": "vi", "translation_of": ""})  # fmt: skip
            common = {c: "" for c in obs.columns}
            common |= {"source_url": url, "admin_level": "province", "province": name,
                       "place": name, "qualifier": "exact", "note": "synthetic"}  # fmt: skip
            rows.append(common | {
                "observation_id": f"web-fund{i}x{k}#1:ntm_funds_total",
                "indicator": "ntm_funds_total", "value": str(vnd), "unit": "VND",
                "period_start": start, "period_end": end, "measure": "new",
            })  # fmt: skip
            rows.append(common | {
                "observation_id": f"web-fund{i}x{k}#2:share_communes_meeting_ntm",
                "indicator": "share_communes_meeting_ntm", "value": f"{share:.4f}",
                "unit": "share", "period_end": ntm_date, "measure": "cumulative",
                "tier": "standard",
            })  # fmt: skip
    # Only the synthetic provinces have money figures (real ones would enter the within slope)
    # and only synthetic outcomes.
    drop = obs["indicator"].eq("ntm_funds_total") | obs["province"].isin(names) & obs[
        "indicator"
    ].isin(["communes_meeting_ntm", "share_communes_meeting_ntm"])
    obs = obs[~drop]
    status = pd.read_csv(root / "reference" / "ntm_status.csv", dtype=str, keep_default_na=False)
    status[~status["province"].isin(names)].to_csv(root / "reference" / "ntm_status.csv",
                                                   index=False)  # fmt: skip
    out = pd.concat([obs, pd.DataFrame(rows)], ignore_index=True).fillna("")
    out.to_csv(root / "curated" / "observations.csv", index=False)
    src = pd.read_csv(root / "curated" / "sources.csv", dtype=str, keep_default_na=False)
    pd.concat([src, pd.DataFrame(sources)]).to_csv(root / "curated" / "sources.csv", index=False)
    return root


def test_money_mobilised_for_ntm_recovers_the_known_effect(synthetic_funds) -> None:
    from dvk_analysis.report import relationships as rel

    name = "ntm_funds_total_per_commune_per_year"
    res = rel.matched_analysis("legacy", [name], data_dir=synthetic_funds, n_resamples=300)
    cross = res.cross.set_index("model")
    rho = cross.loc["spearman"]
    assert rho["n_provinces"] >= 40 and rho["estimate"] > 0 and rho["ci_low"] > 0
    assert rho["family"] == "across provinces, money mobilised for NTM (2 tests)"
    assert cross.loc["fractional_logit", "estimate"] > 0
    section = res.sections[name]
    assert (section["lag_years"] >= 0).all()  # never a predictor after its outcome
    assert section["x_period"].eq("2021-2024").sum() >= 45  # the latest period of each
    within = res.within.set_index("model")
    fe = within.loc["fixed_effects"]
    assert fe["n_provinces"] >= 40 and fe["ci_low"] <= FUNDS_SLOPE <= fe["ci_high"]
    assert fe["family"].startswith("within provinces, money mobilised for NTM (")
    fd = within[within["term"] == f"{name} ~ NTM share (standard)"].iloc[0]
    assert fd["estimate"] > 0 and fd["ci_low"] <= FUNDS_SLOPE <= fd["ci_high"]
    boxes = res.boxes.set_index("model")
    assert boxes.loc["fixed_effects", "box_min"] == boxes.loc["fixed_effects", "box_max"]  # exact
    assert "reaches the target of 40 provinces" in rel.headline(res)
