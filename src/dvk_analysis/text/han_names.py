"""Vietnamese place names written in Han characters inside Chinese text.

Chinese writes the level character after the name ("兴安省", "北江市"). Most Vietnamese names
have two syllables, so the name is the two Han characters before the level character, unless a
known alias (``place_aliases.csv``) ends there; a word around the level character may make it
no unit at all ("社会", "偏远乡"). Reports often gloss the name in brackets between the name and
its level character, in either script ("美隆南（My Long Nam）乡", "Cai Lay（丐礼）县").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Protocol, TypeVar

from dvk_analysis.gazetteer import alias_rows

HAN = re.compile(r"[\u4e00-\u9fff]")


class _Placed(Protocol):
    place: str


C = TypeVar("C", bound=_Placed)


def han_name(
    text: str, pos: int, stop: str, final: str = "", known: Sequence[str] = ()
) -> tuple[int, int] | None:
    """Return the name before a Han level suffix at ``pos`` ("兴安" in "兴安省").

    A known alias ending at ``pos`` wins ("胡志明" in "胡志明市"; ``known``: the article's own
    glossed names, :func:`glossed_names`); otherwise the two Han
    characters before the suffix (most Vietnamese names have two syllables), unless one of them
    is in the lexicon's ``han_stop`` ("全省", "农村" are not names). The second may be one of
    ``final`` even so: "和" is "and" but also the syllable Hòa ("协和县" is Hiệp Hòa district).
    """
    for alias in (*known, *han_aliases()):
        if text.endswith(alias, 0, pos):
            return (pos - len(alias), pos)
    start = pos - 2
    if start >= 0 and all(
        HAN.match(c) and (c not in stop or (i == 1 and c in final))
        for i, c in enumerate(text[start:pos])
    ):
        return (start, pos)
    # "在腊村", "。内村": a one-syllable village after a stop character or a sentence start
    one = text[pos - 1 : pos]
    if text[pos : pos + 1] in _ONE_SYLLABLE and one and HAN.match(one) and one not in stop:
        return (pos - 1, pos)
    return None


_ONE_SYLLABLE = frozenset("村屯")
"""Level characters whose names may have one syllable (villages: "làng Lạt" is "腊村")."""


def han_false(text: str, pos: int, false_words: Sequence[str]) -> bool:
    """Tell whether the level character at ``pos`` is part of a word ("社会", "农村") or stands
    after a describing word instead of a name ("偏远乡" a remote commune, "达标乡" a commune
    meeting the standard)."""
    return any(
        text.startswith(w, pos) or text.startswith(w, pos - 1) or text.endswith(w, 0, pos)
        for w in false_words
    )


@cache
def han_aliases() -> list[str]:
    names = {r["alias"] for r in alias_rows() if HAN.search(r["alias"])}
    return sorted(names, key=len, reverse=True)


GLOSS_REACH = 25
"""Longest bracketed gloss between a name and its level character."""


def glossed_name(text: str, pos: int) -> int | None:
    """Where the name ends when a bracketed gloss stands right before the level character at
    ``pos`` ("美隆南（My Long Nam）乡": the offset of "（"); None without a gloss."""
    if text[pos - 1 : pos] not in ("）", ")"):
        return None
    opening = max(
        text.rfind("（", max(0, pos - GLOSS_REACH), pos),
        text.rfind("(", max(0, pos - GLOSS_REACH), pos),
    )
    return opening if opening > 0 else None


def gloss_span(text: str, opening: int, pos: int, stop: str) -> tuple[int, int] | None:
    """The Han name before a Latin gloss, as many characters as the gloss has syllables
    ("黄树皮（Hoàng Su Phì）县": three, not the two of :func:`han_name`); None when the gloss
    is no Latin name of three or four syllables or the characters before it cannot be one."""
    words = text[opening + 1 : pos - 1].split()
    n = len(words)
    if not 3 <= n <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    name = text[opening - n : opening] if opening >= n else ""
    ok = len(name) == n and all(HAN.match(c) and c not in stop for c in name)
    return (opening - n, opening) if ok else None


_LATIN_GLOSS = re.compile(r"[（(][^）)\n]{2,25}[）)][\u4e00-\u9fff]")


def glossed_names(text: str, stop: str) -> tuple[str, ...]:
    """The names of three or four syllables the article glosses (:func:`gloss_span`), so that
    its other mentions ("黄树皮县" after "黄树皮（Hoàng Su Phì）县") read them whole."""
    spans = (gloss_span(text, m.start(), m.end() - 1, stop) for m in _LATIN_GLOSS.finditer(text))
    return tuple(dict.fromkeys(text[a:b] for a, b in filter(None, spans)))


_GLOSSED = re.compile(r"([\u4e00-\u9fff]{1,4})[（(][^）)\n]{2,25}[）)]([\u4e00-\u9fff])")
_GLOSS_OF_LATIN = re.compile(
    r"[^\W\d_](?:[^\W\d_]| ){1,24}[（(]([\u4e00-\u9fff]{1,4})[）)]([\u4e00-\u9fff])"
)


def gloss_places(text: str, claims: list[C]) -> list[C]:
    """``claims`` whose Han place ("宁美乡") the article glosses at another mention
    ("宁美（Ninh Mỹ）乡", "Cai Lay（丐礼）县") carry that glossed form: the Latin name
    resolves the unit, and coders copy either script."""
    found = [*_GLOSSED.finditer(text), *_GLOSS_OF_LATIN.finditer(text)]  # "Cai Lay（丐礼）县"
    glossed = {m.group(1) + m.group(2): m.group().strip() for m in found}
    return [replace(c, place=glossed[c.place]) if c.place in glossed else c for c in claims]
