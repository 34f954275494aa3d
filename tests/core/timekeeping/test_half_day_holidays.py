"""Half-day holidays end the working day when they start, on every surface: one rule
(``workhours.working_day``) read by the slot finder, the planner, the slot warnings, the
working status and the trip outlook.

Turkey's 8 March 2027 is the eve of Ramazan Bayramı, a holiday from 13:00 (the ``holidays``
package's half-day category); 9–11 March are the Bayram itself, 6–7 March a weekend, so the
neighbouring working days are Friday 5 and Friday 12 March.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from accountdesk.core.culture import calendar as culture
from accountdesk.core.settings import UserCalendar
from accountdesk.core.timekeeping.calendars import HalfDay, StaticCalendar
from accountdesk.core.timekeeping.planner import Participant, plan, trip_outlook
from accountdesk.core.timekeeping.scheduling import check_slot, suggest_slots
from accountdesk.core.timekeeping.workhours import (
    WorkingHours,
    is_working_day,
    next_working_window,
    work_status,
    working_day,
)

IST = "Europe/Istanbul"
EVE = date(2027, 3, 8)
BEFORE, AFTER = date(2027, 3, 5), date(2027, 3, 12)


def _at(day: date, hour: int, minute: int = 0, zone: str = IST) -> datetime:
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone))


def _slots_on(day: date, zone: str, country: str, sub: str | None = None) -> list[time]:
    hours = WorkingHours.for_country(country)
    found = suggest_slots(_at(day, 0, zone=zone), zone, hours, country, sub, count=48)
    return [s.time() for s in found if s.date() == day]


def test_the_library_still_has_the_half_day() -> None:
    found = holidays.country_holidays("TR", years=2027, categories=("half_day",))
    assert EVE in found
    assert culture.half_day_on("TR", None, EVE, lang="en") is not None
    assert culture.holiday_on("TR", None, EVE) is None  # not a public holiday
    assert culture.holiday_on("TR", None, date(2027, 3, 9)) is not None


def test_turkish_slots_stop_at_one_on_the_eve() -> None:
    hours = WorkingHours.for_country("TR")
    assert (hours.start, hours.end) == (time(9), time(18))
    eve = _slots_on(EVE, IST, "TR")
    assert eve[0] == time(9) and eve[-1] == time(12, 30)  # a 30-minute slot ends at 13:00
    assert len(eve) == 8
    for day in (BEFORE, AFTER):
        full = _slots_on(day, IST, "TR")
        assert full[0] == time(9) and full[-1] == time(17, 30) and len(full) == 18


def test_a_meeting_that_runs_past_one_is_not_offered() -> None:
    hours = WorkingHours.for_country("TR")
    found = suggest_slots(_at(EVE, 12), IST, hours, "TR", None, duration=timedelta(hours=1))
    assert found[0] == _at(EVE, 12)  # 12:00–13:00 fits
    assert found[1].date() == AFTER  # 12:30 would end at 13:30


def test_every_surface_agrees_on_the_eve() -> None:
    hours = WorkingHours.for_country("TR")
    person = Participant("tr", "TR", IST, "TR", None, hours)
    grid = plan([person], EVE, 1, IST, lang="en")
    cells = {c.local.time(): c for c in grid.row("tr").cells}
    good = {s.time() for s in grid.good_slots}
    assert good == set(_slots_on(EVE, IST, "TR"))
    for minute in range(0, 1440, 30):
        moment = time(minute // 60, minute % 60)
        instant = _at(EVE, moment.hour, moment.minute)
        status = work_status(instant, IST, "TR", None, hours, lang="en")
        warnings = check_slot(instant.replace(tzinfo=None), IST, hours, "TR", None, lang="en")
        working = time(9) <= moment < time(13)
        assert status.working is working, moment
        assert (cells[moment].state == "work") is working, moment
        assert (moment in good) is working, moment
        assert (not warnings) is working, (moment, warnings)
        if moment >= time(13):
            assert status.reason == "holiday" and status.holiday == "Eid al-Fitr (from 1pm)"
            assert cells[moment].state == "holiday"
            assert cells[moment].holiday == "Eid al-Fitr (from 1pm)"
            assert [w.code for w in warnings] == ["holiday", "outside_hours"]
            assert warnings[0].holiday == "Eid al-Fitr (from 1pm)"
            assert "13:00" in warnings[0].message and "09:00–13:00" in warnings[1].message
        elif not working:
            assert status.reason == "outside_hours" and cells[moment].state == "off"
            assert [w.code for w in warnings] == ["outside_hours"]
    # the day before and after the holidays: the whole day
    for day in (BEFORE, AFTER):
        assert work_status(_at(day, 14, 30), IST, "TR", None, hours).working
        assert not check_slot(datetime.combine(day, time(14, 30)), IST, hours, "TR", None)


def test_the_window_and_the_trip_outlook_end_at_one() -> None:
    hours = WorkingHours.for_country("TR")
    assert next_working_window(_at(EVE, 10), IST, hours, "TR", None) == (
        _at(EVE, 9),
        _at(EVE, 13),
    )
    assert next_working_window(_at(EVE, 13), IST, hours, "TR", None)[0] == _at(AFTER, 9)
    trip = trip_outlook("TR", None, IST, BEFORE, AFTER, lang="en")
    by_day = {d.day: d for d in trip.days}
    eve = by_day[EVE]
    assert eve.state is None and eve.window == (_at(EVE, 9), _at(EVE, 13))
    assert eve.slots and all(s + timedelta(hours=1) <= _at(EVE, 13) for s in eve.slots)
    assert [s.time() for s in by_day[BEFORE].slots] == [time(10), time(14, 30)]
    assert by_day[BEFORE].window == (_at(BEFORE, 9), _at(BEFORE, 18))
    assert by_day[date(2027, 3, 9)].state == "holiday"


def test_a_contacts_own_hours_end_at_one_too() -> None:
    own = WorkingHours.for_contact("TR", "08:00", "16:00", subdivision=None)
    assert working_day(EVE, IST, own, "TR", None).window == (_at(EVE, 8), _at(EVE, 13))
    # starts after the holiday does
    late = WorkingHours.for_contact("TR", "14:00", "22:00", subdivision=None)
    day = working_day(EVE, IST, late, "TR", None, lang="en")
    assert day.window is None and day.off == "holiday"
    assert day.off_name == "Eid al-Fitr (from 1pm)"
    assert not is_working_day(EVE, late, "TR", None)
    assert is_working_day(EVE, own, "TR", None)


def test_estonia_shortens_the_day_by_three_hours() -> None:
    hours = WorkingHours.for_country("EE")
    day = date(2026, 12, 23)  # pühade-eelne päev, a Wednesday
    found = working_day(day, "Europe/Tallinn", hours, "EE", None)
    assert found.half_day is not None and found.window is not None
    usual = hours.end_minute - 180
    assert found.window[1] == _at(day, usual // 60, usual % 60, "Europe/Tallinn")
    assert (
        working_day(date(2026, 12, 22), "Europe/Tallinn", hours, "EE", None).window
        == (_at(date(2026, 12, 22), hours.start.hour, hours.start.minute, "Europe/Tallinn"),
            _at(date(2026, 12, 22), hours.end.hour, hours.end.minute, "Europe/Tallinn"))
    )  # fmt: skip


def test_a_half_day_of_unknown_time_ends_work_at_noon() -> None:
    """Greece's Christmas Eve is a half day in the package, at no stated time: the table does
    not name GR, so the afternoon is off (HALF_DAY_DEFAULT_START)."""
    assert "GR" not in culture.HALF_DAY_STARTS
    assert culture.half_day_start("GR", None) == culture.HALF_DAY_DEFAULT_START == time(12)
    hours = WorkingHours.for_country("GR")
    day = date(2026, 12, 24)
    found = working_day(day, "Europe/Athens", hours, "GR", None)
    assert found.half_day is not None and found.window is not None
    assert found.window[1] == _at(day, 12, zone="Europe/Athens")
    assert _slots_on(day, "Europe/Athens", "GR")[-1] == time(11, 30)


def test_chinas_group_half_days_leave_the_day_whole() -> None:
    assert culture.half_day_start("CN", None) is None
    assert culture.half_day_on("CN", None, EVE) is None  # 8 March: women's half day
    hours = WorkingHours.for_country("CN")
    found = working_day(EVE, "Asia/Shanghai", hours, "CN", None)
    assert found.window is not None and found.window[1].time() == hours.end


def test_regions_have_their_own_half_days() -> None:
    day = date(2026, 12, 24)  # a Thursday
    hours = WorkingHours.for_country("US")
    pr = working_day(day, "America/Puerto_Rico", hours, "US", "PR")
    assert pr.window is not None and pr.window[1].time() == time(12)
    mainland = working_day(day, "America/New_York", hours, "US", None)
    assert mainland.half_day is None and mainland.window is not None
    assert mainland.window[1].time() == hours.end
    # Queensland's Christmas Eve starts at 18:00, after work: a whole day, "Off hours" after
    qld = WorkingHours.for_country("AU")
    found = working_day(day, "Australia/Brisbane", qld, "AU", "QLD")
    assert found.half_day is None and found.window is not None
    assert found.window[1].time() == qld.end
    evening = work_status(
        _at(day, 20, zone="Australia/Brisbane"), "Australia/Brisbane", "AU", "QLD"
    )
    assert evening.reason == "outside_hours"


def test_the_table_names_only_countries_with_half_days() -> None:
    for key in culture.HALF_DAY_STARTS:
        country = key.split("-")[0]
        meta = culture.country_holidays(country)
        assert "half_day" in meta.supported_categories, key


@pytest.mark.parametrize(
    ("starts", "shortened", "end"),
    [(time(13), None, time(13)), (None, timedelta(hours=2), time(15)), (time(8), None, None)],
)
def test_the_rule_on_a_static_calendar(
    starts: time | None, shortened: timedelta | None, end: time | None
) -> None:
    day = date(2026, 6, 3)
    half = HalfDay(day, "Eve", starts=starts, shortened=shortened)
    cal = StaticCalendar(half_days={"XX": {day: half}})
    hours = WorkingHours(time(9), time(17))
    found = working_day(day, "UTC", hours, "XX", None, cal)
    if end is None:
        assert found.window is None and found.off == "holiday" and found.off_name == "Eve"
        status = work_status(datetime(2026, 6, 3, 10, tzinfo=UTC), "UTC", "XX", None, hours, cal)
        assert status.reason == "holiday" and status.holiday == "Eve"
    else:
        assert found.window is not None
        assert found.window[1] == datetime.combine(day, end, UTC)
    assert working_day(day + timedelta(days=1), "UTC", hours, "XX", None, cal).window == (
        datetime(2026, 6, 4, 9, tzinfo=UTC),
        datetime(2026, 6, 4, 17, tzinfo=UTC),
    )


def test_a_half_day_needs_a_time_or_a_shortening() -> None:
    with pytest.raises(ValueError):
        HalfDay(EVE, "Eve")
    with pytest.raises(ValueError):
        HalfDay(EVE, "Eve", starts=time(13), shortened=timedelta(hours=1))


_FROM = re.compile(r"\(from (\d{1,2})(?::(\d{2}))? ?([ap]m)\)$", re.IGNORECASE)


def _stated_starts() -> dict[str, time]:
    """Every half-day holiday the package names "… (from 7pm)" in English, 2024–2030, by
    country or "CC-SUB": the time its name states."""
    stated: dict[str, time] = {}
    for country, subdivisions in holidays.list_supported_countries().items():
        if len(country) != 2 or country == "UK":  # aliases repeat the ISO classes (GB)
            continue
        meta = holidays.country_holidays(country)
        english = [lang for lang in meta.supported_languages if lang.startswith("en")]
        if "half_day" not in meta.supported_categories or not english:
            continue
        language = "en_US" if "en_US" in english else english[0]
        for sub in (None, *subdivisions):
            found = holidays.country_holidays(
                country,
                subdiv=sub,
                years=range(2024, 2031),
                language=language,
                categories=("half_day",),
            )
            for name in found.values():
                for part in name.split("; "):
                    m = _FROM.search(part.strip())
                    if m is None:
                        continue
                    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "pm" else 0)
                    key = country if sub is None else f"{country}-{sub}"
                    stated[key] = time(hour, int(m.group(2) or 0))
    return stated


def test_every_stated_half_day_time_is_in_the_table() -> None:
    stated = _stated_starts()
    assert {"TR", "IS", "AU-QLD", "AU-NT"} <= stated.keys()  # the parse still finds them
    for key, starts in stated.items():
        country, _, sub = key.partition("-")
        assert culture.half_day_start(country, sub or None) == starts, key


def test_south_australias_christmas_eve_starts_at_seven() -> None:
    hours = WorkingHours(time(9), time(17))
    day = date(2026, 12, 24)
    found = working_day(day, "Australia/Adelaide", hours, "AU", "SA", None, "en")
    assert found.window is not None
    assert found.window == (
        _at(day, 9, zone="Australia/Adelaide"),
        _at(day, 17, zone="Australia/Adelaide"),
    )


def test_the_users_own_half_day_is_explained() -> None:
    """A Turkish user checking a Latvian contact's 14:00 on the eve: 15:00 in Istanbul, after
    the user's half day began at 13:00; the warning names it and says work ended at 13:00."""
    mine = UserCalendar(IST, True, "TR", None, WorkingHours(time(9), time(17)))
    riga = WorkingHours(time(9), time(17))
    found = check_slot(
        datetime.combine(EVE, time(14)), "Europe/Riga", riga, "LV", None, lang="en", mine=mine
    )
    assert [w.code for w in found] == ["my_holiday", "my_outside_hours"]
    assert found[0].holiday == "Eid al-Fitr (from 1pm)"
    assert "Eid al-Fitr (from 1pm)" in found[0].message and "13:00" in found[0].message
    assert "15:00" in found[1].message and "09:00–13:00" in found[1].message
    # before the half day began: good on both sides
    at_ten = datetime.combine(EVE, time(10))
    assert check_slot(at_ten, "Europe/Riga", riga, "LV", None, lang="en", mine=mine) == []
