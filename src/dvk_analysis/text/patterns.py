"""Lexicon phrases to regular expressions, and first-character prefilters.

Every module of the text layer turns lexicon words into regexes the same few ways; they live
here so that a change to what ``*`` or a space means in a lexicon is made once:

- ``*`` at the end of a word means "any ending" (``ENDING`` or ``\\w*``), leading "any
  beginning" (compounds); spaces in a phrase match any spacing;
- alternations are ordered longest first, so "more than" beats "more";
- where words are spaced, a phrase that starts or ends with a letter gets a word boundary
  there (Chinese gets none).

Prefilters: a case-insensitive alternation of hundreds of words is tried at every position of
a text. :func:`first_char_class` is a character class of every character a match can begin with,
and :func:`at_candidates` / :func:`union_prefilter` wrap a pattern so the regex engine first scans
for such a character (fast) and only tests the alternation there. The class holds every
character that ``re`` matches case-insensitively with a first character (found with ``re``
itself), so it cannot miss a case variant ("K", Kelvin sign "K" for "k").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, cached_property

WS = "[ \t\u00a0\u202f\u2009]"
"""One horizontal space of any kind (no newline: a phrase never spans lines)."""

PHRASE_END = re.compile(r"[,;:!?()،؛，；。：、]|\.(?!\d)")
"""Punctuation that ends a phrase, in every script (a stop only when no digit follows: "1.5")."""

AND_WORDS = r"(?:and|en|et|y|und|és|illetve|và|и|e)"
"""The words that join the last two items of a list in the corpus languages (Arabic joins
with the letter و, Chinese with 、)."""

ENDING = "[\\w\u0300-\u036f\u064b-\u065f\u0670]*"
"""A word ending for ``*`` in lexicon words: letters plus combining marks (Arabic tanwin)."""

NEVER = re.compile(r"(?!x)x")
"""A pattern that matches nothing (an empty word list)."""


def is_cjk(ch: str) -> bool:
    """True for a Han, kana or CJK punctuation character (scripts written without spaces)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f"


def wordy(ch: str) -> bool:
    """True for a character that needs a word boundary next to it (not CJK, not punctuation)."""
    return (ch.isalnum() or ch == "_") and not is_cjk(ch)


def phrase_rx(phrase: str) -> str:
    """Regex for a lexicon phrase: spaces match any spacing, a final ``*`` any word ending."""
    words = phrase.split()
    return arabic_marks(f"{WS}+".join(re.escape(w).replace(r"\*", ENDING) for w in words))


_ARABIC_LETTER = re.compile(r"([\u0621-\u064a])")
ARABIC_MARKS = "[\u0640\u064b-\u0652]*\u0670?[\u0640\u064b-\u0652]*"
"""Arabic short vowels, shadda, sukun, the dagger alef and the tatweel: optional in writing
("تبرّع", "تبرع"). The dagger alef (U+0670) stands apart: a class of three separate runs of
code points above U+00FF costs ``re`` ten times more to compile, and an Arabic lexicon holds
thousands of these."""


def arabic_marks(rx: str) -> str:
    """``rx`` with the optional Arabic marks allowed after each Arabic letter, so that a
    lexicon word written without them matches a text that writes them."""
    return _ARABIC_LETTER.sub(lambda m: m.group(1) + ARABIC_MARKS, rx)


def bounded(phrase: str, left: str = r"(?<!\w)") -> str:
    r"""Regex for ``phrase`` with word boundaries where its ends are letters or digits.

    ``left`` is the boundary before a wordy first character: by default no word character;
    unit words pass ``(?<![^\W\d_])`` (no letter) since they may follow a digit ("7km").
    """
    rx = phrase_rx(phrase)
    if wordy(phrase[0]):
        rx = left + rx
    if wordy(phrase[-1]):
        rx += r"(?!\w)"
    return rx


