"""Scope words and photo captions: which unit a sentence reports on, in every language.

"Toàn tỉnh có 120 mô hình", "the whole province has 120 models", "全省有120个模式": the claim
holds for the article's province even when a commune was named just before (in a photo caption,
or as an example). "toàn huyện" / "the whole district" is district level (the district named
last, else unnamed), "cả xã" / "the whole commune" commune level. A photo caption line ("Ảnh:
...", "Photo: ...", "图为...") names the place of the picture, not of the sentences after it:
its place mentions govern nothing outside the caption.

An address ("Tho Hop commune, Quy Hop district", "уезда Чодон провинции Баккан", "zone 2 van de
wijk Van Phu, provincie Phu Tho") names a unit and then the larger units that hold it: the
sentence reports on the first, smallest one, so the larger units written right after it stand
for it (:func:`address_chains`). Chinese writes the address from the largest unit down
("河内市巴位县"), which the last-named rule already reads right.

After the 2025 merger, reports break figures down by former province: "the former province of
Phu Tho", "tỉnh Phú Thọ cũ", "az egykori Phu Tho tartomány", "مقاطعة فو تو السابقة". The
former unit is not the merged one of the same name, so the place keeps the lexicon's
``former_before`` / ``former_after`` words as written (:func:`former_places`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate

from dvk_analysis.gazetteer import UNIT_TIERS
from dvk_analysis.text.lexicon import section
from dvk_analysis.text.openings import headline_unit
from dvk_analysis.text.patterns import alternation
from dvk_analysis.text.places import PlaceMention, centrally_run

_SCOPE_WORDS: dict[str, tuple[str, ...]] = {
    "national": (
        r"(?:cả|toàn) (?:nước|quốc)",
        r"nationwide",
        r"nationally",
        r"the (?:whole |entire )?country(?!\w| road| of)",
        r"(?:tout le|l'ensemble du|l’ensemble du|le|du) pays(?!\w)",
        r"(?:à l'échelle|à l’échelle|au niveau) national(?:e)?",
        r"todo el país",
        r"(?:el|del) país(?!\w)",
        r"a nivel nacional",
        r"ganzen Land(?:es)?",
        r"landesweit",
        r"(?:het )?hele land",
        r"(?:in )?heel (?:het land|Vietnam)",
        r"(?:по всей|во всей|в целом по) стран[еы]",
        r"(?<!\w)стран[аеыу](?!\w)",
        r"(?:az )?egész országban",
        r"országosan",
        r"országszerte",
        r"az ország(?:ban)?(?!\w)",
        r"(?:على مستوى|في جميع أنحاء|في كل أنحاء) البلاد",
        r"البلاد (?:كلها|بأكملها)",
        r"(?<!\w)البلاد(?!\w)",
        r"全国",
    ),
    "province": (
        r"toàn tỉnh",
        r"cả tỉnh",
        r"khắp tỉnh",
        r"(?:the )?(?:whole|entire) province",
        r"province-?wide",
        r"across the province",
        r"(?:toute la|l'ensemble de la|l’ensemble de la) province",
        r"à l['’]échelle (?:de la province|provinciale|de la ville)",
        r"toda la provincia",
        r"(?:a escala provincial|en el conjunto de la provincia)",
        r"(?:die )?(?:ganze|gesamte|gesamten|ganzen) Provinz",
        r"provinzweit",
        r"(?:de )?hele provincie",
        r"провинци[яи] в целом",
        r"(?:вся|всей|по всей|во всей) провинци[ияи]",
        r"az egész (?:megye|tartomány)",
        r"(?:المحافظة|الولاية|المقاطعة) بأكملها",
        r"(?:المحافظة|الولاية|المقاطعة) كلها",
        r"(?:كل|جميع أنحاء) (?:المحافظة|المقاطعة)",
        r"全省",
    ),
    "district": (
        r"toàn huyện",
        r"cả huyện",
        r"(?:the )?(?:whole|entire) district",
        r"district-?wide",
        r"(?:tout le|l'ensemble du|l’ensemble du) district",
        r"à l['’]échelle du district",
        r"todo el distrito",
        r"a escala distrital",
        r"(?:der )?(?:ganze|gesamte|gesamten|ganzen) (?:Bezirk|Kreis)",
        r"(?:het )?hele district",
        r"(?:весь|всего|по всему|во всём|во всем) (?:район|уезд)[ауе]?",
        r"az egész (?:járás|kerület)",
        r"(?:المنطقة|المديرية) بأكملها",
        r"(?:المنطقة|المديرية) كلها",
        r"(?:كل|جميع أنحاء) (?:المنطقة|المديرية)",
        r"全县",
        r"全区",
        r"全郡",
    ),
    "commune": (
        r"toàn xã",
        r"cả xã",
        r"(?:the )?(?:whole|entire) commune",
        r"(?:toute la|l'ensemble de la|l’ensemble de la) commune",
        r"à l['’]échelle de la commune",
        r"toda la comuna",
        r"a escala comunal",
        r"(?:die )?(?:ganze|gesamte|gesamten|ganzen) Gemeinde",
        r"(?:de )?hele gemeente",
        r"(?:вся|всей|по всей|во всей) общин[аеы]",
        r"az egész község",
        r"(?:البلدية|القرية) بأكملها",
        r"كل البلدية",
        r"全乡",
        r"全镇",
    ),
}

NATIONAL_PROVINCE = "Việt Nam"
"""The province column of a national claim (``codebook.ADMIN_LEVELS``: "national" is the whole
country)."""

_SCOPE = re.compile(
    "|".join(
        f"(?P<{level}>{'|'.join(f'(?:{w})' for w in words)})"
        for level, words in _SCOPE_WORDS.items()
    ),
    re.IGNORECASE,
)

_SCOPE_ANCHOR = re.compile(
    r"toàn|cả|khắp|whole|entire|wide|across|tout|ensemble|toda|todo|ganze|gesamt|weit|hele"
    r"|целом|вся|всей|весь|всего|всему|всём|всем|egész|بأكمل|كلها|كل|جميع|全"
    r"|nation|nacional|country|pays|país|ország|البلاد|стран|échelle|escala|conjunto|heel",
    re.IGNORECASE,
)
"""A word every scope phrase holds (checked by a test): ``_SCOPE`` runs only around one.
Scanning the whole alternation at every position was a quarter of the extractor's time."""


