"""Build the generated outputs at two git revisions and compare them byte for byte.

    .venv/bin/python scripts/compare_outputs.py 1d5a438^ 1d5a438

For each revision the script checks it out in a temporary git worktree, runs that revision's
own ``dvk reports`` there (validate, data set, notebooks, province reports, README figures), and
then compares the files the two builds wrote:

- by default the figures and tables: ``*.svg``, ``*.png`` and ``*.csv`` under ``reports/`` and
  ``docs/figures/``;
- with ``--all`` every file under ``reports/`` and ``docs/figures/`` and the re-executed
  ``notebooks/*.ipynb`` as well (HTML pages and notebooks hold run records and paths, so a
  difference there is shown but is not in itself a change of a figure or a table).

It prints one row per file (``same``, ``different``, ``only in A`` / ``only in B``) and a count,
and exits 1 when any compared file differs or exists on one side only, 0 when all are
byte-identical, 2 when a build failed.

One virtual environment serves both revisions (``--python``, default this checkout's
``.venv/bin/python``, made by ``make .venv/.dvk-installed``): each build runs with
``PYTHONPATH=<worktree>/src`` and ``DVK_PROJECT_ROOT=<worktree>``, and the script checks, in the
build's Python and in a notebook kernel started the way ``dvk reports`` starts them, that
``dvk_analysis`` is imported from that worktree and not from the editable install. The two
revisions must pin the same stack (identical ``requirements.lock``); otherwise the script stops,
since one environment could not stand for both.

A full build takes several minutes. ``--work DIR`` keeps each build in ``DIR/<commit>/`` and
reuses it on the next call (``--rebuild`` to build again).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES_AND_TABLES = (".svg", ".png", ".csv")
OUTPUT_DIRS = ("reports", "docs/figures")
KERNEL = "dvk-analysis"
PROBE = (
    "import json, sys, nbclient, nbformat\n"
    "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("
    "'import dvk_analysis; print(dvk_analysis.__file__)')])\n"
    "nbclient.NotebookClient(nb, kernel_name=sys.argv[1], timeout=120).execute()\n"
    "import dvk_analysis\n"
    "print(json.dumps([dvk_analysis.__file__, nb.cells[0].outputs[0]['text'].strip()]))\n"
)


def git(*args: str, cwd: Path = ROOT) -> str:
    """Run git in ``cwd``; return its stripped standard output."""
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def commit_of(rev: str) -> str:
    """The full commit id of ``rev``."""
    return git("rev-parse", "--verify", f"{rev}^{{commit}}")


def collect(tree: Path, everything: bool) -> dict[str, str]:
    """Map each output file under ``tree`` (relative path) to the SHA-256 of its bytes."""
    found: dict[str, str] = {}
    folders = [tree / d for d in OUTPUT_DIRS]
    files = [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    if everything:
        files += sorted((tree / "notebooks").glob("*.ipynb"))
    for path in files:
        if everything or path.suffix.lower() in FIGURES_AND_TABLES:
            found[path.relative_to(tree).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def compare(a: dict[str, str], b: dict[str, str]) -> list[tuple[str, str]]:
    """One ``(file, status)`` row per file of either side, sorted by file."""
    rows = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            status = "only in A"
        elif name not in a:
            status = "only in B"
        else:
            status = "same" if a[name] == b[name] else "different"
        rows.append((name, status))
    return rows


def print_table(rows: list[tuple[str, str]], label_a: str, label_b: str, out=sys.stdout) -> None:
    """The comparison table and the closing counts."""
    width = max([len(name) for name, _ in rows] + [4])
    print(f"A = {label_a}\nB = {label_b}\n", file=out)
    print(f"{'file'.ljust(width)}  status", file=out)
    print(f"{'-' * width}  ---------", file=out)
    for name, status in rows:
        print(f"{name.ljust(width)}  {status}", file=out)
    counts = {s: sum(1 for _, st in rows if st == s) for s in ("same", "different")}
    one_side = sum(1 for _, st in rows if st.startswith("only"))
    print(
        f"\n{len(rows)} files: {counts['same']} same, {counts['different']} different, "
        f"{one_side} on one side only",
        file=out,
    )


def build_env(tree: Path) -> dict[str, str]:
    """The environment of a build: this worktree's package and project root, nothing else."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree / "src")
    env["DVK_PROJECT_ROOT"] = str(tree)
    env.pop("PYTHONHOME", None)
    return env


