"""Deleting for good: an account goes with everything that belongs to it, its contacts too,
and the search index keeps no document of what is gone."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select, text

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact, FollowUp, ImportantDate, Interaction
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.services.followups import FollowUpInput, schedule


def _account_with_contacts(db: Database, name: str) -> tuple[str, list[str]]:
    account = create_account(db, AccountInput(name=name, country="LV", timezone="Europe/Riga"))
    contacts = [
        create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name="Quenty",
                country="LV",
                timezone="Europe/Riga",
                emails=[f"{given.lower()}@example.lv"],
                tags=["vip"],
                important_dates=[ImportantDateInput("birthday", 3, 14)],
            ),
        )
        for given in ("Zorblat", "Xandra")
    ]
    log_interaction(
        db,
        InteractionInput(
            kind="call", occurred_at=datetime(2026, 11, 20, 9, tzinfo=UTC), contact_ids=contacts
        ),
    )
    schedule(
        db,
        FollowUpInput(
            contact_id=contacts[0], title="Call back", local_due=datetime(2026, 12, 1, 10)
        ),
    )
    return account, contacts


def _count(db: Database, model: type, *where: object) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _indexed(db: Database, refs: list[str]) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT ref FROM search_docs")).scalars()
        return [r for r in rows if r in refs]


def _gone(db: Database, account: str, contacts: list[str]) -> None:
    assert _count(db, Account, Account.id == account) == 0
    assert _count(db, Contact, Contact.id.in_(contacts)) == 0
    assert _count(db, ImportantDate, ImportantDate.contact_id.in_(contacts)) == 0
    assert _count(db, Interaction, Interaction.account_id == account) == 0
    assert _count(db, FollowUp, FollowUp.contact_id.in_(contacts)) == 0
    assert _indexed(db, [account, *contacts]) == []


def test_purging_an_account_removes_its_contacts_and_their_search_documents(db: Database) -> None:
    account, contacts = _account_with_contacts(db, "Acme")
    kept, kept_contacts = _account_with_contacts(db, "Other")
    assert sorted(_indexed(db, contacts)) == sorted(contacts)
    trash.delete(db, "account", account)
    trash.purge(db, "account", account)  # was: IntegrityError, contacts.account_id NOT NULL
    _gone(db, account, contacts)
    # the other account and its people are untouched, and still found
    assert _count(db, Contact, Contact.id.in_(kept_contacts)) == 2
    assert sorted(_indexed(db, [kept, *kept_contacts])) == sorted([kept, *kept_contacts])


def test_emptying_the_trash_removes_accounts_with_contacts(db: Database) -> None:
    account, contacts = _account_with_contacts(db, "Acme")
    trash.delete(db, "contact", contacts[1])  # in the trash itself, and with its account
    trash.delete(db, "account", account)
    _lone, lone_contacts = _account_with_contacts(db, "Lone")
    trash.delete(db, "contact", lone_contacts[0])
    listed = len(trash.list_trash(db))
    assert listed == 3
    # every record the Trash listed, and Acme's contact that went with it though not listed
    assert trash.empty_trash(db) == listed + 1
    _gone(db, account, contacts)
    assert trash.list_trash(db) == []
    assert _count(db, Contact, Contact.id == lone_contacts[0]) == 0
    assert _count(db, Contact, Contact.id == lone_contacts[1]) == 1
    assert _indexed(db, lone_contacts) == [lone_contacts[1]]
