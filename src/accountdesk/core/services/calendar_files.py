""".ics files of follow-ups: the one mapping between follow-ups and iCalendar events.

The Follow-ups screen and ``accountdesk followups export --ics`` both export with
:func:`export_follow_ups` (the file is replaced atomically: a failure leaves the previous file
as it was and no temporary file behind) and import with :func:`import_follow_ups` (all events
of a file in one transaction: all or none). The iCalendar format itself is
:mod:`accountdesk.core.timekeeping.ical`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.bidi import isolate
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact, FollowUp
from accountdesk.core.errors import UserError
from accountdesk.core.files import write_atomically
from accountdesk.core.i18n import _, format_date, format_number, join_list, ngettext
from accountdesk.core.io.refusal import unreadable
from accountdesk.core.queries.followups import OPEN, FollowUpRow, shown_follow_ups
from accountdesk.core.services import trash
from accountdesk.core.services.followups import (
    FollowUpInput,
    Scheduled,
    add_follow_up,
    replace_from_calendar,
)
from accountdesk.core.timekeeping.ical import IcsError, IcsEvent, export_ics, read_ics
from accountdesk.core.timekeeping.recurrence import occurrences, series_at, validate_rrule
from accountdesk.core.timekeeping.workhours import WorkingHours
from accountdesk.core.timekeeping.zones import resolve_wall_time
from accountdesk.core.validation import ValidationError, one_line

#: How the UID of a follow-up's event ends: its id, then this.
_OWN_UID = "@accountdesk"


def event_uid(follow_up_id: str) -> str:
    """The UID of the event a follow-up made here is exported as (one imported from an event
    is exported under that event's UID: :func:`follow_up_event`)."""
    return follow_up_id + _OWN_UID


def event_sequence(row: FollowUpRow | FollowUp) -> int:
    """The SEQUENCE of a follow-up's event: its event's when it was imported (0 for one made
    here), raised by one for every change saved to it since (its ``version`` counts them), so
    that a calendar that has the event takes the export of a changed follow-up for a newer
    version of it (Google and Outlook leave an event whose UID they have as it is unless its
    SEQUENCE is greater); unchanged, the same event."""
    return row.ics_sequence + max(0, row.version - 1)


#: How the ``origin`` of a follow-up imported from an event starts: one of a day, and one of
#: a time (the fingerprint of its UID follows: :func:`origin_of`).
_DAY_ORIGIN, _TIME_ORIGIN = "ics-day:", "ics:"


def origin_of(uid: str, *, all_day: bool = False) -> str:
    """The ``origin`` of a follow-up imported from the event ``uid``: "ics:" ("ics-day:" for
    an all-day event, exported as one again) and a fingerprint of the UID (its SHA-256, 48
    bits: the column holds 20 characters, a UID may be longer), by which an import finds the
    events it imported before."""
    mark = hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return (_DAY_ORIGIN if all_day else _TIME_ORIGIN) + mark


def is_all_day(row: FollowUpRow) -> bool:
    """Whether the follow-up is a calendar's all-day event: due at the start of the contact's
    working day, exported as a day again (at any time it is moved to, which its reminder in
    the calendar keeps)."""
    return row.origin.startswith(_DAY_ORIGIN)


#: Between a follow-up's title and whom it is with, in its event's SUMMARY ("Call – Ayşe").
_WHO = " \u2013 "


def _title(event: IcsEvent) -> str:
    """The title of the follow-up an event becomes: its title without whom it is with, as the
    app exported it (:attr:`~accountdesk.core.timekeeping.ical.IcsEvent.title`; a calendar
    that dropped that property, and kept the app's UID, still has the app's "title – who" in
    its SUMMARY), else its SUMMARY."""
    if event.title and event.title.strip():
        return event.title
    own = event.summary.rsplit(_WHO, 1)[0] if event.uid.endswith(_OWN_UID) else ""
    return (own.strip() and own) or event.summary or _("Follow-up")


def follow_up_event(row: FollowUpRow) -> IcsEvent:
    """The calendar event of a follow-up: its wall time in its zone, "title – who", and an
    alarm at its start, as the app reminds of every follow-up when it falls due. One imported
    from an event has that event's UID (a calendar, or the database it came from, takes it for
    the same event, not a new one beside it), any other :func:`event_uid`'s; its SEQUENCE is
    :func:`event_sequence`. A repeating one is its series from the occurrence it is at
    (:func:`~accountdesk.core.timekeeping.recurrence.series_at`: what is left of a COUNT,
    month ends as the app runs them, and for one that moves to working days, the moves, the
    series ending where they are no longer written, its whole rule beside). A rule that is not
    valid (stored by an older version) is refused with a :class:`UserError` that names the
    follow-up."""
    return _event_of(row)[0]


def _event_of(row: FollowUpRow) -> tuple[IcsEvent, datetime | None]:
    """:func:`follow_up_event`, and the last occurrence its series is written to when it
    goes on after it (:attr:`~accountdesk.core.timekeeping.recurrence.Series.ends`)."""
    local, rule = row.local_due, row.rrule
    exdates: tuple[datetime, ...] = ()
    rdates: tuple[datetime, ...] = ()
    whole: str | None = None
    ends: datetime | None = None
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
        ends = series.ends
        whole = series.whole if ends is not None else None
    event = IcsEvent(
        all_day=is_all_day(row),
        uid=row.ics_uid or event_uid(row.id),
        sequence=event_sequence(row),
        summary=f"{row.title}{_WHO}{row.contact_name or row.account_name}",
        title=row.title,
        description=row.notes or "",
        local=local,
        zone=row.zone,
        duration=timedelta(minutes=row.duration_minutes),
        rrule=rule,
        alarm=timedelta(0),
        exdates=exdates,
        rdates=rdates,
        whole_rule=whole,
    )
    return event, ends


def exported(row: FollowUpRow) -> bool:
    """Whether a follow-up goes into an .ics export: an open one. A calendar shows what is
    still to do; a done follow-up written as an event, with its alarm, was shown as one still
    to do (the command line exported open ones only, the screen whatever it listed)."""
    return row.status == OPEN


class ExportedFollowUps(int):
    """How many events an .ics export wrote, and ``ended``: the repeating follow-ups that move
    to working days whose series the file holds only until its last occurrence with its moves
    worked out (:attr:`~accountdesk.core.timekeeping.recurrence.Series.ends`), each by its
    title with that occurrence (naive, in its zone): a calendar shows no later ones, not the
    weekends and holidays the app moves them from; an export made later goes further."""

    ended: tuple[tuple[str, datetime], ...]

    def __new__(cls, count: int, ended: Iterable[tuple[str, datetime]] = ()) -> ExportedFollowUps:
        made = super().__new__(cls, count)
        made.ended = tuple(ended)
        return made

    def notes(self) -> list[str]:
        """What the user is told besides how many were exported (the screen and the command
        line show it)."""
        if not self.ended:
            return []
        n = len(self.ended)
        template = ngettext(
            "{n} repeating follow-up that moves to working days is in the file until {date}, "
            "as far as its moves are worked out: export it again before then to have the "
            "later ones in your calendar ({events}).",
            "{n} repeating follow-ups that move to working days are in the file until {date} "
            "or later, as far as their moves are worked out: export them again before then to "
            "have the later ones in your calendar ({events}).",
            n,
        )
        first = min(day for _title, day in self.ended).date()
        return [
            template.format(
                n=format_number(n),
                date=format_date(first),
                events=join_list([_named(title, title) for title, _day in self.ended]),
            )
        ]


def export_follow_ups(
    path: Path, rows: Iterable[FollowUpRow], clock: Clock = system_clock
) -> ExportedFollowUps:
    """Write the open ones of ``rows`` (from :func:`~accountdesk.core.queries.followups.
    list_follow_ups`; :func:`exported`) to the .ics file ``path``; returns how many events it
    holds, with the series it holds only in part (:class:`ExportedFollowUps`)."""
    made = [(row, *_event_of(row)) for row in rows if exported(row)]
    data = export_ics([event for _row, event, _ends in made], clock=clock)
    write_atomically(path, data)
    ended = [(row.title, ends) for row, _event, ends in made if ends is not None]
    return ExportedFollowUps(len(made), ended)


class ImportedFollowUps(list[Scheduled]):
    """The follow-ups an .ics import scheduled, in the file's order, and what it left out or
    could not keep, each event or task by its title, else where it is in the file:

    - ``by_rule_alone``: the repeating events whose dates taken off or added (EXDATE, RDATE)
      are not a move to a working day, which a follow-up cannot keep: they repeat by their
      rule alone;
    - ``ended``: the repeating events with no occurrence left from now on (their COUNT or
      UNTIL ran out), not imported;
    - ``past``: the events that happen once and were over before now (a meeting of last
      month in a calendar's export), not imported; a task is open until it is done, and a
      follow-up AccountDesk exported stays one, overdue;
    - ``already``: the events that are follow-ups already (imported before, or exported from
      this database), left as they are: the same version of the event, or an older one, or
      one of a follow-up done since;
    - ``updated``: the newer versions of events that are open follow-ups here (a greater
      SEQUENCE: moved, retitled or given another rule in their calendar since), whose
      follow-ups were given what the event says now;
    - ``cancelled``: the newer versions that cancel such events: their follow-ups were moved
      to the trash;
    - ``closed``: the cancelled events and the completed or cancelled tasks, not imported;
    - ``undated``: the tasks without a date (neither DUE nor DTSTART), not imported;
    - ``retitled``: the events whose title was longer than a follow-up's or on several lines
      (a calendar's SUMMARY may be either), each by where it is in the file: its follow-up
      has it on one line and shortened, and its notes begin with the whole title.
    """

    def __init__(
        self,
        scheduled: Iterable[Scheduled] = (),
        *,
        by_rule_alone: Iterable[str] = (),
        ended: Iterable[str] = (),
        past: Iterable[str] = (),
        already: Iterable[str] = (),
        closed: Iterable[str] = (),
        undated: Iterable[str] = (),
        retitled: Iterable[str] = (),
        updated: Iterable[str] = (),
        cancelled: Iterable[str] = (),
    ):
        super().__init__(scheduled)
        self.updated = tuple(updated)
        self.cancelled = tuple(cancelled)
        self.by_rule_alone = tuple(by_rule_alone)
        self.ended = tuple(ended)
        self.past = tuple(past)
        self.already = tuple(already)
        self.closed = tuple(closed)
        self.undated = tuple(undated)
        self.retitled = tuple(retitled)

    def notes(self) -> list[str]:
        """What the user is told besides how many were imported: a sentence for each kind of
        event not imported, or not imported as it was (the screen shows them)."""
        kinds = (
            (
                self.updated,
                ngettext(
                    "{n} event was changed in its calendar since it became a follow-up: the "
                    "follow-up now has its new time, title and notes ({events}).",
                    "{n} events were changed in their calendar since they became follow-ups: "
                    "the follow-ups now have their new times, titles and notes ({events}).",
                    len(self.updated),
                ),
            ),
            (
                self.cancelled,
                ngettext(
                    "{n} event was cancelled in its calendar: its follow-up was moved to the "
                    "trash ({events}).",
                    "{n} events were cancelled in their calendar: their follow-ups were moved "
                    "to the trash ({events}).",
                    len(self.cancelled),
                ),
            ),
            (
                self.by_rule_alone,
                ngettext(
                    "{n} repeating event has dates taken off or added in its calendar, which "
                    "a follow-up cannot keep: it repeats by its rule alone ({events}).",
                    "{n} repeating events have dates taken off or added in their calendar, "
                    "which a follow-up cannot keep: they repeat by their rule alone ({events}).",
                    len(self.by_rule_alone),
                ),
            ),
            (
                self.ended,
                ngettext(
                    "{n} repeating event has no occurrence left, so it was not imported "
                    "({events}).",
                    "{n} repeating events have no occurrence left, so they were not imported "
                    "({events}).",
                    len(self.ended),
                ),
            ),
            (
                self.past,
                ngettext(
                    "{n} event was over before now, so it was not imported ({events}).",
                    "{n} events were over before now, so they were not imported ({events}).",
                    len(self.past),
                ),
            ),
            (
                self.already,
                ngettext(
                    "{n} event is a follow-up already (imported before, or exported from "
                    "AccountDesk), so it was left as it is ({events}).",
                    "{n} events are follow-ups already (imported before, or exported from "
                    "AccountDesk), so they were left as they are ({events}).",
                    len(self.already),
                ),
            ),
            (
                self.closed,
                ngettext(
                    "{n} cancelled event or completed task was not imported: there is nothing "
                    "left to follow up ({events}).",
                    "{n} cancelled events or completed tasks were not imported: there is "
                    "nothing left to follow up ({events}).",
                    len(self.closed),
                ),
            ),
            (
                self.undated,
                ngettext(
                    "{n} task has no date (DUE or DTSTART), so it was not imported ({events}).",
                    "{n} tasks have no date (DUE or DTSTART), so they were not imported "
                    "({events}).",
                    len(self.undated),
                ),
            ),
            (
                self.retitled,
                ngettext(
                    "The title of {n} event was put on one line or shortened; its follow-up's "
                    "notes keep the whole title ({events}).",
                    "The titles of {n} events were put on one line or shortened; their "
                    "follow-ups' notes keep the whole titles ({events}).",
                    len(self.retitled),
                ),
            ),
        )
        return [
            template.format(n=format_number(len(names)), events=join_list(names))
            for names, template in kinds
            if names
        ]


@dataclass(frozen=True)
class _Place:
    """Where a contact is, as an import needs it."""

    zone: str
    country: str
    subdivision: str | None
    #: When their working day starts (their own hours, else their country's): an all-day
    #: event's follow-up is due then.
    day_starts: time


def _contact_place(db: Database, contact_id: str) -> _Place:
    with db.reader() as session:
        contact = trash.live(session, Contact, contact_id)
        hours = WorkingHours.for_contact(
            contact.country, contact.work_start, contact.work_end, subdivision=contact.subdivision
        )
        return _Place(contact.timezone, contact.country, contact.subdivision, hours.start)


def _at_day_start(event: IcsEvent, start: time) -> IcsEvent:
    """An all-day event with its day, and the dates its calendar took off or added, at
    ``start`` (a reminder at midnight there is the evening before for the user, and outside
    anyone's working hours); any other event as it is."""
    if not event.all_day:
        return event

    def at(value: datetime) -> datetime:
        return datetime.combine(value.date(), start)

    return replace(
        event,
        local=at(event.local),
        exdates=tuple(map(at, event.exdates)),
        rdates=tuple(map(at, event.rdates)),
    )


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


def _due(
    event: IcsEvent,
    moved: datetime | None,
    now: datetime,
    country: str | None,
    subdivision: str | None,
) -> datetime | None:
    """The occurrence a follow-up of ``event`` is due at: its first (``moved``: the day a
    series that moves to working days moved it to; else the first its calendar did not take
    off), or, for a series that began before ``now`` (Google and Outlook keep the first
    meeting of a weekly call for years), its next one from now; the series itself still runs
    from the event's start. None when the series has no occurrence left from now (its COUNT
    or UNTIL ran out): there is nothing to follow up."""
    first = moved or _first_kept(event)
    if not event.rrule and event.rdates:  # the dates listed (RDATE) without a rule
        return _next_listed(event, now)
    if not event.rrule or resolve_wall_time(first, event.zone).instant >= now:
        return first
    # a series that moves to working days (this app's) has its moves worked out again; any
    # other one skips the dates its calendar took off, as its first occurrence does
    taken_off = set() if moved is not None else set(event.exdates)
    try:
        later = occurrences(
            event.rrule, event.local, event.zone, after=now, count=len(taken_off) + 1,
            move_to_working_day=moved is not None, country=country, subdivision=subdivision,
        )  # fmt: skip
    except ValueError:  # a rule that is not valid: scheduling it says why, naming the event
        return first
    return next((o.local for o in later if o.local not in taken_off), None)


def _ended(event: IcsEvent, start: datetime, now: datetime) -> bool:
    """Whether the occurrence of ``event`` at ``start`` (wall time) ended before ``now``: an
    all-day one at the end of its last day there, not a day after its reminder."""
    if event.all_day:
        days = max(1, round(event.duration / timedelta(days=1)))
        end = datetime.combine(start.date() + timedelta(days=days), time())
        return resolve_wall_time(end, event.zone).instant <= now
    return resolve_wall_time(start, event.zone).instant + event.duration <= now


def _next_listed(event: IcsEvent, now: datetime) -> datetime:
    """Of an event without a rule that lists further dates (RDATE), the first of its dates
    (its start and those, less any taken off) not over at ``now``; the last when all are.
    A follow-up is due at it; the others are not kept."""
    dates = sorted(({event.local} | set(event.rdates)) - set(event.exdates)) or [event.local]
    return next((day for day in dates if not _ended(event, day, now)), dates[-1])


def _over(event: IcsEvent, due: datetime, now: datetime) -> bool:
    """Whether ``event`` happens once (or on the dates it lists) and its occurrence ``due``
    (:func:`_due`) ended before ``now``: a meeting of last month in a calendar's export, with
    nothing left to follow up. Not a task (open until it is done), a repeating event
    (:func:`_due` finds its next occurrence), nor a follow-up AccountDesk exported (its UID
    says so: an overdue one is still to do, on this laptop or another)."""
    if event.task or event.rrule or event.uid.endswith(_OWN_UID):
        return False
    return _ended(event, due, now)


def _named(summary: str, place: str) -> str:
    """An event or a task as a message names it: its title (``summary``) in quotes, else
    where it is in the file (``place``)."""
    if summary:
        return _("\u201c{title}\u201d").format(title=isolate(summary))
    return place


#: The STATUS of an event or a task that is over: it is not a follow-up.
_CLOSED = frozenset({"CANCELLED", "COMPLETED"})


#: How many ids or origins an import looks up in one query.
_LOOKUP_CHUNK = 500


def _already_here(session: Session, events: list[IcsEvent]) -> dict[str, FollowUp]:
    """The follow-ups shown already of ``events``, by their UIDs: one this database exported
    (its id in the UID), or one an import took from an event with that UID (its ``origin``,
    :func:`origin_of`). Done ones count; one in the trash does not (importing it again is
    asked for)."""
    by_origin = {
        origin_of(event.uid, all_day=day): event.uid for event in events for day in (False, True)
    }
    by_id = {
        event.uid.removesuffix(_OWN_UID): event.uid
        for event in events
        if event.uid.endswith(_OWN_UID)
    }
    found: dict[str, FollowUp] = {}
    for column, wanted in ((FollowUp.origin, by_origin), (FollowUp.id, by_id)):
        keys = list(wanted)
        for at in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[at : at + _LOOKUP_CHUNK]
            query = shown_follow_ups(select(FollowUp)).where(column.in_(chunk))
            for item in session.scalars(query):
                found[wanted[getattr(item, column.key)]] = item
    return found


def _newer(event: IcsEvent, item: FollowUp) -> bool:
    """Whether ``event`` is a newer version of the event of ``item``, its follow-up here: a
    greater SEQUENCE (RFC 5545: the organiser raises it at every change of time, rule or
    status; Google and Outlook raise it when an event is moved or retitled), while the
    follow-up is still open (a done one stays done)."""
    return item.status == OPEN and event.sequence > event_sequence(item)


def import_follow_ups(
    db: Database, path: Path, contact_id: str, clock: Clock = system_clock
) -> ImportedFollowUps:
    """Schedule the events of the .ics file ``path`` as follow-ups with ``contact_id``, in one
    transaction. A file that cannot be read or is not iCalendar raises :class:`UserError`.

    An event keeps its own zone (an IANA name, or the Windows name Outlook writes: "FLE
    Standard Time" is Europe/Kiev). An event in UTC (``Z``, as some calendars write every
    time) that happens once keeps its instant and is anchored to the contact's zone, as a
    follow-up is by default; a repeating one stays in UTC, as RFC 5545 repeats it and every
    calendar shows it (a weekly call at 00:00 UTC on Mondays is on Sunday evening in New
    York, and an hour later there from March to November). A floating time (no zone) is the
    contact's wall time. An all-day event is the contact's day, due when their working day starts
    (not at midnight there, the evening before for many users), and exported as a day again
    (:func:`is_all_day`).

    An event is imported once: one whose UID is a follow-up already (exported from this
    database, or imported before: :func:`origin_of`) is left as it is, and the result names it
    (:attr:`ImportedFollowUps.already`); so is a second event with the UID of one before it.
    A newer version of such an event (a greater SEQUENCE: moved or retitled in its calendar
    since) gives an open follow-up its new details (:attr:`ImportedFollowUps.updated`), or,
    cancelled, moves it to the trash (:attr:`ImportedFollowUps.cancelled`); the same version
    again, an older one, or one of a follow-up done since changes nothing.
    A follow-up keeps its event's UID and SEQUENCE, which its export writes again
    (:func:`follow_up_event`): exported to the calendar it came from, or imported into the
    database that exported it, it is the same event, not a second one.

    A repeating event that began before now (``clock``) is due at its next occurrence, its
    series still counted from its start; one with no occurrence left is not imported, and the
    result names it (:attr:`ImportedFollowUps.ended`). An event that happens once and ended
    before now is a meeting that took place (or did not): it is not imported either, and
    named (:attr:`ImportedFollowUps.past`); a task stays, overdue, as an exported follow-up
    does (:func:`_over`).

    A repeating event whose dates taken off and added are the moves to the next working day in
    the contact's country (a series this app exported) is a follow-up that moves so again; any
    other such dates cannot be kept, and the result names where those events are."""
    place = _contact_place(db, contact_id)
    country, subdivision = place.country, place.subdivision
    try:
        read = read_ics(path.read_bytes(), floating_zone=place.zone, utc_zone=place.zone)
    except IcsError as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(unreadable(path, exc)) from exc
    events = [_at_day_start(event, place.day_starts) for event in read.events]
    now = clock()
    moved = [_moved_start(event, country, subdivision) for event in events]
    due = [
        _due(event, first, now, country, subdivision)
        for event, first in zip(events, moved, strict=True)
    ]
    scheduled: list[Scheduled] = []
    by_rule_alone: list[str] = []
    ended: list[str] = []
    past: list[str] = []
    already: list[str] = []
    closed: list[str] = []
    retitled: list[str] = []
    updated: list[str] = []
    cancelled: list[str] = []
    with db.transaction() as session:  # all events or none
        here = _already_here(session, events)
        seen: set[str] = set()
        for event, first, local in zip(events, moved, due, strict=True):
            name = _named(event.summary, event.place)
            stored = here.get(event.uid)
            if event.uid in seen or (stored is not None and not _newer(event, stored)):
                already.append(name)
                continue
            seen.add(event.uid)
            if stored is not None and event.status == "CANCELLED":
                # cancelled in its calendar since: its follow-up goes to the trash (where
                # it can be restored), as the calendar takes the meeting off
                stored.deleted_at = now
                cancelled.append(name)
                continue
            if event.status in _CLOSED or local is None or _over(event, local, now):
                if stored is not None:  # nothing left to follow up: it is left as it is
                    already.append(name)
                elif event.status in _CLOSED:
                    closed.append(name)
                elif local is None:
                    ended.append(name)
                else:
                    past.append(name)
                continue
            if event.rrule and (event.exdates or event.rdates) and first is None:
                by_rule_alone.append(_named(event.summary, event.place))
            title, notes = _title(event), event.description or None
            fitted = one_line("title", title)
            if fitted != title.strip():  # the whole title is kept, where notes have room
                retitled.append(event.place)
                notes = title.strip() + ("\n\n" + notes if notes else "")
            item = FollowUpInput(
                contact_id=contact_id,
                title=fitted,
                local_due=local,
                zone=event.zone,
                notes=notes,
                duration_minutes=max(1, int(event.duration.total_seconds() // 60)),
                rrule=event.rrule,
                move_to_working_day=first is not None,
                origin=origin_of(event.uid, all_day=event.all_day),
                series_start=event.local,
                ics_uid=event.uid,
                ics_sequence=event.sequence,
            )
            try:
                if stored is not None:
                    replace_from_calendar(session, stored, item)
                    updated.append(name)
                else:
                    scheduled.append(add_follow_up(session, item))
            except ValidationError as exc:
                raise UserError(
                    _("{where}: {problem}").format(where=event.place, problem=exc.message)
                ) from exc
    return ImportedFollowUps(
        scheduled,
        by_rule_alone=by_rule_alone,
        ended=ended,
        past=past,
        already=already,
        closed=closed,
        undated=[_named(summary, place) for summary, place in read.undated],
        retitled=retitled,
        updated=updated,
        cancelled=cancelled,
    )
