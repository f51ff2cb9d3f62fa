"""The province profile behind notebook 02: claims with sources, figures, summary, outputs."""

from __future__ import annotations

import re

import pytest
from conftest import rewrite_csv

from dvk_analysis.gazetteer import UnknownPlaceError
from dvk_analysis.paths import data_dir
from dvk_analysis.report import profile


@pytest.fixture(scope="session")
def ha_tinh():
    return profile.load_profile("ha tinh")


def test_names_resolve_and_claims_are_the_provinces(ha_tinh):
    assert ha_tinh.province == "Hà Tĩnh"
    assert set(ha_tinh.claims["province"]) == {"Hà Tĩnh"}
    assert len(ha_tinh.claims) == ha_tinh.claims["observation_id"].nunique() > 40


def test_unknown_province_names_the_closest():
    with pytest.raises(UnknownPlaceError, match="closest: Hà Tĩnh"):
        profile.load_profile("Ha Tinhh")


def test_2025_geography_gathers_the_merged_provinces():
    merged = profile.load_profile("Thái Nguyên", geography="2025")  # Bắc Kạn + Thái Nguyên
    assert "Bắc Kạn" in set(merged.claims["province"])
    assert set(merged.claims["province_2025"]) == {"Thái Nguyên"}


def test_summary_numbers_carry_their_sources(ha_tinh):
    # every claim (a high limit: which 8 come first depends on how many claims the corpus has)
    text = profile.summary(ha_tinh, limit=1000)
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert lines and all("\\#" in line for line in lines)  # every number names its observation
    assert any("DVK models: more than 19,300 (" in line for line in lines)  # labels, no "count"
    assert len([line for line in profile.summary(ha_tinh).splitlines() if line[:2] == "- "]) == 8


def test_summary_links_each_number_to_its_claim_on_the_source_page(ha_tinh):
    from dvk_analysis.report.present import summary_links

    text = profile.summary(ha_tinh, href=summary_links())
    links = re.findall(r"\]\((\.\./\.\./sources/[^)#]+\.html#claim-[^)]+)\)", text)
    assert len(links) == len([ln for ln in text.splitlines() if ln.startswith("- ")]) > 0


def test_claims_table_has_quote_and_source(ha_tinh):
    table = profile.claims_table(ha_tinh)
    assert {"quote", "source", "story"} <= set(table.columns)
    row = table[table["value"] == "19,340"].iloc[0]
    assert "19.340" in row["quote"] and row["source"] == "003_59b3fac83c647b5d"


def test_figures_or_messages(ha_tinh):
    figs = profile.figures(ha_tinh)
    assert not isinstance(figs["models_by_field"], str)
    assert figs["propaganda_funnel"].startswith("No pair of propaganda sessions")


def test_qualified_figures_are_labelled_as_reported_with_their_band(ha_tinh):
    figs = profile.figures(ha_tinh)
    texts = lambda fig: " ".join(t.get_text() for t in fig.texts)  # noqa: E731
    assert "labelled as reported" in texts(figs["models_by_field"])  # a "nearly" figure
    cells = ha_tinh.cells
    exact = cells[cells["low"] == cells["high"]]
    assert not exact.empty and "labelled as reported" not in profile._caption(ha_tinh, exact)
    bar_labels = {t.get_text() for t in figs["models_by_field"].axes[0].texts}
    qualified = cells[
        cells["indicator"].str.startswith("dvk_models_") & (cells["low"] < cells["high"])
    ]
    for row in qualified.itertuples():  # every qualified bar reads as the source wrote it
        words = {"nearly": "nearly ", "more_than": "more than ", "about": "about "}
        assert any(label.startswith(words.get(row.qualifier, "")) for label in bar_labels)


def test_profile_shows_the_ntm_share_at_every_date_found_beside_the_national_line(ha_tinh):
    series = profile.achievement_series(ha_tinh)
    assert len(series) == ha_tinh.status["tier"].eq("standard").sum()
    assert series["share"].between(0, 1).all()
    national = profile.national_series(ha_tinh)
    assert len(national) >= 5  # ntm_status.csv: national rows 2021-2025
    ax = profile.figures(ha_tinh)["achievement_over_time"].axes[0]
    assert ax.get_ylim() == (0.0, 1.0)
    texts = [t.get_text() for t in ax.texts]
    assert all(any(d in t for t in texts) for d in series["date"])  # every point has its date


