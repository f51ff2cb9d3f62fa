"""Tests for dvk_analysis.gazetteer: province names, unit look-up and place mentions."""

from __future__ import annotations

import csv

import pytest

from dvk_analysis.codebook import ADMIN_LEVELS
from dvk_analysis.gazetteer import (
    UnknownPlaceError,
    known_name,
    provinces,
    resolve_province,
    slugify,
    successor_2025,
)
from dvk_analysis.paths import data_dir
from dvk_analysis.text import places
from dvk_analysis.text.lexicon import LANGUAGES
from dvk_analysis.text.places import PlaceMention, find_places, nearest_place, sentence_starts

# --- resolve_province -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Hà Tĩnh",
        "ha tinh",
        "HA TINH",
        "ha-tinh",
        "ha_tinh",
        "Ha Tinh province",
        "tỉnh Hà Tĩnh",
        "Tỉnh Hà Tĩnh",
        "  Hà  Tĩnh ",
    ],
)
def test_resolve_province_spellings(written):
    p = resolve_province(written)
    assert p.name == "Hà Tĩnh"
    assert p.slug == "ha-tinh"
    assert p.code == "42"
    assert p.geography == "legacy"


@pytest.mark.parametrize(
    "written", ["TP HCM", "Ho Chi Minh City", "Hồ Chí Minh", "thành phố Hồ Chí Minh", "TP.HCM"]
)
def test_resolve_ho_chi_minh_city_variants(written):
    assert resolve_province(written).name == "Hồ Chí Minh"


@pytest.mark.parametrize(
    "written", ["Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu", "Ba Ria-Vung Tau", "ba-ria-vung-tau"]
)
def test_resolve_ba_ria_vung_tau_variants(written):
    p = resolve_province(written)
    assert p.name == "Bà Rịa - Vũng Tàu"
    assert p.successor_2025 == "Hồ Chí Minh"


def test_old_tone_placement_and_old_names():
    # "Hoà" (old-style accent placement) and "Thừa Thiên Huế" (name before 2025).
    assert resolve_province("Hoà Bình").name == "Hòa Bình"
    assert resolve_province("Thừa Thiên Huế").name == "Huế"
    assert resolve_province("Thanh Hoá").name == "Thanh Hóa"


def test_geography_2025_maps_merged_provinces_to_successor():
    p = resolve_province("Hà Giang", geography="2025")
    assert p.name == "Tuyên Quang"
    assert p.geography == "2025"
    assert set(p.merged_from) == {"Hà Giang", "Tuyên Quang"}
    assert p.successor_2025 is None


def test_successor_2025():
    assert successor_2025("Hà Giang") == "Tuyên Quang"
    assert successor_2025("Bình Dương") == "Hồ Chí Minh"
    assert successor_2025("Hà Tĩnh") == "Hà Tĩnh"  # not merged
    assert successor_2025("Tuyên Quang") == "Tuyên Quang"  # already a 2025 name


def test_provinces_counts_and_consistency():
    legacy, new = provinces("legacy"), provinces("2025")
    assert len(legacy) == 63 and len(new) == 34
    assert len({p.code for p in legacy}) == 63
    new_names = {p.name for p in new}
    assert all(p.successor_2025 in new_names for p in legacy)
    members = [m for p in new for m in p.merged_from]
    assert sorted(members) == sorted(p.name for p in legacy)  # a partition of the 63


def test_successors_match_reference_table():
    path = data_dir() / "reference" / "provinces_legacy.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 63
    for row in rows:
        p = resolve_province(row["name"])
        assert p.code == row["code"]
        assert p.successor_2025 == row["merged_into"], row["name"]


def test_unknown_province_lists_closest_matches():
    with pytest.raises(UnknownPlaceError) as err:
        resolve_province("Ha Tinnh")
    message = str(err.value)
    assert "Hà Tĩnh" in message
    assert "`dvk provinces`" in message  # says how to list valid names
    assert isinstance(err.value, ValueError) and isinstance(err.value, LookupError)


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_empty_province_name_is_a_clear_error(bad):
    with pytest.raises(UnknownPlaceError, match="empty province name"):
        resolve_province(bad)


