"""Money: the people's contribution against the programme's total from all sources."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.keywords import lexicon
from dvk_analysis.text.money import mobilised_by_unit
from dvk_analysis.text.numbers import find_numbers


def _pairs(text: str, lang: str) -> list[tuple[str, float]]:
    claims = extract_text(text, article_id="t", lang=lang, published="2024-06-15")
    return [(c.indicator, c.value) for c in claims]


def _by_unit(text: str, needle: str, lang: str) -> bool:
    number = next(n for n in find_numbers(text, lang) if text[n.start :].startswith(needle))
    return mobilised_by_unit(text, number, (0, len(text)), lexicon(lang))


@pytest.mark.parametrize(
    ("lang", "text", "total", "people"),
    [
        (
            "en",
            "Total resources mobilised reached VND 500 billion, of which people contributed "
            "VND 120 billion.",
            500e9,
            120e9,
        ),
        (
            "vi",
            "Tổng nguồn lực huy động đạt 500 tỷ đồng, trong đó nhân dân đóng góp 120 tỷ đồng.",
            500e9,
            120e9,
        ),
        (
            "en",
            "The commune spent VND 185 billion on the programme, of which local people "
            "contributed VND 77 billion.",
            185e9,
            77e9,
        ),
        (
            "nl",
            "In totaal bracht de gemeente 566,5 miljard dong bijeen, waarvan 416,5 miljard "
            "dong door de inwoners werd geschonken.",
            566.5e9,
            416.5e9,
        ),
        (
            "fr",
            "Yen Hung a mobilisé plus de 100 milliards de dongs, sur cette somme les habitants "
            "ont apporté 20 milliards de dongs.",
            100e9,
            20e9,
        ),
    ],
)
def test_the_total_before_of_which_is_all_sources_and_the_part_the_peoples(
    lang, text, total, people
):
    # the sum before "of which" holds the state budget: the programme's money from all sources
    assert _pairs(text, lang) == [("ntm_funds_total", total), ("funds_mobilized", people)]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Depuis 2021, la commune a mobilisé près de 194,6 milliards de dongs.", 194.6e9),
        ("en", "From 2012 to 2019 the commune mobilised more than VND 120 billion.", 120e9),
        ("ru", "Провинция к настоящему времени мобилизовала более 2 600 млрд донгов.", 2600e9),
        ("zh", "2010年至2024年，该乡共筹集逾8130亿越南盾用于新农村建设。", 813e9),
        ("vi", "Giai đoạn 2021-2025, xã đã huy động hơn 36,9 tỷ đồng để làm đường.", 36.9e9),
        # the verb after the number (Dutch puts it last)
        ("nl", "Het district heeft in 2019 meer dan 374 miljard dong bijeengebracht.", 374e9),
        # a body named for the people ("People's Committee", "人民委员会") names no giver
        (
            "en",
            "The chairman of the district People's Committee said Cam Lo mobilised VND 3,017 "
            "billion.",
            3017e9,
        ),
        ("zh", "据乡人民委员会介绍，2011年至2020年间，全乡共筹集资金2160亿越南盾。", 216e9),
    ],
)
def test_a_sum_a_unit_mobilised_itself_is_its_total_from_all_sources(lang, text, value):
    # no giver named: the commune's or province's money, state budget included
    assert _pairs(text, lang) == [("ntm_funds_total", value)]


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        ("en", "The commune mobilised residents to contribute VND 3 billion.", "3 billion"),
        ("vi", "Xã đã huy động nhân dân đóng góp 3 tỷ đồng làm đường.", "3 tỷ"),
        ("fr", "La commune a mobilisé 3 milliards de dongs auprès des habitants.", "3 milliards"),
        ("zh", "全乡共筹集2958.73亿越南盾，其中社区筹集25亿越南盾。", "25亿"),
        ("en", "Residents gave VND 3 billion.", "3 billion"),
        ("en", "The People's Committee said people gave VND 3 billion.", "3 billion"),
        # a mass organisation mobilises society's money, not the programme's
        (
            "fr",
            "Les associations de paysans de Đà Nẵng ont mobilisé plus de 35 milliards de dongs.",
            "35 milliards",
        ),
        ("es", "La Unión de Mujeres del barrio movilizó 10,34 mil millones de dongs.", "10,34"),
        ("nl", "Het comité van het Vaderlands Front mobiliseerde 111 miljard dong.", "111"),
    ],
)
def test_a_named_giver_or_a_part_keeps_the_peoples_share(lang, text, needle):
    assert not _by_unit(text, needle, lang)


def test_the_currency_named_once_holds_for_the_paragraphs_next_sums():
    text = (
        "De esa cantidad, el presupuesto del Estado aportó 103 mil millones de dongs y los "
        "vecinos aportaron casi 2,9 mil millones."
    )
    assert _pairs(text, "es") == [("ntm_funds_state", 103e9), ("funds_mobilized", 2.9e9)]


def test_a_dollar_conversion_is_no_dong():
    text = "Хошимин вложил в программу 6,9 трлн донгов (328 млн долларов США)."
    assert [v for _, v in _pairs(text, "ru")] == [6.9e12]


def test_a_new_paragraph_names_its_own_currency():
    text = "Los vecinos aportaron 3 mil millones de dongs.\n\nLos vecinos aportaron 2 mil millones."
    assert _pairs(text, "es") == [("funds_mobilized", 3e9)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "وبلغت التكلفة الإجمالية للبناء 270 مليون دونغ."),
        ("de", "Der Verband baute fünf Häuser im Gesamtwert von 315 Millionen Dong."),
        ("en", "The works are valued at nearly 200 million VND in total."),
    ],
)
def test_the_cost_of_one_work_is_no_programme_total(lang, text):
    # what one road, house or bridge cost is no sum of the programme from all sources
    assert not any(i == "ntm_funds_total" for i, _ in _pairs(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        (
            "nl",
            "In totaal bracht de gemeente meer dan 566,5 miljard dong bijeen, waarvan 416,5 "
            "miljard dong van de inwoners zelf kwam.",
            416.5e9,
        ),
        (
            "nl",
            "Het district bracht in totaal 7.300 miljard dong bijeen, waarvan de inwoners zelf "
            "ruim 740 miljard dong opbrachten.",
            740e9,
        ),
    ],
)
def test_the_part_after_of_which_that_names_residents_is_theirs(lang, text, part):
    # no verb of giving needed: "of which ... from the residents" says who gave it
    assert ("funds_mobilized", part) in _pairs(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the worth of donated land or gifts is money mobilised, as the writers code it
        (
            "ru",
            "Жители передали 200 кв. м земли стоимостью более 400 млн донгов.",
            [("land_donated", 200), ("funds_mobilized", 400_000_000)],
        ),
        # the total cost of the works is a price (``cost_words``), no money mobilised; its
        # parts by source still count (the writers coded 4 in 18 such prices, stance.py)
        (
            "ru",
            "Общая стоимость объектов составила 1 298 млрд донгов. Из них бюджет выделил "
            "1 137 млрд донгов.",
            [("ntm_funds_state", 1_137_000_000_000)],
        ),
        (
            "de",
            "Die Familie gab 70 m² Land und zahlte 42 Millionen VND.",
            [("land_donated", 70), ("funds_mobilized", 42_000_000)],
        ),
    ],
)
def test_worth_payments_and_total_cost(lang, text, expected):
    claims = extract_text(text, article_id="t", lang=lang, published="2024-07-01")
    assert [(c.indicator, c.value) for c in claims] == expected


def test_a_part_written_before_of_that_is_no_total():
    text = (
        "Soc Trang mobilised more than VND6 trillion for the programme. Nearly VND450 billion "
        "of that came from the state budget, while VND2 trillion came from other sources."
    )
    claims = extract_text(text, article_id="t", lang="en", published="2022-07-01")
    pairs = [(c.indicator, c.value) for c in claims]
    assert ("ntm_funds_state", 450_000_000_000) in pairs
    assert pairs[0] == ("ntm_funds_total", 6_000_000_000_000)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Tổng giá trị sản xuất toàn huyện đạt 9.870 tỷ đồng, tăng 2,66% so với năm 2022."),
        ("fr", "La valeur totale de la production atteint 9 813 milliards de dongs."),
    ],
)
def test_the_value_of_production_is_no_money_mobilised(lang, text):
    claims = extract_text(text, article_id="t", lang=lang, published="2024-01-01")
    assert [c for c in claims if c.indicator == "funds_mobilized"] == []


def test_hu_total_investment_is_a_price_and_the_state_part_counts():
    text = (
        "A teljes beruházás meghaladja a 7,8 milliárd dongot, ebből az állami támogatás több "
        "mint 1,4 milliárd dong."
    )
    claims = extract_text(text, article_id="t", lang="hu", published="2021-05-16")
    # the investment is a price; the state's part of it is the state's money
    assert [(c.indicator, c.value) for c in claims] == [("ntm_funds_state", 1_400_000_000)]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("nl", "In totaal werd er ruim 161 miljoen dong voor de brug bijeengebracht.", 161e6),
        ("en", "The commune mobilised a total of VND 850 million for the village road.", 850e6),
        # so is a small work's cost, paid by donors (above, it is a project's price: ``cost``)
        ("de", "Die Gesamtkosten beliefen sich auf mehr als 50 Millionen Dong.", 50e6),
        ("vi", "Bà con lắp điện mặt trời tại ấp Lam Sơn, tổng kinh phí 85 triệu đồng.", 85e6),
    ],
)
def test_a_small_total_is_money_collected_not_a_programme_total(lang, text, value):
    # 1 in 162 programme totals in the dev and tuned gold is below two billion dong; a smaller
    # "total" sums gifts
    assert ("funds_mobilized", value) in _pairs(text, lang)
    assert not [v for i, v in _pairs(text, lang) if i == "ntm_funds_total"]


def test_a_total_of_two_billion_or_more_stays_the_programmes():
    text = "The commune mobilised a total of VND 12 billion for the programme."
    assert ("ntm_funds_total", 12e9) in _pairs(text, "en")


def test_a_compensation_budget_is_no_programme_money():
    text = "Tổng kinh phí bồi thường, hỗ trợ được duyệt là hơn 1.890 tỷ đồng."
    assert not any(i.startswith("ntm_funds") for i, _ in _pairs(text, "vi"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Thai Binh province mobilised and integrated resources worth an estimated VND 22,236 "
            "billion, in cash, labour, donated land and assets.",
        ),
        (
            "nl",
            "De provincie heeft middelen gemobiliseerd en geïntegreerd ter waarde van 22.236 "
            "miljard VND, in contanten, arbeid en geschonken grond.",
        ),
        ("vi", "Huyện đã lồng ghép, huy động được trên 22.236 tỷ đồng để xây dựng nông thôn mới."),
    ],
)
def test_money_mobilised_and_integrated_is_the_programmes_total(lang, text):
    claims = extract_text(text, article_id="a", lang=lang)
    assert [(c.indicator, c.value) for c in claims] == [("ntm_funds_total", 22_236e9)]


def test_only_the_first_sum_after_mobilised_and_integrated_is_pooled():
    text = (
        "The district mobilised and integrated VND 500 billion, of which residents "
        "contributed VND 120 billion."
    )
    claims = extract_text(text, article_id="a", lang="en")
    assert [(c.indicator, c.value) for c in claims] == [
        ("ntm_funds_total", 500e9),
        ("funds_mobilized", 120e9),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "de",
            "Seit 2016 hat der Bezirk für die soziale Sicherung 12 Milliarden Dong mobilisiert.",
            12e9,
        ),
        ("zh", "2021年，全县共动员“为了穷人”基金逾35亿越南盾。", 35e8),
        ("ar", "وبلغت القيمة الإجمالية للمساعدات 4.5 مليار دونغ.", 4.5e9),
        ("en", "In total, the district mobilised VND 9 billion for poor households.", 9e9),
        ("vi", "Tổng cộng huyện đã huy động 9 tỷ đồng quà Tết cho hộ nghèo.", 9e9),
    ],
)
def test_money_for_the_poor_or_for_gifts_is_money_mobilised_not_the_programmes(lang, text, value):
    # a unit's total for relief (the poor, gifts, social security) is money given, never the
    # NTM programme's money from all sources, however large
    pairs = _pairs(text, lang)
    assert ("funds_mobilized", value) in pairs
    assert not [v for i, v in pairs if i == "ntm_funds_total"]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The repairs cost 14,000,000 dong in total.", 14e6),
        ("de", "Insgesamt kostete die Brücke mehr als 1,38 Milliarden Dong.", 1.38e9),
        ("nl", "De bouw kostte in totaal 89.000.000 dong.", 89e6),
        ("zh", "该桥长21米，总造价4.5亿越南盾。", 4.5e8),
        ("vi", "Toàn bộ kinh phí xây dựng là 300 triệu đồng, do một gia đình tài trợ.", 300e6),
    ],
)
def test_the_cost_of_a_small_work_is_money_given(lang, text, value):
    # below two billion dong a work's cost is what its donors gave (the writers' convention)
    assert ("funds_mobilized", value) in _pairs(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Baukosten beliefen sich auf knapp 40 Milliarden Dong."),
        ("en", "The bridge cost VND 45 billion."),
    ],
)
def test_the_cost_of_a_large_project_is_no_money_mobilised(lang, text):
    assert not [v for i, v in _pairs(text, lang) if i.endswith(("mobilized", "total"))]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("vi", "Năm 2013, tỉnh Phú Yên đầu tư hơn 405 tỷ đồng cho xây dựng nông thôn mới.", 405e9),
        (
            "nl",
            "De stad heeft in 2016 ruim 1.213 miljard dong geïnvesteerd in het nieuwe platteland.",
            1213e9,
        ),
        ("hu", "A járás 560,558 milliárd dongot fordított a programra.", 560.558e9),
        (
            "en",
            "As of January 2013, spending on the programme had reached VND 6,900 billion.",
            6900e9,
        ),
        (
            "en",
            "Kon Tum city put nearly VND45.7 billion into building new rural areas in 2011-2013.",
            45.7e9,
        ),
    ],
)
def test_a_sum_a_unit_invested_in_the_programme_is_its_total(lang, text, value):
    assert _pairs(text, lang) == [("ntm_funds_total", value)]


@pytest.mark.parametrize(
    ("lang", "text", "totals"),
    [
        # the state budget named: the state's part, never the total
        ("en", "The state budget invested VND 500 billion in new rural development.", []),
        # a small sum: one work's money, not a programme's
        ("vi", "Xã đầu tư 800 triệu đồng cho xây dựng nông thôn mới.", []),
        # a part after "of which" is no total of its own
        (
            "hu",
            "A programokra 5,3 milliárd dongot fordítottak: ebből a program 3,5 milliárdot.",
            [5.3e9],
        ),
    ],
)
def test_invested_money_that_is_no_programme_total(lang, text, totals):
    assert [v for i, v in _pairs(text, lang) if i == "ntm_funds_total"] == totals


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("vi", "Từ năm 2019 đến nay, Mặt trận các cấp đã vận động được hơn 900 tỉ đồng.", 900e9),
        (
            "es",
            "El Fondo de los tres niveles recaudó, por su parte, 54.500 millones de dongs.",
            54.5e9,
        ),
        ("zh", "2023年，省祖国阵线共募集逾183亿越南盾。", 183e8),
        # a sum for the poor stays money given even when parts follow it ("of which")
        ("zh", "全省共募集逾183亿越南盾，用于帮助本省贫困户，其中12.56亿越南盾用于建房。", 183e8),
    ],
)
def test_more_verbs_of_raising_money(lang, text, value):
    assert ("funds_mobilized", value) in _pairs(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("nl", "Het Fonds voor de Armen ontving 95,5 miljard dong.", 95.5e9),
        ("ru", "Городской фонд помощи пострадавшим принял почти 5 млрд донгов.", 5e9),
        ("nl", "170 miljoen dong werd overgemaakt door het fonds van het Centraal Comité.", 170e6),
        # "Del total" opens the parts of the sum before: no programme total
        (
            "es",
            "El Frente recaudó 9.600 millones de dongs. Del total, el fondo provincial recibió "
            "más de 4.000 millones de dongs.",
            4e9,
        ),
    ],
)
def test_money_a_fund_received_is_money_given(lang, text, value):
    pairs = _pairs(text, lang)
    assert ("funds_mobilized", value) in pairs
    assert ("ntm_funds_total", value) not in pairs


def test_of_the_total_opens_the_parts_of_a_sum():
    text = (
        "La provincia movilizó 117.580 millones de dongs en total. De esa cantidad, 25.125 "
        "millones de dongs fueron al Fondo «Por los pobres»."
    )
    assert ("funds_mobilized", 25.125e9) in _pairs(text, "es")


def test_nl_workdays_worth_money_are_money_given():
    text = "De werkdagen die zij leverden waren bijna 20 miljard dong waard."
    assert _pairs(text, "nl") == [("funds_mobilized", 20e9)]


def test_russian_passive_mobilised_is_the_programmes_total():
    # "было привлечено" (was mobilised), with no giver named: money from all sources
    text = "В 2016 году в Ламдонге в общей сложности было привлечено более 5 640 млрд донгов."
    (claim,) = extract_text(text, article_id="a", lang="ru", province="Lâm Đồng")
    assert (claim.indicator, claim.value) == ("ntm_funds_total", 5_640_000_000_000)
