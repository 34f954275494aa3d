"""Working hours, slot warnings and suggestions, with calendars given as data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.settings import UserCalendar
from accountdesk.core.timekeeping.calendars import StaticCalendar
from accountdesk.core.timekeeping.scheduling import check_slot, suggest_slots
from accountdesk.core.timekeeping.workhours import (
    WorkingHours,
    is_working_time,
    next_working_window,
)
from accountdesk.core.timekeeping.zones import to_wall

FRI_SAT = frozenset({4, 5})
FRIDAY = frozenset({4})
CAL = StaticCalendar(
    weekends={"IR": FRIDAY, "SA": FRI_SAT, "IL": FRI_SAT},
    hours={"IR": (time(8), time(16)), "SA": (time(9), time(17))},
    holidays={
        "TR": {date(2025, 4, 23): "National Sovereignty and Children's Day"},
        "IR": {date(2025, 3, 21): "Nowruz"},
        "SA": {date(2025, 9, 23): "Saudi National Day"},
        "DE": {date(2025, 10, 3): "German Unity Day"},
        "DE-BY": {date(2025, 8, 15): "Assumption Day"},
        "LV": {date(2025, 5, 1): "Labour Day"},
    },
)
TR_HOURS = WorkingHours(time(9), time(18))


def codes(warnings: list) -> set[str]:  # type: ignore[type-arg]
    return {w.code for w in warnings}


def test_working_hours_from_the_calendar_and_an_override() -> None:
    iran = WorkingHours.for_country("IR", CAL)
    assert iran == WorkingHours(time(8), time(16), FRIDAY)
    own = WorkingHours.for_country("IR", CAL, start=time(10), end=time(14))
    assert (own.start, own.end, own.weekend) == (time(10), time(14), FRIDAY)
    night = WorkingHours(time(18), time(9))
    assert night.overnight and night.contains(time(23)) and not night.contains(time(12))
    with pytest.raises(ValueError):
        WorkingHours(time(9), time(9))
    with pytest.raises(ValueError):
        WorkingHours(time(9), time(17), frozenset({7}))


def test_is_working_time_respects_weekend_holiday_and_hours() -> None:
    hours = WorkingHours.for_country("SA", CAL)
    riyadh = "Asia/Riyadh"  # UTC+3
    sunday_10 = datetime(2025, 6, 1, 7, tzinfo=UTC)
    friday_10 = datetime(2025, 6, 6, 7, tzinfo=UTC)
    assert is_working_time(sunday_10, riyadh, hours, "SA", None, CAL)  # Sunday works there
    assert not is_working_time(friday_10, riyadh, hours, "SA", None, CAL)
    national_day = datetime(2025, 9, 23, 7, tzinfo=UTC)
    assert not is_working_time(national_day, riyadh, hours, "SA", None, CAL)
    evening = datetime(2025, 6, 1, 15, tzinfo=UTC)  # 18:00 there
    assert not is_working_time(evening, riyadh, hours, "SA", None, CAL)


def test_subdivision_holidays_count() -> None:
    hours = WorkingHours()
    noon = datetime(2025, 8, 15, 10, tzinfo=UTC)
    assert is_working_time(noon, "Europe/Berlin", hours, "DE", None, CAL)
    assert not is_working_time(noon, "Europe/Berlin", hours, "DE", "BY", CAL)


def test_next_working_window_skips_the_iranian_friday_and_nowruz() -> None:
    hours = WorkingHours.for_country("IR", CAL)
    thursday_evening = datetime(2025, 3, 20, 14, tzinfo=UTC)  # 17:30 Tehran, Thursday
    start, end = next_working_window(thursday_evening, "Asia/Tehran", hours, "IR", None, CAL)
    # Friday 21 March is both the weekend and Nowruz; Saturday is a working day in Iran
    assert start.replace(tzinfo=None) == datetime(2025, 3, 22, 8)
    assert end.replace(tzinfo=None) == datetime(2025, 3, 22, 16)
    assert str(start.tzinfo) == "Asia/Tehran"
    inside = datetime(2025, 3, 22, 6, tzinfo=UTC)
    assert next_working_window(inside, "Asia/Tehran", hours, "IR", None, CAL) == (start, end)


def test_next_working_window_with_no_working_day_raises() -> None:
    hours = WorkingHours(weekend=frozenset(range(7)))
    with pytest.raises(ValueError):
        next_working_window(datetime(2025, 1, 1, tzinfo=UTC), "UTC", hours, None, None, CAL)


def test_check_slot_reports_holiday_by_name_weekend_and_hours() -> None:
    warnings = check_slot(datetime(2025, 4, 23, 20), "Europe/Istanbul", TR_HOURS, "TR", None, CAL)
    assert codes(warnings) == {"holiday", "outside_hours"}
    holiday = next(w for w in warnings if w.code == "holiday")
    assert holiday.holiday == "National Sovereignty and Children's Day"
    assert "National Sovereignty" in holiday.message
    assert "Türkiye" in holiday.message or "Turkey" in holiday.message
    saturday = check_slot(datetime(2025, 4, 26, 10), "Europe/Istanbul", TR_HOURS, "TR", None, CAL)
    assert codes(saturday) == {"weekend"}
    good = check_slot(datetime(2025, 4, 24, 10), "Europe/Istanbul", TR_HOURS, "TR", None, CAL)
    assert good == []


def test_check_slot_reports_dst_gap_and_overlap() -> None:
    hours = WorkingHours(time(0), time(0), FRI_SAT)  # all day: only DST and weekend remain
    gap = check_slot(datetime(2025, 3, 31, 2, 30), "Europe/Riga", hours, None, None, CAL)
    assert codes(gap) == set()  # Monday 31 March is not the change night
    gap = check_slot(datetime(2025, 3, 27, 2, 30), "Asia/Jerusalem", hours, "IL", None, CAL)
    assert codes(gap) == set()
    gap = check_slot(datetime(2025, 3, 28, 2, 30), "Asia/Jerusalem", hours, "IL", None, CAL)
    assert codes(gap) == {"dst_gap", "weekend"}  # Friday in Israel
    overlap = check_slot(datetime(2025, 11, 2, 1, 30), "America/New_York", hours, "US", None, CAL)
    assert "dst_overlap" in codes(overlap)
    message = next(w.message for w in overlap if w.code == "dst_overlap")
    assert "first" in message


def test_check_slot_with_a_duration_past_the_end() -> None:
    warnings = check_slot(
        datetime(2025, 4, 24, 17, 45),
        "Europe/Istanbul",
        TR_HOURS,
        "TR",
        None,
        CAL,
        duration=timedelta(minutes=30),
    )
    assert codes(warnings) == {"outside_hours"}
    # it says that the call ends after work does: "17:45 is outside working hours in Turkey
    # (09:00–18:00)" contradicted its own hours
    assert [w.message for w in warnings] == [
        "A call of \u206830 min\u2069 at 17:45 would end after 18:00, when working hours in "
        "Türkiye end."
    ]
    # a slot that starts after work says that it is outside the hours, the duration aside
    late = check_slot(
        datetime(2025, 4, 24, 18, 15), "Europe/Istanbul", TR_HOURS, "TR", None, CAL,
        duration=timedelta(minutes=30),
    )  # fmt: skip
    assert [w.message for w in late] == ["18:15 is outside working hours in Türkiye (09:00–18:00)."]


def test_a_slot_that_runs_past_my_working_day_says_so_on_my_side() -> None:
    """16:45 in Riga for half an hour, where both days end at 17:00 (the review's Latvian
    contact): "16:45 is outside working hours in Latvia (08:30–17:00)" and "For you it is 16:45:
    outside your working hours (09:00–17:00)" said of a time inside both ranges."""
    riga = WorkingHours(time(8, 30), time(17))
    warnings = check_slot(
        datetime(2025, 4, 24, 16, 45), "Europe/Riga", riga, "LV", None, CAL,
        duration=timedelta(minutes=30), mine=ME_IN_RIGA,
    )  # fmt: skip
    assert [(w.code, w.message) for w in warnings] == [
        (
            "outside_hours",
            "A call of \u206830 min\u2069 at 16:45 would end after 17:00, when working hours "
            "in Latvia end.",
        ),
        (
            "my_outside_hours",
            "For you, a call of \u206830 min\u2069 at 16:45 would end after 17:00, when your "
            "working hours end.",
        ),
    ]
    early = check_slot(
        datetime(2025, 4, 24, 8, 45), "Europe/Riga", riga, "LV", None, CAL,
        duration=timedelta(minutes=30), mine=ME_IN_RIGA,
    )  # fmt: skip
    assert [w.message for w in early] == [
        "For you it is 08:45: outside your working hours (09:00–17:00)."
    ]