_VI_VERBS = "(?:đã|có|gồm|hiện|cũng|đang|vẫn|sẽ|còn|vừa|tiếp tục|phấn đấu)(?!\\w)"
"""The verbs after which a bare Vietnamese level word is the unit named before ("Huyện gồm 8
xã", "xã đã huy động"): Vietnamese has no article, and "huyện nông thôn mới" is a kind."""
_VI_LEVELS = frozenset(
    {"tỉnh", "Tỉnh", "huyện", "Huyện", "xã", "Xã", "thôn", "Thôn", "ấp", "Ấp", "thành phố",
     "Thành phố"}
)  # fmt: skip
VERB_REACH = 14
"""How far after a Vietnamese level word its verb is looked for."""
LOOK_AHEAD = 12
"""How far after another level word an anaphor's look-ahead reads when a capitalised word
follows ("the commune People's Committee" is the commune's, "the commune Hoa Binh" names
one); 3 characters otherwise, as a longer window costs every search."""


def _reach(text: str, level_word: re.Match[str]) -> int:
    """Characters after ``level_word`` that its anaphor search may read (see ``LOOK_AHEAD``)."""
    if level_word.group() in _VI_LEVELS:
        return VERB_REACH  # "Huyện gồm": the verb
    after = text[level_word.end() : level_word.end() + 3]  # "уезд" may end in "а Д"
    return LOOK_AHEAD if any(c.isupper() for c in after) else 3


_NOT_NAMED = r"(?! (?!People|Party|Front|Youth|Women|Farmers|Fatherland|Veterans)[A-Z\d])"
"""No name after an English level word ("the commune Hoa Binh"), but an organisation of the
unit may follow ("the commune People's Committee", "the district Party Committee")."""

