"""Storage failures in one sentence: the one place that turns SQLite's error codes (and the
operating system's, for backups and exports) into what the user reads.

Every message says what happened, where, and that nothing was written: a failed write is rolled
back whole (SQLite's transactions), and a file is replaced only once it is complete. The engine
translates errors as they happen (its ``handle_error`` hook, so the message names the database);
the command line's error boundary (``cli.main``) and the desktop app's (``ui.app``) call
:func:`explain` for anything that reached them untranslated.

A team server (PostgreSQL) has refusals of its own, one sentence each (:func:`explain_server`):
what a role may not do (SQLSTATE 42501: the structure, another rep's data, an account's owner)
and why a connection failed (refused, unknown host, no such database, the password, TLS). A
sentence names the server by its address without the password
(:func:`accountdesk.core.db.credentials.server_address`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

from accountdesk.core.errors import UserError, os_reason
from accountdesk.core.i18n import _, format_size, join_list, ltr_shown

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
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


class DamagedDatabaseError(StorageError):
    """A part of the database file cannot be read: ``accountdesk db backups`` and ``db
    restore`` then work without opening it (:func:`accountdesk.core.db.backup.recover`)."""


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
            ).format(path=ltr_shown(path), needed=format_size(needed), free=format_size(free))
        )
    if free is not None:
        return DiskFullError(
            _(
                "The disk holding {path} is full ({free} free), so nothing was written; free "
                "some space and try again."
            ).format(path=ltr_shown(path), free=format_size(free))
        )
    return DiskFullError(
        _("The disk holding {path} is full, so nothing was written.").format(path=ltr_shown(path))
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


def busy(path: Path | str, *, reading: bool = False) -> DatabaseBusyError:
    """Another writer holds the database past the busy timeout; names it when it can be seen.
    A command that only reads (``reading``) is not told that nothing was written."""
    others = holders(path)
    if others and reading:
        return DatabaseBusyError(
            _(
                "The database {path} is busy: another program is writing to it (it is open in "
                "{programs}); try again in a moment."
            ).format(path=ltr_shown(path), programs=join_list(others))
        )
    if others:
        return DatabaseBusyError(
            _(
                "The database {path} is busy: another program is writing to it (it is open in "
                "{programs}), so nothing was written; try again in a moment."
            ).format(path=ltr_shown(path), programs=join_list(others))
        )
    if reading:
        return DatabaseBusyError(
            _(
                "The database {path} is busy: another program or AccountDesk window is writing "
                "to it; try again in a moment."
            ).format(path=ltr_shown(path))
        )
    return DatabaseBusyError(
        _(
            "The database {path} is busy: another program or AccountDesk window is writing to "
            "it, so nothing was written; try again in a moment."
        ).format(path=ltr_shown(path))
    )


def read_only(path: Path | str) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        _(
            "The database {path} is read-only: AccountDesk can show it but not change it, so "
            "nothing was written."
        ).format(path=ltr_shown(path))
    )


def no_database(path: Path | str) -> NoDatabaseError:
    return NoDatabaseError(_("There is no database at {path}.").format(path=ltr_shown(path)))


def cannot_open(path: Path | str) -> StorageError:
    return StorageError(
        _(
            "The database {path} cannot be opened: check that its folder exists and that you "
            "may read it."
        ).format(path=ltr_shown(path))
    )


def damaged(path: Path | str) -> DamagedDatabaseError:
    """A part of the database SQLite cannot read (SQLITE_CORRUPT), found while reading or
    writing it: a file whose header is damaged is refused as it is opened. The commands it
    names restore a backup without opening the damaged file (core/db/backup.py, recover)."""
    return DamagedDatabaseError(
        _(
            "The database {path} is damaged: a part of the file cannot be read, so nothing was "
            "changed. Restore a backup: accountdesk db backups --db {path} lists them, and "
            "accountdesk db restore NAME --db {path} puts one in its place (the damaged file "
            "is kept beside it)."
        ).format(path=ltr_shown(path))
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
    error = _driver_error(exc)
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    return _ERRSTR.get(str(error))


def _driver_error(exc: BaseException) -> BaseException | None:
    """The driver's error behind ``exc`` (see :func:`sqlite_code`), or None."""
    drivers = driver_errors()
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, drivers) and (
            isinstance(getattr(current, "sqlite_errorcode", None), int) or str(current) in _ERRSTR
        ):
            return current
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _damaged_file(exc: BaseException) -> bool:
    """A page of the file SQLite cannot read. Python's driver gives the extended code, which
    tells the search index's own finding (SQLITE_CORRUPT_VTAB: db check reports it) apart;
    SQLCipher's gives the primary code only, the same for both, so it is not known here."""
    error = _driver_error(exc)
    return isinstance(error, sqlite3.Error) and error.sqlite_errorcode == SQLITE_CORRUPT


