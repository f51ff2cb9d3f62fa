"""Place mentions in articles, and which place governs a number.

Finding mentions relies on administrative-level words ("xã", "commune", "község", "уезд",
"乡"...) listed per language in the ``[places]`` section of each lexicon, plus the closed list of
province names (from ``dvk_analysis.gazetteer``), which are found even without a level word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from dvk_analysis.codebook import ADMIN_LEVELS
from dvk_analysis.gazetteer import (
    UNIT_TIERS,
    Province,
    alias_rows,
    find_province,
    fold,
    known_name,
    lookup_unit,
    name_key,
    province_tables,
    resolve_province,
    resolve_unit_name,
)
from dvk_analysis.text.arabic_names import NUMBERED, arabic_name
from dvk_analysis.text.han_names import (
    HAN,
    gloss_span,
    glossed_name,
    glossed_names,
    han_aliases,
    han_false,
    han_name,
)
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.patterns import at_candidates, stem_alternation
from dvk_analysis.text.spans import latest_before


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place named in a text.

    Attributes
    ----------
    start, end
        Offsets of the whole mention, level word included ("xã Thiên Lộc", "Ha Tinh
        province"); end exclusive.
    text
        ``text[start:end]``, the mention as written.
    name
        The name alone, as written ("Thiên Lộc", "Ha Tinh", "ثين لوك").
    admin_level
        One of ``codebook.ADMIN_LEVELS``.
    province
        Canonical province name: the hinted (article's) province when the place lies in it,
        in either geography; else the province the name resolves to; else the hint; ``None``
        when nothing tells.
    legacy_code
        GSO code of the unit in the 63-province geography (province, district or commune code),
        when the name was resolved.
    code_2025
        Code of the unit in the 34-province geography (province or commune/ward code), when
        known.
    province_2025
        Name of the 2025 province that holds the place, when known.
    former
        Written as a former unit ("the former province of X", "X cũ"): see ``scope``.
    """

    start: int
    end: int
    text: str
    name: str
    admin_level: str
    province: str | None = None
    legacy_code: str | None = None
    code_2025: str | None = None
    province_2025: str | None = None
    former: bool = False


# --- mentions in text -----------------------------------------------------------------------


@dataclass(frozen=True)
class _LangRules:
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    levels: dict[str, str] = field(default_factory=dict)  # casefolded word -> level
    stopwords: frozenset[str] = frozenset()
    script: str = "latin"
    max_tokens: int = 4
    han_stop: str = ""
    han_false_words: tuple[str, ...] = ()
    before_fast: re.Pattern[str] | None = None  # ``at_candidates(before)``
    after_fast: re.Pattern[str] | None = None
    han_final: str = ""  # han_stop characters that may still end a name ("协和县": Hòa)

    def level_of(self, word: str) -> str:
        """Return the level of a matched level word (possibly inflected or plural)."""
        return self.named_level(word) or "commune"

    def named_level(self, word: str) -> str | None:
        """The level ``word`` names (the longest level word it starts with), else None."""
        w = " ".join(word.casefold().split())
        if w in self.levels:
            return self.levels[w]
        best = max((k for k in self.levels if w.startswith(k)), key=len, default=None)
        return self.levels[best] if best else None


@cache
def _lexicon_places(lang: str) -> dict:
    """Return the ``[places]`` section of ``resources/lexicons/<lang>.toml``."""
    return section(lang, "places")


