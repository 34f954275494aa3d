"""Use cases for accounts and contacts: one transaction per user action, plain values out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact, ImportantDate, Tag, User
from accountdesk.core.i18n import _
from accountdesk.core.records import (
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
    tag_key,
)
from accountdesk.core.services import trash
from accountdesk.core.services.conflicts import Loaded, editable, saving


def tags_for(session: Session, names: Sequence[str]) -> list[Tag]:
    """The Tag rows for ``names``, created as needed (case-insensitive)."""
    cleaned = clean_tags(names)
    if not cleaned:
        return []
    # Compared in Python: SQLite's lower() folds only ASCII, so "İstanbul" was not found and
    # inserted a second time (a unique-constraint error). The tag table is small.
    existing = {tag_key(t.name): t for t in session.scalars(select(Tag))}
    result = []
    for name in cleaned:
        tag = existing.get(tag_key(name))
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            existing[tag_key(name)] = tag
        result.append(tag)
    return result


def _check_referrer(session: Session, values: dict[str, Any], own_id: str | None) -> None:
    ref = values.get("referred_by_id")
    if ref is None:
        return
    if ref == own_id:
        raise v.fail("referred_by", ref, _("an account cannot refer itself"))
    if session.get(Account, ref) is None:
        raise v.fail("referred_by", ref, _("is not an account"))


def owner_of_new(conn: Connection, owner: str | None) -> str | None:
    """Who a new account belongs to: the owner given, else, on a team server, the member who
    creates it (their login); no one when the login is not a member (the administrator's,
    ``postgres``), nor on a laptop's file (owners there are free text).

    The form offers "No owner" only when this gives none (ui/accounts/team.py
    ``fill_owner``); imports and the command line come here without an owner."""
    if owner or conn.dialect.name != "postgresql":
        return owner
    # a member: a row of the team not removed (as core/queries/team.py ``members`` reads it)
    login = conn.execute(
        select(User.login).where(User.login == func.current_user(), User.deleted_at.is_(None))
    ).scalar()
    return None if login is None else str(login)


def create_account(db: Database, data: AccountInput) -> str:
    values = clean_account(data)
    with db.transaction() as session:
        values["owner"] = owner_of_new(session.connection(), values.get("owner"))
        _check_referrer(session, values, None)
        account = Account(**values)
        account.tags = tags_for(session, data.tags)
        session.add(account)
        session.flush()
        return account.id


def update_account(
    db: Database, account_id: str, data: AccountInput, *, expected_version: int | None = None
) -> None:
    """Save an edited account. ``expected_version``: the version the form was loaded at
    (:func:`account_for_edit`); when someone saved the account since, the save is refused
    (:class:`~accountdesk.core.services.conflicts.ConflictError`). None writes over it."""
    with saving(db) as session:
        account = editable(session, Account, account_id, expected_version)
        stored = {
            "status": account.status,
            "customer_since": account.customer_since,
            "lost_on": account.lost_on,
            "acquisition_cost": account.acquisition_cost,
        }
        with v.keeping(stored=stored):  # what it does not change is saved as it is
            values = clean_account(data, stored_website=account.website)
        _check_referrer(session, values, account_id)
        for key, value in values.items():
            setattr(account, key, value)
        account.tags = tags_for(session, data.tags)


def account_input(db: Database, account_id: str) -> AccountInput:
    """The stored account as an editable input."""
    return account_for_edit(db, account_id).data


def account_for_edit(db: Database, account_id: str) -> Loaded[AccountInput]:
    """The stored account as an edit form shows it, with the version it was read at."""
    with db.reader() as session:
        account = trash.live(session, Account, account_id)
        names = {f.name for f in fields(AccountInput)} - {"tags"}
        values = {name: getattr(account, name) for name in names}
        return Loaded(AccountInput(**values, tags=[t.name for t in account.tags]), account.version)


def _apply_dates(contact: Contact, items: Sequence[ImportantDateInput]) -> None:
    contact.important_dates = [ImportantDate(**clean_important_date(i)) for i in items]


def create_contact(db: Database, data: ContactInput) -> str:
    values = clean_contact(data)
    with db.transaction() as session:
        trash.live(session, Account, values["account_id"])
        contact = Contact(**values)
        contact.tags = tags_for(session, data.tags)
        _apply_dates(contact, data.important_dates)
        session.add(contact)
        session.flush()
        return contact.id


def update_contact(
    db: Database, contact_id: str, data: ContactInput, *, expected_version: int | None = None
) -> None:
    """Save an edited contact. ``expected_version``: the version the form was loaded at
    (:func:`contact_for_edit`); when someone saved the contact since, the save is refused
    (:class:`~accountdesk.core.services.conflicts.ConflictError`). None writes over it."""
    with saving(db) as session:
        contact = editable(session, Contact, contact_id, expected_version)
        dates = frozenset(
            date(d.year, d.month, d.day) for d in contact.important_dates if d.year is not None
        )
        stored = {
            "consent_given_on": contact.consent_given_on,
            "consent_withdrawn_on": contact.consent_withdrawn_on,
            "stay_in_touch_days": contact.stay_in_touch_days,
            "date": dates,
        }
        with v.keeping(stored=stored):  # what it does not change is saved as it is
            values = clean_contact(data)
            trash.live(session, Account, values["account_id"])
            for key, value in values.items():
                setattr(contact, key, value)
            contact.tags = tags_for(session, data.tags)
            _apply_dates(contact, data.important_dates)


def contact_input(db: Database, contact_id: str) -> ContactInput:
    """The stored contact as an editable input."""
    return contact_for_edit(db, contact_id).data


def contact_for_edit(db: Database, contact_id: str) -> Loaded[ContactInput]:
    """The stored contact as an edit form shows it, with the version it was read at."""
    with db.reader() as session:
        contact = trash.live(session, Contact, contact_id)
        skip = {"tags", "important_dates", "emails", "phones"}
        names = {f.name for f in fields(ContactInput)} - skip
        values = {name: getattr(contact, name) for name in names}
        data = ContactInput(
            **values,
            emails=[(e["label"], e["value"]) for e in contact.emails],
            phones=[(p["label"], p["value"]) for p in contact.phones],
            tags=[t.name for t in contact.tags],
            important_dates=[
                ImportantDateInput(d.kind, d.month, d.day, d.year, d.label, d.remind)
                for d in contact.important_dates
            ],
        )
        return Loaded(data, contact.version)
