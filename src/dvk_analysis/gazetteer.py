"""The gazetteer: provinces and administrative units, before and after the 2025 merger.

Two geographies coexist in the corpus: the 63 provinces (with 696 districts and 10,035
communes) that existed until 30 June 2025, and the 34 provinces (3,321 communes and wards, no
districts) created on 1 July 2025. Articles use either, in ten languages, with or without
diacritics, so every name is compared through a *key*: diacritics folded, "đ" -> "d", case
folded, separators dropped ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau", "BA RIA VUNG TAU" all give
``bariavungtau``).

The unit lists come from the ``vietnamadminunits`` package (its SQLite file
``data/dataset.db`` and ``data/converter_2025.json``), read directly and lazily: importing the
package itself loads its parsers, which ``dvk --help`` must not pay for. Names the package does
not know (city nicknames, abbreviations, Chinese and Russian province names) are in
``resources/place_aliases.csv``, which researchers extend without touching code.

Every layer uses this module (extraction, validation, the panel, reports); finding place
*mentions* in text is ``dvk_analysis.text.places``.
"""

from __future__ import annotations

import csv
import difflib
import importlib.util
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

GEOGRAPHIES: tuple[str, ...] = ("legacy", "2025")
"""``legacy``: the 63 provinces before 1 July 2025; ``2025``: the 34 provinces after it."""


class UnknownPlaceError(ValueError, LookupError):
    """A province name that matches no legacy or 2025 province, nor any alias.

    It is both a ``ValueError`` (bad input) and a ``LookupError`` (failed look-up), so callers
    catching either see it.
    """


@dataclass(frozen=True, slots=True)
class Province:
    """One province (or centrally governed city) in one geography.

    Attributes
    ----------
    name
        Canonical Vietnamese name with diacritics, without "Tỉnh"/"Thành phố" ("Hà Tĩnh",
        "Hồ Chí Minh", "Bà Rịa - Vũng Tàu").
    slug
        ``slugify(name)`` ("ha-tinh").
    code
        GSO two-digit code ("42").
    geography
        ``"legacy"`` or ``"2025"``.
    successor_2025
        For a legacy province, the name of the 2025 province it belongs to (itself when it was
        not merged); ``None`` for a 2025 province.
    merged_from
        For a 2025 province, the legacy provinces it was formed from (itself included); empty
        for a legacy province.
    full_name
        The official name with its type ("Tỉnh Hà Tĩnh", "Thành phố Hồ Chí Minh").
    """

    name: str
    slug: str
    code: str
    geography: str
    successor_2025: str | None = None
    merged_from: tuple[str, ...] = ()
    full_name: str = ""


# --- keys -----------------------------------------------------------------------------------


def _fold_char(ch: str) -> str:
    """Return ``ch`` without diacritics, always one character (so offsets survive folding)."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


@cache
def _fold_table() -> str:
    """Translation table for the Latin letters with diacritics (built once).

    A string indexed by code point, not a dict: ``str.translate`` reads it about twice as
    fast, and characters past its end (``IndexError``) are left as they are.
    """
    return "".join(_fold_char(chr(cp)) for cp in range(0x1F00))


def fold(text: str) -> str:
    """Return ``text`` with Latin diacritics removed and "đ" -> "d", same length.

    Length is preserved character for character so that offsets found in the folded text are
    offsets in the original.
    """
    return text.translate(_fold_table())


def slugify(name: str) -> str:
    """Return an ASCII slug: lowercase, diacritics removed, "đ" -> "d", words joined by "-".

    Letters the slug cannot transliterate (Arabic, Chinese, Cyrillic) are dropped, so such a
    name gives ``""``; callers that need a key for them use the letters themselves.

    Examples
    --------
    >>> slugify("Bà Rịa - Vũng Tàu")
    'ba-ria-vung-tau'
    >>> slugify("Đắk Lắk")
    'dak-lak'
    """
    ascii_text = fold(unicodedata.normalize("NFC", name)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def name_key(name: str) -> str:
    """Return the comparison key of a name: folded, lowercase, letters and digits only."""
    folded = fold(unicodedata.normalize("NFC", name)).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


_PROVINCE_AFFIXES = (
    "thanhphotructhuoctrunguong",
    "thanhpho",
    "tinh",
    "tp",
    "provinceof",
    "cityof",
    "provincia de",
    "provincede",
    "provinciade",
    "provincie",
    "provinz",
    "province",
    "city",
    "tartomany",
)


@cache
def _affix_keys() -> tuple[str, ...]:
    return tuple(sorted({name_key(a) for a in _PROVINCE_AFFIXES}, key=len, reverse=True))


def _strip_affixes(key: str) -> str:
    """Drop one leading and one trailing province-type word ("tinh", "province", "city")."""
    for affix in _affix_keys():
        if key.startswith(affix) and len(key) > len(affix) + 1:
            key = key[len(affix) :]
            break
    for affix in _affix_keys():
        if key.endswith(affix) and len(key) > len(affix) + 1:
            key = key[: -len(affix)]
            break
    return key


# --- the administrative-unit tables ---------------------------------------------------------


def _vau_data_dir() -> Path:
    """Return ``vietnamadminunits/data`` without importing the package (its import is slow)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(
            "places needs the 'vietnamadminunits' package (>= 1.0.4): "
            "install it with `pip install vietnamadminunits`"
        )
    return Path(spec.origin).parent / "data"


