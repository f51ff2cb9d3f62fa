"""Rules for sourced figures: rows that cite a URL instead of an article text.

Researchers add reported province figures (NTM shares, commune counts, model counts...) from
news pages and official reports as rows of ``data/curated/observations.csv`` with a
``source_url`` (see ``docs/adding-figures.md``). Such a row has no text to check its number
against, so the checks here are what keeps a typo out of the analysis:

* its source is documented: the URL is in ``sources.csv``; the figure has a date (its own
  ``period_end``, else its page's publication date; an undated page is a warning);
* its value is plausible for its unit (a share lies in [0, 1], counts are whole numbers, a
  number of communes meeting the standard is at most the number of communes);
* its province existed at the period (legacy provinces until 30 June 2025, the 34 provinces
  from 1 July 2025);

:func:`group_duplicate_facts` gives one story id to several outlets' reports of one fact, so
the panel counts the fact once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from dvk_analysis.errors import Problem

if TYPE_CHECKING:
    import pandas as pd

MERGER_DAY = "2025-07-01"
"""First day of the 34-province geography (Resolution 202/2025/QH15)."""

WHOLE_UNITS = ("count", "persons", "households")
"""Units whose values are whole numbers."""
NATIONAL = "Việt Nam"

COMMUNE_TOTAL = "communes_total"
COMMUNES_MET = ("communes_meeting_ntm",)


def _bounds(value: str) -> tuple[str, str]:
    """Earliest and latest ISO day a YYYY / YYYY-MM / YYYY-MM-DD period can mean."""
    low = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    high = value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value
    return low[:10], high[:10]


def province_names_by_geography() -> tuple[set[str], set[str]]:
    """The canonical names of the legacy (63) and 2025 (34) provinces, from the gazetteer."""
    from dvk_analysis.gazetteer import provinces

    return {p.name for p in provinces("legacy")}, {p.name for p in provinces("2025")}


def province_period_problem(
    province: str, period_end: str | None, legacy: set[str], current: set[str]
) -> str | None:
    """Why ``province`` cannot be the province of a figure about ``period_end`` (or None).

    A legacy province merged away on 1 July 2025 has no figures after that day; a province
    name that only exists since then has none before it. The period's end is what a figure
    describes ("by 2024-12, 80 communes").
    """
    if not period_end or province == NATIONAL:
        return None
    low, high = _bounds(period_end)
    if province in legacy and province not in current and low >= MERGER_DAY:
        return (
            f"{province!r} was merged into another province on {MERGER_DAY}, before the "
            f"period {period_end}; use its 2025 province (gazetteer.successor_2025)"
        )
    if province in current and province not in legacy and high < MERGER_DAY:
        return (
            f"{province!r} exists only since {MERGER_DAY}, after the period {period_end}; "
            "use the legacy province of the time"
        )
    return None


def value_problem(indicator: str, unit: str, value: float, denominator: float | None) -> str | None:
    """Why ``value`` is implausible for its unit (or None): shares in [0, 1], whole counts."""
    if unit == "share" and not 0 <= value <= 1:
        return f"{value:g} is not a share between 0 and 1 (write 85% as 0.85)"
    if unit in WHOLE_UNITS and value != int(value):
        return f"{value:g} is not a whole number ({indicator} is in {unit})"
    if indicator == "population" and value <= 0:
        return f"{value:g} is not a population (must be > 0)"
    if denominator is not None and unit in WHOLE_UNITS and denominator != int(denominator):
        return f"denominator {denominator:g} is not a whole number"
    return None


def source_problem(url: str, sources: pd.DataFrame) -> str | None:
    """Why the URL row's page is not documented in ``sources.csv`` (or None)."""
    if (sources["source_url"] == url).any():
        return None
    return f"{url!r} is not in data/curated/sources.csv (add a row with outlet and published)"


def undated_problem(url: str, period_end: str | None, sources: pd.DataFrame) -> str | None:
    """Why a URL row has no date at all: no ``period_end`` and an undated page (or None).

    Why: the panel places every figure at a date, and "to now" means "to the publication
    date". A figure whose page is undated is still placed by its own ``period_end``; one with
    neither has no place in time. (Undated pages themselves are only a warning:
    :func:`undated_sources`.)
    """
    if period_end is not None:
        return None
    published = sources.loc[sources["source_url"] == url, "published"]
    if published.notna().any():
        return None
    return (
        "empty, and the page has no publication date in data/curated/sources.csv; "
        "give the date the figure describes (YYYY, YYYY-MM or YYYY-MM-DD)"
    )


