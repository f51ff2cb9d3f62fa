"""The NTM share outcome: cumulative counts of one tier over rural communes, on one geography."""

from __future__ import annotations

import pandas as pd
import pytest

from dvk_analysis.analysis import outcomes


def _obs(**kw: object) -> dict[str, object]:
    row = {
        "observation_id": f"web-x#{kw.pop('k', 0)}:communes_meeting_ntm",
        "indicator": "communes_meeting_ntm",
        "value": 50.0,
        "qualifier": "exact",
        "denominator": None,
        "admin_level": "province",
        "province": "Lai Châu",
        "period_end": "2024-12",
        "published": "2025-01-10",
        "measure": "cumulative",
        "tier": "standard",
        "source_url": "https://example.org/a",
        "url": "https://example.org/a",
    }
    row.update(kw)
    return row


def _records(*rows: dict[str, object]) -> outcomes.Outcomes:
    return outcomes.ntm_records(pd.DataFrame(list(rows)))


def _mine(result: outcomes.Outcomes) -> pd.DataFrame:
    return result.records[result.records["origin"] == "observation"]


def test_cumulative_count_is_divided_by_rural_communes_of_the_province_table() -> None:
    rural = outcomes.rural_communes()["legacy"]["Lai Châu"]
    got = _mine(_records(_obs()))
    assert len(got) == 1
    assert got["share"].iloc[0] == pytest.approx(50 / rural)
    assert got["denominator_source"].iloc[0] == "province table n_xa (legacy)"


def test_new_in_period_count_never_becomes_a_share() -> None:
    result = _records(_obs(measure="new", value=11.0))
    assert _mine(result).empty
    reasons = result.exclusions.set_index("reason")["count"]
    assert reasons["new in the period: a flow, never a share"] == 1


def test_count_without_a_stated_measure_is_left_out_with_its_reason() -> None:
    result = _records(_obs(measure=None))
    assert _mine(result).empty
    assert "count without measure=cumulative" in set(result.exclusions["reason"])


def test_share_rows_are_kept_and_tiers_are_separate_series() -> None:
    result = _records(
        _obs(k=1, indicator="share_communes_meeting_ntm", value=0.6, measure=None),
        _obs(k=2, value=20.0, tier="advanced", denominator=100.0),
    )
    got = _mine(result).set_index("tier")
    assert got.loc["standard", "share"] == pytest.approx(0.6)
    assert got.loc["advanced", "share"] == pytest.approx(0.2)
    assert got.loc["advanced", "denominator_source"] == "source total"


def test_a_rural_communes_row_of_the_same_date_is_the_denominator() -> None:
    rural_row = _obs(k=9, indicator="rural_communes", value=80.0, measure=None, tier=None)
    got = _mine(_records(_obs(), rural_row))
    assert got["share"].iloc[0] == pytest.approx(50 / 80)
    assert got["denominator_source"].iloc[0] == "rural_communes row"


def test_qualified_count_keeps_its_band() -> None:
    got = _mine(_records(_obs(qualifier="nearly", value=60.0, denominator=100.0)))
    assert got["share_high"].iloc[0] == pytest.approx(0.60)
    assert got["share_low"].iloc[0] == pytest.approx(0.54)
    assert got["share"].iloc[0] == pytest.approx(0.60)  # as reported, not the band's mid 0.57
    assert got["qualifier"].iloc[0] == "nearly"
    assert not got["share_reported"].iloc[0]  # computed: 60 / 100


def test_a_count_above_its_denominator_is_excluded() -> None:
    result = _records(_obs(value=120.0, denominator=100.0))
    assert _mine(result).empty
    assert "count above the rural communes it is divided by" in set(result.exclusions["reason"])


def test_status_rows_with_counts_but_no_total_are_kept() -> None:
    # ntm_status.csv: Nghệ An 2022-09 reports 299 communes and no total (issue 10: lost before)
    rec = outcomes.ntm_records().records
    row = rec[(rec["province"] == "Nghệ An") & (rec["tier"] == "standard")]
    n_xa = outcomes.rural_communes()["legacy"]["Nghệ An"]
    assert row["share"].iloc[0] == pytest.approx(299 / n_xa)


def test_merged_legacy_province_does_not_lend_its_share_to_the_successor() -> None:
    legacy = outcomes.ntm_series(geography="legacy")
    new = outcomes.ntm_series(geography="2025")
    assert "Hà Giang" in set(legacy["province"])  # merged into Tuyên Quang in 2025
    assert "Tuyên Quang" not in set(new["province"])
    # Hà Tĩnh kept its borders: its legacy series is also its 2025 series
    ht_legacy = legacy[legacy["province"] == "Hà Tĩnh"]["share"].tolist()
    ht_new = new[new["province"] == "Hà Tĩnh"]["share"].tolist()
    assert ht_legacy == ht_new


