"""Saving a quick log: the interaction and its optional follow-up, in one transaction
(:func:`accountdesk.core.services.followups.log_with_follow_up`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accountdesk.core.db.engine import Database
from accountdesk.core.services.activity import InteractionInput
from accountdesk.core.services.followups import FollowUpInput, Logged, log_with_follow_up


@dataclass(frozen=True)
class FollowUpRequest:
    title: str
    local_due: datetime  # the wall-clock time in ``zone`` (any tzinfo is ignored)
    zone: str


def save_quick_log(
    db: Database, data: InteractionInput, follow_up: FollowUpRequest | None = None
) -> Logged:
    """Log the interaction (and the follow-up with its first contact): the interaction's id
    and the follow-up scheduled, its time's DST resolution with it (the dialog says when the
    time was adjusted, as the scheduling dialog does)."""
    request = None
    if follow_up is not None and data.contact_ids:
        request = FollowUpInput(
            contact_id=data.contact_ids[0],
            title=follow_up.title,
            local_due=follow_up.local_due.replace(tzinfo=None),
            zone=follow_up.zone,
            origin="quick_log",
        )
    return log_with_follow_up(db, data, request)
