"""search: Thai marks typed in another order find each other

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 10:00:00

Search folding (``accountdesk.core.db.fts.fold``) writes the marks above and below a Thai
letter in the order Thai stores them, whatever order they were typed in: "ที่ดี" typed with
its tone mark before its vowel, "สมศักดิ์" with ◌์ before ◌ิ, and "น้ำ" typed ◌ํ + ◌้ + ◌า look
the same and are one word for search and for the duplicate finder. The index held a name as
its marks were typed. The tables are the same; the index is rebuilt from the records
(``accountdesk.core.db.search.rebuild``) on SQLite and on PostgreSQL, each document keeping
its rowid. Running it again rebuilds the same index.

Downgrading keeps the index as it is: the older app finds a name whose marks were typed in
the usual order as before, and indexes the records it writes as it always did.
"""

from collections.abc import Sequence

from alembic import op

from accountdesk.core.db.search import rebuild

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild(op.get_bind())


def downgrade() -> None:
    pass
