"""Whether a number is stated as a fact about one unit: plans, averages and groups are not.

A number can sit next to the right keyword and still be no claim: "the district wants six more
communes to meet the standard this year" (a plan), "on average each commune met 14.25
criteria" (an average), "69/85 communes have met 19/19 criteria" (the criteria of a group of
unnamed communes), "the 19-criterion system" (the size of the set). The words that tell are
lexicon data (``plan_words``, ``plan_after``, ``plan_not``, ``average_words``, ``all_words``,
``met_words``, ``basically_words``, ``unmet_words``, ``candidate_words``, ``contest_words``,
``subgroup_words``,
``verdict``,
``screened``, ``change_after``, ``more_after`` with ``compared``, ``stock_before``,
``each_words``, ``per_after``, ``if_words``); this module
reads them on the number's own line or phrase.
"""

from __future__ import annotations

import re

from dvk_analysis.text.keywords import CASES, COMMUNE_COUNTS, NEED_SHARE, Lexicon, rule_named
from dvk_analysis.text.numbers import NumberMatch, expr_start, find_numbers
from dvk_analysis.text.patterns import PHRASE_END
from dvk_analysis.text.places import level_word
from dvk_analysis.text.ranges import continues_range
from dvk_analysis.text.units import find_unit

MIN_POPULATION, MAX_POPULATION = 50, 150_000_000
"""No village has fewer residents and Vietnam has fewer than 150 million: a number outside
next to a population word counts something else (townships, delegations, money)."""


def not_stated_as_fact(
    text: str, number: NumberMatch, clause_span: tuple[int, int], indicator: str, lex: Lexicon
) -> str | None:
    """Why ``number`` (read as ``indicator``) is no claim, or None when it may be one."""
    before, after = own_line(text, number, clause_span)
    bare = indicator in NEED_SHARE and number.denominator is None
    if bare and (
        number.qualifier == "less_than"
        or not _counts_set(before + after + list_heading(text, number.start), lex)
    ):
        return "set size"  # "19 criteria" is the set; "below 6 criteria" sorts communes
    if _opens_with(lex.if_words, before):
        return "condition"  # "Als de zes gemeenten worden erkend, heeft het district 11/11"
    named = lex.plan_not.sub(" ", before) if lex.plan_not is not None else before
    planned = says(lex.plan_words, named) or says(lex.plan_after, after)
    if planned and indicator not in DECREED:
        return "plan"  # "the district wants six more communes to meet the standard"
    head, tail = own_phrase(before, after)
    # below, the cost of a small work its donors paid, unless parts by source follow
    large = number.value >= PROGRAMME_MIN or says(lex.of_which, after)
    priced = head if indicator == "ntm_funds_total" else _own_stretch(head, "")
    if indicator in MONEY_TOTALS and large and _project_cost(priced, before, lex):
        return "cost"  # "the road, with a total investment of 812 billion VND": one project's price
    if indicator in RECOGNISED and says(lex.candidate_words, head + tail):
        return "candidates"  # "2 xã đăng ký đạt chuẩn", "les dossiers de trois communes"
    if indicator in PARTICIPANTS and _contest_before(before, lex):
        return "contest"  # "45 Wettbewerbe ..., an denen sich 107.000 Menschen beteiligten"
    if indicator == "ntm_criteria_met" and _not_met(before, head, tail, lex):
        return "not met"  # "met 12 of the 19 and basically met five, with two still unmet"
    if indicator in RECOGNISED and says(lex.unmet_words, _own_stretch(head, tail)):
        return "not met"  # "42 communes have not yet met the standard"
    if says(lex.average_words, before) or says(lex.average_words, _NUMBER_ON.split(tail)[0]):
        return "average"  # "on average each commune met 14.25 criteria", "16 on average"
    if indicator in RATED and _per_unit(head, tail, lex):
        return "rate"  # "mỗi hội viên đóng góp 36.000 đồng một năm": per member, no total
    if indicator.startswith("dvk_models") and _honoured_before(before, lex):
        return "honoured"  # "rindió homenaje a 321 ejemplos avanzados": exemplars, no models
    if indicator in CASES and says(lex.verdict, head + tail):
        return "verdict"  # "48 waren berechtigt, 139 unbegründet; 49 sind noch in Bearbeitung"
    if indicator == "petitions_received" and says(lex.screened, head + tail):
        return "screened"  # "Nach Prüfung fielen 242 Beschwerden in die Zuständigkeit"
    if (
        says(lex.change_after, tail)
        or _ends_with(lex.change_before, before)
        or (
            lex.more_after is not None
            and lex.more_after.match(tail.lstrip())
            and says(lex.compared, before)
        )
    ):
        return "change"  # "768 alkalommal és 1 174 fővel több", "compared with 2020, 35 more"
    if indicator in LENGTHS and _structure_length(tail, indicator, lex):
        return "structure"  # "снесли 100 м прочных оград": the length of fences pulled down
    if indicator in LENGTHS and _bridge_length(before, tail, indicator, lex):
        return "bridge"  # "该桥宽3.5米，长30米", "a 120 méter hosszú híd": a bridge, no road
    if _line_length(before, tail, indicator, lex):
        return "line"  # "33.69 km of street lighting": laid along roads, no road built
    if indicator in LENGTHS and _stock_before(text, number, clause_span[0], lex):
        return "stock"  # "Het district heeft 26,5 km wegen van klasse A, 36,6 km van klasse B"
    if indicator in NEED_SHARE and _counted_units_before(before, lex):
        return "group"  # "69/85 xã đạt 19/19 tiêu chí": a group's level, no unit's count
    if indicator in COMMUNE_COUNTS and _criteria_after(after, lex):
        return "group"  # "38 gemeenten aan 10 tot 14 criteria": communes sorted by progress
    if indicator == "population" and says(lex.subgroup_words, before + tail):
        return "subgroup"  # "其中少数民族66.7万人", "300 nghìn người thuộc các dân tộc thiểu số"
    if indicator == "population" and not MIN_POPULATION <= number.value <= MAX_POPULATION:
        return "no population"  # "32 communes and three townships, has a population of ..."
    return None


