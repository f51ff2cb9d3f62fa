"""Which unit a sentence reports on: scope words, captions, addresses."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.scope import scope_matches


@pytest.mark.parametrize(
    ("lang", "text", "place", "level"),
    [
        (
            "en",
            "People in Tho Hop commune, Quy Hop district, have donated 1,500 m2 of land.",
            "Tho Hop",
            "commune",
        ),
        (
            "ru",
            "Жители деревни 6 общины Куангтхинь уезда Хайха построили дорогу длиной 400 метров.",
            "6",
            "village",
        ),
        (
            "vi",
            "Người dân thôn Lỗ Xá, xã Nhân Hòa, huyện Quế Võ đã góp khoảng 2 tỷ đồng.",
            "Lỗ Xá",
            "village",
        ),
        ("zh", "河内市巴位县居民已献出20多万平方米土地。", "巴位", "district"),
        (
            "nl",
            "In de gemeente Xuan Giang, in het district Soc Son, gaven 100 huishoudens grond.",
            "Xuan Giang",
            "commune",
        ),
        (
            "ar",
            "سكان قرية فينه لوك التابعة لبلدية كام لوك بمقاطعة ها تينه عبّدوا طريقًا طوله 500 متر.",
            "فينه لوك",
            "village",
        ),
        (
            "de",
            "Im Block 9 der Kleinstadt Dak To (Provinz Kon Tum) gaben zwei Haushalte 1.200 "
            "Quadratmeter Land ab.",
            "Dak To",
            "commune",
        ),
        (
            "es",
            "La comuna de Xuan Dinh, en el distrito de Xuan Loc, ha cumplido 19/19 criterios.",
            "Xuan Dinh",
            "commune",
        ),
        (
            "fr",
            "La commune de Truong Yen, dans le district de Chuong My, a mobilisé 24 milliards "
            "de dongs.",
            "Truong Yen",
            "commune",
        ),
        (
            # an unrecognised unit between the two ("in der Kleinstadt (Thi xa) Cai Lay,")
            "de",
            "Die Gemeinde Tan Phu in der Kleinstadt (Thi xa) Cai Lay, Provinz Tien Giang, "
            "steht vor dem Titel. Insgesamt flossen 254,7 Milliarden Dong in den Aufbau.",
            "Tan Phu",
            "commune",
        ),
        (
            # an apposition between the two: "a mountainous district of"
            "en",
            "By 2009, people in A Luoi, a mountainous district of Thua Thien Hue province, had "
            "given more than 200 hectares of land.",
            "A Luoi",
            "district",
        ),
        (
            "es",
            "Kon Plong, un distrito montañoso de la provincia de Kon Tum, tiene 27.000 habitantes.",
            "Kon Plong",
            "district",
        ),
    ],
)
def test_an_address_reports_on_its_smallest_unit(lang, text, place, level):
    claims = extract_text(text, article_id="t", lang=lang, province="Nghệ An")
    assert claims, text
    assert all(place in c.place and c.admin_level == level for c in claims), claims


def test_siblings_are_no_address():
    text = "Xã Thạch Kim, xã Thạch Lạc đã hiến 500 m2 đất."
    (claim,) = extract_text(text, article_id="t", lang="vi", province="Hà Tĩnh")
    assert "Thạch Lạc" in claim.place  # same level: the last named, as before


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "The whole province has 84 communes meeting the new-rural standard. Broken down, "
            "the former province of Phu Tho has 32 communes.",
            "the former province of Phu Tho",
        ),
        (
            "vi",
            "Toàn tỉnh có 84 xã đạt chuẩn nông thôn mới. Tỉnh Phú Thọ cũ có 32 xã.",
            "Tỉnh Phú Thọ cũ",
        ),
        (
            "hu",
            "Az egész tartományban 84 község felel meg az új vidéki szabványnak. Az egykori Phu "
            "Tho tartománynak 32 ilyen községe van.",
            "egykori Phu Tho tartománynak",
        ),
        (
            "ar",
            "يوجد في المقاطعة بأكملها ٨٤ بلدية تستوفي معيار الريف الجديد. تضم مقاطعة فو تو "
            "السابقة ٣٢ بلدية.",
            "مقاطعة فو تو السابقة",
        ),
    ],
)
def test_a_former_province_keeps_its_former_word_and_its_breakdown(lang, text, place):
    claims = extract_text(text, article_id="t", lang=lang, province="Phú Thọ")
    assert [(c.indicator, c.value) for c in claims] == [
        ("communes_meeting_ntm", 84),
        ("communes_meeting_ntm", 32),
    ]
    assert place in claims[1].place
    assert claims[0].admin_level == "province" and "Phu Tho" not in claims[0].place


def test_a_part_larger_than_the_total_is_no_breakdown():
    text = "Toàn tỉnh có 84 xã đạt chuẩn nông thôn mới. Tỉnh Phú Thọ cũ có 132 xã."
    claims = extract_text(text, article_id="t", lang="vi", province="Phú Thọ")
    assert [c.value for c in claims] == [84]


def test_enumeration_items_take_their_own_place():
    text = (
        "The whole province has 525 residential areas meeting the model new-rural standard, "
        "of which 219 are in the former Phu Tho, 231 in the former Vinh Phuc."
    )
    claims = extract_text(text, article_id="t", lang="en", province="Phú Thọ")
    assert [(c.value, c.place) for c in claims] == [
        (525, "The whole province"),
        (219, "the former Phu Tho"),
        (231, "the former Vinh Phuc"),
    ]


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("toàn tỉnh", "province"),
        ("the whole province", "province"),
        ("az egész kerület", "district"),
        ("المنطقة بأكملها", "district"),
        ("المقاطعة بأكملها", "province"),
        ("cả nước", "national"),
        ("nationwide", "national"),
        ("tout le pays", "national"),
        ("全国", "national"),
        ("по всей стране", "national"),
        ("à l'échelle de la ville", "province"),
        ("ganzen Provinz", "province"),
        ("a escala distrital", "district"),
        ("全郡", "district"),
        ("in heel Vietnam", "national"),
        ("Phu Tho", None),
    ],
)
def test_scope_level(phrase, level):
    from dvk_analysis.text.scope import scope_level

    assert scope_level(phrase) == level


SCOPE_SENTENCES = [
    "Toàn tỉnh có 120 mô hình; cả huyện có 40, khắp tỉnh đều làm, toàn xã có 3.",
    "The whole province has 120 models; the entire district 40; province-wide and across the "
    "province; district-wide; the whole commune.",
    "Toute la province, l'ensemble du district, tout le district, l’ensemble de la commune.",
    "Toda la provincia, todo el distrito, toda la comuna.",
    "Die ganze Provinz, provinzweit, der gesamte Bezirk, die gesamte Gemeinde.",
    "De hele provincie, het hele district, de hele gemeente.",
    "Провинция в целом, по всей провинции, весь район, по всему району, вся община.",
    "Az egész tartományban, az egész megyében, az egész járásban, az egész kerületben, az egész "
    "községben.",
    "في المقاطعة بأكملها وفي المنطقة بأكملها وكل المحافظة وجميع أنحاء المنطقة والبلدية بأكملها",
    "全省有120个模式，全县40个，全区，全乡，全镇。",
    "Cả nước, toàn quốc, nationwide, across the whole country, tout le pays, todo el país, "
    "landesweit, het hele land, по всей стране, országosan, على مستوى البلاد, 全国.",
]


@pytest.mark.parametrize("text", SCOPE_SENTENCES)
def test_scope_matches_finds_what_the_full_scan_finds(text):
    from dvk_analysis.text.scope import _SCOPE, scope_matches

    full = [(m.start(), m.end(), m.lastgroup) for m in _SCOPE.finditer(text)]
    assert len(full) >= 3
    assert scope_matches(text) == full


@pytest.mark.parametrize(
    ("lang", "text", "place", "level"),
    [
        (
            "de",
            "Der Bezirk Hoa An in der Provinz Cao Bang gilt als Beispiel. Der Bezirk "
            "organisierte 95 Versammlungen.",
            "Hoa An",
            "district",
        ),
        (
            "es",
            "El distrito de Hoa An, en la provincia de Cao Bang, es un ejemplo. El distrito "
            "organizó 95 reuniones.",
            "Hoa An",
            "district",
        ),
        (
            "en",
            "Hoa An district of Cao Bang province is an example. The district held 95 "
            "propaganda meetings.",
            "Hoa An",
            "district",
        ),
        (
            "de",
            "Der Kreis Hoa An in der Provinz Cao Bang gilt als Beispiel. Im Kreis gibt es 95 "
            "Modelle der Bewegung.",
            "Hoa An",
            "district",
        ),
        (
            "ru",
            "Уезд Хоаан провинции Каобанг подвёл итоги. На уездном уровне зарегистрирована "
            "41 модель.",
            "Хоаан",
            "district",
        ),
        (
            "hu",
            "Hoa An járás Dan Chu községe példát mutat. A járásban 95 propagandaülést tartottak.",
            "Hoa An",
            "district",
        ),
        (
            "ar",
            "بلدية دان تشو في مديرية هوا آن نموذج يحتذى. وعقدت المديرية 95 جلسة دعائية.",
            "هوا آن",
            "district",
        ),
    ],
)
def test_the_district_named_before_is_the_one_the_sentence_reports_on(lang, text, place, level):
    claims = extract_text(text, article_id="t", lang=lang, province="Cao Bằng")
    assert claims, text
    assert all(place in c.place and c.admin_level == level for c in claims), claims


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Hoa An schlägt Vorbilder vor\n\nDie Kommission der Provinz Cao Bang hat getagt.\n\n"
            "Im Kreis gibt es inzwischen 478 Modelle der Bewegung.",
        ),
        (
            "nl",
            "Hoa An: duizenden bewoners bij voorlichting\n\nDe raad van de provincie Cao Bang "
            "vergaderde.\n\nHet stadsdeel organiseerde 30 voorlichtingsbijeenkomsten over de wet.",
        ),
    ],
)
def test_the_district_of_the_headline_is_the_one_the_body_calls_the_district(lang, text):
    # The body names only the province; "im Kreis" / "het stadsdeel" is the district the
    # headline names without a level word (the gazetteer knows Hoa An in Cao Bang)
    claims = extract_text(text, article_id="t", lang=lang, province="Cao Bằng")
    assert [(c.place, c.admin_level) for c in claims] == [("Hoa An", "district")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le district a organisé 95 réunions de propagande."),
        ("de", "Im Kreis gibt es inzwischen 478 Modelle der Bewegung."),
        ("ru", "Комитет уезда провёл 95 пропагандистских собраний."),
    ],
)
def test_a_bare_level_word_with_none_named_before_names_nothing(lang, text):
    # every anaphor ("le district", "im Kreis", "уезда") stands for a named unit or for none;
    # it never becomes a place called "im Kreis"
    claims = extract_text(text, article_id="t", lang=lang)
    assert [(c.place, c.admin_level) for c in claims] == [("", "")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "La provincia apoyará al distrito de Ben Cau. Además, la provincia mantiene 61 "
            "comunas con el estándar de nueva ruralidad.",
        ),
        (
            "en",
            "Officials visited Hoa Thanh district. The province has 61 communes meeting the new "
            "rural standard.",
        ),
        (
            "ru",
            "Делегация посетила уезд Бенкау. По итогам года провинция отметила и наградила 35 "
            "коллективов.",
        ),
        ("zh", "代表团访问了边球县。该省已有61个乡达到新农村标准。"),
        # Arabic writes a named unit without the article ("مديرية بن كاو"): "المقاطعة" is the one
        ("ar", "زار الوفد مديرية بن كاو. وفي المقاطعة استوفت 61 بلدية معايير الريف الجديد."),
    ],
)
def test_the_province_as_subject_is_the_article_province(lang, text):
    # "la provincia", "the province", "провинция", "该省" stand for the article's province,
    # not for the district named in the sentence before
    (claim,) = extract_text(text, article_id="t", lang=lang, province="Tây Ninh")
    assert (claim.admin_level, claim.province) == ("province", "Tây Ninh")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Hoa Thanh district stands out in the province for its roads: 1,341 households "
            "have donated land.",
        ),
        (
            "ru",
            "В 2023 году в уезде Хоатхань одноимённой провинции действуют 278 моделей «умелой "
            "массовой мобилизации».",
        ),
        (
            "es",
            "El distrito de Hoa Thanh, en la provincia norteña de Tay Ninh, tiene "
            "más de 130.000 habitantes.",
        ),
        (
            "en",
            "Hoa Thanh district in the Mekong Delta province of Tay Ninh has had 53 models "
            "recognised.",
        ),
    ],
)
def test_the_province_in_a_comparison_or_an_address_leaves_the_unit(lang, text):
    # "in the province" compares the district with the rest; "одноимённой провинции" (of the
    # province of the same name) only locates it: the figure stays the district's
    (claim,) = extract_text(text, article_id="t", lang=lang, province="Tây Ninh")
    assert claim.admin_level == "district"


def test_an_amount_is_no_village_number():
    claims = extract_text(
        "Thai Binh natives sent 12,5 billion. Уроженцы прислали в родные деревни 386,99 млрд "
        "донгов.",
        article_id="t",
        lang="ru",
        province="Thái Bình",
    )
    assert claims and all(c.admin_level != "village" for c in claims), claims


def test_a_sentence_with_a_part_larger_than_the_total_breaks_nothing_down():
    text = (
        "By the end of 2014, 33 communes had been recognised as new rural communes. The rest "
        "were spread out: 63 communes had reached 15-18 criteria, and 32 communes were still "
        "at 3-4 criteria."
    )
    claims = extract_text(text, article_id="t", lang="en")
    assert [(c.indicator, c.value) for c in claims] == [("communes_meeting_ntm", 33)]


def test_a_year_in_the_next_sentence_does_not_stop_a_breakdown():
    text = (
        "The whole province has 84 communes meeting the new rural standard. In 2025 the former "
        "province of Phu Tho has 32 communes."
    )
    claims = extract_text(text, article_id="t", lang="en", province="Phú Thọ")
    assert [(c.indicator, c.value) for c in claims] == [
        ("communes_meeting_ntm", 84),
        ("communes_meeting_ntm", 32),
    ]


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("во всём уезде", "district"),
        ("во всей провинции", "province"),
        ("во всей общине", "commune"),
    ],
)
def test_russian_whole_unit_phrases(phrase, level):
    from dvk_analysis.text.scope import scope_level, scope_matches

    assert scope_level(phrase) == level
    assert [m[2] for m in scope_matches(f"В 2023 году {phrase} действует 201 модель.")] == [level]


@pytest.mark.parametrize(
    "text",
    [
        "TOÀN TỈNH có 120 mô hình; The Whole Province; ACROSS THE PROVINCE.",
        "İ. Toàn tỉnh có 120 mô hình, cả huyện 40.",  # 'İ'.lower() is two characters
    ],
)
def test_scope_anchors_are_found_in_any_case_at_the_original_offsets(text):
    from dvk_analysis.text.scope import _SCOPE, scope_matches

    full = [(m.start(), m.end(), m.lastgroup) for m in _SCOPE.finditer(text)]
    assert len(full) >= 2
    assert scope_matches(text) == full


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nationwide, 296 districts have completed the new-rural programme."),
        ("en", "The data show that 6,320 of the country's 8,162 communes met the standard."),
        ("fr", "Le mouvement a donné naissance à plus de 900 000 modèles dans tout le pays."),
        ("zh", "截至2025年6月，全国已有6084个乡达到新农村标准。"),
        ("vi", "Cả nước có 6.084 xã đạt chuẩn nông thôn mới."),
        ("ru", "Стандартам новой деревни соответствовали 5 343 из 8 267 общин страны."),
        ("hu", "2023. június 30-ig az ország 8 177 községéből 6 022 érte el az új vidéki szintet."),
    ],
)
def test_a_national_figure_never_lands_on_the_article_province(lang, text):
    # the province scope rule would pin these on the manifest's province; the country is
    # named before the number or later in its sentence
    (claim,) = extract_text(text, article_id="a", lang=lang, province="Nghệ An")
    assert (claim.admin_level, claim.province) == ("national", "Việt Nam")


def test_a_province_named_after_a_national_sentence_takes_over():
    text = (
        "Nationwide, 296 districts have completed the programme. "
        "In Nghe An province, 12 districts have."
    )
    claims = extract_text(text, article_id="a", lang="en", province="Nghệ An")
    assert [(c.value, c.admin_level) for c in claims] == [(296, "national"), (12, "province")]


def test_the_country_named_in_passing_frames_its_own_paragraph_only():
    # the Farmers' Day is marked nationwide; the next paragraph is the city union's work
    text = (
        "Bac Giang city farmers marked their day, as farmers do across the country.\n\n"
        "The union dredged 44.5 km of canals."
    )
    (claim,) = extract_text(text, article_id="a", lang="en", province="Bắc Giang")
    assert claim.admin_level != "national"
    # a national report (no province in the manifest) stays national
    (claim,) = extract_text(text, article_id="a", lang="en", province="")
    assert claim.admin_level == "national"


def test_a_dateline_unit_holds_for_the_lead_not_its_bracketed_province():
    text = (
        "Tam Duong: a lakosok sokat adtak\n\nTAM DUONG (Vinh Phuc tartomány) – 2024-ben 500 "
        "háztartás 3 000 négyzetméter földet adott át az utakhoz."
    )
    claims = extract_text(text, article_id="t", lang="hu", province="Vĩnh Phúc")
    assert {(c.place, c.admin_level) for c in claims} == {("TAM DUONG", "district")}


@pytest.mark.parametrize(
    ("lang", "text", "place", "level"),
    [
        (
            "fr",
            "La commune de Nam Khat se trouve dans la province de Yen Bai.\n\n"
            "Début mars 2025, Nam Khat a rempli 19/19 critères.",
            "Nam Khat",
            "commune",
        ),
        (
            "en",
            "Residents of Long Hoa commune met in Can Duoc District.\n\n"
            "Since then Long Hoa has built 10 km of roads.",
            "Long Hoa",
            "commune",
        ),
        (
            # a Russian name declines: "в Чьенгсоме" is the commune Чьенгсом
            "ru",
            "Община Чьенгсом стала первой в одной из 5 провинций страны.\n\n"
            "За последние 5 лет в Чьенгсоме построено 12 км дорог.",
            "Чьенгсом",
            "commune",
        ),
    ],
)
def test_a_unit_named_again_without_its_level_word_is_that_unit(lang, text, place, level):
    claim = extract_text(text, article_id="t", lang=lang, published="2025-04-16")[0]
    assert (claim.place, claim.admin_level) == (place, level)


def test_a_name_two_units_share_is_no_unit_alone():
    from dvk_analysis.text.places import find_places
    from dvk_analysis.text.scope import named_again

    text = "Hai Hau district and Hai Hau commune met. Later Hai Hau built 5 km of roads."
    places = find_places(text, "en")
    assert {p.admin_level for p in places if p.name == "Hai Hau"} == {"district", "commune"}
    assert len(named_again(text, places)) == len(places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Huyện gồm 8 xã và 1 thị trấn.", [(0, 5, "district")]),
        ("Sau 7 năm, huyện đã có 6/8 xã đạt chuẩn.", [(11, 16, "district")]),
        ("Xã có 5 thôn.", [(0, 2, "commune")]),
        # a kind of unit, no anaphora: "an NTM district"
        ("Huyện phấn đấu đạt chuẩn huyện nông thôn mới.", [(0, 5, "district")]),
    ],
)
def test_a_vietnamese_level_word_before_a_verb_is_the_unit_named_before(text, expected):
    assert scope_matches(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "В общине Халинь, в самом сердце паводкового района, 30 семей отдали землю.",
        "Жители жилого района построили дорогу.",
        "Для каждого района выделено 5 млрд донгов.",
    ],
)
def test_a_russian_district_word_after_an_adjective_is_no_anaphor(text):
    # "паводкового района" is a flood area, "жилого района" a residential one, "каждого
    # района" any district: none stands for the district named before
    from dvk_analysis.text.scope import scope_matches

    assert scope_matches(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "уезде" (the district), "община" (the commune) and "деревня" (the village) alone
        # stand for the unit named before; the programme's name ("новой деревни") and a named
        # unit do not
        ("К концу 2022 года община выполнила все 19 критериев.", [(18, 24, "commune")]),
        ("Мы строим дорогу в нашей деревне.", [(25, 32, "village")]),
        ("Всего в уезде забетонировано 70 км дорог.", [(8, 13, "district")]),
        ("Строительство новой деревни идёт в общине Намчунг.", []),
    ],
)
def test_russian_district_commune_and_village_words_alone_are_anaphors(text, expected):
    assert scope_matches(text) == expected


def test_a_russian_commune_anaphor_takes_the_commune_named_before():
    text = (
        "Община Намчунг находится в уезде Тыки провинции Хайзыонг. "
        "К концу 2022 года община выполнила все 19 критериев."
    )
    claims = extract_text(text, article_id="t", lang="ru", province="Hải Dương")
    assert [(c.place, c.admin_level) for c in claims] == [("Община Намчунг", "commune")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Cao Pha village lies in Minh Khuong commune. The village gave 1,500 m2."),
        ("de", "Das Dorf Hoa Mau liegt in der Gemeinde Phong Hoa. Im Dorf gaben die Bewohner "
         "1.500 Quadratmeter Land ab."),
        ("es", "La aldea de Sung 2 está en la comuna de Tan Lac. La aldea cedió 1.500 m2 de "
         "terreno."),
    ],
)  # fmt: skip
def test_the_village_alone_stands_for_the_village_named_before(lang, text):
    claims = extract_text(text, article_id="t", lang=lang, province="Tuyên Quang")
    assert [c.admin_level for c in claims] == ["village"]


@pytest.mark.parametrize(
    ("lang", "text", "province", "expected"),
    [
        # "the city" is the city named before, after a province named later ...
        (
            "en",
            "The city of Viet Tri lies in Phu Tho province. The city has built 128 models.",
            "Phú Thọ",
            ("The city of Viet Tri", "city"),
        ),
        # ... and a centrally-run city, a unit of province level, with no city named before
        (
            "nl",
            "Ho Chi Minhstad telt 58 gemeenten. De stad bouwde 1.500 wegen.",
            "Hồ Chí Minh",
            ("Ho Chi Minhstad", "province"),
        ),
    ],
)
def test_the_city_alone_stands_for_the_city_named_before(lang, text, province, expected):
    claims = extract_text(text, article_id="t", lang=lang, province=province)
    assert [(c.place, c.admin_level) for c in claims][-1] == expected


def test_a_vietnamese_village_or_city_word_before_a_verb_is_the_unit_named_before():
    text = (
        "Thôn Đồng Tâm là thôn khó khăn nhất của xã Thiện Lộc. Thôn đã vận động 50 hộ hiến đất. "
        "Thành phố Hà Tĩnh có 6 xã. Thành phố đã huy động 12 tỷ đồng."
    )
    claims = extract_text(text, article_id="t", lang="vi", province="Hà Tĩnh")
    assert [(c.value, c.admin_level) for c in claims if c.value in (50, 12e9)] == [
        (50, "village"),
        (12e9, "city"),
    ]


@pytest.mark.parametrize("word", ["المنطقة", "المديرية"])
def test_arabic_district_words_alone_are_anaphors(word):
    text = f"نظمت {word} ١٬٠٥٠ جلسة دعائية."
    assert scope_matches(text) == [(5, 5 + len(word), "district")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation of the unit may follow an English level word; a name may not
        ("Of that amount, the commune People's Committee gave 22 million.", [(16, 27, "commune")]),
        ("The district Party Committee met.", [(0, 12, "district")]),
        ("Then the commune Hoa Binh met the standard.", []),
    ],
)
def test_an_organisation_of_the_unit_after_an_english_level_word(text, expected):
    assert scope_matches(text) == expected
