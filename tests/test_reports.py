"""Pages for readers: formats, the index, source pages, report pages, and no kernel noise.

The slow part (two real province reports, built once for the module with two concurrent
kernels, which is when IPython's history database used to collide) is shared by the page
tests; everything else works on small hand-made inputs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from dvk_analysis.report import present
from dvk_analysis.run import htmlreport

NOISE = re.compile(r"ERROR|Traceback|WARNING|KeyboardInterrupt|Session/line number")


# -- formats ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (19340, "count", "19,340"),
        (3e10, "VND", "30 billion VND"),
        (1.26e12, "VND", "1.3 trillion VND"),
        (0.8734, "share", "87.3 %"),
        (5250.0, "m2", "5,250 m²"),
        (2.5, "person_days", "2.5 person-days"),
        (float("nan"), "count", present.MISSING),
        (pd.NA, None, present.MISSING),
        (None, "VND", present.MISSING),
        ("n/a", None, "n/a"),
    ],
)
def test_numbers_read_as_a_reader_expects(value, unit, expected):
    assert present.format_number(value, unit) == expected


def test_key_figures_are_formatted_by_name():
    assert present.format_figure("ntm_share_latest", "0.69") == "69 %"
    assert present.format_figure("dvk_models_max", "19340") == "19,340"
    assert present.format_figure("claims", "") == present.MISSING


def test_labels_come_from_names_and_the_codebook():
    assert present.indicator_label("dvk_models_economic") == "DVK models economic"
    assert present.indicator_label("ntm_share_latest").startswith(
        "Rural communes meeting NTM, standard tier: latest share"
    )
    assert "sessions" in present.indicator_description("propaganda_sessions")
    assert present.indicator_description("no_such_indicator") == ""


def test_quotes_are_cut_at_a_word():
    text = "one two three four five six seven eight nine ten " * 5
    cut = present.truncate(text, 40)
    assert len(cut) <= 40 and cut.endswith("…") and not cut[:-1].endswith(" ")
    assert set(cut[:-1].split()) <= set(text.split())
    assert present.truncate("short", 40) == "short"


def test_presented_tables_hide_internal_columns_and_missing_values():
    raw = pd.DataFrame(
        {
            "as_of": ["2018-12", "2023-12"],
            "as_of_key": [20181200, 20231200],
            "place_key": ["a", "b"],
            "communes_total": pd.array([None, 1234], dtype="Int64"),
            "share": [0.6899, float("nan")],
            "indicator": ["dvk_models", "funds_mobilized"],
        }
    )
    shown = present.present_table(raw, units={"share": "share"})
    assert list(shown.columns) == ["As of", "Communes", "Share", "Indicator"]
    text = shown.to_string()
    for bad in ("NaN", "<NA>", "nan", "None", "20181200"):
        assert bad not in text
    assert shown["Communes"].tolist() == [present.MISSING, "1,234"]
    assert shown["Share"].tolist() == ["69 %", present.MISSING]
    assert shown["Indicator"].tolist() == ["DVK models", "Funds mobilized"]


def test_html_tables_escape_cells_and_keep_links():
    frame = pd.DataFrame(
        {"Quote": ["<script>x</script>"], "Source": [present.Link("t<b>", "../../s.html#c-1")]}
    )
    page = present.html_table(frame)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<a href="../../s.html#c-1">t&lt;b&gt;</a>' in page


def test_claim_links_point_to_the_source_page_anchor(tmp_path):
    href = present.source_href("001_abc", "001_abc#12:dvk_models", tmp_path / "provinces" / "x")
    assert href == "../../sources/001_abc.html#claim-001_abc-12-dvk_models"
    web = present.source_page("https://example.org/a?b=1")
    assert re.fullmatch(r"web-[0-9a-f]{16}\.html", web)


# -- index ------------------------------------------------------------------------------------
def test_index_renders_contract_rows_with_labels_percentages_and_dates():
    rows = [
        {
            "province": "Hà Tĩnh",
            "slug": "ha-tinh",
            "status": "ok",
            "updated": "2026-12-06T03:00:00+00:00",
            "report": "provinces/ha-tinh/02_province_profile.html",
            "dvk_models_max": 19340,
            "ntm_share_latest": 0.69,
            "ntm_share_latest_as_of": "2018-12",
        },
        {"province": "<script>alert(1)</script>", "slug": "x", "status": "no-data"},
    ]
    page = htmlreport.index_html(rows, links=[("Data set", "dataset/observations.csv")])
    assert "19,340" in page and "69 % (2018-12)" in page
    assert "Rural communes meeting NTM, standard tier" in page and "ntm_share_latest" not in page
    assert "2026-12-06 03:00" in page and "no claims" in page
    assert 'href="provinces/ha-tinh/02_province_profile.html"' in page
    assert 'href="dataset/observations.csv"' in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<th>Note</th>" not in page  # no row has a note: no empty column
    assert "Generated on" in page and "commit" in page


def test_index_shows_a_note_column_only_when_a_row_has_one():
    rows = [{"province": "A", "status": "failed", "error": "cell 3: boom"}]
    page = htmlreport.index_html(rows)
    assert "<th>Note</th>" in page and "cell 3: boom" in page and "latest run failed" in page


# -- source pages -----------------------------------------------------------------------------
def _claims(quote: str, **extra) -> pd.DataFrame:
    row = {
        "observation_id": "a1#4:dvk_models",
        "source_key": "a1",
        "article_id": "a1",
        "indicator": "dvk_models",
        "value": 430.0,
        "unit": "count",
        "qualifier": "more_than",
        "denominator": float("nan"),
        "place": "Lai Châu",
        "period_start": "2021",
        "period_end": "2023",
        "quote": quote,
        "start": 4,
        "end": 7,
        "title": "A <b>title</b>",
        "outlet": "Báo X",
        "published": "2023-05-01",
        "language": "en",
        "url": "https://example.org/news?id=1",
        "source_url": None,
    }
    row.update(extra)
    return pd.DataFrame([row])


def test_source_page_highlights_the_claim_and_links_the_source():
    text = "Lai Chau built more than 430 models <in> 2023."
    page = htmlreport.source_page_html("a1", _claims("more than 430 models"), text, stamp="stamp")
    anchor = present.claim_anchor("a1#4:dvk_models")
    assert f'id="{anchor}"' in page
    assert f'<mark id="text-{anchor}" class="dvk-quote">more than 430 models</mark>' in page
    assert f'<a href="#text-{anchor}">' in page  # the claim's row leads to its sentence
    assert 'href="https://example.org/news?id=1"' in page
    assert "more than 430" in page and "&lt;in&gt;" in page and "&lt;b&gt;title" in page
    assert 'href="../index.html"' in page


def test_source_page_never_links_a_script_address():
    claims = _claims("q", url="javascript:alert(1)")
    page = htmlreport.source_page_html("a1", claims, None, stamp="s")
    assert 'href="javascript' not in page
    assert "no text" in page


# -- report pages -----------------------------------------------------------------------------
def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    title = nbformat.v4.new_code_cell("x", metadata={"tags": ["report-title"]})
    title.outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": "# Lai Châu: profile"})
    ]
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "# For you\n\nrun with papermill", metadata={"tags": ["report-hide"]}
        ),
        title,
        nbformat.v4.new_markdown_cell("## Every claim with its source\n\ntext"),
        nbformat.v4.new_markdown_cell("## NTM achievement\n\ntext"),
        nbformat.v4.new_code_cell("print(1)", metadata={"tags": ["report-hide"]}),
    ]
    nb.cells[-1].outputs = [nbformat.v4.new_output("stream", text="9 files written\n")]
    return nb


def test_report_page_has_contents_back_link_and_stamp_and_hides_user_cells():
    page = htmlreport.notebook_html(
        _notebook(), "Lai Châu", back_href="../../index.html", stamp="Generated on X"
    )
    assert "papermill" not in page and "files written" not in page
    assert 'href="../../index.html"' in page and "Generated on X" in page
    anchors = re.findall(
        r'<a href="#([^"]+)">', page.split('class="dvk-toc"')[1].split("</nav>")[0]
    )
    assert len(anchors) == 2
    for anchor in anchors:
        assert f'id="{anchor}"' in page
    assert page.index("Lai Châu: profile") < page.index('class="dvk-toc"')
    assert htmlreport.remote_references(page) == []


# -- kernels ----------------------------------------------------------------------------------
@pytest.mark.slow  # starts a Python process and a kernel
def test_a_warm_kernel_prints_nothing_to_the_terminal_and_keeps_no_history():
    code = (
        "from dvk_analysis.run.kernels import WarmKernel\n"
        "k = WarmKernel('python3', preload=()).start()\n"
        "def hook(m):\n"
        "    if m['msg_type'] == 'stream':\n"
        "        print('OUT', m['content']['text'].strip())\n"
        "k.kc.execute_interactive('print(get_ipython().history_manager.enabled)', "
        "timeout=60, output_hook=hook)\n"
        "k.shutdown()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "OUT False" in done.stdout
    assert not NOISE.search(done.stderr), done.stderr
    assert not NOISE.search(done.stdout), done.stdout


# -- real reports: no noise on any page ---------------------------------------------------------
@pytest.fixture
def two_reports(province_reports) -> Path:
    """Hà Tĩnh and Lai Châu reports, built by two concurrent kernels (where noise came from)."""
    return province_reports


@pytest.mark.slow
def test_no_generated_page_carries_kernel_noise(two_reports):
    pages = [*two_reports.rglob("*.html"), *two_reports.rglob("*.ipynb")]
    assert len(pages) > 10  # two reports, the index and the source pages
    noisy = [str(p) for p in pages if NOISE.search(p.read_text(encoding="utf-8"))]
    assert noisy == []


@pytest.mark.slow
def test_report_pages_read_as_published_pages(two_reports):
    page = (two_reports / "provinces" / "lai-chau" / "02_province_profile.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>Lai Châu: province profile, \d{4}", page)
    for debug in ("as_of_key", "&lt;NA&gt;", ">NaN<", "files written", "papermill", "snake"):
        assert debug not in page
    links = re.findall(r'href="(\.\./\.\./sources/[^"#]+)#([^"]+)"', page)
    assert links, "no claim links to its source page"
    for href, anchor in links:
        target = (two_reports / "provinces" / "lai-chau" / href).resolve()
        assert f'id="{anchor}"' in target.read_text("utf-8"), href
    index = (two_reports / "index.html").read_text("utf-8")
    assert "Lai Châu" in index and "%" in index
    assert re.search(r"\d %? ?\(20\d\d", index), "key figures carry no date"
    record = json.loads((two_reports / "provinces" / "lai-chau" / ".dvk-run.json").read_text())
    assert record["data"][:12] in page


def test_the_index_links_every_data_set_file_that_exists(tmp_path):
    from dvk_analysis.run.pipeline import write_dataset

    assert htmlreport.index_links(tmp_path) == []
    written = {p.relative_to(tmp_path).as_posix() for p in write_dataset(tmp_path / "dataset")}
    linked = {href for _, href in htmlreport.index_links(tmp_path)}
    assert written <= linked  # every table the main job writes is one click from the index


def test_index_writes_qualifiers_and_names_the_map_and_the_period_in_its_headings():
    figures = {
        "geography": "legacy",
        "dvk_models_max": "1000",
        "dvk_models_max_qualifier": "more_than",
        "dvk_models_max_as_of": "2011",
        "ntm_share_latest": "0.4",
        "ntm_share_latest_qualifier": "nearly",
        "ntm_share_latest_as_of": "2020-12",
    }
    rows = [{"province": "Hà Tĩnh", "slug": "ha-tinh", "status": "ok", "key_figures": figures}]
    page = htmlreport.index_html(rows)
    assert "more than 1,000 (2011)" in page and "nearly 40 % (2020-12)" in page
    headings = re.findall(r"<th[^>]*>([^<]*)</th>", page)
    models = "DVK models: largest province-level figure, as reported (period end; 63 provinces"
    assert models + " before 1 July 2025)" in headings
    assert any("standard tier" in h and "(date; 63 provinces" in h for h in headings)
    assert not any(h in ("Geography", "Dvk models max qualifier") for h in headings)


def test_a_new_recognition_count_is_never_written_as_a_share():
    from types import SimpleNamespace

    row = dict(value=11.0, unit="count", qualifier="exact", denominator=120.0)
    new = SimpleNamespace(indicator="communes_meeting_ntm", measure="new", **row)
    assert present.figure_text(new) == "11 newly recognised in the period"  # not "11 of 120"
    stock = SimpleNamespace(indicator="communes_meeting_ntm", measure="cumulative", **row)
    assert present.figure_text(stock) == "11 of 120"


def test_the_status_table_says_whether_a_share_is_stated_or_computed():
    from types import SimpleNamespace

    import pandas as pd

    status = pd.DataFrame(
        {"province": ["A", "A"], "date": ["2024", "2025"], "share": [0.492, 0.516],
         "share_low": [0.492, 0.40], "share_high": [0.492, 0.516],
         "qualifier": ["more_than", "exact"], "share_reported": [True, False]}
    )  # fmt: skip
    page = present.status_table(SimpleNamespace(status=status, province="A"))._repr_html_()
    assert "stated by the source" in page and "count ÷ rural communes" in page
    assert "more than" in page and "100 %" not in page  # the flag is not formatted as a share
    assert "51.6 %" in page and "40 %" in page
