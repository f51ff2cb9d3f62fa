"""The main job (``dvk reports`` / ``make reports``): from raw data to every report.

Steps, each timed and listed in the closing summary table:

1. **validate** every table (``validate.validate_all``); stop at the first problem list.
2. **dataset**: the analysis data set, the panel and its exclusions, to ``reports/dataset/``.
3. **notebooks**: re-execute ``notebooks/*.ipynb`` in place with their default parameters, so
   the committed outputs are those of the current code and data (nbval checks them in CI).
   Volatile papermill metadata (timings) is stripped so that an unchanged result leaves the
   file unchanged.
4. **provinces**: ``notebooks/02_province_profile.ipynb`` once per province with claims
   (``batch.run_batch``: warm kernels, incremental, failure-isolated) and ``reports/index.html``.
5. **figures**: the README's figures in ``docs/figures/`` (SVG + PNG).

Nothing under ``data/`` is written: a test compares its checksums before and after.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dvk_analysis.paths import data_dir, notebooks_dir, project_root, reports_dir

PROFILE_NOTEBOOK = "02_province_profile"
KERNEL = "dvk-analysis"


@dataclass
class Step:
    """One step of the main job, for the summary table."""

    name: str
    status: str = "ok"
    seconds: float = 0.0
    detail: str = ""


def _timed(steps: list[Step], name: str, func: Callable[[], str]) -> Step:
    step = Step(name)
    start = time.perf_counter()
    try:
        step.detail = func()
    except Exception as error:
        step.status, step.detail = "failed", f"{type(error).__name__}: {error}"
        raise
    finally:
        step.seconds = time.perf_counter() - start
        steps.append(step)
    return step


def write_dataset(out: Path, folder: Path | None = None) -> list[Path]:
    """Write the analysis data set, the panel (long), its exclusions and the analysis-ready
    province tables (one row per province, date and indicator; legacy and 2025 maps) as CSV."""
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.analysis.province_table import province_table
    from dvk_analysis.data.dataset import build_dataset
    from dvk_analysis.fileio import write_csv

    dataset = build_dataset(folder)
    stories = dict(zip(dataset["source_key"], dataset["story_id"], strict=True))
    panel = build_panel(dataset, stories=stories)
    tables = {
        "observations": dataset,
        "panel_long": panel.panel_long(),
        "panel_exclusions": panel.exclusions,
        "province_table_legacy": province_table(dataset, geography="legacy"),
        "province_table_2025": province_table(dataset, geography="2025"),
    }
    return [write_csv(out / f"{name}.csv", table) for name, table in tables.items()]


def clean_notebook(nb: Any) -> Any:
    """Drop papermill's run metadata (timings, status) so re-runs diff only on content."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("papermill", None)
    return nb


def refresh_notebook(path: Path, kernel: str = KERNEL) -> Path:
    """Execute a notebook with its default parameters and replace it atomically."""
    import nbformat

    from dvk_analysis.fileio import atomic_write_text
    from dvk_analysis.run.kernels import run_cold

    executed = run_cold(path, None, {}, path.parent, kernel)
    return atomic_write_text(path, nbformat.writes(clean_notebook(executed)) + "\n")


def provinces_with_claims(folder: Path | None = None, geography: str = "legacy") -> list[str]:
    """Provinces that at least one curated claim is about, in ``geography``."""
    from dvk_analysis.data.load import load_observations
    from dvk_analysis.gazetteer import successor_2025

    obs = load_observations((folder or data_dir()) / "curated" / "observations.csv")
    names = set(obs["province"].dropna())
    return sorted({successor_2025(n) for n in names} if geography == "2025" else names)


def write_readme_figures(out: Path, folder: Path | None = None) -> list[Path]:
    """The figures the README shows: coverage, and the Hà Tĩnh models by field."""
    from dvk_analysis.analysis.province_table import story_counts
    from dvk_analysis.data.dataset import build_dataset
    from dvk_analysis.figures import plots
    from dvk_analysis.report import profile

    dataset = build_dataset(folder)
    coverage = plots.coverage_heatmap(  # stories at province level, not raw rows
        story_counts(dataset, "province"), unit="province", period=None,
        caption=profile.SOURCE + "; each story counted once, province-level figures only",
        title="Stories per province and indicator (province level)",
    )  # fmt: skip
    written = plots.save_figure(coverage, out / "coverage")
    figs = profile.figures(profile.load_profile("Hà Tĩnh", data_dir=folder))
    for name in ("models_by_field", "achievement_over_time"):
        if not isinstance(figs[name], str):
            written += plots.save_figure(figs[name], out / f"ha-tinh_{name}")
    return written


def _print_summary(steps: list[Step]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="make reports")
    for column in ("Step", "Status", "Seconds", "Detail"):
        table.add_column(column, overflow="fold")
    for step in steps:
        colour = "green" if step.status == "ok" else "red"
        table.add_row(step.name, f"[{colour}]{step.status}[/]", f"{step.seconds:.1f}", step.detail)
    Console(stderr=True).print(table)


