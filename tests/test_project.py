"""The project's contract with a fresh machine: README commands, CI, pinned dependencies."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from dvk_analysis.paths import project_root

ROOT = project_root()


def _requirement_names(specs: list[str]) -> set[str]:
    return {
        re.split(r"[<>=!~ \[;]", s.strip(), maxsplit=1)[0].lower().replace("_", "-") for s in specs
    }


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = _requirement_names(project["dependencies"] + project["optional-dependencies"]["test"])
    env_specs = []
    text = (ROOT / "environment.yml").read_text("utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        item = re.match(r"^\s+- ([A-Za-z][\w.-]*[^:]*)$", line)
        if item and not item.group(1).startswith(("python", "pip")):
            env_specs.append(item.group(1))
    assert _requirement_names(env_specs) == wanted


def test_lock_pins_every_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = _requirement_names(project["dependencies"] + project["optional-dependencies"]["test"])
    pins = {}
    for line in (ROOT / "requirements.lock").read_text("utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    assert wanted <= set(pins), f"not pinned: {sorted(wanted - set(pins))}"


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\s*(make \S+)\s*$", setup, flags=re.M)


def test_readme_gives_two_setup_commands_that_are_make_targets():
    commands = _readme_commands()
    assert commands == ["make reports", "make test"]
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text("utf-8"), re.M))
    assert {c.split()[1] for c in commands} <= targets


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", script, flags=re.M)


def test_dvk_help_runs():
    out = subprocess.run(
        [sys.executable, "-m", "dvk_analysis.run.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for command in ("validate", "extract", "evaluate", "reports", "batch", "run"):
        assert re.search(rf"^\s+{command}\s", out, flags=re.M), command


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from dvk_analysis.run.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('pandas','matplotlib','statsmodels','pandera','papermill') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_generated_codebook_is_current():
    from dvk_analysis.data.docs import codebook_markdown

    assert (ROOT / "docs" / "codebook.md").read_text("utf-8") == codebook_markdown()
