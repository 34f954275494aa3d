"""A repeat rule's end (UNTIL) typed as a day or a wall time: the app and the calendars that
read its .ics export agree on the last occurrence.

"FREQ=WEEKLY;UNTIL=20270405" is described as "Every week, until 5 Apr 2027": the occurrence on
5 April belongs to it. RFC 5545 asks for UNTIL in UTC when DTSTART has a TZID; a reader such
as dateutil refuses the rule otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from dateutil.rrule import rrulestr

from accountdesk.core.timekeeping.ical import IcsEvent, export_ics
from accountdesk.core.timekeeping.recurrence import occurrences

FIRST = datetime(2027, 3, 22, 9, 0)  # a Monday; Riga moves to summer time on 28 March
MONDAYS = [date(2027, 3, 22), date(2027, 3, 29), date(2027, 4, 5)]
RULES = ["FREQ=WEEKLY;UNTIL=20270405", "FREQ=WEEKLY;UNTIL=20270405T090000"]


@pytest.mark.parametrize("rule", [*RULES, "FREQ=WEEKLY;UNTIL=20270405T060000Z"])
def test_the_until_day_is_included(rule: str) -> None:
    found = occurrences(rule, FIRST, "Europe/Riga", datetime(2027, 1, 1, tzinfo=UTC), 10)
    assert [o.local.date() for o in found] == MONDAYS


@pytest.mark.parametrize("rule", RULES)
def test_the_export_writes_until_in_utc(rule: str) -> None:
    event = IcsEvent("u1", "Zvans", "", FIRST, "Europe/Riga", timedelta(minutes=30), rule)
    parsed = icalendar.Calendar.from_ical(export_ics([event])).walk("VEVENT")[0]
    until = parsed["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == timedelta(0)
    start = parsed["DTSTART"].dt
    expanded = rrulestr(parsed["RRULE"].to_ical().decode(), dtstart=start)
    assert [d.date() for d in expanded] == MONDAYS
