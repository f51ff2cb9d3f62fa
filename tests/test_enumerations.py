"""Field enumerations: each count takes the field of its own list item, in every language.

The sentences are made up (figures of no real report); the field stands before the number in
some, after it in others, in brackets in others.
"""

from __future__ import annotations

import pytest

from dvk_analysis.text.enumerations import list_separator
from dvk_analysis.text.extract import extract_text

ECON, CULT, DEF, PARTY = (
    "dvk_models_economic",
    "dvk_models_culture_society",
    "dvk_models_defense_security",
    "dvk_models_party_building",
)


def _pairs(text: str, lang: str) -> set[tuple[str, float]]:
    claims = extract_text(text, article_id="t", lang=lang, published="2024-06-15")
    return {(c.indicator, c.value) for c in claims}


FOUR = {(ECON, 410), (CULT, 265), (DEF, 97), (PARTY, 64)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The district has built 836 models. By field, the economy comes first with 410 "
            "models, followed by culture and society with 265, defence and security with 97 "
            "and Party building and the political system with 64.",
        ),
        (
            "de",
            "Der Bezirk hat 836 Modelle aufgebaut. Nach Bereichen liegt die Wirtschaft mit 410 "
            "Modellen vorn, gefolgt von Kultur und Gesellschaft mit 265, Verteidigung und "
            "Sicherheit mit 97 sowie Parteiaufbau und politischem System mit 64.",
        ),
        (
            "es",
            "El distrito ha creado 836 modelos. Por ámbitos, la economía va primero con 410 "
            "modelos, seguida de cultura y sociedad con 265, defensa y seguridad con 97 y "
            "construcción del Partido y del sistema político con 64.",
        ),
        (
            "fr",
            "Le district compte 836 modèles, répartis ainsi : économie (410), culture et "
            "société (265), défense et sécurité (97) et construction du Parti et du système "
            "politique (64).",
        ),
        (
            "ru",
            "В уезде создано 836 моделей. По направлениям: экономика — 410 моделей, культура и "
            "общество — 265, оборона и безопасность — 97, партийное строительство и "
            "политическая система — 64.",
        ),
        (
            "ar",
            "أنشأت المنطقة ٨٣٦ نموذجًا (منها ٤١٠ في المجال الاقتصادي، و٢٦٥ في المجال الثقافي "
            "والاجتماعي، و٩٧ في مجال الدفاع والأمن، و٦٤ في مجال بناء الحزب والنظام السياسي).",
        ),
        (
            "zh",
            "全县共建设模式836个。按领域分，经济领域410个；文化—社会领域265个，国防—安全领域97个，"
            "党建和政治系统建设领域64个。",
        ),
        (
            "vi",
            "Toàn huyện có 836 mô hình, trong đó lĩnh vực kinh tế 410 mô hình, văn hóa - xã hội "
            "265 mô hình, quốc phòng - an ninh 97 mô hình, xây dựng Đảng và hệ thống chính trị "
            "64 mô hình.",
        ),
    ],
)
def test_each_count_takes_the_field_of_its_own_item(lang, text):
    found = _pairs(text, lang)
    assert found >= FOUR, found - FOUR
    shifted = {(f, v) for f, _ in FOUR for _, v in FOUR} - FOUR
    assert not found & shifted


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "nl",
            "Dit jaar zijn er 900 nieuwe modellen opgezet. Daarvan lagen er 410 op economisch "
            "gebied en 265 op cultureel en maatschappelijk gebied.",
        ),
        (
            "hu",
            "Idén 900 új modell jött létre. Ebből 410 a gazdasági területen, 265 a kulturális "
            "és társadalmi területen működik.",
        ),
    ],
)
def test_a_breakdown_by_field_in_the_next_sentence(lang, text):
    found = _pairs(text, lang)
    assert {(ECON, 410), (CULT, 265)} <= found, found


