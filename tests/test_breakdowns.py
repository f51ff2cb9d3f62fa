"""Tests of breakdowns.units_listed: a place's units broken down by kind."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text


def _found(text: str, lang: str) -> set[tuple[str, float]]:
    claims = extract_text(text, article_id="a", lang=lang, published="2025-08-01")
    return {(c.indicator, c.value) for c in claims}


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Hai Hau is made up of 32 communes and three townships.", 32),
        ("nl", "Tran Yen telt 22 bestuurlijke eenheden: 21 gemeenten en één stadje.", 21),
        ("es", "El distrito tiene 24 unidades administrativas: 23 comunas y un pueblo.", 23),
        ("ar", "تضم 25 وحدة إدارية، منها 22 بلدية و3 بلدات.", 22),
        # communes as the list's last item, after the towns
        ("fr", "Le district compte 11 unités de niveau communal, soit 2 bourgs et 9 communes.", 9),
    ],
)
def test_communes_listed_beside_towns_are_the_rural_communes(lang, text, value):
    assert ("rural_communes", value) in _found(text, lang)


def test_towns_with_an_adjective_before_their_noun_are_no_rural_communes():
    found = _found(
        "В провинции 124 единицы общинного уровня: 105 общин и 19 городских кварталов.", "ru"
    )
    assert {("communes_total", 124), ("rural_communes", 105)} <= found
    assert ("rural_communes", 19) not in found


def test_the_towns_and_wards_of_the_list_are_no_rural_communes():
    found = _found("An Giang has had 85 communes, 14 wards and three special zones.", "en")
    assert ("rural_communes", 85) in found
    assert not {v for i, v in found if i == "rural_communes"} & {14, 3}


def test_one_count_of_communes_and_towns_together_is_no_list():
    found = _found("Во всех 18 общинах и посёлках уезда созданы комитеты.", "ru")
    assert ("rural_communes", 18) not in found


def test_tier_parts_of_a_commune_total_need_no_noun():
    text = (
        "Сейчас в провинции все 47 общин из 47 отвечают стандарту «новой деревни». "
        "Из них 35 соответствуют повышенному стандарту и 5 — образцовому."
    )
    claims = extract_text(text, article_id="a", lang="ru", published="2024-01-01")
    found = {(c.indicator, c.value, c.tier) for c in claims}
    assert {("communes_meeting_ntm", 35, "advanced"), ("communes_meeting_ntm", 5, "model")} <= found
    assert not [c for c in claims if c.indicator.startswith("dvk_models")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In the province, 33 of the 47 rural communes had met the standard; 14 of them had "
            "already met the advanced standard.",
        ),
        (
            "nl",
            "In de provincie hadden 33 van de 47 plattelandsgemeenten de norm gehaald; veertien "
            "daarvan voldeden al aan de verhoogde norm.",
        ),
        (
            "nl",
            "In de provincie voldoen 33 gemeenten aan de norm. Dat is 70 procent van alle "
            "gemeenten. Een deel is al verder: 14 ervan hebben de geavanceerde norm bereikt.",
        ),
    ],
)
def test_a_part_pointing_back_at_its_total_crosses_a_semicolon(lang, text):
    # "; 14 of them", "14 ervan": the words after the number name the total, so neither the
    # semicolon nor a sentence between them cuts the part off
    claims = extract_text(text, article_id="a", lang=lang, published="2024-01-01")
    found = {(c.indicator, c.value, c.tier) for c in claims}
    assert ("communes_meeting_ntm", 14, "advanced") in found
    assert ("communes_meeting_ntm", 33, "standard") in found


@pytest.mark.parametrize(
    ("lang", "text", "communes", "towns"),
    [
        # the list's full stop is followed by a paragraph break: the towns are still its own
        ("ru", "В уезде 27 единиц общинного уровня: 25 общин и два посёлка.\n\nДалее.", 25, 2),
        ("zh", "调整完成后，慕德县将有12个乡级行政单位，包括11个乡和1个市镇。", 11, 1),
    ],
)
def test_communes_listed_before_the_towns_of_their_sentence(lang, text, communes, towns):
    found = [
        (c.indicator, c.value) for c in extract_text("T\n\n" + text, article_id="a", lang=lang)
    ]
    assert ("rural_communes", communes) in found
    assert ("rural_communes", towns) not in found


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        (
            "en",
            "Ha Noi has 382 communes meeting the new-style rural standard. Of these, 229 have "
            "been recognised as advanced new-style rural communes.",
            229,
        ),
        (
            "hu",
            "A projekt összesen 1 518 háztartás lakó- vagy mezőgazdasági földjét érinti; közülük "
            "807 Quynh Vinh, 711 pedig Quynh Trang községben él.",
            807,
        ),
    ],
)
def test_a_part_opened_by_of_these_takes_its_totals_indicator(lang, text, part):
    claims = extract_text("T\n\n" + text, article_id="a", lang=lang)
    total = claims[0].indicator
    assert (total, part) in [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "parts"),
    [
        (
            "en",
            "The city has 72 rural communes taking part in the programme. Of these, 59 meet the "
            "new rural standard, 13 the advanced standard and 2 the model standard.",
            [59, 13, 2],
        ),
        (
            "ru",
            "В провинции 88 общин участвуют в программе. Из них 26 соответствуют стандарту.",
            [26],
        ),
        (
            "nl",
            "Can Tho telt nu 72 gemeenten op het platteland. Daarvan voldoen er 59 aan de "
            "standaard van het nieuwe platteland, 13 aan de geavanceerde standaard.",
            [59, 13],
        ),
        # parts that meet no standard are no communes meeting it
        (
            "en",
            "The district has 20 rural communes taking part in the programme. Of these, 12 are "
            "in mountainous areas.",
            [],
        ),
    ],
)
def test_parts_of_a_count_of_communes_that_meet_the_standard(lang, text, parts):
    claims = extract_text(text, article_id="a", lang=lang, published="2025-08-01")
    found = [c.value for c in claims if c.indicator == "communes_meeting_ntm"]
    assert found == parts


def test_an_of_which_word_may_open_a_new_paragraph():
    total = "Funds for the Poor in An Giang have received gifts worth more than VND151.737 billion."
    part = "Of that amount, the provincial-level fund took in VND16.93 billion."
    claims = extract_text(total + "\n\n" + part, article_id="t", lang="en")
    assert [(c.indicator, c.value) for c in claims] == [
        ("funds_mobilized", 151.737e9),
        ("funds_mobilized", 16.93e9),
    ]


def test_a_new_paragraph_without_an_of_which_word_breaks_nothing_down():
    text = "Residents gave VND 5 billion.\n\nThe district built 3 km of roads."
    assert [c.indicator for c in extract_text(text, article_id="t", lang="en")] == [
        "funds_mobilized",
        "road_length",
    ]


def test_every_part_of_a_total_is_measured_against_the_total_not_the_part_before():
    # 32.58 and 102.227 exceed the first part (16.93), never the total
    text = (
        "Funds for the Poor received gifts worth more than VND151.737 billion. Of that amount, "
        "the provincial fund got VND16.93 billion, district funds VND32.58 billion and commune "
        "funds VND102.227 billion."
    )
    values = [c.value for c in extract_text(text, article_id="t", lang="en")]
    assert values == [151.737e9, 16.93e9, 32.58e9, 102.227e9]
