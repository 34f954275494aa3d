"""Errors the user sees. Their message is one translated sentence that says what and where."""

from __future__ import annotations

import errno
from datetime import datetime

from accountdesk.core.i18n import N_, _

#: The system's reasons a file cannot be read or written, in the user's language (the
#: system's own text, ``strerror``, is in the system's language, usually English).
_REASONS = {
    errno.ENOENT: N_("there is no such file or folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("it is in use by another program"),
    errno.ELOOP: N_("the path loops through links"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the user's language (the system's words for a reason
    not listed here)."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        return _(known)
    return exc.strerror or str(exc)


class UserError(Exception):
    """An error caused by input or circumstances, with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ImportFailed(UserError):
    """A file cannot be imported; nothing was written. ``problems`` lists every finding (the
    message is the first, or a summary of them)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class NotFoundError(UserError):
    """The record asked for does not exist (or is in the trash)."""


class InTrash(NotFoundError):
    """The record asked for is in the trash (:func:`accountdesk.core.services.trash.missing`).

    Raised inside a session with what its sentence needs: the ``kind`` of record (a key of
    ``trash.KINDS``), its id, who moved it there (``moved_by``: a server login; None on a
    laptop's file) and when. The database words it as the session ends (``Database.reader`` and
    ``transaction``: :func:`accountdesk.core.services.conflicts.in_trash`), naming the person
    and the time in the user's zone, which are read in sessions of their own. ``message`` is
    the plain "There is no …" sentence."""

    def __init__(
        self,
        message: str,
        kind: str,
        record_id: str,
        moved_by: str | None,
        moved_at: datetime,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.record_id = record_id
        self.moved_by = moved_by
        self.moved_at = moved_at
