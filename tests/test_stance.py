"""Plans, averages, groups and set sizes are no claims: the reason ``stance`` gives."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.keywords import lexicon
from dvk_analysis.text.numbers import find_numbers
from dvk_analysis.text.stance import not_stated_as_fact, own_line, whole_set

COMMUNES, CRITERIA, FUNDS = "communes_meeting_ntm", "ntm_criteria_met", "funds_mobilized"
PETITIONS, RESOLVED, RECEIVED = "petitions_received", "complaints_resolved", "citizens_received"
ROAD, MODELS = "road_length", "dvk_models"


def _reason(text: str, needle: str, indicator: str, lang: str) -> str | None:
    number = next(n for n in find_numbers(text, lang) if text[n.start :].startswith(needle))
    return not_stated_as_fact(text, number, (0, len(text)), indicator, lexicon(lang))


@pytest.mark.parametrize(
    ("lang", "text", "needle", "indicator", "reason"),
    [
        ("nl", "Het district wil nog zes gemeenten erkennen.", "zes", COMMUNES, "plan"),
        ("hu", "Hat község jelentkezett, hogy elérje a szintet.", "Hat", COMMUNES, "plan"),
        # future and goals: "el camino tendrá", "поставила задачу вывести", "tűzte ki célul"
        ("es", "El camino tendrá 3,8 km de longitud.", "3,8", "road_length", "plan"),
        ("ru", "Провинция поставила задачу вывести 7 коммун на стандарт.", "7", COMMUNES, "plan"),
        ("hu", "2023-ban hét község tűzte ki célul a szintet.", "hét", COMMUNES, "plan"),
        ("nl", "Dan zou het in alle 133 gemeenten voltooid zijn.", "133", COMMUNES, "plan"),
        ("ru", "В среднем община выполнила 14,25 критерия.", "14,25", CRITERIA, "average"),
        # a count per commune is an average too
        ("es", "Cumple 227 criterios, una media de 16,2 criterios.", "16,2", CRITERIA, "average"),
        ("vi", "Toàn huyện đạt 243 tiêu chí, 16,2 tiêu chí/xã.", "16,2", CRITERIA, "average"),
        ("de", "Die Gemeinden erfüllen 14,5 Kriterien pro Gemeinde.", "14,5", CRITERIA, "average"),
        # per-capita income is an average, no sum anyone mobilised
        ("de", "Das Pro-Kopf-Einkommen liegt bei 46,7 Millionen Dong.", "46,7", FUNDS, "average"),
        ("zh", "当地人均收入达7618万越南盾。", "7618", FUNDS, "average"),
        ("vi", "Có 69/85 xã đạt 19/19 tiêu chí.", "19/19", CRITERIA, "group"),
        ("en", "Communes are assessed by 19 criteria.", "19", CRITERIA, "set size"),
        ("nl", "Verder voldoen 38 gemeenten aan 10 tot 14 criteria.", "38", COMMUNES, "group"),
        # past the communes' own denominator only a range of criteria sorts them
        ("es", "178 de sus 386 comunas cumplen entre 14 y 18 criterios.", "178", COMMUNES, "group"),
        ("ar", "استوفت 5813 بلدية من أصل 8227 بلدية معايير الريف الجديد.", "5813", COMMUNES, None),
        ("vi", "Có 69/85 xã đạt 19/19 tiêu chí.", "69", COMMUNES, None),  # all: the standard
        # a year between the count and "standard" counts no criteria
        ("zh", "宣布东平三个乡达到2024年度提高版新农村标准。", "三", COMMUNES, None),
        # an average of criteria after the count sorts no communes: they met the standard
        ("vi", "Huyện có 7/10 xã đạt chuẩn, bình quân 17,2 tiêu chí/xã.", "7/10", COMMUNES, None),
        ("vi", "Huyện có 7/10 xã đạt chuẩn với 17,2 tiêu chí.", "7/10", COMMUNES, None),  # decimal
        # a district named after the commune count: its own criteria, not the communes'
        ("vi", "Có 38/38 xã đạt chuẩn, đồng thời huyện đạt 9/9 tiêu chí.", "9/9", CRITERIA, None),
        ("vi", "Có 38/38 xã đạt chuẩn, đồng thời đạt 9/9 tiêu chí.", "9/9", CRITERIA, "group"),
        # exemplars honoured before the number are no models; models honoured after it stay
        ("es", "El congreso rindió homenaje a 321 ejemplos avanzados.", "321", MODELS, "honoured"),
        ("hu", "A kongresszus 100 példaképet is kitüntetett.", "100", MODELS, None),
        ("vi", "Thành phố công nhận 14 mô hình và khen thưởng 41 tập thể.", "14", MODELS, None),
        ("nl", "De elf gemeenten die dit jaar de norm moeten halen.", "elf", COMMUNES, "plan"),
        ("de", "Drei Gemeenten, die den Standard erreichen sollen.", "Drei", COMMUNES, "plan"),
        ("en", "The commune has met 15 criteria.", "15", CRITERIA, None),
        ("en", "The commune has met 17 of 19 criteria.", "17", CRITERIA, None),
        # one project's price is no money mobilised for the programme, unless a unit mobilised it
        # or it is under two billion dong (a small work that donors paid for)
        ("en", "The total investment was 812 billion VND.", "812", "ntm_funds_total", "cost"),
        ("zh", "该桥载重3.5吨，总投资70亿越南盾。", "70亿", "ntm_funds_total", "cost"),
        ("zh", "该桥载重3.5吨，总投资7亿越南盾。", "7亿", "ntm_funds_total", None),  # donors
        ("vi", "Xã đã huy động tổng kinh phí hơn 20 tỷ đồng.", "20", "ntm_funds_total", None),
        # a sentence that opens with "if" states a condition; a dateline in capitals does not
        ("nl", "Als zes gemeenten slagen, heeft het 11/11.", "11/11", COMMUNES, "condition"),
        ("fr", "Si six communes passent, il en aura 11 sur 11.", "11", COMMUNES, "condition"),
        ("hu", "Ha hat község eléri, a járásban 11 község lesz.", "11", COMMUNES, "condition"),
        ("hu", "HA TINH – A tartományban 160 kérelmet fogadtak.", "160", PETITIONS, None),
    ],
)  # fmt: skip
def test_the_reason_a_number_is_no_claim(lang, text, needle, indicator, reason):
    assert _reason(text, needle, indicator, lang) == reason


DE = "Davon waren 48 Beschwerden berechtigt, 139 unbegründet."
EN = "2,260 cases were settled, while 129 cases are still being handled."
HU = "Ők 4 718 személyt fogadtak, ami 768 alkalommal és 1 174 fővel több, mint 2023-ban."
HU_ASIDE = "Összesen 2 227 kérelmet kaptak, 368-cal (16,52 százalékkal) többet, mint tavaly."


@pytest.mark.parametrize(
    ("lang", "text", "needle", "indicator", "reason"),
    [
        # cases sorted by verdict or state after the totals; the total itself stays a claim
        ("de", DE, "48", PETITIONS, "verdict"),
        ("de", DE, "139", PETITIONS, "verdict"),
        ("de", "Es gingen 242 Beschwerden ein, 48 waren berechtigt.", "242", PETITIONS, None),
        ("ru", "Из них 7 жалоб и 12 заявлений признаны обоснованными.", "7", PETITIONS, "verdict"),
        ("en", EN, "129", RESOLVED, "verdict"),
        ("en", EN, "2,260", RESOLVED, None),
        ("vi", "Trong đó, 5 đơn có đúng, 7 đơn sai hoàn toàn.", "7", PETITIONS, "verdict"),
        ("zh", "其中部分属实的有12件。", "12", PETITIONS, "verdict"),
        # a change against another period, also behind an aside in brackets
        ("hu", HU, "768", RECEIVED, "change"),
        ("hu", HU, "4 718", RECEIVED, None),
        ("hu", HU_ASIDE, "368", PETITIONS, "change"),
        ("hu", "55 háztartás több mint 6400 m² földet adott.", "55", "households_mobilized", None),
        ("en", "The city received 512 more than in 2022.", "512", RECEIVED, "change"),
        # petitions under the agencies' jurisdiction are a subset, not those received; eligible ones
        # are received ones (the writers code them so)
        (
            "de",
            "Nach Prüfung fielen 242 Beschwerden in die Zuständigkeit.",
            "242",
            PETITIONS,
            "screened",
        ),
        ("vi", "Có 869 đơn thuộc thẩm quyền giải quyết.", "869", PETITIONS, "screened"),
        ("vi", "Trong đó có 4.248 đơn đủ điều kiện xử lý.", "4.248", PETITIONS, None),  # eligible
        ("en", "The agencies received 8,950 petitions.", "8,950", PETITIONS, None),
        # the road network a place has, first length and the lengths listed after it
        (
            "nl",
            "Het district heeft 26,5 km wegen van klasse A, 36,6 km van klasse B.",
            "26,5",
            ROAD,
            "stock",
        ),
        (
            "nl",
            "Het district heeft 26,5 km wegen van klasse A, 36,6 km van klasse B.",
            "36,6",
            ROAD,
            "stock",
        ),
        ("en", "The commune has 39.7 km of asphalt roads.", "39.7", ROAD, "stock"),
        ("en", "The commune has built 39.7 km of roads.", "39.7", ROAD, None),
        # the length of fences or walls pulled down is no road
        (
            "es",
            "La familia reconstruye los 100 metros de muro que derribó.",
            "100",
            ROAD,
            "structure",
        ),
        ("ru", "Они снесли 100 м прочных оград, и дорогу расширили.", "100", ROAD, "structure"),
        ("en", "They pulled down fences and built 500 m of road.", "500", ROAD, None),
    ],
)
def test_case_verdicts_and_changes_are_no_claims(lang, text, needle, indicator, reason):
    assert _reason(text, needle, indicator, lang) == reason


def test_the_own_line_stops_at_line_breaks():
    text = "Title wants more\nPeople gave 2 billion dong.\nNext year the plan wants more."
    number = next(n for n in find_numbers(text, "en") if n.value == 2e9)
    before, after = own_line(text, number, (0, len(text)))
    assert before == "People gave "
    assert after.endswith("dong.") and "plan" not in after


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Inzwischen hat sie alle 19 Kriterien erfüllt.", True),
        ("hu", "Que Loc község mind a 19 kritériumot teljesítette.", True),
        ("zh", "该乡已完成全部19项标准。", True),
        ("en", "The commune has met 15 criteria.", False),
        ("en", "All communes have met 15 criteria.", False),  # "all" is not next to the count
    ],
)
def test_an_all_word_right_before_the_count_makes_it_the_whole_set(lang, text, expected):
    number = next(n for n in find_numbers(text, lang) if n.value in (15, 19))
    assert whole_set(text, number, lexicon(lang)) is expected


def test_communes_meeting_all_criteria_meet_the_standard():
    # "20个乡达到全部19项新农村标准": the communes count; the 19 is the whole set, no claim
    claims = extract_text("全省已有20个乡达到全部19项新农村标准。", article_id="t", lang="zh")
    assert [(c.indicator, c.value) for c in claims] == [("communes_meeting_ntm", 20)]


def test_listed_items_are_held_to_the_same_stance():
    # "768 alkalommal és 1 174 fővel több": items of one list, both a change against 2023
    text = (
        "Cím\n\n2024-ben a szervek 3 985 alkalommal fogadtak állampolgárokat, összesen 4 718 "
        "személyt, ami 768 alkalommal és 1 174 fővel több, mint 2023-ban."
    )
    claims = extract_text(text, article_id="t", lang="hu", published="2025-01-05")
    values = {c.value for c in claims if c.indicator == "citizens_received"}
    assert 4718 in values and not values & {768, 1174}


def test_the_national_target_programme_is_no_plan():
    text = (
        "Sau 10 năm triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới, huyện "
        "đã huy động được trên 1.500 tỷ đồng. Mục tiêu đến năm 2025 có thêm 5 xã đạt chuẩn."
    )
    claims = extract_text(text, article_id="t", lang="vi", published="2022-07-01")
    assert [(c.indicator, c.value) for c in claims] == [("ntm_funds_total", 1_500_000_000_000)]


def test_ru_a_duty_is_no_result():
    text = "Город должен был вынести 27 решений по жалобам. Решения приняты по 27 из 27 жалоб."
    claims = extract_text(text, article_id="t", lang="ru", published="2025-07-01")
    assert [(c.indicator, c.value) for c in claims] == [("complaints_resolved", 27)]
    assert claims[0].denominator == 27


@pytest.mark.parametrize(
    ("lang", "text", "lengths"),
    [
        ("zh", "协安桥横跨Dong Xuc渠，全长35米，桥面宽4米。", []),
        ("hu", "A pénzből egy összesen 120 méter hosszú híd épült.", []),
        ("en", "They built a bridge and concreted 3 km of road.", [3_000]),
        (
            "es",
            "Los jóvenes repararon el camino que va al puente de la estación, un tramo de 350 "
            "metros.",
            [350],
        ),
    ],
)
def test_the_length_of_a_bridge_is_no_road_built(lang, text, lengths):
    claims = extract_text(text, article_id="t", lang=lang, published="2022-07-01")
    assert [c.value for c in claims if c.indicator == "road_length"] == lengths


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "zh",
            "全省共收到各类信件756件，比去年同期多148件，其中投诉信109件、检举信61件。",
            [756, 109, 61],
        ),
        ("en", "The province received 120 complaints, which increased by 45 on last year.", [120]),
        (
            "de",
            "Die Provinz erhielt 300 Eingaben. Gegenüber 2023 wuchs die Zahl der Eingaben um 244.",
            [300],
        ),
    ],
)
def test_a_change_written_before_its_number_is_no_count(lang, text, expected):
    claims = extract_text(text, article_id="t", lang=lang, published="2024-07-01")
    assert [c.value for c in claims if c.indicator == "petitions_received"] == expected


def test_units_named_one_by_one_after_a_colon_are_no_group():
    text = (
        "Toàn huyện có ba xã đã hoàn thành bộ tiêu chí: Phong Thủy đạt 19/19 tiêu chí, "
        "Lộc Thủy đạt 19/19 tiêu chí. 69/85 xã đạt 19/19 tiêu chí."
    )
    claims = extract_text(text, article_id="t", lang="vi", published="2024-01-01")
    criteria = [c.start for c in claims if c.indicator == "ntm_criteria_met"]
    assert criteria == [text.index("19/19"), text.index("19/19", text.index("Lộc"))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Поставлена цель получить 56 общин «новой деревни» повышенного уровня."),
        ("ru", "К концу 2019 года стандарту будут отвечать 96 из 97 общин провинции."),
        ("es", "La provincia espera tener 26 comunas que cumplan los criterios en 2015."),
        ("en", "Long An expects 10 more communes to reach the standard by the end of 2015."),
        ("en", "The province will help 12 more communes meet the new rural standard."),
        ("nl", "Tot 2018 zal het programma 12 gemeenten helpen de NTM-norm te halen."),
    ],
)
def test_goals_futures_and_hopes_are_plans(lang, text):
    claims = extract_text(text, article_id="t", lang=lang, published="2019-06-01")
    assert [c for c in claims if c.indicator == "communes_meeting_ntm"] == []


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        ("vi", "Huyện có 2 xã đăng ký đạt chuẩn trong năm 2023.", "2"),
        ("en", "Two communes have registered to meet the standard this year.", "Two"),
        ("fr", "Le conseil a examiné les dossiers de trois communes.", "trois"),
        ("es", "Dos comunas se han inscrito para alcanzar la meta.", "Dos"),
        ("de", "Der Kreis hat drei Gemeinden für den Standard ausgewählt.", "drei"),
        ("nl", "Vier gemeenten hebben zich aangemeld voor de norm.", "Vier"),
        ("hu", "Négy község pályázik az új vidék címre.", "Négy"),
        ("ru", "Совет рассмотрел досье семи коммун.", "семи"),
        ("ar", "درس المجلس ملفات ست بلديات.", "ست"),
        ("zh", "全省今年支持10个乡申报达到新农村标准。", "10"),
    ],
)
def test_communes_registered_or_applying_are_candidates_not_achievements(lang, text, needle):
    assert _reason(text, needle, COMMUNES, lang) == "candidates"


def test_communes_recognised_are_no_candidates():
    text = "The province recognised three communes as meeting the standard."
    assert _reason(text, "three", COMMUNES, "en") is None


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        ("en", "Noong Het met 12 of the 19 criteria and basically met 5.", "5"),
        ("en", "Noong Het met 12 of the 19 criteria, with 2 still unmet.", "2"),
        ("vi", "Theo rà soát, xã còn 6 tiêu chí chưa đạt.", "6"),
        ("hu", "Noong Het 12/19 kritériumot teljesít, 5/19-et alapvetően teljesít.", "5/19"),
        ("hu", "Thanh Xuong 13-at teljesít, 1 még hiányzik.", "1 még"),
        ("ar", "استوفت بلدية كواي نوا 14/19 من المعايير وبلغت 5 معايير أخرى بصورة أساسية.", "5"),
    ],
)
def test_criteria_basically_or_not_yet_met_are_no_criteria_met(lang, text, needle):
    assert _reason(text, needle, CRITERIA, lang) == "not met"


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        # alone, "basically met 19/19" is how reports say a commune met the set
        ("es", "Gia Ninh ha completado en lo esencial 19/19 criterios.", "19/19"),
        ("en", "Noong Het met 12 of the 19 criteria and basically met 5.", "12"),
    ],
)
def test_criteria_met_in_full_stay_claims(lang, text, needle):
    assert _reason(text, needle, CRITERIA, lang) is None


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        (
            "de",
            "Die Provinz richtete 45 Wettbewerbe zur Gesetzeskunde aus, an denen sich mehr als "
            "107.000 Menschen beteiligten.",
            107000,
        ),
        (
            "ru",
            "В 2020 году они провели 464 конкурса на знание законов, в которых участвовали "
            "199 659 человек.",
            199659,
        ),
        ("en", "The province held 12 legal quizzes with 5,400 participants on the law.", 5400),
    ],
)
def test_entrants_of_contests_are_no_session_participants(lang, text, value):
    claims = extract_text(text, article_id="a", lang=lang, published="2021-01-01")
    assert value not in [c.value for c in claims if c.indicator.endswith("participants")]


def test_participants_of_sessions_beside_a_contest_still_count():
    text = (
        "The province held 120 legal education sessions for 8,000 participants; it also held "
        "12 contests."
    )
    claims = extract_text(text, article_id="a", lang="en", published="2021-01-01")
    assert ("legal_education_participants", 8000) in [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "indicator"),
    [
        # a network a place has (``network_words``)
        ("vi", "Tỉnh có mạng lưới giao thông khá đa dạng với khoảng 7.000 km đường bộ.", ROAD),
        ("en", "The province's road network now reaches about 7,000 km of roads.", ROAD),
        # what is laid along roads (``line_words``): lengths, and the roads lit or planted
        ("en", "The commune has installed 33.69 km of high-pressure street lighting.", ROAD),
        ("fr", "Les unités ont planté des fleurs sur plus de 11 km.", ROAD),
        ("vi", "Các hộ đã cùng lắp đặt 1,3 km đường điện chiếu sáng.", ROAD),
        ("hu", "A járásban 56 falusi út kapott új közvilágítást.", "roads"),
        ("en", "Youth unions installed street lighting on 19 village roads.", "roads"),
        # walls, fences and hedges moved back along a road are no road built
        ("zh", "在金新—和合路段，群众捐出宅基地105平方米，并拆除55米砖墙。", ROAD),
    ],
)
def test_networks_and_lines_along_roads_are_no_roads_built(lang, text, indicator):
    claims = extract_text(text, article_id="a", lang=lang, published="2024-01-01")
    assert indicator not in {c.indicator for c in claims}


def test_a_network_in_another_phrase_of_the_sentence_leaves_the_road_built():
    text = "All communes are on the power network, and 1,582 km of rural roads were upgraded."
    claims = extract_text(text, article_id="a", lang="en", published="2024-01-01")
    assert ("road_length", 1_582_000) in {(c.indicator, c.value) for c in claims}


def test_a_road_named_next_to_its_length_after_a_tree_count_is_still_a_road():
    text = "会员种植树木35棵，修缮和新建农村交通道路42445米。"
    claims = extract_text(text, article_id="a", lang="zh", published="2017-07-01")
    assert ("road_length", 42445) in [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("de", "Auf Kreisebene: Alle 12 Gemeinden des Kreises erfüllen bereits die Standards.", 12),
        ("en", "All 119 communes in the province now meet the new-rural standard.", 119),
        ("zh", "全省135个乡全部达到新农村标准。", 135),
    ],
)
def test_all_communes_meeting_the_standard_are_n_of_n(lang, text, value):
    claims = extract_text(text, article_id="a", lang=lang, published="2020-01-01")
    found = [c for c in claims if c.indicator == "communes_meeting_ntm" and c.value == value]
    assert found and found[0].denominator == value


def test_a_commune_count_without_an_all_word_has_no_denominator():
    text = "In 2020, 12 communes of the district met the new-rural standard."
    claims = extract_text(text, article_id="a", lang="en", published="2020-12-01")
    found = [c for c in claims if c.indicator == "communes_meeting_ntm"]
    assert found and found[0].denominator is None


def test_entrants_of_a_contest_named_without_a_count_are_no_participants():
    text = (
        "Ze organiseerden ook de online wedstrijd 'Jongeren en de wet', waaraan bijna 11.000 "
        "mensen meededen."
    )
    claims = extract_text(text, article_id="a", lang="nl", published="2022-12-01")
    assert 11000 not in [c.value for c in claims if c.indicator.endswith("participants")]


@pytest.mark.parametrize(
    ("lang", "text", "total", "part"),
    [
        ("zh", "清化省有11个山区县，人口90多万，其中少数民族66.7万人。", 900000, 667000),
        (
            "vi",
            "Tỉnh có dân số trên 1,1 triệu người, trong đó khoảng 300 nghìn người thuộc các "
            "dân tộc thiểu số.",
            1100000,
            300000,
        ),
    ],
)
def test_a_minority_head_count_is_no_population_of_the_place(lang, text, total, part):
    claims = extract_text(text, article_id="a", lang=lang, published="2024")
    found = [c.value for c in claims if c.indicator == "population"]
    assert total in found and part not in found


@pytest.mark.parametrize(
    ("lang", "text", "rate", "total"),
    [
        ("vi", "Mỗi gia đình góp 100.000 đồng mỗi tháng, cả xóm góp 12 triệu đồng.", 100_000, 12e6),
        (
            "fr",
            "Chaque foyer a versé 300 000 dongs; ChildFund a apporté 40 millions de dongs.",
            3e5,
            4e7,
        ),
        ("es", "Cada hogar aportó 8 millones de VND y el Estado 100 millones de VND.", 8e6, 1e8),
        ("en", "Residents gave VND 2 million per person, VND 300 million in all.", 2e6, 3e8),
    ],
)
def test_an_amount_per_unit_is_no_claim_but_the_sum_is(lang, text, rate, total):
    values = [c.value for c in extract_text(text, article_id="a", lang=lang)]
    assert rate not in values
    assert total in values


def test_populations_of_ethnic_groups_listed_after_one_are_no_populations():
    text = (
        "وتشكّل قومية التاي 52.58% من السكان بواقع 165,055 نسمة، تليها قومية الداو "
        "(56,063 نسمة، 17.86%)، ثم النونغ (28,709 نسمة، 9.15%)."
    )
    found = [
        (c.indicator, c.value) for c in extract_text("T\n\n" + text, article_id="a", lang="ar")
    ]
    assert not any(indicator == "population" for indicator, _ in found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nl",
            "De 247 gemeenten die aan het programma deelnemen zijn opgeschoten.\n\n14 gemeenten "
            "voldoen nu aan 15 tot 18 criteria. 63 gemeenten halen 10 tot 14 criteria.",
            [247],
        ),
        ("en", "So far 62 communes have met between 14 and 18 criteria.", []),
        # the range belongs to the second count, not the first
        (
            "es",
            "50 comunas ya lo han completado y 178 de sus 386 comunas han cumplido entre 14 y 18 "
            "criterios.",
            [50],
        ),
    ],
)
def test_communes_sorted_by_a_range_of_criteria_are_no_count(lang, text, expected):
    claims = extract_text(text, article_id="t", lang=lang, published="2024-01-01")
    counts = ("communes_meeting_ntm", "rural_communes", "communes_total")
    assert [c.value for c in claims if c.indicator in counts] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "For 2020 the province wants at least two more communes to reach the standard."),
        ("zh", "按照计划，该省今年将再推动11个乡达标。"),
        ("ru", "По плану на 2023 год 3 из 12 общин смогут претендовать на стандарт."),
        ("nl", "Het doel is dat er in 2025 3 gemeenten aan de geavanceerde norm voldoen."),
        ("ru", "Ширину дороги длиной около 3 км планируют увеличить с 2,5 до 3,5 м."),
    ],
)
def test_what_a_plan_wants_is_no_claim(lang, text):
    claims = extract_text(text, article_id="t", lang=lang)
    assert [
        c.indicator for c in claims if c.indicator in ("communes_meeting_ntm", "road_length")
    ] == []


def test_an_excess_over_the_plan_is_no_count_of_targets():
    # zh "比计划目标多出11个": exceeding the plan's target by 11, a change against the plan
    text = "仅2014年一年，全市就有71个乡达标，比计划目标多出11个。"
    claims = extract_text(text, article_id="t", lang="zh", published="2014-12-31")
    assert [c.value for c in claims] == [71]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # plans, targets and goals
        ("zh", "隆安省的目标是到2025年有10个县级单位达到标准。"),
        ("ru", "Будущая межсельская дорога длиной более 1 км свяжет Кхесай 1 с хутором Шонхай."),
        (
            "en",
            "The committee set the goal of having all 11 communes recognised by the end of 2020.",
        ),
        (
            "nl",
            "In het district staan nog zeven bruggen op stapel, voor in totaal 11,5 miljard dong.",
        ),
        (
            "nl",
            "Voor 2015 staat de aanleg van nog eens 116 kilometer plattelandsweg op het programma.",
        ),
        # economic output and a project's price, no money mobilised
        ("zh", "经过五年实施，全乡增加值总额已达3878亿越盾。"),
        ("en", "GRDP per head in 2025 is estimated at VND50.73 million, 1.4 times the 2020 level."),
        ("nl", "De tuineconomie bracht meer dan 122 miljard dong op."),
        ("nl", "Dat project kost in totaal 482 miljard dong."),
        # cubic metres (not_after: "cubes", "مكعباً", "khối") measure stone, not a road
        ("ar", "وخُصصت الموارد لشراء 32 متراً مكعباً من الحجارة لترميم الطريق الريفي."),
        ("fr", "Ils ont acheté 32 mètres cubes de pierre pour réparer la route."),
        ("es", "Compraron 32 metros cúbicos de piedra para reparar el camino."),
        ("vi", "Người dân góp 32 mét khối đá để sửa đường."),
        ("hu", "32 köbméter követ vettek az út javítására."),
    ],
)
def test_plans_outputs_prices_and_volumes_are_no_claims(lang, text):
    claims = extract_text(text, article_id="t", lang=lang, published="2020-06-01")
    assert [(c.indicator, c.value) for c in claims] == []
