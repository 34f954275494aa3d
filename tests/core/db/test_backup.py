from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core import settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import backup as backups
from accountdesk.core.db.backup import (
    AUTOMATIC,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    KEEP_DAILY,
    KEEP_SAFETY,
    KEEP_WEEKLY,
    MANUAL,
    Backup,
    ForeignBackupError,
    auto_backup,
    backup_folder,
    identity_of,
    list_backups,
    make_backup,
    restore_backup,
    retained,
)
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.identity import file_facts
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.errors import UserError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.sqlite_only  # the local file itself

START = datetime(2026, 11, 2, 8, tzinfo=UTC)  # a Monday


def _account(db: Database, name: str) -> str:
    return create_account(db, AccountInput(name=name, country="LV", timezone="Europe/Riga"))


def _names(db: Database, text: str) -> list[str]:
    return [h.title for h in search(db, text)]


def _fake(when: datetime, kind: str = AUTOMATIC) -> Backup:
    return Backup(Path(f"{when:%Y%m%dT%H%M%S}-{kind}.db"), when, 1, kind, "0001")


# --- retention ------------------------------------------------------------------------------


def test_retention_keeps_the_newest_of_each_recent_day_and_week() -> None:
    # Three backups a day for 90 days (the newest of a day is its 20:00 one).
    made = [_fake(START + timedelta(days=d, hours=h)) for d in range(90) for h in (0, 6, 12)]
    keep = retained(made)
    kept = sorted((b for b in made if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    last_day = (START + timedelta(days=89)).date()
    days = [(last_day - timedelta(days=n)) for n in range(KEEP_DAILY)]
    # Daily: the newest backup of each of the last 7 days.
    for day in days:
        newest = max(b.taken_at for b in made if b.taken_at.date() == day)
        assert any(b.taken_at == newest for b in kept)
    # Weekly: the newest of each of the last 8 ISO weeks (some are also daily ones).
    weeks = sorted({b.taken_at.isocalendar()[:2] for b in made}, reverse=True)[:KEEP_WEEKLY]
    for week in weeks:
        newest = max(b.taken_at for b in made if b.taken_at.isocalendar()[:2] == week)
        assert any(b.taken_at == newest for b in kept)
    # Nothing else, and nothing older than the oldest kept week.
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY
    assert {b.taken_at.isocalendar()[:2] for b in kept} <= set(weeks)
    assert all(b.taken_at.date() in days or b.taken_at.isocalendar()[:2] in weeks for b in kept)


def test_retention_counts_days_with_a_backup_not_calendar_days() -> None:
    # Away for a month: the backups before the break are still the last days with one.
    before = [_fake(START + timedelta(days=d)) for d in range(10)]
    after = [_fake(START + timedelta(days=45))]
    kept = retained(before + after)
    assert after[0].path in kept
    assert sum(1 for b in before if b.path in kept) >= KEEP_DAILY - 1


def test_safety_backups_are_kept_apart_and_only_the_newest_five() -> None:
    daily = [_fake(START + timedelta(days=d)) for d in range(3)]
    safety = [
        _fake(START + timedelta(days=d, hours=1), BEFORE_RESTORE if d % 2 else BEFORE_MIGRATION)
        for d in range(8)
    ]
    keep = retained(daily + safety)
    assert all(b.path in keep for b in daily)
    assert {b.path for b in safety if b.path in keep} == {b.path for b in safety[-KEEP_SAFETY:]}


def test_backups_rotate_on_disk_by_the_policy(db: Database) -> None:
    _account(db, "Dzintars")
    for day in range(60):
        make_backup(db, fixed_clock(START + timedelta(days=day)), AUTOMATIC)
    found = list_backups(db)
    assert [b.path for b in found] == sorted((b.path for b in found), reverse=True)
    assert found[0].taken_at == START + timedelta(days=59)
    assert len(found) == len(retained(found))
    expected = retained([_fake(START + timedelta(days=d)) for d in range(60)])
    assert len(found) == len(expected)
    assert all(b.kind == AUTOMATIC and b.schema == SCHEMA_HEAD for b in found)
    # Nothing new within a day of the newest backup.
    assert auto_backup(db, fixed_clock(START + timedelta(days=59, hours=5))) is None
    assert auto_backup(db, fixed_clock(START + timedelta(days=60, hours=9))) is not None


def test_files_in_the_backup_folder_that_are_not_backups_are_left_alone(db: Database) -> None:
    make_backup(db, fixed_clock(START))
    folder = backup_folder(db)
    assert folder is not None
    note = folder / "README.txt"
    note.write_text("mine", encoding="utf-8")
    for day in range(1, 40):
        make_backup(db, fixed_clock(START + timedelta(days=day)), AUTOMATIC)
    assert note.read_text(encoding="utf-8") == "mine"


# --- identity and folders ------------------------------------------------------------------


def test_two_databases_with_the_same_name_have_their_own_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    first = open_database(tmp_path / "office" / "data.db")
    second = open_database(tmp_path / "laptop" / "data.db")
    _account(first, "Office")
    _account(second, "Laptop")
    assert identity_of(first) and identity_of(second)
    assert identity_of(first) != identity_of(second)
    made = auto_backup(first, fixed_clock(START))
    # The second one's daily backup is not blocked by the first one's.
    other = auto_backup(second, fixed_clock(START + timedelta(minutes=5)))
    assert made is not None and other is not None
    assert made.path.parent != other.path.parent
    assert made.path.parent == tmp_path / "home" / "backups" / identity_of(first)
    assert [b.path for b in list_backups(first)] == [made.path]
    assert [b.path for b in list_backups(second)] == [other.path]
    assert file_facts(made.path) == (identity_of(first), SCHEMA_HEAD)


def test_the_identity_stays_with_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "a.db")
    first = identity_of(db)
    db.close()
    moved = tmp_path / "elsewhere.db"
    (tmp_path / "a.db").rename(moved)
    assert identity_of(open_database(moved)) == first


def test_the_backup_folder_setting_moves_the_backups(db: Database, tmp_path: Path) -> None:
    settings.put(db, "backup.folder", str(tmp_path / "usb"))
    made = make_backup(db, fixed_clock(START))
    assert made.path.parent == tmp_path / "usb" / identity_of(db)
    assert [b.path for b in list_backups(db)] == [made.path]
    with pytest.raises(UserError, match="full path"):
        settings.put(db, "backup.folder", "relative/folder")


# --- restore --------------------------------------------------------------------------------


def test_restore_brings_the_old_data_back_and_keeps_the_state_it_replaced(db: Database) -> None:
    _account(db, "Dzintars")
    made = make_backup(db, fixed_clock(START), MANUAL)
    _account(db, "Later")
    assert db.path is not None
    own = identity_of(db)

    kept = restore_backup(db, made.path, clock=fixed_clock(START + timedelta(hours=1)))

    # The same Database object reads the restored file.
    assert _names(db, "dzintars") == ["Dzintars"]
    assert _names(db, "later") == []
    assert identity_of(db) == own
    # The state before the restore is a backup of its own, listed with the others.
    assert kept.kind == BEFORE_RESTORE
    assert kept.path in [b.path for b in list_backups(db)]
    before = open_database(kept.path, upgrade=False)
    assert _names(before, "later") == ["Later"]
    before.close()
    # Writing goes on as usual, no stray files beside the database.
    _account(db, "After")
    assert _names(db, "after") == ["After"]
    leftovers = [p.name for p in db.path.parent.iterdir() if "restoring" in p.name]
    assert leftovers == []


def test_a_backup_of_another_database_is_refused_unless_forced(
    db: Database, tmp_path: Path
) -> None:
    _account(db, "Mine")
    other = open_database(tmp_path / "other" / "test.db")
    _account(other, "Theirs")
    foreign = make_backup(other, fixed_clock(START))
    other.close()
    before = db.path.read_bytes() if db.path else b""
    with pytest.raises(ForeignBackupError, match="another database"):
        restore_backup(db, foreign.path)
    assert _names(db, "mine") == ["Mine"]
    assert db.path is not None and db.path.read_bytes() == before
    # checking it left nothing beside it (a WAL copy left its -wal and -shm files there)
    assert sorted(p.name for p in foreign.path.parent.iterdir()) == [foreign.path.name]
    own = identity_of(db)
    restore_backup(db, foreign.path, force=True)
    assert _names(db, "theirs") == ["Theirs"]
    assert identity_of(db) == own  # still this database: its backups stay its own


def test_restoring_a_file_that_is_not_a_database_is_refused(db: Database, tmp_path: Path) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError, match="not an SQLite database"):
        restore_backup(db, bogus)
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(UserError, match="not an AccountDesk database"):
        restore_backup(db, plain, force=True)


