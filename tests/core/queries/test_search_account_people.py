"""Ctrl+K finds the people of an account by the account's name: a rep who remembers "the
buyer at Anadolu Tekstil" types "anadolu" and sees the account, then its contacts; what
matches by its own name comes first, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.search import SearchHit, search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.trash import delete
from people import person_at

_contact = partial(person_at, country="TR", zone="Europe/Istanbul")


@dataclass
class Firms:
    db: Database
    anadolu: str  # Anadolu Tekstil A.Ş., İstanbul: Ayşe Yılmaz and Mehmet Demir
    ayse: str
    mehmet: str
    deniz: str  # Deniz Anadolu, of Ege Boya: "anadolu" is her own name
    marmara: str  # Marmara Lojistik, whose notes name Anadolu Tekstil
    kemal: str  # Kemal Aydın, of Marmara Lojistik


@pytest.fixture
def firms(db: Database) -> Firms:
    anadolu = create_account(
        db, AccountInput(name="Anadolu Tekstil A.Ş.", country="TR", city="İstanbul")
    )
    ege = create_account(db, AccountInput(name="Ege Boya", country="TR", city="İzmir"))
    marmara = create_account(
        db,
        AccountInput(
            name="Marmara Lojistik", country="TR", city="İstanbul",
            notes="Carries the orders of Anadolu Tekstil",
        ),
    )  # fmt: skip
    ayse = _contact(db, anadolu, "Ayşe", "Yılmaz", job_title="Purchasing")
    mehmet = _contact(db, anadolu, "Mehmet", "Demir", city="Bursa")
    deniz = _contact(db, ege, "Deniz", "Anadolu")
    kemal = _contact(db, marmara, "Kemal", "Aydın")
    return Firms(db, anadolu, ayse, mehmet, deniz, marmara, kemal)


def _ids(hits: list[SearchHit]) -> list[str]:
    return [h.id for h in hits]


def test_an_accounts_name_finds_its_people_after_it(firms: Firms) -> None:
    hits = search(firms.db, "anadolu")
    ids = _ids(hits)
    assert ids[0] == firms.anadolu  # the account first
    # its people follow it, shown as its contacts; the account whose notes name it does not
    # bring its own people
    assert set(ids) == {firms.anadolu, firms.deniz, firms.marmara, firms.ayse, firms.mehmet}
    people = [h for h in hits if h.id in (firms.ayse, firms.mehmet)]
    assert [(h.kind, h.title, h.subtitle) for h in people] == [
        ("contact", "Mehmet Demir", "Anadolu Tekstil A.Ş."),  # by family name, as its page
        ("contact", "Ayşe Yılmaz", "Anadolu Tekstil A.Ş."),
    ]
    # what matches by its own words comes first: the people of an account do not push it down
    assert ids.index(firms.deniz) < ids.index(firms.mehmet)
    assert ids.index(firms.marmara) < ids.index(firms.mehmet)
    assert ids[-2:] == [firms.mehmet, firms.ayse]


def test_typed_as_the_name_is_typed(firms: Firms) -> None:
    for query in ("Anadolu Tekstil", "ANADOLU tekst", "tekstil", "anad"):
        ids = _ids(search(firms.db, query))
        assert ids[0] == firms.anadolu, query
        assert {firms.ayse, firms.mehmet} <= set(ids), query
        assert firms.kemal not in ids, query
    assert _ids(search(firms.db, "ayse")) == [firms.ayse]  # her own name: her alone


def test_a_short_query_or_an_accounts_other_words_do_not_bring_its_people(
    firms: Firms,
) -> None:
    # two letters match a third of every name: the people of every account they start would
    # only push the names typed out of the list (the contact list's rule, ACCOUNT_WORD)
    assert firms.ayse not in _ids(search(firms.db, "an"))
    # the account's city finds the account, not everyone who works there
    ids = _ids(search(firms.db, "istanbul"))
    assert firms.anadolu in ids
    assert firms.ayse not in ids and firms.mehmet not in ids


def test_direct_matches_fill_the_list_before_the_people(firms: Firms) -> None:
    hits = search(firms.db, "anadolu", limit=3)
    assert {h.id for h in hits} == {firms.anadolu, firms.deniz, firms.marmara}
    hits = search(firms.db, "anadolu", limit=4)
    assert _ids(hits)[3] == firms.mehmet


def test_people_in_the_trash_or_of_an_account_in_the_trash_are_not_found(
    firms: Firms,
) -> None:
    delete(firms.db, "contact", firms.mehmet)
    assert firms.mehmet not in _ids(search(firms.db, "anadolu"))
    assert firms.ayse in _ids(search(firms.db, "anadolu"))
    delete(firms.db, "account", firms.anadolu)
    ids = _ids(search(firms.db, "anadolu"))
    assert firms.anadolu not in ids and firms.ayse not in ids
    assert firms.deniz in ids


def test_a_persons_name_with_their_accounts_name_finds_them(firms: Firms) -> None:
    # "the Ayşe at Anadolu": some words in the person's own name, the others in the name of
    # their account, in either order; the other people there are not found by her name
    # (the account's name first or last, as typed: "ayse yilmaz anadolu tekstil" too)
    queries = (
        "ayse anadolu", "Anadolu Ayşe", "yilmaz tekstil", "ayse anadolu tekstil",
        "ayse yilmaz anadolu", "ayse yilmaz anadolu tekstil", "anadolu tekstil ayse yilmaz",
        "ayse yilmaz purchasing anadolu tekstil a.s.",  # seven words: "A.Ş." is two
    )  # fmt: skip
    for query in queries:
        ids = _ids(search(firms.db, query))
        assert firms.ayse in ids, query
        assert firms.mehmet not in ids and firms.kemal not in ids, query
    hit = next(h for h in search(firms.db, "ayse anadolu") if h.id == firms.ayse)
    assert (hit.kind, hit.title, hit.subtitle) == ("contact", "Ayşe Yılmaz", "Anadolu Tekstil A.Ş.")
    # a short word of the account's name counts beside a longer one ("a" of "A.Ş.")
    assert {firms.ayse, firms.mehmet} <= set(_ids(search(firms.db, "anadolu a")))
    # Kemal's account only names Anadolu in its notes; Deniz's own name is Anadolu, not Ayşe
    assert _ids(search(firms.db, "kemal anadolu")) == []
    assert _ids(search(firms.db, "deniz ege")) == [firms.deniz]
    # two letters of her name are enough beside the account's name, one is not (a letter
    # starts a word of a third of all people); a city of the account is not its name; two
    # short words are not enough
    assert firms.ayse in _ids(search(firms.db, "anadolu ay"))
    assert firms.mehmet not in _ids(search(firms.db, "anadolu m"))
    assert _ids(search(firms.db, "ayse istanbul")) == []
    assert _ids(search(firms.db, "ay an")) == []


@pytest.mark.parametrize(
    ("name", "country", "zone", "person", "query"),
    [
        ("山田", "JP", "Asia/Tokyo", ("太郎", "佐藤"), "山田"),
        ("삼성", "KR", "Asia/Seoul", ("민준", "박"), "삼성"),
        ("华为", "CN", "Asia/Shanghai", ("伟", "王"), "华为"),
    ],
)
def test_an_account_named_in_two_characters_finds_its_people(
    db: Database,
    name: str,
    country: str,
    zone: str,
    person: tuple[str, str],
    query: str,
) -> None:
    """Two Chinese characters, kana or Hangul syllables are a whole name (they count as four
    letters of an alphabet): the account's people are listed after it, in Ctrl+K and the
    contact list's filter; one character is a family name millions share, and lists none."""
    from accountdesk.core.queries.lists import ListFilter, contact_ids

    account = create_account(db, AccountInput(name=name, country=country))
    given, family = person
    someone = person_at(db, account, given, family, country=country, zone=zone)
    assert _ids(search(db, query)) == [account, someone]
    assert contact_ids(db, ListFilter(text=query)) == [someone]
    assert _ids(search(db, query[0])) == [account]
    # beside the account's name, one character of the person's is enough
    assert _ids(search(db, f"{query} {family}")) == [someone]
