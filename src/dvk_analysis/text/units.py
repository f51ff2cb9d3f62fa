"""Recognise the unit written right after a number, and convert it to the codebook unit.

Units, their words and conversion factors live in the ``[units]`` section of each lexicon
(``resources/lexicons/<lang>.toml``), one key per codebook unit (:data:`codebook.UNITS`)::

    [units]
    connectors = ["de"]            # words allowed between number and unit ("milliards de VND")
    m2 = [
      { words = ["m2", "m²", "mét vuông"], factor = 1 },
      { words = ["ha", "hecta"], factor = 10000 },
      { words = ["sào"], factor = 360 },   # Northern (Bắc Bộ) sào = 360 m²
    ]

Words are matched case-sensitively ("ha" is a hectare, "Ha Tinh" is not); a final ``*``
accepts any word ending (inflected languages: "háztartást", "домохозяйств"); words are
matched longest first, so "mét vuông" wins over "mét". Factors convert to the codebook unit:
"7.1 km" -> m with factor 1000; "2 ha" -> m2 with factor 10000. The Vietnamese sào is taken as
the Northern (Bắc Bộ) sào of 360 m² (the Central sào is 500 m²; articles rarely say which), and
the Chinese 亩 as 666.67 m².
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

from dvk_analysis.codebook import UNITS
from dvk_analysis.text.keywords import rule_named
from dvk_analysis.text.lexicon import section as lexicon_section
from dvk_analysis.text.patterns import WS, bounded

if TYPE_CHECKING:
    from dvk_analysis.text.keywords import Lexicon


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found after a number.

    Attributes
    ----------
    unit
        The codebook unit (one of :data:`dvk_analysis.codebook.UNITS`).
    factor
        Multiply the number by this to express it in ``unit`` ("km" -> 1000).
    start, end
        Offsets of the unit word(s) in the text.
    raw
        ``text[start:end]``.
    """

    unit: str
    factor: float
    start: int
    end: int
    raw: str


@dataclass(frozen=True)
class _UnitGrammar:
    pattern: re.Pattern | None
    entries: tuple[tuple[str, float], ...]  # by group index


def _entries(lang: str) -> list[tuple[str, str, float]]:
    """(word, unit, factor) triples of the lexicon, validated against the codebook."""
    section = lexicon_section(lang, "units")
    where = f"resources/lexicons/{lang}.toml [units]"
    out = []
    for unit, groups in section.items():
        if unit == "connectors":
            continue
        if unit not in UNITS:
            raise ValueError(f"{where}: unknown unit {unit!r}; valid: {', '.join(UNITS)}")
        if not isinstance(groups, list):
            raise ValueError(f"{where}: {unit} must be a list of {{ words = [...], factor = x }}")
        for i, entry in enumerate(groups):
            if not isinstance(entry, dict) or "words" not in entry or "factor" not in entry:
                raise ValueError(f"{where}: entry {i} of {unit} needs 'words' and 'factor'")
            factor = entry["factor"]
            if not isinstance(factor, int | float) or factor <= 0:
                raise ValueError(f"{where}: factor of {unit} entry {i} must be a positive number")
            out.extend((w, unit, float(factor)) for w in entry["words"] if w)
    return out


def _unit_rx(word: str) -> str:
    """Regex for a unit word: not glued to a letter on either side, but may follow a digit."""
    return bounded(word, left=r"(?<![^\W\d_])")


@cache
def _unit_grammar(lang: str) -> _UnitGrammar:
    triples = sorted(_entries(lang), key=lambda t: (-len(t[0].replace("*", "")), t[0]))
    if not triples:
        return _UnitGrammar(None, ())
    connectors = lexicon_section(lang, "units").get("connectors", [])
    conn = "|".join(_unit_rx(c) for c in sorted(connectors, key=len, reverse=True))
    lead = f"[{WS[1:-1]}\\-‐]{{0,3}}"
    conn_rx = f"(?:(?:{conn}){WS}*)?" if conn else ""
    alts = "|".join(f"(?P<u{i}>{_unit_rx(w)})" for i, (w, _, _) in enumerate(triples))
    pattern = re.compile(f"{lead}{conn_rx}(?:{alts})")
    return _UnitGrammar(pattern, tuple((u, f) for _, u, f in triples))


