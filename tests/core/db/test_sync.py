"""A laptop's offline copy of the team server and its synchronisation (core/db/sync.py), on the
throwaway cluster: two members, one with a copy, editing the same records."""

from __future__ import annotations

import dataclasses
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from accountdesk.core.bidi import plain
from accountdesk.core.db import server, sync
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.errors import NotAllowed
from accountdesk.core.db.models import Account, Contact, Tag
from accountdesk.core.errors import UserError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import privacy
from accountdesk.core.services.accounts import (
    account_for_edit,
    create_account,
    create_contact,
    update_account,
)
from accountdesk.core.services.activity import get_setting, set_setting
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


@dataclasses.dataclass
class Setup:
    team: Team
    anna: Database  # on the server
    ben: Database  # on the server
    manager: Database  # on the server
    copy: Database  # anna's laptop copy
    path: Path


def _client(db: Database, name: str, given: str = "Jana") -> tuple[str, str]:
    account = create_account(db, AccountInput(name=name, country="DE", industry="Steel"))
    contact = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name=given,
            family_name="Novák",
            country="DE",
            timezone="Europe/Berlin",
        ),
    )
    return account, contact


@pytest.fixture
def setup(team: Team, tmp_path: Path) -> Iterator[Setup]:
    anna, ben, manager = (team.connect(x) for x in (team.anna, team.ben, team.manager))
    _client(anna, "Acme Steel")
    set_setting(anna, "user.zone", "Asia/Tehran")  # hers
    set_setting(ben, "user.zone", "Europe/Oslo")  # not hers
    set_setting(manager, "report.currency", "CZK")  # the team's
    path = sync.create_copy(team.url(team.anna), tmp_path / "copy.db")
    copy = open_database(path)
    yield Setup(team, anna, ben, manager, copy, path)
    for db in (anna, ben, manager, copy):
        db.close()


def _edit(db: Database, account_id: str, **changes: Any) -> None:
    loaded = account_for_edit(db, account_id)
    update_account(
        db,
        account_id,
        dataclasses.replace(loaded.data, **changes),
        expected_version=loaded.version,
        loaded=loaded.data,
    )


def _account(db: Database, name: str) -> Account:
    with db.reader() as session:
        found = session.scalars(select(Account).where(Account.name == name)).one()
        session.expunge(found)
        return found


def test_a_copy_holds_the_server_and_finds_it(setup: Setup) -> None:
    assert sync.is_copy(setup.copy)
    assert get_setting(setup.copy, "user.zone") == "Asia/Tehran"
    assert get_setting(setup.copy, "report.currency") == "CZK"
    assert stat.S_IMODE(setup.path.stat().st_mode) == 0o600
    assert sorted(p.name for p in setup.path.parent.iterdir() if "copy" in p.name) == [
        "copy.db",
        "copy.db-shm",
        "copy.db-wal",
    ]
    assert _account(setup.copy, "Acme Steel").industry == "Steel"
    assert [h.title for h in search(setup.copy, "novák")] == ["Jana Novák"]
    state = sync.status(setup.copy)
    assert state.conflicts == 0 and state.pending == 0 and state.last_synced is not None


def test_a_plain_laptop_file_has_no_triggers_and_no_outbox(tmp_path: Path) -> None:
    plain = open_database(tmp_path / "plain.db")
    try:
        _client(plain, "Plain")
        assert not sync.is_copy(plain)
        with plain.engine.connect() as conn:
            names = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'sync%'")
            ).all()
        assert names == []
    finally:
        plain.close()


def test_the_outbox_is_written_with_the_change_or_not_at_all(setup: Setup) -> None:
    with pytest.raises(RuntimeError), setup.copy.transaction() as session:
        session.add(Tag(name="never"))
        session.flush()
        raise RuntimeError
    with setup.copy.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == 0
    create_account(setup.copy, AccountInput(name="Offline Ltd", country="FR"))
    with setup.copy.engine.connect() as conn:
        assert conn.execute(text("SELECT tbl, op FROM sync_outbox")).all() == [("accounts", "u")]


def test_different_fields_both_kept_and_new_records_both_ways(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, city="Brno")  # offline
    _edit(setup.ben, acme, website="https://acme.example")  # online meanwhile
    create_account(setup.copy, AccountInput(name="Made Offline", country="FR"))
    _client(setup.ben, "Made Online", given="Petra")
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 0 and report.refused == 0
    for db in (setup.copy, setup.manager):
        found = _account(db, "Acme Steel")
        assert (found.city, found.website) == ("Brno", "https://acme.example")
        _account(db, "Made Offline")
        _account(db, "Made Online")
    # the server stamped anna's pushed change as hers
    assert _account(setup.manager, "Made Offline").updated_by == setup.team.anna
    # the copy's search index knows what arrived
    assert [h.title for h in search(setup.copy, "petra")] == ["Petra Novák"]
    assert sync.status(setup.copy).pending == 0


def test_the_same_field_later_wins_and_the_loser_is_kept_and_shown(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, industry="Mining")  # earlier, offline
    _edit(setup.ben, acme, industry="Chemicals")  # later, online
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 1
    assert _account(setup.copy, "Acme Steel").industry == "Chemicals"
    assert _account(setup.manager, "Acme Steel").industry == "Chemicals"
    [shown] = sync.conflicts(setup.copy)
    assert shown.can_choose
    assert "Industry" in shown.text and "Acme Steel" in shown.text
    assert "Mining" in shown.text and "Chemicals" in shown.text and "Ben Okafor" in shown.text
    assert "industry" not in shown.text and "accounts" not in shown.text and "{" not in shown.text
    # keep mine: a change of its own, sent at the next synchronisation, and it wins there
    sync.resolve(setup.copy, shown.id, "mine")
    assert sync.conflicts(setup.copy) == []
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").industry == "Mining"
    assert sync.conflicts(setup.copy) == []


