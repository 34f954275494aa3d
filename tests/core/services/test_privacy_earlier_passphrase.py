"""Backups encrypted before a change of passphrase (privacy review 25, item 9): the erase can
clean them only with the passphrase they were taken with. Given (ACCOUNTDESK_BACKUP_PASSPHRASE
as ``db restore`` takes it, or typed at the command line's prompt), they are cleaned and keep
that passphrase; not given, they are listed for the user to delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.db import crypto, crypto_cli
from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.privacy import erase_contact, sealed_backups

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here"),
]

WHEN = datetime(2026, 5, 4, 9, tzinfo=UTC)
OLD, NEW = "correct horse one", "battery staple two"


@pytest.fixture
def rekeyed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """An encrypted database with a backup under its first passphrase, rekeyed since (the
    copy taken before the rekey has the first passphrase too)."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    for name in (crypto.BACKUP_PASSPHRASE_ENV, crypto.PASSPHRASE_ENV):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "crm.db"
    db = open_database(path)
    acme = create_account(db, AccountInput(name="Acme", country="LV"))
    person = create_contact(
        db, ContactInput(account_id=acme, given_name="Qbirutax", family_name="Ozola", country="LV")
    )
    db.close()
    crypto.encrypt_file(path, OLD, WHEN)
    db = open_database(path, passphrase=OLD)
    old_backup = make_backup(db).path
    db.close()
    before_rekey = crypto.rekey_file(path, OLD, NEW, WHEN).backup
    db = open_database(path, passphrase=NEW)
    yield {"db": db, "person": person, "old": sorted([old_backup, before_rekey])}
    db.close()


def _holds_person(path: Path, key: str) -> bool:
    conn = crypto.connect(path, key)
    try:
        found = conn.execute("SELECT count(*) FROM contacts WHERE given_name = 'Qbirutax'")
        return bool(found.fetchone()[0])
    finally:
        conn.close()


def test_the_earlier_passphrase_cleans_them(rekeyed: dict[str, Any]) -> None:
    db = rekeyed["db"]
    assert sealed_backups(db) == rekeyed["old"]
    assert sealed_backups(db, [OLD]) == []
    assert all(_holds_person(p, OLD) for p in rekeyed["old"])

    erasure = erase_contact(db, rekeyed["person"], [OLD])

    assert erasure.backups_left == []
    assert set(rekeyed["old"]) <= set(erasure.backups_cleaned)
    for path in rekeyed["old"]:
        assert crypto.opens(path, OLD)  # still encrypted, with its own passphrase
        assert not _holds_person(path, OLD)
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT 1 FROM contacts").fetchall()


def test_without_it_they_are_listed(rekeyed: dict[str, Any]) -> None:
    erasure = erase_contact(rekeyed["db"], rekeyed["person"])
    assert erasure.backups_left == rekeyed["old"]
    assert all(_holds_person(p, OLD) for p in rekeyed["old"])


def test_the_command_line_takes_it_from_the_environment(
    rekeyed: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk import cli

    db = rekeyed["db"]
    assert db.path is not None
    db.close()
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, NEW)
    monkeypatch.setenv(crypto.BACKUP_PASSPHRASE_ENV, OLD)
    args = ["privacy", "erase", "--db", str(db.path), rekeyed["person"], "--yes"]
    assert cli.main(args) == 0
    assert "could not be cleaned" not in capsys.readouterr().err
    assert not any(_holds_person(p, OLD) for p in rekeyed["old"])


class _Terminal:
    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return "y\n"


def test_the_command_line_asks_for_it_on_a_terminal(
    rekeyed: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from accountdesk import cli

    db = rekeyed["db"]
    assert db.path is not None
    db.close()
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, NEW)
    monkeypatch.setattr("sys.stdin", _Terminal())
    typed = iter(["not it", OLD])
    monkeypatch.setattr(crypto_cli, "_ask", lambda prompt: next(typed))
    assert cli.main(["privacy", "erase", "--db", str(db.path), rekeyed["person"]]) == 0
    err = capsys.readouterr().err
    assert "2 backups are encrypted with an earlier passphrase" in err
    assert "That passphrase opens none of them." in err
    assert not any(_holds_person(p, OLD) for p in rekeyed["old"])