def validate_first(folder: Path | None = None) -> str:
    """Validate the data folder; raise ``DataValidationError`` listing every problem.

    Why: a report built from data that fails validation would publish numbers nobody
    checked; ``dvk reports`` and ``dvk batch`` both stop here first.
    """
    from dvk_analysis.data.validate import validate_all
    from dvk_analysis.errors import DataValidationError

    problems = validate_all(folder or data_dir())
    if problems:
        raise DataValidationError(problems)
    return "all tables valid"


def run_reports(*, jobs: int = 2, force: bool = False, cold: bool = False) -> int:
    """Run the main job; return the exit code (0 when every step succeeded)."""
    from dvk_analysis.run.batch import run_batch

    steps: list[Step] = []
    reports = reports_dir()

    def validate() -> str:
        return validate_first()

    def dataset() -> str:
        written = write_dataset(reports / "dataset")
        return f"{len(written)} tables in {reports / 'dataset'}"

    def notebooks() -> str:
        from dvk_analysis.run.htmlreport import write_notebook_pages

        paths = sorted(notebooks_dir().glob("*.ipynb"))
        for path in paths:
            _say(f"    {path.name}")
            refresh_notebook(path)
        pages = write_notebook_pages([p for p in paths if p.stem != PROFILE_NOTEBOOK], reports)
        return f"re-executed {', '.join(p.name for p in paths)}; {len(pages)} pages in {reports}"

    def provinces() -> str:
        names = provinces_with_claims()
        result = run_batch(PROFILE_NOTEBOOK, names, output_root=reports, jobs=jobs,
                           force=force, cold=cold, prune=True)  # fmt: skip
        counts = {s: len(result.by_status(s)) for s in ("ok", "skipped", "failed")}
        if result.exit_code:
            raise RuntimeError(f"{counts['failed']} province run(s) failed; see the table above")
        return f"{counts['ok']} run, {counts['skipped']} unchanged; {reports / 'index.html'}"

    def figures() -> str:
        written = write_readme_figures(project_root() / "docs" / "figures")
        return f"{len(written)} files in docs/figures"

    plan = [("validate", validate, "every table, one line per problem"),
            ("dataset", dataset, "claims with sources, the panel, its exclusions"),
            ("notebooks", notebooks, "re-execute notebooks/ with their defaults"),
            ("provinces", provinces, "one report per province, and the index"),
            ("figures", figures, "the README's figures")]  # fmt: skip
    started = time.perf_counter()
    try:
        for number, (name, func, what) in enumerate(plan, start=2):
            _say(f"==> [{number}/{len(plan) + 1}] {name}: {what}")
            _timed(steps, name, func)
    except Exception:  # noqa: BLE001 - reported in the summary, exit code says it failed
        _print_summary(steps)
        _say(
            f"make reports: FAILED at {steps[-1].name} after {time.perf_counter() - started:.0f} s"
        )
        return 1
    _print_summary(steps)
    _say(
        f"make reports: done in {time.perf_counter() - started:.0f} s; "
        f"open {reports / 'index.html'}"
    )
    return 0


def _say(line: str) -> None:
    """A step heading or the closing line of the main job (stderr, flushed at once)."""
    print(line, file=sys.stderr, flush=True)


def run_province_batch(**kwargs: Any) -> int:
    """``dvk batch``: run one notebook per province; print the summary; return the exit code."""
    from dvk_analysis.run.batch import run_batch

    provinces, geography = kwargs.pop("provinces"), kwargs.pop("geography", "legacy")
    validate_first()
    if provinces == "all":
        provinces = provinces_with_claims(geography=geography)
        kwargs.setdefault("prune", True)  # every province with data: the others' reports go
    parameters = {"geography": geography}
    if geography == "2025":  # its own folder: 2025 and legacy reports of one name differ
        kwargs.setdefault("output_root", reports_dir() / "geography-2025")
    result = run_batch(kwargs.pop("notebook"), provinces, parameters=parameters, **kwargs)
    return result.exit_code


def run_single(notebook: str, parameters: dict[str, str], output_dir: str | None = None) -> int:
    """``dvk run``: one notebook with CLI parameters (type-checked against its defaults)."""
    from dvk_analysis.run.batch import run_one
    from dvk_analysis.run.parameters import parse_cli_parameters, resolve_notebook

    path = resolve_notebook(notebook)
    result = run_one(path, parse_cli_parameters(path, parameters), output_dir)
    if result.status != "ok":
        kept = result.failed_notebook
        kept = f" (executed notebook kept in {kept})" if kept else ""
        print(
            f"dvk: error: {result.province}: cell {result.execution_count}: {result.error}{kept}",
            file=sys.stderr,
        )
        return 1
    from dvk_analysis.run.batch import font_note

    print(f"wrote {result.report_dir} in {result.seconds:.1f} s")
    if note := font_note():
        print(note, file=sys.stderr)
    pages = sorted(Path(str(result.report_dir)).glob("*.html"))
    if pages:
        print(f"report: {pages[0]}")
    return 0
