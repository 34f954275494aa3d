"""search: phones by their national number, names as they are typed without their letters

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 14:40:00

The index held a phone number as its E.164 digits only (905321234567), so a number typed as
people write it at home (0532 123 45 67, 532 1234567) found nothing; it now also holds the
national number with and without the trunk prefix 0 (``accountdesk.core.db.documents.phone_words``),
and a query written as a phone number is searched as its digits. A name is also indexed as it
is typed on a keyboard without its letters (``fts.spellings``: Schaefer for Schäfer, the
parts of a Persian compound, a word inside a Thai, Chinese or Japanese run: 山田 in
株式会社山田製作所, the words of a part written together: "alfalasi" for Al Falasi), and
digits of every script fold to 0-9; a zero-width non-joiner folds to nothing, so a Persian
compound is found typed with it or without, in names and notes. A contact's "how we met"
is searched as their notes are. The tables are the same; the index is rebuilt from the
records (``accountdesk.core.db.search.rebuild``) on SQLite and on PostgreSQL.

Downgrading keeps the index as it is: the extra words do no harm to the older app, which
indexes the records it writes as it always did.
"""

from collections.abc import Sequence

from alembic import op

from accountdesk.core.db.search import rebuild

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild(op.get_bind())


def downgrade() -> None:
    pass
