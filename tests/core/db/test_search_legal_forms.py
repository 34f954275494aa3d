"""Legal forms written with dots or without find each other ("AS", "A.S.", "AŞ", "A.Ş.";
"SA de CV", "S.A. de C.V."; "doo", "d.o.o."): search folding writes single letters with dots
between them as one word (fts.fold). Migration 0013 rebuilds an index made before, and may
run again. On SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from accountdesk.core.db import search as search_index
from accountdesk.core.db.engine import SCHEMA_HEAD, Database, open_database, schema_revision
from accountdesk.core.db.fts import fold
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.queries.lists import ListFilter, account_ids
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

NAMES = (
    "Dzintars AS", "Koks A.S.", "Ege A.Ş.", "Yapı AŞ", "Maíz S.A. de C.V.", "Pino SA de CV",
    "Lipa d.o.o.", "Brod doo", "Bolt Ltd.", "Acme Ltd", "Vējš SIA", "Baltic Timber",
)  # fmt: skip
AS = {"Dzintars AS", "Koks A.S.", "Ege A.Ş.", "Yapı AŞ"}
SA_DE_CV = {"Maíz S.A. de C.V.", "Pino SA de CV"}
DOO = {"Lipa d.o.o.", "Brod doo"}
LTD = {"Bolt Ltd.", "Acme Ltd"}
FOUND = {
    "as": AS, "AS": AS, "a.s.": AS, "A.S": AS, "aş": AS, "A.Ş.": AS,
    "sa de cv": SA_DE_CV, "S.A. de C.V.": SA_DE_CV, "SA de C.V.": SA_DE_CV,
    "doo": DOO, "d.o.o.": DOO, "ltd": LTD, "Ltd.": LTD,
    "koks as": {"Koks A.S."}, "ege a.s.": {"Ege A.Ş."}, "dzintars a.s.": {"Dzintars AS"},
}  # fmt: skip


def _accounts(db: Database) -> dict[str, str]:
    return {name: create_account(db, AccountInput(name=name, country="LV")) for name in NAMES}


@pytest.mark.parametrize(("query", "expected"), FOUND.items())
def test_a_legal_form_is_found_with_dots_or_without(
    db: Database, query: str, expected: set[str]
) -> None:
    ids = _accounts(db)
    assert {h.title for h in search(db, query, limit=50)} == expected
    assert set(account_ids(db, ListFilter(text=query))) == {ids[name] for name in expected}


def _old_index(db: Database, ids: dict[str, str]) -> None:
    """The index as 0012 left it: the letters of "A.S." words of their own."""
    with db.transaction() as session:
        conn = session.connection()
        docs = [
            search_index.Document(ref, "account", fold(name.replace(".", " ")), "")
            for name, ref in ids.items()
        ]
        search_index.index_documents(conn, docs)


def test_the_upgrade_rebuilds_the_index_and_may_run_again(
    db: Database, database_target: str
) -> None:
    ids = _accounts(db)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0012")
    _old_index(db, ids)
    assert {h.title for h in search(db, "as")} == {"Dzintars AS", "Yapı AŞ"}
    db.close()
    for _ in range(2):  # and again, over the index it made
        upgraded = open_database(database_target)
        try:
            assert schema_revision(upgraded) == SCHEMA_HEAD
            assert {h.title for h in search(upgraded, "as")} == AS
            assert {h.title for h in search(upgraded, "sa de cv")} == SA_DE_CV
            with upgraded.engine.connect() as conn:
                count = conn.execute(text("SELECT count(*) FROM search_docs")).scalar()
            assert count == len(NAMES)
            with upgraded.engine.begin() as conn:
                command.downgrade(alembic_config(conn), "0012")
        finally:
            upgraded.close()


def test_one_letter_lists_names_before_legal_forms(db: Database) -> None:
    """One letter typed listed the accounts whose "A.Ş.", "AS", "SIA" or "AB" starts with it
    before any name that does (the key "a" and the keys of the legal forms came first), and a
    picker of contacts, which takes the first hits, looked empty: a legal form is no key of
    an account's name (fts.LEGAL_FORMS); the accounts are still found by it, after the
    names."""
    from people import person_at

    firms = [
        create_account(db, AccountInput(name=f"{root} {n} {form}", country="TR"))
        for n in range(12)
        for root, form in (("Ege", "A.Ş."), ("Koks", "AS"), ("Vējš", "SIA"), ("Kras", "AB"))
    ]
    firms.append(create_account(db, AccountInput(name="SIA Dzintars", country="LV")))
    named = create_account(db, AccountInput(name="Anadolu Gıda A.Ş.", country="TR"))
    people = {
        given: person_at(db, named, given, family, country="TR", zone="Europe/Istanbul")
        for given, family in (("Ayşe", "Yılmaz"), ("Ali", "Kaya"), ("Selin", "Aksoy"))
    }
    sara = person_at(db, named, "Sara", "Demir", country="TR", zone="Europe/Istanbul")
    hits = search(db, "a", limit=10)
    assert {h.id for h in hits[:4]} == {named, *people.values()}
    assert {h.id for h in hits[4:]} <= set(firms)  # the legal forms after the names
    contacts = {h.id for h in search(db, "a", limit=40) if h.kind == "contact"}
    assert contacts == set(people.values())  # a picker of contacts
    assert {h.id for h in search(db, "s", limit=5)[:2]} == {sara, people["Selin"]}
    # a legal form typed still finds its accounts, every one
    assert len(search(db, "sia", limit=100)) == 13
    assert len(search(db, "a.ş.", limit=100)) == 25  # A.Ş. and AS alike
    assert len(search(db, "ab", limit=100)) == 12