@cache
def _rules(lang: str) -> _LangRules:
    """Compile the per-language level-word patterns (once per language).

    All words of one side (before/after the name) go into one alternation, longest first, so
    "Stadtbezirk" is read as a district and not as "Stadt" + "bezirk".
    """
    lex = _lexicon_places(lang)
    stems = bool(lex.get("stems", False))
    script = lex.get("script", "latin")
    latin = script == "latin"
    link = ""
    if linkers := lex.get("linkers", []):
        alt = "|".join(re.escape(x) for x in sorted(linkers, key=len, reverse=True))
        # one adjective may stand between the level word and its linker ("distrito montañoso
        # de Thanh Son", "commune frontalière de Ia Dom")
        linker = rf"[ \u00a0]+(?-i:{alt})(?:(?<=['’])|(?=[ \u00a0]))"
        link = rf"(?:[ \u00a0]+(?-i:[a-zà-ÿ]+)(?={linker}))?(?:{linker})?"
    lead = r"(?<![\w\-])"
    if clitics := lex.get("clitics", []):
        lead += "(?:" + "|".join(re.escape(c) for c in clitics) + ")?"
    levels: dict[str, str] = {}
    compiled: dict[str, re.Pattern[str] | None] = {}
    fast: dict[str, re.Pattern[str] | None] = {}
    for side in ("before", "after"):
        words: list[str] = []
        for level, ws in lex.get(side, {}).items():
            _check_level(level, lang)
            words += ws
            levels.update({" ".join(w.casefold().split()): level for w in ws})
        if not words:
            compiled[side] = fast[side] = None
            continue
        alt = stem_alternation(words, stems, plural=latin)
        firsts = {w.split()[0][0] if w.split() else " " for w in words}  # " ": unknown
        if side == "before":
            pat = rf"{lead}(?P<word>{alt})(?!\w){link}"
            firsts |= {c[0] for c in clitics if c}
        else:
            pat = rf"(?P<word>{alt})" + (r"(?!\w)" if script != "han" else "")
        compiled[side] = re.compile(pat, re.IGNORECASE)
        fast[side] = at_candidates(compiled[side], firsts)
    return _LangRules(
        compiled["before"],
        compiled["after"],
        levels,
        frozenset(w.casefold() for w in lex.get("stopwords", [])),
        script,
        int(lex.get("max_tokens", 4)),
        str(lex.get("han_stop", "")),
        tuple(lex.get("han_false_words", [])),
        fast["before"],
        fast["after"],
        str(lex.get("han_final", "")),
    )


