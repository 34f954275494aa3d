"""Restoring a backup into an encrypted database: the database stays encrypted, whichever way
the backup was stored (review finding 5: a copy taken before the encryption was restored in
plain SQLite, and the database was silently no longer encrypted)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import Backup, identity_of, make_backup, restore_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = [
    pytest.mark.sqlite_only,  # the local file itself
    pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here"),
]

PASS = "correct horse battery"
START = datetime(2026, 11, 2, 8, tzinfo=UTC)


def _names(db: object, text: str) -> list[str]:
    return [h.title for h in search(db, text)]  # type: ignore[arg-type]


def test_a_plain_backup_restored_into_an_encrypted_database_is_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    path = tmp_path / "data.db"
    db = open_database(path)
    create_account(db, AccountInput(name="Dzintars", country="LV", timezone="Europe/Riga"))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA user_version = 42")
    own = identity_of(db)
    old = make_backup(db, fixed_clock(START))  # plain: taken before the encryption
    db.close()
    assert old.path.read_bytes()[:16] == SQLITE_HEADER

    crypto.encrypt_file(path, PASS, START + timedelta(hours=1))
    db = open_database(path, passphrase=PASS)
    create_account(db, AccountInput(name="Secret Client", country="LV"))

    kept = restore_backup(db, old.path, clock=fixed_clock(START + timedelta(hours=2)))

    assert path.read_bytes()[:16] != SQLITE_HEADER
    assert crypto.is_encrypted(path, PASS)
    assert db.passphrase == PASS
    assert _names(db, "dzintars") == ["Dzintars"]
    assert _names(db, "secret") == []
    assert identity_of(db) == own
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 42
    create_account(db, AccountInput(name="After", country="LV"))  # writing goes on
    assert _names(db, "after") == ["After"]
    db.close()
    assert crypto.is_encrypted(kept.path, PASS)  # the state it replaced, as it was
    reopened = open_database(path, passphrase=PASS)
    try:
        assert sorted(_names(reopened, "dzintars") + _names(reopened, "after")) == [
            "After",
            "Dzintars",
        ]
    finally:
        reopened.close()
    assert not [p.name for p in tmp_path.iterdir() if "restoring" in p.name]


def test_a_forced_plain_backup_of_another_database_is_encrypted_and_keeps_the_identity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    other = open_database(tmp_path / "other" / "data.db")
    create_account(other, AccountInput(name="Theirs", country="LV"))
    foreign = make_backup(other, fixed_clock(START))
    other.close()
    path = tmp_path / "data.db"
    open_database(path).close()
    crypto.encrypt_file(path, PASS, START)
    db = open_database(path, passphrase=PASS)
    own = identity_of(db)

    restore_backup(db, foreign.path, force=True, clock=fixed_clock(START + timedelta(hours=1)))

    assert crypto.is_encrypted(path, PASS)
    assert _names(db, "theirs") == ["Theirs"]
    assert identity_of(db) == own
    db.close()


NEW = "staple on the battery"


def _encrypted_with_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Backup]:
    """A database of one account, encrypted with PASS at START, and its backup an hour later
    (the database closed)."""
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    path = tmp_path / "data.db"
    db = open_database(path)
    create_account(db, AccountInput(name="Dzintars", country="LV", timezone="Europe/Riga"))
    db.close()
    crypto.encrypt_file(path, PASS, START)
    db = open_database(path, passphrase=PASS)
    backup = make_backup(db, fixed_clock(START + timedelta(hours=1)))
    db.close()
    return path, backup


def test_a_backup_taken_with_an_older_passphrase_takes_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup keeps the passphrase it was taken with: after a rekey, restore_backup is given
    the backup's own, and the restored database goes on with the current one."""
    path, old = _encrypted_with_a_backup(tmp_path, monkeypatch)
    assert old.encrypted
    crypto.rekey_file(path, PASS, NEW, START + timedelta(hours=2))
    db = open_database(path, passphrase=NEW)
    create_account(db, AccountInput(name="Secret Client", country="LV"))
    with pytest.raises(crypto.WrongPassphrase):
        restore_backup(db, old.path)  # the database's passphrase does not open it
    assert _names(db, "secret") == ["Secret Client"]  # nothing changed

    restore_backup(db, old.path, passphrase=PASS, clock=fixed_clock(START + timedelta(hours=3)))

    assert db.passphrase == NEW and crypto.is_encrypted(path, NEW)
    assert _names(db, "dzintars") == ["Dzintars"] and _names(db, "secret") == []
    db.close()


def test_a_plain_database_restored_from_an_encrypted_backup_comes_back_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old = _encrypted_with_a_backup(tmp_path, monkeypatch)
    crypto.decrypt_file(path, PASS, START + timedelta(hours=2))
    db = open_database(path)
    with pytest.raises(crypto.PassphraseRequired):
        restore_backup(db, old.path)
    restore_backup(db, old.path, passphrase=PASS, clock=fixed_clock(START + timedelta(hours=3)))
    assert db.passphrase == PASS and crypto.is_encrypted(path, PASS)
    assert _names(db, "dzintars") == ["Dzintars"]
    db.close()
