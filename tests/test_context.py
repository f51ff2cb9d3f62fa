"""Where and when a claim holds: the period rules of ArticleContext."""

from __future__ import annotations

import pytest

from dvk_analysis.text.context import ArticleContext
from dvk_analysis.text.extract import extract_text


def _period(text: str, needle: str, lang: str = "en", published: str = "2025-08-18"):
    context = ArticleContext.build(text, lang, published, "Phú Thọ")
    return context.period_at(text.index(needle))


def test_a_period_after_the_number_in_its_sentence_counts():
    text = "In 2019 the plan began. The city recognised 42 collectives as models for 2022."
    assert _period(text, "42") == ("2022", "2022")


def test_a_period_before_the_number_in_its_sentence_wins_over_one_after():
    text = "In 2021 the district built 60 models, up from 2019."
    assert _period(text, "60") == ("2021", "2021")


def test_an_earlier_sentence_still_governs_when_the_sentence_names_none():
    text = "In 2023, the village changed. Then 46 households gave land."
    assert _period(text, "46") == ("2023", "2023")


def test_without_any_period_the_figure_holds_at_publication():
    assert _period("The village has 46 households.", "46") == ("", "2025-08-18")


def test_so_far_has_an_open_start_and_ends_at_publication():
    text = "In 2020 the campaign began. The whole province so far has 84 communes."
    assert _period(text, "84") == ("", "2025-08-18")


def test_a_day_governs_its_own_sentence_only():
    # "On Sunday 27 November" dates the work of that sentence; the next sentence's figures
    # are not that day's (a meeting's date is no period of the totals it reports)
    text = (
        "In 2022 the youth union mobilised members. On Sunday 27 November they repaired "
        "350 metres of road. The union has 45 branches."
    )
    assert _period(text, "350", published="2022-11-30") == ("2022-11-27", "2022-11-27")
    assert _period(text, "45", published="2022-11-30") == ("2022", "2022")


def test_history_is_not_carried_to_later_sentences():
    text = "In 1954 the village had 30 houses. Later 80 households gave land."
    assert _period(text, "30") == ("1954", "1954")
    assert _period(text, "80") == ("", "2025-08-18")
    # a year four years before publication is background too
    text = "In 2015 the first commune met the standard. Then 275 households gave land."
    assert _period(text, "275", published="2019-04-19") == ("", "2019-04-19")
    # the year before carries on
    text = "In 2018 the commune built roads. Then 275 households gave land."
    assert _period(text, "275", published="2019-04-19") == ("2018", "2018")


def test_a_caption_dates_its_photo_not_the_next_paragraphs():
    text = "Photo: the road opened at the beginning of 2022.\nThen 46 households gave land."
    assert _period(text, "46", published="") == ("", "")


@pytest.mark.parametrize(
    "caption",
    [
        "Bildunterschrift:",
        "Onderschrift:",
        "Képaláírás:",
        "图：",
        "Légende :",
        "Légende photo :",
        "Photo caption:",
        "图片说明：",
        "Подпись к фото:",
    ],
)
def test_caption_words_of_every_language_mark_a_caption(caption):
    text = f"{caption} 2021\nThen 46 households gave land."
    assert _period(text, "46") == ("", "2025-08-18")


def test_currently_dates_its_own_sentence_up_to_publication_but_is_not_carried():
    text = "In 2023 the road was built. It is currently 4 m wide. Then 46 households gave land."
    assert _period(text, "4 m") == ("", "2025-08-18")
    assert _period(text, "46") == ("2023", "2023")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("hu", "Jelenleg Van Thang 14 kritériumot teljesít."),
        ("vi", "Hiện nay, toàn huyện có 120 mô hình."),
        ("zh", "目前全省有120个模式。"),
        # "today", "now", "already now": the state at publication, not the last year named
        ("hu", "2015-ben kezdték. Mára a járásban 120 modell működik."),
        ("nl", "Het begon in 2015. Met deze erkenning telt de provincie nu 14 districten."),
        ("es", "Empezó en 2015. Hoy, 14 de sus 22 comunas cumplen la norma."),
        ("de", "Es begann 2015. Heute sind 120 Modelle anerkannt."),
    ],
)
def test_now_words_of_every_language(lang, text):
    number = next(tok for tok in ("14", "120") if tok in text)
    assert _period(text, number, lang=lang, published="2016-05-08") == ("", "2016-05-08")