def test_fields_listed_after_the_counts_are_no_enumeration():
    text = (
        "Among these models are 194 collective models and 80 individual examples in fields "
        "such as the economy, culture, defence and security."
    )
    assert not {(ECON, 80), (CULT, 80), (ECON, 194)} & _pairs(text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Dans le domaine économique, la province compte plus de 120 modèles."),
        ("fr", "La province compte 120 modèles dans le domaine économique."),
        ("es", "En el ámbito económico, la provincia cuenta con más de 120 modelos."),
        ("es", "La provincia cuenta con 120 modelos en el ámbito económico."),
        ("de", "Im Bereich der wirtschaftlichen Entwicklung gibt es über 120 Modelle."),
        ("de", "Die Provinz hat 120 Modelle im wirtschaftlichen Bereich."),
        ("ru", "В сфере экономического развития создано более 120 моделей."),
        ("ru", "В провинции создано 120 моделей в сфере экономики."),
        ("hu", "A gazdasági területen több mint 120 modell működik."),
        ("hu", "A tartományban 120 modell működik a gazdasági területen."),
    ],
)
def test_the_field_named_before_or_after_the_only_number(lang, text):
    assert _pairs(text, lang) == {(ECON, 120)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Along with socio-economic development, the province built 120 models."),
        ("ru", "Наряду с социально-экономическим развитием в провинции создано 120 моделей."),
        ("vi", "Cùng với phát triển kinh tế - xã hội, tỉnh xây dựng 120 mô hình."),
    ],
)
def test_socio_economic_development_names_no_field(lang, text):
    assert _pairs(text, lang) == {("dvk_models", 120)}


def test_a_total_and_one_part_in_a_field():
    text = "The province has 5,358 models, 1,706 of them in the economic field."
    assert _pairs(text, "en") == {("dvk_models", 5358), (ECON, 1706)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A község 12 modellel rendelkezik, ebből 5 gazdasági modell.",
            {("dvk_models", 12), (ECON, 5)},
        ),
        (
            "A tartományban 2023-ban 45 propagandaülést tartottak, 3200 résztvevővel.",
            {("propaganda_sessions", 45), ("propaganda_participants", 3200)},
        ),
        (
            "A lakosok 2,5 milliárd VND-t adományoztak, és 35 háztartásnak segítettek.",
            {("funds_mobilized", 2_500_000_000), ("households_mobilized", 35)},
        ),
        ("A lakosok 3 200 m²-t adományoztak az út építéséhez.", {("land_donated", 3200)}),
    ],
)
def test_hungarian_case_endings_on_numbers_and_nouns(text, expected):
    assert _pairs(text, "hu") == expected


def test_items_after_a_field_name_a_field_of_their_own_or_count_no_field():
    text = (
        "Davon betreffen 13 Modelle die Land- und Forstwirtschaft, 7 das Bildungswesen, "
        "5 die Bevölkerungspolitik und 3 die Wahrung von Sicherheit und Ordnung."
    )
    assert _pairs(text, "de") == {(ECON, 13), (DEF, 3)}


@pytest.mark.parametrize(
    ("lang", "text", "separates"),
    [
        ("fr", "l'État y a contribué", False),  # "il y a": no "and" in French
        ("fr", "réalisé en 2020", False),
        ("fr", "les routes et les canaux", True),
        ("es", "las carreteras y los canales", True),
        ("nl", "wegen en kanalen", True),
    ],
)
def test_list_separators_are_the_languages_own(lang, text, separates):
    assert (list_separator(lang).search(text) is not None) == separates


def test_the_state_budget_before_a_contribution_in_french():
    text = (
        "Le budget de l'État y a contribué directement à hauteur de près de 177 milliards de dongs."
    )
    assert _pairs(text, "fr") == {("ntm_funds_state", 177_000_000_000)}


def test_the_other_fields_item_of_a_chinese_enumeration_counts_models():
    # "其他领域还有N个": the measure word alone, no noun; the item counts models of no one field
    text = "全县共建设模式836个。按领域分，经济领域410个；文化—社会领域265个；其他领域还有61个。"
    assert _pairs(text, "zh") == {("dvk_models", 836), (ECON, 410), (CULT, 265), ("dvk_models", 61)}