def test_bad_geography():
    with pytest.raises(ValueError, match="valid: legacy, 2025"):
        provinces("1990")
    with pytest.raises(ValueError, match="valid: legacy, 2025"):
        resolve_province("Hà Tĩnh", geography="new")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Đắk Lắk", "dak-lak"),
        ("ĐIỆN BIÊN", "dien-bien"),
        ("Thạnh Mỹ (Nam Giang)", "thanh-my-nam-giang"),
        ("ثين لوك", ""),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


# --- find_places ----------------------------------------------------------------------------


def _one(mentions: list[PlaceMention], name: str) -> PlaceMention:
    hits = [m for m in mentions if m.name == name]
    assert hits, f"{name!r} not in {[m.text for m in mentions]}"
    return hits[0]


def test_vietnamese_levels_and_resolution():
    text = (
        "Từ năm 2020 đến nay, xã Thiên Lộc, huyện Can Lộc, tỉnh Hà Tĩnh đã vận động "
        "nhân dân hiến đất; thôn Lỗ Xá và tổ dân phố 5, phường Nguyễn Du cũng tham gia."
    )
    found = find_places(text, "vi", province_hint="Hà Tĩnh")
    commune = _one(found, "Thiên Lộc")
    assert commune.admin_level == "commune"
    assert text[commune.start : commune.end] == "xã Thiên Lộc" == commune.text
    assert commune.province == "Hà Tĩnh"
    assert commune.legacy_code == "18415"
    district = _one(found, "Can Lộc")
    assert (district.admin_level, district.legacy_code) == ("district", "443")
    province = _one(found, "Hà Tĩnh")
    assert (province.admin_level, province.code_2025) == ("province", "42")
    assert _one(found, "Lỗ Xá").admin_level == "village"
    assert _one(found, "5").admin_level == "residential_group"
    assert _one(found, "Nguyễn Du").admin_level == "ward"
    assert all(m.admin_level in ADMIN_LEVELS for m in found)


def test_vietnamese_lowercase_words_are_not_names():
    # "xã hội" (society) and "bản thân" (oneself) hold level words but no name.
    text = "Công tác xã hội hóa được đẩy mạnh, bản thân mỗi người dân đều tham gia."
    assert find_places(text, "vi") == []


def test_english_unaccented_names_resolve_without_diacritics():
    text = "In Thien Loc commune, Can Loc district, Ha Tinh province, 70 roads were widened."
    found = find_places(text, "en", province_hint="Ha Tinh")
    commune = _one(found, "Thien Loc")
    assert commune.text == "Thien Loc commune"
    assert commune.legacy_code == "18415"  # resolved through the unaccented key
    assert _one(found, "Can Loc").admin_level == "district"
    assert _one(found, "Ha Tinh").province == "Hà Tĩnh"


def test_english_leading_stopword_and_counts_are_not_names():
    text = "The Tho Hop commune mobilised 10 villages to build roads."
    found = find_places(text, "en", province_hint="Nghệ An")
    assert [m.name for m in found] == ["Tho Hop"]


def test_hungarian_inflected_level_words():
    text = "A Khuat Xa községben 4 propagandaülést tartottak; Lai Chau tartományban is."
    found = find_places(text, "hu", province_hint="Lạng Sơn")
    commune = _one(found, "Khuat Xa")
    assert commune.admin_level == "commune"
    assert commune.province == "Lạng Sơn"
    assert commune.text == "Khuat Xa községben"
    assert _one(found, "Lai Chau").province == "Lai Châu"
    # a person's three-syllable name before the commune's is no part of it
    found = find_places("Nguyen Manh Hung Van Hoi községben 120 m2 földet adott.", "hu")
    assert [m.name for m in found] == ["Van Hoi"]
    assert [m.name for m in find_places("A Ho Chi Minh város lakói", "hu")] == ["Ho Chi Minh"]
    # in Cyrillic a family name after the unit's name begins a person's
    found = find_places("Почти за 10 лет уезда Эашуп Нгуен Ван сказал", "ru")
    assert [m.name for m in found] == ["Эашуп"]
    # "tanya" lengthens its last vowel before a suffix
    (hamlet,) = find_places("Trai Hoa tanyán 55 háztartás ajánlott fel földet.", "hu")
    assert (hamlet.name, hamlet.admin_level) == ("Trai Hoa", "village")


