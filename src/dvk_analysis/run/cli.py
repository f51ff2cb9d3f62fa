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

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _err(message: str) -> None:
    print(f"dvk: error: {message}", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every table in the data folder; print one line per problem."""
    from dvk_analysis.data.validate import validate_all, validation_warnings, write_checksums

    folder = Path(args.data_dir)
    if args.update_checksums:
        print(f"wrote {write_checksums(folder / 'raw')}")
    problems = validate_all(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    for warning in validation_warnings(folder):
        print(f"warning: {warning}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{folder}: all tables valid")
    return EXIT_OK


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
    """Run one notebook with parameters."""
    from dvk_analysis.run.pipeline import run_single

    return run_single(args.notebook, dict(args.parameter or []), output_dir=args.output_dir)


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

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str):
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("validate", cmd_validate, "validate the raw, curated and reference data")
    p.add_argument("--data-dir", default=str(data_dir()), help="data folder (default: %(default)s)")
    p.add_argument(
        "--update-checksums",
        action="store_true",
        help="record data/raw checksums first (after deliberately adding an article)",
    )

    p = add("extract", cmd_extract, "extract codebook observations from article texts")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt files or folders of them")
    p.add_argument("--manifest", metavar="CSV", help="manifest with language, published, province")
    p.add_argument("--lang", metavar="XX", help="language of every text (else manifest/detected)")
    p.add_argument("--encoding", default="utf-8", help="text encoding (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="OUT.csv", help="output CSV (default: stdout)")

    p = add("evaluate", cmd_evaluate, "precision, recall and F1 of extraction vs curated data")
    p.add_argument("--observations", metavar="CSV", help="gold observations (default: curated)")
    p.add_argument("--extracted", metavar="CSV", help="extracted CSV (default: extract the corpus)")
    p.add_argument(
        "--split",
        choices=("dev", "test", "all"),
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
    p.add_argument("--provinces", default="all", help="'all' or comma-separated names")
    p.add_argument("--jobs", type=int, default=1, help="parallel workers")
    p.add_argument("--force", action="store_true", help="re-run even when nothing changed")
    p.add_argument("--cold", action="store_true", help="fresh kernel for every province")
    p.add_argument(
        "--geography",
        choices=["legacy", "2025"],
        default="legacy",
        help="63 legacy provinces or the 34 after the 2025 merger (default: %(default)s)",
    )
    p.add_argument("--output", metavar="DIR", help="report folder (default: reports/)")
    p.add_argument("--wait", action="store_true", help="queue behind a batch already writing there")
    p.add_argument("--executor", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address")

    p = add("run", cmd_run, "run one notebook with parameters")
    p.add_argument("notebook", help="notebook name or path")
    p.add_argument(
        "-p", "--parameter", nargs=2, action="append", metavar=("KEY", "VALUE"), help="parameter"
    )
    p.add_argument("--output-dir", help="where to write the executed notebook and outputs")

    p = add("codebook", cmd_codebook, "write the codebook page generated from the schema")
    p.add_argument("-o", "--output", default="docs/codebook.md", help="output file or '-'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dvk`` command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from dvk_analysis.errors import USER_ERRORS

    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted; finished outputs were kept, partial ones removed")
        return EXIT_INTERRUPTED
    except USER_ERRORS as error:
        _err(str(error))
        return EXIT_PROBLEMS


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
