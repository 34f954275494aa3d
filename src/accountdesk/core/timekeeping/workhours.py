"""Working hours of a person in their own zone: is it working time there, and when next?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from accountdesk.core.timekeeping.calendars import (
    SATURDAY_SUNDAY,
    DayCalendar,
    calendar_or_default,
)
from accountdesk.core.timekeeping.zones import get_zone, resolve_wall_time, to_wall

#: How far :func:`next_working_window` looks ahead before giving up.
SEARCH_DAYS = 400


@dataclass(frozen=True)
class WorkingHours:
    """Daily working hours ``start``–``end`` (wall time, ``start`` < ``end``) and weekend days
    (0 = Monday … 6 = Sunday). ``end`` is exclusive; ``time(0)`` as ``end`` means midnight."""

    start: time = time(9, 0)
    end: time = time(17, 0)
    weekend: frozenset[int] = SATURDAY_SUNDAY

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working hours are wall-clock times without a zone")
        if self.end_minute <= self.start_minute:
            raise ValueError(f"working hours must start before they end: {self.start}–{self.end}")
        if not self.weekend <= frozenset(range(7)):
            raise ValueError(f"weekend days are 0 (Monday) to 6 (Sunday): {sorted(self.weekend)}")

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        """Minutes after midnight when work ends (1440 for an ``end`` of midnight)."""
        minutes = self.end.hour * 60 + self.end.minute
        return 1440 if minutes == 0 else minutes

    def contains(self, wall: time | datetime) -> bool:
        """True when the wall time is within the hours (ignores weekends and holidays)."""
        value = wall.time() if isinstance(wall, datetime) else wall
        minute = value.hour * 60 + value.minute + value.second / 60
        return self.start_minute <= minute < self.end_minute

    @classmethod
    def for_country(
        cls,
        country: str | None,
        calendar: DayCalendar | None = None,
        start: time | None = None,
        end: time | None = None,
    ) -> WorkingHours:
        """The country's working week and business hours; ``start``/``end`` override the hours
        (a contact's own working hours)."""
        cal = calendar_or_default(calendar)
        typical = cal.business_hours(country)
        return cls(
            start=start if start is not None else typical.start,
            end=end if end is not None else typical.end,
            weekend=frozenset(cal.weekend_days(country)),
        )


def working_hours_for(
    country: str | None,
    calendar: DayCalendar | None = None,
    start: time | None = None,
    end: time | None = None,
) -> WorkingHours:
    """Same as :meth:`WorkingHours.for_country`."""
    return WorkingHours.for_country(country, calendar, start, end)


def is_working_day(
    day: date,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
) -> bool:
    """Not a weekend day of ``hours`` and not a public holiday there."""
    if day.weekday() in hours.weekend:
        return False
    cal = calendar_or_default(calendar)
    return cal.holiday_on(country, subdivision, day) is None


def is_working_time(
    instant: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
) -> bool:
    """Is the aware ``instant`` inside working hours in ``zone``, on a working day there?"""
    wall = to_wall(instant, zone)
    if not hours.contains(wall):
        return False
    return is_working_day(wall.date(), hours, country, subdivision, calendar)


def _wall_of_minute(day: date, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day) + timedelta(minutes=minute)


def window_on(day: date, zone: str, hours: WorkingHours) -> tuple[datetime, datetime]:
    """The working window of ``day`` in ``zone`` as aware datetimes in that zone (the DST rule
    of :func:`resolve_wall_time` applies to a start or end in a gap)."""
    tz = get_zone(zone)
    start = resolve_wall_time(_wall_of_minute(day, hours.start_minute), zone).instant
    end = resolve_wall_time(_wall_of_minute(day, hours.end_minute), zone).instant
    return start.astimezone(tz), end.astimezone(tz)


def next_working_window(
    instant: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
) -> tuple[datetime, datetime]:
    """The working window in force at ``instant``, or the next one, as aware datetimes in
    ``zone``. When ``instant`` is inside a window, that window is returned (its start is not
    after ``instant``). Raises ValueError when there is none within :data:`SEARCH_DAYS` days."""
    cal = calendar_or_default(calendar)
    day = to_wall(instant, zone).date()
    for _ in range(SEARCH_DAYS):
        if is_working_day(day, hours, country, subdivision, cal):
            start, end = window_on(day, zone, hours)
            if end > instant:
                return start, end
        day += timedelta(days=1)
    raise ValueError(f"no working day within {SEARCH_DAYS} days in {zone}")
