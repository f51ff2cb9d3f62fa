"""Indicator keywords: the compiled ``[indicators]`` lexicon and each number's candidates.

What this module knows, for every language alike (the words are the lexicons'): which keyword
phrases a clause holds (the longest winning where they overlap), which indicators a clause admits
(``need`` / ``not`` words, the recovery frame), which indicators a number's unit can measure, and
which compatible keyword stands nearest to a number. :mod:`extract` finds the numbers and builds
the claims; this module offers each number its candidate indicators and
:mod:`choice` picks one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dvk_analysis import codebook
from dvk_analysis.text.lexicon import LANGUAGES
from dvk_analysis.text.lexicon import section as _section
from dvk_analysis.text.partitives import Partitive, partitive_head, partitive_words
from dvk_analysis.text.patterns import (
    NEVER,
    Unless,
    compile_keywords,
    infixes,
    keyword_parts,
    unless,
)

ACHIEVEMENTS = frozenset(
    {
        "communes_meeting_ntm",
        "villages_meeting_standard",
        "ntm_criteria_met",
        "districts_meeting_ntm",
    }
)
"""Indicators of NTM achievement: the ones that carry ``measure`` and ``tier``."""

NO_RANGE = frozenset({"ntm_criteria_met"})
"""Indicators a range never states: "63 communes had reached 15-18 criteria" sorts a group of
communes by progress; a unit's criteria met are one number ("17 of 19")."""

NEED_SHARE = frozenset({"ntm_criteria_met"})
"""Indicators stated as a share of a set: "17 of 19 criteria", "19/19", "all 19 criteria". A bare
"19 criteria" is the size of the set ("the 19-criterion system", "assessed by 19 criteria", "no
commune below 15 criteria"), so it needs a denominator, one of the lexicon's ``all_words`` or
one of its ``met_words`` ("the commune has met 15 criteria")."""


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class IndicatorRule:
    name: str
    unit: str
    keywords: re.Pattern[str]
    need: re.Pattern[str] | None
    exclude: re.Pattern[str] | Unless | None
    refines: str | None
    unit_only: bool
    either_side: bool = False  # a bare count may follow its word too ("population of 9,871")
    after_only: bool = False  # only a word after the number: "maintained 70 models" is a total


@dataclass(frozen=True)
class Lexicon:
    lang: str
    window: int
    count_window: int
    prefer: str
    refine_side: str
    labels: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    ignore: re.Pattern[str] | None
    any_keyword: re.Pattern[str] | None
    keyword_prefixes: frozenset[str]
    keyword_infixes: re.Pattern[str] | None
    range_words: re.Pattern[str] | None
    rules: tuple[IndicatorRule, ...]
    recover: re.Pattern[str] | None = None
    of_which: re.Pattern[str] | None = None
    of_which_after: re.Pattern[str] | None = None
    all_words: re.Pattern[str] | None = None
    met_words: re.Pattern[str] | None = None
    plan_words: re.Pattern[str] | None = None
    plan_after: re.Pattern[str] | None = None
    plan_not: re.Pattern[str] | None = None
    bridge_words: re.Pattern[str] | None = None
    line_words: re.Pattern[str] | None = None
    without_words: re.Pattern[str] | None = None
    subgroup_words: re.Pattern[str] | None = None
    town_words: re.Pattern[str] | None = None
    change_before: re.Pattern[str] | None = None
    average_words: re.Pattern[str] | None = None
    basically_words: re.Pattern[str] | None = None
    unmet_words: re.Pattern[str] | None = None
    visit_after: re.Pattern[str] | None = None
    unit_mobilised: re.Pattern[str] | None = None
    pooled: re.Pattern[str] | None = None
    invested: re.Pattern[str] | None = None
    programme: re.Pattern[str] | None = None
    cost_words: re.Pattern[str] | None = None
    candidate_words: re.Pattern[str] | None = None
    contest_words: re.Pattern[str] | None = None
    verdict: re.Pattern[str] | None = None
    screened: re.Pattern[str] | None = None
    change_after: re.Pattern[str] | None = None
    partitive: Partitive = (None, None)
    stock_before: re.Pattern[str] | None = None
    each_words: re.Pattern[str] | None = None
    per_after: re.Pattern[str] | None = None
    network_words: re.Pattern[str] | None = None
    more_after: re.Pattern[str] | None = None
    compared: re.Pattern[str] | None = None
    if_words: re.Pattern[str] | None = None
    between: re.Pattern[str] | None = None
    between_and: re.Pattern[str] | None = None
    scales: tuple[tuple[str, str, re.Pattern[str]], ...] = ()  # (column, value, words)
    token_rules: dict[str, tuple[IndicatorRule, ...]] = field(default_factory=dict)
    keyword_parts: tuple[tuple[str, str], ...] = ()  # ``any_keyword``'s alternatives
    keyword_by_char: dict[str, re.Pattern[str]] = field(default_factory=dict)
    word_patterns: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)  # per word
    unit_rules: dict[str | None, tuple[IndicatorRule, ...]] = field(default_factory=dict)
    rules_by_name: dict[str, IndicatorRule] = field(default_factory=dict)


