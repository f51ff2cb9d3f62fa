"""From claims to a panel: one row per unit and period, one column per indicator.

Observations arrive at mixed levels (province, district, commune, village), over periods of
different precision, as exact numbers or as bounds ("more than 19,300"), and sometimes twice (a
translation repeats the figures of its original). :func:`build_panel` turns them into a panel in
four vectorised steps, each of which is visible in the result:

1. **Screen.** Rows that cannot enter a panel cell are excluded *with a reason* (unknown
   indicator, a unit that is not the indicator's unit, a share above 1, a zero denominator, an
   unknown province, no admin level, no period). ``Panel.exclusions`` lists every reason with its
   count and the observation ids; nothing is dropped silently.
2. **Count each story once.** Rows of articles in the same story (an original and its
   translations) with the same indicator, value, admin level, province and period years are one
   claim. The place text is *not* part of that key because translations write it in their own
   script ("Thien Loc", "ثين لوك"); the qualifier is not either, because translators render
   "gần" as "nearly" or "about". The claim keeps the original article's row (else the latest).
3. **Resolve competition.** A cell is (unit, period years, indicator). When several claims
   compete for it, the winner is chosen by :data:`PRIORITY`: exact over qualified, then the more
   specific period (month or day precision over a bare year) and place (a named place over an
   empty one), then the later article, then the larger value (an article that gives a total and
   its parts for one unit reports the total as the largest number). Losers are listed in
   ``exclusions`` as "superseded".
4. **Bounds.** Qualified numbers become a ``low``/``mid``/``high`` band (:data:`BOUND_RULES`,
   half-width :data:`BAND`); the panel is shown in one of these views.

Caveats (small n, tens of units)
--------------------------------
* Periods are coarsened to calendar years in the unit key, so "2023-01..2023-09" and "2023"
  are the same period; the more precise one wins. A claim with no period ends in the
  publication year and has an unknown start (``period_start`` is missing: "cumulative up to").
* Sub-province places are matched by a slug of the text as written, so the same commune named
  in two languages in two different stories forms two units. Province-level claims are keyed by
  the canonical province name, which is reliable.
* The band (±10 %) is a convention, not an estimate; report results under ``low`` and ``high``
  as well as ``mid``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal

from dvk_analysis.analysis.checks import BOUND_VIEWS  # one definition of each concept
from dvk_analysis.codebook import ADMIN_LEVELS, QUALIFIERS, indicators
from dvk_analysis.gazetteer import GEOGRAPHIES

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

log = logging.getLogger(__name__)

Geography = Literal["legacy", "2025"]
Bound = Literal["low", "mid", "high"]

BAND = 0.10
"""Relative half-width of the uncertainty band of a qualified number (10 %).

"About 8,000" is read as 7,200..8,800; "more than 19,300" as 19,300..21,230. Reports in this
corpus round to two or three significant figures, so 10 % covers the rounding; it is a stated
convention, to be varied in sensitivity analyses, not an estimate.
"""

BOUND_RULES: dict[str, tuple[float, float, float]] = {
    "exact": (0.0, 0.0, 0.0),
    "about": (-1.0, 0.0, 1.0),
    "more_than": (0.0, 0.5, 1.0),
    "at_least": (0.0, 0.5, 1.0),
    "nearly": (-1.0, -0.5, 0.0),
    "up_to": (-1.0, -0.5, 0.0),
    "less_than": (-1.0, -0.5, 0.0),
}
"""Multiples of :data:`BAND` added to 1 for (low, mid, high): ``bound = value * (1 + k * BAND)``.

* ``exact``: low = mid = high = value.
* ``about`` (a band): low = value (1 - BAND), mid = value, high = value (1 + BAND).
* ``more_than``/``at_least`` (a lower bound): low = value, mid = value (1 + BAND/2),
  high = value (1 + BAND).
