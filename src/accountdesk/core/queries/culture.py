"""Read queries for the cultural screens: the user's country notes, the countries of the
user's contacts (for the Today block) and an account's country. Plain dataclasses only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, CountryNote
from accountdesk.core.db.portable import portable
from accountdesk.core.queries.visible import contacts_by_place


@dataclass(frozen=True)
class CountryNoteItem:
    id: str
    country: str
    body: str
    created_at: datetime
    deleted_at: datetime | None = None


def country_notes(db: Database, country: str) -> list[CountryNoteItem]:
    """The user's own notes on ``country`` (not in the trash), oldest first."""
    cc = country.upper()
    with db.reader() as session:
        rows = session.execute(
            select(
                CountryNote.id,
                CountryNote.country,
                CountryNote.body,
                CountryNote.created_at,
                CountryNote.deleted_at,
            )
            .where(CountryNote.country == cc, CountryNote.deleted_at.is_(None))
            .order_by(CountryNote.created_at, CountryNote.id)
        ).all()
    return [CountryNoteItem(str(r[0]), str(r[1]), str(r[2]), r[3], r[4]) for r in rows]


def countries_with_notes(db: Database) -> dict[str, int]:
    """Country code -> number of the user's notes on it."""
    with db.reader() as session:
        rows = session.execute(
            select(CountryNote.country, func.count())
            .where(CountryNote.deleted_at.is_(None))
            .group_by(CountryNote.country)
        ).all()
    return {str(r[0]): int(r[1]) for r in rows}


def contact_places(db: Database) -> list[tuple[str, str | None, str]]:
    """The distinct (country, subdivision, zone) of the contacts shown (:mod:`.visible`:
    neither they nor their account in the trash), in order, a contact without a region first:
    where they are and by which clock (Today's holidays are those of their day)."""
    with db.engine.connect() as conn:
        groups = contacts_by_place(portable(conn))
        conn.rollback()
    places = {(g.country, g.subdivision or None, g.timezone) for g in groups if g.country}
    return sorted(places, key=lambda place: (place[0], place[1] or "", place[2]))


def contact_country_pairs(db: Database) -> list[tuple[str, str | None]]:
    """The distinct (country, subdivision) pairs of the contacts shown, in order, a contact
    without a region first (:func:`contact_places` without the zones)."""
    return list(dict.fromkeys((country, sub) for country, sub, _zone in contact_places(db)))


def account_country(db: Database, account_id: str) -> tuple[str, str | None] | None:
    """The account's (country, subdivision), or None if there is no such account."""
    with db.reader() as session:
        row = session.execute(
            select(Account.country, Account.subdivision).where(Account.id == account_id)
        ).first()
    if row is None or not row[0]:
        return None
    return str(row[0]), str(row[1]) if row[1] else None
