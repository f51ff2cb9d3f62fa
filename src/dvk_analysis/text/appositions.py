"""Units named by what the sentence says they are: "Ninh Hải là huyện đồng bằng ven biển",
"A Luoi, a mountainous district of Thua Thien Hue", "Tay Giang est une commune de ...".

The level word stands after the name with a copula or an article between (the lexicon's
``[places] copula`` words) and at most two lowercase words (adjectives) before it, so neither
the level-word patterns of :mod:`places` nor the gazetteer look-up of :mod:`bare_units` see
the name. The article's subject is often introduced this way, and every "the district" after
it ("Huyện gồm 8 xã") needs it as its referent. Latin script only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from dvk_analysis.gazetteer import resolve_province, resolve_unit_name
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.openings import name_runs
from dvk_analysis.text.patterns import alternation
from dvk_analysis.text.places import PlaceMention, level_word


@cache
def _copula(lang: str) -> re.Pattern[str] | None:
    """A copula, then the three words after it, among which the level word is sought."""
    words = section(lang, "places").get("copula", [])
    if not words:
        return None
    return re.compile(
        rf"[ \u00a0]*(?:{alternation(words)})[ \u00a0]+"
        r"(?P<words>[^\W\d_]+(?:[ \u00a0]+[^\W\d_]+){0,2})"
    )


def _level_after(words: str, lang: str) -> str | None:
    """The level of the first level word among ``words``, if only lowercase words (adjectives:
    "mountainous") stand before it, at most the lexicon's ``copula_gap`` of them (0 where
    adjectives follow their noun: "là huyện đồng bằng", never "là chủ tịch xã")."""
    gap = int(section(lang, "places").get("copula_gap", 2))
    for word in words.split()[: gap + 1]:
        level = level_word(word, lang)
        if level is not None or not word.islower():
            return level
    return None


def apposed_places(
    text: str, places: Sequence[PlaceMention], province: str, lang: str
) -> list[PlaceMention]:
    """``places`` plus the units a copula or an apposition names (sorted by offset)."""
    pattern = _copula(lang)
    if pattern is None or section(lang, "places").get("script", "latin") != "latin":
        return list(places)
    starts = [p.start for p in places]
    hint = resolve_province(province) if province else None
    added: list[PlaceMention] = []
    for start, end in name_runs(text, 0, len(text)):
        m = pattern.match(text, end)
        level = _level_after(m.group("words"), lang) if m else None
        i = bisect_right(starts, start)
        if level is None or (i and places[i - 1].end > start) or any(a.end > start for a in added):
            continue  # no level word, or inside a mention already found
        start = _after_stopwords(text, start, end, lang)  # "In Phieng Cam, a ... commune"
        name = text[start:end]
        found, legacy, code_2025, prov_2025 = resolve_unit_name(name, level, hint)
        added.append(
            PlaceMention(start, end, name, name, level, found, legacy, code_2025, prov_2025)
        )
    return sorted([*places, *added], key=lambda p: p.start) if added else list(places)


def _after_stopwords(text: str, start: int, end: int, lang: str) -> int:
    """Where the name starts once the lexicon's ``[places] stopwords`` heading the run are cut
    ("In", "The" are capitalised syllables too)."""
    stop = {w.casefold() for w in section(lang, "places").get("stopwords", [])}
    while (m := re.match(r"(\S+)[ \u00a0]+", text[start:end])) and m.group(1).casefold() in stop:
        start += m.end()
    return start
