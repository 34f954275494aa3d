"""earlier customer periods

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 15:00:00

An account had one period as a customer, "customer since" to "lost on": a lost customer won
back had to lose either its loss (clearing "lost on" made it a customer throughout, and a
closed quarter's churn went from 100 % to 0 %) or its first period (a new "customer since").
``earlier_periods`` keeps the periods before the current one, as JSON text
(``[["2025-01-01", "2026-02-01"], ...]``, read and checked by
``accountdesk.core.records.earlier_periods``); the metrics count every period. Accounts stored
before have none (NULL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# ALTER TABLE in place on both databases (SQLite drops a column itself since 3.35): a batch
# would make the table again on SQLite, and dropping the old accounts table, with foreign keys
# on, deletes every contact with it (ON DELETE CASCADE).


def upgrade() -> None:
    # once: as the migrations since 0006 make their indexes, this one may find its column made
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("accounts")}
    if "earlier_periods" not in columns:
        op.add_column("accounts", sa.Column("earlier_periods", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("accounts", "earlier_periods")