def alternation(phrases: Iterable[str], with_bounds: bool = True) -> str:
    """Alternation of ``phrases``, longest first so that "more than" beats "more"."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(bounded(p) if with_bounds else phrase_rx(p) for p in ordered)


def char_class(chars: Iterable[str]) -> str:
    """A regex class of exactly ``chars`` (escaped)."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def stem_alternation(words: Sequence[str], stems: bool = False, plural: bool = False) -> str:
    """Alternation of words, longest first, spaces flexible, no boundaries.

    ``stems`` lets a word take any ending (Hungarian, German and Russian inflect: "tartományban",
    "Bezirks", "уезде"); ``plural`` lets a Latin word take a plural "s"/"es" instead. Empty
    ``words`` give a pattern that never matches, so callers need no special case.
    """
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(p) for p in w.split())
        if stems and w[-1:].isalpha():
            body += r"\w*"
        elif plural and w[-1:].isalpha():
            body += r"(?:s|es)?"
        parts.append(body)
    return "|".join(parts) if parts else NEVER.pattern


def keyword_parts(
    words: Iterable[str], spaced: bool, contains: bool = False
) -> list[tuple[str, str]]:
    """Alternatives of a keyword alternation, longest first, each with the character its
    match must start with ("" when it may start with any: a leading ``*``).

    Scripts without spaces (``spaced=False``: Chinese) match anywhere; the others only at word
    boundaries, so "ha" (hectare) does not fire inside "has". For a "contains" test (need/not
    words) the ``*`` ends need not be matched: the search is faster, and a leading ``\\w*``
    would make it quadratic.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        bare = word.strip("*")
        core = re.escape(bare).replace(r"\ ", r"\s+")
        # Arabic marks are no \w: an Arabic word's wildcard must let them through; any other
        # word's is a plain \w*, which compiles to one category test instead of a charset
        wild = (
            ""
            if contains
            else (r"[\w\u064b-\u0652\u0670]*" if _ARABIC_LETTER.search(word) else r"\w*")
        )
        head = wild if word.startswith("*") else (r"(?<!\w)" if spaced else "")
        tail = wild if word.endswith("*") else (r"(?!\w)" if spaced and word[-1:].isalnum() else "")
        first = bare[0]
        if head == r"(?<!\w)" and not first.isspace():
            # "No letter before the word", tested after its first letter as "none two back":
            # the same condition (that letter is no newline), but the regex engine now drops
            # an alternative at its first letter instead of first running the look-behind.
            head = ""
            core = re.escape(first) + r"(?<!\w.)" + re.escape(bare[1:]).replace(r"\ ", r"\s+")
        parts.append((head + arabic_marks(core) + tail, "" if head or first.isspace() else first))
    return parts


def compile_keywords(
    words: Iterable[str], spaced: bool, flags: int = re.IGNORECASE, contains: bool = False
) -> re.Pattern[str] | None:
    """The alternation of :func:`keyword_parts`, compiled; None for no (non-blank) word."""
    words = [w for w in words if w.strip("*")]
    if not words:
        return None
    return re.compile("|".join(rx for rx, _ in keyword_parts(words, spaced, contains)), flags)


def infixes(keywords: Iterable[str]) -> re.Pattern[str] | None:
    """Cores of the compound keywords (leading "*"): a word holding one may match."""
    cores = sorted({w.strip("*").split()[0].lower() for w in keywords if w.startswith("*")})
    return re.compile("|".join(arabic_marks(re.escape(c)) for c in cores)) if cores else None


@cache
def bmp() -> str:
    """Every character of the Basic Multilingual Plane but the surrogates: a text to ask ``re``
    which characters it matches case-insensitively with a given one (built on first use, not
    at import)."""
    return "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


@cache
def case_variants(char: str) -> frozenset[str]:
    """Every character that ``re`` matches with ``char`` under IGNORECASE, ``char`` included.

    Asked of ``re`` itself (a search through the BMP), so its special cases hold: the Kelvin
    sign for "k", long s for "s", dotted and dotless i. No character outside the BMP has a
    case partner inside it, so those are compared through their own lower and upper case.
    """
    if len(char) != 1 or ord(char) > 0xFFFF:
        return frozenset(v for v in (char, char.lower(), char.upper()) if len(v) == 1)
    return frozenset(re.findall(re.escape(char), bmp(), re.IGNORECASE))


def first_char_class(firsts: set[str]) -> str:
    """A regex class of every character a case-insensitive match of ``firsts`` can begin with.

    Why not "any non-ASCII character" as a catch-all: in Cyrillic, Arabic or Chinese text that
    is every character, and the prefilter then filters nothing.
    """
    chars = sorted(set().union(*map(case_variants, firsts)))
    return "[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)"


def at_candidates(pattern: re.Pattern[str], firsts: set[str]) -> re.Pattern[str] | None:
    """``pattern`` tried only where the text holds a character a match can begin with.

    The look-ahead keeps the groups of ``pattern`` (``whole``: its match). None when the first
    characters are unknown (a blank word), so the caller falls back to ``pattern``.
    """
    if not firsts or any(c.isspace() for c in firsts):
        return None
    first = first_char_class(firsts)
    return re.compile(f"(?-i:{first})(?<=(?=(?P<whole>{pattern.pattern})).)", pattern.flags)


def starts_of(scanner: re.Pattern[str] | None, firsts: set[str]) -> re.Pattern[str] | None:
    """``scanner`` tried only at candidate characters, with the same groups (no ``whole``).

    None when ``scanner`` is None or a first character is unknown (blank, ``*``).
    """
    if scanner is None or any(not c or c == "*" or c.isspace() for c in firsts):
        return None
    return re.compile(f"{first_char_class(firsts)}(?<=(?={scanner.pattern}).)")


def union_prefilter(
    members: list[str], firsts: list[set[str] | None], lead: str
) -> re.Pattern[str] | None:
    """A regex whose (empty) matches start at every position where one of ``members`` matches.

    When every member's first characters are known the scan first finds such a character;
    else it is the look-ahead alone, tried at every position.
    """
    if not members:
        return None
    test = "(?=" + lead + "(?:" + "|".join(members) + "))"
    if any(f is None for f in firsts):
        return re.compile(test, re.IGNORECASE)
    chars: set[str] = set().union(*firsts)  # type: ignore[arg-type]
    return re.compile(f"(?-i:{first_char_class(chars)})(?<={test}.)", re.IGNORECASE)


class LazyPattern:
    """A pattern compiled on first use.

    Why: a language has some hundred period patterns and compiling them all was a third of a
    cold run's start; most texts only ever hold a few of them, and a union of them (compiled
    anyway, :func:`union_prefilter`) tells where one may start. ``firsts`` are the characters
    a match starts with (None: unknown).
    """

    def __init__(self, source: str, flags: int, firsts: set[str] | None) -> None:
        self.source, self.flags = source, flags
        self.firsts = None if firsts is None else {c.casefold() for c in firsts}

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source, self.flags)

    def may_start(self, scan: str, starts: list[tuple[int, int]]) -> bool:
        """Whether one of ``starts`` holds a character a match can start with."""
        if not starts:
            return False
        if self.firsts is None or any(not c or c == "*" or c.isspace() for c in self.firsts):
            return True
        return any(
            not scan[pos].isascii() or scan[pos].casefold() in self.firsts
            for pos, _ in starts
            if pos < len(scan)
        )


class Unless:
    """A pattern that never matches inside ``names``: "people" is a word that rules the
    programme's total out, but "the People's Committee" names a body, not residents.

    It masks the names (same length, so offsets hold) before searching; it offers the one
    method the excluded words are used with.
    """

    __slots__ = ("names", "pattern")

    def __init__(self, pattern: re.Pattern[str], names: re.Pattern[str]) -> None:
        self.pattern, self.names = pattern, names

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        if self.names.search(text) is not None:
            text = self.names.sub(lambda m: " " * len(m.group()), text)
        return self.pattern.search(text, pos, endpos)


def unless(
    pattern: re.Pattern[str] | None, names: re.Pattern[str] | None
) -> re.Pattern[str] | Unless | None:
    """``pattern``, blind inside ``names`` when there are any."""
    return Unless(pattern, names) if pattern is not None and names is not None else pattern
