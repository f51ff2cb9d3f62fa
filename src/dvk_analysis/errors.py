"""Which exceptions the ``dvk`` command reports as a one-line message.

Library functions raise ``ValueError`` subclasses (bad data, unknown province, too few
observations), ``FileNotFoundError`` or ``PermissionError`` with an actionable message; the
command prints that message instead of a traceback. Any other ``OSError`` (disk full, a
read-only file system) is one line too: its message names the path. Set ``DVK_DEBUG=1`` to
see the traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


class UserError(Exception):
    """A failure the user can fix that is none of the built-in kinds (e.g. a held batch lock)."""


def unknown_choice(what: str, value: object, valid: list[str]) -> str:
    """The message for a name that is not one of ``valid``: the valid ones and the closest.

    One wording for every parameter a user types (notebook, outcome, predictor, ...), so a
    typo is fixed from the message alone.
    """
    import difflib

    close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {what} {value!r}{hint}; valid: {', '.join(valid) or '(none)'}"


USER_ERRORS: tuple[type[BaseException], ...] = (
    (UserError, ValueError, LookupError, OSError) if not os.environ.get("DVK_DEBUG") else ()
)


@dataclass(frozen=True)
class Problem:
    """One broken rule, located as precisely as possible.

    ``line`` is the 1-based line of the CSV file (the header is line 1), so a researcher can jump
    to it in any editor; ``None`` when the problem is about the whole file or a column.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f": column '{self.column}'"
        return f"{where}: {self.message}"


class DataValidationError(ValueError):
    """Raised when a table breaks its schema; ``problems`` lists every broken rule."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n{shown}{more}")
