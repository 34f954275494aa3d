"""The team server's guards against a rep working around the erase rule, each tried as a rep
through their own role on a throwaway cluster: moving another rep's records before erasing
them, another person's settings, the team's search index."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, text

from accountdesk.core.db import server
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.errors import MoveRefused, NotAllowed
from accountdesk.core.db.models import Contact, Interaction, Note, interaction_participants
from accountdesk.core.errors import UserError
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import duplicates
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import (
    InteractionInput,
    get_setting,
    log_interaction,
    save_note,
    set_setting,
)
from pgcluster import BACKENDS
from teamserver import Team

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)

MOVE_REFUSED = (
    "Only the account's owner or a manager can move its records to another account or contact."
)
ERASE_REFUSED = "Only the account's owner or a manager can erase this."


@pytest.fixture
def people(team: Team) -> Iterator[tuple[Database, Database, Database]]:
    anna, ben, manager = (team.connect(x) for x in (team.anna, team.ben, team.manager))
    yield anna, ben, manager
    for db in (anna, ben, manager):
        db.close()


def _client(db: Database, name: str, email: str | None = None) -> tuple[str, str]:
    account = create_account(db, AccountInput(name=name, country="DE"))
    contact = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Jana",
            family_name=name,
            country="DE",
            timezone="Europe/Berlin",
            emails=[email] if email else [],
        ),
    )
    return account, contact


def _sql(db: Database, statement: str, **params: Any) -> Any:
    with db.engine.begin() as conn:
        return conn.execute(text(statement), params)


def _count(team: Team, sql: str) -> int:
    admin = open_database(team.admin_url)
    try:
        with admin.engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        admin.close()


# --- moving records ------------------------------------------------------------------------


def test_a_rep_cannot_move_another_reps_records_to_erase_them(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    anna, ben, _manager = people
    bens_account, bens_contact = _client(ben, "Ben's")
    annas_account, annas_contact = _client(anna, "Anna's")
    note = save_note(ben, "the account's history", account_id=bens_account)
    contact_note = save_note(ben, "likes tea", contact_id=bens_contact)
    met = log_interaction(
        ben,
        InteractionInput(
            kind="meeting", occurred_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
            contact_ids=[bens_contact],
        ),
    )  # fmt: skip
    attempts = [
        ("UPDATE contacts SET account_id = :a WHERE id = :i", annas_account, bens_contact),
        ("UPDATE notes SET account_id = NULL, contact_id = :a WHERE id = :i", annas_contact, note),
        ("UPDATE notes SET contact_id = :a WHERE id = :i", annas_contact, contact_note),
        ("UPDATE interactions SET account_id = :a WHERE id = :i", annas_account, met),
    ]
    for statement, to, row in attempts:
        with pytest.raises(MoveRefused) as refused:
            _sql(anna, statement, a=to, i=row)
        assert refused.value.message == MOVE_REFUSED, statement
    # the participants of Ben's interaction: neither detached nor moved onto Anna's contact
    with pytest.raises(NotAllowed) as refused:
        _sql(anna, "DELETE FROM interaction_participants WHERE interaction_id = :i", i=met)
    assert refused.value.message == ERASE_REFUSED
    with pytest.raises(MoveRefused):
        _sql(
            anna,
            "UPDATE interaction_participants SET contact_id = :a WHERE interaction_id = :i",
            a=annas_contact, i=met,
        )  # fmt: skip
    _sql(anna, "DELETE FROM contacts WHERE id = :i", i=annas_contact)  # her own: erased
    with ben.reader() as session:
        assert session.get(Contact, bens_contact).account_id == bens_account  # type: ignore[union-attr]
        assert session.get(Note, note).account_id == bens_account  # type: ignore[union-attr]
        assert session.get(Note, contact_note).contact_id == bens_contact  # type: ignore[union-attr]
        assert session.get(Interaction, met).account_id == bens_account  # type: ignore[union-attr]
        ip = interaction_participants
        assert list(session.execute(select(ip.c.contact_id).where(ip.c.interaction_id == met))) == [
            (bens_contact,)
        ]


def test_the_team_still_edits_records_and_owners_and_managers_move_them(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    anna, ben, manager = people
    bens_account, bens_contact = _client(ben, "Ben's")
    annas_account, annas_contact = _client(anna, "Anna's")
    note = save_note(ben, "history", account_id=bens_account)
    # a statement that names account_id without changing it is no move
    _sql(anna, "UPDATE notes SET body = 'edited', account_id = account_id WHERE id = :i", i=note)
    _sql(anna, "UPDATE contacts SET city = 'Köln' WHERE id = :i", i=bens_contact)
    # the owner moves their own contact; a manager moves anyone's
    _sql(anna, "UPDATE contacts SET account_id = :a WHERE id = :i", a=bens_account, i=annas_contact)
    _sql(manager, "UPDATE notes SET account_id = :a WHERE id = :i", a=annas_account, i=note)
    with ben.reader() as session:
        assert session.get(Contact, annas_contact).account_id == bens_account  # type: ignore[union-attr]
        assert session.get(Note, note).account_id == annas_account  # type: ignore[union-attr]
        assert session.get(Contact, bens_contact).city == "Köln"  # type: ignore[union-attr]


def test_a_rep_merges_their_own_duplicates_but_not_another_reps(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    anna, ben, manager = people
    annas_account, first = _client(anna, "Dup", "dup@example.com")
    second = create_contact(
        anna,
        ContactInput(
            account_id=annas_account, given_name="Jana", family_name="Dup", country="DE",
            timezone="Europe/Berlin",
            emails=["dup@example.com"],
        ),
    )  # fmt: skip
    save_note(anna, "from the second", contact_id=second)
    done = duplicates.merge(anna, first, [second])
    assert done.moved == {"notes": 1}
    duplicates.undo_merge(anna, done.merge_id)
    _bens_account, bens = _client(ben, "Dup", "dup@example.com")
    save_note(ben, "Ben's note", contact_id=bens)
    with pytest.raises(UserError) as refused:
        duplicates.merge(anna, first, [bens])
    assert refused.value.message == (
        "Only a manager, or the owner of the accounts of all these contacts, can merge them or "
        "undo their merge: moving their records is the owner's. Nothing was changed."
    )
    with anna.reader() as session:
        found = session.get(Contact, bens)
        assert found is not None and found.deleted_at is None
    assert duplicates.merge(manager, first, [bens]).moved == {"notes": 1}


def test_a_rep_cannot_merge_another_reps_contacts_that_have_no_records(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    """Nothing moves when the merged contact has no interactions or notes, so the server's
    move guard never fires: the merge is refused all the same, as is undoing a manager's
    merge of them, and nothing is changed."""
    anna, ben, manager = people
    bens_account, kept = _client(ben, "Quiet", "quiet@example.com")
    other = create_contact(
        ben,
        ContactInput(
            account_id=bens_account, given_name="Jana", family_name="Quiet", country="DE",
            timezone="Europe/Berlin", phones=["+49 30 1234567"],
        ),
    )  # fmt: skip
    with ben.reader() as session:
        before = session.get(Contact, kept).version  # type: ignore[union-attr]
    for into, merged in ((kept, other), (other, kept)):
        with pytest.raises(UserError) as refused:
            duplicates.merge(anna, into, [merged])
        assert refused.value.message.startswith("Only a manager, or the owner of the accounts")
    with ben.reader() as session:
        assert session.get(Contact, other).deleted_at is None  # type: ignore[union-attr]
        assert session.get(Contact, kept).version == before  # type: ignore[union-attr]
        assert session.get(Contact, kept).phones == []  # type: ignore[union-attr]
    done = duplicates.merge(manager, kept, [other])
    with pytest.raises(UserError) as refused:
        duplicates.undo_merge(anna, done.merge_id)
    assert refused.value.message.startswith("Only a manager, or the owner of the accounts")
    with ben.reader() as session:
        assert session.get(Contact, other).deleted_at is not None  # type: ignore[union-attr]
    duplicates.undo_merge(ben, done.merge_id)  # the owner may
    merged_again = duplicates.merge(ben, kept, [other])
    assert merged_again.filled == ("phones",)


def test_a_rep_merges_their_own_duplicate_accounts_and_the_server_stamps_every_moved_row(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    """A merge of accounts on the server: the moved rows and the trashed account are changes
    like any other (their version raised, the server's ``updated_by`` stamp the rep's), a rep
    merges only accounts they own, a manager any; undone by the owner."""
    from accountdesk.core.db.models import Account
    from accountdesk.core.services import account_merge

    anna, ben, manager = people
    kept, _first = _client(anna, "Acme GmbH")
    other, moved_contact = _client(anna, "ACME")
    save_note(anna, "on the other account", account_id=other)
    with anna.reader() as session:
        before = session.get(Contact, moved_contact).version  # type: ignore[union-attr]
    done = account_merge.merge_accounts(anna, kept, [other])
    assert done.moved == {"contacts": 1, "notes": 1}
    with manager.reader() as session:
        contact = session.get(Contact, moved_contact)
        assert contact is not None and contact.account_id == kept
        assert contact.version > before and contact.updated_by == team.anna
        gone = session.get(Account, other)
        assert gone is not None and gone.deleted_at is not None and gone.updated_by == team.anna
        note = session.scalars(select(Note).where(Note.account_id == kept)).one()
        assert note.updated_by == team.anna
    account_merge.undo_account_merge(anna, done.merge_id)
    bens, _bens_contact = _client(ben, "Acme")
    with pytest.raises(UserError) as refused:
        account_merge.merge_accounts(anna, kept, [bens])
    assert refused.value.message.startswith("Only a manager, or the owner of all these accounts")
    with ben.reader() as session:
        assert session.get(Account, bens).deleted_at is None  # type: ignore[union-attr]
    assert account_merge.merge_accounts(manager, kept, [bens]).moved == {"contacts": 1}


# --- settings ------------------------------------------------------------------------------


def test_a_persons_settings_are_theirs_to_change(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    anna, ben, manager = people
    set_setting(ben, "security.lock_after_minutes", 5)
    bens = f"{team.ben}/security.lock_after_minutes"
    for statement in (
        "UPDATE settings SET value = '0' WHERE key = :k",
        "DELETE FROM settings WHERE key = :k",
    ):
        with pytest.raises(NotAllowed) as refused:
            _sql(anna, statement, k=bens)
        assert refused.value.message == (
            "Only the person themselves or a manager can change their settings."
        )
    with pytest.raises(NotAllowed):
        _sql(
            anna,
            "INSERT INTO settings (key, value, updated_at) VALUES (:k, '0', now())",
            k=f"{team.ben}/ui.language",
        )
    with pytest.raises(NotAllowed):  # nor re-keyed to be hers
        _sql(anna, "UPDATE settings SET key = :n WHERE key = :k", n=f"{team.anna}/x", k=bens)
    assert get_setting(ben, "security.lock_after_minutes") == 5
    set_setting(anna, "security.lock_after_minutes", 0)  # her own
    set_setting(anna, "report.currency", "JPY")  # the team's
    assert get_setting(ben, "report.currency") == "JPY"
    _sql(manager, "UPDATE settings SET value = '15' WHERE key = :k", k=bens)
    assert get_setting(ben, "security.lock_after_minutes") == 15


# --- the search index ----------------------------------------------------------------------


def test_a_rep_cannot_wipe_the_search_index(
    team: Team, people: tuple[Database, Database, Database]
) -> None:
    anna, ben, manager = people
    many = server.INDEX_DELETE_LIMIT + 10
    for n in range(many // 2):
        _client(ben, f"Firm {n:03d}")
    assert _count(team, "SELECT count(*) FROM search_docs") == many
    for name in server.INDEX_TABLES:
        with pytest.raises(NotAllowed) as refused:
            _sql(anna, f"DELETE FROM {name}")
        assert refused.value.message == (
            "Only a manager can remove this much of the team's search index at once; a manager "
            "rebuilds it with accountdesk server reindex."
        )
        with pytest.raises(NotAllowed):
            _sql(anna, f"TRUNCATE {name}")
    assert [h.title for h in search(anna, "Firm 007")][:1] == ["Firm 007"]
    # what the app does: one document's rows at a time (a rep's own erase)
    _account, contact = _client(anna, "Own firm")
    _sql(anna, "DELETE FROM contacts WHERE id = :i", i=contact)
    assert search(anna, "Own firm") and not [h for h in search(anna, "Jana Own") if h.id == contact]
    # a manager may clear it, and rebuilds it
    _sql(manager, "DELETE FROM search_fts")
    assert search(anna, "Firm 007") == []
    assert server.reindex(manager) == many + 1  # Ben's, and Anna's account
    assert [h.title for h in search(anna, "Firm 007")][:1] == ["Firm 007"]
    with pytest.raises(NotAllowed) as refused:
        server.reindex(anna)
    assert "manager" in refused.value.message
    assert _count(team, "SELECT count(*) FROM search_docs") == many + 1


def test_init_again_installs_the_guards_on_an_existing_server(team: Team) -> None:
    admin = open_database(team.admin_url)
    try:
        with admin.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER guard_settings ON settings"))
            conn.execute(text("DROP TRIGGER guard_move_notes ON notes"))
    finally:
        admin.close()
    server.init_server(
        team.admin_url, name="Maria López", email="maria@example.com", login=team.manager,
        password="unused-password",
    )  # fmt: skip
    names = {
        "guard_settings", "guard_move_notes", "guard_participants", "guard_index_search_docs",
    }  # fmt: skip
    found = _count(
        team,
        "SELECT count(*) FROM pg_trigger WHERE tgname IN ("
        + ", ".join(f"'{n}'" for n in sorted(names))
        + ")",
    )
    assert found == len(names)
