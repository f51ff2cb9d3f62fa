"""Tests of data/reference.py and analysis/reference_join.py.

Sizes, NTM status at a date, criteria sets, explicit exclusions.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from dvk_analysis.analysis.reference_join import attach_reference, ntm_status_at
from dvk_analysis.data.reference import criteria_denominator, ntm_status_table, province_table
from dvk_analysis.paths import data_dir


def raw_rows(name: str) -> list[dict[str, str]]:
    with open(data_dir() / "reference" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def raw_row(table: str, **match) -> dict[str, str]:
    rows = [r for r in raw_rows(table) if all(r[k] == v for k, v in match.items())]
    assert len(rows) == 1, match
    return rows[0]


def units(rows: list[dict]) -> pd.DataFrame:
    base = {"admin_level": "province", "period_start": 2020, "period_end": 2025}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["place_key"] = frame["place"].str.lower()
    frame["province"] = frame.get("province", frame["place"]).fillna(frame["place"])
    return frame


@pytest.mark.parametrize(
    ("level", "period", "expected"),
    [
        ("commune", 2009, 19),
        ("commune", 2015, 19),
        ("commune", "2023-09", 19),
        ("ward", 2025, 19),
        ("district", 2018, 9),
        ("district", 2024, 9),
        ("commune", 2026, 10),
    ],
)
def test_criteria_denominator_follows_the_national_sets(level, period, expected):
    assert criteria_denominator(level, period) == expected


def test_criteria_denominator_errors_name_what_is_valid():
    with pytest.raises(ValueError, match=r"no district criteria set covers 2012.*2016-2020"):
        criteria_denominator("district", 2012)
    with pytest.raises(ValueError, match=r"'village'.*valid: commune"):
        criteria_denominator("village", 2020)
    with pytest.raises(ValueError, match="period must be a year"):
        criteria_denominator("commune", "last year")


def test_communes_of_the_two_geographies():
    legacy = province_table("legacy").set_index("name")
    new = province_table("2025").set_index("name")
    hn_legacy = raw_row("provinces_legacy", name="Hà Nội")
    hn_2025 = raw_row("provinces_2025", name="Hà Nội")
    assert legacy.loc["Hà Nội", "n_communes"] == int(hn_legacy["n_communes"])
    expected = sum(int(hn_2025[c]) for c in ("n_xa", "n_phuong", "n_dac_khu"))
    assert new.loc["Hà Nội", "n_communes"] == expected
    with pytest.raises(ValueError, match="era must be"):
        province_table("1976")


def test_ntm_status_is_the_latest_figure_at_or_before_the_period_end():
    # Yên Bái has figures dated 2023 (99/150) and 2024-07-31 (106/150, 70.67 %).
    provinces = pd.Series(["Yên Bái"] * 4 + ["Hà Tĩnh"])
    ends = pd.Series(["2022", "2023", "2024-06", "2024", "2017"])
    got = ntm_status_at(provinces, ends)
    assert pd.isna(got["ntm_as_of"].iloc[0])  # nothing dated by the end of 2022
    assert got["ntm_as_of"].tolist()[1:4] == ["2023", "2023", "2024-07-31"]
    assert got["province_ntm_share"].iloc[1] == pytest.approx(0.66)
    assert got["province_ntm_share"].iloc[3] == pytest.approx(0.7067)
    assert pd.isna(got["province_ntm_share"].iloc[4])  # Hà Tĩnh's only row is 2018-12


def test_share_falls_back_to_counts_when_no_percentage():
    row = raw_row("ntm_status", province="Lai Châu", as_of="2022-12")
    got = ntm_status_at(pd.Series(["Lai Châu"]), pd.Series([2023]))
    expected = int(row["communes_ntm"]) / int(row["communes_total"])
    assert got["province_ntm_share"].iloc[0] == pytest.approx(expected)


def test_undated_ntm_rows_are_excluded_and_counted():
    undated = [i + 2 for i, r in enumerate(raw_rows("ntm_status")) if not r["as_of"]]
    status, excl = ntm_status_table()
    assert excl["count"].tolist() == [len(undated)]
    assert excl["ids"].iloc[0].split(";") == [str(n) for n in undated]
    assert excl["step"].tolist() == ["reference"]
    assert status["as_of"].notna().all()


def test_attach_reference_joins_populations_and_counts_what_it_cannot():
    frame = units(
        [
            {"place": "Lai Châu"},
            {"place": "Lâm Đồng"},  # in the table, but without a population
            {"place": "Khuat Xa", "admin_level": "commune", "province": "Lạng Sơn"},
        ]
    )
    joined = attach_reference(frame)
    lai_chau = raw_row("provinces_legacy", name="Lai Châu")
    assert joined.table["population"].iloc[0] == int(lai_chau["population"])
    assert joined.table["n_communes"].iloc[0] == int(lai_chau["n_communes"])
    assert joined.table["ref_table"].iloc[0] == "legacy"
    assert joined.table["population"].iloc[1:].isna().all()
    assert list(joined.exclusions.columns) == ["step", "reason", "count", "ids"]  # one layout
    sub = joined.exclusions[joined.exclusions["reason"].str.contains("sub-province")]
    assert "Khuat Xa" in sub["ids"].iloc[0] and sub["step"].iloc[0] == "reference"
    excl = joined.exclusions.set_index("reason")["count"]
    assert excl.filter(like="sub-province").tolist() == [1]
    assert excl.filter(like="missing from the reference").tolist() == [1]
    assert len(joined.table) == 3  # nothing dropped


def test_a_province_after_the_merger_is_looked_up_in_the_2025_table():
    frame = units([{"place": "Tuyên Quang", "period_start": 2026, "period_end": 2026}])
    joined = attach_reference(frame)
    new = raw_row("provinces_2025", name="Tuyên Quang")
    assert joined.table["population"].iloc[0] == int(new["population"])
    assert joined.table["ref_table"].iloc[0] == "2025"


def test_attach_reference_rejects_frames_without_unit_columns():
    with pytest.raises(ValueError, match="missing unit column"):
        attach_reference(pd.DataFrame({"place": ["Hà Tĩnh"]}))


def test_criteria_denominators_are_vectorised_and_missing_where_no_set_applies():
    from dvk_analysis.data.reference import criteria_denominators

    levels = pd.Series(["commune", "district", "village", "district", "commune"])
    years = pd.Series([2023, 2019, 2023, 2012, 2027])
    got = criteria_denominators(levels, years)
    assert got.iloc[[0, 1, 4]].tolist() == [19.0, 9.0, 10.0]
    assert got.iloc[[2, 3]].isna().all()


def test_ntm_status_is_the_province_of_the_time_not_the_2025_successor():
    # A Bắc Kạn commune in 2023, analysed on the 2025 geography (province = Thái Nguyên):
    # its status is Bắc Kạn's (the reference has no share for it: missing), never Thái
    # Nguyên's 2022 share of 0.796.
    frame = units(
        [
            {"place": "Xa A", "admin_level": "commune", "province": "Thái Nguyên",
             "province_reported": "Bắc Kạn", "period_start": 2023, "period_end": 2023},
            {"place": "Xa B", "admin_level": "commune", "province": "Thái Nguyên",
             "province_reported": "Thái Nguyên", "period_start": 2023, "period_end": 2023},
        ]
    )  # fmt: skip
    status = attach_reference(frame).table
    assert status["ntm_as_of"].isna().tolist() == [True, False]
    assert status["ntm_as_of"].iloc[1] == "2022-06"
    assert status["province_ntm_share"].iloc[1] == pytest.approx(0.796)