def _scales(section: dict[str, Any], spaced: bool) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(column, value, words) of the lexicon's tier and measure words, in the order tried."""
    out = []
    for column, value in (
        ("tier", "model"),
        ("tier", "advanced"),
        ("measure", "new"),
        ("measure", "cumulative"),
    ):
        words = compile_keywords(section.get(f"{column}_{value}", []), spaced, contains=True)
        if words is not None:
            out.append((column, value, words))
    return tuple(out)


def achievement_scale(clause: str, indicator: str, lex: Lexicon, item: str = "") -> tuple[str, str]:
    """``(measure, tier)`` of an NTM achievement claim read from its clause.

    Why: from 2021 the programme recognises communes at three tiers, and reports give both
    the year's new recognitions and running totals; a panel that mixes them double counts.
    The tier defaults to ``standard`` (a plain "meets the NTM standard"); the measure stays
    empty unless a word tells. A tier word in the number's own list ``item`` wins over the
    clause's ("2,182 communes at the advanced standard and 480 at the model standard"). Other
    indicators get ``("", "")``.
    """
    if indicator not in ACHIEVEMENTS:
        return "", ""
    found = {"measure": "", "tier": "standard"}
    for column, value, words in lex.scales:
        if column == "tier" and item and words.search(item):
            found["tier"] = value
    for column, value, words in lex.scales:
        if found[column] in ("", "standard") and words.search(clause):
            found[column] = value
    return found["measure"], found["tier"]


def indicator_section(lang: str) -> dict[str, Any]:
    """The ``[indicators]`` section of ``lang``'s lexicon (a seam tests replace)."""
    return _section(lang, "indicators")


