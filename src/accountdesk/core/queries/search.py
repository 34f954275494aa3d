"""Search as you type across accounts and contacts (see :mod:`accountdesk.core.db.fts`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accountdesk.core.db.fts import Connection, display_name, search_rows

if TYPE_CHECKING:
    from accountdesk.core.db.engine import Database

__all__ = ["SearchHit", "display_name", "search", "search_connection"]


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account" | "contact"
    id: str
    title: str
    subtitle: str  # the account's name for a contact; city and country for an account
    country: str
    city: str | None
    account_id: str

    @property
    def place(self) -> str:
        """What a line of results shows beside the title: a contact's account, an account's
        city and country as the language writes them ("تبریز، ایران", "เชียงใหม่ ไทย",
        "Riga, Latvia": :func:`~accountdesk.core.i18n.join_list`, the country's name in the
        current language), not :attr:`subtitle`'s "Tabriz, IR"."""
        from accountdesk.core.i18n import country_name, join_list

        if self.kind == "contact":
            return self.subtitle
        return join_list((self.city or "", country_name(self.country) if self.country else ""))


def search_connection(
    conn: Connection, query: str, limit: int = 20, *, account_people: bool = True
) -> list[SearchHit]:
    """Search on a DB-API connection: sqlite3 (the command line's fast lane) or the engine's
    own (sqlcipher3 for an encrypted database, psycopg for a team server)."""
    rows = search_rows(conn, query, limit, account_people=account_people)
    return [SearchHit(*row) for row in rows]


def search(
    db: Database, query: str, limit: int = 20, *, account_people: bool = True
) -> list[SearchHit]:
    """The best ``limit`` matches for ``query`` (every word a prefix; a number of fewer than
    :data:`~accountdesk.core.db.fts.PHONE_DIGITS` digits the start of a name's word, or
    whole), best first; then, while there is room, the people of the accounts it names,
    unless ``account_people`` is False (:func:`~accountdesk.core.db.fts.search_rows`)."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection  # sqlite3, sqlcipher3 or psycopg
        assert raw is not None
        try:
            return search_connection(raw, query, limit, account_people=account_people)
        finally:
            conn.rollback()
