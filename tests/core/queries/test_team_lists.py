"""The team in the account and contact lists: owners shown and sorted by the member's name,
"Mine" and every member offered by the owner filter on a server; owners as typed in a file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, User
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.queries.lists import (
    ListFilter,
    account_ids,
    account_rows,
    contact_ids,
    filter_choices,
    owner_choices,
)
from accountdesk.core.queries.team import members, owner_name, owner_names
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from teamroles import Members, team_of


def _account(db: Database, name: str, owner: str | None) -> str:
    return create_account(db, AccountInput(name, "LV", timezone="Europe/Riga", owner=owner))


def test_in_a_file_owners_are_free_text_as_typed(db: Database) -> None:
    first = _account(db, "Baltic Timber", "Zane Ozola")
    second = _account(db, "Daugava Foods", "Ann")
    nobodys = _account(db, "Kurzeme Mills", None)
    if db.is_postgres:  # a new account is its creator's on a server: one from before is not
        with db.transaction() as s:
            s.execute(update(Account).where(Account.id == nobodys).values(owner=None))
    rows = {r.id: r for r in account_rows(db, account_ids(db))}
    assert rows[first].owner_name == "Zane Ozola" and rows[second].owner_name == "Ann"
    assert rows[nobodys].owner_name is None
    by_owner = account_ids(db, sort="owner")
    assert [i for i in by_owner if i != nobodys] == [second, first]
    choices = filter_choices(db)
    assert choices.owners == [("Ann", "Ann"), ("Zane Ozola", "Zane Ozola")]
    assert choices.mine == db.login  # a file: nobody is connected
    if not db.is_postgres:
        assert choices.mine is None
    assert account_ids(db, ListFilter(owner="Zane Ozola")) == [first]


def test_members_are_shown_sorted_and_offered_by_name(db: Database) -> None:
    # logins in the opposite order of the names: the list sorts by what it shows
    with db.transaction() as s:
        s.add(User(login="zberg", name="Anna Berg", role="rep"))
        s.add(User(login="akalnins", name="Ivars Kalniņš", role="manager"))
        s.add(User(login="mozola", name="Māra Ozola", role="rep"))  # owns nothing yet
    anna = _account(db, "Baltic Timber", "zberg")
    ivars = _account(db, "Daugava Foods", "akalnins")
    uploaded = _account(db, "Kurzeme Mills", "Hanna from the laptop")  # no member has it
    rows = {r.id: r for r in account_rows(db, [anna, ivars, uploaded])}
    assert rows[anna].owner == "zberg" and rows[anna].owner_name == "Anna Berg"
    assert rows[ivars].owner_name == "Ivars Kalniņš"
    assert rows[uploaded].owner_name == "Hanna from the laptop"
    assert account_ids(db, sort="owner") == [anna, uploaded, ivars]
    assert account_ids(db, sort="owner", descending=True) == [ivars, uploaded, anna]
    assert owner_choices(db) == [
        ("zberg", "Anna Berg"),
        ("Hanna from the laptop", "Hanna from the laptop"),
        ("akalnins", "Ivars Kalniņš"),
        ("mozola", "Māra Ozola"),
    ]
    assert account_ids(db, ListFilter(owner="zberg")) == [anna]
    names = owner_names(db)
    assert owner_name(names, "akalnins") == "Ivars Kalniņš"
    assert owner_name(names, "nobody") == "nobody"


def test_the_team_is_listed_in_the_order_of_the_users_language(db: Database) -> None:
    """The account editor's owner choice lists ``members`` as they come: by name in the
    user's language, not in the database's order (C collation put Persian after Latin, and
    Latvian Š after Z)."""
    with db.transaction() as s:
        for login, name in (
            ("zane", "Zane Liepa"),
            ("sharlote", "Šarlote Ozola"),
            ("sandra", "Sandra Kalniņa"),
            ("mehri", "مهری رضایی"),
            ("anna", "Anna Berg"),
        ):
            s.add(User(login=login, name=name, role="rep"))
    with use_language("lv"):
        assert [m.name for m in members(db)] == [
            "Anna Berg", "Sandra Kalniņa", "Šarlote Ozola", "Zane Liepa", "مهری رضایی",
        ]  # fmt: skip
    with use_language("fa"):
        assert members(db)[0].login == "mehri"


@pytest.fixture
def team(db: Database, request: pytest.FixtureRequest) -> Iterator[Members]:
    with team_of(db, request) as members:
        yield members


def test_a_rep_sees_the_whole_team_or_filters_to_their_own(db: Database, team: Members) -> None:
    anna, ben = team.logins["anna"], team.logins["ben"]
    annas = _account(team.anna, "Baltic Timber", anna)
    create_contact(team.anna, ContactInput(annas, "Zane", "LV", family_name="Ozola"))
    bens = _account(team.ben, "Daugava Foods", ben)
    bens_contact = create_contact(team.ben, ContactInput(bens, "Jānis", "LV", family_name="Liepa"))
    for seen_by in (team.anna, team.ben, team.manager):
        assert set(account_ids(seen_by)) == {annas, bens}  # everyone's by default
        assert len(contact_ids(seen_by)) == 2
        assert account_ids(seen_by, ListFilter(owner=anna)) == [annas]
        assert contact_ids(seen_by, ListFilter(owner=ben)) == [bens_contact]
        assert (ben, team.names["ben"]) in filter_choices(seen_by).owners
    mine = filter_choices(team.anna).mine
    if not db.is_postgres:
        assert mine is None  # a file: nobody is connected
        return
    assert mine == anna and filter_choices(team.ben).mine == ben
    assert team.names["ben"] == "Ben Okafor"
    assert filter_choices(team.anna).owners == [
        (anna, "Anna Berg"),
        (ben, "Ben Okafor"),
        (team.logins["manager"], "Maria López"),
    ]
    # who changed it: stamped by the server with the writer's login
    assert account_detail(team.manager, annas).changed_by == anna
    assert contact_detail(team.anna, bens_contact).changed_by == ben


def test_nobody_is_named_as_the_changer_in_a_file(db: Database) -> None:
    if db.is_postgres:
        pytest.skip("a file's records name nobody; a server stamps every write")
    account = _account(db, "Baltic Timber", "Zane")
    contact = create_contact(db, ContactInput(account, "Zane", "LV"))
    assert account_detail(db, account).changed_by is None
    assert contact_detail(db, contact).changed_by is None
    assert account_detail(db, account).changed_at is not None
