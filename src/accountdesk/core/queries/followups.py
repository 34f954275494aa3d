"""Read views of follow-ups: the lists of the Follow-ups screen, Today, reminders, the CLI.

Buckets are those of :mod:`accountdesk.core.timekeeping.reminders`, and they hold open
follow-ups only: a done follow-up is never overdue, nor due today or later. That rule is here,
once for SQL (:func:`_in_bucket`: every list filtered by a bucket, the counts, Today) and once
for a listed row (:func:`follow_up_bucket`: what a screen shows and colours); a test holds the
two together. The reminder rule is :func:`due_for_reminder`; the text filter is the folded
search of Ctrl+K (:mod:`accountdesk.core.db.fts`).

A list row and a reminder say which occurrence they showed (:class:`Shown`): completing or
snoozing from a view that is out of date leaves a follow-up that moved on since as it is
(:func:`accountdesk.core.services.followups.complete`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Table,
    and_,
    case,
    func,
    or_,
    select,
    true,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import (
    display_name,
    fold,
    ids_matching_sql,
    match_expression,
    query_words,
    text_has,
    written_apart,
)
from accountdesk.core.db.models import Account, Contact, FollowUp
from accountdesk.core.db.sync_schema import unsent
from accountdesk.core.i18n import _
from accountdesk.core.queries.visible import live, shown_by_key
from accountdesk.core.timekeeping.reminders import (
    BUCKETS,
    Bucket,
    BucketBounds,
    bucket_bounds,
    bucket_of,
)
from accountdesk.core.timekeeping.stay_in_touch import (
    STAY_IN_TOUCH,
    TITLE,
    generated_titles,
    shown_title,
)

__all__ = [
    "BUCKETS",
    "Bucket",
    "FollowUpRow",
    "Reminded",
    "Shown",
    "counts_by_bucket",
    "due_for_reminder",
    "follow_up_bucket",
    "list_follow_ups",
    "reminded",
    "reminds_me",
    "shown_follow_ups",
]

_Query = TypeVar("_Query", bound="Select[*tuple[Any, ...]]")

#: The status of a follow-up still to do; the only one that is in a bucket.
OPEN = "open"


@dataclass(frozen=True)
class Shown:
    """A follow-up as a list or a reminder showed it: its id and the due instant of the
    occurrence shown (a repeating follow-up's moves on when one is completed; a snooze does
    not move it)."""

    id: str
    due_at: datetime  # aware UTC


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    title: str
    notes: str | None
    contact_id: str | None
    contact_name: str
    account_id: str
    account_name: str
    country: str | None
    local_due: datetime  # naive wall time in ``zone``
    zone: str
    due_at: datetime  # aware UTC
    duration_minutes: int
    status: str
    completed_at: datetime | None  # aware UTC; None while open
    snoozed_until: datetime | None
    rrule: str | None
    origin: str
    #: A repeating follow-up's first occurrence (naive wall time in ``zone``): the series the
    #: rule runs from (``local_due`` is the occurrence it is at now).
    rrule_start: datetime | None = None
    #: An occurrence on a non-working day there moves to the next working day.
    move_to_working_day: bool = False
    subdivision: str | None = None  # the contact's region (holidays, weekend)
    #: The UID and SEQUENCE of the calendar event it was imported from (None and 0: made
    #: here), and the version it was saved at: what its exported event's are made of.
    ics_uid: str | None = None
    ics_sequence: int = 0
    version: int = 1

    @property
    def shown(self) -> Shown:
        """The occurrence this row shows, for completing or snoozing it."""
        return Shown(self.id, self.due_at)


def shown_follow_ups(query: _Query) -> _Query:
    """``query`` (over follow-ups) narrowed to the follow-ups shown: the lists, counts,
    reminders and the account and contact views. Not in the trash, nor their account or
    contact (:mod:`accountdesk.core.queries.visible`); joins ``Account`` and outer-joins
    ``Contact`` (a follow-up about no contact has none)."""
    return (
        query.join(Account, Account.id == FollowUp.account_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .where(*live(FollowUp, Account, Contact))
    )


def follow_up_bucket(row: FollowUpRow, bounds: BucketBounds) -> Bucket | None:
    """The bucket ``row`` is in at ``bounds``, None when it is done: a done follow-up is never
    overdue, whenever it was due (the rule of :func:`_in_bucket`, for a row in hand)."""
    return bucket_of(row.due_at, bounds) if row.status == OPEN else None


def _in_bucket(bounds: BucketBounds, bucket: Bucket) -> list[ColumnElement[bool]]:
    """The follow-ups in ``bucket``: open ones due in its range (:func:`follow_up_bucket`)."""
    start, end = bounds.range(bucket)
    conditions = [FollowUp.status == OPEN]
    if start is not None:
        conditions.append(FollowUp.due_at >= start)
    if end is not None:
        conditions.append(FollowUp.due_at < end)
    return conditions


def _refs_of(postgres: bool, kind: str, name: str, expression: str | None) -> Select[tuple[str]]:
    """The refs of the ``kind`` records whose documents match ``expression`` (bound as
    ``name``). Each key is looked up among the documents of its own kind: one letter matched
    138,447 documents of the 300k demo, and every one's ref was listed for the contacts and
    again for the accounts (the filter took 0.9 s; 0.45 s now)."""
    query = sql_text(ids_matching_sql(postgres, name, kind=kind)).bindparams(**{name: expression})
    found = query.columns(ref=String).subquery()
    return select(found.c.ref)


def _title_has(title: str | None, word: str) -> int:
    """SQLite's ``accountdesk_title_has``: :func:`text_has` of a stored title, unfolded."""
    return int(text_has(word, fold(title or "")))