def test_competing_figures_are_kept_as_a_range() -> None:
    rows = [
        _obs(k=1, value=50.0, denominator=100.0),
        _obs(k=2, value=60.0, denominator=100.0, url="https://example.org/b"),
    ]
    records = outcomes.on_geography(_mine(_records(*rows)), "legacy")
    series = outcomes.combine(records)
    assert len(series) == 1
    row = series.iloc[0]
    # the point is one of the figures (the lower median), never their mean 0.55
    assert (row["share_low"], row["share"], row["share_high"]) == pytest.approx((0.5, 0.5, 0.6))
    assert row["n_figures"] == 2
    assert "example.org/a" in row["sources"] and "example.org/b" in row["sources"]


def test_undated_claim_is_dated_by_publication_and_can_be_left_out() -> None:
    got = _mine(_records(_obs(period_end=None, published="2023-05-02")))
    assert got["date"].iloc[0] == "2023-05-02"
    assert got["dated_by"].iloc[0] == "published"


def test_figures_after_the_merger_belong_to_the_2025_province_only() -> None:
    got = _mine(_records(_obs(province="Hà Giang", period_end="2025-10")))
    assert got["province_legacy"].isna().all()
    assert got["province_2025"].iloc[0] == "Tuyên Quang"


def test_date_key_reads_missing_parts_as_the_end_of_the_period() -> None:
    keys = outcomes.date_key(pd.Series(["2023", "2023-06", "2023-06-15", None]))
    assert keys.tolist() == [20231231, 20230631, 20230615, 0]


def test_unknown_tier_is_refused_with_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="standard"):
        outcomes.ntm_series(tier="gold")


def test_a_2025_count_over_the_merged_provinces_communes_is_not_the_legacy_provinces() -> None:
    rural = outcomes.rural_communes()
    new_total, old_total = rural["2025"]["Đồng Nai"], rural["legacy"]["Đồng Nai"]
    assert new_total != old_total  # Đồng Nai absorbed Bình Phước on 1 July 2025
    merged = _obs(k=1, province="Đồng Nai", period_end="2025", published=None,
                  value=new_total - 5, denominator=new_total)  # fmt: skip
    legacy = _obs(k=2, province="Đồng Nai", period_end="2025", published=None,
                  value=old_total - 5, denominator=old_total, tier="advanced")  # fmt: skip
    records = _mine(_records(merged, legacy))
    on_legacy = outcomes.on_geography(records, "legacy")
    assert on_legacy["tier"].tolist() == ["advanced"]  # only the legacy total's figure
    on_2025 = outcomes.on_geography(records, "2025").set_index("tier")
    assert on_2025.loc["standard", "share"] == pytest.approx((new_total - 5) / new_total)
    assert "advanced" not in on_2025.index  # a legacy figure of a merged province


def test_a_post_merger_figure_without_a_total_is_not_the_legacy_provinces() -> None:
    merged = _obs(k=1, province="Đồng Nai", period_end="2025", published=None, value=25.0,
                  tier="advanced", note="POST-MERGER Đồng Nai, advanced NTM communes")  # fmt: skip
    records = _mine(_records(merged))
    assert outcomes.on_geography(records, "legacy").empty
    assert outcomes.on_geography(records, "2025")["province"].tolist() == ["Đồng Nai"]


def _share(k: int, value: float, qualifier: str = "exact", **kw: object) -> dict[str, object]:
    return _obs(k=k, indicator="share_communes_meeting_ntm", value=value, qualifier=qualifier,
                url=f"https://example.org/{k}", **kw)  # fmt: skip


def _series(*rows: dict[str, object]) -> pd.DataFrame:
    return outcomes.combine(outcomes.on_geography(_mine(_records(*rows)), "legacy"))


def test_an_exact_share_wins_over_a_lower_qualified_one_which_stays_in_the_range() -> None:
    row = _series(_share(1, 0.40, "more_than"), _share(2, 0.516)).iloc[0]
    assert row["share"] == pytest.approx(0.516)
    assert row["qualifier"] == "exact"
    assert (row["share_low"], row["share_high"]) == pytest.approx((0.40, 0.516))


def test_a_qualified_share_alone_is_plotted_as_reported_with_its_band() -> None:
    row = _series(_share(1, 0.50, "nearly")).iloc[0]
    assert (row["share_low"], row["share"], row["share_high"]) == pytest.approx((0.45, 0.5, 0.5))
    assert row["qualifier"] == "nearly" and bool(row["share_reported"])


def test_the_sources_own_percentage_wins_over_a_computed_share() -> None:
    row = _series(_share(1, 0.546), _obs(k=2, value=88.0, denominator=161.0)).iloc[0]
    assert row["share"] == pytest.approx(0.546)  # not 88 / 161 = 0.5466, nor their mean
    assert bool(row["share_reported"])
    assert row["share_high"] == pytest.approx(88 / 161)


def test_every_series_point_is_a_reported_figure() -> None:
    rows = [_share(1, 0.30), _share(2, 0.34), _share(3, 0.38, "about"), _obs(k=4, value=35.0)]
    records = outcomes.on_geography(_mine(_records(*rows)), "legacy")
    point = outcomes.combine(records)["share"].iloc[0]
    assert point in set(records["share"])
