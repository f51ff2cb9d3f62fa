"""Pages for readers: province reports, the index, and one offline page per source.

Reports are read on laptops in the field and archived with the data, so a page must open
without network access: nbconvert's ``lab`` template pulls require.js, MathJax and mermaid from
a CDN, which the report template (``templates/report.html.j2``) removes (figures are embedded
in the notebook outputs, the CSS is inlined). A report page leaves out cells tagged
``report-hide`` (how to run the notebook, files written), puts a table of contents after the
cell tagged ``report-title``, links back to the index and ends with a stamp (generated on,
commit, data hash). The index and the source pages are Jinja2 templates with autoescape: every
string that comes from data or parameters is HTML-escaped. Numbers are formatted by
:mod:`dvk_analysis.report.present`.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HIDE_TAG = "report-hide"
"""Cells tagged so are for the notebook's user (how to run it, files written), not its reader."""

TEMPLATES = Path(__file__).with_name("templates")

_REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


def remote_references(page: str) -> list[str]:
    """Return the tags of ``page`` that load something from the network (should be empty)."""
    return [m.group(0) for m in _REMOTE.finditer(page)]


def page_css() -> str:
    """The style sheet every generated page inlines (pages open offline, from disk)."""
    return (TEMPLATES / "pages.css").read_text(encoding="utf-8")


def git_commit(root: Path | None = None) -> str:
    """The short commit of the checkout that made a page ("unknown" outside git)."""
    import subprocess

    from dvk_analysis.paths import project_root

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"],
            cwd=root or project_root(),
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def stamp_text(data_hash: str | None = None, when: datetime | None = None) -> str:
    """The provenance line at the foot of every page: generated on, commit, data hash.

    A reader who finds a number in a printed report can tell which code and which data made it.
    """
    from dvk_analysis import __version__

    when = when or datetime.now(UTC)
    parts = [
        f"Generated on {when:%Y-%m-%d %H:%M} UTC",
        f"dvk-analysis {__version__}, commit {git_commit()}",
    ]
    if data_hash:
        parts.append(f"data {data_hash[:12]}")
    return " · ".join(parts)


def notebook_toc(notebook: Any) -> list[tuple[str, str]]:
    """The section headings (``##``) of a notebook as (anchor, text), in order.

    Anchors are computed with nbconvert's own function, so each one matches the id nbconvert
    gives the heading on the page.
    """
    from nbconvert.filters.strings import _convert_header_id

    toc = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or HIDE_TAG in cell.metadata.get("tags", []):
            continue
        for line in cell.source.splitlines():
            match = re.match(r"##\s+(.+?)\s*#*\s*$", line)
            if match and not line.startswith("###"):
                text = match.group(1)
                toc.append((_convert_header_id(text), text))
    return toc


def notebook_html(
    notebook: Any,
    title: str,
    *,
    back_href: str | None = None,
    stamp: str | None = None,
) -> str:
    """Render an executed notebook as a self-contained page for readers.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The executed notebook.
    title : str
        Page title (escaped by nbconvert).
    back_href : str, optional
        Relative link to the index (a "← All provinces" link at the top).
    stamp : str, optional
        Provenance line at the foot (default :func:`stamp_text` without a data hash).

    Returns
    -------
    str
        HTML without code, without cells tagged ``report-hide``, with a table of contents;
        it loads nothing remote (checked; a ``RuntimeError`` says which tag did).
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    template = (TEMPLATES / "report.html.j2").read_text(encoding="utf-8")
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        extra_loaders=[DictLoader({"dvk_report.html.j2": template})],
    )
    exporter.template_file = "dvk_report.html.j2"
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={HIDE_TAG}, enabled=True), enabled=True
    )
    resources = {
        "metadata": {"name": title},
        "dvk": {
            "css": page_css(),
            "back_href": back_href,
            "toc": notebook_toc(notebook),
            "stamp": stamp or stamp_text(),
        },
    }
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    remote = remote_references(page)
    if remote:
        raise RuntimeError(f"the HTML page for {title!r} would load remote resources: {remote}")
    return page


def read_key_figures(report_dir: Path) -> dict[str, str]:
    """Read the key figures a notebook wrote (``key_figures.json`` or ``key_figures.csv``).

    The CSV has a header and two columns (name, value); the JSON is an object. A report
    without either has no key figures (an empty dict), which the index shows as blank cells.
    """
    as_json = report_dir / "key_figures.json"
    as_csv = report_dir / "key_figures.csv"
    try:
        if as_json.is_file():
            data = json.loads(as_json.read_text(encoding="utf-8"))
            return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        if as_csv.is_file():
            with open(as_csv, encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            return {row[0]: row[1] for row in rows[1:] if len(row) >= 2}
    except (OSError, ValueError):
        return {}
    return {}


@functools.cache
def _environment() -> Any:
    """Jinja2 environment for the index and source pages (autoescape: data is never markup).

    One per process, so each template is compiled once (compiling it for each of ~560 source
    pages took most of a no-op ``dvk batch``)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined
    )