def own_line(text: str, number: NumberMatch, clause_span: tuple[int, int]) -> tuple[str, str]:
    """The number's clause before and after the number, cut at line breaks.

    Why: a clause may run over a paragraph break (after an abbreviation such as "млн.") or
    start in the headline, and the next paragraph's plan or the headline's verb says nothing
    about this number. Most languages put a modal before the number (``plan_words``);
    Hungarian puts its verb forms after it (``plan_after``).
    """
    start = max(clause_span[0], text.rfind("\n", 0, number.start) + 1)
    end = text.find("\n", number.end, clause_span[1])
    return text[start : number.start], text[number.end : clause_span[1] if end < 0 else end]


RECOGNISED = frozenset(
    {"communes_meeting_ntm", "districts_meeting_ntm", "villages_meeting_standard"}
)
"""Counts of units that met a standard: units registered, applying, proposed or selected
(``candidate_words``) are candidates, not yet units that met it."""


PARTICIPANTS = frozenset({"propaganda_participants", "legal_education_participants"})
"""Head counts of sessions: the entrants of contests held beside them are not theirs."""

DECREED = frozenset({"communes_total", "rural_communes", "population"})
"""Counts a resolution fixes: "the new province will have 96 commune-level units", "Khanh Long
tendrá 1.520 habitantes" state what the merger decided, in the future tense of its effective
date, not a plan."""

CONTEST_REACH = 12
"""Most characters between a number and the contest word that makes it a count of contests
("24场法律知识竞赛", "464 конкурса")."""

_LAST_NUMBER = re.compile(r"\d(?!.*\d)", re.DOTALL)


def _contest_before(before: str, lex: Lexicon) -> bool:
    """Whether the number before this head count in its clause counts contests ("17 مسابقة
    بمشاركة 79,631 شخصاً", "464 конкурса на знание законов, в которых участвовали 199 659
    человек"): then the people entered the contests, not the sessions."""
    if lex.contest_words is None:
        return False
    last = _LAST_NUMBER.search(before)
    if last is None:  # "the online contest 'Youth and the law', in which 11,000 took part"
        return lex.contest_words.search(before) is not None
    found = lex.contest_words.search(before, last.end())
    return found is not None and found.start() - last.end() <= CONTEST_REACH


