"""The ``dvk`` command: a stable interface that researchers and tests script against.

Heavy libraries (pandas, pandera, statsmodels, papermill) are imported inside each command, so
``dvk --help`` starts in a fraction of a second. Every command turns a known bad input into a
one-line message on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from dvk_analysis import __version__
from dvk_analysis.codebook import SPLITS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


EXAMPLES: dict[str, str] = {
    "validate": _examples("dvk validate", "dvk validate --update-checksums  # after adding one"),
    "extract": _examples(
        "dvk extract data/raw/articles --manifest data/raw/manifest.csv -o out.csv",
        "dvk extract my_article.txt --lang vi",
    ),
    "reports": _examples("dvk reports --jobs 2  # what `make reports` runs"),
    "batch": _examples(
        "dvk batch",
        'dvk batch --provinces "Hà Tĩnh,lai-chau,Lang Son" --jobs 2',
        "dvk batch --geography 2025",
        "dvk provinces  # the names",
    ),
    "run": _examples(
        'dvk run 02_province_profile -p province "Lạng Sơn"',
        'dvk run 02_province_profile -p province "Lạng Sơn" -p geography 2025',
        "dvk run 02_province_profile --help  # the notebook's parameters",
    )
    + "\nThe HTML page's path is printed at the end.",
    "provinces": _examples("dvk provinces", "dvk provinces --geography 2025 --with-data"),
    "lab": _examples("dvk lab  # what `make lab` runs", "dvk lab --port 8890 --no-browser"),
    "lab-copy": _examples(
        "dvk lab-copy 02_province_profile --name lang-son  # then open work/lang-son.ipynb"
    ),
}
"""Examples shown at the end of each command's ``--help``."""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help that shows each option's default (when it has a real one) and keeps line breaks."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if "%(default)" in text or default in (None, False, argparse.SUPPRESS):
            return text
        if action.option_strings or action.nargs in ("?", "*"):
            return f"{text} (default: %(default)s)"
        return text


def user_message(error: BaseException) -> str:
    """One line for a user error; an OS error names its path and says what is wrong with it.

    ``-o some/file.csv/out.csv`` fails deep in ``mkdir`` with "[Errno 17] File exists:
    'some/file.csv'"; the reader needs "some/file.csv: is a file, not a folder".
    """
    if not isinstance(error, OSError) or not error.filename or error.strerror is None:
        return str(error)
    path = Path(str(error.filename))
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        blocking = next((p for p in (path, *path.parents) if p.is_file()), None)
        if blocking is not None:
            return f"{blocking}: is a file, not a folder; choose an output path not inside it"
    return f"{path}: {error.strerror}"


