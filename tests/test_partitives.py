"""Partitive heads: a count whose noun opens its sentence (text/partitives.py)."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text


def _pairs(text: str, lang: str) -> list[tuple[str, float]]:
    claims = extract_text(text, article_id="t", lang=lang, published="2024-06-15")
    return [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Sur ses 86 communes, 73 sont reconnues néo-rurales.", 73),
        ("nl", "Van de plattelandsgemeenten voldoen er inmiddels 325 aan de norm.", 325),
        ("hu", "Mára a községek közül 188 elérte az új vidéki normát.", 188),
        ("en", "Of the province's 178 communes, 160 have met the new-rural standard.", 160),
    ],
)
def test_a_count_takes_the_noun_of_the_partitive_that_opens_its_sentence(lang, text, value):
    assert ("communes_meeting_ntm", value) in _pairs(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the commune owns the head ("houses"), which is no keyword
        (
            "en",
            "Of the commune's 1,781 houses, 1,720 meet the Ministry of Construction's standard.",
        ),
        # a comma ends the partitive phrase: "Nam Lan 2" is a name
        ("fr", "Parmi les communes, le hameau de Nam Lan 2 s'est imposé comme modèle."),
        # not at the head of its clause: a bare count never takes a noun before it
        ("en", "The standard was met in the communes by 12 of them at the time."),
    ],
)
def test_no_head_without_an_opening_partitive(lang, text):
    assert not [
        value for indicator, value in _pairs(text, lang) if indicator.startswith("communes")
    ]
