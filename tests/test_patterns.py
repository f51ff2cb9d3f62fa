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
