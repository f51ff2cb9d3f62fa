"""Numeral shapes that are no quantity: dates, times, codes, phones, year ranges."""

from __future__ import annotations

import pytest

from dvk_analysis.text.shapes import (
    currency_code_start,
    date_value,
    is_code_prefix,
    is_year_value,
    special_kind,
)


@pytest.mark.parametrize(
    ("text", "kind", "end"),
    [
        ("15/10/2020 và", "date", 10),
        ("2021-05-01,", "date", 10),
        ("9/2025 ", "date", 6),
        ("8:30 sáng", "time", 4),
        ("21h30", "time", 5),
        ("25-NQ/TW", "code", 8),
        ("43/2014/NĐ-CP", "code", 13),
        ("0912 345 678", "code", 12),
        ("2020-2025", "year", 9),
        ("٢٠٢٠-٢٠٢٥", "year", 9),
    ],
)
def test_special_kind(text, kind, end):
    assert special_kind(text, 0) == (kind, end)


@pytest.mark.parametrize("text", ["120 mô hình", "13/2020", "1.600 hộ", "2020-2300", "0912 34"])
def test_quantities_have_no_special_kind(text):
    assert special_kind(text, 0) is None


def test_code_prefix_and_years():
    assert is_code_prefix("QL1A", 2) and is_code_prefix("DH-10", 3) and is_code_prefix("+84", 1)
    assert not is_code_prefix("có 10", 3) and not is_code_prefix("10", 0)
    assert is_year_value("2025") and is_year_value("١٩٤٥") and not is_year_value("2500")
    assert date_value("15/10/2020") == 2020


@pytest.mark.parametrize(
    ("text", "expected"),
    [("raised VND7 billion", 7), ("gave VND 81.4 billion", 5), ("ABCVND5", None), ("QL1A", None)],
)
def test_currency_code_start(text, expected):
    digits = next(i for i, ch in enumerate(text) if ch.isdigit())
    assert currency_code_start(text, digits) == expected
