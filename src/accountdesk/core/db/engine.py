"""Opening a database: engine set-up, safety checks, automatic migration with a backup first.

A database is a SQLite file (WAL mode, foreign keys on, full sync) or any SQLAlchemy URL.
:func:`open_database` refuses a file that is not SQLite, or is another program's SQLite file
(and leaves either untouched), refuses a schema newer than this app, and upgrades an older
schema after copying the file aside.

A team server is a PostgreSQL URL: its password comes from the caller, the URL, the keyring or
a prompt (:mod:`accountdesk.core.db.credentials`), and is never part of :attr:`Database.url`;
its refusals and connection failures are one sentence each, as they happen
(:func:`accountdesk.core.db.errors.explain_server`).

A new file is created ``0600`` in a ``0700`` folder (its ``-wal`` and ``-shm`` follow its mode);
a file that cannot be written (or whose folder cannot) opens read-only (an ``mode=ro`` URI):
reads work and every write is refused with one sentence (:mod:`accountdesk.core.db.errors`,
which also translates SQLite's failures as they happen: disk full, busy, read-only).
"""

from __future__ import annotations

import os
import re
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from accountdesk.core import paths
from accountdesk.core.db import credentials, crypto, fresh
from accountdesk.core.db.errors import (
    SQLITE_CANTOPEN,
    SQLITE_READONLY,
    NotAllowed,
    driver_errors,
    explain,
    explain_os_error,
    explain_server,
    no_database,
    sqlite_code,
)
from accountdesk.core.db.errors import read_only as read_only_error
from accountdesk.core.db.identity import ensure_identity
from accountdesk.core.db.schema import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    SQLITE_HEADER,
    database_url,
)
from accountdesk.core.db.search import install_index_hooks
from accountdesk.core.errors import InTrash, UserError
from accountdesk.core.i18n import _, format_number, ltr_shown, ngettext

__all__ = [
    "KNOWN_REVISIONS",
    "SCHEMA_HEAD",
    "Database",
    "DatabaseOpenError",
    "Standing",
    "database_url",
    "member_of",
    "open_database",
    "sign_in",
    "signed_in",
]


class DatabaseOpenError(UserError):
    """The database cannot be opened; the message says why and nothing was changed."""


class NotSQLiteError(DatabaseOpenError):
    """The file is not an SQLite database (its header says so): a backup may replace it
    (:func:`accountdesk.core.db.backup.recover`)."""


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
            _("{path} is a folder, not an AccountDesk database.").format(path=ltr_shown(path))
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotSQLiteError(
            _("{path} is not an SQLite database; it was left untouched.").format(
                path=ltr_shown(path)
            )
        )


#: The form of AccountDesk's schema revisions (its migrations are numbered), a newer one's too.
_OUR_REVISION = re.compile(r"\d{4}")