@cache
def _rows(table: str) -> list[dict]:
    """Return every row of a ``vietnamadminunits`` table (``admin_units``/``_legacy``)."""
    cols = {
        "admin_units_legacy": "province, provinceShort, provinceCode, provinceKey, provinceAlias,"
        " districtShort, districtType, districtCode, districtKey,"
        " wardShort, wardType, wardCode, wardKey",
        "admin_units": "province, provinceShort, provinceCode, provinceKey, provinceAlias,"
        " wardShort, wardType, wardCode, wardKey",
    }[table]
    with sqlite3.connect(_vau_data_dir() / "dataset.db") as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT {cols} FROM [{table}]")]


@cache
def _converter() -> dict:
    """Return ``converter_2025.json`` (maps legacy provinces and communes to 2025 ones)."""
    return json.loads((_vau_data_dir() / "converter_2025.json").read_text("utf-8"))


@cache
def province_tables() -> dict[str, dict[str, Province]]:
    """Return ``{"legacy": {name: Province}, "2025": {name: Province}}``."""
    by_key: dict[str, dict[str, tuple[str, str, str]]] = {"legacy": {}, "2025": {}}
    for geo, table in (("legacy", "admin_units_legacy"), ("2025", "admin_units")):
        for r in _rows(table):
            by_key[geo][r["provinceKey"]] = (r["provinceShort"], r["provinceCode"], r["province"])
    merged = _converter()["DICT_PROVINCE"]  # 2025 key -> [legacy keys]
    successor = {old: new for new, olds in merged.items() for old in olds}
    out: dict[str, dict[str, Province]] = {"legacy": {}, "2025": {}}
    for pkey, (name, code, full) in by_key["legacy"].items():
        succ = by_key["2025"][successor[pkey]][0]
        out["legacy"][name] = Province(name, slugify(name), code, "legacy", succ, (), full)
    for pkey, (name, code, full) in by_key["2025"].items():
        members = tuple(sorted(by_key["legacy"][k][0] for k in merged[pkey]))
        out["2025"][name] = Province(name, slugify(name), code, "2025", None, members, full)
    return out


@cache
def alias_rows() -> list[dict[str, str]]:
    """Return the rows of ``resources/place_aliases.csv`` (alias, province, lang, note)."""
    path = resources.files("dvk_analysis").joinpath("resources/place_aliases.csv")
    return list(csv.DictReader(path.read_text("utf-8").splitlines()))


@cache
def _province_index() -> dict[str, str]:
    """Return ``key -> canonical legacy province name`` for names, full names and aliases."""
    tables = province_tables()
    index: dict[str, str] = {}
    for geo in ("2025", "legacy"):  # legacy last: a shared name resolves to the legacy unit
        for p in tables[geo].values():
            for variant in (p.name, p.full_name):
                index[name_key(variant)] = p.name
    for r in _rows("admin_units_legacy"):
        for alias in json.loads(r["provinceAlias"] or "[]"):
            index.setdefault(name_key(alias), r["provinceShort"])
    for row in alias_rows():
        index[name_key(row["alias"])] = row["province"]
    return index