* ``nearly``/``up_to``/``less_than`` (an upper bound): low = value (1 - BAND),
  mid = value (1 - BAND/2), high = value. "Up to" and "less than" can hide a much smaller number;
  the band treats them like "nearly", which is how these reports use them.
"""

UNIT_COLUMNS: tuple[str, ...] = (
    "place_key",
    "admin_level",
    "province",
    "period_start",
    "period_end",
)
"""Columns that identify a panel row (periods are calendar years; a missing start means
"cumulative up to period_end")."""

PRIORITY: tuple[str, ...] = (
    "exact first",
    "finer period precision",
    "named place",
    "later publication",
    "larger value",
    "observation_id",
)
"""Order in which competing claims for one cell are ranked (see the module docstring)."""

REQUIRED: tuple[str, ...] = (
    "observation_id",
    "indicator",
    "value",
    "qualifier",
    "admin_level",
    "province",
    "period_start",
    "period_end",
)
"""Columns :func:`build_panel` needs; ``article_id``, ``source_url``, ``unit``, ``denominator``,
``place``, ``published`` and ``story_id`` are used when present."""


class PanelInputError(ValueError):
    """The observations cannot be turned into a panel at all (missing columns, duplicate ids)."""


@dataclass(frozen=True)
class Panel:
    """A built panel.

    Attributes
    ----------
    long
        One row per cell: the unit columns (:data:`UNIT_COLUMNS`), ``place`` (as written by the
        claim that won), ``province_reported`` (the province the claim named, as of its date:
        under the 2025 geography ``province`` is the successor, this stays the legacy
        province, which the NTM status join needs), ``indicator``, ``value``, ``qualifier``,
        ``low``, ``mid``, ``high``, ``denominator``, ``n_claims`` (distinct claims that competed
        for the cell, translations counted once) and ``observation_ids`` (';'-joined ids behind
        the winning claim: the original and its translations).
    exclusions
        ``step`` (``panel``), ``reason``, ``count``, ``ids`` (observation ids; the one layout
        :data:`dvk_analysis.data.schema.EXCLUSION_COLUMNS`): every observation that is not
        behind a cell, grouped by why.
    geography, bound
        The province geography of the ``province`` column and the default view.
    """

    long: pd.DataFrame
    exclusions: pd.DataFrame
    geography: str = "legacy"
    bound: str = "mid"
    _views: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def table(self) -> pd.DataFrame:
        """The wide panel in the default view (``bound``)."""
        return self.wide(self.bound)

    @property
    def sources(self) -> pd.DataFrame:
        """The observations behind every cell: unit columns, ``indicator``, ``observation_ids``."""
        return self.long[[*UNIT_COLUMNS, "indicator", "observation_ids"]].copy()

    def panel_long(self) -> pd.DataFrame:
        """Tidy table: unit, period, indicator, low, mid, high, n_claims, observation_ids."""
        keep = [*UNIT_COLUMNS, "place", "indicator", "low", "mid", "high", "n_claims"]
        return self.long[[*keep, "observation_ids"]].copy()

    def wide(self, bound: str | None = None) -> pd.DataFrame:
        """Return one row per unit and period, one column per indicator in the ``bound`` view.

        Claims of the form "x of y" add a ``<indicator>__denominator`` column.
        """
        bound = _check_choice(bound or self.bound, BOUND_VIEWS, "bound")
        if bound not in self._views:
            self._views[bound] = _widen(self.long, bound)
        return self._views[bound].copy()


def panel_long(panel: Panel) -> pd.DataFrame:
    """Tidy view of ``panel`` (see :meth:`Panel.panel_long`)."""
    return panel.panel_long()


def bounds(values: np.ndarray, qualifiers: np.ndarray, band: float = BAND) -> np.ndarray:
    """Return an (n, 3) array of low, mid, high for ``values`` under :data:`BOUND_RULES`.

    Raises
    ------
    ValueError
        When a qualifier is not in the codebook or ``band`` is not in [0, 1).
    """
    import numpy as np
    import pandas as pd

    if not 0 <= band < 1:
        raise ValueError(f"band must be in [0, 1), got {band!r}")
    rules = pd.DataFrame.from_dict(BOUND_RULES, orient="index", columns=list(BOUND_VIEWS))
    quals = pd.Index(np.asarray(qualifiers, dtype=object))
    unknown = sorted({str(q) for q in quals[~quals.isin(rules.index)]})
    if unknown:
        raise ValueError(f"unknown qualifier(s) {unknown}; valid: {', '.join(QUALIFIERS)}")
    k = rules.reindex(quals).to_numpy(dtype=float)
    return np.asarray(values, dtype=float)[:, None] * (1.0 + k * band)


def build_panel(
    observations: pd.DataFrame,
    *,
    stories: Mapping[str, str] | None = None,
    geography: Geography = "legacy",
    bound: Bound = "mid",
) -> Panel:
    """Build the panel from observation rows.

    Parameters
    ----------
    observations
        Rows with the observation columns (``data/curated/observations.csv`` or the enriched
        table of :func:`dvk_analysis.data.dataset.build_dataset`). ``published`` (ISO date) breaks
        ties between competing claims; ``story_id`` groups translations when ``stories`` is not
        given.
    stories
        ``source key -> story id`` where the source key is ``article_id`` (or ``source_url``
        for URL-only rows), e.g. from ``stories.assign_stories``. Without it and without a
        ``story_id`` column, every source is its own story (translations are then *not*
        merged, and their figures compete as separate claims for the same cell).
    geography
        ``"legacy"``: the ``province`` column holds the 63-province name as written;
        ``"2025"``: it holds the 34-province successor (1 July 2025 merger).
    bound
        Default view of :attr:`Panel.table`: ``"low"``, ``"mid"`` or ``"high"``.

    Raises
    ------
    PanelInputError
        When required columns are missing or observation ids repeat.
    """
    geography = _check_choice(geography, GEOGRAPHIES, "geography")
    bound = _check_choice(bound, BOUND_VIEWS, "bound")
    obs = _prepare(observations, stories)
    later = obs["observation_id"].iloc[:0]
    if geography == "legacy":
        obs, later = _without_2025_claims(obs)
    obs, flows = _without_new_recognitions(obs)
    obs, excluded = _screen(obs, _province_mapper(geography))
    excluded += [(LATER_PROVINCE, later), (NEW_RECOGNITIONS, flows)]
    claims = _merge_translations(obs)
    cells, superseded = _resolve_competition(claims)
    excluded.append(("superseded by a competing claim for the same cell", superseded))
    table = _exclusion_table(excluded)
    for reason, count in zip(table["reason"], table["count"], strict=True):
        log.info("build_panel: excluded %d observation(s): %s", count, reason)
    return Panel(long=cells, exclusions=table, geography=geography, bound=bound)


# --- step 0: inputs -------------------------------------------------------------------------


def _check_choice(value: str, valid: tuple[str, ...], what: str) -> str:
    if value not in valid:
        raise ValueError(f"{what} must be one of {', '.join(map(repr, valid))}; got {value!r}")
    return value


def _prepare(observations: pd.DataFrame, stories: Mapping[str, str] | None) -> pd.DataFrame:
    """Check the columns and add ``source_key``, ``story_id``, ``published``."""
    import pandas as pd

    missing = [c for c in REQUIRED if c not in observations.columns]
    if missing:
        raise PanelInputError(
            f"observations lack column(s) {missing}; required: {', '.join(REQUIRED)}"
        )
    obs = observations.reset_index(drop=True).copy()
    dup = obs["observation_id"][obs["observation_id"].duplicated()]
    if len(dup):
        raise PanelInputError(
            f"observation_id must be unique; repeated: {sorted(set(map(str, dup)))[:10]}"
        )
    obs["observation_id"] = obs["observation_id"].astype(str)
    for col in ("article_id", "source_url", "place", "published", "unit", "denominator"):
        if col not in obs.columns:
            obs[col] = pd.NA
    obs["source_key"] = obs["article_id"].fillna(obs["source_url"]).fillna(obs["observation_id"])
    if stories is not None:
        mapped = obs["source_key"].map(dict(stories))
        obs["story_id"] = mapped.fillna(obs["source_key"])
    elif "story_id" in obs.columns:
        obs["story_id"] = obs["story_id"].fillna(obs["source_key"])
    else:
        obs["story_id"] = obs["source_key"]
    for col in ("period_start", "period_end", "published"):
        obs[col] = obs[col].astype("string")
    obs["value"] = pd.to_numeric(obs["value"], errors="coerce")
    obs["denominator"] = pd.to_numeric(obs["denominator"], errors="coerce")
    return obs


# --- step 1: screening ----------------------------------------------------------------------


def _province_mapper(geography: str) -> Callable[[str], str]:
    """Return ``name -> province name in geography``; raises ``LookupError`` when unknown."""
    from dvk_analysis import gazetteer

    if geography == "2025":
        return gazetteer.successor_2025
    return lambda name: gazetteer.resolve_province(name).name


def _map_unique(series: pd.Series, func: Callable[[str], str]) -> pd.Series:
    """Apply ``func`` once per distinct non-missing value; failures become missing."""
    import pandas as pd

    out = {}
    for value in series.dropna().unique():
        try:
            out[value] = func(value)
        except (LookupError, ValueError):
            out[value] = pd.NA
    return series.map(out)


_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _screen(
    obs: pd.DataFrame, province_of: Callable[[str], str]
) -> tuple[pd.DataFrame, list[tuple[str, pd.Series]]]:
    """Drop rows that cannot enter a cell; return the kept rows and (reason, ids) pairs."""
    import numpy as np
    import pandas as pd

    vocab = indicators()
    ind_unit = obs["indicator"].map({k: v.unit for k, v in vocab.items()})
    start, end = obs["period_start"], obs["period_end"]
    published = obs["published"].where(obs["published"].str.match(_PERIOD).fillna(False))
    end_filled = end.fillna(published.str[:4])
    valid = start.str.match(_PERIOD).fillna(True) & end.str.match(_PERIOD).fillna(True)
    bad_period = ~valid.astype(bool)
    obs = obs.assign(
        province_out=_map_unique(obs["province"], province_of),
        province_in=_map_unique(obs["province"], _canonical_name),
    )
    rules = [
        ("unknown indicator (not in the codebook)", ind_unit.isna()),
        (
            "unit is not the indicator's unit (no conversion known)",
            obs["unit"].notna() & ind_unit.notna() & (obs["unit"] != ind_unit),
        ),
        ("unknown qualifier", ~obs["qualifier"].isin(QUALIFIERS)),
        ("value missing, not a number or negative", ~(obs["value"] >= 0)),
        ("denominator zero or negative", obs["denominator"].notna() & ~(obs["denominator"] > 0)),
        ("share above 1 (value > denominator)", obs["value"] > obs["denominator"]),
        ("admin_level missing or unknown", ~obs["admin_level"].isin(ADMIN_LEVELS)),
        ("province missing or unknown", obs["province_out"].isna()),
        ("period not YYYY, YYYY-MM or YYYY-MM-DD", bad_period),
        ("no period end and no publication date", end_filled.isna()),
    ]
    taken = np.zeros(len(obs), dtype=bool)
    excluded = []
    for reason, mask in rules:
        hit = mask.fillna(True).to_numpy(dtype=bool) & ~taken
        excluded.append((reason, obs["observation_id"][hit]))
        taken |= hit
    kept = obs.loc[~taken].copy()
    kept["period_precision"] = np.maximum(
        kept["period_start"].str.len().fillna(0).to_numpy(dtype=int),
        kept["period_end"].str.len().fillna(0).to_numpy(dtype=int),
    )
    kept["period_start"] = pd.to_numeric(kept["period_start"].str[:4]).astype("Int64")
    kept["period_end"] = pd.to_numeric(end_filled[~taken].str[:4]).astype("Int64")
    return kept, excluded


LATER_PROVINCE = "describes a merged 2025 province (from 1 July 2025): no legacy province's figure"
"""Exclusion reason of :func:`_without_2025_claims`."""


def _without_2025_claims(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Rows fit for a legacy cell, and the ids of rows about a merged 2025 province.

    On the legacy map a claim of 2025-10 about Tuyên Quang (Hà Giang included since the
    merger) would sit in legacy Tuyên Quang's cell; see
    :func:`dvk_analysis.data.merger.describes_2025_province`.
    """
    from dvk_analysis.data.merger import describes_2025_province

    named = obs.assign(province=_map_unique(obs["province"], _canonical_name))
    later = describes_2025_province(named).to_numpy(dtype=bool)
    return obs.loc[~later], obs["observation_id"][later]


