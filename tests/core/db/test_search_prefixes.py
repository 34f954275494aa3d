"""Migration 0007: the SQLite full-text table is made again with an index of one-letter
prefixes (for the first letter typed in a list's filter); the documents, their rowids and what
every query finds stay the same, up and down."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from accountdesk.core.db.engine import Database, open_database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.demo import generate
from accountdesk.core.queries.lists import ListFilter, account_ids, contact_ids, narrow_ids
from accountdesk.core.queries.search import search

pytestmark = pytest.mark.sqlite_only


def _table_sql(db: Database) -> str:
    with db.engine.connect() as conn:
        found = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
        ).scalar_one()
    return str(found)


def _documents(db: Database) -> list[tuple[int, str, str, str]]:
    with db.engine.connect() as conn:
        return [
            (int(rowid), ref, title, body)
            for rowid, ref, title, body in conn.execute(
                text(
                    "SELECT f.rowid, d.ref, f.title, f.body FROM search_fts f "
                    "JOIN search_docs d ON d.rowid = f.rowid ORDER BY f.rowid"
                )
            )
        ]


def _found(db: Database) -> dict[str, object]:
    """What the lists' filter, narrowing and search find for one-, two- and three-letter
    queries and whole words."""
    every_contact = contact_ids(db)
    found: dict[str, object] = {}
    for query in ("a", "m", "ş", "ā", "ก", "م", "an", "ann", "kar", "yil", "ab"):
        found[f"contacts {query}"] = contact_ids(db, ListFilter(text=query))
        found[f"accounts {query}"] = account_ids(db, ListFilter(text=query))
        found[f"narrow {query}"] = narrow_ids(db, "contact", query, every_contact)
        found[f"search {query}"] = [h.id for h in search(db, query)]
    return found


def test_the_index_of_one_letter_prefixes_is_made_on_upgrade_and_undone_on_downgrade(
    tmp_path: Path,
) -> None:
    db = open_database(tmp_path / "a.db")
    generate(db, accounts=40, seed=7)
    at_head = _table_sql(db)
    assert "prefix = '1 2 3'" in at_head
    documents, found = _documents(db), _found(db)
    assert len(documents) > 100
    assert found["contacts a"] and found["narrow a"] == found["contacts a"]

    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    assert schema_revision(db) == "0006"
    assert "prefix = '2 3'" in _table_sql(db) and "'1 2 3'" not in _table_sql(db)
    assert _documents(db) == documents
    assert _found(db) == found

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0007")
    assert schema_revision(db) == "0007"
    assert _table_sql(db) == at_head
    assert _documents(db) == documents
    assert _found(db) == found
    with db.engine.connect() as conn:  # FTS5's own check of the copied index
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES('integrity-check')"))
    db.close()

    upgraded = open_database(tmp_path / "a.db")  # opening migrates to the head again
    try:  # 0008 rebuilds the index from the records: the same documents, rowids aside
        assert schema_revision(upgraded) == SCHEMA_HEAD
        assert _table_sql(upgraded) == at_head
        assert sorted(d[1:] for d in _documents(upgraded)) == sorted(d[1:] for d in documents)
        again = _found(upgraded)
        assert {k: v for k, v in again.items() if not k.startswith("search")} == {
            k: v for k, v in found.items() if not k.startswith("search")
        }
    finally:
        upgraded.close()


def test_a_rebuilt_index_is_left_in_one_segment(tmp_path: Path) -> None:
    """Emptying the table and writing every document again leaves delete markers and many
    segments; the rebuild merges them, so merging again changes nothing."""
    from accountdesk.core.db.search import rebuild

    db = open_database(tmp_path / "a.db")
    try:
        generate(db, accounts=40, seed=3)
        # what the lists find (search's ties are in rowid order, which a rebuild renumbers)
        found = {k: v for k, v in _found(db).items() if not k.startswith("search")}

        def pages() -> int:
            with db.engine.connect() as conn:
                return int(conn.execute(text("SELECT count(*) FROM search_fts_data")).scalar_one())

        with db.transaction() as session:
            assert rebuild(session.connection()) == len(_documents(db))
        rebuilt = pages()
        with db.transaction() as session:
            session.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
        assert pages() == rebuilt
        assert {k: v for k, v in _found(db).items() if not k.startswith("search")} == found
    finally:
        db.close()
