"""Warnings for a proposed follow-up time, and the next good slots in the contact's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from accountdesk.core.i18n import _, country_name, format_date, format_time, zone_name
from accountdesk.core.timekeeping.calendars import DayCalendar, calendar_or_default
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import get_zone, resolve_wall_time, to_wall

WarningCode = Literal["dst_gap", "dst_overlap", "outside_hours", "weekend", "holiday"]

#: How far :func:`suggest_slots` looks ahead.
SUGGEST_DAYS = 400


@dataclass(frozen=True)
class SlotWarning:
    """One reason to think twice about a time: ``code`` for code, ``message`` for people."""

    code: WarningCode
    message: str
    holiday: str | None = None  # the holiday's name, for ``holiday``


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
) -> list[SlotWarning]:
    """Warnings for the naive wall time ``local`` in ``zone``: a DST gap or overlap, outside
    working hours (with ``duration``: also ending after them), a weekend day, a public holiday
    (named in ``lang`` when the calendar has it). An empty list means the slot is good."""
    if local.tzinfo is not None:
        raise ValueError("check_slot takes a naive wall-clock time")
    cal = calendar_or_default(calendar)
    found: list[SlotWarning] = []
    resolution = resolve_wall_time(local, zone)
    if resolution.kind == "gap":
        found.append(SlotWarning("dst_gap", resolution.message or ""))
    elif resolution.kind == "overlap":
        found.append(SlotWarning("dst_overlap", resolution.message or ""))
    wall = resolution.effective_local
    day = wall.date()
    place = _place(country, zone)
    if day.weekday() in hours.weekend:
        found.append(
            SlotWarning(
                "weekend",
                _("{date} is a weekend day in {place}.").format(
                    date=format_date(day, "full"), place=place
                ),
            )
        )
    holiday = cal.holiday_on(country, subdivision, day, lang)
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
    ends_late = False
    if duration is not None and hours.contains(wall):
        end_wall = to_wall(resolution.instant + duration, zone)
        end_minute = (end_wall - datetime(day.year, day.month, day.day)).total_seconds() / 60
        ends_late = end_minute > hours.end_minute
    if not hours.contains(wall) or ends_late:
        found.append(
            SlotWarning(
                "outside_hours",
                _("{time} is outside working hours in {place} ({start}–{end}).").format(
                    time=format_time(wall),
                    place=place,
                    start=format_time(hours.start),
                    end=format_time(hours.end),
                ),
            )
        )
    return found


def suggest_slots(
    after: datetime,
    zone: str,
    hours: WorkingHours,
    country: str | None,
    subdivision: str | None,
    calendar: DayCalendar | None = None,
    count: int = 3,
    duration: timedelta = timedelta(minutes=30),
) -> list[datetime]:
    """The next ``count`` good slots at or after the aware ``after``: on the hour or half hour
    in ``zone``, starting and ending inside working hours, on a working day there, and not in a
    DST gap or overlap. Aware datetimes in ``zone``."""
    if after.tzinfo is None:
        raise ValueError("suggest_slots needs an aware 'after'")
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    cal = calendar_or_default(calendar)
    tz = get_zone(zone)
    start_wall = to_wall(after, zone)
    minute = start_wall.hour * 60 + start_wall.minute
    if start_wall.second or start_wall.microsecond:
        minute += 1
    minute = -(-minute // 30) * 30  # round up to :00 or :30
    day: date = start_wall.date()
    found: list[datetime] = []
    need = duration.total_seconds() / 60
    for _offset in range(SUGGEST_DAYS):
        working = day.weekday() not in hours.weekend and (
            cal.holiday_on(country, subdivision, day) is None
        )
        if working:
            first = max(minute, -(-hours.start_minute // 30) * 30)
            midnight = datetime(day.year, day.month, day.day)
            for slot_minute in range(first, hours.end_minute, 30):
                if slot_minute + need > hours.end_minute:
                    break
                resolution = resolve_wall_time(midnight + timedelta(minutes=slot_minute), zone)
                if resolution.kind != "ok" or resolution.instant < after:
                    continue
                end_wall = to_wall(resolution.instant + duration, zone)
                if (end_wall - midnight).total_seconds() / 60 > hours.end_minute:
                    continue  # the clocks change during the slot and push its end out
                found.append(resolution.instant.astimezone(tz))
                if len(found) >= count:
                    return found
        day += timedelta(days=1)
        minute = 0
    return found
