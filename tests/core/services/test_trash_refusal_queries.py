"""When a team server refuses to empty the trash, the sentence that names the records of other
owners' accounts costs one query a table, however full the trash: it cost one or two a record
(117 statements for 106 records), each a round trip to the server, on the GUI's write path.

On a laptop's file there is no team (``Database.member`` is None): every record is "of
another", which lets the sentence be checked here without a server (tests/core/db/
test_server.py checks it as a rep on one)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction, save_note

WHEN = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _contact(db: Database, owner: str, name: str) -> str:
    account = create_account(db, AccountInput(name=name, country="LV", owner=owner))
    return create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Anete", family_name=name, country="LV",
            timezone="Europe/Riga",
        ),
    )  # fmt: skip


def _trash(db: Database, interactions: int, name: str = "Ābele") -> None:
    """A note on Marta's contact (no account of its own: the contact's is its owner's), then
    ``interactions`` calls with Jānis's contact, each moved to the trash in that order."""
    anete = _contact(db, "marta", name)
    trash.delete(db, "note", save_note(db, "likes tea", contact_id=anete))
    janis = _contact(db, "janis", f"{name} Bērzs")
    for n in range(interactions):
        data = InteractionInput(
            kind="call", occurred_at=WHEN + timedelta(hours=n), contact_ids=[janis],
            subject=f"Call {n + 1}",
        )  # fmt: skip
        trash.delete(db, "interaction", log_interaction(db, data))


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object, **kwargs: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_the_refusal_names_five_and_counts_the_rest(db: Database) -> None:
    _trash(db, 30)
    refusal = trash._others_in_trash(db)
    assert refusal is not None
    assert refusal.message == (
        "31 records in the trash are of accounts you do not own: "
        "“\u2068Call 1\u2069” (\u2068janis\u2069), “\u2068Call 2\u2069” (\u2068janis\u2069), "
        "“\u2068Call 3\u2069” (\u2068janis\u2069), “\u2068Call 4\u2069” (\u2068janis\u2069), "
        "“\u2068Call 5\u2069” (\u2068janis\u2069), and 26 more. Only their owners or a manager "
        "can delete them for good, so nothing was deleted."
    )


def test_a_note_on_a_contact_is_of_its_contacts_account(db: Database) -> None:
    _trash(db, 0)
    refusal = trash._others_in_trash(db)
    assert refusal is not None
    assert "“\u2068likes tea\u2069” (\u2068marta\u2069)" in refusal.message


def test_the_refusal_costs_the_same_queries_for_a_full_trash(db: Database) -> None:
    _trash(db, 2)
    trash._others_in_trash(db)  # a database is asked once who the user is (Database.member)
    with _statements(db) as few:
        trash._others_in_trash(db)
    _trash(db, 40, "Ozols")
    with _statements(db) as many:
        refusal = trash._others_in_trash(db)
    assert refusal is not None and refusal.message.startswith("44 records in the trash")
    assert len(many) == len(few), many