STATUS_LABELS = {
    "ok": "current",
    "skipped": "current",
    "stale": "out of date",
    "failed": "latest run failed",
    "no-data": "no claims",
}
"""What the index says about a report's status (the guard's run statuses)."""

ROW_KEYS = {"province", "slug", "status", "updated", "report", "href", "error", "note"}
"""Keys of an index row that are not key figures (contract with ``run/changes.py`` index_rows)."""

DATE_SUFFIXES = ("_as_of", "_date", "_period")
"""A key figure named ``<figure><suffix>`` is the date of ``<figure>``, shown beside it."""

QUALIFIER_SUFFIX = "_qualifier"
"""A key figure named ``<figure>_qualifier`` is written before ``<figure>`` ("more than 1,000")."""

GEOGRAPHY_KEY = "geography"
"""The key figure naming the map of a row's figures; it labels the columns, not a column."""


def _figures(row: Mapping[str, Any]) -> dict[str, Any]:
    """Key figures of an index row: its ``key_figures`` mapping, else its other keys."""
    if isinstance(row.get("key_figures"), Mapping):
        return dict(row["key_figures"])
    return {k: v for k, v in row.items() if k not in ROW_KEYS and k != "key_figures"}


def _figure_names(rows: list[Mapping[str, Any]]) -> list[str]:
    """Key figure columns in first-seen order, dates excluded (they join their figure)."""
    names: list[str] = []
    for row in rows:
        for name in _figures(row):
            annex = name.endswith((*DATE_SUFFIXES, QUALIFIER_SUFFIX)) or name == GEOGRAPHY_KEY
            if name not in names and not annex:
                names.append(name)
    return names


def _figure_cell(figures: Mapping[str, Any], name: str) -> str:
    """One key figure, formatted, with its date when the row gives one."""
    from dvk_analysis.codebook import QUALIFIER_WORDS
    from dvk_analysis.report.present import MISSING, format_figure, is_missing

    text = format_figure(name, figures.get(name))
    if text != MISSING:
        text = QUALIFIER_WORDS.get(str(figures.get(name + QUALIFIER_SUFFIX)), "") + text
    dates = [figures.get(name + s) for s in DATE_SUFFIXES]
    date = next((str(d) for d in dates if not is_missing(d)), "")
    return f"{text} ({date})" if date and text != MISSING else text


def _updated(value: Any) -> str:
    """An ISO time or a Unix time as a date and minute (UTC); "" when absent."""
    if value in (None, ""):
        return ""
    try:
        if isinstance(value, int | float):
            when = datetime.fromtimestamp(float(value), UTC)
        else:
            when = datetime.fromisoformat(str(value))
    except (ValueError, OverflowError, OSError):
        return str(value)
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return f"{when:%Y-%m-%d %H:%M}"


def _geography(rows: list[Mapping[str, Any]]) -> str | None:
    """The one map every row's figures are on (``legacy`` or ``2025``), else None."""
    maps = {str(_figures(r).get(GEOGRAPHY_KEY)) for r in rows} - {"None", "", "nan"}
    return maps.pop() if len(maps) == 1 else None


def _index_row(row: Mapping[str, Any], names: list[str]) -> dict[str, Any]:
    """An index row ready for the template (labels, formatted figures, a note if any)."""
    status = str(row.get("status") or "ok")
    figures = _figures(row)
    return {
        "province": str(row.get("province", "")),
        "href": row.get("report") or row.get("href"),
        "status": re.sub(r"[^\w-]", "", status),
        "status_label": STATUS_LABELS.get(status, status),
        "updated": _updated(row.get("updated")),
        "cells": [_figure_cell(figures, n) for n in names],
        "note": str(row.get("error") or row.get("note") or ""),
    }