STATUS_INDICATORS: tuple[str, ...] = (
    "communes_meeting_ntm",
    "share_communes_meeting_ntm",
    "districts_meeting_ntm",
)
"""Indicators whose cell is a status (units recognised by a date), never a flow."""

NEW_RECOGNITIONS = "newly recognised in the period (measure=new): a flow, never a status or share"
"""Exclusion reason of :func:`_without_new_recognitions`."""


def _without_new_recognitions(obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Rows fit for a cell, and the ids of new-in-period NTM recognition counts.

    "11 communes newly recognised in 2021" in a ``communes_meeting_ntm`` cell would be
    divided by the province's communes (``metrics.ntm_commune_share``) and read as 2 % of
    communes meeting NTM; the outcome (``analysis.outcomes``) leaves such counts out for the
    same reason. They stay in the claims and the province table, marked ``measure = new``.
    """
    if "measure" not in obs:
        return obs, obs["observation_id"].iloc[:0]
    new = (obs["measure"].eq("new") & obs["indicator"].isin(STATUS_INDICATORS)).fillna(False)
    new = new.to_numpy(dtype=bool)
    return obs.loc[~new], obs["observation_id"][new]


def _canonical_name(name: str) -> str:
    from dvk_analysis import gazetteer

    return gazetteer.resolve_province(name).name


# --- step 2: translations -------------------------------------------------------------------

_PARENS = re.compile(r"\s*[(（][^)）]*[)）]")
_TOKEN = re.compile(r"[\w\u0600-\u06ff]+")
_CJK_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff])[省市县縣区區乡鄉镇鎮村坊]+$")

# Place keys: level words and the words joining them are dropped from a place before keying it
# (lexicon.place_key_words: each lexicon's [places] level words and key_words), so "xã Lùng
# Thẩn", "Lung Than commune" and "comuna de Lung Than" share the key "lungthan" and claims about
# one commune from different stories compete for one cell. Chinese names lose their level
# suffix (省, 市, 县, 乡, 村 ...). Short words that are also Vietnamese syllables as written
# without diacritics ("la", "le", "en", "y", "du") are deliberately absent from the lexicons'
# key_words: such a word must never be part of a place name.


@cache
def _level_words() -> re.Pattern[str]:
    """Regex of the words dropped from a place before keying it (:func:`lexicon.place_key_words`).

    The lexicons (``resources/lexicons/<lang>.toml``, ``[places]``: the level words the extractor
    reads, and ``key_words``) are where researchers add them, so the extractor and the panel see
    the same vocabulary and adding a language means adding one file.
    """
    from dvk_analysis.text.lexicon import place_key_words

    words = place_key_words()
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def place_key(place: str) -> str:
    """Return the key of a place as written: no parentheses, no level words, slugified, joined.

    Scripts that the slug cannot transliterate keep their own letters (case-folded), so two
    Arabic spellings of one commune still match each other but not the Latin spelling.
    Separators are dropped ("Dat Do" and "Datdo" both give "datdo").
    """
    from dvk_analysis.gazetteer import slugify

    text = _PARENS.sub("", place).casefold()
    tokens = [_CJK_SUFFIX.sub("", t) for t in _TOKEN.findall(text)]
    stripped = _TOKEN.findall(_level_words().sub(" ", " ".join(tokens)))
    kept = stripped or tokens
    key = slugify(" ".join(kept)).replace("-", "")
    return key or "".join(kept)


def _city_is_province(kept: pd.DataFrame) -> pd.Series:
    """True where a ``city`` claim names its own province and that province is a municipality.

    Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ (and Huế from 2025) are cities governed
    like provinces ("Thành phố ..."); a claim about them is province-level. A provincial city
    named like its province (TP Bắc Giang in Bắc Giang) stays a city.
    """
    from dvk_analysis.gazetteer import resolve_province

    def municipality(text: str) -> str:
        found = resolve_province(_PARENS.sub("", text).strip())
        if not found.full_name.startswith("Thành phố"):
            raise LookupError(f"{found.name} is not a municipality")
        return found.name

    is_city = kept["admin_level"].eq("city") & kept["place"].notna()
    names = _map_unique(kept["place"].where(is_city).astype(object), municipality)
    return (is_city & names.eq(kept["province_in"])).fillna(False).astype(bool)


def _place_keys(kept: pd.DataFrame) -> pd.Series:
    """Province-level units are keyed by the canonical province; others by the place text."""
    is_province = kept["admin_level"].eq("province")
    text = kept["place"].where(~is_province, kept["province_in"])
    text = text.fillna(kept["province_in"])
    return _map_unique(text.astype(object), place_key)


def _merge_translations(obs: pd.DataFrame) -> pd.DataFrame:
    """Collapse rows of one story that state the same figure into one claim."""
    import numpy as np

    obs = obs.assign(admin_level=obs["admin_level"].mask(_city_is_province(obs), "province"))
    obs = obs.assign(
        place_key=_place_keys(obs),
        place=obs["place"].where(obs["admin_level"].ne("province"), obs["province_in"]),
        province=obs["province_out"],
        province_reported=obs["province_in"],
        is_original=(obs["source_key"] == obs["story_id"]).astype(int),
        published_key=obs["published"].fillna(""),
    )
    obs = obs.sort_values(
        ["is_original", "published_key", "observation_id"],
        ascending=[False, False, True],
        kind="stable",
    )
    key = ["story_id", "indicator", "value", "admin_level", "province", "period_start"]
    key.append("period_end")
    group = obs.groupby(key, sort=False, dropna=False).ngroup().to_numpy()
    first = ~_duplicated(group)
    ids = _joined_ids(obs["observation_id"].to_numpy(dtype=object), group)
    claims = obs.loc[first].copy()
    claims["observation_ids"] = ids[group[first]]
    claims["named_place"] = claims["place"].notna().astype(int)
    return claims.reset_index(drop=True).assign(_n=np.ones(int(first.sum()), dtype=int))


def _duplicated(group: np.ndarray) -> np.ndarray:
    import pandas as pd

    return pd.Series(group).duplicated().to_numpy()


def _joined_ids(ids: np.ndarray, group: np.ndarray) -> np.ndarray:
    """';'-join the ids of each group, sorted; one vectorised pass per position in a group."""
    import numpy as np
    import pandas as pd

    n_groups = int(group.max()) + 1 if len(group) else 0
    ordered = pd.DataFrame({"g": group, "v": ids}).sort_values(["g", "v"], kind="stable")
    g, v = ordered["g"].to_numpy(), ordered["v"].to_numpy(dtype=object)
    position = np.arange(len(g)) - np.searchsorted(g, g)
    out = np.empty(n_groups, dtype=object)
    first = position == 0
    out[g[first]] = v[first]
    for k in range(1, int(position.max()) + 1 if len(g) else 0):
        at = position == k
        out[g[at]] = out[g[at]] + ";" + v[at]
    return out


# --- step 3: competing claims ---------------------------------------------------------------


def _resolve_competition(claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Keep the best claim per cell (:data:`PRIORITY`); return cells and the losers' ids."""
    import numpy as np

    claims = claims.assign(is_exact=claims["qualifier"].eq("exact").astype(int))
    claims = claims.sort_values(
        ["is_exact", "period_precision", "named_place", "published_key", "value", "observation_id"],
        ascending=[False, False, False, False, False, True],
        kind="stable",
    )
    cell = [*UNIT_COLUMNS, "indicator"]
    cell_id = claims.groupby(cell, sort=False, dropna=False).ngroup().to_numpy()
    winner = ~_duplicated(cell_id)
    n_claims = np.bincount(cell_id) if len(cell_id) else np.array([], dtype=int)
    losers = claims.loc[~winner, "observation_ids"].str.split(";").explode()
    cells = claims.loc[winner].copy()
    cells["n_claims"] = n_claims[cell_id[winner]]
    lmh = bounds(cells["value"].to_numpy(), cells["qualifier"].to_numpy())
    cells["low"], cells["mid"], cells["high"] = lmh[:, 0], lmh[:, 1], lmh[:, 2]
    columns = [*UNIT_COLUMNS, "place", "province_reported", "indicator", "value", "qualifier"]
    columns += list(BOUND_VIEWS)
    columns += ["denominator", "n_claims", "observation_ids"]
    cells = cells.sort_values([*UNIT_COLUMNS, "indicator"], kind="stable", na_position="first")
    return cells[columns].reset_index(drop=True), losers


def _exclusion_table(excluded: list[tuple[str, pd.Series]]) -> pd.DataFrame:
    """One row per reason with at least one observation (step ``panel``, sorted ids)."""
    from dvk_analysis.data.schema import exclusion_table

    return exclusion_table(("panel", reason, sorted(map(str, ids))) for reason, ids in excluded)


# --- views ----------------------------------------------------------------------------------


def _codes(units: pd.DataFrame) -> pd.DataFrame:
    """``legacy_code`` and ``code_2025`` of each unit (GSO codes; missing where unresolved).

    Province-level units take their province's codes; others are looked up by name inside the
    province the claim named (:func:`gazetteer.unit_codes`). A missing code is a gap to review,
    not an exclusion: the unit stays in the panel under its written name.
    """
    import pandas as pd

    from dvk_analysis.gazetteer import unit_codes

    names = units["place"].where(units["admin_level"].eq("province"), units["place_key"])
    where = units["province_reported"].where(units["province_reported"].notna(), units["province"])
    codes = [
        unit_codes(str(n), str(level), p if isinstance(p, str) else None)
        for n, level, p in zip(names, units["admin_level"], where, strict=True)
    ]
    return pd.DataFrame(codes, index=units.index, columns=["legacy_code", "code_2025"])


def _widen(long: pd.DataFrame, bound: str) -> pd.DataFrame:
    """Pivot cells to one row per unit; add ``<indicator>__denominator`` where given."""
    unit_id = long.groupby(list(UNIT_COLUMNS), sort=False, dropna=False).ngroup()
    cells = long.assign(_unit=unit_id.to_numpy())
    units = cells.drop_duplicates("_unit").set_index("_unit")
    units = units[[*UNIT_COLUMNS, "place", "province_reported"]]
    units = units.join(_codes(units))
    values = cells.pivot(index="_unit", columns="indicator", values=bound)
    order = [name for name in indicators() if name in values.columns]
    wide = units.join(values[order])
    denominators = cells[cells["denominator"].notna()]
    if len(denominators):
        den = denominators.pivot(index="_unit", columns="indicator", values="denominator")
        den.columns = [f"{c}__denominator" for c in den.columns]
        wide = wide.join(den)
    wide.columns.name = None
    return wide.reset_index(drop=True)
