"""The one loader of the language lexicons (``resources/lexicons/<code>.toml``).

Everything the text layer knows about a language is in one TOML file; numbers, units, periods,
place mentions and the claim extractor read their section of it through :func:`load`, and the
panel reads the words it drops from place names through :func:`place_key_words`. The list of
languages is the list of files (:data:`LANGUAGES`), so adding a language means adding one file.

Why one loader: the files used to be parsed five ways with different checks; a typo in a
section name or a file whose ``code`` disagrees with its name then failed in one module and
passed silently in another. :func:`load` parses a file once per process (cached), checks its
``[language]`` header and its section names, and raises one clear ``ValueError`` naming the file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

FOLDER = "resources/lexicons"
"""Where the lexicons live inside the package."""

SECTIONS = frozenset(
    {"language", "numbers", "qualifiers", "units", "indicators", "places", "periods"}
)
"""The sections a lexicon may hold (``docs/adding-a-language.md`` describes each)."""


def _folder() -> Traversable:
    """The lexicon folder of the installed package (works from a wheel or a checkout)."""
    return resources.files("dvk_analysis").joinpath(FOLDER)


def _codes() -> tuple[str, ...]:
    """Codes of the lexicon files, sorted: listing one folder is cheap at import time."""
    return tuple(sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".toml")))


LANGUAGES: tuple[str, ...] = _codes()
"""ISO 639-1 codes of the languages that have a lexicon (one per file, sorted)."""


def check_language(lang: str) -> None:
    """Raise ``ValueError`` listing the valid codes when ``lang`` has no lexicon.

    Why here: every module used to word this message its own way; one check gives one message.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: no lexicon; valid: {', '.join(LANGUAGES)}")


@cache
def load(lang: str) -> dict[str, Any]:
    """Return the parsed, checked lexicon of ``lang`` (parsed once per process).

    Parameters
    ----------
    lang
        One of :data:`LANGUAGES`.

    Returns
    -------
    dict
        The TOML document; callers read their own section with ``.get(name, {})``.

    Raises
    ------
    ValueError
        When ``lang`` has no lexicon, the file is not valid TOML, its ``[language] code``
        differs from the file name, or it holds a section this package does not read.
    """
    check_language(lang)
    name = f"{FOLDER}/{lang}.toml"
    try:
        data = tomllib.loads(_folder().joinpath(f"{lang}.toml").read_text("utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ValueError(f"{name} is not valid TOML: {err}") from None
    _validate(name, lang, data)
    return data


def _validate(name: str, lang: str, data: dict[str, Any]) -> None:
    """Check the header and the section names (the sections' content is checked by their
    readers, which know what each key means)."""
    code = data.get("language", {}).get("code", lang)
    if code != lang:
        raise ValueError(f"{name}: [language] code = {code!r} but the file is named {lang}.toml")
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise ValueError(
            f"{name}: unknown section(s) {', '.join(unknown)}; valid: {', '.join(sorted(SECTIONS))}"
        )
    for section in data:
        if not isinstance(data[section], dict):
            raise ValueError(f"{name}: [{section}] must be a table of keys")


def section(lang: str, name: str) -> dict[str, Any]:
    """Return one section of ``lang``'s lexicon (empty when the file has none)."""
    return load(lang).get(name, {})


def place_level_words() -> set[str]:
    """Every administrative level word of every lexicon, case-folded.

    The panel strips these from place names to build its place keys, so it sees the same
    vocabulary as the extractor without reading the files itself.
    """
    words: set[str] = set()
    for lang in LANGUAGES:
        places = section(lang, "places")
        for side in ("before", "after"):
            for listed in places.get(side, {}).values():
                words.update(w.casefold() for w in listed if isinstance(w, str))
    return words


def place_key_words() -> set[str]:
    """The words the panel drops from a place name before keying it, case-folded: every level
    word (:func:`place_level_words`) and each lexicon's ``[places] key_words`` (plurals and the
    words that join level words: "villages", "of", "the", "de", "und", "и" ...).

    Why in the lexicons: a word here must never be part of a place name, which only someone who
    knows the language can judge; it is added where the language's other place words are.
    """
    words = place_level_words()
    for lang in LANGUAGES:
        words.update(w.casefold() for w in section(lang, "places").get("key_words", []))
    return words
