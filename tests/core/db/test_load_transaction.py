"""``Database.transaction(load=True)``: a load into a laptop's file written without the
write-ahead log when nothing else has the file open, and in WAL mode again afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from accountdesk.core.db.engine import BUSY_TIMEOUT_MS, open_database


def _mode(conn: object) -> str:
    return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())  # type: ignore[attr-defined]


def _accounts(path: Path) -> int:
    with sqlite3.connect(path) as plain:
        return int(plain.execute("SELECT count(*) FROM accounts").fetchone()[0])


def _add(conn: object, key: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO accounts (id, name, country, status, created_at, updated_at) "
            "VALUES (:id, :id, 'LV', 'prospect', '2026-11-30', '2026-11-30')"
        ),
        {"id": key},
    )


def test_a_load_is_written_with_a_rollback_journal_and_the_file_is_in_wal_mode_after(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "a.db")
    with db.reader() as session:  # an idle connection of this process: closed for the load
        assert _mode(session.connection()) == "wal"
    with db.transaction(load=True) as session:
        conn = session.connection()
        assert _mode(conn) == "delete"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        _add(conn, "a1")
    with db.reader() as session:
        assert _mode(session.connection()) == "wal"
    db.close()
    assert _accounts(tmp_path / "a.db") == 1
    assert not Path(f"{tmp_path / 'a.db'}-journal").exists()


def test_a_failed_load_leaves_nothing_and_the_file_in_wal_mode(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    with pytest.raises(RuntimeError), db.transaction(load=True) as session:
        _add(session.connection(), "a1")
        raise RuntimeError("stop")
    with db.reader() as session:
        assert _mode(session.connection()) == "wal"
    db.close()
    assert _accounts(tmp_path / "a.db") == 0


def test_a_file_someone_else_has_open_keeps_its_log_and_is_not_waited_for(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "a.db")
    other = open_database(tmp_path / "a.db")  # the app, say, open on the same file
    with other.reader() as session:  # reading: its snapshot is taken
        assert session.execute(text("SELECT count(*) FROM accounts")).scalar() == 0
        with db.transaction(load=True) as mine:
            conn = mine.connection()
            assert _mode(conn) == "wal"
            # the wait for a busy file is the usual one again (it was 0 for the attempt)
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            _add(conn, "a1")
        # WAL: the other connection's read went on, and still sees the state before
        assert session.execute(text("SELECT count(*) FROM accounts")).scalar() == 0
    other.close()
    db.close()
    assert _accounts(tmp_path / "a.db") == 1


def test_an_in_memory_database_loads_in_an_ordinary_transaction() -> None:
    db = open_database("sqlite://")
    count = text("SELECT count(*) FROM accounts")
    with db.reader() as session:
        before = session.execute(count).scalar()
    with db.transaction(load=True) as session:
        _add(session.connection(), "load-1")
    with db.reader() as session:
        assert session.execute(count).scalar() == (before or 0) + 1
