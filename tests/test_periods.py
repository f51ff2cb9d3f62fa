"""Tests for dvk_analysis.text.periods: periods in ten languages and the governing period."""

from __future__ import annotations

import pytest

from dvk_analysis.text.periods import (
    RECENT_YEARS_SPAN,
    PeriodMention,
    find_periods,
    nearest_period,
)


def _spans(text: str, lang: str, published: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.period_start, m.period_end) for m in find_periods(text, lang, published)]


def _only(text: str, lang: str, published: str | None = None) -> PeriodMention:
    found = find_periods(text, lang, published)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


# --- single years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "written"),
    [
        ("en", "In 2023, the district built 70 roads.", "In 2023"),
        ("vi", "Năm 2023, huyện đã xây dựng 70 tuyến đường.", "Năm 2023"),
        ("hu", "2023-ban a község 70 utat épített.", "2023-ban"),
        ("ar", "في عام 2023 قامت المنطقة ببناء 70 طريقًا.", "عام 2023"),
        ("zh", "2023年，全县修建了70条道路。", "2023年"),
        ("ru", "В 2023 году уезд построил 70 дорог.", "В 2023"),
        ("fr", "En 2023, le district a construit 70 routes.", "En 2023"),
        ("es", "En 2023, el distrito construyó 70 caminos.", "En 2023"),
        ("de", "Im Jahr 2023 baute der Bezirk 70 Straßen.", "Im Jahr 2023"),
        ("nl", "In 2023 bouwde het district 70 wegen.", "In 2023"),
    ],
)
def test_single_year_in_every_language(lang, text, written):
    m = _only(text, lang)
    assert m.text == written
    assert (m.period_start, m.period_end, m.kind) == ("2023", "2023", "year")


@pytest.mark.parametrize(
    ("lang", "text", "written"),
    [
        ("es", "A lo largo de 2023 la provincia organizó 70 sesiones.", "A lo largo de 2023"),
        ("fr", "Au cours de 2023, la province a tenu 70 séances.", "Au cours de 2023"),
        (
            "de",
            "Im Laufe des Jahres 2023 hielt die Provinz 70 Sitzungen ab.",
            "Im Laufe des Jahres 2023",
        ),
        ("nl", "Gedurende 2023 hield de provincie 70 sessies.", "Gedurende 2023"),
        ("ru", "За 2023 год провинция провела 70 собраний.", "За 2023"),
    ],
)
def test_a_year_after_a_during_word_is_that_year(lang, text, written):
    m = _only(text, lang)
    assert (m.text, m.period_start, m.period_end) == (written, "2023", "2023")


def test_counts_that_look_like_years_are_not_years():
    assert find_periods("The province mobilised 2000 households and 1990 workers.", "en") == []
    assert find_periods("Tỉnh có 2015 hộ dân tham gia.", "vi") == []


def test_arabic_indic_digits():
    text = "ومنذ عام ٢٠١٦ وحتى الآن، نظمت المنطقة ١١٩ نموذجًا"
    m = _only(text, "ar", "2023-05")
    assert (m.period_start, m.period_end, m.kind) == ("2016", "2023-05", "since")
    assert m.text == "ومنذ عام ٢٠١٦ وحتى الآن"


# --- ranges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In the 2020-2025 term, the province built 430 models."),
        ("en", "In the 2020–2025 term, the province built 430 models."),
        ("en", "From 2020 to 2025, the province built 430 models."),
        ("vi", "Giai đoạn 2020 - 2025, tỉnh đã xây dựng 430 mô hình."),
        ("vi", "Từ năm 2020 đến năm 2025, tỉnh đã xây dựng 430 mô hình."),
        ("hu", "A 2020 és 2025 közötti időszakban 430 modellt építettek."),
        ("hu", "A 2020-2025-ös ciklusban 430 modellt építettek."),
        ("nl", "Van 2020 tot 2025 bouwde de provincie 430 modellen."),
        ("fr", "De 2020 à 2025, la province a construit 430 modèles."),
        ("es", "De 2020 a 2025, la provincia construyó 430 modelos."),
        ("de", "Von 2020 bis 2025 baute die Provinz 430 Modelle."),
        ("ru", "С 2020 по 2025 год провинция построила 430 моделей."),
        ("ar", "خلال الفترة 2020-2025، بنت المقاطعة 430 نموذجًا."),
        ("zh", "2020年至2025年，全省建设了430个模式。"),
    ],
)
def test_ranges(lang, text):
    m = _only(text, lang, "2025-10")
    assert (m.period_start, m.period_end, m.kind) == ("2020", "2025", "range")