@cache
def lexicon(lang: str) -> Lexicon:
    """Return the compiled extraction lexicon of ``lang`` (built once per language)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}")
    section = indicator_section(lang)
    valid = codebook.indicators()
    spaced = lang != "zh"
    rules = []
    names = compile_keywords(section.get("people_names", []), spaced)
    for name, spec in section.items():
        if not isinstance(spec, dict):
            continue
        if name not in valid:
            raise ValueError(
                f"lexicons/{lang}.toml [indicators]: unknown indicator {name!r}; "
                f"valid: {', '.join(valid)}"
            )
        rules.append(
            IndicatorRule(
                name=name,
                unit=valid[name].unit,
                keywords=compile_keywords(spec.get("kw", []), spaced) or NEVER,
                need=compile_keywords(spec.get("need", []), spaced, contains=True),
                exclude=unless(compile_keywords(spec.get("not", []), spaced, contains=True), names),
                refines=spec.get("refines"),
                unit_only=bool(spec.get("unit_only", False)),
                either_side=bool(spec.get("either_side", False)),
                after_only=bool(spec.get("after_only", False)),
            )
        )
    keywords = [
        w
        for spec in section.values()
        if isinstance(spec, dict)
        for w in spec.get("kw", [])
        if w.strip("*")
    ] + [w for w in section.get("ignore", []) if w.strip("*")]
    parts = keyword_parts(keywords, spaced)
    return Lexicon(
        lang=lang,
        window=int(section.get("window", 80)),
        count_window=int(section.get("count_window", 25)),
        prefer=section.get("prefer", "after"),
        refine_side=section.get("refine_side", "both"),
        labels=compile_keywords(section.get("labels", []), spaced),
        not_after=compile_keywords(section.get("not_after", []), spaced),
        not_before=compile_keywords(section.get("not_before", []), spaced),
        ignore=compile_keywords(section.get("ignore", []), spaced),
        any_keyword=(re.compile("|".join(rx for rx, _ in parts), re.IGNORECASE) if parts else None),
        keyword_parts=tuple(parts),
        keyword_prefixes=frozenset(w.lower()[:2] for w in keywords if not w.startswith("*")),
        keyword_infixes=infixes(keywords),
        range_words=compile_keywords(section.get("range", []), spaced),
        between=compile_keywords(section.get("between", []), spaced),
        between_and=compile_keywords(section.get("between_and", []), spaced),
        rules=tuple(rules),
        recover=compile_keywords(section.get("recover", []), spaced, contains=True),
        of_which=compile_keywords(section.get("of_which", []), spaced),
        of_which_after=compile_keywords(section.get("of_which_after", []), spaced),
        all_words=compile_keywords(section.get("all_words", []), spaced, contains=True),
        met_words=compile_keywords(section.get("met_words", []), spaced, contains=True),
        plan_words=compile_keywords(section.get("plan_words", []), spaced, contains=True),
        plan_after=compile_keywords(section.get("plan_after", []), spaced, contains=True),
        plan_not=compile_keywords(section.get("plan_not", []), spaced, contains=True),
        bridge_words=compile_keywords(section.get("bridge_words", []), spaced, contains=True),
        line_words=compile_keywords(section.get("line_words", []), spaced, contains=True),
        without_words=compile_keywords(section.get("without_words", []), spaced, contains=True),
        subgroup_words=compile_keywords(section.get("subgroup_words", []), spaced, contains=True),
        town_words=compile_keywords(section.get("town_words", []), spaced, contains=True),
        change_before=compile_keywords(section.get("change_before", []), spaced),
        average_words=compile_keywords(section.get("average_words", []), spaced, contains=True),
        basically_words=compile_keywords(section.get("basically_words", []), spaced, contains=True),
        unmet_words=compile_keywords(section.get("unmet_words", []), spaced, contains=True),
        visit_after=compile_keywords(section.get("visit_after", []), spaced),
        unit_mobilised=compile_keywords(section.get("unit_mobilised", []), spaced, contains=True),
        partitive=partitive_words(section, spaced),
        pooled=compile_keywords(section.get("pooled_words", []), spaced, contains=True),
        invested=compile_keywords(section.get("invested_words", []), spaced, contains=True),
        programme=compile_keywords(section.get("programme_words", []), spaced, contains=True),
        cost_words=compile_keywords(section.get("cost_words", []), spaced, contains=True),
        candidate_words=compile_keywords(section.get("candidate_words", []), spaced, contains=True),
        contest_words=compile_keywords(section.get("contest_words", []), spaced, contains=True),
        verdict=compile_keywords(section.get("verdict", []), spaced, contains=True),
        screened=compile_keywords(section.get("screened", []), spaced, contains=True),
        change_after=compile_keywords(section.get("change_after", []), spaced, contains=True),
        stock_before=compile_keywords(section.get("stock_before", []), spaced),
        each_words=compile_keywords(section.get("each_words", []), spaced, contains=True),
        per_after=compile_keywords(section.get("per_after", []), spaced, contains=True),
        network_words=compile_keywords(section.get("network_words", []), spaced, contains=True),
        more_after=compile_keywords(section.get("more_after", []), spaced),
        compared=compile_keywords(section.get("compared", []), spaced, contains=True),
        if_words=compile_keywords(section.get("if_words", []), spaced),
        scales=_scales(section, spaced),
    )


# --------------------------------------------------------------------------- indicator choice


@dataclass(frozen=True)
class Candidate:
    """A keyword that may name a number's indicator. ``side``: "before" or "after" the number,
    or "heading" for a field that opens the sentence (:func:`_field_head`), which refines its
    count whatever side the language's refinements take."""

    rule: IndicatorRule
    distance: float
    keyword: str
    between: bool
    side: str


