"""A team server, for real: ``server init`` and ``add-user`` on a throwaway PostgreSQL cluster,
then each member connecting as their own role, with their own password, over TCP."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from accountdesk.core.db import server
from accountdesk.core.db.engine import KNOWN_REVISIONS, SCHEMA_HEAD, Database, open_database
from accountdesk.core.db.errors import NotAllowed
from accountdesk.core.db.models import Account, Contact, FollowUp, Note, User
from accountdesk.core.errors import UserError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import privacy, trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import save_note
from pgcluster import BACKENDS, Cluster
from teamserver import Team, password_of, unique

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


ERASE_REFUSED = "Only the account's owner or a manager can erase this."
STRUCTURE_REFUSED = "Your role cannot change the database's structure."


def _account_with_contact(db: Database, owner: str, name: str) -> tuple[str, str]:
    account = create_account(db, AccountInput(name=name, country="DE", owner=owner))
    contact = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Jana",
            family_name=name,
            country="DE",
            timezone="Europe/Berlin",
        ),
    )
    return account, contact


def _exists(team: Team, model: type[Any], id_: str) -> bool:
    admin = open_database(team.admin_url)
    try:
        with admin.reader() as session:
            return session.get(model, id_) is not None
    finally:
        admin.close()


# --- set-up --------------------------------------------------------------------------------


def _privileges(team: Team, sql: str) -> Any:
    admin = open_database(team.admin_url)
    try:
        with admin.engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        admin.close()


def test_init_makes_the_groups_the_grants_and_the_first_manager(team: Team) -> None:
    ask = _privileges
    assert ask(team, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'accountdesk_rep'") is False
    assert ask(team, f"SELECT pg_has_role('{team.manager}', 'accountdesk_manager', 'MEMBER')")
    assert ask(team, f"SELECT pg_has_role('{team.anna}', 'accountdesk_rep', 'MEMBER')")
    assert not ask(team, f"SELECT pg_has_role('{team.anna}', 'accountdesk_manager', 'MEMBER')")
    for group in ("accountdesk_rep", "accountdesk_manager"):
        assert not ask(team, f"SELECT has_schema_privilege('{group}', 'public', 'CREATE')")
        assert ask(team, f"SELECT has_table_privilege('{group}', 'contacts', 'DELETE')")
        assert ask(team, f"SELECT has_table_privilege('{group}', 'search_fts', 'INSERT')")
        assert not ask(team, f"SELECT has_table_privilege('{group}', 'contacts', 'TRUNCATE')")
        assert not ask(team, f"SELECT has_table_privilege('{group}', 'alembic_version', 'UPDATE')")
        assert ask(team, f"SELECT has_table_privilege('{group}', 'users', 'SELECT')")
        assert ask(
            team, f"SELECT has_sequence_privilege('{group}', 'search_docs_rowid_seq', 'USAGE')"
        )
    assert not ask(team, "SELECT has_table_privilege('accountdesk_rep', 'users', 'UPDATE')")
    assert ask(team, "SELECT has_table_privilege('accountdesk_manager', 'users', 'UPDATE')")
    assert ask(team, "SELECT count(*) FROM pg_tables WHERE tableowner <> current_user "
               "AND schemaname = 'public'") == 0  # fmt: skip
    manager = team.connect(team.manager)
    try:
        with manager.reader() as session:
            rows = session.scalars(select(User).order_by(User.name)).all()
            assert [(u.login, u.name, u.role) for u in rows] == [
                (team.anna, "Anna Berg", "rep"),
                (team.ben, "Ben Okafor", "rep"),
                (team.manager, "Maria López", "manager"),
            ]
    finally:
        manager.close()


def test_init_again_says_what_exists_and_asks_for_no_password(team: Team) -> None:
    def never() -> str:
        raise AssertionError("the manager exists: no password is needed")

    lines = server.init_server(
        team.admin_url, name="Maria López", email="maria@example.com", login=team.manager,
        password=never,
    )  # fmt: skip
    assert lines[0].startswith("AccountDesk's tables on ") and lines[0].endswith("are up to date.")
    assert lines[1] == "The group roles accountdesk_rep and accountdesk_manager exist already."
    assert lines[-1] == f"{team.manager} is on the team already."


def test_init_on_an_empty_database_creates_the_tables(pg_cluster: Cluster, home: Path) -> None:
    name = unique("h15empty")
    pg_cluster.execute(f"CREATE DATABASE {name}")
    try:
        lines = server.init_server(
            pg_cluster.url(name), name="Jo Lee", email="jo.lee@example.com", password="long-enough"
        )
        assert lines[0] == f"Created AccountDesk's tables on 127.0.0.1:{pg_cluster.port}/{name}."
        assert lines[-1] == "Jo Lee (jo_lee) is on the team now, as a manager."
    finally:
        pg_cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_logins_follow_postgresqls_rules(team: Team) -> None:
    assert server.check_login(" anna_b2 ") == "anna_b2"
    assert server.login_from_email("Maria.López@x.org") == "maria_l_pez"
    for bad, why in (
        ("Anna", "use lower-case letters"),
        ("2anna", "begin with a letter"),
        ("anna-b", "use lower-case letters"),
        ("a" * 64, "longer than 63"),
        ("pg_anna", "keeps that name"),
        ("public", "keeps that name"),
        ("accountdesk_rep", "keeps that name"),
        ("", "cannot be a login"),
    ):
        with pytest.raises(UserError, match=why):
            server.add_user(team.admin_url, bad, "X", None, "rep", "long-enough")
    with pytest.raises(UserError, match="“boss” is not a role on the team"):
        server.add_user(team.admin_url, unique("h15x"), "X", None, "boss", "long-enough")
    with pytest.raises(UserError, match="too short"):
        server.add_user(team.admin_url, unique("h15x"), "X", None, "rep", "short")
    with pytest.raises(UserError, match=f"^{team.anna} is on the team already; nothing"):
        server.add_user(team.admin_url, team.anna, "Anna", None, "rep", "long-enough")
    stranger = unique("h15stranger")
    team.cluster.execute(f"CREATE ROLE {stranger} LOGIN")
    with pytest.raises(UserError, match=f"has a role named {stranger} already, which is not"):
        server.add_user(team.admin_url, stranger, "S", None, "rep", "long-enough")


def test_only_the_administrator_adds_members(team: Team) -> None:
    with pytest.raises(UserError, match=f"The role {team.manager} cannot set up the team"):
        server.add_user(team.url(team.manager), unique("h15x"), "X", None, "rep", "long-enough")


def test_add_user_before_init_says_to_run_init(pg_cluster: Cluster, blank: tuple[str, str]) -> None:
    for group in ("accountdesk_rep", "accountdesk_manager"):  # another test may have made them
        pg_cluster.execute(
            f"DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
            f"ALTER ROLE {group} RENAME TO {group}_away; END IF; END $$"
        )
    try:
        with pytest.raises(UserError, match="is not set up yet: run accountdesk server init"):
            server.add_user(blank[1], unique("h15x"), "X", None, "rep", "long-enough")
    finally:
        for group in ("accountdesk_rep", "accountdesk_manager"):
            pg_cluster.execute(
                f"DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}_away') "
                f"THEN ALTER ROLE {group}_away RENAME TO {group}; END IF; END $$"
            )


def test_a_new_password_never_reaches_the_server_as_text(team: Team) -> None:
    """The role's password is stored as the SCRAM verifier made on the client."""
    stored = _privileges(team, f"SELECT rolpassword FROM pg_authid WHERE rolname = '{team.anna}'")
    assert stored.startswith("SCRAM-SHA-256$")
    assert password_of(team.anna) not in stored