def test_range_of_months():
    m = _only("From November 2016 to December 2017, 40 roads were built.", "en")
    assert (m.period_start, m.period_end) == ("2016-11", "2017-12")


# --- since / to now -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Since February 10, the commune has held 12 meetings."),
        ("fr", "Depuis le 10 février, la commune a tenu 12 réunions."),
        ("de", "Seit dem 10. Februar hielt die Gemeinde 12 Treffen ab."),
        ("es", "Desde el 10 de febrero, la comuna celebró 12 reuniones."),
    ],
)
def test_since_a_day_without_its_year_runs_from_that_day_this_year_to_publication(lang, text):
    m = _only(text, lang, "2024-06-15")
    assert (m.period_start, m.period_end, m.kind) == ("2024-02-10", "2024-06-15", "since")


def test_since_a_day_still_to_come_starts_no_period():
    # "from 1 July (the merger's day) the new province will have ...": a plan, not a period
    # running since last July
    found = find_periods("Since July 1, the new province will have 96 communes.", "en", "2025-06")
    assert [m.kind for m in found if m.kind == "since"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "From 2013 to now, the province has built 19,300 models."),
        ("en", "From 2013 to the present, the province has built 19,300 models."),
        ("en", "Since 2013, the province has built 19,300 models."),
        ("vi", "Từ năm 2013 đến nay, toàn tỉnh đã xây dựng 19.300 mô hình."),
        ("hu", "2013 óta a tartomány 19 300 modellt épített."),
        ("hu", "2013-tól napjainkig a tartomány 19 300 modellt épített."),
        ("nl", "Sinds 2013 heeft de provincie 19.300 modellen gebouwd."),
        ("ar", "منذ عام 2013 وحتى الآن، بنت المقاطعة 19300 نموذج."),
        ("fr", "Depuis 2013, la province a construit 19 300 modèles."),
        ("es", "Desde 2013, la provincia ha construido 19.300 modelos."),
        ("de", "Seit 2013 hat die Provinz 19.300 Modelle gebaut."),
        ("ru", "С 2013 года провинция построила 19 300 моделей."),
        ("zh", "2013年以来，全省建设了19300个模式。"),
    ],
)
def test_since_ends_at_publication(lang, text):
    m = _only(text, lang, "2023-09-15")
    assert (m.period_start, m.period_end, m.kind) == ("2013", "2023-09-15", "since")


def test_since_is_as_precise_as_published_and_open_without_it():
    text = "Từ năm 2013 đến nay, toàn tỉnh đã xây dựng 19.300 mô hình."
    assert _only(text, "vi", "2023").period_end == "2023"
    assert _only(text, "vi", "2023-09").period_end == "2023-09"
    assert _only(text, "vi", None).period_end is None
    assert _only(text, "vi", "").period_end is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "2014年年初以来，全省共接待公民742人次。"),
        ("en", "Since the beginning of 2014, the province has received 742 citizens."),
        ("ru", "С начала 2014 года провинция приняла 742 гражданина."),
        ("vi", "Từ đầu năm 2014 đến nay, tỉnh đã tiếp 742 lượt công dân."),
        ("fr", "Depuis le début de 2014, la province a reçu 742 citoyens."),
        ("de", "Seit Anfang 2014 hat die Provinz 742 Bürger empfangen."),
        ("hu", "2014 eleje óta a tartomány 742 állampolgárt fogadott."),
    ],
)
def test_the_start_of_a_named_year_to_now(lang, text):
    # January of the year named, not of the publication's, to the publication date; on an
    # undated page it starts in the year named and stays open, as after "since 2014"
    m = _only(text, lang, "2015-01-10")
    assert (m.period_start, m.period_end, m.kind) == ("2014-01", "2015-01-10", "year_to_date")
    m = _only(text, lang, None)
    assert (m.period_start, m.period_end) == ("2014", None)


