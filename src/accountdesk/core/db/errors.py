"""Storage failures in one sentence: the one place that turns SQLite's error codes (and the
operating system's, for backups and exports) into what the user reads.

Every message says what happened, where, and that nothing was written: a failed write is rolled
back whole (SQLite's transactions), and a file is replaced only once it is complete. The engine
translates errors as they happen (its ``handle_error`` hook, so the message names the database);
the command line's error boundary (``cli.main``) and the desktop app's (``ui.app``) call
:func:`explain` for anything that reached them untranslated.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import sys
from pathlib import Path

from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_size, join_list

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
#: SQLite's own text for a code (``sqlite3_errstr``): an error raised without its code (the
#: backup API of SQLCipher's driver, like Python's own before 3.11, gives only this text).
_ERRSTR = {
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk I/O error": SQLITE_IOERR,
    "database or disk is full": SQLITE_FULL,
    "unable to open database file": SQLITE_CANTOPEN,
    "file is not a database": SQLITE_NOTADB,
}
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
#: An I/O error on a disk with less room than this is the full disk (SQLite reports a -shm or
#: -wal that cannot grow as SQLITE_IOERR, not SQLITE_FULL).
_NEARLY_FULL = 1024 * 1024


class StorageError(UserError):
    """The database or a file beside it could not be read or written; nothing was changed."""


class DiskFullError(StorageError):
    pass


class DatabaseBusyError(StorageError):
    pass


class ReadOnlyDatabaseError(StorageError):
    pass


class NoDatabaseError(StorageError):
    pass


def _free_space(path: Path) -> int | None:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_full(path: Path | str, needed: int | None = None) -> DiskFullError:
    """The disk holding ``path`` is full; ``needed``: the bytes the write needed, if known."""
    free = _free_space(Path(path))
    if needed is not None and free is not None:
        return DiskFullError(
            _(
                "The disk holding {path} is full: this needs about {needed} and only {free} is "
                "free, so nothing was written."
            ).format(path=path, needed=format_size(needed), free=format_size(free))
        )
    if free is not None:
        return DiskFullError(
            _(
                "The disk holding {path} is full ({free} free), so nothing was written; free "
                "some space and try again."
            ).format(path=path, free=format_size(free))
        )
    return DiskFullError(
        _("The disk holding {path} is full, so nothing was written.").format(path=path)
    )


def holders(path: Path | str) -> list[str]:
    """The other processes that have the database ``path`` (or its -wal) open, as "name
    (process N)", oldest first: the writer that keeps it busy is among them. Read from
    ``/proc`` (Linux); empty elsewhere, or when none can be seen (another user's)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    database = Path(path).resolve()
    wanted = {str(database), f"{database}-wal"}
    found: list[tuple[int, str]] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            opened = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
            if opened & wanted:
                name = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
                found.append((int(entry.name), name))
        except OSError:  # gone meanwhile, or not ours to look into
            continue
    return [
        _("{program} (process {pid})").format(program=name, pid=pid) for pid, name in sorted(found)
    ]


def busy(path: Path | str) -> DatabaseBusyError:
    """Another writer holds the database past the busy timeout; names it when it can be seen."""
    others = holders(path)
    if others:
        return DatabaseBusyError(
            _(
                "The database {path} is busy: another program is writing to it (it is open in "
                "{programs}), so nothing was written; try again in a moment."
            ).format(path=path, programs=join_list(others))
        )
    return DatabaseBusyError(
        _(
            "The database {path} is busy: another program or AccountDesk window is writing to "
            "it, so nothing was written; try again in a moment."
        ).format(path=path)
    )


def read_only(path: Path | str) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        _(
            "The database {path} is read-only: AccountDesk can show it but not change it, so "
            "nothing was written."
        ).format(path=path)
    )


def no_database(path: Path | str) -> NoDatabaseError:
    return NoDatabaseError(_("There is no database at {path}.").format(path=path))


def cannot_open(path: Path | str) -> StorageError:
    return StorageError(
        _(
            "The database {path} cannot be opened: check that its folder exists and that you "
            "may read it."
        ).format(path=path)
    )


def driver_errors() -> tuple[type[Exception], ...]:
    """The base error classes of the drivers a database connection may use: :mod:`sqlite3`, and
    SQLCipher's ``sqlcipher3`` (an encrypted database) once it is loaded; an error of its own
    can only come from a loaded module, so an installation without it pays nothing here."""
    cipher = sys.modules.get("sqlcipher3")
    return (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind ``exc`` (an error of either driver, plain or
    SQLCipher, or an SQLAlchemy error wrapping one), or None. An error without its code is
    known by SQLite's exact text for the code (:data:`_ERRSTR`)."""
    drivers = driver_errors()
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, drivers):
            code = getattr(current, "sqlite_errorcode", None)
            if isinstance(code, int):
                return code & 0xFF
            if str(current) in _ERRSTR:
                return _ERRSTR[str(current)]
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def explain(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The sentence for a storage failure of the database at ``path``, or None when ``exc`` is
    not one this module knows (a bug, which must not be dressed up as something else)."""
    if isinstance(exc, StorageError):
        return exc
    where = path if path is not None else _("(in memory)")
    if isinstance(exc, OSError):  # only a full disk: other OS errors are not the storage's
        if exc.errno in _DISK_FULL:
            return disk_full(exc.filename or where)
        return None
    code = sqlite_code(exc)
    if code == SQLITE_FULL:
        return disk_full(where)
    if code == SQLITE_IOERR and path is not None:
        free = _free_space(Path(path))
        if free is not None and free < _NEARLY_FULL:
            return disk_full(where)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy(where)
    if code == SQLITE_READONLY:
        return read_only(where)
    if code == SQLITE_CANTOPEN:
        return cannot_open(where)
    return None


def explain_os_error(
    exc: OSError, path: Path | str, needed: int | None = None
) -> StorageError | None:
    """The sentence for a file that could not be written (a backup, an export), or None."""
    if exc.errno in _DISK_FULL:
        return disk_full(path, needed)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR):
        return StorageError(
            _("{path} cannot be written: {reason}; nothing was written.").format(
                path=path, reason=exc.strerror or exc
            )
        )
    return None
