"""search: legal forms written with dots or without find each other, and are no name keys

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 10:00:00

Search folding (``accountdesk.core.db.fts.fold``) writes single letters with dots between
them as one word without the dots ("A.Ş." is "as", "S.A. de C.V." "sa de cv", "d.o.o." "doo"),
so "AS" finds "A.S." and "A.Ş.", and "SA de CV" finds "S.A. de C.V.", and the other way
round; the index held such a name as letters of their own ("a", "s"). And a legal form
(``accountdesk.core.db.fts.LEGAL_FORMS``: SIA, AS, A.Ş., GmbH, 株式会社 …) is no longer a key of
an account's name in ``search_keys``, nor is the name written together with it
("siadzintars"): one letter typed listed the accounts whose legal form starts with it before
any name that does (``fts.account_title``, ``fts.title_keys``). The tables are the same;
the index is rebuilt from the records (``accountdesk.core.db.search.rebuild``) on SQLite and
on PostgreSQL, each document keeping its rowid. Running it again rebuilds the same index.

Downgrading keeps the index as it is: the older app finds the words it holds by their
dotless form only, and indexes the records it writes as it always did.
"""

from collections.abc import Sequence

from alembic import op

from accountdesk.core.db.search import rebuild

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild(op.get_bind())


def downgrade() -> None:
    pass
