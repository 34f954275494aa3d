"""All-day events (``VALUE=DATE``): read as such, and written as dates again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar

from accountdesk.core.clock import fixed_clock
from accountdesk.core.timekeeping.ical import IcsEvent, export_ics, import_ics

CLOCK = fixed_clock(datetime(2026, 1, 1, tzinfo=UTC))


def _day(local: datetime, **kw: object) -> IcsEvent:
    values: dict[str, object] = {
        "uid": "d@x", "summary": "Send contract", "description": "", "local": local,
        "zone": "Asia/Kolkata", "duration": timedelta(days=1), "all_day": True,
    }  # fmt: skip
    values.update(kw)
    return IcsEvent(**values)  # type: ignore[arg-type]


def _written(item: IcsEvent) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(export_ics([item], clock=CLOCK))
    assert calendar.walk("VTIMEZONE") == []  # a day is no zone's
    (event,) = calendar.walk("VEVENT")
    return event


def test_an_all_day_event_is_read_as_one() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:d\r\n"
        b"DTSTART;VALUE=DATE:20261210\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:t\r\n"
        b"DTSTART:20261210T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    day, timed = import_ics(data, floating_zone="Asia/Kolkata")
    assert (day.all_day, day.local, day.duration) == (True, datetime(2026, 12, 10), timedelta(1))
    assert not timed.all_day


def test_it_is_written_as_dates_with_its_reminder_at_its_time_of_day() -> None:
    event = _written(_day(datetime(2026, 12, 10, 9, 30), alarm=timedelta(0)))
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2026, 12, 10), date(2026, 12, 11))
    assert b"DTSTART;VALUE=DATE:20261210" in event.to_ical()
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(hours=9, minutes=30)


def test_a_part_of_a_day_is_that_day_and_the_last_day_there_is_can_be_written() -> None:
    event = _written(_day(datetime(2026, 12, 10, 9), duration=timedelta(hours=2)))
    assert event["DTEND"].dt == date(2026, 12, 11)
    last = _written(_day(datetime(9999, 12, 31, 9)))
    assert last["DTSTART"].dt == date(9999, 12, 31)
    assert last["DURATION"].dt == timedelta(days=1)


def test_a_repeating_day_has_its_dates_taken_off_and_its_until_as_dates() -> None:
    event = _written(
        _day(
            datetime(2026, 12, 10, 9, 30),
            rrule="FREQ=WEEKLY;UNTIL=20270131T235959",
            exdates=(datetime(2026, 12, 24, 9, 30),),
            rdates=(datetime(2026, 12, 26, 9, 30),),
        )
    )
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270131"
    assert b"EXDATE;VALUE=DATE:20261224" in event.to_ical()
    assert b"RDATE;VALUE=DATE:20261226" in event.to_ical()
    back = import_ics(event_calendar(event), floating_zone="Asia/Kolkata")[0]
    assert (back.all_day, back.exdates, back.rdates) == (
        True,
        (datetime(2026, 12, 24),),
        (datetime(2026, 12, 26),),
    )


def event_calendar(event: icalendar.Event) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return bytes(calendar.to_ical())
