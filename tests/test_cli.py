"""The ``dvk`` command's exit codes and one-line messages."""

from __future__ import annotations

from pathlib import Path

from conftest import rewrite_csv

from dvk_analysis.run.cli import main


def test_validate_passes_on_committed_data(capsys):
    assert main(["validate"]) == 0
    assert "all tables valid" in capsys.readouterr().out


def test_validate_fails_with_one_line_per_problem(data_copy, capsys):
    def bad(rows):
        rows[1][rows[0].index("unit")] = "hectare"
        return rows

    rewrite_csv(data_copy / "curated" / "observations.csv", bad)
    assert main(["validate", "--data-dir", str(data_copy)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("data/curated/observations.csv:2: column 'unit': 'hectare' must be")
    assert err[-1].startswith("1 problem(s) in")


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "usage: dvk" in capsys.readouterr().out


def test_a_failing_cell_in_dvk_run_is_one_line_on_stderr(tmp_path, capsys):
    toy = Path(__file__).parent / "fixtures" / "notebooks" / "toy_profile.ipynb"
    args = ["run", str(toy), "-p", "note", "fail", "--output-dir", str(tmp_path)]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "dvk: error: toy_profile: cell 5: ValueError: toy failure for province Hà Tĩnh "
        f"(executed notebook kept in {tmp_path / 'toy_profile.ipynb'})\n"
    )
    assert (tmp_path / "toy_profile.ipynb").is_file()
