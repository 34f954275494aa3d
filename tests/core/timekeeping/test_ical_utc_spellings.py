"""Every spelling of UTC in an imported .ics file (TZID=UTC, Etc/UTC, GMT, Etc/GMT, Zulu, a
trailing Z) keeps the event's instant. An event that happens once is anchored to the zone the
caller gives for UTC times (the contact's); a repeating one stays in UTC, as RFC 5545 repeats
it and every calendar shows it: at that UTC time on UTC's days (rev17's 1st)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dateutil import rrule as du

from accountdesk.core.timekeeping.ical import import_ics
from accountdesk.core.timekeeping.recurrence import occurrences
from accountdesk.core.timekeeping.zones import resolve_wall_time

SPELLINGS = [
    ":20270301T080000Z",
    ";TZID=UTC:20270301T080000",
    ";TZID=Etc/UTC:20270301T080000",
    ";TZID=GMT:20270301T080000",
    ";TZID=Etc/GMT:20270301T080000",
    ";TZID=Zulu:20270301T080000",
    ";TZID=/mozilla.org/20050126_1/UTC:20270301T080000",
]


def _file(start: str, rule: str | None = "FREQ=WEEKLY;COUNT=20") -> bytes:
    repeat = f"RRULE:{rule}\r\n" if rule else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:a@example.com\r\nSUMMARY:Weekly\r\nDTSTART{start}\r\nDURATION:PT30M\r\n"
        f"{repeat}END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize("start", SPELLINGS)
def test_a_utc_event_once_is_anchored_to_the_contacts_zone(start: str) -> None:
    (event,) = import_ics(_file(start, None), floating_zone="Europe/Riga", utc_zone="Europe/Riga")
    assert (event.zone, event.local) == ("Europe/Riga", datetime(2027, 3, 1, 10))
    assert resolve_wall_time(event.local, event.zone).instant == datetime(2027, 3, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize("start", SPELLINGS)
def test_a_repeating_utc_event_repeats_at_its_utc_time(start: str) -> None:
    """08:00 UTC every week: 10:00 in Riga in winter, 11:00 from 28 March, as a calendar that
    reads the file shows it."""
    (event,) = import_ics(_file(start), floating_zone="Europe/Riga", utc_zone="Europe/Riga")
    assert (event.zone, event.local) == ("UTC", datetime(2027, 3, 1, 8))
    after = resolve_wall_time(event.local, event.zone).instant
    assert event.rrule is not None
    days = occurrences(event.rrule, event.local, event.zone, after=after, count=6)
    assert [o.instant for o in days] == [
        datetime(2027, 3, d, 8, tzinfo=UTC) if m == 3 else datetime(2027, 4, d, 8, tzinfo=UTC)
        for m, d in ((3, 1), (3, 8), (3, 15), (3, 22), (3, 29), (4, 5))
    ]


@pytest.mark.parametrize(
    "start", [":20270104T000000Z", ";TZID=UTC:20270104T000000", ";TZID=Etc/GMT:20270104T000000"]
)
def test_a_weekly_utc_event_is_on_the_days_rfc_5545_gives(start: str) -> None:
    """Monday 00:00 UTC with BYDAY=MO, imported for a contact in New York (Sunday 19:00
    there): every occurrence is on a Monday in UTC, as dateutil (an RFC 5545 reader) gives;
    anchored to New York, BYDAY=MO was New York's Monday, a day later (Mon, Tue, Tue …)."""
    data = _file(start, "FREQ=WEEKLY;BYDAY=MO")
    (event,) = import_ics(data, floating_zone="America/New_York", utc_zone="America/New_York")
    assert event.rrule is not None
    first = resolve_wall_time(event.local, event.zone).instant
    app = [o.instant for o in occurrences(event.rrule, event.local, event.zone, first, 30)]
    rfc = list(
        du.rrulestr("FREQ=WEEKLY;BYDAY=MO;COUNT=30", dtstart=datetime(2027, 1, 4, tzinfo=UTC))
    )
    assert app == rfc
    assert {o.weekday() for o in app} == {0}


def test_dates_taken_off_a_repeating_utc_event_are_utc_too() -> None:
    data = _file(";TZID=UTC:20270301T080000").replace(
        b"END:VEVENT", b"EXDATE;TZID=UTC:20270405T080000\r\nEND:VEVENT"
    )
    (event,) = import_ics(data, floating_zone="Europe/Riga", utc_zone="Europe/Riga")
    assert event.zone == "UTC"
    assert event.exdates == (datetime(2027, 4, 5, 8),)