PROGRAMME_MIN = 2e9
"""The smallest sum read as a programme's total: 1 of the 162 ``ntm_funds_total`` gold rows of
the dev and tuned splits is below two billion dong (none below one), against 213 of 490
``funds_mobilized`` rows. On the tuned split a one-billion floor gained 4 matches, two
billion 12. Below it, a cost is what donors gave for one small work ("the bridge cost 450
million dong in total"; ``money.collected``), not the price of a state project."""

MONEY_TOTALS = frozenset({"ntm_funds_total", "funds_mobilized"})
"""Sums a cost word can price: from :data:`PROGRAMME_MIN` up, the cost of one project is no
money mobilised, whichever of the two its keywords suggest. For money given the cost word
must stand in the sum's own stretch, after any number before it: "the budget gave 103
billion and residents gave 2.9 billion" prices neither."""

RATED = frozenset(
    {"funds_mobilized", "ntm_funds_total", "ntm_funds_state", "land_donated", "working_days"}
)
"""Resources that can be stated per unit ("each household gave 10 million", "300 000 dongs par
personne", "Minden háztartás 200–300 négyzetmétert adott"): the writers code the sum, never
the rate (none of the 23 dev/tuned money rows that name "each" or "per" is the per-unit
amount)."""

PER_REACH = 40
"""Most characters after a number in which a ``per_after`` phrase makes it a rate: room for
the currency ("300 000 dongs par personne", "10 triệu đồng/hộ")."""


def _per_unit(head: str, tail: str, lex: Lexicon) -> bool:
    """Whether an amount is per unit: "each" (``each_words``) in its own phrase since the
    number before it ("cada hogar aportó 8 millones y el Estado 100 millones": only the 8) or
    a ``per_after`` phrase right after it."""
    last = _LAST_NUMBER.search(head)
    return says(lex.each_words, head[last.end() :] if last else head) or says(
        lex.per_after, tail[:PER_REACH]
    )


LENGTHS = frozenset({"road_length", "canal_length"})
"""Lengths the codebook counts as built or upgraded, never the network a place has."""


def _structure_length(tail: str, indicator: str, lex: Lexicon) -> bool:
    """Whether the noun the length measures is a structure (a fence, wall or gate: the
    ``structures_removed`` keywords) rather than the road or canal: it comes first after the
    number ("850 méternyi kerítést és kaput bontottak le", "los 100 metros de muro")."""
    structure, own = rule_named(lex, "structures_removed"), rule_named(lex, indicator)
    if structure is None or own is None:
        return False
    head = tail[:STRUCTURE_NOUN]
    found, road = structure.keywords.search(head), own.keywords.search(head)
    return found is not None and (road is None or found.start() < road.start())


def _bridge_length(before: str, tail: str, indicator: str, lex: Lexicon) -> bool:
    """Whether the length measures a bridge: a bridge word is the first noun after the number
    ("120 méter hosszú híd"), or stands in the 80 characters before it while no road word
    follows the number ("la passerelle, longue de 29 m"; "a bridge and 3 km of road" is road)."""
    return _other_length(before, tail[:STRUCTURE_NOUN], indicator, lex.bridge_words, lex, 2)


def _line_length(before: str, tail: str, indicator: str, lex: Lexicon) -> bool:
    """Whether a road's length measures something laid along it: lighting, flowers, trees,
    drains or power lines (``line_words``: "33.69 km of street lighting", "planté des fleurs
    sur plus de 11 km", "1,3 km đường điện chiếu sáng"), found as bridges are; and whether a
    count of roads is of roads lit or planted along (a line word in the number's phrase)."""
    lines = lex.line_words
    head = tail[:LINE_NOUN]
    if indicator == "roads":  # "56 falusi út kapott új közvilágítást": roads lit, not built
        return says(lines, PHRASE_END.split(tail)[0] + PHRASE_END.split(before)[-1])
    return indicator == "road_length" and _other_length(before, head, indicator, lines, lex, -1)