def find_unit(text: str, pos: int, lang: str) -> UnitMatch | None:
    """Return the unit written at ``pos`` (e.g. ``NumberMatch.expr_end``), or None.

    Spaces and a hyphen may stand between the number and the unit ("7.1km", "7,1 km",
    "5-ha"), and so may the lexicon's connectors ("143,7 milliards de VND").

    Raises
    ------
    ValueError
        When ``lang`` has no lexicon or its ``[units]`` section names a unit that is not in
        the codebook.
    """
    if not 0 <= pos <= len(text):
        raise ValueError(f"pos {pos} is outside the text (length {len(text)})")
    g = _unit_grammar(lang)
    if g.pattern is None or not (m := g.pattern.match(text, pos)):
        return None
    name = m.lastgroup
    unit, factor = g.entries[int(name[1:])]
    start, end = m.span(name)
    return UnitMatch(unit, factor, start, end, text[start:end])


def unit_before(text: str, pos: int, lang: str, reach: int = 6) -> UnitMatch | None:
    """The unit word ending right at ``pos`` ("工日3000个": a noun, number, classifier), or None.

    For classifier languages, where the counted noun may stand before the number.
    """
    for start in range(max(0, pos - reach), pos):
        found = find_unit(text, start, lang)
        if found is not None and found.start == start and found.end == pos:
            return found
    return None


CURRENCY_BEFORE = ("VND", "VNĐ", "₫")
"""Currency written before the number in every language ("VND 81.4 billion", English-style
financial writing); a language's own VND words count too."""


@cache
def _currency_before(lang: str) -> re.Pattern[str]:
    words = {w for w, unit, _ in _entries(lang) if unit == "VND" and len(w) > 1}
    words |= set(CURRENCY_BEFORE)
    alts = "|".join(_unit_rx(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alts}){WS}*$")


def currency_before(text: str, pos: int, lang: str) -> bool:
    """True when a currency word stands right before ``pos`` (the start of a number).

    Why: news in English (and translations from it) write "VND 81.4 billion"; read without
    its unit, such a number was taken for a count of whatever noun stood nearby.
    """
    start = max(0, pos - 12)
    found = _currency_before(lang).search(text[start:pos])
    if found is None:
        return False
    word = found.group().strip()
    if word[:1].isupper() and not word.isupper():
        # "Lam Dong 259", "Hai Dong 12": the last syllable of a place name, not the currency
        before = _WORD_BEFORE.search(
            text, max(0, start + found.start() - 30), start + found.start()
        )
        return before is None or not before.group(1)[:1].isupper()
    return True


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \-]+$")


_SPACES = re.compile(" *")


class _Number(Protocol):
    start: int
    end: int
    expr_start: int
    expr_end: int


def visits(text: str, number: _Number, lex: Lexicon) -> int:
    """End of a visit word after ``number`` ("2,759 times", "772 lượt", "259 Mal") when its
    line speaks of receiving citizens just before or after it, else 0: reception offices count
    citizens' visits, and the codebook counts them as citizens received."""
    rule = rule_named(lex, "citizens_received")
    if lex.visit_after is None or rule is None:
        return 0
    found = lex.visit_after.match(text, _SPACES.match(text, max(number.end, number.expr_end)).end())
    if found is None:
        return 0
    start = max(text.rfind("\n", 0, number.start) + 1, number.start - 120)
    stop = text.find("\n", found.end(), found.end() + 60)
    around = (
        text[start : number.start]
        + " "
        + text[found.start() : stop if stop >= 0 else found.end() + 60]
    )
    return found.end() if (rule.need or rule.keywords).search(around) else 0


_FIRST_NUMBER = re.compile(r"[\d٠-٩][\d٠-٩.,\s\u00a0]*?(?=[^\d٠-٩.,\s\u00a0])")


def unit_inside(text: str, number: _Number, lang: str) -> UnitMatch | None:
    """The unit written between the whole and the part of a reverse fraction ("55
    háztartásából 46": 46 of 55 households), or None.

    Why: Hungarian names the whole first and puts the part's unit on it, so no unit follows
    the part; without this the part is a bare count that needs a keyword next to it.
    """
    if number.expr_start >= number.start:
        return None
    first = _FIRST_NUMBER.match(text, number.expr_start, number.start)
    found = find_unit(text, first.end(), lang) if first else None
    return found if found is not None and found.end <= number.start else None
