"""Score extracted claims against curated (gold) observations.

A claim matches a gold row when both name the same article and indicator and the values agree
within ``REL_TOL`` (relative: rounding in translations, "7,1 km" vs 7100 m), the issue's
definition of a match. Two denominators must agree when both sides give one ("17 of 19" is
no "17 of 20"); a denominator on one side only ("49 of its 87 communes", coded by some writers
as 49 and a separate ``rural_communes`` row) is scored as a context field of the match,
``denominator``, beside place and period; and on both sides such a count implies the
``rural_communes`` row of its denominator (:data:`COUNT_TOTALS`). Each gold row matches at
most one claim: pairs are taken greedily from the closest, with ties broken by offsets, so the
score is deterministic.
Gold rows without an article id (observations known only from a web page) cannot be extracted
and take no part.

Beyond P/R/F1, matched claims are scored for their context: the place (unit name and admin level)
and the period the extractor attached, against the gold row's. A number right but pinned on the
wrong commune or year misleads a panel as much as a wrong number.

Splits: the manifest's ``split`` column puts each article in ``dev`` (used to write and tune the
lexicons), ``tuned`` (written as test articles, later read for error analysis) or ``test``
(never looked at while tuning); an empty cell or a missing column means ``dev``
(``codebook.SPLITS``). Scores on ``test`` are the honest ones; the dev-test gap says how much
the lexicons fit the development corpus rather than the languages. ``all`` is accepted where
a split is chosen.

Translation invariance: the articles of one translation group (``translation_of`` in the
manifest) report the same figures, so the extractor must find the same (indicator, value) set in
each; :func:`translation_differences` lists where it does not.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from dvk_analysis.codebook import SPLITS

REL_TOL = 0.005
REQUIRED = ("article_id", "indicator", "value")


def _number(value: object) -> float | None:
    """``value`` as a float; None for empty cells (None, NaN, "")."""
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _check(frame: pd.DataFrame, name: str) -> None:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name}: missing column(s) {', '.join(missing)}; "
            f"expected at least {', '.join(REQUIRED)} (and denominator, start)"
        )


def _prepare(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["article_id"] = out["article_id"].fillna("").astype(str).str.strip()
    out = out[out["article_id"] != ""].reset_index(drop=True)
    out["_value"] = [_number(v) for v in out["value"]]
    den = out["denominator"] if "denominator" in out.columns else [None] * len(out)
    out["_den"] = [_number(v) for v in den]
    start = out["start"] if "start" in out.columns else [None] * len(out)
    out["_start"] = [_number(v) if _number(v) is not None else -1.0 for v in start]
    return _with_implied_totals(out)


COUNT_TOTALS = {"communes_meeting_ntm": "rural_communes"}
"""The codebook's total behind a count's denominator: "49 of its 87 communes" states that the
place has 87 rural communes, whether a writer coded it as a denominator or as its own
``rural_communes`` row."""


def _with_implied_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the ``rural_communes`` row a commune count's denominator implies, on either side.

    Why: the writers code "49 of its 87 communes" either way (see the module docstring); with
    the implied row both codings carry the same rows, so neither is scored as a miss or a
    false positive for the other's choice. A total the frame already has (same article, place
    and value) is not added twice.
    """
    import pandas as pd

    if "indicator" not in frame.columns or frame.empty:
        return frame
    have = {
        (a, place_key(p), v)
        for a, i, p, v in zip(
            frame["article_id"],
            frame["indicator"],
            _column(frame, "place"),
            frame["_value"],
            strict=True,
        )
        if i in COUNT_TOTALS.values()
    }
    added = []
    for _, row in frame.iterrows():
        total = COUNT_TOTALS.get(str(row["indicator"]))
        if total is None or row["_den"] is None or math.isnan(row["_den"]):
            continue
        key = (row["article_id"], place_key(row.get("place", "")), row["_den"])
        if key in have:
            continue
        have.add(key)
        added.append(
            row.to_dict()
            | {
                "indicator": total,
                "value": row["_den"],
                "_value": row["_den"],
                "denominator": "",
                "_den": None,
            }
        )
    if not added:
        return frame
    return pd.concat([frame, pd.DataFrame(added)], ignore_index=True)