def test_suggest_slots_moves_past_weekend_and_holiday() -> None:
    friday_evening = datetime(2025, 4, 18, 16, tzinfo=UTC)  # 19:00 Istanbul
    slots = suggest_slots(friday_evening, "Europe/Istanbul", TR_HOURS, "TR", None, CAL, count=3)
    assert [to_wall(s, "Europe/Istanbul") for s in slots] == [
        datetime(2025, 4, 21, 9),
        datetime(2025, 4, 21, 9, 30),
        datetime(2025, 4, 21, 10),
    ]
    before_holiday = datetime(2025, 4, 22, 14, 50, tzinfo=UTC)  # 17:50, Tuesday
    slots = suggest_slots(before_holiday, "Europe/Istanbul", TR_HOURS, "TR", None, CAL, count=1)
    assert to_wall(slots[0], "Europe/Istanbul") == datetime(2025, 4, 24, 9)  # 23rd is a holiday


def test_suggest_slots_in_nepal_are_on_local_half_hours() -> None:
    after = datetime(2025, 6, 2, 3, 20, tzinfo=UTC)  # 09:05 Kathmandu
    slots = suggest_slots(after, "Asia/Kathmandu", WorkingHours(), "NP", None, CAL, count=2)
    assert [to_wall(s, "Asia/Kathmandu") for s in slots] == [
        datetime(2025, 6, 2, 9, 30),
        datetime(2025, 6, 2, 10),
    ]


