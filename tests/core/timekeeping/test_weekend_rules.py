"""Weekends as the law has them: a region's own (Malaysia's states), a country the data
sources get wrong (Nepal works on Sunday), and weekend days made working days to bridge a
holiday (China's Sunday 4 January 2026 for Friday 2 January, Latvia's Saturday 17 January
2026 for the same Friday)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.culture import calendar as culture
from accountdesk.core.timekeeping.calendars import StaticCalendar
from accountdesk.core.timekeeping.planner import Participant, plan, trip_outlook
from accountdesk.core.timekeeping.recurrence import occurrences
from accountdesk.core.timekeeping.scheduling import suggest_slots
from accountdesk.core.timekeeping.workhours import WorkingHours, is_working_day, work_status

SHANGHAI, RIGA, KL, KATHMANDU = (
    "Asia/Shanghai",
    "Europe/Riga",
    "Asia/Kuala_Lumpur",
    "Asia/Kathmandu",
)


def _at(day: date, hour: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour), ZoneInfo(zone))


@pytest.mark.parametrize(
    ("subdivision", "weekend"),
    [
        (None, {5, 6}),
        ("14", {5, 6}),  # Kuala Lumpur
        ("01", {5, 6}),  # Johor: back to Saturday–Sunday since 2025
        ("02", {4, 5}),  # Kedah
        ("MY-03", {4, 5}),  # Kelantan, written in full
        ("11", {4, 5}),  # Terengganu
    ],
)
def test_malaysias_states_keep_their_own_weekend(
    subdivision: str | None, weekend: set[int]
) -> None:
    assert culture.weekend_days("MY", subdivision) == frozenset(weekend)
    friday, sunday = date(2026, 12, 4), date(2026, 12, 6)
    status = work_status(_at(friday, 11, KL), KL, "MY", subdivision)
    assert status.working is (4 not in weekend)
    assert work_status(_at(sunday, 11, KL), KL, "MY", subdivision).working is (6 not in weekend)


def test_a_contacts_hours_carry_their_regions_weekend() -> None:
    hours = WorkingHours.for_contact("MY", "08:00", "17:00", subdivision="03")
    assert hours.weekend == frozenset({4, 5}) and hours.start == time(8)
    assert WorkingHours.for_country("MY").weekend == frozenset({5, 6})


def test_nepal_rests_on_saturday_only() -> None:
    assert culture.weekend_days("NP") == frozenset({5})
    sunday, saturday = date(2026, 12, 6), date(2026, 12, 5)
    assert work_status(_at(sunday, 11, KATHMANDU), KATHMANDU, "NP", None).working
    status = work_status(_at(saturday, 11, KATHMANDU), KATHMANDU, "NP", None)
    assert status.reason == "weekend"
    assert status.window_start == _at(sunday, 9, KATHMANDU)


@pytest.mark.parametrize(
    ("country", "zone", "day"),
    [("CN", SHANGHAI, date(2026, 1, 4)), ("LV", RIGA, date(2026, 1, 17))],
)
def test_a_weekend_day_made_a_working_day_is_one(country: str, zone: str, day: date) -> None:
    assert day.weekday() in culture.weekend_days(country)
    assert culture.weekend_workday(country, None, day)
    hours = WorkingHours.for_country(country)
    assert is_working_day(day, hours, country, None)
    assert work_status(_at(day, 11, zone), zone, country, None).working
    week_later = date.fromordinal(day.toordinal() + 7)
    assert not culture.weekend_workday(country, None, week_later)
    assert work_status(_at(week_later, 11, zone), zone, country, None).reason == "weekend"


def test_the_slot_finder_and_the_planner_use_the_bridge_day() -> None:
    hours = WorkingHours.for_country("CN")
    new_year = _at(date(2026, 1, 1), 0, SHANGHAI)  # 1-3 January off, 4 January worked
    assert suggest_slots(new_year, SHANGHAI, hours, "CN", None, count=1) == [
        _at(date(2026, 1, 4), 9, SHANGHAI)
    ]
    grid = plan(
        [Participant("cn", "CN", SHANGHAI, "CN", None, hours)], date(2026, 1, 4), 1, SHANGHAI
    )
    cells = {c.local.time(): c.state for c in grid.row("cn").cells}
    assert cells[time(10)] == "work"
    trip = trip_outlook("CN", None, SHANGHAI, date(2026, 1, 3), date(2026, 1, 4))
    assert [d.state for d in trip.days] == ["weekend", None]


def test_a_repeat_moved_off_the_weekend_stops_on_the_bridge_day() -> None:
    found = occurrences(
        "FREQ=WEEKLY;COUNT=1",
        datetime(2026, 1, 3, 10),  # Saturday 3 January: a weekend day
        SHANGHAI,
        _at(date(2026, 1, 1), 0, SHANGHAI),
        count=1,
        move_to_working_day=True,
        country="CN",
    )
    assert found[0].local == datetime(2026, 1, 4, 10)


def test_a_static_calendar_can_say_it_too() -> None:
    saturday = date(2031, 6, 7)
    cal = StaticCalendar(
        weekends={"XX-N": frozenset({4, 5})}, workdays={"XX": frozenset({saturday})}
    )
    assert cal.weekend_days("XX") == frozenset({5, 6})
    assert cal.weekend_days("XX", "N") == frozenset({4, 5})
    assert cal.weekend_workday("XX", None, saturday)
    assert not cal.weekend_workday("XX", None, date(2031, 6, 14))
    hours = WorkingHours.for_country("XX", cal)
    assert is_working_day(saturday, hours, "XX", None, cal)
    assert not is_working_day(date(2031, 6, 14), hours, "XX", None, cal)


def test_a_regions_weekend_is_read_without_a_warning_on_the_terminal() -> None:
    """The package's holidays of India end in 2035; reading the weekend rule of a later week
    warned "Requested Holidays are available only from 2001 to 2035" on stderr of every
    command about a contact in an Indian state."""
    import warnings

    from accountdesk.core.culture import calendar

    calendar._regional_weekend.cache_clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert calendar.weekend_days("IN", "MH") == frozenset({5, 6})
    assert [str(w.message) for w in caught] == []
