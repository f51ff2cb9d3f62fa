"""Labels and number formats for pages that people read (reports, the index, source pages).

The data set speaks in codebook names (``propaganda_participants``), canonical units (``VND``)
and raw floats (``3e+10``, ``0.873``); a reader needs "Propaganda participants", "30 billion
VND" and "87.3 %". Every page formats through these helpers, so a figure reads the same in the
index, in a report's tables and on its source page. Nothing here changes a value: formatting is
for display only, and the CSV files keep the raw numbers.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from dvk_analysis.codebook import QUALIFIER_WORDS

if TYPE_CHECKING:
    import pandas as pd

MISSING = "–"
"""What an empty cell shows (never ``NaN``, ``<NA>`` or ``None``)."""

UNIT_LABELS: dict[str, str] = {
    "count": "",
    "persons": "persons",
    "households": "households",
    "m2": "m²",
    "m": "m",
    "VND": "VND",
    "person_days": "person-days",
    "share": "%",
    "persons_per_session": "persons per session",
}
"""How each canonical unit is written after a number (``count`` needs no word)."""

ACRONYMS = {"dvk": "DVK", "ntm": "NTM", "vnd": "VND", "gso": "GSO", "id": "ID", "url": "URL"}

FIGURE_LABELS: dict[str, str] = {
    "claims": "Claims",
    "sources": "Sources",
    "stories": "Stories",
    "dvk_models_max": "DVK models: largest province-level figure, as reported (period end)",
    "ntm_share_latest": (
        "Rural communes meeting NTM, standard tier: latest share, as reported (date)"
    ),
}
"""Labels of the index's key figures; other names are labelled from the codebook. Each names
its level, what the figure is and whose date stands beside it: "largest figure" over a city,
a district and a province over different periods compared nothing."""

MAP_LABELS: dict[str, str] = {
    "legacy": "63 provinces before 1 July 2025",
    "2025": "34 provinces from 1 July 2025",
}
"""How an index heading names the map its provinces are on."""

MAPPED_FIGURES = ("dvk_models_max", "ntm_share_latest")
"""Key figures of one province on one map: their headings name the map."""

COLUMN_LABELS: dict[str, str] = {
    "indicator": "Indicator",
    "value": "Value",
    "unit": "Unit",
    "qualifier": "Qualifier",
    "share_reported": "Share is",
    "denominator": "Of",
    "place": "Place",
    "period": "Period",
    "quote": "Quote",
    "source": "Source",
    "title": "Title",
    "story": "Story",
    "as_of": "As of",
    "share": "Share",
    "province": "Province",
    "communes_meeting": "Communes meeting NTM",
    "communes_total": "Communes",
}
"""Column headings of report tables; other columns get a humanised name."""

INTERNAL_COLUMN = re.compile(r"(_key|_id|_ids|_hash|_raw|_sort)$|^(row|index|level_\d+)$")
"""Columns that exist for joins and sorting, never for a reader (``as_of_key``, ``place_key``)."""

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def is_missing(value: Any) -> bool:
    """Whether ``value`` is empty for a reader: None, NaN, pandas NA or blank text."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() in ("", "nan", "NaN", "<NA>", "None")
    try:
        return bool(value != value)  # NaN and pandas.NA (whose != raises or is NA)
    except TypeError:
        return True


