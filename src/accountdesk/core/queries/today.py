"""The Today view: overdue and today's follow-ups, recent interactions, important dates, and
who is working now (by the one working-time rule, :mod:`accountdesk.core.timekeeping.workhours`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import text

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.search import display_name
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status
from accountdesk.core.timekeeping.zones import get_zone


@dataclass(frozen=True)
class FollowUpEntry:
    id: str
    title: str
    due_at: datetime
    local_due: str
    zone: str
    contact_id: str | None
    contact_name: str
    account_id: str
    account_name: str


@dataclass(frozen=True)
class RecentInteraction:
    id: str
    kind: str
    occurred_at: datetime
    subject: str
    account_id: str
    account_name: str
    participants: str


@dataclass(frozen=True)
class UpcomingDate:
    contact_id: str
    contact_name: str
    account_name: str
    kind: str
    label: str | None
    on: date
    years: int | None  # how many years it will be (age, years at the company), when known


@dataclass(frozen=True)
class WorkingContact:
    id: str
    name: str
    account_name: str
    country: str
    timezone: str
    local: datetime


@dataclass(frozen=True)
class TodayData:
    overdue: list[FollowUpEntry]
    due_today: list[FollowUpEntry]
    recent: list[RecentInteraction]
    dates: list[UpcomingDate]
    working: list[WorkingContact]
    working_total: int


def _raw(conn: Any) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _utc(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _sql_instant(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


_FOLLOW_UPS = (
    "SELECT f.id, f.title, f.due_at, f.local_due, f.zone, c.id, c.given_name, c.family_name, "
    "c.name_order, a.id, a.name FROM follow_ups f JOIN accounts a ON a.id = f.account_id "
    "LEFT JOIN contacts c ON c.id = f.contact_id "
    "WHERE f.deleted_at IS NULL AND f.status = 'open' AND a.deleted_at IS NULL "
    "AND (c.id IS NULL OR c.deleted_at IS NULL) AND f.due_at >= ? AND f.due_at < ? "
    "ORDER BY f.due_at LIMIT ?"
)

_RECENT = (
    "SELECT i.id, i.kind, i.occurred_at, i.subject, a.id, a.name, "
    "(SELECT group_concat(c.given_name || ' ' || c.family_name, ', ') "
    " FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id "
    " WHERE p.interaction_id = i.id) "
    "FROM interactions i JOIN accounts a ON a.id = i.account_id "
    "WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL AND i.occurred_at <= ? "
    "ORDER BY i.occurred_at DESC LIMIT ?"
)

_DATES = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, a.name, d.kind, d.label, d.month, "
    "d.day, d.year FROM important_dates d JOIN contacts c ON c.id = d.contact_id "
    "JOIN accounts a ON a.id = c.account_id "
    "WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND d.month = ? AND d.day = ?"
)

_ZONES = (
    "SELECT timezone, country, subdivision, work_start, work_end, count(*) FROM contacts "
    "WHERE deleted_at IS NULL GROUP BY timezone, country, subdivision, work_start, work_end"
)


def _follow_ups(raw: Any, start: datetime, end: datetime, limit: int) -> list[FollowUpEntry]:
    rows = raw.execute(_FOLLOW_UPS, (_sql_instant(start), _sql_instant(end), limit))
    return [
        FollowUpEntry(
            r[0],
            r[1],
            _utc(r[2]),
            r[3],
            r[4],
            r[5],
            display_name(r[6], r[7], r[8]) if r[5] else "",
            r[9],
            r[10],
        )
        for r in rows
    ]


def _next_days(today: date, days: int) -> Iterable[date]:
    return (today + timedelta(days=n) for n in range(days))


def upcoming_dates(raw: Any, today: date, days: int = 7, limit: int = 100) -> list[UpcomingDate]:
    found: list[UpcomingDate] = []
    for day in _next_days(today, days):
        for r in raw.execute(_DATES, (day.month, day.day)):
            year = r[9]
            found.append(
                UpcomingDate(
                    r[0],
                    display_name(r[1], r[2], r[3]),
                    r[4],
                    r[5],
                    r[6],
                    day,
                    day.year - year if year else None,
                )
            )
            if len(found) >= limit:
                return found
    return found


def working_now(raw: Any, now: datetime, limit: int) -> tuple[list[WorkingContact], int]:
    """Contacts inside their working hours at ``now``: a first ``limit`` of them and the total.

    Contacts are grouped by what decides the answer (zone, country, subdivision, own hours), so
    the rule runs once per group, not once per contact."""
    working_groups: list[tuple[str, str, str | None, str | None, str | None]] = []
    total = 0
    for zone_name, country, sub, start, end, count in raw.execute(_ZONES):
        hours = WorkingHours.for_contact(country, start, end)
        if work_status(now, zone_name, country, sub, hours, window=False).working:
            working_groups.append((zone_name, country, sub, start, end))
            total += int(count)
    contacts: list[WorkingContact] = []
    for zone_name, country, sub, start, end in working_groups:
        if len(contacts) >= limit:
            break
        rows = raw.execute(
            "SELECT c.id, c.given_name, c.family_name, c.name_order, a.name FROM contacts c "
            "JOIN accounts a ON a.id = c.account_id WHERE c.deleted_at IS NULL "
            "AND a.deleted_at IS NULL AND c.timezone = ? AND c.country = ? "
            "AND c.subdivision IS ? AND c.work_start IS ? AND c.work_end IS ? LIMIT ?",
            (zone_name, country, sub, start, end, limit - len(contacts)),
        )
        local = now.astimezone(get_zone(zone_name))
        contacts.extend(
            WorkingContact(r[0], display_name(r[1], r[2], r[3]), r[4], country, zone_name, local)
            for r in rows
        )
    return contacts, total


def today_view(db: Database, now: datetime, user_zone: str, limit: int = 50) -> TodayData:
    """What the Today screen shows at ``now`` for a user in ``user_zone``."""
    local_today = now.astimezone(get_zone(user_zone)).date()
    day_start = datetime.combine(local_today, time(0), get_zone(user_zone))
    day_end = day_start + timedelta(days=1)
    with db.engine.connect() as conn:
        raw = _raw(conn)
        overdue = _follow_ups(raw, datetime(1970, 1, 1, tzinfo=UTC), now, limit)
        due_today = _follow_ups(raw, now, day_end, limit)
        recent = [
            RecentInteraction(r[0], r[1], _utc(r[2]), r[3], r[4], r[5], r[6] or "")
            for r in raw.execute(_RECENT, (_sql_instant(now), 20))
        ]
        dates = upcoming_dates(raw, local_today)
        working, total = working_now(raw, now, limit)
        conn.rollback()
    return TodayData(overdue, due_today, recent, dates, working, total)


def open_follow_up_count(db: Database) -> int:
    with db.engine.connect() as conn:
        value = conn.execute(
            text("SELECT count(*) FROM follow_ups WHERE deleted_at IS NULL AND status = 'open'")
        ).scalar_one()
        conn.rollback()
    return int(value)
