"""search: a document's rowid is never given to another document

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 16:20:00

The contact and account lists narrow a list read earlier by the rowids of its records' search
documents (``accountdesk.core.queries.lists.narrow_ids``), so a rowid must name one record's
document for good. A record's document keeps its rowid when it is written again, and
PostgreSQL draws new rowids from a sequence; but SQLite gave a new document the highest rowid
plus one, which is the rowid of the newest document when that one was just taken out (its
record put in the trash): a list read before would then have found the trashed record by the
new document's words. ``search_docs`` becomes an AUTOINCREMENT table on SQLite: SQLite keeps
the highest rowid it ever held in ``sqlite_sequence``, and new documents are numbered above it
(``accountdesk.core.db.search.index_documents``). The rows are copied over with their rowids:
about three seconds at 400,000 documents. Nothing changes on PostgreSQL.

Downgrading makes the table again as 0001 made it.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Keep in step with accountdesk.core.db.fts.SEARCH_DDL (a test compares them); written out
# here because a migration must stay what it was when the module changes.
_TABLE = (
    "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY{autoincrement}, ref TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL)"
)
SEARCH_DOCS_DDL = (_TABLE.format(autoincrement=" AUTOINCREMENT"),)


def _make_again(autoincrement: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_docs RENAME TO search_docs_old")
    op.execute(_TABLE.format(autoincrement=autoincrement))
    op.execute(
        "INSERT INTO search_docs(rowid, ref, kind) SELECT rowid, ref, kind FROM search_docs_old"
    )
    op.execute("DROP TABLE search_docs_old")


def upgrade() -> None:
    _make_again(" AUTOINCREMENT")


def downgrade() -> None:
    _make_again("")
