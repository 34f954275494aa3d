"""Ramadan's shorter working day where the law shortens it: six hours at most in Saudi Arabia,
Kuwait, Qatar, Bahrain and Oman, two hours shorter in the Emirates; nothing changes elsewhere
(Turkey, Iran) or outside the country's own Ramadan (Saudi Arabia's 2027 fast: 8 February -
8 March)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.culture.seasons import season_on
from accountdesk.core.timekeeping.calendars import ShortDay, StaticCalendar
from accountdesk.core.timekeeping.planner import Participant, plan
from accountdesk.core.timekeeping.scheduling import check_slot, suggest_slots
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status, working_day

FASTING = date(2027, 2, 15)  # a Monday in Ramadan 1448
AFTER = date(2027, 3, 15)


def _at(day: date, hour: int, minute: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone))


@pytest.mark.parametrize(
    ("country", "zone", "usual", "fasting"),
    [
        ("SA", "Asia/Riyadh", (time(8), time(16)), (time(8), time(14))),
        ("KW", "Asia/Kuwait", (time(7, 30), time(15, 30)), (time(7, 30), time(13, 30))),
        ("AE", "Asia/Dubai", (time(9), time(18)), (time(9), time(16))),
        ("TR", "Europe/Istanbul", (time(9), time(18)), (time(9), time(18))),
        ("IR", "Asia/Tehran", (time(8), time(16)), (time(8), time(16))),
    ],
)
def test_the_window_in_ramadan(
    country: str, zone: str, usual: tuple[time, time], fasting: tuple[time, time]
) -> None:
    assert season_on(country, "ramadan", FASTING) is not None
    hours = WorkingHours.for_country(country)
    during = working_day(FASTING, zone, hours, country, None, lang="en").window
    outside = working_day(AFTER, zone, hours, country, None, lang="en").window
    assert during is not None and outside is not None
    assert (during[0].time(), during[1].time()) == fasting
    assert (outside[0].time(), outside[1].time()) == usual


def test_status_slots_and_planner_end_the_fasting_day_early() -> None:
    zone = "Asia/Riyadh"
    hours = WorkingHours.for_country("SA")
    late = work_status(_at(FASTING, 14, 30, zone), zone, "SA", None, hours, lang="en")
    assert (late.working, late.reason) == (False, "outside_hours")
    assert late.window_start == _at(FASTING + timedelta(days=1), 8, 0, zone)
    assert work_status(_at(FASTING, 13, 30, zone), zone, "SA", None, hours).working
    assert work_status(_at(AFTER, 14, 30, zone), zone, "SA", None, hours).working
    slots = suggest_slots(_at(FASTING, 13, 0, zone), zone, hours, "SA", None, count=3)
    assert slots[0] == _at(FASTING, 13, 0, zone) and slots[1] == _at(FASTING, 13, 30, zone)
    assert slots[2] == _at(FASTING + timedelta(days=1), 8, 0, zone)
    warnings = check_slot(datetime.combine(FASTING, time(15)), zone, hours, "SA", None)
    assert [w.code for w in warnings] == ["outside_hours"]
    assert "08:00–14:00" in warnings[0].message  # the day's hours, not the usual 08:00–16:00
    grid = plan([Participant("sa", "SA", zone, "SA", None, hours)], FASTING, 1, zone)
    cells = {c.local.time(): c.state for c in grid.row("sa").cells}
    assert cells[time(13, 30)] == "work" and cells[time(14)] == "off"


def test_a_contacts_own_hours_are_shortened_too() -> None:
    hours = WorkingHours.for_contact("SA", "10:00", "19:00", subdivision=None)
    window = working_day(FASTING, "Asia/Riyadh", hours, "SA", None).window
    assert window is not None and window[1].time() == time(16)  # six hours from 10:00


def test_a_day_already_short_enough_is_kept() -> None:
    day = date(2031, 6, 2)
    cal = StaticCalendar(
        short_days={"XX": {day: ShortDay(day, "Fast", at_most=timedelta(hours=6))}}
    )
    five = WorkingHours(time(9), time(14))
    found = working_day(day, "UTC", five, "XX", None, cal)
    assert found.window is not None and found.window[1].time() == time(14)
    assert found.short_day is None
    eight = WorkingHours(time(9), time(17))
    found = working_day(day, "UTC", eight, "XX", None, cal)
    assert found.window is not None and found.window[1].time() == time(15)
    assert found.short_day is not None and found.short_day.name == "Fast"
    with pytest.raises(ValueError):
        ShortDay(day, "Nothing")


def test_thursday_in_iran_is_a_morning() -> None:
    """Iran's week ends with a half day: Thursday mornings only (08:00-13:00 for the country's
    08:00-16:00); the status and the slot check said a Thursday 15:00 was working time."""
    zone = "Asia/Tehran"
    hours = WorkingHours.for_country("IR")
    thursday, wednesday = date(2026, 12, 3), date(2026, 12, 2)
    short = working_day(thursday, zone, hours, "IR", None, lang="en")
    assert short.window is not None and short.window[1].time() == time(13)
    assert short.short_day is not None and short.short_day.name == "Thursday"
    full = working_day(wednesday, zone, hours, "IR", None).window
    assert full is not None and full[1].time() == time(16)
    after = work_status(_at(thursday, 14, 0, zone), zone, "IR", None, hours)
    assert (after.working, after.reason) == (False, "outside_hours")
    assert after.window_start == _at(date(2026, 12, 5), 8, 0, zone)  # Friday off: Saturday
    assert work_status(_at(thursday, 12, 0, zone), zone, "IR", None, hours).working
    warnings = check_slot(datetime.combine(thursday, time(15)), zone, hours, "IR", None)
    assert [w.code for w in warnings] == ["outside_hours"] and "08:00–13:00" in warnings[0].message


@pytest.mark.parametrize(
    ("country", "zone", "at", "said", "sentence"),
    [
        # Dubai at 17:00 in Ramadan: the usual hours run to 18:00, the fast's to 16:00
        (
            "AE", "Asia/Dubai", _at(FASTING, 17, 0, "Asia/Dubai"),
            "Off hours: Ramadan, work ends at 16:00",
            "It is outside working hours there now: today the working day ends at 16:00 "
            "(Ramadan).",
        ),
        # Tehran at 14:00 on a Thursday: mornings only
        (
            "IR", "Asia/Tehran", _at(date(2026, 3, 12), 14, 0, "Asia/Tehran"),
            "Off hours: Thursday, work ends at 13:00",
            "It is outside working hours there now: today the working day ends at 13:00 "
            "(Thursday).",
        ),
        # after the usual hours too: nothing to explain
        (
            "AE", "Asia/Dubai", _at(FASTING, 19, 0, "Asia/Dubai"), "Off hours",
            "It is outside working hours there now.",
        ),
    ],
)  # fmt: skip
def test_a_shorter_day_is_the_reason_given(
    country: str, zone: str, at: datetime, said: str, sentence: str
) -> None:
    """The status was "Off hours" alone while the panel showed the usual hours (09:00–18:00
    in Dubai): the shorter day, computed, was dropped."""
    from accountdesk.core.bidi import plain
    from accountdesk.core.culture.panel import working_sentence
    from accountdesk.core.timekeeping.workhours import status_text

    status = work_status(at, zone, country, None, lang="en")
    assert not status.working and status.reason == "outside_hours"
    assert plain(status_text(status)) == said
    assert plain(working_sentence(status)) == sentence


def test_the_country_profile_lists_the_shorter_days() -> None:
    from accountdesk.core.culture.profile import country_profile, shorter_days_text

    assert country_profile("IR", "en").shorter_days == [("Thursday", time(8), time(13))]
    assert country_profile("AE", "en").shorter_days == [
        ("Ramadan", time(9), time(16)),
        ("Friday", time(9), time(12)),  # before the Friday prayer
    ]
    # Latvia's day before a public holiday, an hour shorter (the working-time rule's too)
    assert country_profile("LV", "en").shorter_days == [
        ("Day before a public holiday", time(8, 30), time(16))
    ]
    assert country_profile("EE", "en").shorter_days == []  # Estonia's are half days
    assert shorter_days_text(country_profile("SA", "en").shorter_days) == "Ramadan 08:00–14:00"


def test_a_friday_afternoon_in_the_emirates_is_off_hours() -> None:
    """The notes said the Emirates' Friday is short, yet Dubai at 14:30 on a Friday was
    "Working hours": the government's Friday ends at noon (SHORT_WEEKDAYS)."""
    from accountdesk.core.bidi import plain
    from accountdesk.core.timekeeping.workhours import status_text

    friday = date(2027, 1, 8)
    status = work_status(_at(friday, 14, 30, "Asia/Dubai"), "Asia/Dubai", "AE", "DU", lang="en")
    assert not status.working and status.reason == "outside_hours"
    assert plain(status_text(status)) == "Off hours: Friday, work ends at 12:00"
    morning = work_status(_at(friday, 10, 0, "Asia/Dubai"), "Asia/Dubai", "AE", None, lang="en")
    assert morning.working
    thursday = _at(date(2027, 1, 7), 14, 30, "Asia/Dubai")
    assert work_status(thursday, "Asia/Dubai", "AE", None, lang="en").working


