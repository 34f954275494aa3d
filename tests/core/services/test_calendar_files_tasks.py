"""Tasks (VTODO: Outlook, Thunderbird and Apple Reminders export to-dos so) are follow-ups
too: an .ics file of tasks imported nothing and did not say why, and a file of an event and a
task dropped the task without a word."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files
from series import contact_in, ics_file

NOW = datetime(2026, 11, 30, 22, 33, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def ananya(db: Database) -> str:
    return contact_in(db, "Ananya", "Iyer Textiles", "IN", "Asia/Kolkata")


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="UTC")


def _file(tmp_path: Path, *components: tuple[str, ...]) -> Path:
    return ics_file(tmp_path / "tasks.ics", *components)


def test_a_task_is_a_follow_up_due_at_its_due_time(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    task = ("VTODO", "UID:todo1", "SUMMARY:Call Jane", "DUE:20261215T100000Z")
    made = calendar_files.import_follow_ups(db, _file(tmp_path, task), ananya, CLOCK)
    assert (len(made), made.notes()) == (1, [])
    (row,) = _rows(db)
    # in UTC in the file: her wall time, anchored to her zone as an event's is
    assert (row.title, row.local_due, row.zone) == (
        "Call Jane",
        datetime(2026, 12, 15, 15, 30),
        "Asia/Kolkata",
    )
    assert row.due_at == datetime(2026, 12, 15, 10, tzinfo=UTC)


def test_an_event_and_a_task_in_one_file_are_both_imported(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    event = ("VEVENT", "UID:e1", "SUMMARY:Besprechung", "DTSTART:20270401T080000Z")
    task = ("VTODO", "UID:t1", "SUMMARY:A task", "DUE:20261215T100000Z")
    calendar_files.import_follow_ups(db, _file(tmp_path, event, task), ananya, CLOCK)
    assert sorted(r.title for r in _rows(db)) == ["A task", "Besprechung"]


def test_a_task_with_a_start_and_a_due_time_is_due_then(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    task = ("VTODO", "UID:t", "SUMMARY:Quote", "DTSTART;TZID=Asia/Kolkata:20261210T090000",
            "DUE;TZID=Asia/Kolkata:20261211T170000")  # fmt: skip
    calendar_files.import_follow_ups(db, _file(tmp_path, task), ananya, CLOCK)
    assert [r.local_due for r in _rows(db)] == [datetime(2026, 12, 11, 17)]


def test_a_repeating_task_runs_from_its_start(db: Database, ananya: str, tmp_path: Path) -> None:
    task = ("VTODO", "UID:t", "SUMMARY:Weekly report", "DTSTART;TZID=Asia/Kolkata:20261207T110000",
            "DUE;TZID=Asia/Kolkata:20261207T120000", "RRULE:FREQ=WEEKLY")  # fmt: skip
    calendar_files.import_follow_ups(db, _file(tmp_path, task), ananya, CLOCK)
    (row,) = _rows(db)
    assert (row.local_due, row.rrule_start, row.rrule) == (
        datetime(2026, 12, 7, 11),
        datetime(2026, 12, 7, 11),
        "FREQ=WEEKLY",
    )


def test_a_task_due_on_a_day_is_due_when_her_working_day_starts(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    task = ("VTODO", "UID:t", "SUMMARY:Send contract", "DUE;VALUE=DATE:20261210")
    calendar_files.import_follow_ups(db, _file(tmp_path, task), ananya, CLOCK)
    (row,) = _rows(db)
    assert row.local_due == datetime(2026, 12, 10, 9, 30) and calendar_files.is_all_day(row)


def test_what_is_over_or_has_no_date_is_named_not_imported(
    db: Database, ananya: str, tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        ("VTODO", "UID:a", "SUMMARY:Done already", "DUE:20261215T100000Z", "STATUS:COMPLETED"),
        ("VTODO", "UID:b", "SUMMARY:Ticked off", "DUE:20261215T100000Z",
         "COMPLETED:20261201T100000Z"),
        ("VEVENT", "UID:c", "SUMMARY:Called off", "DTSTART:20261216T100000Z",
         "STATUS:CANCELLED"),
        ("VTODO", "UID:d", "SUMMARY:Someday"),
        ("VTODO", "UID:e"),
        ("VTODO", "UID:f", "SUMMARY:Kept", "DUE:20261215T100000Z", "STATUS:NEEDS-ACTION"),
    )  # fmt: skip
    made = calendar_files.import_follow_ups(db, path, ananya, CLOCK)
    assert [r.title for r in _rows(db)] == ["Kept"]
    assert [plain(e) for e in made.closed] == [
        "\u201cDone already\u201d",
        "\u201cTicked off\u201d",
        "\u201cCalled off\u201d",
    ]
    assert [plain(e) for e in made.undated] == ["\u201cSomeday\u201d", "Task 4 (line 26)"]
    assert [plain(note) for note in made.notes()] == [
        "3 cancelled events or completed tasks were not imported: there is nothing left to "
        "follow up (\u201cDone already\u201d, \u201cTicked off\u201d, \u201cCalled off\u201d).",
        "2 tasks have no date (DUE or DTSTART), so they were not imported (\u201cSomeday\u201d, "
        "Task 4 (line 26)).",
    ]


def test_where_a_task_is_counts_tasks_alone(db: Database, ananya: str, tmp_path: Path) -> None:
    """Events and tasks are numbered apart ("Event 2", "Task 2"), as the user counts them."""
    path = _file(
        tmp_path,
        ("VTODO", "UID:a", "SUMMARY:Fine", "DUE:20261215T100000Z"),
        ("VEVENT", "UID:b", "SUMMARY:Fine too", "DTSTART:20261215T100000Z"),
        ("VTODO", "UID:c", "SUMMARY:Disguised \u202egnp.exe", "DUE:20261215T100000Z"),
    )
    with pytest.raises(UserError) as refused:
        calendar_files.import_follow_ups(db, path, ananya, CLOCK)
    assert refused.value.message.startswith("Task 2 (line 14): Title")
    assert _rows(db) == []
    # a title only too long is shortened (rev17's 6th), the task named where it is
    path.write_bytes(path.read_bytes().replace("Disguised \u202e".encode(), b"x" * 300))
    done = calendar_files.import_follow_ups(db, path, ananya, CLOCK)
    assert (len(done), done.retitled) == (3, ("Task 2 (line 14)",))