def _level_words(
    pattern: re.Pattern[str], fast: re.Pattern[str] | None, text: str
) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, word start, word) of each match of ``pattern`` (a level-word regex), in
    text order: what ``pattern.finditer`` gives, found faster through ``fast``."""
    if fast is None:
        for m in pattern.finditer(text):
            yield m.start(), m.end(), m.start("word"), m.group("word")
        return
    end = 0  # ``fast`` finds every position where ``pattern`` matches: skip overlaps
    for m in fast.finditer(text):
        if m.start() >= end:
            end = m.end("whole")
            yield m.start(), end, m.start("word"), m.group("word")


def _check_level(level: str, lang: str) -> None:
    if level not in ADMIN_LEVELS:
        raise ValueError(
            f"lexicon {lang}.toml [places]: unknown level {level!r}; "
            f"valid: {', '.join(ADMIN_LEVELS)}"
        )


_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|kr|pl|dr|gr|gl|br|pr|bl|[bcdghjklmnprstvx])?"
    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnptklr])?",
    re.IGNORECASE,
)
"""A Vietnamese syllable once diacritics are folded, with the Central Highlands' onsets and
finals of names written from minority languages ("Đắk Tô", "Krông Pắc", "Pleiku", "Cư Jút",
"Đắk Mil", "Ia Grai", "Đắk Glong", "Ea Kar", "Cư M'gar")."""
LATIN_TOKEN = re.compile(r"[^\W\d_][\w'’]*|\d+[A-Za-z]?")
_CYR_TOKEN = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*(?:-[А-ЯЁа-яё]+)*|\d+")
_SEP = re.compile(r"[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+")
_SPACES = re.compile(r"[ \u00a0]+")
_NAME_PART = re.compile(r"[^\s\-–]+")


_NUMBER_SIGN = re.compile(r"(?:№|No\.?|Nr\.?|[Nn]°)[ \u00a0]?\d+(?![\d.,]\d|\w)")
"""A number sign and the number of a village ("№ 7", "No. 5", "n° 3")."""
_FRACTION = re.compile(r"[.,]\d")
"""Digits going on after a decimal or group separator: an amount, never a village number."""


def _is_name_token(tok: str, level: str) -> bool:
    """Tell whether a Latin token can be part of a Vietnamese place name.

    Capitalised and shaped like a Vietnamese syllable once diacritics are folded ("Thiên",
    "Loc", "Hô"), or a number for villages and residential groups ("thôn 3", "Nam Lan 2").
    """
    if tok.isdigit():
        return level in ("village", "residential_group")
    if not tok[0].isupper():
        return False
    if len(tok) > 2 and tok[1] in "'’":
        tok = tok[2:]  # "M'gar", "R'lap", "H'Loi": a Central Highlands name's first consonant
    return bool(_VI_SYLLABLE.fullmatch(fold(tok)))


def _trim_stopwords(tokens: list[tuple[int, int]], text: str, rules: _LangRules):
    """Drop stopwords ("The", "In", "A") from the end of a name read after its level word
    (a name read before it drops them from its start: :func:`_stopword`)."""
    while tokens and text[slice(*tokens[-1])].casefold() in rules.stopwords:
        tokens.pop()
    return tokens


def _stopword(tokens: list[tuple[int, int]], text: str, rules: _LangRules, level: str) -> bool:
    """Whether a name's first token is a word of the text's language ("A", "The"), not the
    first syllable of a place known at that level ("Ha Tinh", "Than Uyen")."""
    (a, b), end = tokens[0], tokens[-1][1]
    return text[a:b].casefold() in rules.stopwords and not known_name(text[a:end], level)


def _name_after(text: str, pos: int, rules: _LangRules, level: str) -> tuple[int, int] | None:
    """Return the span of the name that starts at ``pos`` (after a level word)."""
    i = pos
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    if rules.script == "arabic":
        return arabic_name(text, i, rules.stopwords, level in NUMBERED)
    sign = _NUMBER_SIGN.match(text, i)
    if sign is not None and level in NUMBERED:
        return sign.span()  # "деревни № 7", "village No. 7": a numbered village
    cyrillic = rules.script == "cyrillic"
    token_re = _CYR_TOKEN if cyrillic else LATIN_TOKEN
    tokens: list[tuple[int, int]] = []
    cur = i
    while len(tokens) < rules.max_tokens:
        t = token_re.match(text, cur)
        if not t:
            break
        tok = t.group()
        ok = _is_name_token(tok, level) or (cyrillic and tok[0].isupper() and tok.isalpha())
        if not ok or (tok.isdigit() and _FRACTION.match(text, t.end())):
            break  # "деревни 386,99 млрд": an amount, not "village 386"
        if cyrillic and tokens and tok.casefold() in SURNAMES:
            break  # "уезда Эашуп Нгуен Ван": a person's name follows the unit's
        tokens.append(t.span())
        if tok.isdigit():
            break
        sep = _SEP.match(text, t.end())
        if not sep:
            break
        cur = sep.end()
    tokens = _trim_stopwords(tokens, text, rules)
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def _plural_of_province(text: str, span: tuple[int, int], word: str, rules: _LangRules) -> bool:
    """Whether a plural level word stands before a province's name ("las comunas de Tra
    Vinh", "les districts de Lao Cai"): the units of that province, no unit of that name."""
    w = " ".join(word.casefold().split())
    plural = w not in rules.levels and any(
        w.endswith(end) and w[: -len(end)] in rules.levels for end in ("s", "es", "n", "en")
    )
    return plural and find_province(text[span[0] : span[1]]) is not None


_URBAN_NUMBER = re.compile(r"[ \u00a0]?(?:1[0-2]|[1-9])(?![\d.,]\d|\w)")
"""The number of an urban district after its word: 1 to 12, whole ("District 12", not "25")."""


def _numbered_district(
    text: str, pos: int, word: str, hint: Province | None
) -> tuple[int, int] | None:
    """ "District 2", "Quận 7": Ho Chi Minh City numbers its urban districts 1 to 12; a
    capitalised "District" / "Quận" and such a number name one (unless the text is known to
    be on another province)."""
    if word not in ("District", "Quận") or (hint is not None and hint.name != "Hồ Chí Minh"):
        return None
    m = _URBAN_NUMBER.match(text, pos)
    return (m.start() + (m.group()[0] in " \u00a0"), m.end()) if m else None


