"""What the follow-up screens need to know about a contact: zone, country, working hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.timekeeping.planner import Participant
from accountdesk.core.timekeeping.workhours import WorkingHours


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    account_name: str
    zone: str
    country: str
    subdivision: str | None
    hours: WorkingHours

    def participant(self) -> Participant:
        return Participant(
            self.id, self.name, self.zone, self.country, self.subdivision, self.hours
        )


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def person(db: Database, contact_id: str) -> Person:
    detail = contact_detail(db, contact_id)
    hours = WorkingHours.for_country(
        detail.country, None, _time(detail.work_start), _time(detail.work_end)
    )
    return Person(
        detail.id,
        detail.name,
        detail.account_name,
        detail.timezone,
        detail.country,
        detail.subdivision,
        hours,
    )


def user_person(zone: str, name: str) -> Person:
    """The user: 09:00–17:00, Monday to Friday, in their own zone."""
    hours = WorkingHours(time(9), time(17), frozenset({5, 6}))
    return Person("me", name, "", zone, "", None, hours)