def _refuse_foreign(path: Path) -> None:
    """Refuse an SQLite file of another program (a file with tables, but without the
    ``alembic_version`` table every AccountDesk database has, older schemas too, or with one
    that holds another program's revision or none beside tables), read through
    a connection that cannot write, before anything sets its journal mode or migrates it; an
    empty file is a new database. A file that cannot be read here is left to the full path,
    which says why (damaged, busy)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        conn = _read_only_connection(path, None)
    except driver_errors():
        return
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        versions = (
            [str(row[0]) for row in conn.execute("SELECT version_num FROM alembic_version")]
            if "alembic_version" in names
            else []
        )
    except driver_errors():
        return
    finally:
        conn.close()
    if names and (
        "alembic_version" not in names
        # another program's Alembic: its revisions are no AccountDesk's (0001, 0012 …; a
        # newer AccountDesk's too, which the full path names)
        or any(not _OUR_REVISION.fullmatch(version) for version in versions)
        # no version, yet tables of its own: not a file AccountDesk made (one taken down to
        # no schema keeps alembic_version alone)
        or (
            not versions and {n for n in names if not n.startswith("sqlite_")} - {"alembic_version"}
        )
    ):
        raise DatabaseOpenError(
            _("{path} is not an AccountDesk database; it was left untouched.").format(
                path=ltr_shown(path)
            )
        )


def _configure_sqlite(engine: Engine, *, file_backed: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        if file_backed:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # What is deleted is overwritten with zeros, not left in free pages (SQLite's default
        # is off); see services/privacy.py for erasing a person for good.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        cursor.execute("PRAGMA cache_size=-32000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def _without_log(engine: Engine) -> Iterator[Connection]:
    """A connection to a SQLite file for one large write, with the file in rollback-journal
    mode for the block when no other connection (of any process) has it open.

    In WAL mode every page a load writes goes into the write-ahead log and then once more
    into the file at the checkpoint; with a rollback journal the new pages go into the file
    once, and only the pages the file already had are copied into the journal (a few, for
    an empty file). The commit of an import of 300,000 contacts into an empty file took
    1.5 s in WAL mode, 0.4 s without. A failure or a kill rolls back just the same (from
    the journal, when the file is next opened). While the block lasts, other connections
    cannot read (in WAL mode they read the state before): for a process that does nothing
    else with the file. The file is in WAL mode again after the block, or else when a
    connection is next made (:func:`_configure_sqlite`)."""
    engine.dispose()  # this process's idle connections: any open connection keeps the log
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        raw.execute("PRAGMA busy_timeout=0")  # someone else has it open: no waiting
        try:
            mode = raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except raw.OperationalError:  # "database is locked": another connection has it
            mode = "wal"
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(timeout)}")
        try:
            yield conn.execution_options(write=True)
        finally:
            if mode != "wal":
                with suppress(raw.OperationalError):  # the next connection sets it again
                    raw.execute("PRAGMA journal_mode=WAL")


#: The engine of every :class:`Database` this process made, while it is held (:func:`close_all`).
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def close_all() -> None:
    """Close the connections of every database this process still holds. The command line
    does this at the end of a command (:func:`accountdesk.cli.run`), before it leaves the rest
    of its memory to the operating system: a SQLite file's write-ahead log is folded back into
    the file when the file's last connection closes, so a copy of the file alone is whole."""
    for engine in list(_engines):
        engine.dispose()


