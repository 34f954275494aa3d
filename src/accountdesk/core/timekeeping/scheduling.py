"""Warnings for a proposed follow-up time, on their side and on the user's, and the next good
slots in the contact's zone.

Both sides are judged by the one working-time rule of
:mod:`accountdesk.core.timekeeping.workhours`: the working window of the day (``window_on``,
hours across midnight belong to the day they start), the weekend and the public holidays of
the country (and subdivision), the early end of a half-day holiday there (``working_day``), and
the real time a meeting lasts, so a slot that runs past the end of work because the clocks jump
during it is outside the hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Literal, Protocol

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import _, country_name, format_date, format_time, zone_name
from accountdesk.core.timekeeping.calendars import (
    DayCalendar,
    HalfDayLike,
    HolidayLike,
    calendar_or_default,
)
from accountdesk.core.timekeeping.workhours import (
    WorkingHours,
    next_working_window,
    window_on,
    working_day,
)
from accountdesk.core.timekeeping.zones import (
    format_duration,
    get_zone,
    resolve_wall_time,
    to_wall,
    transitions,
    utc_offset,
)

WarningCode = Literal[
    "dst_gap",
    "dst_overlap",
    "outside_hours",
    "weekend",
    "holiday",
    "my_outside_hours",
    "my_weekend",
    "my_holiday",
]

#: How far :func:`suggest_slots` looks ahead.
SUGGEST_DAYS = 400

#: Longer than any working window (a day at most, and an hour or two of a clock change): the
#: windows around a slot this far from a change of offset are read at one offset.
_REACH = timedelta(days=2)
_WEEK = 7 * 1440


class Side(Protocol):
    """Someone's calendar: the user's (``settings.UserCalendar``) or a contact's."""

    @property
    def zone(self) -> str: ...

    @property
    def country(self) -> str | None: ...

    @property
    def subdivision(self) -> str | None: ...

    @property
    def hours(self) -> WorkingHours: ...


@dataclass(frozen=True)
class SlotWarning:
    """One reason to think twice about a time: ``code`` for code, ``message`` for people."""

    code: WarningCode
    message: str
    holiday: str | None = None  # the holiday's name, for ``holiday`` and ``my_holiday``


@dataclass(frozen=True)
class _Judgement:
    """How a slot looks on one side: the wall time there, the day whose working window it
    falls in, and what is wrong with it."""

    wall: datetime
    day: date
    weekend: bool
    holiday: HolidayLike | None
    outside: bool
    #: the half-day holiday when the slot is after it started (work ended at ``end``); ``end``
    #: is also set on a day the law shortens (Ramadan)
    half_day: HalfDayLike | None = None
    end: datetime | None = None
    #: when ``outside`` only because the slot starts in working hours and ends after them:
    #: when they end (16:45 for 30 minutes where work ends at 17:00)
    runs_past: datetime | None = None


def _judge(
    instant: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar,
    lang: str | None,
    duration: timedelta | None,
) -> _Judgement:
    wall = to_wall(instant, zone)
    day = hours.day_of(wall)
    found = working_day(day, zone, hours, country, subdivision, calendar, lang)
    start, end = found.window if found.window is not None else window_on(day, zone, hours)
    outside = not start <= instant < end
    runs_past = None
    if duration is not None and instant + duration > end:
        runs_past = None if outside else end
        outside = True
    half = found.half_day  # set only when it ends work early
    if half is not None and found.window is None:
        outside = True  # it starts before work does: no work that day
        runs_past = None
    return _Judgement(
        wall,
        day,
        found.weekend,
        found.holiday,
        outside,
        half
        if half is not None and (found.window is None or (outside and instant >= start))
        else None,
        # the day's own end when a half day or the law (Ramadan) shortens it
        end if found.window is not None and (half or found.short_day) is not None else None,
        runs_past,
    )


def _place(country: str | None, zone: str) -> str:
    return country_name(country) if country else zone_name(zone)


