"""Find and parse numerals as each language writes them.

The rules that differ between languages (separators beyond CLDR, word multipliers, number
words, qualifiers, "x of y" phrases) live in the ``[numbers]`` and ``[qualifiers]`` sections of
``resources/lexicons/<lang>.toml`` so that a researcher can extend a language without touching
code. This module holds only the language-independent logic.

Decisions (documented here because the extractor and the tests rely on them):

* **Separators.** A language accepts its CLDR group and decimal symbols (through Babel and the
  lexicon's ``babel_locale``) plus the lexicon's extra ``group``/``decimal`` characters.
  Ambiguity rule: a separator followed by exactly three digits is a *group separator* when it
  is one of the language's group symbols (so "1.600" is 1600 in vi/nl, "19,300" is 19300 in
  en); otherwise it is a decimal mark if it is one of the language's decimal marks ("7.1" in
  en, "7,1" in vi, "88,67" in nl); otherwise the number ends there. Grouping needs a first
  group of one to three digits ("2025 100" is two numbers). Spaces (plain, no-break, narrow,
  thin) only ever group, and only in languages that group with a space.
* **Articles are not numbers.** The words for "one" that double as articles or pronouns
  (one, một, egy, een, un/une, ein/eine) are not in the lexicons, so they never yield 1.
  Number words written with a capital inside a sentence are taken as names ("Ba Đình",
  "Tien Giang"), and a number word right before digits is not a number ("năm 2020").
* **Kinds.** Every match has a ``kind``: ``"number"`` (a quantity), ``"year"`` (an integer
  1900-2100 written without separators and without multiplier, percent, denominator, a
  "more than"-type qualifier or a unit right after it; "2020/2021" and "2020-2025" are years),
  ``"date"`` ("15/10/2020", "2021-05-01", "9/2025", or "2/9" after a date word of the
  lexicon), ``"time"`` ("8:30", "21h30"), ``"code"`` (document and decree numbers such as
  "25-NQ/TW" or "43/2014/NĐ-CP", digits glued to a preceding Latin/Cyrillic letter such as
  "QL1A" or "DH-10", numbers with a leading zero or a "+" such as phone numbers, and "x/y"
  with x > y) and ``"ordinal"`` (Chinese "第3"). The extractor keeps only ``"number"``.
* **Spans.** For "x/y" the span is the whole "x/y" (value x, denominator y); for "x of y" (and
  the reversed "20 közül 17", "20项标准中的17项") only x; for a number with a word multiplier
  only the digits. ``expr_start``/``expr_end`` cover the whole expression.

One compiled scanner per language and anchored look-ups around each hit: time linear in text.

Han numerals and digits mixed with 万 / 亿 are valued by :mod:`cjk` (no lexicon needed);
this module finds them and decides whether they count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from dvk_analysis.text import cjk
from dvk_analysis.text.lexicon import load
from dvk_analysis.text.patterns import (
    WS,
    alternation,
    bounded,
    char_class,
    is_cjk,
    phrase_rx,
    starts_of,
    wordy,
)
from dvk_analysis.text.shapes import (
    DAY_MONTH_RX,
    TO_ASCII,
    D,
    currency_code_start,
    date_value,
    is_code_prefix,
    is_year_value,
    special_kind,
)
from dvk_analysis.text.units import find_unit

KINDS: tuple[str, ...] = ("number", "year", "date", "time", "code", "ordinal")
"""Values of :attr:`NumberMatch.kind`; only ``"number"`` is a quantity."""


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number found in a text.

    Attributes
    ----------
    start, end
        Offsets of the number *as written*, following the gold convention: digits with their
        separators; for "x/y" the whole "x/y"; for "17 of 20" only "17"; for a number with a
        multiplier word only the digits ("40" in "40 tỷ đồng"); for a number word, the word.
    value
        The value with any word multiplier applied ("40 tỷ" -> 4e10), not unit-converted.
    raw
        ``text[start:end]``.
    qualifier
        Codebook qualifier carried by surrounding words ("more than" -> ``more_than``).
    denominator
        ``y`` of an "x/y" or "x of y" expression, else ``None``.
    multiplier
        The word multiplier applied (1 when none).
    percent
        True when the number is a percentage.
    expr_start, expr_end
        The whole expression (qualifier words, multiplier, denominator, percent sign), so that
        callers can look for a unit or keyword right after it.
    kind
        One of :data:`KINDS`: ``"number"`` for a quantity; years, dates, times, codes and
        ordinals are returned but flagged so that the extractor can skip them.
    """

    start: int
    end: int
    value: float
    raw: str
    qualifier: str = "exact"
    denominator: float | None = None
    multiplier: float = 1.0
    percent: bool = False
    expr_start: int = -1
    expr_end: int = -1
    kind: str = "number"


