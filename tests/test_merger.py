"""Which claims describe a merged 2025 province, which no legacy province may show."""

from __future__ import annotations

import pandas as pd

from dvk_analysis.data import merger


def test_claims_about_a_merged_2025_province_are_known_by_date_or_words() -> None:
    rows = pd.DataFrame(
        [
            {"province": "Tuyên Quang", "period_end": "2025-10", "published": None},  # merged
            {"province": "Tuyên Quang", "period_end": "2024-12", "published": None},
            {"province": "Lạng Sơn", "period_end": "2025-10", "published": None},  # unchanged
            {"province": "Hưng Yên", "period_end": None, "published": "2025-10-12"},
            {"province": "Đồng Nai", "period_end": "2025", "note": "POST-MERGER Đồng Nai"},
            {"province": "Bình Phước", "period_end": "2025-06", "note": "before the merger"},
            {"province": "Đồng Nai", "period_end": "2025", "note": "pre-merger Đồng Nai"},
            {"province": "Việt Nam", "period_end": "2025-10", "admin_level": "national"},
        ]
    )
    got = merger.describes_2025_province(rows).tolist()
    assert got == [True, False, False, True, True, False, False, False]
