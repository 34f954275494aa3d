"""An all-day calendar event ("Send contract" on 10 December) is a follow-up due when the
contact's working day starts, not at midnight there (19:30 the evening before for a user in
Riga, and outside anyone's working hours); exported, it is an all-day event again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services.accounts import create_account, create_contact
from series import contact_in, ics_file

NOW = datetime(2026, 11, 30, 22, 33, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def ananya(db: Database) -> str:
    """In Kolkata, whose working day starts at 09:30 (India's business hours)."""
    return contact_in(db, "Ananya", "Iyer Textiles", "IN", "Asia/Kolkata")


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="Europe/Riga", status=None)


def _file(tmp_path: Path, *lines: str, name: str = "google.ics") -> Path:
    event = ("VEVENT", "UID:allday1@google.com", "SUMMARY:Send contract", *lines)
    return ics_file(tmp_path / name, event, prodid="-//Google Inc//EN")


ONE_DAY = ("DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261211")


def test_an_all_day_event_is_due_when_her_working_day_starts(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    (made,) = calendar_files.import_follow_ups(db, _file(tmp_path, *ONE_DAY), ananya, CLOCK)
    (row,) = _rows(db)
    assert (row.local_due, row.zone) == (datetime(2026, 12, 10, 9, 30), "Asia/Kolkata")
    assert row.due_at == datetime(2026, 12, 10, 4, 0, tzinfo=UTC)  # 06:00 in Riga, not 20:30
    assert calendar_files.is_all_day(row)
    assert made.resolution.local == datetime(2026, 12, 10, 9, 30)


def test_her_own_working_hours_decide(db: Database, tmp_path: Path) -> None:
    account = create_account(db, AccountInput(name="Nordlicht", country="DE"))
    sabine = create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Sabine", country="DE", timezone="Europe/Berlin",
            work_start="07:30", work_end="15:30",
        ),
    )  # fmt: skip
    calendar_files.import_follow_ups(db, _file(tmp_path, *ONE_DAY), sabine, CLOCK)
    (row,) = _rows(db)
    assert (row.local_due, row.zone) == (datetime(2026, 12, 10, 7, 30), "Europe/Berlin")


def _exported(db: Database, tmp_path: Path) -> icalendar.Event:
    path = tmp_path / "export.ics"
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return event


def test_it_is_exported_as_a_day_with_its_reminder_at_her_morning(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    calendar_files.import_follow_ups(db, _file(tmp_path, *ONE_DAY), ananya, CLOCK)
    event = _exported(db, tmp_path)
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2026, 12, 10), date(2026, 12, 11))
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(hours=9, minutes=30)


def test_a_day_comes_back_as_the_same_day(db: Database, ananya: str, tmp_path: Path) -> None:
    """Exported and imported again (its follow-up gone meanwhile, as on another laptop)."""
    (made,) = calendar_files.import_follow_ups(db, _file(tmp_path, *ONE_DAY), ananya, CLOCK)
    path = tmp_path / "export.ics"
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    trash.purge(db, "follow_up", made.id)
    calendar_files.import_follow_ups(db, path, ananya, CLOCK)
    (row,) = _rows(db)
    assert (row.local_due, row.duration_minutes) == (datetime(2026, 12, 10, 9, 30), 24 * 60)
    assert calendar_files.is_all_day(row)


def test_a_three_day_event_keeps_its_days(db: Database, ananya: str, tmp_path: Path) -> None:
    days = ("DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261213")
    calendar_files.import_follow_ups(db, _file(tmp_path, *days), ananya, CLOCK)
    event = _exported(db, tmp_path)
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2026, 12, 10), date(2026, 12, 13))


def test_a_yearly_day_repeats_at_her_morning_until_its_last_day(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    yearly = ("DTSTART;VALUE=DATE:20270115", "RRULE:FREQ=YEARLY;UNTIL=20300115")
    calendar_files.import_follow_ups(db, _file(tmp_path, *yearly), ananya, CLOCK)
    (row,) = _rows(db)
    assert (row.local_due, row.rrule_start) == (
        datetime(2027, 1, 15, 9, 30),
        datetime(2027, 1, 15, 9, 30),
    )
    event = _exported(db, tmp_path)
    assert event["DTSTART"].dt == date(2027, 1, 15)
    # RFC 5545: the UNTIL of an event whose DTSTART is a date is a date
    assert event["RRULE"].to_ical() == b"FREQ=YEARLY;UNTIL=20300115"


def test_a_timed_event_is_still_exported_with_its_time(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    timed = ("DTSTART;TZID=Asia/Kolkata:20261210T150000", "DURATION:PT1H")
    calendar_files.import_follow_ups(db, _file(tmp_path, *timed), ananya, CLOCK)
    (row,) = _rows(db)
    assert not calendar_files.is_all_day(row)
    assert _exported(db, tmp_path)["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 12, 10, 15)
