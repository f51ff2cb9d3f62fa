"""Dates as written -> ISO strings (text/dates.py)."""

from __future__ import annotations

import pytest

from dvk_analysis.text.dates import date_this_year, iso, parse_date
from dvk_analysis.text.periods import _rules


@pytest.mark.parametrize(
    ("lang", "written", "expected"),
    [
        ("vi", "15/10/2020", "2020-10-15"),
        ("zh", "2021年6月", "2021-06"),
        ("en", "30 June 2024", "2024-06-30"),
        ("en", "October 20, 2024", "2024-10-20"),
        ("vi", "6/2025", "2025-06"),
        ("en", "2023", "2023"),
        ("en", "no date here", None),
    ],
)
def test_parse_date(lang, written, expected):
    assert parse_date(written, _rules(lang).month_patterns) == expected


@pytest.mark.parametrize(
    ("written", "published", "expected"),
    [
        ("30 September", "2022-06-29", "2021-09-30"),  # still to come: last year's
        ("29 June", "2022-06-29", "2022-06-29"),  # the publication day itself
        ("June", "2022-08", "2022-06"),
        ("November", "2024-11", "2024-11"),  # the publication's own month, known to the month
        ("12 November", "2024-11", "2024-11-12"),
        ("December", "2024-11", "2023-12"),  # still to come
        ("30 June", None, None),  # no publication date: no year to give it
    ],
)
def test_a_day_and_month_without_a_year_take_the_publication_year(written, published, expected):
    assert date_this_year(written, _rules("en").month_patterns, published) == expected


def test_iso_rejects_impossible_months_and_keeps_the_month_of_an_impossible_day():
    assert iso("2024", "13") is None
    assert iso("2024", "2", "40") == "2024-02"
