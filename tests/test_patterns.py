"""Lexicon words to patterns: excluded words are blind inside the names of bodies."""

from __future__ import annotations

import re
from pathlib import Path

from dvk_analysis.text.patterns import Unless, unless


def test_an_excluded_word_inside_a_name_is_no_match_and_offsets_hold():
    found = Unless(re.compile("people", re.I), re.compile("People's Committee"))
    assert found.search("the People's Committee met") is None
    text = "the People's Committee said people gave"
    match = found.search(text)
    assert match is not None and match.start() == text.index("people gave")


def test_no_names_leaves_the_pattern_as_it_is():
    pattern = re.compile("people")
    assert unless(pattern, None) is pattern
    assert unless(None, re.compile("x")) is None


def test_first_char_class_holds_every_case_variant_and_nothing_else():
    from dvk_analysis.text.patterns import first_char_class

    cls = re.compile(first_char_class({"k", "đ", "1", "с"}))
    for char in ["k", "K", "\u212a", "1", "đ", "Đ", "с", "С"]:  # \u212a: the Kelvin sign
        assert cls.fullmatch(char), char
    for char in ["a", "Z", "2", " ", "\n", "é", "ك", "万", "c"]:  # "c" Latin, not Cyrillic
        assert not cls.fullmatch(char), char


def test_first_char_class_misses_no_character_re_matches_case_insensitively():
    # Checked against re itself, over every lexicon's letters: a missed variant would make
    # the prefilter skip a real match.
    from dvk_analysis.text.patterns import bmp, first_char_class

    lexicons = Path(__file__).parents[1] / "src/dvk_analysis/resources/lexicons"
    letters = {c for f in lexicons.glob("*.toml") for c in f.read_text("utf-8") if c.isalpha()}
    cls = re.compile(first_char_class(letters))
    wanted = re.compile("[" + "".join(map(re.escape, sorted(letters))) + "]", re.IGNORECASE)
    missed = {c for c in wanted.findall(bmp()) if not cls.fullmatch(c)}
    assert len(letters) > 500 and not missed


def test_first_char_class_of_nothing_matches_nothing():
    from dvk_analysis.text.patterns import first_char_class

    assert re.search(first_char_class(set()), "any text") is None


def test_arabic_marks_let_a_bare_word_match_its_voweled_and_stretched_spellings():
    from dvk_analysis.text.patterns import arabic_marks

    word = re.compile(arabic_marks("تبرع") + "$")
    for text in ["تبرع", "تبرّع", "تَبَرُّعٌ", "تبـرع", "تبرٰع", "تبَرّٰـع"]:
        assert word.match(text), text
    assert not word.match("تبرا")
