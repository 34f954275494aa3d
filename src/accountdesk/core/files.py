"""Writing the user's files: all at once or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` all at once.

    The bytes go to a temporary file in the same folder (readable by the user alone), are
    flushed to disk, and the file is renamed over ``path``; on any failure the temporary file
    is removed, ``path`` is left as it was and :class:`UserError` says why.
    """
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError(
        _("{path} cannot be written: {reason}").format(path=path, reason=exc.strerror or str(exc))
    )
