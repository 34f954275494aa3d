"""The meeting planner: one row per person in their own zone, one column per step of the
user's days, and the slots that are working time for everyone.

A cell is ``work`` only when the whole step (its start instant to start + ``step``, real time)
lies inside one of the person's working windows
(:func:`accountdesk.core.timekeeping.workhours.working_day`: ending early on a half-day holiday
there): the rule of
:mod:`~accountdesk.core.timekeeping.workhours`, so hours across midnight and clocks that jump
during a step count as they do everywhere else. ``weekend`` and ``holiday`` win over the
hours. A slot is offered (``good_slots``) only where every participant's cells are ``work``,
so never on anyone's weekend or public holiday.

When no slot suits everyone, :func:`compromise` says who stands in the way and which hours
leave the fewest people outside their working time.

Speed: each person's day state (weekend, holiday, working window) is computed once per day,
and local times come from the zone's offset changes in the period (found once per zone) rather
than from a zoneinfo call per cell.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from accountdesk.core.timekeeping.calendars import DayCalendar, calendar_or_default
from accountdesk.core.timekeeping.workhours import WorkingHours, working_day
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
        """The index of the column that starts at ``instant``, if any (compared as instants:
        aware datetimes in one zone subtract and compare by wall time in Python)."""
        if not self.columns:
            return None
        at = instant.astimezone(UTC)
        index = int((at - self.columns[0].astimezone(UTC)) / self.step)
        if 0 <= index < len(self.columns) and self.columns[index].astimezone(UTC) == at:
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


@dataclass(frozen=True, slots=True)
class _Day:
    """A person's day: weekend or holiday (with its name), else the working window (UTC) and,
    on a half-day holiday, its name (the cells after the window are ``holiday``)."""

    state: CellState | None
    holiday: str | None = None
    window: tuple[datetime, datetime] | None = None
    #: a half-day holiday that leaves no work: when it begins (UTC); the cells before are off
    half_from: datetime | None = None


def _day(participant: Participant, day: date, calendar: DayCalendar, lang: str | None) -> _Day:
    p = participant
    found = working_day(day, p.zone, p.hours, p.country, p.subdivision, calendar, lang)
    if found.window is None:
        begins = found.half_day_from if found.holiday is None else None
        return _Day(found.off, found.off_name, None, begins.astimezone(UTC) if begins else None)
    start, end = found.window
    half = found.half_day.name if found.half_day is not None else None
    return _Day(None, half, (start.astimezone(UTC), end.astimezone(UTC)))


def _row(
    participant: Participant,
    columns_utc: list[datetime],
    step: timedelta,
    calendar: DayCalendar,
    lang: str | None,
) -> list[PlannerCell]:
    hours = participant.hours
    starts, offsets = _offsets_for(participant.zone, columns_utc[0], columns_utc[-1])
    days: dict[date, _Day] = {}
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
        day = hours.day_of(local)  # the day whose window this is (across midnight: yesterday)
        known = days.get(day)
        if known is None:
            known = days[day] = _day(participant, day, calendar, lang)
        if known.window is not None:
            start, end = known.window
            working = start <= instant and instant + step <= end
            if working:
                cells.append(PlannerCell("work", local))
            elif known.holiday is not None and instant + step > end and local.date() == day:
                cells.append(PlannerCell("holiday", local, known.holiday))  # the half day's
            else:
                cells.append(PlannerCell("off", local))
        elif known.half_from is not None and instant + step <= known.half_from:
            cells.append(PlannerCell("off", local))  # the half-day holiday has not begun
        else:
            assert known.state is not None
            cells.append(PlannerCell(known.state, local, known.holiday))
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
    rows = [PlannerRow(p, _row(p, columns_utc, step, cal, lang)) for p in participants]
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


@dataclass(frozen=True)
class Away:
    """Someone who is not at work during a compromise: why (``off``, ``weekend``,
    ``holiday``) and the holiday's name."""

    participant: Participant
    state: CellState
    holiday: str | None = None


@dataclass(frozen=True)
class Compromise:
    """A run of columns, ``start`` to ``end`` (aware, the user's zone), during which the same
    people are outside their working time (``away``); everyone else is at work."""

    start: datetime
    end: datetime
    away: tuple[Away, ...]


@dataclass(frozen=True)
class Obstacle:
    """A person who alone stands in the way: for ``shared`` (summed over the days shown)
    everyone else is at work together, but not them."""

    participant: Participant
    shared: timedelta


@dataclass(frozen=True)
class NoCommonHour:
    """What to say when no slot suits everyone: who stands in the way, and the best
    compromises (the hours with the fewest people away, earliest first)."""

    obstacles: tuple[Obstacle, ...]
    best: tuple[Compromise, ...]
    fewest_away: int