def test_dutch_gemeente_and_district():
    text = "In de gemeente Cam Loc en het district Thach Ha werden 30 modellen gebouwd."
    found = find_places(text, "nl", province_hint="Hà Tĩnh")
    assert _one(found, "Cam Loc").admin_level == "commune"
    assert _one(found, "Thach Ha").admin_level == "district"
    assert _one(found, "Thach Ha").legacy_code is not None


def test_dutch_linker_does_not_eat_a_name():
    found = find_places("De wijk Van Phu telt 2 zones.", "nl", province_hint="Phú Thọ")
    assert _one(found, "Van Phu").admin_level == "ward"


def test_french_spanish_linkers():
    fr = find_places("Dans le district de Tan Lac, province de Hoa Binh, ...", "fr")
    assert _one(fr, "Tan Lac").text == "district de Tan Lac"
    assert _one(fr, "Hoa Binh").province == "Hòa Bình"
    es = find_places("La comuna de Son Thuy, distrito de Thanh Son, ...", "es", "Phú Thọ")
    assert _one(es, "Son Thuy").admin_level == "commune"
    assert _one(es, "Thanh Son").admin_level == "district"


def test_french_ho_chi_minh_ville_is_a_centrally_run_city_of_province_level():
    found = find_places("À Hô Chi Minh-Ville, 56 communes ont atteint la norme.", "fr")
    city = _one(found, "Hô Chi Minh")
    assert city.admin_level == "province"
    assert city.province == "Hồ Chí Minh"


def test_german_nouns_are_not_names():
    text = "Im Bezirk Lac Son hat die Gemeinde Bauern und Frauen mobilisiert."
    found = find_places(text, "de", province_hint="Hòa Bình")
    assert [m.name for m in found] == ["Lac Son"]
    assert found[0].admin_level == "district"


def test_german_compound_level_word_is_read_whole():
    found = find_places("Im Stadtbezirk Phu My wurden 3 Häuser gebaut.", "de")
    assert _one(found, "Phu My").admin_level == "district"


def test_arabic_transliteration_keeps_name_and_hint():
    text = "قامت بلدية ثين لوك ببناء 10/10 قرى نموذجية، وفي منطقة كان لوك تم تجديد الطرق."
    found = find_places(text, "ar", province_hint="Hà Tĩnh")
    commune = _one(found, "ثين لوك")
    assert commune.admin_level == "commune"
    assert commune.province == "Hà Tĩnh"
    assert commune.legacy_code is None  # a transliteration cannot be resolved
    assert _one(found, "كان لوك").admin_level == "district"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("vi", "Huyện Ea Kar đã huy động 171 tỷ đồng.", "Ea Kar"),
        ("de", "Im Kreis Cu M'gar haben die Einwohner gespendet.", "Cu M'gar"),
    ],
)
def test_central_highlands_names_may_end_in_r(lang, text, name):
    # names written from minority languages end in consonants Vietnamese has not ("Kar", "M'gar")
    assert [p.name for p in find_places(text, lang)][0] == name


def test_arabic_three_syllable_name_ends_at_a_mark_or_a_stopword():
    found = find_places("نظمت بلدية فينه ثانه ترونغ، التابعة لمنطقة تشاو فو، جلسة", "ar")
    assert _one(found, "فينه ثانه ترونغ").admin_level == "commune"
    found = find_places("حضرها 50 شخصًا من بلدية فينه ثانه ترونغ في المديرية", "ar")
    assert [p.name for p in found] == ["فينه ثانه ترونغ"]
    # a verb after a two-syllable name is no third syllable
    assert [p.name for p in find_places("في قرية فينه داي أزال السكان الأسوار", "ar")] == [
        "فينه داي"
    ]


