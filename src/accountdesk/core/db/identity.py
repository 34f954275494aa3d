"""A database's own identity: a UUID kept in its ``settings`` table (key ``database.id``).

It is given the first time the file is opened for writing, travels with every copy and backup
of the file, and keys the backups (``backups/<id>/``), so two databases that happen to share a
file name never share backups, and a restore can tell a backup of this database from one of
another. The row is data, not schema (the ``settings`` table exists in every schema revision),
and it is read and written with plain SQL: before migrations run, and in backup files.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from accountdesk.core.db.ids import new_id

IDENTITY_KEY = "database.id"
_SELECT = "SELECT value FROM settings WHERE key = ?"
_HAS_SETTINGS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"


def _execute(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """Run ``sql`` (``?`` placeholders) on an SQLAlchemy connection (SQLite or PostgreSQL) or
    a DB-API SQLite one (plain or SQLCipher)."""
    if isinstance(conn, Connection):
        if conn.dialect.name != "sqlite":
            if sql == _HAS_SETTINGS:
                sql = "SELECT 1 FROM information_schema.tables WHERE table_name = 'settings'"
            sql = sql.replace("?", "%s")
        return conn.exec_driver_sql(sql, params)
    return conn.execute(sql, params)


def _first(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    result = _execute(conn, sql, params)
    return result.first() if isinstance(conn, Connection) else result.fetchone()


def read_setting(conn: Any, key: str) -> Any:
    """The stored value of the setting ``key`` (decoded from its JSON) in the database behind
    ``conn`` (an SQLAlchemy or DB-API connection), or None: no such row, or no settings table
    (a file that is not an AccountDesk database yet)."""
    if _first(conn, _HAS_SETTINGS) is None:
        return None
    row = _first(conn, _SELECT, (key,))
    if row is None:
        return None
    return json.loads(row[0]) if isinstance(row[0], str) else row[0]


def read_identity(conn: Any) -> str | None:
    """The identity stored in the database behind ``conn``, or None (none yet, or no table)."""
    value = read_setting(conn, IDENTITY_KEY)
    return value if isinstance(value, str) and value else None


def ensure_identity(engine: Engine) -> str | None:
    """The database's identity, given now if it has none (and a settings table to keep it)."""
    with engine.connect() as conn:
        found = read_identity(conn)
        conn.rollback()
    if found is not None:
        return found
    with engine.execution_options(write=True).begin() as conn:
        found = read_identity(conn)
        if found is not None:
            return found
        if _first(conn, _HAS_SETTINGS) is not None:
            return stamp_identity(conn, new_id())
    return None


def stamp_identity(conn: Any, identity: str) -> str:
    """Store ``identity`` as the database's own, replacing any other (``conn``: an SQLAlchemy
    connection or a DB-API one)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    _execute(conn, "DELETE FROM settings WHERE key = ?", (IDENTITY_KEY,))
    sql = "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
    _execute(conn, sql, (IDENTITY_KEY, json.dumps(identity), now))
    return identity


def file_facts(path: Path, passphrase: str | None = None) -> tuple[str | None, str | None]:
    """The identity and schema revision of the SQLite file ``path`` (None for what it lacks),
    read without changing it (an encrypted file with its ``passphrase``)."""
    from accountdesk.core.db import crypto

    conn = crypto.connect(f"{path.resolve().as_uri()}?mode=ro", passphrase, uri=True)
    try:
        identity, schema = read_identity(conn), None
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            schema = None if row is None else str(row[0])
        return identity, schema
    finally:
        conn.close()
