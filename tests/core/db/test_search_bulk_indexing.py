"""A write of many documents (an import, a rebuild) lets SQLite's FTS5 hold more new words in
memory before it writes them out (``search.bulk_indexing``): fewer, larger segments to merge.
The setting is stored in the index itself, so it must be FTS5's default again afterwards, and
rolled back with a write that fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from accountdesk.core.db import search
from accountdesk.core.db.engine import open_database


def _hash_bytes(conn: Connection) -> int | None:
    found = conn.execute(text("SELECT v FROM search_fts_config WHERE k = 'hashsize'")).scalar()
    return None if found is None else int(found)


def test_the_index_holds_more_words_inside_the_block_and_its_default_after(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.db")
    with db.transaction() as session:
        conn = session.connection()
        with search.bulk_indexing(conn):
            assert _hash_bytes(conn) == search.BULK_HASH_BYTES
            search.index_documents(conn, [search.Document("a1", "account", "riga timber", "")])
    with db.reader() as session:
        assert _hash_bytes(session.connection()) == search.FTS5_HASH_BYTES == 1 << 20


def test_a_failed_write_rolls_the_setting_back(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.db")
    with db.reader() as session:
        before = _hash_bytes(session.connection())
    with (
        pytest.raises(RuntimeError),
        db.transaction() as session,
        search.bulk_indexing(session.connection()),
    ):
        raise RuntimeError("the import failed")
    with db.reader() as session:
        assert _hash_bytes(session.connection()) == before