def test_a_now_word_inside_a_longer_word_is_none():
    # "jelenlegi állapotát" (its current state) is an adjective, no period of its own
    text = "2025-ben a kerület felmérte a jelenlegi állapotát, és 200 méter utat épített."
    assert _period(text, "200", lang="hu") == ("2025", "2025")


def test_a_dateline_date_ends_an_open_period():
    # the report's date: its sentence's figures are totals up to it, not that day's work
    text = "HUNG YEN, 9 de julio de 2019 – Según un informe, 141 comunas cumplen la norma."
    assert _period(text, "141", lang="es", published="2019-07-09") == ("", "2019-07-09")


EN_DATELINE = "DIEN BIEN PHU, April 11, 2024 — The province recognised 3 more communes."
RU_DATELINE = "ДАЛАТ, 21 января 2022 г. — В провинции стандарту отвечают уже 68 общин."
AR_DATELINE = "كون توم، 30 ديسمبر/كانون الأول 2023 – يبلغ عدد سكان المقاطعة 590000 نسمة."


@pytest.mark.parametrize(
    ("lang", "text", "needle", "published"),
    [
        ("en", EN_DATELINE, "3", "2024-04-11"),
        ("ru", RU_DATELINE, "68", "2022-01-21"),
        ("zh", "顺化讯（2020年7月7日）——广田县10个乡全部达到新农村标准。", "10", "2020-07-07"),
        ("ar", AR_DATELINE, "590000", "2023-12-30"),
    ],
)
def test_datelines_in_every_style_end_an_open_period(lang, text, needle, published):
    # "Month D, YYYY", a year word, a bracket, a Levantine month name: still the report's date
    assert _period(text, needle, lang=lang, published=published) == ("", published)


def test_a_date_in_the_body_is_that_day():
    text = "Der Bericht kam spät. Am 9. Juli 2019 gaben 14 Haushalte Land ab."
    assert _period(text, "14", lang="de", published="2019-08-01") == ("2019-07-09", "2019-07-09")


def test_a_former_unit_speaks_for_its_own_sentence_after_a_merger():
    text = (
        "Depuis la fusion de juillet 2025, qui a réuni Khanh Hoa et l'ancienne province de "
        "Ninh Thuan, le congrès se tient à Nha Trang. Au total, 64 collectifs ont été honorés. "
        "L'ancienne province de Ninh Thuan compte 12 collectifs honorés."
    )
    context = ArticleContext.build(text, "fr", "2025-10-15", "Khánh Hòa")
    assert context.place_at(text.index("64"))[0] == "Khanh Hoa"
    assert "Ninh Thuan" in context.place_at(text.index("12"))[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Provinz Vinh Phuc nördlich von Hanoi hat 20.600 Milliarden Dong investiert."),
        ("en", "Vinh Phuc province, north of Hanoi, has invested VND 20,600 billion."),
    ],
)
def test_a_landmark_is_no_place_of_the_figures(lang, text):
    context = ArticleContext.build(text, lang, "2024-01-01", "Vĩnh Phúc")
    assert "Vinh Phuc" in context.place_at(text.index("20"))[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The city of Viet Tri, capital of the northern province of Phu Tho, has 128 models.",
        ),
        ("nl", "De stad Viet Tri, de hoofdstad van de provincie Phu Tho, telt 128 modellen."),
    ],
)
def test_the_province_a_city_is_the_capital_of_is_no_place_of_the_figures(lang, text):
    context = ArticleContext.build(text, lang, "2024-01-01", "Phú Thọ")
    assert "Viet Tri" in context.place_at(text.index("128"))[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Los habitantes del distrito de Cu M'gar aportaron dinero, informa el periódico "
            "Dak Lak. Construyeron 7,5 km de caminos.",
        ),
        ("vi", "Người dân huyện Cư M'gar đã đóng góp, theo Báo Đắk Lắk. Họ làm 7,5 km đường."),
        (
            "en",
            "Cu M'gar district residents gave land, the Dak Lak newspaper said. They built 7,5 km.",
        ),
    ],
)
def test_a_news_outlet_is_no_place_of_the_figures(lang, text):
    context = ArticleContext.build(text, lang, "2018-07-14", "Đắk Lắk")
    assert "M'gar" in context.place_at(text.index("7,5"))[0]


