"""Reminders, snooze presets and the follow-up buckets: the rules, each in one place.

**Reminders.** A follow-up's reminder *fires* at its alert time, ``max(due, snoozed_until)``:
snoozing never brings a reminder forward, so snoozing a follow-up due in two days "for 1 hour"
would change nothing: such a snooze is not made (:func:`snooze_delays`), and the user is told.
It is shown when the alert time has come and it has not been notified since then, so
follow-ups that fell due while the app was closed are shown on the next check, once. The rule
runs in SQL, over every open follow-up, in one place:
:func:`accountdesk.core.queries.followups.due_for_reminder`; a snooze that still holds a
reminder back is :func:`snoozed_to` (what the lists show beside when it is due).

**Snooze presets.** :data:`SNOOZE_PRESETS`, turned into an instant by :func:`snooze_preset_until`:
an hour or three from now, or the start of the user's working hours on their next working day
or on the first working day of their next week, by their own calendar (Settings → Me: zone,
country and region, hours), the one working-time rule
(:func:`~accountdesk.core.timekeeping.workhours.working_day`): Thursday evening in Tehran
snoozes to Saturday, a week starts on Sunday in Israel, and a public holiday is skipped.

**Buckets**, on the user's calendar (their zone; midnights found with
:func:`~accountdesk.core.timekeeping.zones.resolve_wall_time`, so a day of 23 or 25 hours is one
day):

- ``overdue``: due before now;
- ``today``: from now to the user's next midnight;
- ``week`` ("Next 7 days"): the seven days after today, from tomorrow's midnight to the
  midnight that starts the eighth day; not the calendar week, which would be empty on the
  week's last day and differs between countries;
- ``later``: after that.

The Follow-ups screen, its counts, Today and ``accountdesk followups --due`` all use
:func:`bucket_bounds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal

from accountdesk.core.i18n import N_
from accountdesk.core.timekeeping.calendars import DayCalendar, calendar_or_default
from accountdesk.core.timekeeping.workhours import SEARCH_DAYS, working_day
from accountdesk.core.timekeeping.zones import resolve_wall_time, user_day

if TYPE_CHECKING:
    from accountdesk.core.timekeeping.scheduling import Side

# --- snoozing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SnoozePreset:
    """``minutes`` from now, or the start of the user's working hours on a working day after
    today (``until``): their next one (``"working_day"``) or the first of their next week
    (``"next_week"``). The ``label`` of one with ``until`` names the time as ``{when}``."""

    key: str
    label: str  # N_(): translate when shown
    minutes: int | None = None
    until: Literal["working_day", "next_week"] | None = None


SNOOZE_PRESETS: tuple[SnoozePreset, ...] = (
    SnoozePreset("1h", N_("For 1 hour"), minutes=60),
    SnoozePreset("3h", N_("For 3 hours"), minutes=180),
    # TRANSLATORS: {when} is the day and time it snoozes to, on the user's clock ("Mon 11 Jan,
    # 08:00"): the start of their working hours on their next working day
    SnoozePreset("working_day", N_("Until the next working day ({when})"), until="working_day"),
    # TRANSLATORS: {when} is the day and time it snoozes to ("Sat 9 Jan, 08:00"): the start of
    # the user's working hours on the first working day of their next week
    SnoozePreset("next_week", N_("Until next week ({when})"), until="next_week"),
)
PRESETS_BY_KEY = {preset.key: preset for preset in SNOOZE_PRESETS}


def snooze_delays(due_at: datetime, until: datetime) -> bool:
    """Whether snoozing a follow-up due at ``due_at`` until ``until`` (both aware) moves its
    reminder: only a time after it is due does (the alert time is the later of the two)."""
    return until > due_at


def snoozed_to(due_at: datetime, snoozed_until: datetime | None, now: datetime) -> datetime | None:
    """The time an open follow-up's reminder is snoozed to when, at ``now``, the snooze still
    holds it back (after ``now`` and after it is due); None when it does not."""
    if snoozed_until is None or snoozed_until <= now or not snooze_delays(due_at, snoozed_until):
        return None
    return snoozed_until


def snooze_preset_until(
    preset: SnoozePreset, now: datetime, me: Side, calendar: DayCalendar | None = None
) -> datetime:
    """The aware UTC instant ``preset`` snoozes to at ``now`` for the user whose own calendar
    is ``me`` (``settings.UserCalendar``: zone, country, region, working hours)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if preset.minutes is not None:
        return (now + timedelta(minutes=preset.minutes)).astimezone(UTC)
    today = user_day(now, me.zone)
    ahead = 1
    if preset.until == "next_week":
        ahead = (me.hours.week_start - today.weekday() - 1) % 7 + 1  # never today
    return _working_start(today + timedelta(days=ahead), me, calendar)


def _working_start(first: date, me: Side, calendar: DayCalendar | None) -> datetime:
    """When the user's working hours start on ``first`` or on their first working day after
    it (weekend, public holidays and half days by the one rule); the start of their hours on
    ``first`` when no working day comes within :data:`~accountdesk.core.timekeeping.workhours.
    SEARCH_DAYS`."""
    cal = calendar_or_default(calendar)
    for ahead in range(SEARCH_DAYS):
        day = first + timedelta(days=ahead)
        window = working_day(day, me.zone, me.hours, me.country, me.subdivision, cal).window
        if window is not None:
            return window[0].astimezone(UTC)
    return resolve_wall_time(datetime.combine(first, me.hours.start), me.zone).instant


# --- buckets --------------------------------------------------------------------------------

Bucket = Literal["overdue", "today", "week", "later"]
BUCKETS: tuple[Bucket, ...] = ("overdue", "today", "week", "later")
BUCKET_LABELS: dict[Bucket, str] = {
    "overdue": N_("Overdue"),
    "today": N_("Today"),
    "week": N_("Next 7 days"),
    "later": N_("Later"),
}
WEEK_DAYS = 7


@dataclass(frozen=True)
class BucketBounds:
    """Aware UTC instants: now, the user's next midnight and the midnight after the next
    seven days. Usable as SQL parameters as they are."""

    now: datetime
    tomorrow: datetime
    week_end: datetime

    def range(self, bucket: Bucket) -> tuple[datetime | None, datetime | None]:
        """``[start, end)`` of ``bucket``; None is open-ended."""
        if bucket == "overdue":
            return None, self.now
        if bucket == "today":
            return self.now, self.tomorrow
        if bucket == "week":
            return self.tomorrow, self.week_end
        return self.week_end, None


def midnight(day: date, zone: str) -> datetime:
    """The aware UTC instant ``day`` starts in ``zone`` (the first instant after a DST gap)."""
    return resolve_wall_time(datetime.combine(day, time(0)), zone).instant


def bucket_bounds(now: datetime, user_zone: str) -> BucketBounds:
    """The bucket boundaries at ``now`` on the calendar of ``user_zone``."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    today = user_day(now, user_zone)
    return BucketBounds(
        now.astimezone(UTC),
        midnight(today + timedelta(days=1), user_zone),
        midnight(today + timedelta(days=1 + WEEK_DAYS), user_zone),
    )


def bucket_of(due: datetime, bounds: BucketBounds) -> Bucket:
    if due < bounds.now:
        return "overdue"
    if due < bounds.tomorrow:
        return "today"
    if due < bounds.week_end:
        return "week"
    return "later"
