"""follow-ups keep the UID and SEQUENCE of the calendar event they were imported from

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 10:00:00

A follow-up imported from an .ics file kept only a fingerprint of its event's UID
(``origin``: "ics:" and 48 bits of its SHA-256), enough to recognise the event in a later
import but not to write it back: exported, it had a UID of its own, and Google, Outlook or
another AccountDesk took it for a new event beside the one it came from. ``ics_uid`` keeps
the event's UID (any length: calendars write UIDs of a hundred characters and more), which
the export writes again, and ``ics_sequence`` the event's SEQUENCE, which the export raises by
the changes saved since, so that a calendar takes a changed follow-up for a newer version of
its event. Follow-ups stored before have neither (NULL and 0): they are exported as before,
under their own UID, and recognised by the fingerprint as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# ALTER TABLE in place on both databases, as 0012 does: a batch would make the table again on
# SQLite, and a column added with a default fills every stored row in place.


def upgrade() -> None:
    # once: as the migrations since 0006 make their indexes, this one may find its columns made
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("follow_ups")}
    if "ics_uid" not in columns:
        op.add_column("follow_ups", sa.Column("ics_uid", sa.Text(), nullable=True))
    if "ics_sequence" not in columns:
        op.add_column(
            "follow_ups",
            sa.Column("ics_sequence", sa.Integer(), server_default="0", nullable=False),
        )


def downgrade() -> None:
    op.drop_column("follow_ups", "ics_sequence")
    op.drop_column("follow_ups", "ics_uid")
