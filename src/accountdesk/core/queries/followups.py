"""Read views of follow-ups: the lists of the Follow-ups screen, Today, reminders, the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.models import Account, Contact, FollowUp

Bucket = Literal["overdue", "today", "week", "later"]
BUCKETS: tuple[Bucket, ...] = ("overdue", "today", "week", "later")


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    title: str
    notes: str | None
    contact_id: str | None
    contact_name: str
    account_id: str
    account_name: str
    country: str | None
    local_due: datetime  # naive wall time in ``zone``
    zone: str
    due_at: datetime  # aware UTC
    duration_minutes: int
    status: str
    snoozed_until: datetime | None
    rrule: str | None
    origin: str

    def in_zone(self, zone: str) -> datetime:
        """The due instant on the wall clock of ``zone`` (the user's, say)."""
        return self.due_at.astimezone(ZoneInfo(zone))


def bucket_of(due_at: datetime, now: datetime, user_zone: str) -> Bucket:
    """Overdue, today, this week (the next 7 days) or later, by the user's calendar."""
    if due_at < now:
        return "overdue"
    zone = ZoneInfo(user_zone)
    today = now.astimezone(zone).date()
    day = due_at.astimezone(zone).date()
    if day == today:
        return "today"
    if day < today + timedelta(days=7):
        return "week"
    return "later"


def _bounds(
    bucket: Bucket, now: datetime, user_zone: str
) -> tuple[datetime | None, datetime | None]:
    zone = ZoneInfo(user_zone)
    today = now.astimezone(zone).date()

    def midnight(days: int) -> datetime:
        local = datetime.combine(today + timedelta(days=days), datetime.min.time(), zone)
        return local.astimezone(UTC)

    if bucket == "overdue":
        return None, now
    if bucket == "today":
        return now, midnight(1)
    if bucket == "week":
        return midnight(1), midnight(7)
    return midnight(7), None


def list_follow_ups(
    db: Database,
    *,
    now: datetime,
    user_zone: str,
    due: Bucket | None = None,
    status: str | None = "open",
    contact_id: str | None = None,
    account_id: str | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> list[FollowUpRow]:
    """Follow-ups in due order, filtered by bucket (in the user's zone), status and owner."""
    query = (
        select(FollowUp, Contact, Account)
        .join(Account, Account.id == FollowUp.account_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.deleted_at.is_(None), Account.deleted_at.is_(None))
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    if status is not None:
        query = query.where(FollowUp.status == status)
    if due is not None:
        start, end = _bounds(due, now, user_zone)
        if start is not None:
            query = query.where(FollowUp.due_at >= start)
        if end is not None:
            query = query.where(FollowUp.due_at < end)
    if contact_id is not None:
        query = query.where(FollowUp.contact_id == contact_id)
    if account_id is not None:
        query = query.where(FollowUp.account_id == account_id)
    if text:
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(
                FollowUp.title.ilike(pattern),
                Account.name.ilike(pattern),
                Contact.given_name.ilike(pattern),
                Contact.family_name.ilike(pattern),
            )
        )
    if limit is not None:
        query = query.limit(limit)
    rows = []
    with db.reader() as session:
        for item, contact, account in session.execute(query):
            name = (
                display_name(contact.given_name, contact.family_name, contact.name_order)
                if contact is not None
                else ""
            )
            rows.append(
                FollowUpRow(
                    id=item.id,
                    title=item.title,
                    notes=item.notes,
                    contact_id=item.contact_id,
                    contact_name=name,
                    account_id=account.id,
                    account_name=account.name,
                    country=contact.country if contact is not None else account.country,
                    local_due=datetime.fromisoformat(item.local_due),
                    zone=item.zone,
                    due_at=item.due_at,
                    duration_minutes=item.duration_minutes,
                    status=item.status,
                    snoozed_until=item.snoozed_until,
                    rrule=item.rrule,
                    origin=item.origin,
                )
            )
    return rows


def due_for_reminder(db: Database, now: datetime) -> list[str]:
    """Ids of open follow-ups whose reminder should show now.

    Due (or their snooze is over) and not yet notified since; this includes the ones that fell
    due while the app was closed. Filtered entirely in SQL.
    """
    remind_at = func.coalesce(FollowUp.snoozed_until, FollowUp.due_at)
    query = (
        select(FollowUp.id)
        .where(
            FollowUp.status == "open",
            FollowUp.deleted_at.is_(None),
            remind_at <= now,
            or_(FollowUp.notified_at.is_(None), FollowUp.notified_at < remind_at),
        )
        .order_by(FollowUp.due_at)
    )
    with db.reader() as session:
        return list(session.scalars(query))


def counts_by_bucket(db: Database, now: datetime, user_zone: str) -> dict[Bucket, int]:
    counts: dict[Bucket, int] = {}
    with db.reader() as session:
        for bucket in BUCKETS:
            start, end = _bounds(bucket, now, user_zone)
            conditions = [FollowUp.status == "open", FollowUp.deleted_at.is_(None)]
            if start is not None:
                conditions.append(FollowUp.due_at >= start)
            if end is not None:
                conditions.append(FollowUp.due_at < end)
            counts[bucket] = int(
                session.scalar(select(func.count()).select_from(FollowUp).where(and_(*conditions)))
                or 0
            )
    return counts
