"""Notebook parameters: which notebook, which parameters it declares, and what a run really gets.

Why a module of its own: ``dvk run``, ``dvk batch`` and the CLI's parameter parsing all need to
resolve a notebook name, read the parameters its tagged cell declares, check and parse the ones
given, and fill in the defaults (the canonical parameters that identify a run). None of that
needs a kernel, an output folder or a worker, so it is kept apart from them.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dvk_analysis.errors import unknown_choice

RUNNER_PARAMETERS = ("output_dir",)
"""Parameters the runner sets itself (not part of a run's identity)."""


# -- errors -----------------------------------------------------------------------------------
class UnknownNotebookError(LookupError):
    """The notebook name matches no file in ``notebooks/``."""


class ParameterError(ValueError):
    """A parameter is unknown to the notebook or has the wrong type."""


# -- names ------------------------------------------------------------------------------------
def _ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name (for sorting the index)."""
    from dvk_analysis.gazetteer import fold

    return fold(text).lower()


def default_slugify() -> Callable[[str], str]:
    """Return :func:`dvk_analysis.gazetteer.slugify` (folder names of province reports)."""
    from dvk_analysis.gazetteer import slugify

    return slugify


def default_resolver(geography: str | None = None) -> Callable[[str], str]:
    """Return a resolver: any spelling -> canonical name in ``geography`` (via ``places``).

    ``places.resolve_province`` raises ``UnknownPlaceError`` (a ``LookupError``) naming the
    closest provinces; with ``geography="2025"`` a merged legacy name gives its successor.
    """
    from dvk_analysis.gazetteer import resolve_province

    def resolve(name: str) -> str:
        return resolve_province(name, geography).name

    return resolve


# -- notebooks and parameters -----------------------------------------------------------------
def resolve_notebook(notebook: str | os.PathLike[str], notebooks_dir: Path | None = None) -> Path:
    """Return the notebook file for a name (``02_province_profile``) or a path.

    Raises
    ------
    UnknownNotebookError
        Listing the valid notebook names and the closest one.
    """
    from dvk_analysis.paths import notebooks_dir as default_dir

    path = Path(notebook)
    if path.suffix == ".ipynb" and path.is_file():
        return path.resolve()
    folder = notebooks_dir or default_dir()
    candidate = folder / f"{path.stem if path.suffix == '.ipynb' else path.name}.ipynb"
    if candidate.is_file():
        return candidate.resolve()
    valid = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    raise UnknownNotebookError(
        unknown_choice("notebook", str(notebook), valid)
        + f" (no such file, and no {candidate.name} in {folder})"
    )


def notebook_parameters(path: Path) -> dict[str, tuple[type | None, Any]]:
    """Return each parameter of the notebook's ``parameters`` cell: (type, default).

    The type comes from an annotation (``top_n: int = 5``), else from the default's literal
    value (``province = "Hà Tĩnh"`` is a ``str``); ``None`` when unknown (anything goes). The
    cell is read with :mod:`ast` rather than ``papermill.inspect_notebook``: importing
    papermill and nbformat costs about a second, which a batch with nothing to do cannot afford.
    """
    types = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}
    cells = read_notebook_json(path).get("cells", [])
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    source = "".join(tagged[0]["source"]) if tagged else ""
    try:
        body = ast.parse(source).body
    except SyntaxError as exc:
        raise ParameterError(
            f"{path.name}: the cell tagged 'parameters' is not valid Python (line {exc.lineno}: "
            f'{exc.msg}); it must hold plain assignments such as province = "Hà Tĩnh"'
        ) from None
    out: dict[str, tuple[type | None, Any]] = {}
    for node in body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if not isinstance(target, ast.Name) or getattr(node, "value", None) is None:
            continue
        annotation = getattr(node, "annotation", None)
        kind = types.get(ast.unparse(annotation).split("[")[0]) if annotation else None
        try:
            default = ast.literal_eval(node.value)
        except ValueError:  # an expression: shown as written, its type unknown
            default = ast.get_source_segment(source, node.value)
        else:
            if kind is None and default is not None and type(default) in types.values():
                kind = type(default)
        out[target.id] = (kind, default)
    return out


def read_notebook_json(path: Path) -> dict[str, Any]:
    """The notebook file as plain JSON (no nbformat validation: cheap, for metadata lookups)."""

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnknownNotebookError(
            f"{path} is not a readable notebook (.ipynb JSON): {exc}"
        ) from None


def check_parameters(path: Path, parameters: Mapping[str, Any]) -> None:
    """Fail clearly if a parameter is not in the notebook or has the wrong type."""
    declared = notebook_parameters(path)
    for name, value in parameters.items():
        if name not in declared:
            raise ParameterError(
                f"{path.name} has no parameter {name!r}; its parameters are: "
                f"{', '.join(declared) or '(none: tag a cell with parameters)'}"
            )
        kind, default = declared[name]
        if kind is None or value is None:
            continue
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        ok = ok or (kind is float and isinstance(value, int) and not isinstance(value, bool))
        if not ok:
            raise ParameterError(
                f"parameter {name!r} of {path.name} expects {kind.__name__} "
                f"(default {default!r}), got {type(value).__name__} {value!r}"
            )


def parse_cli_parameters(path: str | os.PathLike[str], pairs: Mapping[str, str]) -> dict[str, Any]:
    """Convert ``-p key value`` strings to the types of the notebook's defaults.

    Text parameters keep the text as given (``-p geography 2025`` is the string "2025"); other
    parameters are parsed as Python literals (``-p year 2024``, ``-p flag True``) and then
    type-checked by :func:`check_parameters`. ``path`` may be a notebook name.
    """
    path = resolve_notebook(path)
    declared = notebook_parameters(path)
    out: dict[str, Any] = {}
    for name, raw in pairs.items():
        kind = declared.get(name, (None, None))[0]
        if kind is str:
            out[name] = raw
            continue
        try:
            out[name] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            out[name] = raw
    check_parameters(path, out)
    return out


def canonical_parameters(nb_path: Path, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a run really gets: the notebook's defaults overridden by ``parameters``.

    Why: ``dvk reports`` passes no geography and ``dvk batch`` passes the default one; both
    are the same run and must hash the same, or each re-runs everything the other made.
    Runner parameters (``output_dir``) are not part of a run's identity and are left out.
    """
    declared = notebook_parameters(nb_path)
    out = {k: default for k, (_, default) in declared.items() if k not in RUNNER_PARAMETERS}
    out.update({k: v for k, v in parameters.items() if k not in RUNNER_PARAMETERS})
    return out