@cache
def province_coordinates(geography: str = "legacy") -> dict[str, tuple[float, float]]:
    """Each province's (longitude, latitude) in decimal degrees, from ``vietnamadminunits``.

    The point is the one the package records for the province (its seat), which is what a
    bubble map without a basemap needs; no boundary data is shipped or fetched.
    """
    if geography not in GEOGRAPHIES:
        raise ValueError(f"unknown geography {geography!r}; valid: {', '.join(GEOGRAPHIES)}")
    table = "admin_units_legacy" if geography == "legacy" else "admin_units"
    query = f"SELECT DISTINCT provinceCode, provinceLon, provinceLat FROM [{table}]"
    with sqlite3.connect(_vau_data_dir() / "dataset.db") as conn:
        points = {code: (lon, lat) for code, lon, lat in conn.execute(query)}
    return {p.name: points[p.code] for p in provinces(geography)}


def provinces(geography: str = "legacy") -> list[Province]:
    """Return the provinces of one geography, ordered by GSO code.

    Parameters
    ----------
    geography
        ``"legacy"`` (63 provinces, before 1 July 2025) or ``"2025"`` (34 provinces).
    """
    if geography not in GEOGRAPHIES:
        raise ValueError(f"unknown geography {geography!r}; valid: {', '.join(GEOGRAPHIES)}")
    return sorted(province_tables()[geography].values(), key=lambda p: p.code)


def resolve_province(name: str, geography: str | None = None) -> Province:
    """Return the province called ``name``.

    Accepts any case, with or without diacritics, slugs ("ha-tinh", "ha_tinh"), type words
    ("tỉnh Hà Tĩnh", "Ha Tinh province", "TP HCM"), legacy and 2025 names, and the aliases of
    ``resources/place_aliases.csv``.

    Parameters
    ----------
    name
        The name as written.
    geography
        ``None`` returns the legacy province when the name is one (every 2025 name is also a
        legacy name), else the 2025 one. ``"legacy"`` or ``"2025"`` forces the geography: a
        merged legacy province asked for in ``"2025"`` gives its successor.

    Raises
    ------
    UnknownPlaceError
        When nothing matches; the message lists the closest names.
    """
    if geography is not None and geography not in GEOGRAPHIES:
        raise ValueError(f"unknown geography {geography!r}; valid: {', '.join(GEOGRAPHIES)}")
    if not isinstance(name, str) or not name.strip():
        raise UnknownPlaceError(
            f"empty province name {name!r}; give a name such as 'Hà Tĩnh' or 'Ha Tinh' "
            "(see dvk_analysis.places.provinces() for all valid names)"
        )
    canonical = _canonical(name)
    if canonical is None:
        raise UnknownPlaceError(_unknown_message(name))
    tables = province_tables()
    legacy = tables["legacy"].get(canonical)
    if geography == "2025" or (legacy is None and geography is None):
        return tables["2025"][legacy.successor_2025 if legacy else canonical]
    if legacy is None:  # a 2025-only name asked for in the legacy geography
        raise UnknownPlaceError(
            f"{name!r} is a 2025 province with no legacy counterpart of that name; "
            f"it was formed from {', '.join(tables['2025'][canonical].merged_from)}"
        )
    return legacy


def _canonical(name: str) -> str | None:
    """Canonical legacy (or 2025-only) name of the province called ``name``, else None."""
    index = _province_index()
    key = name_key(name)
    return index.get(key) or index.get(_strip_affixes(key))


def find_province(name: str) -> Province | None:
    """``resolve_province(name)``, or None where it raises: for names read from a text,
    most of which are no province, without building the error message (a fuzzy search)."""
    if not name.strip():
        return None
    canonical = _canonical(name)
    if canonical is None:
        return None
    tables = province_tables()
    legacy = tables["legacy"].get(canonical)
    return legacy if legacy is not None else tables["2025"][canonical]


def _unknown_message(name: str) -> str:
    """Explain an unknown province name, with the closest valid names.

    The name is shown in NFC, so a name typed in decomposed form (NFD) does not look like the
    valid name it failed to match.
    """
    name = unicodedata.normalize("NFC", name)
    tables = province_tables()
    names = sorted({p.name for geo in tables.values() for p in geo.values()})
    by_slug = {slugify(n): n for n in names}
    close = difflib.get_close_matches(slugify(name), list(by_slug), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(by_slug[c] for c in close)}" if close else ""
    return (
        f"unknown province {name!r}{hint}. `dvk provinces` lists every valid name (legacy and "
        "2025); add a spelling to src/dvk_analysis/resources/place_aliases.csv"
    )


