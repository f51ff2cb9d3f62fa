"""The rows of the bad-input matrix (docs/errors.md) not covered by the module tests:
awkward texts, hostile parameters, and what the `dvk` command prints for each."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dvk_analysis.run.cli import main
from dvk_analysis.text.extract import COLUMNS, extract_paths, extract_text

VI = "Năm 2023, xã đã vận động 1.250 hộ dân hiến 45.000 m2 đất để mở rộng đường giao thông."


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pairs(frame) -> set[tuple[str, float]]:
    return set(zip(frame["indicator"], frame["value"], strict=True))


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1"])
def test_legacy_encodings_name_the_file_and_the_option(tmp_path, encoding, capsys):
    text = "Le village a reçu 3 200 m² de terrain donnés par 41 ménages."
    path = _write(tmp_path, "legacy.txt", text.encode(encoding))
    assert main(["extract", str(path), "--lang", "fr"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("dvk: error: ") and "legacy.txt" in err and "--encoding" in err
    assert len(err.splitlines()) == 1
    assert main(["extract", str(path), "--lang", "fr", "--encoding", encoding]) == 0
    assert "land_donated" in capsys.readouterr().out


@pytest.mark.slow
def test_one_megabyte_line(tmp_path):
    line = (VI + " ") * (1_000_000 // len(VI))  # one line, no newline
    frame = extract_paths([_write(tmp_path, "long.txt", line.encode())], lang="vi")
    assert len(frame) > 100 and ("land_donated", 45000.0) in _pairs(frame)


def test_only_numbers_gives_no_claims():
    assert extract_text("12 345 678 90 2023 17/20 5.000", article_id="n", lang="vi") == []


@pytest.mark.parametrize(
    "noise",
    ["\u200f", "\u200e", "\u200b", "\u200d", "\ufeff"],
    ids=["rtl-mark", "ltr-mark", "zero-width-space", "zero-width-joiner", "bom"],
)
def test_invisible_marks_do_not_hide_or_shift_claims(noise):
    text = noise + VI.replace(" hộ", noise + " hộ")
    claims = extract_text(text, article_id="a", lang="vi")
    assert {(c.indicator, c.value) for c in claims} >= {("land_donated", 45000)}
    for claim in claims:
        assert text[claim.start : claim.end].replace(noise, "") in {"1.250", "45.000"}


def test_nbsp_everywhere():
    text = VI.replace(" ", "\u00a0")
    claims = extract_text(text, article_id="a", lang="vi")
    assert ("land_donated", 45000) in {(c.indicator, c.value) for c in claims}


def test_mixed_scripts_in_one_text():
    text = VI + " 该乡动员了120户捐地。" + " تبرعت 30 أسرة بالأرض."
    claims = extract_text(text, article_id="m", lang="vi")
    assert ("land_donated", 45000) in {(c.indicator, c.value) for c in claims}


def test_unsupported_language_warns_and_gives_no_rows(tmp_path):
    path = _write(tmp_path, "it.txt", b"Il comune ha ricevuto 300 metri quadrati di terreno.")
    with pytest.warns(UserWarning, match="it.txt"):
        frame = extract_paths([path])
    assert list(frame.columns) == list(COLUMNS) and frame.empty


# -- parameters ---------------------------------------------------------------------------


def test_unknown_predictor_names_the_closest():
    from dvk_analysis.report.relationships import check_parameters

    with pytest.raises(ValueError) as info:
        check_parameters("legacy", ["dvk_model_per_10k"])
    assert str(info.value).startswith(
        "unknown predictor 'dvk_model_per_10k' (did you mean 'dvk_models_per_10k'?); valid: "
        "dvk_models_per_10k, dvk_models_per_commune, dvk_models_per_10k_per_year, "
    )


def test_predictors_of_the_wrong_type_are_named():
    from dvk_analysis.report.relationships import check_parameters

    with pytest.raises(ValueError, match=r"^predictors must be a list of names or a comma-"
                       r"separated string, not int 42; valid: dvk_models_per_10k, "):  # fmt: skip
        check_parameters("legacy", 42)


@pytest.mark.parametrize("name", ["../../etc", "Hà Tĩnh\n'; import os", "/etc/passwd"])
def test_path_like_or_code_like_province_is_unknown(name, capsys, tmp_path):
    args = ["run", "02_province_profile", "-p", "province", name, "--output-dir", str(tmp_path)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dvk: error: unknown province {name!r}")
    assert "`dvk provinces` lists every valid name" in err and err.count("\n") == 1  # one line
    assert list(tmp_path.iterdir()) == []


def test_a_decomposed_unknown_name_is_shown_composed(capsys, tmp_path):
    import unicodedata

    typed = unicodedata.normalize("NFD", "Hà Tĩnhx")
    args = ["run", "02_province_profile", "-p", "province", typed, "--output-dir", str(tmp_path)]
    assert main(args) == 1
    err = capsys.readouterr().err
    shown = unicodedata.normalize("NFC", typed)
    assert f"unknown province {shown!r}; closest: Hà Tĩnh" in err and typed not in err


@pytest.mark.parametrize("name", ["../../etc/passwd", "nope"])
def test_unknown_notebook_lists_the_valid_ones(name, capsys):
    assert main(["run", name]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"dvk: error: unknown notebook {name!r}; valid: 01_corpus, 02_province_profile, "
        "03_relationships (no such file, and no "
    )


def test_wrong_parameter_type_fails_before_running(capsys, tmp_path):
    args = ["run", "03_relationships", "-p", "predictors", "42", "--output-dir", str(tmp_path)]
    assert main(args) == 1
    assert capsys.readouterr().err == (
        "dvk: error: parameter 'predictors' of 03_relationships.ipynb expects list (default "
        "['dvk_models_per_10k_per_year', 'dvk_models_per_commune', "
        "'propaganda_sessions_per_10k_per_year', 'ntm_funds_total_per_10k_per_year', "
        "'ntm_funds_total_per_commune_per_year', 'funds_mobilized_per_10k_per_year', "
        "'funds_mobilized_per_commune_per_year', 'ntm_funds_state_per_10k_per_year', "
        "'ntm_funds_state_per_commune_per_year']), got int 42\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_directory(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("not a folder")
    assert main(["run", "02_province_profile", "--output-dir", str(target / "out")]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err


def test_dvk_reports_a_bad_data_folder_without_traceback(tmp_path):
    (tmp_path / "raw").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "dvk_analysis.run.cli", "validate", "--data-dir", str(tmp_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "raw/manifest.csv: file not found" in done.stderr


def test_csv_records_check_what_the_frame_reader_checks(tmp_path):
    from dvk_analysis.errors import DataValidationError
    from dvk_analysis.fileio import read_csv_records

    good = tmp_path / "m.csv"
    good.write_text("\ufeffarticle_id,language\r\na,vi\r\nb,\r\n", encoding="utf-8")
    assert read_csv_records(good) == (["article_id", "language"], [
        {"article_id": "a", "language": "vi"}, {"article_id": "b", "language": ""}
    ])  # fmt: skip
    long = tmp_path / "long.csv"
    long.write_text("article_id,language\na,vi,extra\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="more fields than the header"):
        read_csv_records(long)
    short = tmp_path / "short.csv"
    short.write_text("article_id,language,published\na,vi\n", encoding="utf-8")
    with pytest.raises(DataValidationError):
        read_csv_records(short)
