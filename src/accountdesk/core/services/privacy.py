"""GDPR: everything about one contact (access and portability), and erasing a contact for good."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import (
    Base,
    Contact,
    FollowUp,
    Gift,
    ImportantDate,
    Interaction,
    Note,
    SurveyResponse,
    interaction_participants,
)
from accountdesk.core.errors import NotFoundError
from accountdesk.core.i18n import _


def _plain(obj: Base) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in obj.__table__.columns:
        value = getattr(obj, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[column.key] = value
    return out


def export_contact(db: Database, contact_id: str, clock: Clock = system_clock) -> dict[str, Any]:
    """Everything stored about one contact, as plain JSON-ready data."""
    with db.reader() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(_("There is no contact with id {id}.").format(id=contact_id))
        interactions = session.scalars(
            select(Interaction)
            .join(interaction_participants)
            .where(interaction_participants.c.contact_id == contact_id)
            .order_by(Interaction.occurred_at)
        ).all()

        def rows(model: Any) -> list[dict[str, Any]]:
            query = select(model).where(model.contact_id == contact_id)
            return [_plain(o) for o in session.scalars(query)]

        return {
            "format": "accountdesk-contact-export",
            "exported_at": clock().isoformat(),
            "contact": _plain(contact),
            "account": {"id": contact.account.id, "name": contact.account.name},
            "tags": [t.name for t in contact.tags],
            "important_dates": rows(ImportantDate),
            "interactions": [_plain(i) for i in interactions],
            "follow_ups": rows(FollowUp),
            "survey_responses": rows(SurveyResponse),
            "gifts": rows(Gift),
            "notes": rows(Note),
        }


def erase_contact(db: Database, contact_id: str) -> None:
    """Remove a contact for good (right to be forgotten), with what is only about them.

    Their dates, follow-ups, notes, survey answers and gifts go; interactions they were the
    only participant of go; shared interactions stay without them.
    """
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(_("There is no contact with id {id}.").format(id=contact_id))
        ip = interaction_participants
        theirs = select(ip.c.interaction_id).where(ip.c.contact_id == contact_id)
        shared = (
            select(ip.c.interaction_id)
            .where(ip.c.interaction_id.in_(theirs))
            .group_by(ip.c.interaction_id)
            .having(func.count() > 1)
        )
        only_theirs = [
            row[0]
            for row in session.execute(theirs.where(ip.c.interaction_id.not_in(shared))).all()
        ]
        if only_theirs:
            session.execute(delete(Interaction).where(Interaction.id.in_(only_theirs)))
        for model in (SurveyResponse, Gift):
            session.execute(delete(model).where(model.contact_id == contact_id))
        session.delete(contact)
