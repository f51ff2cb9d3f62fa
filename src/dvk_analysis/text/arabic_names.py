"""Vietnamese place names written in Arabic letters.

Arabic texts transliterate a name syllable by syllable ("ثين لوك" for Thiện Lộc): short words
with a long vowel, no article. Telling them from the Arabic words around them needs these
shape tests, since no capital letters mark a name.
"""

from __future__ import annotations

import re

_AR_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_LONG_VOWEL = re.compile("[اويىآ]")
_SPACES = re.compile(r"[ \u00a0]+")

NUMBERED = frozenset({"village", "residential_group"})
"""Levels whose units may be numbers ("القرية 14", "قرية فيينغ تشاو 2", "thôn 3")."""
_AR_NUMBER = re.compile(r"[0-9٠-٩]+(?![0-9٠-٩.,٫])")


def arabic_name(
    text: str, i: int, stopwords: frozenset[str], numbered: bool = False
) -> tuple[int, int] | None:
    """Return up to three Arabic words that transliterate a Vietnamese name ("ثين لوك",
    "فينه ثانه ترونغ،": a third only where a mark ends the name, since a short verb after a
    two-syllable name passes the same tests: "قرية فينه داي أزال"); for a ``numbered`` level a
    number alone or after the name ends it ("القرية 14", "قرية فيينغ تشاو 2").

    Transliterated syllables are short (at most five letters), carry a long-vowel letter
    (ا و ي ى) or end in "ه", never take the article "ال" and never end in "ة" or "اء";
    Arabic verbs and adjectives after the level word ("تعزز", "ريفية") fail these tests.
    """
    end = -1
    cur = i
    for k in range(3):
        t = _AR_TOKEN.match(text, cur)
        number = _AR_NUMBER.match(text, cur) if numbered else None
        if number is not None:
            return (i, number.end())
        if not t or not _ar_name_word(t.group(), stopwords):
            break
        if k == 2 and not _ends_name(text, t.end(), stopwords):
            break  # a third syllable ("فينه ثانه ترونغ،") only where the name ends at a mark
        end = t.end()
        sp = _SPACES.match(text, end)
        if not sp:
            break
        cur = sp.end()
    return (i, end) if end > 0 else None


_AR_NAME_END = re.compile(r"\s*(?:[،,.:؛)(]|$)", re.MULTILINE)


def _ends_name(text: str, end: int, stopwords: frozenset[str]) -> bool:
    """Whether a name may end at ``end``: before a mark, or before a stopword ("بلدية فينه
    ثانه ترونغ في ...")."""
    if _AR_NAME_END.match(text, end):
        return True
    sp = _SPACES.match(text, end)
    word = _AR_TOKEN.match(text, sp.end()) if sp else None
    return word is not None and word.group() in stopwords


def _ar_name_word(word: str, stopwords: frozenset[str]) -> bool:
    if len(word) > 5 or word in stopwords or word.startswith(("ال", "لل", "وك", "وب", "ول", "وف")):
        return False  # the article, or "and" glued to a preposition ("وكل", "وكبار")
    if word.endswith(("ة", "اء")):
        return False
    return bool(_LONG_VOWEL.search(word)) or word.endswith("ه")
