"""The contact list's filter finds the people of an account by the account's name (the list
shows each contact's account), in the filter and in narrowing, on SQLite and PostgreSQL."""

from __future__ import annotations

from functools import partial

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, narrow_ids
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.trash import delete
from people import person_at

_contact = partial(person_at, country="MX", zone="America/Mexico_City")


def test_the_contact_list_finds_the_people_of_an_account_by_its_name(db: Database) -> None:
    # regions whose zone zone.tab tells (Mexico keeps several clocks)
    maiz = create_account(
        db, AccountInput(name="Maíz Dorado S.A. de C.V.", country="MX", subdivision="YUC")
    )
    azteca = create_account(
        db, AccountInput(name="Azteca Cerámica", country="MX", subdivision="SON")
    )
    maria = _contact(db, maiz, "María", "Hernández", emails=["maria@md.example"])
    lucia = _contact(db, maiz, "Lucía", "Martínez")
    jorge = _contact(db, azteca, "Jorge", "Ramírez", personal_notes="used to work at Maíz Dorado")
    everyone = contact_ids(db)

    expected = {
        "Maiz Dorado": {maria, lucia, jorge},  # Jorge by his own notes
        "dorado": {maria, lucia, jorge},
        "azteca": {jorge},
        "Ceramica": {jorge},
        "maria": {maria},  # a contact's own words still find them alone
        "Hernandez": {maria},
        # each word in the contact's own document or in their account's name: Jorge is at
        # Azteca Cerámica, and his notes name Maíz Dorado
        "Maiz Ceramica": {jorge},
        "Lucia Maiz": {lucia},  # her name, her account's name
        "Dorado Hernandez": {maria},
        "Lucia Azteca": set(),
        "zzz": set(),
    }
    filtered = {q: set(contact_ids(db, ListFilter(text=q))) for q in expected}
    narrowed = {q: narrow_ids(db, "contact", q, everyone) for q in expected}
    assert filtered == expected
    assert narrowed == {q: [i for i in everyone if i in ids] for q, ids in expected.items()}
    # the accounts' list is the accounts alone
    assert account_ids(db, ListFilter(text="Maiz Dorado")) == [maiz]
    assert narrow_ids(db, "account", "dorado", account_ids(db)) == [maiz]

    delete(db, "account", maiz)  # a trashed account's people are not listed
    assert set(contact_ids(db, ListFilter(text="dorado"))) == {jorge}


def test_an_accounts_city_industry_or_notes_do_not_list_its_people(db: Database) -> None:
    """Only the account's name finds its people: every word of its search document did, so a
    city, an industry or a word of its notes listed all its contacts, though the list shows
    none of them (29,977 contacts for 'manufacturing' at 300k; review finding)."""
    maiz = create_account(
        db,
        AccountInput(
            name="Maíz Dorado", country="DE", city="Berlin", industry="Logistics",
            notes="Lost the tender to a competitor",
        ),
    )  # fmt: skip
    anna = _contact(db, maiz, "Anna", "Weber", city="Hamburg")
    everyone = contact_ids(db)
    for query in ("Berlin", "Logistics", "competitor", "tender"):
        assert contact_ids(db, ListFilter(text=query)) == [], query
        assert narrow_ids(db, "contact", query, everyone) == [], query
        assert account_ids(db, ListFilter(text=query)) == [maiz], query  # the account's list
    assert contact_ids(db, ListFilter(text="Dorado")) == [anna]
    assert contact_ids(db, ListFilter(text="Hamburg")) == [anna]  # her own city