def index_html(
    rows: Iterable[Mapping[str, Any]],
    title: str = "Province reports",
    links: Sequence[tuple[str, str]] = (),
    stamp: str | None = None,
) -> str:
    """Return the index page: one row per province with status, date, key figures and a link.

    Parameters
    ----------
    rows : iterable of mappings
        One per province (contract with ``run/changes.py`` index_rows): ``province``, ``slug``,
        ``status`` (ok | stale | failed | no-data), ``updated`` (ISO time), ``report``
        (relative link),
        and key figures, either as further keys or under ``key_figures``. ``error`` or
        ``note`` fill a Note column, shown only when some row has one. ``href`` is accepted
        for ``report``.
    title : str
        Page heading.
    links : sequence of (label, href)
        "See also" links (the data set, the cross-province page).
    stamp : str, optional
        Provenance line (default :func:`stamp_text`).
    """
    from dvk_analysis.report.present import figure_heading, indicator_description

    rows = list(rows)
    names = _figure_names(rows)
    prepared = [_index_row(r, names) for r in rows]
    geography = _geography(rows)
    columns = [
        {"label": figure_heading(n, geography), "description": indicator_description(n)}
        for n in names
    ]
    return (
        _environment()
        .get_template("index.html.j2")
        .render(
            title=title,
            css=page_css(),
            links=list(links),
            columns=columns,
            rows=prepared,
            any_note=any(r["note"] for r in prepared),
            stamp=stamp or stamp_text(),
        )
    )


# -- source pages -------------------------------------------------------------------------------
def _text_segments(text: str, claims: Any) -> list[tuple[str, str | None]]:
    """Split an article's text into (piece, anchor) with each claim's quote as its own piece.

    The quote is found in the text (else the number's own offsets are used); overlapping
    claims keep the first, so every character of the text appears exactly once.
    """
    from dvk_analysis.report.present import claim_anchor, is_missing

    spans = []
    for claim in claims.itertuples():
        quote = "" if is_missing(claim.quote) else str(claim.quote)
        at = text.find(quote) if quote else -1
        if at >= 0:
            spans.append((at, at + len(quote), claim_anchor(claim.observation_id)))
        elif not is_missing(claim.start) and not is_missing(claim.end):
            spans.append((int(claim.start), int(claim.end), claim_anchor(claim.observation_id)))
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for start, end, anchor in sorted(spans):
        if start < position or end > len(text) or end <= start:
            continue
        pieces += [(text[position:start], None), (text[start:end], anchor)]
        position = end
    pieces.append((text[position:], None))
    return [p for p in pieces if p[0]]


def _claim_rows(claims: Any) -> list[dict[str, str]]:
    """The claims of one source as table rows for its page."""
    from dvk_analysis.codebook import QUALIFIER_WORDS
    from dvk_analysis.report.present import (
        claim_anchor,
        format_number,
        indicator_description,
        indicator_label,
        is_missing,
        truncate,
    )

    rows = []
    for c in claims.itertuples():
        figure = QUALIFIER_WORDS.get(str(c.qualifier), "") + format_number(c.value, c.unit)
        if not is_missing(c.denominator):
            figure += f" of {format_number(c.denominator)}"
        start = "?" if is_missing(c.period_start) else c.period_start
        end = "?" if is_missing(c.period_end) else c.period_end
        rows.append(
            {
                "anchor": claim_anchor(c.observation_id),
                "observation_id": str(c.observation_id),
                "indicator": indicator_label(c.indicator),
                "description": indicator_description(c.indicator),
                "figure": figure,
                "place": "" if is_missing(c.place) else str(c.place),
                "period": f"{start} – {end}",
                "quote": truncate(c.quote, 400) or "(figure read at the source; no text kept)",
            }
        )
    return rows


def _safe_url(value: Any) -> str:
    """A web address fit for an ``href`` (only http and https; "" otherwise)."""
    text = "" if value is None else str(value)
    return text if re.fullmatch(r"https?://[^\s\"'<>]+", text) else ""