def test_the_start_of_the_year_on_an_undated_page_is_an_open_period():
    m = _only("年初以来，全乡举办了30场宣传会议。", "zh", None)
    assert (m.period_start, m.period_end) == (None, None)


def test_an_english_month_day_year_is_one_date_not_the_first_of_the_month():
    # "April 11, 2024": the day may not shrink to "April 1" to dodge the year after it
    m = _only("DIEN BIEN PHU, April 11, 2024 — 3 more communes", "en", "2024-04-11")
    assert (m.text, m.period_start, m.kind) == ("April 11, 2024", "2024-04-11", "date")


def test_month_since_in_hungarian():
    m = _only("2025 júliusától mostanáig 4 propagandaülést szerveztek.", "hu", "2025")
    assert (m.period_start, m.period_end) == ("2025-07", "2025")


# --- months and dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "iso"),
    [
        ("en", "In July 2025, the commune installed 60 lamps.", "2025-07"),
        ("vi", "Tháng 7/2025, xã đã lắp đặt 60 cột đèn.", "2025-07"),
        ("vi", "Trong tháng 10 năm 2025, xã đã lắp đặt 60 cột đèn.", "2025-10"),
        ("hu", "2025 augusztusában a község 60 lámpát telepített.", "2025-08"),
        ("fr", "En juillet 2025, la commune a installé 60 lampes.", "2025-07"),
        ("es", "En julio de 2025, la comuna instaló 60 lámparas.", "2025-07"),
        ("de", "Im Juli 2025 installierte die Gemeinde 60 Lampen.", "2025-07"),
        ("ru", "В июле 2025 года община установила 60 фонарей.", "2025-07"),
        ("ar", "في يوليو 2025 ركبت البلدية 60 عمودًا.", "2025-07"),
        ("zh", "2025年7月，该乡安装了60盏路灯。", "2025-07"),
        ("en", "On 15 July 2025, the commune installed 60 lamps.", "2025-07-15"),
        ("vi", "Ngày 1/7/2025, xã đã lắp đặt 60 cột đèn.", "2025-07-01"),
        ("zh", "2020年11月18日，委员会接待了40名公民。", "2020-11-18"),
    ],
)
def test_months_and_dates(lang, text, iso):
    m = _only(text, lang)
    assert (m.period_start, m.period_end) == (iso, iso)


# --- first months, end of year, recent years ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In the first 9 months of 2023, the district dredged 36.2 km of canals."),
        ("vi", "Trong 9 tháng đầu năm 2023, huyện đã nạo vét 36,2 km kênh mương."),
        ("ar", "في الأشهر التسعة الأولى من عام 2023، قامت المنطقة بتجريف 36.2 كم."),
        ("nl", "In de eerste 9 maanden van 2023 werd 36,2 km gebaggerd."),
        ("es", "En los primeros 9 meses de 2023 se dragaron 36,2 km."),
        ("de", "In den ersten 9 Monaten 2023 wurden 36,2 km ausgebaggert."),
        ("zh", "2023年前9个月，全县疏浚了36.2公里。"),
    ],
)
def test_first_months_of_a_year(lang, text):
    m = _only(text, lang, "2023-10")
    assert (m.period_start, m.period_end, m.kind) == ("2023-01", "2023-09", "first_months")


def test_first_months_without_year_use_publication_year():
    m = _only("6 tháng đầu năm, toàn huyện tiếp 120 lượt công dân.", "vi", "2020-07-02")
    assert (m.period_start, m.period_end) == ("2020-01", "2020-06")
    m = _only("Au premier semestre 2019, la province a reçu 12 pétitions.", "fr", "2020")
    assert (m.period_start, m.period_end) == ("2019-01", "2019-06")
    assert _only("6 tháng đầu năm, toàn huyện tiếp 120 công dân.", "vi").period_start is None


def test_end_of_year():
    m = _only("2022 végéig Cao Bang tartományban 40 község érte el a szintet.", "hu", "2023")
    assert (m.period_start, m.period_end, m.kind) == (None, "2022-12", "end_of_year")
    m = _only("By the end of 2022, 40 communes met the standard.", "en")
    assert m.period_end == "2022-12"
    m = _only("Al cierre de 2022 la provincia suma 80 comunas.", "es")
    assert (m.period_start, m.period_end) == (None, "2022-12")