def _column(frame: pd.DataFrame, name: str) -> list[object]:
    return list(frame[name]) if name in frame.columns else [""] * len(frame)


def _close(a: float | None, b: float | None) -> float | None:
    """Relative difference of two values, or None when they do not match."""
    if a is None or b is None:
        return None
    diff = abs(a - b) / max(abs(a), abs(b), 1e-12)
    return diff if diff <= REL_TOL else None


def match(gold: pd.DataFrame, extracted: pd.DataFrame) -> list[tuple[int, int]]:
    """Return matched ``(gold_index, extracted_index)`` pairs of the prepared frames."""
    pairs = []
    by_key: dict[tuple[str, str], list[int]] = {}
    for j, (a, i) in enumerate(zip(extracted["article_id"], extracted["indicator"], strict=True)):
        by_key.setdefault((a, str(i)), []).append(j)
    for g, row in gold.iterrows():
        for j in by_key.get((row["article_id"], str(row["indicator"])), []):
            e = extracted.loc[j]
            g_den, e_den = _number(row["_den"]), _number(e["_den"])
            one_den = g_den is None or e_den is None  # "49 of its 87" coded with or without y
            diff = _close(_number(row["_value"]), _number(e["_value"]))
            if diff is None or not (one_den or _close(g_den, e_den) is not None):
                continue
            offset = abs(row["_start"] - e["_start"])
            pairs.append((diff, not _same_den(g_den, e_den), offset, g, j))
    pairs.sort()
    used_g, used_e, out = set(), set(), []
    for *_, g, j in pairs:
        if g not in used_g and j not in used_e:
            used_g.add(g)
            used_e.add(j)
            out.append((g, j))
    return out


def _same_den(gold: float | None, extracted: float | None) -> bool:
    """Whether two denominators agree: both empty, or equal within ``REL_TOL``."""
    if gold is None or extracted is None:
        return gold is None and extracted is None
    return _close(gold, extracted) is not None


def _scores(n_gold: int, n_ext: int, n_match: int) -> dict[str, float | int]:
    precision = n_match / n_ext if n_ext else float("nan")
    recall = n_match / n_gold if n_gold else float("nan")
    f1 = (
        2 * precision * recall / (precision + recall)
        if n_ext and n_gold and (precision + recall) > 0
        else (0.0 if n_ext and n_gold else float("nan"))
    )
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "n_gold": n_gold,
        "n_extracted": n_ext,
        "n_matched": n_match,
    }