def explain(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The sentence for a storage failure of the database at ``path``, or None when ``exc`` is
    not one this module knows (a bug, which must not be dressed up as something else)."""
    if isinstance(exc, StorageError):
        return exc
    if _postgres_error(exc) is not None:
        return explain_server(exc, str(path) if path is not None else None)
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
    if code == SQLITE_CORRUPT and _damaged_file(exc):
        return damaged(where)
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
                path=ltr_shown(path), reason=os_reason(exc)
            )
        )
    return None


# --- a team server (PostgreSQL) ------------------------------------------------------------


class ServerError(StorageError):
    """The team server refused the action or could not be reached; nothing was changed."""


class PasswordRequired(ServerError):
    """The server asks for a password and none was given (the caller may ask for one)."""


class WrongPassword(ServerError):
    """The server did not accept the login with that password."""


class NotAllowed(ServerError):
    """The connected role may not do this (SQLSTATE 42501)."""


class MoveRefused(NotAllowed):
    """A rep tried to move another rep's record to another account or contact (the move
    guard): a service that moves records (a merge) may say it in its own words."""


class IndexRefused(NotAllowed):
    """A rep tried to remove much of the team's search index at once (the index guard): a
    command that does so as a whole (``server reindex``) says it in its own words."""


#: SQLSTATE insufficient_privilege: every refusal of a role's rights, and of the guards.
INSUFFICIENT_PRIVILEGE = "42501"
#: The guards of a team server (:mod:`accountdesk.core.db.server`) name themselves as the
#: "constraint" of their refusal, so that each has its own sentence.
ERASE_GUARD = "accountdesk_erase_guard"
OWNER_GUARD = "accountdesk_owner_guard"
MOVE_GUARD = "accountdesk_move_guard"
SETTINGS_GUARD = "accountdesk_settings_guard"
INDEX_GUARD = "accountdesk_index_guard"
#: A statement that changes the structure (a rep's role may run none of them).
_STRUCTURE = ("CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "COMMENT", "REINDEX", "CLUSTER")
_RETRY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
#: A unique value someone else stored at the same moment (two reps adding the same new tag):
#: the app inserts shared rows so that this does not happen, and says so in a sentence if it
#: ever does (never the SQL).
UNIQUE_VIOLATION = "23505"


def _postgres_error(exc: BaseException) -> BaseException | None:
    """The psycopg error behind ``exc`` (itself, or the one an SQLAlchemy error wraps), or
    None; psycopg is only looked at once it is loaded (a laptop's file never loads it)."""
    module = sys.modules.get("psycopg")
    if module is None:
        return None
    driver: type[BaseException] = module.Error
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, driver):
            return current
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def _first_word(statement: str | None) -> str:
    words = (statement or "").split(None, 1)
    return words[0].upper() if words else ""


