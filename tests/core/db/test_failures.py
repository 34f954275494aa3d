"""Storage failures: each gives its one sentence and leaves what was stored intact."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import crypto, errors
from accountdesk.core.db import engine as db_engine
from accountdesk.core.db.backup import list_backups, make_backup
from accountdesk.core.db.engine import (
    Database,
    DatabaseOpenError,
    check_database,
    open_database,
)
from accountdesk.core.db.errors import (
    DatabaseBusyError,
    DiskFullError,
    NoDatabaseError,
    ReadOnlyDatabaseError,
    explain,
)
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from shown import count_live

pytestmark = pytest.mark.sqlite_only  # the local file itself

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)


def _account(db: Database, name: str, notes: str = "") -> str:
    return create_account(
        db, AccountInput(name=name, country="LV", timezone="Europe/Riga", notes=notes)
    )


def _key(path: Path) -> str | None:
    """The passphrase of the test's file: the encrypted variant's, or None."""
    return PASS if crypto.looks_encrypted(path) else None


def _rows(path: Path) -> list[str]:
    """The account names in the file, read by the driver alone (not through the app)."""
    conn = crypto.connect(f"{path.resolve().as_uri()}?mode=ro", _key(path), uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return sorted(r[0] for r in conn.execute("SELECT name FROM accounts"))
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["plain", "encrypted"])
def stored(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """Two accounts in a database, plain or encrypted: each failure reads the same for both."""
    path = tmp_path / "data.db"
    db = open_database(path)
    _account(db, "Baltic Timber")
    _account(db, "Siam Trading")
    if request.param == "encrypted":
        if not crypto.available():
            pytest.skip("SQLCipher is not installed here")
        db.close()
        crypto.encrypt_file(path, PASS, datetime(2026, 11, 2, tzinfo=UTC))
        db = open_database(path, passphrase=PASS)
        assert db.passphrase == PASS
    yield db
    db.close()


# --- disk full ---------------------------------------------------------------------------


def test_disk_full_while_writing_is_one_sentence_and_nothing_is_written(
    stored: Database,
) -> None:
    assert stored.path is not None
    with stored.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.rollback()
    stored.engine.dispose()

    @event.listens_for(stored.engine, "connect")
    def _no_room(dbapi_conn: Any, _record: Any) -> None:  # the file may not grow any more
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(DiskFullError) as caught:
        _account(stored, "Too Big", notes="x" * 200_000)
    message = str(caught.value)
    assert message.startswith(f"The disk holding {stored.path} is full")
    assert "nothing was written" in message and "free" in message
    assert message.endswith(".") and ". " not in message  # one sentence
    event.remove(stored.engine, "connect", _no_room)
    stored.engine.dispose()
    assert _rows(stored.path) == ["Baltic Timber", "Siam Trading"]
    assert count_live(stored)[0] == 2


def test_a_really_full_disk_keeps_the_database_intact(tiny_disk: Any) -> None:
    disk = tiny_disk.make("2m")
    db = open_database(disk / "data.db")
    _account(db, "Baltic Timber")
    filler = tiny_disk.fill(disk)
    with pytest.raises(DiskFullError, match="is full"):
        for n in range(200):  # until the WAL cannot grow
            _account(db, f"Account {n}", notes="y" * 20_000)
    db.close()
    filler.unlink()
    names = _rows(disk / "data.db")
    assert "Baltic Timber" in names
    reopened = open_database(disk / "data.db")
    assert [h.title for h in search(reopened, "baltic")] == ["Baltic Timber"]
    _account(reopened, "After")  # room again: writing works
    reopened.close()


def test_a_backup_on_a_full_disk_says_how_much_it_needs_and_leaves_nothing(
    stored: Database, tiny_disk: Any
) -> None:
    from accountdesk.core import settings

    disk = tiny_disk.make("1m")
    settings.put(stored, "backup.folder", str(disk))
    first = make_backup(stored, fixed_clock(_when(0)))
    # (an encrypted database also lists the copy taken before it was encrypted)
    listed = [b.path for b in list_backups(stored)]
    assert first.path in listed
    _account(stored, "Bigger", notes="z" * 300_000)
    tiny_disk.fill(disk, leave=64 * 1024)
    with pytest.raises(DiskFullError) as caught:
        make_backup(stored, fixed_clock(_when(1)))
    assert "this needs about" in str(caught.value) and "free" in str(caught.value)
    assert [b.path for b in list_backups(stored)] == listed
    assert [p.name for p in first.path.parent.iterdir()] == [first.path.name]  # no .part
    assert _rows(first.path) == ["Baltic Timber", "Siam Trading"]


def _when(day: int) -> Any:
    from datetime import UTC, datetime, timedelta

    return datetime(2026, 11, 2, 8, tzinfo=UTC) + timedelta(days=day)


# --- busy ------------------------------------------------------------------------------


def test_a_database_locked_by_another_writer_is_one_sentence(
    stored: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stored.path is not None
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 100)
    stored.engine.dispose()  # new connections take the short timeout
    other = crypto.connect(stored.path, stored.passphrase, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE accounts SET notes = 'held' WHERE name = 'Siam Trading'")
    try:
        with pytest.raises(DatabaseBusyError) as caught:
            _account(stored, "Waiting")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(caught.value) == (
        f"The database {stored.path} is busy: another program or AccountDesk window is writing "
        "to it, so nothing was written; try again in a moment."
    )
    assert _rows(stored.path) == ["Baltic Timber", "Siam Trading"]
    _account(stored, "Waiting")  # once the other writer is done, it works
    assert _rows(stored.path) == ["Baltic Timber", "Siam Trading", "Waiting"]


def test_a_read_only_command_on_a_file_held_by_a_load_says_busy_after_one_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load into an empty file holds it in rollback-journal mode (``Database.transaction(
    load=True)``), where readers wait too: the read-only commands' fast lane says the file is
    busy after its one wait, instead of handing the file to the full path to wait again."""
    from accountdesk.core.db import schema
    from accountdesk.core.db.schema import quick_sqlite

    path = tmp_path / "loading.db"
    open_database(path).close()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 100)
    loader = sqlite3.connect(path, isolation_level=None)
    assert loader.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    loader.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseBusyError) as caught:
            quick_sqlite(path)
    finally:
        loader.execute("ROLLBACK")
        loader.close()
    said = str(caught.value)
    # a command that only reads is not told that nothing was written
    assert f"The database {path} is busy: another program" in said
    assert "nothing was written" not in said and said.endswith("; try again in a moment.")
    found = quick_sqlite(path)  # once the load is over, the fast lane reads it
    assert found is not None
    found.close()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="processes are seen in /proc")