def _err(message: str) -> None:
    print(f"dvk: error: {message}", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every table in the data folder; print one line per problem."""
    from dvk_analysis.data.validate import validate_all, validation_warnings, write_checksums

    folder = Path(args.data_dir)
    if args.update_checksums:
        print(f"wrote {write_checksums(folder / 'raw')}")
    problems = validate_all(folder)
    for line in warning_lines(validation_warnings(folder), every=args.warnings):
        print(line, file=sys.stderr)
    for problem in problems:  # last, so that no warning scrolls them away
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{folder}: all tables valid")
    return EXIT_OK


WARNINGS_SHOWN = 3
"""Warnings of one kind (file and column) ``dvk validate`` prints before summing up the rest."""


def warning_lines(warnings: Sequence[object], *, every: bool = False) -> list[str]:
    """``warning: ...`` lines: all of them with ``every``, else the first few of each kind
    (file and column) and one line counting the rest, so that a long list of known, harmless
    warnings never buries a problem."""
    kinds: dict[tuple[str, str], list[str]] = {}
    for warning in warnings:
        kind = (str(getattr(warning, "file", "")), str(getattr(warning, "column", None) or ""))
        kinds.setdefault(kind, []).append(f"warning: {warning}")
    lines: list[str] = []
    for (file, column), found in kinds.items():
        shown = found if every else found[:WARNINGS_SHOWN]
        lines += shown
        if len(found) > len(shown):
            what = f"{file}, column {column!r}" if column else file
            lines.append(
                f"warning: ... and {len(found) - len(shown)} more like these in {what} "
                "(dvk validate --warnings lists every one)"
            )
    return lines


def cmd_codebook(args: argparse.Namespace) -> int:
    """Write the codebook page generated from the schema and the vocabulary."""
    from dvk_analysis.data.docs import codebook_markdown
    from dvk_analysis.fileio import atomic_write_text

    text = codebook_markdown()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        print(f"wrote {atomic_write_text(Path(args.output), text)}")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract codebook observations from article texts."""
    from dvk_analysis.fileio import check_output_path, csv_text
    from dvk_analysis.text.extract import extract_paths

    if args.output not in (None, "-"):  # refuse before the (slow) extraction
        inputs = [*args.paths, *([args.manifest] if args.manifest else [])]
        check_output_path(args.output, inputs, "output")
    frame = extract_paths(
        [Path(p) for p in args.paths],
        manifest=Path(args.manifest) if args.manifest else None,
        lang=args.lang,
        encoding=args.encoding,
        jobs=args.jobs,
    )
    text = csv_text(frame)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        from dvk_analysis.fileio import atomic_write_text

        atomic_write_text(Path(args.output), text)
        print(f"wrote {len(frame)} observations to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score extracted observations against the curated ones."""
    from dvk_analysis.text.evaluate import evaluate_files

    print(evaluate_files(args.observations, args.extracted, split=args.split))
    return EXIT_OK


def cmd_reports(args: argparse.Namespace) -> int:
    """The main job: validate, build the data set, run every notebook, write reports/."""
    from dvk_analysis.run.pipeline import run_reports

    return run_reports(jobs=args.jobs, force=args.force, cold=args.cold)


def cmd_batch(args: argparse.Namespace) -> int:
    """Run one notebook per province with papermill."""
    from dvk_analysis.run.pipeline import run_province_batch

    return run_province_batch(
        notebook=args.notebook,
        provinces=args.provinces,
        jobs=args.jobs,
        force=args.force,
        cold=args.cold,
        executor=args.executor,
        scheduler=args.scheduler,
        geography=args.geography,
        wait=args.wait,
        **({"output_root": args.output} if args.output else {}),
    )


def cmd_run(args: argparse.Namespace) -> int:
    """Run one notebook with parameters (``--help`` after a notebook lists its parameters)."""
    if args.help or not args.notebook:
        print(args.parser.format_help())
        if args.notebook:
            print(notebook_parameters_help(args.notebook))
        elif not args.help:
            _err("which notebook? e.g. dvk run 02_province_profile -p province 'Lạng Sơn'")
            return EXIT_USAGE
        return EXIT_OK
    from dvk_analysis.run.pipeline import run_single

    return run_single(args.notebook, dict(args.parameter or []), output_dir=args.output_dir)


def notebook_parameters_help(notebook: str) -> str:
    """The parameters of a notebook as ``dvk run NOTEBOOK --help`` shows them.

    Names, defaults and comments come from :func:`papermill.inspect_notebook` (what papermill
    itself will inject); the type is the one ``dvk run`` converts ``-p`` values to.
    """
    import papermill

    from dvk_analysis.run.parameters import notebook_parameters, resolve_notebook

    path = resolve_notebook(notebook)
    declared = notebook_parameters(path)
    lines = [f"parameters of {path.name} (set with -p NAME VALUE):"]
    for name, info in papermill.inspect_notebook(str(path)).items():
        kind = declared.get(name, (None, None))[0]
        type_name = kind.__name__ if kind else "any"
        lines.append(f"  {name}: {type_name} = {info['default']}")
        if info.get("help"):
            lines.append(f"      {info['help']}")
    return "\n".join(lines)


def cmd_provinces(args: argparse.Namespace) -> int:
    """List province names (legacy and 2025) with how many claims the corpus holds for each."""
    for line in province_listing(args.geography, with_data=args.with_data):
        print(line)
    return EXIT_OK


def claims_per_province(geography: str) -> dict[str, int]:
    """How many curated claims are about each province of ``geography`` (by canonical name)."""
    from collections import Counter

    from dvk_analysis.data.load import load_observations
    from dvk_analysis.gazetteer import successor_2025
    from dvk_analysis.paths import data_dir

    names = load_observations(data_dir() / "curated" / "observations.csv")["province"].dropna()
    if geography == "2025":
        names = names.map(successor_2025)
    return dict(Counter(names))


def province_listing(geography: str = "both", with_data: bool = False) -> list[str]:
    """Lines of ``dvk provinces``: name, slug (the report folder), claims, predecessors.

    Any of these spellings (and the name without diacritics) is accepted by ``dvk batch`` and
    ``dvk run``; the slug is also the folder name under ``reports/provinces/``.
    """
    from dvk_analysis.gazetteer import provinces

    lines: list[str] = []
    for geo in ("legacy", "2025") if geography == "both" else (geography,):
        counts = claims_per_province(geo)
        title = (
            "63 provinces before the 2025 merger"
            if geo == "legacy"
            else ("34 provinces from 1 July 2025")
        )
        lines += [f"{title} (--geography {geo}):", f"  {'name':<22} {'slug':<22} claims"]
        for province in provinces(geo):
            n = counts.get(province.name, 0)
            if with_data and not n:
                continue
            merged = province.merged_from if len(province.merged_from) > 1 else ()
            note = f"  (from {', '.join(merged)})" if merged else ""
            lines.append(f"  {province.name:<22} {province.slug:<22} {n:>6}{note}")
        lines.append("")
    return lines[:-1]


def cmd_lab(args: argparse.Namespace) -> int:
    """Open JupyterLab on the repository root with the project's kernel only."""
    import subprocess

    from dvk_analysis.paths import project_root
    from dvk_analysis.run.lab import lab_command

    return subprocess.call(lab_command(project_root(), args.jupyter_args))


def cmd_lab_copy(args: argparse.Namespace) -> int:
    """Copy a committed notebook to work/ for experimenting (never autosaved over)."""
    from dvk_analysis.paths import project_root
    from dvk_analysis.run.lab import lab_copy
    from dvk_analysis.run.parameters import resolve_notebook

    try:
        target = lab_copy(resolve_notebook(args.notebook), project_root(), args.name)
    except FileExistsError as error:
        _err(str(error))
        return EXIT_PROBLEMS
    print(f"copied to {target}; open it in JupyterLab (make lab) and work there")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (kept separate so tests and docs can inspect it)."""
    from dvk_analysis.paths import data_dir

    parser = argparse.ArgumentParser(
        prog="dvk",
        description="Reproducible analysis of 'Dân vận khéo' claims and new-rural-area (NTM) "
        "achievement: extract, validate, analyse and report.",
    )
    parser.add_argument("--version", action="version", version=f"dvk-analysis {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, **kwargs):
        p = sub.add_parser(
            name,
            help=help_,
            description=help_,
            epilog=EXAMPLES.get(name),
            formatter_class=HelpFormatter,
            **kwargs,
        )
        p.set_defaults(func=func, parser=p)
        return p

    p = add("validate", cmd_validate, "validate the raw, curated and reference data")
    p.add_argument("--data-dir", default=str(data_dir()), help="data folder")
    p.add_argument(
        "--update-checksums",
        action="store_true",
        help="record data/raw checksums first (after deliberately adding an article)",
    )
    p.add_argument(
        "--warnings",
        action="store_true",
        help=f"list every warning (default: {WARNINGS_SHOWN} of each kind and a count)",
    )

    p = add("extract", cmd_extract, "extract codebook observations from article texts")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt files or folders of them")
    p.add_argument("--manifest", metavar="CSV", help="manifest with language, published, province")
    p.add_argument("--lang", metavar="XX", help="language of every text (else manifest/detected)")
    p.add_argument("--encoding", default="utf-8", help="text encoding")
    p.add_argument("--jobs", type=int, metavar="N", help="processes (default: every core)")
    p.add_argument("-o", "--output", metavar="OUT.csv", help="output CSV (default: stdout)")

    p = add("evaluate", cmd_evaluate, "precision, recall and F1 of extraction vs curated data")
    p.add_argument("--observations", metavar="CSV", help="gold observations (default: curated)")
    p.add_argument("--extracted", metavar="CSV", help="extracted CSV (default: extract the corpus)")
    p.add_argument(
        "--split",
        choices=(*SPLITS, "all"),
        default="dev",
        help="manifest split to score (default: %(default)s; empty split cells are dev)",
    )

    p = add(
        "reports", cmd_reports, "main job: validate, build data set, run notebooks, write reports/"
    )
    p.add_argument("--jobs", type=int, default=2, help="parallel notebook workers")
    p.add_argument("--force", action="store_true", help="re-run notebooks even if unchanged")
    p.add_argument("--cold", action="store_true", help="fresh kernel for every notebook")

    p = add("batch", cmd_batch, "run a notebook once per province into reports/provinces/")
    p.add_argument("--notebook", default="02_province_profile", help="notebook name")
    p.add_argument(
        "--provinces",
        default="all",
        help="'all' (every province with claims) or comma-separated names; see dvk provinces",
    )
    p.add_argument("--jobs", type=int, default=1, help="parallel workers")
    p.add_argument("--force", action="store_true", help="re-run even when nothing changed")
    p.add_argument("--cold", action="store_true", help="fresh kernel for every province")
    p.add_argument(
        "--geography",
        choices=["legacy", "2025"],
        default="legacy",
        help="63 legacy provinces or the 34 after the 2025 merger",
    )
    p.add_argument("--output", metavar="DIR", help="report folder (default: reports/)")
    p.add_argument("--wait", action="store_true", help="queue behind a batch already writing there")
    p.add_argument(
        "--executor", choices=["local", "dask"], default="local", help="where runs happen"
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address")

    p = add("run", cmd_run, "run one notebook with parameters", add_help=False)
    p.add_argument(
        "-h",
        "--help",
        action="store_true",
        help="show this help (and, after a notebook, its parameters)",
    )
    p.add_argument("notebook", nargs="?", help="notebook name (02_province_profile) or path")
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="a notebook parameter (repeat for several)",
    )
    p.add_argument(
        "--output-dir",
        help="where to write the executed notebook, its outputs and the HTML page "
        "(default: a folder under reports/runs/ named after the notebook and parameters)",
    )

    p = add("provinces", cmd_provinces, "list province names with the claims held for each")
    p.add_argument(
        "--geography",
        choices=["legacy", "2025", "both"],
        default="both",
        help="the 63 legacy provinces, the 34 after the 2025 merger, or both",
    )
    p.add_argument("--with-data", action="store_true", help="only provinces with claims")

    p = add("lab", cmd_lab, "JupyterLab on the repository root, project kernel only, no autosave")
    p.add_argument(
        "jupyter_args",
        nargs=argparse.REMAINDER,
        help="passed on to jupyter lab (e.g. --port 8890 --no-browser)",
    )

    p = add("lab-copy", cmd_lab_copy, "copy a committed notebook to work/ to experiment in")
    p.add_argument("notebook", help="notebook name, e.g. 02_province_profile")
    p.add_argument("--name", help="name of the copy (default: the notebook's)")

    p = add("codebook", cmd_codebook, "write the codebook page generated from the schema")
    p.add_argument("-o", "--output", default="docs/codebook.md", help="output file or '-'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dvk`` command; return its exit code."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "func", None) is cmd_lab:
        args.jupyter_args = [*extra, *args.jupyter_args]  # `dvk lab --port 8890` goes to jupyter
    elif extra:
        parser.parse_args(argv)  # the usual "unrecognized arguments" error, exit 2
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from dvk_analysis.errors import USER_ERRORS

    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted; finished outputs were kept, partial ones removed")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `dvk provinces | head`: the reader has stopped; say nothing
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_BROKEN_PIPE
    except USER_ERRORS as error:
        _err(user_message(error))
        return EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
