"""A follow-up dated in the last years a date can have (9998, 9999) is exported like any
other: it broke every later export with "year 10001 is out of range" (the file's time zone
was written for years after it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from series import contact_in, row


@pytest.mark.parametrize(
    ("when", "rule", "moves"),
    [
        (datetime(9999, 12, 31, 10), None, False),
        (datetime(9998, 6, 1, 10), "FREQ=WEEKLY", False),
        (datetime(9999, 12, 3, 10), "FREQ=WEEKLY;COUNT=3", True),
        (datetime(9999, 12, 31, 23, 45), None, False),
    ],
)
def test_a_follow_up_in_the_last_years_is_exported(
    db: Database, tmp_path: Path, when: datetime, rule: str | None, moves: bool
) -> None:
    aroha = contact_in(db, "Aroha", "Kiwi Exports", "NZ", "Pacific/Auckland")
    made = fu.schedule(
        db, fu.FollowUpInput(aroha, "Far", when, rrule=rule, move_to_working_day=moves)
    ).id
    path = tmp_path / "far.ics"
    now = fixed_clock(datetime(2027, 1, 1, tzinfo=UTC))
    assert calendar_files.export_follow_ups(path, [row(db, made)], now) == 1
    exported = row(db, made).local_due
    trash.delete(db, "follow_up", made)  # else the import finds it there and leaves it
    again = calendar_files.import_follow_ups(db, path, aroha, now)
    assert row(db, again[0].id).local_due == exported


def test_a_time_whose_instant_is_after_9999_is_refused(db: Database) -> None:
    """11 pm on 31 December 9999 in Los Angeles is in the year 10000 in UTC: refused with a
    message, not an unexpected error."""
    from accountdesk.core.validation import ValidationError

    sam = contact_in(db, "Sam", "Pacific Wood", "US", "America/Los_Angeles")
    with pytest.raises(ValidationError) as info:
        fu.schedule(db, fu.FollowUpInput(sam, "Far", datetime(9999, 12, 31, 23)))
    assert "1 to 9999" in info.value.message