def humanise(name: str) -> str:
    """``dvk_models_economic`` -> "DVK models economic" (acronyms kept upper case)."""
    words = [ACRONYMS.get(w.lower(), w) for w in str(name).replace("-", "_").split("_") if w]
    if not words:
        return ""
    first = words[0]
    words[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(words)


def indicator_label(name: str) -> str:
    """A reader's name for an indicator of the codebook (or any snake_case name)."""
    return FIGURE_LABELS.get(name) or humanise(name)


def figure_heading(name: str, geography: str | None = None) -> str:
    """An index column heading: the figure's label, and for a province's figure its map.

    "Rural communes meeting NTM, standard tier: latest share, as reported (date; 63 provinces
    before 1 July 2025)": a reader must know which province (legacy or merged) and which
    period a number stands for.
    """
    label = indicator_label(name)
    where = MAP_LABELS.get(str(geography))
    if where is None or name not in MAPPED_FIGURES:
        return label
    return label[:-1] + f"; {where})" if label.endswith(")") else f"{label} ({where})"


def indicator_description(name: str) -> str:
    """The codebook's description of ``name`` ("" when it is not a codebook indicator).

    Shown as a tooltip, so a label can stay short without losing the definition.
    """
    from dvk_analysis.codebook import indicators

    entry = indicators().get(name)
    return entry.description if entry else ""


def unit_label(unit: str | None) -> str:
    """The word written after a number in ``unit`` ("" for plain counts)."""
    if is_missing(unit):
        return ""
    return UNIT_LABELS.get(str(unit), str(unit).replace("_", " "))


def format_number(value: Any, unit: str | None = None, digits: int = 1) -> str:
    """A number as a reader expects it: separators, scale words for money, percentages.

    Parameters
    ----------
    value : number or str
        The raw value; text that does not parse as a number is returned as it is.
    unit : str, optional
        Canonical unit; ``share`` values (0..1) become percentages, ``VND`` of a million or
        more is written with "million", "billion" or "trillion".
    digits : int
        Decimals kept for non-integers (and for scaled money).

    Returns
    -------
    str
        ``MISSING`` for an empty value, never ``nan`` or ``<NA>``.
    """
    if is_missing(value):
        return MISSING
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isinf(number):
        return str(value)
    if unit == "share":
        return f"{_plain(number * 100, digits)} %"
    if unit == "VND":
        for scale, word in _SCALES:
            if abs(number) >= scale:
                return f"{_plain(number / scale, digits)} {word} VND"
    text = _plain(number, digits)
    label = unit_label(unit)
    return f"{text} {label}" if label and label != "%" else text


def _plain(number: float, digits: int) -> str:
    """``19340`` -> "19,340"; ``2.25`` -> "2.3" (``digits`` decimals, trailing zeros kept off)."""
    if float(number).is_integer():
        return f"{number:,.0f}"
    text = f"{number:,.{digits}f}".rstrip("0").rstrip(".")
    return text


def figure_unit(name: str) -> str | None:
    """The unit a key figure is shown in: shares as percentages, codebook units, else none."""
    if "share" in name:
        return "share"
    if name in ("claims", "sources", "stories"):
        return None
    from dvk_analysis.codebook import indicators

    base = re.sub(r"_(max|min|latest|total|sum)$", "", name)
    entry = indicators().get(base)
    return entry.unit if entry else None


def format_figure(name: str, value: Any) -> str:
    """A key figure of the index, formatted by its name (``ntm_share_latest`` = 0.873 -> 87.3 %)."""
    return format_number(value, figure_unit(name))


def truncate(text: Any, limit: int = 160) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis.

    Quotes in tables are a reminder of the source wording, not the source: the full text is on
    the source page each claim links to.
    """
    if is_missing(text):
        return ""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(",;:. ") + "…"


def column_label(name: str) -> str:
    """The heading of a report table's column."""
    return COLUMN_LABELS.get(name) or humanise(name)


def reader_columns(columns: Iterable[str]) -> list[str]:
    """The columns a reader sees: internal ones (keys, ids for joins, sort helpers) dropped."""
    return [c for c in columns if not INTERNAL_COLUMN.search(str(c))]


def present_table(
    table: pd.DataFrame,
    units: Mapping[str, str] | None = None,
    quote_limit: int = 160,
) -> pd.DataFrame:
    """A copy of ``table`` ready to print: labels, formatted numbers, no internal columns.

    Parameters
    ----------
    table : pandas.DataFrame
        Raw rows (codebook names, floats, NA).
    units : mapping, optional
        Column -> unit for numeric columns (``{"share": "share"}``). A column named ``value``
        next to a ``unit`` column is formatted row by row in that unit.
    quote_limit : int
        Longer quotes are cut at a word (see :func:`truncate`).

    Returns
    -------
    pandas.DataFrame
        Every cell is text; no ``NaN``/``<NA>``; indicator names are labels.
    """
    units = dict(units or {})
    out = table[reader_columns(table.columns)].copy()
    for column in out.columns:
        out[column] = _present_column(table, column, units, quote_limit)
    if "unit" in out.columns and "value" in out.columns:
        out = out.drop(columns="unit")
    return out.rename(columns=column_label)


def _present_column(
    table: pd.DataFrame, column: str, units: Mapping[str, str], quote_limit: int
) -> list[str]:
    """The display text of one column (see :func:`present_table`)."""
    values = table[column]
    if column == "indicator":
        return [indicator_label(v) if not is_missing(v) else MISSING for v in values]
    if column == "value" and "unit" in table.columns:
        return [format_number(v, u) for v, u in zip(values, table["unit"], strict=True)]
    if column in ("quote", "title"):
        return [truncate(v, quote_limit) or MISSING for v in values]
    if column in units or _numeric(values):
        return [format_number(v, units.get(column)) for v in values]
    return [MISSING if is_missing(v) else str(v) for v in values]


def _numeric(values: pd.Series) -> bool:
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    return is_numeric_dtype(values) and not is_bool_dtype(values)


def html_table(table: pd.DataFrame, css_class: str = "dvk-table") -> str:
    """A presented table as escaped HTML that wraps to the page (no horizontal scrolling).

    Cells are plain text (escaped); a cell whose column is ``Source`` and whose text is a web
    or relative address becomes a link, since that is how a reader checks a figure.
    """
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in table.columns)
    rows = []
    for record in table.itertuples(index=False):
        cells = "".join(
            f"<td{_long(v)}>{_cell(str(c), v)}</td>"
            for c, v in zip(table.columns, record, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="{esc(css_class)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_LINK = re.compile(r"https?://[^\s\"'<>]+|[\w./-]+\.html(#[\w.:-]+)?")


def _long(value: object) -> str:
    """``class="long"`` for a cell holding a token too long to fit a column (URL, id).

    Only such cells may break anywhere; others break between words, so "province" never
    becomes "provin ce" while a URL still cannot push the table off the page.
    """
    return ' class="long"' if any(len(w) > 24 for w in str(value).split()) else ""


class Link(str):
    """Cell text that is a link: ``Link("Hà Tĩnh news", href="../../sources/x.html#claim-1")``.

    A ``str`` subclass, so frames holding links still print, sort and compare as text.
    """

    href: str

    def __new__(cls, text: str, href: str) -> Link:
        link = super().__new__(cls, text)
        link.href = href
        return link


def _cell(column: str, value: object) -> str:
    """One escaped cell; a :class:`Link` or a source address is a link."""
    if isinstance(value, Link):
        return f'<a href="{html.escape(value.href, quote=True)}">{html.escape(str(value))}</a>'
    text = str(value)
    if column == "Source" and _LINK.fullmatch(text):
        address = html.escape(text, quote=True)
        return f'<a href="{address}">{html.escape(truncate(text, 60))}</a>'
    return html.escape(text)


class Table:
    """A presented table that Jupyter shows as wrapped HTML and a plain frame in text.

    Notebooks end a cell with ``present.Table(frame)``; nbconvert keeps the HTML, so the report
    page shows labels and formatted numbers without any further step.
    """

    def __init__(self, table: pd.DataFrame, presented: bool = False, **options: Any) -> None:
        self.frame = table if presented else present_table(table, **options)

    def _repr_html_(self) -> str:
        return html_table(self.frame)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


# -- links from a number to its claim ---------------------------------------------------------
SOURCES_FOLDER = "sources"
"""Folder of the offline source pages, beside ``index.html`` in the report folder."""


def source_page(source_key: str) -> str:
    """File name of a source's offline page (article ids as they are, web addresses hashed)."""
    import hashlib

    key = str(source_key)
    if re.fullmatch(r"[\w.-]{1,80}", key):
        return f"{key}.html"
    return f"web-{hashlib.sha256(key.encode()).hexdigest()[:16]}.html"


def claim_anchor(observation_id: str) -> str:
    """The HTML id of a claim on its source page (ids hold ``#`` and ``:``, unsafe in URLs)."""
    return "claim-" + re.sub(r"[^\w-]", "-", str(observation_id))


def source_href(source_key: str, observation_id: str, report_dir: Any = None) -> str:
    """Relative link from a report page to a claim on its source page.

    Parameters
    ----------
    source_key, observation_id : str
        The claim's source and id.
    report_dir : path, optional
        Folder of the page that links (a province report: ``reports/provinces/<slug>/``); the
        source pages live in ``reports/sources/``. Default: a province report's depth.
    """
    import os
    from pathlib import Path

    from dvk_analysis.paths import reports_dir

    page = f"{source_page(source_key)}#{claim_anchor(observation_id)}"
    if not report_dir or Path(report_dir).parent.name == "provinces":  # <root>/provinces/<slug>
        return f"../../{SOURCES_FOLDER}/{page}"
    target = reports_dir() / SOURCES_FOLDER
    relative = os.path.relpath(target, Path(report_dir).resolve())
    return f"{Path(relative).as_posix()}/{page}"


# -- what notebook 02 shows -------------------------------------------------------------------
def _md(value: object) -> str:
    """A data string made inert in Markdown (HTML escaped, Markdown syntax backslashed)."""
    return html.escape(str(value)).translate(str.maketrans({c: f"\\{c}" for c in "\\`*_[]()#+!|"}))


def period_of(claims: pd.DataFrame) -> str:
    """The years the claims cover, "2013–2023" ("" when none is dated)."""
    starts = claims.get("period_start")
    ends = claims.get("period_end")
    years = [
        str(v)[:4]
        for column in (starts, ends)
        if column is not None
        for v in column
        if not is_missing(v) and str(v)[:4].isdigit()
    ]
    if not years:
        return ""
    first, last = min(years), max(years)
    return first if first == last else f"{first}–{last}"


def heading(profile: Any) -> Any:
    """The report's title as Markdown: the province and the period its claims cover."""
    from IPython.display import Markdown

    period = period_of(profile.claims)
    title = f"# {_md(profile.province)}: province profile" + (f", {period}" if period else "")
    geography = (
        "63 provinces before the 2025 merger"
        if profile.geography == "legacy"
        else ("34 provinces after the 2025 merger")
    )
    lead = (
        f"Every claim the corpus makes about {_md(profile.province)} ({geography}), with its "
        "source: DVK models by field, propaganda, resources mobilised, new-rural (NTM) "
        "achievement against the national picture, and a timeline. Each figure links to the "
        "sentence it comes from."
    )
    return Markdown(f"{title}\n\n{lead}")


RECOGNITION_INDICATORS = ("communes_meeting_ntm", "districts_meeting_ntm")
"""Counts of units recognised as meeting NTM: a status, unless marked ``measure = new``."""


def figure_text(row: Any) -> str:
    """A claim's figure as written for readers: "more than 36,200 m of 40".

    A count of units *newly* recognised in its period says so ("11 newly recognised in the
    period"), and its denominator is not written as "of 120": "11 of 120" reads as a share of
    communes meeting NTM, which a flow is not.
    """
    text = QUALIFIER_WORDS.get(str(row.qualifier), "") + format_number(row.value, row.unit)
    indicator = getattr(row, "indicator", None)
    if getattr(row, "measure", None) == "new" and indicator in RECOGNITION_INDICATORS:
        return text + " newly recognised in the period"
    if not is_missing(row.denominator):
        text += f" of {format_number(row.denominator)}"
    return text


def claims_table(profile: Any, report_dir: Any = None, quote_limit: int = 140) -> Table:
    """Every claim of a profile, one row each, its source a link to the offline source page.

    Parameters
    ----------
    profile : report.profile.ProvinceProfile
        The province's profile.
    report_dir : path, optional
        Folder the page is written to (the notebook's ``output_dir``), for relative links.
    quote_limit : int
        Quotes are cut at a word beyond this many characters (the source page has them whole).
    """
    import pandas as pd

    claims = profile.claims.sort_values(["indicator", "period_end", "value"], na_position="last")
    rows = []
    for row in claims.itertuples():
        start = "?" if is_missing(row.period_start) else row.period_start
        end = "?" if is_missing(row.period_end) else row.period_end
        title = next((str(t) for t in (row.title, row.outlet) if not is_missing(t)), "")
        title = title or re.sub(r"^https?://(www\.)?|/.*$", "", str(row.source_key))
        rows.append(
            {
                "Indicator": indicator_label(row.indicator),
                "Figure": figure_text(row),
                "Place": MISSING if is_missing(row.place) else str(row.place),
                "Period": f"{start} – {end}",
                "Quote": truncate(row.quote, quote_limit) or "(read at the source; no text kept)",
                "Source": Link(
                    truncate(title, 60), source_href(row.source_key, row.observation_id, report_dir)
                ),
            }
        )
    columns = ["Indicator", "Figure", "Place", "Period", "Quote", "Source"]
    return Table(pd.DataFrame(rows, columns=columns), presented=True)


def status_table(profile: Any) -> Any:
    """The province's NTM status rows, labelled (or a sentence when there are none)."""
    from IPython.display import Markdown

    status = profile.status
    if status.empty:
        return Markdown(
            f"*No NTM status figure for {_md(profile.province)} in the reference table.*"
        )
    shown = status.drop(columns=[c for c in ("province_level",) if c in status.columns])
    if "share_reported" in shown:
        # a flag, not a share: is the percentage the source's own, or a count divided by us?
        stated = shown["share_reported"].astype("boolean")
        labels = {True: "stated by the source", False: "count ÷ rural communes"}
        shown = shown.assign(share_reported=stated.map(labels))
    if "qualifier" in shown:
        words = shown["qualifier"].map(lambda q: QUALIFIER_WORDS.get(str(q), "").strip())
        shown = shown.assign(qualifier=words.replace("", "exact"))
    shares = {c: "share" for c in ("share", "share_low", "share_high") if c in shown.columns}
    return Table(shown, units=shares)


def timeline_table(table: pd.DataFrame) -> Any:
    """The timeline (claims per year and family) with labelled columns."""
    from IPython.display import Markdown

    if table.empty:
        return Markdown("*No dated claim.*")
    return Table(table.reset_index())


def summary_links(report_dir: Any = None) -> Any:
    """For ``profile.summary(..., href=...)``: each claim's link to its offline source page."""

    def href(row: Any) -> str:
        return source_href(row.source_key, row.observation_id, report_dir)

    return href
