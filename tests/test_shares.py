"""Shares of communes meeting the standard, read after the count they belong to."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text


def _shares(text: str, lang: str) -> list[tuple[float, str, str]]:
    claims = extract_text(text, article_id="t", lang=lang, published="2019-10-08")
    return [(c.value, c.place, c.unit) for c in claims if c.indicator.startswith("share_")]


@pytest.mark.parametrize(
    ("lang", "text", "share"),
    [
        (
            "en",
            "Ca Mau province now has 30 of its 82 communes meeting the new-style rural standard, "
            "or 36.6%, up 15.9% from 2015.",
            0.366,
        ),
        (
            "fr",
            "La province compte 115 communes aux normes de la Nouvelle ruralité, soit 78,76 % de "
            "l'ensemble de ses communes.",
            0.7876,
        ),
        (
            "es",
            "145 comunas de Hung Yen han sido reconocidas como comunas de nueva ruralidad, es "
            "decir, el 97,2 %.",
            0.972,
        ),
        (  # "of the total" is the count's own whole
            "fr",
            "Ces efforts ont permis à 265 communes, soit 57,6 % du total, d'atteindre les normes "
            "de la nouvelle ruralité.",
            0.576,
        ),
        (
            "en",
            "As of April 2020, 160 of the province's 178 communes had been recognised as meeting "
            "the new-rural standard, nearly 90 per cent of the total.",
            0.9,
        ),
        (  # a long clause between the count and its share (more than 90 characters)
            "es",
            "Al cierre de ese año, 17 de las 29 comunas habían alcanzado ya el estándar de nueva "
            "ruralidad modelo, es decir, el 58,6 %.",
            0.586,
        ),
    ],
)
def test_the_share_after_a_count_of_communes(lang, text, share):
    # only the first percentage: "up 15.9% from 2015" is a change, not a share
    found = _shares(text, lang)
    assert [v for v, _, _ in found] == [share]
    assert found[0][2] == "share"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il n'y avait que 26 communes remplissant plus de 75 % des critères."),
        ("en", "By September 320/411 communes had met the standard, or 98.46% of the plan."),
        ("en", "The district has 12 communes meeting the standard. Incomes rose 8%."),
        # Chinese writes no space after "。": still another sentence
        ("zh", "全县15个乡均已达到新农村标准。当地群众的满意率达99.97%。"),
    ],
)
def test_a_percentage_of_something_else_or_in_another_sentence_is_no_share(lang, text):
    assert _shares(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Figures show that 100 per cent of Ha Noi's communes have reached the new-style "
            "rural standard.",
        ),
        ("vi", "Hiện nay 100% số xã trên địa bàn đã đạt chuẩn nông thôn mới."),
        ("zh", "截至目前，宁平省100%的乡已达到新农村标准。"),
    ],
)
def test_a_share_of_communes_stated_on_its_own_is_read(lang, text):
    claims = extract_text(text, article_id="a", lang=lang, published="2024-01-01")
    assert ("share_communes_meeting_ntm", 1.0) in [(c.indicator, c.value) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Growth reached 8.5 per cent of GDP.",
        "The province aims for 100 per cent of communes to meet the standard by 2025.",
        "Some 90 per cent of the households have clean water.",
    ],
)
def test_other_percentages_are_no_share_of_communes(text):
    claims = extract_text(text, article_id="a", lang="en", published="2024-01-01")
    assert not [c for c in claims if c.indicator == "share_communes_meeting_ntm"]


def test_a_share_stated_on_its_own_quotes_its_clause():
    text = "Hiện nay 100% số xã trên địa bàn đã đạt chuẩn nông thôn mới."
    claims = extract_text(text, article_id="a", lang="vi", published="2024-01-01")
    share = next(c for c in claims if c.indicator == "share_communes_meeting_ntm")
    assert "số xã" in share.quote


def test_the_parts_of_a_share_of_communes_are_counts_of_communes_with_their_tier():
    # "100 per cent of the communes ... Of these, 229 advanced and 109 model": parts of a total
    # written as a share
    text = (
        "Figures show that 100 per cent of Ha Noi's communes have reached the new-style rural "
        "standard. Of these, 229 have been recognised as advanced new-style rural communes and "
        "109 have earned model status."
    )
    claims = extract_text(text, article_id="a", lang="en")
    parts = [(c.indicator, c.value, c.tier) for c in claims if c.unit == "count"]
    assert parts == [
        ("communes_meeting_ntm", 229, "advanced"),
        ("communes_meeting_ntm", 109, "model"),
    ]


def test_a_share_after_a_partitive_head_is_the_share_of_communes():
    text = "Van de gemeenten in Y Yen voldoet inmiddels 100 procent aan de norm."
    assert [v for v, _, _ in _shares(text, "nl")] == [1.0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # one criterion, not the standard: the communes rule's not-words hold for shares too
        ("es", "En materia de planificación, el 100 % de las comunas ya cumple el criterio."),
        (
            "en",
            "Also in 2021, 195 of the province's 200 communes met the national standard on "
            "access to the law, or 97.5 per cent, up 0.5 per cent.",
        ),
    ],
)
def test_a_share_of_communes_meeting_one_criterion_is_no_ntm_share(lang, text):
    assert _shares(text, lang) == []


def test_the_words_saying_what_a_share_is_of_come_from_the_lexicon():
    # the lexicon's share_of words: "of the households" is no share of communes, "of the
    # total" (share_total) is
    from dvk_analysis.text.shares import _of_what, _total

    owner = _of_what("en").match(" per cent of the households said so", 0)
    assert owner is not None and owner.group(1).startswith("the households")
    assert _total("en").match("the total") is not None
    assert _of_what("hu") is None  # Hungarian names the whole before the percentage