@settings(max_examples=200, deadline=None)
@given(
    after=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(
        [
            "Europe/Istanbul",
            "Asia/Tehran",
            "Asia/Riyadh",
            "Asia/Jerusalem",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "Pacific/Kiritimati",
        ]
    ),
    country=st.sampled_from(["TR", "IR", "SA", "IL", "US", "DE"]),
    minutes=st.sampled_from([30, 60, 90]),
)
def test_every_suggested_slot_passes_check_slot(
    after: datetime, zone: str, country: str, minutes: int
) -> None:
    hours = WorkingHours.for_country(country, CAL)
    duration = timedelta(minutes=minutes)
    slots = suggest_slots(after, zone, hours, country, None, CAL, count=3, duration=duration)
    assert len(slots) == 3
    assert slots == sorted(slots) and slots[0] >= after
    for slot in slots:
        wall = to_wall(slot, zone)
        assert wall.minute in (0, 30) and wall.second == 0
        assert check_slot(wall, zone, hours, country, None, CAL, duration=duration) == []


ME_IN_RIGA = UserCalendar("Europe/Riga", True, "LV", None, WorkingHours(time(9), time(17)))
IR_HOURS = WorkingHours(time(8), time(16), FRIDAY)


def test_check_slot_warns_on_my_side_too() -> None:
    # Saturday 22 March 2025, 10:00 in Tehran: a working day there, but 08:30 on a Saturday
    # in Riga.
    saturday = datetime(2025, 3, 22, 10)
    assert check_slot(saturday, "Asia/Tehran", IR_HOURS, "IR", None, CAL) == []
    warnings = check_slot(saturday, "Asia/Tehran", IR_HOURS, "IR", None, CAL, mine=ME_IN_RIGA)
    assert codes(warnings) == {"my_weekend", "my_outside_hours"}
    mine = next(w for w in warnings if w.code == "my_outside_hours")
    assert "08:30" in mine.message and "09:00–17:00" in mine.message
    # Thursday 1 May 2025, 14:00 in Tehran is 13:30 in Riga: Labour Day there
    may_day = check_slot(
        datetime(2025, 5, 1, 14), "Asia/Tehran", IR_HOURS, "IR", None, CAL, mine=ME_IN_RIGA
    )
    assert codes(may_day) == {"my_holiday"}
    assert may_day[0].holiday == "Labour Day" and "Labour Day" in may_day[0].message
    # 15:30 in Tehran (14:00 in Riga) for an hour: past the end of their day, not of mine
    late = check_slot(
        datetime(2025, 5, 6, 15, 30), "Asia/Tehran", IR_HOURS, "IR", None, CAL,
        duration=timedelta(hours=1), mine=ME_IN_RIGA,
    )  # fmt: skip
    assert codes(late) == {"outside_hours"}
    good = check_slot(
        datetime(2025, 5, 6, 12), "Asia/Tehran", IR_HOURS, "IR", None, CAL, mine=ME_IN_RIGA
    )
    assert good == []