def test_recent_and_past_years():
    m = _only("In recent years, the commune has mobilised 5 billion VND.", "en", "2025-03")
    # the years reach back from the publication year and end at the publication date
    assert (m.period_start, m.period_end) == (str(2025 - RECENT_YEARS_SPAN), "2025-03")
    m = _only("Over the past 10 years, the commune has mobilised 5 billion VND.", "en", "2025")
    assert (m.period_start, m.period_end) == ("2015", "2025")
    m = _only("Những năm gần đây, xã đã vận động 5 tỷ đồng.", "vi", "2024")
    assert (m.period_start, m.period_end, m.kind) == ("2014", "2024", "recent")
    assert _only("近年来，全市动员了50亿越南盾。", "zh", None).period_start is None


# --- bad input ------------------------------------------------------------------------------


def test_bad_input():
    assert find_periods("", "en", "2023") == []
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        find_periods("In 2023", "xx")
    with pytest.raises(ValueError, match="'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"):
        find_periods("In 2023", "en", "23/09/2023")
    with pytest.raises(ValueError, match="'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"):
        find_periods("In 2023", "en", "2023-13")
    with pytest.raises(ValueError, match="got 2023"):
        find_periods("In 2023", "en", 2023)


# --- nearest_period -------------------------------------------------------------------------


def test_nearest_period_same_sentence_then_paragraph_then_published():
    text = (
        "In 2020, the district built 10 roads. Later it built 20 bridges.\n"
        "The commune mobilised 30 households.\n"
        "From 2013 to now, 40 models were built, and in 2021 50 more."
    )
    found = find_periods(text, "en", "2023")
    same = nearest_period(found, text.index("10 roads"), "2023", text)
    assert same.period_start == "2020"
    paragraph = nearest_period(found, text.index("20 bridges"), "2023", text)
    assert paragraph.period_start == "2020"
    fallback = nearest_period(found, text.index("30 households"), "2023-09", text)
    assert (fallback.period_start, fallback.period_end, fallback.kind) == (
        "2023",
        "2023",
        "published",
    )
    assert fallback.start == -1
    closest = nearest_period(found, text.index("50 more"), "2023", text)
    assert closest.period_start == "2021"
    since = nearest_period(found, text.index("40 models"), "2023", text)
    assert (since.period_start, since.period_end) == ("2013", "2023")


def test_nearest_period_without_published_or_text():
    text = "The commune mobilised 30 households."
    assert nearest_period(find_periods(text, "en"), 10, None, text) is None
    found = find_periods("In 2020 there were 10 roads. Then 20 bridges.", "en")
    assert nearest_period(found, 40, None).period_start == "2020"  # no text: any preceding


@pytest.mark.parametrize("lang", ["vi", "en", "hu", "nl", "ar", "fr", "es", "de", "ru", "zh"])
def test_every_lexicon_compiles_and_finds_an_iso_range(lang):
    # Every language understands the numeric range shape, whatever its words.
    m = _only("… 2016-2020 …", lang)
    assert (m.period_start, m.period_end) == ("2016", "2020")


@pytest.mark.parametrize(
    "text", ["自2013年以来，全省建设了19300个模式。", "自2013年起，全省建设了模式。"]
)
def test_chinese_since_without_spaces(text):
    m = _only(text, "zh", "2023")
    assert (m.period_start, m.period_end, m.kind) == ("2013", "2023", "since")
    assert m.text.startswith("自2013")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The whole province so far has 84 communes"),
        ("vi", "Đến nay toàn tỉnh có 84 xã"),
        ("hu", "az egész tartományban eddig 84 község"),
        ("fr", "les habitants ont jusqu'ici cédé 20 hectares"),
        ("nl", "de inwoners hebben tot nu toe 20 hectare"),
        ("de", "Bis heute haben 20 Haushalte"),
        ("es", "hasta la fecha, 20 hogares"),
        ("ru", "жители к настоящему времени отдали 20 га"),
        ("ar", "يوجد حتى الآن ٨٤ بلدية"),
        ("zh", "截至目前，居民已献出20多万平方米土地"),
    ],
)
def test_so_far_ends_at_publication_with_an_open_start(lang, text):
    (mention,) = find_periods(text, lang, "2025-08-18")
    assert (mention.kind, mention.period_start, mention.period_end) == (
        "to_date",
        None,
        "2025-08-18",
    )


