"""Thai marks typed in another order than Thai stores them look the same and are one word:
"ที่ดี" typed with its tone mark before its vowel, "สมศักดิ์" with ◌์ before ◌ิ, "น้ำผึ้ง" with
◌ํ typed before the tone mark and ◌า for ◌ำ (fts.fold). Search finds each way of typing the
other, so does the duplicate finder; migration 0017 rebuilds an index made before, and may run
again. On SQLite and on PostgreSQL."""

from __future__ import annotations

import unicodedata

import pytest
from alembic import command

from accountdesk.core import likeness
from accountdesk.core.db import search as search_index
from accountdesk.core.db.engine import SCHEMA_HEAD, Database, open_database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.queries.facts import ContactFacts
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

#: A word as Thai stores it, and the same word typed with its marks in another order.
TYPED = [
    ("ที่ดี", "\u0e17\u0e48\u0e35\u0e14\u0e35"),  # ◌่ before ◌ี
    ("สมศักดิ์", "\u0e2a\u0e21\u0e28\u0e31\u0e01\u0e14\u0e4c\u0e34"),  # ◌์ before ◌ิ
    ("น้ำผึ้ง", "\u0e19\u0e4d\u0e49\u0e32\u0e1c\u0e36\u0e49\u0e07"),  # ◌ํ ◌้ ◌า for ◌้ำ
    ("น้ำผึ้ง", "\u0e19\u0e49\u0e4d\u0e32\u0e1c\u0e49\u0e36\u0e07"),  # ◌้ ◌ํ ◌า; ◌้ before ◌ึ
    ("กั้น", "\u0e01\u0e49\u0e31\u0e19"),  # ◌้ before ◌ั
]


@pytest.mark.parametrize(("stored", "typed"), TYPED)
def test_the_marks_typed_in_another_order_fold_alike(stored: str, typed: str) -> None:
    from accountdesk.core.db.fts import fold, query_words

    assert stored != typed and unicodedata.normalize("NFKC", typed) != stored
    assert fold(typed) == fold(stored)
    assert query_words(typed) == query_words(stored)


def _people(db: Database) -> dict[str, str]:
    account = create_account(db, AccountInput(name="บริษัท ตัวอย่าง จำกัด", country="TH"))
    return {
        given: create_contact(
            db,
            ContactInput(
                account_id=account, given_name=given, family_name=family, country="TH",
                timezone="Asia/Bangkok",
            ),
        )
        for given, family in (("สมศักดิ์", "ที่ดี"), ("น้ำผึ้ง", "กั้นเขต"))
    }  # fmt: skip


@pytest.mark.parametrize(("stored", "typed"), TYPED)
def test_search_finds_a_name_typed_with_its_marks_in_another_order(
    db: Database, stored: str, typed: str
) -> None:
    people = _people(db)
    hits = [h.id for h in search(db, typed) if h.kind == "contact"]
    assert hits and set(hits) <= set(people.values())
    assert hits == [h.id for h in search(db, stored) if h.kind == "contact"]


def test_a_contact_typed_with_other_marks_is_a_likely_duplicate() -> None:
    def facts(id_: str, given: str, family: str) -> ContactFacts:
        return ContactFacts(id_, "a", "a", given, family, "given_first", "TH", (), ())

    stored = facts("1", "สมศักดิ์", "ที่ดี")
    typed = facts("2", TYPED[1][1], TYPED[0][1])
    [cluster] = likeness.find_clusters([stored, typed, facts("3", "วันเพ็ญ", "ใจดี")])
    assert set(cluster.ids) == {"1", "2"}
    [reason] = cluster.reasons
    assert reason.rule == likeness.NAME and reason.score == 100


def test_the_upgrade_rebuilds_the_index_and_may_run_again(
    db: Database, database_target: str
) -> None:
    # stored as typed, tone mark first: the index of before held the marks in that order
    account = create_account(db, AccountInput(name="สยาม", country="TH"))
    ref = create_contact(
        db,
        ContactInput(
            account_id=account, given_name=TYPED[1][1], family_name=TYPED[0][1], country="TH",
            timezone="Asia/Bangkok",
        ),
    )  # fmt: skip
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0014")
    with db.transaction() as session:  # the index as 0014 left it: the marks as typed
        conn = session.connection()
        old = f"{TYPED[1][1]} {TYPED[0][1]}"
        search_index.index_documents(conn, [search_index.Document(ref, "contact", old, "")])
    assert ref not in [h.id for h in search(db, "ที่ดี")]
    db.close()
    for _ in range(2):  # and again, over the index it made
        upgraded = open_database(database_target)
        try:
            assert schema_revision(upgraded) == SCHEMA_HEAD
            assert [h.id for h in search(upgraded, "ที่ดี")] == [ref]
            assert [h.id for h in search(upgraded, "สมศักดิ์")] == [ref]
            assert [h.id for h in search(upgraded, TYPED[0][1])] == [ref]
            with upgraded.engine.begin() as conn:
                command.downgrade(alembic_config(conn), "0014")
        finally:
            upgraded.close()
