"""Units named by a copula or an apposition: "Ninh Hải là huyện ...", "X, a district of"."""

from __future__ import annotations

import pytest

from dvk_analysis.text.appositions import apposed_places


@pytest.mark.parametrize(
    ("lang", "text", "name", "level"),
    [
        ("vi", "Ninh Hải là huyện đồng bằng ven biển của tỉnh Ninh Thuận.", "Ninh Hải", "district"),
        (
            "en",
            "A Luoi, a mountainous district of Thua Thien Hue, has 18 communes.",
            "A Luoi",
            "district",
        ),
        ("fr", "Hung Phuc est une commune du district de Hung Nguyen.", "Hung Phuc", "commune"),
    ],
)
def test_a_name_said_to_be_a_unit_is_that_unit(lang, text, name, level):
    found = [(p.name, p.admin_level) for p in apposed_places(text, [], "Ninh Thuận", lang)]
    assert (name, level) in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a person's title, no level word
        ("vi", "Ông Nguyễn Văn Minh là chủ tịch xã."),
        # a language without copula words in its lexicon adds nothing
        ("ru", "Намдан — уезд провинции Нгеан."),
    ],
)
def test_no_level_word_after_the_copula_names_no_unit(lang, text):
    assert apposed_places(text, [], "Nghệ An", lang) == []
