"""The analysis data set: curated observations with their sources' metadata and story ids.

This is the first step of ``make reports`` after validation and the table every notebook starts
from: one row per claim, with the language, outlet and publication date of the article (or URL
source) it comes from, the story it belongs to (translations of one report share a story, so
analyses count each claim once) and its province in both geographies (before and after the
1 July 2025 merger).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.paths import data_dir

if TYPE_CHECKING:
    import pandas as pd

META_COLUMNS = ("language", "outlet", "published", "title", "url", "translation_of")


def _source_metadata(manifest: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One metadata row per source key (article_id for texts, source_url for URL sources)."""
    import pandas as pd

    articles = manifest.assign(source_key=manifest["article_id"])
    urls = sources.assign(source_key=sources["source_url"], url=sources["source_url"], title=None)
    keep = ["source_key", *META_COLUMNS]
    return pd.concat([articles[keep], urls[keep]], ignore_index=True)


def story_ids(metadata: pd.DataFrame) -> dict[str, str]:
    """Map each source key to the key of the original it translates (following chains).

    A source that translates nothing is its own story. Chains (a translation of a translation)
    resolve to the root; a cycle is an error in the manifest and is reported.
    """
    parent = {
        k: t
        for k, t in zip(metadata["source_key"], metadata["translation_of"], strict=True)
        if isinstance(t, str) and t
    }
    stories = {}
    for key in metadata["source_key"]:
        seen, node = [key], key
        while node in parent:
            node = parent[node]
            if node in seen:
                raise ValueError(f"translation_of forms a cycle: {' -> '.join([*seen, node])}")
            seen.append(node)
        stories[key] = node
    return stories


def build_dataset(folder: str | Path | None = None) -> pd.DataFrame:
    """Return the enriched observations (validated curated data joined with source metadata).

    Columns: the observation columns, then ``source_key``, ``story_id``, ``language``,
    ``outlet``, ``published``, ``title`` (articles only), ``url`` and ``province_2025`` (the
    successor of the legacy province, or the province itself when it already is a 2025 unit).
    """
    from dvk_analysis.data.load import load_manifest, load_observations, load_sources
    from dvk_analysis.data.sourced import group_duplicate_facts

    folder = data_dir(folder)
    obs = load_observations(folder / "curated" / "observations.csv")
    meta = _source_metadata(
        load_manifest(folder / "raw" / "manifest.csv"),
        load_sources(folder / "curated" / "sources.csv"),
    )
    stories = group_duplicate_facts(obs, story_ids(meta))  # one fact, many outlets: one story
    obs = obs.assign(source_key=obs["article_id"].fillna(obs["source_url"]))
    obs = obs.merge(meta.drop(columns="translation_of"), on="source_key", how="left")
    obs["story_id"] = obs["source_key"].map(stories)
    obs["province_2025"] = obs["province"].map(_successor)
    return obs


NATIONAL = "Việt Nam"
"""The ``province`` of national rows (admin_level ``national``): its own successor."""


def _successor(province: object) -> str | None:
    """The 2025 successor of a province name; national rows and unknown names map to themselves
    or nothing, so one unknown name does not stop the data set (validation reports it)."""
    from dvk_analysis.gazetteer import UnknownPlaceError, successor_2025

    if not isinstance(province, str):
        return None
    if province == NATIONAL:
        return NATIONAL
    try:
        return successor_2025(province)
    except UnknownPlaceError:
        return None
