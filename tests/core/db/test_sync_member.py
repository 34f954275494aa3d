"""Who the user of a laptop's copy of a team server is in the team (``Database.member``): the
login the copy's changes reach the server as. A copy keeps the server's rules as that member:
it reminds its member of their own follow-ups only and marks only those notified, a new account
made on it is its member's, a file's owners are the team's, "Mine" and ``me`` are the member.
Its personal settings stay plain keys (``Database.login`` is None on a copy, as on any file).

On the throwaway cluster: a team of a manager and two reps, Anna and Ben; Anna has a copy."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import sync
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, FollowUp
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.followups import due_for_reminder
from accountdesk.core.queries.lists import ListFilter, account_ids, filter_choices
from accountdesk.core.queries.team import me
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups, trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import get_setting, set_setting, stored_key
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
#: five minutes before NOW, as a wall time in Bangkok (UTC+7)
DUE = (NOW - timedelta(minutes=5)).replace(tzinfo=None) + timedelta(hours=7)


@dataclasses.dataclass
class Setup:
    team: Team
    admin: Database  # the administrator, on the server (no member)
    anna: Database  # on the server
    ben: Database  # on the server
    copy: Database  # Anna's laptop copy
    #: the follow-ups, by whom they remind on the server
    follow_ups: dict[str, str]


def _contact(db: Database, name: str) -> str:
    """A new account (its owner: whoever makes it) with one contact; the contact's id."""
    account = create_account(db, AccountInput(name=name, country="TH"))
    return create_contact(
        db,
        ContactInput(account_id=account, given_name="Somchai", family_name=name, country="TH"),
    )


def _schedule(db: Database, contact: str, title: str) -> str:
    data = followups.FollowUpInput(
        contact_id=contact, title=title, local_due=DUE, zone="Asia/Bangkok"
    )
    return followups.schedule(db, data).id


def _due(db: Database) -> set[str]:
    return {s.id for s in due_for_reminder(db, NOW)}


@pytest.fixture
def setup(team: Team, tmp_path: Path) -> Iterator[Setup]:
    admin = open_database(team.admin_url)
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    annas, bens = _contact(anna, "Annas Rice"), _contact(ben, "Bens Rice")
    nobodys = _contact(admin, "Nobodys Rice")  # the administrator's: an account nobody owns
    found = {
        "annas": _schedule(anna, annas, "Call about rice"),
        "bens": _schedule(ben, bens, "Call about more rice"),
        # scheduled by Anna on Ben's account: his customer, his reminder
        "bens, by anna": _schedule(anna, bens, "Anna's note"),
        # on the account nobody owns, whoever scheduled it last
        "nobodys, by anna": _schedule(anna, nobodys, "Anna's unowned"),
        "nobodys, by ben": _schedule(ben, nobodys, "Ben's unowned"),
    }
    set_setting(anna, "user.zone", "Asia/Bangkok")  # hers, kept as "<login>/user.zone"
    path = sync.create_copy(team.url(team.anna), tmp_path / "copy.db")
    copy = open_database(path)
    yield Setup(team, admin, anna, ben, copy, found)
    for db in (admin, anna, ben, copy):
        db.close()


def _owners(db: Database) -> dict[str, str | None]:
    """Every account's owner, by the account's name."""
    with db.reader() as session:
        return {name: owner for name, owner in session.execute(select(Account.name, Account.owner))}


def _ids(setup: Setup, *keys: str) -> set[str]:
    return {setup.follow_ups[k] for k in keys}


def _notified(db: Database) -> set[str]:
    with db.reader() as session:
        return set(session.scalars(select(FollowUp.id).where(FollowUp.notified_at.is_not(None))))


def _outbox(db: Database, table: str) -> set[str]:
    with db.engine.connect() as conn:
        found = conn.execute(
            text("SELECT row_id FROM sync_outbox WHERE tbl = :t"), {"t": table}
        ).scalars()
        return set(found)


