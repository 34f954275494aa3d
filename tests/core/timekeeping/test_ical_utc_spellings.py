"""Every spelling of UTC in an imported .ics file (TZID=UTC, Etc/UTC, GMT, Etc/GMT, Zulu, a
trailing Z) keeps the event's instant and anchors it to the zone the caller gives for UTC
times (the contact's), so "10:00 her time" does not drift by an hour at her DST change."""

from __future__ import annotations

from datetime import datetime

import pytest

from accountdesk.core.timekeeping.ical import import_ics
from accountdesk.core.timekeeping.recurrence import occurrences
from accountdesk.core.timekeeping.zones import resolve_wall_time


def _file(start: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:a@example.com\r\nSUMMARY:Weekly\r\nDTSTART{start}\r\nDURATION:PT30M\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=20\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize(
    "start",
    [
        ":20270301T080000Z",
        ";TZID=UTC:20270301T080000",
        ";TZID=Etc/UTC:20270301T080000",
        ";TZID=GMT:20270301T080000",
        ";TZID=Etc/GMT:20270301T080000",
        ";TZID=Zulu:20270301T080000",
        ";TZID=/mozilla.org/20050126_1/UTC:20270301T080000",
    ],
)
def test_utc_in_any_spelling_is_anchored_to_the_contacts_zone(start: str) -> None:
    (event,) = import_ics(_file(start), floating_zone="Europe/Riga", utc_zone="Europe/Riga")
    assert (event.zone, event.local) == ("Europe/Riga", datetime(2027, 3, 1, 10))
    after = resolve_wall_time(event.local, event.zone).instant
    assert event.rrule is not None
    days = occurrences(event.rrule, event.local, event.zone, after=after, count=6)
    assert {o.local.hour for o in days} == {10}  # 10:00 Riga before and after 28 March


def test_dates_taken_off_in_utc_are_the_contacts_wall_times_too() -> None:
    data = _file(";TZID=UTC:20270301T080000").replace(
        b"END:VEVENT", b"EXDATE;TZID=UTC:20270405T070000\r\nEND:VEVENT"
    )
    (event,) = import_ics(data, floating_zone="Europe/Riga", utc_zone="Europe/Riga")
    assert event.exdates == (datetime(2027, 4, 5, 10),)  # 07:00 UTC is 10:00 in Riga's summer
