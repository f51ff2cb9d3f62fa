"""The one lexicon loader: languages from the files, validation, shared level words."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from dvk_analysis.text import lexicon
from dvk_analysis.text.language import SUPPORTED


def test_languages_are_the_lexicon_files():
    folder = resources.files("dvk_analysis").joinpath("resources/lexicons")
    files = sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )
    assert tuple(files) == lexicon.LANGUAGES
    assert SUPPORTED == lexicon.LANGUAGES
    assert {"vi", "en", "zh"} <= set(lexicon.LANGUAGES)


def test_load_is_cached_and_names_unknown_languages():
    assert lexicon.load("en") is lexicon.load("en")
    with pytest.raises(ValueError, match=r"unknown language 'pt': no lexicon; valid: ar, de"):
        lexicon.load("pt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": {"code": "fr"}}, r"code = 'fr' but the file is named en\.toml"),
        ({"language": {"code": "en"}, "indicatorz": {}}, r"unknown section\(s\) indicatorz"),
        ({"language": {"code": "en"}, "units": 3}, r"\[units\] must be a table"),
    ],
)
def test_validation_names_the_file_and_the_fault(data, message):
    with pytest.raises(ValueError, match=message):
        lexicon._validate("resources/lexicons/en.toml", "en", data)


def test_place_level_words_hold_every_language():
    words = lexicon.place_level_words()
    assert {"xã", "province", "járás", "省"} <= words


def _imports(module: str) -> set[str]:
    path = Path(lexicon.__file__).with_name(f"{module}.py")
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_units_does_not_import_numbers():
    """numbers reads units; units must not read numbers back (the old import cycle)."""
    assert "dvk_analysis.text.numbers" not in _imports("units")


@pytest.mark.parametrize("module", ["numbers", "units", "periods", "places", "extract"])
def test_no_module_parses_lexicon_files_itself(module):
    source = Path(lexicon.__file__).with_name(f"{module}.py").read_text("utf-8")
    assert "tomllib" not in source


def test_place_key_words_are_the_level_words_and_each_lexicons_key_words():
    words = lexicon.place_key_words()
    assert lexicon.place_level_words() <= words
    assert {"of", "de", "und", "и", "số"} <= words - lexicon.place_level_words()
