"""A repeating calendar event that began long ago (Google and Outlook keep a weekly call's
first meeting for years) is imported at its next occurrence, not as a follow-up overdue since
its first; one with nothing left to come is not imported, and the import says so."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import calendar_files
from series import complete_at_due, contact_in, ics_file, row

#: Monday 30 November 2026, 22:33 UTC: the review's clock.
NOW = datetime(2026, 11, 30, 22, 33, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def sabine(db: Database) -> str:
    return contact_in(db, "Sabine", "Nordlicht GmbH", "DE", "Europe/Berlin")


def _file(tmp_path: Path, *events: tuple[str, ...]) -> Path:
    found = (("VEVENT", f"UID:e{number}@google.com", *lines) for number, lines in enumerate(events))
    return ics_file(tmp_path / "calendar.ics", *found, prodid="-//Google Inc//EN")


WEEKLY_SINCE_2024 = (
    "SUMMARY:Weekly check-in",
    "DTSTART;TZID=Europe/Berlin:20240108T100000",
    "DTEND;TZID=Europe/Berlin:20240108T103000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO",
)


def test_a_weekly_call_since_2024_is_due_at_its_next_monday(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    made = calendar_files.import_follow_ups(db, _file(tmp_path, WEEKLY_SINCE_2024), sabine, CLOCK)
    assert (made.ended, made.by_rule_alone) == ((), ())
    imported = row(db, made[0].id)
    # due next Monday 10:00 Berlin, the series still counted from its first Monday
    assert (imported.local_due, imported.rrule_start) == (
        datetime(2026, 12, 7, 10),
        datetime(2024, 1, 8, 10),
    )
    assert imported.due_at == datetime(2026, 12, 7, 9, tzinfo=UTC)
    overdue = list_follow_ups(db, now=NOW, user_zone="Europe/Riga", due="overdue")
    assert overdue == []
    complete_at_due(db, made[0].id)
    assert row(db, made[0].id).local_due == datetime(2026, 12, 14, 10)


def test_the_next_occurrence_skips_a_date_its_calendar_took_off(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    """The call on 7 December was cancelled in the calendar (EXDATE): due on the 14th."""
    event = (*WEEKLY_SINCE_2024, "EXDATE;TZID=Europe/Berlin:20261207T100000")
    made = calendar_files.import_follow_ups(db, _file(tmp_path, event), sabine, CLOCK)
    assert row(db, made[0].id).local_due == datetime(2026, 12, 14, 10)


def test_an_occurrence_earlier_today_is_past(db: Database, sabine: str, tmp_path: Path) -> None:
    """At 10:30 Berlin time on a Monday the 10:00 call is over: the next one is a week on."""
    monday = fixed_clock(datetime(2026, 11, 30, 9, 30, tzinfo=UTC))
    made = calendar_files.import_follow_ups(db, _file(tmp_path, WEEKLY_SINCE_2024), sabine, monday)
    assert row(db, made[0].id).local_due == datetime(2026, 12, 7, 10)


@pytest.mark.parametrize("end", ["COUNT=10", "UNTIL=20250101T000000Z"])
def test_a_series_that_ran_out_is_not_imported_and_is_named(
    db: Database, sabine: str, tmp_path: Path, end: str
) -> None:
    ran_out = (
        "SUMMARY:Onboarding calls",
        "DTSTART;TZID=Europe/Berlin:20240108T100000",
        f"RRULE:FREQ=WEEKLY;{end}",
    )
    path = _file(tmp_path, ran_out, WEEKLY_SINCE_2024)
    made = calendar_files.import_follow_ups(db, path, sabine, CLOCK)
    assert [plain(e) for e in made.ended] == ["\u201cOnboarding calls\u201d"]
    assert [row(db, s.id).title for s in made] == ["Weekly check-in"]
    assert [plain(note) for note in made.notes()] == [
        "1 repeating event has no occurrence left, so it was not imported "
        "(\u201cOnboarding calls\u201d)."
    ]


def test_a_series_that_starts_later_is_due_at_its_start(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    later = (
        "SUMMARY:Quarterly review",
        "DTSTART;TZID=Europe/Berlin:20270115T140000",
        "RRULE:FREQ=MONTHLY;INTERVAL=3",
    )
    made = calendar_files.import_follow_ups(db, _file(tmp_path, later), sabine, CLOCK)
    imported = row(db, made[0].id)
    assert (imported.local_due, imported.rrule_start) == (
        datetime(2027, 1, 15, 14),
        datetime(2027, 1, 15, 14),
    )