def _matching(session: Session, query: str) -> list[ColumnElement[bool]]:
    """Every word of ``query`` (folded as Ctrl+K folds it) must match: as a word prefix in the
    search index of the follow-up's contact or account (names, e-mails, city … as Ctrl+K
    finds them), or inside the follow-up's folded title, as it is stored or, for one stay in
    touch raised, as it is shown (:func:`~accountdesk.core.timekeeping.stay_in_touch.
    shown_title`)."""
    found = query_words(query)  # a phone typed in groups is one word, as Ctrl+K reads it
    if not found:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        # PostgreSQL cannot call Python's fold: the titles are folded here (follow-ups are
        # few next to contacts), and the matching ids go back as a list
        titles = session.execute(
            select(FollowUp.id, FollowUp.title).where(FollowUp.deleted_at.is_(None))
        ).all()
        folded = [(id_, fold(title or "")) for id_, title in titles]
    else:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        raw.create_function("accountdesk_title_has", 2, _title_has, deterministic=True)
    # a title stay in touch gave, in whatever language, is found by the words it is shown in
    raised = and_(FollowUp.origin == STAY_IN_TOUCH, FollowUp.title.in_(generated_titles()))
    words: dict[str, ColumnElement[bool]] = {}

    def matches(word: str) -> ColumnElement[bool]:
        if word not in words:
            name = f"word{len(words)}"
            expression = match_expression(word, postgres=postgres)
            in_title = (
                FollowUp.id.in_([id_ for id_, title in folded if text_has(word, title)])
                if postgres
                else func.accountdesk_title_has(FollowUp.title, word) == 1
            )
            words[word] = or_(
                FollowUp.contact_id.in_(_refs_of(postgres, "contact", name, expression)),
                FollowUp.account_id.in_(_refs_of(postgres, "account", name, expression)),
                in_title,
                *([raised] if text_has(word, fold(_(TITLE))) else []),
            )
        return words[word]

    # neighbouring words also as one written together ("علی زاده" for علیزاده), as Ctrl+K
    forms = written_apart(found)
    if len(forms) == 1:
        return [matches(word) for word in found]
    return [or_(*(and_(*map(matches, form)) for form in forms))]