_ANAPHORA = re.compile(
    "|".join(
        f"(?P<{level}>{'|'.join(f'(?:{w})' for w in words)})"
        for level, words in {
            "province": (
                r"(?<!in )(?<!to )(?<!for )(?<!from )[Tt]he province(?!\w| of| [A-Z])",
                r"(?<!de )(?<!en )[Ll]a provincia(?!\w| de)",
                r"(?<!de )(?<!à )(?<!dans )[Ll]a province(?!\w| d[eu'’])",
                r"(?<!in )[Dd](?:ie|er) Provinz(?!\w| [A-Z])",
                r"(?<!in )[Dd]e provincie(?!\w| [A-Z])",
                r"[Aa] (?:tartomány(?:ban|nak|ból)?|megy(?:e|ében|ének|éből))(?!\w)",
                r"(?<!одноимённой )(?<!одноименной )(?<!западе )(?<!востоке )(?<!севере )(?<!юге )"
                r"(?<!Из них )(?<!\w)провинци(?:я|и|ю|ей)(?!\w| [А-ЯЁA-Z])",
                r"(?<!\w)(?:[وب]?ال|لل)مقاطعة(?!\w| السابقة)",
                r"该省|本省",
                r"(?<!\w)[Tt]ỉnh(?= " + _VI_VERBS + ")",
            ),
            "district": (
                r"[Tt]he district(?!\w| of)" + _NOT_NAMED,
                r"[Dd](?:er|em|en|es) Bezirks?(?!\w| [A-Z])",
                r"(?:[Dd](?:er|em|en|es)|[Ii]m) Kreis(?:es)?(?!\w| [A-Z])",
                r"(?:[Hh]et|[Vv]an het) stadsdeel(?!\w| [A-Z])",
                r"(?<!жилого )(?<!каждого )(?<!паводкового )(?<!одноимённого )(?<!одноименного )"
                r"(?<!\w)(?:уезда|района|уезд|уезде|уезду|уездом)(?!\w| [А-ЯЁ])",
                r"(?<!\w)(?:уездн|районн)\w+ уровн\w+",
                r"(?:[Ee]l|del) distrito(?!\w| de)",
                r"(?:[Ll]e|du|au) district(?!\w| de)",
                r"[Hh]et district(?!\w| [A-Z])",
                r"[Aa] (?:kerület|járás)(?:ban|ben|nak|nek|ból|ből|on|ön)?(?!\w)",
                r"(?<!\w)(?:[وب]?ال|لل)(?:مديرية|منطقة)(?!\w| السابقة)",
                r"该[县郡]|本[县郡]",
                r"(?<!\w)[Hh]uyện(?= " + _VI_VERBS + ")",
            ),
            "commune": (
                r"[Tt]he commune(?!\w| of)" + _NOT_NAMED,
                r"[Dd](?:ie|er) Gemeinde(?!\w| [A-Z])",
                r"[Ll]a comuna(?!\w| de)",
                r"[Ll]a commune(?!\w| de)",
                r"[Dd]e gemeente(?!\w| [A-Z])",
                r"[Aa] község(?:ben|nek|ből)?(?!\w)",
                r"(?<!каждой )(?<!одноимённой )(?<!одноименной )(?<!\w)(?:общин|коммун)(?:а|е|у|ой)"
                r"(?!\w| [А-ЯЁ])",
                r"(?<!\w)(?:[وب]?ال|لل)بلدية(?!\w| السابقة)",
                r"该[乡镇]|本[乡镇]",
                r"(?<!\w)[Xx]ã(?= " + _VI_VERBS + ")",
            ),
            "city": (
                r"(?<!in )[Tt]he city(?!\w| of)" + _NOT_NAMED,
                r"(?<!de )[Ll]a ville(?!\w| d[e'’]| [A-Z\d])",
                r"[Dd](?:ie|er) Stadt(?!\w| [A-Z\d])",
                r"[Ll]a ciudad(?!\w| de| [A-Z\d])",
                r"[Dd]e stad(?!\w| [A-Z\d])",
                r"[Aa] város(?:ban|nak|ból)?(?!\w)",
                r"(?<!\w)(?:[وب]?ال|لل)مدينة(?!\w| السابقة)",
                r"该市|本市|全市",
                r"(?<!\w)[Tt]hành phố(?= " + _VI_VERBS + ")",
            ),
            "village": (
                r"[Tt]he (?:village|hamlet)(?!\w| of)" + _NOT_NAMED,
                r"(?<!de )(?<!du )[Ll]e (?:village|hameau)(?!\w| d[eu'’]| [A-Z\d])",
                r"(?:[Dd](?:as|em|es)|[Ii]m) Dorf(?:es)?(?!\w| [A-Z\d])",
                r"(?:[Ll]a aldea|[Ee]l caserío)(?!\w| de| [A-Z\d])",
                r"[Hh]et (?:dorp|gehucht)(?!\w| [A-Z\d])",
                r"[Aa] falu(?:ban|nak|ból|ba)?(?!\w)",
                r"(?<!новой )(?<!новая )(?<!новую )(?<!\w)деревн(?:я|е|ю|ей)(?!\w| [А-ЯЁ\d])",
                r"(?<!\w)(?:[وب]?ال|لل)قرية(?!\w| السابقة| [\d٠-٩])",
                r"该村|本村",
                r"(?<!\w)(?:[Tt]hôn|[Ấấ]p)(?= " + _VI_VERBS + ")",
            ),
        }.items()
    )
)
"""A level word after an article, no name after it: "the district", "der Bezirk", "el
distrito", "a kerület", "该县", "the village", "the city" stand for the unit of that level named
before ("the city" also for a centrally-run city of province level), "the province",
"la provincia", "该省" for the article's province (:func:`scoped_places`). Vietnamese has no
article: a level word before a verb ("Huyện gồm 8 xã", "xã đã huy động") is the anaphora.
One case-sensitive scan: the level words are too frequent to anchor ``_SCOPE``'s search."""