def successor_2025(legacy_name: str) -> str:
    """Return the name of the 2025 province that a legacy (or 2025) province belongs to.

    >>> successor_2025("Hà Giang")
    'Tuyên Quang'
    """
    return resolve_province(legacy_name, geography="2025").name


# --- sub-province units ---------------------------------------------------------------------

UNIT_TIERS = {
    "province": "province",
    "city": "district",
    "district": "district",
    "commune": "commune",
    "ward": "commune",
    "village": "village",
    "residential_group": "village",
}
"""Which table tier a level word points to (a city may be a province-level or district one)."""


@dataclass(frozen=True, slots=True)
class _Unit:
    tier: str  # "district" or "commune"
    province: str  # legacy province name
    legacy_code: str | None
    code_2025: str | None
    province_2025: str


@cache
def _unit_index() -> dict[tuple[str, str], list[_Unit]]:
    """Return ``(tier, name key) -> units`` over legacy districts/communes and 2025 communes."""
    tables = province_tables()
    legacy = tables["legacy"]
    by_code_2025 = {p.code: p.name for p in tables["2025"].values()}
    new_codes = {(r["provinceKey"], r["wardKey"]): r["wardCode"] for r in _rows("admin_units")}
    old_to_new = _legacy_ward_to_2025()
    index: dict[tuple[str, str], list[_Unit]] = {}
    seen_districts: set[str] = set()
    for r in _rows("admin_units_legacy"):
        prov = r["provinceShort"]
        succ = legacy[prov].successor_2025
        if r["districtCode"] not in seen_districts:
            seen_districts.add(r["districtCode"])
            unit = _Unit("district", prov, r["districtCode"], None, succ)
            index.setdefault(("district", name_key(r["districtShort"])), []).append(unit)
        if r["wardShort"]:
            new = old_to_new.get(f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}")
            code_2025 = new_codes.get(new) if new else None
            unit = _Unit("commune", prov, r["wardCode"], code_2025, succ)
            index.setdefault(("commune", name_key(r["wardShort"])), []).append(unit)
    for r in _rows("admin_units"):
        succ = by_code_2025[r["provinceCode"]]
        members = tables["2025"][succ].merged_from
        key = ("commune", name_key(r["wardShort"]))
        units = index.setdefault(key, [])
        if not any(u.province_2025 == succ for u in units):
            prov = members[0] if len(members) == 1 else None
            units.append(_Unit("commune", prov or "", None, r["wardCode"], succ))
    return index


def _legacy_ward_to_2025() -> dict[str, tuple[str, str]]:
    """Return ``legacy "province_district_ward" key -> (2025 province key, 2025 ward key)``."""
    conv = _converter()
    out: dict[str, tuple[str, str]] = {}
    for new_prov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                out[old] = (new_prov, new_ward)
    for new_prov, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            default = next((o["newWardKey"] for o in options if o["isDefaultNewWard"]), None)
            if default:
                out.setdefault(old, (new_prov, default))
    return out


def known_name(name: str, level: str) -> bool:
    """Whether some province, district or commune anywhere is called ``name`` at ``level``:
    tells a place's first syllable from a word of the text's language ("Ha Tinh", "Than
    Uyen" against Hungarian "ha" (if) and English "than")."""
    tier = UNIT_TIERS.get(level)
    if tier == "province":
        return find_province(name) is not None
    return tier in ("district", "commune") and (tier, name_key(name)) in _unit_index()


def lookup_unit(name: str, level: str, hint: Province | None) -> _Unit | None:
    """Return the unit called ``name`` at ``level``, preferring the hinted province."""
    tier = UNIT_TIERS[level]
    if tier not in ("district", "commune"):
        return None
    candidates = list(_unit_index().get((tier, name_key(name)), []))
    if level == "city":  # "Stadt", "town" also name townships (thị trấn), listed as communes
        candidates += _unit_index().get(("commune", name_key(name)), [])
    if hint is not None:
        succ = hint.successor_2025 if hint.geography == "legacy" else hint.name
        inside = [u for u in candidates if u.province == hint.name]
        candidates = inside or [u for u in candidates if u.province_2025 == succ]
        return candidates[0] if candidates else None
    provinces_seen = {u.province_2025 for u in candidates}
    return candidates[0] if len(provinces_seen) == 1 else None


