"""survey answers go with their contact when it is deleted for good

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 12:00:00

A survey answer pointed at its contact with ``ON DELETE SET NULL``: emptying the trash of a
contact left their answers behind without a contact, and the metrics count each answer of no
one recorded on its own (``accountdesk.core.metrics.latest_responses``), so a closed quarter's
NPS changed when the trash was emptied (the person's two answers counted twice). A contact in
the trash is out of every figure; deleted for good, their answers now go with them (as a GDPR
erase takes them), and the figures stay as they were. Answers left without a contact by an
earlier purge cannot be told from answers recorded without one, and stay.

On SQLite the table is made again (its foreign key cannot be altered in place); on
PostgreSQL the constraint is replaced.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "fk_survey_responses_contact_id_contacts"


#: The table's indexes, made again in this order after it (a batch made them in an order of
#: its own, which differed from one run to the next: head.sql must be the same each time).
_INDEXES = ("account_id", "answered_on", "contact_id")


def _contact_key(ondelete: str) -> None:
    for column in _INDEXES:
        op.drop_index(f"ix_survey_responses_{column}", table_name="survey_responses")
    with op.batch_alter_table("survey_responses") as batch:
        batch.drop_constraint(_NAME, type_="foreignkey")
        batch.create_foreign_key(_NAME, "contacts", ["contact_id"], ["id"], ondelete=ondelete)
    for column in _INDEXES:
        op.create_index(f"ix_survey_responses_{column}", "survey_responses", [column])


def upgrade() -> None:
    _contact_key("CASCADE")


def downgrade() -> None:
    _contact_key("SET NULL")