def scope_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, level) of the scope phrases in ``text``: what ``_SCOPE.finditer`` finds,
    looked for only around the anchor words, and the level words after an article
    (``_ANAPHORA``)."""
    found = _scope_phrases(text)
    taken = [(a, b) for a, b, _ in found]
    for level_word in _LEVEL_WORD.finditer(text):
        lo = max(0, level_word.start() - 8)
        m = _ANAPHORA.search(text, lo, min(len(text), level_word.end() + _reach(text, level_word)))
        if m is None or m.end() < level_word.end():
            continue
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append((m.start(), m.end(), m.lastgroup or ""))
    return sorted(found)


_LEVEL_WORDS = (
    "province", "provincia", "Provinz", "provincie", "tartomány", "megy", "провинци", "district",
    "distrito", "Bezirk", "Kreis", "stadsdeel", "kerület", "járás", "commune", "comuna",
    "Gemeinde", "gemeente", "község", "уезд", "район", "община", "общине", "общину", "общиной",
    "коммуна", "коммуне", "коммуну", "коммуной", "деревня", "деревне", "деревню", "деревней",
    "village", "hamlet", "hameau", "Dorf", "aldea", "caserío", "dorp", "gehucht", "falu", "city",
    "ville", "Stadt", "ciudad", "stad", "város",
    "省", "县", "郡", "乡", "镇", "该村", "本村", "该市", "本市", "全市",
    "thôn", "Thôn", "ấp", "Ấp", "tỉnh", "Tỉnh", "huyện", "Huyện", "xã", "Xã", "قرية",
    "منطقة", "مدينة", "مقاطعة", "مديرية", "بلدية", "thành phố", "Thành phố"
)  # fmt: skip
"""The level words of ``_ANAPHORA``, literal: a regex of literals only is scanned for their
first characters (one with a character class is tried at every position, twice as slow)."""
_LEVEL_WORD = re.compile("|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)))
"""The level words of ``_ANAPHORA``: it is tried only around them (a scan of the whole text
with its alternation cost a third of the scope stage)."""


def _scope_phrases(text: str) -> list[tuple[int, int, str]]:
    """The ``_SCOPE`` phrases, tried only where one can start near an anchor word.

    Every phrase holds an anchor word (``_SCOPE_ANCHOR``) and starts at a word start at most 30
    characters before it, right after an Arabic one-letter prefix ("وكل المحافظة"), or at the
    anchor itself (Chinese writes no spaces). Trying the alternation there only, not at every
    position of the window, halves the stage.
    """
    out: list[tuple[int, int, str]] = []
    end = 0
    for anchor in _anchors(text):
        if anchor.start() < end:
            continue
        lo, hi = max(end, anchor.start() - 30), min(len(text), anchor.end() + 40)
        for pos in _phrase_starts(text, lo, anchor.start()):
            m = _SCOPE.match(text, pos, hi)
            if m and m.end() >= anchor.end():
                out.append((m.start(), m.end(), m.lastgroup or ""))
                end = m.end()
                break
    return out


_ANCHOR_LOWER = re.compile(_SCOPE_ANCHOR.pattern)


def _anchors(text: str) -> Iterator[re.Match[str]]:
    """``_SCOPE_ANCHOR``'s matches, found in the lower-cased text when that keeps the offsets.

    The anchor words are written in lower case; a case-sensitive scan lets ``re`` skip ahead
    on their literal letters, ten times faster than the case-insensitive one (the anchor scan
    was nine tenths of the scope stage).
    """
    lower = text.lower()
    if len(lower) == len(text):
        return _ANCHOR_LOWER.finditer(lower)
    return _SCOPE_ANCHOR.finditer(text)


_WORD_START = re.compile(r"(?<!\w)\w")
_CLITICS = frozenset("وفبل")


def _phrase_starts(text: str, lo: int, anchor: int) -> list[int]:
    """Where a scope phrase holding the anchor at ``anchor`` can start, left to right."""
    starts = []
    for w in _WORD_START.finditer(text, lo, anchor):
        starts += [w.start(), w.start() + 1] if w.group() in _CLITICS else [w.start()]
    return [*starts, anchor]


_CAPTION = re.compile(
    r"^[ \t]*(?:\(?(?:Ảnh|Photo(?: caption)?|Foto|Imagen|Image|Kép|Képaláírás|Фото|На фото"
    r"|Подпись(?: к (?:фото|снимку))?|صورة|تعليق الصورة|图片(?:说明)?|照片|图|圖|Caption"
    r"|Bildunterschrift|Onderschrift|Bijschrift|Légende(?: photo)?|Pie de foto|Leyenda)"
    r"\s*[:：]|图为|圖為)",
    re.IGNORECASE | re.MULTILINE,
)


def scope_level(phrase: str) -> str | None:
    """The level a scope phrase stands for ("toàn tỉnh" -> "province"), else None."""
    m = _SCOPE.fullmatch(phrase.strip())
    return m.lastgroup if m else None


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the photo caption lines (from the caption word to the end of the line)."""
    spans = []
    for m in _CAPTION.finditer(text):
        end = text.find("\n", m.end())
        spans.append((m.start(), len(text) if end < 0 else end))
    return spans


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (photo captions, ...)."""
    return any(a <= pos < b for a, b in spans)


def _of_level(mention: PlaceMention, level: str) -> bool:
    """Whether ``mention`` is a unit of ``level``; "the city" is also a centrally-run city,
    a unit of province level (Hà Nội, Đà Nẵng)."""
    if mention.admin_level == level:
        return True
    return level == "city" and mention.admin_level == "province" and centrally_run(mention.name)


def scoped_places(
    text: str, places: Sequence[PlaceMention], province: PlaceMention | None
) -> list[PlaceMention]:
    """The place mentions with caption places dropped and scope words added (sorted).

    ``province`` is the article's province as a mention (offsets ignored); a province scope
    word becomes that province, a district or commune one the last place of that level named
    before it (outside captions), else the unit of that level the headline or dateline names
    without a level word (:func:`openings.headline_unit`), else an unnamed unit of that level.
    """
    captions = caption_spans(text)
    kept = [p for p in places if not inside(p.start, captions)]
    added: list[PlaceMention] = []
    headline: dict[str, tuple[str, str] | None] = {}
    for start, end, level in scope_matches(text):
        if inside(start, captions) or any(p.start <= start < p.end for p in kept):
            continue
        phrase = text[start:end]
        if level == "national":
            added.append(PlaceMention(start, end, phrase, "", "national", NATIONAL_PROVINCE))
            continue
        if level == "province":
            if province is None:
                continue
            added.append(replace(province, start=start, end=end, text=phrase))
            continue
        before = [p for p in kept if _of_level(p, level) and p.end <= start]
        prov = province.province if province is not None else None
        if before:
            added.append(replace(before[-1], start=start, end=end))
            continue
        if level == "city" and province is not None and centrally_run(province.name):
            added.append(replace(province, start=start, end=end, text=phrase))  # Hà Nội
            continue
        if level not in headline:  # looked up once per level
            headline[level] = headline_unit(text, prov or "", level)
        if headline[level] is not None:  # "Im Kreis ...": the district of the headline
            name, unit_province = headline[level]
            added.append(PlaceMention(start, end, name, name, level, unit_province))
        elif not _ANAPHORA.fullmatch(phrase):  # "the district", "im Kreis" alone say nothing
            added.append(PlaceMention(start, end, phrase, "", level, prov))
    return sorted(kept + added, key=lambda p: p.start)


_TIER_RANK = {"village": 0, "commune": 1, "district": 2, "province": 3, "national": 4}
"""Size of a unit's tier (``gazetteer.UNIT_TIERS``): a larger unit holds the smaller."""


