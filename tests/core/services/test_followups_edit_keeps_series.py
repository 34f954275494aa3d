"""Saving a follow-up's form with only its title or notes changed leaves its timing alone: a
repeating one keeps its series, a snoozed one its snooze. Moving it still restarts both."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.services import followups as fu
from series import complete_at_due, contact_in, row


@pytest.fixture
def ilze(db: Database) -> str:
    return contact_in(db, "Ilze", "Dzintars", "LV", "Europe/Riga")


def _rest(db: Database, id_: str) -> list[str]:
    seen: list[str] = []
    for _n in range(10):
        shown = row(db, id_)
        if shown.status != "open":
            break
        seen.append(shown.local_due.date().isoformat())
        complete_at_due(db, id_)
    return seen


def _save(db: Database, id_: str, **changes: object) -> None:
    """Save the rescheduling form as loaded, with ``changes``."""
    loaded = fu.for_edit(db, id_)
    form = {
        "title": loaded.data.title,
        "notes": loaded.data.notes,
        "rrule": loaded.data.rrule,
        "local_due": loaded.data.local_due,
        "zone": loaded.data.zone,
    }
    form.update(changes)
    fu.edit(db, id_, expected_version=loaded.version, **form)  # type: ignore[arg-type]


def test_new_notes_keep_a_repeating_series(db: Database, ilze: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            ilze, "Quarterly", datetime(2027, 1, 31, 10), rrule="FREQ=MONTHLY;INTERVAL=3;COUNT=4"
        ),
    ).id
    complete_at_due(db, made)
    _save(db, made, notes="agenda attached")
    assert row(db, made).notes == "agenda attached"
    assert _rest(db, made) == ["2027-04-30", "2027-07-31", "2027-10-31"]


def test_a_new_title_keeps_the_snooze(db: Database, ilze: str) -> None:
    made = fu.schedule(db, fu.FollowUpInput(ilze, "Call", datetime(2027, 3, 2, 10))).id
    later = datetime(2027, 3, 5, 9, tzinfo=UTC)
    fu.snooze(db, [made], later)
    _save(db, made, title="Call about the offer")
    shown = row(db, made)
    assert (shown.title, shown.snoozed_until) == ("Call about the offer", later)


def test_moving_it_restarts_the_series_and_clears_the_snooze(db: Database, ilze: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(ilze, "Weekly", datetime(2027, 3, 1, 10), rrule="FREQ=WEEKLY;COUNT=3"),
    ).id
    complete_at_due(db, made)
    fu.snooze(db, [made], datetime(2027, 3, 9, 9, tzinfo=UTC))
    _save(db, made, local_due=datetime(2027, 3, 10, 11))
    shown = row(db, made)
    assert shown.snoozed_until is None
    assert shown.rrule == "FREQ=WEEKLY;COUNT=2"  # two of the three were left: still two
    assert _rest(db, made) == ["2027-03-10", "2027-03-17"]


def _next(db: Database, id_: str, n: int) -> list[str]:
    """The next ``n`` occurrences, each completed at its time ("Tue 01 Jun 11:00")."""
    seen: list[str] = []
    for _n in range(n):
        shown = row(db, id_)
        if shown.status != "open":
            break
        seen.append(shown.local_due.strftime("%a %d %b %H:%M"))
        complete_at_due(db, id_)
    return seen


def test_a_new_time_keeps_a_moved_series_on_its_days(db: Database) -> None:
    """A Monday call moved to Tuesday for Memorial Day, then from 10:00 to 11:00 there: still
    every Monday, at 11:00 (it became every Tuesday)."""
    jane = contact_in(db, "Jane", "Acme", "US", "America/New_York")
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            jane, "Weekly call", datetime(2027, 5, 31, 10), rrule="FREQ=WEEKLY",
            move_to_working_day=True,
        ),
    ).id  # fmt: skip
    assert row(db, made).local_due == datetime(2027, 6, 1, 10)
    _save(db, made, local_due=datetime(2027, 6, 1, 11))
    assert _next(db, made, 4) == [
        "Tue 01 Jun 11:00",
        "Mon 07 Jun 11:00",
        "Mon 14 Jun 11:00",
        "Mon 21 Jun 11:00",
    ]


def test_a_new_time_keeps_what_is_left_of_a_count(db: Database) -> None:
    """Three weekly meetings, two done: the last one moved from 10:00 to 11:00 is still the
    last (it became three more)."""
    ayse = contact_in(db, "Ayşe", "Ege", "TR", "Europe/Istanbul")
    made = fu.schedule(
        db,
        fu.FollowUpInput(ayse, "Weekly", datetime(2027, 1, 4, 10), rrule="FREQ=WEEKLY;COUNT=3"),
    ).id
    complete_at_due(db, made)
    complete_at_due(db, made)
    _save(db, made, local_due=datetime(2027, 1, 18, 11))
    assert row(db, made).rrule == "FREQ=WEEKLY;COUNT=3"  # the series as it was: "3 times"
    assert _next(db, made, 5) == ["Mon 18 Jan 11:00"]
    assert row(db, made).status == "done"


def test_a_new_zone_on_the_same_day_keeps_the_series(db: Database, ilze: str) -> None:
    """Another zone, the same day and time there: the series keeps its days and count."""
    made = fu.schedule(
        db,
        fu.FollowUpInput(ilze, "Monthly", datetime(2027, 1, 31, 10), rrule="FREQ=MONTHLY;COUNT=3"),
    ).id
    complete_at_due(db, made)  # 28 February next
    _save(db, made, local_due=datetime(2027, 2, 28, 9), zone="Europe/Berlin")
    shown = row(db, made)
    assert (shown.zone, shown.rrule_start) == ("Europe/Berlin", datetime(2027, 1, 31, 9))
    assert _next(db, made, 5) == ["Sun 28 Feb 09:00", "Wed 31 Mar 09:00"]


def test_the_form_shows_whether_occurrences_move(db: Database, ilze: str) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            ilze, "Weekly", datetime(2027, 3, 1, 10), rrule="FREQ=WEEKLY", move_to_working_day=True
        ),
    ).id
    assert fu.for_edit(db, made).data.move_to_working_day is True
