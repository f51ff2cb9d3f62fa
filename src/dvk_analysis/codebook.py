"""The codebook: indicator vocabulary, units, qualifiers and administrative levels.

The names here are a contract shared by the curated data, the extractor and every evaluation
(see ``docs/codebook.md``). Indicators live in ``resources/indicators.csv`` so researchers can add
one without touching code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more_than",
    "at_least",
    "nearly",
    "about",
    "less_than",
    "up_to",
)
"""Qualifier values, in the order of the codebook."""

QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "more_than": "more than ",
    "at_least": "at least ",
    "nearly": "nearly ",
    "about": "about ",
    "less_than": "less than ",
    "up_to": "up to ",
}
"""How a qualifier is written before a figure ("more than 19,300" is a lower bound); figures
are labelled as the source reported them, never as a band's midpoint."""

ADMIN_LEVELS: tuple[str, ...] = (
    "province",
    "city",
    "district",
    "commune",
    "ward",
    "village",
    "residential_group",
    "national",
)
"""Administrative levels a claim can be about (``city`` is a provincial or district city;
``national`` is the whole country, province "Việt Nam")."""

UNITS: tuple[str, ...] = (
    "count",
    "persons",
    "households",
    "m2",
    "m",
    "VND",
    "person_days",
    "share",
)
"""Canonical units: every value is converted to one of these (``share`` is a proportion in
[0, 1], never a percentage: 64.6 % is stored as 0.646)."""

MEASURES: tuple[str, ...] = ("cumulative", "new")
"""Whether a count is the running total at ``period_end`` (``cumulative``) or what was added
within the period (``new``): "11 communes newly recognised in 2021" is ``new`` and never
becomes a share; "60 of 100 communes meet NTM" is ``cumulative``."""

SPLITS: tuple[str, ...] = ("dev", "tuned", "test")
"""Evaluation splits of the corpus (the manifest's ``split``; empty = ``dev``). ``dev``: used to
write and tune the lexicons. ``test``: frozen, never read while tuning; its scores are the
honest ones. ``tuned``: articles written as a test split and later read for error analysis
(the ``t_*`` articles, in the extractor round of 2026-12-06), so no longer unseen; scored
apart from both, so neither the dev targets nor the honest figure hide them."""

TIERS: tuple[str, ...] = ("standard", "advanced", "model")
"""NTM recognition tiers (chuẩn, nâng cao, kiểu mẫu). A share counts one tier only: 17 of 20
*advanced* criteria is not comparable with 19 of 19 *standard* criteria."""


@dataclass(frozen=True)
class Indicator:
    """One entry of the vocabulary."""

    name: str
    unit: str
    family: str
    description: str


@cache
def indicators() -> dict[str, Indicator]:
    """Return the vocabulary, keyed by indicator name, in file order."""
    text = resources.files("dvk_analysis").joinpath("resources/indicators.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        r["indicator"]: Indicator(r["indicator"], r["unit"], r["family"], r["description"])
        for r in rows
    }


def unit_of(indicator: str) -> str:
    """Return the canonical unit of ``indicator``.

    Raises
    ------
    KeyError
        With the list of valid names, when the indicator is not in the codebook.
    """
    try:
        return indicators()[indicator].unit
    except KeyError:
        valid = ", ".join(indicators())
        raise KeyError(f"unknown indicator {indicator!r}; valid: {valid}") from None
