"""Two people editing one contact (or account) from forms opened at the same time: changes of
different fields are both kept; a field both changed is refused, naming the field and both
values (review 24, defect 5)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import accounts
from accountdesk.core.services.conflicts import ConflictError, FieldConflict


def _contact(db: Database) -> str:
    account = accounts.create_account(db, AccountInput(name="Baltic Timber SIA", country="LV"))
    return accounts.create_contact(
        db, ContactInput(account_id=account, given_name="Ilze", family_name="Kalniņa", country="LV")
    )


def test_changes_of_different_fields_are_both_kept(db: Database) -> None:
    contact = _contact(db)
    first, second = accounts.contact_for_edit(db, contact), accounts.contact_for_edit(db, contact)
    accounts.update_contact(
        db,
        contact,
        replace(first.data, job_title="Head of Purchasing"),
        expected_version=first.version,
        loaded=first.data,
    )
    accounts.update_contact(
        db,
        contact,
        replace(second.data, city="Riga"),
        expected_version=second.version,
        loaded=second.data,
    )
    stored = accounts.contact_input(db, contact)
    assert (stored.job_title, stored.city) == ("Head of Purchasing", "Riga")


def test_a_field_both_changed_is_named_with_both_values(db: Database) -> None:
    contact = _contact(db)
    first, second = accounts.contact_for_edit(db, contact), accounts.contact_for_edit(db, contact)
    accounts.update_contact(
        db,
        contact,
        replace(first.data, job_title="Procurement Director"),
        expected_version=first.version,
        loaded=first.data,
    )
    typed = replace(second.data, job_title="Head of Purchasing", city="Riga")
    with pytest.raises(FieldConflict) as refused:
        accounts.update_contact(
            db, contact, typed, expected_version=second.version, loaded=second.data
        )
    said = str(refused.value)
    assert "Job title" in said
    assert "Procurement Director" in said and "Head of Purchasing" in said
    assert [c.field for c in refused.value.clashes] == ["job_title"]
    stored = accounts.contact_input(db, contact)
    assert (stored.job_title, stored.city) == ("Procurement Director", None)  # nothing saved
    # having seen theirs, the user saves again to keep what they typed
    seen = replace(second.data, job_title="Procurement Director")
    accounts.update_contact(db, contact, typed, expected_version=second.version, loaded=seen)
    stored = accounts.contact_input(db, contact)
    assert (stored.job_title, stored.city) == ("Head of Purchasing", "Riga")


def test_without_what_was_loaded_the_save_is_refused_as_before(db: Database) -> None:
    contact = _contact(db)
    first, second = accounts.contact_for_edit(db, contact), accounts.contact_for_edit(db, contact)
    accounts.update_contact(
        db, contact, replace(first.data, job_title="A"), expected_version=first.version
    )
    with pytest.raises(ConflictError):
        accounts.update_contact(
            db, contact, replace(second.data, city="Riga"), expected_version=second.version
        )


def test_accounts_merge_too(db: Database) -> None:
    account = accounts.create_account(db, AccountInput(name="Fjord Fisk AS", country="NO"))
    first, second = accounts.account_for_edit(db, account), accounts.account_for_edit(db, account)
    accounts.update_account(
        db,
        account,
        replace(first.data, city="Bergen"),
        expected_version=first.version,
        loaded=first.data,
    )
    accounts.update_account(
        db,
        account,
        replace(second.data, industry="Fishing"),
        expected_version=second.version,
        loaded=second.data,
    )
    stored = accounts.account_input(db, account)
    assert (stored.city, stored.industry) == ("Bergen", "Fishing")
