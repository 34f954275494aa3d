"""The logs of merges keep the kept record's fields as they were and became (privacy review
25, item 3): text a merge copied from a merged account's notes or a merged contact's personal
notes that names the person stays there after the user edited the records themselves. Those
logs are listed before an erase and counted after it, like the records; where the merge can
no longer be undone (its merged record deleted for good) the erase drops the values that name
them, and a merge that can still be undone keeps them for its undo."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, AccountMerge, Contact, ContactMerge
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.account_merge import merge_accounts, undo_account_merge
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.duplicates import merge
from accountdesk.core.services.privacy import erase_contact, kept_mentions, mention_line

ASK = "Ask for Vizbulīte Pūcīte, vizbulite@grauzmail.lv, +371 2998 7766"


def _contact(db: Database, account: str, given: str, family: str, **kw: object) -> str:
    data = {"account_id": account, "given_name": given, "family_name": family, "country": "LV"}
    return create_contact(db, ContactInput(**data, **kw))  # type: ignore[arg-type]


@pytest.fixture
def accounts(db: Database) -> dict[str, str]:
    kept = create_account(db, AccountInput(name="Grauzdins SIA", country="LV"))
    other = create_account(db, AccountInput(name="GRAUZDINS", country="LV", notes=ASK))
    person = _contact(
        db, kept, "Vizbulīte", "Pūcīte", emails=["vizbulite@grauzmail.lv"],
        phones=["+371 2998 7766"],
    )  # fmt: skip
    merged = merge_accounts(db, kept, [other])
    return {"kept": kept, "other": other, "person": person, "merge": merged.merge_id}


def _lines(db: Database, contact_id: str) -> list[str]:
    with use_language("en"):
        return [mention_line(m, "Europe/Riga") for m in kept_mentions(db, contact_id)]


def _log(db: Database, model: type[AccountMerge | ContactMerge], merge_id: str) -> str:
    with db.reader() as session:
        return json.dumps(session.get_one(model, merge_id).changes, ensure_ascii=False)


def test_a_merge_log_that_names_them_is_listed(db: Database, accounts: dict[str, str]) -> None:
    with db.reader() as session:
        day = session.get_one(AccountMerge, accounts["merge"]).merged_at.date()
    with use_language("en"):
        from accountdesk.core.i18n import format_date

        shown = format_date(day)
    lines = _lines(db, accounts["person"])
    assert lines[-1] == (
        f"The record of the merge of accounts into \u2068Grauzdins SIA\u2069 on {shown}"
    )


def test_a_merge_that_cannot_be_undone_forgets_what_names_them(
    db: Database, accounts: dict[str, str]
) -> None:
    trash.purge(db, "account", accounts["other"])  # the merge can no longer be undone
    with db.transaction() as session:  # the user edits the account, as they were told to
        session.get_one(Account, accounts["kept"]).notes = None

    erasure = erase_contact(db, accounts["person"])

    assert erasure.mentions_left == 0
    log = _log(db, AccountMerge, accounts["merge"])
    assert "grauzmail" not in log and "Vizbul" not in log and "2998" not in log


def test_a_merge_that_can_be_undone_keeps_them_and_is_counted(
    db: Database, accounts: dict[str, str]
) -> None:
    with db.transaction() as session:
        session.get_one(Account, accounts["kept"]).notes = None
    erasure = erase_contact(db, accounts["person"])
    assert erasure.mentions_left == 2  # the merged account (in the trash) and the log
    assert "grauzmail" in _log(db, AccountMerge, accounts["merge"])
    undo_account_merge(db, accounts["merge"])  # the undo still works
    with db.reader() as session:
        assert session.get_one(Account, accounts["other"]).notes == ASK


def test_a_contact_merge_log_is_cleaned_when_it_cannot_be_undone(db: Database) -> None:
    account = create_account(db, AccountInput(name="Liepas", country="LV"))
    gaidis = _contact(db, account, "Gaidis", "Strautiņš", emails=["gaidis@strautmail.lv"])
    karlis = _contact(db, account, "Kārlis", "Liepa")
    duplicate = _contact(
        db, account, "Karlis", "Liepa",
        personal_notes="Reports to Gaidis Strautiņš (gaidis@strautmail.lv)",
    )  # fmt: skip
    merge_id = merge(db, karlis, [duplicate]).merge_id
    assert _lines(db, gaidis)[-1].startswith(
        "The record of the merge of contacts into \u2068Kārlis Liepa\u2069 on "
    )
    trash.purge(db, "contact", duplicate)
    with db.transaction() as session:
        session.get_one(Contact, karlis).personal_notes = None

    erasure = erase_contact(db, gaidis)

    assert erasure.mentions_left == 0
    assert "strautmail" not in _log(db, ContactMerge, merge_id)
    with db.reader() as session:
        assert session.scalars(select(ContactMerge.id)).all() == [merge_id]  # the log stays
