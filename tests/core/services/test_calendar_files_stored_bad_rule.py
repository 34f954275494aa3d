"""A repeat rule stored before its parts were checked (BYMONTHDAY=0) neither breaks the .ics
export with an unexpected error nor is completed as if it were daily: both say which rule is
wrong and why."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import FollowUp
from accountdesk.core.errors import UserError
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from series import NOW, contact_in, row


@pytest.fixture
def stored(db: Database) -> str:
    ilze = contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    made = fu.schedule(
        db, fu.FollowUpInput(ilze, "Monthly", datetime(2027, 1, 4, 10), rrule="FREQ=MONTHLY")
    ).id
    with db.transaction() as session:  # as an older version let it be saved
        session.execute(
            update(FollowUp).where(FollowUp.id == made).values(rrule="FREQ=MONTHLY;BYMONTHDAY=0")
        )
    return made


def test_the_export_names_the_rule(db: Database, stored: str, tmp_path: Path) -> None:
    path = tmp_path / "f.ics"
    with pytest.raises(UserError) as info:
        calendar_files.export_follow_ups(path, [row(db, stored)], fixed_clock(NOW))
    assert "Monthly" in info.value.message
    assert "BYMONTHDAY must be 1 to 31 or −31 to −1, not “0”" in info.value.message
    assert not path.exists()


def test_completing_it_names_the_rule(db: Database, stored: str) -> None:
    shown = row(db, stored)
    with pytest.raises(UserError) as info:
        fu.complete(db, [shown.shown], fixed_clock(shown.due_at))
    assert "BYMONTHDAY must be 1 to 31" in info.value.message
    assert row(db, stored).local_due == datetime(2027, 1, 4, 10)  # not moved on a day