def test_the_laptops_later_edit_wins_and_the_servers_value_is_kept(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.ben, acme, industry="Chemicals")  # earlier, online
    _edit(setup.copy, acme, industry="Mining")  # later, offline
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").industry == "Mining"
    [shown] = sync.conflicts(setup.copy)
    assert shown.kind == sync.MINE_WON and shown.theirs == "Chemicals"
    sync.resolve(setup.copy, shown.id, "theirs")
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").industry == "Chemicals"


def test_members_read_the_log_but_cannot_write_it(setup: Setup) -> None:
    # run again (an upgrade): the grants of every table do not give members the log
    server.init_server(
        setup.team.admin_url,
        name="Maria López",
        email="maria@example.com",
        login=setup.team.manager,
        password="unused-here",
    )
    with setup.anna.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_log")).scalar()
        conn.rollback()
    for statement in (
        "INSERT INTO sync_log (tbl, row_id, op, hlc, login, xid) "
        "VALUES ('contacts', 'x', 'd', '1', 'anna', 1)",
        "DELETE FROM sync_log",
        "UPDATE sync_log SET login = 'ben'",
        "TRUNCATE sync_log",
        "SELECT public.accountdesk_sync_contacts()",
    ):
        for db in (setup.anna, setup.manager):
            with pytest.raises((NotAllowed, DBAPIError)), db.engine.begin() as conn:
                conn.execute(text(statement))


def test_a_refused_change_comes_back_in_words_and_the_record_is_restored(setup: Setup) -> None:
    _account_id, contact = _client(setup.ben, "Ben's Client", given="Olga")
    sync.synchronise(setup.copy)
    privacy.erase_contact(setup.copy, contact)  # anna may not erase ben's contact
    report = sync.synchronise(setup.copy)
    assert report.refused == 1
    [shown] = sync.conflicts(setup.copy)
    assert "Only the account's owner or a manager can erase this." in shown.text
    assert "Olga Novák" in shown.text
    with setup.copy.reader() as session:
        assert session.get(Contact, contact) is not None  # the server's record, back
    with setup.manager.reader() as session:
        assert session.get(Contact, contact) is not None


def _traces(db: Database, contact: str) -> list[Any]:
    with db.engine.connect() as conn:
        if db.is_postgres:
            found = conn.execute(
                text("SELECT op FROM sync_log WHERE row_id LIKE :c"), {"c": f"%{contact}%"}
            ).all()
        else:
            found = conn.execute(
                text(
                    "SELECT op FROM sync_outbox WHERE row_id LIKE :c UNION ALL "
                    "SELECT kind FROM sync_conflicts WHERE row_id LIKE :c"
                ),
                {"c": f"%{contact}%"},
            ).all()
        conn.rollback()
    return [tuple(r) for r in found]


def test_an_erase_on_the_server_reaches_the_copy(setup: Setup) -> None:
    _acme, contact = _client(setup.ben, "Erased Ltd", given="Zdenka")
    sync.synchronise(setup.copy)
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, city="Ostrava")  # an unrelated pending change stays
    privacy.erase_contact(setup.manager, contact)
    report = sync.synchronise(setup.copy)
    assert report.erased == 1
    with setup.copy.reader() as session:
        assert session.get(Contact, contact) is None
    assert search(setup.copy, "zdenka") == []
    assert _traces(setup.copy, contact) == []
    assert _traces(setup.manager, contact) == [("d",)]  # its tombstone, no fields, no values
    assert _account(setup.manager, "Acme Steel").city == "Ostrava"


def test_an_erase_on_the_laptop_runs_on_the_server(setup: Setup) -> None:
    _acme, contact = _client(setup.anna, "Anna's Client", given="Milena")
    sync.synchronise(setup.copy)
    privacy.erase_contact(setup.copy, contact)
    sync.synchronise(setup.copy)
    with setup.manager.reader() as session:
        assert session.get(Contact, contact) is None
    assert _traces(setup.copy, contact) == []
    assert _traces(setup.manager, contact) == [("d",)]


def test_the_same_new_tag_on_both_sides_is_one_tag(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, tags=["VIP"])
    other = create_account(setup.ben, AccountInput(name="Other", country="DE", tags=["VIP"]))
    sync.synchronise(setup.copy)
    for db in (setup.copy, setup.manager):
        with db.reader() as session:
            tags = session.scalars(select(Tag)).all()
            assert len(tags) == 1
            assert [t.name for t in session.get_one(Account, acme).tags] == [tags[0].name]
            assert len(session.get_one(Account, other).tags) == 1
    assert sync.status(setup.copy).pending == 0


def test_new_accounts_that_refer_to_each_other_arrive_in_order(setup: Setup) -> None:
    first = create_account(setup.copy, AccountInput(name="Zeta", country="DE"))
    second = create_account(setup.copy, AccountInput(name="Alpha", country="DE"))
    _edit(setup.copy, first, referred_by_id=second)
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Zeta").referred_by_id == second
    assert sync.status(setup.copy).pending == 0


def test_a_server_that_does_not_answer_is_said_and_kept(setup: Setup, tmp_path: Path) -> None:
    create_account(setup.copy, AccountInput(name="Waiting", country="DE"))
    with setup.copy.transaction() as session:
        session.connection().execute(
            text("UPDATE sync_state SET value = :u WHERE key = 'server_url'"),
            {"u": f"postgresql://{setup.team.anna}@127.0.0.1:1/{setup.team.database}"},
        )
    with pytest.raises(UserError) as raised:
        sync.synchronise(setup.copy, password="x")
    state = sync.status(setup.copy)
    assert state.last_error == str(raised.value) and state.pending == 1