def test_arabic_words_after_level_word_are_not_names():
    found = find_places("حشدت المنطقة بأكملها المواطنين في منطقة ريفية جديدة", "ar")
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "زارت الوفود قرية في المقاطعة.",
        "وفي القرية التابعة للبلدية نفسها، ساهمت 4 أسر بالأرض.",  # "the commune itself"
    ],
)
def test_arabic_function_word_after_level_word_is_not_a_name(text):
    # "في" and "نفسها" pass the transliteration test (short, long vowel) but are in
    # ar.toml's stopwords
    assert find_places(text, "ar") == []


def test_an_arabic_name_stops_before_all_of_them():
    # "بلديات كو تشي كلها": the communes of Cu Chi, all of them
    (found,) = find_places("واستوفت المعايير بلديات كو تشي كلها، وفق التقرير.", "ar")
    assert found.name == "كو تشي"


@pytest.mark.parametrize(
    ("lang", "text", "village"),
    [
        ("ar", "وفي القرية 14 التابعة لبلدية نغي فان تبرع الأهالي بالأرض.", "القرية 14"),
        ("ar", "تقع قرية فيينغ تشاو 2 في بلدية دينه فونغ.", "قرية فيينغ تشاو 2"),
        ("en", "Nearly 2 km of road in Village 4 of Khanh Thien commune were built.", "Village 4"),
        ("en", "Residents of Hamlet 3, Tan Phu commune, gave land.", "Hamlet 3"),
        # the number ends a name written before its level word, or follows a number sign
        ("en", "A member in Na Hy 2 village, Na Hy commune, gave land.", "Na Hy 2 village"),
        ("ru", "Две семьи из деревни № 7 общины Суанхонг отдали землю.", "деревни № 7"),
        ("en", "In village No. 5 of Bau Don commune, residents gave land.", "village No. 5"),
    ],
)
def test_a_numbered_village_is_a_village(lang, text, village):
    # a village is often a number ("thôn 4", "القرية 14"); it holds the commune named after it
    found = find_places(text, lang)
    assert [(p.text, p.admin_level) for p in found][0] == (village, "village")


def test_ho_chi_minh_citys_numbered_districts():
    found = find_places("In District 2, residents gave land. Tại Quận 7, đất được hiến.", "en")
    assert [(m.text, m.admin_level) for m in found] == [("District 2", "district")]
    assert [m.text for m in find_places("Tại Quận 7, người dân hiến đất.", "vi")] == ["Quận 7"]
    # only "District" / "Quận", only 1 to 12, never in a report on another province
    assert find_places("Der Kreis 5 Modelle; District 25 residents.", "de") == []
    assert find_places("In District 2, residents gave land.", "en", "Hà Nội") == []


@pytest.mark.parametrize(
    ("lang", "text", "level"),
    [
        ("es", "El Ejército ayudó a las comunas de Tra Vinh a construir casas.", "province"),
        ("fr", "Les communes de Tra Vinh ont construit des maisons.", "province"),
        ("es", "La comuna de Tra Vinh construyó casas.", "commune"),  # one unit of that name
    ],
)
def test_a_plural_level_word_before_a_province_is_the_province(lang, text, level):
    # "the communes of Tra Vinh" are the province's communes, no commune called Tra Vinh
    (found,) = find_places(text, lang)
    assert found.admin_level == level


def test_a_count_of_villages_is_no_numbered_village():
    assert [p.text for p in find_places("In 12 villages, households gave land.", "en")] == []


def test_arabic_and_glued_to_a_preposition_is_no_name():
    # "وكبار" (and the elders) is short with a long vowel, but "و" + "ك" is a conjunction
    assert find_places("زار مسؤولو القرية وكبار السن المنازل.", "ar") == []