def test_so_far_inside_a_since_range_keeps_the_range():
    (mention,) = find_periods("từ năm 2013 đến nay", "vi", "2025")
    assert (mention.kind, mention.period_start) == ("since", "2013")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "under Resolution 25-NQ/TW of 3 June 2013, the district"),
        ("es", "según la Decisión 558/QĐ-TTg del 5 de abril de 2016 del Primer Ministro"),
        ("vi", "theo Nghị quyết 25-NQ/TW ngày 3/6/2013 của Bộ Chính trị"),
        ("zh", "越共中央2013年6月3日第25-NQ/TW号决议"),
    ],
)
def test_the_date_of_a_coded_document_is_no_period(lang, text):
    assert find_periods(text, lang, "2025") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "100% số xã đạt chuẩn nông thôn mới theo bộ tiêu chí giai đoạn 2021-2025."),
        ("es", "Según los criterios del periodo 2021-2025, 3 de las 15 comunas cumplen."),
        ("fr", "Selon le jeu de critères de la période 2022-2025, la commune a 17 critères."),
        ("en", "Under the 2021-2025 criteria, 12 communes meet the advanced standard."),
        ("zh", "按照2016—2020年阶段的国家标准体系，全乡19项新农村标准已全部达标。"),
        ("nl", "Volgens de criteriaset voor de periode 2016-2020 voldoen 29 gemeenten."),
    ],
)
def test_the_period_of_a_criteria_set_is_no_period_of_the_figure(lang, text):
    # the commune meets the standard of that set now: the figure holds at publication, not
    # over 2021-2025 (and no later or earlier year may take its place in this sentence)
    (found,) = find_periods(text, lang, "2025-06")
    assert (found.period_start, found.period_end, found.kind) == (None, "2025-06", "current")


def test_a_year_after_criteria_met_is_still_the_period():
    found = find_periods("The commune met 19 criteria in 2020.", "en", "2025")
    assert [(m.period_start, m.period_end) for m in found] == [("2020", "2020")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "vi",
            "Kế hoạch giai đoạn 2021-2025, tầm nhìn đến năm 2030: năm 2023 huyện làm đường.",
        ),
        ("zh", "执行2021—2025年阶段、面向2030年的计划，2023年全县修路。"),
        (
            "en",
            "Under the plan for 2021-2025 with a vision to 2030, the district built roads in 2023.",
        ),
        ("es", "Con el plan 2021-2025 y visión a 2030, en 2023 el distrito construyó caminos."),
    ],
)
def test_a_plans_horizon_is_never_the_period(lang, text):
    # "vision to 2030" names where a plan looks, not when a figure holds
    found = find_periods(text, lang, "2024")
    assert "2030" not in {m.period_end for m in found}
    assert ("2023", "2023") in {(m.period_start, m.period_end) for m in found}


def test_german_als_when_is_no_comparison():
    found = find_periods(
        "Als im Oktober 2020 die Gemeinde 45 Versammlungen hielt, kamen alle.", "de"
    )
    assert [(m.period_start, m.period_end) for m in found] == [("2020-10", "2020-10")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Cuando en octubre de 2020 comenzó la ampliación, la comuna organizó reuniones."),
        ("de", "Als im Oktober 2020 der Ausbau begann, verlief ein Abschnitt durch den Bezirk."),
        ("en", "When the widening began in October 2020, the commune held meetings."),
        ("hu", "Amikor 2020 októberében megkezdődött a bővítés, a község gyűléseket tartott."),
    ],
)
def test_a_date_with_a_start_verb_starts_a_period(lang, text):
    found = find_periods(text, lang)
    assert [(m.period_start, m.period_end) for m in found] == [("2020-10", None)]
    found = find_periods(text, lang, "2021-09-09")
    assert [(m.period_start, m.period_end) for m in found] == [("2020-10", "2021-09-09")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("hu", "Ezzel 2021 júniusának végéig 330 község felel meg a szabványnak."),
        ("en", "As of June 2021, 330 communes met the standard."),
        ("vi", "Tính đến tháng 6/2021, toàn tỉnh có 330 xã đạt chuẩn."),
    ],
)
def test_by_a_date_ends_a_period_with_an_open_start(lang, text):
    found = find_periods(text, lang, "2021")
    assert [(m.period_start, m.period_end) for m in found] == [(None, "2021-06")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Over more than ten years, the district built 196 models."),
        ("de", "In mehr als zehn Jahren baute der Bezirk 196 Modelle auf."),
        ("vi", "Sau hơn 10 năm, huyện xây dựng 196 mô hình."),
    ],
)
def test_over_more_than_n_years_reaches_back_from_publication(lang, text):
    found = find_periods(text, lang, "2023-08")
    assert [(m.period_start, m.period_end) for m in found] == [("2013", "2023-08")]


