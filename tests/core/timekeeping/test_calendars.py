"""The default calendar: the culture module when present, the ``holidays`` package otherwise."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from accountdesk.core.timekeeping.calendars import (
    CultureCalendar,
    DayCalendar,
    StaticCalendar,
    default_calendar,
)
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.scheduling import check_slot
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import to_wall


def fallback() -> CultureCalendar:
    cal = CultureCalendar()
    cal._looked = True  # as if accountdesk.core.culture.calendar were not installed
    cal._module = None
    return cal


def test_static_and_default_calendars_fit_the_protocol() -> None:
    assert isinstance(StaticCalendar(), DayCalendar)
    assert isinstance(default_calendar(), DayCalendar)


def test_static_calendar_subdivisions() -> None:
    cal = StaticCalendar(holidays={"DE-BY": {date(2025, 8, 15): "Assumption Day"}})
    assert cal.holiday_on("DE", "BY", date(2025, 8, 15)) is not None
    assert cal.holiday_on("DE", "DE-BY", date(2025, 8, 15)) is not None
    assert cal.holiday_on("DE", None, date(2025, 8, 15)) is None
    assert cal.holiday_on(None, None, date(2025, 8, 15)) is None


def test_fallback_uses_the_holidays_package() -> None:
    cal = fallback()
    holiday = cal.holiday_on("TR", None, date(2025, 10, 29))
    assert holiday is not None and "Republic" in holiday.name
    assert cal.holiday_on("TR", None, date(2025, 10, 28)) is None
    assert cal.weekend_days("TR") == frozenset({5, 6})
    assert cal.business_hours("TR").start == time(9)
    # an unknown subdivision falls back to the country's holidays
    assert cal.holiday_on("TR", "XX", date(2025, 10, 29)) is not None
    assert cal.holiday_on("ZZ", None, date(2025, 10, 29)) is None


# --- with the culture module (skipped until it is there) --------------------------------------


def culture() -> CultureCalendar:
    pytest.importorskip("accountdesk.core.culture.calendar")
    return CultureCalendar()


def test_real_working_weeks() -> None:
    cal = culture()
    assert cal.weekend_days("SA") == frozenset({4, 5})
    assert 4 in cal.weekend_days("IR")
    assert cal.weekend_days("LV") == frozenset({5, 6})
    assert WorkingHours.for_country("SA", cal).weekend == frozenset({4, 5})


def test_real_holiday_warning_and_planner() -> None:
    cal = culture()
    hours = WorkingHours.for_country("TR", cal)
    warnings = check_slot(datetime(2025, 10, 29, 11), "Europe/Istanbul", hours, "TR", None, cal)
    assert "holiday" in {w.code for w in warnings}
    people = [
        Participant("me", "me", "Europe/Riga", "LV", None, WorkingHours.for_country("LV", cal)),
        Participant("sa", "sa", "Asia/Riyadh", "SA", None, WorkingHours.for_country("SA", cal)),
        Participant("tr", "tr", "Europe/Istanbul", "TR", None, hours),
    ]
    grid = plan(people, date(2025, 10, 20), 14, "Europe/Riga", calendar=cal)
    assert grid.good_slots
    for slot in grid.good_slots:
        for p in people:
            local = to_wall(slot, p.zone)
            assert local.weekday() not in cal.weekend_days(p.country)
            assert cal.holiday_on(p.country, None, local.date()) is None
    assert slot.tzinfo is not None and slot.astimezone(UTC)
