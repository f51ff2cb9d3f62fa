"""Units named without a level word right next to their figure.

"Phong Thủy đạt 19/19 tiêu chí, Lộc Thủy đạt 19/19 tiêu chí", "Hòa Sơn en remplit 17/19",
"0,77 km in Phuoc Ha und 0,85 km in Nhi Ha": once the district is named, reports list its
communes by name alone. A run of capitalised Vietnamese syllables that the gazetteer confirms
as a commune (else a district) of the article's province, with a figure right after it in its
clause (or before it, with a locative word between), is that unit. A name the gazetteer
knows at both levels, and a province's name, say nothing alone. Arabic letters mark no name
and the gazetteer knows no Arabic spelling: there only a list of one unit per line, after a
line naming their level, gives names (:func:`listed_lines`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from dvk_analysis.gazetteer import find_province
from dvk_analysis.text.arabic_names import arabic_name
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.openings import name_runs
from dvk_analysis.text.places import PlaceMention, level_word, located_at, unit_in

_FIGURE_AFTER = re.compile(r"[^.;:!?\n\d]{0,30}\d")
"""A figure in the name's clause, at most 30 characters on: the name heads a list item."""
_FIGURE_BEFORE = re.compile(r"\d[^.;:!?\n\d]{0,30}$")
"""... or at most 30 characters before, with a locative word right before the name: "0,77
km in Phuoc Ha und 0,85 km in Nhi Ha" ends each item with its unit."""


def bare_units(
    text: str, places: Sequence[PlaceMention], province: str, lang: str
) -> list[PlaceMention]:
    """``places`` plus the units named without a level word next to a figure (sorted)."""
    script = section(lang, "places").get("script", "latin")
    if script == "arabic":
        return listed_lines(text, places, province, lang)
    if script != "latin" or not province:
        return list(places)
    starts = [p.start for p in places]
    added: list[PlaceMention] = []
    taken_until = -1
    for start, end in name_runs(text, 0, len(text)):
        name = text[start:end]
        if (
            start < taken_until
            or not _heads_or_ends_item(text, start, end, lang)
            or _a_province(name)
        ):
            continue
        i = bisect_right(starts, start)
        if (i and places[i - 1].end > start) or (i < len(places) and places[i].start < end):
            continue  # inside or across a mention already found
        unit = _confirmed(name, province, _listed_level(text, places, i, start))
        if unit is not None:
            level, unit_province = unit
            added.append(PlaceMention(start, end, name, name, level, unit_province))
            taken_until = end
    return sorted([*places, *added], key=lambda p: p.start) if added else list(places)


def _heads_or_ends_item(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a figure follows the name in its clause, or precedes it with a locative word
    right before the name."""
    if _FIGURE_AFTER.match(text, end):
        return True
    if not _FIGURE_BEFORE.search(text, max(0, start - 31), start):
        return False
    return located_at(text, PlaceMention(start, end, text[start:end], "", "commune"), lang)


def _a_province(name: str) -> bool:
    """Whether ``name`` names a province (any case): its capital city shares the name, so
    alone it says nothing ("CA MAU –" heads a dateline)."""
    return find_province(name.title()) is not None


@cache
def _confirmed(name: str, province: str, listed: str = "") -> tuple[str, str] | None:
    """(level, province) of the one level at which the gazetteer knows ``name`` in
    ``province``; when it knows both, the ``listed`` level (see :func:`_listed_level`); else
    None.

    Why: since the 2025 merger many communes carry their former district's name ("Dong Anh",
    "Soc Son"), so the name alone says nothing; in a list whose first item named its level
    ("der Bezirk Soc Son mit 12, gefolgt von Dong Anh mit 8") the items share it.
    """
    found = [(lv, p) for lv in ("commune", "district") if (p := unit_in(name, lv, province))]
    if len(found) == 2:
        found = [f for f in found if f[0] == listed]
    return found[0] if len(found) == 1 else None


_LIST_REACH = 120
"""Characters between a list's first, level-named item and a later item named alone."""


def _listed_level(text: str, places: Sequence[PlaceMention], i: int, start: int) -> str:
    """The level of the place named last before ``start`` (index ``i`` in ``places``) when it
    stands in the same sentence, at most ``_LIST_REACH`` characters before; else ""."""
    if not i or start - places[i - 1].end > _LIST_REACH:
        return ""
    between = text[places[i - 1].end : start]
    return "" if re.search(r"[.!?\n](?!\d)", between) else places[i - 1].admin_level


_ITEM_LINE = re.compile(r"^([^:\n]+?)\s*:\s*[0-9٠-٩]", re.MULTILINE)
"""A line that opens with a name, a colon and a figure: "داك ساو: 7 معايير."."""


def listed_lines(
    text: str, places: Sequence[PlaceMention], province: str, lang: str
) -> list[PlaceMention]:
    """``places`` plus the units of a list written one per line, "name: figure", after a line
    that names their level ("the criteria met by each commune of the district:").

    Why: Arabic letters mark no name, so a name alone is only known as one by its place in
    such a list; two lines or more make the list, and the first level word of the line before
    it gives the level of all its names.
    """
    stopwords = _stopwords(lang)
    items = [
        (m.start(1), m.end(1))
        for m in _ITEM_LINE.finditer(text)
        if arabic_name(text, m.start(1), stopwords) == (m.start(1), m.end(1))
    ]
    added: list[PlaceMention] = []
    for block in _blocks(text, items):
        level = _intro_level(text, block[0][0], lang)
        if level is None or len(block) < 2:
            continue
        for a, b in block:
            if not any(p.start < b and a < p.end for p in places):
                added.append(PlaceMention(a, b, text[a:b], text[a:b], level, province or None))
    return sorted([*places, *added], key=lambda p: p.start) if added else list(places)


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(section(lang, "places").get("stopwords", []))


def _blocks(text: str, items: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``items`` grouped into runs on consecutive lines (one blank line between allowed)."""
    out: list[list[tuple[int, int]]] = []
    for a, b in items:
        between = text[out[-1][-1][1] : a] if out else ""
        next_line = between.count("\n") in (1, 2) and not between.split("\n", 1)[1].strip()
        if next_line:
            out[-1].append((a, b))
        else:
            out.append([(a, b)])
    return out


def _intro_level(text: str, start: int, lang: str) -> str | None:
    """The level named first in the last non-blank line before ``start``, else None."""
    before = text[:start].rstrip().rsplit("\n", 1)[-1]
    return next((lvl for w in before.split() if (lvl := level_word(w, lang))), None)