def test_russian_inflected_level_words():
    text = "В уезде Чодон провинции Баккан 6 деревень; община Биньдинь тоже."
    found = find_places(text, "ru", province_hint="Bắc Kạn")
    assert _one(found, "Чодон").admin_level == "district"
    assert _one(found, "Баккан").province == "Bắc Kạn"  # alias table
    assert _one(found, "Биньдинь").admin_level == "commune"


def test_chinese_suffixes_and_false_words():
    text = "兴安省祖国阵线委员会在新农村建设中动员社会力量，北江市和西江县也参与。"
    found = find_places(text, "zh", province_hint="Hưng Yên")
    assert _one(found, "兴安").admin_level == "province"
    assert _one(found, "兴安").province == "Hưng Yên"
    assert _one(found, "北江").province == "Bắc Giang"
    assert _one(found, "西江").admin_level == "district"
    assert all(m.name not in ("新农", "动员") for m in found)  # 农村 and 社会 are words


def test_chinese_towns_and_hamlets():
    # "市社" is a district-level town (thị xã), not a city plus a commune; "邑" a hamlet (ấp)
    found = find_places("香水市社有7个乡。美川县嘉和乡中和邑的张先生捐了地。", "zh")
    assert [(m.text, m.admin_level) for m in found if m.text in ("香水市社", "中和邑")] == [
        ("香水市社", "district"),
        ("中和邑", "village"),
    ]


def test_bare_province_names_but_not_the_president():
    found = find_places("Tra Vinh has 9 districts. President Ho Chi Minh taught us.", "en")
    assert [m.name for m in found] == ["Tra Vinh"]
    assert found[0].province == "Trà Vinh"


def test_unit_in_hint_province_takes_the_hint():
    # Thạnh Mỹ was in legacy Quảng Nam, which merged into Đà Nẵng in 2025.
    found = find_places("Tại xã Thạnh Mỹ, 200 hộ dân hiến đất.", "vi", province_hint="Đà Nẵng")
    m = _one(found, "Thạnh Mỹ")
    assert m.province == "Đà Nẵng"
    assert m.province_2025 == "Đà Nẵng"


def test_find_places_bad_input():
    assert find_places("", "vi") == []
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        find_places("xã Thiên Lộc", "xx")
    with pytest.raises(UnknownPlaceError, match="closest"):
        find_places("xã Thiên Lộc", "vi", province_hint="Ha Tinnh")


# --- nearest_place --------------------------------------------------------------------------


def test_nearest_place_same_or_previous_sentence_else_province():
    text = (
        "Thien Loc commune is a bright spot. It has 1,000 households. "
        "Nobody disputes that. The province has 19,300 models."
    )
    found = find_places(text, "en", province_hint="Hà Tĩnh")
    in_next = nearest_place(found, text.index("1,000"), text, "Hà Tĩnh")
    assert in_next is not None and in_next.name == "Thien Loc"
    far = nearest_place(found, text.index("19,300"), text, "Hà Tĩnh")
    assert far is not None
    assert (far.admin_level, far.province, far.start) == ("province", "Hà Tĩnh", -1)
    assert nearest_place(found, text.index("19,300"), text) is None


def test_nearest_place_picks_the_closest_preceding():
    text = "Can Loc district and Thien Loc commune built 70 roads."
    found = find_places(text, "en", province_hint="Hà Tĩnh")
    assert nearest_place(found, text.index("70"), text).name == "Thien Loc"
    assert nearest_place(found, 0, text) is None  # nothing before the start


def test_main_place_is_the_most_mentioned_unit():
    text = (
        "Ha Tinh province praised Thien Loc commune. Can Loc district helped. "
        "Xã Thiên Lộc built roads; Thien Loc commune also dredged canals."
    )
    found = find_places(text, "en", province_hint="Hà Tĩnh")
    found += find_places(text, "vi", province_hint="Hà Tĩnh")
    main = places.main_place(found, "Hà Tĩnh")
    assert main is not None and slugify(main.name) == "thien-loc"
    assert places.main_place([], "Hà Tĩnh").start == -1
    assert places.main_place([]) is None


