"""An exported repeating follow-up, read as a calendar reads it (icalendar, then dateutil over
RRULE, EXDATE and RDATE, RFC 5545's reading of a time in a gap), shows the instants the app
gives, from any occurrence it is at: counts, month ends, moves to a working day, DST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import islice

import icalendar
from dateutil import rrule as du
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.clock import fixed_clock
from accountdesk.core.timekeeping.ical import IcsEvent, export_ics
from accountdesk.core.timekeeping.recurrence import occurrences, series_at
from accountdesk.core.timekeeping.zones import resolve_wall_time

EARLY = datetime(2000, 1, 1, tzinfo=UTC)
PLACES = [
    ("Europe/Riga", "LV", None),
    ("Asia/Jerusalem", "IL", None),
    ("Asia/Tehran", "IR", None),
    ("America/New_York", "US", "NY"),
    ("Australia/Adelaide", "AU", "SA"),
    ("Pacific/Chatham", "NZ", None),
    ("Asia/Kathmandu", "NP", None),
    ("Asia/Riyadh", "SA", None),
]
RULES = [
    "FREQ=DAILY;COUNT=12",
    "FREQ=WEEKLY;COUNT=8",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=3;COUNT=5",
    "FREQ=MONTHLY;BYDAY=3MO",
    "FREQ=YEARLY;COUNT=4",
    "FREQ=MONTHLY;UNTIL=20290101",
    "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10",
]
SHOWN = 12


def _calendar(data: bytes, zone: str) -> list[datetime]:
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    days = du.rruleset()
    start = event["DTSTART"].dt
    rule = du.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    count = event["RRULE"].get("COUNT", [None])[0]
    if rule.after(start, inc=True) != start:  # RFC 5545: DTSTART is the first, COUNT counts it
        days.rdate(start)
        if count is not None:
            count -= 1
            rule = rule.replace(count=max(count, 1))
    if count != 0:
        days.rrule(rule)
    for name, add in (("EXDATE", days.exdate), ("RDATE", days.rdate)):
        found = event.get(name) or []
        for prop in found if isinstance(found, list) else [found]:
            for value in prop.dts:
                add(value.dt)
    return [resolve_wall_time(t.replace(tzinfo=None), zone).instant for t in islice(days, SHOWN)]


def _check(
    place: tuple[str, str, str | None], rule: str, first: datetime, move: bool, at: int
) -> None:
    zone, country, region = place
    app = occurrences(
        rule, first, zone, EARLY, 40, move_to_working_day=move, country=country, subdivision=region
    )
    if len(app) <= at:
        return
    current = app[at]
    series = series_at(
        rule,
        first,
        current.local,
        zone,
        move_to_working_day=move,
        country=country,
        subdivision=region,
    )
    event = IcsEvent(
        "x@accountdesk",
        "Call",
        "",
        series.start,
        zone,
        timedelta(minutes=30),
        rrule=series.rule,
        exdates=series.exdates,
        rdates=series.rdates,
    )
    data = export_ics([event], clock=fixed_clock(datetime(2027, 1, 1, tzinfo=UTC)))
    assert _calendar(data, zone) == [o.instant for o in app[at:]][:SHOWN]


def test_a_yearly_series_moved_to_working_days_beyond_two_years() -> None:
    _check(
        ("Europe/Riga", "LV", None), "FREQ=YEARLY;COUNT=4", datetime(2027, 3, 16, 10, 30), True, 0
    )


@settings(max_examples=60, deadline=None)
@given(
    place=st.sampled_from(PLACES),
    rule=st.sampled_from(RULES),
    first=st.datetimes(min_value=datetime(2027, 1, 1), max_value=datetime(2028, 12, 31)),
    hour=st.sampled_from([0, 1, 2, 3, 8, 10, 23]),
    move=st.booleans(),
    at=st.integers(min_value=0, max_value=3),
)
def test_the_calendar_reads_the_app_s_occurrences(
    place: tuple[str, str, str | None],
    rule: str,
    first: datetime,
    hour: int,
    move: bool,
    at: int,
) -> None:
    _check(place, rule, first.replace(hour=hour, second=0, microsecond=0), move, at)
