"""A repeating follow-up whose first occurrence falls in a DST gap: the exported series
repeats at the time it was meant, as the app's occurrences do, not at the shifted time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
from dateutil import rrule as du

from accountdesk.core.clock import fixed_clock
from accountdesk.core.timekeeping.ical import IcsEvent, export_ics
from accountdesk.core.timekeeping.recurrence import occurrences
from accountdesk.core.timekeeping.zones import resolve_wall_time

ZONE = "Europe/Riga"
FIRST = datetime(2027, 3, 28, 3, 30)  # the clocks jump from 03:00 to 04:00 that night
RULE = "FREQ=DAILY;COUNT=4"


def test_the_series_repeats_at_the_time_meant() -> None:
    event = IcsEvent("g@x", "Night check", "", FIRST, ZONE, timedelta(minutes=30), rrule=RULE)
    data = export_ics([event], clock=fixed_clock(datetime(2027, 1, 1, tzinfo=UTC)))
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    start = parsed["DTSTART"].dt.replace(tzinfo=None)
    assert start == FIRST
    assert parsed["DURATION"].dt == timedelta(minutes=30)
    assert parsed.get("DTEND") is None
    rule = du.rrulestr(parsed["RRULE"].to_ical().decode(), dtstart=start)
    # a reader applies RFC 5545: a time in the gap with the offset before it
    calendar = [resolve_wall_time(day, ZONE).instant for day in rule]
    app = [o.instant for o in occurrences(RULE, FIRST, ZONE, datetime(2000, 1, 1, tzinfo=UTC), 4)]
    assert calendar == app
    assert [t.hour for t in calendar] == [1, 0, 0, 0]  # 04:30 that night, then 03:30


def test_a_single_event_in_a_gap_is_still_written_at_the_time_used() -> None:
    event = IcsEvent("g@x", "Night check", "", FIRST, ZONE, timedelta(minutes=30))
    data = export_ics([event], clock=fixed_clock(datetime(2027, 1, 1, tzinfo=UTC)))
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert parsed["DTSTART"].dt.replace(tzinfo=None) == datetime(2027, 3, 28, 4, 30)
