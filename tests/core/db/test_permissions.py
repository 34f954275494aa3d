"""What AccountDesk keeps is private: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core import paths
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import backup_folder, make_backup, restore_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
START = datetime(2026, 11, 2, 8, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o002, 0o000], ids=["umask022", "umask002", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_a_fresh_start_creates_everything_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    home = tmp_path / "profile" / "AccountDesk"  # neither folder exists yet
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(home))
    db = open_database(paths.default_database_path())
    create_account(db, AccountInput(name="Private", country="LV", timezone="Europe/Riga"))
    made = make_backup(db, fixed_clock(START))
    database = paths.default_database_path()
    wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
    assert wal.exists() and shm.exists()  # the database is open in WAL mode
    folder = backup_folder(db)
    assert folder is not None
    assert {
        "profile folder": mode(tmp_path / "profile"),
        "data folder": mode(home),
        "backups": mode(home / "backups"),
        "this database's backups": mode(folder),
    } == dict.fromkeys(
        ("profile folder", "data folder", "backups", "this database's backups"), 0o700
    )
    assert {
        "database": mode(database),
        "-wal": mode(wal),
        "-shm": mode(shm),
        "backup": mode(made.path),
    } == dict.fromkeys(("database", "-wal", "-shm", "backup"), 0o600)

    # A restore keeps the file private, and so is the copy of the state it replaced.
    kept = restore_backup(db, made.path, clock=fixed_clock(START + timedelta(hours=1)))
    assert mode(database) == 0o600 and mode(kept.path) == 0o600
    db.close()


def test_an_existing_folder_of_the_users_own_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    documents.chmod(0o755)
    open_database(documents / "team.db").close()
    assert mode(documents) == 0o755  # not ours to change
    assert mode(documents / "team.db") == 0o600


def test_a_backup_before_a_migration_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    from alembic import command

    from accountdesk.core.db.migrations import alembic_config

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "old.db")
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    db.close()
    open_database(tmp_path / "old.db").close()
    copies = list((tmp_path / "home" / "backups").glob("*/*-before-migration-*.db"))
    assert len(copies) == 1
    assert mode(copies[0]) == 0o600 and mode(copies[0].parent) == 0o700


@pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")
def test_an_encrypted_database_and_its_copies_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(home))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    database = paths.default_database_path()
    db = open_database(database)
    create_account(db, AccountInput(name="Private", country="LV", timezone="Europe/Riga"))
    folder = backup_folder(db)
    db.close()
    converted = crypto.encrypt_file(database, "correct horse battery", START)
    db = open_database(database, passphrase="correct horse battery")
    made = make_backup(db, fixed_clock(START))
    wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
    assert wal.exists() and shm.exists()
    assert folder is not None and converted.backup.parent == made.path.parent == folder
    assert {
        "database": mode(database),
        "-wal": mode(wal),
        "-shm": mode(shm),
        "copy before encrypting": mode(converted.backup),
        "backup": mode(made.path),
    } == dict.fromkeys(("database", "-wal", "-shm", "copy before encrypting", "backup"), 0o600)
    assert mode(folder) == mode(home / "backups") == mode(home) == 0o700
    db.close()
