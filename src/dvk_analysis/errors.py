"""Which exceptions the ``dvk`` command reports as a one-line message.

Library functions raise ``ValueError`` subclasses (bad data, unknown province, too few
observations), ``FileNotFoundError`` or ``PermissionError`` with an actionable message; the
command prints that message instead of a traceback. Set ``DVK_DEBUG=1`` to see the traceback.
"""

from __future__ import annotations

import os

USER_ERRORS: tuple[type[BaseException], ...] = (
    (ValueError, LookupError, FileNotFoundError, PermissionError, IsADirectoryError)
    if not os.environ.get("DVK_DEBUG")
    else ()
)