def level_rank(level: str) -> int:
    """Size of an admin level's tier ("ward" is a commune, "city" a district ...); -1 when
    the level is unknown or empty."""
    return _TIER_RANK.get(UNIT_TIERS.get(level, level), -1)


_ADDRESS_GAP = re.compile(
    r"[\s,，、،()（）\-–]*(?:(?:a|an|un|une|una|ein|eine|einer|een)\s+(?:[^\W\d_]+\s+){1,3})?"
    r"(?:(?:of|của|thuộc|de|del|de la|du|des|van|van de|der|des|in|im|en|dans|"
    r"в|في|من|的|所属)[\s,]*(?:(?:het|de|der|the|la|le|el)\s+)?(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:(?:province|provincia|provincie|Provinz)(?:\s+[^\W\d_]+)?\s+(?:of|de|del|van|von)\s+)?)?"
    r"(?:[^,.;:!?\n\d]{1,40}[,，、،][\s]*)?"
    r"(?:(?:التابعة|التابع)\s*)?[بل]?",
    re.IGNORECASE,
)
"""What may stand between a unit and the larger unit that holds it in an address: commas,
brackets, an apposition ("A Luoi, a mountainous district of Thua Thien Hue"), "of", "in het"
("gemeente Xuan Giang, in het district Soc Son"), a region's name after it and a province
word with its "of" ("Kien Luong district in the Mekong Delta province of Kien Giang", "en la
provincia norteña de Phu Tho"), a middle unit not recognised as one, up to its comma
("Gemeinde Tan Phu in der Kleinstadt (Thi xa) Cai Lay, Provinz Tien Giang"), Arabic
"التابعة ل" (belonging to) and the clitics "ب" / "ل" glued to the larger unit's level word."""


