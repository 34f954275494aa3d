"""A follow-up's event says whom it is with ("Call – Ayşe Yılmaz"); imported again, the
follow-up's title is its own, not "Call – Ayşe Yılmaz" (a round trip added a name each time,
and a follow-up moved to a new laptop carried the old contact's name in its title)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files, trash
from accountdesk.core.services import followups as fu
from series import contact_in

NOW = datetime(2027, 1, 1, tzinfo=UTC)
CLOCK = fixed_clock(NOW)


@pytest.fixture
def anita(db: Database) -> str:
    return contact_in(db, "Anita", "Himal Traders", "NP", "Asia/Kathmandu")


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="UTC")


def _export(db: Database, path: Path) -> icalendar.Event:
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return event


def _moved_to_a_new_laptop(db: Database, path: Path, contact: str) -> FollowUpRow:
    """Import ``path`` with its follow-up gone from here, as on another laptop."""
    for row in _rows(db):
        trash.purge(db, "follow_up", row.id)
    calendar_files.import_follow_ups(db, path, contact, CLOCK)
    (row,) = _rows(db)
    return row


@pytest.mark.parametrize("title", ["Nepal 10:00", "Call \u2013 urgent"])
def test_a_round_trip_keeps_the_title_and_says_whom_in_the_calendar(
    db: Database, anita: str, tmp_path: Path, title: str
) -> None:
    fu.schedule(db, fu.FollowUpInput(anita, title, datetime(2027, 1, 4, 10)))
    first = _export(db, tmp_path / "first.ics")
    assert str(first["SUMMARY"]) == f"{title} \u2013 Anita"
    assert _moved_to_a_new_laptop(db, tmp_path / "first.ics", anita).title == title
    again = _export(db, tmp_path / "again.ics")
    assert str(again["SUMMARY"]) == f"{title} \u2013 Anita"


def _file(tmp_path: Path, uid: str, summary: str) -> Path:
    path = tmp_path / "in.ics"
    path.write_bytes(
        "\r\n".join(
            ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", f"UID:{uid}",
             f"SUMMARY:{summary}", "DTSTART;TZID=Asia/Kathmandu:20270104T100000", "END:VEVENT",
             "END:VCALENDAR", ""]
        ).encode()
    )  # fmt: skip
    return path


def test_a_calendar_that_dropped_the_title_but_kept_the_apps_uid(
    db: Database, anita: str, tmp_path: Path
) -> None:
    """Calendars keep the UID and drop properties of their own (X-…): the app's "title –
    who" is taken apart by the UID, which says the event is the app's."""
    path = _file(tmp_path, "0190a0a0-0000-7000-8000-000000000001@accountdesk", "Call \u2013 Jane")
    assert _moved_to_a_new_laptop(db, path, anita).title == "Call"


def test_another_calendars_summary_is_the_title_whole(
    db: Database, anita: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, "q3@google.com", "Q3 \u2013 planning")
    assert _moved_to_a_new_laptop(db, path, anita).title == "Q3 \u2013 planning"


@pytest.mark.parametrize("title", ["Call \\n not newline", 'Price 50%, "final"; ok \\ done'])
def test_the_title_property_is_escaped_text(
    db: Database, anita: str, tmp_path: Path, title: str
) -> None:
    """X-ACCOUNTDESK-TITLE is TEXT as RFC 5545 readers take it (an X- property's default),
    escaped as SUMMARY is and said so (VALUE=TEXT): written as it was, a backslash and "n"
    became a line break in a tool that read it and wrote it again (rev17, beside its 6th)."""
    fu.schedule(db, fu.FollowUpInput(anita, title, datetime(2027, 1, 4, 10)))
    path = tmp_path / "out.ics"
    event = _export(db, path)
    unfolded = path.read_bytes().replace(b"\r\n ", b"").decode()
    (line,) = [x for x in unfolded.split("\r\n") if x.startswith("X-ACCOUNTDESK-TITLE")]
    escaped = title.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    assert line == f"X-ACCOUNTDESK-TITLE;VALUE=TEXT:{escaped}"
    assert str(event["X-ACCOUNTDESK-TITLE"]) == title  # a reader of TEXT has it whole
    assert _moved_to_a_new_laptop(db, path, anita).title == title


def test_a_title_property_written_before_unescaped_is_read_as_written(
    db: Database, anita: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, "0190a0a0-0000-7000-8000-000000000002@accountdesk", "Call \u2013 Jane")
    text = path.read_bytes().replace(
        b"END:VEVENT", b"X-ACCOUNTDESK-TITLE:Call \\n, now\r\nEND:VEVENT"
    )
    path.write_bytes(text)
    assert _moved_to_a_new_laptop(db, path, anita).title == "Call \\n, now"