def test_a_copys_user_is_the_member_it_reaches_the_server_as(setup: Setup, tmp_path: Path) -> None:
    assert setup.copy.member == setup.team.anna
    assert setup.anna.member == setup.team.anna and setup.admin.member == setup.admin.login
    mine = me(setup.copy)
    assert mine is not None and (mine.login, mine.name) == (setup.team.anna, "Anna Berg")
    # the personal settings of a copy stay plain keys: its settings table is its own
    assert setup.copy.login is None
    assert stored_key(setup.copy, "user.zone") == "user.zone"
    assert get_setting(setup.copy, "user.zone") == "Asia/Bangkok"
    set_setting(setup.copy, "user.zone", "Europe/Riga")
    with setup.copy.engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM settings")).scalars())
    assert "user.zone" in keys and not any("/" in key for key in keys)
    # a laptop's own file has no team
    plain = open_database(tmp_path / "plain.db")
    try:
        assert plain.member is None and me(plain) is None
    finally:
        plain.close()


def test_a_copy_reminds_its_member_of_their_own_follow_ups_only(setup: Setup) -> None:
    hers = _ids(setup, "annas", "nobodys, by anna")
    his = _ids(setup, "bens", "bens, by anna", "nobodys, by ben")
    assert _due(setup.anna) == hers and _due(setup.ben) == his  # the server's rule
    assert _due(setup.copy) == hers  # the copy's: the same


def test_marking_notified_on_a_copy_touches_only_the_members_own(setup: Setup) -> None:
    everything = set(setup.follow_ups.values())
    hers = _ids(setup, "annas", "nobodys, by anna")
    his = everything - hers
    followups.mark_notified(setup.copy, sorted(everything), clock=fixed_clock(NOW))
    assert _notified(setup.copy) == hers
    assert _outbox(setup.copy, "follow_ups") == hers  # nothing of Ben's is sent
    assert _due(setup.copy) == set()
    report = sync.synchronise(setup.copy)
    assert report.refused == 0 and report.conflicts == 0
    assert _notified(setup.admin) == hers
    assert _due(setup.ben) == his  # Ben's app still reminds him of his own
    assert _due(setup.anna) == set() and _due(setup.copy) == set()


def test_a_follow_up_changed_on_a_copy_reminds_as_the_server_will(setup: Setup) -> None:
    """Ben scheduled a follow-up of an account nobody owns; Anna changes it on her copy. The
    server stamps the change as hers when it arrives, and from then on it reminds her: the
    copy says so before it is sent, and the server and the copy agree after."""
    unowned = setup.follow_ups["nobodys, by ben"]
    followups.edit(
        setup.copy, unowned, title="Call Somchai about rice", notes=None, rrule=None, local_due=DUE
    )
    assert unowned in _due(setup.copy)
    assert unowned in _due(setup.ben) and unowned not in _due(setup.anna)  # not sent yet
    sync.synchronise(setup.copy)
    with setup.admin.reader() as session:
        assert session.get_one(FollowUp, unowned).updated_by == setup.team.anna
    assert unowned in _due(setup.anna) and unowned not in _due(setup.ben)
    assert _due(setup.copy) == _due(setup.anna)


def test_a_new_account_made_on_a_copy_is_the_members_on_the_server_too(setup: Setup) -> None:
    made = create_account(setup.copy, AccountInput(name="Offline Amber", country="LV"))
    given = create_account(
        setup.copy, AccountInput(name="Given Amber", country="LV", owner=setup.team.ben)
    )
    assert account_detail(setup.copy, made).owner == setup.team.anna
    assert account_detail(setup.copy, given).owner == setup.team.ben  # an owner given stays
    report = sync.synchronise(setup.copy)
    assert report.refused == 0
    assert account_detail(setup.admin, made).owner == setup.team.anna
    assert account_detail(setup.admin, given).owner == setup.team.ben
    # hers on the server: she may delete it for good there (the erase guard lets its owner)
    trash.delete(setup.copy, "account", made)
    trash.empty_trash(setup.copy)
    report = sync.synchronise(setup.copy)
    assert report.refused == 0
    with setup.admin.reader() as session:
        assert session.get(Account, made) is None


