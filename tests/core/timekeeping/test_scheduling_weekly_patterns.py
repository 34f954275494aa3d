"""suggest_slots when the weekly patterns of working hours cannot meet: the answer without
walking the days (the user in Berlin, 09:00-17:00, and a contact in Auckland), and the same
slots as a walk through every day wherever they can meet, if only in some weeks of the year
because the two zones change their clocks on different dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from accountdesk.core.settings import UserCalendar
from accountdesk.core.timekeeping import scheduling
from accountdesk.core.timekeeping.calendars import (
    HalfDay,
    ShortDay,
    SimpleHoliday,
    StaticCalendar,
)
from accountdesk.core.timekeeping.scheduling import check_slot, suggest_slots
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import to_wall

NINE_TO_FIVE = WorkingHours(time(9), time(17))
ME_IN_BERLIN = UserCalendar("Europe/Berlin", True, "DE", None, NINE_TO_FIVE)
HOLIDAYS = StaticCalendar(
    holidays={
        "DE": {date(2027, 3, 29): "Easter Monday", date(2026, 10, 3): "German Unity Day"},
        "NZ": {date(2026, 10, 26): "Labour Day"},
        "JP": {date(2027, 3, 22): "Vernal Equinox Day (observed)"},
    }
)


@dataclass
class CountingCalendar:
    """A calendar that counts the days it is asked about: how many days a search walked."""

    inner: StaticCalendar = HOLIDAYS
    days: set[tuple[str | None, date]] = field(default_factory=set)

    def weekend_days(self, country: str | None, subdivision: str | None = None) -> frozenset[int]:
        return self.inner.weekend_days(country, subdivision)

    def weekend_workday(self, country: str | None, subdivision: str | None, day: date) -> bool:
        return self.inner.weekend_workday(country, subdivision, day)

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> SimpleHoliday | None:
        self.days.add((country, day))
        return self.inner.holiday_on(country, subdivision, day, lang)

    def half_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HalfDay | None:
        return self.inner.half_day_on(country, subdivision, day, lang)

    def short_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> ShortDay | None:
        return self.inner.short_day_on(country, subdivision, day, lang)

    def business_hours(self, country: str | None) -> object:
        return self.inner.business_hours(country)


def _walked(*args: object, **kwargs: object) -> list[datetime]:
    """suggest_slots walking through every day, as it did before it read the weekly
    patterns: the reference the quick answers are held to."""
    with mock.patch.object(scheduling, "_quiet", lambda *_a: []):
        return suggest_slots(*args, **kwargs)  # type: ignore[arg-type]


def test_hours_that_never_meet_are_answered_without_walking_the_days() -> None:
    # Auckland is 11 to 13 hours ahead of Berlin: their 09:00-17:00 is 20:00-06:00 in Berlin.
    calendar = CountingCalendar()
    after = datetime(2026, 4, 10, 8, tzinfo=UTC)
    auckland = ("Pacific/Auckland", NINE_TO_FIVE, "NZ", None)
    assert suggest_slots(after, *auckland, calendar, also=[ME_IN_BERLIN]) == []
    assert calendar.days == set()  # not a single day looked at
    # the same answer a walk through all 400 days gives
    walking = CountingCalendar()
    assert _walked(after, *auckland, walking, also=[ME_IN_BERLIN]) == []
    assert len(walking.days) > 500  # every working day of the year, in both countries


def test_a_contact_alone_whose_window_is_shorter_than_the_meeting_has_no_slot() -> None:
    calendar = CountingCalendar()
    short = WorkingHours(time(9), time(9, 30))
    after = datetime(2026, 4, 10, 8, tzinfo=UTC)
    hour = timedelta(hours=1)
    assert suggest_slots(after, "Asia/Tokyo", short, "JP", None, calendar, duration=hour) == []
    assert calendar.days == set()
    half = suggest_slots(after, "Asia/Tokyo", short, "JP", None, calendar, count=1)
    assert [to_wall(s, "Asia/Tokyo") for s in half] == [datetime(2026, 4, 13, 9)]


def test_tokyo_in_the_winter_is_found_again_in_the_spring_without_walking_the_winter() -> None:
    # Tokyo's 09:00-17:00 is 00:00-08:00 UTC; Berlin's is 08:00-16:00 UTC in the winter (no
    # time shared) and 07:00-15:00 from 28 March 2027: 16:00-17:00 in Tokyo. Easter Monday,
    # 29 March, is a holiday in Berlin.
    calendar = CountingCalendar()
    after = datetime(2026, 11, 2, 8, tzinfo=UTC)
    tokyo = ("Asia/Tokyo", NINE_TO_FIVE, "JP", None)
    slots = suggest_slots(after, *tokyo, calendar, also=[ME_IN_BERLIN])
    assert [to_wall(s, "Asia/Tokyo") for s in slots] == [
        datetime(2027, 3, 30, 16),
        datetime(2027, 3, 30, 16, 30),
        datetime(2027, 3, 31, 16),
    ]
    assert str(slots[0].tzinfo) == "Asia/Tokyo"
    assert slots == _walked(after, *tokyo, HOLIDAYS, also=[ME_IN_BERLIN])
    walked = {day for _country, day in calendar.days}
    assert min(walked) >= date(2027, 3, 20)  # the winter was skipped, not walked
    for slot in slots:
        wall = to_wall(slot, "Asia/Tokyo")
        assert check_slot(wall, *tokyo, HOLIDAYS, mine=ME_IN_BERLIN) == []


def test_hours_that_meet_only_while_the_clocks_disagree_are_found() -> None:
    # New York 11:30-12:00 and Berlin 09:00-17:00 share half an hour only while New York is on
    # summer time and Berlin is not: from the second Sunday of March to the last one, and from
    # the last Sunday of October to the first Sunday of November.
    york = ("America/New_York", WorkingHours(time(11, 30), time(12)), "US", None)
    spring = datetime(2026, 4, 10, 8, tzinfo=UTC)
    slots = suggest_slots(spring, *york, HOLIDAYS, also=[ME_IN_BERLIN])
    assert [to_wall(s, "America/New_York") for s in slots] == [
        datetime(2026, 10, 26, 11, 30),
        datetime(2026, 10, 27, 11, 30),
        datetime(2026, 10, 28, 11, 30),
    ]
    assert slots == _walked(spring, *york, HOLIDAYS, also=[ME_IN_BERLIN])
    winter = datetime(2026, 11, 10, 8, tzinfo=UTC)
    slots = suggest_slots(winter, *york, HOLIDAYS, count=10, also=[ME_IN_BERLIN])
    walls = [to_wall(s, "America/New_York") for s in slots]
    assert [w.date() for w in walls] == [
        date(2027, 3, d) for d in (15, 16, 17, 18, 19, 22, 23, 24, 25, 26)
    ]
    assert slots == _walked(winter, *york, HOLIDAYS, count=10, also=[ME_IN_BERLIN])


ZONES = [
    "Europe/Berlin",
    "Pacific/Auckland",
    "Asia/Tokyo",
    "America/New_York",
    "Australia/Lord_Howe",  # half an hour of summer time
    "Asia/Kolkata",
    "America/Santiago",
]


@settings(max_examples=30, deadline=None)
@given(
    after=st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    theirs=st.sampled_from(ZONES),
    mine=st.sampled_from(ZONES),
    start=st.integers(min_value=0, max_value=47),
    length=st.integers(min_value=1, max_value=18),
    my_start=st.integers(min_value=0, max_value=23),
    my_length=st.integers(min_value=1, max_value=10),
    minutes=st.sampled_from([30, 60, 90]),
)
def test_the_slots_are_those_a_walk_through_every_day_finds(
    after: datetime,
    theirs: str,
    mine: str,
    start: int,
    length: int,
    my_start: int,
    my_length: int,
    minutes: int,
) -> None:
    def half_hours(n: int) -> time:
        return time((n // 2) % 24, 30 * (n % 2))

    hours = WorkingHours(half_hours(start), half_hours(start + length))
    me = UserCalendar(
        mine, True, None, None, WorkingHours(time(my_start), time((my_start + my_length) % 24))
    )
    duration = timedelta(minutes=minutes)
    args = (after, theirs, hours, None, None, HOLIDAYS)
    quick = suggest_slots(*args, count=2, duration=duration, also=[me])
    assert quick == _walked(*args, count=2, duration=duration, also=[me])
