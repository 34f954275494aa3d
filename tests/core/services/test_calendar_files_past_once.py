"""An event that happens once and was over before the import (last month's meeting in an
Outlook or Google export) is not a follow-up: it was imported as one overdue since that day,
dozens of them for a calendar of a year. It is named, not imported; a task stays (open until
it is done), and so does an overdue follow-up AccountDesk exported (still to do)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from series import contact_in, ics_file

#: Tuesday 1 December 2026, 10:15 in Berlin.
NOW = datetime(2026, 12, 1, 9, 15, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def sabine(db: Database) -> str:
    return contact_in(db, "Sabine", "Nordlicht GmbH", "DE", "Europe/Berlin")


def _file(tmp_path: Path, *events: tuple[str, ...]) -> Path:
    found = (("VEVENT", f"UID:m{n}@outlook.com", *lines) for n, lines in enumerate(events))
    return ics_file(tmp_path / "calendar.ics", *found, prodid="-//Microsoft Corporation//EN")


LAST_MONTH = (
    "SUMMARY:Quarterly review",
    "DTSTART;TZID=Europe/Berlin:20261110T140000",
    "DTEND;TZID=Europe/Berlin:20261110T150000",
)
#: began at 10:00 Berlin, ends at 11:00: on now
UNDER_WAY = (
    "SUMMARY:Site visit",
    "DTSTART;TZID=Europe/Berlin:20261201T100000",
    "DTEND;TZID=Europe/Berlin:20261201T110000",
)
#: ended at 10:00 Berlin, a quarter of an hour ago
JUST_ENDED = (
    "SUMMARY:Morning call",
    "DTSTART;TZID=Europe/Berlin:20261201T093000",
    "DTEND;TZID=Europe/Berlin:20261201T100000",
)
NEXT_WEEK = (
    "SUMMARY:Price talk",
    "DTSTART;TZID=Europe/Berlin:20261208T100000",
    "DTEND;TZID=Europe/Berlin:20261208T110000",
)
YESTERDAY_ALL_DAY = ("SUMMARY:Trade fair", "DTSTART;VALUE=DATE:20261130")
TODAY_ALL_DAY = ("SUMMARY:Stand-up day", "DTSTART;VALUE=DATE:20261201")


def _titles(db: Database) -> list[str]:
    return sorted(r.title for r in list_follow_ups(db, now=NOW, user_zone="UTC"))


def test_last_months_meeting_is_named_and_not_imported(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, LAST_MONTH, UNDER_WAY, JUST_ENDED, NEXT_WEEK)
    made = calendar_files.import_follow_ups(db, path, sabine, CLOCK)
    assert [plain(name) for name in made.past] == ["“Quarterly review”", "“Morning call”"]
    assert _titles(db) == ["Price talk", "Site visit"]
    assert len(made) == 2
    assert [plain(note) for note in made.notes()] == [
        "2 events were over before now, so they were not imported "
        "(“Quarterly review”, “Morning call”)."
    ]


def test_an_all_day_event_is_over_at_the_end_of_its_day(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    """Yesterday's fair is over at midnight, not a day after its reminder at nine; today's is
    still on."""
    path = _file(tmp_path, YESTERDAY_ALL_DAY, TODAY_ALL_DAY)
    made = calendar_files.import_follow_ups(db, path, sabine, CLOCK)
    assert [plain(name) for name in made.past] == ["“Trade fair”"]
    assert _titles(db) == ["Stand-up day"]


def test_an_overdue_task_is_still_to_do(db: Database, sabine: str, tmp_path: Path) -> None:
    task = ("VTODO", "UID:t1", "SUMMARY:Send the contract", "DUE:20261110T100000Z")
    path = ics_file(tmp_path / "tasks.ics", task)
    made = calendar_files.import_follow_ups(db, path, sabine, CLOCK)
    assert made.past == () and _titles(db) == ["Send the contract"]
    overdue = list_follow_ups(db, now=NOW, user_zone="UTC", due="overdue")
    assert [r.title for r in overdue] == ["Send the contract"]


def test_an_overdue_follow_up_exported_by_accountdesk_stays_overdue_on_another_laptop(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    late = fu.schedule(
        db, fu.FollowUpInput(sabine, "Chase the invoice", datetime(2026, 11, 20, 10))
    )
    path = tmp_path / "export.ics"
    calendar_files.export_follow_ups(path, list_follow_ups(db, now=NOW, user_zone="UTC"), CLOCK)
    trash.purge(db, "follow_up", late.id)  # the other laptop does not have it
    made = calendar_files.import_follow_ups(db, path, sabine, CLOCK)
    assert made.past == () and len(made) == 1
    overdue = list_follow_ups(db, now=NOW, user_zone="UTC", due="overdue")
    assert [r.title for r in overdue] == ["Chase the invoice"]


LISTED = (
    "SUMMARY:Workshop",
    "DTSTART;TZID=Europe/Berlin:20261110T100000",
    "DTEND;TZID=Europe/Berlin:20261110T120000",
    "RDATE;TZID=Europe/Berlin:20261215T100000,20270115T100000",
)
LISTED_PAST = (
    "SUMMARY:Training",
    "DTSTART;TZID=Europe/Berlin:20261010T100000",
    "DTEND;TZID=Europe/Berlin:20261010T120000",
    "RDATE;TZID=Europe/Berlin:20261110T100000",
)


def test_an_event_that_lists_further_dates_is_due_at_the_next_one(
    db: Database, sabine: str, tmp_path: Path
) -> None:
    """An event without a rule and with further dates (RDATE) was reported "over before now"
    for its first date, and its coming dates were lost."""
    made = calendar_files.import_follow_ups(db, _file(tmp_path, LISTED, LISTED_PAST), sabine, CLOCK)
    assert [plain(name) for name in made.past] == ["“Training”"]
    assert made.by_rule_alone == ()
    (row,) = list_follow_ups(db, now=NOW, user_zone="UTC")
    assert (row.title, row.local_due, row.rrule) == ("Workshop", datetime(2026, 12, 15, 10), None)
