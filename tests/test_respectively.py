"""'Respectively' lists: the k-th figure takes the k-th field or the k-th place."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text
from dvk_analysis.text.respectively import listed_names, respectively_words


def _places(text: str, lang: str) -> list[tuple[float, str, str]]:
    claims = extract_text(text, article_id="t", lang=lang, published="2020-07-01")
    return [(c.value, c.place, c.admin_level) for c in claims]


@pytest.mark.parametrize(
    ("before", "names"),
    [
        ("drie gehuchten: Dong Du, Le Loi en Hung Hoa kregen ", ["Dong Du", "Le Loi", "Hung Hoa"]),
        (" à Bo Trach et à Tuyen Hoa, ils en ont donné ", ["Bo Trach", "Tuyen Hoa"]),
        ("By June this year, Na Ma 1 and Na Ma 2 had ", ["Na Ma 1", "Na Ma 2"]),
        ("The district has 120 models", []),  # one name is no list
        ("في قرية فينه داي و قرية كام لوك", []),  # no capitals, no list
    ],
)
def test_listed_names(before, names):
    assert [before[a:b] for a, b in listed_names(before)] == names


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nl",
            "Het werk werd verdeeld over drie gehuchten: Dong Du, Le Loi en Hung Hoa kregen "
            "respectievelijk 7 km, 2 km en 1,7 km nieuwe weg.",
            [
                (7000, "Dong Du", "village"),
                (2000, "Le Loi", "village"),
                (1700, "Hung Hoa", "village"),
            ],
        ),
        (
            "en",
            "By June, Hoa Binh province and Quang Tri province had 51 and 42 new-style rural "
            "communes respectively.",
            [(51, "Hoa Binh province", "province"), (42, "Quang Tri province", "province")],
        ),
        # an article before the second place
        (
            "fr",
            "Le district de Le Thuy et le district de Quang Ninh ont reçu respectivement 37 et "
            "27 personnes.",
            [(37, "district de Le Thuy", "district"), (27, "district de Quang Ninh", "district")],
        ),
        # a capitalised German level word before the list names the level of every name
        (
            "de",
            "Die Gemeinden Nam Giang und Nam Kim folgen mit 25 beziehungsweise 24 Haushalten, die "
            "Land abtraten.",
            [(25, "Nam Giang", "commune"), (24, "Nam Kim", "commune")],
        ),
    ],
)
def test_each_figure_of_a_respectively_list_holds_for_its_own_place(lang, text, expected):
    assert _places(text, lang) == expected


def test_without_respectively_the_last_place_named_holds():
    text = "Dong Du village and Le Loi village built 7 km and 2 km of new road."
    assert {place for _, place, _ in _places(text, "en")} == {"Le Loi village"}


@pytest.mark.parametrize(
    ("lang", "text", "indicator"),
    [
        ("en", "The district has built 950 models in the economic field.", "dvk_models_economic"),
        # several fields named one after the other: models of all of them
        (
            "en",
            "The district has built 950 models in the economic, cultural-social and defence "
            "fields.",
            "dvk_models",
        ),
        (
            "de",
            "Davon entfallen 630 Modelle auf die wirtschaftliche sowie die kulturell-soziale "
            "Entwicklung.",
            "dvk_models",
        ),
        # an enumeration gives each number its own field
        (
            "en",
            "By field, the economy leads with 120 models, followed by culture-society with 80 "
            "models.",
            "dvk_models_economic",
        ),
    ],
)
def test_models_of_several_fields_named_together_are_models_of_all_fields(lang, text, indicator):
    claims = extract_text(text, article_id="t", lang=lang, published="2020-07-01")
    assert claims[0].indicator == indicator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fields in clauses of their own, cut by semicolons, before the numbers
        (
            "The economy; culture and society; defence and security; and the building of the "
            "political system account for 48, 46, 28 and 6 of these models respectively.",
            [
                ("dvk_models_economic", 48),
                ("dvk_models_culture_society", 46),
                ("dvk_models_defense_security", 28),
                ("dvk_models_party_building", 6),
            ],
        ),
        # without "respectively" the semicolons keep their clauses apart
        (
            "The economy leads; culture and society follow; the city has 48 and 46 models.",
            [("dvk_models", 48), ("dvk_models", 46)],
        ),
    ],
)
def test_fields_named_in_clauses_before_a_respectively_list(text, expected):
    claims = extract_text(text, article_id="t", lang="en", published="2020-07-01")
    assert [(c.indicator, c.value) for c in claims] == expected


def test_respectively_words_belong_to_their_language():
    # Hungarian "rendre" (respectively) is the French verb "to render"
    assert respectively_words("hu").search("37, illetve 27 fő rendre") is not None
    assert respectively_words("fr").search("rendre visite aux 37 familles") is None
    assert respectively_words("de").search("433, 93 bzw. 121 Haushalte") is not None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Die Zahl der Kollektive und Einzelpersonen, die Belobigungen erhielten, lag bei "
            "4.222 beziehungsweise 19.729.",
        ),
        (
            "fr",
            "Les collectifs et les individus récompensés étaient respectivement 4 222 et 19 729.",
        ),
        ("en", "The collectives and individuals commended numbered 4,222 and 19,729 respectively."),
        ("es", "Los colectivos e individuos homenajeados fueron 4.222 y 19.729, respectivamente."),
        ("vi", "Số tập thể và cá nhân được khen thưởng lần lượt là 4.222 và 19.729."),
    ],
)
def test_a_respectively_list_of_two_indicators_pairs_them_in_order(lang, text):
    claims = extract_text(text, article_id="t", lang=lang)
    assert [(c.indicator, c.value) for c in claims] == [
        ("collectives_honored", 4222),
        ("individuals_honored", 19729),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Затем в 2014, 2015 и 2016 годах стандарт выполнили соответственно 8, 9 и 21 община.",
        ),
        ("en", "Then 8, 9 and 21 communes met the standard in 2014, 2015 and 2016 respectively."),
    ],
)
def test_each_figure_of_a_respectively_list_takes_its_own_year(lang, text):
    claims = extract_text(text, article_id="t", lang=lang, published="2020-07-01")
    assert [(c.value, c.period_start, c.period_end) for c in claims] == [
        (8, "2014", "2014"),
        (9, "2015", "2015"),
        (21, "2016", "2016"),
    ]
    # without the respectively word the years are no list of the figures' own
    plain = text.replace(" respectively", "").replace(" соответственно", "")
    claims = extract_text(plain, article_id="t", lang=lang, published="2020-07-01")
    assert {c.period_start for c in claims} != {"2014", "2015", "2016"}
