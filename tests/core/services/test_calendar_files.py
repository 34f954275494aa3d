"""Follow-ups to and from .ics files: the mapping, the atomic write, the all-or-none import."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from accountdesk.core import files
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from accountdesk.core.services.accounts import create_account, create_contact

NOW = datetime(2027, 3, 1, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def ayse(db: Database) -> str:
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Ayşe",
            family_name="Yılmaz",
            country="TR",
            timezone="Europe/Istanbul",
        ),
    )


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="UTC")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the exported file (the database is in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name not in keep)


def test_export_writes_each_follow_up_as_an_event_in_its_zone(
    db: Database, ayse: str, out: Path
) -> None:
    first = fu.schedule(
        db,
        fu.FollowUpInput(
            ayse,
            "Quarterly review",
            datetime(2027, 3, 20, 10),
            notes="bring the price list",
            duration_minutes=45,
            rrule="FREQ=MONTHLY;INTERVAL=3",
        ),
    ).id
    second = fu.schedule(
        db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 3, 9), zone="Asia/Bangkok")
    ).id
    target = out / "follow-ups.ics"
    assert calendar_files.export_follow_ups(target, _rows(db), CLOCK) == 2
    assert _leftovers(out, {"follow-ups.ics"}) == []
    data = target.read_bytes()
    assert b"DTSTART;TZID=Europe/Istanbul:20270320T100000" in data
    assert b"DTSTART;TZID=Asia/Bangkok:20270303T090000" in data
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{first}@accountdesk", f"{second}@accountdesk"}
    review = events[f"{first}@accountdesk"]
    assert str(review["SUMMARY"]) == "Quarterly review \u2013 Ayşe Yılmaz"
    assert str(review["DESCRIPTION"]) == "bring the price list"
    assert (review["DTEND"].dt - review["DTSTART"].dt).total_seconds() == 45 * 60
    assert review["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {
        "Europe/Istanbul",
        "Asia/Bangkok",
    }


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary_file(
    db: Database, ayse: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fu.schedule(db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 3, 9)))
    target = out / "follow-ups.ics"
    target.write_bytes(b"the previous export")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(UserError, match=r"is full .*nothing was written"):
        calendar_files.export_follow_ups(target, _rows(db), CLOCK)
    assert target.read_bytes() == b"the previous export"
    assert _leftovers(out, {"follow-ups.ics"}) == []

    monkeypatch.undo()
    assert calendar_files.export_follow_ups(target, _rows(db), CLOCK) == 1
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert _leftovers(out, {"follow-ups.ics"}) == []


def test_a_failed_rename_keeps_the_previous_file(
    db: Database, ayse: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fu.schedule(db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 3, 9)))
    target = out / "follow-ups.ics"
    target.write_bytes(b"the previous export")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        calendar_files.export_follow_ups(target, _rows(db), CLOCK)
    assert target.read_bytes() == b"the previous export"
    assert _leftovers(out, {"follow-ups.ics"}) == []


def test_a_folder_that_does_not_exist_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot be written"):
        calendar_files.export_follow_ups(tmp_path / "missing" / "out.ics", [], CLOCK)


def test_import_round_trip_keeps_wall_time_zone_rule_and_notes(
    db: Database, ayse: str, tmp_path: Path
) -> None:
    original = fu.schedule(
        db,
        fu.FollowUpInput(
            ayse,
            "Quarterly review",
            datetime(2027, 3, 20, 10),
            notes="bring the price list",
            duration_minutes=45,
            rrule="FREQ=MONTHLY;INTERVAL=3",
        ),
    ).id
    target = tmp_path / "follow-ups.ics"
    calendar_files.export_follow_ups(target, _rows(db), CLOCK)
    trash.delete(db, "follow_up", original)  # else the import finds it there and leaves it
    imported = calendar_files.import_follow_ups(db, target, ayse, CLOCK)
    assert len(imported) == 1
    row = next(r for r in _rows(db) if r.id == imported[0].id)
    assert (row.local_due, row.zone, row.rrule) == (
        datetime(2027, 3, 20, 10),
        "Europe/Istanbul",
        "FREQ=MONTHLY;INTERVAL=3",
    )
    assert (row.title, row.notes) == ("Quarterly review", "bring the price list")
    origin = calendar_files.origin_of(f"{original}@accountdesk")
    assert (row.duration_minutes, row.origin, row.contact_id) == (45, origin, ayse)


def _ics(*summaries: str) -> bytes:
    events = "".join(
        "BEGIN:VEVENT\r\n"
        f"UID:e{number}@example.com\r\n"
        f"SUMMARY:{summary}\r\n"
        f"DTSTART;TZID=Europe/Istanbul:2027030{number + 1}T100000\r\n"
        "DURATION:PT30M\r\n"
        "END:VEVENT\r\n"
        for number, summary in enumerate(summaries)
    )
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
        + events
        + "END:VCALENDAR\r\n"
    ).encode()


def test_import_is_all_or_none(db: Database, ayse: str, tmp_path: Path) -> None:
    source = tmp_path / "in.ics"
    # the second title hides what it says (a direction control), which no field stores
    source.write_bytes(_ics("First call", "Invoice \u202efdp.exe"))
    with pytest.raises(UserError):
        calendar_files.import_follow_ups(db, source, ayse, CLOCK)
    assert _rows(db) == []
    source.write_bytes(_ics("First call", "Second call"))
    assert len(calendar_files.import_follow_ups(db, source, ayse, CLOCK)) == 2
    assert sorted(r.title for r in _rows(db)) == ["First call", "Second call"]


def test_import_says_what_is_wrong_with_the_file(db: Database, ayse: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError, match="not an iCalendar file"):
        calendar_files.import_follow_ups(db, bad, ayse, CLOCK)
    with pytest.raises(UserError, match="cannot be read"):
        calendar_files.import_follow_ups(db, tmp_path / "missing.ics", ayse, CLOCK)
    empty = tmp_path / "empty.ics"
    empty.write_bytes(_ics())
    assert calendar_files.import_follow_ups(db, empty, ayse, CLOCK) == []
    assert _rows(db) == []


def test_a_follow_up_carries_its_reminder_as_an_alarm_at_its_start(
    db: Database, ayse: str, out: Path
) -> None:
    """The app reminds of every follow-up when it falls due: the reminder goes with it into
    the calendar it is exported to, on every occurrence of a repeating one."""
    first = fu.schedule(db, fu.FollowUpInput(ayse, "Call", datetime(2027, 3, 3, 9))).id
    weekly = fu.schedule(
        db, fu.FollowUpInput(ayse, "Stand-up", datetime(2027, 3, 4, 9), rrule="FREQ=WEEKLY")
    ).id
    target = out / "follow-ups.ics"
    calendar_files.export_follow_ups(target, _rows(db), CLOCK)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for uid in (first, weekly):
        (alarm,) = events[f"{uid}@accountdesk"].walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt.total_seconds() == 0


def test_done_follow_ups_are_not_exported(db: Database, ayse: str, out: Path) -> None:
    """A calendar shows what is still to do: a done follow-up was written as an upcoming
    event with an alarm (the screen exported whatever it listed, "Done" ones too)."""
    done = fu.schedule(db, fu.FollowUpInput(ayse, "Done call", datetime(2027, 3, 3, 9))).id
    kept = fu.schedule(db, fu.FollowUpInput(ayse, "Open call", datetime(2027, 3, 4, 9))).id
    fu.complete(db, [done], CLOCK)
    rows = list_follow_ups(db, now=NOW, user_zone="UTC", status=None)
    assert {r.status for r in rows} == {"open", "done"}
    target = out / "follow-ups.ics"
    assert calendar_files.export_follow_ups(target, rows, CLOCK) == 1
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"{kept}@accountdesk"]
