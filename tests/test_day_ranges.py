"""A span of days read as one period (text/day_ranges.py)."""

from __future__ import annotations

import pytest

from dvk_analysis.text.periods import find_periods


def _periods(text: str, lang: str, published: str = "2025-11-01") -> list[tuple[str, str, str]]:
    return [(m.period_start, m.period_end, m.kind) for m in find_periods(text, lang, published)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Du 13 septembre au 13 octobre 2023, la commission a reçu 9 requêtes.",
         ("2023-09-13", "2023-10-13")),
        ("en", "From October 17 to November 18, 2023, the fund raised VND 5 billion.",
         ("2023-10-17", "2023-11-18")),
        ("ru", "С 1 июля по 24 октября 2025 года провинция приняла 2800 обращений.",
         ("2025-07-01", "2025-10-24")),
        ("zh", "2025年7月1日至10月24日，全省共接收2800件信件。", ("2025-07-01", "2025-10-24")),
        # the first day's year is the second's, or the year before when its month is later
        ("de", "Vom 1. November bis 30. April 2024 empfing die Stelle 84 Besuche.",
         ("2023-11-01", "2024-04-30")),
        # the first day by its number alone, in the second day's month
        ("en", "From 18 to 22 August 2025, the department held 28 conferences.",
         ("2025-08-18", "2025-08-22")),
        ("de", "Vom 18. bis 22. August 2025 hielt das Amt 28 Konferenzen ab.",
         ("2025-08-18", "2025-08-22")),
    ],
)  # fmt: skip
def test_a_span_of_days_is_one_period(lang, text, expected):
    assert _periods(text, lang) == [(*expected, "range")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # two days listed, no connector between them
        ("fr", "Les réunions du 13 septembre, du 13 octobre 2023 ont eu lieu."),
        ("en", "Meetings were held on October 17, November 18, 2023."),
    ],
)
def test_days_without_a_connector_stay_apart(lang, text):
    assert all(kind != "range" for _, _, kind in _periods(text, lang))
