"""Changing the ``backup.folder`` setting loses no backup: the backups already taken stay
where they are and are still listed, kept by the retention policy, restored by name and
looked into by an erase (review finding 3: they were forgotten and never pruned)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core import settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import (
    AUTOMATIC,
    BEFORE_RESTORE,
    KEEP_DAILY,
    backup_roots,
    find_backup,
    identity_of,
    list_backups,
    make_backup,
    restore_backup,
)
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.sqlite_only  # the local file itself

START = datetime(2026, 11, 2, 8, tzinfo=UTC)  # a Monday


def _names(db: Database, text: str) -> list[str]:
    return [h.title for h in search(db, text)]


def test_backups_in_an_earlier_folder_are_still_listed_and_found_by_name(
    db: Database, tmp_path: Path
) -> None:
    home = tmp_path / "home" / "backups"
    first = make_backup(db, fixed_clock(START))
    settings.put(db, "backup.folder", str(tmp_path / "usb"))
    second = make_backup(db, fixed_clock(START + timedelta(days=1)))
    settings.put(db, "backup.folder", str(tmp_path / "nas"))
    third = make_backup(db, fixed_clock(START + timedelta(days=2)))

    assert first.path.parents[1] == home and second.path.parents[1] == tmp_path / "usb"
    assert [b.path for b in list_backups(db)] == [third.path, second.path, first.path]
    assert find_backup(db, second.path.name) == second.path
    assert find_backup(db, first.path.name) == first.path
    assert backup_roots(db) == [tmp_path / "nas", tmp_path / "usb", home]
    # back to the data folder: the others are remembered still
    settings.unset(db, "backup.folder")
    assert backup_roots(db) == [home, tmp_path / "usb", tmp_path / "nas"]
    assert [b.path for b in list_backups(db)] == [third.path, second.path, first.path]


def test_retention_counts_the_backups_of_every_folder_together(
    db: Database, tmp_path: Path
) -> None:
    # a backup a day for KEEP_DAILY + 1 days in the data folder: the oldest day goes
    days = KEEP_DAILY + 1
    early = [
        make_backup(db, fixed_clock(START + timedelta(days=d)), AUTOMATIC) for d in range(days)
    ]
    assert [b.path for b in list_backups(db)] == [b.path for b in reversed(early[1:])]
    settings.put(db, "backup.folder", str(tmp_path / "usb"))

    later = make_backup(db, fixed_clock(START + timedelta(days=days)), AUTOMATIC)

    # the newest of each of the last KEEP_DAILY days, whichever folder they are in
    listed = [b.path for b in list_backups(db)]
    assert listed == [later.path, *(b.path for b in reversed(early[2:]))]
    assert len(listed) == KEEP_DAILY
    assert not early[1].path.exists()  # pruned in the folder the setting named before
    assert all(b.path.exists() for b in early[2:])


def test_a_restore_keeps_the_folders_of_backups_taken_after_the_restored_one(
    db: Database, tmp_path: Path
) -> None:
    """The restored file's settings are the backup's (no ``backup.folder`` yet): the backups
    taken since in the folder set later, and the copy taken before the restore, stay listed."""
    create_account(db, AccountInput(name="Dzintars", country="LV"))
    old = make_backup(db, fixed_clock(START))
    settings.put(db, "backup.folder", str(tmp_path / "usb"))
    create_account(db, AccountInput(name="Later", country="LV"))
    newer = make_backup(db, fixed_clock(START + timedelta(days=1)))
    own = identity_of(db)

    kept = restore_backup(db, old.path, clock=fixed_clock(START + timedelta(days=2)))

    assert _names(db, "later") == []
    assert settings.get(db, "backup.folder") is None  # as the backup had it
    assert kept.kind == BEFORE_RESTORE and kept.path.parent == tmp_path / "usb" / str(own)
    listed = [b.path for b in list_backups(db)]
    assert listed == [kept.path, newer.path, old.path]
    assert find_backup(db, newer.path.name) == newer.path


def test_a_copied_data_folder_leaves_the_originals_backups_alone(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data folder's own backups/ is looked in wherever the data folder is now, never
    remembered as a path: a copy of the folder (a new laptop, a moved home) pruned and
    restored from the backups of the folder it was copied from."""
    import shutil

    from accountdesk.core.db.engine import open_database

    original = tmp_path / "home"
    taken = make_backup(db, fixed_clock(START))
    assert db.path is not None
    db.close()
    moved = tmp_path / "laptop" / "home"
    shutil.copytree(original, moved)
    shutil.copy(db.path, tmp_path / "laptop" / "accountdesk.db")
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(moved))
    copy = open_database(tmp_path / "laptop" / "accountdesk.db")
    try:
        assert backup_roots(copy) == [moved / "backups"]
        assert [b.path for b in list_backups(copy)] == [moved / taken.path.relative_to(original)]
    finally:
        copy.close()
