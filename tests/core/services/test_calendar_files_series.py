"""A repeating follow-up exported to .ics: the calendar holds the occurrences the app still
has (what is left of a COUNT, month ends as the app runs them), read back by icalendar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from dateutil import rrule as du

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import (
    AccountInput,
    ContactInput,
    create_account,
    create_contact,
)

NOW = datetime(2027, 1, 1, tzinfo=UTC)


@pytest.fixture
def noa(db: Database) -> str:
    account = create_account(
        db, AccountInput(name="Galil Tech", country="IL", timezone="Asia/Jerusalem")
    )
    return create_contact(
        db,
        ContactInput(account_id=account, given_name="Noa", country="IL", timezone="Asia/Jerusalem"),
    )


def _row(db: Database, id_: str) -> FollowUpRow:
    return next(r for r in list_follow_ups(db, now=NOW, user_zone="UTC") if r.id == id_)


def _complete(db: Database, id_: str, times: int) -> None:
    for _n in range(times):
        row = _row(db, id_)
        fu.complete(db, [row.shown], fixed_clock(row.due_at))


def _calendar_days(db: Database, id_: str, tmp_path: Path) -> list[str]:
    """The days a calendar reading the exported file shows (icalendar, then dateutil)."""
    path = tmp_path / "f.ics"
    calendar_files.export_follow_ups(path, [_row(db, id_)], fixed_clock(NOW))
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    start = event["DTSTART"].dt
    assert event["DTSTART"].params["TZID"] == "Asia/Jerusalem"
    rule = du.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    return [day.date().isoformat() for day in list(rule)[:8]]


def test_a_counted_series_exported_midway_holds_what_is_left(
    db: Database, noa: str, tmp_path: Path
) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(noa, "Weekly sync", datetime(2027, 1, 4, 10), rrule="FREQ=WEEKLY;COUNT=4"),
    )
    _complete(db, made.id, 2)
    assert _row(db, made.id).local_due == datetime(2027, 1, 18, 10)
    assert _calendar_days(db, made.id, tmp_path) == ["2027-01-18", "2027-01-25"]


def test_a_quarterly_series_from_the_31st_exported_at_a_short_month(
    db: Database, noa: str, tmp_path: Path
) -> None:
    made = fu.schedule(
        db,
        fu.FollowUpInput(
            noa, "Quarterly review", datetime(2027, 1, 31, 10), rrule="FREQ=MONTHLY;INTERVAL=3"
        ),
    )
    _complete(db, made.id, 1)
    assert _row(db, made.id).local_due == datetime(2027, 4, 30, 10)
    assert _calendar_days(db, made.id, tmp_path)[:4] == [
        "2027-04-30",
        "2027-07-31",
        "2027-10-31",
        "2028-01-31",
    ]