def test_province_without_claims_gets_a_report(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    path = data / "curated" / "observations.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if ",Kon Tum," not in line), "utf-8")
    empty = profile.load_profile("Kon Tum", data_dir=data)
    assert empty.empty
    assert profile.summary(empty) == "The corpus holds no claim about **Kon Tum**."
    assert all(isinstance(v, str) for v in profile.figures(empty).values())
    assert profile.key_figures(empty)["claims"] == 0


@pytest.mark.slow  # renders and saves every figure of a province (SVG + PNG)
def test_write_outputs(ha_tinh, tmp_path):
    written = profile.write_outputs(ha_tinh, profile.figures(ha_tinh), tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"figures/models_by_field.svg", "figures/models_by_field.png"} <= names
    assert {"tables/claims.csv", "tables/cells.csv", "key_figures.csv"} <= names
    key = (tmp_path / "key_figures.csv").read_text().splitlines()
    assert key[0] == "name,value" and f"claims,{len(ha_tinh.claims)}" in key
    assert len(ha_tinh.claims) > 0
    assert profile.write_outputs(ha_tinh, {}, "") == []


def test_timeline_counts_each_story_once(ha_tinh):
    table = profile.timeline(ha_tinh)
    assert table.loc["2023", "models"] >= 1
    assert table.to_numpy().sum() < len(ha_tinh.claims)


@pytest.mark.slow
def test_report_escapes_article_text(data_copy, tmp_path):
    """Hostile strings in an article's metadata and claims stay text in the HTML report."""
    from dvk_analysis.run.batch import run_one

    def hostile_manifest(rows):
        col = rows[0].index
        for row in rows[1:]:
            if row[col("article_id")] == "004_0ce8fcdb2e1cb020":
                row[col("url")] = "javascript:alert('url')"
                row[col("title")] = "<script>alert('title')</script>"
        return rows

    def hostile_claims(rows):
        col = rows[0].index
        for row in rows[1:]:
            if row[col("article_id")] == "004_0ce8fcdb2e1cb020":
                row[col("place")] = "<img src=x onerror=alert('place')>"
                row[col("quote")] = "<script>alert('quote')</script>"
        return rows

    rewrite_csv(data_copy / "raw" / "manifest.csv", hostile_manifest)
    rewrite_csv(data_copy / "curated" / "observations.csv", hostile_claims)
    hostile = profile.load_profile("Hà Tĩnh", data_dir=data_copy)
    text = profile.summary(hostile, limit=50)
    assert "<img" not in text and "<script" not in text and "](javascript:" not in text
    params = {"province": "Hà Tĩnh", "data_dir": str(data_copy)}
    result = run_one("02_province_profile", params, tmp_path / "out")
    assert result.status == "ok", result.error
    page = (tmp_path / "out" / "02_province_profile.html").read_text("utf-8")
    for field in ("quote", "title", "place"):  # shown, as text
        assert f"alert('{field}')" in page or f"alert(&#x27;{field}&#x27;)" in page, field
    for tag in ("<script>alert", "<img src=x", 'href="javascript:'):
        assert tag not in page
    assert not re.search(r"<[^>]*onerror", page)


def test_the_largest_model_figure_is_shown_as_reported(ha_tinh):
    from dataclasses import replace

    import pandas as pd

    cells = pd.DataFrame(
        {"indicator": ["dvk_models"] * 2, "admin_level": ["province"] * 2,
         "value": [1000.0, 900.0], "qualifier": ["more_than", "exact"],
         "low": [1000.0, 900.0], "mid": [1050.0, 900.0], "high": [1100.0, 900.0],
         "period_end": [2011, 2023]}
    )  # fmt: skip
    figures = profile.key_figures(replace(ha_tinh, cells=cells))
    assert figures["dvk_models_max"] == 1000  # "more than 1,000", never its mid 1,050
    assert figures["dvk_models_max_as_of"] == "2011"
    assert figures["dvk_models_max_qualifier"] == "more_than"  # the index writes "more than"


def test_legacy_page_shows_no_claim_about_the_merged_2025_province():
    legacy = profile.load_profile("Phú Thọ")  # Vĩnh Phúc and Hòa Bình joined it in 2025
    assert not legacy.claims["observation_id"].str.contains("phutho_merger").any()
    assert (legacy.claims["period_end"].fillna("") < "2025-07").all()
    merged = profile.load_profile("Phú Thọ", geography="2025")
    assert merged.claims["observation_id"].str.contains("phutho_merger").any()


def test_the_latest_share_is_a_reported_figure_with_its_qualifier(ha_tinh):
    from dataclasses import replace

    import pandas as pd

    status = pd.DataFrame(
        {"province": ["Hà Tĩnh"] * 2, "tier": ["standard"] * 2, "date": ["2019", "2020-12"],
         "date_key": [20191231, 20201231], "share": [0.34, 0.50], "share_low": [0.34, 0.45],
         "share_high": [0.34, 0.50], "qualifier": ["exact", "nearly"], "sources": ["a", "b"]}
    )  # fmt: skip
    figures = profile.key_figures(replace(ha_tinh, status=status))
    assert figures["ntm_share_latest"] == 0.5  # "nearly 50 %", never the band's mid 47.5 %
    assert figures["ntm_share_latest_qualifier"] == "nearly"
    assert figures["ntm_share_latest_as_of"] == "2020-12"
    assert figures["geography"] == "legacy"
