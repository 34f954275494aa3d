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

from accountdesk.core.bidi import isolate
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
from accountdesk.core.timekeeping.recurrence import occurrences, series_at, validate_rrule
from accountdesk.core.timekeeping.zones import resolve_wall_time
from accountdesk.core.validation import ValidationError


def follow_up_event(row: FollowUpRow) -> IcsEvent:
    """The calendar event of a follow-up: its wall time in its zone, "title – who", and an
    alarm at its start, as the app reminds of every follow-up when it falls due. A repeating
    one is its series from the occurrence it is at (:func:`~accountdesk.core.timekeeping.
    recurrence.series_at`: what is left of a COUNT, month ends as the app runs them). A rule
    that is not valid (stored by an older version) is refused with a :class:`UserError` that
    names the follow-up."""
    local, rule = row.local_due, row.rrule
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()
    if rule:
        try:  # one stored before its parts were checked (BYMONTHDAY=0): say which and why
            validate_rrule(rule)
        except ValueError as exc:
            title = _("\u201c{title}\u201d").format(title=isolate(row.title))
            raise UserError(_("{where}: {problem}").format(where=title, problem=exc)) from None
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


class ImportedFollowUps(list[Scheduled]):
    """The follow-ups an .ics import scheduled, in the file's order; ``by_rule_alone``: the
    repeating events (by their title, else where they are in the file) whose dates taken off
    or added (EXDATE, RDATE) are not a move to a working day, which a follow-up cannot keep:
    they repeat by their rule alone."""

    def __init__(self, scheduled: Iterable[Scheduled] = (), by_rule_alone: Iterable[str] = ()):
        super().__init__(scheduled)
        self.by_rule_alone = tuple(by_rule_alone)


def _contact_place(db: Database, contact_id: str) -> tuple[str, str, str | None]:
    """The contact's zone, country and region."""
    with db.reader() as session:
        contact = trash.live(session, Contact, contact_id)
        return contact.timezone, contact.country, contact.subdivision


def _moved_start(event: IcsEvent, country: str, subdivision: str | None) -> datetime | None:
    """The first occurrence of ``event`` when the dates it takes off and adds are those of a
    follow-up that moves to the next working day in ``country`` (as :func:`follow_up_event`
    writes it: its series is worked out again from its start and first occurrence and
    compared), else None."""
    if not event.rrule or not (event.exdates or event.rdates):
        return None
    firsts = ({event.local} - set(event.exdates)) | set(event.rdates)
    if not firsts:  # the start taken off and nothing put on (a first meeting deleted)
        return None
    first = min(firsts)
    try:
        again = series_at(
            event.rrule, event.local, first, event.zone,
            move_to_working_day=True, country=country, subdivision=subdivision,
        )  # fmt: skip
    except ValueError:
        return None
    if (sorted(again.exdates), sorted(again.rdates)) != (
        sorted(event.exdates),
        sorted(event.rdates),
    ):
        return None
    return first


def _first_kept(event: IcsEvent) -> datetime:
    """The first occurrence of ``event`` its calendar did not take off (EXDATE): a series
    whose first meeting was deleted starts at the next one, not on the deleted day. The start
    itself for an event that repeats not, or whose every occurrence is taken off."""
    if not event.rrule or event.local not in event.exdates:
        return event.local
    taken_off = set(event.exdates)
    try:
        later = occurrences(
            event.rrule, event.local, event.zone,
            after=resolve_wall_time(event.local, event.zone).instant,
            count=len(taken_off) + 1,
        )  # fmt: skip
    except ValueError:
        return event.local
    return next((o.local for o in later if o.local not in taken_off), event.local)


def import_follow_ups(db: Database, path: Path, contact_id: str) -> ImportedFollowUps:
    """Schedule the events of the .ics file ``path`` as follow-ups with ``contact_id``, in one
    transaction. A file that cannot be read or is not iCalendar raises :class:`UserError`.

    An event in UTC (``Z``, as some calendars write every time) keeps its instant and is
    anchored to the contact's zone, as a follow-up is by default; a floating time (no zone)
    and an all-day date are the contact's wall time. Anchored to UTC, "10:00 her time" would
    move by an hour at her next DST change.

    A repeating event whose dates taken off and added are the moves to the next working day in
    the contact's country (a series this app exported) is a follow-up that moves so again; any
    other such dates cannot be kept, and the result names where those events are."""
    zone, country, subdivision = _contact_place(db, contact_id)
    try:
        events = import_ics(path.read_bytes(), floating_zone=zone, utc_zone=zone)
    except IcsError as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(unreadable(path, exc)) from exc
    moved = [_moved_start(event, country, subdivision) for event in events]
    items = [
        FollowUpInput(
            contact_id=contact_id,
            title=event.summary or _("Follow-up"),
            # a first occurrence moved: on the day it moved to; taken off: the next one kept
            local_due=first or _first_kept(event),
            zone=event.zone,
            notes=event.description or None,
            duration_minutes=max(1, int(event.duration.total_seconds() // 60)),
            rrule=event.rrule,
            move_to_working_day=first is not None,
            origin="ics",
            series_start=event.local,
        )
        for event, first in zip(events, moved, strict=True)
    ]
    by_rule_alone = [
        _("\u201c{title}\u201d").format(title=isolate(event.summary))
        if event.summary
        else event.place
        for event, first in zip(events, moved, strict=True)
        if (event.exdates or event.rdates) and first is None
    ]
    scheduled = ImportedFollowUps(by_rule_alone=by_rule_alone)
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