def source_page_html(key: str, claims: Any, text: str | None, stamp: str) -> str:
    """The offline page of one source: metadata, its claims (anchored) and its text.

    Parameters
    ----------
    key : str
        The source key (article id or web address).
    claims : pandas.DataFrame
        The data set's rows of this source.
    text : str, optional
        The article's text when the corpus keeps it; each claim's quote is highlighted.
    stamp : str
        Provenance line.
    """
    from dvk_analysis.report.present import is_missing

    first = claims.iloc[0]

    def field(name: str) -> str:
        value = first.get(name)
        return "" if is_missing(value) else str(value)

    segments = _text_segments(text, claims) if text else []
    return (
        _environment()
        .get_template("source.html.j2")
        .render(
            in_text={anchor for _, anchor in segments if anchor},
            title=field("title") or key,
            outlet=field("outlet"),
            published=field("published"),
            language=field("language"),
            url=_safe_url(first.get("url")) or _safe_url(first.get("source_url")),
            path=f"data/raw/articles/{field('article_id')}.txt" if field("article_id") else key,
            claims=_claim_rows(claims),
            segments=segments,
            index_href="../index.html",
            css=page_css(),
            stamp=stamp,
        )
    )


def write_source_pages(
    output_root: Path, dataset: Any = None, data_dir: Path | None = None, stamp: str = ""
) -> list[Path]:
    """Write ``output_root/sources/<source>.html`` for every source of the data set.

    Every claim in a report links here (``present.source_href``), so a reader can go from a
    number to the sentence it came from without a network.
    """
    from dvk_analysis.fileio import atomic_write_text
    from dvk_analysis.paths import data_dir as default_data_dir
    from dvk_analysis.report.present import SOURCES_FOLDER, is_missing, source_page

    if dataset is None:
        from dvk_analysis.data.dataset import build_dataset

        dataset = build_dataset(data_dir)
    articles = default_data_dir(data_dir) / "raw" / "articles"
    stamp = stamp or stamp_text()
    written = []
    for key, claims in dataset.groupby("source_key", sort=True):
        article = claims["article_id"].iloc[0]
        path = articles / f"{article}.txt"
        known = not is_missing(article) and path.is_file()
        text = path.read_text(encoding="utf-8") if known else None
        page = source_page_html(str(key), claims, text, stamp)
        written.append(atomic_write_text(output_root / SOURCES_FOLDER / source_page(key), page))
    return written


def index_links(output_root: Path) -> list[tuple[str, str]]:
    """The index's "See also" links that exist under ``output_root``."""
    candidates = [
        ("Across provinces (relationships)", "03_relationships.html"),
        ("The corpus", "01_corpus.html"),
        ("Data set: claims (CSV)", "dataset/observations.csv"),
        ("Data set: unit-period panel (CSV)", "dataset/panel_long.csv"),
        ("Panel exclusions (CSV)", "dataset/panel_exclusions.csv"),
        ("Province table, 63 provinces (CSV)", "dataset/province_table_legacy.csv"),
        ("Province table, 34 provinces from 2025 (CSV)", "dataset/province_table_2025.csv"),
    ]
    return [(label, href) for label, href in candidates if (output_root / href).is_file()]


def index_page(
    output_root: Path,
    rows: Iterable[Mapping[str, Any]],
    data_dir: Path | None = None,
    data_hash: str | None = None,
) -> str:
    """The index page's HTML; first (re)writes the source pages the reports link to.

    Parameters
    ----------
    output_root : Path
        The report folder (``reports/``).
    rows : iterable of mappings
        Index rows (see :func:`index_html`).
    data_dir : Path, optional
        The data folder the reports were made from; when it holds curated observations, the
        source pages (``sources/*.html``) are rewritten from it.
    data_hash : str, optional
        Hash of the input data, for the stamp.

    Returns
    -------
    str
        The page; the caller writes it (``run/batch.py`` owns how a failed write is reported).
    """
    output_root = Path(output_root)
    stamp = stamp_text(data_hash)
    if data_dir is not None and (data_dir / "curated" / "observations.csv").is_file():
        write_source_pages(output_root, data_dir=data_dir, stamp=stamp)
    return index_html(rows, links=index_links(output_root), stamp=stamp)


def write_notebook_pages(notebooks: Iterable[Path], output_root: Path) -> list[Path]:
    """Render executed notebooks (01, 03: not per province) as pages beside the index."""
    import nbformat

    from dvk_analysis.fileio import atomic_write_text

    written = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        page = notebook_html(nb, path.stem.replace("_", " "), back_href="index.html")
        written.append(atomic_write_text(Path(output_root) / f"{path.stem}.html", page))
    return written