def check_slot(
    local: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
    lang: str | None = None,
    duration: timedelta | None = None,
    *,
    mine: Side | None = None,
) -> list[SlotWarning]:
    """Warnings for the naive wall time ``local`` in ``zone``: a DST gap or overlap, outside
    working hours (with ``duration``: also ending after them), a weekend day, a public holiday
    (named in ``lang`` when the calendar has it). With ``mine`` (the user's calendar) the same
    moment is judged on the user's side too (``my_…`` codes). An empty list means the slot is
    good."""
    if local.tzinfo is not None:
        raise ValueError("check_slot takes a naive wall-clock time")
    cal = calendar_or_default(calendar)
    found: list[SlotWarning] = []
    resolution = resolve_wall_time(local, zone)
    if resolution.kind == "gap":
        found.append(SlotWarning("dst_gap", resolution.message or ""))
    elif resolution.kind == "overlap":
        found.append(SlotWarning("dst_overlap", resolution.message or ""))
    instant = resolution.instant
    theirs = _judge(instant, zone, hours, country, subdivision, cal, lang, duration)
    day = theirs.day
    place = _place(country, zone)
    if theirs.weekend:
        found.append(
            SlotWarning(
                "weekend",
                _("{date} is a weekend day in {place}.").format(
                    date=format_date(day, "full"), place=place
                ),
            )
        )
    holiday = theirs.holiday
    if holiday is not None:
        if getattr(holiday, "estimated", False):
            text = _("{date} is a public holiday in {place}: {name} (the date is estimated).")
        else:
            text = _("{date} is a public holiday in {place}: {name}.")
        found.append(
            SlotWarning(
                "holiday",
                text.format(date=format_date(day, "full"), place=place, name=holiday.name),
                holiday.name,
            )
        )
    half = theirs.half_day
    if half is not None:
        if theirs.end is not None:
            text = _("{date} is a half-day holiday in {place}: {name}; work ends at {end}.")
        else:
            text = _("{date} is a half-day holiday in {place}: {name}; no work that day.")
        found.append(
            SlotWarning(
                "holiday",
                text.format(
                    date=format_date(day, "full"),
                    place=place,
                    name=half.name,
                    end=format_time(to_wall(theirs.end, zone)) if theirs.end else "",
                ),
                half.name,
            )
        )
    if theirs.outside and theirs.runs_past is not None and duration is not None:
        found.append(
            SlotWarning(
                "outside_hours",
                # TRANSLATORS: a follow-up is scheduled for a call of {duration} ("30 min");
                # {time} when it starts and {end} when working hours end, both their time
                _(
                    "A call of {duration} at {time} would end after {end}, when working hours "
                    "in {place} end."
                ).format(
                    duration=isolate(format_duration(duration)),
                    time=format_time(theirs.wall),
                    end=format_time(to_wall(theirs.runs_past, zone)),
                    place=place,
                ),
            )
        )
    elif theirs.outside:
        end_wall = to_wall(theirs.end, zone) if theirs.end is not None else hours.end
        found.append(
            SlotWarning(
                "outside_hours",
                _("{time} is outside working hours in {place} ({start}–{end}).").format(
                    time=format_time(theirs.wall),
                    place=place,
                    start=format_time(hours.start),
                    end=format_time(end_wall),
                ),
            )
        )
    if mine is not None:
        found.extend(_my_warnings(instant, mine, cal, lang, duration))
    return found