def test_the_copys_clock_follows_the_changes_it_receives(setup: Setup) -> None:
    """A laptop whose clock runs behind still stamps its next change after what it saw."""
    with setup.copy.transaction() as session:
        session.connection().execute(text("UPDATE sync_clock SET ms = 0, counter = 0"))
    _edit(setup.ben, _account(setup.anna, "Acme Steel").id, city="Plzeň")
    sync.synchronise(setup.copy)
    with setup.manager.engine.connect() as conn:
        stamp = conn.execute(text("SELECT max(hlc) FROM sync_log")).scalar()
        conn.rollback()
    with setup.copy.engine.connect() as conn:
        ms, counter = conn.execute(text("SELECT ms, counter FROM sync_clock")).one()
    assert (ms, counter) == (int(stamp[:13]), int(stamp[13:18]))


def test_accounts_arrive_after_those_they_refer_to(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync, "CHUNK", 1)  # every record in a transaction of its own
    first = create_account(setup.ben, AccountInput(name="Referred Later", country="DE"))
    second = create_account(setup.ben, AccountInput(name="Referrer", country="DE"))
    _edit(setup.ben, first, referred_by_id=second)
    sync.synchronise(setup.copy)
    assert _account(setup.copy, "Referred Later").referred_by_id == second


def test_a_copy_of_another_database_or_a_newer_server_is_said(setup: Setup) -> None:
    with setup.copy.transaction() as session:
        session.connection().execute(
            text("UPDATE sync_state SET value = 'another' WHERE key = 'server_id'")
        )
    create_account(setup.copy, AccountInput(name="Kept", country="DE"))
    with pytest.raises(UserError, match="is a copy of another database than the one at"):
        sync.synchronise(setup.copy)
    assert sync.status(setup.copy).pending == 1  # nothing sent, nothing lost
    admin = open_database(setup.team.admin_url, upgrade=False)
    with admin.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    admin.close()
    with pytest.raises(UserError) as raised:
        sync.synchronise(setup.copy)
    assert "newer" in str(raised.value)
    assert sync.status(setup.copy).last_error == str(raised.value)


def _exists(db: Database, model: Any, id_: str) -> bool:
    with db.reader() as session:
        return session.get(model, id_) is not None


def test_trash_and_purge_travel_both_ways(setup: Setup) -> None:
    from accountdesk.core.services import trash

    own, own_contact = _client(setup.anna, "Anna Purges", given="Irena")
    theirs, _c = _client(setup.ben, "Ben Purges", given="Vera")
    sync.synchronise(setup.copy)
    trash.delete(setup.copy, "account", own)  # to the trash: an update, both ways
    trash.delete(setup.ben, "account", theirs)
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Anna Purges").deleted_at is not None
    assert _account(setup.copy, "Ben Purges").deleted_at is not None
    trash.purge(setup.copy, "account", own)  # for good, on the laptop
    trash.purge(setup.ben, "account", theirs)  # and on the server
    report = sync.synchronise(setup.copy)
    assert report.refused == 0
    assert not _exists(setup.manager, Account, own) and not _exists(
        setup.manager, Contact, own_contact
    )
    assert not _exists(setup.copy, Account, theirs)
    assert sync.status(setup.copy).pending == 0


def test_a_refused_purge_brings_the_whole_account_back(setup: Setup) -> None:
    from accountdesk.core.services import trash
    from accountdesk.core.services.activity import save_note

    theirs, contact = _client(setup.ben, "Not Anna's", given="Hana")
    save_note(setup.ben, "A note", contact_id=contact)
    sync.synchronise(setup.copy)
    trash.delete(setup.copy, "account", theirs)
    trash.purge(setup.copy, "account", theirs)
    report = sync.synchronise(setup.copy)
    assert report.refused >= 1
    assert _exists(setup.copy, Account, theirs) and _exists(setup.copy, Contact, contact)
    assert [h.title for h in search(setup.copy, "hana")] == ["Hana Novák"]
    texts = [c.text for c in sync.conflicts(setup.copy)]
    assert all("the server did not take your change" in t for t in texts)
    assert any("Only the account's owner or a manager can erase this." in t for t in texts)
    with setup.copy.engine.connect() as conn:
        notes = conn.execute(text("SELECT count(*) FROM notes")).scalar()
    assert notes == 1
    assert sync.status(setup.copy).pending == 0


def test_a_change_read_twice_is_one_conflict(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """The log's entries of transactions that were still running are read again at the next
    pull; a conflict the laptop has not sent yet is not kept twice."""
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.ben, acme, industry="Chemicals")  # earlier, online
    _edit(setup.copy, acme, industry="Mining")  # later, offline
    monkeypatch.setattr(sync, "_push", lambda *args: False)  # the server went away meanwhile
    sync.synchronise(setup.copy)
    with setup.copy.transaction() as session:  # as if a transaction had been running
        session.connection().execute(text("UPDATE sync_state SET value = '0' WHERE key = 'xmin'"))
    sync.synchronise(setup.copy)
    assert [c.kind for c in sync.conflicts(setup.copy)] == [sync.MINE_WON]
    monkeypatch.undo()
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").industry == "Mining"


def test_the_same_rate_on_both_sides_is_one_rate_and_the_other_is_kept(setup: Setup) -> None:
    from datetime import date
    from decimal import Decimal

    from accountdesk.core.db.models import ExchangeRate
    from accountdesk.core.services.rates import RateInput, save_rate

    day = date(2026, 11, 30)
    save_rate(setup.copy, RateInput("CZK", "25.3", day, "EUR"), "EUR")  # offline, first
    save_rate(setup.ben, RateInput("CZK", "25.1", day, "EUR"), "EUR")  # online
    report = sync.synchronise(setup.copy)
    assert report.refused == 0 and sync.status(setup.copy).pending == 0
    for db in (setup.copy, setup.manager):
        with db.reader() as session:
            assert [r.rate for r in session.scalars(select(ExchangeRate))] == [Decimal("25.1")]
    [shown] = sync.conflicts(setup.copy)
    line = plain(shown.text)
    assert "EUR → CZK, 30 Nov 2026, Exchange rate: “25.1” by Ben Okafor (" in line
    assert "than yours, “25.3”." in line
    sync.resolve(setup.copy, shown.id, "mine")
    sync.synchronise(setup.copy)
    with setup.manager.reader() as session:
        assert [r.rate for r in session.scalars(select(ExchangeRate))] == [Decimal("25.3")]


