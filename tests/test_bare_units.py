"""Units named without a level word next to their figure (text/bare_units.py)."""

from __future__ import annotations

from dvk_analysis.text.extract import extract_text


def _places(text: str, lang: str, province: str) -> list[tuple[float, str, str]]:
    claims = extract_text(text, article_id="t", lang=lang, province=province)
    return [(c.value, c.place, c.admin_level) for c in claims]


def test_communes_listed_by_name_before_their_criteria():
    text = (
        "Đến nay, huyện Lệ Thủy có ba xã hoàn thành bộ tiêu chí: Phong Thủy đạt 19/19 tiêu "
        "chí, Lộc Thủy đạt 19/19 tiêu chí."
    )
    assert _places(text, "vi", "Quảng Bình")[-2:] == [
        (19, "Phong Thủy", "commune"),
        (19, "Lộc Thủy", "commune"),
    ]


def test_a_commune_named_after_its_figure_with_in():
    text = (
        "Insgesamt entstanden 3,17 km neue Wege. Davon liegen 2,3 km in der Gemeinde Phuoc "
        "Dinh, 0,77 km in Phuoc Ha und 0,85 km in Nhi Ha."
    )
    places = {value: (place, level) for value, place, level in _places(text, "de", "Ninh Thuận")}
    assert places[850] == ("Nhi Ha", "commune")
    assert places[770] == ("Phuoc Ha", "commune")


def test_a_province_name_or_an_unknown_name_is_no_bare_unit():
    # "CA MAU" heads a dateline: the province's name (and its city's) says nothing alone;
    # "Hoang Van" is no unit the gazetteer knows in the province
    text = "CA MAU – Hoang Van đạt 19/19 tiêu chí nông thôn mới."
    assert [level for _, _, level in _places(text, "vi", "Cà Mau")] != ["commune"]
    assert all(place != "Hoang Van" for _, place, _ in _places(text, "vi", "Cà Mau"))


def test_a_name_of_two_levels_takes_the_level_its_list_named_first():
    # since the 2025 merger "Dong Anh" is a district and a commune of Ha Noi; the list's first
    # item says "Bezirk", so the items named alone after it are districts
    text = "Die meisten hat der Bezirk Soc Son mit 12 Modellen, gefolgt von Dong Anh mit 8."
    claims = extract_text(text, article_id="a", lang="de", province="Hà Nội")
    (eight,) = [c for c in claims if c.value == 8]
    assert (eight.place, eight.admin_level) == ("Dong Anh", "district")


def test_a_name_of_two_levels_alone_says_nothing():
    text = "Dong Anh hat 8 Modelle."
    claims = extract_text(text, article_id="a", lang="de", province="Hà Nội")
    assert [c.place for c in claims if c.value == 8] != ["Dong Anh"]


def test_arabic_units_listed_one_per_line_take_the_level_of_the_line_before():
    intro = "وفي ما يلي عدد المعايير التي استوفتها كل بلدية في المديرية حتى الآن:\n"
    items = "داك ساو: 7 معايير.\nفان شوي: 6 معايير.\nمانغ ري: 6 معايير."
    text = "أبدت مديرية تو مو رونغ تقدماً.\n" + intro + items
    assert _places(text, "ar", "Kon Tum") == [
        (7, "داك ساو", "commune"),
        (6, "فان شوي", "commune"),
        (6, "مانغ ري", "commune"),
    ]
    # without a level word in the line before, the names stay unknown: the district holds
    no_level = (
        "أبدت مديرية تو مو رونغ تقدماً.\nوفي ما يلي المعايير التي استوفتها حتى الآن:\n" + items
    )
    assert {level for _, _, level in _places(no_level, "ar", "Kon Tum")} == {"district"}
