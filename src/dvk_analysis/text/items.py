"""List items: the numbers of an enumeration that inherit the indicator of another.

"525 residential areas meet the standard, of which 219 are in X, 231 in Y and 75 in Z";
"433, 93 and 121 households": only one number of such a list stands next to its noun or unit.
This module gives the others their claim, in every language alike, and builds the fields of a
claim that its number gives (value, qualifier, offsets, place and period in force there).
Claims are any frozen dataclass with the fields of :class:`extract.Claim` (``C``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from dvk_analysis.text.breakdowns import clause_ends
from dvk_analysis.text.context import ArticleContext, successor
from dvk_analysis.text.enumerations import SHARED_JOIN, list_separator
from dvk_analysis.text.keywords import (
    ACHIEVEMENTS,
    CASES,
    COMMUNE_TOTALS,
    ITEM_EXCLUDED,
    TIERED_UNITS,
    Hit,
    Lexicon,
    rule_named,
)
from dvk_analysis.text.numbers import expr_start
from dvk_analysis.text.patterns import Unless
from dvk_analysis.text.places import bare_unit, located_at
from dvk_analysis.text.scope import level_rank

if TYPE_CHECKING:
    from dvk_analysis.text.numbers import NumberMatch

C = TypeVar("C", bound=Any)
"""A claim (``extract.Claim``): what a list item copies and changes."""


def format_value(value: float) -> float | int:
    """``value`` rounded to 6 decimals, as an int when whole: "1200", not "1200.0000001"."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 1e18 else rounded


def shared_unit(
    text: str,
    pending: Sequence[NumberMatch],
    last: NumberMatch,
    claim: C,
    factor: float,
    context: ArticleContext,
) -> list[C]:
    """Claims for the numbers before ``last`` that share its noun and unit.

    "433, 93 and 121 households gave 19,800, 8,216 and 6,100 m2": only the last number of
    each list stands next to its noun or unit; the ones joined to it by nothing but list
    separators ("," "and" "bzw." "、" "و") measure the same, with its multiplier when they
    have none ("1.5 and 2 billion"). ``pending`` are the numbers before ``last`` that gave
    no claim and had no unit of their own, in text order.
    """
    shared: list[C] = []
    follower = last
    for number in reversed(pending):
        gap = text[max(number.end, number.expr_end) : expr_start(follower)]
        joined = SHARED_JOIN.fullmatch(gap) is not None and gap not in (",", ".")
        # "1,2 mil": digits around a bare comma are one number, however parsed; fractions of
        # one base share their noun across the items' places ("12/19, An Linh mit 12/19")
        if not joined and not _same_base(text, number, follower):
            break
        scale = last.multiplier if number.multiplier == 1 else 1.0
        fields = number_fields(number, factor * scale, context)
        shared.insert(0, replace(claim, **fields, rule=claim.rule + "+shared"))
        follower = number
    return shared


def _same_base(text: str, number: NumberMatch, follower: NumberMatch) -> bool:
    """Whether ``number`` is a fraction of the same base as the next one in its clause
    ("12/19, ... 11/19 Kriterien"): the base names the noun the items share, whatever
    words (the places of the items) stand between them."""
    base = number.denominator
    return (
        base is not None
        and base == follower.denominator
        and 0 < follower.start - number.end <= LIST_GAP
        and not clause_ends(text, number.end, follower.start)
    )


FIELDS = frozenset(
    {
        "dvk_models_economic",
        "dvk_models_culture_society",
        "dvk_models_defense_security",
        "dvk_models_party_building",
    }
)
"""The fields of models. An item after a field's count names its own field, which would have
given it that field's indicator, or a place of the same field; any other item ("7 das
Bildungswesen") counts models of a topic the codebook has no field for."""


LIST_GAP = 90
"""Most characters between two items of one enumeration."""


HEAD_COUNTS = frozenset({"persons", "households"})
"""Units of head counts, whose parts after "of which" may be written without the unit."""


NOUN_AFTER = 40
"""Characters after a number searched for the noun right after it."""


def _noun_after(text: str, number: NumberMatch, words: re.Pattern[str] | Unless) -> bool:
    """Whether one of ``words`` is the word right after ``number``, or after one adjective
    ("19 городских кварталов", "14 urban wards"), or after a classifier and a syllable
    written without spaces ("1个市镇")."""
    noun = len(text) - len(text[number.end :].lstrip())
    found = words.search(text, noun, noun + NOUN_AFTER)
    return found is not None and _ADJECTIVE.fullmatch(text, noun, found.start()) is not None


