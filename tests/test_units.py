"""Units written after a number, and their conversion to codebook units."""

from __future__ import annotations

import pytest

from dvk_analysis.codebook import UNITS
from dvk_analysis.text import units as units_module
from dvk_analysis.text.lexicon import LANGUAGES, load
from dvk_analysis.text.numbers import find_numbers
from dvk_analysis.text.units import currency_before, find_unit


def unit_after_number(text: str, lang: str):
    """Unit after the first quantity in ``text``, and the converted value."""
    m = next(m for m in find_numbers(text, lang) if m.kind == "number")
    u = find_unit(text, m.expr_end, lang)
    return u, (m.value * u.factor if u else None)


@pytest.mark.parametrize(
    ("lang", "text", "unit", "value", "raw"),
    [
        ("en", "more than 7.1km of intra-field canals", "m", 7100, "km"),
        ("en", "built 916m of new rural roads", "m", 916, "m"),
        ("en", "more than 9,602 square metres of land", "m2", 9602, "square metres"),
        ("en", "about 4.5 billion VND", "VND", 4.5e9, "VND"),
        ("en", "1,000 households donating", "households", 1000, "households"),
        ("vi", "dài 1,9 km, mặt đường", "m", 1900, "km"),
        ("vi", "hiến trên 3.000 m² đất", "m2", 3000, "m²"),
        ("vi", "hiến 2 sào đất", "m2", 720, "sào"),
        ("vi", "khoảng 2 tỷ đồng tiền mặt", "VND", 2e9, "đồng"),
        ("vi", "đạt 15/19 tiêu chí", "count", 15, "tiêu chí"),
        ("vi", "huy động 500 ngày công", "person_days", 500, "ngày công"),
        ("vi", "120 hộ dân hiến đất", "households", 120, "hộ dân"),
        ("hu", "több mint 909 476 m2 földet", "m2", 909476, "m2"),
        ("hu", "881 223 munkanapot ajánlott fel", "person_days", 881223, "munkanapot"),
        ("hu", "15 háztartás egyetértett", "households", 15, "háztartás"),
        ("hu", "1650 km belterületi öntözőcsatorna", "m", 1650000, "km"),
        ("nl", "in totaal 145.000 vierkante meter grond", "m2", 145000, "vierkante meter"),
        ("nl", "meer dan 1.000 huishoudens", "households", 1000, "huishoudens"),
        ("ar", "بأكثر من 45,800 متر مربع من الأراضي", "m2", 45800, "متر مربع"),
        ("ar", "تجديد 916 متراً من الطرق", "m", 916, "متراً"),
        ("ar", "أكثر من 36.2 كيلومترًا من القنوات", "m", 36200, "كيلومترًا"),
        ("ar", "على 7 مليارات دونج", "VND", 7e9, "دونج"),
        ("ar", "حضرها ٥٢٬٥٠٠ شخص", "persons", 52500, "شخص"),
        ("fr", "apporté 143,7 milliards de VND", "VND", 143.7e9, "VND"),
        ("fr", "plus de 163 000 journées de travail", "person_days", 163000, "journées de travail"),
        ("fr", "douze ménages du hameau", "households", 12, "ménages"),
        ("es", "más de 2,5 mil millones de VND", "VND", 2.5e9, "VND"),
        ("es", "500 jornadas de trabajo", "person_days", 500, "jornadas de trabajo"),
        ("es", "2 hectáreas de tierra", "m2", 20000, "hectáreas"),
        ("de", "darunter 1,1 Hektar Land", "m2", 11000, "Hektar"),
        ("de", "Mobilisierung von 25 Haushalten", "households", 25, "Haushalten"),
        ("ru", "почти 50 млн донгов", "VND", 50e6, "донгов"),
        ("ru", "более 700 человеко-дней", "person_days", 700, "человеко-дней"),
        ("ru", "1 370 квадратных метров земли", "m2", 1370, "квадратных метров"),
        ("ru", "площадь 10 100 м²", "m2", 10100, "м²"),
        ("ru", "длиной 400 метров", "m", 400, "метров"),
        ("zh", "捐献逾80万平方米宅基地", "m2", 800000, "平方米"),
        ("zh", "近500公顷农业用地", "m2", 5000000, "公顷"),
        ("zh", "逾70万个工日", "person_days", 700000, "个工日"),
        ("zh", "逾3700亿越盾", "VND", 3700e8, "越盾"),
        ("zh", "1000多人", "persons", 1000, "人"),
    ],
)
def test_units_after_numbers(lang, text, unit, value, raw):
    u, converted = unit_after_number(text, lang)
    assert u is not None
    assert (u.unit, u.raw) == (unit, raw)
    assert text[u.start : u.end] == u.raw
    assert converted == pytest.approx(value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "in 5 Ha Tinh communes"),
        ("vi", "có 5 mô hình"),
        ("vi", "5 mở rộng"),
        ("en", "5 models"),
        ("hu", "12 csoportnak"),
    ],
)
def test_no_unit(lang, text):
    u, _ = unit_after_number(text, lang)
    assert u is None


