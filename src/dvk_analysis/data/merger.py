"""The 1 July 2025 merger: which claims describe a 2025 province rather than a legacy one.

Vietnam merged its 63 provinces into 34 on 1 July 2025. A claim names the province of its date;
after the merger "Tuyên Quang" is the province that absorbed Hà Giang. Every layer that puts a
claim under a province (the panel, the NTM outcome, the province tables, the province pages)
asks this module whether the claim is about the merged 2025 unit, so a legacy province never
shows a merged province's value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NATIONAL = "Việt Nam"
"""Province name of national rows (never flagged)."""

MERGER_DATE_KEY = 20250701
"""1 July 2025 as a date key: figures dated on or after it describe the 34 provinces."""


def era_2025(dates: pd.Series) -> pd.Series:
    """True for figures that describe the 34 provinces: dated on or after 1 July 2025.

    A missing month or day is read as the *start* here: "2025" (a term summary, a yearly
    report) still describes the legacy provinces; "2025-10" does not. Panel periods follow
    the same rule (``reference.FIRST_2025_YEAR``).
    """
    import pandas as pd

    text = dates.astype("string")
    parts = text.str.split("-", expand=True).reindex(columns=[0, 1, 2])
    year = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce").fillna(1)
    day = pd.to_numeric(parts[2], errors="coerce").fillna(1)
    return (year * 10000 + month * 100 + day).fillna(0) >= MERGER_DATE_KEY


def unchanged_2025(folder: Path | None = None) -> dict[str, str]:
    """Legacy provinces that became a 2025 province alone: ``legacy name -> 2025 name``."""
    from dvk_analysis.data.load import load_reference

    new = load_reference("provinces_2025", folder)
    single = new[new["n_legacy_units"].astype(float) == 1]
    return dict(zip(single["merged_from"].str.strip(), single["name"], strict=True))


POST_MERGER_WORDS = re.compile(
    r"(?i)\bpost-merger\b|\bafter the (?:1 july )?(?:2025 )?merger\b"
    r"|\bsau (?:khi )?(?:sáp nhập|hợp nhất)"
)
"""Words of a claim's note or quote saying it describes the province formed on 1 July 2025
("POST-MERGER Đồng Nai", "after the merger", "sau sáp nhập"); "pre-merger" and "before the
merger" do not match."""


def describes_2025_province(claims: pd.DataFrame, folder: Path | None = None) -> pd.Series:
    """True for claims about a *merged* 2025 province, which no legacy province may show.

    A claim dated on or after 1 July 2025 (its period end, else its publication date) or
    whose note or quote names the post-merger unit describes the province formed by the
    merger, not the legacy province of the same name: Tuyên Quang's "11,182 models" of
    2025-10 include former Hà Giang. Provinces the merger left unchanged keep their claims
    (their legacy and 2025 units are one), and national rows are never flagged.

    Parameters
    ----------
    claims
        Rows with ``province`` and ``period_end``; ``published``, ``admin_level``, ``note``
        and ``quote`` are used when present.
    folder
        ``data/reference`` (default), for the provinces the merger left unchanged.

    Returns
    -------
    pandas.Series
        Boolean, aligned with ``claims``.
    """
    import pandas as pd

    def column(name: str) -> pd.Series:
        if name in claims:
            return claims[name].astype("string")
        return pd.Series(pd.NA, index=claims.index, dtype="string")

    late = era_2025(column("period_end").fillna(column("published")))
    named = pd.Series(False, index=claims.index)
    for name in ("note", "quote"):
        named |= column(name).str.contains(POST_MERGER_WORDS).fillna(False).astype(bool)
    province = column("province")
    national = column("admin_level").eq("national").fillna(False) | province.eq(NATIONAL)
    merged = province.notna() & ~province.isin(list(unchanged_2025(folder))) & ~national
    return (merged & (late | named)).fillna(False).astype(bool)