def list_follow_ups(
    db: Database,
    *,
    now: datetime,
    user_zone: str,
    due: Bucket | None = None,
    status: str | None = "open",
    contact_id: str | None = None,
    account_id: str | None = None,
    text: str | None = None,
    limit: int | None = None,
    account_ids: Collection[str] | None = None,
) -> list[FollowUpRow]:
    """Follow-ups in due order, filtered by bucket (in the user's zone), status, owner and the
    folded search text (see :func:`_matching`); ``account_ids``: only those accounts' (a
    report's scope: at most a few hundred ids a query). A bucket lists open follow-ups only,
    whatever ``status`` says: "overdue" and "done" together list nothing."""
    # the columns a row shows, not three ORM objects a row (87,000 open follow-ups on the
    # 300k demo took 15 s to list as objects)
    query = shown_follow_ups(
        select(
            FollowUp.id, FollowUp.title, FollowUp.notes, FollowUp.contact_id,
            FollowUp.local_due, FollowUp.zone, FollowUp.due_at, FollowUp.duration_minutes,
            FollowUp.status, FollowUp.completed_at, FollowUp.snoozed_until, FollowUp.rrule,
            FollowUp.origin, FollowUp.rrule_start, FollowUp.move_to_working_day,
            FollowUp.ics_uid, FollowUp.ics_sequence, FollowUp.version,
            Contact.id, Contact.given_name, Contact.family_name, Contact.name_order,
            Contact.country, Contact.subdivision, Account.id, Account.name, Account.country,
        )
    ).order_by(FollowUp.due_at, FollowUp.id)  # fmt: skip
    if status is not None:
        query = query.where(FollowUp.status == status)
    if due is not None:
        query = query.where(*_in_bucket(bucket_bounds(now, user_zone), due))
    if contact_id is not None:
        query = query.where(FollowUp.contact_id == contact_id)
    if account_id is not None:
        query = query.where(FollowUp.account_id == account_id)
    if account_ids is not None:
        query = query.where(FollowUp.account_id.in_(list(account_ids)))
    if limit is not None:
        query = query.limit(limit)
    rows = []
    with db.reader() as session:
        if text:
            query = query.where(*_matching(session, text))
        for (
            id_, title, notes, contact_ref, local_due, zone, due_at, duration, status_, completed,
            snoozed, rrule, origin, rrule_start, moves, ics_uid, ics_sequence, version, contact,
            given, family, order, country, subdivision, account, account_name, account_country,
        ) in session.execute(query):  # fmt: skip
            rows.append(
                FollowUpRow(
                    id=id_,
                    title=shown_title(title, origin),
                    notes=notes,
                    contact_id=contact_ref,
                    contact_name=display_name(given, family, order) if contact is not None else "",
                    account_id=account,
                    account_name=account_name,
                    country=country if contact is not None else account_country,
                    local_due=datetime.fromisoformat(local_due),
                    zone=zone,
                    due_at=due_at,
                    duration_minutes=duration,
                    status=status_,
                    completed_at=completed,
                    snoozed_until=snoozed,
                    rrule=rrule,
                    origin=origin,
                    rrule_start=datetime.fromisoformat(rrule_start) if rrule_start else None,
                    move_to_working_day=moves,
                    subdivision=subdivision if contact is not None else None,
                    ics_uid=ics_uid,
                    ics_sequence=ics_sequence,
                    version=version,
                )
            )
    return rows


def reminds_me(db: Database) -> ColumnElement[bool]:
    """Whose reminder a follow-up is (a condition over ``FollowUp`` joined to its ``Account``):
    the one home of that rule, for :func:`due_for_reminder` and for marking reminders notified
    (:func:`accountdesk.core.services.followups.mark_notified`).

    On a team server a follow-up reminds the owner of its account (the rep who answers for the
    customer, whoever scheduled it: stay-in-touch follow-ups are raised by whichever app
    starts first). A follow-up of an account nobody owns reminds the member who last
    scheduled or changed it (its ``updated_by``, which the server stamps), or everyone when
    nobody is known. So only that person's app shows it and marks it notified: nobody else's
    app can swallow it.

    A laptop's copy of a team server keeps the same rule, as its member (who the user is in
    the team, :attr:`~accountdesk.core.db.engine.Database.member`: the login its changes
    reach the server as), so that it neither shows a colleague's reminders nor marks them
    notified (which it would send to the server). The server stamps ``updated_by`` as a
    change reaches it; a copy does not stamp its own changes, so a follow-up the copy
    changed and has not sent yet (:func:`~accountdesk.core.db.sync_schema.unsent`: made,
    rescheduled, marked notified here) counts as its member's, as the server will stamp it
    once it is sent. A laptop's own file has one user, who is reminded of everything."""
    login = db.member
    if login is None:
        return true()
    changed_by_me = or_(FollowUp.updated_by.is_(None), FollowUp.updated_by == login)
    if not db.is_postgres:  # a copy
        changed_by_me = or_(changed_by_me, unsent(cast(Table, FollowUp.__table__)))
    return or_(
        Account.owner == login,
        and_(or_(Account.owner.is_(None), Account.owner == ""), changed_by_me),
    )