@dataclass(frozen=True)
class Hit:
    """One keyword occurrence in the text (offsets in the text)."""

    start: int
    end: int
    rule: IndicatorRule | None  # None: an ``ignore`` phrase
    word: str


PERSON_COUNTS = frozenset({"individuals_honored"})
"""Count indicators that count people: a number written with a person word ("1 094 человека")
may be one of these, never a count of petitions, models or communes."""


def _compatible(rule: IndicatorRule, unit: str | None) -> bool:
    """Whether a number written with ``unit`` can measure ``rule``'s indicator.

    Without a unit a number can only count things or people: households, areas, lengths and
    money must be named by their unit word.
    """
    if unit is None:
        return rule.unit in ("count", "persons")
    if unit == "count":
        return rule.unit == "count"
    if unit == "persons" and rule.unit == "count":
        return rule.name in PERSON_COUNTS  # "37 individuals honoured" counts people as items
    return rule.unit == unit


def rule_named(lex: Lexicon, name: str) -> IndicatorRule | None:
    """The lexicon's rule of indicator ``name``, or None when the language has none (a dict
    filled on first use: the stance and money checks ask for it once per claim)."""
    if not lex.rules_by_name:
        lex.rules_by_name.update((r.name, r) for r in lex.rules)
    return lex.rules_by_name.get(name)


def rules_of_unit(lex: Lexicon, unit: str | None) -> tuple[IndicatorRule, ...]:
    """The rules ``_compatible`` with ``unit``, in lexicon order (cached per unit)."""
    found = lex.unit_rules.get(unit)
    if found is None:
        found = lex.unit_rules[unit] = tuple(r for r in lex.rules if _compatible(r, unit))
    return found


def clause_hits(clause: str, offset: int, lex: Lexicon) -> list[Hit]:
    """Keyword hits of every indicator in a clause, the longest winning where they overlap.

    "model new rural residential areas" is a village phrase, so its "model" must not also count
    as the keyword of DVK models. One pass of the union of all keywords (longest alternatives
    first, leftmost match) finds the phrases; each phrase then names every indicator whose
    keywords match it whole ("donated" is a keyword of land, money and households alike).
    An ``ignore`` phrase is found the same way and names none.
    """
    if lex.any_keyword is None:
        return []
    hits = []
    for m in _keyword_matches(clause, lex):
        rules = _rules_for(lex, m.group())
        for rule in rules or (None,):  # an ``ignore`` phrase: a hit that names no indicator
            hits.append(Hit(m.start() + offset, m.end() + offset, rule, m.group()))
    return hits


_WORD = re.compile(r"[\w\u064b-\u0652\u0670]+")  # Arabic marks inside a word: "تبرّع"