_ADJECTIVE = re.compile(r"(?:[^\W\d_]+\s+|[\u3400-\u9fff]{1,2})?")


def listed(
    text: str,
    number: NumberMatch,
    measured: tuple[str | None, float, int],
    previous: tuple[C, str | None],
    hits: Sequence[Hit],
    context: ArticleContext,
    exclude: re.Pattern[str] | None = None,
    tiers: dict[str, re.Pattern[str]] | None = None,
    of_which: re.Pattern[str] | None = None,
    kin: frozenset[str] = frozenset(),
) -> C | None:
    """A claim for the next item of an enumeration whose first item is ``previous``.

    "525 residential areas meet the standard, of which 219 are in X, 231 in Y and 75 in Z":
    only the first number stands next to its noun; the others inherit its indicator when they
    have the same unit (or an amount of money none), follow it across a list separator or a
    semicolon (not a sentence end), and no keyword
    of another indicator stands between (that would start another claim). Shared by all
    languages; the place and period are the item's own. ``exclude``: words that rule the
    indicator out when the item's own words hold one ("the district budgets VND 29 billion").
    ``of_which``: the language's "of which" words, after which a bare number is a part of a
    head count (people, households) written with its unit.
    ``tiers``: the NTM tier words, which name no noun of their own ("2,182 communes reached the
    advanced standard and 480 the model standard": "model" is the tier, not DVK models).
    ``kin``: indicators whose keywords name no other claim here (``case_kin``).
    """
    claim, unit = previous
    gap_start, gap_end = claim.end, number.start
    gap = text[gap_start:gap_end]
    # "VND 9,625 million; Quang Trach, 6,118 million": an amount without its currency
    # inherits the previous item's
    money = measured[0] is None and unit == "VND" and number.multiplier > 1
    # "reçu 11 054 citoyens, dont 5 595 en 2012 et 5 459 en 2013": parts of a head count
    part = measured[0] is None and unit in HEAD_COUNTS and of_which is not None
    part = part and of_which.search(gap) is not None
    # "Sa Loong has met 12 criteria and Dak Ang 9": a unit named before a bare number
    named = measured[0] is None and unit == "count"
    if measured[0] != unit and not money and not part and not named:
        return None
    if not 0 < len(gap) <= LIST_GAP or "\n" in gap:
        return None
    separator = list_separator(context.lang).search(gap)
    # the items of a list may be cut by semicolons, never by a sentence end
    ends = clause_ends(text, gap_start, gap_end)
    if any(e.strip()[:1] not in ";；؛" for e in ends) or separator is None:
        return None
    if ends and any(ch.isdigit() for ch in gap):
        return None  # across a semicolon, the next number only: "…; 26 units and 27 members"
    # The words before the first separator describe the previous item ("525 residential
    # areas meeting the model standard, of which 219 ..."); another indicator's keyword after
    # it starts another claim.
    items_start = gap_start + separator.start()
    # a word that is also the claim's own keyword ("xã" of communes met and of rural communes)
    # names no other indicator
    own_spans = set().union(*(_spans_of(hits, i) for i in {claim.indicator, *kin}))
    hits = [h for h in hits if (h.start, h.end) not in own_spans]
    if any(_other_keyword(h, claim.indicator) and items_start <= h.start < gap_end for h in hits):
        return None
    seps = list(list_separator(context.lang).finditer(gap))
    own_words = text[gap_start + seps[-1].end() : gap_end]
    if not own_words.strip() and len(seps) > 1:  # "; Tan Loc Dong, 17/19": the name, a comma
        own_words = text[gap_start + seps[-2].end() : gap_start + seps[-1].start()]
    if exclude is not None and (exclude.search(own_words) or _noun_after(text, number, exclude)):
        return None  # "…, the district budgets VND 29,400 million", "…, 14 wards": ruled out
    tiers = tiers or {}
    if any(_own_noun(text, h, claim.indicator, number.end, tiers) for h in hits):
        return None  # "104 model areas and 1,037 model gardens": the item names its own noun
    # "..., Quang Trach 6.118 Mio. VND": a unit named by its name alone before the number
    own = _place_after(text, number, context) or bare_unit(
        own_words, context.province, claim.admin_level
    )
    if named and measured[0] != unit and bare_unit(own_words, context.province) is None:
        return None
    if claim.indicator in FIELDS and own is None:
        return None  # "13 Modelle die Landwirtschaft, 7 das Bildungswesen": not one field
    tier = own_tier(text, number.end, tiers) or claim.tier
    return replace(
        claim,
        **number_fields(number, measured[1], context, own),
        tier=tier if claim.indicator in ACHIEVEMENTS else claim.tier,
        confidence=round(claim.confidence * 0.9, 3),
        rule=claim.rule.split("+list")[0] + "+list",
    )