def test_more_than_n_years_ago_is_no_period():
    text = "Its concrete surface, laid more than 15 years ago, has degraded."
    assert find_periods(text, "en", "2025-10-26") == []


@pytest.mark.parametrize(
    "phrase", ["As of 30 June 2024", "Current to 30 June 2024", "By 30 June 2024"]
)
def test_an_until_word_opens_the_start_of_a_dated_figure(phrase):
    # "as of" starts with a letter no other period word starts with: the scan's first-letter
    # filter must still try it
    (p,) = find_periods(f"{phrase}, the province had 300 communes.", "en", "2024-10-01")
    assert (p.period_start, p.period_end) == (None, "2024-06-30")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "他们被评为2021—2025年阶段的典型。", ("2021", "2025")),  # a Han character before
        ("zh", "截至2025年6月，全国已有6084个乡达标。", (None, "2025-06")),
        (
            "ru",
            "По состоянию на июнь 2021 года стандартам соответствовали 5 343 общины.",
            (None, "2021-06"),
        ),
        ("de", "Bis Juni 2022 erfüllten 5.775 Gemeinden den Standard.", (None, "2022-06")),
        ("nl", "Tot en met november 2022 voldeden 5.869 gemeenten.", (None, "2022-11")),
        ("ar", "وحتى نوفمبر 2020، بلغ عدد البلديات 5392 بلدية.", (None, "2020-11")),
    ],
)
def test_until_words_and_han_neighbours(lang, text, expected):
    (m,) = find_periods(text, lang, "2025-08")
    assert (m.period_start, m.period_end) == expected


def test_a_launch_year_starts_a_period_to_publication():
    (m,) = find_periods("Lancé en 2009, le mouvement compte 900 000 modèles.", "fr", "2020-10")
    assert (m.period_start, m.period_end) == ("2009", "2020-10")


@pytest.mark.parametrize(
    ("lang", "text", "end"),
    [
        ("en", "By 30 September, 320 communes had met the standard.", "2021-09-30"),
        ("en", "As of October 20, 6,320 communes met the standard.", "2021-10-20"),
        ("de", "Bis Ende Juni erfüllten 5.775 Gemeinden den Standard.", "2022-06"),
        ("zh", "截至6月15日，全省共举办135760场。", "2022-06-15"),
        ("en", "As of 30 June 2020, 300 communes met the standard.", "2020-06-30"),
    ],
)
def test_an_until_date_without_a_year_is_in_the_publication_year(lang, text, end):
    # published 29 June 2022: a September or October still to come is last year's
    (m,) = find_periods(text, lang, "2022-06-29")
    assert (m.period_start, m.period_end) == (None, end)


@pytest.mark.parametrize(
    ("lang", "text", "published", "iso"),
    [
        (
            "es",
            "El domingo 27 de noviembre, los jóvenes repararon el camino.",
            "2022-11-30",
            "2022-11-27",
        ),
        ("en", "On the afternoon of October 23, the conference met.", "2024-10-25", "2024-10-23"),
        ("de", "Am 20. Dezember wurde gefeiert.", "2025-01-05", "2024-12-20"),
        ("zh", "12月20日，该乡举行仪式。", "2024-12-25", "2024-12-20"),
    ],
)
def test_a_day_of_a_named_month_without_year_is_in_the_publication_year(lang, text, published, iso):
    # the year before when that day is still to come ("20 December" in a January paper)
    (m,) = find_periods(text, lang, published)
    assert (m.period_start, m.period_end, m.kind) == (iso, iso, "day")


