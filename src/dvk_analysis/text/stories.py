"""Group articles that tell the same story (translations, reprints) under one story id.

Why: the corpus holds translations of one report (seed 001 is the Arabic translation of 004).
Counting each as independent evidence would double the weight of that report in every
analysis, so the panel keeps one observation per story.

Two articles share a story when the manifest chains them (``translation_of``) or when their
numeric fingerprints, the sets of ``(indicator, value)`` pairs extracted from them, overlap
strongly (Jaccard >= ``MIN_JACCARD`` with at least ``MIN_SHARED`` shared pairs): translations
keep the numbers even when the words change. The story id is the earliest article of the
group: the one the others are translations of, else the earliest published, else the
smallest id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MIN_JACCARD = 0.6
MIN_SHARED = 3


def _find(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _fingerprints(claims: pd.DataFrame | None) -> dict[str, frozenset[tuple[str, float]]]:
    if claims is None or len(claims) == 0:
        return {}
    prints: dict[str, set[tuple[str, float]]] = {}
    for article_id, indicator, value in zip(
        claims["article_id"], claims["indicator"], claims["value"], strict=True
    ):
        prints.setdefault(str(article_id), set()).add((str(indicator), round(float(value), 6)))
    return {k: frozenset(v) for k, v in prints.items()}


def same_story(a: frozenset, b: frozenset) -> bool:
    """True when two fingerprints overlap enough to be the same report."""
    shared = len(a & b)
    return shared >= MIN_SHARED and shared / len(a | b) >= MIN_JACCARD


def _sharing_pairs(prints: Mapping[str, frozenset]) -> list[tuple[str, str]]:
    """The pairs of articles that share at least one (indicator, value), sorted.

    Why: only they can be one story (:data:`MIN_SHARED` >= 1); comparing every pair is
    quadratic and took a third of a second for 1,000 articles.
    """
    holders: dict[tuple[str, float], list[str]] = {}
    for article_id in sorted(prints):
        for item in prints[article_id]:
            holders.setdefault(item, []).append(article_id)
    return sorted({pair for ids in holders.values() for pair in combinations(ids, 2)})


def _manifest_rows(manifest: pd.DataFrame | Sequence[dict] | None) -> dict[str, dict]:
    if manifest is None or len(manifest) == 0:
        return {}
    if isinstance(manifest, Sequence):  # rows already read as text (``extract_paths``)
        return {r["article_id"]: r for r in manifest}
    rows = manifest.fillna("").astype(str).to_dict("records")
    return {r["article_id"]: r for r in rows}


def assign_stories(
    manifest: pd.DataFrame | Sequence[dict] | None, claims: pd.DataFrame | None
) -> dict[str, str]:
    """Return ``article_id -> story_id`` for every article in the manifest or the claims.

    Parameters
    ----------
    manifest
        Columns article_id and, optionally, translation_of and published (a frame, or its rows
        as dicts); may be ``None``.
    claims
        Extracted (or curated) claims with article_id, indicator, value; may be ``None``.
    """
    rows = _manifest_rows(manifest)
    prints = _fingerprints(claims)
    articles = sorted(set(rows) | set(prints))
    parent = {a: a for a in articles}

    def union(a: str, b: str) -> None:
        parent[_find(parent, a)] = _find(parent, b)

    for article_id, row in rows.items():
        original = row.get("translation_of", "").strip()
        if original:
            parent.setdefault(original, original)
            union(article_id, original)
    for a, b in _sharing_pairs(prints):
        if same_story(prints[a], prints[b]):
            union(a, b)
    groups: dict[str, list[str]] = {}
    for article_id in list(parent):
        groups.setdefault(_find(parent, article_id), []).append(article_id)
    return {member: _story_id(members, rows) for members in groups.values() for member in members}


def _story_id(members: list[str], rows: Mapping[str, dict]) -> str:
    """The original of the group: not itself a translation, earliest published, smallest id."""

    def key(article_id: str) -> tuple[int, str, str]:
        row = rows.get(article_id, {})
        is_translation = 1 if row.get("translation_of", "").strip() else 0
        return (is_translation, row.get("published", "") or "9999", article_id)

    return min(members, key=key)