def test_a_damaged_backup_is_refused_and_nothing_changes(db: Database) -> None:
    _account(db, "Intact")
    made = make_backup(db, fixed_clock(START))
    data = bytearray(made.path.read_bytes())
    for page in range(1, len(data) // 4096):  # garble every page header but the first
        data[page * 4096 : page * 4096 + 12] = b"\xff" * 12
    made.path.write_bytes(bytes(data))
    with pytest.raises(UserError):
        restore_backup(db, made.path, clock=fixed_clock(START + timedelta(hours=1)))
    assert _names(db, "intact") == ["Intact"]
    assert [b.kind for b in list_backups(db)] == [MANUAL]  # no before-restore copy


def test_restore_is_refused_while_another_program_has_the_database_open(db: Database) -> None:
    _account(db, "Open")
    made = make_backup(db, fixed_clock(START))
    _account(db, "Kept")
    assert db.path is not None
    other = sqlite3.connect(db.path)
    other.execute("SELECT count(*) FROM accounts").fetchone()
    try:
        with pytest.raises(UserError, match="open in another program"):
            restore_backup(db, made.path, clock=fixed_clock(START + timedelta(hours=1)))
    finally:
        other.close()
    assert _names(db, "kept") == ["Kept"]


def test_find_backup_takes_a_name_or_a_path(db: Database) -> None:
    made = make_backup(db, fixed_clock(START))
    assert backups.find_backup(db, made.path.name) == made.path
    assert backups.find_backup(db, str(made.path)) == made.path
    with pytest.raises(UserError, match="There is no backup"):
        backups.find_backup(db, "nope.db")


def test_a_copy_left_unfinished_by_a_killed_process_is_swept(db: Database) -> None:
    """A plain copy taken before encrypting, cut off by a kill, must not stay behind; a copy
    a running process is still writing must."""
    import os
    import subprocess
    import sys

    first = make_backup(db)
    folder = first.path.parent
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(ended.stdout)
    left = folder / f".accountdesk-before-encrypt-x.db.{dead}.part"
    left.write_bytes(b"SQLite format 3\x00 Anna Ozola in clear")
    journal = folder / f".accountdesk-before-encrypt-x.db.{dead}.part-journal"
    journal.write_bytes(b"journal")
    running = folder / f".another-copy.db.{os.getpid()}.part"
    running.write_bytes(b"in progress")

    make_backup(db)
    assert not left.exists() and not journal.exists()
    assert running.exists()
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        b.path.name for b in list_backups(db)
    )


def test_backups_made_in_the_same_second_all_succeed_and_the_newest_stays(db: Database) -> None:
    """Three "Back up now" clicks within one second: the second copy's retention deleted the
    first (one a day is kept), the third took the freed name without a number, sorted as the
    oldest and was deleted at once: "file not found". Each copy is now numbered after the
    highest one there, and the one just made is never pruned."""
    _account(db, "Kalns SIA")
    clock = fixed_clock(START)
    made = [make_backup(db, clock=clock) for _ in range(4)]
    assert [b.path.name.rsplit("-", 1)[-1] for b in made[1:]] == ["2.db", "3.db", "4.db"]
    shown = [b.path for b in list_backups(db)]
    assert made[-1].path in shown and made[-1].path.exists()
    assert all(not b.path.exists() for b in made[:-1])  # one a day: only the newest stays
