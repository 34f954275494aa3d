"""Working weeks, business hours and public holidays, as timekeeping needs them.

Timekeeping does not know about countries itself: it asks a :class:`DayCalendar`. The default,
:class:`CultureCalendar`, delegates to :mod:`accountdesk.core.culture.calendar` (imported on
first use). :class:`StaticCalendar` is a calendar given as plain data, for tests and for
callers that already know the facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
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


class BusinessHoursLike(Protocol):
    @property
    def start(self) -> time: ...

    @property
    def end(self) -> time: ...


@runtime_checkable
class DayCalendar(Protocol):
    """The calendar facts of a country (and subdivision) that timekeeping asks for."""

    def weekend_days(self, country: str | None) -> frozenset[int]:
        """Weekdays off (0 = Monday … 6 = Sunday)."""
        ...

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HolidayLike | None:
        """The public holiday on ``day`` there, or None."""
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
class SimpleHours:
    start: time
    end: time
    curated: bool = False


@dataclass(frozen=True)
class StaticCalendar:
    """A calendar given as data: weekends and hours per country, holidays per country.

    ``holidays`` maps a country (or ``"CC-SUB"`` for a subdivision) to ``{date: name}``; a
    subdivision also gets its country's holidays.
    """

    weekends: Mapping[str, frozenset[int]] = field(default_factory=dict)
    hours: Mapping[str, tuple[time, time]] = field(default_factory=dict)
    holidays: Mapping[str, Mapping[date, str]] = field(default_factory=dict)
    default_weekend: frozenset[int] = SATURDAY_SUNDAY
    default_hours: tuple[time, time] = (DEFAULT_START, DEFAULT_END)

    def weekend_days(self, country: str | None) -> frozenset[int]:
        if country is None:
            return self.default_weekend
        return self.weekends.get(country.upper(), self.default_weekend)

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> SimpleHoliday | None:
        if country is None:
            return None
        keys = [country.upper()]
        if subdivision:
            sub = subdivision.upper()
            keys.append(sub if "-" in sub else f"{country.upper()}-{sub}")
        for key in keys:
            name = self.holidays.get(key, {}).get(day)
            if name is not None:
                return SimpleHoliday(day, name)
        return None

    def business_hours(self, country: str | None) -> SimpleHours:
        start, end = self.hours.get((country or "").upper(), self.default_hours)
        return SimpleHours(start, end)


class CultureCalendar:
    """The default calendar: the country facts of :mod:`accountdesk.core.culture.calendar`
    (weekends from the ``holidays`` package and CLDR, curated business hours, public holidays).

    The culture module is imported on first use, not at start-up: it loads the ``holidays``
    package, which the first window does not need.
    """

    def weekend_days(self, country: str | None) -> frozenset[int]:
        from accountdesk.core.culture import calendar

        return calendar.weekend_days(country)

    def holiday_on(
        self, country: str | None, subdivision: str | None, day: date, lang: str | None = None
    ) -> HolidayLike | None:
        if not country:
            return None
        from accountdesk.core.culture import calendar

        return calendar.holiday_on(country, subdivision, day, lang=lang)

    def business_hours(self, country: str | None) -> BusinessHoursLike:
        from accountdesk.core.culture import calendar

        return calendar.business_hours(country)


_DEFAULT = CultureCalendar()


def default_calendar() -> DayCalendar:
    """The process-wide default calendar (the culture module, lazily)."""
    return _DEFAULT


def calendar_or_default(calendar: DayCalendar | None) -> DayCalendar:
    return _DEFAULT if calendar is None else calendar
