"""narrow_ids: a list's unfiltered ids narrowed by the filter text give what the same query
with the text gives (same records, same order), for contacts and accounts, by refs or by the
rowids of the records' documents (document_rowids)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.demo import generate
from accountdesk.core.queries.lists import (
    ListFilter,
    account_ids,
    contact_ids,
    document_rowids,
    narrow_ids,
)
from accountdesk.core.services import trash

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
        expected = contact_ids(demo, typed, sort, descending)
        assert narrow_ids(demo, "contact", text, within) == expected
        documents = document_rowids(demo, "contact", within)
        assert narrow_ids(demo, "contact", text, within, documents) == expected
        accounts = account_ids(demo, flt, sort, descending)
        expected = account_ids(demo, typed, sort, descending)
        assert narrow_ids(demo, "account", text, accounts) == expected
        documents = document_rowids(demo, "account", accounts)
        assert narrow_ids(demo, "account", text, accounts, documents) == expected


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
