"""team server: a record's "when" is the server's clock, not the laptop's

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 10:00:00

On PostgreSQL the trigger that stamps ``updated_by`` (``accountdesk_stamp``, 0005) stamps the
times too, from the server's clock (``now()``, the start of the transaction, in UTC): a new
record's ``created_at`` and ``updated_at``; a changed record's ``updated_at`` whenever the
statement changes it (every save, raw updates through ``bumped``); and ``deleted_at`` when a
record moves to the trash. A laptop whose clock is wrong no longer writes its own time as
"when" for everyone. Records copied with their history (a laptop's file uploaded, a JSON
file imported) keep their times: those statements run with ``accountdesk.keep_stamps`` set
for their transaction (``SET LOCAL``). A laptop's file (SQLite) is unchanged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION accountdesk_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    server_now timestamp := now() AT TIME ZONE 'UTC';
BEGIN
    NEW.updated_by := current_user;
    IF coalesce(current_setting('accountdesk.keep_stamps', true), '') = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := server_now;
        NEW.updated_at := server_now;
    ELSE
        IF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
            NEW.updated_at := server_now;
        END IF;
        IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
            NEW.deleted_at := server_now;
        END IF;
    END IF;
    RETURN NEW;
END
$$
"""

OLD_FUNCTION = """
CREATE OR REPLACE FUNCTION accountdesk_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(STAMP_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(OLD_FUNCTION)
