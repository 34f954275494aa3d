"""search: names shown joined (李磊, 박서연, 山田太郎) are found as shown

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 04:00:00

A contact whose name is shown without a space between family and given name (Chinese
characters, kana or Hangul) was indexed under its parts only (李, 磊), so the name typed as
shown (李磊) found nothing. The index now also holds the joined name as a word of its own
(``accountdesk.core.db.fts.name_title``); the tables are the same, and the index is rebuilt
from the records (``accountdesk.core.db.search.rebuild``) on SQLite and on PostgreSQL.

Downgrading keeps the index as it is: the extra words do no harm to the older app, which
indexes the records it writes as it always did.
"""

from collections.abc import Sequence

from alembic import op

from accountdesk.core.db.search import rebuild

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild(op.get_bind())


def downgrade() -> None:
    pass