def test_nearest_place_default_comes_before_province():
    text = "Thien Loc commune built roads. A. B. The commune has 500 households."
    found = find_places(text, "en", province_hint="Hà Tĩnh")
    main = places.main_place(found)
    got = nearest_place(found, text.index("500"), text, "Hà Tĩnh", default=main)
    assert got is main
    assert nearest_place(found, text.index("500"), text, "Hà Tĩnh").admin_level == "province"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lexicon_has_level_words(lang):
    rules = places._rules(lang)
    assert rules.before is not None or rules.after is not None
    assert set(rules.levels.values()) <= set(ADMIN_LEVELS)


def test_lexicon_with_unknown_level_is_reported(monkeypatch):
    places._rules.cache_clear()
    monkeypatch.setattr(places, "_lexicon_places", lambda lang: {"before": {"county": ["megye"]}})
    try:
        with pytest.raises(ValueError, match="unknown level 'county'.*valid: province"):
            places._rules("hu")
    finally:
        places._rules.cache_clear()


def test_official_name_after_a_unit_is_cut_off():
    text = "Chủ tịch UBND xã Thiên Lộc Nguyễn Văn An cho biết, xã có 1.000 hộ hiến đất."
    found = find_places(text, "vi", province_hint="Hà Tĩnh")
    assert _one(found, "Thiên Lộc").text == "xã Thiên Lộc"
    text = "Bí thư Đảng ủy xã Tân Lập Trần Văn Bình cho biết."  # cut even when unresolved
    assert [m.name for m in find_places(text, "vi")] == ["Tân Lập"]


def test_chinese_text_with_vietnamese_names():
    text = "河静省干禄县天禄乡（xã Thiên Lộc）的Thien Loc乡动员了1000户。"
    found = find_places(text, "zh", province_hint="Hà Tĩnh")
    assert [m.admin_level for m in found[:3]] == ["province", "district", "commune"]
    assert _one(found, "Thiên Lộc").legacy_code == "18415"
    assert _one(found, "Thien Loc").text == "Thien Loc乡"


def test_russian_spellings_resolve_fuzzily_inside_the_hint():
    ru = find_places("В уезде Чодон и общине Куангтхинь ...", "ru", province_hint="Bắc Kạn")
    vi = find_places("huyện Chợ Đồn", "vi", province_hint="Bắc Kạn")
    assert _one(ru, "Чодон").legacy_code == vi[0].legacy_code is not None
    assert _one(ru, "Куангтхинь").legacy_code is None  # a Quảng Ninh commune, not in Bắc Kạn
    ru = find_places("община Куангтхинь", "ru", province_hint="Quảng Ninh")
    vi = find_places("xã Quảng Thịnh", "vi", province_hint="Quảng Ninh")
    assert ru[0].legacy_code == vi[0].legacy_code is not None
    assert find_places("община Куангтхинь", "ru")[0].legacy_code is None  # no hint: no guess


def test_province_coordinates_place_every_province_inside_vietnam():
    from dvk_analysis.gazetteer import province_coordinates

    for geography, n in (("legacy", 63), ("2025", 34)):
        points = province_coordinates(geography)
        assert len(points) == n
        assert all(102 <= lon <= 110 and 8 <= lat <= 24 for lon, lat in points.values())
    lon, lat = province_coordinates("legacy")["Hà Tĩnh"]
    assert abs(lon - 105.9) < 0.5 and abs(lat - 18.3) < 0.5
    with pytest.raises(ValueError, match="unknown geography 'old'"):
        province_coordinates("old")


def test_a_province_name_inside_a_longer_name_is_no_province():
    text = "Xã Mường Phăng, tỉnh Điện Biên, nơi đặt Sở Chỉ huy Chiến dịch Điện Biên Phủ năm 1954."
    found = find_places(text, "vi")
    assert [m.start for m in found if m.admin_level == "province"] == [text.index("tỉnh")]


