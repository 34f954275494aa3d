"""A copy's own file, without a server (core/db/sync_schema.py): the outbox triggers record
the app's writes in their transaction, stay away from a file that is not a copy, and follow a
schema migration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.sync_schema import copy_statements, copy_triggers_dropped
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account, update_account


def _triggers(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            )
            if r[0].startswith("sync_")
        ]


def _outbox(db: Database) -> list[tuple[str, str, str | None]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT tbl, op, fields FROM sync_outbox"))]


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "copy.db")
    with db.engine.begin() as conn:
        for statement in copy_statements():
            conn.execute(text(statement))
        conn.execute(text("INSERT INTO sync_clock VALUES (1, 0, 0, 'laptop')"))
        conn.execute(  # (its user is who the copy's user is in the team: Database.member)
            text(
                "INSERT INTO sync_state VALUES "
                "('server_url', 'postgresql+psycopg://anna@db.example.com/team')"
            )
        )
    yield db
    db.close()


def test_the_outbox_names_the_fields_changed_with_rising_stamps(copy: Database) -> None:
    account = create_account(copy, AccountInput(name="Acme", country="DE"))
    update_account(copy, account, AccountInput(name="Acme", country="DE", city="Brno"))
    assert _outbox(copy) == [("accounts", "u", None), ("accounts", "u", "city")]
    with copy.engine.connect() as conn:
        stamps = [r[0] for r in conn.execute(text("SELECT hlc FROM sync_outbox ORDER BY seq"))]
    assert stamps == sorted(stamps) and len(set(stamps)) == 2
    assert all(s.endswith("@laptop") and len(s) == 18 + len("@laptop") for s in stamps)


def test_a_migration_runs_without_the_triggers_and_gets_them_back(copy: Database) -> None:
    before = _triggers(copy)
    assert len(before) > 30
    with copy.engine.begin() as conn, copy_triggers_dropped(conn):
        inside = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        assert conn.execute(text(inside)).scalar() == 0
        conn.execute(
            text(
                "INSERT INTO accounts (id, name, country, status, created_at, updated_at, "
                "version) VALUES ('m', 'Made by a migration', 'DE', 'prospect', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )
    assert _triggers(copy) == before
    assert _outbox(copy) == []  # a migration's rows are not the user's changes to send
    create_account(copy, AccountInput(name="After", country="DE"))
    assert _outbox(copy) == [("accounts", "u", None)]


def test_a_file_that_is_not_a_copy_is_left_alone(tmp_path: Path) -> None:
    plain = open_database(tmp_path / "plain.db")
    try:
        with plain.engine.begin() as conn, copy_triggers_dropped(conn):
            pass
        assert _triggers(plain) == []
    finally:
        plain.close()


def test_the_database_commands_take_a_copy_as_a_laptop_file(
    copy: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    assert copy.path is not None
    create_account(copy, AccountInput(name="Checked", country="DE"))
    assert main(["db", "check", "--db", str(copy.path)]) == 0
    assert main(["db", "backup", "--db", str(copy.path)]) == 0
    assert main(["search", "checked", "--db", str(copy.path)]) == 0
    assert "Checked" in capsys.readouterr().out


def test_sync_on_a_file_that_is_not_a_copy_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk.cli import main

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    plain = tmp_path / "plain.db"
    open_database(plain).close()
    for command in (["sync"], ["sync", "status"], ["sync", "conflicts"]):
        assert main([*command, "--db", str(plain)]) == 1
        assert capsys.readouterr().err.strip() == (
            f"accountdesk: {plain} is not a copy of a team server; make one with "
            "“accountdesk sync init”."
        )
    assert main(["sync", "init"]) == 1
    assert "Name the team server" in capsys.readouterr().err


def test_an_encrypted_copy_keeps_recording_its_changes(copy: Database, tmp_path: Path) -> None:
    """A team's copy on a laptop that may be lost is encrypted like any file (db encrypt):
    its tables and triggers go with it, and a change made after still waits to be sent."""
    from datetime import UTC, datetime

    from accountdesk.core.db import crypto

    if not crypto.available():
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "copy.db"
    create_account(copy, AccountInput(name="Acme", country="DE"))
    copy.close()
    crypto.encrypt_file(path, "a long passphrase 1", datetime(2026, 12, 2, tzinfo=UTC))
    assert path.read_bytes()[:6] != b"SQLite"
    again = open_database(path, passphrase="a long passphrase 1")
    try:
        assert len(_triggers(again)) > 30
        create_account(again, AccountInput(name="Bosch", country="DE"))
        assert _outbox(again) == [("accounts", "u", None), ("accounts", "u", None)]
    finally:
        again.close()