def test_a_friday_in_ramadan_in_the_emirates_is_as_short_as_the_shortest_rule() -> None:
    """Two rules shorten a Friday in Ramadan in the Emirates: Ramadan's (two hours shorter,
    09:00-16:00) and Friday's (three hours at most, 09:00-12:00). The first that applied was
    taken, so the Friday of the fast ran to 16:00, longer than any other Friday: the status,
    the slot check, the planner and the trip brief offered its afternoon."""
    from accountdesk.core.bidi import plain
    from accountdesk.core.timekeeping.planner import trip_outlook
    from accountdesk.core.timekeeping.workhours import status_text

    zone = "Asia/Dubai"
    friday = FASTING + timedelta(days=4)  # 19 February 2027
    assert friday.weekday() == 4 and season_on("AE", "ramadan", friday) is not None
    hours = WorkingHours.for_country("AE")
    found = working_day(friday, zone, hours, "AE", None, lang="en")
    assert found.window is not None and found.window[1].time() == time(12)
    assert found.short_day is not None and found.short_day.name == "Friday"
    # the status (the contact list, Today's "working now", the panel, `accountdesk contact`)
    status = work_status(_at(friday, 14, 0, zone), zone, "AE", None, hours, lang="en")
    assert (status.working, status.reason) == (False, "outside_hours")
    assert plain(status_text(status)) == "Off hours: Friday, work ends at 12:00"
    assert work_status(_at(friday, 11, 0, zone), zone, "AE", None, hours).working
    # the slot check of the scheduling dialog
    warnings = check_slot(datetime.combine(friday, time(14)), zone, hours, "AE", None)
    assert [w.code for w in warnings] == ["outside_hours"] and "09:00–12:00" in warnings[0].message
    # the planner: the last start of a 30-minute meeting is 11:30, as on any Friday
    grid = plan([Participant("ae", "AE", zone, "AE", None, hours)], friday, 1, zone)
    cells = {c.local.time(): c.state for c in grid.row("ae").cells}
    assert cells[time(11, 30)] == "work" and cells[time(12)] == "off"
    assert cells[time(15)] == "off"
    # the trip brief's meetings: within the morning
    day = trip_outlook("AE", None, zone, friday, friday, hours, lang="en").days[0]
    assert day.window is not None and day.window[1].time() == time(12)
    assert day.slots and all(s.astimezone(ZoneInfo(zone)).time() <= time(11) for s in day.slots)
    # Ramadan's other days still end at 16:00
    thursday = working_day(friday - timedelta(days=1), zone, hours, "AE", None, lang="en")
    assert thursday.window is not None and thursday.window[1].time() == time(16)
    assert thursday.short_day is not None and thursday.short_day.name == "Ramadan"