def test_places_joined_by_a_dash_name_a_route_not_a_place_of_the_figures():
    text = (
        "The city of Vinh Yen cleared land for the Hanoi - Lao Cai railway parallel road. "
        "In all, 331 households were relocated."
    )
    context = ArticleContext.build(text, "en", "2018-06-22", "Vĩnh Phúc")
    assert "Vinh Yen" in context.place_at(text.index("331"))[0]


def test_a_sentence_listing_units_is_not_carried_to_the_next():
    text = (
        "Ho Chi Minh City has reviewed its pilot. It added five communes: Thai My (Cu Chi), "
        "Xuan Thoi Thuong (Hoc Mon), Tan Nhut (Binh Chanh) and Ly Nhon (Can Gio). "
        "Spending on the programme reached VND 6,900 billion."
    )
    context = ArticleContext.build(text, "en", "2013-01-31", "Hồ Chí Minh")
    assert context.place_at(text.index("6,900"))[0] == "Ho Chi Minh City"
    assert context.place_at(text.index("Xuan"))[0] != "Ho Chi Minh City"  # inside the list


@pytest.mark.parametrize(
    ("lang", "text", "needle", "place"),
    [
        (
            "zh",
            "兴安省表彰了多个村。"
            "位于原太平省地区的北东关（Bac Dong Quan）乡东安（Dong An）村共有187户。"
            "村民积极出工出资，其中48户家庭为拓宽道路捐献了土地。",
            "48户",
            "东安（Dong An）村",
        ),
        (
            "hu",
            "Hung Yen tartomány több falut díjazott. "
            "Thai Binh tartomány Bac Dong Quan községének Dong An falujában 187 háztartás él. "
            "A lakók közül 48 háztartás adott földet az útra.",
            "48 ",
            "Dong An falujában",
        ),
    ],
)
def test_an_address_from_the_widest_unit_down_carries_its_last_unit(lang, text, needle, place):
    context = ArticleContext.build(text, lang, "2025-08-18", "Hưng Yên")
    assert context.place_at(text.index(needle))[0] == place


def test_a_stock_dated_by_the_publication_year_holds_as_of_publication():
    text = (
        "In 2018 the commune has met 19/19 criteria. In 2018 residents contributed 2 billion dong."
    )
    claims = extract_text(text, article_id="t", lang="en", published="2018-01-09")
    periods = {c.indicator: (c.period_start, c.period_end) for c in claims}
    assert periods == {
        "ntm_criteria_met": ("", "2018-01-09"),  # what the commune has when the article appears
        "funds_mobilized": ("2018", "2018"),  # what happened in the year
    }


def test_a_plans_target_year_dates_no_later_sentence():
    text = (
        "The province aims to have half of its villages meet the standard by 2025. "
        "It has 35 communes meeting the standard."
    )
    assert _period(text, "35", published="2024-03-01") == ("", "2024-03-01")
    text = "In 2023 the province built roads. It has 35 communes meeting the standard."
    assert _period(text, "35", published="2024-03-01") == ("2023", "2023")


def test_a_stock_takes_no_year_from_an_earlier_paragraph():
    text = (
        "In 2019 residents of the district gave 3 billion dong.\n\n"
        "The district has 17 communes meeting the new rural standard, and residents gave "
        "2 billion dong more.\n\n"
        "In 2020 the district had 12 communes meeting the new rural standard."
    )
    claims = extract_text(text, article_id="t", lang="en", published="")
    periods = {(c.indicator, c.value): (c.period_start, c.period_end) for c in claims}
    assert periods[("communes_meeting_ntm", 17)] == ("", "")  # a stock at an unknown date
    assert periods[("funds_mobilized", 2_000_000_000)] == ("2019", "2019")  # a flow is carried
    assert periods[("communes_meeting_ntm", 12)] == ("2020", "2020")  # its own paragraph's year
    dated = extract_text(text, article_id="t", lang="en", published="2021-05-01")
    assert {(c.indicator, c.value): (c.period_start, c.period_end) for c in dated}[
        ("communes_meeting_ntm", 17)
    ] == ("", "2021-05-01")  # a dated article's stock holds as of publication


