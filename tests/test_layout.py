"""The house plan holds: layers import only downwards, no import cycle, no oversized module.

Layers, lowest first (README "Layout"): the core modules (errors, paths, fileio, codebook,
gazetteer) <- text <- data <- analysis <- figures <- report <- run. Every import counts, also one
inside a function or under ``TYPE_CHECKING``: a lazy import still ties two modules together.
The package's own ``__init__`` is the public facade over all layers and is left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dvk_analysis

PACKAGE = Path(dvk_analysis.__file__).parent
LAYERS = ("core", "text", "data", "analysis", "figures", "report", "run")
MAX_LINES = 700
WHY = "Why one module:"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else 0


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    found.pop("dvk_analysis")  # the lazy public facade
    return found


def imports(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere in its code."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("dvk_analysis."):
                out.add(name)
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    return {m: imports(p, set(found)) - {m} for m, p in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def test_the_checks_see_what_they_look_for():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert layer("dvk_analysis.run.cli") > layer("dvk_analysis.text.lexicon") == 1
    assert layer("dvk_analysis.gazetteer") == 0
    edges = graph()
    assert "dvk_analysis.text.lexicon" in edges["dvk_analysis.text.extract"]
    assert "dvk_analysis.paths" in edges["dvk_analysis.data.dataset"]


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_each_layer_imports_only_its_own_or_lower_layers():
    upward = [
        f"{m} ({LAYERS[layer(m)]}) imports {t} ({LAYERS[layer(t)]})"
        for m, targets in sorted(graph().items())
        for t in sorted(targets)
        if layer(t) > layer(m)
    ]
    assert upward == []


@pytest.mark.parametrize("module", sorted(modules()))
def test_no_module_over_700_lines_unless_its_docstring_says_why(module):
    path = modules()[module]
    lines = len(path.read_text("utf-8").splitlines())
    docstring = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
    assert lines <= MAX_LINES or WHY in docstring, f"{path.name}: {lines} lines"


def per_language_literals(source: str, codes: set[str]) -> list[int]:
    """Lines of dict literals keyed by three or more language codes, and of tuple/list/set
    literals listing three or more of them: a language list written out in code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            items = node.keys
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = node.elts
        else:
            continue
        named = {k.value for k in items if isinstance(k, ast.Constant) and k.value in codes}
        if len(named) >= 3:
            found.append(node.lineno)
    return found


def test_the_language_list_is_defined_once_by_the_lexicon_files():
    from dvk_analysis.text.lexicon import LANGUAGES

    codes = set(LANGUAGES)
    assert per_language_literals('x = {"vi": 1, "en": 2,\n "fr": 3}', codes) == [1]
    assert per_language_literals('DECOYS = ("it", "pt", "vi")', codes) == []
    written_out = {
        module: lines
        for module, path in modules().items()
        if (lines := per_language_literals(path.read_text("utf-8"), codes))
    }
    assert written_out == {}
