"""The Today view: overdue and today's follow-ups (the first few and how many there are, by the
buckets of :mod:`accountdesk.core.timekeeping.reminders`), recent interactions, important
dates, and who is working now (by the one working-time rule,
:mod:`accountdesk.core.timekeeping.workhours`).
"""

from __future__ import annotations

from calendar import isleap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from accountdesk.core.db.engine import Database
from accountdesk.core.db.portable import as_utc, portable
from accountdesk.core.i18n import join_list
from accountdesk.core.queries.followups import (
    Bucket,
    FollowUpRow,
    counts_by_bucket,
    list_follow_ups,
)
from accountdesk.core.queries.search import display_name
from accountdesk.core.queries.visible import CONTACT_SHOWN_SQL, contacts_by_place
from accountdesk.core.timekeeping.workhours import WorkingHours, work_status
from accountdesk.core.timekeeping.zones import get_zone, user_day


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
    overdue: list[FollowUpRow]  # the first ``rows`` of them, most overdue first
    due_today: list[FollowUpRow]
    counts: dict[Bucket, int]  # how many open follow-ups each bucket holds, in all
    recent: list[RecentInteraction]
    dates: list[UpcomingDate]
    working: list[WorkingContact]
    working_total: int


def _sql_instant(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


_RECENT = (
    "SELECT i.id, i.kind, i.occurred_at, i.subject, a.id, a.name "
    "FROM interactions i JOIN accounts a ON a.id = i.account_id "
    "WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL AND i.occurred_at <= ? "
    "ORDER BY i.occurred_at DESC LIMIT ?"
)

_DATES = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, a.name, d.kind, d.label, d.month, "
    "d.day, d.year FROM important_dates d JOIN contacts c ON c.id = d.contact_id "
    "JOIN accounts a ON a.id = c.account_id "
    f"WHERE {CONTACT_SHOWN_SQL} AND d.remind "
    "AND d.month = ? AND d.day IN (?, ?)"
)

# the participants named are those shown (not in the trash, nor their account: queries.visible)
_PARTICIPANTS = (
    "SELECT p.interaction_id, c.given_name, c.family_name, c.name_order "
    "FROM interaction_participants p JOIN contacts c ON c.id = p.contact_id "
    "JOIN accounts a ON a.id = c.account_id "
    f"WHERE p.interaction_id IN ({{marks}}) AND {CONTACT_SHOWN_SQL}"
)


def _participants(raw: Any, interaction_ids: list[str]) -> dict[str, str]:
    """The participants of each interaction as the account view names them: each in their
    own name order, with the language's list separator (i18n.join_list)."""
    if not interaction_ids:
        return {}
    names: dict[str, list[str]] = {}
    sql = _PARTICIPANTS.format(marks=", ".join("?" * len(interaction_ids)))
    for interaction_id, given, family, order in raw.execute(sql, interaction_ids):
        names.setdefault(interaction_id, []).append(display_name(given, family, order))
    return {id_: join_list(found) for id_, found in names.items()}


#: How many days (today the first) Today's look-ahead sections cover: "Birthdays and
#: anniversaries, next 7 days" and "Holidays and seasons, next 7 days" (their titles say the
#: number: change both with it).
TODAY_DAYS = 7


def _next_days(today: date, days: int) -> Iterable[date]:
    return (today + timedelta(days=n) for n in range(days))


def upcoming_dates(
    raw: Any, today: date, days: int = TODAY_DAYS, limit: int = 100
) -> list[UpcomingDate]:
    """The important dates with a reminder in the ``days`` from ``today``; 29 February falls
    on 28 February in a common year."""
    found: list[UpcomingDate] = []
    for day in _next_days(today, days):
        leap_day = day.day + 1 if (day.month, day.day) == (2, 28) and not isleap(day.year) else 0
        for r in raw.execute(_DATES, (day.month, day.day, leap_day)):
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
    for country, sub, zone_name, start, end, count in contacts_by_place(raw):
        hours = WorkingHours.for_contact(country, start, end, subdivision=sub)
        if work_status(now, zone_name, country, sub, hours, window=False).working:
            working_groups.append((zone_name, country, sub, start, end))
            total += count
    contacts: list[WorkingContact] = []
    for zone_name, country, sub, start, end in working_groups:
        if len(contacts) >= limit:
            break
        rows = raw.execute(
            "SELECT c.id, c.given_name, c.family_name, c.name_order, a.name FROM contacts c "
            f"JOIN accounts a ON a.id = c.account_id WHERE {CONTACT_SHOWN_SQL} "
            "AND c.timezone = ? AND c.country = ? "
            "AND c.subdivision IS ? AND c.work_start IS ? AND c.work_end IS ? LIMIT ?",
            (zone_name, country, sub, start, end, limit - len(contacts)),
        )
        local = now.astimezone(get_zone(zone_name))
        contacts.extend(
            WorkingContact(r[0], display_name(r[1], r[2], r[3]), r[4], country, zone_name, local)
            for r in rows
        )
    return contacts, total


def today_view(
    db: Database, now: datetime, user_zone: str, limit: int = 50, rows: int = 8
) -> TodayData:
    """What the Today screen shows at ``now`` for a user in ``user_zone``: the first ``rows``
    overdue and due-today follow-ups with the true counts, up to ``limit`` working contacts."""
    local_today = user_day(now, user_zone)
    overdue = list_follow_ups(db, now=now, user_zone=user_zone, due="overdue", limit=rows)
    due_today = list_follow_ups(db, now=now, user_zone=user_zone, due="today", limit=rows)
    counts = counts_by_bucket(db, now, user_zone)
    with db.engine.connect() as conn:
        raw = portable(conn)
        found = list(raw.execute(_RECENT, (_sql_instant(now), rows)))
        named = _participants(raw, [r[0] for r in found])
        recent = [
            RecentInteraction(r[0], r[1], as_utc(r[2]), r[3], r[4], r[5], named.get(r[0], ""))
            for r in found
        ]
        dates = upcoming_dates(raw, local_today)
        working, total = working_now(raw, now, limit)
        conn.rollback()
    return TodayData(overdue, due_today, counts, recent, dates, working, total)