def test_chinese_one_syllable_villages():
    text = "在腊村，46户居民献出900平方米土地。内村有12户献出740平方米土地；该村道路已修好。"
    found = [(m.text, m.admin_level) for m in find_places(text, "zh")]
    assert found == [("腊村", "village"), ("内村", "village")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("北江省协和县老年人协会", "协和县"),
        ("在和平县", "和平县"),
        ("周城县12个乡中", "周城县"),
        # 会 (meeting) and 建 (build) are also the syllables Hội and Kiến
        ("新会乡党委书记介绍", "新会乡"),
        ("使德建乡达到新农村标准", "德建乡"),
    ],
)
def test_han_final_syllable_that_is_also_a_stop_character(text, name):
    # 和 is "and" (a stop character) but also the syllable Hòa; as a name's last syllable it
    # stays in the name (so do 城, 建, 会)
    assert name in [p.text for p in find_places(text, "zh")]


def test_han_and_between_two_levels_is_no_name():
    assert find_places("乡和县的干部", "zh") == []


def test_han_small_towns_are_no_unit():
    # 城 may end a name (周城县) but "中小城镇" are small towns in general
    assert find_places("发展中小城镇", "zh") == []


def test_a_unit_named_without_its_level_word_is_found_in_the_gazetteer():
    from dvk_analysis.text.places import bare_unit

    assert bare_unit("VND auf, Quang Trach ", "Quảng Bình", "district") == (
        "Quang Trach",
        "district",
        "Quảng Bình",
    )
    # a name the province has no unit of, and a person's name, are no place
    assert bare_unit("VND, Nguyen Van ", "Quảng Bình", "district") is None
    assert bare_unit("VND, Quang Trach ", "", "district") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("KINH MON – A Kinh Mon járási gazdaszövetség tagjai", "hu", ["Kinh Mon járási"]),
        ("So far, Lung Than commune has had 288 households", "en", ["Lung Than commune"]),
        (
            "Im Bergkreis Huong Hoa in der Provinz Quang Tri",
            "de",
            ["Bergkreis Huong Hoa", "Provinz Quang Tri"],
        ),
    ],
)
def test_a_name_stops_at_an_article_or_a_dateline_dash_but_keeps_its_own_words(
    text, lang, expected
):
    assert [p.text for p in find_places(text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "level"),
    [
        ("ru", "Все 382 общины города Ханоя признаны.", "province"),  # centrally run
        ("vi", "Thành phố Hà Nội có 382 xã.", "province"),
        ("zh", "河内市有382个乡。", "province"),
        ("vi", "Thành phố Bắc Ninh có 12 xã.", "city"),  # a provincial city
        ("ar", "استقبلت مدينة كان ثو 2616 عريضة.", "province"),  # an Arabic alias
    ],
)
def test_a_centrally_run_city_is_a_unit_of_province_level(lang, text, level):
    (mention,) = find_places(text, lang)
    assert mention.admin_level == level


def test_an_article_before_a_level_word_is_no_name():
    # "La ville a mobilisé ...": "the city", not a city called "La"
    assert [p.text for p in find_places("La ville a mobilisé 143 milliards.", "fr")] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("新会乡是新州县的一个偏远乡。", ["新会", "新州"]),  # "a remote commune" is no name
        ("新中乡即将迎来新农村达标乡的挂牌。", ["新中"]),  # Tân Trung; "达标乡" describes it
        ("太原省各级单位迎接省级检查，开展村级活动。", ["太原"]),  # verbs before 省 / 村
        ("槟椥省动员建成19座村文化室。", ["槟椥"]),  # a classifier: "19 village halls"
        ("槟椥省拓宽了4条村道，总长5.3公里。", ["槟椥"]),  # 村道 is a village road
    ],
)
def test_a_describing_word_before_a_han_level_character_is_no_name(text, names):
    assert [p.name for p in find_places(text, "zh")] == names


