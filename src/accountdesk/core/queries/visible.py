"""What the lists, views, counts, reminders and exports show: one rule.

A record is shown when it is not in the trash, nor is the account it belongs to, nor the
contact it is about (when it is about one). So an account in the trash takes its contacts, and
their follow-ups and interactions, out of every list, count and export; a contact in the trash
takes its follow-ups with it, and its name out of an interaction's participants (the
interaction, its account's, stays).

The rule in the shapes the queries need, all made from :func:`live`:

- :func:`live`: conditions on the records a query has joined (the record, its account, its
  contact outer-joined when it may have none: no contact reads as none in the trash);
- :func:`contact_shown`: a contact shown, for a query that does not join its account (a
  relationship's loader);
- :func:`shown_by_key`: a record shown, for a count that joins neither its account nor its
  contact (the trash's ids are looked up instead);
- :data:`CONTACT_SHOWN_SQL`: the same as SQL text for the raw fast paths (a contact aliased
  ``c``, its account ``a``), written in the words both databases read;
- :func:`contacts_by_place`: the contacts shown, counted by country, region, zone and hours
  (Today's "in working hours now", the holidays of the contacts' countries), without a join.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import aliased

from accountdesk.core.db.models import Account, Contact

__all__ = [
    "CONTACT_SHOWN_SQL",
    "PlaceGroup",
    "any_account_shown",
    "contact_shown",
    "contacts_by_place",
    "live",
    "shown_by_key",
]


def live(*records: Any) -> list[ColumnElement[bool]]:
    """None of ``records`` is in the trash: the models (or aliases) a query joined for a
    record, the account it belongs to and the contact it is about (outer-joined when it may
    have none). A record is shown only when all of them are live."""
    return [record.deleted_at.is_(None) for record in records]


def contact_shown(contact: Any = Contact) -> ColumnElement[bool]:
    """``contact`` (the model or an alias a query has) is shown: neither it nor its account
    is in the trash; a condition on the contact's own row, for a query that does not join its
    account (a relationship's loader): the account is looked up by its key. It was an ``IN``
    of every shown contact's id, which SQLite read whole for each page opened (2 s for an
    account's page at 300,000 contacts)."""
    account = aliased(Account, name="shown_account")
    owner = select(account.id).where(account.id == contact.account_id, *live(account))
    return and_(*live(contact), owner.exists())


def shown_by_key(
    record: Any, contact: Any = None, *, postgres: bool = False
) -> list[ColumnElement[bool]]:
    """:func:`live` for a query over ``record`` (a model with ``account_id``) that joins
    neither its account nor its contact: ``record`` is not in the trash, nor the account its
    ``account_id`` names, nor the contact its ``contact`` column names (when given; a record
    about no contact has NULL there). The accounts and contacts in the trash are looked up in
    their small indexes (``ix_accounts_trashed``, ``ix_contacts_trashed``): a count over many
    records reads no other table (Today's follow-up counts at 88,000 open follow-ups: 0.04 s,
    against 0.4 s joined).

    On SQLite as ``NOT IN`` the trash's ids (its ``NOT EXISTS`` took the primary key's index:
    0.7 s); on PostgreSQL (``postgres``) as ``NOT EXISTS``, an anti-join: its ``NOT IN``
    compares every row with every id once they outgrow the memory of a hash (300 s for 30,000
    follow-ups with 200,000 contacts in the trash)."""
    conditions = [record.deleted_at.is_(None), _not_trashed(Account, record.account_id, postgres)]
    if contact is not None:
        conditions.append(_not_trashed(Contact, contact, postgres, nullable=True))
    return conditions


def _not_trashed(
    model: Any, key: Any, postgres: bool, *, nullable: bool = False
) -> ColumnElement[bool]:
    """The record of ``model`` that ``key`` names, if any (``nullable``: ``key`` may be NULL,
    naming none), is not in the trash (:func:`shown_by_key`)."""
    trashed = model.deleted_at.is_not(None)
    if postgres:  # no row where id = NULL: a key naming none passes as it is (an anti-join)
        return ~select(model.id).where(model.id == key, trashed).exists()
    kept: ColumnElement[bool] = key.not_in(select(model.id).where(trashed))
    return or_(key.is_(None), kept) if nullable else kept  # NULL NOT IN (…) is not true


def _sql(clause: Any) -> str:
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


#: :func:`live` of a contact ``c`` and its account ``a`` (``contacts c JOIN accounts a ON
#: a.id = c.account_id``), as SQL text.
CONTACT_SHOWN_SQL = _sql(and_(*live(aliased(Contact, name="c"), aliased(Account, name="a"))))


class PlaceGroup(NamedTuple):
    """Contacts shown that share what decides their local time, holidays and working hours:
    their country, region, zone and own hours (None: their country's); ``contacts``: how many."""

    country: str
    subdivision: str | None
    timezone: str
    work_start: str | None
    work_end: str | None
    contacts: int


_BY_PLACE = (
    "SELECT c.country, c.subdivision, c.timezone, c.work_start, c.work_end, count(*) "
    "FROM contacts c WHERE {where} "
    "GROUP BY c.country, c.subdivision, c.timezone, c.work_start, c.work_end"
)
_TRASHED_ACCOUNTS = "SELECT id FROM accounts WHERE deleted_at IS NOT NULL"
#: Accounts in the trash whose contacts are counted out at a time (a statement's parameters).
_IDS_AT_ONCE = 500


def contacts_by_place(raw: Any) -> list[PlaceGroup]:
    """The contacts shown (:func:`live`: neither they nor their account in the trash), counted
    by :class:`PlaceGroup`, in the order of their country, region, zone and hours; ``raw``: a
    :class:`~accountdesk.core.db.portable.Portable`.

    Read from the contacts' index of these columns alone (``ix_contacts_place_hours``, with
    ``deleted_at``), without joining every contact's account: the contacts of the accounts
    in the trash, usually none, are then counted and taken out. Joined, it read every row of
    both tables: 0.7 s for 300,000 contacts, against 0.04 s."""
    counts: dict[tuple[Any, ...], int] = {}
    for *key, count in raw.execute(_BY_PLACE.format(where="c.deleted_at IS NULL")):
        counts[tuple(key)] = int(count)
    # (each statement sees what is committed when it runs: a place the first did not see may
    # come out here, after another person's write; it is left out with the others at 0)
    trashed = [str(r[0]) for r in raw.execute(_TRASHED_ACCOUNTS)]
    for start in range(0, len(trashed), _IDS_AT_ONCE):
        ids = trashed[start : start + _IDS_AT_ONCE]
        marks = ", ".join("?" * len(ids))
        where = f"c.deleted_at IS NULL AND c.account_id IN ({marks})"
        for *key, count in raw.execute(_BY_PLACE.format(where=where), ids):
            counts[tuple(key)] = counts.get(tuple(key), 0) - int(count)
    groups = [
        PlaceGroup(str(country), sub, str(zone), start_, end, count)
        for (country, sub, zone, start_, end), count in counts.items()
        if count > 0
    ]
    # in the same order on both databases (they sort an empty value differently)
    return sorted(groups, key=lambda g: tuple(value or "" for value in g[:5]))


def any_account_shown(raw: Any) -> bool:
    """Whether the database holds an account that is not in the trash (with none, it shows
    no contact either: the first steps are offered)."""
    found = raw.execute("SELECT 1 FROM accounts WHERE deleted_at IS NULL LIMIT 1").fetchone()
    return found is not None