def evaluate(
    gold: pd.DataFrame,
    extracted: pd.DataFrame,
    languages: dict[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Return precision, recall and F1 overall, per language and per indicator.

    Parameters
    ----------
    gold
        Curated observations (article_id, indicator, value, denominator[, start]).
    extracted
        Extractor output with the same columns.
    languages
        ``article_id -> language``; by default taken from a ``language`` column, else from
        the article id prefix before the first "_" when it is a supported code, else "?".

    Returns
    -------
    dict
        ``overall`` (one row), ``language`` and ``indicator`` (one row per group), each with
        precision, recall, f1, n_gold, n_extracted, n_matched; ``context`` (place and period
        accuracy on matched claims, see :func:`context_accuracy`); ``matches`` (the pairs).
    """
    import pandas as pd

    _check(gold, "gold observations")
    _check(extracted, "extracted claims")
    g, e = _prepare(gold), _prepare(extracted)
    pairs = match(g, e)
    g["_matched"] = False
    e["_matched"] = False
    g.loc[[p[0] for p in pairs], "_matched"] = True
    e.loc[[p[1] for p in pairs], "_matched"] = True
    lang_of = _language_lookup(languages, g, e)
    g["_lang"] = g["article_id"].map(lang_of)
    e["_lang"] = e["article_id"].map(lang_of)

    def grouped(column: str) -> pd.DataFrame:
        keys = sorted(set(g[column]) | set(e[column]))
        rows = []
        for key in keys:
            gk, ek = g[g[column] == key], e[e[column] == key]
            rows.append(
                {column.strip("_"): key} | _scores(len(gk), len(ek), int(gk["_matched"].sum()))
            )
        return pd.DataFrame(rows)

    overall = pd.DataFrame([_scores(len(g), len(e), len(pairs))])
    g["_indicator"] = g["indicator"].astype(str)
    e["_indicator"] = e["indicator"].astype(str)
    matches = pd.DataFrame(
        [
            {
                "article_id": g.loc[a, "article_id"],
                "indicator": g.loc[a, "indicator"],
                "gold_value": g.loc[a, "_value"],
                "extracted_value": e.loc[b, "_value"],
            }
            for a, b in pairs
        ],
        columns=["article_id", "indicator", "gold_value", "extracted_value"],
    )
    return {
        "overall": overall,
        "context": context_accuracy(g, e, pairs),
        "language": grouped("_lang").rename(columns={"lang": "language"}),
        "indicator": grouped("_indicator"),
        "matches": matches,
        "missed": g[~g["_matched"]].drop(columns=[c for c in g.columns if c.startswith("_")]),
        "spurious": e[~e["_matched"]].drop(columns=[c for c in e.columns if c.startswith("_")]),
    }


def _language_lookup(languages, g, e) -> dict[str, str]:
    from dvk_analysis.text.language import SUPPORTED

    lookup: dict[str, str] = {}
    for frame in (g, e):
        if "language" in frame.columns:
            lookup.update(zip(frame["article_id"], frame["language"].astype(str), strict=True))
    if languages:
        lookup.update(languages)
    for article_id in set(g["article_id"]) | set(e["article_id"]):
        if article_id not in lookup:
            prefix = article_id.split("_", 1)[0]
            lookup[article_id] = prefix if prefix in SUPPORTED else "?"
    return lookup


def place_keys(place: object) -> set[str]:
    """The keys of a place and of the name glossed in brackets beside it ("美隆南（My Long
    Nam）乡", "Cai Lay（丐礼）县"): one unit written in two scripts, either of which a coder
    may have copied."""
    glosses = [m.group()[1:-1] for m in _PARENS.finditer(str(place or ""))]
    return {place_key(place)} | {k for k in map(place_key, glosses) if k}


def place_key(place: object) -> str:
    """A place name reduced to what identifies the unit: its first part (the smallest unit of
    "thôn Lỗ Xá, xã Nhân Hòa"), without parentheses, level words (also inflected: "tartományban",
    "общине"), diacritics or spacing ("xã Khuất Xá", "Khuat Xa commune" -> "khuatxa").

    Scripts the slug cannot transliterate keep their own letters, case-folded.
    """
    from dvk_analysis.gazetteer import slugify

    text = _PARENS.sub(" ", str(place or "")).split(",")[0]
    text = _ADJECTIVE.sub(" ", text).casefold()  # "distrito montañoso de Thanh Son"
    text = _ELISION.sub("", text)  # "l'ancienne" -> "ancienne"
    for word in _level_phrases():
        text = text.replace(word, " ")
    stems, linkers = _level_stems(), _linkers()
    tokens = [
        t
        for t in text.split()
        if t not in linkers and not any(t.startswith(stem) for stem in stems)
    ]
    slug = slugify(" ".join(tokens)).replace("-", "")
    return slug or "".join(tokens)


_PARENS = re.compile(r"[(（][^)）]*[)）]")
_ADJECTIVE = re.compile(r"(?<=\w)\s+[a-zà-ÿ]+(?=\s+(?:de|del|du|d['’]|van)\s)")
"""A lowercase word between a unit's level word and its linker describes the unit
("montañoso", "frontalière", "norteña"); it does not tell one unit from another."""
_ELISION = re.compile(r"\b[ld][’']")


@cache
def _level_phrases() -> tuple[str, ...]:
    """Level words of several words ("khu dân cư"), longest first."""
    from dvk_analysis.text.lexicon import place_level_words

    words = place_level_words()
    cjk = (w for w in words if w and "\u3000" <= w[0] <= "\u9fff")  # written without spaces
    return tuple(sorted({*(w for w in words if " " in w), *cjk}, key=len, reverse=True))


@cache
def _linkers() -> frozenset[str]:
    """Words that never tell one unit from another: each lexicon's ``[places] linkers`` (which
    link a level word to a name: "de", "van") and ``articles`` ("the former province of Phu Tho"
    and "former Phu Tho" are one unit)."""
    from dvk_analysis.text.lexicon import LANGUAGES, section

    return frozenset(
        w.casefold().strip("'’")
        for lang in LANGUAGES
        for key in ("linkers", "articles")
        for w in section(lang, "places").get(key, [])
    )


@cache
def _level_stems() -> tuple[str, ...]:
    """One-word level words cut by their last letter, so inflected forms match too."""
    from dvk_analysis.text.lexicon import place_level_words

    words = [w for w in place_level_words() if " " not in w]
    return tuple(sorted({w[:-1] if len(w) > 4 else w for w in words}))


def _text(value: object) -> str:
    """A cell as stripped text; empty for None/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def context_accuracy(
    gold: pd.DataFrame, extracted: pd.DataFrame, pairs: list[tuple[int, int]]
) -> pd.DataFrame:
    """Share of matched claims whose place, period and denominator agree with the gold row.

    ``place`` needs the same unit (:func:`place_key`) and the same admin level; ``admin_level``
    the level alone; ``period`` the same period start and end (:func:`period_key`);
    ``denominator`` both empty or equal (frames from :func:`_prepare`). Columns missing on
    either side give NaN, not a score.
    """
    import pandas as pd

    checks = {
        "place": ("place", "admin_level"),
        "admin_level": ("admin_level",),
        "period": ("period_start", "period_end"),
        "denominator": ("_den",),
    }
    rows = []
    for name, columns in checks.items():
        if not pairs or any(c not in gold or c not in extracted for c in columns):
            rows.append({"aspect": name, "accuracy": float("nan"), "n": len(pairs)})
            continue
        same = sum(
            _same_place(gold.loc[a], extracted.loc[b])
            if name == "place"
            else _same_den(_number(gold.loc[a, "_den"]), _number(extracted.loc[b, "_den"]))
            if name == "denominator"
            else all(_same(c, gold.loc[a, c], extracted.loc[b, c]) for c in columns)
            for a, b in pairs
        )
        rows.append({"aspect": name, "accuracy": same / len(pairs), "n": len(pairs)})
    return pd.DataFrame(rows, columns=["aspect", "accuracy", "n"])


def _same_place(gold: pd.Series, extracted: pd.Series) -> bool:
    """Same unit and level. A province scope phrase tells by the row's province
    (``_same_scope``), and so may two provinces: "清化省", "Provinz Thanh Hoa" and "Thanh Hoa"
    are one province whatever the script or language of the name."""
    if _scoped(gold, extracted):
        return _same_scope(gold, extracted)
    if all(_same(c, gold[c], extracted[c]) for c in ("place", "admin_level")):
        return True
    levels = {_text(gold.get("admin_level")), _text(extracted.get("admin_level"))}
    return levels == {"province"} and _same_scope(gold, extracted)


def _same_scope(gold: pd.Series, extracted: pd.Series) -> bool:
    """A province scope phrase ("toàn tỉnh", "the whole province") names the row's province:
    it is the same unit as that province written by name, on either side. There is one
    country: "cả nước", "the country" and "nationwide" are the same national unit."""
    levels = (_text(gold.get("admin_level")), _text(extracted.get("admin_level")))
    if levels == ("national", "national"):
        return True
    if levels != ("province", "province"):
        return False
    if "province" not in gold or "province" not in extracted:
        return False
    return place_key(gold["province"]) == place_key(extracted["province"]) != ""


def _scoped(gold: pd.Series, extracted: pd.Series) -> bool:
    """Whether either side's place is a province scope phrase (then the province tells) or
    both are national."""
    from dvk_analysis.text.scope import scope_level

    if _text(gold.get("admin_level")) == _text(extracted.get("admin_level")) == "national":
        return True
    return any(scope_level(_text(row.get("place"))) == "province" for row in (gold, extracted))


def _same(column: str, gold: object, extracted: object) -> bool:
    if column == "place":
        return bool(place_keys(gold) & place_keys(extracted))
    if column in ("period_start", "period_end"):
        return period_key(column, gold) == period_key(column, extracted)
    return _text(gold) == _text(extracted)


def period_key(column: str, value: object) -> str:
    """A period bound at the coarsest precision that names the same day.

    Why: "by the end of 2019" is coded 2019 by some writers and 2019-12 (or 2019-12-31) by
    others; as an end, all three are 31 December 2019. A start of 2019-01-01 is 2019 likewise.
    """
    text = _text(value)
    first = column == "period_start"
    while len(text) > 4:
        head, _, tail = text.rpartition("-")
        edge = "01" if first else ("12" if len(head) == 4 else _last_day(head))
        if tail != edge:
            break
        text = head
    return text


def _last_day(month: str) -> str:
    """The last day of a "YYYY-MM" month, as two digits ("" when it is no month)."""
    import calendar

    try:
        year, number = (int(part) for part in month.split("-"))
        return f"{calendar.monthrange(year, number)[1]:02d}"
    except ValueError:
        return ""


def split_of(manifest: pd.DataFrame | None) -> dict[str, str]:
    """``article_id -> split`` from the manifest; an empty or missing ``split`` is ``dev``.

    Raises
    ------
    ValueError
        For a split not in ``SPLITS``, naming the article.
    """
    if manifest is None:
        return {}
    values = manifest["split"] if "split" in manifest.columns else [""] * len(manifest)
    out = {}
    for article_id, value in zip(manifest["article_id"], values, strict=True):
        split = _text(value) or "dev"
        if split not in SPLITS:
            raise ValueError(
                f"manifest: article {article_id!r} has split {split!r}; valid: {', '.join(SPLITS)}"
            )
        out[str(article_id)] = split
    return out


def in_split(frame: pd.DataFrame, splits: dict[str, str], split: str) -> pd.DataFrame:
    """Rows of ``frame`` whose article is in ``split`` (``all``: every row; articles the
    manifest does not list count as ``dev``)."""
    if split == "all":
        return frame
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; valid: {', '.join((*SPLITS, 'all'))}")
    ids = frame["article_id"].fillna("").astype(str)
    return frame[ids.map(lambda a: splits.get(a, "dev")) == split]


def translation_differences(extracted: pd.DataFrame, manifest: pd.DataFrame | None) -> pd.DataFrame:
    """Claims that one article of a translation group has and another lacks.

    Translations report the same figures, so each article of a group (``translation_of``)
    must yield the same set of (indicator, value) pairs. One row per (group, indicator, value)
    that is not in every member: ``story_id``, ``indicator``, ``value``, ``found_in`` and
    ``missing_in`` (article ids, ";"-joined). Values are compared within ``REL_TOL``.
    """
    import pandas as pd

    from dvk_analysis.text.stories import assign_stories

    columns = ["story_id", "indicator", "value", "found_in", "missing_in"]
    if manifest is None or "translation_of" not in manifest.columns:
        return pd.DataFrame(columns=columns)
    stories = assign_stories(manifest, None)
    groups: dict[str, list[str]] = {}
    for article_id, story in stories.items():
        groups.setdefault(story, []).append(article_id)
    sets = _claim_sets(extracted)
    rows = []
    for story, members in sorted(groups.items()):
        if len(members) > 1:
            rows.extend(_group_differences(story, sorted(members), sets))
    return pd.DataFrame(rows, columns=columns)


def _claim_sets(extracted: pd.DataFrame) -> dict[str, set[tuple[str, float]]]:
    """``article_id -> {(indicator, value)}`` of extracted claims."""
    sets: dict[str, set[tuple[str, float]]] = {}
    for a, i, v in zip(
        extracted["article_id"], extracted["indicator"], extracted["value"], strict=True
    ):
        value = _number(v)
        if value is not None:
            sets.setdefault(str(a), set()).add((str(i), value))
    return sets


def _group_differences(
    story: str, members: list[str], sets: dict[str, set[tuple[str, float]]]
) -> list[dict[str, object]]:
    """Rows of :func:`translation_differences` for one group."""
    union: list[tuple[str, float]] = []
    for member in members:
        for item in sorted(sets.get(member, set())):
            if not any(_same_claim(item, seen) for seen in union):
                union.append(item)
    rows = []
    for item in sorted(union):
        found = [m for m in members if any(_same_claim(item, x) for x in sets.get(m, set()))]
        if len(found) < len(members):
            missing = [m for m in members if m not in found]
            rows.append(
                {
                    "story_id": story,
                    "indicator": item[0],
                    "value": item[1],
                    "found_in": ";".join(found),
                    "missing_in": ";".join(missing),
                }
            )
    return rows


def _same_claim(a: tuple[str, float], b: tuple[str, float]) -> bool:
    return a[0] == b[0] and _close(a[1], b[1]) is not None


def format_report(results: dict[str, pd.DataFrame], title: str = "") -> str:
    """Render ``evaluate``'s tables as text: overall, place/period accuracy on matched claims,
    per language, per indicator, and (when given) translation differences."""
    parts = [title] if title else []
    parts += [_score_table(results["overall"], None), ""]
    if "context" in results:
        parts += [_context_table(results["context"]), ""]
    parts += [_score_table(results["language"], "language"), ""]
    parts += [_score_table(results["indicator"], "indicator")]
    if "translations" in results:
        parts += ["", _translation_table(results["translations"])]
    return "\n".join(parts) + "\n"


def _score_table(frame: pd.DataFrame, key: str | None) -> str:
    lines = [f"{(key or ''):<30}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'extr':>7}{'match':>7}"]
    for _, r in frame.iterrows():
        name = str(r[key]) if key else "overall"
        cells = "".join(
            f"{r[c]:>7.3f}" if r[c] == r[c] else f"{'-':>7}" for c in ("precision", "recall", "f1")
        )
        counts = f"{int(r['n_gold']):>7}{int(r['n_extracted']):>7}{int(r['n_matched']):>7}"
        lines.append(f"{name:<30}{cells}{counts}")
    return "\n".join(lines)


def _context_table(frame: pd.DataFrame) -> str:
    lines = [f"{'on matched claims':<30}{'acc':>7}{'n':>7}"]
    for _, r in frame.iterrows():
        acc = f"{r['accuracy']:>7.3f}" if r["accuracy"] == r["accuracy"] else f"{'-':>7}"
        lines.append(f"{r['aspect'] + ' correct':<30}{acc}{int(r['n']):>7}")
    return "\n".join(lines)


def _translation_table(frame: pd.DataFrame) -> str:
    if not len(frame):
        return "translation groups: every group extracts the same (indicator, value) set"
    lines = [f"translation differences ({len(frame)}): story, indicator, value, missing in"]
    for _, r in frame.iterrows():
        lines.append(f"  {r['story_id']}  {r['indicator']}  {r['value']:g}  {r['missing_in']}")
    return "\n".join(lines)


def evaluate_files(
    observations: str | Path | None = None,
    extracted: str | Path | None = None,
    split: str = "dev",
) -> str:
    """Evaluate CSV files (defaults: the curated observations; extraction of the raw corpus).

    Used by ``dvk evaluate``; returns the report text. ``split`` (``dev``, ``test`` or
    ``all``) keeps the articles of that manifest split, on both sides.
    """
    from dvk_analysis.fileio import read_csv_text
    from dvk_analysis.paths import data_dir

    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}; valid: {', '.join((*SPLITS, 'all'))}")
    gold_path = Path(observations) if observations else data_dir() / "curated" / "observations.csv"
    gold = read_csv_text(gold_path)
    manifest_path = data_dir() / "raw" / "manifest.csv"
    manifest = read_csv_text(manifest_path) if manifest_path.exists() else None
    if extracted:
        claims = read_csv_text(Path(extracted))
    else:
        from dvk_analysis.text.extract import extract_paths

        claims = extract_paths([data_dir() / "raw" / "articles"], manifest=manifest)
    splits = split_of(manifest)
    gold, claims = in_split(gold, splits, split), in_split(claims, splits, split)
    languages = None
    if manifest is not None:
        languages = dict(zip(manifest["article_id"], manifest["language"], strict=True))
    results = evaluate(gold, claims, languages)
    kept = manifest if manifest is None else in_split(manifest.fillna(""), splits, split)
    results["translations"] = translation_differences(claims, kept)
    n_articles = len({*gold["article_id"].dropna(), *claims["article_id"].dropna()})
    return format_report(results, f"split: {split} ({n_articles} articles)\n")
