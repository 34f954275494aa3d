"""Outlook's events, imported: a TZID that is a Windows name ("Tokyo Standard Time", "FLE
Standard Time"), with Outlook's VTIMEZONE or without one, is that zone's IANA zone
(zones.windows_zone), so a weekly meeting keeps its weekday and its hour there across DST
changes, as Outlook shows it (rev17's 1st: it was kept as an instant in the contact's zone,
and BYDAY=MO was read on that zone's days)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.services import calendar_files
from series import complete_at_due, contact_in, ics_file, row

NOW = datetime(2027, 1, 2, tzinfo=UTC)

TOKYO_VTIMEZONE = (
    "VTIMEZONE", "TZID:Tokyo Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD",
)  # fmt: skip
FLE_VTIMEZONE = (
    "VTIMEZONE", "TZID:FLE Standard Time",
    "BEGIN:STANDARD", "DTSTART:16011028T040000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010325T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "END:DAYLIGHT",
)  # fmt: skip
OUTLOOK = "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN"


def _weekly(tzid: str, start: str) -> tuple[str, ...]:
    return (
        "VEVENT", "UID:040000008200E00074C5B7101A82E00800000009", "SUMMARY:Weekly call",
        f'DTSTART;TZID="{tzid}":{start}', f'DTEND;TZID="{tzid}":{start[:-4]}0930',
        "RRULE:FREQ=WEEKLY;BYDAY=MO", "DTSTAMP:20261201T000000Z",
    )  # fmt: skip


def _occurrences(db: Database, id_: str, n: int) -> list[datetime]:
    """The instants of the follow-up's next ``n`` occurrences, completing each at its time."""
    seen = []
    for _n in range(n):
        seen.append(row(db, id_).due_at)
        complete_at_due(db, id_)
    return seen


@pytest.mark.parametrize("with_vtimezone", [True, False])
def test_a_tokyo_meeting_stays_on_monday_in_tokyo(
    db: Database, tmp_path: Path, with_vtimezone: bool
) -> None:
    jane = contact_in(db, "Jane", "Doe Co", "US", "America/New_York")
    parts = [TOKYO_VTIMEZONE] if with_vtimezone else []
    path = ics_file(tmp_path / "t.ics", *parts, _weekly("Tokyo Standard Time", "20270104T090000"))
    (made,) = calendar_files.import_follow_ups(db, path, jane, fixed_clock(NOW))
    stored = row(db, made.id)
    assert (stored.zone, stored.local_due) == ("Asia/Tokyo", datetime(2027, 1, 4, 9))
    tokyo = [d.astimezone(ZoneInfo("Asia/Tokyo")) for d in _occurrences(db, made.id, 4)]
    assert [(d.strftime("%a"), d.day, d.hour) for d in tokyo] == [
        ("Mon", 4, 9), ("Mon", 11, 9), ("Mon", 18, 9), ("Mon", 25, 9),
    ]  # fmt: skip


@pytest.mark.parametrize("with_vtimezone", [True, False])
def test_a_riga_meeting_keeps_its_hour_there_across_dst(
    db: Database, tmp_path: Path, with_vtimezone: bool
) -> None:
    """Weekly on Monday at 09:00 "FLE Standard Time" (Helsinki, Kyiv, Riga …), imported for a
    contact in Tehran: 09:00 there before and after 28 March 2027, as Outlook shows it; it went
    to 10:00 from 29 March when it was kept at 10:30 Tehran time."""
    maryam = contact_in(db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    parts = [FLE_VTIMEZONE] if with_vtimezone else []
    path = ics_file(
        tmp_path / "o.ics", *parts, _weekly("FLE Standard Time", "20270322T090000"), prodid=OUTLOOK
    )
    (made,) = calendar_files.import_follow_ups(db, path, maryam, fixed_clock(NOW))
    assert row(db, made.id).zone == "Europe/Kiev"
    instants = _occurrences(db, made.id, 3)
    there = [d.astimezone(ZoneInfo("Europe/Riga")) for d in instants]
    assert [(d.month, d.day, d.hour) for d in there] == [(3, 22, 9), (3, 29, 9), (4, 5, 9)]
    assert instants[1] - instants[0] == timedelta(days=7, hours=-1)  # the clocks went forward
