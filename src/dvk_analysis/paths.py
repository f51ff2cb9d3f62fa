"""Where the project's data, notebooks and reports live.

Paths are resolved from the project root, never from the current working directory, so a
notebook opened in ``notebooks/`` and a command run from anywhere see the same files. The root
is ``$DVK_PROJECT_ROOT`` when set, else the checkout that holds this package (src layout).
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """Return the project root directory."""
    env = os.environ.get("DVK_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def data_dir(override: str | Path | None = None) -> Path:
    """Return ``data/`` (raw articles, curated observations, reference tables).

    ``override`` is a data folder given by a user (a notebook parameter, a CLI option); it
    arrives as a string from papermill, and an empty string means "the project's".
    """
    return Path(override) if override else project_root() / "data"


def reports_dir() -> Path:
    """Return ``reports/`` (regenerated output)."""
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """Return ``notebooks/``."""
    return project_root() / "notebooks"


def display_path(path: Path) -> str:
    """Return ``path`` relative to the data folder's parent when possible (shorter messages)."""
    try:
        return str(Path(path).resolve().relative_to(data_dir().parent.resolve()))
    except ValueError:
        return str(path)
