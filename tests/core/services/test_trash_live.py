"""One refusal of a record that is not there or is in the trash (trash.live / trash.missing):
forms, services and the duplicates merge all ask it. A merge names which of its contacts is in
the trash (it had its own copy of that sentence beside trash.missing)."""

from __future__ import annotations

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.errors import InTrash, NotFoundError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import duplicates as dup
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact


def _people(db: Database) -> tuple[str, str, str]:
    account = create_account(db, AccountInput(name="Koks", country="LV", timezone="Europe/Riga"))
    kept, other = (
        create_contact(
            db, ContactInput(account_id=account, given_name=g, family_name="Ozola", country="LV")
        )
        for g in ("Anna", "Ilze")
    )
    return account, kept, other


def test_live_gives_the_record_or_its_refusal(db: Database) -> None:
    account, kept, _other = _people(db)
    with db.reader() as session:
        assert trash.live(session, Contact, kept).given_name == "Anna"
    with db.reader() as session, pytest.raises(NotFoundError) as raised:
        trash.live(session, Account, "no-such-id")
    assert str(raised.value) == "There is no account with id no-such-id."
    assert not isinstance(raised.value, InTrash)
    trash.delete(db, "account", account)
    with db.reader() as session:
        found = session.get_one(Account, account)
        refusal = trash.missing(Account, found, account)
    assert isinstance(refusal, InTrash) and refusal.kind == "account"


def test_a_merge_names_the_contact_in_the_trash(db: Database) -> None:
    _account, kept, other = _people(db)
    trash.delete(db, "contact", other)
    with pytest.raises(NotFoundError) as raised:
        dup.merge(db, kept, [other])
    assert plain(str(raised.value)) == (
        f"Ilze Ozola ({other}) is in the trash; restore it before merging."
    )
    with pytest.raises(NotFoundError) as raised:
        dup.merge(db, other, [kept])
    assert plain(str(raised.value)).startswith("Ilze Ozola (")
    with pytest.raises(NotFoundError, match="There is no contact with id nobody"):
        dup.merge(db, kept, ["nobody"])


def test_purge_of_a_missing_record_is_refused_as_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match=r"^There is no gift with id g1\.$"):
        trash.purge(db, "gift", "g1")
