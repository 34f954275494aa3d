"""contact merges

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 22:00:00

One row per merge of duplicate contacts (``core/services/duplicates.py``): the kept contact,
the contacts merged into it (moved to the trash), and what undoing the merge needs: the kept
contact's fields before and after, and every row that was moved to the kept contact or dropped
as already there. Deleting the kept contact for good deletes its merges.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_merges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=False),
        sa.Column("merged_ids", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["kept_id"],
            ["contacts.id"],
            name=op.f("fk_contact_merges_kept_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merges")),
    )
    op.create_index(op.f("ix_contact_merges_kept_id"), "contact_merges", ["kept_id"], unique=False)
    op.create_index(
        op.f("ix_contact_merges_merged_at"), "contact_merges", ["merged_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_merges_merged_at"), table_name="contact_merges")
    op.drop_index(op.f("ix_contact_merges_kept_id"), table_name="contact_merges")
    op.drop_table("contact_merges")
