"""Lexicon words to patterns: excluded words are blind inside the names of bodies."""

from __future__ import annotations

import re

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


def test_first_char_class_holds_every_case_of_the_firsts_and_all_non_ascii():
    from dvk_analysis.text.patterns import first_char_class

    cls = re.compile(first_char_class({"k", "đ", "1"}))
    for char in ["k", "K", "1", "đ", "Đ", "é", "ك", "万", "\U0001f600"]:
        assert cls.fullmatch(char), char
    for char in ["a", "Z", "2", " ", "\n", "-"]:
        assert not cls.fullmatch(char), char


def test_first_char_class_of_every_ascii_character_is_still_a_valid_class():
    from dvk_analysis.text.patterns import first_char_class

    cls = re.compile(first_char_class({chr(a) for a in range(128)}))
    assert cls.fullmatch("\n") and cls.fullmatch("x") and cls.fullmatch("ü")


def test_arabic_marks_let_a_bare_word_match_its_voweled_and_stretched_spellings():
    from dvk_analysis.text.patterns import arabic_marks

    word = re.compile(arabic_marks("تبرع") + "$")
    for text in ["تبرع", "تبرّع", "تَبَرُّعٌ", "تبـرع", "تبرٰع", "تبَرّٰـع"]:
        assert word.match(text), text
    assert not word.match("تبرا")
