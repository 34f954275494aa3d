"""Erasing a person cleans every backup that holds them: also of a duplicate merged into them
and emptied from the trash since (review finding 2), and also the backups in a folder the
``backup.folder`` setting named before (review finding 3)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core import settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import list_backups, make_backup
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.duplicates import merge
from accountdesk.core.services.privacy import erase_contact

pytestmark = pytest.mark.sqlite_only  # the local file and its backups

START = datetime(2026, 11, 2, 8, tzinfo=UTC)


@pytest.fixture
def crm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


def _contact(db: Database, account: str, given: str, family: str, **more: object) -> str:
    return create_contact(
        db,
        ContactInput(
            account_id=account, given_name=given, family_name=family, country="LV", **more
        ),  # type: ignore[arg-type]
    )


def _rows(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute("SELECT given_name, family_name FROM contacts ORDER BY 1, 2")
        return [(str(a), str(b)) for a, b in found.fetchall()]
    finally:
        conn.close()


def _holds(path: Path, word: bytes) -> bool:
    return word in path.read_bytes()


# --- finding 2: a merged duplicate emptied from the trash ----------------------------------


def test_a_merged_duplicate_emptied_from_the_trash_is_erased_from_the_backups(
    crm: Database,
) -> None:
    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    anna = _contact(crm, acme, "Anna", "Berg")
    kept = _contact(crm, acme, "Zorblat", "Quenty", emails=["zq@ex.org"])
    duplicate = _contact(
        crm, acme, "Zorblat", "Quentý", emails=["zq@ex.org"], personal_notes="Qallergicnutsx"
    )
    older = make_backup(crm, fixed_clock(START))  # both records in it
    merge(crm, kept, [duplicate])
    trash.purge(crm, "contact", duplicate)  # emptied from the trash: gone from the database
    assert _rows(older.path) == [("Anna", "Berg"), ("Zorblat", "Quenty"), ("Zorblat", "Quentý")]

    erasure = erase_contact(crm, kept)

    assert erasure.backups_cleaned == [older.path]
    assert erasure.backups_left == []
    assert erasure.merged == []  # nothing of the duplicate was left in the database to name
    assert _rows(older.path) == [("Anna", "Berg")]
    assert not _holds(older.path, b"Qallergicnutsx")
    assert not _holds(older.path, b"Zorblat")
    assert _ids(crm) == [anna]


def test_a_merged_duplicate_restored_from_the_trash_stays_in_the_backups(crm: Database) -> None:
    """Restored (not by undoing the merge), it is a contact of its own again: it stays in the
    database, so the backups keep it too."""
    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    kept = _contact(crm, acme, "Zorblat", "Quenty", emails=["zq@ex.org"])
    duplicate = _contact(crm, acme, "Zorblat", "Quentý", emails=["zq@ex.org"])
    older = make_backup(crm, fixed_clock(START))
    merge(crm, kept, [duplicate])
    trash.restore(crm, "contact", duplicate)

    erase_contact(crm, kept)

    assert _rows(older.path) == [("Zorblat", "Quentý")]
    assert _ids(crm) == [duplicate]


def _ids(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM contacts ORDER BY id")]


# --- finding 3: backups in a folder the setting named before ------------------------------


def test_erase_cleans_the_backups_in_every_folder_the_setting_named(
    crm: Database, tmp_path: Path
) -> None:
    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    person = _contact(crm, acme, "Zorblat", "Quenty", personal_notes="Qallergicnutsx")
    _contact(crm, acme, "Anna", "Berg")
    made = [make_backup(crm, fixed_clock(START))]  # in the data folder
    for day, folder in enumerate(["usb", "nas"], start=1):
        settings.put(crm, "backup.folder", str(tmp_path / folder))
        made.append(make_backup(crm, fixed_clock(START + timedelta(days=day))))
    settings.unset(crm, "backup.folder")  # back to the data folder; usb and nas keep theirs
    assert [m.path.parents[1] for m in made] == [
        tmp_path / "home" / "backups",
        tmp_path / "usb",
        tmp_path / "nas",
    ]
    assert all(_holds(m.path, b"Qallergicnutsx") for m in made)

    erasure = erase_contact(crm, person)

    assert sorted(erasure.backups_cleaned) == sorted(m.path for m in made)
    assert erasure.backups_left == []
    for backup in made:
        assert _rows(backup.path) == [("Anna", "Berg")]
        assert not _holds(backup.path, b"Qallergicnutsx")
    assert sorted(b.path for b in list_backups(crm)) == sorted(m.path for m in made)


# --- finding 4: what the cleaned backups still hold of them -------------------------------


def test_the_erase_says_which_cleaned_backups_still_mention_them_in_kept_records(
    crm: Database,
) -> None:
    from accountdesk.core.services.activity import save_note

    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    person = _contact(crm, acme, "Zorblat", "Quenty", phones=["+371 2914 7730"])
    anna = _contact(crm, acme, "Anna", "Berg")
    quiet = make_backup(crm, fixed_clock(START))  # nothing else names them yet
    note = save_note(crm, "Zorblat's mobile: 2914 7730", contact_id=anna)
    telling = make_backup(crm, fixed_clock(START + timedelta(days=1)))
    trash.purge(crm, "note", note)  # edited away in the database, not in the backup

    erasure = erase_contact(crm, person)

    assert sorted(erasure.backups_cleaned) == sorted([quiet.path, telling.path])
    assert erasure.mentions_left == 0
    assert erasure.backups_mentioning == [telling.path]
    assert erasure.done()[1:] == [
        "2 backups were rewritten without them.",
        "1 backup still holds kept records that mention them, as they were when it was taken.",
    ]
    assert _holds(telling.path, b"Zorblat's mobile")  # the erase does not rewrite others' records