def test_unit_must_follow_the_number_closely():
    text = "5 new rural households"
    assert find_unit(text, 1, "en") is None
    assert find_unit(text, 1 + len(" new rural"), "en").unit == "households"


def test_hyphen_between_number_and_unit():
    assert find_unit("a 5-ha farm", 3, "en").factor == 10000


def test_every_lexicon_has_only_codebook_units():
    for lang in LANGUAGES:
        section = load(lang).get("units", {})
        assert set(section) - {"connectors"} <= set(UNITS), lang
        units_module._unit_grammar(lang)  # compiles and validates


def test_bad_position_is_a_clear_error():
    with pytest.raises(ValueError, match="outside the text"):
        find_unit("5 km", 10, "en")


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown language"):
        find_unit("5 km", 1, "xx")


def test_lexicon_with_a_unit_outside_the_codebook_is_rejected(monkeypatch):
    bad = {"acres": [{"words": ["acre"], "factor": 4047}]}
    monkeypatch.setattr(units_module, "lexicon_section", lambda lang, name: bad)
    units_module._unit_grammar.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"unknown unit 'acres'.*valid: count"):
            find_unit("5 acre", 1, "en")
    finally:
        units_module._unit_grammar.cache_clear()


def test_lexicon_entry_without_factor_is_rejected(monkeypatch):
    bad = {"m2": [{"words": ["m2"]}]}
    monkeypatch.setattr(units_module, "lexicon_section", lambda lang, name: bad)
    units_module._unit_grammar.cache_clear()
    try:
        with pytest.raises(ValueError, match="needs 'words' and 'factor'"):
            find_unit("5 m2", 1, "en")
    finally:
        units_module._unit_grammar.cache_clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("of VND 81", True),
        ("raised Dong 5", True),
        ("the Provinz Lam Dong 259", False),  # the last syllable of a place name
        ("Lam Dong 259", False),
    ],
)
def test_a_currency_word_before_a_number_unless_it_ends_a_place_name(text, expected):
    assert currency_before(text, text.rindex(" ") + 1, "en") is expected


def test_the_unit_of_a_reverse_fraction_stands_on_its_whole():
    from dvk_analysis.text.numbers import find_numbers
    from dvk_analysis.text.units import unit_inside

    text = "a csoport 55 háztartásából 46 már önként földet adott"
    (part,) = find_numbers(text, "hu")
    found = unit_inside(text, part, "hu")
    assert (part.value, part.denominator, found.unit) == (46, 55, "households")
    (plain,) = find_numbers("46 háztartás adott földet", "hu")
    assert unit_inside("46 háztartás adott földet", plain, "hu") is None


def test_a_reverse_fraction_counts_the_households_of_its_whole():
    from dvk_analysis.text.extract import extract_text

    text = "A csoport 55 háztartásából 46 már Tet előtt önként földet adott."
    claims = extract_text(text, article_id="a", lang="hu")
    assert [(c.indicator, c.value, c.denominator) for c in claims] == [
        ("households_mobilized", 46, 55)
    ]