def _server(url: str | None) -> tuple[str, str]:
    """The server's address and the login, from a URL (never its password), as a sentence
    shows them: left to right inside a right-to-left one (:func:`ltr_shown`), or Persian
    showed "127.0.0.1:5432/team" as "team/127.0.0.1:5432"."""
    from accountdesk.core.db import credentials

    if url is None or not credentials.is_server(url):
        return _("(address unknown)"), "-"
    return ltr_shown(credentials.server_address(url)), ltr_shown(credentials.login_of(url))


def _not_allowed(err: BaseException, statement: str | None, server: str) -> NotAllowed:
    diag = getattr(err, "diag", None)
    guard = getattr(diag, "constraint_name", None)
    primary = getattr(diag, "message_primary", None) or str(err)
    if guard == ERASE_GUARD:
        return NotAllowed(_("Only the account's owner or a manager can erase this."))
    if guard == OWNER_GUARD:
        return NotAllowed(
            _("Only the account's owner or a manager can give the account to someone else.")
        )
    if guard == MOVE_GUARD:
        return MoveRefused(
            _(
                "Only the account's owner or a manager can move its records to another account "
                "or contact."
            )
        )
    if guard == SETTINGS_GUARD:
        return NotAllowed(_("Only the person themselves or a manager can change their settings."))
    if guard == INDEX_GUARD:
        return IndexRefused(
            _(
                "Only a manager can remove this much of the team's search index at once; a "
                "manager rebuilds it with accountdesk server reindex."
            )
        )
    structural = (
        _first_word(statement) in _STRUCTURE
        or primary.startswith("must be owner of")
        or primary.startswith("permission denied for schema")
        or primary.startswith("permission denied for database")
    )
    if structural:
        return NotAllowed(_("Your role cannot change the database's structure."))
    return NotAllowed(
        _("Your role on the server {server} may not do this ({reason}).").format(
            server=server, reason=ltr_shown(primary)
        )
    )


def _lost(server: str, reason: str, saving: bool = True) -> ServerError:
    """A connection that failed or was lost: while saving, what was being saved may be lost;
    while reading (``saving`` false), nothing was, and the next try connects again."""
    if not saving:
        return ServerError(
            _(
                "The connection to the server {server} failed or was lost ({reason}); nothing "
                "was changed, try again."
            ).format(server=server, reason=ltr_shown(reason))
        )
    return ServerError(
        _(
            "The connection to the server {server} failed or was lost ({reason}); what was "
            "being saved may not have been saved."
        ).format(server=server, reason=ltr_shown(reason))
    )


#: libpq's and psycopg's words for a connection option it cannot use (the option's name in
#: the first group): ``invalid sslmode value: "bogus"``, ``bad value for connect_timeout``,
#: ``invalid integer value "abc" for connection option "connect_timeout"``, ``invalid
#: connection option "x"``.
_BAD_OPTION = (
    re.compile(r"invalid (\w+) value"),
    re.compile(r"bad value for (\w+)"),
    re.compile(r'for connection option "(\w+)"'),
    re.compile(r'invalid connection option "(\w+)"'),
)


def _bad_option(text: str) -> str | None:
    """The connection option a failed connection's text says is wrong, or None."""
    for pattern in _BAD_OPTION:
        found = pattern.search(text)
        if found is not None and found.group(1) != "integer":
            return found.group(1)
    return None


