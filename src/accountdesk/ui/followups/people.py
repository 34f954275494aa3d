"""What the follow-up screens need to know about a person: zone, country, working hours.

A contact's hours are their own when set, else their country's (``WorkingHours.for_contact``);
the user's come from their own calendar in the settings ("Me": zone, country, region, hours).
"""

from __future__ import annotations

from dataclasses import dataclass

from accountdesk.core.culture.calendar import weekend_days
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.settings import UserCalendar
from accountdesk.core.timekeeping.planner import Participant
from accountdesk.core.timekeeping.workhours import WorkingHours

#: The key of the user's own row in the planner.
ME = "me"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    account_name: str
    zone: str
    country: str | None
    subdivision: str | None
    hours: WorkingHours

    @property
    def weekend(self) -> frozenset[int]:
        """The weekdays off where they are (Monday = 0): a date field's calendar shows them."""
        return weekend_days(self.country, self.subdivision)

    @property
    def is_me(self) -> bool:
        return self.id == ME

    def participant(self) -> Participant:
        return Participant(
            self.id, self.name, self.zone, self.country, self.subdivision, self.hours
        )


def person(db: Database, contact_id: str) -> Person:
    detail = contact_detail(db, contact_id)
    hours = WorkingHours.for_contact(
        detail.country, detail.work_start, detail.work_end, subdivision=detail.subdivision
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


def user_person(calendar: UserCalendar, name: str) -> Person:
    """The user, as their own calendar says: their zone, their country's weekend and public
    holidays (and their region's), their working hours."""
    return Person(
        ME, name, "", calendar.zone, calendar.country, calendar.subdivision, calendar.hours
    )


def user_weekend(calendar: UserCalendar) -> frozenset[int]:
    """The user's weekdays off (their country's and region's, Settings → Me): the calendar
    of a date field in their own time shows them."""
    return weekend_days(calendar.country, calendar.subdivision)
