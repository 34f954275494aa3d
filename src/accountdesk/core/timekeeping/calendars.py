"""Working weeks, business hours and public holidays, as timekeeping needs them.

Timekeeping does not know about countries itself: it asks a :class:`DayCalendar`. The default,
:class:`CultureCalendar`, delegates to :mod:`accountdesk.core.culture.calendar` (imported on
first use). :class:`StaticCalendar` is a calendar given as plain data, for tests and for
callers that already know the facts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Protocol, runtime_checkable

SATURDAY_SUNDAY: frozenset[int] = frozenset({5, 6})
DEFAULT_START = time(9, 0)
DEFAULT_END = time(17, 0)


class HolidayLike(Protocol):
    """What timekeeping reads from a holiday (the culture module's ``Holiday`` fits)."""

    @property
    def date(self) -> date: ...

    @property
    def name(self) -> str: ...


class HalfDayLike(Protocol):
    """A half-day holiday: work that day ends when it starts, at the clock time ``starts``, or
    ``shortened`` earlier than usual (one of the two is set)."""

    @property
    def date(self) -> date: ...

    @property
    def name(self) -> str: ...

    @property
    def starts(self) -> time | None: ...

    @property
    def shortened(self) -> timedelta | None: ...


class ShortDayLike(Protocol):
    """A working day the law makes shorter (the Gulf states' Ramadan): it ends ``shortened``
    earlier than usual, or lasts ``at_most`` this long; either or both may be set. A day that
    several rules shorten (a Friday in Ramadan in the Emirates) holds each of them in
    ``parts``, and ``shortened`` and ``at_most`` are the most restrictive of theirs."""

    @property
    def date(self) -> date: ...

    @property
    def name(self) -> str: ...

    @property
    def shortened(self) -> timedelta | None: ...

    @property
    def at_most(self) -> timedelta | None: ...

    @property
    def parts(self) -> Sequence[ShortDayLike]: ...


class BusinessHoursLike(Protocol):
    @property
    def start(self) -> time: ...

    @property
    def end(self) -> time: ...


@runtime_checkable
class DayCalendar(Protocol):
    """The calendar facts of a country (and subdivision) that timekeeping asks for."""

    def weekend_days(self, country: str | None, subdivision: str | None = None) -> frozenset[int]:
        """Weekdays off (0 = Monday … 6 = Sunday), the region's own where it has one."""
        ...

    def weekend_workday(self, country: str | None, subdivision: str | None, day: date) -> bool:
        """Is ``day`` (a weekend day there) a working day, moved onto the weekend by law?"""
        ...

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HolidayLike | None:
        """The public holiday on ``day`` there, or None."""
        ...

    def half_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HalfDayLike | None:
        """The half-day holiday on ``day`` there (not a public holiday), or None."""
        ...

    def short_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> ShortDayLike | None:
        """The reason the working day ``day`` is shorter by law there (Ramadan), or None."""
        ...

    def business_hours(self, country: str | None) -> BusinessHoursLike:
        """Typical business hours there."""
        ...


@dataclass(frozen=True)
class SimpleHoliday:
    date: date
    name: str
    estimated: bool = False


@dataclass(frozen=True)
class HalfDay:
    """A half-day holiday: the holiday starts at ``starts`` (work ends then), or the working
    day is ``shortened`` by that much; exactly one of the two."""

    date: date
    name: str
    starts: time | None = None
    shortened: timedelta | None = None
    estimated: bool = False

    def __post_init__(self) -> None:
        if (self.starts is None) == (self.shortened is None):
            raise ValueError("a half day starts at a time or shortens the day, one of the two")


@dataclass(frozen=True)
class ShortDay:
    """A working day shorter by law: it ends ``shortened`` earlier, or lasts ``at_most`` this
    long (at least one of the two). ``parts``: the rules it combines (:meth:`of_all`), empty
    for one rule."""

    date: date
    name: str
    shortened: timedelta | None = None
    at_most: timedelta | None = None
    parts: tuple[ShortDay, ...] = ()

    def __post_init__(self) -> None:
        if self.shortened is None and self.at_most is None:
            raise ValueError("a short day is shortened, or lasts at most so long")

    @classmethod
    def of_all(cls, days: Sequence[ShortDay], name: str) -> ShortDay:
        """The day as short as the most restrictive of ``days`` (the rules that shorten one
        day, each a day of its own) make it, whatever its usual hours: shortened by the most
        any of them shortens it, and lasting at most the least any of them allows (a Friday
        in Ramadan in the Emirates: two hours shorter, and three hours at most). ``name``:
        the rules' names together; :func:`~accountdesk.core.timekeeping.workhours.
        working_day` names the day by the one that decides its end."""
        if len(days) == 1:
            return days[0]
        shortened = [d.shortened for d in days if d.shortened is not None]
        at_most = [d.at_most for d in days if d.at_most is not None]
        return cls(
            days[0].date,
            name,
            max(shortened) if shortened else None,
            min(at_most) if at_most else None,
            tuple(days),
        )


@dataclass(frozen=True)
class SimpleHours:
    start: time
    end: time
    curated: bool = False


@dataclass(frozen=True)
class StaticCalendar:
    """A calendar given as data: weekends and hours per country, holidays per country.

    ``holidays`` maps a country (or ``"CC-SUB"`` for a subdivision) to ``{date: name}``; a
    subdivision also gets its country's holidays. ``half_days`` maps them the same way to
    ``{date: HalfDay}``, ``short_days`` to ``{date: ShortDay}``, ``workdays`` to the weekend
    days that are working days. ``weekends``
    may name a subdivision (``"CC-SUB"``), which wins over its country.
    """

    weekends: Mapping[str, frozenset[int]] = field(default_factory=dict)
    hours: Mapping[str, tuple[time, time]] = field(default_factory=dict)
    holidays: Mapping[str, Mapping[date, str]] = field(default_factory=dict)
    half_days: Mapping[str, Mapping[date, HalfDay]] = field(default_factory=dict)
    workdays: Mapping[str, frozenset[date]] = field(default_factory=dict)
    short_days: Mapping[str, Mapping[date, ShortDay]] = field(default_factory=dict)
    default_weekend: frozenset[int] = SATURDAY_SUNDAY
    default_hours: tuple[time, time] = (DEFAULT_START, DEFAULT_END)

    def weekend_days(self, country: str | None, subdivision: str | None = None) -> frozenset[int]:
        found = self.default_weekend
        for key in _keys(country, subdivision):
            found = self.weekends.get(key, found)
        return found

    def weekend_workday(self, country: str | None, subdivision: str | None, day: date) -> bool:
        return any(day in self.workdays.get(key, ()) for key in _keys(country, subdivision))

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> SimpleHoliday | None:
        for key in _keys(country, subdivision):
            name = self.holidays.get(key, {}).get(day)
            if name is not None:
                return SimpleHoliday(day, name)
        return None

    def half_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HalfDay | None:
        for key in _keys(country, subdivision):
            found = self.half_days.get(key, {}).get(day)
            if found is not None:
                return found
        return None

    def short_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> ShortDay | None:
        for key in _keys(country, subdivision):
            found = self.short_days.get(key, {}).get(day)
            if found is not None:
                return found
        return None

    def business_hours(self, country: str | None) -> SimpleHours:
        start, end = self.hours.get((country or "").upper(), self.default_hours)
        return SimpleHours(start, end)


def _keys(country: str | None, subdivision: str | None) -> list[str]:
    if country is None:
        return []
    keys = [country.upper()]
    if subdivision:
        sub = subdivision.upper()
        keys.append(sub if "-" in sub else f"{country.upper()}-{sub}")
    return keys


class CultureCalendar:
    """The default calendar: the country facts of :mod:`accountdesk.core.culture.calendar`
    (weekends from CLDR with the project's corrections, ``WEEKENDS``; curated business hours,
    public holidays and half-day holidays).

    The culture module is imported on first use, not at start-up: it loads the ``holidays``
    package, which the first window does not need.
    """

    def weekend_days(self, country: str | None, subdivision: str | None = None) -> frozenset[int]:
        from accountdesk.core.culture import calendar

        return calendar.weekend_days(country, subdivision)

    def weekend_workday(self, country: str | None, subdivision: str | None, day: date) -> bool:
        if not country:
            return False
        from accountdesk.core.culture import calendar

        return calendar.weekend_workday(country, subdivision, day)

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HolidayLike | None:
        if not country:
            return None
        from accountdesk.core.culture import calendar

        return calendar.holiday_on(country, subdivision, day, lang=lang)

    def half_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HalfDayLike | None:
        if not country:
            return None
        from accountdesk.core.culture import calendar

        return calendar.half_day_on(country, subdivision, day, lang=lang)

    def short_day_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> ShortDayLike | None:
        if not country:
            return None
        from accountdesk.core.culture import calendar

        return calendar.short_day_on(country, subdivision, day, lang=lang)

    def business_hours(self, country: str | None) -> BusinessHoursLike:
        from accountdesk.core.culture import calendar

        return calendar.business_hours(country)


_DEFAULT = CultureCalendar()


def default_calendar() -> DayCalendar:
    """The process-wide default calendar (the culture module, lazily)."""
    return _DEFAULT


def calendar_or_default(calendar: DayCalendar | None) -> DayCalendar:
    return _DEFAULT if calendar is None else calendar
