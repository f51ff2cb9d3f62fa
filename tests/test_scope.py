"""Which unit a sentence reports on: scope words, captions, addresses."""

from __future__ import annotations

import pytest

from dvk_analysis.text.extract import extract_text


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
