"""Which exceptions the ``dvk`` command reports as a one-line message.

Library functions raise ``ValueError`` subclasses (bad data, unknown province, too few
observations), ``FileNotFoundError`` or ``PermissionError`` with an actionable message; the
command prints that message instead of a traceback. Set ``DVK_DEBUG=1`` to see the traceback.
"""

from __future__ import annotations

import os


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
    (UserError, ValueError, LookupError, FileNotFoundError, PermissionError, IsADirectoryError)
    if not os.environ.get("DVK_DEBUG")
    else ()
)