def check_imports(python: str, tree: Path) -> None:
    """Stop unless the build's Python and its notebook kernel import the worktree's package."""
    probe = subprocess.run(
        [python, "-c", PROBE, KERNEL], cwd=tree, env=build_env(tree), check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    import json

    expected = (tree / "src" / "dvk_analysis" / "__init__.py").resolve()
    for where, path in zip(
        ("python", "kernel"), json.loads(probe.stdout.splitlines()[-1]), strict=True
    ):
        if Path(path).resolve() != expected:
            raise SystemExit(f"compare_outputs: the {where} imports {path}, not {expected}")
    print(f"    dvk_analysis imported from {expected.parent} (python and kernel)", file=sys.stderr)


def entry_point(tree: Path) -> str:
    """``module:function`` of the revision's ``dvk`` command (from its pyproject.toml)."""
    import tomllib

    with open(tree / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["scripts"]["dvk"]


def build(commit: str, python: str, work: Path, rebuild: bool, jobs: int) -> Path:
    """Check ``commit`` out under ``work`` and run its ``dvk reports``; return the worktree."""
    tree = work / commit
    done = tree / ".compare-outputs-done"
    if done.exists() and not rebuild:
        print(f"==> {commit[:10]}: reusing the build in {tree}", file=sys.stderr)
        return tree
    if tree.exists():
        git("worktree", "remove", "--force", str(tree))
    git("worktree", "add", "--detach", str(tree), commit)
    print(f"==> {commit[:10]}: dvk reports in {tree}", file=sys.stderr)
    check_imports(python, tree)
    module, function = entry_point(tree).split(":")
    code = (
        f"import sys; from {module} import {function} as main; "
        f"sys.exit(main(['reports', '--jobs', '{jobs}']))"
    )
    result = subprocess.run([python, "-c", code], cwd=tree, env=build_env(tree))
    if result.returncode:
        raise SystemExit(f"compare_outputs: dvk reports failed at {commit[:10]}")
    done.write_text("built\n", encoding="utf-8")
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev_a", help="first revision (e.g. 1d5a438^)")
    parser.add_argument("rev_b", help="second revision (e.g. 1d5a438)")
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"),
                        help="Python of a venv with the locked stack and the kernel")  # fmt: skip
    parser.add_argument("--work", type=Path, help="keep builds here and reuse them")
    parser.add_argument("--rebuild", action="store_true", help="build again even if kept")
    parser.add_argument("--all", action="store_true", help="compare every output file")
    parser.add_argument("--jobs", type=int, default=2, help="province runs in parallel")
    args = parser.parse_args(argv)

    commits = [commit_of(args.rev_a), commit_of(args.rev_b)]
    locks = {git("show", f"{c}:requirements.lock") for c in commits}
    if len(locks) != 1:
        print("compare_outputs: the revisions pin different stacks (requirements.lock); "
              "one environment cannot build both", file=sys.stderr)  # fmt: skip
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="dvk-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    trees = []
    try:
        for commit in commits:
            trees.append(build(commit, args.python, work.resolve(), args.rebuild, args.jobs))
        rows = compare(collect(trees[0], args.all), collect(trees[1], args.all))
    except subprocess.CalledProcessError as error:
        print(f"compare_outputs: {error}\n{error.stderr or ''}", file=sys.stderr)
        return 2
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        if args.work is None:
            for tree in trees:
                git("worktree", "remove", "--force", str(tree))
            shutil.rmtree(work, ignore_errors=True)
            git("worktree", "prune")
    labels = [
        f"{rev} ({commit[:10]})"
        for rev, commit in zip((args.rev_a, args.rev_b), commits, strict=True)
    ]
    print_table(rows, *labels)
    return 1 if any(status != "same" for _, status in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