def test_the_busy_sentence_names_the_program_that_holds_the_database(
    stored: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stored.path is not None
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 100)
    stored.engine.dispose()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from accountdesk.core.db import crypto\n"
            "c = crypto.connect(sys.argv[1], sys.argv[2] or None, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "c.execute(\"UPDATE accounts SET notes = 'held' WHERE name = 'Siam Trading'\")\n"
            "print('holding', flush=True)\n"
            "sys.stdin.readline()\n",
            str(stored.path),
            stored.passphrase or "",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        name = Path(f"/proc/{holder.pid}/comm").read_text(encoding="utf-8").strip()
        with pytest.raises(DatabaseBusyError) as caught:
            _account(stored, "Waiting")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert str(caught.value) == (
        f"The database {stored.path} is busy: another program is writing to it (it is open in "
        f"{name} (process {holder.pid})), so nothing was written; try again in a moment."
    )
    assert _rows(stored.path) == ["Baltic Timber", "Siam Trading"]


# --- read-only -------------------------------------------------------------------------


def _read_only_checks(db: Database, path: Path) -> None:
    assert db.read_only
    assert [h.title for h in search(db, "siam")] == ["Siam Trading"]
    assert count_live(db)[0] == 2
    before = _digest(path)
    with pytest.raises(ReadOnlyDatabaseError) as caught:
        _account(db, "Refused")
    assert str(caught.value) == (
        f"The database {path} is read-only: AccountDesk can show it but not change it, so "
        "nothing was written."
    )
    assert _digest(path) == before


def test_a_database_opened_read_only_reads_and_refuses_writes(stored: Database) -> None:
    assert stored.path is not None
    path = stored.path
    stored.close()
    # the mode=ro URI path, whoever runs the test
    db = open_database(path, read_only=True, passphrase=_key(path))
    _read_only_checks(db, path)
    # Even a write that slipped past the check is refused by SQLite, with the same sentence.
    with pytest.raises(ReadOnlyDatabaseError), db.engine.connect() as conn:
        conn.exec_driver_sql("DELETE FROM accounts")
    db.close()
    assert _rows(path) == ["Baltic Timber", "Siam Trading"]


def test_a_check_of_a_read_only_file_tells_the_truth(stored: Database) -> None:
    """``db check`` on a file that cannot be written: healthy is healthy (the search index's
    check writes, so it runs on a copy in memory), and a damaged index is still found."""
    assert stored.path is not None
    path, key = stored.path, stored.passphrase
    assert check_database(stored) == []
    stored.close()
    read_only = open_database(path, read_only=True, upgrade=False, passphrase=key)
    assert read_only.read_only
    before = _digest(path)
    assert check_database(read_only) == []
    read_only.close()
    # The index's words no longer match the text it was built from.
    conn = crypto.connect(path, key)
    changed = conn.execute(
        "UPDATE search_fts_content SET c0 = 'nothing like it' WHERE c0 LIKE 'siam trading%'"
    )
    assert changed.rowcount == 1
    conn.commit()
    conn.close()
    before = _digest(path)
    read_only = open_database(path, read_only=True, upgrade=False, passphrase=key)
    problems = check_database(read_only)
    read_only.close()
    # (SQLCipher's newer SQLite checks the index in its integrity check too: a line more)
    assert problems[-1].startswith("The search index is damaged: ")
    assert _digest(path) == before  # nothing written
    writable = open_database(path, upgrade=False, passphrase=key)
    assert check_database(writable) == problems
    writable.close()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="chmod does not stop root (see the mount test)"
)
def test_a_file_without_write_permission_opens_read_only(stored: Database) -> None:
    assert stored.path is not None
    path = stored.path
    stored.close()
    path.chmod(0o400)
    try:
        db = open_database(path, passphrase=_key(path))
        _read_only_checks(db, path)
        db.close()
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_database_on_a_read_only_disk_opens_read_only(tiny_disk: Any, encrypted: bool) -> None:
    if encrypted and not crypto.available():
        pytest.skip("SQLCipher is not installed here")
    disk = tiny_disk.make("4m")
    db = open_database(disk / "data.db")
    _account(db, "Baltic Timber")
    _account(db, "Siam Trading")
    db.close()  # no -wal or -shm left: the read-only folder cannot get them either
    if encrypted:
        crypto.encrypt_file(disk / "data.db", PASS, datetime(2026, 11, 2, tzinfo=UTC))
    tiny_disk.read_only(disk)
    reopened = open_database(disk / "data.db", passphrase=_key(disk / "data.db"))
    assert reopened.passphrase == _key(disk / "data.db")
    _read_only_checks(reopened, disk / "data.db")
    reopened.close()