def case_general(indicator: str, lex: Lexicon) -> str | None:
    """The case indicator that ``indicator`` refines ("complaints_resolved" refines received
    petitions), or None for any other indicator."""
    rule = rule_named(lex, indicator) if indicator in CASES else None
    return rule.refines if rule is not None else None


def case_kin(
    text: str, claim: C | None, previous: C, lex: Lexicon, sentence: int
) -> frozenset[str]:
    """The case indicator that ``previous`` refines, when a verb before it governs the list it
    opens: "resolved 44 complaints and 3 denunciations", "resolved 38 of the 45 complaints and
    16 of the 20 denunciations" resolved both, although "denunciations" alone names received
    cases; so do the parts of resolved cases ("Davon waren 203 Beschwerden und 19 Anzeigen").
    ``sentence``: where the sentence of ``previous`` starts."""
    general = case_general(previous.indicator, lex)
    if general is None or (claim is not None and claim.indicator != general):
        return frozenset()
    verb = previous.rule.split("kw=", 1)[-1].split("+", 1)[0]
    governed = verb in text[sentence : previous.start].lower() or previous.rule.endswith("+part")
    return frozenset({general}) if governed else frozenset()


AUDIENCES = {
    "propaganda_sessions": "legal_education_sessions",
    "propaganda_participants": "legal_education_participants",
}
"""Sessions or their audience, and the legal-education indicator they become after legal-
education sessions were counted just before."""


def audience(claim: C, previous: C | None, context: ArticleContext) -> C:
    """``claim`` as legal education when legal-education sessions were the last claim before it
    in its paragraph: "organizó 24 conferencias de divulgación jurídica.
    A ellas asistieron unas 3.600 personas" attended legal education, and "Allein im Jahr 2021
    kamen die Stellen auf 4.153 Veranstaltungen" two sentences after 23.452 legal sessions
    counts legal sessions, though their own sentences name no law. (Within the sentence or
    the one before only: 2 matches fewer on the tuned split.)"""
    kind = AUDIENCES.get(claim.indicator)
    if kind is None or previous is None or previous.indicator != "legal_education_sessions":
        return claim
    if previous.start < context.paragraph_start(claim.start):
        return claim
    return replace(claim, indicator=kind, rule=claim.rule.replace(claim.indicator, kind, 1))


def part_claim(
    text: str, number: NumberMatch, factor: float, total: C, context: ArticleContext
) -> C:
    """The claim of a part of ``total`` (``breakdowns.opens_part``): its indicator, with the
    number's own fields and the place named right after it ("2,3 km in der Gemeinde Phuoc
    Dinh")."""
    return replace(
        total,
        **number_fields(number, factor, context, _place_after(text, number, context)),
        confidence=round(total.confidence * 0.9, 3),
        rule=total.rule.split("+list")[0] + "+part",
    )


def _place_after(
    text: str, number: NumberMatch, context: ArticleContext
) -> tuple[str, str, str] | None:
    """The place named after an item's number, before the next item: "..., 231 in the former
    Vinh Phuc and 75 in the former Hoa Binh", "2,3 km in der Gemeinde Phuoc Dinh, 0,77 km"."""
    stop = list_separator(context.lang).search(
        text, number.end, min(len(text), number.end + LIST_GAP)
    )
    return context.place_within(number.end, stop.start() if stop else number.end + LIST_GAP)


def number_fields(
    number: NumberMatch,
    factor: float,
    context: ArticleContext,
    own_place: tuple[str, str, str] | None = None,
) -> dict:
    """The fields of a claim that its number gives: the value multiplied out by the unit's
    ``factor``, qualifier, denominator and offsets, and the place and period in force where
    the number stands (``own_place`` when the text gives the number one of its own). Shared
    by a claim and the list items that inherit its indicator."""
    place, admin_level, province = own_place or context.place_at(number.start)
    period_start, period_end = context.period_at(number.start)
    denominator = number.denominator
    return {
        "value": format_value(number.value * factor),
        "qualifier": number.qualifier,
        "denominator": None if denominator is None else format_value(denominator),
        "place": place,
        "admin_level": admin_level,
        "province": province,
        "province_2025": successor(province),
        "period_start": period_start,
        "period_end": period_end,
        "start": number.start,
        "end": number.end,
    }


