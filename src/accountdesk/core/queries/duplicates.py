"""Reads for finding and merging duplicate contacts (the rules are in
:mod:`accountdesk.core.services.duplicates`): what each live contact can be matched on, the
contacts of a cluster side by side, and the recent merges. Plain dataclasses, no ORM objects."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text

from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.models import (
    Account,
    AccountMerge,
    Contact,
    ContactMerge,
    ImportantDate,
    table,
)
from accountdesk.core.queries.details import DateItem
from accountdesk.core.queries.facts import AccountFacts, ContactFacts

_SEP = "\x1f"
#: The addresses and numbers come out of their JSON lists in SQLite (json_each), joined by a
#: unit separator: reading 300,000 contacts takes a second or two, not ten.
_FACTS_SQL = (
    "SELECT c.id, c.account_id, a.name, c.given_name, c.family_name, c.name_order, c.country,"
    " (SELECT group_concat(json_extract(e.value, '$.value'), char(31))"
    "  FROM json_each(c.emails) e),"
    " (SELECT group_concat(json_extract(p.value, '$.value'), char(31))"
    "  FROM json_each(c.phones) p)"
    " FROM contacts c JOIN accounts a ON a.id = c.account_id"
    " WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL"
)
#: The same on PostgreSQL (json_array_elements in place of json_each).
_PG_FACTS_SQL = (
    "SELECT c.id, c.account_id, a.name, c.given_name, c.family_name, c.name_order, c.country,"
    " (SELECT string_agg(e->>'value', chr(31)) FROM json_array_elements(c.emails) e),"
    " (SELECT string_agg(p->>'value', chr(31)) FROM json_array_elements(c.phones) p)"
    " FROM contacts c JOIN accounts a ON a.id = c.account_id"
    " WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL"
)


@dataclass(frozen=True)
class Near:
    """Which contacts may be duplicates of a few: those of ``accounts``, and those with an
    e-mail address or phone number whose key (``email_key``, ``phone_key(value, country)``,
    the rules of :mod:`accountdesk.core.services.duplicates`) is one of ``emails``/``phones``.
    """

    accounts: frozenset[str]
    emails: frozenset[str]
    phones: frozenset[str]
    email_key: Callable[[str], str]
    phone_key: Callable[[str, str], str | None]


_NEAR_SQL = (
    " AND (c.account_id IN (SELECT value FROM json_each(?))"
    " OR EXISTS (SELECT 1 FROM json_each(c.emails) e"
    "  WHERE accountdesk_email_key(json_extract(e.value, '$.value'))"
    "  IN (SELECT value FROM json_each(?)))"
    " OR EXISTS (SELECT 1 FROM json_each(c.phones) p"
    "  WHERE accountdesk_phone_key(json_extract(p.value, '$.value'), c.country)"
    "  IN (SELECT value FROM json_each(?))))"
)


def _is_near(near: Near, account_id: str, country: str, emails: str, phones: str) -> bool:
    """Python's side of :data:`_NEAR_SQL`, where the database cannot call the key rules (a
    team server): the same test on a row already read."""
    return (
        account_id in near.accounts
        or any(near.email_key(e) in near.emails for e in (emails.split(_SEP) if emails else ()))
        or any(
            near.phone_key(p, country) in near.phones
            for p in (phones.split(_SEP) if phones else ())
        )
    )


def contact_facts(
    db: Database, near: Near | None = None, *, ids: Iterable[str] | None = None
) -> list[ContactFacts]:
    """Every contact that is not in the trash (one pass over the table); with ``near``, only
    those that may be duplicates of some (the table is still read once, but only they become
    Python objects: checking an import of ten contacts against 300,000 takes a fraction of
    reading them all); with ``ids``, those contacts."""
    with db.reader() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        if db.is_postgres:
            if ids is not None:
                rows = raw.execute(_PG_FACTS_SQL + " AND c.id = ANY(%s)", (sorted(ids),))
            else:
                rows = raw.execute(_PG_FACTS_SQL).fetchall()
            if near is not None:
                rows = [r for r in rows if _is_near(near, r[1], r[6], r[7], r[8])]
        elif ids is not None:
            rows = raw.execute(
                _FACTS_SQL + " AND c.id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(ids)),),
            ).fetchall()
        elif near is None:
            rows = raw.execute(_FACTS_SQL).fetchall()  # the DB-API directly: 300,000 rows
        else:
            raw.create_function("accountdesk_email_key", 1, near.email_key, deterministic=True)
            raw.create_function("accountdesk_phone_key", 2, near.phone_key, deterministic=True)
            wanted = (sorted(near.accounts), sorted(near.emails), sorted(near.phones))
            rows = raw.execute(_FACTS_SQL + _NEAR_SQL, [json.dumps(w) for w in wanted]).fetchall()
    return [
        ContactFacts(
            id_,
            account_id,
            account_name,
            given,
            family or "",
            order,
            country,
            tuple(emails.split(_SEP)) if emails else (),
            tuple(phones.split(_SEP)) if phones else (),
        )
        for id_, account_id, account_name, given, family, order, country, emails, phones in rows
    ]


#: The contact fields a merge fills in and shows side by side, in the order of the form.
SHEET_FIELDS = (
    "given_name",
    "family_name",
    "honorific",
    "job_title",
    "emails",
    "phones",
    "country",
    "city",
    "timezone",
    "preferred_language",
    "preferred_channel",
    "buying_role",
    "personal_notes",
    "how_we_met",
)


@dataclass(frozen=True)
class ContactSheet:
    """One contact of a cluster, side by side with the others: its fields and how much hangs
    on it (what a merge would move)."""

    id: str
    name: str
    account_name: str
    fields: dict[str, Any]  # SHEET_FIELDS -> stored value (lists of {"label", "value"} for
    # e-mails and phones)
    created_at: datetime
    related: int  # interactions, follow-ups, notes, gifts, survey answers, dates
    #: the important dates, by month and day: a merge keeps the kept contact's birthday
    dates: tuple[DateItem, ...] = ()


_RELATED_SQL = (
    "SELECT (SELECT count(*) FROM interaction_participants WHERE contact_id = :id)"
    " + (SELECT count(*) FROM follow_ups WHERE contact_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM notes WHERE contact_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM gifts WHERE contact_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM survey_responses WHERE contact_id = :id AND deleted_at IS NULL)"
    " + (SELECT count(*) FROM important_dates WHERE contact_id = :id)"
)


def contact_sheets(db: Database, ids: Sequence[str]) -> list[ContactSheet]:
    """The contacts ``ids`` (live ones, in that order) side by side."""
    contacts, accounts = table(Contact), table(Account)
    query = (
        select(contacts, accounts.c.name.label("account_name"))
        .select_from(contacts.join(accounts, accounts.c.id == contacts.c.account_id))
        .where(contacts.c.id.in_(list(ids)), contacts.c.deleted_at.is_(None))
    )
    dates_table = table(ImportantDate)
    dates_query = (
        select(dates_table)
        .where(dates_table.c.contact_id.in_(list(ids)))
        .order_by(dates_table.c.month, dates_table.c.day, dates_table.c.id)
    )
    with db.reader() as session:
        conn = session.connection()
        found = {row.id: row for row in conn.execute(query)}
        dates: dict[str, list[DateItem]] = {}
        for d in conn.execute(dates_query):
            dates.setdefault(d.contact_id, []).append(
                DateItem(d.kind, d.label, d.month, d.day, d.year)
            )
        sheets = []
        for id_ in ids:
            row = found.get(id_)
            if row is None:
                continue
            related = conn.execute(text(_RELATED_SQL), {"id": id_}).scalar_one()
            sheets.append(
                ContactSheet(
                    id=id_,
                    name=display_name(row.given_name, row.family_name or "", row.name_order),
                    account_name=row.account_name,
                    fields={key: getattr(row, key) for key in SHEET_FIELDS},
                    created_at=row.created_at,
                    related=int(related),
                    dates=tuple(dates.get(id_, ())),
                )
            )
    return sheets


#: The kinds of merge the latest merges list (MergeRow.kind).
CONTACTS = "contact"
ACCOUNTS = "account"


@dataclass(frozen=True)
class MergeRow:
    id: str
    kept_id: str
    kept_name: str
    merged_names: tuple[str, ...]
    merged_at: datetime
    undone_at: datetime | None
    kind: str = CONTACTS  # CONTACTS or ACCOUNTS


def _names(conn: Any, ids: Iterable[str]) -> dict[str, str]:
    contacts = table(Contact)
    query = select(
        contacts.c.id, contacts.c.given_name, contacts.c.family_name, contacts.c.name_order
    ).where(contacts.c.id.in_(list(ids)))
    return {
        row.id: display_name(row.given_name, row.family_name, row.name_order)
        for row in conn.execute(query)
    }


def _account_names(conn: Any, ids: Iterable[str]) -> dict[str, str]:
    accounts = table(Account)
    query = select(accounts.c.id, accounts.c.name).where(accounts.c.id.in_(list(ids)))
    return {row.id: row.name for row in conn.execute(query)}


def recent_merges(db: Database, limit: int = 50) -> list[MergeRow]:
    """The latest merges of contacts and of accounts, newest first (undone ones included,
    marked): one list, from which each is undone."""
    found: list[MergeRow] = []
    with db.reader() as session:
        conn = session.connection()
        for model, kind, names_of in (
            (ContactMerge, CONTACTS, _names),
            (AccountMerge, ACCOUNTS, _account_names),
        ):
            merges = table(model)
            rows = conn.execute(
                select(merges).order_by(merges.c.merged_at.desc(), merges.c.id.desc()).limit(limit)
            ).fetchall()
            names = names_of(
                conn, {row.kept_id for row in rows} | {m for row in rows for m in row.merged_ids}
            )
            found.extend(
                MergeRow(
                    id=row.id,
                    kept_id=row.kept_id,
                    kept_name=names.get(row.kept_id, row.kept_id),
                    merged_names=tuple(names.get(m, m) for m in row.merged_ids),
                    merged_at=row.merged_at,
                    undone_at=row.undone_at,
                    kind=kind,
                )
                for row in rows
            )
    found.sort(key=lambda m: (m.merged_at, m.id), reverse=True)
    return found[:limit]


def account_facts(db: Database) -> list[AccountFacts]:
    """Every account not in the trash, with what duplicate accounts are matched on."""
    accounts = table(Account)
    query = select(
        accounts.c.id, accounts.c.name, accounts.c.country, accounts.c.website, accounts.c.city
    ).where(accounts.c.deleted_at.is_(None))
    with db.reader() as session:
        return [AccountFacts(*row) for row in session.connection().execute(query)]


#: The account fields shown side by side and filled by a merge, in the order of the form.
ACCOUNT_SHEET_FIELDS = (
    "name",
    "country",
    "city",
    "address",
    "website",
    "industry",
    "size_band",
    "tier",
    "status",
    "customer_since",
    "lost_on",
    "currency",
    "acquisition_cost",
    "owner",
)
#: What a merge of accounts moves, as counted for the sheet and the confirmation (records not
#: in the trash; tags as links): table -> the column that points at the account.
ACCOUNT_RELATED = (
    ("contacts", "account_id"),
    ("deals", "account_id"),
    ("interactions", "account_id"),
    ("follow_ups", "account_id"),
    ("notes", "account_id"),
    ("gifts", "account_id"),
    ("survey_responses", "account_id"),
    ("account_tags", "account_id"),
    ("accounts", "referred_by_id"),
)


@dataclass(frozen=True)
class AccountSheet:
    """One account of a group, side by side with the others: its fields and what hangs on it
    (what a merge would move), per table of :data:`ACCOUNT_RELATED`."""

    id: str
    name: str
    fields: dict[str, Any]
    created_at: datetime
    related: dict[str, int]
    #: its earlier periods as a customer (the column's JSON text, or None)
    earlier_periods: str | None = None
    referred_by: str | None = None  # the referrer's name

    @property
    def total(self) -> int:
        return sum(self.related.values())


def account_sheets(db: Database, ids: Sequence[str]) -> list[AccountSheet]:
    """The accounts ``ids`` (live ones, in that order) side by side."""
    accounts = table(Account)
    referrer = accounts.alias("referrer")
    query = (
        select(accounts, referrer.c.name.label("referrer_name"))
        .select_from(accounts.outerjoin(referrer, referrer.c.id == accounts.c.referred_by_id))
        .where(accounts.c.id.in_(list(ids)), accounts.c.deleted_at.is_(None))
    )
    sheets = []
    with db.reader() as session:
        conn = session.connection()
        found = {row.id: row for row in conn.execute(query)}
        for id_ in ids:
            row = found.get(id_)
            if row is None:
                continue
            related = {}
            for name, column in ACCOUNT_RELATED:
                tbl = Account.metadata.tables[name]
                count = select(func.count()).select_from(tbl).where(tbl.c[column] == id_)
                if "deleted_at" in tbl.c:
                    count = count.where(tbl.c.deleted_at.is_(None))
                related[name] = int(conn.execute(count).scalar_one())
            sheets.append(
                AccountSheet(
                    id=id_,
                    name=row.name,
                    fields={key: getattr(row, key) for key in ACCOUNT_SHEET_FIELDS},
                    created_at=row.created_at,
                    related=related,
                    earlier_periods=row.earlier_periods,
                    referred_by=row.referrer_name,
                )
            )
    return sheets
