"""Which follow-ups to remind about now, snoozing, and the overdue/today/week/later buckets.

A reminder *fires* at its alert time: ``snoozed_until`` when it was snoozed to later than
``due``, otherwise ``due``. It is due for a notification when the alert time has come and it
has not been notified since then, so follow-ups that fell due while the app was closed are
reported on the next check.

The same test in SQL, so the database layer can filter first (``due_at`` is indexed and every
alert time is at or after ``due_at``)::

    SELECT id FROM follow_ups
    WHERE status = 'open' AND deleted_at IS NULL
      AND due_at <= :now
      AND MAX(due_at, COALESCE(snoozed_until, due_at)) <= :now
      AND (notified_at IS NULL
           OR notified_at < MAX(due_at, COALESCE(snoozed_until, due_at)))
    ORDER BY MAX(due_at, COALESCE(snoozed_until, due_at)), id
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from accountdesk.core.i18n import N_
from accountdesk.core.timekeeping.zones import get_zone, resolve_wall_time, to_wall


@dataclass(frozen=True, slots=True)
class ReminderItem:
    id: str
    due: datetime  # aware
    snoozed_until: datetime | None = None
    notified_at: datetime | None = None

    @property
    def alert_at(self) -> datetime:
        if self.snoozed_until is not None and self.snoozed_until > self.due:
            return self.snoozed_until
        return self.due


def due_reminders(items: Iterable[ReminderItem], now: datetime) -> list[str]:
    """Ids whose alert time has come (``<= now``) and that were not notified since then,
    oldest alert first."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now_utc = now.astimezone(UTC)
    hits: list[tuple[datetime, str]] = []
    for item in items:
        due = item.due
        if due > now_utc:
            continue
        snoozed = item.snoozed_until
        alert = snoozed if snoozed is not None and snoozed > due else due
        if alert > now_utc:
            continue
        notified = item.notified_at
        if notified is not None and notified >= alert:
            continue
        hits.append((alert, item.id))
    hits.sort()
    return [item_id for _alert, item_id in hits]


def snooze_until(
    now: datetime, minutes: int | None = None, until: datetime | None = None
) -> datetime:
    """The instant to remind again: ``minutes`` from ``now`` or the aware ``until``."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if (minutes is None) == (until is None):
        raise ValueError("give either minutes or until")
    if until is not None:
        if until.tzinfo is None:
            raise ValueError("until must be timezone-aware")
        if until <= now:
            raise ValueError("snooze until a time after now")
        return until.astimezone(UTC)
    assert minutes is not None
    if minutes <= 0:
        raise ValueError("snooze for at least one minute")
    return (now + timedelta(minutes=minutes)).astimezone(UTC)


def tomorrow_at(now: datetime, zone: str, at: time = time(9, 0)) -> datetime:
    """Tomorrow at ``at`` in ``zone`` (the user's), as an aware UTC instant."""
    tomorrow = to_wall(now, zone).date() + timedelta(days=1)
    return resolve_wall_time(datetime.combine(tomorrow, at), zone).instant


def snooze(
    item: ReminderItem,
    now: datetime,
    minutes: int | None = None,
    until: datetime | None = None,
) -> ReminderItem:
    """A copy of ``item`` snoozed for ``minutes`` or until ``until``; it will fire again."""
    return replace(item, snoozed_until=snooze_until(now, minutes, until), notified_at=None)


def mark_notified(item: ReminderItem, now: datetime) -> ReminderItem:
    return replace(item, notified_at=now.astimezone(UTC))


@dataclass(frozen=True)
class SnoozePreset:
    key: str
    label: str  # N_(): translate when shown
    minutes: int | None  # None: tomorrow morning in the user's zone


SNOOZE_PRESETS: tuple[SnoozePreset, ...] = (
    SnoozePreset("10m", N_("10 minutes"), 10),
    SnoozePreset("1h", N_("1 hour"), 60),
    SnoozePreset("3h", N_("3 hours"), 180),
    SnoozePreset("tomorrow", N_("Tomorrow morning"), None),
)


def snooze_preset_until(preset: SnoozePreset, now: datetime, user_zone: str) -> datetime:
    if preset.minutes is None:
        return tomorrow_at(now, user_zone)
    return snooze_until(now, minutes=preset.minutes)


Bucket = Literal["overdue", "today", "week", "later"]


@dataclass(frozen=True)
class BucketBounds:
    """Aware UTC instants: the start of today, of tomorrow and of next week in the user's zone.

    overdue: due < now; today: now <= due < tomorrow; week: tomorrow <= due < next_week;
    later: due >= next_week. Usable as SQL parameters as they are.
    """

    now: datetime
    today: datetime
    tomorrow: datetime
    next_week: datetime


def bucket_bounds(now: datetime, user_zone: str, first_weekday: int = 0) -> BucketBounds:
    """Day and week boundaries in ``user_zone``; weeks start on ``first_weekday`` (0 = Monday)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    get_zone(user_zone)
    today = to_wall(now, user_zone).date()
    days_to_week = (first_weekday - today.weekday()) % 7 or 7
    tomorrow = today + timedelta(days=1)
    next_week = today + timedelta(days=days_to_week)

    def start_of(day: date) -> datetime:
        return resolve_wall_time(datetime.combine(day, time(0)), user_zone).instant

    return BucketBounds(
        now.astimezone(UTC), start_of(today), start_of(tomorrow), start_of(next_week)
    )


def bucket_of(due: datetime, bounds: BucketBounds) -> Bucket:
    if due < bounds.now:
        return "overdue"
    if due < bounds.tomorrow:
        return "today"
    if due < bounds.next_week:
        return "week"
    return "later"
