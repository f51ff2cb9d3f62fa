"""Which candidate indicator a number takes (text/choice.py)."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text


def _pairs(text: str, lang: str) -> list[tuple[str, float]]:
    return [(c.indicator, c.value) for c in extract_text(text, article_id="t", lang=lang)]


def test_a_refinement_after_the_number_describes_it_not_its_neighbour():
    # "sustainable" belongs to 197, "new" to 233: never the neighbour's refinement
    text = "The province keeps 430 models, of which 197 models are sustainable and 233 new models."
    pairs = _pairs(text, "en")
    assert ("dvk_models_sustained", 197) in pairs
    assert ("dvk_models_new", 233) in pairs


def test_what_households_did_outranks_where_they_live():
    text = "74 households along the route agreed to move their gates."
    assert _pairs(text, "en") == [("households_mobilized", 74)]


CULTURE = "dvk_models_culture_society"


@pytest.mark.parametrize(
    ("lang", "text", "indicator"),
    [
        # a field that opens the sentence names the field of its count, however far on
        ("ru", "В культурной сфере провинция поддерживает 961 модель.", CULTURE),
        ("de", "Im kulturellen Bereich unterhält und entwickelt die Provinz 961 Modelle.",
         CULTURE),
        # a field word inside the sentence, far from the count, names none
        ("ru", "Провинция, известная своей культурной жизнью, поддерживает 961 модель.",
         "dvk_models"),
    ],
)  # fmt: skip
def test_a_field_that_opens_the_sentence_refines_its_count(lang, text, indicator):
    claims = extract_text(text, article_id="t", lang=lang)
    assert [(c.indicator, c.value) for c in claims] == [(indicator, 961)]
