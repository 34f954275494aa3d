"""deal stages

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 21:50:00

Where an open deal stands in the sales process (``core/labels.py: DEAL_STAGE``): lead,
qualified, proposal or negotiation. Deals recorded before have no stage (NULL), which the
reports show as "no stage recorded".
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deals") as batch:
        batch.add_column(sa.Column("stage", sa.String(length=12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deals") as batch:
        batch.drop_column("stage")