def _connection_failure(
    text: str, server: str, login: str, password_source: str | None, saving: bool = True
) -> ServerError | None:
    """The sentence for a connection that could not be made (libpq's and the server's
    English texts: a failed connection carries no SQLSTATE), or None."""
    reason = text.rsplit(" failed: ", 1)[-1].strip()
    if "no password supplied" in text:
        return PasswordRequired(
            _(
                "The server {server} asks for the password of {login}: keep it in the system "
                "keyring with accountdesk server login, put it in PGPASSWORD, or run the "
                "command in a terminal to be asked for it."
            ).format(server=server, login=login)
        )
    if "password authentication failed" in text:
        if password_source == "keyring":
            return WrongPassword(
                _(
                    "The server {server} did not accept the login {login} with the password "
                    "from the system keyring; sign in again with accountdesk server login."
                ).format(server=server, login=login)
            )
        return WrongPassword(
            _("The server {server} did not accept the login {login} with that password.").format(
                server=server, login=login
            )
        )
    if "Connection refused" in text:
        return ServerError(
            _(
                "The server {server} refused the connection: check that PostgreSQL runs there "
                "and accepts connections on that port."
            ).format(server=server)
        )
    if (
        "failed to resolve host" in text
        or "could not translate host name" in text
        or "Name or service not known" in text
    ):
        return ServerError(
            _("There is no server at {server}: check the host name in the address.").format(
                server=server
            )
        )
    if "does not exist" in text and 'role "' in text:
        return ServerError(
            _(
                "The server {server} has no login {login}: check the login in the address, or "
                "ask the team's administrator to add you (accountdesk server add-user)."
            ).format(server=server, login=login)
        )
    option = _bad_option(text)
    if option is not None:
        return ServerError(
            _(
                "The address of the server {server} gives the connection option {option} a "
                "value it cannot have, or names an option that does not exist: correct or "
                "remove it."
            ).format(server=server, option=option)
        )
    if "does not exist" in text and 'database "' in text:
        return ServerError(
            _("The server {server} has no such database: check the name after the last /.").format(
                server=server
            )
        )
    if "does not support SSL, but SSL was required" in text:
        return ServerError(
            _(
                "The server {server} offers no encrypted connection (TLS), but the connection "
                "requires one (sslmode): ask its administrator to switch TLS on."
            ).format(server=server)
        )
    if "no pg_hba.conf entry" in text and "no encryption" in text:
        return ServerError(
            _(
                "The server {server} accepts only encrypted connections: add ?sslmode=require "
                "to its address, or sign in with accountdesk server login --sslmode require."
            ).format(server=server)
        )
    if "no pg_hba.conf entry" in text:
        return ServerError(
            _(
                "The server {server} does not let {login} connect from this computer (its "
                "pg_hba.conf has no entry for it)."
            ).format(server=server, login=login)
        )
    if "certificate" in text:
        return ServerError(
            _("The certificate of the server {server} could not be verified: {reason}").format(
                server=server, reason=ltr_shown(reason)
            )
        )
    if "timeout expired" in text:
        return ServerError(_("The server {server} did not answer in time.").format(server=server))
    if text.startswith("connection failed") or "server closed the connection" in text:
        return _lost(server, reason, saving)
    return None


def explain_server(
    exc: BaseException,
    url: str | None,
    *,
    statement: str | None = None,
    password_source: str | None = None,
    saving: bool = True,
) -> ServerError | None:
    """The sentence for a team server's refusal or a failed connection to it, or None when
    ``exc`` is none of those. ``url``: the server (its password is never shown);
    ``statement``: the SQL refused, when known; ``password_source``: where the password came
    from (:class:`accountdesk.core.db.credentials.Password`), for a wrong one; ``saving``:
    false when the connection only read (a lost one then lost nothing)."""
    if isinstance(exc, ServerError):
        return exc
    err = _postgres_error(exc)
    if err is None:
        return None
    server, login = _server(url)
    state = getattr(err, "sqlstate", None)
    if statement is None:
        statement = getattr(exc, "statement", None)
    if state == INSUFFICIENT_PRIVILEGE:
        return _not_allowed(err, statement, server)
    if state in _RETRY or state == UNIQUE_VIOLATION:
        return ServerError(
            _(
                "The server {server} could not do this now because someone else was changing "
                "the same records; nothing was changed, try again."
            ).format(server=server)
        )
    if state is None:
        return _connection_failure(str(err), server, login, password_source, saving)
    if state.startswith(("08", "57P")):  # connection exception, operator intervention
        return _lost(server, str(err).strip().splitlines()[0], saving)
    return None
