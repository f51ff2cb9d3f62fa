"""Score extracted claims against curated (gold) observations.

A claim matches a gold row when both name the same article and indicator, the values agree
within ``REL_TOL`` (relative: rounding in translations, "7,1 km" vs 7100 m) and the
denominators agree (both empty or equal). Each gold row matches at most one claim: pairs are
taken greedily from the closest, with ties broken by offsets, so the score is deterministic.
Gold rows without an article id (observations known only from a web page) cannot be extracted
and take no part.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

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
    return out


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
            same_den = (g_den is None and e_den is None) or _close(g_den, e_den) is not None
            diff = _close(_number(row["_value"]), _number(e["_value"]))
            if diff is None or not same_den:
                continue
            offset = abs(row["_start"] - e["_start"])
            pairs.append((diff, offset, g, j))
    pairs.sort()
    used_g, used_e, out = set(), set(), []
    for _, _, g, j in pairs:
        if g not in used_g and j not in used_e:
            used_g.add(g)
            used_e.add(j)
            out.append((g, j))
    return out


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
        precision, recall, f1, n_gold, n_extracted, n_matched; and ``matches`` (the pairs).
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


def format_report(results: dict[str, pd.DataFrame]) -> str:
    """Render ``evaluate``'s overall and per-language tables (and per indicator) as text."""

    def table(frame: pd.DataFrame, key: str | None) -> str:
        lines = []
        head = f"{(key or ''):<30}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'extr':>7}{'match':>7}"
        lines.append(head)
        for _, r in frame.iterrows():
            name = str(r[key]) if key else "overall"
            cells = "".join(
                f"{r[c]:>7.3f}" if r[c] == r[c] else f"{'-':>7}"
                for c in ("precision", "recall", "f1")
            )
            counts = f"{int(r['n_gold']):>7}{int(r['n_extracted']):>7}{int(r['n_matched']):>7}"
            lines.append(f"{name:<30}{cells}{counts}")
        return "\n".join(lines)

    parts = [
        table(results["overall"], None),
        "",
        table(results["language"], "language"),
        "",
        table(results["indicator"], "indicator"),
    ]
    return "\n".join(parts) + "\n"


def evaluate_files(
    observations: str | Path | None = None, extracted: str | Path | None = None
) -> str:
    """Evaluate CSV files (defaults: the curated observations; extraction of the raw corpus).

    Used by ``dvk evaluate``; returns the report text.
    """
    from dvk_analysis.fileio import read_csv_text
    from dvk_analysis.paths import data_dir

    gold_path = Path(observations) if observations else data_dir() / "curated" / "observations.csv"
    gold = read_csv_text(gold_path)
    manifest_path = data_dir() / "raw" / "manifest.csv"
    manifest = read_csv_text(manifest_path) if manifest_path.exists() else None
    if extracted:
        claims = read_csv_text(Path(extracted))
    else:
        from dvk_analysis.text.extract import extract_paths

        claims = extract_paths([data_dir() / "raw" / "articles"], manifest=manifest)
    languages = None
    if manifest is not None:
        languages = dict(zip(manifest["article_id"], manifest["language"], strict=True))
    return format_report(evaluate(gold, claims, languages))
