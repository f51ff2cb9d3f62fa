"""Ranges of numbers, and the unit counts a range of criteria sorts by progress."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.keywords import lexicon
from dvk_analysis.text.numbers import find_numbers
from dvk_analysis.text.ranges import continues_range


def _numbers(text: str, lang: str):
    return [n for n in find_numbers(text, lang) if n.kind == "number"]


@pytest.mark.parametrize(
    ("lang", "text", "ranged"),
    [
        ("en", "5 - 7", True),
        ("en", "5 to 7", True),
        ("es", "entre 15 y 18", True),
        ("en", "5 and 7", False),
    ],
)
def test_continues_range(lang, text, ranged):
    first, last = _numbers(text, lang)
    assert continues_range(text, first, last, lexicon(lang)) is ranged


def test_units_sorted_by_a_range_of_criteria_meet_no_standard():
    text = (
        "En Bac Lieu, 4 comunas ya han cumplido los 19 criterios del programa, mientras que "
        "otras seis alcanzan entre 15 y 18."
    )
    claims = extract_text(text, article_id="t", lang="es", published="2022-07-01")
    # the whole set of 19 is the standard; "seis" are on their way
    assert [(c.indicator, c.value) for c in claims] == [("communes_meeting_ntm", 4)]


def test_a_range_of_units_is_no_range_of_criteria():
    text = "La provincia tiene 6 comunas que cumplen el estándar y 5 a 7 aldeas."
    claims = extract_text(text, article_id="t", lang="es", published="2022-07-01")
    assert ("communes_meeting_ntm", 6) in [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Donors contributed from 80 to 90 million dong to the fund.", 80e6),
        ("ru", "Жители пожертвовали от 80 до 90 млн донгов на каждый дом.", 80e6),
    ],
)
def test_the_multiplier_word_after_a_range_scales_its_first_number(lang, text, value):
    # "80 to 90 million": 80 is 80 million, never 80 dong
    values = [c.value for c in extract_text(text, article_id="t", lang=lang) if c.unit == "VND"]
    assert values == [value]
