"""Undoing a completion (:func:`followups.reopen`): every follow-up back as it was before,
a repeating one back from its next occurrence with its snooze and reminder; one changed
since the completion is left as it is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import Shown, due_for_reminder, list_follow_ups
from accountdesk.core.records import AccountInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.trash import delete
from people import person_at

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 14:00 in Riga, a Monday
CLOCK = fixed_clock(NOW)


@pytest.fixture
def zane(db: Database) -> str:
    account = create_account(db, AccountInput(name="Acme", country="LV", timezone="Europe/Riga"))
    return person_at(db, account, "Zane", "Ozola", country="LV", zone="Europe/Riga")


def _stored(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT title, status, completed_at, local_due, due_at, snoozed_until,"
                    " notified_at FROM follow_ups ORDER BY title"
                )
            )
        ]


def _shown(db: Database) -> list[Shown]:
    return [row.shown for row in list_follow_ups(db, now=NOW, user_zone="Europe/Riga")]


def test_reopen_puts_back_what_complete_did(db: Database, zane: str) -> None:
    once = fu.FollowUpInput(zane, "Send the offer", datetime(2026, 11, 30, 10))
    weekly = fu.FollowUpInput(zane, "Weekly call", datetime(2026, 11, 30, 11), rrule="FREQ=WEEKLY")
    fu.schedule(db, once)
    fu.schedule(db, weekly)
    shown = due_for_reminder(db, NOW)
    assert len(shown) == 2
    fu.mark_notified(db, [s.id for s in shown], CLOCK)  # the reminder was shown
    fu.snooze(db, shown[:1], NOW + timedelta(minutes=30))
    before = _stored(db)

    done = fu.complete_undoably(db, _shown(db), fixed_clock(NOW + timedelta(hours=1)))
    assert len(done) == 2
    after = _stored(db)
    assert [row[1] for row in after] == ["done", "open"]  # the weekly one moved on
    assert after[1][3] == "2026-12-07T11:00:00"

    assert len(fu.reopen(db, done)) == 2
    assert _stored(db) == before
    # and again, as Redo and Undo do
    assert len(fu.complete_undoably(db, _shown(db), CLOCK)) == 2


def test_reopen_leaves_what_changed_since(db: Database, zane: str) -> None:
    made = {
        title: fu.schedule(
            db, fu.FollowUpInput(zane, title, datetime(2026, 11, 30, 10), rrule=rule)
        ).id
        for title, rule in (("A", None), ("B", None), ("C", "FREQ=WEEKLY"))
    }
    done = fu.complete_undoably(db, _shown(db), CLOCK)
    assert len(done) == 3
    delete(db, "follow_up", made["B"], CLOCK)  # moved to the trash since
    assert fu.complete(db, [made["C"]], CLOCK) == 1  # the next occurrence completed too
    assert fu.reopen(db, done) == [made["A"]]
    stored = {row[0]: row for row in _stored(db)}
    assert stored["A"][1:4] == ("open", None, "2026-11-30T10:00:00")
    assert stored["B"][1] == "done"  # in the trash: left as it is
    assert stored["C"][3] == "2026-12-14T10:00:00"  # left at the occurrence after the next
    assert fu.reopen(db, done) == []  # A is open again, no longer as the completion left it
