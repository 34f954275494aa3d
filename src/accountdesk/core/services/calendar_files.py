""".ics files of follow-ups: the one mapping between follow-ups and iCalendar events.

The Follow-ups screen and ``accountdesk followups export --ics`` both export with
:func:`export_follow_ups` (the file is replaced atomically: a failure leaves the previous file
as it was and no temporary file behind) and import with :func:`import_follow_ups` (all events
of a file in one transaction: all or none). The iCalendar format itself is
:mod:`accountdesk.core.timekeeping.ical`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.core.errors import UserError
from accountdesk.core.files import write_atomically
from accountdesk.core.i18n import _
from accountdesk.core.io.refusal import unreadable
from accountdesk.core.queries.followups import FollowUpRow
from accountdesk.core.services import trash
from accountdesk.core.services.followups import FollowUpInput, Scheduled, add_follow_up
from accountdesk.core.timekeeping.ical import IcsError, IcsEvent, export_ics, import_ics
from accountdesk.core.timekeeping.recurrence import series_at
from accountdesk.core.validation import ValidationError


def follow_up_event(row: FollowUpRow) -> IcsEvent:
    """The calendar event of a follow-up: its wall time in its zone, "title – who", and an
    alarm at its start, as the app reminds of every follow-up when it falls due. A repeating
    one is its series from the occurrence it is at (:func:`~accountdesk.core.timekeeping.
    recurrence.series_at`: what is left of a COUNT, month ends as the app runs them)."""
    local, rule = row.local_due, row.rrule
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()
    if rule:
        series = series_at(
            rule,
            row.rrule_start or row.local_due,
            row.local_due,
            row.zone,
            move_to_working_day=row.move_to_working_day,
            country=row.country,
            subdivision=row.subdivision,
        )
        local, rule, exdates, rdates = series.start, series.rule, series.exdates, series.rdates
    return IcsEvent(
        uid=f"{row.id}@accountdesk",
        summary=f"{row.title} \u2013 {row.contact_name or row.account_name}",
        description=row.notes or "",
        local=local,
        zone=row.zone,
        duration=timedelta(minutes=row.duration_minutes),
        rrule=rule,
        alarm=timedelta(0),
        exdates=exdates,
        rdates=rdates,
    )


def export_follow_ups(path: Path, rows: Iterable[FollowUpRow], clock: Clock = system_clock) -> int:
    """Write ``rows`` (from :func:`~accountdesk.core.queries.followups.list_follow_ups`) to the
    .ics file ``path``; returns how many events it holds."""
    events = [follow_up_event(row) for row in rows]
    data = export_ics(events, clock=clock)
    write_atomically(path, data)
    return len(events)


def _contact_zone(db: Database, contact_id: str) -> str:
    with db.reader() as session:
        return trash.live(session, Contact, contact_id).timezone


def import_follow_ups(db: Database, path: Path, contact_id: str) -> list[Scheduled]:
    """Schedule the events of the .ics file ``path`` as follow-ups with ``contact_id``, in one
    transaction. A file that cannot be read or is not iCalendar raises :class:`UserError`.

    An event in UTC (``Z``, as some calendars write every time) keeps its instant and is
    anchored to the contact's zone, as a follow-up is by default; a floating time (no zone)
    and an all-day date are the contact's wall time. Anchored to UTC, "10:00 her time" would
    move by an hour at her next DST change."""
    zone = _contact_zone(db, contact_id)
    try:
        events = import_ics(path.read_bytes(), floating_zone=zone, utc_zone=zone)
    except IcsError as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(unreadable(path, exc)) from exc
    items = [
        FollowUpInput(
            contact_id=contact_id,
            title=event.summary or _("Follow-up"),
            local_due=event.local,
            zone=event.zone,
            notes=event.description or None,
            duration_minutes=max(1, int(event.duration.total_seconds() // 60)),
            rrule=event.rrule,
            origin="ics",
        )
        for event in events
    ]
    scheduled: list[Scheduled] = []
    if not items:
        return scheduled
    with db.transaction() as session:  # all events or none
        for event, item in zip(events, items, strict=True):
            try:
                scheduled.append(add_follow_up(session, item))
            except ValidationError as exc:
                raise UserError(
                    _("{where}: {problem}").format(where=event.place, problem=exc.message)
                ) from exc
    return scheduled
