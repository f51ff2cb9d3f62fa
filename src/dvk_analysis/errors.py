"""Which exceptions the ``dvk`` command reports as a one-line message.

Library functions raise ``ValueError`` subclasses (bad data, unknown province, too few
observations), ``FileNotFoundError`` or ``PermissionError`` with an actionable message; the
command prints that message instead of a traceback. Set ``DVK_DEBUG=1`` to see the traceback.
"""

from __future__ import annotations

import os


class UserError(Exception):
    """A failure the user can fix that is none of the built-in kinds (e.g. a held batch lock)."""


USER_ERRORS: tuple[type[BaseException], ...] = (
    (UserError, ValueError, LookupError, FileNotFoundError, PermissionError, IsADirectoryError)
    if not os.environ.get("DVK_DEBUG")
    else ()
)
