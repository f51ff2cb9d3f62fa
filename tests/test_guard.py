"""The output guard, the CSV writer and one-line I/O errors (issue 15): commands never write
into data/ or notebooks/, CSV cells cannot become spreadsheet formulas, a failed write names
its path and leaves nothing behind."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import rewrite_csv

from dvk_analysis import fileio
from dvk_analysis.fileio import OutputError, atomic_write_text, neutralise_cell, write_csv
from dvk_analysis.paths import data_dir
from dvk_analysis.run.cli import main

ARTICLE = data_dir() / "raw" / "articles" / "000_4ee1c2397929bc3a.txt"


def test_extract_refuses_to_overwrite_curated_data(capsys):
    target = data_dir() / "curated" / "observations.csv"
    before = target.read_bytes()
    assert main(["extract", str(ARTICLE), "-o", str(target)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"dvk: error: refusing to write output {target}: it is inside data/")
    assert target.read_bytes() == before


def test_extract_refuses_to_overwrite_its_input(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract", str(article), "-o", str(article)]) == 1
    assert "would overwrite the input" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == ARTICLE.read_text(encoding="utf-8")


def test_extract_to_an_unwritable_path_is_one_line(capsys):
    assert main(["extract", str(ARTICLE), "-o", "/proc/dvk-no-such/out.csv"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("dvk: error: cannot write") and "/proc/dvk-no-such" in line


def test_a_failed_write_names_the_path_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    def full(fd, mode):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fdopen", full)
    target = tmp_path / "index.html"
    with pytest.raises(OutputError) as caught:
        atomic_write_text(target, "x")
    assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_csv_outputs_neutralise_formulas(tmp_path):
    frame = pd.DataFrame(
        {
            "place": ['=HYPERLINK("http://x","y")', "+1", "-cmd", "@SUM(A1)", "Hà Tĩnh"],
            "value": [-1.5, 2.0, 3.0, 4.0, 5.0],
        }
    )
    path = write_csv(tmp_path / "t.csv", frame)
    back = pd.read_csv(path, dtype=str)
    assert list(back["place"]) == [
        "'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-cmd", "'@SUM(A1)", "Hà Tĩnh"
    ]  # fmt: skip
    assert list(back["value"]) == ["-1.5", "2.0", "3.0", "4.0", "5.0"]  # numbers stay numbers
    assert neutralise_cell(-3) == -3


def test_province_tables_go_through_the_csv_writer(tmp_path):
    """The report tables of a province with a formula in a place name are neutralised."""
    from dvk_analysis.report import profile

    prof = profile.load_profile("Hà Tĩnh")
    prof.claims.loc[prof.claims.index[0], "place"] = '=HYPERLINK("http://evil")'
    profile.write_outputs(prof, profile.figures(prof), tmp_path)
    text = (tmp_path / "tables" / "claims.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_batch_validates_first(data_copy, monkeypatch, capsys):
    rewrite_csv(
        data_copy / "curated" / "observations.csv",
        lambda rows: [rows[0], [*rows[1][:4], "about 4", *rows[1][5:]], *rows[2:]],
    )
    monkeypatch.setattr("dvk_analysis.run.pipeline.data_dir", lambda: Path(data_copy))
    started = []
    monkeypatch.setattr("dvk_analysis.run.batch.run_batch", lambda *a, **k: started.append(1))
    assert main(["batch", "--provinces", "Hà Tĩnh"]) == 1
    assert "column 'value': 'about 4' is not a number" in capsys.readouterr().err
    assert started == []


def test_urls_in_place_text_are_not_links_only_url_columns_are():
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from dvk_analysis.report.profile import _text
    from dvk_analysis.run.htmlreport import notebook_html

    place = _text("http://evil.example/y www.evil.example [z](javascript:alert(2))")
    markdown = f"- claim ({place}) [web-1](https://baohatinh.vn/a)"
    output = new_output("display_data", data={"text/markdown": markdown, "text/plain": ""})
    page = notebook_html(new_notebook(cells=[new_code_cell("", outputs=[output])]), "t")
    assert re.findall(r"<a [^>]*>", page) == ['<a href="https://baohatinh.vn/a">']


def test_every_csv_output_goes_through_the_one_writer():
    """No module writes a CSV but fileio: ``to_csv``/``csv.writer`` elsewhere would bypass the
    formula neutralisation and the atomic write."""
    src = Path(fileio.__file__).parent
    offenders = [
        f"{path.relative_to(src)}:{n}"
        for path in sorted(src.rglob("*.py"))
        if path.name != "fileio.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.to_csv\(|csv\.writer\(", line)
    ]
    assert offenders == []
