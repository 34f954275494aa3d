"""A full rebuild of the search index (migrations, ``server reindex``, a JSON restore) makes
and writes the documents a chunk at a time, so that its memory does not grow with the data,
and gives the index one pass over every record gave."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text
from test_search_names import _index as _by_ref

from accountdesk.core.db import search as search_index
from accountdesk.core.db.engine import Database
from accountdesk.core.demo import generate
from accountdesk.core.queries.search import search
from accountdesk.core.services import trash


def _index(db: Database) -> list[tuple[str, str, frozenset[str], frozenset[str]]]:
    """The documents in the order they were written: ref, kind, name keys, every word (each
    document as test_search_names reads it)."""
    found = _by_ref(db)
    with db.engine.connect() as conn:
        order = [ref for (ref,) in conn.execute(text("SELECT ref FROM search_docs ORDER BY rowid"))]
        conn.rollback()
    return [(ref, *found[ref]) for ref in order]


def _rebuild(db: Database) -> int:
    with db.transaction() as session:
        return search_index.rebuild(session.connection())


@pytest.fixture
def collecting() -> Iterator[None]:
    """The cyclic collector on for the test, as it was after: a GUI test earlier in the same
    process leaves it off (the app collects on a timer of the GUI thread)."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_rebuild_in_chunks_gives_the_index_of_one_pass(
    db: Database, monkeypatch: pytest.MonkeyPatch, collecting: None
) -> None:
    generate(db, accounts=9, seed=3, anchor=date(2026, 11, 23))
    with db.reader() as session:
        conn = session.connection()
        contact = conn.execute(text("SELECT id FROM contacts ORDER BY id LIMIT 1")).scalar_one()
        account = conn.execute(text("SELECT id FROM accounts ORDER BY id DESC")).scalars().first()
    trash.delete(db, "contact", contact)
    trash.delete(db, "account", account)
    monkeypatch.setattr(search_index, "REBUILD_CHUNK", 10**6)
    whole = _rebuild(db)
    in_one_pass = _index(db)

    written: list[int] = []
    index_documents = search_index.index_documents

    def counted(conn: object, docs: list[search_index.Document], **kw: bool) -> None:
        written.append(len(docs))
        index_documents(conn, docs, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index, "REBUILD_CHUNK", 4)
    monkeypatch.setattr(search_index, "index_documents", counted)
    assert _rebuild(db) == whole == sum(written)
    assert max(written) <= 4 and len(written) >= whole / 4 > 2
    assert _index(db) == in_one_pass
    assert gc.isenabled()  # paused while the documents were written, and back on
    refs = {ref for ref, _kind, _keys, _words in in_one_pass}
    assert contact not in refs and account not in refs
    some = in_one_pass[len(in_one_pass) // 2]
    assert some[0] in {hit.id for hit in search(db, min(some[2], key=len))}
