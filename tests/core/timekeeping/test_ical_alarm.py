"""Reminders in .ics files: an event with a reminder carries a display VALARM relative to its
start (every occurrence of a repeating one), read back on import; others carry none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from accountdesk.core.timekeeping.ical import IcsEvent, export_ics, import_ics

STAMP = datetime(2026, 11, 29, tzinfo=UTC)


def _event(uid: str, zone: str, alarm: timedelta | None, rrule: str | None = None) -> IcsEvent:
    start = datetime(2027, 3, 29, 10)
    return IcsEvent(uid, "Call Mina", "", start, zone, timedelta(minutes=30), rrule, alarm=alarm)


def _export(*events: IcsEvent) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(export_ics(events, clock=lambda: STAMP))


def test_a_reminder_is_a_display_alarm_before_the_start() -> None:
    cal = _export(
        _event("a@x", "Australia/Adelaide", timedelta(0), "FREQ=WEEKLY;COUNT=3"),
        _event("b@x", "Asia/Kathmandu", timedelta(minutes=15)),
        _event("c@x", "Asia/Tehran", None),
    )
    by_uid = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    for uid, before in (("a@x", timedelta(0)), ("b@x", timedelta(minutes=15))):
        alarms = [c for c in by_uid[uid].subcomponents if c.name == "VALARM"]
        assert len(alarms) == 1, uid
        alarm = alarms[0]
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == "Call Mina"
        assert alarm["TRIGGER"].dt == -before
        assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"
    assert not [c for c in by_uid["c@x"].subcomponents if c.name == "VALARM"]
    start = by_uid["b@x"]["DTSTART"]
    assert start.params["TZID"] == "Asia/Kathmandu"
    assert start.dt.utcoffset() == timedelta(hours=5, minutes=45)


def test_reminders_come_back_on_import() -> None:
    data = export_ics(
        [
            _event("a@x", "Australia/Adelaide", timedelta(0), "FREQ=WEEKLY;COUNT=3"),
            _event("b@x", "Asia/Kathmandu", timedelta(minutes=15)),
            _event("c@x", "UTC", None),
        ],
        clock=lambda: STAMP,
    )
    found = {e.uid: e.alarm for e in import_ics(data)}
    assert found == {"a@x": timedelta(0), "b@x": timedelta(minutes=15), "c@x": None}


def _with_alarm(alarm: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        "DTSTART:20270329T080000Z\r\nSUMMARY:S\r\n" + alarm + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("alarm", "expected"),
    [
        ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n", timedelta(hours=1)),
        ("BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:PT0S\r\nEND:VALARM\r\n", timedelta(0)),
        ("BEGIN:VALARM\r\nACTION:EMAIL\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n", None),
        ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:-PT5M\r\nEND:VALARM\r\n", None),
        ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT5M\r\nEND:VALARM\r\n", None),
        (
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;VALUE=DATE-TIME:20270329T070000Z\r\n"
            "END:VALARM\r\n",
            None,
        ),
        ("", None),
    ],
)
def test_only_a_reminder_before_the_start_is_read(alarm: str, expected: timedelta | None) -> None:
    (event,) = import_ics(_with_alarm(alarm))
    assert event.alarm == expected


def test_a_reminder_after_the_start_is_refused() -> None:
    with pytest.raises(ValueError, match="reminder"):
        export_ics([_event("a@x", "UTC", timedelta(minutes=-5))], clock=lambda: STAMP)
