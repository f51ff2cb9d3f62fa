"""Sourced (URL) rows: documented source, plausible value, a province of the time, and one
story for one fact reported by several outlets. Small hand-made frames (the data contract of
COORDINATION.md) so each rule is seen on its own."""

from __future__ import annotations

import pandas as pd
import pytest

from dvk_analysis.data.sourced import group_duplicate_facts
from dvk_analysis.data.validate import observation_problems

SHOWN = "data/curated/observations.csv"
URL = "https://baohatinh.vn/a"
OTHER = "https://nongthonmoi.gov.vn/b"


def _row(**changes) -> dict:
    row = {
        "observation_id": "web-1#0:communes_meeting_ntm", "article_id": None, "source_url": URL,
        "indicator": "communes_meeting_ntm", "value": 85.0, "unit": "count",
        "qualifier": "exact", "denominator": 100.0, "place": "Hà Tĩnh",
        "admin_level": "province", "province": "Hà Tĩnh", "period_start": None,
        "period_end": "2024-12", "quote": None, "start": None, "end": None,
        "measure": "cumulative", "tier": "standard", "note": "communes recognised",
    }  # fmt: skip
    return {**row, **changes}


def _sources(published: str | None = "2025-01-02") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_url": [URL, OTHER],
            "outlet": ["Báo Hà Tĩnh", "NTM office"],
            "published": [published, "2025-01-05"],
            "language": ["vi", "vi"],
            "translation_of": [None, None],
        }
    )


def _problems(*rows: dict, sources: pd.DataFrame | None = None) -> list[str]:
    obs = pd.DataFrame(list(rows))
    manifest = pd.DataFrame({"article_id": [], "language": []})
    names = {"Hà Tĩnh", "Hà Giang", "Tuyên Quang"}
    found = observation_problems(
        obs, manifest, _sources() if sources is None else sources, names, {}, SHOWN
    )
    return [str(p) for p in found]


def test_a_good_url_row_passes():
    assert _problems(_row()) == []


def test_national_rows_name_the_country():
    assert _problems(_row(province="Việt Nam", admin_level="national", place="Việt Nam")) == []


def test_url_must_be_in_sources():
    (msg,) = _problems(_row(source_url="https://nowhere.vn/x"))
    assert msg.startswith(f"{SHOWN}:2: column 'source_url': 'https://nowhere.vn/x' is not in")


def test_a_figure_needs_a_date_its_own_or_its_pages(monkeypatch):
    from dvk_analysis.data import sourced

    monkeypatch.setattr(sourced, "UNDATED_IS_ERROR", True)
    undated_page = _sources(published=None)
    assert _problems(_row(), sources=undated_page) == []  # dated by its period_end
    assert _problems(_row(period_end=None)) == []  # dated by its page
    (msg,) = _problems(_row(period_end=None), sources=undated_page)
    assert msg == (
        f"{SHOWN}:2: column 'period_end': empty, and the page has no publication date in "
        "data/curated/sources.csv; give the date the figure describes (YYYY, YYYY-MM or "
        "YYYY-MM-DD)"
    )


def test_undated_pages_are_warnings(data_copy, capsys):
    from conftest import rewrite_csv

    from dvk_analysis.run.cli import main

    def undate(rows):
        rows[1][rows[0].index("published")] = ""
        return rows

    rewrite_csv(data_copy / "curated" / "sources.csv", undate)
    main(["validate", "--data-dir", str(data_copy)])
    warnings = [w for w in capsys.readouterr().err.splitlines() if w.startswith("warning:")]
    assert any(
        w.startswith("warning: data/curated/sources.csv:2: column 'published': no publication")
        for w in warnings
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"indicator": "share_communes_meeting_ntm", "unit": "share", "value": 85.0,
          "denominator": None}, "85 is not a share between 0 and 1 (write 85% as 0.85)"),
        ({"value": 85.5}, "85.5 is not a whole number (communes_meeting_ntm is in count)"),
        ({"indicator": "population", "unit": "persons", "value": 0.0, "denominator": None},
         "0 is not a population (must be > 0)"),
    ],
)  # fmt: skip
def test_value_must_be_plausible_for_its_unit(changes, message, monkeypatch):
    from dvk_analysis.data import validate

    real = validate.indicators()
    units = {"share_communes_meeting_ntm": "share", "population": "persons"}

    class Fake:
        def __init__(self, unit):
            self.unit = unit

    vocab = {**real, **{k: Fake(u) for k, u in units.items() if k not in real}}
    monkeypatch.setattr(validate, "indicators", lambda: vocab)
    (msg,) = _problems(_row(**changes))
    assert msg == f"{SHOWN}:2: column 'value': {message}"


