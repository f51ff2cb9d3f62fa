"""Chinese numerals: Han numerals with 万/亿 in any position, decimals, mixed digits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvk_analysis.text.cjk import HAN_NUMERAL, compound_tail, han_value
from dvk_analysis.text.numbers import find_numbers


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十二", 12),
        ("三百五十", 350),
        ("二〇二〇", 2020),
        ("两千", 2000),
        ("一万二千", 12_000),
        ("十二万", 120_000),
        ("一亿五千万", 150_000_000),
        ("一万亿", 1_000_000_000_000),
        ("二十万零五百", 200_500),
        ("二点五", Decimal("2.5")),
        ("三点五万", 35_000),
        ("一点二亿", 120_000_000),
    ],
)
def test_han_value(numeral, value):
    assert han_value(numeral) == Decimal(value)


@pytest.mark.parametrize("bad", ["万", "点五", "三点", "十a"])
def test_han_value_rejects_malformed(bad):
    with pytest.raises(ValueError):
        han_value(bad)


def _han(n: int) -> str:
    """Write 0 < n < 10**12 in Han numerals (the reference, written independently)."""
    digits = "零一二三四五六七八九"
    out = []
    for unit, size in (("亿", 10**8), ("万", 10**4), ("", 1)):
        part, n = divmod(n, size)
        if part:
            section = ""
            for u, s in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
                d, part = divmod(part, s)
                if d:
                    section += digits[d] + u
                elif section and part:
                    section += "零" if not section.endswith("零") else ""
            out.append(section + unit)
    return "".join(out)


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_han_value_round_trip(n):
    assert han_value(_han(n)) == n
    assert HAN_NUMERAL.fullmatch(_han(n))


@pytest.mark.parametrize(
    ("text", "pos", "unit", "tail"),
    [
        ("1亿2000万越南盾", 2, 1e8, (Decimal(20_000_000), 7)),
        ("2万5千户", 2, 1e4, (Decimal(5000), 4)),
        ("2万5000户", 2, 1e4, None),  # bare digits: another number
        ("1万2万", 2, 1e4, None),  # not smaller
    ],
)
def test_compound_tail(text, pos, unit, tail):
    assert compound_tail(text, pos, unit) == tail


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("共有一万二千户参加", 12_000),
        ("献地三点五万平方米", 35_000),
        ("动员资金1亿2000万越南盾", 120_000_000),
        ("投入工日1.5万个", 15_000),
        ("参加人数达十二万。", 120_000),
        ("全省共有一亿五千万越盾", 150_000_000),
    ],
)
def test_find_numbers_reads_large_units_anywhere(text, value):
    found = [m for m in find_numbers(text, "zh") if m.kind == "number"]
    assert [m.value for m in found] == [value]


@pytest.mark.parametrize("text", ["下午三点开会", "第三个", "一位村主任"])
def test_han_numerals_that_are_no_count(text):
    assert [m for m in find_numbers(text, "zh") if m.kind == "number"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共动员群众投入工日2.8万个。", [("working_days", 28_000)]),
        ("村民共贡献劳动日1.5万余个。", [("working_days", 15_000)]),
        ("村民出工约3.5万个工日。", [("working_days", 35_000)]),
        ("群众捐资2.35亿越南盾修路。", [("funds_mobilized", 235_000_000)]),
        (
            "宣传会议1.2万场，参加群众达3.5万余人次。",
            [
                ("propaganda_sessions", 12_000),
                ("propaganda_participants", 35_000),
            ],
        ),
    ],
)
def test_decimals_with_wan_and_yi_in_every_position(text, expected):
    from dvk_analysis.text.extract import extract_text

    claims = extract_text(text, article_id="t", lang="zh", published="2024-06-15")
    assert [(c.indicator, c.value) for c in claims] == expected
