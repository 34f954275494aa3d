"""A repeating follow-up exported to .ics: the calendar holds the occurrences the app still
has (what is left of a COUNT, month ends as the app runs them), read back by icalendar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from dateutil import rrule as du

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from series import NOW, complete_at_due, contact_in, row, weekly_from_friday


@pytest.fixture
def noa(db: Database) -> str:
    return contact_in(db, "Noa", "Galil Tech", "IL", "Asia/Jerusalem")


def _complete(db: Database, id_: str, times: int) -> None:
    for _n in range(times):
        complete_at_due(db, id_)


def _calendar_days(db: Database, id_: str, tmp_path: Path) -> list[str]:
    """The days a calendar reading the exported file shows (icalendar, then dateutil)."""
    path = tmp_path / "f.ics"
    calendar_files.export_follow_ups(path, [row(db, id_)], fixed_clock(NOW))
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
    assert row(db, made.id).local_due == datetime(2027, 1, 18, 10)
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
    assert row(db, made.id).local_due == datetime(2027, 4, 30, 10)
    assert _calendar_days(db, made.id, tmp_path)[:4] == [
        "2027-04-30",
        "2027-07-31",
        "2027-10-31",
        "2028-01-31",
    ]


def _file(tmp_path: Path, *starts: str) -> Path:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:u{n}@example.com\r\nSUMMARY:Call {n}\r\n{start}\r\n"
        "DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEND:VEVENT\r\n"
        for n, start in enumerate(starts)
    )
    path = tmp_path / "in.ics"
    path.write_bytes(
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
            + events
            + "END:VCALENDAR\r\n"
        ).encode()
    )
    return path


def test_a_repeating_utc_event_stays_in_utc_and_a_floating_one_is_the_contacts(
    db: Database, noa: str, tmp_path: Path
) -> None:
    """08:00Z on 2 March is 10:00 in Jerusalem: the weekly call repeats at 08:00 UTC, as RFC
    5545 and every calendar that shows the file have it, 11:00 in Jerusalem once Israel moves
    its clocks on 26 March; a floating 10:00 is her wall time and stays 10:00 (rev17's 1st:
    anchored to her zone, the UTC call stayed at 10:00 and the calendar moved to 11:00)."""
    path = _file(tmp_path, "DTSTART:20270302T080000Z", "DTSTART:20270303T100000")
    made = calendar_files.import_follow_ups(db, path, noa, fixed_clock(NOW))
    rows = [row(db, s.id) for s in made]
    assert [(r.zone, r.local_due) for r in rows] == [
        ("UTC", datetime(2027, 3, 2, 8)),
        ("Asia/Jerusalem", datetime(2027, 3, 3, 10)),
    ]
    assert rows[0].due_at == datetime(2027, 3, 2, 8, tzinfo=UTC)
    _complete(db, made[0].id, 4)
    _complete(db, made[1].id, 4)
    after_dst = [row(db, s.id) for s in made]
    assert after_dst[0].local_due == datetime(2027, 3, 30, 8)
    assert after_dst[0].due_at == datetime(2027, 3, 30, 8, tzinfo=UTC)
    assert after_dst[1].local_due == datetime(2027, 3, 31, 10)
    assert after_dst[1].due_at == datetime(2027, 3, 31, 7, tzinfo=UTC)


def test_a_series_that_moves_to_working_days_comes_back_as_one(
    db: Database, noa: str, tmp_path: Path
) -> None:
    """Exported, a follow-up that moves to the next working day in Israel is its rule with the
    moved days taken off (EXDATE) and added (RDATE); imported again it was a plain weekly
    series, due on Fridays. It is one that moves again, on the same days."""
    series = weekly_from_friday(db, noa)
    path = tmp_path / "moves.ics"
    calendar_files.export_follow_ups(path, [row(db, series)], fixed_clock(NOW))
    assert b"EXDATE" in path.read_bytes() and b"RDATE" in path.read_bytes()
    trash.delete(db, "follow_up", series)  # else the import finds it there and leaves it
    again = calendar_files.import_follow_ups(db, path, noa, fixed_clock(NOW))
    assert again.by_rule_alone == ()
    copy = row(db, again[0].id)
    assert copy.move_to_working_day and copy.rrule == "FREQ=WEEKLY;COUNT=4"
    days = []
    for _n in range(4):
        days.append(row(db, copy.id).local_due.strftime("%a %d %b"))
        complete_at_due(db, copy.id)
    assert days == ["Sun 10 Jan", "Sun 17 Jan", "Sun 24 Jan", "Sun 31 Jan"]


def test_other_dates_taken_off_are_named_not_kept(db: Database, noa: str, tmp_path: Path) -> None:
    """A weekly call with one week cancelled in another calendar (EXDATE on a working day): a
    follow-up cannot skip one date, so it repeats by its rule and the import says where."""
    path = tmp_path / "cancelled.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:plain@example.com\r\nSUMMARY:Plain\r\n"
        b"DTSTART;TZID=Asia/Jerusalem:20270104T100000\r\nDURATION:PT30M\r\n"
        b"RRULE:FREQ=WEEKLY;COUNT=6\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:call@example.com\r\nSUMMARY:Call\r\n"
        b"DTSTART;TZID=Asia/Jerusalem:20270104T100000\r\nDURATION:PT30M\r\n"
        b"RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;TZID=Asia/Jerusalem:20270111T100000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    made = calendar_files.import_follow_ups(db, path, noa, fixed_clock(NOW))
    assert len(made) == 2
    assert [plain(e) for e in made.by_rule_alone] == ["\u201cCall\u201d"]
    assert not row(db, made[1].id).move_to_working_day


def _weekly(tmp_path: Path, *more: str) -> Path:
    path = tmp_path / "weekly.ics"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN", "BEGIN:VEVENT",
        "UID:call@example.com", "DTSTART;TZID=Asia/Jerusalem:20270104T100000",
        "DURATION:PT30M", "RRULE:FREQ=WEEKLY;COUNT=6", *more, "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path


def test_a_series_whose_first_meeting_was_deleted_is_imported(
    db: Database, noa: str, tmp_path: Path
) -> None:
    """Google Calendar writes a deleted first meeting as EXDATE = DTSTART: the import failed
    with "min() arg is an empty sequence" and the screen showed nothing."""
    path = _weekly(tmp_path, "EXDATE;TZID=Asia/Jerusalem:20270104T100000")
    made = calendar_files.import_follow_ups(db, path, noa, fixed_clock(NOW))
    assert len(made) == 1 and [plain(e) for e in made.by_rule_alone] == ["Event 1 (line 4)"]
    # due at the first meeting kept, not the deleted one; the rule still from its start
    first = row(db, made[0].id)
    assert (first.local_due, first.rrule_start) == (
        datetime(2027, 1, 11, 10),
        datetime(2027, 1, 4, 10),
    )
    complete_at_due(db, made[0].id)
    assert row(db, made[0].id).local_due == datetime(2027, 1, 18, 10)


def test_a_series_exported_at_a_moved_occurrence_comes_back_on_that_day(
    db: Database, noa: str, tmp_path: Path
) -> None:
    """The next occurrence of a series that moves to working days is Sunday 17 January (its
    rule's Friday 15th is Israel's weekend): the file says DTSTART Friday 15, EXDATE Friday 15,
    RDATE Sunday 17. Imported, it was due on Friday 15, the day the file took off."""
    series = weekly_from_friday(db, noa)
    complete_at_due(db, series)
    assert row(db, series).local_due == datetime(2027, 1, 17, 10)
    path = tmp_path / "moved.ics"
    calendar_files.export_follow_ups(path, [row(db, series)], fixed_clock(NOW))
    trash.delete(db, "follow_up", series)  # else the import finds it there and leaves it
    again = calendar_files.import_follow_ups(db, path, noa, fixed_clock(NOW))
    assert again.by_rule_alone == ()
    days = []
    for _n in range(3):
        days.append(row(db, again[0].id).local_due.strftime("%a %d %b"))
        complete_at_due(db, again[0].id)
    assert days == ["Sun 17 Jan", "Sun 24 Jan", "Sun 31 Jan"]
    assert row(db, again[0].id).status != "open"


def test_where_an_event_is_is_written_in_the_languages_digits() -> None:
    from accountdesk.core import i18n
    from accountdesk.core.timekeeping.ical import _where

    with i18n.use_language("fa"):
        assert _where(2, 11) == "رویداد ۲ (سطر ۱۱)"
    assert _where(2, 11) == "Event 2 (line 11)"