def _other_length(
    before: str,
    head: str,
    indicator: str,
    words: re.Pattern[str] | None,
    lex: Lexicon,
    length_word: int,
) -> bool:
    """Whether one of ``words`` is the first noun in ``head`` (the text after the number), or
    stands in the characters before it while no road word follows the number, nor stands
    between it and the number (but within ``length_word`` characters of it: a length word)."""
    own = rule_named(lex, indicator)
    if words is None or own is None:
        return False
    other, road = words.search(head), own.keywords.search(head)
    if other is not None:
        return road is None or other.start() <= road.start()
    if road is not None:
        return False
    window = before[-BRIDGE_BEFORE:]
    others = list(words.finditer(window))
    if not others:
        return False
    # a road named after the bridge is what the length measures ("el camino ... al puente de
    # la estación, un tramo de 350 metros"), unless it is the length word next to the number
    # ("全长35米", "وطوله ٢٩")
    roads = own.keywords.finditer(window, others[-1].end())
    return not any(len(window) - r.end() > length_word for r in roads)


BRIDGE_BEFORE = 80
"""Characters before a length in which a bridge word makes it the bridge's length."""

STRUCTURE_NOUN = 30
"""Characters after a length in which its own noun stands (unit and adjectives included)."""

LINE_NOUN = 40
"""... and for what is laid along a road, whose nouns come with longer adjectives ("km of
high-pressure street lighting")."""


def _stock_before(text: str, number: NumberMatch, clause_start: int, lex: Lexicon) -> bool:
    """Whether a "has" word (``stock_before``) stands right before this length or before the
    first length of its list in the clause, or the number's phrase names the network before it
    (``network_words``): the length is the network the place has, not what was built ("the
    commune has 39.7 km of asphalt roads, 32.7 km of concrete roads")."""
    head = text[clause_start : expr_start(number)]
    if says(lex.network_words, PHRASE_END.split(head)[-1]):
        return True  # "mạng lưới giao thông khá đa dạng với khoảng 7.000 km đường bộ"
    if lex.stock_before is None:
        return False
    for found in lex.stock_before.finditer(head):
        if not head[found.end() :].strip():
            return True  # "heeft 26,5 km"
        first = find_numbers(head[found.end() : found.end() + 40], lex.lang)
        if first and not head[found.end() : found.end() + first[0].start].strip():
            end = max(first[0].end, first[0].expr_end)
            unit = find_unit(text, clause_start + found.end() + end, lex.lang)
            if unit is not None and unit.unit == "m":
                return True  # "heeft 26,5 km wegen van klasse A, 36,6 km van klasse B"
    return False


_NUMBER_ON = re.compile(r"\d")
_ASIDE = re.compile(r"\s*\([^()]*\)")


LIST_ITEM = 80
"""Longest line read as an item of a list under a heading ("Dak Sao: 7 criteria.")."""


