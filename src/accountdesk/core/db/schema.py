"""Schema facts that must be readable without importing SQLAlchemy or Alembic."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from accountdesk.core import paths

#: The newest migration this version of the app knows (a test keeps it equal to Alembic's head).
SCHEMA_HEAD = "0018"
#: Every revision this app knows, oldest first.
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
)
SQLITE_HEADER = b"SQLite format 3\x00"


def default_target() -> str | os.PathLike[str]:
    """The database when none is named: ``ACCOUNTDESK_DB``, else the team server of the
    ``server.url`` setting (:func:`accountdesk.core.db.credentials.default_server`), or the
    laptop's offline copy of it when one was made (``server.copy``, core/db/sync.py), else
    the file in the data folder."""
    from accountdesk.core.db.credentials import SERVER_COPY, default_server, local_setting

    named = os.environ.get("ACCOUNTDESK_DB")
    if named:
        return named
    server = default_server()
    if server is None:
        return paths.default_database_path()
    copy = local_setting(SERVER_COPY)
    if copy and Path(copy).exists():
        return copy
    return server


def database_url(target: str | os.PathLike[str] | None) -> str:
    """An SQLAlchemy URL for a path, a URL or :func:`default_target` (here, without
    SQLAlchemy, so that the desktop app knows its database before importing it)."""
    if target is None:
        target = default_target()
    target = os.fspath(target)
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


#: How long a connection waits for a file another connection holds (a writer, or a load into
#: an empty file, which readers wait for too) before it gives up with one sentence.
BUSY_TIMEOUT_MS = 5000


def quick_sqlite(path: Path) -> sqlite3.Connection | None:
    """A read connection to an up-to-date AccountDesk SQLite file, or None.

    None means "take the full path" (:func:`accountdesk.core.db.engine.open_database`), which
    creates, checks, upgrades or explains; this is only a fast lane for read-only commands.
    A file another program still holds after :data:`BUSY_TIMEOUT_MS` is a
    :class:`~accountdesk.core.db.errors.DatabaseBusyError`.
    """
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
    except OSError:
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            # another program holds the file (a command-line load into an empty file): said
            # now, not waited for a second time by the full path
            from accountdesk.core.db.errors import busy

            raise busy(path, reading=True) from exc
        return None
    if row is None or row[0] != SCHEMA_HEAD:
        conn.close()
        return None
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    return conn
