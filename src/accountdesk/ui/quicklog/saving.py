"""Saving a quick log: the interaction and its optional follow-up in one transaction.

The follow-up keeps the intention (wall-clock ``local_due`` in the contact's zone) and derives
the UTC instant with zoneinfo. When the follow-up service lands in
``accountdesk.core.services.followups`` this helper should call it instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import FollowUp
from accountdesk.core.i18n import _
from accountdesk.core.services.activity import InteractionInput, add_interaction
from accountdesk.core.validation import fail


@dataclass(frozen=True)
class FollowUpRequest:
    title: str
    local_due: datetime  # the wall-clock time, with tzinfo = ZoneInfo(zone)
    zone: str


def due_instant(local_due: datetime, zone: str) -> datetime:
    """The UTC instant of a wall-clock time in ``zone`` (its own tzinfo is replaced)."""
    return local_due.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def save_quick_log(
    db: Database, data: InteractionInput, follow_up: FollowUpRequest | None = None
) -> str:
    """Log the interaction (and the follow-up); returns the interaction's id."""
    if follow_up is not None and not follow_up.title.strip():
        raise fail("title", None, _("is required"))
    with db.transaction() as session:
        interaction = add_interaction(session, data)
        if follow_up is not None:
            contact_id = data.contact_ids[0] if data.contact_ids else None
            session.add(
                FollowUp(
                    contact_id=contact_id,
                    account_id=interaction.account_id,
                    title=follow_up.title.strip()[:300],
                    local_due=follow_up.local_due.replace(microsecond=0).strftime(
                        "%Y-%m-%dT%H:%M:%S"
                    ),
                    zone=follow_up.zone,
                    due_at=due_instant(follow_up.local_due, follow_up.zone),
                    origin="quick_log",
                )
            )
        return str(interaction.id)
