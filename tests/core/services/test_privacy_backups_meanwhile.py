"""A backup taken while an erase runs (privacy review 25, item 2): it is made from the database
as it was, so the erase looks at the backups again once the live database is erased, waits for
the copies that were being written then, and cleans what appeared; a copy that does not
complete is listed, never reported as clean."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import Database, backup_sqlite, open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import privacy
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.privacy import erase_contact

pytestmark = pytest.mark.sqlite_only  # the local file and its backups

START = datetime(2026, 11, 2, 8, tzinfo=UTC)
SECRET = b"Qracefamilyx"


@pytest.fixture
def crm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    database = open_database(tmp_path / "crm.db")
    yield database
    database.close()


@pytest.fixture
def person(crm: Database) -> str:
    acme = create_account(crm, AccountInput(name="Acme", country="LV"))
    create_contact(
        crm, ContactInput(account_id=acme, given_name="Anna", family_name="Berg", country="LV")
    )
    return create_contact(
        crm,
        ContactInput(
            account_id=acme, given_name="Raceperson", family_name="Qracefamilyx",
            emails=["qracemail@ex.org"], country="LV",
        ),
    )  # fmt: skip


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("SELECT family_name FROM contacts ORDER BY 1")]
    finally:
        conn.close()


def test_a_backup_taken_while_the_erase_runs_is_cleaned_too(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = make_backup(crm, fixed_clock(START))
    erase_in = privacy._erase_in
    during: list[Path] = []

    def backup_first(db: Database, *ids: Any, **options: Any) -> bool:
        if db is crm:  # the live database: a backup is taken just before, from it as it was
            during.append(make_backup(crm, fixed_clock(START.replace(day=3))).path)
            assert SECRET in during[0].read_bytes()
        return erase_in(db, *ids, **options)

    monkeypatch.setattr(privacy, "_erase_in", backup_first)
    erasure = erase_contact(crm, person)

    assert erasure.backups_cleaned == sorted([older.path, *during])
    assert erasure.backups_left == []
    for path in (older.path, *during):
        assert _names(path) == ["Berg"]
        assert SECRET not in path.read_bytes()


def _copy_in_progress(crm: Database, folder: Path) -> tuple[Path, Path]:
    """A copy of the database (with the person) being written by this process, as
    ``backup.write_copy`` names it, and the name it gets once complete."""
    done = folder / "20261102T090000Z-manual-schema0017.db"
    temporary = folder / f".{done.name}.{os.getpid()}.part"
    assert crm.path is not None
    backup_sqlite(crm.path, temporary)
    return temporary, done


def test_a_copy_being_written_is_waited_for_and_cleaned_once_complete(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = make_backup(crm, fixed_clock(START))
    temporary, done = _copy_in_progress(crm, older.path.parent)
    looks: list[int] = []

    def complete() -> None:  # the copy is renamed into place while the erase waits
        looks.append(1)
        if len(looks) == 3:
            temporary.rename(done)

    monkeypatch.setattr(privacy, "_pause", complete)
    erasure = erase_contact(crm, person)

    assert len(looks) == 3
    assert erasure.backups_cleaned == sorted([older.path, done])
    assert erasure.backups_left == []
    assert _names(done) == ["Berg"]


def test_a_copy_that_is_not_complete_in_time_is_listed(
    crm: Database, person: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = make_backup(crm, fixed_clock(START))
    temporary, done = _copy_in_progress(crm, older.path.parent)
    monkeypatch.setattr(privacy, "_pause", lambda: None)
    monkeypatch.setattr(privacy, "COPIES_WAIT_POLLS", 2)
    opened: list[Any] = []
    holds = privacy._holds
    monkeypatch.setattr(privacy, "_holds", lambda p, *a: opened.append(p) or holds(p, *a))

    erasure = erase_contact(crm, person)

    assert erasure.backups_cleaned == [older.path]
    assert erasure.backups_left == [done]  # not said to be clean: it may hold them
    assert temporary not in opened  # a copy being written is never opened
    assert SECRET in temporary.read_bytes()
    assert any("could not be cleaned" in p and str(done) in p for p in erasure.problems())
