"""The ``dvk`` command's exit codes and one-line messages."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    err = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("warn")]
    assert err[0].startswith("data/curated/observations.csv:2: column 'unit': 'hectare' must be")
    assert err[-1].startswith("1 problem(s) in")


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "usage: dvk" in capsys.readouterr().out


@pytest.mark.slow
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


def test_run_help_after_a_notebook_lists_its_parameters_as_papermill_sees_them(capsys):
    import papermill

    from dvk_analysis.paths import notebooks_dir

    assert main(["run", "02_province_profile", "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: dvk run" in out and "examples:" in out
    section = out.split("parameters of 02_province_profile.ipynb")[1]
    inspected = papermill.inspect_notebook(str(notebooks_dir() / "02_province_profile.ipynb"))
    assert inspected
    for name, info in inspected.items():
        assert f"  {name}: str = {info['default']}\n" in section
        if info["help"]:
            assert info["help"] in section


def test_run_help_without_a_notebook_is_plain_help_and_no_notebook_is_a_usage_error(capsys):
    assert main(["run", "--help"]) == 0
    assert "parameters of" not in capsys.readouterr().out
    assert main(["run"]) == 2
    assert "which notebook?" in capsys.readouterr().err


def test_help_shows_defaults_and_examples(capsys):
    from dvk_analysis.run.cli import build_parser

    text = build_parser()._subparsers._group_actions[0].choices["batch"].format_help()
    assert "(default: 02_province_profile)" in text and "(default: legacy)" in text
    assert 'dvk batch --provinces "Hà Tĩnh,lai-chau,Lang Son"' in text
    assert "(default: None)" not in text and "(default: False)" not in text


def test_provinces_lists_both_geographies_with_claim_counts(capsys):
    from dvk_analysis.data.load import load_observations
    from dvk_analysis.paths import data_dir

    assert main(["provinces"]) == 0
    out = capsys.readouterr().out
    claims = load_observations(data_dir() / "curated" / "observations.csv")
    expected = int((claims["province"] == "Hà Tĩnh").sum())
    assert expected > 0
    lines = out.splitlines()
    assert any(line.split()[:3] == ["Hà", "Tĩnh", "ha-tinh"] and line.split()[3] == str(expected)
               for line in lines)  # fmt: skip
    assert "63 provinces" in out and "34 provinces" in out
    assert sum(1 for line in lines if line.startswith("  ") and "slug" not in line) == 63 + 34
    assert main(["provinces", "--geography", "2025", "--with-data"]) == 0
    only = [ln for ln in capsys.readouterr().out.splitlines()[2:] if ln.strip()]
    assert only and all(int(ln[48:55]) > 0 for ln in only)


def test_lab_copy_never_overwrites_work(tmp_path, monkeypatch, capsys):
    import shutil

    from dvk_analysis.paths import notebooks_dir

    (tmp_path / "notebooks").mkdir()
    shutil.copy(notebooks_dir() / "02_province_profile.ipynb", tmp_path / "notebooks")
    monkeypatch.setenv("DVK_PROJECT_ROOT", str(tmp_path))
    assert main(["lab-copy", "02_province_profile", "--name", "lang-son"]) == 0
    copy = tmp_path / "work" / "lang-son.ipynb"
    assert copy.read_bytes() == (tmp_path / "notebooks" / "02_province_profile.ipynb").read_bytes()
    copy.write_text("my work", encoding="utf-8")
    assert main(["lab-copy", "02_province_profile", "--name", "lang-son"]) == 1
    assert copy.read_text(encoding="utf-8") == "my work"


def test_lab_opens_the_root_on_the_project_kernel_without_autosave(tmp_path):
    import json

    from dvk_analysis.run.lab import lab_command

    command = lab_command(tmp_path)
    assert f"--ServerApp.root_dir={tmp_path}" in command
    assert "--KernelSpecManager.allowed_kernelspecs=dvk-analysis" in command
    assert "--MappingKernelManager.default_kernel_name=dvk-analysis" in command
    settings = tmp_path / ".venv" / "lab-settings" / "@jupyterlab" / "docmanager-extension"
    assert json.loads((settings / "plugin.jupyterlab-settings").read_text())["autosave"] is False


def test_a_non_utf8_article_is_named_last_and_no_warning_flood_hides_it(data_copy, capsys):
    from dvk_analysis.data.validate import validation_warnings

    article = sorted((data_copy / "raw" / "articles").glob("001_*.txt"))[0]
    article.write_bytes(b"H\xe0 T\xecnh: 12 m\xb2 \xff\xfe")  # latin-1 / cp1258 bytes
    assert main(["validate", "--data-dir", str(data_copy)]) == 1
    lines = capsys.readouterr().err.splitlines()
    problems = [line for line in lines if not line.startswith("warning:")]
    assert problems[-1] == f"{len(problems) - 1} problem(s) in {data_copy}"
    decoding = [line for line in problems if "cannot be decoded as utf-8" in line]
    assert len(decoding) == 1 and article.name in decoding[0] and "save it as UTF-8" in decoding[0]
    assert not [line for line in lines[lines.index(problems[0]) :] if line.startswith("warning:")]
    warnings = validation_warnings(data_copy)
    assert len(warnings) > 20  # the committed data has many undated pages: the list is summed up
    assert len(lines) - len(problems) < 20
    assert "dvk validate --warnings lists every one" in lines[len(lines) - len(problems) - 1]
    assert main(["validate", "--data-dir", str(data_copy), "--warnings"]) == 1
    listed = [w for w in capsys.readouterr().err.splitlines() if w.startswith("warning:")]
    assert listed == [f"warning: {w}" for w in warnings]


@pytest.mark.parametrize("command", ["extract", "codebook"])
def test_an_output_path_inside_a_file_is_one_line_naming_the_file(tmp_path, capsys, command):
    blocking = tmp_path / "notes.txt"
    blocking.write_text("a file, not a folder", encoding="utf-8")
    target = blocking / "sub" / "out.csv"
    args = {
        "extract": ["extract", str(_an_article()), "--lang", "vi", "-o", str(target)],
        "codebook": ["codebook", "-o", str(target)],
    }[command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"dvk: error: {blocking}: is a file, not a folder; choose an output path not inside it\n"
    )
    assert blocking.read_text(encoding="utf-8") == "a file, not a folder"


def _an_article() -> Path:
    from dvk_analysis.paths import data_dir

    return sorted((data_dir() / "raw" / "articles").glob("001_*.txt"))[0]


def test_a_closed_pipe_is_no_error(tmp_path):
    """`dvk provinces | head` : when the reader stops, dvk stops quietly (exit 141, as a shell
    reports SIGPIPE), without 'dvk: error: [Errno 32] Broken pipe'."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "dvk_analysis.run.cli", "provinces"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # before dvk has written anything: its first write hits a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert err == ""


def test_lab_passes_jupyter_options_on_and_other_commands_still_refuse_them(monkeypatch):
    import subprocess

    seen = []
    monkeypatch.setattr(subprocess, "call", lambda command: seen.append(command) or 0)
    assert main(["lab", "--port", "8890", "--no-browser"]) == 0
    assert seen[0][-3:] == ["--port", "8890", "--no-browser"]
    assert "--KernelSpecManager.allowed_kernelspecs=dvk-analysis" in seen[0]
    with pytest.raises(SystemExit) as stop:
        main(["provinces", "--port", "8890"])
    assert stop.value.code == 2
