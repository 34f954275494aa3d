"""exchange rates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:53:40.974353

The table of dated exchange rates reports convert money with (``core/money.py``): one rate per
pair of currencies and day; the rate is stored as exact decimal text.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("base", sa.String(length=3), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.String(length=40), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint(
            "base",
            "currency",
            "valid_on",
            name=op.f("uq_exchange_rates_base_currency_valid_on"),
        ),
    )


def downgrade() -> None:
    op.drop_table("exchange_rates")
