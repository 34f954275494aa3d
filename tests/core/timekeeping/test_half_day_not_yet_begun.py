"""A half-day holiday begins at its hour, not at midnight: before it, the day is an ordinary
one, even for someone whose hours start after it (no work that day at all).

Turkey's 8 March 2027 is the eve of Ramazan Bayramı, a holiday from 13:00. A contact who
works 14:00–22:00 has no window that day; at 03:00 or 12:30 they are off hours (the holiday
has not begun), from 13:00 on they are on holiday. The planner's cells say the same.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from accountdesk.core.timekeeping.calendars import HalfDay, StaticCalendar
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status, working_day

IST = "Europe/Istanbul"
EVE = date(2027, 3, 8)
NAME = "Eid al-Fitr (from 1pm)"


def _at(day: date, hour: int, minute: int = 0, zone: str = IST) -> datetime:
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone))


def test_status_before_a_half_day_that_leaves_no_work_is_off_hours() -> None:
    late = WorkingHours.for_contact("TR", "14:00", "22:00", subdivision=None)
    day = working_day(EVE, IST, late, "TR", None, lang="en")
    assert day.window is None and day.off == "holiday"
    assert day.half_day_from == _at(EVE, 13)
    for hour, minute in ((0, 0), (3, 0), (9, 0), (12, 59)):
        status = work_status(_at(EVE, hour, minute), IST, "TR", None, late, lang="en")
        assert not status.working
        assert (status.reason, status.holiday) == ("outside_hours", None), (hour, minute)
        assert status.window_start == _at(date(2027, 3, 12), 14)
    for hour in (13, 14, 18, 23):
        status = work_status(_at(EVE, hour), IST, "TR", None, late, lang="en")
        assert (status.reason, status.holiday) == ("holiday", NAME), hour


def test_a_night_shift_on_the_eve_is_off_hours_until_one() -> None:
    night = WorkingHours.for_contact("TR", "22:00", "06:00", subdivision=None)
    noon = work_status(_at(EVE, 12, 30), IST, "TR", None, night, lang="en")
    assert (noon.reason, noon.holiday) == ("outside_hours", None)
    evening = work_status(_at(EVE, 22, 30), IST, "TR", None, night, lang="en")
    assert (evening.reason, evening.holiday) == ("holiday", NAME)


def test_default_hours_keep_their_morning_and_lose_the_afternoon() -> None:
    hours = WorkingHours.for_country("TR")
    assert work_status(_at(EVE, 3), IST, "TR", None, hours).reason == "outside_hours"
    assert work_status(_at(EVE, 10), IST, "TR", None, hours).working
    after = work_status(_at(EVE, 13), IST, "TR", None, hours, lang="en")
    assert (after.reason, after.holiday) == ("holiday", NAME)


def test_a_day_shortened_away_begins_its_holiday_where_work_would_end() -> None:
    day = date(2031, 6, 2)  # a Monday
    cal = StaticCalendar(half_days={"XX": {day: HalfDay(day, "Eve", shortened=timedelta(hours=3))}})
    short = WorkingHours(time(10), time(12))  # 3 hours shorter: nothing left, off from 09:00
    assert working_day(day, "UTC", short, "XX", None, cal).half_day_from == _at(day, 9, zone="UTC")
    before = work_status(_at(day, 8, zone="UTC"), "UTC", "XX", None, short, cal)
    assert before.reason == "outside_hours"
    during = work_status(_at(day, 10, zone="UTC"), "UTC", "XX", None, short, cal)
    assert (during.reason, during.holiday) == ("holiday", "Eve")


def test_planner_cells_before_the_half_day_are_off() -> None:
    late = WorkingHours.for_contact("TR", "14:00", "22:00", subdivision=None)
    person = Participant("tr", "TR", IST, "TR", None, late)
    grid = plan([person], EVE, 1, IST, lang="en")
    cells = {c.local.time(): c for c in grid.row("tr").cells}
    assert cells[time(3)].state == "off" and cells[time(12, 30)].state == "off"
    assert cells[time(13)].state == "holiday" and cells[time(13)].holiday == NAME
    assert cells[time(20)].state == "holiday"
