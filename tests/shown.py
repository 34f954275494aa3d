"""How many accounts and contacts the app shows (neither they nor their account in the trash,
the rule of :mod:`accountdesk.core.queries.visible`): what tests compare after a write, an
undo or a restore."""

from __future__ import annotations

from sqlalchemy import text

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.visible import CONTACT_SHOWN_SQL


def count_live(db: Database) -> tuple[int, int]:
    """(accounts, contacts) shown."""
    with db.engine.connect() as conn:
        accounts = conn.execute(
            text("SELECT count(*) FROM accounts WHERE deleted_at IS NULL")
        ).scalar_one()
        contacts = conn.execute(
            text(
                "SELECT count(*) FROM contacts c JOIN accounts a ON a.id = c.account_id "
                f"WHERE {CONTACT_SHOWN_SQL}"
            )
        ).scalar_one()
        conn.rollback()
    return int(accounts), int(contacts)