def test_a_csv_import_on_a_copy_gives_owners_as_the_server_does(
    setup: Setup, tmp_path: Path
) -> None:
    (tmp_path / "owners.csv").write_text(
        "account_name,account_country,account_owner,given_name,family_name,country\n"
        "Rīgas Koks,LV,Ben Okafor,Ilze,Ozola,LV\n"
        "Liepājas Dzintars,LV,,Jānis,Bērziņš,LV\n"
        "Kurzemes Dzirnavas,LV,Hanna Liepa,Hanna,Liepa,LV\n",
        encoding="utf-8",
    )
    report = import_csv(setup.copy, tmp_path / "owners.csv")
    owners = _owners(setup.copy)
    expected = {
        "Rīgas Koks": setup.team.ben,  # a member's name: their login
        "Liepājas Dzintars": setup.team.anna,  # none: the importer's
        "Kurzemes Dzirnavas": setup.team.anna,  # no member: the importer's, and said
    }
    assert {name: owners[name] for name in expected} == expected
    assert report.owners is not None
    assert report.owners.remarks() == [
        "1 account now belongs to \u2068Anna Berg\u2069: its owner in the file, "
        "\u2068Hanna Liepa\u2069, is not a member of the team."
    ]
    sync.synchronise(setup.copy)
    there = _owners(setup.admin)
    assert {name: there[name] for name in expected} == expected


def test_mine_on_a_copy_is_the_members(setup: Setup) -> None:
    choices = filter_choices(setup.copy)
    assert choices.mine == setup.team.anna
    assert ("Anna Berg" in dict(choices.owners).values()) and (
        dict(choices.owners)[setup.team.ben] == "Ben Okafor"
    )
    mine = account_ids(setup.copy, ListFilter(owner=choices.mine))
    assert [account_detail(setup.copy, i).name for i in mine] == ["Annas Rice"]


def test_the_trash_of_a_copy_names_the_records_of_others(setup: Setup) -> None:
    """What a rep's emptying of the trash would be refused for on the server: the records of
    accounts the member does not own (the sentence of the refusal)."""
    with setup.copy.reader() as session:
        by_name = {name: id_ for name, id_ in session.execute(select(Account.name, Account.id))}
    trash.delete(setup.copy, "account", by_name["Annas Rice"])
    trash.delete(setup.copy, "account", by_name["Bens Rice"])
    refusal = trash._others_in_trash(setup.copy)
    assert refusal is not None
    assert "Bens Rice" in refusal.message and "Annas Rice" not in refusal.message
    assert refusal.message.startswith("1 record in the trash is of an account you do not own")


def test_the_team_of_a_copy_is_the_servers(setup: Setup) -> None:
    """The copy takes the team from the server at every synchronisation: a member added since
    is among its owners; a member removed since gets no new account of the copy's."""
    from accountdesk.core.db import server
    from accountdesk.core.queries.team import members
    from teamserver import password_of, unique

    carla = unique("h15carla")
    server.add_user(setup.team.admin_url, carla, "Carla Ruiz", None, "rep", password_of(carla))
    assert carla not in {m.login for m in members(setup.copy)}
    sync.synchronise(setup.copy)
    assert carla in {m.login for m in members(setup.copy)}
    assert dict(filter_choices(setup.copy).owners)[carla] == "Carla Ruiz"

    setup.team.cluster.execute(
        f"UPDATE users SET deleted_at = now() WHERE login = '{setup.team.anna}'",
        database=setup.team.database,
    )
    sync.synchronise(setup.copy)
    assert setup.copy.member == setup.team.anna and me(setup.copy) is None
    made = create_account(setup.copy, AccountInput(name="Removed Amber", country="LV"))
    assert account_detail(setup.copy, made).owner is None