def test_check_slot_measures_the_duration_in_real_time_across_a_dst_jump() -> None:
    # Friday 28 March 2025 in Jerusalem the clocks jump from 02:00 to 03:00. An hour from
    # 01:30 ends at 03:30 on the wall: after the 00:00–03:00 working window.
    hours = WorkingHours(time(0), time(3), frozenset())
    half = check_slot(
        datetime(2025, 3, 28, 1, 30), "Asia/Jerusalem", hours, None, None, CAL,
        duration=timedelta(minutes=30),
    )  # fmt: skip
    assert half == []
    hour = check_slot(
        datetime(2025, 3, 28, 1, 30), "Asia/Jerusalem", hours, None, None, CAL,
        duration=timedelta(hours=1),
    )  # fmt: skip
    assert codes(hour) == {"outside_hours"}


def test_night_hours_belong_to_the_day_they_start() -> None:
    night = WorkingHours(time(22), time(6))  # Monday to Friday nights
    friday_night = datetime(2025, 4, 26, 2)  # Saturday 02:00: Friday's shift
    assert check_slot(friday_night, "Europe/Istanbul", night, "TR", None, CAL) == []
    saturday_night = datetime(2025, 4, 27, 2)  # Sunday 02:00: Saturday's, a weekend day
    assert codes(check_slot(saturday_night, "Europe/Istanbul", night, "TR", None, CAL)) == {
        "weekend"
    }
    after = datetime(2025, 4, 25, 12, tzinfo=UTC)  # Friday 15:00 in Istanbul
    slots = suggest_slots(after, "Europe/Istanbul", night, "TR", None, CAL, count=2)
    assert [to_wall(s, "Europe/Istanbul") for s in slots] == [
        datetime(2025, 4, 25, 22),
        datetime(2025, 4, 25, 22, 30),
    ]


def test_suggest_slots_good_for_me_too() -> None:
    # Friday 2 May 2025, 09:00 UTC: Iran's weekend; on Saturday Tehran works and Riga does
    # not; Sunday neither; Monday 5 May at 09:00 Riga (09:30 Tehran) both do.
    after = datetime(2025, 5, 2, 9, tzinfo=UTC)
    theirs = suggest_slots(after, "Asia/Tehran", IR_HOURS, "IR", None, CAL, count=1)
    assert to_wall(theirs[0], "Asia/Tehran") == datetime(2025, 5, 3, 8)
    both = suggest_slots(
        after, "Asia/Tehran", IR_HOURS, "IR", None, CAL, count=3, also=[ME_IN_RIGA]
    )
    assert [to_wall(s, "Asia/Tehran") for s in both] == [
        datetime(2025, 5, 5, 9, 30),
        datetime(2025, 5, 5, 10),
        datetime(2025, 5, 5, 10, 30),
    ]
    for slot in both:
        wall = to_wall(slot, "Asia/Tehran")
        assert check_slot(wall, "Asia/Tehran", IR_HOURS, "IR", None, CAL, mine=ME_IN_RIGA) == []


@settings(max_examples=100, deadline=None)
@given(
    after=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(
        ["Asia/Tehran", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Tokyo"]
    ),
    country=st.sampled_from(["TR", "IR", "SA", "IL", "US"]),
    start=st.integers(min_value=0, max_value=23),
    length=st.integers(min_value=2, max_value=12),
)
def test_every_slot_good_for_both_passes_check_slot_on_both_sides(
    after: datetime, zone: str, country: str, start: int, length: int
) -> None:
    hours = WorkingHours(time(start), time((start + length) % 24), CAL.weekend_days(country))
    slots = suggest_slots(after, zone, hours, country, None, CAL, count=2, also=[ME_IN_RIGA])
    assert slots == sorted(slots) and all(s >= after for s in slots)
    for slot in slots:
        wall = to_wall(slot, zone)
        assert wall.minute in (0, 30)
        found = check_slot(
            wall, zone, hours, country, None, CAL, duration=timedelta(minutes=30), mine=ME_IN_RIGA
        )
        assert found == []