def _rank(mention: PlaceMention) -> int:
    return level_rank(mention.admin_level)


def address_chains(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Mentions with each larger unit written right after a smaller one (an address) replaced
    by that smaller unit, at its own offsets; ``places`` sorted by offset."""
    out: list[PlaceMention] = []
    for mention in places:
        if out:
            prev = out[-1]
            gap = _ADDRESS_GAP.fullmatch(text, prev.end, mention.start)
            if gap is not None and prev.end <= mention.start and _rank(prev) < _rank(mention):
                mention = replace(prev, start=mention.start, end=mention.end)
        out.append(mention)
    return out


@cache
def _former(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's former-unit words before a name (with an optional level word and
    linker between: "the former province of") and after it ("cũ", "السابقة")."""
    places = section(lang, "places")
    before, after = places.get("former_before", []), places.get("former_after", [])
    return (
        re.compile(
            rf"(?<!\w)(?:{alternation(before)})\s*(?:[^\W\d]+\s+(?:(?:of|de|del|du|van|von)\s+)?)?$",
            re.IGNORECASE,
        )
        if before
        else None,
        re.compile(rf"\s*(?:{alternation(after)})(?!\w)", re.IGNORECASE) if after else None,
    )


def former_places(text: str, places: Sequence[PlaceMention], lang: str) -> list[PlaceMention]:
    """The mentions, each widened over the former-unit words written around it."""
    before, after = _former(lang)
    out = []
    for p in places:
        start, end = p.start, p.end
        if before is not None and (m := before.search(text, max(0, start - 40), start)):
            start = m.start()
        if after is not None and (m := after.match(text, end)):
            end = m.end()
        if (start, end) != (p.start, p.end) and p.start >= 0:
            p = replace(p, start=start, end=end, text=text[start:end], former=True)
        out.append(p)
    return out


_ECHO_LEVELS = frozenset({"district", "commune", "ward", "town", "village", "city"})


_CASE_ENDING = r"(?:(?<=[а-яё])(?:ом|ой|ем|а|е|у|ы|и))?"
"""A Russian case ending on a name written in Cyrillic ("в Чьенгсоме", "Чьенгсома"): the
name declines, the unit is the same."""


def named_again(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The mentions plus every later bare use of a unit's name, at the unit's level (sorted).

    "la commune de Nam Khat ... Début mars 2025, Nam Khat est devenue la première localité à
    remplir 19/19 critères": once a unit has been introduced with its level word, reports
    name it alone, and the bare name still points at that unit. Only names written in capitals
    of two letters or more, of one level in the article (a name shared by a district and its
    town says nothing alone) and outside any other mention count; a Russian name may carry
    its case ending (``_CASE_ENDING``).
    """
    levels: dict[str, set[str]] = {}
    for p in places:
        levels.setdefault(p.name, set()).add(p.admin_level)
    first: dict[str, PlaceMention] = {}  # the mention that introduces each name
    for p in sorted(places, key=lambda p: p.start):
        if p.admin_level in _ECHO_LEVELS and len(levels[p.name]) == 1 and _capitalised(p.name):
            first.setdefault(p.name, p)
    if not first:
        return list(places)
    names = sorted(first, key=len, reverse=True)
    bare = re.compile(rf"(?<!\w)(?P<name>{'|'.join(map(re.escape, names))}){_CASE_ENDING}(?!\w)")
    taken = sorted((p.start, p.end) for p in places)
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # furthest end up to each mention
    added = []
    for m in bare.finditer(text):  # one scan for every name, not one per mention
        unit = first[m.group("name")]
        i = bisect_right(starts, m.start())
        covered = (i and reach[i - 1] > m.start()) or (i < len(taken) and taken[i][0] < m.end())
        if m.start() >= unit.end and not covered:
            added.append(replace(unit, start=m.start(), end=m.end(), text=unit.name))
    return sorted([*places, *added], key=lambda p: p.start)


def _capitalised(name: str) -> bool:
    """A name of three letters or more, every word capitalised (so no Arabic or Chinese: a
    bare word of a script without capitals is too often no name)."""
    return len(name) >= 3 and all(w[:1].isupper() for w in name.split())


@cache
def _not_place_words(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    places = section(lang, "places")
    before = places.get("landmark_before", []) + places.get("outlet_before", [])
    after = places.get("outlet_after", [])
    capital = places.get("capital_of", [])
    # "capital of the northern province of Phu Tho": up to four words before the unit
    parts = [alternation(before)] if before else []
    parts += [rf"(?:{alternation(capital)})(?:\s+[^\W\d]+){{0,4}}"] if capital else []
    return (
        re.compile(rf"(?:{'|'.join(parts)})\s*$", re.IGNORECASE) if parts else None,
        re.compile(rf"\s*(?:{alternation(after)})", re.IGNORECASE) if after else None,
    )


def without_landmarks(text: str, places: Sequence[PlaceMention], lang: str) -> list[PlaceMention]:
    """The mentions less those written as a landmark ("nördlich von Hanoi", "near Hue", the
    province a city is the capital of: ``capital_of``) or as the name of a news outlet
    ("informa el periódico Dak Lak", "the Lang Son newspaper": ``outlet_before``,
    ``outlet_after``).

    Why: a landmark locates the unit the article is about; taken as a place, it becomes the
    place of every figure after it ("Die Provinz Vinh Phuc nördlich von Hanoi ... 20.600
    Milliarden Dong" is Vinh Phuc's money, not Hanoi's).
    """
    before, after = _not_place_words(lang)
    route = _route_ends(text, places)
    return [
        p
        for i, p in enumerate(places)
        if not (before and before.search(text, max(0, p.start - 60), p.start))
        and not (after and after.match(text, p.end))
        and i not in route
    ]


_ROUTE_DASH = re.compile(r"\s*[-–—]\s*")


def _route_ends(text: str, places: Sequence[PlaceMention]) -> set[int]:
    """Indices of the mentions joined to a neighbour by a dash: "the Hanoi - Lao Cai railway",
    "cao tốc Bắc - Nam" name a route between places, none of which the figures are about."""
    joined = set()
    for i in range(len(places) - 1):
        a, b = places[i], places[i + 1]
        if a.end <= b.start and _ROUTE_DASH.fullmatch(text, a.end, b.start):
            joined |= {i, i + 1}
    return joined
