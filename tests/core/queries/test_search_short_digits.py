"""A digit or two typed in the search box or a list's filter does not list everyone with a
phone: "0" began every number written as at home (05321234567), so it matched every contact
with a phone. Three digits and more still find a number by its start (fts.PHONE_DIGITS); a
short number still finds a name that starts with it ("7 Seas") and the same figure in notes,
on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, narrow_ids
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact


@dataclass
class Phones:
    db: Database
    ali: str  # +90 532 123 45 67
    janis: str  # +371 2612 3456
    linda: str  # +1 201 555 1912
    mara: str  # no phone; her notes have a two-digit figure
    seas: str  # the account "7 Seas Trading"


@pytest.fixture
def phones(db: Database) -> Phones:
    seas = create_account(db, AccountInput(name="7 Seas Trading", country="SG"))
    other = create_account(db, AccountInput(name="Pacific Trade", country="SG"))

    def person(given: str, family: str, country: str, zone: str, **more: object) -> str:
        return create_contact(
            db,
            ContactInput(
                account_id=other, given_name=given, family_name=family, country=country,
                timezone=zone, **more,  # type: ignore[arg-type]
            ),
        )  # fmt: skip

    return Phones(
        db,
        ali=person("Ali", "Işık", "TR", "Europe/Istanbul", phones=["+90 532 123 45 67"]),
        janis=person("Jānis", "Bērziņš", "LV", "Europe/Riga", phones=["+371 2612 3456"]),
        linda=person("Linda", "Park", "US", "America/New_York", phones=["+1 201 555 1912"]),
        mara=person("Mara", "Ozola", "LV", "Europe/Riga", personal_notes="ordered 20 pallets"),
        seas=seas,
    )


SHORT = ["0", "5", "9", "05", "90", "53", "2", "26", "1", "12", "+9", "+90", "+1", "٠", "۰۵", "0 5"]


@pytest.mark.parametrize("query", SHORT)
def test_a_digit_or_two_matches_no_phone(phones: Phones, query: str) -> None:
    everyone = contact_ids(phones.db)
    assert [h for h in search(phones.db, query) if h.kind == "contact"] == []
    assert contact_ids(phones.db, ListFilter(text=query)) == []
    assert narrow_ids(phones.db, "contact", query, everyone) == []


def test_a_short_number_still_finds_a_name_or_the_figure_in_notes(phones: Phones) -> None:
    assert [h.id for h in search(phones.db, "7")] == [phones.seas]
    assert account_ids(phones.db, ListFilter(text="7")) == [phones.seas]
    assert [h.id for h in search(phones.db, "7 seas")] == [phones.seas]
    # a figure typed whole is found; its first digit is not the start of every number
    assert [h.id for h in search(phones.db, "20")] == [phones.mara]
    assert contact_ids(phones.db, ListFilter(text="20 pallets")) == [phones.mara]
    assert contact_ids(phones.db, ListFilter(text="2")) == []


FOUND = {
    "053": "ali",  # as written at home, with the trunk 0
    "532": "ali",  # the national number
    "905": "ali",  # with the calling code
    "0532 1234": "ali",  # eight digits: read as one number
    "+90 532": "ali",
    "261": "janis",
    "3712612": "janis",
    "201": "linda",
    "1201555": "linda",
    "(201) 555": "linda",
}


@pytest.mark.parametrize(("query", "who"), FOUND.items())
def test_three_digits_and_more_find_a_number_by_its_start(
    phones: Phones, query: str, who: str
) -> None:
    wanted = getattr(phones, who)
    everyone = contact_ids(phones.db)
    assert [h.id for h in search(phones.db, query) if h.kind == "contact"] == [wanted]
    assert contact_ids(phones.db, ListFilter(text=query)) == [wanted]
    assert narrow_ids(phones.db, "contact", query, everyone) == [wanted]
