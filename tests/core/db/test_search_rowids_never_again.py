"""Migration 0010: on SQLite ``search_docs`` numbers its documents above every rowid it ever
held (AUTOINCREMENT), so a list narrowed by its records' documents' rowids never finds a
record by another's document. The documents, their rowids and what the queries find stay the
same, up and down."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from accountdesk.core.db.engine import Database, open_database, schema_revision
from accountdesk.core.db.migrations import alembic_config
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.demo import generate
from accountdesk.core.queries.lists import ListFilter, contact_ids, narrow_ids
from accountdesk.core.queries.search import search

pytestmark = pytest.mark.sqlite_only


def _table_sql(db: Database) -> str:
    with db.engine.connect() as conn:
        sql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_docs'"
        return str(conn.execute(text(sql)).scalar_one())


def _documents(db: Database) -> list[tuple[int, str, str]]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT rowid, ref, kind FROM search_docs ORDER BY rowid"))
        return [(int(n), ref, kind) for n, ref, kind in rows]


def _found(db: Database) -> dict[str, list[str]]:
    everyone = contact_ids(db)
    found: dict[str, list[str]] = {}
    for query in ("a", "yil", "ana", "ก", "م"):
        found[f"contacts {query}"] = contact_ids(db, ListFilter(text=query))
        found[f"narrow {query}"] = narrow_ids(db, "contact", query, everyone)
        found[f"search {query}"] = [h.id for h in search(db, query)]
    return found


def test_the_documents_table_numbers_above_every_rowid_up_and_not_down(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    generate(db, accounts=30, seed=4)
    assert schema_revision(db) == SCHEMA_HEAD
    at_head = _table_sql(db)
    assert "AUTOINCREMENT" in at_head
    documents, found = _documents(db), _found(db)
    assert len(documents) > 100 and found["narrow a"] == found["contacts a"]

    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009")
    assert "AUTOINCREMENT" not in _table_sql(db)
    assert _documents(db) == documents
    assert _found(db) == found
    # as before: the newest document taken out, its rowid is the next one's
    top, ref, _kind = documents[-1]
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_docs WHERE rowid = :n"), {"n": top})
        conn.execute(text("INSERT INTO search_docs(ref, kind) VALUES ('x', 'contact')"))
        assert conn.execute(text("SELECT rowid FROM search_docs WHERE ref = 'x'")).scalar() == top
        conn.execute(text("DELETE FROM search_docs WHERE ref = 'x'"))
        conn.execute(
            text("INSERT INTO search_docs(rowid, ref, kind) VALUES (:n, :r, :k)"),
            {"n": top, "r": ref, "k": documents[-1][2]},
        )

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0010")
    assert _table_sql(db) == at_head
    assert _documents(db) == documents
    assert _found(db) == found
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_docs WHERE rowid = :n"), {"n": top})
        conn.execute(text("INSERT INTO search_docs(ref, kind) VALUES ('x', 'contact')"))
        assert conn.execute(text("SELECT rowid FROM search_docs WHERE ref = 'x'")).scalar() > top
        conn.rollback()
