"""Writing the user's files: all at once or not at all, readable by the user alone.

The one home of that rule: :func:`replacing` streams into a temporary file beside the target
(created ``0600`` by :func:`tempfile.mkstemp`, so a full export of everyone's data is never
readable by others, whatever the umask) and renames it over the target when the writing
succeeded; :func:`write_atomically` does the same for bytes in hand.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, Literal

from accountdesk.core.errors import UserError, os_reason
from accountdesk.core.i18n import _


@contextmanager
def replacing(path: Path, mode: Literal["w", "wb"] = "w") -> Iterator[IO[Any]]:
    """A stream (text, UTF-8, ``newline=""``; or bytes with ``mode="wb"``) whose content
    replaces ``path`` all at once when the block ends without an error.

    The stream is a private temporary file in the same folder, flushed to disk before the
    rename; on any failure it is removed, ``path`` is left as it was, and an :class:`OSError`
    becomes one sentence (:func:`cannot_write`).
    """
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    temporary = Path(name)
    if mode == "wb":
        stream: IO[Any] = os.fdopen(handle, "wb")
    else:
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.replace(temporary, path)
    except BaseException as exc:
        with suppress(OSError):
            stream.close()  # on a full disk, closing flushes and fails again
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from exc
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` all at once (see :func:`replacing`)."""
    with replacing(path, "wb") as stream:
        stream.write(data)


def cannot_write(path: Path, exc: OSError) -> UserError:
    """One sentence for a file that could not be written: a full disk (how much is free), a
    missing or read-only folder, or the system's reason; nothing was written."""
    from accountdesk.core.db.errors import explain_os_error

    explained = explain_os_error(exc, path)
    if explained is not None:
        return explained
    return UserError(
        _("{path} cannot be written: {reason}; nothing was written.").format(
            path=path, reason=os_reason(exc)
        )
    )
