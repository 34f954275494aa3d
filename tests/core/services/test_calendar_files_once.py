"""An event is imported once: the same .ics file imported again, or the app's own export
imported into the database it came from, adds no second follow-up, and the import says so."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from series import contact_in, ics_file

NOW = datetime(2027, 1, 1, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def anita(db: Database) -> str:
    return contact_in(db, "Anita", "Himal Traders", "NP", "Asia/Kathmandu")


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="UTC", status=None)


def _file(tmp_path: Path, *events: tuple[str, ...]) -> Path:
    return ics_file(tmp_path / "calendar.ics", *(("VEVENT", *lines) for lines in events))


CALL = ("UID:call-1@google.com", "SUMMARY:Call", "DTSTART;TZID=Asia/Kathmandu:20270104T100000")
REVIEW = (
    "UID:review-1@google.com",
    "SUMMARY:Review",
    "DTSTART;TZID=Asia/Kathmandu:20270105T100000",
    "RRULE:FREQ=MONTHLY",
)


def test_the_same_file_imported_again_adds_nothing_and_says_so(
    db: Database, anita: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, CALL, REVIEW)
    first = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    assert (len(first), first.already) == (2, ())
    again = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    assert len(again) == 0
    assert [plain(e) for e in again.already] == ["\u201cCall\u201d", "\u201cReview\u201d"]
    assert sorted(r.title for r in _rows(db)) == ["Call", "Review"]
    assert [plain(note) for note in again.notes()] == [
        "2 events are follow-ups already (imported before, or exported from AccountDesk), so "
        "they were left as they are (\u201cCall\u201d, \u201cReview\u201d)."
    ]


def test_a_new_event_in_the_file_is_imported_beside_those_imported_before(
    db: Database, anita: str, tmp_path: Path
) -> None:
    calendar_files.import_follow_ups(db, _file(tmp_path, CALL), anita, CLOCK)
    again = calendar_files.import_follow_ups(db, _file(tmp_path, CALL, REVIEW), anita, CLOCK)
    assert [r.title for r in _rows(db) if r.id in {s.id for s in again}] == ["Review"]
    assert [plain(e) for e in again.already] == ["\u201cCall\u201d"]


def test_one_done_since_is_still_there(db: Database, anita: str, tmp_path: Path) -> None:
    path = _file(tmp_path, CALL)
    (made,) = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    fu.complete(db, [made.id], CLOCK)
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 0
    assert [(r.title, r.status) for r in _rows(db)] == [("Call", "done")]


def test_one_in_the_trash_is_imported_again(db: Database, anita: str, tmp_path: Path) -> None:
    path = _file(tmp_path, CALL)
    (made,) = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    trash.delete(db, "follow_up", made.id)
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 1


def test_the_apps_own_export_imported_into_its_database_adds_nothing(
    db: Database, anita: str, tmp_path: Path
) -> None:
    made = fu.schedule(db, fu.FollowUpInput(anita, "Nepal 10:00", datetime(2027, 1, 4, 10))).id
    path = tmp_path / "export.ics"
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    again = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    assert len(again) == 0 and len(again.already) == 1
    assert [r.id for r in _rows(db)] == [made]


def test_an_export_moved_to_another_database_is_imported_there_once(
    db: Database, anita: str, tmp_path: Path
) -> None:
    """On a new laptop the exported follow-up's id is not there: it is imported, and the file
    imported a second time there finds it by its UID."""
    made = fu.schedule(db, fu.FollowUpInput(anita, "Nepal 10:00", datetime(2027, 1, 4, 10))).id
    path = tmp_path / "export.ics"
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    trash.purge(db, "follow_up", made)  # the old laptop's follow-up is not in this database
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 1
    again = calendar_files.import_follow_ups(db, path, anita, CLOCK)
    assert (len(again), len(again.already)) == (0, 1)
    assert len(_rows(db)) == 1


def test_two_events_with_one_uid_in_a_file_are_one_follow_up(
    db: Database, anita: str, tmp_path: Path
) -> None:
    made = calendar_files.import_follow_ups(db, _file(tmp_path, CALL, CALL), anita, CLOCK)
    assert len(made) == 1 and [plain(e) for e in made.already] == ["\u201cCall\u201d"]


def test_events_without_a_uid_are_found_again_too(db: Database, anita: str, tmp_path: Path) -> None:
    path = _file(tmp_path, CALL[1:], REVIEW[1:])
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 2
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 0
    assert len(_rows(db)) == 2


def test_a_long_uid_fits_the_origin_column(db: Database, anita: str, tmp_path: Path) -> None:
    """Outlook's UIDs are over 100 characters; ``origin`` holds 20 (PostgreSQL enforces it)."""
    uid = "UID:040000008200E00074C5B7101A82E00800000000" + "A" * 120
    path = _file(tmp_path, (uid, *CALL[1:]))
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 1
    (row,) = _rows(db)
    assert row.origin.startswith("ics:") and len(row.origin) <= 20
    assert len(calendar_files.import_follow_ups(db, path, anita, CLOCK)) == 0