def _keyword_matches(clause: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """Leftmost-longest keyword matches.

    Where words are spaced, the keyword regex is tried only at the start of a word that can
    begin a keyword (its first two letters) or contain one (a compound's keyword, lexicon
    entries with a leading "*"): a cheap filter that saves most regex attempts. The verdict
    and the regex cut to the word's first letter (``_keywords_at``) are cached per word.
    """
    pattern = lex.any_keyword
    assert pattern is not None
    if lex.lang == "zh":
        yield from (m for m in pattern.finditer(clause) if m.end() > m.start())
        return
    end = 0
    word_patterns = lex.word_patterns
    for w in _WORD.finditer(clause):
        if w.start() < end:
            continue
        word = w.group()
        at_word = word_patterns.get(word)
        if at_word is None:  # not seen yet: () when no keyword can start the word
            at_word = _word_patterns(word, lex)
            if len(word_patterns) < 200_000:
                word_patterns[word] = at_word
        found = [m for p in at_word if (m := p.match(clause, w.start())) and m.end() > m.start()]
        if found:
            m = max(found, key=lambda f: f.end())  # the first (a word's own) on a tie
            end = m.end()
            yield m


def _word_patterns(word: str, lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The keyword patterns worth trying at the start of ``word``: the alternatives that begin
    with its first letter (when a keyword may begin it), and the compounds' alternatives
    (a leading ``*``, when the word holds a compound's core); none when no keyword can match."""
    low = word.lower()
    own = low[:2] in lex.keyword_prefixes or low[:1] in lex.keyword_prefixes
    compounds = lex.keyword_infixes
    inner = compounds is not None and compounds.search(low) is not None
    found = (_keywords_at(lex, word[0]) if own else None, _keywords_at(lex, "") if inner else None)
    return tuple(p for p in found if p is not None and p is not NEVER)


def _begins(first: str, char: str) -> bool:
    """Whether an alternative whose first character is ``first`` ("" for any) belongs to the
    pattern of ``char`` ("" for the alternatives that may begin with any)."""
    if not char:
        return not first
    return bool(first) and re.fullmatch(re.escape(first), char, re.IGNORECASE) is not None


def _keywords_at(lex: Lexicon, char: str) -> re.Pattern[str]:
    """``any_keyword`` cut to the alternatives that begin with ``char`` (in their order), or
    for ``""`` to those that may begin with any (a leading ``*``).

    Trying hundreds of alternatives that cannot match was most of the cost; compiling the
    leading-``*`` ones once, not into every letter's pattern, saves a third of the start-up.
    """
    pattern = lex.keyword_by_char.get(char)
    if pattern is None:
        parts = [rx for rx, first in lex.keyword_parts if _begins(first, char)]
        pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else NEVER
        if len(lex.keyword_by_char) < 10_000:
            lex.keyword_by_char[char] = pattern
    return pattern


NEGATION_REACH = 25
"""Characters before a recovery word (after it in Hungarian) in which a "without" word turns
it around: "donated 244 m2 without claiming any compensation" is a gift."""


def recovery(clause: str, lex: Lexicon) -> bool:
    """Whether the clause is in the ``recover`` frame (the State recovers or compensates), with
    a recovery word that no ``without_words`` negates."""
    return False in _recovery_negated(clause, lex)


def _recovery_negated(clause: str, lex: Lexicon) -> list[bool]:
    """For each recovery word of the clause, whether a ``without_words`` negates it."""
    if lex.recover is None:
        return []
    flags = []
    for found in lex.recover.finditer(clause):
        before = clause[max(0, found.start() - NEGATION_REACH) : found.start()]
        after = clause[found.end() : found.end() + NEGATION_REACH // 2]
        flags.append(
            lex.without_words is not None
            and bool(lex.without_words.search(before) or lex.without_words.match(after.lstrip()))
        )
    return flags


def allowed_indicators(clause: str, hits: Sequence[Hit], lex: Lexicon) -> frozenset[str]:
    """Indicators with a keyword (or ``unit_only``) in the clause whose required words
    (``need``) are in it too, and their excluded words (``not``) not (for ``ITEM_EXCLUDED``
    units, :mod:`extract` tests them in the number's list item); no donation and no programme
    money in a clause of the ``recover`` frame (``NOT_RECOVERED``), and no households affected
    where every recovery word is negated ("sin pedir compensación": they gave)."""
    present = {h.rule.name for h in hits if h.rule is not None}
    negated = _recovery_negated(clause, lex)
    recovered = False in negated
    # "derribaron sus muros sin pedir compensación": households who ask for nothing gave
    gift = bool(negated) and not recovered
    return frozenset(
        r.name
        for r in lex.rules
        if (r.unit_only or r.name in present)
        and (r.need is None or r.need.search(clause))
        and (r.exclude is None or r.unit in ITEM_EXCLUDED or not r.exclude.search(clause))
        and not (recovered and r.name in NOT_RECOVERED)
        and not (gift and r.name == "households_affected")
    )


ITEM_EXCLUDED = frozenset({"VND", "m2"})
"""Units whose indicators' excluded words (``not``) count only in the number's own list item.

"The central budget gave VND 1,456 billion, the provincial budget VND 5,201 billion, while
people contributed VND 3,669 billion": the budget rules out its own figures, not the people's
beside them; "gave 7,100 m2 of land and pulled down 1,845 m2 of fences": the fences rule out
their own area, not the land. Counts keep the whole clause ("legal" rules a whole list of
sessions out), and so do lengths (a highway named once rules out the lengths of its
sections)."""


DONATIONS = frozenset({"land_donated", "funds_mobilized"})
"""Land and money people give: never read in a clause where the State recovers, acquires or
compensates (the lexicon's ``recover`` frame), whatever the language."""

NOT_RECOVERED = DONATIONS | {"ntm_funds_total", "ntm_funds_state", "road_length"}
"""Nor the programme's money: "Tổng kinh phí bồi thường, hỗ trợ được duyệt là hơn 1.890 tỷ
đồng" is what a project pays in compensation (tuned: 4 false totals fewer, one match lost);
nor a road's length, which is the state project's route, no rural road the people built."""


def _rules_for(lex: Lexicon, token: str) -> tuple[IndicatorRule, ...]:
    """Indicators whose keywords match ``token`` whole (cached: articles repeat their words)."""
    key = token.lower()
    found = lex.token_rules.get(key)
    if found is None:
        if lex.ignore is not None and lex.ignore.fullmatch(token):
            found = ()
        else:
            found = tuple(r for r in lex.rules if r.keywords.fullmatch(token))
        if len(lex.token_rules) < 200_000:
            lex.token_rules[key] = found
    return found


_QUOTED = re.compile(r"[\"“„«「『][^\"”“»」』\n]{0,80}[\"”“»」』]")


def _unquoted_gap(
    text: str, hit: Hit, span: tuple[int, int], ignore: re.Pattern[str] | None = None
) -> int:
    """Characters between a keyword and the number, not counting a quoted name in between
    ('119 "Skilled Mass Mobilization" models': the models are next to the number)."""
    lo, hi = (span[1], hit.start) if hit.start >= span[1] else (hit.end, span[0])
    between = text[lo:hi]
    names = list(_QUOTED.finditer(between))
    if ignore is not None and not names:
        # an unquoted name right next to the number: '1,250 Skilled Mass Mobilization models'
        names = [
            m
            for m in ignore.finditer(between)
            if (m.start() <= 2 if hit.start >= span[1] else m.end() >= len(between) - 2)
        ]
    if hit.start >= span[1] and _HAN_MODIFIED.fullmatch(between):
        return 1  # "400多场传达党的主张、国家政策法律的宣传会": the noun after its modifier
    return len(between) - sum(len(m.group()) for m in names)


_HAN_MODIFIED = re.compile(r"[多余]?[场次期批][^，。；：！？,.;:!?\s\d]{1,40}的")
"""A Chinese count of events (sessions: 场, 次, 期, 批) and a modifier ending in 的 before the
counted noun: the modifier may be long, but the noun is the count's all the same. (With 个 the
noun follows the classifier itself: "1300个园子达到...的标准" counts gardens.)"""


CLASSIFIER_LANGS = frozenset({"zh"})
"""Languages that count with a classifier after the number ("30场", "286个")."""

_POSTPOSED = re.compile(
    r"\s*(?:余|多)?(?:个次|人次|[场場个個项項次座间間条條家所名位件])\s*(?:[，。,.;；、：:）)]|$)"
)
"""A classifier closing the phrase: the counted noun stood before the number."""


def postposed_classifier(text: str, pos: int, lang: str) -> bool:
    """Whether a classifier right after ``pos`` closes the phrase ("宣传会议30场，")."""
    return lang in CLASSIFIER_LANGS and _POSTPOSED.match(text, pos) is not None


CASES = frozenset({"citizens_received", "petitions_received", "complaints_resolved"})
"""Indicators of citizens' cases. Reports give their counts at the end of a sentence about them
("Complaints proper numbered 6,627."), where other nouns far before a final number are more
often a road or group it labels ("carretera provincial 763", "Wohngruppe 3"); and they break
them down by verdict or state after the totals (``stance``)."""
_GLOSS = re.compile(r"\s*(?:[(（]|الـ?)\s*")
"""A bracket right after a noun opens its count ("100% of its communes (137 of 137)"), and so
does the Arabic article glued to the number ("البلديات الـ5": the 5 communes)."""
_CLAUSE_FINAL = re.compile(r"\s*(?:[.!?;:。；！？؛：]|$)")

SUBJECT_COUNTS = CASES | {"communes_total", "rural_communes"}
"""Counts that may end their clause after their subject: "Complaints proper numbered 6,627.",
"Единиц общинного уровня насчитывается 124:"."""


_ITEM_SEPARATOR = re.compile(r"[,;，、；،]")
ITEM_TAIL = 40
"""Most characters between a number and a keyword that closes its item ("3600 milliárd dong
az állami költségvetésből,")."""


def _previous_items(text: str, hit: Hit, lo: int, others: Sequence[int]) -> bool:
    """Whether a keyword before the number closes the previous item of a list: a separator
    stands between it and the number, and another number shortly before it ("3600 milliárd
    az állami költségvetésből, 2100 milliárd pedig a közösség hozzájárulásából": the state
    is the 3600's source, not the 2100's)."""
    if not _ITEM_SEPARATOR.search(text, hit.end, lo):
        return False
    return any(0 < hit.start - o <= ITEM_TAIL for o in others)


TIERED_UNITS = frozenset(
    {"communes_meeting_ntm", "villages_meeting_standard", "districts_meeting_ntm"}
)
"""Units that reach a tier of the NTM standard: a "model" after their noun is the tier."""

COMMUNE_TOTALS = frozenset({"rural_communes", "communes_total"})
"""Counts of a place's communes: their parts may be the communes that met the standard."""
COMMUNE_COUNTS = COMMUNE_TOTALS | {"communes_meeting_ntm"}
"""Every count of communes: a report may sort any of them by the criteria they meet."""


def _unit_between(hits: Sequence[Hit], lo: int, hit: Hit) -> bool:
    """Whether a noun of a unit that reaches an NTM tier stands between ``lo`` and ``hit``, or
    right after ``hit`` ("147 образцовых сёл", "15 model villages": the model qualifies it)."""
    return any(
        h.rule is not None
        and h.rule.name in TIERED_UNITS
        and (lo <= h.start and h.end <= hit.start or 0 <= h.start - hit.end <= TIER_NOUN_GAP)
        for h in hits
    )


_FIELD_HEAD = re.compile(r"(?:^|[.;:!?\n]\s*)(?:[^\s,;:.]+\s+){0,2}$")
"""The start of a sentence and at most two words ("В", "Im Bereich") before a keyword."""


NOT_FIELDS = frozenset({"dvk_models_new", "dvk_models_sustained"})
"""Refinements that say how new a model is, not its field: "197 sustained, 233 new"."""


def _field_head(text: str, hit: Hit, rule: IndicatorRule, hits: Sequence[Hit], lo: int) -> bool:
    """Whether ``hit``, a field keyword, stands in the words that open its sentence with no
    other field before the count at ``lo``: "В культурной сфере провинция поддерживает 961
    модель" names the field of the sentence's count, however far on the count stands."""
    if not rule.refines or rule.name in NOT_FIELDS:
        return False
    if _FIELD_HEAD.search(text[max(0, hit.start - 40) : hit.start]) is None:
        return False
    return not any(
        hit.end <= h.start and h.end <= lo and h.rule.refines == rule.refines
        for h in hits
        if h.rule is not None and h.rule is not rule and h.rule.name not in NOT_FIELDS
    )


TIER_NOUN_GAP = 2
"""Characters between a "model" adjective and the unit noun it qualifies (a space)."""


def nearest_keyword(
    text: str,
    rule: IndicatorRule,
    hits: Sequence[Hit],
    span: tuple[int, int],
    others: Sequence[int],
    lex: Lexicon,
    bare: bool = False,
) -> Candidate | None:
    """Nearest keyword of ``rule`` to the number at ``span`` (text offsets) within the clause."""
    best: Candidate | None = None
    lo, hi = span
    prefer = lex.prefer
    if bare and postposed_classifier(text, hi, lex.lang):
        prefer = "before"  # "宣传会议30场，": the noun stands before the number and its classifier
    # "Письменных обращений ... поступило 3 667.", "Complaints proper numbered 6,627.": a count
    # that ends its clause counts the clause's subject, however far before it stands
    final = bare and _CLAUSE_FINAL.match(text, hi) is not None
    for hit in hits:
        if hit.rule is not rule:
            continue
        claimed = False  # a keyword that closes the previous item of a list
        if hit.start >= hi:
            side, gap = "after", hit.start - hi
            between = any(hi <= o < hit.start for o in others)
        elif hit.end <= lo:
            side, gap = "before", lo - hit.end
            between = any(hit.end <= o < lo for o in others)
            claimed = _previous_items(text, hit, lo, others)
        else:  # inside the expression: "8 177 községéből 6 022" names its noun between
            side, gap, between = ("after" if prefer == "after" else "before"), 0, False
        if gap > lex.window or (rule.after_only and side == "before"):
            continue
        if side == "after" and rule.name.startswith("dvk_models") and _unit_between(hits, hi, hit):
            continue  # "113 communes néo-rurales modèles": the communes' tier, no DVK model
        if bare and between:
            continue  # a bare count names its noun next to it, never across another number
        ends = side == "before" and final and rule.name in SUBJECT_COUNTS
        opens = side == "before" and bare and partitive_head(text, hit, lex)
        subject = (ends or opens) and not any(
            hit.end <= h.start and h.end <= lo for h in hits if h.rule is not None
        )
        heads = side == "before" and bare and _field_head(text, hit, rule, hits, lo)
        subject = subject or heads
        off_side = rule.refines is None and prefer not in (side, "both") and not rule.either_side
        glossed = side == "before" and _GLOSS.fullmatch(text, hit.end, lo) is not None
        if bare and off_side and not subject and not glossed:
            continue  # ... on the language's side ("35 communes", not "commune 17")
        if bare and not subject and _unquoted_gap(text, hit, span, lex.ignore) > lex.count_window:
            continue
        weight = 1.0 if prefer in (side, "both") else 1.6
        distance = gap * weight * (3.0 if between else 1.0) * (10.0 if claimed else 1.0)
        if best is None or distance < best.distance:
            best = Candidate(rule, distance, hit.word, between, "heading" if heads else side)
    return best
