"""Every docs page's runnable commands run as written.

A fenced block whose info string is ``sh runnable`` is run line by line with bash in a scratch
copy of the project (``DVK_PROJECT_ROOT`` points there), with ``.venv/bin`` first on the PATH;
each line must exit 0. Other blocks are illustrations and are not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dvk_analysis.paths import project_root

ROOT = project_root()
BLOCK = re.compile(r"^( *)```sh runnable\n(.*?)^\1```", re.S | re.M)


def _runnable_blocks() -> list[tuple[str, str]]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    found = []
    for page in pages:
        for _indent, block in BLOCK.findall(page.read_text("utf-8")):
            found.append((page.name, textwrap.dedent(block)))
    return found


def test_docs_have_runnable_blocks():
    names = {page for page, _ in _runnable_blocks()}
    assert {"quickstart.md", "adding-articles.md"} <= names


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docs") / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "reports", "__pycache__", ".*cache*")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / ".venv").symlink_to(Path(sys.prefix))
    return target


@pytest.mark.slow
@pytest.mark.parametrize(("page", "block"), _runnable_blocks())
def test_runnable_block(page, block, project_copy):
    env = {
        **os.environ,
        "DVK_PROJECT_ROOT": str(project_copy),
        "PATH": f"{Path(sys.prefix) / 'bin'}{os.pathsep}{os.environ['PATH']}",
    }
    script = "set -euo pipefail\n" + block
    result = subprocess.run(
        ["bash", "-c", script], cwd=project_copy, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"{page}:\n{block}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    )


def test_methods_doc_gives_every_metric():
    from dvk_analysis.analysis.metrics import METRICS

    methods = (ROOT / "docs" / "methods.md").read_text("utf-8")
    missing = [m.name for m in METRICS if f"`{m.name}`" not in methods]
    assert missing == []


def test_every_error_row_names_an_existing_test():
    """docs/errors.md lists each bad input with the test that asserts it; those tests exist."""
    rows = re.findall(r"`(test_\w+\.py)::(test_\w+)`", (ROOT / "docs" / "errors.md").read_text())
    assert len(rows) > 40
    missing = [
        f"{file}::{name}"
        for file, name in rows
        if not re.search(rf"^def {name}\(", (ROOT / "tests" / file).read_text(), re.M)
    ]
    assert missing == []


def test_every_relative_link_and_image_in_the_docs_exists():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text("utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # a web address or an anchor in the same page
            if not (page.parent / target.split("#")[0]).exists():
                broken.append(f"{page.name}: {target}")
    assert broken == []