def _my_warnings(
    instant: datetime,
    mine: Side,
    calendar: DayCalendar,
    lang: str | None,
    duration: timedelta | None,
) -> list[SlotWarning]:
    me = _judge(
        instant, mine.zone, mine.hours, mine.country, mine.subdivision, calendar, lang, duration
    )
    when = format_date(me.day, "full")
    found: list[SlotWarning] = []
    if me.weekend:
        found.append(
            SlotWarning("my_weekend", _("For you it is {date}: your weekend.").format(date=when))
        )
    if me.holiday is not None:
        found.append(
            SlotWarning(
                "my_holiday",
                _("For you it is {date}: a public holiday where you are ({name}).").format(
                    date=when, name=me.holiday.name
                ),
                me.holiday.name,
            )
        )
    half = me.half_day
    if half is not None:
        if me.end is not None:
            text = _(
                "For you it is {date}: a half-day holiday where you are ({name}); "
                "your work ends at {end}."
            )
        else:
            text = _(
                "For you it is {date}: a half-day holiday where you are ({name}); no work that day."
            )
        found.append(
            SlotWarning(
                "my_holiday",
                text.format(
                    date=when,
                    name=half.name,
                    end=format_time(to_wall(me.end, mine.zone)) if me.end else "",
                ),
                half.name,
            )
        )
    if me.outside and me.runs_past is not None and duration is not None:
        found.append(
            SlotWarning(
                "my_outside_hours",
                # TRANSLATORS: a follow-up is scheduled for a call of {duration} ("30 min");
                # {time} when it starts and {end} when the user's working hours end, their time
                _(
                    "For you, a call of {duration} at {time} would end after {end}, when your "
                    "working hours end."
                ).format(
                    duration=isolate(format_duration(duration)),
                    time=format_time(me.wall),
                    end=format_time(to_wall(me.runs_past, mine.zone)),
                ),
            )
        )
    elif me.outside:
        end_wall = to_wall(me.end, mine.zone) if me.end is not None else mine.hours.end
        found.append(
            SlotWarning(
                "my_outside_hours",
                _("For you it is {time}: outside your working hours ({start}–{end}).").format(
                    time=format_time(me.wall),
                    start=format_time(mine.hours.start),
                    end=format_time(end_wall),
                ),
            )
        )
    return found


def _free(instant: datetime, duration: timedelta, side: Side, calendar: DayCalendar) -> bool:
    """Is ``side`` at work for the whole ``duration`` from ``instant``?"""
    try:
        start, end = next_working_window(
            instant, side.zone, side.hours, side.country, side.subdivision, calendar
        )
    except ValueError:
        return False
    return start <= instant and instant + duration <= end