def _name_before(
    text: str, pos: int, rules: _LangRules, level: str, need_sep: bool = True
) -> tuple[int, int] | None:
    """Return the span of the name that ends just before a trailing level word at ``pos``.

    ``need_sep=False`` accepts a name glued to the level word (Chinese text writing a
    Vietnamese name in Latin letters: "Thiên Lộc乡").
    """
    j = pos
    while j > 0 and pos - j < 3 and text[j - 1] in " \u00a0-":
        j -= 1
    if j == pos and need_sep:
        return None
    tokens: list[tuple[int, int]] = []
    cur = j
    while len(tokens) < rules.max_tokens and cur > 0:
        m = _TOKEN_END.search(text, max(0, cur - 40), cur)
        last = not tokens and level in ("village", "residential_group")
        if not m or (m.group().isdigit() and not last) or not _is_name_token(m.group(), level):
            break  # a number ends a village's name ("Na Hy 2 village"), never begins one
        tokens.insert(0, m.span())
        if len(tokens) > 1 and _stopword(tokens, text, rules, level):
            break  # "KINH MON – A Kinh Mon járás": no name reaches back over an article
        k = m.start()
        while k > 0 and m.start() - k < 3 and text[k - 1] in " \u00a0-–":
            k -= 1
        if k == m.start() or " – " in text[k - 1 : m.start() + 1]:
            break  # nor over a dateline's dash
        cur = k
    while tokens and _stopword(tokens, text, rules, level):
        tokens = tokens[1:]
    if len(tokens) >= 3 and _after_surname(text, tokens[0][0]):
        tokens = tokens[2:]  # "Nguyen Manh Hung Van Hoi községben": Van Hoi, not Manh Hung
    if all(text[a:b].isdigit() for a, b in tokens):
        return None  # "12 villages": a count, no name
    return (tokens[0][0], tokens[-1][1])


SURNAMES = frozenset(
    {"nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "dang", "bui", "ngo", "truong",
     "нгуен", "чан", "фам", "хоанг", "хюинь", "фан", "ву", "во", "данг", "буй", "нго", "зыонг"}
)  # fmt: skip
"""Family names rarely in a place's name (Lê, Hồ, Đinh are: Le Thuy): one before a run of names
starts a person's three syllables; in Cyrillic (a place is one word) one after a name ends it."""