@dataclass
class Database:
    """An open database: where it is, and sessions for reading and writing. ``url`` never
    holds a password (a server's is kept by the engine's connections only)."""

    url: str
    engine: Engine
    path: Path | None
    #: The key of an encrypted (SQLCipher) file, None for a plain one.
    passphrase: str | None = field(default=None, repr=False)
    #: Opened read-only (the file or its folder cannot be written): writes are refused.
    read_only: bool = False

    def __post_init__(self) -> None:
        _engines.add(self.engine)
        self._login: str | None = None
        self._member: tuple[str | None] | None = None  # (member,) once asked
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @contextmanager
    def transaction(self, *, load: bool = False) -> Iterator[Session]:
        """One unit of work: commits at the end of the block, rolls back on any error.

        ``load``: many rows written into a laptop's file by a process that does nothing else
        with it meanwhile (a command-line import into an empty file): the file is written
        without its write-ahead log for the block when no other connection has it open
        (:func:`_without_log`); a server's transaction is the same either way."""
        if self.read_only:
            raise read_only_error(self.path or self.url)
        try:
            if load and self.path is not None and self.is_sqlite:
                with (
                    _without_log(self.engine) as conn,
                    self._write(bind=conn) as session,
                    session.begin(),
                ):
                    yield session
                return
            with self._write.begin() as session:
                yield session
        except StaleDataError as error:
            # a row someone else changed between this transaction's reading and writing it
            from accountdesk.core.services.conflicts import changed_meanwhile

            raise changed_meanwhile() from error
        except InTrash as gone:
            raise self._in_trash(gone) from gone

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (a consistent snapshot for the block)."""
        try:
            with self._read() as session, session.begin():
                yield session
        except InTrash as gone:
            raise self._in_trash(gone) from gone

    def _in_trash(self, gone: InTrash) -> UserError:
        """A record in the trash, found by a session that has ended: who moved it there and
        when (the team's names and the user's zone are read in sessions of their own)."""
        from accountdesk.core.services.conflicts import in_trash

        return in_trash(self, gone)

    def close(self) -> None:
        self.engine.dispose()

    def take_over(self, other: Database) -> None:
        """Use ``other``'s engine and key from now on (the same file after it was encrypted,
        decrypted or given a new passphrase), so every holder of this object follows."""
        self.engine.dispose()
        self.engine, self.passphrase = other.engine, other.passphrase
        self.__post_init__()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgres(self) -> bool:
        """A team's shared PostgreSQL server (the laptop's own file otherwise)."""
        return self.engine.dialect.name == "postgresql"

    @property
    def login(self) -> str | None:
        """Who is connected to a team server (their PostgreSQL role, which the server stamps
        on what they write, and which an account's ``owner`` names); None for a file, a
        laptop's copy of a server too: what keys a person's own settings on a server
        (``services/activity.py::stored_key``). Who the user is in the team, on a copy as
        well, is :attr:`member`."""
        if not self.is_postgres:
            return None
        if self._login is None:
            with self.engine.connect() as conn:
                self._login = str(conn.execute(text("SELECT current_user")).scalar())
                conn.rollback()
        return self._login

    @property
    def member(self) -> str | None:
        """Who the user is in the team (:func:`member_of`, asked once): the login connected
        to a team server, the login a laptop's copy of one reaches the server as; None for
        a laptop's own file.

        Not :attr:`login`, which is None on a copy as on any file: a copy's ``settings``
        table is its own and keeps plain keys (``services/activity.py::stored_key``). Ask
        ``member`` whenever the question is whose a record is or whom it concerns in the
        team: whom a reminder is for, who owns a new account, "Mine", the trash's records
        of others."""
        if self._member is None:
            if self.is_postgres:
                self._member = (self.login,)
            else:
                with self.engine.connect() as conn:
                    self._member = (member_of(conn),)
                    conn.rollback()
        return self._member[0]


def member_of(conn: Connection) -> str | None:
    """Who the user of ``conn``'s database is in the team: the one home of that rule
    (:attr:`Database.member` keeps its answer for a database).

    - On a team server, the login connected (``current_user``): the role the server stamps
      on what it writes (``updated_by``) and that an account's ``owner`` names, whether or
      not the team has a member of that name (the administrator's ``postgres`` has none).
    - On a laptop's copy of a team server, the login the copy's changes reach the server as
      (the user of the server's address kept in the copy, else libpq's default: the
      system's user name; :func:`accountdesk.core.db.sync.create_copy` keeps it): the
      server's guards apply to its changes as that login, and the rules the server cannot
      see (a rep merges only records of their own accounts) are applied on the copy as it.
    - None on a laptop's own file: it has one user and no team.

    Whether that login is a member of the team (a row of ``users``, which a copy takes from
    the server) is for the caller to ask where it matters."""
    if conn.dialect.name == "postgresql":
        return str(conn.execute(text("SELECT current_user")).scalar())
    from accountdesk.core.db.sync_schema import is_copy_connection

    if conn.dialect.name != "sqlite" or not is_copy_connection(conn):
        return None
    url = conn.execute(text("SELECT value FROM sync_state WHERE key = 'server_url'")).scalar()
    return credentials.login_of(str(url)) if url else None


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            if engine.dialect.name != "sqlite" and not inspect(conn).has_table("alembic_version"):
                return None
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            if engine.dialect.name != "sqlite":
                raise
            return None
        finally:
            conn.rollback()
    return None if row is None else str(row[0])


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table'")).scalar()
        conn.rollback()
    return bool(rows)


def backup_sqlite(source: Path, destination: Path, passphrase: str | None = None) -> Path:
    """Copy a live SQLite database (WAL included) to ``destination`` with SQLite's backup API;
    an encrypted one (``passphrase``) gives a copy encrypted with the same passphrase."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    # a file on a read-only disk (or another user's) is copied through a connection that
    # cannot write: a read-write one could not open it
    src = (
        _read_only_connection(source, passphrase)
        if _cannot_write(source)
        else crypto.connect(source, passphrase)
    )
    try:
        crypto.copy_connection(src, destination, passphrase)
    finally:
        src.close()
    return destination


def require_database(target: str | os.PathLike[str] | None) -> None:
    """Refuse a local file that does not exist (or is empty) with "There is no database at
    PATH.": commands that only read never create one."""
    path = sqlite_path(database_url(target))
    if path is not None and (not path.exists() or (path.is_file() and not path.stat().st_size)):
        raise no_database(path)


def _cannot_write(path: Path) -> bool:
    """True when the file, the folder that holds its -wal and -shm, or those files (left by
    someone who could only read it) cannot be written."""
    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    needed = [path, path.parent, *(p for p in companions if p.exists())]
    return not all(os.access(p, os.W_OK) for p in needed)


def _create_private(path: Path) -> None:
    """A new, empty database file: ``0600`` in a ``0700`` folder (SQLite gives its -wal and
    -shm the same mode)."""
    try:
        paths.private_folder(path.parent)
        paths.new_private_file(path)
    except OSError as exc:
        raise explain_os_error(exc, path) or exc from exc


def _read_only_connection(path: Path, passphrase: str | None) -> Any:
    """A connection to ``path`` that cannot write: ``mode=ro``, or ``immutable=1`` for a WAL
    file in a folder that cannot be written (no -shm can be made there)."""
    uri = path.resolve().as_uri()
    conn = crypto.connect(f"{uri}?mode=ro", passphrase, uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver_errors() as exc:
        conn.close()
        if sqlite_code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN):
            raise
        conn = crypto.connect(f"{uri}?immutable=1", passphrase, uri=True, check_same_thread=False)
    return conn


def _read_only_engine(url: str, path: Path, key: crypto.Passphrase | None) -> Engine:
    """An engine whose connections cannot write: SQLite's ``mode=ro``, or, for a WAL file in a
    folder that cannot be written (no -shm can be made there), ``immutable=1``. An encrypted
    file (``key``) the same way, through SQLCipher."""
    passphrase = None if key is None else key.text

    def connect() -> Any:
        return _read_only_connection(path, passphrase)

    if passphrase is not None:
        return crypto.keyed_engine(path, passphrase, creator=connect)
    return create_engine(url, creator=connect)


def _server_engine(url: str, password: str | None) -> tuple[Engine, credentials.Password | None]:
    """An engine on a team server whose connections sign in with the password found for
    ``url`` (:func:`credentials.connection`), and that password; the engine's own URL holds
    none. Refusals and failed connections leave as one sentence naming the server."""
    address, extra, found = credentials.connection(url, password)
    engine = create_engine(address, connect_args=extra, pool_pre_ping=True)
    source = None if found is None else found.source

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        if context.is_pre_ping:
            # the pool's check of an idle connection (the laptop slept, the Wi-Fi dropped):
            # the pool throws a dead one away and connects again, unseen; a refusal of the new
            # connection comes back here as itself
            return
        conn = context.connection  # None: connecting, when nothing was sent yet
        saving = conn is not None and bool(conn.get_execution_options().get("write", False))
        sentence = explain_server(
            context.original_exception,
            address,
            statement=context.statement,
            password_source=source,
            saving=saving,
        )
        if sentence is not None:
            raise sentence from context.original_exception

    return engine, found


def sign_in(target: str, password: str | None = None) -> str:
    """Connect to the team server ``target`` once, without opening the database (nothing is
    migrated), so that what opens it next in this process signs in the same way; returns the
    login. Raises what a connection raises (``PasswordRequired``, ``WrongPassword`` …)."""
    return signed_in(target, password).login


@dataclass(frozen=True)
class Standing:
    """What a team server is to the login signed in to it (:func:`signed_in`)."""

    login: str
    #: the schema revision of its AccountDesk data; None: it holds none (not set up yet), or
    #: the login may not read it (no member)
    revision: str | None
    #: the login is a member of the team (a ``users`` row not removed)
    member: bool
    #: it holds AccountDesk's data (of any version)
    set_up: bool = True

    def problem(self, server: str) -> str | None:
        """Why the login cannot work on the team's data on ``server`` (its address) yet, in
        one sentence for the one signed in; None when nothing stands in the way."""
        if not self.set_up:
            return _(
                "It holds no AccountDesk team yet: its administrator sets it up with "
                "accountdesk server init."
            )
        if self.revision is not None and self.revision not in KNOWN_REVISIONS:
            return _(
                "Its data was written by a newer AccountDesk (schema {revision}): update "
                "AccountDesk on this computer to work with it."
            ).format(revision=self.revision)
        if self.revision is not None and self.revision != SCHEMA_HEAD:
            return _(
                "Its data is of an older AccountDesk (schema {revision}): its administrator "
                "upgrades it with accountdesk server init."
            ).format(revision=self.revision)
        if not self.member:
            return _(
                "{login} is not a member of the team on {server}: a manager adds members with "
                "accountdesk server add-user."
            ).format(login=ltr_shown(self.login), server=ltr_shown(server))
        return None


def signed_in(target: str, password: str | None = None) -> Standing:
    """:func:`sign_in`, and what the server is to that login: whether it holds AccountDesk's
    data at this version, and whether the login is a member of the team."""
    url = credentials.normalise(target)
    engine, found = _server_engine(url, password)
    try:
        with engine.connect() as conn:
            login = str(conn.execute(text("SELECT current_user")).scalar())
            revision = None
            set_up = conn.execute(text("SELECT to_regclass('public.alembic_version')")).scalar()
            if _readable(conn, "public.alembic_version"):
                found_revision = conn.execute(
                    text("SELECT version_num FROM public.alembic_version")
                ).scalar()
                revision = None if found_revision is None else str(found_revision)
            member = False
            if _readable(conn, "public.users"):  # (a login of no group may not read it)
                member = bool(
                    conn.execute(
                        text(
                            "SELECT 1 FROM public.users"
                            " WHERE login = current_user AND deleted_at IS NULL"
                        )
                    ).first()
                )
            conn.rollback()
    finally:
        engine.dispose()
    credentials.keep_for_session(url, found)
    return Standing(login, revision, member, set_up=set_up is not None)


def _readable(conn: Connection, name: str) -> bool:
    """Whether the server has the table ``name`` and the login may read it."""
    return bool(
        conn.execute(
            text(
                "SELECT to_regclass(:t) IS NOT NULL"
                " AND has_table_privilege(current_user, to_regclass(:t), 'SELECT')"
            ),
            {"t": name},
        ).scalar()
    )


def _explain_errors(engine: Engine, where: Path | str) -> None:
    """SQLite's failures (disk full, busy, read-only…) leave as one sentence naming ``where``."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        found = explain(context.original_exception, where)
        if found is not None:
            raise found from context.original_exception


def migrate(db: Database) -> None:
    """Apply every pending Alembic migration to ``db`` (imported lazily: it is slow to load).
    A laptop file with nothing in it yet is made at the newest schema in one step instead
    (:func:`_made_at_head`)."""
    if db.is_sqlite and _made_at_head(db):
        return
    from accountdesk.core.db.migrations import upgrade_to_head
    from accountdesk.core.db.sync_schema import copy_triggers_dropped

    with db.engine.begin() as conn, copy_triggers_dropped(conn):  # a team server's copy: sync.py
        upgrade_to_head(conn)


def _made_at_head(db: Database) -> bool:
    """Make an SQLite database that has nothing in it yet what the migrations would make it,
    from ``head.sql`` in one transaction (:mod:`accountdesk.core.db.fresh`); False, and
    nothing done, when it has something already (it is made under the write lock: two
    processes opening a new file make it once)."""
    with db.engine.execution_options(write=True).begin() as conn:
        if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
            return False
        fresh.create_at_head(conn.exec_driver_sql)
    return True


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    upgrade: bool = True,
    passphrase: str | None = None,
    create: bool = True,
    read_only: bool | None = None,
    password: str | None = None,
) -> Database:
    """Open (and create or upgrade) a database; raises :class:`DatabaseOpenError` with a reason.

    An encrypted file opens with ``passphrase``, else ``ACCOUNTDESK_PASSPHRASE`` or the
    keyring's (:mod:`accountdesk.core.db.crypto`); without one, or with a wrong one, it raises
    :class:`~accountdesk.core.db.crypto.PassphraseRequired` or ``WrongPassphrase``.

    Without ``create``, a missing file is refused ("There is no database at PATH."). A file
    that cannot be written opens read-only (``read_only`` forces either way).

    A team server's URL signs in with ``password``, else the one the URL, this process or the
    keyring has (:mod:`~accountdesk.core.db.credentials`); when the server asks for one and
    none was found it raises :class:`~accountdesk.core.db.errors.PasswordRequired`, and
    ``WrongPassword`` when it refuses it."""
    url = credentials.normalise(database_url(target))
    path = sqlite_path(url)
    server = credentials.is_server(url)
    if not server and path is None and not url.startswith(("sqlite:", "sqlite+")):  # mysql://:
        # SQLAlchemy's own "Can't load plugin" or a missing driver ended as an unexpected error
        raise DatabaseOpenError(  # the scheme alone: the rest may hold a password
            _(
                "A {scheme}:// address is neither a database file nor a team server's address "
                "(postgresql://…)."
            ).format(scheme=url.split("://", 1)[0])
        )
    signed_in: credentials.Password | None = None
    if not create:
        require_database(target)
    key = None if path is None else crypto.passphrase_for(path, passphrase)
    ro = bool(read_only)
    if path is not None:
        if key is None:
            _check_sqlite_file(path)
            _refuse_foreign(path)
            if not path.exists():
                _create_private(path)
        ro = _cannot_write(path) if read_only is None else read_only
    if server:
        engine, signed_in = _server_engine(url, password)
        url = credentials.without_password(url)
    elif path is not None and ro:
        engine = _read_only_engine(url, path, key)
    else:
        engine = crypto.keyed_engine(path, key.text) if path and key else create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, file_backed=path is not None and not ro)
        _explain_errors(engine, path or url)
    if path and key:
        crypto.check_engine(engine, path, key)
    db = Database(
        url=url,
        engine=engine,
        path=path,
        passphrase=None if key is None else key.text,
        read_only=ro,
    )
    try:
        revision = _current_revision(engine)
    except UserError:
        engine.dispose()
        raise
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("{target} cannot be read as a database: {reason}").format(
                target=ltr_shown(path or url), reason=exc.orig
            )
        ) from exc
    if server:
        credentials.keep_for_session(url, signed_in)  # it signed in: not asked again here
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise DatabaseOpenError(
            _(
                "The database {target} was written by a newer AccountDesk (schema {revision}); "
                "update AccountDesk to open it."
            ).format(target=ltr_shown(path or url), revision=revision)
        )
    writable = path is not None and upgrade and not ro
    identity = ensure_identity(engine) if writable else None  # first: backups carry it
    if revision != SCHEMA_HEAD:
        if not upgrade:
            engine.dispose()
            raise DatabaseOpenError(
                _("The database {target} needs an upgrade (schema {revision}).").format(
                    target=ltr_shown(path or url), revision=revision or "-"
                )
            )
        if ro:
            engine.dispose()
            raise DatabaseOpenError(
                _(
                    "The database {target} needs an upgrade (schema {revision}), but it is "
                    "read-only, so it was left as it is."
                ).format(target=ltr_shown(path or url), revision=revision or "-")
            )
        if path is not None and path.exists() and _has_user_tables(engine):
            from accountdesk.core.db.backup import backup_before_migration

            backup_before_migration(db, revision)
        try:
            migrate(db)
        except NotAllowed as exc:  # a member of a team server: the administrator upgrades it
            engine.dispose()
            raise DatabaseOpenError(
                _(
                    "The team's database on {server} needs an upgrade (schema {revision}), which "
                    "only its administrator may make: they run accountdesk server init again."
                ).format(
                    server=ltr_shown(credentials.server_address(url)), revision=revision or "-"
                )
            ) from exc
    if writable and identity is None:
        ensure_identity(engine)
    install_index_hooks()
    return db


def schema_revision(db: Database) -> str | None:
    return _current_revision(db.engine)


_FTS_CHECK = "INSERT INTO search_fts(search_fts) VALUES('integrity-check')"


def check_database(db: Database) -> list[str]:
    """What is wrong with the database, in sentences (none: it is healthy): SQLite's integrity
    check, rows that point at records that do not exist, and the search index's own check.
    A read-only file tells the truth too: the index check writes, so it runs on a copy in
    memory (encrypted ones under their key)."""
    if not db.is_sqlite:
        return []
    problems: list[str] = []
    with db.engine.connect() as conn:
        result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        if result != ["ok"]:
            problems.extend(result)
        broken = len(conn.execute(text("PRAGMA foreign_key_check")).all())
        if broken:
            problems.append(
                ngettext(
                    "{n} row points at a record that does not exist.",
                    "{n} rows point at records that do not exist.",
                    broken,
                ).format(n=format_number(broken))
            )
        damaged: tuple[type[Exception], ...] = (*driver_errors(), DBAPIError)
        try:
            if db.read_only:
                copy = crypto.memory_copy(conn.connection.driver_connection, db.passphrase)
                try:
                    copy.execute(_FTS_CHECK)
                finally:
                    copy.close()
            else:
                conn.exec_driver_sql(_FTS_CHECK)
        except damaged as exc:
            reason = getattr(exc, "orig", None) or exc
            problems.append(_("The search index is damaged: {reason}").format(reason=reason))
        conn.rollback()
    return problems