def test_an_old_schema_on_a_read_only_file_is_explained(tmp_path: Path) -> None:
    from alembic import command

    from accountdesk.core.db.migrations import alembic_config

    db = open_database(tmp_path / "old.db")
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    db.close()
    with pytest.raises(DatabaseOpenError, match=r"needs an upgrade .* but it is read-only"):
        open_database(tmp_path / "old.db", read_only=True)


# --- no database -----------------------------------------------------------------------


def test_a_missing_database_is_not_created_when_only_reading(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "data.db"
    with pytest.raises(NoDatabaseError) as caught:
        open_database(missing, create=False)
    assert str(caught.value) == f"There is no database at {missing}."
    assert not missing.parent.exists()
    open_database(missing).close()  # creating is explicit
    assert missing.exists()


# --- the one mapping ------------------------------------------------------------------


def _sqlite_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("boom")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (13, DiskFullError),
        (5, DatabaseBusyError),
        (6, DatabaseBusyError),
        (8, ReadOnlyDatabaseError),
        (8 | (6 << 8), ReadOnlyDatabaseError),  # SQLITE_READONLY_DIRECTORY
        (14, errors.StorageError),
    ],
)
def test_sqlite_codes_map_to_their_sentence(code: int, kind: type, tmp_path: Path) -> None:
    found = explain(_sqlite_error(code), tmp_path / "x.db")
    assert isinstance(found, kind)
    assert str(tmp_path / "x.db") in str(found)


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
@pytest.mark.parametrize(
    ("code", "text", "kind"),
    [
        (13, "database or disk is full", DiskFullError),
        (5, "database is locked", DatabaseBusyError),
        (8, "attempt to write a readonly database", ReadOnlyDatabaseError),
    ],
)
def test_sqlcipher_errors_map_like_sqlite_ones(
    code: int, text: str, kind: type, tmp_path: Path
) -> None:
    """An encrypted database's driver raises its own classes; they read the same. Its backup
    API raises them with SQLite's text but no code (as Python's did before 3.11)."""
    where = tmp_path / "x.db"
    plain = explain(_sqlite_error(code), where)
    with_code = crypto.sqlcipher().OperationalError("boom")
    with_code.sqlite_errorcode = code
    text_only = crypto.sqlcipher().OperationalError(text)
    for error in (with_code, text_only):
        assert errors.sqlite_code(error) == code
        found = explain(error, where)
        assert isinstance(found, kind)
        assert str(found) == str(plain)
    assert errors.sqlite_code(crypto.sqlcipher().OperationalError("no such table: x")) is None


def test_other_errors_are_not_dressed_up(tmp_path: Path) -> None:
    assert explain(_sqlite_error(1), tmp_path / "x.db") is None  # a bug stays a bug
    assert explain(_sqlite_error(10), tmp_path / "x.db") is None  # I/O error, room enough
    assert explain(ValueError("x"), tmp_path / "x.db") is None
    assert explain(FileNotFoundError(2, "No such file"), tmp_path) is None
    full = OSError(28, "No space left on device", str(tmp_path / "out.csv"))
    assert isinstance(explain(full, tmp_path / "x.db"), DiskFullError)


def test_a_database_on_a_read_only_disk_can_be_backed_up(
    tiny_disk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup goes to the data folder, which can be written: the copy is read through a
    connection that cannot write (a read-write one could not open the file: "cannot be
    opened: check that its folder exists")."""
    from accountdesk.core.db.backup import list_backups, make_backup

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    disk = tiny_disk.make("4m")
    db = open_database(disk / "data.db")
    _account(db, "Baltic Timber")
    db.close()
    tiny_disk.read_only(disk)
    reopened = open_database(disk / "data.db")
    try:
        made = make_backup(reopened)
        assert [b.path for b in list_backups(reopened)] == [made.path]
        copy = open_database(made.path)
        try:
            assert [h.title for h in search(copy, "baltic")] == ["Baltic Timber"]
        finally:
            copy.close()
    finally:
        reopened.close()
