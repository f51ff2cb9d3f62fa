"""Reading and writing files: one CSV reader, one article reader, one CSV writer, atomic writes.

``read_csv_text`` is the one way a table is read (every cell as text, a byte-order mark and CRLF
accepted, a clear error for an empty or non-UTF-8 file). ``read_article`` is the one way an
article text is read, by ``dvk extract`` and ``dvk validate`` alike, so offsets mean the same
thing to both. ``write_csv`` is the one way a CSV output is written: cells that a spreadsheet
would run as a formula are neutralised. ``check_output_path`` is the guard every writing
command calls first: outputs never go into ``data/``, ``notebooks/`` or over an input.

Atomic writes: a reader never sees a half-written output.

Every output goes to a temporary file in the target's own folder (same file system) and is then
renamed over the target with ``os.replace``, which is atomic on POSIX and Windows. An
interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dvk_analysis.errors import DataValidationError, Problem
from dvk_analysis.paths import display_path

if TYPE_CHECKING:
    import pandas as pd


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating parent folders; return ``path``.

    Raises
    ------
    PermissionError
        With the folder named, when it is not writable.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".dvk-tmp-", dir=path.parent)
    except PermissionError:
        raise PermissionError(f"cannot write to {path.parent}: folder is not writable") from None
    except (FileExistsError, NotADirectoryError):
        raise  # a parent is a file: the caller says so in its words (the OS names the path)
    except OSError as exc:
        raise OutputError(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write UTF-8 ``text`` with ``\\n`` line endings to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def read_csv_text(path: Path) -> pd.DataFrame:
    """Read a CSV with every cell as text (empty cells as missing).

    A byte-order mark and CRLF line endings are accepted, since spreadsheet programs write them;
    an empty file or a file that is not UTF-8 raises ``DataValidationError`` naming the file.
    """
    import io

    import pandas as pd

    shown, text = display_path(path), _checked_text(path)
    try:
        return pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=False,
        )
    except pd.errors.ParserError as err:
        raise DataValidationError([Problem(shown, None, None, f"not a valid CSV: {err}")]) from None


def read_csv_records(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV as dicts of text (empty cells as ""), checked as
    :func:`read_csv_text` checks them.

    Why without pandas: ``dvk extract`` reads its manifest before it forks its workers, and
    importing pandas there kept both cores waiting for half a second.
    """
    import csv
    import io

    shown, text = display_path(path), _checked_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    for row in reader:
        if None in row:  # more fields than the header
            msg = f"not a valid CSV: line {reader.line_num} has more fields than the header"
            raise DataValidationError([Problem(shown, reader.line_num, None, msg)])
        rows.append({k: v or "" for k, v in row.items()})
    return list(reader.fieldnames or []), rows


