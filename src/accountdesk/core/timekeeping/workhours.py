"""Working time of a person in their own zone: the one home of the rule.

Is it working time there, why not, and when is the next working window? Every screen, command
and report asks here: the contact list, Today, the reach-out panel, the planner, scheduling
warnings, stay-in-touch placement, the trip brief and ``accountdesk contact``.

The rule: a person works inside their daily hours (their own when set, else the country's
business hours from the etiquette data, else 09:00–17:00) on a day that is not their country's
weekend (from the culture calendar: Friday in Iran, Friday–Saturday in Saudi Arabia and in
Kelantan; a weekend day that the law makes a working day, China's and Latvia's bridge days, is
one) and not a public holiday there (country and subdivision). On a half-day holiday there
work ends when the holiday starts (13:00 in Turkey; the culture calendar's table), and a day
whose hours begin after that is off. A day the law shortens ends earlier (Ramadan in the Gulf
states: six hours at most in Saudi Arabia, two hours shorter in the Emirates). Hours may run
across midnight (22:00–06:00): the early hours then belong to the window of the day before,
whose weekend and holidays count. :func:`working_day` is the rule for one day; everything
else here, the planner and the slot finder call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import N_, _, format_time
from accountdesk.core.timekeeping.calendars import (
    SATURDAY_SUNDAY,
    DayCalendar,
    HalfDayLike,
    HolidayLike,
    ShortDayLike,
    calendar_or_default,
)
from accountdesk.core.timekeeping.zones import get_zone, resolve_wall_time, to_wall

#: How far :func:`next_working_window` looks ahead before giving up.
SEARCH_DAYS = 400

#: Why someone is not working: a weekend day, a public holiday, or outside their hours.
Reason = Literal["weekend", "holiday", "outside_hours"]


@dataclass(frozen=True)
class WorkingHours:
    """Daily working hours ``start``–``end`` (wall time) and weekend days (0 = Monday … 6 =
    Sunday). ``end`` is exclusive; ``time(0)`` as ``end`` means midnight. An ``end`` before
    ``start`` is a window across midnight (a night shift)."""

    start: time = time(9, 0)
    end: time = time(17, 0)
    weekend: frozenset[int] = SATURDAY_SUNDAY

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working hours are wall-clock times without a zone")
        if self.end_minute == self.start_minute:
            raise ValueError(f"working hours must not be empty: {self.start}–{self.end}")
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

    @property
    def overnight(self) -> bool:
        """True when the window runs across midnight into the next day."""
        return self.end_minute < self.start_minute

    def contains(self, wall: time | datetime) -> bool:
        """True when the wall time is within the hours (ignores weekends and holidays)."""
        value = wall.time() if isinstance(wall, datetime) else wall
        minute = value.hour * 60 + value.minute + value.second / 60
        if self.overnight:
            return minute >= self.start_minute or minute < self.end_minute
        return self.start_minute <= minute < self.end_minute

    @property
    def week_start(self) -> int:
        """The first day of the working week (0 = Monday … 6 = Sunday): the first day of its
        longest run of working days. Monday with a Saturday–Sunday weekend, Saturday with
        Iran's Friday, Sunday with Friday–Saturday (Israel, Saudi Arabia) or Nepal's Saturday,
        Monday with Brunei's Friday and Sunday (Saturday alone is a shorter run)."""
        best, longest = 0, 0
        for day in range(7):
            if day in self.weekend or (day - 1) % 7 not in self.weekend:
                continue  # not the first working day after a day off
            length = 0
            while length < 7 and (day + length) % 7 not in self.weekend:
                length += 1
            if length > longest:
                best, longest = day, length
        return best

    def day_of(self, wall: datetime) -> date:
        """The day whose window the wall time belongs to (the day before, in the early hours
        of a window across midnight)."""
        value = wall.time()
        if self.overnight and value.hour * 60 + value.minute < self.end_minute:
            return wall.date() - timedelta(days=1)
        return wall.date()

    @classmethod
    def for_country(
        cls,
        country: str | None,
        calendar: DayCalendar | None = None,
        start: time | None = None,
        end: time | None = None,
        *,
        subdivision: str | None = None,
    ) -> WorkingHours:
        """The country's working week (the region's, where its weekend differs: Kelantan's
        Friday–Saturday) and business hours; ``start``/``end`` override the hours (a contact's
        own working hours)."""
        cal = calendar_or_default(calendar)
        typical = cal.business_hours(country)
        return cls(
            start=start if start is not None else typical.start,
            end=end if end is not None else typical.end,
            weekend=frozenset(cal.weekend_days(country, subdivision)),
        )

    @classmethod
    def for_contact(
        cls,
        country: str | None,
        work_start: str | time | None,
        work_end: str | time | None,
        calendar: DayCalendar | None = None,
        *,
        subdivision: str | None,
    ) -> WorkingHours:
        """A contact's hours: their own ``HH:MM`` start and end when both are set, else their
        country's, always with the weekend of their country and region (``subdivision``, to
        be given: Kelantan rests on Friday, the rest of Malaysia on Sunday)."""
        start, end = _as_time(work_start), _as_time(work_end)
        if start is None or end is None:
            start = end = None
        return cls.for_country(country, calendar, start, end, subdivision=subdivision)


