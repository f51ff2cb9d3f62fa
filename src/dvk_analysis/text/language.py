"""Detect which of the supported languages an article is written in.

The extractor needs the language to pick the lexicon (number separators, keywords). The
manifest usually says it; for articles without a manifest row we detect it with
``lingua-language-detector``, which ships its models (no download, works offline).

Why a few *unsupported* languages take part in detection: a detector that knows only the ten
supported languages must answer one of them, so an Italian article would come back as Spanish
and be read with the wrong number conventions. A handful of widespread "decoy" languages lets
the detector say "none of ours" instead; those answers become ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from dvk_analysis.text.lexicon import LANGUAGES

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED: tuple[str, ...] = LANGUAGES
"""ISO 639-1 codes of the languages that have a lexicon (:data:`lexicon.LANGUAGES`)."""

DECOYS: tuple[str, ...] = ("it", "pt", "pl", "tr", "id", "ja", "ko", "sv", "cs", "ro")
"""Unsupported languages the detector may answer, so that their texts map to ``None``."""

SAMPLE_CHARS = 400
"""Characters read for detection: an article's language is settled by its first paragraph,
and a fixed sample keeps detection time independent of article length. Detection costs about
1 µs per character read (more when run between extractions), its largest single cost. 400
characters (60-odd words) gave the same answer as 800 on all 81 corpus and development
articles and on 2,500 random 400-character windows of them."""


@cache
def _detector(languages: tuple[str, ...] = SUPPORTED) -> LanguageDetector:
    """Build a detector for ``languages`` (plus the decoys) once, lazily.

    Why restricted: lingua loads one model per language, which was most of a cold process's
    start-up (≈10 s for 36 articles when all were loaded); a corpus written in three languages
    needs three models, not ten.
    """
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    models = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        for code in languages + DECOYS
    ]
    return LanguageDetectorBuilder.from_languages(*models).with_low_accuracy_mode().build()


def detect_language(text: str, candidates: Iterable[str] | None = None) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or ``None``.

    Parameters
    ----------
    text
        Any text; only its first ``SAMPLE_CHARS`` characters are read.
    candidates
        The languages the text may be in (e.g. those of the corpus's manifest); only their
        models are loaded. Default: every supported language.

    Returns
    -------
    str or None
        One of ``candidates`` (or ``SUPPORTED``); ``None`` when the text has no letters, is in
        another language, or the detector cannot decide.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_language expects a str, got {type(text).__name__}")
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    languages = SUPPORTED if candidates is None else tuple(sorted(set(candidates) & set(SUPPORTED)))
    if not languages:
        return None
    found = _detector(languages).detect_language_of(sample)
    if found is None:
        return None
    code = found.iso_code_639_1.name.lower()
    return code if code in languages else None
