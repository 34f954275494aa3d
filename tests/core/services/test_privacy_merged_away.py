"""Erasing a contact that was merged into another (privacy review 25, item 4): what the merge
copied of them (e-mail addresses, phone numbers, notes) is the kept contact's now, and the
merge's record is what its undo needs. Erasing them alone is refused, naming the kept contact
and the merge, before anything is asked or changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact, ContactMerge
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.duplicates import merge, undo_merge
from accountdesk.core.services.privacy import check_erasable, erase_contact

WHEN = datetime(2026, 11, 3, 10, tzinfo=UTC)


@pytest.fixture
def merged(db: Database) -> dict[str, str]:
    acme = create_account(db, AccountInput(name="Vejgrafs SIA", country="LV"))
    kept = create_contact(
        db,
        ContactInput(
            account_id=acme, given_name="Zelmīra", family_name="Kvāsnīte", country="LV",
            phones=["+37129911223"],
        ),
    )  # fmt: skip
    duplicate = create_contact(
        db,
        ContactInput(
            account_id=acme, given_name="Zelmira", family_name="Kvasnite", country="LV",
            phones=["+37129911223"], emails=["zk.private@qhomemail.lv"],
        ),
    )  # fmt: skip
    result = merge(db, kept, [duplicate], clock=fixed_clock(WHEN))
    return {"kept": kept, "duplicate": duplicate, "merge": result.merge_id}


def _emails(db: Database, contact_id: str) -> list[str]:
    with db.reader() as session:
        contact = session.get_one(Contact, contact_id)
        return [e["value"] for e in contact.emails or []]


def test_a_contact_merged_into_another_is_not_erased_alone(
    db: Database, merged: dict[str, str]
) -> None:
    with pytest.raises(UserError) as refused:
        erase_contact(db, merged["duplicate"])
    message = refused.value.message
    assert "Zelmira Kvasnite" in message and "Zelmīra Kvāsnīte" in message
    assert "3 Nov 2026" in message  # the merge's day
    assert f"accountdesk duplicates --undo {merged['merge']}" in message
    assert "Latest merges" in message
    # nothing changed: the merge can still be undone, the kept contact keeps what it had
    with db.reader() as session:
        assert session.get(ContactMerge, merged["merge"]) is not None
        assert session.get(Contact, merged["duplicate"]) is not None
    assert _emails(db, merged["kept"]) == ["zk.private@qhomemail.lv"]
    result = undo_merge(db, merged["merge"])
    assert result.restored_ids == (merged["duplicate"],)


def test_the_check_before_asking_refuses_the_same(db: Database, merged: dict[str, str]) -> None:
    with pytest.raises(UserError):
        check_erasable(db, merged["duplicate"])
    check_erasable(db, merged["kept"])  # the kept contact: erased with the duplicate


def test_restored_from_the_trash_without_an_undo_is_refused_too(
    db: Database, merged: dict[str, str]
) -> None:
    """Restored (not undone), the kept contact still has their e-mail address."""
    trash.restore(db, "contact", merged["duplicate"])
    with pytest.raises(UserError):
        erase_contact(db, merged["duplicate"])


def test_once_the_merge_is_undone_it_can_be_erased(db: Database, merged: dict[str, str]) -> None:
    undo_merge(db, merged["merge"])
    erasure = erase_contact(db, merged["duplicate"])
    assert erasure.name == "Zelmira Kvasnite"
    assert _emails(db, merged["kept"]) == []
    with db.reader() as session:
        assert session.scalars(select(Contact.id)).all() == [merged["kept"]]


def test_erasing_the_kept_contact_erases_both(db: Database, merged: dict[str, str]) -> None:
    erasure = erase_contact(db, merged["kept"])
    assert erasure.merged == ["Zelmira Kvasnite"]
    with db.reader() as session:
        assert session.scalars(select(Contact.id)).all() == []
