"""The meeting planner: one row per person in their own zone, one column per step of the
user's days, and the slots that are working time for everyone.

A cell is ``work`` only when the whole step (start to start + ``step``) lies inside the
person's working hours on a working day there; ``weekend`` and ``holiday`` win over the hours.
A slot is offered (``good_slots``) only where every participant's cells are ``work``, so never
on anyone's weekend or public holiday.

Speed: each person's day state (weekend, holiday, working) is computed once per local day, and
local times come from the zone's offset changes in the period (found once per zone) rather
than from a zoneinfo call per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from accountdesk.core.i18n import localize_digits
from accountdesk.core.timekeeping.calendars import DayCalendar, calendar_or_default
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import (
    get_zone,
    resolve_wall_time,
    transitions,
    utc_offset,
)

CellState = Literal["work", "off", "weekend", "holiday"]


@dataclass
class Participant:
    key: str
    label: str
    zone: str
    country: str | None
    subdivision: str | None
    hours: WorkingHours


@dataclass(slots=True)
class PlannerCell:
    state: CellState
    local: datetime  # the person's naive wall time at the start of the column
    holiday: str | None = None  # the holiday's name when ``state`` is "holiday"

    @property
    def label(self) -> str:
        """The local time as ``HH:MM`` (native digits where the UI language has them)."""
        return localize_digits(f"{self.local.hour:02d}:{self.local.minute:02d}")


@dataclass
class PlannerRow:
    participant: Participant
    cells: list[PlannerCell]


@dataclass
class PlannerGrid:
    user_zone: str
    start: date
    days: int
    step: timedelta
    columns: list[datetime]  # aware instants, in the user's zone, one per step
    rows: list[PlannerRow]
    good_slots: list[datetime] = field(default_factory=list)  # aware, in the user's zone

    def row(self, key: str) -> PlannerRow:
        for row in self.rows:
            if row.participant.key == key:
                return row
        raise KeyError(key)

    def column_of(self, instant: datetime) -> int | None:
        """The index of the column that starts at ``instant``, if any."""
        if not self.columns:
            return None
        delta = instant - self.columns[0]
        index = int(delta / self.step)
        if 0 <= index < len(self.columns) and self.columns[index] == instant:
            return index
        return None


def _offsets_for(
    zone: str, first: datetime, last: datetime
) -> tuple[list[datetime], list[timedelta]]:
    """Change instants (UTC) and the offset in force from each; the first entry covers
    everything before the first change."""
    changes = transitions(
        zone, (first - timedelta(days=1)).date(), (last + timedelta(days=2)).date()
    )
    starts = [first - timedelta(days=3650)]
    offsets = [utc_offset(zone, first)]
    for change in changes:
        if change.instant <= first:
            offsets[0] = change.offset_after
            continue
        starts.append(change.instant)
        offsets.append(change.offset_after)
    return starts, offsets


def _day_state(
    participant: Participant,
    day: date,
    weekend: frozenset[int],
    calendar: DayCalendar,
    lang: str | None,
) -> tuple[CellState | None, str | None]:
    if day.weekday() in weekend:
        return "weekend", None
    holiday = calendar.holiday_on(participant.country, participant.subdivision, day, lang)
    if holiday is None:
        return None, None
    return "holiday", holiday.name


def _row(
    participant: Participant,
    columns_utc: list[datetime],
    step_minutes: float,
    calendar: DayCalendar,
    lang: str | None,
) -> list[PlannerCell]:
    hours = participant.hours
    starts, offsets = _offsets_for(participant.zone, columns_utc[0], columns_utc[-1])
    start_minute, end_minute = hours.start_minute, hours.end_minute
    weekend = hours.weekend
    day_states: dict[date, tuple[CellState | None, str | None]] = {}
    cells: list[PlannerCell] = []
    segment = 0
    next_change = starts[1] if len(starts) > 1 else None
    offset = offsets[0]
    for instant in columns_utc:
        while next_change is not None and instant >= next_change:
            segment += 1
            offset = offsets[segment]
            next_change = starts[segment + 1] if segment + 1 < len(starts) else None
        local = (instant + offset).replace(tzinfo=None)
        day = local.date()
        known = day_states.get(day)
        if known is None:
            known = _day_state(participant, day, weekend, calendar, lang)
            day_states[day] = known
        state, name = known
        if state is None:
            minute = local.hour * 60 + local.minute
            working = start_minute <= minute and minute + step_minutes <= end_minute
            cells.append(PlannerCell("work" if working else "off", local))
        else:
            cells.append(PlannerCell(state, local, name))
    return cells


def plan(
    participants: Sequence[Participant],
    start: date,
    days: int,
    user_zone: str,
    step: timedelta = timedelta(minutes=30),
    calendar: DayCalendar | None = None,
    lang: str | None = None,
    not_before: datetime | None = None,
    duration: timedelta | None = None,
) -> PlannerGrid:
    """The planner grid for ``days`` days of the user's zone from ``start``.

    ``good_slots`` are the column starts where every participant is at work for ``duration``
    (default: one ``step``), at or after ``not_before`` when given (an aware instant).
    """
    if days <= 0:
        raise ValueError("days must be positive")
    if step < timedelta(minutes=1):
        raise ValueError("step must be at least one minute")
    keys = [p.key for p in participants]
    if len(set(keys)) != len(keys):
        raise ValueError("participant keys must be unique")
    cal = calendar_or_default(calendar)
    user_tz = get_zone(user_zone)
    first = resolve_wall_time(datetime(start.year, start.month, start.day), user_zone).instant
    end_day = start + timedelta(days=days)
    last = resolve_wall_time(datetime(end_day.year, end_day.month, end_day.day), user_zone).instant
    columns_utc: list[datetime] = []
    instant = first
    while instant < last:
        columns_utc.append(instant)
        instant += step
    step_minutes = step.total_seconds() / 60
    rows = [PlannerRow(p, _row(p, columns_utc, step_minutes, cal, lang)) for p in participants]
    columns = [c.astimezone(user_tz) for c in columns_utc]

    span = 1
    if duration is not None:
        if duration <= timedelta(0):
            raise ValueError("duration must be positive")
        span = max(1, -(-duration // step))
    everyone = [all(row.cells[i].state == "work" for row in rows) for i in range(len(columns_utc))]
    floor = not_before.astimezone(UTC) if not_before is not None else None
    good: list[datetime] = []
    if rows:
        for i in range(len(columns_utc) - span + 1):
            if floor is not None and columns_utc[i] < floor:
                continue
            if all(everyone[i : i + span]):
                good.append(columns[i])
    return PlannerGrid(user_zone, start, days, step, columns, rows, good)