def _ceil_half_hour(wall: datetime) -> datetime:
    minute = wall.hour * 60 + wall.minute + (1 if wall.second or wall.microsecond else 0)
    midnight = datetime(wall.year, wall.month, wall.day)
    return midnight + timedelta(minutes=-(-minute // 30) * 30)


# --- when the weekly patterns cannot meet -----------------------------------------------------

_Changes = list[tuple[datetime, timedelta]]
_Spans = list[tuple[int, int]]


@lru_cache(maxsize=512)
def _year_changes(zone: str, year: int) -> tuple[tuple[datetime, timedelta], ...]:
    """The changes of ``zone``'s offset in a UTC year (zones.transitions: changes closer
    together than a day are not seen; tzdata has none), cached: the scheduling dialog asks
    again on every edit."""
    found = transitions(zone, date(year, 1, 1), date(year + 1, 1, 1))
    return tuple((c.instant, c.offset_after) for c in found)


def _offset_changes(zone: str, first: datetime, last: datetime) -> _Changes:
    """The offset of ``zone`` in force from ``first`` and each change up to ``last``: (from
    when, offset) in order."""
    changes: _Changes = [(first, utc_offset(zone, first))]
    for year in range(first.astimezone(UTC).year, last.astimezone(UTC).year + 1):
        changes += [(at, o) for at, o in _year_changes(zone, year) if first < at <= last]
    return changes


def _offsets_in(changes: _Changes, start: datetime, end: datetime) -> list[timedelta]:
    """The offsets in force at some time from ``start`` to ``end``."""
    found: list[timedelta] = []
    for i, (since, offset) in enumerate(changes):
        until = changes[i + 1][0] if i + 1 < len(changes) else None
        if since < end and (until is None or until > start) and offset not in found:
            found.append(offset)
    return found


def _weekly(hours: WorkingHours, offsets: Sequence[timedelta]) -> _Spans:
    """Where the working windows of ``hours`` can lie in a week read in UTC (minutes from
    Monday 00:00 UTC, a start in the first week), whichever of ``offsets`` their start and end
    are read at: each day's window from its start at the largest offset to its end at the
    smallest (a window across midnight belongs to the day it starts). Weekend days count too:
    a weekend day may be a working day by law (China's and Latvia's bridge days)."""
    ahead = max(-(-int(o.total_seconds()) // 60) for o in offsets)
    behind = min(int(o.total_seconds()) // 60 for o in offsets)
    length = hours.end_minute - hours.start_minute + (1440 if hours.overnight else 0)
    spans: _Spans = []
    for weekday in range(7):
        start = (weekday * 1440 + hours.start_minute - ahead) % _WEEK
        spans.append((start, start + length + ahead - behind))
    return spans


def _shared(first: _Spans, second: _Spans) -> _Spans:
    """The stretches of the week inside a span of each (starts kept in the first week)."""
    found: _Spans = []
    for a_start, a_end in first:
        for b_start, b_end in second:
            for shift in (-_WEEK, 0, _WEEK):
                start, end = max(a_start, b_start + shift), min(a_end, b_end + shift)
                if start < end:
                    found.append((start % _WEEK, start % _WEEK + end - start))
    return found


def _quiet(
    after: datetime,
    horizon: datetime,
    duration: timedelta,
    sides: Sequence[tuple[str, WorkingHours]],
) -> list[tuple[datetime, datetime]]:
    """Stretches of ``after`` to ``horizon`` (in order) in which no slot of ``duration`` can be
    inside a working window of every side (zone, hours), whatever the weekends and holidays:
    their weekly patterns, read at the offsets their zones take, never share that long. The
    whole period when they never do at any offset taken in it; else the inside of each stretch
    between two changes of offset, but the ``_REACH`` next to a change (windows there may be
    read at either offset), when they do not at the offsets in force there."""
    first, last = after - _REACH, horizon + _REACH
    changes = {zone: _offset_changes(zone, first, last) for zone in {z for z, _h in sides}}
    need = duration.total_seconds() / 60

    def meet(start: datetime, end: datetime) -> bool:
        common: _Spans | None = None
        for zone, hours in sides:
            spans = _weekly(hours, _offsets_in(changes[zone], start, end))
            common = spans if common is None else _shared(common, spans)
        return any(high - low >= need for low, high in common or [])

    if not meet(first, last):
        return [(after, horizon)]
    cuts = sorted({since for found in changes.values() for since, _o in found[1:]})
    bounds = [first, *(c for c in cuts if first < c < last), last]
    return [
        (start + _REACH, end - _REACH)
        for start, end in pairwise(bounds)
        if start + _REACH < end - _REACH and not meet(start, end)
    ]


def suggest_slots(
    after: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
    count: int = 3,
    duration: timedelta = timedelta(minutes=30),
    *,
    also: Sequence[Side] = (),
) -> list[datetime]:
    """The next ``count`` good slots at or after the aware ``after``: on the hour or half hour
    in ``zone``, inside one of the working windows there for the whole ``duration``, not in a
    DST gap or overlap, and, for everyone in ``also`` (the user), inside their working time
    as well. Aware datetimes in ``zone``, starting within :data:`SUGGEST_DAYS` days; fewer
    when there are not so many.

    Stretches in which the weekly patterns cannot meet (:func:`_quiet`) are skipped without
    walking their days; the slots found are those a walk through every day finds."""
    if after.tzinfo is None:
        raise ValueError("suggest_slots needs an aware 'after'")
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    cal = calendar_or_default(calendar)
    tz = get_zone(zone)
    horizon = after + timedelta(days=SUGGEST_DAYS)
    quiet = _quiet(after, horizon, duration, [(zone, hours), *((s.zone, s.hours) for s in also)])
    found: list[datetime] = []
    cursor = after
    while cursor < horizon:
        while quiet and quiet[0][1] <= cursor:
            quiet.pop(0)
        if quiet and quiet[0][0] <= cursor:
            cursor = quiet.pop(0)[1]  # no slot in there: on to its end
            continue
        try:
            start, end = next_working_window(cursor, zone, hours, country, subdivision, cal)
        except ValueError:
            break
        begin = max(start, after)
        wall = _ceil_half_hour(to_wall(begin, zone))
        while True:
            resolution = resolve_wall_time(wall, zone)
            slot = resolution.instant
            if slot + duration > end:
                break
            if slot >= horizon:
                return found
            if (
                resolution.kind == "ok"
                and slot >= begin
                and all(_free(slot, duration, side, cal) for side in also)
            ):
                found.append(slot.astimezone(tz))
                if len(found) >= count:
                    return found
            wall += timedelta(minutes=30)
        cursor = end
    return found
