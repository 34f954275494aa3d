"""team server: users, who changed a record, record versions, search on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 01:00:00

- ``users``: the members of a team on a shared server (login = their PostgreSQL role, name,
  e-mail, role: rep or manager).
- Every record gets ``updated_by`` (the login that last wrote it; on PostgreSQL a trigger sets
  it to ``current_user`` on every insert and update, so no client can leave it out or forge
  it) and ``version`` (raised by every update made through the app; a save made from an older
  version is refused instead of overwriting what someone else saved).
- ``settings.key`` grows to 160 characters: on a server a person's own settings are kept
  under "<login>/<name>".
- On PostgreSQL, the search index's tables (SQLite has had its own since 0001): the same
  documents and name keys, with a ``tsvector`` of the folded words under a GIN index in place
  of the FTS5 table (see ``accountdesk.core.db.fts``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    "accounts",
    "contacts",
    "interactions",
    "follow_ups",
    "deals",
    "survey_responses",
    "gifts",
    "notes",
    "country_notes",
)

# Keep in step with accountdesk.core.db.fts.PG_SEARCH_DDL (a test compares them); written out
# here so that this migration stays what it was when the module changes.
PG_SEARCH_DDL = (
    "CREATE TABLE search_docs (rowid BIGINT PRIMARY KEY, ref TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL)",
    "CREATE SEQUENCE search_docs_rowid_seq OWNED BY search_docs.rowid",
    "CREATE TABLE search_fts (rowid BIGINT PRIMARY KEY, words TSVECTOR NOT NULL)",
    "CREATE INDEX ix_search_fts_words ON search_fts USING gin (words)",
    'CREATE TABLE search_keys (rowid BIGINT NOT NULL, key TEXT COLLATE "C" NOT NULL)',
    "CREATE INDEX ix_search_keys_key ON search_keys (key, rowid)",
    "CREATE INDEX ix_search_keys_rowid ON search_keys (rowid)",
)

STAMP_FUNCTION = """
CREATE FUNCTION accountdesk_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=63), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("login", name=op.f("uq_users_login")),
    )
    with op.batch_alter_table("settings") as batch:
        batch.alter_column("key", existing_type=sa.String(length=80), type_=sa.String(length=160))
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("updated_by", sa.String(length=63), nullable=True))
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_SEARCH_DDL:
            op.execute(statement)
        op.execute(STAMP_FUNCTION)
        for table in (*RECORD_TABLES, "users"):
            op.execute(
                f"CREATE TRIGGER stamp_{table} BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION accountdesk_stamp()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in (*RECORD_TABLES, "users"):
            op.execute(f"DROP TRIGGER stamp_{table} ON {table}")
        op.execute("DROP FUNCTION accountdesk_stamp()")
        for name in ("search_keys", "search_fts", "search_docs"):
            op.execute(f"DROP TABLE {name}")
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
            batch.drop_column("updated_by")
    with op.batch_alter_table("settings") as batch:
        batch.alter_column("key", existing_type=sa.String(length=160), type_=sa.String(length=80))
    op.drop_table("users")