def list_heading(text: str, pos: int) -> str:
    """The heading line (ending in ":") of the list of short lines that ``pos`` stands in,
    else "". "The criteria each commune has met so far:" heads "Dak Sao: 7 criteria." and
    the lines after it: the heading's verb is theirs."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1].rstrip()
        if line.endswith((":", "：")):
            return line
        if not line or len(line) > LIST_ITEM:
            return ""  # a blank line or a paragraph: no list
        start = prev
    return ""


def own_phrase(before: str, after: str) -> tuple[str, str]:
    """The number's phrase: ``before`` from its last punctuation, ``after`` to its first.

    Why: a verdict or a comparison speaks of the numbers of its own phrase ("7 жалоб и 12
    заявлений признаны обоснованными, ...") and not of the total before the comma; a list
    separator word ("and") does not end a phrase, since numbers joined by it share the verb.
    """
    after = _ASIDE.sub("", after)  # "368-cal (16,52 százalékkal) többet"
    ends = list(PHRASE_END.finditer(before))
    stop = PHRASE_END.search(after)
    return before[ends[-1].end() if ends else 0 :], after[: stop.start() if stop else len(after)]


def _ends_with(words: re.Pattern[str] | None, before: str) -> bool:
    """Whether one of ``words`` ends ``before`` (the text right before the number): "increased
    by 145", "比去年同期多148件", "wuchs ... um 244"."""
    if words is None:
        return False
    head = before.rstrip()
    return any(m.end() == len(head) for m in words.finditer(head, max(0, len(head) - 30)))


def _project_cost(head: str, before: str, lex: Lexicon) -> bool:
    """A cost word in the number's phrase (``cost_words``: "total investment", "tổng kinh phí",
    "总投资") and no unit mobilising in its clause: the price of one project, which the writers
    do not code as money mobilised for the programme (4 in 18 on the tuned split)."""
    return says(lex.cost_words, head) and not says(lex.unit_mobilised, before)


def _not_met(before: str, head: str, tail: str, lex: Lexicon) -> bool:
    """Whether a count of criteria is of criteria not (yet) met: an ``unmet_words`` word in
    the number's own stretch (between its neighbouring numbers), or a ``basically_words``
    word there after a count the unit met in full ("Noong Het met 12 and basically met 5";
    "basically met 19/19" alone is how reports say a commune met the set)."""
    own = _own_stretch(head, tail)
    if says(lex.unmet_words, own):
        return True
    return says(lex.basically_words, own) and _NUMBER_ON.search(before) is not None


def _own_stretch(head: str, tail: str) -> str:
    """The number's phrase between its neighbouring numbers."""
    return head[len(head) - len(_NUMBER_ON.split(head)[-1]) :] + " " + _NUMBER_ON.split(tail)[0]


def _opens_with(words: re.Pattern[str] | None, before: str) -> bool:
    """Whether one of ``words`` opens ``before`` (the number's clause up to it): a sentence
    that opens with "if" states what would follow, not what is. A word in capitals is a
    dateline's place ("HA TINH –", Hungarian "ha" is "if")."""
    found = words.match(before.lstrip(" \t\"'“”«»(–—-")) if words is not None else None
    return found is not None and not found.group().isupper()


def says(words: re.Pattern[str] | None, clause: str) -> bool:
    """Whether one of the lexicon's ``words`` occurs in ``clause``."""
    return words is not None and words.search(clause) is not None


def _counts_set(clause: str, lex: Lexicon) -> bool:
    """Whether the clause says the whole set ("all 19 criteria") or that a unit has met a count
    of criteria ("the commune has met 15 criteria"): either makes a bare count a claim."""
    return says(lex.all_words, clause) or says(lex.met_words, clause)


_LIST_OPENS = re.compile(r"[:;：；]")


def _counted_units_before(before: str, lex: Lexicon) -> bool:
    """Whether ``before`` (the number's line up to it) counts communes ("69/85 xã", "одна
    община"): criteria after such a count describe a group of unnamed communes, which the
    codebook does not code, not one unit's criteria met."""
    rule = rule_named(lex, "communes_meeting_ntm")
    if rule is None:
        return False
    # "ba xã đã hoàn thành ...: Phong Thủy đạt 19/19": a colon names the units one by one
    before = _LIST_OPENS.split(before)[-1]
    for hit in rule.keywords.finditer(before):
        head = before[max(0, hit.start() - 20) : hit.start()]
        found = find_numbers(head, lex.lang)
        if found and not head[found[-1].end :].strip(" 个"):  # "20个乡": a classifier
            return not _larger_unit(before[hit.end() :], lex.lang)
    return False


def _larger_unit(words: str, lang: str) -> bool:
    """Whether ``words`` name a district or province ("38/38 xã đạt chuẩn, đồng thời huyện
    hoàn thành 9/9 tiêu chí"): the criteria after it are that unit's, not the communes'."""
    tokens = _TOKEN.findall(words) if lang != "zh" else list(words)
    return any(level_word(t, lang) in ("district", "province") for t in tokens)


_TOKEN = re.compile(r"[^\W\d_]+")


def _criteria_after(after: str, lex: Lexicon) -> bool:
    """Whether a count of criteria follows a count of communes closely ("38 communes at 10 to
    14 criteria", "47 gemeenten halen tussen 15 en 18 criteria"): the communes are a group
    sorted by progress, not communes meeting the standard."""
    rule = rule_named(lex, "ntm_criteria_met")
    if rule is None:
        return False
    head = after[:CRITERIA_AFTER]
    hit = rule.keywords.search(head)
    if hit is None:
        return _range_ends(after, lex)
    communes = rule_named(lex, "communes_meeting_ntm")
    counts = [  # "من أصل 8227 بلدية": the communes' own total, no count of criteria
        n
        for n in find_numbers(head[: hit.start()], lex.lang)
        if n.kind == "number"  # "达到2024年度提高版新农村标准": a year counts no criteria
        and (communes is None or not communes.keywords.match(head, _next_word(head, n.end)))
    ]
    if says(lex.all_words, head[: hit.start()]):
        return False  # "20个乡达到全部19项标准": all criteria met is the standard itself
    if counts and (counts[-1].value % 1 or says(lex.average_words, head[: hit.start()])):
        return False  # "7/10 xã đạt chuẩn, bình quân 17,2 tiêu chí/xã": an average sorts none
    ranged = len(counts) > 1 and continues_range(head, counts[-2], counts[-1], lex)
    ranged = ranged or (len(counts) == 1 and _RANGE_AFTER.match(head) is not None)
    if hit.end() > CRITERIA_NEAR and not ranged:
        return False  # farther off, only a range of criteria sorts the communes
    if counts and not ranged and counts[-1].denominator is None and counts[-1].value == FULL_SET:
        return False  # "4 comunas han cumplido los 19 criterios": the whole set, the standard
    # "69/85 xã đạt 19/19 tiêu chí": all criteria met is the standard itself
    return bool(counts) and counts[-1].denominator != counts[-1].value


def _next_word(text: str, pos: int) -> int:
    """Where the word after ``pos`` starts (past spaces)."""
    return len(text) - len(text[pos:].lstrip()) if pos < len(text) else pos


CRITERIA_NEAR, CRITERIA_AFTER = 40, 60
"""How far after a count of communes a count of criteria sorts them; up to the second, past
the communes' own denominator, only a range does ("178 de sus 386 comunas han cumplido entre
14 y 18 criterios")."""

FULL_SET = 19
"""The criteria of the national standard: a unit that met 19 met the standard."""


def _range_ends(after: str, lex: Lexicon) -> bool:
    """Whether the first 40 characters of ``after`` (the text after a count of communes) hold
    a range of small numbers that ends its clause: "otras seis alcanzan entre 15 y 18." leaves
    the criteria unsaid."""
    numbers = [n for n in find_numbers(after[:40], lex.lang) if n.kind == "number"]
    if len(numbers) < 2 or not continues_range(after, numbers[-2], numbers[-1], lex):
        return False
    closed = _CLOSED.match(after, max(numbers[-1].end, numbers[-1].expr_end)) is not None
    return closed and numbers[-1].value <= FULL_SET


_CLOSED = re.compile(r"\s*(?:[.;!?。；]|$)")
_RANGE_AFTER = re.compile(r"\s*[-–~]")
"""A dash right after the number: it opens a range ("15 - 19 tiêu chí")."""


def whole_set(text: str, number: NumberMatch, lex: Lexicon) -> bool:
    """Whether an "all" word stands right before ``number`` ("alle 19 Kriterien", "tất cả 19
    tiêu chí", "mind a 19 kritérium"): the count is the whole set, N of N."""
    if lex.all_words is None:
        return False
    head = text[max(0, number.start - 16) : number.start]
    found = list(lex.all_words.finditer(head))
    if found and _ARTICLE_GAP.fullmatch(head, found[-1].end()) is not None:
        return True
    # ... or right after it and its noun: "全省135个乡全部达到", "بلديات المديرية الـ15 جميعها"
    after = lex.all_words.search(text, number.end, number.end + ALL_AFTER)
    return after is not None and after.start() - number.end <= ALL_AFTER // 2


ALL_AFTER = 10
"""Characters after a number in which an "all" word says the count is the whole set (it may
end there: a classifier and a one-character noun come first in Chinese)."""

_ARTICLE_GAP = re.compile(r"\s*(?:[^\W\d_]{1,3}\s+)?")
"""Between an "all" word and its number: nothing, or a short article ("mind a 19", "all the")."""


def _honoured_before(before: str, lex: Lexicon) -> bool:
    """Whether the clause honours what it counts before the number ("the congress honoured
    100 outstanding examples"): exemplars singled out at a ceremony, no models at work; of
    232 DVK model gold rows of the dev and tuned splits, none counts what its clause honours
    before it."""
    rule = rule_named(lex, "collectives_honored")
    return rule is not None and says(rule.need, before)
