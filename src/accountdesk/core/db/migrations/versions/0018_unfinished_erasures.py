"""unfinished erasures

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 10:00:00

One row per erase of a contact whose backups are still to be cleaned
(``core/services/privacy.py``): written in the transaction that erases the person from the
database, deleted once the backups were looked at again. A row left behind (the process
stopped in between, or a backup that could not be cleaned) is finished by the next start of the
app or command (``privacy.finish_erasures``). It holds only the ids of the contacts erased,
which find them in a backup, never a value of theirs; no foreign key (they are gone); and
whether the database file was rebuilt since (so that an attempt that leaves a backup for the
next time does not rebuild it at every start). A laptop's own: an offline copy does not
synchronise it.

Downgrading drops the table: the older app no longer finishes those erases (their backups
were listed to it as they are today).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # once: a database the tests make from the models and stamp at an older revision (as the
    # migrations since 0006 allow for) has the table already
    if sa.inspect(op.get_bind()).has_table("unfinished_erasures"):
        return
    op.create_table(
        "unfinished_erasures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("contact_ids", sa.JSON(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("file_rebuilt", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unfinished_erasures")),
    )


def downgrade() -> None:
    op.drop_table("unfinished_erasures")