UNDATED_IS_ERROR = False
"""Whether a URL row with neither ``period_end`` nor a dated page fails validation (True) or
is printed as a warning (False, while the curated rows that lack both are being dated)."""


def undated_rows(obs: pd.DataFrame, sources: pd.DataFrame, shown: str) -> list[Problem]:
    """One problem per URL row that has no date at all (see :func:`undated_problem`)."""
    return [
        Problem(shown, i + 2, "period_end", message)
        for i, row in enumerate(_records(obs))
        if row.get("source_url") is not None
        and (message := undated_problem(row["source_url"], row.get("period_end"), sources))
    ]


def undated_sources(sources: pd.DataFrame, shown: str) -> list[Problem]:
    """Warnings: pages without a publication date (their rows must carry a period_end)."""
    return [
        Problem(shown, i + 2, "published", f"no publication date for {url!r} (a warning)")
        for i, (url, date) in enumerate(
            zip(sources["source_url"], sources["published"], strict=True)
        )
        if not isinstance(date, str)
    ]


def _fact_key(row: Mapping[str, Any]) -> tuple:
    keys = ("indicator", "province", "admin_level", "period_end", "value", "tier", "measure")
    place = row.get("place")
    local = row.get("admin_level") not in (None, "province", "national")
    return (*(row.get(k) for k in keys), _folded(place) if local else None)


def _folded(text: object) -> object:
    from dvk_analysis.gazetteer import fold

    return fold(text).lower().strip() if isinstance(text, str) else text


def communes_problems(obs: pd.DataFrame, shown: str) -> list[Problem]:
    """Communes meeting the standard never exceed the same unit's communes at the same date.

    The unit is the province, or the district or commune named in ``place`` below province
    level (a district's 25 communes say nothing of its province's 209); rows without a date
    are not compared, since an unknown date is no same date.
    """
    records = _records(obs)
    totals = {
        _unit_date(r): r["value"]
        for r in records
        if r["indicator"] == COMMUNE_TOTAL and r["period_end"] is not None
    }
    problems = []
    for i, r in enumerate(records):
        total = totals.get(_unit_date(r)) if r["period_end"] is not None else None
        if r["indicator"] in COMMUNES_MET and total is not None and r["value"] > total:
            message = (
                f"{r['value']:g} communes meeting NTM exceed the {total:g} communes of "
                f"{r['province']} at {r['period_end']} (communes_total row)"
            )
            problems.append(Problem(shown, i + 2, "value", message))
    return problems


def _unit_date(row: Mapping[str, Any]) -> tuple:
    local = row.get("admin_level") not in (None, "province", "national")
    return (
        row.get("province"),
        row.get("admin_level") if local else "province",
        _folded(row.get("place")) if local else None,
        row.get("period_end"),
    )


def _records(obs: pd.DataFrame) -> list[dict[str, Any]]:
    return obs.astype(object).where(obs.notna(), None).to_dict("records")


def group_duplicate_facts(obs: pd.DataFrame, stories: Mapping[str, str]) -> dict[str, str]:
    """Give URL sources that report one same fact one story id (returned as a new mapping).

    Why: several outlets often repeat one official figure ("85 of 100 communes by 2024"). They
    are one piece of evidence, not several; the panel counts each story's figure once, so they
    must share a story. A fact is (indicator, province, level, place, period end, value, tier,
    measure). Sources that share a fact are joined (transitively); the story id of the group is
    the smallest of its members' story ids, so the result does not depend on row order.
    """
    parent = {key: key for key in stories}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    first: dict[tuple, str] = {}
    for row in _records(obs):
        key = row.get("source_url")
        if key is None or key not in parent:
            continue
        fact = _fact_key(row)
        other = first.setdefault(fact, key)
        a, b = root(other), root(key)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, str] = {}
    for key in stories:
        r = root(key)
        groups[r] = min(groups.get(r, stories[key]), stories[key])
    return {key: groups[root(key)] for key in stories}
