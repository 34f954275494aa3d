"""narrow_ids: a list's unfiltered ids narrowed by the filter text give what the same query
with the text gives (same records, same order), for contacts and accounts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.demo import generate
from accountdesk.core.queries.lists import (
    ListFilter,
    Narrowing,
    account_ids,
    contact_ids,
    contact_rows,
    narrow_ids,
)
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import (
    AccountInput,
    ContactInput,
    create_account,
    create_contact,
)

TEXTS = ["a", "m", "ma", "yil", "jelgava", "a b", "ö", "ใ", "ک", "!!!", "  ", "zzzzq"]


@pytest.fixture
def demo(db: Database) -> Database:
    generate(db, accounts=40, seed=3)
    return db


@pytest.mark.parametrize("text", TEXTS)
def test_narrowing_gives_what_the_query_with_the_text_gives(demo: Database, text: str) -> None:
    for flt, sort, descending in [
        (ListFilter(), "name", False),
        (ListFilter(), "country", True),
        (ListFilter(status="active"), "account", False),
    ]:
        within = contact_ids(demo, flt, sort, descending)
        typed = replace(flt, text=text)
        assert narrow_ids(demo, "contact", text, within) == contact_ids(
            demo, typed, sort, descending
        )
        accounts = account_ids(demo, flt, sort, descending)
        assert narrow_ids(demo, "account", text, accounts) == account_ids(
            demo, typed, sort, descending
        )


def test_narrowing_finds_something_and_keeps_the_order(demo: Database) -> None:
    within = contact_ids(demo)
    found = narrow_ids(demo, "contact", "a", within)
    assert 0 < len(found) < len(within)
    positions = [within.index(i) for i in found]
    assert positions == sorted(positions)


def test_a_trashed_contact_is_not_brought_back_by_narrowing(demo: Database) -> None:
    within = contact_ids(demo)
    gone = narrow_ids(demo, "contact", "a", within)[0]
    trash.delete(demo, "contact", gone)
    assert gone not in narrow_ids(demo, "contact", "a", contact_ids(demo))


def test_one_narrowing_serves_every_keystroke(demo: Database) -> None:
    """A list keeps one Narrowing per unfiltered load: prepared once, it gives for each text
    what the query with that text gives."""
    within = contact_ids(demo)
    narrowing = Narrowing(demo, "contact", within)
    narrowing.prepare()
    for text in ["j", "ja", "jan", "ja", "", "ö", "zzzzq", "a"]:
        assert narrowing.narrow(text) == contact_ids(demo, ListFilter(text=text))


def test_a_document_added_after_preparing_is_neither_shown_nor_a_failure(
    db: Database,
) -> None:
    """Records added since the list loaded have documents beyond those looked up; they match,
    but the list shows only its own records (as its rows do until it loads again)."""
    first = create_account(db, AccountInput(name="Ābele SIA", country="LV"))
    create_contact(
        db, ContactInput(account_id=first, given_name="Anna", family_name="Ozola", country="LV")
    )
    within = contact_ids(db)
    narrowing = Narrowing(db, "contact", within)
    narrowing.prepare()
    later = create_account(db, AccountInput(name="Anadolu A.Ş.", country="TR"))
    newer = create_contact(
        db, ContactInput(account_id=later, given_name="Ayşe", family_name="Aksoy", country="TR")
    )
    assert newer in contact_ids(db, ListFilter(text="a"))
    assert narrowing.narrow("a") == within
    assert narrowing.narrow("ayş") == []


def test_a_list_of_one_or_none(demo: Database) -> None:
    one = contact_ids(demo)[:1]
    name = contact_rows(demo, one)[0].name
    assert Narrowing(demo, "contact", one).narrow(name) == one
    assert Narrowing(demo, "contact", one).narrow("zzzzq") == []
    assert Narrowing(demo, "contact", []).narrow("a") == []