# --- what a rep may not do ----------------------------------------------------------------


def test_a_rep_cannot_change_the_structure(team: Team) -> None:
    anna = team.connect(team.anna)
    try:
        for statement in (
            "DROP TABLE contacts",
            "ALTER TABLE contacts ADD COLUMN x integer",
            "CREATE TABLE mine (id integer)",
            "DROP TRIGGER guard_erase_contacts ON contacts",
            "ALTER TABLE contacts DISABLE TRIGGER ALL",
            "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        ):
            with pytest.raises(NotAllowed) as refused, anna.engine.begin() as conn:
                conn.execute(text(statement))
            assert refused.value.message == STRUCTURE_REFUSED, statement
        with anna.reader() as session:  # still there, and still readable
            assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 0
    finally:
        anna.close()
    guards = _privileges(team, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'guard%'")
    erase_and_move = 2 * len(server.guarded_tables()) - 1  # accounts have no account_id
    # and the owner's, the participants', the settings', the search index's
    assert guards == erase_and_move + 3 + len(server.INDEX_TABLES)


def test_the_guarded_tables_are_the_records_of_an_account() -> None:
    assert sorted(server.guarded_tables()) == [
        "accounts", "contacts", "deals", "follow_ups", "gifts", "interactions", "notes",
        "survey_responses",
    ]  # fmt: skip


def test_a_rep_cannot_erase_another_reps_contact(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        _account, contact = _account_with_contact(anna, team.anna, "Anna's client")
        note = save_note(anna, "met at the fair", contact_id=contact)
        with pytest.raises(NotAllowed) as refused:
            privacy.erase_contact(ben, contact)  # GDPR erase
        assert refused.value.message == ERASE_REFUSED
        with pytest.raises(NotAllowed) as refused, ben.engine.begin() as conn:
            conn.execute(text("DELETE FROM contacts WHERE id = :i"), {"i": contact})
        assert refused.value.message == ERASE_REFUSED
        with pytest.raises(NotAllowed, match=ERASE_REFUSED), ben.engine.begin() as conn:
            conn.execute(text("DELETE FROM notes WHERE id = :i"), {"i": note})  # via its contact
        trash.delete(ben, "contact", contact)  # to the trash: an update, allowed to the team
        with pytest.raises(NotAllowed, match=ERASE_REFUSED):
            trash.purge(ben, "contact", contact)
    finally:
        anna.close()
        ben.close()
    assert _exists(team, Contact, contact) and _exists(team, Note, note)


def test_a_rep_erases_a_contact_of_their_own_account(team: Team) -> None:
    anna = team.connect(team.anna)
    try:
        account, contact = _account_with_contact(anna, team.anna, "Own client")
        note = save_note(anna, "likes tea", contact_id=contact)
        erasure = privacy.erase_contact(anna, contact)
        assert erasure.done()[0].endswith("was erased for good.")
        trash.delete(anna, "account", account)
        trash.purge(anna, "account", account)
    finally:
        anna.close()
    for model, id_ in ((Contact, contact), (Note, note), (Account, account)):
        assert not _exists(team, model, id_)


def test_emptying_the_trash_as_a_rep_names_what_is_not_theirs(team: Team) -> None:
    """The trash holds Anna's own account and a contact of Ben's (and a note of it): Anna's
    empty stops whole, and the sentence names Ben's records and Ben, not "this"."""
    anna, ben, manager = (team.connect(x) for x in (team.anna, team.ben, team.manager))
    try:
        annas_account, _contact = _account_with_contact(anna, team.anna, "Anna's own")
        _account, bens = _account_with_contact(ben, team.ben, "Ben's client")
        note = save_note(ben, "likes tea", contact_id=bens)
        trash.delete(anna, "account", annas_account)
        trash.delete(ben, "note", note)
        trash.delete(ben, "contact", bens)
        with pytest.raises(NotAllowed) as refused:
            trash.empty_trash(anna)
        assert refused.value.message == (
            "2 records in the trash are of accounts you do not own: "
            "“\u2068Jana Ben's client\u2069” (\u2068Ben Okafor\u2069), "
            "“\u2068likes tea\u2069” (\u2068Ben Okafor\u2069). Only their owners or a "
            "manager can delete them for good, so nothing was deleted."
        )
        assert len(trash.list_trash(anna)) == 3  # nothing was deleted
        assert trash.empty_trash(manager) == 4  # a manager's: the account's contact too
    finally:
        for db in (anna, ben, manager):
            db.close()
    assert not _exists(team, Account, annas_account) and not _exists(team, Contact, bens)


def test_a_manager_erases_any_reps_records(team: Team) -> None:
    anna, ben, manager = (team.connect(x) for x in (team.anna, team.ben, team.manager))
    try:
        _a, annas = _account_with_contact(anna, team.anna, "Anna's")
        bens_account, bens = _account_with_contact(ben, team.ben, "Ben's")
        privacy.erase_contact(manager, annas)
        with manager.engine.begin() as conn:
            conn.execute(text("DELETE FROM accounts WHERE id = :i"), {"i": bens_account})
    finally:
        for db in (anna, ben, manager):
            db.close()
    assert not _exists(team, Contact, annas)
    assert not _exists(team, Account, bens_account) and not _exists(team, Contact, bens)


def test_only_the_owner_or_a_manager_gives_an_account_away(team: Team) -> None:
    anna, ben, manager = (team.connect(x) for x in (team.anna, team.ben, team.manager))
    owner = "UPDATE accounts SET owner = :o WHERE id = :i"
    try:
        account, contact = _account_with_contact(anna, team.anna, "Kept")
        with pytest.raises(NotAllowed) as refused, ben.engine.begin() as conn:
            conn.execute(text(owner), {"o": team.ben, "i": account})
        assert refused.value.message == (
            "Only the account's owner or a manager can give the account to someone else."
        )
        with ben.engine.begin() as conn:  # working on it is the team's
            conn.execute(text("UPDATE accounts SET city = 'Köln' WHERE id = :i"), {"i": account})
        with anna.engine.begin() as conn:
            conn.execute(text(owner), {"o": team.ben, "i": account})
        with manager.engine.begin() as conn:
            conn.execute(text(owner), {"o": team.anna, "i": account})
        with anna.reader() as session:
            found = session.get(Account, account)
            assert found is not None and (found.owner, found.city) == (team.anna, "Köln")
            assert found.updated_by == team.manager
    finally:
        for db in (anna, ben, manager):
            db.close()
    assert _exists(team, Contact, contact)


def test_a_temporary_table_cannot_stand_in_for_the_accounts(team: Team) -> None:
    anna, ben = team.connect(team.anna), team.connect(team.ben)
    try:
        account, contact = _account_with_contact(anna, team.anna, "Anna's")
        with pytest.raises(NotAllowed, match=ERASE_REFUSED), ben.engine.begin() as conn:
            conn.execute(text("CREATE TEMP TABLE accounts (id text, owner text)"))
            conn.execute(
                text("INSERT INTO accounts VALUES (:i, :o)"), {"i": account, "o": team.ben}
            )
            conn.execute(text("DELETE FROM contacts WHERE id = :i"), {"i": contact})
    finally:
        anna.close()
        ben.close()
    assert _exists(team, Contact, contact)


def test_follow_ups_of_a_reps_own_account_go_with_its_contact(team: Team) -> None:
    """The cascades PostgreSQL runs for a rep's own erase (in the table owner's name) pass."""
    anna = team.connect(team.anna)
    try:
        account, contact = _account_with_contact(anna, team.anna, "Own")
        with anna.transaction() as session:
            session.add(
                FollowUp(
                    account_id=account,
                    contact_id=contact,
                    title="call",
                    local_due="2026-12-01T10:00:00",
                    zone="Europe/Berlin",
                    due_at=datetime(2026, 12, 1, 9, tzinfo=UTC),
                )
            )
        with anna.engine.begin() as conn:
            conn.execute(text("DELETE FROM contacts WHERE id = :i"), {"i": contact})
        with anna.reader() as session:
            assert (
                session.scalars(select(FollowUp).where(FollowUp.account_id == account)).all() == []
            )
    finally:
        anna.close()


def test_a_member_cannot_upgrade_the_schema_and_is_told_who_can(team: Team) -> None:
    older = KNOWN_REVISIONS[-2]
    stamp = "UPDATE alembic_version SET version_num = '{}'"
    team.cluster.execute(stamp.format(older), database=team.database)
    with pytest.raises(UserError) as refused:
        open_database(team.url(team.anna))
    assert refused.value.message == (
        f"The team's database on 127.0.0.1:{team.cluster.port}/{team.database} needs an upgrade "
        f"(schema {older}), which only its administrator may make: they run accountdesk server "
        "init again."
    )
    team.cluster.execute(stamp.format(SCHEMA_HEAD), database=team.database)
    team.connect(team.anna).close()
