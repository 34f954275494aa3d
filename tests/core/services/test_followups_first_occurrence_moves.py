"""With "move to the next working day", a repeating follow-up's first occurrence moves as
every later one does: weekly from Friday 1 January 2027 for a contact in Iran (whose weekend
is Friday) is first due on Saturday 2 January, then Saturdays; its series stays on Fridays."""

from __future__ import annotations

from datetime import datetime

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.services import followups as fu
from accountdesk.core.timekeeping.zones import resolve_wall_time
from series import complete_at_due, contact_in, row


@pytest.fixture
def reza(db: Database) -> str:
    return contact_in(db, "Reza", "Pars Trading", "IR", "Asia/Tehran")


def _days(db: Database, id_: str, n: int) -> list[str]:
    seen = []
    for _n in range(n):
        shown = row(db, id_)
        if shown.status != "open":
            break
        seen.append(shown.local_due.strftime("%a %d %b"))
        complete_at_due(db, id_)
    return seen


def test_the_first_occurrence_on_their_weekend_moves(db: Database, reza: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            reza, "Weekly", datetime(2027, 1, 1, 10), rrule="FREQ=WEEKLY;COUNT=3",
            move_to_working_day=True,
        ),
    )  # fmt: skip
    assert made.moved_from == datetime(2027, 1, 1, 10)
    shown = row(db, made.id)
    assert shown.local_due == datetime(2027, 1, 2, 10)
    assert shown.due_at == resolve_wall_time(datetime(2027, 1, 2, 10), "Asia/Tehran").instant
    assert shown.rrule_start == datetime(2027, 1, 1, 10)  # the rule's own day stays Friday
    assert _days(db, made.id, 5) == ["Sat 02 Jan", "Sat 09 Jan", "Sat 16 Jan"]


def test_a_first_occurrence_on_a_working_day_stays(db: Database, reza: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            reza, "Weekly", datetime(2027, 1, 2, 10), rrule="FREQ=WEEKLY;COUNT=2",
            move_to_working_day=True,
        ),
    )  # fmt: skip
    assert made.moved_from is None
    assert _days(db, made.id, 3) == ["Sat 02 Jan", "Sat 09 Jan"]


def test_without_the_move_it_stays_on_friday(db: Database, reza: str) -> None:
    made = fu.schedule(
        db, fu.FollowUpInput(reza, "Weekly", datetime(2027, 1, 1, 10), rrule="FREQ=WEEKLY;COUNT=2")
    )
    assert made.moved_from is None
    assert _days(db, made.id, 3) == ["Fri 01 Jan", "Fri 08 Jan"]


def test_moved_by_an_edit_the_first_occurrence_moves_too(db: Database, reza: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            reza, "Weekly", datetime(2027, 1, 4, 10), rrule="FREQ=WEEKLY;COUNT=3",
            move_to_working_day=True,
        ),
    ).id  # fmt: skip
    loaded = fu.for_edit(db, made)
    saved = fu.edit(
        db,
        made,
        title="Weekly",
        notes=None,
        rrule=loaded.data.rrule,
        local_due=datetime(2027, 1, 8, 11),  # a Friday
        zone=loaded.data.zone,
        expected_version=loaded.version,
    )
    assert saved.moved_from == datetime(2027, 1, 8, 11)
    assert row(db, made).rrule_start == datetime(2027, 1, 8, 11)
    assert _days(db, made, 5) == ["Sat 09 Jan", "Sat 16 Jan", "Sat 23 Jan"]
