from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import auto_backup, list_backups, make_backup, restore_backup
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.errors import UserError
from accountdesk.core.queries.search import search
from accountdesk.core.services.accounts import AccountInput, create_account


def test_backups_rotate_and_restore(db: Database, tmp_path: Path) -> None:
    create_account(db, AccountInput(name="Dzintars", country="LV", timezone="Europe/Riga"))
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    for day in range(12):
        make_backup(db, fixed_clock(start + timedelta(days=day)), keep=10)
    backups = list_backups(db)
    assert len(backups) == 10
    assert backups[0].taken_at == start + timedelta(days=11)
    # Nothing new within a day of the newest backup.
    assert auto_backup(db, fixed_clock(start + timedelta(days=11, hours=5))) is None
    assert auto_backup(db, fixed_clock(start + timedelta(days=12, hours=9))) is not None

    create_account(db, AccountInput(name="Later", country="LV", timezone="Europe/Riga"))
    assert db.path is not None
    target = db.path
    db.close()
    kept = restore_backup(backups[0].path, target)
    assert kept.exists()
    reopened = open_database(target)
    assert [h.title for h in search(reopened, "dzintars")] == ["Dzintars"]
    assert search(reopened, "later") == []


def test_restoring_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "x.db"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError):
        restore_backup(bogus, tmp_path / "target.db")
