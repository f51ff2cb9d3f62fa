"""Offline HTML pages for executed notebooks, and the index page of a province batch.

Reports are read on laptops in the field and archived with the data, so a page must open
without network access: nbconvert's ``lab`` template pulls require.js, MathJax and mermaid from
a CDN, which :func:`notebook_html` removes (figures are embedded in the notebook outputs, the CSS
is inlined by nbconvert). Every string that comes from data or parameters is HTML-escaped.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""

_REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


def remote_references(page: str) -> list[str]:
    """Return the tags of ``page`` that load something from the network (should be empty)."""
    return [m.group(0) for m in _REMOTE.finditer(page)]


def notebook_html(notebook: Any, title: str) -> str:
    """Render an executed notebook as a self-contained page without code cells.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The executed notebook.
    title : str
        Page title (escaped by nbconvert).

    Returns
    -------
    str
        HTML that loads nothing remote (checked; a ``RuntimeError`` says which tag did).
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        extra_loaders=[DictLoader({"dvk_offline.html.j2": _OFFLINE_TEMPLATE})],
    )
    exporter.template_file = "dvk_offline.html.j2"
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
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


_INDEX_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f3f3f3}.failed{color:#a00}.skipped{color:#666}
"""


def index_html(rows: Iterable[Mapping[str, Any]], title: str = "Province reports") -> str:
    """Return the index page: one row per province with status, key figures and a link.

    Parameters
    ----------
    rows : iterable of mappings
        Each with ``province``, ``status``, ``href`` (relative link or ``None``),
        ``key_figures`` (dict) and optionally ``error``.
    title : str
        Page heading.
    """
    rows = list(rows)
    names: list[str] = []
    for row in rows:
        for name in row.get("key_figures", {}):
            if name not in names:
                names.append(name)
    esc = html.escape
    head = "".join(f"<th>{esc(n)}</th>" for n in ["Province", "Status", *names, "Note"])
    body = []
    for row in rows:
        province = esc(str(row["province"]))
        href = row.get("href")
        cell = f'<a href="{esc(href, quote=True)}">{province}</a>' if href else province
        status = esc(str(row.get("status", "")))
        figures = "".join(
            f"<td>{esc(str(row.get('key_figures', {}).get(n, '')))}</td>" for n in names
        )
        note = esc(str(row.get("error") or ""))
        body.append(
            f'<tr><td>{cell}</td><td class="{status}">{status}</td>{figures}<td>{note}</td></tr>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_INDEX_CSS}</style></head><body>"
        f"<h1>{esc(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table></body></html>\n"
    )