def _as_time(value: str | time | None) -> time | None:
    if value is None or isinstance(value, time):
        return value
    return time.fromisoformat(value) if value else None


@dataclass(frozen=True)
class WorkDay:
    """One day of someone's working week: ``weekend``, the public ``holiday``, the
    ``half_day`` holiday (not public) when it ends work early (None for one that starts after
    work, Queensland's 18:00), and the working window (aware, their zone) when they work that
    day: the day's hours, ending when a half-day holiday starts. ``off`` says why there is no
    window."""

    day: date
    weekend: bool
    holiday: HolidayLike | None
    half_day: HalfDayLike | None
    window: tuple[datetime, datetime] | None
    #: When the ``half_day`` holiday begins (aware, their zone): before it the day is an
    #: ordinary one, off hours outside the window, even when the holiday leaves no window.
    half_day_from: datetime | None = None
    #: Why the window is shorter by law that day (Ramadan in the Gulf states), or None.
    short_day: ShortDayLike | None = None

    @property
    def off(self) -> Literal["weekend", "holiday"] | None:
        if self.weekend:
            return "weekend"
        if self.window is None:
            return "holiday"
        return None

    def holiday_at(self, instant: datetime) -> bool:
        """Is ``instant`` (aware) within this day's holiday: any time of a public holiday
        (the day is off), on a half-day holiday only once it has begun."""
        if self.holiday is not None:
            return True
        if self.half_day is None:
            return False
        return self.half_day_from is None or instant >= self.half_day_from

    @property
    def off_name(self) -> str | None:
        """The holiday's name when the day is off and a holiday: a public holiday, on a
        weekend too (Christmas on a Saturday is both), or a half day that starts before work
        does."""
        if self.off is None:
            return None
        if self.holiday is not None:
            return self.holiday.name
        return self.half_day.name if self.off == "holiday" and self.half_day else None


def _minutes(
    day: date,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    cal: DayCalendar,
    lang: str | None,
) -> tuple[bool, HolidayLike | None, HalfDayLike | None, int | None, int | None]:
    """The rule, in wall minutes of ``day``: weekend, public holiday, half-day holiday, the
    minute work ends (after ``hours.start_minute``; past 1440 across midnight), None when the
    day has no working window, and the minute the half-day holiday begins (None without one)."""
    weekend = day.weekday() in hours.weekend
    if weekend and cal.weekend_workday(country, subdivision, day):
        weekend = False  # a working day moved onto the weekend (China's, Latvia's)
    holiday = cal.holiday_on(country, subdivision, day, lang)
    if weekend or holiday is not None:
        return weekend, holiday, None, None, None
    end = hours.end_minute + (1440 if hours.overnight else 0)
    half = cal.half_day_on(country, subdivision, day, lang)
    begins: int | None = None
    if half is not None:
        usual = end
        if half.starts is not None:
            begins = half.starts.hour * 60 + half.starts.minute
            end = min(end, begins)
        elif half.shortened is not None:
            end -= int(half.shortened.total_seconds()) // 60
            begins = end
        if end <= hours.start_minute:
            return False, None, half, None, begins
        if end == usual:
            half, begins = None, None  # it starts after work: the day is a whole one
    return False, None, half, end, begins


