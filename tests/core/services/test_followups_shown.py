"""Completing or snoozing from a view that is out of date: the list or the reminder says which
occurrence it showed, and a follow-up that moved on since is left as it is (a weekly call
completed twice for 30 November must not skip 7 December)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import Shown, due_for_reminder, list_follow_ups
from accountdesk.core.records import AccountInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account
from people import person_at

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # 11:00 in Riga, a Monday
CLOCK = fixed_clock(NOW)


@pytest.fixture
def zane(db: Database) -> str:
    account = create_account(db, AccountInput(name="Acme", country="LV", timezone="Europe/Riga"))
    return person_at(db, account, "Zane", "Ozola", country="LV", zone="Europe/Riga")


def _weekly(db: Database, contact: str) -> str:
    return fu.schedule(
        db,
        fu.FollowUpInput(
            contact, "Weekly check-in", datetime(2026, 11, 30, 10), rrule="FREQ=WEEKLY"
        ),
    ).id


def _stored(db: Database, id_: str) -> tuple[str, str, object]:
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT local_due, status, snoozed_until FROM follow_ups WHERE id = :i"),
            {"i": id_},
        ).one()
    return row[0], row[1], row[2]


def _shown(db: Database) -> list[Shown]:
    return [row.shown for row in list_follow_ups(db, now=NOW, user_zone="Europe/Riga")]


def test_completing_one_occurrence_from_two_views_completes_it_once(
    db: Database, zane: str
) -> None:
    follow_up = _weekly(db, zane)
    annas = _shown(db)  # Anna's list and Ben's both show the 30 November call
    bens = _shown(db)
    assert annas == [Shown(follow_up, datetime(2026, 11, 30, 8, tzinfo=UTC))]
    assert fu.complete(db, annas, CLOCK) == 1
    assert _stored(db, follow_up)[:2] == ("2026-12-07T10:00:00", "open")
    assert fu.complete(db, bens, CLOCK) == 0  # was 1, and the 7 December call was skipped
    assert _stored(db, follow_up)[:2] == ("2026-12-07T10:00:00", "open")
    assert fu.complete(db, _shown(db), CLOCK) == 1  # from a fresh list: 7 December is done
    assert _stored(db, follow_up)[:2] == ("2026-12-14T10:00:00", "open")


def test_a_reminder_shown_before_the_list_completed_it_changes_nothing(
    db: Database, zane: str
) -> None:
    follow_up = _weekly(db, zane)
    reminded = due_for_reminder(db, datetime(2026, 11, 30, 8, 5, tzinfo=UTC))
    assert reminded == [Shown(follow_up, datetime(2026, 11, 30, 8, tzinfo=UTC))]
    assert fu.complete(db, _shown(db), CLOCK) == 1
    assert fu.snooze(db, reminded, datetime(2026, 12, 10, 9, tzinfo=UTC)).snoozed == 0
    assert fu.complete(db, reminded, CLOCK) == 0
    assert _stored(db, follow_up) == ("2026-12-07T10:00:00", "open", None)


def test_a_follow_up_rescheduled_since_is_left_as_it_is(db: Database, zane: str) -> None:
    follow_up = fu.schedule(
        db, fu.FollowUpInput(zane, "Send the offer", datetime(2026, 11, 30, 10))
    ).id
    stale = _shown(db)
    fu.edit(
        db,
        follow_up,
        title="Send the offer",
        notes=None,
        rrule=None,
        local_due=datetime(2026, 12, 2, 10),
        zone=None,
    )
    assert fu.complete(db, stale, CLOCK) == 0
    assert _stored(db, follow_up)[:2] == ("2026-12-02T10:00:00", "open")


def test_a_snooze_since_is_the_same_occurrence(db: Database, zane: str) -> None:
    """Snoozing does not move the occurrence: a list loaded before still completes it, and
    snoozes it again."""
    follow_up = _weekly(db, zane)
    stale = _shown(db)
    assert fu.snooze(db, _shown(db), datetime(2026, 11, 30, 10, tzinfo=UTC)).snoozed == 1
    assert fu.snooze(db, stale, datetime(2026, 11, 30, 11, tzinfo=UTC)).snoozed == 1
    assert _stored(db, follow_up)[2] is not None
    assert fu.complete(db, stale, CLOCK) == 1
    assert _stored(db, follow_up) == ("2026-12-07T10:00:00", "open", None)


def test_a_caller_without_a_view_names_follow_ups_by_id(db: Database, zane: str) -> None:
    follow_up = _weekly(db, zane)
    assert fu.complete(db, [follow_up], CLOCK) == 1
    assert fu.complete(db, [follow_up], CLOCK) == 1  # the occurrence it is at now
    assert _stored(db, follow_up)[:2] == ("2026-12-14T10:00:00", "open")