def due_for_reminder(db: Database, now: datetime) -> list[Shown]:
    """Open follow-ups whose reminder should show now, oldest alert first, each with the
    occurrence that fell due: the one home of the reminder rule (documented in
    :mod:`accountdesk.core.timekeeping.reminders`). On a team server, only the user's own
    (:func:`reminds_me`).

    A reminder fires at its alert time, ``max(due_at, snoozed_until)``, and shows when that has
    come and it was not notified since, so also the ones that fell due while the app was
    closed, once. ``due_at <= now`` (implied by the rule, as no alert is before its due time)
    lets the ``due_at`` index narrow the rows first.
    """
    alert = case(
        (FollowUp.snoozed_until > FollowUp.due_at, FollowUp.snoozed_until), else_=FollowUp.due_at
    )
    query = (
        shown_follow_ups(select(FollowUp.id, FollowUp.due_at))
        .where(
            FollowUp.status == OPEN,
            FollowUp.due_at <= now,
            alert <= now,
            or_(FollowUp.notified_at.is_(None), FollowUp.notified_at < alert),
            reminds_me(db),
        )
        .order_by(alert, FollowUp.id)
    )
    with db.reader() as session:
        return [Shown(id_, due_at) for id_, due_at in session.execute(query)]


@dataclass(frozen=True)
class Reminded:
    """A follow-up as a reminder names it: what, with whom (the contact's name, or the
    account's for a follow-up about no contact) and when, in its own zone."""

    title: str
    who: str
    due_at: datetime  # aware UTC
    zone: str


def reminded(db: Database, ids: Sequence[str]) -> dict[str, Reminded]:
    """Each follow-up of ``ids`` as a reminder names it (what fell due, whatever list or
    filter the Follow-ups screen shows); one no longer shown (in the trash since) is left
    out."""
    if not ids:
        return {}
    query = shown_follow_ups(
        select(
            FollowUp.id, FollowUp.title, FollowUp.origin, FollowUp.due_at, FollowUp.zone,
            Contact.id, Contact.given_name, Contact.family_name, Contact.name_order,
            Account.name,
        )
    ).where(FollowUp.id.in_(ids))  # fmt: skip
    with db.reader() as session:
        return {
            id_: Reminded(
                shown_title(title, origin),
                display_name(given, family, order) if contact is not None else account,
                due_at,
                zone,
            )
            for id_, title, origin, due_at, zone, contact, given, family, order, account in (
                session.execute(query)
            )
        }


def counts_by_bucket(db: Database, now: datetime, user_zone: str) -> dict[Bucket, int]:
    """How many open follow-ups each bucket holds (the same rows the lists show), counted in
    one pass over the open follow-ups."""
    bounds = bucket_bounds(now, user_zone)
    counted = [func.count().filter(and_(true(), *_in_bucket(bounds, b))) for b in BUCKETS]
    # the rows shown_follow_ups keeps, without joining each one's account and contact
    shown = shown_by_key(FollowUp, FollowUp.contact_id, postgres=db.is_postgres)
    query = select(*counted).select_from(FollowUp).where(*shown, FollowUp.status == OPEN)
    with db.reader() as session:
        found = session.execute(query).one()
    return {bucket: int(n or 0) for bucket, n in zip(BUCKETS, found, strict=True)}
