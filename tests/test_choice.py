"""Which candidate indicator a number takes (text/choice.py)."""

from __future__ import annotations

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
