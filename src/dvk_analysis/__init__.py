"""dvk-analysis: claims about "Dân vận khéo" and new-rural-area (NTM) achievement.

The public API, for notebooks and scripts::

    import dvk_analysis as dvk

    data = dvk.load_dataset()              # one row per claim, with source and story id
    panel = dvk.build_panel(data)          # unit-period panel; .panel_long(), .exclusions
    table = dvk.province_table(data)       # one row per province, date and indicator
    dvk.rank_correlation(x, y)             # Spearman/Kendall with bootstrap CI, permutation p

Each name is imported from its layer (``data``, ``analysis``, ``text``, ``figures``,
``report``) on first use, so ``import dvk_analysis`` stays light (no pandas, no matplotlib)
and the ``dvk`` command starts fast; every module imports its heavy dependencies itself.
"""

from __future__ import annotations

__version__ = "0.1.0"

_API: dict[str, tuple[str, str]] = {
    # data: loading and validating the tables, the analysis data set
    "load_dataset": ("dvk_analysis.data.dataset", "build_dataset"),
    "load_observations": ("dvk_analysis.data.load", "load_observations"),
    "load_manifest": ("dvk_analysis.data.load", "load_manifest"),
    "load_sources": ("dvk_analysis.data.load", "load_sources"),
    "validate_all": ("dvk_analysis.data.validate", "validate_all"),
    # analysis: panel, metrics, statistics, province tables
    "build_panel": ("dvk_analysis.analysis.panel", "build_panel"),
    "METRICS": ("dvk_analysis.analysis.metrics", "METRICS"),
    "compute_metrics": ("dvk_analysis.analysis.metrics", "compute_metrics"),
    "province_table": ("dvk_analysis.analysis.province_table", "province_table"),
    "rank_correlation": ("dvk_analysis.analysis.stats", "rank_correlation"),
    "fractional_logit": ("dvk_analysis.analysis.stats", "fractional_logit"),
    "ols_log": ("dvk_analysis.analysis.stats", "ols_log"),
    # text: extracting claims from articles
    "LANGUAGES": ("dvk_analysis.text.lexicon", "LANGUAGES"),
    "extract_text": ("dvk_analysis.text.extract", "extract_text"),
    "extract_paths": ("dvk_analysis.text.extract", "extract_paths"),
    # places, figures, reports
    "resolve_province": ("dvk_analysis.gazetteer", "resolve_province"),
    "save_figure": ("dvk_analysis.figures.style", "save_figure"),
    "load_profile": ("dvk_analysis.report.profile", "load_profile"),
}
"""Public name -> (module, attribute); the module is imported when the name is first used."""

__all__ = [  # the keys of _API (a test holds them equal), spelled out for tools that read it
    "LANGUAGES",
    "METRICS",
    "build_panel",
    "compute_metrics",
    "extract_paths",
    "extract_text",
    "fractional_logit",
    "load_dataset",
    "load_manifest",
    "load_observations",
    "load_profile",
    "load_sources",
    "ols_log",
    "province_table",
    "rank_correlation",
    "resolve_province",
    "save_figure",
    "validate_all",
]

TYPE_CHECKING = False  # True for type checkers; not imported from typing, to keep start-up light
if TYPE_CHECKING:  # for editors and type checkers; at run time __getattr__ imports lazily
    from dvk_analysis.analysis.metrics import METRICS, compute_metrics
    from dvk_analysis.analysis.panel import build_panel
    from dvk_analysis.analysis.province_table import province_table
    from dvk_analysis.analysis.stats import fractional_logit, ols_log, rank_correlation
    from dvk_analysis.data.dataset import build_dataset as load_dataset
    from dvk_analysis.data.load import load_manifest, load_observations, load_sources
    from dvk_analysis.data.validate import validate_all
    from dvk_analysis.figures.style import save_figure
    from dvk_analysis.gazetteer import resolve_province
    from dvk_analysis.report.profile import load_profile
    from dvk_analysis.text.extract import extract_paths, extract_text
    from dvk_analysis.text.lexicon import LANGUAGES


def __getattr__(name: str) -> object:
    """Import a public name's module on first use (PEP 562) and keep the name here."""
    from importlib import import_module

    try:
        module, attribute = _API[name]
    except KeyError:
        raise AttributeError(f"module 'dvk_analysis' has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
