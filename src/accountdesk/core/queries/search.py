"""Search as you type across accounts and contacts (see :mod:`accountdesk.core.db.search`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from accountdesk.core.db.engine import Database
from accountdesk.core.db.search import match_expression

_MATCH_SQL = text(
    "SELECT d.ref, d.kind FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid "
    "WHERE search_fts MATCH :q ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT :n"
)
_ACCOUNTS_SQL = (
    "SELECT a.id, a.name, a.country, a.city FROM accounts a "
    "WHERE a.id IN ({ids}) AND a.deleted_at IS NULL"
)
_CONTACTS_SQL = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, c.country, c.city, a.id, a.name "
    "FROM contacts c JOIN accounts a ON a.id = c.account_id "
    "WHERE c.id IN ({ids}) AND c.deleted_at IS NULL AND a.deleted_at IS NULL"
)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account" | "contact"
    id: str
    title: str
    subtitle: str
    country: str
    city: str | None
    account_id: str


def display_name(given: str, family: str, order: str) -> str:
    """A contact's name in their own order (family first for, say, Japanese or Hungarian)."""
    parts = [family, given] if order == "family_first" else [given, family]
    return " ".join(p for p in parts if p)


def search(db: Database, query: str, limit: int = 20) -> list[SearchHit]:
    """The best ``limit`` matches for ``query`` (every word a prefix), best first."""
    expression = match_expression(query)
    if expression is None:
        return []
    with db.engine.connect() as conn:
        ranked = conn.execute(_MATCH_SQL, {"q": expression, "n": limit}).all()
        if not ranked:
            return []
        hits: dict[str, SearchHit] = {}
        account_ids = [ref for ref, kind in ranked if kind == "account"]
        contact_ids = [ref for ref, kind in ranked if kind == "contact"]
        raw = conn.connection.driver_connection
        assert raw is not None
        if account_ids:
            sql = _ACCOUNTS_SQL.format(ids=",".join("?" * len(account_ids)))
            for id_, name, country, city in raw.execute(sql, account_ids):
                subtitle = ", ".join(p for p in (city, country) if p)
                hits[id_] = SearchHit("account", id_, name, subtitle, country, city, id_)
        if contact_ids:
            sql = _CONTACTS_SQL.format(ids=",".join("?" * len(contact_ids)))
            for row in raw.execute(sql, contact_ids):
                id_, given, family, order, country, city, account_id, account_name = row
                hits[id_] = SearchHit(
                    "contact",
                    id_,
                    display_name(given, family, order),
                    account_name,
                    country,
                    city,
                    account_id,
                )
        conn.rollback()
    return [hits[ref] for ref, _kind in ranked if ref in hits]