def _checked_text(path: Path) -> str:
    """The text of a CSV file that exists, is not empty, is UTF-8 and has no short record;
    else ``DataValidationError`` naming the file (and line)."""
    shown = display_path(path)
    if not Path(path).exists():
        raise DataValidationError([Problem(shown, None, None, "file not found")])
    raw = Path(path).read_bytes()
    if not raw.strip():
        raise DataValidationError(
            [Problem(shown, None, None, "file is empty (expected a header row)")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = f"not UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r}); save it as UTF-8"
        raise DataValidationError([Problem(shown, None, None, msg)]) from None
    short = _short_rows(text)
    if short:
        raise DataValidationError([Problem(shown, line, None, msg) for line, msg in short])
    return text


def _short_rows(text: str) -> list[tuple[int, str]]:
    """(line, message) of every record with fewer fields than the header.

    pandas fills a short record's last columns with missing values without a word, so a row
    that lost one comma would shift every later cell one column left (notes landing in
    ``translation_of``, the split in ``notes``) and still pass the schema. A record with too
    many fields already fails pandas' parser.
    """
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    out = []
    for record in reader:
        if record and len(record) < len(header):
            out.append(
                (
                    reader.line_num,
                    f"{len(record)} fields, the header has {len(header)}: a missing comma or "
                    "an unquoted cell? every row needs one cell per column, empty ones too",
                )
            )
    return out


class OutputError(PermissionError):
    """Writing an output failed (disk full, read-only file system...): one line naming the path.

    A ``PermissionError`` subclass so that the ``dvk`` command reports it as a one-line error
    (``errors.USER_ERRORS``) whatever the underlying ``errno``.
    """

    def __init__(self, path: str | os.PathLike[str], error: OSError):
        reason = error.strerror or str(error) or type(error).__name__
        super().__init__(f"cannot write {path}: {reason}")
        self.path = Path(path)
        self.reason = reason


# -- articles ---------------------------------------------------------------------------------
def read_article(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """Read one article text: the one reader of ``dvk extract`` and ``dvk validate``.

    A byte-order mark is dropped and newlines are kept as stored, so an offset means the same
    character to the extractor that wrote it and to the validator that checks it. Empty, binary
    and wrongly-decoded files are refused with a message naming the file and the fix.
    """
    data = Path(path).read_bytes()
    if not data.strip():
        raise ValueError(f"{path}: the file is empty; expected the text of an article")
    wide = encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32"))
    if not wide and b"\x00" in data[:8192]:
        raise ValueError(
            f"{path}: looks like a binary file (contains NUL bytes), not a text article; "
            "pass .txt files (or use --encoding if it is UTF-16 text)"
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ValueError(
            f"{path}: cannot be decoded as {encoding} (byte {err.start}: "
            f"{data[err.start : err.start + 1]!r}); save it as UTF-8 (data/raw holds UTF-8 "
            "only), or give dvk extract its encoding with --encoding (e.g. --encoding cp1258 "
            "or --encoding latin-1)"
        ) from None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}; e.g. utf-8, cp1258, latin-1") from None
    return text.removeprefix("\ufeff")


# -- CSV outputs ------------------------------------------------------------------------------
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection)."""


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    Only text is touched: numbers (including negative ones) stay numbers, because they are
    data a formula cannot hide in. ``=HYPERLINK(...)`` in a quote becomes ``'=HYPERLINK(...)``.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text of ``frame`` (no index, ``\\n`` line ends) with text cells neutralised."""
    import pandas as pd

    safe = frame.copy()
    for column in safe.columns:
        cells = safe[column]
        if cells.dtype == object or str(cells.dtype) in ("string", "str"):
            # element by element: Series.map would re-infer the dtype (54 -> 54.0)
            values = [neutralise_cell(v) for v in cells]
            safe[column] = pd.Series(values, index=cells.index, dtype=object)
    return safe.to_csv(index=False, lineterminator="\n")


def write_csv(path: str | os.PathLike[str], frame: pd.DataFrame) -> Path:
    """Write ``frame`` as CSV to ``path`` atomically, formula-like text cells neutralised.

    Every CSV output of the package goes through here, so a quote or place name that starts
    with ``=`` cannot become a live formula in whoever opens the table in a spreadsheet.
    """
    return atomic_write_text(Path(path), csv_text(frame))


# -- the output guard -------------------------------------------------------------------------
def protected_dirs() -> list[Path]:
    """Folders no command may write into: the project's ``data/`` and ``notebooks/``."""
    from dvk_analysis.paths import data_dir, notebooks_dir

    return [data_dir().resolve(), notebooks_dir().resolve()]


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_path(
    path: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    what: str = "output",
) -> Path:
    """Refuse an output path inside ``data/`` or ``notebooks/``, or equal to/inside an input.

    Why: raw and curated data are the evidence, and notebooks are source; a mistyped ``-o`` or
    ``--output`` must not replace them. Every writing command calls this before doing any work.

    Returns
    -------
    Path
        The resolved output path.

    Raises
    ------
    PermissionError
        Naming the path and the protected folder or input it would overwrite.
    """
    target = Path(path).expanduser().resolve()
    for folder in protected_dirs():
        if _is_within(target, folder):
            raise PermissionError(
                f"refusing to write {what} {path}: it is inside {folder.name}/ ({folder}), which "
                "no command modifies; choose a path outside it (e.g. under reports/ or /tmp)"
            )
    for given in inputs:
        source = Path(given).expanduser().resolve()
        if _is_within(target, source):
            raise PermissionError(
                f"refusing to write {what} {path}: it would overwrite the input {given}; "
                "choose another path"
            )
    return target