@pytest.mark.parametrize("word", ["قضاء", "مديرية"])
def test_arabic_district_words(word):
    # "سكان بلدية نغي فان في قضاء نغي لوك": the district of an address, so the commune holds
    found = find_places(f"تطوّع سكان بلدية نغي فان في {word} نغي لوك بمقاطعة نغي آن", "ar")
    assert _one(found, "نغي لوك").admin_level == "district"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Dans le district de Dak R'lap, les habitants ont donné du terrain.", "Dak R'lap"),
        ("en", "In H'Loi hamlet, residents gave land.", "H'Loi"),
        # onsets and finals of minority-language names: "Cư Jút", "Đắk Mil", "Ia Grai"
        ("en", "Cu Jut district stands out.", "Cu Jut"),
        ("en", "Dak Mil district has six communes.", "Dak Mil"),
        ("de", "Im Bezirk Ia Grai gaben die Bewohner Land.", "Ia Grai"),
        ("nl", "In het district Dak Glong zijn er zeven gemeenten.", "Dak Glong"),
    ],
)
def test_central_highlands_names(lang, text, name):
    assert [p.name for p in find_places(text, lang)] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("组织动员省内群众参加。", []),  # "mobilise (the) province's people": no province
        ("庆和省委召开大会。", ["Khánh Hòa"]),  # a known province name before 省
    ],
)
def test_a_han_province_is_one_of_the_known_provinces(text, names):
    assert [p.province for p in find_places(text, "zh") if p.admin_level == "province"] == names


def test_an_arabic_new_rural_commune_is_no_commune_named_new_rural():
    from dvk_analysis.text.extract import extract_text

    text = (
        "أصبحت ثانه تشان بلدية ريف جديد. "
        "ومن هنا أقنعت البلدية الأهالي بالتبرع بـ٣٨٠٠٠ متر مربع من الأراضي."
    )
    places = [c.place for c in extract_text(text, article_id="a", lang="ar")]
    assert places and not any("ريف" in p for p in places)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a syllable that is also a word of the language: the gazetteer knows the place
        ("en", "Than Uyen district has 10 communes.", "Than Uyen"),
        ("en", "Than Thuoc commune held 20 sessions.", "Than Thuoc"),
        ("hu", "A Ha Quang járásban 300 háztartás adott földet.", "Ha Quang"),
        # the word itself still goes: no place is called "The Tan Lap" or "A Kinh Mon"
        ("en", "In The Tan Lap commune 20 villages.", "Tan Lap"),
        ("hu", "KINH MON – A Kinh Mon járás vezetői szerint", "Kinh Mon"),
    ],
)
def test_a_stopword_that_begins_a_known_place_is_kept(lang, text, name):
    assert [p.name for p in find_places(text, lang)] == [name]


@pytest.mark.parametrize(
    ("name", "level", "known"),
    [
        ("Ha Tinh", "province", True),
        ("Than Uyen", "district", True),
        ("The Tan Lap", "commune", False),
        ("Ha Tinh", "village", False),  # villages are not in the reference tables
    ],
)
def test_known_name_asks_the_reference_tables(name, level, known):
    assert known_name(name, level) is known


@pytest.mark.parametrize(
    ("lang", "text", "name", "level"),
    [
        ("es", "El distrito montañoso de Thanh Son tiene 23 comunas.", "Thanh Son", "district"),
        ("fr", "La commune frontalière de Ia Dom compte trois villages.", "Ia Dom", "commune"),
        ("nl", "Het district van Kim Son telt 187.000 inwoners.", "Kim Son", "district"),
    ],
)
def test_one_adjective_may_stand_between_the_level_word_and_its_linker(lang, text, name, level):
    mention = _one(find_places(text, lang), name)
    assert mention.admin_level == level


def test_an_arabic_province_name_resolves_through_the_alias_table():
    found = find_places("وفي مقاطعة داك لاك استوفت 43 بلدية المعايير.", "ar")
    assert _one(found, "داك لاك").province == "Đắk Lắk"


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Hai xã. Ba xã", [0, 7]),
        ("全县15个乡均已达标。满意率达99%。", [0, 11, 19]),  # no space after "。"
    ],
)
def test_sentences_start_after_a_stop_or_a_line_break(text, starts):
    assert sentence_starts(text) == starts