def test_a_day_two_rules_shorten_is_named_by_the_one_that_ends_it() -> None:
    """For hours of 09:00-13:00, Ramadan's two hours end a Friday of the fast at 11:00, before
    Friday's three hours would (12:00): the day ends at 11:00, named after Ramadan."""
    hours = WorkingHours.for_contact("AE", "09:00", "13:00", subdivision=None)
    friday = FASTING + timedelta(days=4)
    found = working_day(friday, "Asia/Dubai", hours, "AE", None, lang="en")
    assert found.window is not None and found.window[1].time() == time(11)
    assert found.short_day is not None and found.short_day.name == "Ramadan"
    # the combination: the most any rule shortens by, the least any allows
    day = date(2031, 6, 6)
    both = ShortDay.of_all(
        [
            ShortDay(day, "Fast", shortened=timedelta(hours=2)),
            ShortDay(day, "Eve", shortened=timedelta(hours=1), at_most=timedelta(hours=5)),
        ],
        "Fast and Eve",
    )
    assert (both.shortened, both.at_most) == (timedelta(hours=2), timedelta(hours=5))
    cal = StaticCalendar(short_days={"XX": {day: both}})
    nine_to_six = working_day(day, "UTC", WorkingHours(time(9), time(18)), "XX", None, cal)
    assert nine_to_six.window is not None and nine_to_six.window[1].time() == time(14)
    assert nine_to_six.short_day is not None and nine_to_six.short_day.name == "Eve"
    nine_to_one = working_day(day, "UTC", WorkingHours(time(9), time(13)), "XX", None, cal)
    assert nine_to_one.window is not None and nine_to_one.window[1].time() == time(11)
    assert nine_to_one.short_day is not None and nine_to_one.short_day.name == "Fast"