def test_a_numeric_day_and_month_is_no_day():
    # "28/12" is also a fraction: only a month name makes a day without a year
    assert find_periods("Sáng 28/12, xã tổ chức lễ.", "vi", "2024-12-30") == []


def test_a_spanish_date_links_day_and_month_with_de():
    (m,) = find_periods("El 9 de julio de 2019 se reunieron.", "es", "2019-08")
    assert (m.kind, m.period_start, m.period_end) == ("date", "2019-07-09", "2019-07-09")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Только в апреле провели 244 встречи.", ("2016-04", "2016-04")),
        ("en", "Only in April they held 244 meetings.", ("2016-04", "2016-04")),
        ("fr", "En avril, 12 réunions ont eu lieu.", ("2016-04", "2016-04")),
        ("hu", "Áprilisban 12 gyűlést tartottak.", ("2016-04", "2016-04")),
        ("vi", "Trong tháng 4, tỉnh tổ chức 12 hội nghị.", ("2016-04", "2016-04")),
        ("ar", "في أبريل عقدت المقاطعة 12 اجتماعا.", ("2016-04", "2016-04")),
        ("hu", "Novemberben 12 gyűlést tartottak.", ("2015-11", "2015-11")),  # last November
    ],
)
def test_a_month_without_its_year_is_in_the_publication_year(lang, text, expected):
    (m,) = find_periods(text, lang, "2016-05-10")
    assert (m.period_start, m.period_end) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "Trong quý II/2019, tỉnh tiếp 1.533 lượt công dân.", ("2019-04", "2019-06")),
        (
            "fr",
            "Au deuxième trimestre de 2017, les organes ont reçu 130 visites.",
            ("2017-04", "2017-06"),
        ),
        ("de", "Im zweiten Quartal 2019 empfing die Provinz 97 Bürger.", ("2019-04", "2019-06")),
        ("hu", "2019 második negyedévében 97 állampolgárt fogadtak.", ("2019-04", "2019-06")),
        ("zh", "2019年第二季度，全省接待公民97人次。", ("2019-04", "2019-06")),
        ("en", "In the first quarter the province received 97 citizens.", ("2016-01", "2016-03")),
        # the end of a quarter: up to its last month
        ("zh", "到2014年第二季度末已达到全部19/19项标准。", (None, "2014-06")),
        ("vi", "Đến cuối quý II/2014, xã đạt 19/19 tiêu chí.", (None, "2014-06")),
    ],
)
def test_a_quarter_is_its_three_months(lang, text, expected):
    (m,) = find_periods(text, lang, "2016-05-10")
    assert (m.period_start, m.period_end) == expected


def test_an_inflected_month_before_its_year_is_that_years():
    # "декабря 2017 года": the month word keeps its ending, so the year after it counts; and
    # a dash before a new sentence ("— В декабре") joins no range
    text = "ДАКНОНГ, 28 декабря 2017 года — В декабре 2017 года провели 10 приёмов."
    found = [(m.period_start, m.period_end) for m in find_periods(text, "ru", "2017-12-28")]
    assert found == [("2017-12-28", "2017-12-28"), ("2017-12", "2017-12")]


def test_a_month_name_without_an_in_word_is_no_period():
    assert find_periods("They may hold 244 meetings.", "en", "2016-05-10") == []


def test_a_hungarian_month_with_its_year_before_is_that_years():
    (m,) = find_periods("2014 áprilisában 12 gyűlést tartottak.", "hu", "2016-05-10")
    assert (m.period_start, m.period_end) == ("2014-04", "2014-04")


def test_period_patterns_compile_only_when_a_text_can_hold_them():
    from dvk_analysis.text.periods import _rules

    _rules.cache_clear()  # a fresh set of patterns, none compiled yet
    find_periods("Năm 2023, toàn huyện có 120 mô hình.", "vi", "2024-01-01")
    compiled = [lazy for _, lazy, _ in _rules("vi").patterns if "regex" in vars(lazy)]
    # the year shapes were needed; most templates ("first N months", "so far" ...) were not
    assert 0 < len(compiled) < len(_rules("vi").patterns) / 2