@cache
def resolve_unit_name(
    name: str, level: str, hint: Province | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """Return (province, legacy_code, code_2025, province_2025) for a name at a level.

    Cached: the reference tables do not change in a process, and an article names the same
    few units again and again.

    A unit inside the hinted province, in either geography, gets the hint as its province
    (a commune of legacy Quảng Nam in an article about 2025 Đà Nẵng is reported under Đà
    Nẵng, as the codebook's ``province`` column is the article's province).
    """
    if level in ("province", "city"):
        p = find_province(name)
        if p is not None:
            succ = resolve_province(p.name, "2025")
            return p.name, p.code, succ.code, succ.name
    unit = lookup_unit(name, level, hint)
    if unit is None and hint is not None and _CYRILLIC.search(name):
        unit = _lookup_cyrillic(name, level, hint)
    if unit is None:
        return _hint_name(hint), None, None, _hint_2025(hint)
    province = unit.province or None
    if hint is not None and unit.province_2025 == _hint_2025(hint):
        province = _hint_name(hint) or province
    return province, unit.legacy_code, unit.code_2025, unit.province_2025


@cache
def unit_codes(name: str, level: str, province: str | None) -> tuple[str | None, str | None]:
    """The GSO codes (legacy, 2025) of a named unit inside ``province``; None where unknown.

    ``name`` may be written with or without diacritics or level words ("Thien Loc",
    "thienloc"). Villages have no code in the tables, nor do districts after 2025 (the
    district tier was abolished). Used to give panel units their administrative codes.
    """
    hint = find_province(province) if province else None
    if level in ("province", "city") and hint is not None and name_key(name) == name_key(hint.name):
        name = hint.name
    _, legacy, new, _ = resolve_unit_name(name, level, hint)
    return legacy, new


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYR_MULTI = (("тх", "th"), ("кх", "kh"), ("нь", "nh"), ("ку", "qu"))
_CYR_ONE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "o", "ж": "gi",
    "з": "d", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "ph", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "s", "щ": "s", "ъ": "", "ы": "u", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip


def _cyrillic_key(name: str) -> str:
    """Transliterate a Russian spelling of a Vietnamese name to an approximate key.

    Russian follows Kontsevich's transcription loosely ("Чодон" = Chợ Đồn, "Куангтхинь" =
    Quảng Thịnh); the result is only close to the Vietnamese key, so it is compared fuzzily.
    """
    text = name.casefold().replace("-", "").replace(" ", "")
    for ru, lat in _CYR_MULTI:
        text = text.replace(ru, lat)
    return "".join(_CYR_ONE.get(ch, ch) for ch in text)


@cache
def _keys_in(tier: str, province_2025: str) -> dict[str, list[_Unit]]:
    """Return ``key -> units`` of one tier inside one 2025 province (for fuzzy look-up)."""
    out: dict[str, list[_Unit]] = {}
    for (t, key), units in _unit_index().items():
        if t == tier:
            inside = [u for u in units if u.province_2025 == province_2025]
            if inside:
                out[key] = inside
    return out


def _lookup_cyrillic(name: str, level: str, hint: Province) -> _Unit | None:
    """Resolve a Russian spelling inside the hinted province by the closest key (ratio >= 0.88)."""
    tier = UNIT_TIERS[level]
    if tier not in ("district", "commune"):
        return None
    keys = _keys_in(tier, _hint_2025(hint) or hint.name)
    close = difflib.get_close_matches(_cyrillic_key(name), list(keys), n=1, cutoff=0.88)
    if not close:
        return None
    units = keys[close[0]]
    inside = [u for u in units if u.province == hint.name]
    return (inside or units)[0]


def _hint_name(hint: Province | None) -> str | None:
    if hint is None:
        return None
    return hint.name if hint.geography == "legacy" else None


def _hint_2025(hint: Province | None) -> str | None:
    if hint is None:
        return None
    return hint.successor_2025 if hint.geography == "legacy" else hint.name
