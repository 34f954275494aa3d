"""The same queries find the same people on SQLite (FTS5) and on PostgreSQL (tsvector): the
demo data, made from one seed on each, searched with queries of every kind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.demo import generate
from accountdesk.core.queries.lists import ListFilter, contact_ids, document_rowids, narrow_ids
from accountdesk.core.queries.search import search
from pgcluster import BACKENDS, new_pg_database

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="compares SQLite with PostgreSQL"
)

NOW = datetime(2026, 5, 1, 9, tzinfo=UTC)
QUERIES = [
    "a", "m", "ma", "mar", "yil", "yilmaz", "YILMAZ", "Yılmaz", "zagar", "ozolins", "berzina",
    "maria garcia", "m g", "an b", "สม", "สมชาย ใจ", "رضا", "رضاي", "علی", "riga", "istanbul",
    "bangkok", "tehran", "+66", "66", "371", "example", "gmail", "sia", "co ltd", "ş", "ö",
    "zzzq", "!!!", "a.s.", "o'brien", "trade fair", "vip", "李", "李芳", "李芳x", "田中", "田中太",
    "田中太郎", "김서", "김서연", "翔太", "佐藤翔太", "0", "05", "7", "1.5", "053", "trading",
    "053 1", "371 2", "371 26 1", "a 053 12", "12 34",
    "2024 1", "sia 2024 15", "532 12", "ali 532 12", "2026 05 1",
]  # fmt: skip


def _add_contacts_with_empty_fields(db: Database) -> None:
    """Two contacts with no city or job title, with the same ids on both databases."""
    with db.transaction() as session:
        account = session.scalars(select(Account.id).order_by(Account.id)).first()
        for n, (given, family) in enumerate([("Ilze", "Bērziņa"), ("Zane", "Ābola")]):
            session.add(
                Contact(
                    id=f"00000000-0000-7000-8000-00000000000{n}",
                    account_id=account,
                    given_name=given,
                    family_name=family,
                    country="LV",
                    timezone="Europe/Riga",
                    city=None,
                    job_title=None,
                )
            )


@pytest.fixture(scope="module")
def both(
    tmp_path_factory: pytest.TempPathFactory, pg_cluster: object, pg_template: str
) -> Iterator[tuple[Database, Database]]:
    folder = tmp_path_factory.mktemp("both")
    lite = open_database(folder / "demo.db")
    name, url = new_pg_database(pg_cluster, pg_template)
    server = open_database(url)
    for db in (lite, server):
        generate(db, accounts=150, seed=7, clock=fixed_clock(NOW))
        _add_contacts_with_empty_fields(db)
    yield lite, server
    lite.close()
    server.close()
    pg_cluster.execute(f"DROP DATABASE {name} WITH (FORCE)")  # type: ignore[attr-defined]


def test_the_demo_is_the_same_on_both(both: tuple[Database, Database]) -> None:
    lite, server = both
    assert contact_ids(lite) == contact_ids(server)
    assert len(contact_ids(lite)) > 300


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_finds_the_same_records_on_both(
    both: tuple[Database, Database], query: str
) -> None:
    lite, server = both
    on_lite = {(h.kind, h.id) for h in search(lite, query, limit=100_000)}
    on_server = {(h.kind, h.id) for h in search(server, query, limit=100_000)}
    assert on_lite == on_server
    # the list filters use the same index: the same contacts, in the same order
    flt = ListFilter(text=query)
    assert contact_ids(lite, flt) == contact_ids(server, flt)
    everyone = contact_ids(lite)
    narrowed = narrow_ids(lite, "contact", query, everyone)
    assert narrowed == narrow_ids(server, "contact", query, everyone)
    for db in (lite, server):  # by the rowids of the contacts' documents
        documents = document_rowids(db, "contact", everyone)
        assert narrow_ids(db, "contact", query, everyone, documents) == narrowed


def test_the_sets_are_not_trivially_empty(both: tuple[Database, Database]) -> None:
    lite, _server = both
    found = [q for q in QUERIES if search(lite, q, limit=5)]
    assert len(found) >= len(QUERIES) * 2 // 3, found


@pytest.mark.parametrize("sort", ["name", "job_title", "account", "country", "city", "timezone"])
@pytest.mark.parametrize("descending", [False, True])
def test_lists_are_sorted_alike_on_both(
    both: tuple[Database, Database], sort: str, descending: bool
) -> None:
    """Empty values (a contact without a city or job title) sort alike too."""
    lite, server = both
    assert contact_ids(lite, sort=sort, descending=descending) == contact_ids(
        server, sort=sort, descending=descending
    )


def test_very_long_words_are_found_on_both(db: Database) -> None:
    """A word longer than PostgreSQL keeps in an index (2,046 bytes) is found by the word
    itself and by a prefix, on both databases; a query word that long does not fail."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    for length in (1_990, 2_001, 2_500):
        word = "k" + "a" * length
        create_account(db, AccountInput(name=f"Long {length}", country="LV", notes=word))
        found = [h.title for h in search(db, word)]
        # a server tells words apart by their first 2,000 bytes only: "Long 2001" shares them
        assert found == [f"Long {length}"] or (db.is_postgres and f"Long {length}" in found)
        assert f"Long {length}" in {h.title for h in search(db, word[:1_500], limit=50)}
        assert contact_ids(db, ListFilter(text=word)) == []  # accounts only: no contact
    thai = "สวัสดี" * 160  # 2,880 bytes of Thai letters and marks
    create_account(db, AccountInput(name="Thai long", country="TH", notes=thai))
    assert [h.title for h in search(db, thai)] == ["Thai long"]


def test_a_huge_note_is_saved_and_its_first_words_found(db: Database) -> None:
    """An account whose notes are 100,000 distinct words is saved on both databases
    (PostgreSQL's tsvector cannot hold them all: its first words are found)."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    notes = " ".join(f"w{n:06d}x" for n in range(100_000))  # 900 KB, 100,000 distinct words
    create_account(db, AccountInput(name="Archive SIA", country="LV", notes=notes))
    assert [h.title for h in search(db, "w000001x")] == ["Archive SIA"]
    assert [h.title for h in search(db, "archive")] == ["Archive SIA"]
