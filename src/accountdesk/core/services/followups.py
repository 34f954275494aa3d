"""Use cases for follow-ups: schedule, edit, complete, snooze, reminders, stay in touch.

A follow-up stores the intended wall-clock time and the IANA zone it is anchored to (the
contact's by default); ``due_at`` (UTC) is derived from them with the rule stated by
:func:`accountdesk.core.timekeeping.zones.resolve_wall_time`, and :func:`recompute_due`
derives it again when tzdata's rules change, so "10:00 her time" stays 10:00 her time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from accountdesk.core import validation as v
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import (
    Account,
    Contact,
    FollowUp,
    Interaction,
    Setting,
    interaction_participants,
)
from accountdesk.core.i18n import _
from accountdesk.core.queries.followups import Shown, reminds_me
from accountdesk.core.queries.visible import live
from accountdesk.core.services import trash
from accountdesk.core.services.activity import InteractionInput, add_interaction
from accountdesk.core.services.conflicts import Loaded, bumped, editable, saving
from accountdesk.core.timekeeping.stay_in_touch import (
    STAY_IN_TOUCH,
    TITLE,
    CadenceRules,
    shown_title,
)
from accountdesk.core.timekeeping.zones import WallTimeResolution, resolve_wall_time, same_zone

LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"


@dataclass
class FollowUpInput:
    contact_id: str
    title: str
    local_due: datetime  # naive: the wall-clock time in ``zone``
    zone: str | None = None  # the contact's zone when None
    notes: str | None = None
    duration_minutes: int = 30
    rrule: str | None = None
    move_to_working_day: bool = False
    origin: str = "manual"
    #: The first occurrence by the rule (naive wall time), when it is not ``local_due``: a
    #: series read from a calendar whose first occurrence was moved to a working day.
    series_start: datetime | None = None
    #: Imported from a calendar's event: its UID and SEQUENCE, written back on export
    #: (:func:`~accountdesk.core.services.calendar_files.follow_up_event`).
    ics_uid: str | None = None
    ics_sequence: int = 0


@dataclass(frozen=True)
class Scheduled:
    id: str
    resolution: WallTimeResolution  # says whether the time fell in a DST gap or overlap
    #: The time asked for, when a repeating follow-up that moves to working days has its first
    #: occurrence moved to the next working day (``resolution`` is of the day it moved to).
    moved_from: datetime | None = None


@dataclass(frozen=True)
class FollowUpEdit:
    """A stored follow-up as the rescheduling form shows it (what :func:`edit` takes)."""

    contact_id: str | None
    title: str
    notes: str | None
    rrule: str | None
    local_due: datetime  # naive: the wall-clock time in ``zone``
    zone: str
    #: An occurrence on a non-working day moves to the next working day (kept by :func:`edit`).
    move_to_working_day: bool = False


def _resolve(local: datetime, zone: str) -> WallTimeResolution:
    if local.tzinfo is not None:
        raise v.fail("due", local, _("give the wall-clock time without a zone"))
    try:
        return resolve_wall_time(local.replace(second=0, microsecond=0), zone)
    except OverflowError:  # 31 December 9999, 23:00 in Los Angeles is in the year 10000
        raise v.fail(
            "due", local, _("it is outside the years a date can have (1 to 9999) in UTC")
        ) from None


def _check_rrule(rule: str | None, start: datetime) -> str | None:
    """The rule cleaned, or None; refused when it is not valid or has no date from
    ``start``, the series' first occurrence (:func:`~accountdesk.core.timekeeping.recurrence.
    validate_rrule`)."""
    cleaned = v.optional("rrule", rule)
    if cleaned is None:
        return None
    from accountdesk.core.timekeeping.recurrence import validate_rrule

    try:
        validate_rrule(cleaned, start.replace(second=0, microsecond=0))
    except ValueError as exc:
        raise v.fail("rrule", cleaned, str(exc)) from None
    return cleaned


def _first_moved(
    local: datetime, rule: str | None, moves: bool, contact: Contact | None
) -> datetime | None:
    """Where the first occurrence of a repeating follow-up that moves to working days
    (``moves``) goes when the rule puts it at ``local`` on a non-working day there, as every
    later one does (:func:`~accountdesk.core.timekeeping.recurrence.to_working_day`); None
    when it stays."""
    if not rule or not moves:
        return None
    from accountdesk.core.timekeeping.recurrence import to_working_day

    country = contact.country if contact else None
    moved = to_working_day(local, country, contact.subdivision if contact else None)
    return moved if moved != local else None


@dataclass(frozen=True)
class _Timing:
    """When a follow-up of :class:`FollowUpInput` is due, as it is stored."""

    zone: str
    resolution: WallTimeResolution
    rule: str | None
    local_due: str  # LOCAL_FORMAT
    rrule_start: str | None
    moved_from: datetime | None  # the time given, when a working-day move changed it


def _timing(data: FollowUpInput, contact: Contact) -> _Timing:
    """The one rule of when a follow-up of ``data`` with ``contact`` is due (scheduling it,
    and giving it a newer version of its calendar event: :func:`replace_from_calendar`): its
    zone (the contact's by default), the instant its wall time resolves to, its rule checked,
    and for a repeating one that moves to working days and begins on a non-working day
    there, the next working day; with ``series_start`` (a calendar's series) the first
    occurrence is taken as given."""
    zone = v.timezone(data.zone, allow_empty=True) or contact.timezone
    resolution = _resolve(data.local_due, zone)
    if data.duration_minutes <= 0:
        raise v.fail("duration", data.duration_minutes, _("must be positive"))
    rule = _check_rrule(data.rrule, data.series_start or data.local_due)
    local = data.local_due.replace(second=0, microsecond=0)
    moved = None
    if data.series_start is None:
        moved = _first_moved(local, rule, data.move_to_working_day, contact)
    if moved is not None:
        resolution = _resolve(moved, zone)
    start = data.series_start if rule and data.series_start is not None else local
    local = moved or local
    if start.tzinfo is not None or start > local:
        raise v.fail("due", start, _("the series cannot start after its first occurrence"))
    start_text = start.replace(second=0, microsecond=0).strftime(LOCAL_FORMAT)
    return _Timing(
        zone=zone,
        resolution=resolution,
        rule=rule,
        local_due=local.strftime(LOCAL_FORMAT),
        rrule_start=start_text if rule else None,
        moved_from=data.local_due if moved is not None else None,
    )


def add_follow_up(session: Session, data: FollowUpInput) -> Scheduled:
    """Schedule inside an open transaction (quick log uses this with its interaction).

    A repeating one that moves to working days whose first occurrence is on a non-working day
    there is due on the next working day, its series starting at the time given
    (:attr:`Scheduled.moved_from`); with ``series_start`` (a calendar's series) the first
    occurrence is taken as given."""
    contact = trash.live(session, Contact, data.contact_id)
    timing = _timing(data, contact)
    item = FollowUp(
        contact_id=contact.id,
        account_id=contact.account_id,
        title=v.required("title", data.title),
        notes=v.optional("notes", data.notes),
        local_due=timing.local_due,
        zone=timing.zone,
        due_at=timing.resolution.instant,
        duration_minutes=data.duration_minutes,
        rrule=timing.rule,
        rrule_start=timing.rrule_start,
        move_to_working_day=data.move_to_working_day,
        origin=data.origin,
        ics_uid=data.ics_uid,
        ics_sequence=data.ics_sequence,
    )
    session.add(item)
    session.flush()
    return Scheduled(item.id, timing.resolution, timing.moved_from)


def replace_from_calendar(session: Session, item: FollowUp, data: FollowUpInput) -> Scheduled:
    """Give the open follow-up ``item`` what ``data`` says of a newer version of its calendar
    event (a meeting moved, retitled or given another rule in Google or Outlook, or on another
    laptop, and its file imported here): its title, notes, length, time, zone and series, as
    :func:`add_follow_up` would schedule them, inside the caller's transaction. It stays with
    its contact, is no longer snoozed and reminds again. Its ``ics_sequence`` is set so that
    its event's SEQUENCE (:func:`~accountdesk.core.services.calendar_files.event_sequence`:
    the stored one and the saves since) is the event's after this one save: exported again,
    it is the version the calendar has, not a newer one."""
    contact = trash.live(session, Contact, item.contact_id or data.contact_id)
    with session.no_autoflush:  # one UPDATE, so the version grows by one
        timing = _timing(data, contact)
        item.title = v.required("title", data.title)
        item.notes = v.optional("notes", data.notes)
        item.duration_minutes = data.duration_minutes
        item.local_due = timing.local_due
        item.zone = timing.zone
        item.due_at = timing.resolution.instant
        item.rrule = timing.rule
        item.rrule_start = timing.rrule_start
        item.move_to_working_day = data.move_to_working_day
        item.origin = data.origin
        item.ics_uid = data.ics_uid
        item.ics_sequence = data.ics_sequence - item.version  # the version after the save, less 1
        item.snoozed_until = None
        item.notified_at = None
    session.flush()
    return Scheduled(item.id, timing.resolution, timing.moved_from)


def schedule(db: Database, data: FollowUpInput) -> Scheduled:
    with db.transaction() as session:
        return add_follow_up(session, data)


def edit(
    db: Database,
    follow_up_id: str,
    *,
    title: str,
    notes: str | None,
    rrule: str | None,
    local_due: datetime,
    zone: str | None = None,
    expected_version: int | None = None,
) -> Scheduled:
    """Change a follow-up's details and move it to another wall-clock time (in its zone, or a
    new one), in one transaction: when anything is invalid, nothing changes.

    Moving it (another time, zone or repeat rule; a zone's other name, ``Europe/Kyiv`` for a
    stored ``Europe/Kiev``, is the same zone: :func:`~accountdesk.core.timekeeping.zones.
    same_zone`) reopens it and clears its snooze. A repeating one whose occurrence keeps its
    day and rule (another time of day, or zone) keeps its series: its days, and what is left
    of a COUNT, at the new time (a Monday call moved to Tuesday for a holiday, then from
    10:00 to 11:00, stays on Mondays). Moved to another day, or given another rule, it
    restarts from the new time, with what was left of its COUNT when the rule is the same
    (:func:`~accountdesk.core.timekeeping.recurrence.restarted`). A save that changes only the
    title or the notes leaves the rest as it is: a repeating one keeps its series (the 31st of
    a monthly one that is at 30 April now), a snoozed one its snooze.
    ``expected_version``: the version the form was loaded at (:func:`for_edit`); when someone
    saved the follow-up since, the save is refused
    (:class:`~accountdesk.core.services.conflicts.ConflictError`).
    """
    with saving(db) as session:
        editable(session, FollowUp, follow_up_id, expected_version)
        item = trash.live(session, FollowUp, follow_up_id)  # in the trash: who, when
        new_zone = v.timezone(zone, allow_empty=True) or item.zone
        if same_zone(new_zone, item.zone):  # Europe/Kyiv from the box for a stored Europe/Kiev
            new_zone = item.zone
        resolution = _resolve(local_due, new_zone)
        if title != shown_title(item.title, item.origin):  # as shown: kept as stored
            item.title = v.required("title", title)
        item.notes = v.optional("notes", notes)
        rule = _check_rrule(rrule, local_due)
        local = local_due.replace(second=0, microsecond=0)
        local_text = local.strftime(LOCAL_FORMAT)
        if (rule, local_text, new_zone) == (item.rrule, item.local_due, item.zone):
            return Scheduled(item.id, resolution)  # not moved
        current = datetime.fromisoformat(item.local_due)
        first = datetime.fromisoformat(item.rrule_start or item.local_due)
        moved = None
        if rule is not None and rule == item.rrule and local.date() == current.date():
            # the same day at another time (or zone): the series keeps its days at that time
            start = first + (local - current)
        else:
            if rule is not None and rule == item.rrule:  # another day: what is left of it
                from accountdesk.core.timekeeping.recurrence import restarted

                rule = restarted(rule, first, current, item.zone)
            contact = session.get(Contact, item.contact_id) if item.contact_id else None
            moved = _first_moved(local, rule, item.move_to_working_day, contact)
            if moved is not None:  # restarted on their weekend: due on the next working day
                resolution = _resolve(moved, new_zone)
            start = local
        item.rrule = rule
        item.local_due = (moved or local).strftime(LOCAL_FORMAT)
        item.rrule_start = start.strftime(LOCAL_FORMAT) if item.rrule else None
        item.zone = new_zone
        item.due_at = resolution.instant
        item.snoozed_until = None
        item.notified_at = None
        item.status = "open"
        return Scheduled(item.id, resolution, local_due if moved is not None else None)


def for_edit(db: Database, follow_up_id: str) -> Loaded[FollowUpEdit]:
    """The stored follow-up as the rescheduling form shows it, with the version it was read at."""
    with db.reader() as session:
        item = trash.live(session, FollowUp, follow_up_id)  # in the trash: who, when
        data = FollowUpEdit(
            contact_id=item.contact_id,
            title=shown_title(item.title, item.origin),
            notes=item.notes,
            rrule=item.rrule,
            local_due=datetime.fromisoformat(item.local_due),
            zone=item.zone,
            move_to_working_day=item.move_to_working_day,
        )
        return Loaded(data, item.version)


def _still_shown(session: Session, follow_up: Shown | str) -> FollowUp | None:
    """The stored follow-up, locked to the end of the transaction, when it is open and still
    at the occurrence a view showed (``follow_up``: :class:`Shown`; a bare id, from a caller
    without a view, takes the occurrence it is at now). None when it was completed, or moved
    to another occurrence or time, since: a list or a reminder loaded before may still offer
    it, and completing it again would skip the next occurrence of a repeating one. One moved
    to the trash (or purged) since a view showed it is None too: a reminder of three
    follow-ups still completes the two that are there; a bare id is refused
    (:func:`~accountdesk.core.services.trash.missing`)."""
    shown = follow_up if isinstance(follow_up, Shown) else None
    follow_up_id = follow_up.id if isinstance(follow_up, Shown) else follow_up
    item = session.get(FollowUp, follow_up_id, with_for_update=True, populate_existing=True)
    if item is None or item.deleted_at is not None:
        if shown is not None:
            return None
        raise trash.missing(FollowUp, item, follow_up_id)  # in the trash: who moved it, when
    if item.status != "open" or (shown is not None and item.due_at != shown.due_at):
        return None
    return item


def complete(db: Database, follow_ups: Sequence[Shown | str], clock: Clock = system_clock) -> int:
    """Mark follow-ups done; a recurring one moves on to its next occurrence instead
    (:func:`complete_undoably`). Returns how many were completed."""
    return len(complete_undoably(db, follow_ups, clock))


@dataclass(frozen=True)
class Completion:
    """One follow-up :func:`complete_undoably` completed, or moved on to its next occurrence:
    what it was before (to put it back: :func:`reopen`) and what it was left as (``after_*``:
    to tell whether it changed since)."""

    id: str
    status: str
    completed_at: datetime | None
    local_due: str
    due_at: datetime
    snoozed_until: datetime | None
    notified_at: datetime | None
    after_status: str
    after_completed_at: datetime | None
    after_local_due: str
    after_due_at: datetime


def complete_undoably(
    db: Database, follow_ups: Sequence[Shown | str], clock: Clock = system_clock
) -> list[Completion]:
    """Mark follow-ups done; a recurring one moves on to its next occurrence instead.

    ``follow_ups``: as the list or the reminder showed them (:class:`Shown`); one completed
    or moved since (done, at a later occurrence, rescheduled) is left as it is, its
    completion time kept (:func:`_still_shown`). Returns the ones completed, as they were
    before and after, for :func:`reopen` (Undo)."""
    now = clock()
    done: list[Completion] = []
    with db.transaction() as session:
        for follow_up in follow_ups:
            item = _still_shown(session, follow_up)
            if item is None:
                continue
            before = (
                item.status,
                item.completed_at,
                item.local_due,
                item.due_at,
                item.snoozed_until,
                item.notified_at,
            )
            if item.rrule:
                _advance(session, item, now)
            else:
                item.status = "done"
                item.completed_at = now
            after = (item.status, item.completed_at, item.local_due, item.due_at)
            done.append(Completion(item.id, *before, *after))
    return done


def reopen(db: Database, completed: Sequence[Completion]) -> list[str]:
    """Undo :func:`complete_undoably`: each follow-up back as it was before, open at the
    occurrence it was at (a repeating one back from its next occurrence), with its snooze
    and reminder as they were. One changed since (completed again, rescheduled, moved to the
    trash or purged) is left as it is. Returns the ids of those reopened."""
    reopened: list[str] = []
    with db.transaction() as session:
        for was in completed:
            item = session.get(FollowUp, was.id, with_for_update=True, populate_existing=True)
            if item is None or item.deleted_at is not None:
                continue
            now = (item.status, item.completed_at, item.local_due, item.due_at)
            if now != (
                was.after_status,
                was.after_completed_at,
                was.after_local_due,
                was.after_due_at,
            ):
                continue
            item.status = was.status
            item.completed_at = was.completed_at
            item.local_due = was.local_due
            item.due_at = was.due_at
            item.snoozed_until = was.snoozed_until
            item.notified_at = was.notified_at
            reopened.append(item.id)
    return reopened


def _advance(session: Session, item: FollowUp, now: datetime) -> None:
    """Move a repeating follow-up on to its next occurrence: after the one done (by the rule's
    own time, so one moved to a working day is not due twice) and after now."""
    from accountdesk.core.timekeeping.recurrence import occurrences, rule_time

    contact = session.get(Contact, item.contact_id) if item.contact_id else None
    first = datetime.fromisoformat(item.rrule_start or item.local_due)
    rule = item.rrule or ""
    done = rule_time(rule, first, datetime.fromisoformat(item.local_due), item.zone)
    after = max(now, item.due_at) + timedelta(minutes=1)
    try:
        upcoming = occurrences(
            rule,
            first,
            item.zone,
            after=after,
            count=1,
            move_to_working_day=item.move_to_working_day,
            country=contact.country if contact else None,
            subdivision=contact.subdivision if contact else None,
            past=done,
        )
    except ValueError as exc:  # a rule stored before its part was checked (BYMONTHDAY=0)
        raise v.fail("rrule", rule, str(exc)) from None
    if not upcoming:  # the rule has run out
        item.status = "done"
        item.completed_at = now
        return
    nxt = upcoming[0]
    item.local_due = nxt.local.strftime(LOCAL_FORMAT)
    item.due_at = nxt.instant
    item.snoozed_until = None
    item.notified_at = None


@dataclass(frozen=True)
class Snoozed:
    """What :func:`snooze` did: how many follow-ups it ``snoozed``, and how many it left as
    they were because they are ``not_due`` by the time asked for (their reminder comes when
    they fall due: a snooze cannot bring it forward)."""

    snoozed: int
    not_due: int = 0


def snooze(db: Database, follow_ups: Sequence[Shown | str], until: datetime) -> Snoozed:
    """Remind again at ``until`` (an aware instant). ``follow_ups`` as :func:`complete` takes
    them: one done, or moved on to another occurrence or time, since the view showed it is
    left as it is (the snooze was meant for what was shown). One due at ``until`` or later is
    left as it is too: its reminder comes when it is due, whatever a snooze says
    (:func:`~accountdesk.core.timekeeping.reminders.snooze_delays`)."""
    from accountdesk.core.timekeeping.reminders import snooze_delays

    if until.tzinfo is None:
        raise v.fail("due", until, _("needs a time zone"))
    snoozed = not_due = 0
    with db.transaction() as session:
        for follow_up in follow_ups:
            item = _still_shown(session, follow_up)
            if item is None:
                continue
            if not snooze_delays(item.due_at, until):
                not_due += 1
                continue
            item.snoozed_until = until
            item.notified_at = None
            snoozed += 1
    return Snoozed(snoozed, not_due)


def mark_notified(db: Database, follow_up_ids: Sequence[str], clock: Clock = system_clock) -> None:
    """Mark the reminders of ``follow_up_ids`` as shown. On a team server, and on a laptop's
    copy of one, only the user's own are marked
    (:func:`~accountdesk.core.queries.followups.reminds_me`): a reminder shown by someone
    else's app never keeps it from the person it is for."""
    if not follow_up_ids:
        return
    in_team = db.member is not None  # (a laptop's own file: everything is its one user's)
    with db.transaction() as session:
        mine = list(follow_up_ids)
        if in_team:
            mine = list(
                session.scalars(
                    select(FollowUp.id)
                    .join(Account, Account.id == FollowUp.account_id)
                    .where(FollowUp.id.in_(mine), reminds_me(db))
                )
            )
        if not mine:
            return
        # Bookkeeping of the reminders, not an edit: the version stays, so a form opened on
        # the follow-up before its reminder fired still saves (tests: RAW_UPDATES_UNBUMPED).
        session.execute(update(FollowUp).where(FollowUp.id.in_(mine)).values(notified_at=clock()))


def recompute_due(db: Database) -> int:
    """Derive ``due_at`` again from wall time and zone for every open follow-up.

    Run at start-up: when tzdata's rules for a zone change, the intended local time is kept
    and the instant moves. Returns how many instants changed.
    """
    changed = 0
    with db.transaction() as session:
        rows = session.execute(
            select(FollowUp.id, FollowUp.local_due, FollowUp.zone, FollowUp.due_at).where(
                FollowUp.status == "open", FollowUp.deleted_at.is_(None)
            )
        ).all()
        updates = []
        for id_, local, zone, due in rows:
            instant = resolve_wall_time(datetime.fromisoformat(local), zone).instant
            if instant != due:
                updates.append({"id": id_, "due_at": instant})
        for row in updates:
            session.execute(
                update(FollowUp)
                .where(FollowUp.id == row["id"])
                .values(due_at=row["due_at"], **bumped(FollowUp))
            )
        changed = len(updates)
    return changed


def last_touch_by_contact(session: Session) -> dict[str, datetime]:
    rows = session.execute(
        select(interaction_participants.c.contact_id, func.max(Interaction.occurred_at))
        .join(Interaction, Interaction.id == interaction_participants.c.interaction_id)
        .where(Interaction.deleted_at.is_(None))
        .group_by(interaction_participants.c.contact_id)
    ).all()
    return {cid: when.replace(tzinfo=UTC) if when.tzinfo is None else when for cid, when in rows}


#: The stored instant the stay-in-touch clock starts from (see :func:`raise_stay_in_touch`).
BASELINE_KEY = "stay_in_touch.baseline"


def start_stay_in_touch_clock(session: Session, instant: datetime) -> None:
    """Inside an open transaction: let every contact's stay-in-touch count start no earlier
    than ``instant``. Demo data calls this, so years of made-up history are not all overdue on
    the next start."""
    if instant.tzinfo is None:
        raise ValueError("instant must be timezone-aware")
    row = session.get(Setting, BASELINE_KEY)
    value = instant.astimezone(UTC).isoformat()
    if row is None:
        session.add(Setting(key=BASELINE_KEY, value=value, updated_at=instant))
    elif datetime.fromisoformat(row.value) < instant:
        row.value = value


@dataclass(frozen=True)
class _Candidate:
    due: datetime
    contact_id: str
    zone: str
    country: str | None
    subdivision: str | None
    work_start: str | None
    work_end: str | None


#: The transaction-level advisory lock :func:`raise_stay_in_touch` holds on a team server
#: (any number of AccountDesk's own: "ADst" in ASCII).
STAY_IN_TOUCH_LOCK = 0x41447374


def raise_stay_in_touch(
    db: Database,
    clock: Clock = system_clock,
    rules: CadenceRules | None = None,
    user_zone: str | None = None,
) -> list[str]:
    """Raise "Stay in touch" follow-ups for contacts nobody has been in touch with for their
    cadence; returns the new follow-ups' ids. Run at every start.

    - **Cadence**: the contact's own, else the stricter of their account's tier and their
      latest NPS band (:mod:`accountdesk.core.timekeeping.stay_in_touch`); contacts of lost
      accounts are left alone. Any logged interaction resets the count.
    - **No duplicates**: a contact with any open follow-up (a stay-in-touch one or a real one)
      gets none; that follow-up is already the next touch.
    - **Daily cap**: at most ``stay_in_touch.daily_cap`` (a setting, default 10) are raised per
      day of the user (their zone), counting every one raised that day, also at an earlier
      start; the most overdue first. The rest wait for the next days, so a backlog arrives a
      day's worth at a time and never as a flood.
    - **Placement**: at the contact's next good working slot in their own zone, hours, weekend
      and public holidays (:func:`~accountdesk.core.timekeeping.stay_in_touch.touch_slot`),
      never before now.
    - **Fresh start**: a count starts no earlier than the contact's creation (an import starts
      everyone fresh by itself) and no earlier than the stored baseline
      (:func:`start_stay_in_touch_clock`, written with demo data), so the first start after
      either raises nothing that was already overdue.
    """
    from accountdesk.core import metrics, settings
    from accountdesk.core.db.models import Account, SurveyResponse
    from accountdesk.core.reports.data import survey_records
    from accountdesk.core.timekeeping.reminders import midnight
    from accountdesk.core.timekeeping.stay_in_touch import (
        DEFAULT_RULES,
        due_for_touch,
        effective_cadence,
        nps_band,
        touch_slot,
    )
    from accountdesk.core.timekeeping.workhours import WorkingHours
    from accountdesk.core.timekeeping.zones import to_wall, user_day

    now = clock()
    rules = rules or DEFAULT_RULES
    cap = int(settings.get(db, "stay_in_touch.daily_cap"))
    zone = user_zone or settings.current_zone(db)
    day_start = midnight(to_wall(now, zone).date(), zone)
    created: list[str] = []
    with db.transaction() as session:
        if db.is_postgres:
            # Two apps starting at once on a team server: the second waits here until the
            # first has committed, then reads what it raised (READ COMMITTED: each statement
            # sees what was committed before it), so nothing is raised twice. A laptop's file
            # has one writer at a time already (BEGIN IMMEDIATE).
            session.execute(select(func.pg_advisory_xact_lock(STAY_IN_TOUCH_LOCK)))
        raised_today = session.scalar(
            select(func.count())
            .select_from(FollowUp)
            .where(FollowUp.origin == STAY_IN_TOUCH, FollowUp.created_at >= day_start)
        )
        room = cap - int(raised_today or 0)
        if room <= 0:
            return []
        stored = session.get(Setting, BASELINE_KEY)
        baseline = datetime.fromisoformat(stored.value) if stored is not None else None
        last_touch = last_touch_by_contact(session)
        # a person's band is the at-risk score's (metrics.latest_nps): their answer about
        # the account they are at now, of the last 12 months (only those are read)
        today = user_day(now, zone)
        year = metrics.last_year(today)
        answers = survey_records(
            session,
            SurveyResponse.kind == "nps",
            SurveyResponse.answered_on.between(year.start, year.end),
        )
        latest_nps = metrics.latest_nps(answers, today)
        busy = select(FollowUp.contact_id).where(
            FollowUp.contact_id.is_not(None),
            FollowUp.status == "open",
            FollowUp.deleted_at.is_(None),
        )
        people = session.execute(
            select(
                Contact.id,
                Contact.account_id,
                Contact.stay_in_touch_days,
                Contact.created_at,
                Contact.timezone,
                Contact.country,
                Contact.subdivision,
                Contact.work_start,
                Contact.work_end,
                Account.tier,
            )
            .join(Account, Account.id == Contact.account_id)
            .where(
                *live(Contact, Account),  # the contacts shown
                Account.status != "lost",
                Contact.id.not_in(busy),
            )
        )
        candidates: list[_Candidate] = []
        for cid, account_id, days, since, tz, country, sub, work_start, work_end, tier in people:
            answer = latest_nps.get((account_id, cid))
            band = nps_band(answer.score) if answer is not None else None
            cadence = effective_cadence(days, tier, band, rules)
            due = due_for_touch(last_touch.get(cid), cadence, now, since, baseline)
            if due is not None:
                candidates.append(_Candidate(due, cid, tz, country, sub, work_start, work_end))
        candidates.sort(key=lambda c: (c.due, c.contact_id))
        for candidate in candidates[:room]:
            hours = WorkingHours.for_contact(
                candidate.country,
                candidate.work_start,
                candidate.work_end,
                subdivision=candidate.subdivision,
            )
            slot = touch_slot(now, candidate.zone, hours, candidate.country, candidate.subdivision)
            scheduled = add_follow_up(
                session,
                FollowUpInput(
                    contact_id=candidate.contact_id,
                    title=TITLE,  # shown in the language of the day (shown_title)
                    local_due=to_wall(slot, candidate.zone),
                    zone=candidate.zone,
                    origin=STAY_IN_TOUCH,
                ),
            )
            item = session.get(FollowUp, scheduled.id)
            assert item is not None
            item.created_at = item.updated_at = now  # the daily cap counts by the clock's day
            created.append(scheduled.id)
    return created


@dataclass(frozen=True)
class Logged:
    """What a quick log saved: the interaction's id, and its follow-up (None without one),
    whose ``resolution`` says whether its time fell in a DST gap or overlap."""

    interaction_id: str
    follow_up: Scheduled | None = None


def log_with_follow_up(
    db: Database, interaction: InteractionInput, follow_up: FollowUpInput | None = None
) -> Logged:
    """Quick log: the interaction and its optional follow-up in one transaction.

    The follow-up's contact is the interaction's first participant unless given.
    """
    with db.transaction() as session:
        logged = add_interaction(session, interaction)
        scheduled = add_follow_up(session, follow_up) if follow_up is not None else None
        return Logged(str(logged.id), scheduled)
