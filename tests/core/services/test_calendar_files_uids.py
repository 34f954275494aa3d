"""A follow-up imported from an event keeps the event's UID and is exported under it, so a
round trip Google → AccountDesk → Google, or laptop A → B → A, gives the same events, not a
second copy of each (rev17's 5th: the export gave every follow-up a UID of its own). Its
SEQUENCE is the event's, raised by the changes saved since: a calendar that has the event
takes a changed follow-up for a newer version of it, an unchanged one for the same."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.services import calendar_files
from accountdesk.core.services import followups as fu
from accountdesk.core.timekeeping.ical import import_ics
from series import contact_in, ics_file

NOW = datetime(2027, 1, 10, tzinfo=UTC)
CLOCK = fixed_clock(NOW)

GOOGLE = (
    ("VEVENT", "UID:abc123@google.com", "SEQUENCE:2", "SUMMARY:Price talk",
     "DTSTART:20270405T063000Z", "DTEND:20270405T070000Z"),
    ("VEVENT", "UID:rec1@google.com", "SUMMARY:Weekly Tehran",
     "DTSTART;TZID=Asia/Tehran:20270106T100000", "DTEND;TZID=Asia/Tehran:20270106T110000",
     "RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=WE"),
    ("VEVENT", "UID:allday@google.com", "SEQUENCE:0", "SUMMARY:Nowruz greetings",
     "DTSTART;VALUE=DATE:20270321", "DTEND;VALUE=DATE:20270322"),
)  # fmt: skip


@pytest.fixture
def maryam(db: Database) -> str:
    return contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")


def _rows(db: Database) -> list[FollowUpRow]:
    return list_follow_ups(db, now=NOW, user_zone="Europe/Riga")


def _export(db: Database, path: Path) -> dict[str, int]:
    """The UIDs of the events exported to ``path``, each with its SEQUENCE."""
    calendar_files.export_follow_ups(path, _rows(db), CLOCK)
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return {str(e["UID"]): int(e["SEQUENCE"]) for e in events}


def test_google_to_accountdesk_to_google_keeps_the_uids(
    db: Database, maryam: str, tmp_path: Path
) -> None:
    source = ics_file(tmp_path / "google.ics", *GOOGLE, prodid="-//Google Inc//Google Calendar//EN")
    assert len(calendar_files.import_follow_ups(db, source, maryam, CLOCK)) == 3
    exported = _export(db, tmp_path / "out.ics")
    assert exported == {"abc123@google.com": 2, "rec1@google.com": 0, "allday@google.com": 0}
    # the file back into the database: the same three follow-ups
    again = calendar_files.import_follow_ups(db, tmp_path / "out.ics", maryam, CLOCK)
    assert (len(again), len(again.already)) == (0, 3)

    # rescheduled here: Google takes it for a newer version of its event
    talk = next(r for r in _rows(db) if r.title == "Price talk")
    fu.edit(
        db, talk.id, title=talk.title, notes=talk.notes, rrule=None,
        local_due=datetime(2027, 4, 6, 10), zone=talk.zone,
    )  # fmt: skip
    after = _export(db, tmp_path / "after.ics")
    assert after["abc123@google.com"] > 2
    assert {k: v for k, v in after.items() if k != "abc123@google.com"} == {
        "rec1@google.com": 0,
        "allday@google.com": 0,
    }


def test_laptop_a_to_b_and_back_gives_no_second_copy(db: Database, tmp_path: Path) -> None:
    """A (this database) exports, B (a laptop's file) imports and exports, A imports B's
    file: B's events have A's UIDs, A finds its own follow-ups, nothing is doubled; B's
    changes since come back as newer versions of A's events."""
    on_a = contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    offer = fu.schedule(db, fu.FollowUpInput(on_a, "Send Nowruz offer", datetime(2027, 4, 5, 10)))
    monthly = fu.schedule(
        db, fu.FollowUpInput(on_a, "Check-in", datetime(2027, 2, 1, 10), rrule="FREQ=MONTHLY")
    )
    from_a = tmp_path / "from_a.ics"
    from_a_events = _export(db, from_a)
    own = {calendar_files.event_uid(offer.id), calendar_files.event_uid(monthly.id)}
    assert from_a_events == dict.fromkeys(own, 0)

    b = open_database(tmp_path / "b.db")
    try:
        on_b = contact_in(b, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
        assert len(calendar_files.import_follow_ups(b, from_a, on_b, CLOCK)) == 2
        check_in = next(r for r in _rows(b) if r.title == "Check-in")
        fu.edit(
            b, check_in.id, title="Monthly check-in", notes=None, rrule=check_in.rrule,
            local_due=check_in.local_due, zone=check_in.zone,
        )  # fmt: skip
        from_b = tmp_path / "from_b.ics"
        from_b_events = _export(b, from_b)
    finally:
        b.close()
    assert set(from_b_events) == own
    assert from_b_events[calendar_files.event_uid(offer.id)] == 0  # unchanged on B
    assert from_b_events[calendar_files.event_uid(monthly.id)] > 0  # retitled on B

    back = calendar_files.import_follow_ups(db, from_b, on_a, CLOCK)
    assert (len(back), len(back.already)) == (0, 2)
    assert sorted(r.title for r in _rows(db)) == ["Check-in", "Send Nowruz offer"]


def test_a_follow_up_made_here_is_a_newer_version_once_changed(
    db: Database, maryam: str, tmp_path: Path
) -> None:
    made = fu.schedule(db, fu.FollowUpInput(maryam, "Call", datetime(2027, 4, 5, 10)))
    uid = calendar_files.event_uid(made.id)
    assert _export(db, tmp_path / "1.ics") == {uid: 0}
    assert _export(db, tmp_path / "2.ics") == {uid: 0}  # exported again unchanged: the same
    fu.edit(
        db, made.id, title="Call", notes=None, rrule=None,
        local_due=datetime(2027, 4, 6, 10), zone="Asia/Tehran",
    )  # fmt: skip
    assert _export(db, tmp_path / "3.ics") == {uid: 1}


@pytest.mark.parametrize(("written", "read"), [("7", 7), ("x", 0), ("-3", 0), (None, 0)])
def test_the_sequence_read(written: str | None, read: int, tmp_path: Path) -> None:
    lines = ["VEVENT", "UID:s@x", "DTSTART:20270405T063000Z"]
    lines += [f"SEQUENCE:{written}"] if written is not None else []
    (event,) = import_ics(ics_file(tmp_path / "s.ics", lines).read_bytes())
    assert event.sequence == read
