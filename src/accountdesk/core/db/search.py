"""Full-text search over accounts and contacts (SQLite FTS5, or a PostgreSQL ``tsvector``).

Text is *folded* in Python before it is indexed and before it is searched, the same way on both
sides: case-folded, Latin/Greek/Cyrillic accents removed, a few letters that are not accented
forms mapped by hand (Turkish ı, ø, ł, đ, æ …), Arabic-script variants unified (Arabic yeh and
kaf to the Persian forms, no tatweel or short-vowel marks). So "yilmaz" finds "Yılmaz",
"zagar" finds "Žagar", and Thai and Persian names are found as typed. Thai and Arabic-script
marks stay inside tokens (the tokenizer counts Mn/Mc as token characters).

Folding and the search statements themselves live in :mod:`accountdesk.core.db.fts`, which
does not need SQLAlchemy (so that the command line's ``search`` starts quickly).

The index is kept in step with every write: ORM flushes are caught by a session hook
(:func:`install_index_hooks`), and bulk writers (import, demo) call :func:`index_documents`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, event, literal_column, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from accountdesk.core.db.documents import (
    ACCOUNT_COLUMNS,
    CONTACT_COLUMNS,
    Document,
    account_document,
    contact_document,
    national_number,
    phone_words,
)
from accountdesk.core.db.fts import fold, match_expression, title_keys, tsvector_literal
from accountdesk.core.db.portable import is_postgres, statement

__all__ = [
    "Document",
    "account_document",
    "contact_document",
    "fold",
    "index_documents",
    "match_expression",
    "national_number",
    "phone_words",
    "rebuild",
    "remove_documents",
]


def _columns(obj: Any) -> dict[str, Any]:
    return {column.key: getattr(obj, column.key) for column in obj.__table__.columns}


def remove_documents(conn: Connection, refs: Sequence[str]) -> dict[str, int]:
    """Take the documents of ``refs`` out of the index; the rowid each had, by ref (for
    :func:`index_documents` to give its new document)."""
    removed: dict[str, int] = {}
    wanted = list(dict.fromkeys(refs))
    for start in range(0, len(wanted), 500):
        found = conn.execute(
            text("SELECT ref, rowid FROM search_docs WHERE ref IN :r").bindparams(
                bindparam("r", expanding=True)
            ),
            {"r": wanted[start : start + 500]},
        )
        removed.update((str(ref), int(rowid)) for ref, rowid in found)
    if removed:
        # a statement a document (many executed at once): a team server refuses a statement
        # that deletes more than a few documents (the guard against emptying the index), and
        # FTS5 finds a row to delete by its rowid, not among a list of them
        rows = [{"i": rowid} for rowid in removed.values()]
        for table in ("search_fts", "search_keys", "search_docs"):
            conn.execute(text(f"DELETE FROM {table} WHERE rowid = :i"), rows)
    return removed


#: The highest rowid a document has or had in SQLite's ``search_docs`` (AUTOINCREMENT keeps it
#: in ``sqlite_sequence``, also for rowids given explicitly).
_SQLITE_TOP = (
    "SELECT max(coalesce((SELECT max(rowid) FROM search_docs), 0),"
    " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'search_docs'), 0))"
)


def index_documents(
    conn: Connection,
    docs: Sequence[Document],
    *,
    fresh: bool = False,
    rowids: Mapping[str, int] | None = None,
) -> None:
    """Add or replace ``docs`` in the index. ``fresh``: the refs have no document now (new, or
    removed by the caller, whose :func:`remove_documents` gave their ``rowids``).

    A record's document keeps its rowid when it is written again (with ``fresh``, the one in
    ``rowids``): a list narrowed by the rowids of its records' documents
    (:func:`accountdesk.core.queries.lists.document_rowids`) stays right while they are
    edited, here or by anyone else on a team server. A new document's rowid is above every
    rowid a document ever had, and every rowid in ``rowids``, which may hold those of
    documents not written yet (a rebuild)."""
    if not docs:
        return
    if not fresh:
        rowids = remove_documents(conn, [d.ref for d in docs])
    known = rowids or {}
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    new = sum(d.ref not in known for d in docs) if known else len(docs)
    fresh_rowids: Sequence[int] = ()
    if is_postgres(raw):
        if new:
            # a sequence: several people may add documents at once
            cursor.execute(
                "SELECT nextval('search_docs_rowid_seq') FROM generate_series(1, %s)", (new,)
            )
            fresh_rowids = [r[0] for r in cursor.fetchall()]
        fts_sql = "INSERT INTO search_fts(rowid, words) VALUES (%s, %s::tsvector)"
    else:
        if new:
            # above every rowid a document ever had (migration 0010): none names another's
            top = cursor.execute(_SQLITE_TOP).fetchone()[0]
            start = max(top, max(known.values(), default=0)) + 1
            fresh_rowids = range(start, start + new)
        fts_sql = "INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)"
    if new == len(docs):
        numbers: Sequence[int] = fresh_rowids
    else:
        given = iter(fresh_rowids)
        numbers = [known[d.ref] if d.ref in known else next(given) for d in docs]
    cursor.executemany(
        statement(raw, "INSERT INTO search_docs(rowid, ref, kind) VALUES (?, ?, ?)"),
        [(n, d.ref, d.kind) for n, d in zip(numbers, docs, strict=True)],
    )
    if is_postgres(raw):
        fts_rows: list[tuple[Any, ...]] = [
            (n, tsvector_literal(d.title, d.body)) for n, d in zip(numbers, docs, strict=True)
        ]
    else:
        fts_rows = [(n, d.title, d.body) for n, d in zip(numbers, docs, strict=True)]
    cursor.executemany(fts_sql, fts_rows)
    cursor.executemany(
        statement(raw, "INSERT INTO search_keys(rowid, key) VALUES (?, ?)"),
        [
            (n, key)
            for n, d in zip(numbers, docs, strict=True)
            for key in title_keys(d.title, d.kind)
        ],
    )
    cursor.close()


#: How many bytes of new words SQLite's FTS5 holds in memory before it writes them out as a
#: segment of the index (its ``hashsize``), inside :func:`bulk_indexing`, and FTS5's own
#: default. Fewer, larger segments are less merging: indexing the documents of an import of
#: 300,000 contacts took 4.6 s at the default, 2.4 s at 32 MB.
BULK_HASH_BYTES = 32 << 20
FTS5_HASH_BYTES = 1 << 20


#: Documents indexed since FTS5 last wrote out its words, from which a writer that would wait
#: for its next rows has it write them now (:func:`write_pending`).
IDLE_WRITE_DOCUMENTS = 8000


def write_pending(conn: Connection) -> None:
    """Have FTS5 write out now the words it holds in memory (up to :data:`BULK_HASH_BYTES`
    inside :func:`bulk_indexing`), which it would write at the commit: for a writer that
    would otherwise wait. FTS5 writes them at every savepoint. On SQLite; elsewhere nothing."""
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("SAVEPOINT write_pending")
    raw.execute("RELEASE write_pending")


@contextlib.contextmanager
def bulk_indexing(conn: Connection) -> Iterator[None]:
    """For a write of many documents in the caller's transaction (an import, a rebuild): on
    SQLite, FTS5 holds up to :data:`BULK_HASH_BYTES` of new words in memory, and its default
    again when the block ends without an error (after an error the transaction rolls the
    setting back with the rest). Elsewhere nothing changes."""
    if conn.dialect.name != "sqlite":
        yield
        return
    setting = "INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', :bytes)"
    conn.execute(text(setting), {"bytes": BULK_HASH_BYTES})
    yield
    conn.execute(text(setting), {"bytes": FTS5_HASH_BYTES})


# --- keeping the index in step with ORM writes -------------------------------------------


def _document_for(obj: Any) -> Document | None:
    from accountdesk.core.db.models import Account, Contact

    if not isinstance(obj, Account | Contact) or obj.deleted_at is not None:
        return None
    make = account_document if isinstance(obj, Account) else contact_document
    return make(_columns(obj), [t.name for t in obj.tags])


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    from accountdesk.core.db.models import Account, Contact

    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, Account | Contact)]
    gone = [o.id for o in session.deleted if isinstance(o, Account | Contact)]
    if not changed and not gone:
        return
    conn = session.connection()
    removed = remove_documents(conn, gone + [o.id for o in changed])
    docs = [d for d in (_document_for(o) for o in changed) if d is not None]
    index_documents(conn, docs, fresh=True, rowids=removed)


_installed = False


def install_index_hooks() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        _installed = True


#: Records whose documents :func:`rebuild` makes and writes at a time: what it holds in
#: memory does not grow with the data (every document at once took about 600 MB at 300,000
#: contacts).
REBUILD_CHUNK = 5000


def _sources() -> tuple[tuple[Any, Any, tuple[str, ...], Any, str], ...]:
    """Each kind of record with a document: (model, how its document is made, its columns,
    the table of its tags and that table's column of the record)."""
    from accountdesk.core.db.models import Account, Contact, account_tags, contact_tags

    return (
        (Account, account_document, ACCOUNT_COLUMNS, account_tags, "account_id"),
        (Contact, contact_document, CONTACT_COLUMNS, contact_tags, "contact_id"),
    )


def _tags_of(
    conn: Connection, ids: Sequence[str] | None, link: Any, key: str
) -> dict[str, list[str]]:
    """The names of the tags (in ``link``) of the records ``ids`` (every record's: None)."""
    from accountdesk.core.db.models import Tag, table

    tags = table(Tag)
    found: dict[str, list[str]] = {}
    named = select(link.c[key], tags.c.name).join(tags, tags.c.id == link.c.tag_id)
    if ids is not None:
        named = named.where(link.c[key].in_(ids))
        if conn.dialect.name == "sqlite":
            # in the order they were given, as the writers index them and a scan of the whole
            # table reads them (the index this lookup uses has them by tag id)
            named = named.order_by(literal_column(f"{link.name}.rowid"))
    for ref, name in conn.execute(named):
        found.setdefault(ref, []).append(name)
    return found


def _live(model: Any, names: tuple[str, ...]) -> Any:
    """The statement of the columns ``names`` of the records of ``model`` not in the trash."""
    from accountdesk.core.db.models import table

    source = table(model)
    return select(*(source.c[n] for n in names)).where(source.c.deleted_at.is_(None))


def stored_documents(conn: Connection, ids: Sequence[str] | None = None) -> list[Document]:
    """The documents of the accounts and contacts as the tables hold them: every record's, or
    those of ``ids`` only (records in the trash have none).

    Only the columns the documents are made of are read (:data:`ACCOUNT_COLUMNS`,
    :data:`CONTACT_COLUMNS`), so a migration may rebuild the index (0006) on a schema that
    does not have a later migration's columns yet."""
    from accountdesk.core.db.models import table

    chunks: list[Sequence[str] | None] = (
        [None] if ids is None else [ids[i : i + 900] for i in range(0, len(ids), 900)]
    )
    docs: list[Document] = []
    for chunk in chunks:
        tags_of: dict[str, list[str]] = {}
        for _model, _make, _names, link, key in _sources():
            tags_of.update(_tags_of(conn, chunk, link, key))
        for model, make, names, _link, _key in _sources():
            wanted = _live(model, names)
            if chunk is not None:
                wanted = wanted.where(table(model).c.id.in_(chunk))
            for row in conn.execute(wanted):
                docs.append(make(dict(row._mapping), tags_of.get(row.id, ())))
    return docs


def rebuild(conn: Connection) -> int:
    """Rebuild the whole index from the tables (the documents :func:`stored_documents`
    makes, in the same order), :data:`REBUILD_CHUNK` records at a time; returns the number
    of documents."""
    from accountdesk.core.db.collection import chunk_done, collection_paused

    # each record's document keeps its rowid (:func:`index_documents`)
    rowids = {ref: int(n) for ref, n in conn.execute(text("SELECT ref, rowid FROM search_docs"))}
    conn.execute(text("DELETE FROM search_fts"))
    conn.execute(text("DELETE FROM search_keys"))
    conn.execute(text("DELETE FROM search_docs"))
    count = 0
    with collection_paused(), bulk_indexing(conn):
        for model, make, names, link, key in _sources():
            # read as it is written (a server-side cursor on PostgreSQL), a chunk at a time
            rows = conn.execute(_live(model, names).execution_options(yield_per=REBUILD_CHUNK))
            for chunk in rows.partitions():
                tags_of: dict[str, list[str]] = {}
                ids = [row.id for row in chunk]
                for start in range(0, len(ids), 900):
                    tags_of.update(_tags_of(conn, ids[start : start + 900], link, key))
                docs = [make(dict(row._mapping), tags_of.get(row.id, ())) for row in chunk]
                index_documents(conn, docs, fresh=True, rowids=rowids)
                count += len(docs)
                chunk_done()
    if conn.dialect.name == "sqlite":
        # Emptying an FTS5 table writes a delete marker for every word it held, beside the
        # words, and the documents then arrive in many small segments: merged into one, a
        # prefix query reads one list instead of dozens (45 ms against 18 for a first letter
        # at 300,000 contacts).
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
    return count