def test_communes_met_cannot_exceed_the_communes_of_the_province(monkeypatch):
    from dvk_analysis.data import validate

    class Fake:
        unit = "count"

    vocab = {**validate.indicators(), "communes_total": Fake()}
    monkeypatch.setattr(validate, "indicators", lambda: vocab)
    total = _row(indicator="communes_total", value=80.0, denominator=None, tier=None)
    (msg,) = _problems(_row(denominator=None), total)
    assert msg == (
        f"{SHOWN}:2: column 'value': 85 communes meeting NTM exceed the 80 communes of "
        "Hà Tĩnh at 2024-12 (communes_total row)"
    )


def test_a_districts_communes_or_an_unknown_date_bound_no_province_count(monkeypatch):
    # a district's 25 communes say nothing of its province's 200; nor does a row without date
    from dvk_analysis.data import validate

    class Fake:
        unit = "count"

    vocab = {**validate.indicators(), "communes_total": Fake()}
    monkeypatch.setattr(validate, "indicators", lambda: vocab)
    district = _row(
        indicator="communes_total",
        value=25.0,
        denominator=None,
        tier=None,
        admin_level="district",
        place="Nghia Hung",
    )
    undated = _row(
        indicator="communes_total", value=80.0, denominator=None, tier=None, period_end=None
    )
    assert _problems(_row(denominator=None), district) == []
    assert _problems(_row(denominator=None, period_end=None), undated) == []


def test_province_must_exist_at_the_period():
    (msg,) = _problems(_row(province="Hà Giang", place="Hà Giang", period_end="2025-09"))
    assert msg.startswith(f"{SHOWN}:2: column 'province': 'Hà Giang' was merged into another")
    assert _problems(_row(province="Hà Giang", place="Hà Giang", period_end="2025-06")) == []
    assert _problems(_row(province="Tuyên Quang", place="Tuyên Quang", period_end="2025-09")) == []


def test_one_fact_from_several_outlets_is_one_story():
    obs = pd.DataFrame(
        [_row(), _row(source_url=OTHER), _row(source_url=OTHER, indicator="dvk_models")]
    )
    stories = {URL: URL, OTHER: OTHER, "article-1": "article-1"}
    grouped = group_duplicate_facts(obs, stories)
    assert grouped[URL] == grouped[OTHER] == min(URL, OTHER)
    assert grouped["article-1"] == "article-1"
    different = pd.DataFrame([_row(), _row(source_url=OTHER, value=86.0)])
    assert group_duplicate_facts(different, stories) == stories


def test_undated_rows_can_be_warnings_while_they_are_being_dated(monkeypatch, tmp_path):
    from dvk_analysis.data import sourced

    undated_page = _sources(published=None)
    monkeypatch.setattr(sourced, "UNDATED_IS_ERROR", False)
    assert _problems(_row(period_end=None), sources=undated_page) == []
    obs = pd.DataFrame([_row(period_end=None)])
    (warning,) = sourced.undated_rows(obs, undated_page, SHOWN)
    assert str(warning).startswith(f"{SHOWN}:2: column 'period_end': empty, and the page")


def test_no_url_row_repeats_a_story_a_corpus_article_tells():
    # One story counts once: a page that is a corpus article's source gives its figures
    # through the article's gold rows, not again as URL rows (data/curated/README.md).
    from dvk_analysis.fileio import read_csv_text
    from dvk_analysis.paths import data_dir

    def key(url: str) -> str:
        host, _, path = url.strip().split("://", 1)[-1].rstrip("/").partition("/")
        return host.rstrip(".").lower() + "/" + path

    manifest = read_csv_text(data_dir() / "raw" / "manifest.csv").fillna("")
    articles = {key(u) for u in manifest["url"] if u}
    observations = read_csv_text(data_dir() / "curated" / "observations.csv").fillna("")
    repeated = [u for u in observations["source_url"] if u and key(u) in articles]
    assert repeated == []
