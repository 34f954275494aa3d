"""Another contact record of the same person (privacy review 25, item 1): an erase keeps it,
so the confirmation names it ("… looks like the same person: erase or merge it first", by the
Duplicates screen's own rules), and a contact whose name, e-mail address or phone number is
theirs is a record that still holds them: listed before the erase and counted after it."""

from __future__ import annotations

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.privacy import erase_contact, kept_mentions, mention_line


def _contact(db: Database, account: str, given: str, family: str, **kw: object) -> str:
    data: dict[str, object] = {
        "account_id": account,
        "given_name": given,
        "family_name": family,
        "country": "LV",
        **kw,
    }
    return create_contact(db, ContactInput(**data))  # type: ignore[arg-type]


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    vejgrafs = create_account(db, AccountInput(name="Vejgrafs SIA", country="LV"))
    other = create_account(db, AccountInput(name="Koks SIA", country="LV"))
    person = _contact(
        db, vejgrafs, "Zelmīra", "Kvāsnīte", phones=["+37129911223"], emails=["zk@vej.lv"]
    )
    return {
        "vejgrafs": vejgrafs,
        "other": other,
        "person": person,
        # entered twice, with her number: the Duplicates screen pairs them
        "twice": _contact(db, vejgrafs, "Zelmira", "Kvasnite", phones=["29911223"]),
        # a typo in her family name at her account, nothing else shared: a likely duplicate
        "typo": _contact(db, vejgrafs, "Zelmīra", "Kvāsnītte"),
        # her name (its parts swapped) at another account: two people by the rules, but it
        # holds her name
        "namesake": _contact(db, other, "Kvāsnīte", "Zelmīra"),
        # her e-mail address on someone else
        "shared_mail": _contact(db, other, "Ilgvars", "Ozols", emails=["ZK@vej.lv"]),
        "unrelated": _contact(db, vejgrafs, "Anna", "Bērziņa", phones=["+37129911224"]),
    }


def _lines(db: Database, contact_id: str) -> list[str]:
    with use_language("en"):
        return [mention_line(m, "Europe/Riga") for m in kept_mentions(db, contact_id)]


def test_other_records_of_the_person_are_named_before_the_erase(
    db: Database, people: dict[str, str]
) -> None:
    trash.delete(db, "contact", people["shared_mail"])
    assert _lines(db, people["person"]) == [
        "Contact \u2068Zelmira Kvasnite\u2069 at \u2068Vejgrafs SIA\u2069 looks like the same "
        "person: erase or merge it first",
        "Contact \u2068Zelmīra Kvāsnītte\u2069 at \u2068Vejgrafs SIA\u2069 looks like the same "
        "person: erase or merge it first",
        "Contact \u2068Kvāsnīte Zelmīra\u2069",  # the namesake, the name's parts swapped
        "Contact \u2068Ilgvars Ozols\u2069 (in the trash)",
    ]


def test_they_are_counted_after_the_erase(db: Database, people: dict[str, str]) -> None:
    erasure = erase_contact(db, people["person"])
    assert erasure.mentions_left == 4
    assert kept_mentions(db, people["twice"])  # kept: the user erases or merges it
