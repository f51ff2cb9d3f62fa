"""Reading and writing files: one CSV reader, and atomic writes.

``read_csv_text`` is the one way a table is read (every cell as text, a byte-order mark and CRLF
accepted, a clear error for an empty or non-UTF-8 file).

Atomic writes: a reader never sees a half-written output.

Every output goes to a temporary file in the target's own folder (same file system) and is then
renamed over the target with ``os.replace``, which is atomic on POSIX and Windows. An
interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import os
import tempfile
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
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
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
    import pandas as pd

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
    import io

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