def working_day(
    day: date,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
    lang: str | None = None,
) -> WorkDay:
    """The working day ``day`` in ``zone`` for someone with ``hours`` in ``country``
    (``subdivision``): the one rule of whether and when they work that day."""
    cal = calendar_or_default(calendar)
    weekend, holiday, half, end, begins = _minutes(day, hours, country, subdivision, cal, lang)
    short = None
    if end is not None:
        short = cal.short_day_on(country, subdivision, day, lang)
        shorter = None if short is None else shorter_end(hours.start_minute, end, short)
        if short is None or shorter is None:
            short = None
        else:
            # named by the rule that ends it (a Friday in Ramadan in the Emirates: Friday's)
            start = hours.start_minute
            short = next((p for p in short.parts if shorter_end(start, end, p) == shorter), short)
            end = shorter
            if half is not None and begins is not None and begins >= end:
                half, begins = None, None  # the short day ends before the half day begins
    window = None if end is None else _window(day, zone, hours.start_minute, end)
    half_from = None
    if half is not None and begins is not None:
        tz = get_zone(zone)
        half_from = resolve_wall_time(_wall_of_minute(day, begins), zone).instant.astimezone(tz)
    return WorkDay(day, weekend, holiday, half, window, half_from, short)


def shorter_end(start: int, end: int, short: ShortDayLike) -> int | None:
    """The minute a day from ``start`` to ``end`` ends when the law shortens it; None when it
    is not shorter (already short enough) or nothing would be left of it."""
    length = end - start
    if short.shortened is not None:
        length -= int(short.shortened.total_seconds()) // 60
    if short.at_most is not None:
        length = min(length, int(short.at_most.total_seconds()) // 60)
    if length <= 0 or start + length >= end:
        return None
    return start + length


def is_working_day(
    day: date,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
) -> bool:
    """Not a weekend day of ``hours``, not a public holiday there, and not a half-day holiday
    that starts before work does."""
    cal = calendar_or_default(calendar)
    return _minutes(day, hours, country, subdivision, cal, None)[3] is not None


def is_working_time(
    instant: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
) -> bool:
    """Is the aware ``instant`` inside working hours in ``zone``, on a working day there (before
    a half-day holiday starts)?"""
    wall = to_wall(instant, zone)
    if not hours.contains(wall):
        return False
    found = working_day(hours.day_of(wall), zone, hours, country, subdivision, calendar)
    return found.window is not None and instant < found.window[1]


def _wall_of_minute(day: date, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day) + timedelta(minutes=minute)


def window_on(day: date, zone: str, hours: WorkingHours) -> tuple[datetime, datetime]:
    """The working window of ``day`` in ``zone`` as aware datetimes in that zone (the DST rule
    of :func:`resolve_wall_time` applies to a start or end in a gap). A window across midnight
    ends on the next day."""
    end = hours.end_minute + (1440 if hours.overnight else 0)
    return _window(day, zone, hours.start_minute, end)


def _window(day: date, zone: str, start: int, end: int) -> tuple[datetime, datetime]:
    """The window from minute ``start`` to minute ``end`` of ``day`` (past 1440: the next
    day), aware in ``zone``."""
    tz = get_zone(zone)
    begin = resolve_wall_time(_wall_of_minute(day, start), zone).instant
    finish = resolve_wall_time(_wall_of_minute(day, end), zone).instant
    return begin.astimezone(tz), finish.astimezone(tz)


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
    day = to_wall(instant, zone).date() - timedelta(days=1)  # yesterday's night window
    for _step in range(SEARCH_DAYS):
        found = working_day(day, zone, hours, country, subdivision, cal).window
        if found is not None and found[1] > instant:
            return found
        day += timedelta(days=1)
    raise ValueError(f"no working day within {SEARCH_DAYS} days in {zone}")


@dataclass(frozen=True)
class WorkStatus:
    """Where someone's working day stands at an instant.

    ``local`` is the instant on their wall clock (aware, in their zone). When not ``working``,
    ``reason`` says why and ``holiday`` names the public holiday (translated by the calendar),
    or the half-day holiday once it has started.
    ``window_start``/``window_end`` are the window in force (when working) or the next one
    (aware, their zone); None when the caller did not ask for it or none was found within
    :data:`SEARCH_DAYS` days.
    """

    local: datetime
    zone: str
    working: bool
    reason: Reason | None
    holiday: str | None
    hours: WorkingHours
    window_start: datetime | None = None
    window_end: datetime | None = None
    #: The working day ``local`` belongs to (:func:`working_day`): today's own window, and
    #: why the law makes it shorter (Ramadan, Iran's Thursday).
    day: WorkDay | None = None

    @property
    def short_day(self) -> ShortDayLike | None:
        """Why today's working day is shorter than the hours (Ramadan in the Gulf, Iran's
        Thursday), whether or not it has ended; None on an ordinary day."""
        return self.day.short_day if self.day is not None else None

    @property
    def ended_early(self) -> datetime | None:
        """When today's shortened working day ended (aware, their zone), when that is why it
        is not working time now although it is within the usual hours: 17:00 in Dubai in
        Ramadan, the day over at 16:00. None otherwise."""
        day = self.day
        if self.reason != "outside_hours" or day is None or day.short_day is None:
            return None
        if day.window is None or self.local < day.window[1]:
            return None
        return day.window[1] if self.hours.contains(self.local) else None


def work_status(
    instant: datetime,
    zone: str,
    country: str | None,
    subdivision: str | None,
    hours: WorkingHours | None = None,
    calendar: DayCalendar | None = None,
    *,
    window: bool = True,
    lang: str | None = None,
) -> WorkStatus:
    """Is it working time for someone in ``zone`` (``country``, ``subdivision``) at the aware
    ``instant``, and if not, why? ``hours`` defaults to the country's. With ``window`` the
    current or next working window is found too (the list and Today need only the flag)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instant must be timezone-aware")
    cal = calendar_or_default(calendar)
    week = (
        hours
        if hours is not None
        else WorkingHours.for_country(country, cal, subdivision=subdivision)
    )
    local = instant.astimezone(get_zone(zone))
    wall = local.replace(tzinfo=None)
    day = week.day_of(wall)
    reason: Reason | None = None
    holiday_name: str | None = None
    today = working_day(day, zone, week, country, subdivision, cal, lang)
    if today.off == "weekend":
        reason, holiday_name = "weekend", today.off_name  # a public holiday on it is named
    elif today.holiday_at(local):
        found = today.holiday if today.holiday is not None else today.half_day
        reason, holiday_name = "holiday", found.name if found is not None else None
    elif today.window is None or not week.contains(wall) or local >= today.window[1]:
        reason = "outside_hours"  # before a half-day holiday that leaves no work begins, or
        # after a day the law shortens has ended
    start = end = None
    if window:
        try:
            start, end = next_working_window(instant, zone, week, country, subdivision, cal)
        except ValueError:
            start = end = None
    return WorkStatus(local, zone, reason is None, reason, holiday_name, week, start, end, today)


#: What :func:`status_text` says of a status without a name in it.
_WORKING, _WEEKEND, _OFF_HOURS = N_("Working hours"), N_("Weekend"), N_("Off hours")


def status_text(status: WorkStatus) -> str:
    """One short translated phrase for a status: "Working hours", "Weekend", "Holiday:
    Nowruz", "Off hours", "Off hours: Ramadan, work ends at 16:00" (a day the law shortens,
    within the usual hours: the reason, which "Off hours" alone hid). The list, Today and
    the panel all say it this way; the holiday's or day's name is isolated
    (:mod:`accountdesk.core.bidi`)."""
    if status.working:
        return _(_WORKING)
    if status.reason == "weekend":
        if status.holiday:
            return _("Weekend; holiday: {name}").format(name=isolate(status.holiday))
        return _(_WEEKEND)
    if status.reason == "holiday":
        return _("Holiday: {name}").format(name=isolate(status.holiday or ""))
    ended = status.ended_early
    short = status.short_day
    if ended is not None and short is not None:
        return _("Off hours: {name}, work ends at {time}").format(
            name=isolate(short.name), time=format_time(ended)
        )
    return _(_OFF_HOURS)


def status_samples() -> list[str]:
    """The phrases :func:`status_text` says without a name, in the current language
    ("Working hours", "Weekend", "Off hours"): what a column of statuses is sized by (a
    holiday's name is as long as it is)."""
    return [_(_WORKING), _(_WEEKEND), _(_OFF_HOURS)]
