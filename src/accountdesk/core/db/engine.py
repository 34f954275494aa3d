"""Opening a database: engine set-up, safety checks, automatic migration with a backup first.

A database is a SQLite file (WAL mode, foreign keys on, full sync) or any SQLAlchemy URL.
:func:`open_database` refuses a file that is not SQLite (and leaves it untouched), refuses a
schema newer than this app, and upgrades an older schema after copying the file aside.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from accountdesk.core import paths
from accountdesk.core.db.schema import KNOWN_REVISIONS, SCHEMA_HEAD, SQLITE_HEADER
from accountdesk.core.db.search import install_index_hooks
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _

__all__ = ["KNOWN_REVISIONS", "SCHEMA_HEAD", "Database", "DatabaseOpenError", "open_database"]


class DatabaseOpenError(UserError):
    """The database cannot be opened; the message says why and nothing was changed."""


def database_url(target: str | os.PathLike[str] | None) -> str:
    """An SQLAlchemy URL for a path, a URL, ``ACCOUNTDESK_DB`` or the default location."""
    if target is None:
        target = os.environ.get("ACCOUNTDESK_DB") or paths.default_database_path()
    target = os.fspath(target)
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None (memory database or another server)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseOpenError(
            _("{path} is a folder, not an AccountDesk database.").format(path=path)
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            _("{path} is not an SQLite database; it was left untouched.").format(path=path)
        )


def _configure_sqlite(engine: Engine, *, file_backed: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        if file_backed:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA cache_size=-32000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """An open database: where it is, and sessions for reading and writing."""

    url: str
    engine: Engine
    path: Path | None

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end of the block, rolls back on any error."""
        with self._write.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (a consistent snapshot for the block)."""
        with self._read() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            return None
        finally:
            conn.rollback()
    return None if row is None else str(row[0])


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table'")).scalar()
        conn.rollback()
    return bool(rows)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database (WAL included) to ``destination`` with SQLite's backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def _backup_before_migration(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"{path.stem}-before-migration-from-{revision or 'none'}-{stamp}{path.suffix or '.db'}"
    return backup_sqlite(path, paths.backup_dir() / name)


def migrate(db: Database) -> None:
    """Apply every pending Alembic migration to ``db`` (imported lazily: it is slow to load)."""
    from accountdesk.core.db.migrations import upgrade_to_head

    with db.engine.begin() as conn:
        upgrade_to_head(conn)


def open_database(
    target: str | os.PathLike[str] | None = None, *, upgrade: bool = True
) -> Database:
    """Open (and create or upgrade) a database; raises :class:`DatabaseOpenError` with a reason."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, file_backed=path is not None)
    db = Database(url=url, engine=engine, path=path)
    try:
        revision = _current_revision(engine)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("{target} cannot be read as a database: {reason}").format(
                target=path or url, reason=exc.orig
            )
        ) from exc
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise DatabaseOpenError(
            _(
                "The database {target} was written by a newer AccountDesk (schema {revision}); "
                "update AccountDesk to open it."
            ).format(target=path or url, revision=revision)
        )
    if revision != SCHEMA_HEAD:
        if not upgrade:
            engine.dispose()
            raise DatabaseOpenError(
                _("The database {target} needs an upgrade (schema {revision}).").format(
                    target=path or url, revision=revision or "-"
                )
            )
        if path is not None and path.exists() and _has_user_tables(engine):
            _backup_before_migration(path, revision)
        migrate(db)
    install_index_hooks()
    return db


def schema_revision(db: Database) -> str | None:
    return _current_revision(db.engine)
