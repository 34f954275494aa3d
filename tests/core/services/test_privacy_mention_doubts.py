"""Ordinary words are not the person (privacy review 25, item 7): "Gaida budžetu" (awaiting
budget) was counted as a declined form of Gaidis, "markets" as Mark, "granted" as Grant and
"rose" as Rose, so an erase listed and counted records that do not name them. A form that is
as often another word counts only beside another part of their name (or their e-mail
address or phone number); names take endings only in languages that decline them."""

from __future__ import annotations

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note
from accountdesk.core.services.privacy import erase_contact, kept_mentions


def _listed(db: Database, contact: str) -> list[str]:
    return sorted(m.record_id for m in kept_mentions(db, contact))


def _setup(db: Database, country: str, given: str, family: str, **kw: object) -> tuple[str, str]:
    zone = {"US": "America/New_York"}.get(country)
    account = create_account(db, AccountInput(name="Acme", country=country, timezone=zone))
    data: dict[str, object] = {
        "account_id": account, "given_name": given, "family_name": family, "country": country,
        "timezone": zone, **kw,
    }  # fmt: skip
    return account, create_contact(db, ContactInput(**data))  # type: ignore[arg-type]


def test_a_short_stem_counts_only_beside_another_part_of_the_name(db: Database) -> None:
    account, gaidis = _setup(db, "LV", "Gaidis", "Strautiņš", phones=["+37129911777"])
    for _ in range(3):
        save_note(db, "Gaida budžetu", account_id=account)  # a verb: awaits the budget
    his = sorted(
        save_note(db, body, account_id=account)
        for body in (
            "Gaidim Strautiņam nosūtīt līgumu",  # both parts, declined
            "Strautiņa kungs zvanīja",  # the family name: a long stem counts alone
            "Gaidis zvanīja",  # the given name as it is
            "Gaida zvanu uz 29911777",  # a short stem beside their number
        )
    )
    assert _listed(db, gaidis) == his
    assert erase_contact(db, gaidis).mentions_left == 4


@pytest.mark.parametrize(
    ("given", "family", "country", "other", "theirs"),
    [
        ("Mark", "Evans", "US", "Discussed new markets in Asia", "Mark Evans asked"),
        ("Grant", "Hill", "US", "Budget granted", "Grant Hill called"),
        ("Rose", "Park", "US", "Prices rose again; parking", "rose@park.example wrote"),
        ("Will", "Stone", "GB", "They will send the stones", "Will said Stone's team agrees"),
    ],
)  # fmt: skip
def test_english_words_are_not_the_person(
    db: Database, given: str, family: str, country: str, other: str, theirs: str
) -> None:
    account, person = _setup(
        db, country, given, family, emails=[f"{given}@{family}.example".lower()]
    )
    save_note(db, other, account_id=account)
    found = save_note(db, theirs, account_id=account)
    assert _listed(db, person) == [found]


def test_a_given_name_that_is_a_word_alone_and_one_that_is_not(db: Database) -> None:
    account, rose = _setup(db, "US", "Rose", "Quillfeather")
    _, maryam = _setup(db, "IR", "Maryam", "Zebarjadi")
    save_note(db, "The rose garden", account_id=account)
    hers = save_note(db, "maryam sent flowers", account_id=account)
    assert _listed(db, rose) == []
    assert _listed(db, maryam) == [hers]


def test_a_suffixed_form_only_where_names_take_endings(db: Database) -> None:
    """Polish declines names (Kowalskiego); English does not ("Marketing" is not Mark)."""
    account, kowalski = _setup(db, "PL", "Jan", "Kowalski")
    _, grace = _setup(db, "US", "Grace", "Kowalski")
    found = save_note(db, "Zadzwonić do Kowalskiego", account_id=account)
    assert _listed(db, kowalski) == [found]
    assert _listed(db, grace) == []
