"""A name shown joined (李磊, 박서연, 山田太郎: family and given name with no space) is found as
it is shown and by a prefix of it, in the search box, the list filter, narrowing and the
command line's ``contact``, on SQLite and on PostgreSQL; names of other scripts are found as
before."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accountdesk.cli import main
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter, contact_ids, narrow_ids
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

# (given, family, order, country, zone) and the name as the app shows it
PEOPLE = {
    "李磊": ("磊", "李", "family_first", "CN", "Asia/Shanghai"),
    "李强": ("强", "李", "family_first", "CN", "Asia/Shanghai"),
    "박서연": ("서연", "박", "family_first", "KR", "Asia/Seoul"),
    "박민준": ("민준", "박", "family_first", "KR", "Asia/Seoul"),
    "山田太郎": ("太郎", "山田", "family_first", "JP", "Asia/Tokyo"),
    "山田はなこ": ("はなこ", "山田", "family_first", "JP", "Asia/Tokyo"),
    "Yamada Taro": ("Taro", "Yamada", "family_first", "JP", "Asia/Tokyo"),
    "Lei Li": ("Lei", "Li", "given_first", "CN", "Asia/Shanghai"),
    "สมชาย ใจดี": ("สมชาย", "ใจดี", "given_first", "TH", "Asia/Bangkok"),
    "علی رضایی": ("علی", "رضایی", "given_first", "IR", "Asia/Tehran"),
    "Maria de la Cruz": ("Maria", "de la Cruz", "given_first", "ES", "Europe/Madrid"),
}

FOUND = [
    # as shown, and prefixes of the joined form
    ("李磊", {"李磊"}),
    ("李", {"李磊", "李强"}),
    ("박서연", {"박서연"}),
    ("박서", {"박서연"}),
    ("박", {"박서연", "박민준"}),
    ("山田太郎", {"山田太郎"}),
    ("山田太", {"山田太郎"}),
    ("山田", {"山田太郎", "山田はなこ"}),
    ("山田はなこ", {"山田はなこ"}),
    # the parts still find it, in either order and with a space
    ("李 磊", {"李磊"}),
    ("磊 李", {"李磊"}),
    ("磊", {"李磊"}),
    ("서연", {"박서연"}),
    ("太郎", {"山田太郎"}),
    # romanised forms, given or family first, as before
    ("Yamada Taro", {"Yamada Taro"}),
    ("taro yamada", {"Yamada Taro"}),
    ("Li Lei", {"Lei Li"}),
    ("Lei Li", {"Lei Li"}),
    # other scripts, as before
    ("สมชาย", {"สมชาย ใจดี"}),
    ("สมชาย ใจ", {"สมชาย ใจดี"}),
    ("رضا", {"علی رضایی"}),
    ("de la", {"Maria de la Cruz"}),
    ("cruz mar", {"Maria de la Cruz"}),
    # a joined name is one word: not found from the middle, nor glued in the other order
    ("磊李", set()),
    ("太郎山田", set()),
    ("서연박", set()),
]


@dataclass
class People:
    db: Database
    ids: dict[str, str]  # shown name -> contact id


@pytest.fixture
def people(db: Database) -> People:
    account = create_account(db, AccountInput(name="Pacific Trade", country="SG"))
    ids = {}
    for shown, (given, family, order, country, zone) in PEOPLE.items():
        ids[shown] = create_contact(
            db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name=family,
                name_order=order,
                country=country,
                timezone=zone,
            ),
        )
    return People(db, ids)


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_the_search_finds_a_name_as_it_is_shown(
    people: People, query: str, expected: set[str]
) -> None:
    hits = search(people.db, query, limit=50)
    assert {h.title for h in hits if h.kind == "contact"} == expected
    # the title is the name as shown, so what is typed is what is seen
    assert all(h.title in PEOPLE for h in hits)


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_the_list_filter_and_narrowing_find_it_too(
    people: People, query: str, expected: set[str]
) -> None:
    wanted = {people.ids[name] for name in expected}
    assert set(contact_ids(people.db, ListFilter(text=query))) == wanted
    everyone = contact_ids(people.db)
    narrowed = narrow_ids(people.db, "contact", query, everyone)
    assert narrowed == [i for i in everyone if i in wanted]


@pytest.mark.parametrize("shown", ["李磊", "박서연", "山田太郎"])
def test_the_contact_command_finds_a_joined_name(
    people: People, database_target: str, capsys: pytest.CaptureFixture[str], shown: str
) -> None:
    assert main(["contact", shown, "--db", database_target]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{shown} · Pacific Trade")


@pytest.mark.parametrize(("prefix", "count"), [("李", 2), ("박", 2), ("山田", 2)])
def test_a_prefix_asks_for_more_of_the_name_which_then_finds_it(
    people: People,
    database_target: str,
    capsys: pytest.CaptureFixture[str],
    prefix: str,
    count: int,
) -> None:
    assert main(["contact", prefix, "--db", database_target]) == 1
    err = capsys.readouterr().err
    assert f"“{prefix}” matches {count} contacts:" in err
    assert "give more of the name or an id" in err
    more = {"李": "李磊", "박": "박서연", "山田": "山田太郎"}[prefix]
    assert main(["contact", more, "--db", database_target]) == 0
    assert capsys.readouterr().out.startswith(f"{more} · ")


def test_the_search_command_finds_a_joined_name(
    people: People, database_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "박서연", "--db", database_target]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["박서연"]
    assert lines[0].endswith(people.ids["박서연"])