def _after_surname(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is one of :data:`SURNAMES` (folded)."""
    m = _TOKEN_END.search(text, max(0, start - 12), max(0, start - 1))
    return m is not None and text[m.end() : start] == " " and fold(m.group()).casefold() in SURNAMES


_LATIN_CHARS = r"A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff'’"
_TOKEN_END = re.compile(rf"(?<![{_LATIN_CHARS}])[{_LATIN_CHARS}]+$")
_PERSON_NAMES = frozenset({"hochiminh", "胡志明", "هوتشيمنه"})


@cache
def _bare_province_patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Regexes for province names written without a level word.

    The first runs over the folded text (Latin and Cyrillic names, whole words only), the
    second over the raw text (Han names, which have no word boundaries).
    """
    names: set[str] = set()
    for geo in province_tables().values():
        names.update(p.name for p in geo.values())
    names.update(r["alias"] for r in alias_rows() if len(name_key(r["alias"])) > 3)
    # "Hồ Chí Minh" alone is nearly always the person ("President Ho Chi Minh", "tư tưởng Hồ
    # Chí Minh"); the city is found with its level word or an alias ("TP HCM", "HCMC").
    names = {n for n in names if name_key(n) not in _PERSON_NAMES}
    alts = []
    for n in sorted((n for n in names if not HAN.search(n)), key=len, reverse=True):
        words = [w for w in re.split(r"[\s\-–]+", fold(n)) if w]
        # "Not after a letter or hyphen" is tested after the first letter, as "not two
        # characters back": every alternative then starts with a literal, and the regex
        # engine only tries the positions holding one of those first letters.
        head, rest = re.escape(words[0][0]), re.escape(words[0][1:])
        tail = "".join(r"[ \u00a0\-–]*" + re.escape(w) for w in words[1:])
        alts.append(head + r"(?<![\w\-].)" + rest + tail)
    # A short capitalised syllable right after continues a longer name: "Dien Bien Phu" is a
    # city and a battle, not the province of Dien Bien.
    words_re = re.compile("(?:" + "|".join(alts) + r")(?![\w])(?![ \u00a0]+[A-Z][a-z]{1,3}\b)")
    han = [a for a in han_aliases() if len(a) >= 3 and a not in _PERSON_NAMES]
    han_re = re.compile("|".join(re.escape(a) for a in han)) if han else None
    return words_re, han_re


def find_places(text: str, lang: str, province_hint: str | None = None) -> list[PlaceMention]:
    """Return the places named in ``text``, in text order.

    A place is found when a name stands next to an administrative-level word of the language
    (``before``/``after`` lists of the lexicon's ``[places]`` section: "xã Thiên Lộc", "Thien
    Loc commune", "Khuat Xa község", "уезд Чодон", "بلدية ثين لوك", "兴安省"), or when it is one
    of the province names or aliases (found even without a level word). Latin-script names are
    capitalised tokens shaped like Vietnamese syllables, which keeps ordinary capitalised words
    (German nouns, "The") out.

    Names are resolved against the legacy and 2025 unit tables (diacritics and case ignored),
    preferring units inside ``province_hint``. A name that cannot be resolved (most Arabic,
    Chinese and Russian transliterations of communes) is kept as written, with the hint's
    province.

    Parameters
    ----------
    text
        Article text.
    lang
        A code of ``lexicon.LANGUAGES``: its ``[places]`` section gives the level words.
    province_hint
        The article's province (any spelling ``resolve_province`` accepts), or ``None``.

    Raises
    ------
    ValueError
        Unsupported language; ``UnknownPlaceError`` for an unknown ``province_hint``.
    """
    rules = _rules(lang)
    hint = resolve_province(province_hint) if province_hint else None
    if not text:
        return []
    found: list[PlaceMention] = []
    if rules.before is not None:
        for _, end, word_start, word in _level_words(rules.before, rules.before_fast, text):
            level = rules.level_of(word)
            span = _name_after(text, end, rules, level) or _numbered_district(text, end, word, hint)
            if span and rules.script == "latin":
                span = _trim_name(text, span, level, hint)
            if span and level != "province" and _plural_of_province(text, span, word, rules):
                level = "province"  # "comunas de Tra Vinh": the communes of a province
            if span:
                found.append(_mention(text, word_start, span[1], span, level, hint))
    if rules.after is not None:
        known = glossed_names(text, rules.han_stop) if rules.script == "han" else ()
        for start, end, _, word in _level_words(rules.after, rules.after_fast, text):
            level = rules.level_of(word)
            if rules.script == "han":
                if han_false(text, start, rules.han_false_words):
                    continue
                span = han_name(text, start, rules.han_stop, rules.han_final, known)
                if span and level == "province" and text[span[0] : span[1]] not in han_aliases():
                    continue  # every province has a known Han name: "动员省内" is no province
                if span is None and start and fold(text[start - 1]).isascii():
                    span = _name_before(text, start, rules, level, need_sep=False)
                if span is None and (opening := glossed_name(text, start)) is not None:
                    # "美隆南（My Long Nam）乡", "Cai Lay（丐礼）县": the name before its gloss
                    span = (
                        gloss_span(text, opening, start, rules.han_stop)
                        or han_name(text, opening, rules.han_stop, rules.han_final)
                        or _name_before(text, opening, rules, level, need_sep=False)
                    )
            else:
                span = _name_before(text, start, rules, level)
            if span:
                found.append(_mention(text, span[0], end, span, level, hint))
    words_re, han_re = _bare_province_patterns()
    bare = [m for m in words_re.finditer(fold(text)) if not text[m.start()].islower()]
    if han_re is not None and rules.script == "han":  # aliases of 3+ characters only
        bare += list(han_re.finditer(text))
    for m in bare:
        found.append(_mention(text, m.start(), m.end(), m.span(), "province", hint))
    return _dedupe(found)


_SURNAMES = frozenset(
    {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui",
        "do", "ho", "ngo", "duong", "ly", "dinh", "trinh",
    }
)  # fmt: skip
"""Common family names: a name after a unit's name is usually an official's ("xã Thiên Lộc
Nguyễn Văn A")."""


def _trim_name(
    text: str, span: tuple[int, int], level: str, hint: Province | None
) -> tuple[int, int]:
    """Shorten a name of three or more words that ran into the next capitalised words.

    Vietnamese unit names are mostly two syllables, and an official's name often follows the
    unit ("Chủ tịch UBND xã Thiên Lộc Nguyễn Văn A"). Keep the longest prefix that is a known
    unit; else cut before a common family name; else keep the span.
    """
    if UNIT_TIERS.get(level) not in ("district", "commune"):
        return span
    tokens = list(_NAME_PART.finditer(text[span[0] : span[1]]))
    if len(tokens) <= 2:
        return span
    for k in range(len(tokens), 0, -1):
        end = span[0] + tokens[k - 1].end()
        if lookup_unit(text[span[0] : end], level, hint) is not None:
            return (span[0], end)
    for k in range(1, len(tokens)):
        if fold(tokens[k].group()).casefold() in _SURNAMES:
            return (span[0], span[0] + tokens[k - 1].end())
    return span


def _mention(
    text: str, start: int, end: int, span: tuple[int, int], level: str, hint: Province | None
) -> PlaceMention:
    name = text[span[0] : span[1]]
    if level == "city" and centrally_run(name):
        level = "province"  # "города Ханоя", "Thành phố Hà Nội": a province-level city
    province, legacy_code, code_2025, prov_2025 = resolve_unit_name(name, level, hint)
    return PlaceMention(
        start, end, text[start:end], name, level, province, legacy_code, code_2025, prov_2025
    )


@cache
def centrally_run(name: str) -> bool:
    """Whether ``name`` is a centrally-run city (Hà Nội, Đà Nẵng, ...), a unit of province
    level; a provincial city named like its province ("thành phố Bắc Ninh") is not one."""
    try:
        return resolve_province(name).full_name.startswith("Thành phố")
    except (KeyError, ValueError, LookupError):
        return False


def _dedupe(found: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longest mention among overlapping ones, in text order.

    The kept mentions never overlap, so sorted by (start, end) their ends never decrease: the
    last kept one starting before a candidate's end is the only one that can reach into it.
    Testing that one (by bisection) instead of every kept mention keeps long texts linear.
    """
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    kept: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect_left(kept, (m.end, -1))  # kept spans that start before m.end
        if i == 0 or kept[i - 1][1] <= m.start:
            insort(kept, (m.start, m.end))
            out.append(m)
    return sorted(out, key=lambda m: m.start)


# --- which place governs a number -----------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?。！？؟]+[\"'”»)]*(?=\s)|[。！？]+[”」』）]*|\n+")
"""Where a sentence ends: a stop before a space, a Chinese full stop with or without one
(Chinese puts no space after "。"), a line break."""


def sentence_starts(text: str) -> list[int]:
    """Return the offsets where sentences start (0 first), splitting at ". ", "。", newlines."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def main_place(
    mentions: Sequence[PlaceMention], province: str | None = None
) -> PlaceMention | None:
    """Return the place an article is about: its most mentioned place below province level.

    Reports on one commune or district name it again and again, so the most frequent name
    (compared by key, so "Thien Loc commune" and "xã Thiên Lộc" count together; ties go to the
    earliest) is the subject. Failing any, the most frequent province-level mention; failing
    that, the ``province`` as a mention with offsets -1 (see ``nearest_place``).
    """
    for levels in (set(ADMIN_LEVELS) - {"province"}, {"province"}):
        counts: dict[str, list[PlaceMention]] = {}
        for m in mentions:
            if m.admin_level in levels:
                counts.setdefault(name_key(m.name) or m.name, []).append(m)
        if counts:
            best = max(counts.values(), key=lambda ms: (len(ms), -ms[0].start))
            return best[0]
    return province_mention(province) if province else None


@cache
def _at_rules(lang: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    lex = section(lang, "places")
    words = lex.get("at_words", [])
    before = (
        re.compile(rf"(?<!\w)(?:{stem_alternation(words)})[\s\u00a0]*$", re.IGNORECASE)
        if words
        else None
    )
    return before, tuple(lex.get("at_endings", []))


def located_at(text: str, mention: PlaceMention, lang: str) -> bool:
    """Whether ``mention`` is where something happens, not where it goes: a locative word
    right before it ("in Phu Son commune", "в общине Фушон", "ở xã ...") or a locative ending
    (Hungarian "községben"); "a road to Tha Lang village" names a destination."""
    before, endings = _at_rules(lang)
    if before is not None and before.search(text, max(0, mention.start - 16), mention.start):
        return True
    return bool(endings) and mention.text.rstrip().endswith(endings)


BARE_LEVELS = ("district", "commune", "city", "ward")
"""Levels a unit named without its level word is looked up at, in this order."""


def bare_unit(words: str, province: str, first: str = "") -> tuple[str, str, str] | None:
    """(name, level, province) of a unit of ``province`` named without a level word at the
    end of ``words``: "..., Quang Trach 6.118 Mio. VND, Tuyen Hoa 5.140 Mio. VND" lists
    districts by name alone once the first item said "district". Latin script only; the name
    must be a unit of the gazetteer (level ``first`` tried first), or it is no place.
    """
    if not province:
        return None
    tokens = list(LATIN_TOKEN.finditer(words))[-3:]
    tail = words.rstrip(" \u00a0:")
    for k in (3, 2):
        chosen = tokens[-k:]
        if len(chosen) < k or chosen[-1].end() != len(tail):
            continue
        if not all(capital_syllable(t.group()) for t in chosen):
            continue
        name = words[chosen[0].start() : chosen[-1].end()]
        for level in dict.fromkeys((first, *BARE_LEVELS)) if first else BARE_LEVELS:
            found = unit_in(name, level, province)
            if found is not None:
                return name, level, found
    return None


def level_word(word: str, lang: str) -> str | None:
    """The admin level a word names in ``lang`` ("gehuchten": village), else None."""
    return _rules(lang).named_level(word)


def capital_syllable(token: str) -> bool:
    """Whether ``token`` is a capitalised Vietnamese syllable (diacritics folded): a piece of
    a unit's name written without its level word."""
    return token[:1].isupper() and _VI_SYLLABLE.fullmatch(fold(token)) is not None


def unit_in(name: str, level: str, province: str) -> str | None:
    """The province of ``name`` as a unit of ``level`` inside ``province`` (the gazetteer
    knows it), else None."""
    hint = resolve_province(province)
    found, code, _, _ = resolve_unit_name(name, level, hint)
    return (found or hint.name) if code is not None else None


def province_mention(province: str) -> PlaceMention:
    """A province as a mention with offsets -1 (not found in the text)."""
    p = resolve_province(province)
    succ = resolve_province(p.name, "2025")
    return PlaceMention(-1, -1, p.name, p.name, "province", p.name, p.code, succ.code, succ.name)


def nearest_place(
    mentions: Sequence[PlaceMention],
    pos: int,
    text: str | None = None,
    province: str | None = None,
    default: PlaceMention | None = None,
) -> PlaceMention | None:
    """Return the place that governs a number at offset ``pos``.

    Rule: the nearest mention that ends at or before ``pos`` and starts in the same sentence or
    in the one before it (reports name a unit, then list its figures over a sentence or two).
    Failing that, ``default`` when given (for instance ``main_place(mentions)``, the
    article's subject); else the article's ``province`` as a province-level mention with
    offsets -1 (reports describe the province when no unit is named); else ``None``.

    Parameters
    ----------
    mentions, pos
        ``find_places`` output for the same text, and the offset of the number.
    text
        The text, used to find sentence boundaries; without it any preceding mention counts.
    province
        The article's province (any spelling ``resolve_province`` accepts).
    default
        The mention to fall back on before ``province``.
    """
    floor = 0
    if text is not None:
        starts = sentence_starts(text)
        idx = bisect_right(starts, pos) - 1
        floor = starts[max(0, idx - 1)]
    best = latest_before(mentions, pos, floor)
    if best is not None:
        return best
    if default is not None:
        return default
    return province_mention(province) if province else None
