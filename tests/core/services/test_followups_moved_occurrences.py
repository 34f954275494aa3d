"""A repeating follow-up that moves to the next working day there (Israel rests on Friday and
Saturday): each occurrence comes once, and an exported calendar shows the same days."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from dateutil import rrule as du

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.services import calendar_files
from series import NOW, complete_at_due, contact_in, row, weekly_from_friday


@pytest.fixture
def noa(db: Database) -> str:
    return contact_in(db, "Noa", "Galil Tech", "IL", "Asia/Jerusalem")


def _all_occurrences(db: Database, id_: str) -> list[str]:
    """Complete each occurrence at its time until the series is done."""
    seen: list[str] = []
    for _n in range(20):
        shown = row(db, id_)
        if shown.status != "open":
            break
        seen.append(shown.local_due.strftime("%a %d %b"))
        complete_at_due(db, id_)
    return seen


def test_an_occurrence_done_on_its_own_day_does_not_come_back_moved(db: Database, noa: str) -> None:
    """Sunday 10 January (the rule's Friday 8, moved) was done; Friday 8 is not a fifth
    occurrence."""
    assert _all_occurrences(db, weekly_from_friday(db, noa)) == [
        "Sun 10 Jan",
        "Sun 17 Jan",
        "Sun 24 Jan",
        "Sun 31 Jan",
    ]


def _calendar(path: Path) -> list[str]:
    """The days a calendar shows for the file's event (RRULE, EXDATE, RDATE)."""
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    start = event["DTSTART"].dt.replace(tzinfo=None)
    days = du.rruleset()
    days.rrule(du.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    for name, add in (("EXDATE", days.exdate), ("RDATE", days.rdate)):
        found = event.get(name) or []
        for prop in found if isinstance(found, list) else [found]:
            assert prop.params["TZID"] == "Asia/Jerusalem"
            for value in prop.dts:
                add(value.dt.replace(tzinfo=None))
    return [day.strftime("%a %d %b") for day in days]


@pytest.mark.parametrize("done", [0, 1, 2])
def test_the_exported_series_shows_the_days_the_app_does(
    db: Database, noa: str, tmp_path: Path, done: int
) -> None:
    made = weekly_from_friday(db, noa)
    for _n in range(done):
        complete_at_due(db, made)
    path = tmp_path / "f.ics"
    calendar_files.export_follow_ups(path, [row(db, made)], fixed_clock(NOW))
    expected = ["Sun 10 Jan", "Sun 17 Jan", "Sun 24 Jan", "Sun 31 Jan"][done:]
    assert _calendar(path) == expected
