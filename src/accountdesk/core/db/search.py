"""Full-text search over accounts and contacts (SQLite FTS5).

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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from accountdesk.core.db.fts import fold, match_expression, title_keys

__all__ = ["Document", "fold", "index_documents", "match_expression", "rebuild", "remove_documents"]


@dataclass(frozen=True)
class Document:
    ref: str  # the account's or contact's id
    kind: str  # "account" | "contact"
    title: str
    body: str


def _joined(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p)


def account_document(
    *,
    id: str,
    name: str,
    city: str | None = None,
    website: str | None = None,
    industry: str | None = None,
    tags: Iterable[str] = (),
    notes: str | None = None,
) -> Document:
    return Document(id, "account", fold(name), fold(_joined(city, website, industry, *tags, notes)))


def contact_document(
    *,
    id: str,
    given_name: str,
    family_name: str,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    city: str | None = None,
    job_title: str | None = None,
    tags: Iterable[str] = (),
    notes: str | None = None,
) -> Document:
    phone_digits = [p.lstrip("+") for p in phones]
    return Document(
        id,
        "contact",
        fold(_joined(given_name, family_name)),
        fold(_joined(*emails, *phones, *phone_digits, city, job_title, *tags, notes)),
    )


def remove_documents(conn: Connection, refs: Sequence[str]) -> None:
    if not refs:
        return
    for ref in refs:
        rowid = conn.execute(text("SELECT rowid FROM search_docs WHERE ref = :r"), {"r": ref})
        found = rowid.scalar()
        if found is not None:
            conn.execute(text("DELETE FROM search_fts WHERE rowid = :i"), {"i": found})
            conn.execute(text("DELETE FROM search_keys WHERE rowid = :i"), {"i": found})
            conn.execute(text("DELETE FROM search_docs WHERE rowid = :i"), {"i": found})


def index_documents(conn: Connection, docs: Sequence[Document], *, fresh: bool = False) -> None:
    """Add or replace ``docs`` in the index. ``fresh``: the refs are known to be new."""
    if not docs:
        return
    if not fresh:
        remove_documents(conn, [d.ref for d in docs])
    raw = conn.connection.driver_connection
    assert raw is not None
    start = raw.execute("SELECT coalesce(max(rowid), 0) FROM search_docs").fetchone()[0]
    raw.executemany(
        "INSERT INTO search_docs(rowid, ref, kind) VALUES (?, ?, ?)",
        [(start + i + 1, d.ref, d.kind) for i, d in enumerate(docs)],
    )
    raw.executemany(
        "INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)",
        [(start + i + 1, d.title, d.body) for i, d in enumerate(docs)],
    )
    raw.executemany(
        "INSERT INTO search_keys(rowid, key) VALUES (?, ?)",
        [(start + i + 1, key) for i, d in enumerate(docs) for key in title_keys(d.title)],
    )


# --- keeping the index in step with ORM writes -------------------------------------------


def _document_for(obj: Any) -> Document | None:
    from accountdesk.core.db.models import Account, Contact

    if isinstance(obj, Account):
        if obj.deleted_at is not None:
            return None
        return account_document(
            id=obj.id,
            name=obj.name,
            city=obj.city,
            website=obj.website,
            industry=obj.industry,
            tags=[t.name for t in obj.tags],
            notes=obj.notes,
        )
    if isinstance(obj, Contact):
        if obj.deleted_at is not None:
            return None
        return contact_document(
            id=obj.id,
            given_name=obj.given_name,
            family_name=obj.family_name,
            emails=[e["value"] for e in obj.emails or []],
            phones=[p["value"] for p in obj.phones or []],
            city=obj.city,
            job_title=obj.job_title,
            tags=[t.name for t in obj.tags],
            notes=obj.personal_notes,
        )
    return None


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    from accountdesk.core.db.models import Account, Contact

    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, Account | Contact)]
    gone = [o.id for o in session.deleted if isinstance(o, Account | Contact)]
    if not changed and not gone:
        return
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    remove_documents(conn, gone + [o.id for o in changed])
    docs = [d for d in (_document_for(o) for o in changed) if d is not None]
    index_documents(conn, docs, fresh=True)


_installed = False


def install_index_hooks() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        _installed = True


def rebuild(conn: Connection) -> int:
    """Rebuild the whole index from the tables; returns the number of documents."""
    from accountdesk.core.db.models import Account, Contact, table

    conn.execute(text("DELETE FROM search_fts"))
    conn.execute(text("DELETE FROM search_keys"))
    conn.execute(text("DELETE FROM search_docs"))
    tags_of: dict[str, list[str]] = {}
    for ref, name in conn.execute(
        text(
            "SELECT at.account_id, t.name FROM account_tags at JOIN tags t ON t.id = at.tag_id "
            "UNION ALL SELECT ct.contact_id, t.name FROM contact_tags ct "
            "JOIN tags t ON t.id = ct.tag_id"
        )
    ):
        tags_of.setdefault(ref, []).append(name)
    docs: list[Document] = []
    acc = table(Account)
    for row in conn.execute(acc.select().where(acc.c.deleted_at.is_(None))):
        docs.append(
            account_document(
                id=row.id,
                name=row.name,
                city=row.city,
                website=row.website,
                industry=row.industry,
                tags=tags_of.get(row.id, ()),
                notes=row.notes,
            )
        )
    con = table(Contact)
    for row in conn.execute(con.select().where(con.c.deleted_at.is_(None))):
        docs.append(
            contact_document(
                id=row.id,
                given_name=row.given_name,
                family_name=row.family_name,
                emails=[e["value"] for e in row.emails or []],
                phones=[p["value"] for p in row.phones or []],
                city=row.city,
                job_title=row.job_title,
                tags=tags_of.get(row.id, ()),
                notes=row.personal_notes,
            )
        )
    index_documents(conn, docs, fresh=True)
    return len(docs)