def compromise(
    grid: PlannerGrid,
    not_before: datetime | None = None,
    duration: timedelta | None = None,
    limit: int = 8,
) -> NoCommonHour:
    """The obstacles and the best compromises in ``grid``, at or after ``not_before``.

    A column (with ``duration``: the columns it spans) counts a person as away when any of
    their cells is not ``work``. The best columns are those with the fewest people away, as
    long as at least one person is at work; runs of neighbouring columns with the same people
    away are merged, and the first ``limit`` runs are returned. An obstacle is a person who is
    at some column the only one away; the longest shared time first.
    """
    span = 1 if duration is None else max(1, -(-duration // grid.step))
    floor = not_before.astimezone(UTC) if not_before is not None else None
    people = len(grid.rows)
    candidates: list[tuple[int, tuple[Away, ...]]] = []
    alone: dict[str, int] = {}
    for i in range(len(grid.columns) - span + 1):
        if floor is not None and grid.columns[i] < floor:
            continue
        out: list[Away] = []
        for row in grid.rows:
            cell = next((c for c in row.cells[i : i + span] if c.state != "work"), None)
            if cell is not None:
                out.append(Away(row.participant, cell.state, cell.holiday))
        if len(out) == people:
            continue  # nobody at work: no compromise at all
        if len(out) == 1:
            key = out[0].participant.key
            alone[key] = alone.get(key, 0) + 1
        candidates.append((i, tuple(out)))
    obstacles = tuple(
        sorted(
            (
                Obstacle(row.participant, alone[row.participant.key] * grid.step)
                for row in grid.rows
                if row.participant.key in alone
            ),
            key=lambda o: -o.shared,
        )
    )
    if not candidates:
        return NoCommonHour(obstacles, (), people)
    fewest = min(len(away) for _i, away in candidates)
    runs: list[Compromise] = []
    previous: int | None = None
    for i, away in candidates:
        if len(away) != fewest:
            continue
        end = grid.columns[i].astimezone(UTC) + span * grid.step  # real time, not wall time
        last = runs[-1] if runs else None
        if last is not None and previous == i - 1 and _same_people(last.away, away):
            runs[-1] = Compromise(last.start, end, last.away)
        elif len(runs) >= limit:
            break
        else:
            runs.append(Compromise(grid.columns[i], end, away))
        previous = i
    user_tz = get_zone(grid.user_zone)
    best = tuple(
        Compromise(c.start.astimezone(user_tz), c.end.astimezone(user_tz), c.away) for c in runs
    )
    return NoCommonHour(obstacles, best, fewest)


def _same_people(a: tuple[Away, ...], b: tuple[Away, ...]) -> bool:
    return [(x.participant.key, x.state) for x in a] == [(x.participant.key, x.state) for x in b]


# --- a trip: the planner's rules for one place, day by day ----------------------------------

#: A trip is "almost all holiday" when at least this share of its days are not working days.
MOSTLY_OFF = 0.75


@dataclass(frozen=True)
class TripDay:
    """One day of a trip in the place's zone: ``state`` is None on a working day (then
    ``window`` is the working window and ``slots`` the suggested meeting starts, aware in the
    zone), else ``"weekend"`` or ``"holiday"``; ``holiday`` names the day's holiday, a
    weekend's too."""

    day: date
    state: CellState | None
    holiday: str | None = None
    window: tuple[datetime, datetime] | None = None
    slots: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class TripOutlook:
    zone: str
    hours: WorkingHours
    days: tuple[TripDay, ...]

    @property
    def working_days(self) -> int:
        return sum(1 for d in self.days if d.state is None)

    @property
    def mostly_off(self) -> bool:
        """At least :data:`MOSTLY_OFF` of the days are not working days there."""
        off = len(self.days) - self.working_days
        return bool(self.days) and off >= MOSTLY_OFF * len(self.days)


def trip_outlook(
    country: str | None,
    subdivision: str | None,
    zone: str,
    start: date,
    end: date,
    hours: WorkingHours | None = None,
    calendar: DayCalendar | None = None,
    lang: str | None = None,
    meeting: timedelta = timedelta(hours=1),
) -> TripOutlook:
    """Every day from ``start`` to ``end`` (inclusive) in ``zone``: working day or not (the
    planner's weekend and holiday rule), and on working days up to two suggested meeting starts
    from the planner's good slots for a ``meeting``: one an hour after work starts, one an hour
    after the middle of the working day (10:00 and 14:00 for 09:00–17:00), or the first good
    slot when the day is too short for those."""
    if end < start:
        raise ValueError("the trip ends before it starts")
    cal = calendar_or_default(calendar)
    week = (
        hours
        if hours is not None
        else WorkingHours.for_country(country, cal, subdivision=subdivision)
    )
    there = Participant("there", "", zone, country, subdivision, week)
    count = (end - start).days + 1
    grid = plan(
        [there], start, count, zone, step=timedelta(minutes=30), calendar=cal, lang=lang,
        duration=meeting,
    )  # fmt: skip
    days: list[TripDay] = []
    for offset in range(count):
        day = start + timedelta(days=offset)
        known = _day(there, day, cal, lang)
        if known.window is None:
            days.append(TripDay(day, known.state, known.holiday))
            continue
        begin_utc, finish_utc = known.window
        tz = get_zone(zone)
        begin, finish = begin_utc.astimezone(tz), finish_utc.astimezone(tz)
        targets = [begin_utc + timedelta(hours=1), begin_utc + (finish_utc - begin_utc) / 2]
        targets[1] += timedelta(hours=1)
        # the good slots are in time order: the day's found by halving, not a walk over all
        # of them for every day (a year's trip brief took seconds a region)
        good = grid.good_slots
        options = good[bisect_left(good, begin_utc) : bisect_left(good, finish_utc)]
        picked: list[datetime] = []
        for target in targets:
            found = next((s for s in options if s >= target), None)
            if found is not None and found not in picked:
                picked.append(found)
        if not picked and options:
            picked.append(options[0])
        days.append(TripDay(day, None, None, (begin, finish), tuple(picked)))
    return TripOutlook(zone, week, tuple(days))
