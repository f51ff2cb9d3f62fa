"""Numbers as the ten corpus languages write them: separators, words, qualifiers, kinds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvk_analysis.codebook import QUALIFIERS
from dvk_analysis.text.lexicon import LANGUAGES, load
from dvk_analysis.text.numbers import (
    KINDS,
    find_numbers,
    parse_number,
)

LANGS = ("vi", "en", "hu", "nl", "ar", "fr", "es", "de", "ru", "zh")


def only(text: str, lang: str, kind: str = "number"):
    """The single match of ``kind`` in ``text``."""
    found = [m for m in find_numbers(text, lang) if m.kind == kind]
    assert len(found) == 1, found
    return found[0]


# Sentence shapes taken from the corpus articles: (lang, text, raw, value, qualifier, denominator)
SHAPES = [
    ("hu", "több mint 10 360 propaganda-ülést tartottak", "10 360", 10360, "more_than", None),
    ("hu", "közel 990\u00a0000 résztvevő vett részt", "990\u00a0000", 990000, "nearly", None),
    ("hu", "több mint 34,9 milliárd VND forrást", "34,9", 34.9e9, "more_than", None),
    ("hu", "kitűzött 29/30 célt", "29/30", 29, "exact", 30),
    ("hu", "mintegy 180 négyzetméter földet", "180", 180, "about", None),
    ("hu", "továbbá öt kollektíva a kormányzati", "öt", 5, "exact", None),
    ("nl", "meer dan 40 miljard VND aan sociale", "40", 40e9, "more_than", None),
    ("nl", "heeft de gemeente 17 van de 20 geavanceerde", "17", 17, "exact", 20),
    ("nl", "is opgelost (3.126/3.526 gevallen", "3.126/3.526", 3126, "exact", 3526),
    ("nl", "meer dan 5.000 m² grond", "5.000", 5000, "more_than", None),
    ("nl", "bedraagt meer dan 1.600. Leiders", "1.600", 1600, "more_than", None),
    ("nl", "een percentage van 88,67%", "88,67", 88.67, "exact", None),
    ("nl", "met een lengte van ruim 1,1 km", "1,1", 1.1, "more_than", None),
    ("nl", "Thanh Hoa twaalf gemeenten die", "twaalf", 12, "exact", None),
    ("en", "to build more than 7.1km of intra-field canals", "7.1", 7.1, "more_than", None),
    ("en", "replicated more than 19,300 models", "19,300", 19300, "more_than", None),
    ("en", "the economic field has nearly 8,000 models", "8,000", 8000, "nearly", None),
    ("en", "is estimated at about 4.5 billion VND", "4.5", 4.5e9, "about", None),
    ("en", "only four households had problems", "four", 4, "exact", None),
    ("en", "met 17 of 20 criteria", "17", 17, "exact", 20),
    ("vi", "đóng góp 320 tỷ đồng tiền mặt", "320", 320e9, "exact", None),
    ("vi", "và trên 3.300 tỷ đồng quy đổi", "3.300", 3.3e12, "more_than", None),
    ("vi", "đạt khoảng 15/19 tiêu chí", "15/19", 15, "about", 19),
    ("vi", "đường bê tông liên thôn dài 1,9 km", "1,9", 1.9, "exact", None),
    ("vi", "góp gần 250 triệu đồng", "250", 250e6, "nearly", None),
    ("vi", "thành lập hai nhóm tuyên truyền", "hai", 2, "exact", None),
    ("ar", "قامت أكثر من 1000 أسرة بالتبرع", "1000", 1000, "more_than", None),
    ("ar", "وتطوير ما يقرب من 70 طريقًا", "70", 70, "nearly", None),
    ("ar", "قامت البلديات ببناء ١١٩ نموذجًا", "١١٩", 119, "exact", None),
    ("ar", "نظمت المنطقة ١٬٠٥٠ جلسة دعائية", "١٬٠٥٠", 1050, "exact", None),
    # a decimal comma in Latin digits: before one or two digits only
    ("ar", "وحشدت البلدية أكثر من 483,5 مليار دونغ", "483,5", 483.5e9, "more_than", None),
    ("ar", "وتضم 1,050 أسرة", "1,050", 1050, "exact", None),
    ("de", "sind 13 der 85 Gemeinden anerkannt", "13", 13, "exact", 85),
    ("es", "6 de esas 29 comunas cumplen", "6", 6, "exact", 29),
    # Hungarian names the whole first; a short adverb may stand before the part
    ("hu", "Bac Quang járásban 21 községből már 15 új vidék", "15", 15, "exact", 21),
    ("hu", "az új vidék 19 kritériumából még csak 9-et teljesített", "9", 9, "exact", 19),
    ("hu", "az új vidék 19 kritériumából 15-öt teljesített", "15", 15, "exact", 19),
    ("ar", "يمتلكه القطاع الاقتصادي بنحو 8000 نموذج", "8000", 8000, "about", None),
    ("ar", "على 7 مليارات دونج", "7", 7e9, "exact", None),
    ("ar", "حديقة نموذجية، و12 منطقة سكنية", "12", 12, "exact", None),
    ("ar", "حققت 17 من 20 معيارًا", "17", 17, "exact", 20),
    ("ar", "وبناء ثلاثة طرق", "ثلاثة", 3, "exact", None),
    (
        "fr",
        "ont donné plus de 2\u202f840\u202f000 m² de terrain",
        "2\u202f840\u202f000",
        2840000,
        "more_than",
        None,
    ),
    ("fr", "apporté 143,7 milliards de VND", "143,7", 143.7e9, "exact", None),
    ("fr", "et reçu 1 091 personnes", "1 091", 1091, "exact", None),
    ("fr", "et onze du secteur de la sécurité", "onze", 11, "exact", None),
    ("fr", "la commune a atteint 17 sur 20 critères", "17", 17, "exact", 20),
    ("es", "valorados en más de 2,5 mil millones de VND", "2,5", 2.5e9, "more_than", None),
    ("es", "han donado 3.400 m2 de terreno", "3.400", 3400, "exact", None),
    ("es", "con el fin de construir cuatro carreteras", "cuatro", 4, "exact", None),
    ("es", "ha cumplido 9/9 criterios", "9/9", 9, "exact", 9),
    ("es", "cumple 17 de 20 criterios", "17", 17, "exact", 20),
    ("de", "Bis heute haben 20 von 25 Haushalten", "20", 20, "exact", 25),
    ("de", "mit einer Fläche von 7.838 m² übergeben", "7.838", 7838, "exact", None),
    ("de", "was 76,6 % der gesamten", "76,6", 76.6, "exact", None),
    ("de", "Mehr als 70 Haushalte", "70", 70, "more_than", None),
    ("de", "setzt derzeit acht Modelle", "acht", 8, "exact", None),
    ("de", "Kosten von rund 3 Mrd. VND", "3", 3e9, "about", None),
    ("ru", "пожертвовали почти 50 млн донгов", "50", 50e6, "nearly", None),
    ("ru", "отработали более 700 человеко-дней", "700", 700, "more_than", None),
    ("ru", "передать 1 370 квадратных метров", "1 370", 1370, "exact", None),
    ("ru", "Мы мобилизовали три семьи", "три", 3, "exact", None),
    ("ru", "выполнено 17 из 20 критериев", "17", 17, "exact", 20),
    ("ru", "не менее 5 тыс. человек", "5", 5000, "at_least", None),
    ("zh", "共捐款逾3700亿越盾", "3700", 3700e8, "more_than", None),
    ("zh", "参加人数达1000多人", "1000", 1000, "more_than", None),
    ("zh", "捐献逾80万平方米宅基地", "80", 800000, "more_than", None),
    ("zh", "国防—安全领域五个", "五", 5, "exact", None),
    ("zh", "20项标准中的17项", "17", 17, "exact", 20),
    ("zh", "资金1.2万元", "1.2", 12000, "exact", None),
    ("zh", "共有十二个村", "十二", 12, "exact", None),
]


@pytest.mark.parametrize(("lang", "text", "raw", "value", "qualifier", "denominator"), SHAPES)
def test_corpus_shapes(lang, text, raw, value, qualifier, denominator):
    m = only(text, lang)
    assert m.raw == raw == text[m.start : m.end]
    assert m.value == pytest.approx(value)
    assert m.qualifier == qualifier
    assert m.denominator == denominator
    assert m.expr_start <= m.start < m.end <= m.expr_end


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "45%"),
        ("en", "45 percent"),
        ("hu", "45 százalék"),
        ("hu", "45 %"),
        ("vi", "45 phần trăm"),
        ("ar", "٤٥٪"),
        ("fr", "45 pour cent"),
        ("de", "45 Prozent"),
        ("ru", "45 процентов"),
        ("zh", "百分之四十五"),
        ("zh", "45％"),
    ],
)
def test_percentages(lang, text):
    m = only(text, lang)
    assert m.percent and m.value == 45
    assert m.expr_end == len(text)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("vi", "7,1", 7.1),
        ("vi", "5.000", 5000),
        ("vi", "1.600", 1600),
        ("nl", "88,67", 88.67),
        ("nl", "5.000", 5000),
        ("en", "7.1", 7.1),
        ("en", "1.600", 1.6),
        ("en", "19,300", 19300),
        ("en", "1,234,567.5", 1234567.5),
        ("de", "1.234.567,5", 1234567.5),
        ("hu", "10 360", 10360),
        ("hu", "10\u00a0360", 10360),
        ("fr", "10\u202f360", 10360),
        ("ru", "10\u00a0360,5", 10360.5),
        ("ar", "٥٢٬٥٠٠", 52500),
        ("ar", "٣٫٥", 3.5),
        ("ar", "45,800", 45800),
        ("zh", "3,700", 3700),
        ("es", "40 miles", 40000),
        ("nl", "40 miljard", 40e9),
        ("hu", "2 millió", 2e6),
        ("vi", "2 nghìn tỷ", 2e12),
        ("fr", "deux millions", 2e6),
        ("ar", "۱۲۳", 123),
        ("nl", "zeven", 7),
        ("zh", "3亿", 3e8),
    ],
)
def test_parse_number(lang, text, value):
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize(("lang", "text"), [("en", "about"), ("en", "5 and 6"), ("hu", "")])
def test_parse_number_rejects_what_is_not_one_number(lang, text):
    with pytest.raises(ValueError, match="one number"):
        parse_number(text, lang)


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown language 'xx'.*valid: .*vi"):
        find_numbers("5", "xx")


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="str"):
        find_numbers(b"5", "en")


def test_space_groups_only_where_the_locale_groups_with_spaces():
    assert [m.value for m in find_numbers("10 360", "en")] == [10, 360]
    assert [m.value for m in find_numbers("2025 100", "hu")] == [2025, 100]


def test_separator_not_followed_by_three_digits_is_not_a_group():
    assert [m.value for m in find_numbers("1,23", "en")] == [1, 23]
    assert parse_number("1,23", "vi") == pytest.approx(1.23)


@pytest.mark.parametrize(
    ("lang", "text", "raw", "kind"),
    [
        ("en", "In 2023, the district", "2023", "year"),
        ("vi", "năm 2020", "2020", "year"),
        ("hu", "2024-től bevezettek", "2024", "year"),
        ("ar", "منذ عام ٢٠١٦ وحتى الآن", "٢٠١٦", "year"),
        ("de", "für die Amtszeit 2020–2025 strebt", "2020–2025", "year"),
        ("en", "school year 2020/2021", "2020/2021", "year"),
        ("vi", "ngày 15/10/2020", "15/10/2020", "date"),
        ("vi", "đến tháng 9/2025", "9/2025", "date"),
        ("vi", "ngày 2/9", "2/9", "date"),
        ("de", "am 2021-05-01", "2021-05-01", "date"),
        ("zh", "2020年11月18日", "11", "date"),
        ("en", "Resolution 25-NQ/TW of", "25-NQ/TW", "code"),
        ("en", "Decree 43/2014/ND-CP on", "43/2014/ND-CP", "code"),
        ("nl", "Besluit 800/QĐ-TTg hebben", "800/QĐ-TTg", "code"),
        ("en", "road DH-10, which", "10", "code"),
        ("vi", "Quốc lộ QL1A", "1", "code"),
        ("en", "call 0912 345 678 now", "0912 345 678", "code"),
        ("en", "at 8:30 in the morning", "8:30", "time"),
        ("vi", "lúc 21h30", "21h30", "time"),
        ("zh", "第三个", "三", "ordinal"),
    ],
)
def test_non_quantities_are_flagged(lang, text, raw, kind):
    found = find_numbers(text, lang)
    assert [m.raw for m in found if m.kind == kind][:1] == [raw]
    assert all(m.kind != "number" for m in found if m.raw == raw)
    assert {m.kind for m in found} <= set(KINDS)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "more than 2000 households"),
        ("vi", "hiến 2025 m2 đất"),
        ("en", "1,950 models"),
    ],
)
def test_four_digit_quantities_are_not_years(lang, text):
    assert find_numbers(text, lang)[0].kind == "number"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "one of them built a road"),
        ("vi", "một số hộ dân đã hiến đất"),
        ("hu", "egy faluban"),
        ("nl", "een gemeente in Tra Vinh"),
        ("fr", "une commune et un hameau"),
        ("es", "una comuna y un pueblo"),
        ("de", "ein Modell und eine Straße"),
        ("vi", "trong năm qua, năm 2020"),
        ("vi", "quận Ba Đình, Hà Nội"),
        ("zh", "一位村主任说，统一思想"),
    ],
)
def test_articles_and_false_friends_are_not_numbers(lang, text):
    assert [m for m in find_numbers(text, lang) if m.kind == "number"] == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("vi", "có năm xã đạt chuẩn", 5),
        ("ru", "в пяти общинах", 5),
        ("ru", "две семьи", 2),
        ("ar", "اثنتي عشرة قرية", 12),
        ("ar", "وخمسة نماذج", 5),
        ("hu", "két faluban", 2),
        ("nl", "zeven gemeenten", 7),
        ("es", "dos comunas", 2),
        ("de", "zehn Vorbilder", 10),
        ("fr", "dix-sept critères", 17),
        ("en", "Four households", 4),
    ],
)
def test_number_words(lang, text, value):
    assert only(text, lang).value == value


@pytest.mark.parametrize(
    ("lang", "text", "qualifier"),
    [
        ("vi", "hơn 100 hộ", "more_than"),
        ("vi", "ít nhất 100 hộ", "at_least"),
        ("vi", "không dưới 100 hộ", "at_least"),
        ("vi", "dưới 100 hộ", "less_than"),
        ("vi", "lên tới 100 hộ", "up_to"),
        ("hu", "legalább 100 háztartás", "at_least"),
        ("hu", "körülbelül 100 háztartás", "about"),
        ("nl", "minstens 100 huishoudens", "at_least"),
        ("nl", "circa 100 huishoudens", "about"),
        ("ar", "بأكثر من 100 أسرة", "more_than"),
        ("ar", "حوالي 100 أسرة", "about"),
        ("ar", "قرابة 100 أسرة", "nearly"),
        ("fr", "près de 100 ménages", "nearly"),
        ("fr", "au moins 100 ménages", "at_least"),
        ("es", "casi 100 hogares", "nearly"),
        ("es", "alrededor de 100 hogares", "about"),
        ("de", "knapp 100 Haushalte", "nearly"),
        ("de", "mindestens 100 Haushalte", "at_least"),
        ("de", "bis zu 100 Haushalte", "up_to"),
        ("ru", "свыше 100 домохозяйств", "more_than"),
        ("ru", "порядка 100 домохозяйств", "about"),
        ("en", "up to 100 households", "up_to"),
        ("en", "less than 100 households", "less_than"),
        ("zh", "至少100户", "at_least"),
        ("zh", "约100户", "about"),
        ("zh", "100余户", "more_than"),
    ],
)
def test_qualifiers(lang, text, qualifier):
    m = only(text, lang)
    assert m.qualifier == qualifier
    assert m.value == 100


def test_expression_covers_qualifier_multiplier_and_denominator():
    text = "đã góp khoảng 2 tỷ đồng"
    m = only(text, "vi")
    assert text[m.expr_start : m.expr_end] == "khoảng 2 tỷ"
    assert m.multiplier == 1e9
    m = only("heeft 17 van de 20 criteria", "nl")
    assert "heeft 17 van de 20 criteria"[m.expr_start : m.expr_end] == "17 van de 20"


def test_lexicon_qualifiers_are_codebook_values():
    for lang in LANGUAGES:
        section = load(lang)["qualifiers"]
        assert set(section) - {"after"} <= set(QUALIFIERS), lang
        assert set(section.get("after", {})) <= set(QUALIFIERS), lang


def test_every_corpus_language_has_a_lexicon():
    assert set(LANGS) <= set(LANGUAGES)


def _locale(lang: str) -> str:
    return load(lang)["language"]["babel_locale"]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    units=st.integers(min_value=0, max_value=10**12),
    places=st.integers(min_value=0, max_value=3),
    cents=st.integers(min_value=0, max_value=999),
    grouping=st.booleans(),
)
def test_babel_formatted_numbers_parse_back(lang, units, places, cents, grouping):
    number = Decimal(units) + (Decimal(cents % 10**places) / 10**places if places else 0)
    text = format_decimal(number, locale=_locale(lang), group_separator=grouping)
    found = find_numbers(text, lang)
    assert len(found) == 1, (text, found)
    assert found[0].value == float(number), text
    assert found[0].raw == text


def _multiplier_words(lang: str) -> list[tuple[str, float]]:
    words = load(lang)["numbers"].get("multipliers", {})
    return sorted((word.rstrip("*"), float(value)) for word, value in words.items())


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    units=st.integers(min_value=1, max_value=9_999),
    tenths=st.integers(min_value=0, max_value=9),
    grouping=st.booleans(),
)
def test_babel_numbers_with_a_word_multiplier_parse_back(lang, data, units, tenths, grouping):
    word, multiplier = data.draw(st.sampled_from(_multiplier_words(lang)), label="multiplier")
    number = Decimal(units) + Decimal(tenths) / 10
    digits = format_decimal(number, locale=_locale(lang), group_separator=grouping)
    text = f"{digits}{'' if lang == 'zh' else ' '}{word}"  # "40 tỷ", "3,5 millió", "12万"
    found = find_numbers(text, lang)
    assert len(found) == 1, (text, found)
    assert found[0].value == pytest.approx(float(number) * multiplier, rel=1e-12), text
    assert found[0].raw == digits


@settings(max_examples=100, deadline=None)
@given(
    units=st.integers(min_value=0, max_value=10**9),
    cents=st.integers(min_value=0, max_value=99),
    grouping=st.booleans(),
)
def test_arabic_indic_digits_parse_back(units, cents, grouping):
    number = Decimal(units) + Decimal(cents) / 100
    text = format_decimal(number, locale="ar", group_separator=grouping, numbering_system="arab")
    assert parse_number(text, "ar") == float(number)


_NOISY = st.lists(
    st.sampled_from(
        list("0123456789٠١٢٣۴.,/-–%٪٫٬:h \u00a0\u202f\nkmhaVNDtỷ万亿一二十个第中的QĐ")
        + ["több mint ", " van de ", " of ", " من ", "hai ", "năm ", "two ", "миллион", "млн "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=200), _NOISY), lang=st.sampled_from(LANGS))
def test_never_raises_and_spans_are_consistent(text, lang):
    found = find_numbers(text, lang)
    for m in found:
        assert text[m.start : m.end] == m.raw
        assert 0 <= m.expr_start <= m.start < m.end <= m.expr_end <= len(text)
        assert m.kind in KINDS
        assert m.qualifier in QUALIFIERS
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    ("text", "lang", "value", "denominator"),
    [
        # Denominator first: Hungarian writes "of the country's 8 177 communes, 6 022" (the
        # elative ending -ből glued to the noun between the two numbers), Chinese "中的" / "中已有"
        ("20 közül 17 kritérium teljesült", "hu", 17, 20),
        ("20-ból 17 teljesült", "hu", 17, 20),
        ("az ország 8 177 községéből 6 022 érte el a szintet", "hu", 6022, 8177),
        ("a 19 új vidék kritériumból 14-et teljesített", "hu", 14, 19),
        ("在20项标准中的17项", "zh", 17, 20),
        ("全国7669个乡中已有6084个达标", "zh", 6084, 7669),
        # The counted noun between x and "out of" / "من أصل" / "из", an owner's name between
        # "of" and y: y is the total, never a count of its own
        ("5,360 of Vietnam's 8,233 communes", "en", 5360, 8233),
        ("33 of An Giang's 119 communes", "en", 33, 119),
        ("51 rural communes out of 120", "en", 51, 120),
        ("استوفت 5813 بلدية من أصل 8227 بلدية", "ar", 5813, 8227),
        ("29 коммун из 120 достигли стандарта", "ru", 29, 120),
        ("12 communes sur 18 ont atteint la norme", "fr", 12, 18),
        # a hyphenated noun or adjective is one word; "sur un total de" is "sur"
        ("154 communes néo-rurales sur 182", "fr", 154, 182),
        ("32 communes titrées sur un total de 80", "fr", 32, 80),
        ("15 new-style communes out of a total of 18", "en", 15, 18),
        # a number word over digits ("five of the 19"): the same fraction
        ("the commune met five of the 19 criteria", "en", 5, 19),
        ("la comuna cumplió cinco de los 19 criterios", "es", 5, 19),
        ("община выполнила пять из 19 критериев", "ru", 5, 19),
        # words on both sides ("twee van de zes districten"): y is the denominator, never x
        ("two of the six districts met the standard", "en", 2, 6),
        ("twee van de zes districten voldeden aan de norm", "nl", 2, 6),
        ("zwei der sechs Kreise erfüllten die Norm", "de", 2, 6),
        ("huyện có 3 trong số 9 xã đạt chuẩn", "vi", 3, 9),
    ],
)
def test_fractions_written_with_words(text, lang, value, denominator):
    numbers = [m for m in find_numbers(text, lang) if m.kind == "number"]
    assert [(m.value, m.denominator) for m in numbers] == [(value, denominator)]


def test_a_larger_second_number_after_the_noun_is_no_denominator():
    # "out of" after a noun links two numbers only when x <= y
    numbers = [
        m for m in find_numbers("300 households out of 25 hamlets", "en") if m.kind == "number"
    ]
    assert [(m.value, m.denominator) for m in numbers] == [(300, None), (25, None)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nl", "Vinh Bao heeft nu 8 van zijn 29 gemeenten binnen de norm.", [(8, 29)]),
        ("fr", "La province compte 73 sur ses 86 communes aux normes.", [(73, 86)]),
    ],
)
def test_x_of_its_y_is_one_count_with_its_denominator(lang, text, expected):
    # "van zijn", "sur ses": the possessive joins a count to its whole like "of"
    numbers = [n for n in find_numbers(text, lang) if n.kind == "number"]
    assert [(n.value, n.denominator) for n in numbers] == expected


def test_spanish_below_is_less_than():
    # "por debajo de 6 criterios": communes below six criteria, no count of criteria met
    (number,) = find_numbers("se quedaban por debajo de 6 criterios", "es")
    assert (number.value, number.qualifier) == (6, "less_than")