def _spans_of(hits: Sequence[Hit], indicator: str) -> set[tuple[int, int]]:
    return {(h.start, h.end) for h in hits if h.rule is not None and h.rule.name == indicator}


def _other_keyword(hit: Hit, indicator: str) -> bool:
    return hit.rule is not None and hit.rule.name != indicator


ITEM_NOUN = 25
"""Characters after a list item in which a noun of its own (another indicator's keyword or an
``ignore`` phrase) makes it no item of the enumeration."""


def own_tier(text: str, end: int, tiers: dict[str, re.Pattern[str]]) -> str | None:
    """The NTM tier named first in the words after a list item's number (its sentence only):
    "..., 480 the model standard", "..., 176 pedig a minta szintet"."""
    after = re.split(r"[.;!?\n]", text[end : end + ITEM_NOUN + 20], maxsplit=1)[0]
    found = [(m.start(), tier) for tier, words in tiers.items() if (m := words.search(after))]
    return min(found)[1] if found else None


def _own_noun(
    text: str, hit: Hit, indicator: str, end: int, tiers: dict[str, re.Pattern[str]]
) -> bool:
    """Whether ``hit`` is a noun of the item's own after its number. A tier word, or a tier
    named before it, names none ("et 12 le niveau modèle", "4 pedig a mintaszintű új vidék"):
    the item is a part of the count by tier."""
    named = any(t.match(hit.word) or t.search(text, end, hit.start) for t in tiers.values())
    if indicator in ACHIEVEMENTS and named:
        return False
    return end <= hit.start < end + ITEM_NOUN and (hit.rule is None or hit.rule.name != indicator)


def tiered(
    entry: tuple[C, str | None] | None, clause: str = "", lex: Lexicon | None = None
) -> tuple[C, str | None] | None:
    """The last bare count when it counts units that reach an NTM tier: its parts ("Of these,
    229 advanced and 109 model") need no noun. A count of a place's communes is such a total
    for parts whose ``clause`` says they meet the standard (the required words of
    ``communes_meeting_ntm``): "The city has 72 rural communes. Of these, 59 meet the
    standard, 13 the advanced one"."""
    if entry is None or entry[0].indicator in TIERED_UNITS:
        return entry
    met = rule_named(lex, "communes_meeting_ntm") if lex is not None else None
    need = met.need if met is not None else None
    if entry[0].indicator in COMMUNE_TOTALS and need is not None and need.search(clause):
        return replace(entry[0], indicator="communes_meeting_ntm"), entry[1]
    return None


def item_exclude(indicator: str, lex: Lexicon) -> re.Pattern[str] | None:
    """The excluded words of ``indicator`` when they count in the number's own list item
    (``ITEM_EXCLUDED`` units: money), so that a list item of the budget is no people's money;
    and the towns and wards after a count of rural communes."""
    if indicator == "rural_communes":
        return lex.town_words  # "85 communes, 14 wards and three special zones"
    rule = rule_named(lex, indicator)
    return rule.exclude if rule is not None and rule.unit in ITEM_EXCLUDED else None


def listed_unit(
    text: str, item_start: int, expr: tuple[int, int], context: ArticleContext
) -> tuple[str, str, str] | None:
    """The unit a later list item names by its name alone before its number ("..., Quang
    Trach 6.118 Mio. VND"), else None: the first item's place does not hold for it."""
    level = context.place_at(expr[0])[1]
    return bare_unit(text[item_start : expr[0]], context.province, level)


def finer_place_after(
    text: str, number: NumberMatch, item_end: int, context: ArticleContext, lang: str
) -> tuple[str, str, str] | None:
    """A smaller unit named after the number in its own list item, where the figure holds ("a
    road of 2,300 m in Phu Son commune"), else None: the unit named before the number is then
    the larger one that holds it."""
    after = context.mention_within(number.end, item_end)
    if after is None or not located_at(text, after, lang):
        return None
    before = context.place_at(number.start)
    if level_rank(after.admin_level) < level_rank(before[1]):
        return context.described(after)
    return None
