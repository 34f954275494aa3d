"""Restoring a record whose account, or the contact it is about, is in the trash too takes
them out with it: the record would stay hidden (queries/visible.py), and went for good with
the account later, while the Trash said it was restored."""

from __future__ import annotations

from datetime import datetime

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, contact_ids
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact


def _anna(db: Database) -> tuple[str, str]:
    account = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    anna = create_contact(
        db, ContactInput(account_id=account, given_name="Anna", family_name="Ozola", country="LV")
    )
    return account, anna


def test_a_contact_restored_brings_back_its_account(db: Database) -> None:
    account, anna = _anna(db)
    trash.delete(db, "contact", anna)
    trash.delete(db, "account", account)
    also = trash.restore(db, "contact", anna)
    assert [(r.kind, r.id, r.title) for r in also] == [("account", account, "Koks")]
    assert contact_ids(db, ListFilter(), "name", False) == [anna]  # shown again
    assert [i.id for i in trash.list_trash(db)] == []
    message = plain(trash.restored_message("Anna Ozola", also))
    assert message == "“Anna Ozola” was restored, and so was “Koks”, which it belongs to."


def test_a_follow_up_restored_brings_back_its_contact_and_account(db: Database) -> None:
    account, anna = _anna(db)
    call = fu.schedule(db, fu.FollowUpInput(anna, "Call", datetime(2027, 3, 1, 10))).id
    for kind, id_ in (("follow_up", call), ("contact", anna), ("account", account)):
        trash.delete(db, kind, id_)
    also = trash.restore(db, "follow_up", call)
    assert {(r.kind, r.id) for r in also} == {("contact", anna), ("account", account)}
    assert plain(trash.restored_message("Call", also)) == (
        "“Call” was restored, and so were “Anna Ozola”, “Koks”, which it belongs to."
    )
    assert trash.list_trash(db) == []


def test_a_record_whose_owners_are_live_restores_alone(db: Database) -> None:
    account, anna = _anna(db)
    trash.delete(db, "contact", anna)
    assert trash.restore(db, "contact", anna) == []
    assert plain(trash.restored_message("Anna Ozola", [])) == "“Anna Ozola” was restored."
    trash.delete(db, "account", account)
    trash.delete(db, "contact", anna)
    assert trash.restore(db, "account", account) == []  # an account restores alone
    assert [i.id for i in trash.list_trash(db)] == [anna]