def expr_start(number: NumberMatch) -> int:
    """Start of the number expression (its qualifier included), else of its digits."""
    return number.expr_start if number.expr_start >= 0 else number.start


_SPACES = frozenset(" \u00a0\u202f\u2009")
_SENTENCE_START = frozenset('.!?…\n\r:"“”«»()[]')


def _separators(lang: str, section: dict) -> tuple[frozenset, frozenset]:
    """Group and decimal characters of ``lang``: CLDR through Babel, plus the lexicon's."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = load(lang).get("language", {}).get("babel_locale", lang)
    group = {get_group_symbol(locale)} | set(section.get("group", []))
    decimal = {get_decimal_symbol(locale)} | set(section.get("decimal", []))
    if group & _SPACES:
        group |= {"\u00a0", "\u202f"}
    return frozenset(group), frozenset(decimal - _SPACES)


@dataclass(frozen=True)
class _Grammar:
    """Everything compiled once per language."""

    lang: str
    group: frozenset
    decimal: frozenset
    scanner: re.Pattern
    core: re.Pattern
    multiplier: re.Pattern | None
    multipliers: tuple[tuple[re.Pattern, float], ...]
    words: dict
    word_scanner: re.Pattern | None
    word_starts: re.Pattern | None  # ``word_scanner`` at candidate characters only
    prefixes: tuple[str, ...]
    percent_after: re.Pattern | None
    percent_before: re.Pattern | None
    qual_before: dict  # normalised phrase -> qualifier
    qual_cjk: bool  # phrases are matched as character suffixes, not word suffixes
    qual_max: int  # longest phrase, in words (or characters when qual_cjk)
    qual_after: re.Pattern | None
    qual_after_map: tuple[tuple[re.Pattern, str], ...]
    of: re.Pattern | None
    of_after_noun: re.Pattern | None
    of_reverse: re.Pattern | None
    date_before: re.Pattern | None
    date_after: re.Pattern | None
    classifiers: re.Pattern | None
    block_before: dict = field(default_factory=dict)
    block_after: dict = field(default_factory=dict)


def _core_rx(group: frozenset, decimal: frozenset, named: bool) -> str:
    """Digits with separators, following the ambiguity rule of the module docstring."""
    g, d = char_class(group), char_class(decimal) if decimal else None
    grouped = f"{D}{{1,3}}(?:{g}{D}{{3}}(?!{D}))+"
    integer = f"(?:{grouped}|{D}+)"
    frac = f"(?:{d}{D}+)?" if d else ""
    if named:
        integer = f"(?P<int>{integer})"
        frac = f"(?:(?P<mark>{d})(?P<frac>{D}+))?" if d else ""
    return integer + frac


def _qualifier_table(section: dict) -> dict[str, str]:
    """Normalised (lower-case, single-spaced) phrase -> codebook qualifier."""
    return {
        " ".join(p.lower().split()): name
        for name, phrases in section.items()
        if name != "after"
        for p in phrases
    }


def _word_scanner(words: dict, prefixes: list[str]) -> re.Pattern | None:
    """One regex for all number words (longest first), with optional attached prefixes."""
    if not words:
        return None
    body = "|".join(phrase_rx(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    pref = "|".join(map(re.escape, sorted(prefixes, key=len, reverse=True)))
    pref = f"(?:{pref})?" if pref else ""
    return re.compile(rf"\b{pref}(?P<w>(?i:{body}))\b")


def _of_rx(words: list[str], owner: list[str], after_noun: bool) -> str | None:
    """The "x of y" link after x: an ``of`` word, optionally with an owner's name before y
    of one to three words ("5,360 of Vietnam's 8,233 communes", "33 of An Giang's 119"); with
    ``after_noun`` the counted noun stands between x and the word ("5813 بلدية من أصل 8227",
    "29 коммун из 120"): one or two words."""
    if not words:
        return None
    word = "[^\\W\\d_]+(?:-[^\\W\\d_]+)*"  # "néo-rurales", "new-style"
    noun = f"{WS}+{word}(?:{WS}+{word})?" if after_noun else ""
    name = f"[^\\W\\d_]+(?:{WS}+[^\\W\\d_]+){{0,2}}"
    owns = f"(?:{name}(?:{'|'.join(map(re.escape, owner))}){WS}+)?" if owner else ""
    return f"{noun}{WS}+(?:{alternation(words)}){WS}+{owns}(?={D}|[^\\W\\d_])"


@cache
def _grammar(lang: str) -> _Grammar:
    lex = load(lang)
    num = lex.get("numbers", {})
    quals = lex.get("qualifiers", {})
    group, decimal = _separators(lang, num)
    prefixes = list(num.get("word_prefixes", []))
    words = {" ".join(k.lower().split()): float(v) for k, v in num.get("words", {}).items()}
    mults = num.get("multipliers", {})

    parts = [f"(?P<num>{_core_rx(group, decimal, named=False)})"]
    classifiers = num.get("classifiers", [])
    if classifiers:
        parts.append(f"(?P<zh>{cjk.HAN_NUMERAL.pattern})")
    scanner = re.compile("|".join(parts))

    def opt(rx: str | None, flags: int = re.IGNORECASE) -> re.Pattern | None:
        return re.compile(rx, flags) if rx else None

    mult_alt = alternation(mults) if mults else None
    after = quals.get("after", {})
    rev = num.get("of_reverse", [])
    gap = int(num.get("of_reverse_gap", 0))
    return _Grammar(
        lang=lang,
        group=group,
        decimal=decimal,
        scanner=scanner,
        core=re.compile(_core_rx(group, decimal, named=True)),
        multiplier=opt(f"{WS}*(?:{mult_alt})" if mult_alt else None),
        multipliers=tuple(
            (re.compile(bounded(k) + "$", re.IGNORECASE), float(v)) for k, v in mults.items()
        ),
        words=words,
        word_scanner=(scanner := _word_scanner(words, prefixes)),
        word_starts=starts_of(scanner, {w[:1] for w in words} | {p[:1] for p in prefixes}),
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        percent_after=opt(
            f"{WS}?(?:{alternation(num['percent'])})" if num.get("percent") else None
        ),
        percent_before=opt(
            f"(?:{alternation(num['percent_before'])}){WS}*$" if num.get("percent_before") else None
        ),
        qual_before=(qtable := _qualifier_table(quals)),
        qual_cjk=(han := any(is_cjk(p[0]) for p in qtable)),
        qual_max=max((len(p) if han else len(p.split()) for p in qtable), default=0),
        qual_after=opt(
            f"{WS}*(?:{alternation([p for ps in after.values() for p in ps])})" if after else None
        ),
        qual_after_map=tuple(
            (re.compile(bounded(p) + "$", re.IGNORECASE), name)
            for name, ps in after.items()
            for p in ps
        ),
        of=opt(_of_rx(num.get("of", []), num.get("of_owner", []), False)),
        of_after_noun=opt(_of_rx(num.get("of_after_noun", []), num.get("of_owner", []), True)),
        # with a gap the word is an ending of the noun before it ("községéből", "19 új vidék
        # kritériumból 14-et": the noun may be several words): no left bound
        of_reverse=opt(
            f"(?:-|{WS}*)(?:[^\\W\\d]|{WS}(?=[^\\W\\d])){{0,{gap}}}?"
            f"(?:{alternation(rev, with_bounds=not gap)})(?![^\\W\\d])"
            f"(?:{WS}+[^\\W\\d]{{1,6}}){{0,2}}{WS}*(?={D})"  # "21 községből már 15"
            if rev
            else None
        ),
        date_before=opt(
            f"(?:{alternation(num['date_before'])}){WS}*$" if num.get("date_before") else None
        ),
        date_after=opt(f"(?:{alternation(num['date_after'])})" if num.get("date_after") else None),
        classifiers=opt(f"(?:{alternation(classifiers)})" if classifiers else None, 0),
        block_before={k.lower(): v for k, v in num.get("block_before", {}).items()},
        block_after={k.lower(): v for k, v in num.get("block_after", {}).items()},
    )


def _core_value(g: _Grammar, raw: str) -> Decimal:
    """Value of digits-with-separators already matched by the scanner."""
    m = g.core.fullmatch(raw)
    if m is None:  # cannot happen for scanner output; guards direct callers
        raise ValueError(f"{raw!r} is not a number in language {g.lang!r}")
    integer = "".join(c for c in m.group("int") if c not in g.group).translate(TO_ASCII)
    frac = (m.groupdict().get("frac") or "").translate(TO_ASCII)
    return Decimal(f"{integer}.{frac}" if frac else integer)


def _multiplier_value(g: _Grammar, word: str) -> float:
    word = " ".join(word.split())
    for rx, value in g.multipliers:
        if rx.match(word):
            return value
    return 1.0


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_START


def _starts_with_word(s: str, words) -> bool:
    return any(
        s[: len(w)].lower() == w.lower()
        and (not wordy(w[-1]) or len(s) == len(w) or not wordy(s[len(w)]))
        for w in words
    )


def _word_blocked(text: str, start: int, end: int, word: str, g: _Grammar) -> bool:
    """True when a number word is better read as something else (see module docstring)."""
    after = text[end : end + 40].lstrip(" \t\u00a0")
    if after[:1].translate(TO_ASCII).isdigit():
        return True
    if text[start].isupper() and not _sentence_start(text, start):
        return True
    if word in g.block_after and (not after or _starts_with_word(after, g.block_after[word])):
        return True
    before = text[max(0, start - 40) : start].rstrip(" \t\u00a0")
    if word in g.block_before:
        tail = before.split()[-1:] if before else []
        if tail and tail[0].lower() in {b.lower() for b in g.block_before[word]}:
            return True
    return False


_NON_SPACE = re.compile(r"\S+")


def _qualifier(text: str, start: int, g: _Grammar) -> tuple[str, int]:
    """Codebook qualifier from the words right before ``start`` and where they begin.

    The last one to ``qual_max`` words (characters in Chinese) before the number are looked up
    in the lexicon's table, longest first, so "không dưới" (at least) beats "dưới" (less than).
    """
    number_start = start
    if (code := currency_code_start(text, start)) is not None:
        start = code  # "more than VND 7 billion": the qualifier stands before the code
    lo = max(0, start - 80)
    window = text[lo:start]
    stripped = window.rstrip(" \t\u00a0\u202f\u2009")
    if not g.qual_before or not stripped:
        return "exact", number_start
    if g.qual_cjk:
        for n in range(min(g.qual_max, len(stripped)), 0, -1):
            name = g.qual_before.get(stripped[-n:].lower())
            if name:
                return name, lo + len(stripped) - n
        return "exact", number_start
    spans = [(m.start(), m.end()) for m in _NON_SPACE.finditer(stripped)]
    if lo > 0 and spans and spans[0][0] == 0:
        spans = spans[1:]  # the window may have cut the first word
    for n in range(min(g.qual_max, len(spans)), 0, -1):
        first = spans[-n][0]
        phrase = " ".join(stripped[first:].lower().split())
        for pref in ("", *g.prefixes):
            if phrase.startswith(pref) and (name := g.qual_before.get(phrase[len(pref) :])):
                return name, lo + first
    return "exact", number_start


@dataclass
class _Expr:
    """A number expression being assembled."""

    start: int
    end: int
    value: Decimal
    expr_start: int
    expr_end: int
    plain: bool  # bare digits without separators
    multiplier: float = 1.0
    percent: bool = False
    denominator: float | None = None
    qualifier: str = "exact"
    kind: str = "number"
    consumed: int = 0  # scanner resumes here


def _apply_after(text: str, e: _Expr, g: _Grammar) -> None:
    """Extend ``e`` with what may follow a number: qualifier, multipliers, percent."""
    pos = e.expr_end
    if g.qual_after and (m := g.qual_after.match(text, pos)):
        e.qualifier, pos = _after_name(m.group().strip(), g), m.end()
    for _ in range(2):  # "mil millones", "nghìn tỷ", "千万"
        if g.multiplier is None or not (m := g.multiplier.match(text, pos)):
            break
        e.multiplier *= _multiplier_value(g, m.group())
        pos = m.end()
    if e.multiplier in (1e4, 1e8) and (tail := cjk.compound_tail(text, pos, e.multiplier)):
        e.value += tail[0] / Decimal(str(e.multiplier))  # "1亿2000万": 1.2 x 亿
        pos = tail[1]
    if g.qual_after and (m := g.qual_after.match(text, pos)):
        e.qualifier, pos = _after_name(m.group().strip(), g), m.end()
    if g.percent_after and (m := g.percent_after.match(text, pos)):
        e.percent, pos = True, m.end()
    e.expr_end = pos


def _after_name(phrase: str, g: _Grammar) -> str:
    for rx, name in g.qual_after_map:
        if rx.match(phrase):
            return name
    return "exact"


_SLASH = re.compile(f"{WS}?/{WS}?")


def _fraction(text: str, e: _Expr, g: _Grammar) -> None:
    """Turn ``e`` into "x/y" or "x of y" when a denominator follows."""
    pos = e.end
    slash = _SLASH.match(text, pos)
    if slash and (y := g.core.match(text, slash.end())) and not is_code_prefix(text, e.start):
        x_val, y_val = e.value, _core_value(g, y.group())
        if x_val <= y_val and not (y.group().isdigit() and is_year_value(y.group())):
            e.end = e.expr_end = e.consumed = y.end()
            e.denominator, e.plain = float(y_val), False
        else:
            e.end = e.expr_end = e.consumed = y.end()
            e.kind = "code"
        return
    m = (g.of and g.of.match(text, e.expr_end)) or (
        g.of_after_noun and g.of_after_noun.match(text, e.expr_end)
    )
    if m and (y := _denominator_at(text, m.end(), g)):
        y_val, y_end, raw = y
        if e.value <= y_val and not (raw.isdigit() and is_year_value(raw)):
            e.denominator, e.plain = float(y_val), False
            e.expr_end = e.consumed = y_end


def _denominator_at(text: str, pos: int, g: _Grammar) -> tuple[Decimal, int, str] | None:
    """The y of "x of y": digits, or a number word ("twee van de zes districten")."""
    if y := g.core.match(text, pos):
        return _core_value(g, y.group()), y.end(), y.group()
    w = g.word_scanner.match(text, pos) if g.word_scanner else None
    word = " ".join(w.group("w").lower().split()) if w else ""
    if word in g.words and not _word_blocked(text, w.start("w"), w.end("w"), word, g):
        return Decimal(str(g.words[word])), w.end("w"), word
    return None


def _reverse_fraction(text: str, e: _Expr, g: _Grammar) -> _Expr | None:
    """ "20 közül 17", "20项标准中的17项": return the x expression with denominator ``e``."""
    if g.of_reverse is None or not (m := g.of_reverse.match(text, e.expr_end)):
        return None
    x = g.core.match(text, m.end())
    if x is None:
        return None
    x_val = _core_value(g, x.group())
    if x_val > e.value:
        return None
    out = _Expr(x.start(), x.end(), x_val, e.expr_start, x.end(), plain=False)
    out.denominator, out.qualifier = float(e.value), e.qualifier
    _apply_after(text, out, g)
    out.consumed = out.expr_end
    return out


def _classify(text: str, e: _Expr, g: _Grammar) -> None:
    """Set ``e.kind`` to year/code when the number is not a quantity."""
    if e.kind != "number":
        return
    raw = text[e.start : e.end]
    if is_code_prefix(text, e.start) or (
        len(raw) > 1 and raw[0] in "0０٠۰" and raw[1] not in ".,٫"
    ):
        e.kind = "code"
        return
    if text[max(0, e.start - 1) : e.start] == "第":
        e.kind = "ordinal"
        return
    if (
        e.plain
        and len(raw) == 4
        and is_year_value(raw)
        and e.multiplier == 1
        and not e.percent
        and e.qualifier not in ("more_than", "nearly", "at_least", "less_than")
        and find_unit(text, e.expr_end, g.lang) is None
    ):
        e.kind = "year"


def _digits_expr(text: str, m: re.Match, g: _Grammar) -> _Expr:
    start, end = m.span("num")
    special = special_kind(text, start)
    if special:
        kind, stop = special
        value = (
            _core_value(g, g.core.match(text, start).group())
            if kind == "code"
            else date_value(text[start:stop])
        )
        return _Expr(start, stop, value, start, stop, plain=False, kind=kind, consumed=stop)
    raw = m.group("num")
    e = _Expr(start, end, _core_value(g, raw), start, end, plain=raw.isdigit(), consumed=end)
    if g.date_after and g.date_after.match(text, end):
        e.kind = "date"
        return e
    if stop := _bare_date(text, start, end, g):
        e.kind, e.end, e.expr_end, e.consumed = "date", stop, stop, stop
        return e
    _fraction(text, e, g)
    if e.denominator is None and e.kind == "number":
        _apply_after(text, e, g)
        e.consumed = max(e.consumed, e.expr_end)
    return e


def _bare_date(text: str, start: int, end: int, g: _Grammar) -> int | None:
    """End of a "d/m" date right after a date word of the lexicon ("ngày 2/9"), else None."""
    if g.date_before is None or text[end : end + 1] != "/":
        return None
    if not g.date_before.search(text, max(0, start - 20), start):
        return None
    stop = DAY_MONTH_RX.match(text, end)
    return stop.end() if stop else None


def _word_hits(text: str, g: _Grammar):
    """Yield (prefix start, word start, word end) of number words."""
    if g.word_scanner is None:
        return
    if g.word_starts is None:
        for m in g.word_scanner.finditer(text):
            yield m.start(), m.start("w"), m.end("w")
        return
    # ``word_starts`` finds every position where ``word_scanner`` matches; keeping those
    # after the previous match's end gives what ``word_scanner.finditer`` gives.
    end = 0
    for m in g.word_starts.finditer(text):
        if m.start() >= end:
            end = m.end("w")
            yield m.start(), m.start("w"), end


def _word_expr(text: str, hit: tuple[int, int, int], g: _Grammar) -> _Expr | None:
    outer, start, end = hit
    word = " ".join(text[start:end].lower().split())
    if word not in g.words or _word_blocked(text, start, end, word, g):
        return None
    if outer >= 2 and text[outer - 1] == "-" and text[outer - 2].isdigit():
        return None  # "15-öt": a case ending written onto digits, not the word "öt" (five)
    e = _Expr(start, end, Decimal(str(g.words[word])), start, end, plain=False, consumed=end)
    _fraction(text, e, g)  # "five of the 19 criteria", "пять из 19"
    if e.denominator is None:
        _apply_after(text, e, g)
    e.consumed = max(e.consumed, e.expr_end)
    return e


def _zh_expr(text: str, m: re.Match, g: _Grammar) -> _Expr | None:
    start, end = m.span("zh")
    s = m.group("zh")
    if s[0] in "百佰千仟万萬亿億" or s == "一":  # "一" alone is mostly "a" (一位, 每一项)
        return None
    after_percent = bool(
        g.percent_before and g.percent_before.search(text, max(0, start - 10), start)
    )
    large = s[-1] in cjk.LARGE_UNITS  # "十二万": a number whatever follows
    if g.classifiers is None or not (large or g.classifiers.match(text, end) or after_percent):
        return None
    try:
        value = cjk.han_value(s)
    except ValueError:
        return None
    e = _Expr(start, end, value, start, end, plain=False, consumed=end)
    if text[max(0, start - 1) : start] == "第":
        e.kind = "ordinal"
        return e
    _apply_after(text, e, g)
    e.consumed = e.expr_end
    return e


def _to_match(text: str, e: _Expr, g: _Grammar) -> NumberMatch:
    if e.expr_start == e.start and e.kind == "number":
        e.qualifier, e.expr_start = (
            _qualifier(text, e.start, g) if e.qualifier == "exact" else (e.qualifier, e.start)
        )
        if e.qualifier == "exact":
            e.expr_start = e.start
    if g.percent_before and g.percent_before.search(text, max(0, e.expr_start - 10), e.expr_start):
        e.percent = True
    _classify(text, e, g)
    value = float(e.value * Decimal(str(e.multiplier)))
    return NumberMatch(
        start=e.start,
        end=e.end,
        value=value,
        raw=text[e.start : e.end],
        qualifier=e.qualifier,
        denominator=e.denominator,
        multiplier=e.multiplier,
        percent=e.percent,
        expr_start=e.expr_start,
        expr_end=max(e.expr_end, e.end),
        kind=e.kind,
    )


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Return every number in ``text`` written in language ``lang``, in text order.

    Parameters
    ----------
    text
        Any text; numbers are read with the conventions of ``lang``.
    lang
        A language code with a lexicon (see :data:`lexicon.LANGUAGES`).

    Returns
    -------
    list of NumberMatch
        Quantities have ``kind == "number"``; years, dates, times, codes and ordinals are
        returned too, flagged by ``kind``, so that callers can skip them.

    Raises
    ------
    TypeError
        When ``text`` is not a string.
    ValueError
        When ``lang`` has no lexicon.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_numbers expects text as str, got {type(text).__name__}")
    g = _grammar(lang)
    out: list[NumberMatch] = []
    words = _word_hits(text, g)
    hit = next(words, None)
    pos = 0
    while True:
        m = g.scanner.search(text, pos)
        while hit is not None and hit[0] < pos:
            hit = next(words, None)
        if hit is not None and (m is None or hit[0] < m.start()):
            e, resume = _word_expr(text, hit, g), hit[2]
            hit = next(words, None)
        elif m is None:
            break
        elif m.lastgroup == "num":
            e, resume = _digits_expr(text, m, g), m.start() + 1
        else:
            e, resume = _zh_expr(text, m, g), m.end()
        if e is None:
            pos = resume
            continue
        if e.kind == "number" and e.denominator is None and (rev := _reverse_fraction(text, e, g)):
            e = rev
        out.append(_to_match(text, e, g))
        pos = max(e.consumed, e.end)
    return out


def parse_number(s: str, lang: str) -> float:
    """Return the value of one number written as ``lang`` writes it ("10 360", "88,67").

    Word multipliers and number words are applied ("40 miljard" -> 4e10, "zeven" -> 7).

    Raises
    ------
    ValueError
        When ``s`` is not exactly one number (nothing else but spaces around it), or when
        ``lang`` has no lexicon.
    """
    text = s.strip()
    found = find_numbers(text, lang)
    if len(found) != 1 or found[0].expr_start != 0 or found[0].expr_end != len(text):
        raise ValueError(
            f"cannot read {s!r} as one number in language {lang!r}; expected digits with the "
            f"language's separators, e.g. {_example(lang)!r}, optionally with a multiplier word"
        )
    return found[0].value


def _example(lang: str) -> str:
    from babel.numbers import format_decimal

    locale = load(lang).get("language", {}).get("babel_locale", lang)
    return format_decimal(12345.5, locale=locale)
