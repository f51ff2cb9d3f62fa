"""Atomic writes: a reader never sees a half-written output.

Every output goes to a temporary file in the target's own folder (same file system) and is then
renamed over the target with ``os.replace``, which is atomic on POSIX and Windows. An
interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