def test_a_change_to_a_record_deleted_on_the_server_is_listed(setup: Setup) -> None:
    from accountdesk.core.services import trash
    from accountdesk.core.services.activity import save_note

    account, _contact = _client(setup.ben, "Ben's Notes", given="Eva")
    note = save_note(setup.ben, "Call about the tender", account_id=account)
    sync.synchronise(setup.copy)
    save_note(setup.copy, "Call about the tender in May", account_id=account, note_id=note)
    trash.delete(setup.ben, "note", note)
    trash.purge(setup.ben, "note", note)
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 1 and sync.status(setup.copy).pending == 0
    [shown] = sync.conflicts(setup.copy)
    assert not shown.can_choose
    assert plain(shown.text).startswith(
        "Call about the tender in May, Text: your “Call about the tender in May” was not saved, "
        "Ben Okafor deleted the record for good ("
    )


def test_changes_to_the_records_of_an_account_deleted_on_the_server_are_listed(
    setup: Setup,
) -> None:
    """The server logs no deletion of the records an account's deletion takes with it (the
    copy's foreign keys cascade too): the laptop's changes to them not sent yet are counted
    in one line, not lost without a word."""
    from accountdesk.core.services import trash
    from accountdesk.core.services.activity import save_note

    account, contact = _client(setup.ben, "Ben's Tender", given="Eva")
    note = save_note(setup.ben, "Call about the tender", account_id=account)
    other = save_note(setup.ben, "Price list sent", account_id=account)
    sync.synchronise(setup.copy)
    save_note(setup.copy, "Call about the tender in May", account_id=account, note_id=note)
    save_note(setup.copy, "Price list sent twice", account_id=account, note_id=other)
    save_note(setup.copy, "New note", contact_id=contact)
    trash.delete(setup.ben, "account", account)
    trash.purge(setup.ben, "account", account)
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 1 and report.refused == 0
    assert sync.status(setup.copy).pending == 0
    assert not _exists(setup.copy, Account, account)
    [shown] = sync.conflicts(setup.copy)
    assert shown.kind == sync.TAKEN and not shown.can_choose
    assert plain(shown.text).startswith(
        "Ben's Tender: your 3 changes to its records were not saved, Ben Okafor deleted it for "
        "good ("
    )


def test_an_account_deleted_on_the_server_with_nothing_unsent_is_no_conflict(
    setup: Setup,
) -> None:
    from accountdesk.core.services import trash

    account, _contact = _client(setup.ben, "Ben's Quiet One", given="Eva")
    sync.synchronise(setup.copy)
    trash.delete(setup.ben, "account", account)
    trash.purge(setup.ben, "account", account)
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 0 and sync.conflicts(setup.copy) == []
    assert not _exists(setup.copy, Account, account)


