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

GOOGLE_ID = "-//Google Inc//Google Calendar//EN"
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
    source = ics_file(tmp_path / "google.ics", *GOOGLE, prodid=GOOGLE_ID)
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
    changes since come back as newer versions of A's events, and A takes them."""
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
    # nothing doubled; the follow-up retitled on B is a newer version of A's: A takes it
    assert (len(back), len(back.already)) == (0, 1)
    assert back.updated == (_quoted("Monthly check-in – Maryam"),)
    assert sorted(r.title for r in _rows(db)) == ["Monthly check-in", "Send Nowruz offer"]
    # and exported from A again, it is the version B has, not a newer one
    assert _export(db, tmp_path / "again.ics") == from_b_events


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


def _quoted(title: str) -> str:
    """An event as the result names it: its title in quotes, kept in order (isolated)."""
    return f"\u201c\u2068{title}\u2069\u201d"


def _google_again(tmp_path: Path, *lines: str, name: str = "again.ics") -> Path:
    """Google's export of the "Price talk" event of :data:`GOOGLE` as it is now."""
    summary = () if any(x.startswith("SUMMARY:") for x in lines) else ("SUMMARY:Price talk",)
    base = ("VEVENT", "UID:abc123@google.com", *summary, *lines)
    return ics_file(tmp_path / name, base, prodid=GOOGLE_ID)


def test_an_event_moved_in_its_calendar_moves_its_follow_up(
    db: Database, maryam: str, tmp_path: Path
) -> None:
    """rev17, left alone then: Google → AccountDesk, the meeting moved in Google (its
    SEQUENCE raised), Google → AccountDesk again: the follow-up was reported "a follow-up
    already" and stayed at the old time."""
    first = ics_file(tmp_path / "google.ics", GOOGLE[0], prodid=GOOGLE_ID)
    assert len(calendar_files.import_follow_ups(db, first, maryam, CLOCK)) == 1
    (talk,) = _rows(db)
    fu.snooze(db, [talk.id], datetime(2027, 4, 1, tzinfo=UTC))
    moved = _google_again(
        tmp_path, "SEQUENCE:3", "SUMMARY:Price talk (moved)", "DESCRIPTION:Bring the offer",
        "DTSTART:20270407T080000Z", "DTEND:20270407T090000Z",
    )  # fmt: skip
    result = calendar_files.import_follow_ups(db, moved, maryam, CLOCK)
    assert (len(result), result.already) == (0, ())
    assert result.updated == (_quoted("Price talk (moved)"),)
    assert result.notes()[0] == (
        "1 event was changed in its calendar since it became a follow-up: the follow-up now "
        "has its new time, title and notes (\u201c\u2068Price talk (moved)\u2069\u201d)."
    )
    (now,) = _rows(db)
    assert (now.id, now.title, now.notes, now.duration_minutes) == (
        talk.id, "Price talk (moved)", "Bring the offer", 60,
    )  # fmt: skip
    # 08:00 UTC is 11:30 in Tehran; no longer snoozed
    assert (now.local_due, now.zone) == (datetime(2027, 4, 7, 11, 30), "Asia/Tehran")
    assert now.due_at == datetime(2027, 4, 7, 8, tzinfo=UTC)
    assert now.snoozed_until is None
    # exported, it is Google's version 3, not a newer one; imported again, nothing changes
    assert _export(db, tmp_path / "out.ics") == {"abc123@google.com": 3}
    again = calendar_files.import_follow_ups(db, moved, maryam, CLOCK)
    assert (again.updated, again.already) == ((), (_quoted("Price talk (moved)"),))


def test_the_same_or_an_older_version_changes_nothing(
    db: Database, maryam: str, tmp_path: Path
) -> None:
    first = ics_file(tmp_path / "google.ics", GOOGLE[0], prodid=GOOGLE_ID)
    calendar_files.import_follow_ups(db, first, maryam, CLOCK)
    for sequence in (2, 1):
        older = _google_again(
            tmp_path, f"SEQUENCE:{sequence}", "DTSTART:20270409T080000Z",
            "DTEND:20270409T083000Z", name=f"s{sequence}.ics",
        )  # fmt: skip
        result = calendar_files.import_follow_ups(db, older, maryam, CLOCK)
        assert (result.updated, len(result.already)) == ((), 1)
    (talk,) = _rows(db)
    assert talk.due_at == datetime(2027, 4, 5, 6, 30, tzinfo=UTC)
    # changed here since (its SEQUENCE is 3 now): Google's 3 is not newer than ours
    fu.edit(
        db, talk.id, title="Price talk", notes="ours", rrule=None,
        local_due=datetime(2027, 4, 5, 12), zone=talk.zone,
    )  # fmt: skip
    same = _google_again(tmp_path, "SEQUENCE:3", "DTSTART:20270409T080000Z", name="s3.ics")
    assert calendar_files.import_follow_ups(db, same, maryam, CLOCK).updated == ()
    assert _rows(db)[0].notes == "ours"


def test_a_done_follow_up_stays_done(db: Database, maryam: str, tmp_path: Path) -> None:
    first = ics_file(tmp_path / "google.ics", GOOGLE[0], prodid=GOOGLE_ID)
    calendar_files.import_follow_ups(db, first, maryam, CLOCK)
    (talk,) = _rows(db)
    fu.complete(db, [talk.id], CLOCK)
    newer = _google_again(tmp_path, "SEQUENCE:5", "DTSTART:20270409T080000Z")
    result = calendar_files.import_follow_ups(db, newer, maryam, CLOCK)
    assert (len(result), result.updated, len(result.already)) == (0, (), 1)


def test_an_event_cancelled_in_its_calendar_moves_its_follow_up_to_the_trash(
    db: Database, maryam: str, tmp_path: Path
) -> None:
    first = ics_file(tmp_path / "google.ics", GOOGLE[0], prodid=GOOGLE_ID)
    calendar_files.import_follow_ups(db, first, maryam, CLOCK)
    (talk,) = _rows(db)
    cancelled = _google_again(
        tmp_path, "SEQUENCE:3", "STATUS:CANCELLED", "DTSTART:20270405T063000Z"
    )
    result = calendar_files.import_follow_ups(db, cancelled, maryam, CLOCK)
    assert result.cancelled == (_quoted("Price talk"),)
    assert result.notes() == [
        "1 event was cancelled in its calendar: its follow-up was moved to the trash "
        "(\u201c\u2068Price talk\u2069\u201d)."
    ]
    assert _rows(db) == []
    from accountdesk.core.services import trash

    assert [item.id for item in trash.list_trash(db)] == [talk.id]
    # the same cancellation again: the follow-up is in the trash, the event is not imported
    again = calendar_files.import_follow_ups(db, cancelled, maryam, CLOCK)
    assert (len(again), again.closed) == (0, (_quoted("Price talk"),))
