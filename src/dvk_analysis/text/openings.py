"""The article's opening: the unit its headline or dateline names without a level word.

Reports name their district or commune in the headline ("Luc Ngan schlägt Vorbilder vor") or
the dateline ("TAM DUONG (Vinh Phuc) –") and then write only "the district" or the
province's name in brackets. The gazetteer confirms a run of capitalised Vietnamese
syllables as a unit of the article's province; the province's own name is never taken (its
capital city is a district-level unit of the same name). Latin script only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from dvk_analysis.gazetteer import fold, resolve_province
from dvk_analysis.text.places import PlaceMention, capital_syllable, unit_in

HEADLINE_ZONE = 400
"""Characters of an article's opening (headline, dateline, lead) searched for the unit it is
about when the body only says "the district"."""


def headline_unit(text: str, province: str, level: str) -> tuple[str, str] | None:
    """(name, province) of a unit of ``level`` in ``province`` named without a level word in
    the article's first two lines ("Luc Ngan schlägt Vorbilder vor", "MUONG LA (Son La) –"),
    else None.

    Why: reports name their district in the headline or dateline and then say only "the
    district" ("Im Kreis gibt es 478 Modelle"); the gazetteer confirms the name. The
    province's own name is skipped (its capital city is a district-level unit of the same
    name). Latin script only.
    """
    for _, _, name in _opening_names(text, province):
        found = unit_in(name, level, province)
        if found is not None:
            return name, found
    return None


_BRACKET = re.compile(r"[ \u00a0]*[(（]")


def dateline_units(text: str, province: str) -> list[PlaceMention]:
    """Units named without a level word right before a bracket in the first two lines, the
    dateline's "TAM DUONG (Vinh Phuc) –" or the headline's "Muong La (Son La) multiplie ...":
    a district (else a commune) of ``province`` that the gazetteer confirms.

    Why: the article reports on that unit; the province in brackets is its address, which
    :func:`scope.address_chains` then reads as the same unit.
    """
    out = []
    for start, end, name in _opening_names(text, province):
        if not _BRACKET.match(text, end):
            continue
        for level in ("district", "commune"):
            found = unit_in(name, level, province)
            if found is not None:
                out.append(PlaceMention(start, end, name, name, level, found))
                break
    return out


def _opening_names(text: str, province: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of the runs of two or three capitalised Vietnamese syllables in the
    first two lines of ``text`` (Latin script), the province's own name left out."""
    if not province:
        return
    own = fold(resolve_province(province).name)
    opening = text[:HEADLINE_ZONE]
    for line in list(_LINE.finditer(opening))[:2]:
        for start, end in name_runs(opening, line.start(), line.end()):
            if fold(opening[start:end]) != own:
                yield start, end, opening[start:end]


_LINE = re.compile(r"[^\n]*\S[^\n]*")


def name_runs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of three, then two, capitalised syllables in ``text[lo:hi]``
    joined only by spaces or hyphens."""
    # Only capitalised syllables can make a run: the others are skipped by the regex, and two
    # syllables with another token between them fail the test of what joins them.
    tokens = [t for t in _CAPITAL_TOKEN.finditer(text, lo, hi) if capital_syllable(t.group())]
    for i in range(len(tokens)):
        for k in (3, 2):
            run = tokens[i : i + k]
            if len(run) < k:
                continue
            if not any(text[a.end() : b.start()].strip(" \u00a0-") for a, b in pairwise(run)):
                yield run[0].start(), run[-1].end()


_CAPITAL_TOKEN = re.compile(r"(?<![\w'’])[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][\w'’]*")
"""A Latin token that may begin with a capital (the class also holds lower-case letters of
the extended blocks: ``capital_syllable`` decides)."""


TITLE_MAX = 200
"""Longest first line still read as a headline."""


def title_end(text: str) -> int:
    """End of the headline: the first line when more lines follow, it is short and it ends
    without a full stop; else 0.

    Why: a headline restates a figure of the body, rounded ("more than seven thousand
    petitions") or in other words, and states no period; its number is never a claim of its
    own (no annotation codes one).
    """
    end = text.find("\n")
    if end <= 0 or end > TITLE_MAX or not text[end:].strip():
        return 0
    line = text[:end].rstrip()
    return 0 if line.endswith((".", "。", "!", "?")) else end