def test_a_server_without_the_log_is_said_and_no_file_is_made(
    blank: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "copies" / "copy.db"
    with pytest.raises(UserError, match="its administrator runs “accountdesk server init”"):
        sync.create_copy(blank[1], target)
    assert not target.exists() and not any(target.parent.glob("*"))


def test_the_copys_search_follows_renames_and_tags_that_arrive(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.ben, acme, name="Zenit Ocel", tags=["Schwerpunkt"])
    sync.synchronise(setup.copy)
    assert [h.title for h in search(setup.copy, "ocel", account_people=False)] == ["Zenit Ocel"]
    assert search(setup.copy, "acme") == []
    assert [h.title for h in search(setup.copy, "schwerpunkt", account_people=False)] == [
        "Zenit Ocel"
    ]
    with setup.manager.transaction() as session:  # the tag renamed: its accounts follow
        session.connection().execute(text("UPDATE tags SET name = 'fokus'"))
    sync.synchronise(setup.copy)
    assert [h.title for h in search(setup.copy, "fokus", account_people=False)] == ["Zenit Ocel"]
    assert search(setup.copy, "schwerpunkt") == []


def test_the_app_reads_while_a_synchronisation_writes_and_writes_between_its_steps(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy's readers never wait for the synchronisation (a write-ahead log), and it
    writes in short transactions: between two of them the app's own write goes through at
    once. Checked with connections that do not wait at all (a busy timeout of 0)."""
    import sqlite3
    from contextlib import contextmanager

    for n in range(3):
        create_account(setup.ben, AccountInput(name=f"Arriving {n}", country="DE"))
    monkeypatch.setattr(sync, "CHUNK", 1)
    seen: list[int] = []
    written: list[str] = []
    applying = sync._applying

    def impatient() -> sqlite3.Connection:
        return sqlite3.connect(setup.path, timeout=0, isolation_level=None)

    def reading(conn: Any, ids: set[str]) -> None:  # inside a step's transaction
        other = impatient()
        seen.append(other.execute("SELECT count(*) FROM accounts").fetchone()[0])
        other.close()

    @contextmanager
    def step(db: Database) -> Any:
        with applying(db) as conn:
            yield conn
        other = impatient()  # between two steps: the app saves something
        other.execute("UPDATE sync_state SET value = value WHERE key = 'cursor'")
        other.close()
        written.append("ok")

    monkeypatch.setattr(sync, "_reindex", reading)
    monkeypatch.setattr(sync, "_applying", step)
    sync.synchronise(setup.copy)
    assert len(seen) >= 3 and len(written) >= 3
    assert _account(setup.copy, "Arriving 2").country == "DE"


def test_trashed_on_both_sides_is_no_question(setup: Setup) -> None:
    from accountdesk.core.services import trash

    acme = _account(setup.anna, "Acme Steel").id
    trash.delete(setup.copy, "account", acme)
    trash.delete(setup.ben, "account", acme)
    report = sync.synchronise(setup.copy)
    assert report.conflicts == 0 and sync.conflicts(setup.copy) == []
    assert _account(setup.manager, "Acme Steel").deleted_at is not None
    assert sync.status(setup.copy).pending == 0


def test_a_contact_keeps_one_stay_in_touch_follow_up(setup: Setup) -> None:
    from datetime import datetime

    from accountdesk.core.db.models import FollowUp
    from accountdesk.core.services.followups import FollowUpInput, schedule
    from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

    with setup.anna.reader() as session:
        jana = session.scalars(select(Contact.id)).one()
    due = datetime(2026, 12, 7, 10, 0)
    for db in (setup.copy, setup.ben):  # each app raised one at its start, the laptop offline
        schedule(db, FollowUpInput(jana, "Stay in touch", due, origin=STAY_IN_TOUCH))
    schedule(setup.copy, FollowUpInput(jana, "Send the offer", due))  # a real one stays
    sync.synchronise(setup.copy)
    for db in (setup.copy, setup.manager):
        with db.reader() as session:
            origins = sorted(session.scalars(select(FollowUp.origin)))
        assert origins == ["manual", STAY_IN_TOUCH]
    assert sync.status(setup.copy).pending == 0


def test_a_refused_edit_keeps_what_was_typed_with_the_refusal(setup: Setup) -> None:
    theirs = create_account(
        setup.ben, AccountInput(name="Ben's Own", country="DE", owner=setup.team.ben)
    )
    sync.synchronise(setup.copy)
    _edit(setup.copy, theirs, owner=setup.team.anna, city="Graz")  # anna takes ben's account
    report = sync.synchronise(setup.copy)
    assert report.refused == 1
    found = _account(setup.copy, "Ben's Own")
    assert (found.owner, found.city) == (setup.team.ben, None)  # the server's record, back
    lines = sorted(plain(c.text) for c in sync.conflicts(setup.copy))
    assert len(lines) == 2
    assert lines[0].startswith(
        "Ben's Own, City: the server did not take your “Graz” and keeps “(empty)”. "
    )
    assert lines[1].startswith(
        "Ben's Own, Owner: the server did not take your “Anna Berg” and keeps “Ben Okafor”. "
    )
    assert all(not c.can_choose for c in sync.conflicts(setup.copy))


def test_a_tag_made_on_the_server_while_the_laptop_sends_its_own_is_one_tag(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, tags=["Late"])
    pull = sync._pull
    other: list[str] = []

    def racing(*args: Any) -> set[int]:
        seen = pull(*args)
        if not other:  # between the laptop's pull and its push
            other.append(
                create_account(setup.ben, AccountInput(name="Other", country="DE", tags=["Late"]))
            )
        return seen

    monkeypatch.setattr(sync, "_pull", racing)
    report = sync.synchronise(setup.copy)
    assert report.refused == 0 and sync.status(setup.copy).pending == 0
    for db in (setup.copy, setup.manager):
        with db.reader() as session:
            [tag] = session.scalars(select(Tag)).all()
            assert [t.id for t in session.get_one(Account, acme).tags] == [tag.id]
            assert [t.id for t in session.get_one(Account, other[0]).tags] == [tag.id]


# --- review 26 ------------------------------------------------------------------------------


def test_a_key_with_a_bar_is_one_key_and_stops_nobody(setup: Setup) -> None:
    """A member may write any id (psql): a "|" or "\\" in it neither stops the synchronisation
    nor makes two keys one."""
    acme = _account(setup.anna, "Acme Steel").id
    with setup.copy.engine.begin() as conn:  # a copy made before keys were escaped
        conn.execute(text("DROP TRIGGER sync_delete_account_tags"))
        conn.execute(
            text(
                "CREATE TRIGGER sync_delete_account_tags AFTER DELETE ON account_tags BEGIN "
                "INSERT INTO sync_outbox (tbl, row_id, op, fields, hlc) SELECT 'account_tags', "
                "OLD.account_id || '|' || OLD.tag_id, 'd', NULL, '0' FROM sync_clock; END"
            )
        )
        conn.execute(text("DROP TRIGGER sync_delete_contacts"))
        conn.execute(text("ALTER TABLE sync_conflicts DROP COLUMN contact"))
        conn.execute(text("DELETE FROM sync_state WHERE key = 'triggers'"))
    with setup.ben.transaction() as session:
        session.execute(
            text(
                "INSERT INTO tags (id, name, created_at) VALUES "
                "('evil|1', 'harmless', now()), ('evil\\', 'odd', now())"
            )
        )
        session.execute(
            text(
                "INSERT INTO account_tags (account_id, tag_id) VALUES (:a, 'evil|1'), "
                "(:a, 'evil\\')"
            ),
            {"a": acme},
        )
    report = sync.synchronise(setup.copy)
    assert report.received == 4
    with setup.copy.engine.connect() as conn:
        assert sorted(conn.execute(text("SELECT tag_id FROM account_tags")).scalars()) == [
            "evil\\",
            "evil|1",
        ]
    assert sync.status(setup.copy).last_error is None
    with setup.copy.engine.connect() as conn:  # the copy's tables and triggers upgraded
        assert conn.execute(text("SELECT count(contact) FROM sync_conflicts")).scalar() == 0
        assert conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'sync_delete_contacts'")
        ).scalar()
    _edit(setup.copy, acme, tags=["harmless"])  # the link to "odd" goes, from the copy
    sync.synchronise(setup.copy)
    with setup.manager.engine.connect() as conn:
        assert conn.execute(text("SELECT tag_id FROM account_tags")).scalars().all() == ["evil|1"]
    assert sync.status(setup.copy).pending == 0


def test_a_synchronisation_that_stops_on_a_bug_says_so(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any) -> None:
        raise ValueError("zip() argument 2 is longer than argument 1")

    monkeypatch.setattr(sync, "_pull", broken)
    with pytest.raises(ValueError):
        sync.synchronise(setup.copy)
    found = sync.status(setup.copy)
    assert found.failed
    assert found.last_error is not None and "zip() argument 2" in plain(found.last_error)
    line = sync.status_line(found, "UTC")
    assert line.startswith("Synchronisation failed, last synchronised")
    monkeypatch.undo()
    sync.synchronise(setup.copy)
    found = sync.status(setup.copy)
    assert not found.failed and found.last_error is None


def _twins(db: Database) -> tuple[str, str, str]:
    """Acme's "Jana Novák" and her duplicate "Jana Novak" (anna's): (account, kept, duplicate)."""
    acme = _account(db, "Acme Steel").id
    with db.reader() as session:
        kept = session.scalars(select(Contact.id).where(Contact.account_id == acme)).one()
    twin = create_contact(
        db,
        ContactInput(
            account_id=acme,
            given_name="Jana",
            family_name="Novak",
            country="DE",
            timezone="Europe/Berlin",
            emails=["jana.novak@example.com"],
        ),
    )
    return acme, kept, twin


def test_a_purge_on_the_server_of_a_contact_merged_away_here_is_followed(setup: Setup) -> None:
    from accountdesk.core.services import duplicates, trash

    acme, kept, twin = _twins(setup.anna)
    sync.synchronise(setup.copy)
    merged = duplicates.merge(setup.copy, kept, [twin])
    sync.synchronise(setup.copy)
    assert trash.empty_trash(setup.manager) == 1  # the duplicate, merged away on the laptop
    _edit(setup.copy, acme, city="Ostrava")  # an unrelated change waits to be sent
    create_account(setup.anna, AccountInput(name="Later GmbH", country="DE"))
    report = sync.synchronise(setup.copy)  # refused before: "Undo the merge first"
    assert report.erased == 1 and report.sent == 1 and report.conflicts == 0
    assert _account(setup.copy, "Later GmbH").country == "DE"
    assert _account(setup.manager, "Acme Steel").city == "Ostrava"
    assert not _exists(setup.copy, Contact, twin) and _exists(setup.copy, Contact, kept)
    with setup.copy.reader() as session:  # the erase here forgot the merge (and its undo)
        assert session.get(duplicates.ContactMerge, merged.merge_id) is None
    found = sync.status(setup.copy)
    assert found.last_error is None and found.pending == 0
    assert sync.synchronise(setup.copy).sent == 0


def test_unsent_changes_to_a_contact_purged_on_the_server_are_listed(setup: Setup) -> None:
    from accountdesk.core.services import trash

    acme = _account(setup.anna, "Acme Steel").id
    with setup.anna.reader() as session:
        jana = session.scalars(select(Contact.id).where(Contact.account_id == acme)).one()
    with setup.copy.transaction() as session:
        session.get_one(Contact, jana).job_title = "CFO"
    trash.delete(setup.anna, "contact", jana)
    trash.purge(setup.anna, "contact", jana)
    report = sync.synchronise(setup.copy)
    assert report.erased == 1 and report.sent == 0  # the erase here sends nothing back
    [listed] = sync.conflicts(setup.copy)
    assert plain(listed.text) == (
        "Your change to a contact was not saved: Anna Berg deleted the contact for "
        f"good on the server, or erased them ({listed.when})."
    )
    assert "Jana" not in listed.text and "CFO" not in listed.text
    assert sync.status(setup.copy).pending == 0


def test_what_a_laptop_sends_is_found_on_the_server(setup: Setup) -> None:
    made = create_account(setup.copy, AccountInput(name="Zephyrine Offline GmbH", country="AT"))
    person = create_contact(
        setup.copy,
        ContactInput(
            account_id=made,
            given_name="Quirinus",
            family_name="Vogelsang",
            country="AT",
            timezone="Europe/Vienna",
        ),
    )
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, name="Acme Eisenwerk", tags=["Schwerindustrie"])
    sync.synchronise(setup.copy)
    assert [h.title for h in search(setup.ben, "Vogelsang")] == ["Quirinus Vogelsang"]
    assert "Zephyrine Offline GmbH" in [h.title for h in search(setup.ben, "Zephyrine")]
    assert "Acme Eisenwerk" in [h.title for h in search(setup.ben, "eisenwerk")]
    assert "Acme Eisenwerk" in [h.title for h in search(setup.ben, "schwerindustrie")]
    assert "Acme Steel" not in [h.title for h in search(setup.ben, "acme")]  # the old name
    privacy.erase_contact(setup.copy, person)  # and what goes from the laptop goes there too
    from accountdesk.core.services import trash

    trash.delete(setup.copy, "account", made)
    sync.synchronise(setup.copy)
    assert search(setup.ben, "Vogelsang") == [] and search(setup.ben, "Zephyrine") == []


def test_a_change_committed_on_the_server_during_a_synchronisation_is_not_overwritten(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    other = create_account(setup.anna, AccountInput(name="Other", country="DE"))
    _edit(setup.copy, acme, website="https://anna.example")  # offline, first
    conn = setup.ben.engine.connect()
    running = conn.begin()  # ben's change, not committed when the laptop pulls
    conn.execute(
        text("UPDATE accounts SET website = 'https://ben.example', version = version + 1 "
             "WHERE id = :i"),
        {"i": acme},
    )  # fmt: skip
    _edit(setup.anna, other, industry="Glass")  # a later entry, committed before the pull
    real_push = sync._push

    def push(*args: Any) -> bool:
        if running.is_active:  # ben commits between the pull and the push
            running.commit()
            conn.close()
        return real_push(*args)

    monkeypatch.setattr(sync, "_push", push)
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").website == "https://ben.example"
    assert _account(setup.copy, "Acme Steel").website == "https://ben.example"
    [kept] = sync.conflicts(setup.copy)
    assert kept.kind == sync.THEIRS_WON and kept.mine == "https://anna.example"


def test_a_member_cannot_stamp_a_change_with_another_laptops_node(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, city="Brno")
    sync.synchronise(setup.copy)  # the copy's node is in the log now, for every member to read
    with setup.copy.engine.connect() as conn:
        node = conn.execute(text("SELECT node FROM sync_clock")).scalar()
    _edit(setup.copy, acme, website="https://anna.example")  # offline
    with setup.ben.engine.connect() as conn:
        now = conn.execute(
            text("SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint")
        ).scalar()
    with setup.ben.transaction() as session:  # ben, later, claims the copy's node
        session.execute(
            text("SELECT set_config('accountdesk.hlc', :h, true)"), {"h": f"{now:013d}00000@{node}"}
        )
        session.execute(
            text("UPDATE accounts SET website = 'https://ben.example', version = version + 1 "
                 "WHERE id = :i"),
            {"i": acme},
        )  # fmt: skip
    with setup.ben.engine.connect() as conn:
        stamped = conn.execute(
            text("SELECT hlc FROM sync_log WHERE login = :l ORDER BY id DESC LIMIT 1"),
            {"l": setup.team.ben},
        ).scalar()
    assert stamped is not None and stamped.endswith("@server")
    sync.synchronise(setup.copy)
    assert _account(setup.manager, "Acme Steel").website == "https://ben.example"  # later
    [kept] = sync.conflicts(setup.copy)
    assert kept.kind == sync.THEIRS_WON and kept.mine == "https://anna.example"


def test_an_edit_on_the_server_after_a_purge_on_the_laptop_is_kept(setup: Setup) -> None:
    from accountdesk.core.services import trash

    beta = create_account(setup.anna, AccountInput(name="Beta GmbH", country="DE"))
    sync.synchronise(setup.copy)
    trash.delete(setup.copy, "account", beta)
    trash.purge(setup.copy, "account", beta)  # offline, first
    _edit(setup.ben, beta, website="https://beta.example")  # online, later
    report = sync.synchronise(setup.copy)
    assert report.refused == 1
    assert _account(setup.manager, "Beta GmbH").website == "https://beta.example"
    assert _account(setup.copy, "Beta GmbH").website == "https://beta.example"  # back
    [kept] = sync.conflicts(setup.copy)
    assert "It was changed on the server after you deleted it" in kept.text
    assert sync.status(setup.copy).pending == 0


def test_an_erase_takes_the_conflicts_of_the_persons_records_deleted_before(
    setup: Setup,
) -> None:
    from accountdesk.core.db.models import Note

    acme = _account(setup.anna, "Acme Steel").id
    with setup.anna.reader() as session:
        jana = session.scalars(select(Contact.id).where(Contact.account_id == acme)).one()
    with setup.anna.transaction() as session:
        session.add(Note(id="note-jana", account_id=acme, contact_id=jana, body="Met Jana"))
    sync.synchronise(setup.copy)
    with setup.copy.transaction() as session:
        session.get_one(Note, "note-jana").body = "Jana Novák: diagnosed with diabetes"
    with setup.anna.transaction() as session:
        session.execute(text("DELETE FROM notes WHERE id = 'note-jana'"))
    sync.synchronise(setup.copy)
    [kept] = sync.conflicts(setup.copy)  # the note deleted on the server: the text is kept
    assert kept.kind == sync.DELETED and "diabetes" in kept.text
    privacy.erase_contact(setup.manager, jana)
    assert sync.synchronise(setup.copy).erased == 1
    assert sync.conflicts(setup.copy) == []
    with setup.copy.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_conflicts")).scalar() == 0


def test_an_erase_on_the_server_takes_the_duplicates_a_laptop_merged_into_them(
    setup: Setup,
) -> None:
    from accountdesk.core.services import duplicates

    _acme, kept, twin = _twins(setup.anna)
    sync.synchronise(setup.copy)
    duplicates.merge(setup.copy, kept, [twin])
    sync.synchronise(setup.copy)  # the server has the duplicate in its trash, no merge log
    privacy.erase_contact(setup.manager, kept)
    report = sync.synchronise(setup.copy)
    assert report.erased == 1
    for db in (setup.copy, setup.manager):  # the laptop's sync erased the duplicate there too
        assert not _exists(db, Contact, twin) and not _exists(db, Contact, kept)
    assert _traces(setup.manager, twin) == [("d",)]


def test_a_rep_merges_only_their_own_contacts_on_a_copy_too(setup: Setup) -> None:
    from accountdesk.core.services import duplicates

    _acme, kept, twin = _twins(setup.anna)
    with pytest.raises(UserError, match="Only a manager, or the owner"):
        duplicates.merge(setup.ben, kept, [twin])  # online: refused
    path = sync.create_copy(setup.team.url(setup.team.ben), setup.path.with_name("ben.db"))
    bens = open_database(path)
    try:
        with pytest.raises(UserError, match="Only a manager, or the owner"):
            duplicates.merge(bens, kept, [twin])  # on his copy: refused alike
        assert sync.status(bens).pending == 0 and _exists(bens, Contact, twin)
    finally:
        bens.close()


def test_the_clocks_counter_carries_into_the_milliseconds(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    with setup.copy.engine.begin() as conn:  # a laptop an hour behind what it received
        conn.execute(
            text(
                "UPDATE sync_clock SET counter = 99998, "
                "ms = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 3600000"
            )
        )
    for city in ("Brno", "Ostrava", "Plzeň"):
        _edit(setup.copy, acme, city=city)
    with setup.copy.engine.connect() as conn:
        stamps = conn.execute(text("SELECT hlc FROM sync_outbox ORDER BY seq")).scalars().all()
    assert [s[13:18] for s in stamps] == ["99999", "00000", "00001"]
    assert sorted(stamps) == stamps and all(len(s.split("@")[0]) == 18 for s in stamps)


def test_the_same_new_tag_in_another_case_on_both_sides_is_one_tag(setup: Setup) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, tags=["Key account"])
    other = create_account(
        setup.ben, AccountInput(name="Other", country="DE", tags=["key ACCOUNT"])
    )
    sync.synchronise(setup.copy)
    for db in (setup.copy, setup.manager):
        with db.reader() as session:
            [tag] = session.scalars(select(Tag)).all()
            assert tag.name == "key ACCOUNT"  # the server's spelling
            assert [t.id for t in session.get_one(Account, acme).tags] == [tag.id]
            assert [t.id for t in session.get_one(Account, other).tags] == [tag.id]
    assert sync.status(setup.copy).pending == 0


def test_two_synchronisations_of_one_copy_at_once_are_one(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, city="Brno")
    pull = sync._pull
    refused: list[str] = []

    def meanwhile(*args: Any) -> set[int]:
        if not refused:  # another process (a second connection) starts one meanwhile
            second = open_database(setup.path)
            try:
                with pytest.raises(UserError) as said:
                    sync.synchronise(second)
                refused.append(str(said.value))
            finally:
                second.close()
        return pull(*args)

    monkeypatch.setattr(sync, "_pull", meanwhile)
    report = sync.synchronise(setup.copy)
    assert refused == [
        "This copy is being synchronised already (by the app, or another “accountdesk sync”); "
        "nothing was done now, the other synchronisation sends and receives everything."
    ]
    assert report.sent == 1 and _account(setup.manager, "Acme Steel").city == "Brno"
    found = sync.status(setup.copy)
    assert found.last_error is None and found.pending == 0
    monkeypatch.undo()
    assert sync.synchronise(setup.copy).sent == 0  # the lock was let go


def test_a_server_gone_back_to_an_earlier_state_is_said(setup: Setup) -> None:
    for n in range(3):
        create_account(setup.copy, AccountInput(name=f"Sent {n}", country="DE"))
    sync.synchronise(setup.copy)
    with setup.copy.engine.connect() as conn:
        cursor = int(
            conn.execute(text("SELECT value FROM sync_state WHERE key = 'cursor'")).scalar()
        )
    admin = open_database(setup.team.admin_url)
    try:  # restored from a dump taken before those arrived: the log ends earlier
        with admin.engine.begin() as conn:
            conn.execute(text("DELETE FROM sync_log WHERE id > :c - 3"), {"c": cursor})
    finally:
        admin.close()
    with pytest.raises(UserError, match="went back to an earlier state"):
        sync.synchronise(setup.copy)
    found = sync.status(setup.copy)
    assert found.failed and "went back to an earlier state" in (found.last_error or "")
    assert sync.status_line(found, "UTC").startswith("Synchronisation failed")


def test_a_deletion_the_server_made_too_is_not_counted_as_sent(setup: Setup) -> None:
    from accountdesk.core.services import trash

    beta = create_account(setup.anna, AccountInput(name="Beta GmbH", country="DE"))
    sync.synchronise(setup.copy)
    for db in (setup.copy, setup.anna):  # on both sides, the laptop first
        trash.delete(db, "account", beta)
        trash.purge(db, "account", beta)
    report = sync.synchronise(setup.copy)
    assert report.sent == 0 and report.refused == 0 and sync.conflicts(setup.copy) == []
    assert sync.status(setup.copy).pending == 0


@pytest.mark.parametrize("chunk", [3, sync.CHUNK])
def test_a_refused_record_among_many_sent_is_left_out_alone(
    setup: Setup, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Records go to the server a batch at a time: one the server refuses (Anna may not take
    Ben's account) is left out of its batch, alone; the records before and after it in the
    same batch, and in the batches around it, are all sent."""
    monkeypatch.setattr(sync, "CHUNK", chunk)
    theirs = create_account(
        setup.ben, AccountInput(name="Ben's Own", country="DE", owner=setup.team.ben)
    )
    sync.synchronise(setup.copy)
    made = [
        create_account(setup.copy, AccountInput(name=f"Offline {n} GmbH", country="DE"))
        for n in range(4)
    ]
    _edit(setup.copy, theirs, owner=setup.team.anna)  # refused
    acme = _account(setup.anna, "Acme Steel").id
    _edit(setup.copy, acme, city="Linz")
    people = [
        create_contact(
            setup.copy,
            ContactInput(
                account_id=made[n % 4],
                given_name=f"Quirin{n}",
                family_name="Ortner",
                country="DE",
                timezone="Europe/Berlin",
            ),
        )
        for n in range(5)
    ]
    report = sync.synchronise(setup.copy)
    assert (report.sent, report.refused) == (4 + 1 + 5, 1)
    with setup.ben.reader() as session:
        assert [session.get(Account, a) is not None for a in made] == [True] * 4
        assert [session.get(Contact, c) is not None for c in people] == [True] * 5
        assert session.get(Account, acme).city == "Linz"
        assert session.get(Account, theirs).owner == setup.team.ben
    assert sorted(h.title for h in search(setup.ben, "ortner")) == [
        f"Quirin{n} Ortner" for n in range(5)
    ]
    assert _account(setup.copy, "Ben's Own").owner == setup.team.ben  # the server's, back
    [shown] = sync.conflicts(setup.copy)
    assert "Ben's Own" in plain(shown.text)
    assert sync.status(setup.copy).pending == 0
