"""Narrowing a kept list by its records' search documents (lists.document_rowids): a record's
document keeps its rowid while the record is edited, merged into, imported over or the index
rebuilt, so a list read before stays narrowed right; on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text

from accountdesk.core.db import search
from accountdesk.core.db.engine import Database
from accountdesk.core.demo import generate
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.queries import lists
from accountdesk.core.queries.lists import (
    ListFilter,
    account_ids,
    contact_ids,
    document_rowids,
    narrow_ids,
)
from accountdesk.core.records import AccountInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import (
    account_input,
    contact_input,
    create_account,
    update_account,
    update_contact,
)
from people import person_at

_person = partial(person_at, country="TR", zone="Europe/Istanbul")


def _rowids(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        found = {ref: int(n) for ref, n in conn.execute(text("SELECT ref, rowid FROM search_docs"))}
        conn.rollback()
    return found


def _team(db: Database) -> tuple[str, dict[str, str]]:
    anadolu = create_account(db, AccountInput(name="Anadolu Tekstil", country="TR"))
    people = {
        "ayse": _person(db, anadolu, "Ayşe", "Yılmaz"),
        "mehmet": _person(db, anadolu, "Mehmet", "Demir"),
        "zeynep": _person(db, anadolu, "Zeynep", "Kaya"),
    }
    return anadolu, people


def test_an_edited_contact_is_narrowed_by_what_it_says_now(db: Database) -> None:
    anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    before = _rowids(db)

    edited = replace(contact_input(db, people["mehmet"]), family_name="Öztürk")
    update_contact(db, people["mehmet"], edited)
    update_account(db, anadolu, replace(account_input(db, anadolu), name="Boğaziçi Kumaş"))

    assert _rowids(db) == before  # the documents were written again, at the same rowids
    narrow = partial(narrow_ids, db, "contact", within=within, documents=documents)
    assert narrow(text="ozturk") == [people["mehmet"]]
    assert narrow(text="demir") == []
    assert narrow(text="bogazici") == [i for i in within if i in people.values()]
    assert narrow(text="anadolu") == []
    for query in ("ozturk", "demir", "bogazici", "anadolu", "a", "ay"):
        # what the filter finds now, in the order the list was read in
        found = set(contact_ids(db, ListFilter(text=query)))
        assert narrow(text=query) == [i for i in within if i in found], query


def test_a_contact_added_after_the_list_was_read_is_left_out(db: Database) -> None:
    anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    newer = _person(db, anadolu, "Ayla", "Yıldız")  # a document above every one of the list's
    assert _rowids(db)[newer] > max(_rowids(db)[p] for p in people.values())

    assert narrow_ids(db, "contact", "ay", within, documents) == [people["ayse"]]
    assert newer in narrow_ids(db, "contact", "ay", contact_ids(db))


def test_a_rebuilt_index_keeps_every_rowid(db: Database) -> None:
    _anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    before = _rowids(db)
    lost = people["mehmet"]
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_docs WHERE ref = :r"), {"r": lost})
        assert search.rebuild(conn) == len(before)
    after = _rowids(db)
    # Mehmet's document was lost and is made anew, above every rowid the others have
    kept = {r: n for r, n in before.items() if r != lost}
    assert {r: n for r, n in after.items() if r != lost} == kept
    assert after[lost] > max(kept.values())
    # read before: his new document is above them, and found by its ref
    assert narrow_ids(db, "contact", "demir", within, documents) == [lost]
    fresh = document_rowids(db, "contact", within)
    assert narrow_ids(db, "contact", "demir", within, fresh) == [lost]
    assert narrow_ids(db, "contact", "yilmaz", within, documents) == [people["ayse"]]


def test_an_import_over_stored_contacts_keeps_their_rowids(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    header = "account_id,account_name,account_country,contact_id,given_name,family_name\n"
    source.write_text(
        header + "acc-1,Zeta Foods,LV,p-1,Zelda,Brandt\nacc-1,Zeta Foods,LV,p-2,Otto,Ozols\n",
        encoding="utf-8",
    )
    import_csv(db, source)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    before = _rowids(db)
    source.write_text(header + "acc-1,Zeta Foods,LV,p-1,Zelda,Liepa\n", encoding="utf-8")
    import_csv(db, source)
    assert _rowids(db) == before
    assert narrow_ids(db, "contact", "liepa", within, documents) == ["p-1"]
    assert narrow_ids(db, "contact", "brandt", within, documents) == []


def test_accounts_are_narrowed_by_their_documents_too(db: Database) -> None:
    anadolu, _people = _team(db)
    other = create_account(db, AccountInput(name="Zeta Foods", country="LV"))
    within = account_ids(db)
    documents = document_rowids(db, "account", within)
    assert sorted(within) == sorted([anadolu, other])
    assert narrow_ids(db, "account", "zeta", within, documents) == [other]
    assert narrow_ids(db, "account", "a", within, documents) == account_ids(
        db, ListFilter(text="a")
    )
    # a contact's document is not an account's: narrowing accounts by its rowid finds none
    assert narrow_ids(db, "account", "ayse", within, documents) == []


def test_a_document_written_since_the_list_was_read_is_found_by_its_ref(db: Database) -> None:
    """Someone else puts Ayşe in the trash and takes her out again after the list was read
    (this app reads its lists again after its own changes): her document is new, above every
    rowid of the list, and is looked up by its ref. So is one an older AccountDesk on a team
    server wrote again under a new rowid."""
    _anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    trash.delete(db, "contact", people["ayse"])
    trash.restore(db, "contact", people["ayse"])
    others = [p for p in people.values() if p != people["ayse"]]
    assert _rowids(db)[people["ayse"]] > max(_rowids(db)[p] for p in others)
    assert narrow_ids(db, "contact", "yilmaz", within, documents) == [people["ayse"]]
    with db.engine.begin() as conn:  # written again, as before documents kept their rowids
        old = search.stored_documents(conn, [people["zeynep"]])
        search.remove_documents(conn, [people["zeynep"]])
        search.index_documents(conn, old, fresh=True)
    assert _rowids(db)[people["zeynep"]] == max(_rowids(db).values())
    for query in ("kaya", "yilmaz", "a", "ay", "z"):
        found = set(contact_ids(db, ListFilter(text=query)))
        assert narrow_ids(db, "contact", query, within, documents) == [
            i for i in within if i in found
        ], query
    assert narrow_ids(db, "contact", "kaya", within, documents) == [people["zeynep"]]


def test_a_restored_contact_never_takes_the_rowid_of_one_trashed_since(db: Database) -> None:
    """Someone else puts Zeynep, whose document is the newest, in the trash, then Ayşe, and
    takes Ayşe out again: her new document is numbered above every rowid ever given, not
    with Zeynep's (SQLite gave the highest rowid plus one: narrowing "yilmaz" then showed
    Zeynep, in the trash)."""
    _anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    zeynep = _rowids(db)[people["zeynep"]]
    assert zeynep == max(_rowids(db).values())
    trash.delete(db, "contact", people["zeynep"])
    trash.delete(db, "contact", people["ayse"])
    trash.restore(db, "contact", people["ayse"])
    assert _rowids(db)[people["ayse"]] > zeynep
    assert narrow_ids(db, "contact", "yilmaz", within, documents) == [people["ayse"]]
    assert narrow_ids(db, "contact", "kaya", within, documents) == []


def test_other_kinds_documents_above_the_list_are_not_looked_up(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild (or a JSON import, or a file uploaded to a team server) writes every
    account's document, then every contact's: the contacts' are above every account's, and
    the account list looked each matching one's ref up at every keystroke."""
    generate(db, accounts=40, seed=9)
    with db.engine.begin() as conn:
        search.rebuild(conn)
    looked_up: list[int] = []
    real = lists._refs_of

    def counted(conn: object, kind: str, rowids: list[int]) -> set[str]:
        looked_up.append(len(rowids))
        return real(conn, kind, rowids)

    monkeypatch.setattr(lists, "_refs_of", counted)
    within = account_ids(db)
    documents = document_rowids(db, "account", within)
    assert max(_rowids(db).values()) > len(documents.places)  # contacts' above the accounts'
    for query in ("a", "s", "m", "ana"):
        assert narrow_ids(db, "account", query, within, documents) == account_ids(
            db, ListFilter(text=query)
        ), query
    assert looked_up == []
    # one written since is looked up
    newer = create_account(db, AccountInput(name="Anadolu Gıda", country="TR"))
    assert narrow_ids(db, "account", "anadolu", within, documents) == [
        i for i in within if i in set(account_ids(db, ListFilter(text="anadolu")))
    ]
    assert newer not in within and looked_up == [1]


def test_many_documents_written_since_narrow_by_refs(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone's import after the list was read: more documents than NEWER_AT_MOST above the
    list's, and the list is narrowed by refs instead."""
    anadolu, people = _team(db)
    within = contact_ids(db)
    documents = document_rowids(db, "contact", within)
    for n in range(4):
        _person(db, anadolu, "Ayla", f"Yıldız{n}")
    trash.delete(db, "contact", people["ayse"])
    trash.restore(db, "contact", people["ayse"])
    monkeypatch.setattr(lists, "NEWER_AT_MOST", 2)
    # one found above the list's (her own): looked up
    assert narrow_ids(db, "contact", "yilmaz", within, documents) == [people["ayse"]]
    monkeypatch.setattr(lists, "_refs_of", None)  # five ("ay"): not looked up
    assert narrow_ids(db, "contact", "ay", within, documents) == [people["ayse"]]
