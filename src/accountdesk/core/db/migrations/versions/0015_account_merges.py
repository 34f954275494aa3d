"""account merges

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 10:00:00

One row per merge of duplicate accounts (``core/services/account_merge.py``), as
``contact_merges`` (0004) is for contacts: the kept account, the accounts merged into it (moved
to the trash), and what undoing the merge needs: the kept account's fields before and after,
every row that was moved to the kept account (contacts, deals, interactions, follow-ups, gifts,
survey answers, notes, the accounts they referred) and every tag link dropped as already
there. Deleting the kept account for good deletes its merges.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # once: a database the tests make from the models and stamp at an older revision (as the
    # migrations since 0006 allow for) has the table already
    if sa.inspect(op.get_bind()).has_table("account_merges"):
        return
    op.create_table(
        "account_merges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=False),
        sa.Column("merged_ids", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["kept_id"],
            ["accounts.id"],
            name=op.f("fk_account_merges_kept_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_merges")),
    )
    op.create_index(op.f("ix_account_merges_kept_id"), "account_merges", ["kept_id"], unique=False)
    op.create_index(
        op.f("ix_account_merges_merged_at"), "account_merges", ["merged_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_account_merges_merged_at"), table_name="account_merges")
    op.drop_index(op.f("ix_account_merges_kept_id"), table_name="account_merges")
    op.drop_table("account_merges")