@pytest.mark.parametrize(
    "text",
    [
        "In the 2021-2025 period, the district has 12 communes meeting the new rural standard.",
        "In the 2021-2025 period, residents of the district contributed 12 billion dong.",
    ],
)
def test_a_claim_dated_by_a_range_still_running_holds_as_of_publication(text):
    claims = extract_text(text, article_id="t", lang="en", published="2024-03-12")
    assert [(c.period_start, c.period_end) for c in claims] == [("", "2024-03-12")]
    finished = extract_text(text, article_id="t", lang="en", published="2026-01-05")
    assert [(c.period_start, c.period_end) for c in finished] == [("2021", "2025")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Trước khi sáp nhập, ba tỉnh cũ đã có 230/259 xã đạt chuẩn nông thôn mới."),
        (
            "en",
            "Before the merger, the three former provinces had 230 of 259 communes meeting "
            "the standard.",
        ),
    ],
)
def test_before_the_2025_merger_dates_a_figure_to_june_2025(lang, text):
    from dvk_analysis.text.extract import extract_text

    after = extract_text(text, article_id="a", lang=lang, published="2025-12-13")
    assert (after[0].period_start, after[0].period_end) == ("", "2025-06")
    before = extract_text(text, article_id="a", lang=lang, published="2019-12-13")
    assert before[0].period_end == "2019-12-13"  # another, earlier merger


def _commune_counts(text: str, lang: str, province: str) -> list[tuple[str, str]]:
    claims = extract_text(text, article_id="a", lang=lang, province=province)
    return [(c.place, c.admin_level) for c in claims if c.indicator == "communes_meeting_ntm"]


def test_a_count_of_communes_is_never_a_communes():
    # the commune recognised is the newcomer; the count is its district's
    text = (
        "Op 3 mei werd de gemeente Vinh Cong erkend. Daarmee hebben 10 van de 12 gemeenten "
        "in het district de NTM-norm gehaald."
    )
    places = _commune_counts(text, "nl", "Long An")
    assert places and all(level not in ("commune", "village") for _, level in places)


def test_a_bare_district_name_before_a_count_of_communes_is_the_district():
    text = (
        "De gemeenten Binh Hung (district Binh Chanh) en Trung Chanh (district Hoc Mon) zijn "
        "erkend.\n\nIn totaal hebben 33 gemeenten de NTM-norm gehaald. Per district: Cu Chi 20 "
        "van de 20 gemeenten, Hoc Mon 3 van de 10."
    )
    assert ("Cu Chi", "district") in _commune_counts(text, "nl", "Hồ Chí Minh")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "By 30 June 2023, 6,022 communes had met the new rural standard.",
            ("", "2023-06-30"),
        ),
        ("en", "In June 2023, 6,022 communes had met the new rural standard.", ("", "2023-06")),
        # a year stays a closed period: "in 2023" is how the writers date a year's stock
        ("en", "In 2023, 6,022 communes had met the new rural standard.", ("2023", "2023")),
    ],
)
def test_a_stock_dated_to_a_day_or_month_holds_as_of_that_date(lang, text, expected):
    claims = extract_text(text, article_id="a", lang=lang, published="2024-01-10")
    stock = next(c for c in claims if c.indicator == "communes_meeting_ntm")
    assert (stock.period_start, stock.period_end) == expected


def test_a_place_named_right_after_the_number_governs_it_over_an_earlier_sentences():
    # the sentence names no place before its count, and the province right after it
    text = (
        "In het district Cam My voldoen 5 gemeenten aan de norm. "
        "In totaal voldoen nu 114 van de 116 gemeenten van Dong Nai aan de norm."
    )
    claims = extract_text(text, article_id="a", lang="nl", province="Đồng Nai")
    (total,) = [c for c in claims if c.value == 114]
    assert (total.place, total.admin_level) == ("Dong Nai", "province")


@pytest.mark.parametrize(
    "second",
    [
        # a smaller unit after the number is an example, not the giver
        "Residents gave VND 5 billion with Vinh Thach commune in the lead.",
        # a comma ends the number's phrase: the place after it is another phrase's
        "Residents gave VND 5 billion, the province of Quang Tri said.",
    ],
)
def test_a_later_smaller_place_or_one_in_another_phrase_leaves_the_carried_one(second):
    text = "In Quang Tri province, Vinh Linh district leads. " + second
    claims = extract_text(text, article_id="a", lang="en", province="Quảng Trị")
    (money,) = [c for c in claims if c.value == 5_000_000_000]
    assert money.admin_level == "district"
