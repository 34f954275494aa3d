"""Migration 0008 rebuilds the search index of a database made before it, so the contacts
already there are found by their national phone number and their other spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from accountdesk.core.db.engine import open_database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.sqlite_only


def test_the_upgrade_indexes_phones_and_spellings_of_stored_contacts(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    account = create_account(db, AccountInput(name="Bäckerei Sonnenschein", country="DE"))
    heinz = create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Heinz",
            family_name="Schäfer",
            country="DE",
            timezone="Europe/Berlin",
            phones=["+49 151 23456789"],
        ),
    )
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
        # the index as 0007 left it: the phone as its E.164 digits, names as folded
        conn.execute(text("DELETE FROM search_keys"))
        for word in ("heinz", "schafer"):
            conn.execute(
                text(
                    "INSERT INTO search_keys(rowid, key) SELECT rowid, :w FROM search_docs"
                    " WHERE ref = :r"
                ),
                {"w": word, "r": heinz},
            )
        conn.execute(
            text(
                "UPDATE search_fts SET title = 'heinz schafer', body = '+4915123456789'"
                " WHERE rowid = (SELECT rowid FROM search_docs WHERE ref = :r)"
            ),
            {"r": heinz},
        )
    assert schema_revision(db) == "0007"
    assert search(db, "0151 23456789") == [] and search(db, "Schaefer") == []
    db.close()

    upgraded = open_database(tmp_path / "a.db")
    try:
        assert schema_revision(upgraded) == SCHEMA_HEAD
        for query in ("0151 23456789", "Schaefer", "Baeckerei"):
            hits = search(upgraded, query)
            # the bakery, then its people: Heinz
            assert [h.id for h in hits] == ([heinz] if query != "Baeckerei" else [account, heinz])
    finally:
        upgraded.close()
