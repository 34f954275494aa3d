"""Soft delete, restore and purge.

Deleting moves a record to the trash (``deleted_at`` is set) and can be undone; purging removes
it for good, with everything that belongs to it (database cascades: an account's contacts too,
whose search documents :func:`_delete_for_good` drops in the same transaction).

A record asked for that is not there, or is in the trash, is refused by :func:`missing`: one
sentence per kind, and for one in the trash who moved it there and when
(:class:`~accountdesk.core.errors.InTrash`, worded by
:func:`accountdesk.core.services.conflicts.in_trash`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.errors import NotAllowed
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.models import (
    Account,
    Contact,
    CountryNote,
    Deal,
    FollowUp,
    Gift,
    Interaction,
    Note,
    Record,
    SurveyResponse,
)
from accountdesk.core.db.search import remove_documents
from accountdesk.core.errors import InTrash, NotFoundError, UserError
from accountdesk.core.i18n import N_, _, cut_list, format_number, join_list, ngettext
from accountdesk.core.labels import INTERACTION_KIND, SURVEY_KIND, label
from accountdesk.core.timekeeping.stay_in_touch import shown_title

R = TypeVar("R", bound=Record)

KINDS: dict[str, type[Record]] = {
    "account": Account,
    "contact": Contact,
    "interaction": Interaction,
    "follow_up": FollowUp,
    "deal": Deal,
    "survey": SurveyResponse,
    "gift": Gift,
    "note": Note,
    "country_note": CountryNote,
}
KIND_LABELS = {
    "account": N_("Account"),
    "contact": N_("Contact"),
    "interaction": N_("Interaction"),
    "follow_up": N_("Follow-up"),
    "deal": N_("Deal"),
    "survey": N_("Survey response"),
    "gift": N_("Gift"),
    "note": N_("Note"),
    "country_note": N_("Country note"),
}
#: Whole sentences per kind (a translated noun is never glued into a sentence).
NOT_FOUND = {
    "account": N_("There is no account with id {id}."),
    "contact": N_("There is no contact with id {id}."),
    "interaction": N_("There is no interaction with id {id}."),
    "follow_up": N_("There is no follow-up with id {id}."),
    "deal": N_("There is no deal with id {id}."),
    "survey": N_("There is no survey response with id {id}."),
    "gift": N_("There is no gift with id {id}."),
    "note": N_("There is no note with id {id}."),
    "country_note": N_("There is no country note with id {id}."),
}
#: A record moved to the trash by a member of the team ({name}) on {when} (a date and time),
#: since it was read into a form.
TRASHED_BY = {
    "account": N_(
        "{name} moved this account to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
    "contact": N_(
        "{name} moved this contact to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
    "interaction": N_(
        "{name} moved this interaction to the trash on {when}; restore it from the Trash to "
        "save your changes."
    ),
    "follow_up": N_(
        "{name} moved this follow-up to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
    "deal": N_(
        "{name} moved this deal to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "survey": N_(
        "{name} moved this survey response to the trash on {when}; restore it from the Trash "
        "to save your changes."
    ),
    "gift": N_(
        "{name} moved this gift to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "note": N_(
        "{name} moved this note to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "country_note": N_(
        "{name} moved this country note to the trash on {when}; restore it from the Trash to "
        "save your changes."
    ),
}
#: The same when nobody can be named (a laptop's own file).
TRASHED = {
    "account": N_(
        "This account was moved to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "contact": N_(
        "This contact was moved to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "interaction": N_(
        "This interaction was moved to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
    "follow_up": N_(
        "This follow-up was moved to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
    "deal": N_(
        "This deal was moved to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "survey": N_(
        "This survey response was moved to the trash on {when}; restore it from the Trash to "
        "save your changes."
    ),
    "gift": N_(
        "This gift was moved to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "note": N_(
        "This note was moved to the trash on {when}; restore it from the Trash to save your "
        "changes."
    ),
    "country_note": N_(
        "This country note was moved to the trash on {when}; restore it from the Trash to save "
        "your changes."
    ),
}
#: A record in the trash that an action on several records needs, by the action: named, as
#: the action names more than one ({name}, {id}).
TRASHED_BEFORE = {
    "merge": N_("{name} ({id}) is in the trash; restore it before merging."),
}
DELETE_TITLES = {
    "account": N_("Delete account “{title}”"),
    "contact": N_("Delete contact “{title}”"),
    "interaction": N_("Delete interaction “{title}”"),
    "follow_up": N_("Delete follow-up “{title}”"),
    "deal": N_("Delete deal “{title}”"),
    "survey": N_("Delete survey response “{title}”"),
    "gift": N_("Delete gift “{title}”"),
    "note": N_("Delete note “{title}”"),
    "country_note": N_("Delete country note “{title}”"),
}


@dataclass(frozen=True)
class TrashItem:
    kind: str
    id: str
    title: str
    deleted_at: datetime


def _model(kind: str) -> type[Record]:
    try:
        return KINDS[kind]
    except KeyError:
        raise NotFoundError(_("Unknown kind of record: {kind}.").format(kind=kind)) from None


def missing(
    model: type[Record], row: Record | None, id_: str, *, before: str | None = None
) -> NotFoundError:
    """The refusal of the record ``id_`` of ``model`` that a service asked for and found
    missing (``row`` None) or in the trash (``row`` with ``deleted_at``): "There is no …",
    or :class:`~accountdesk.core.errors.InTrash`, which the database words with who moved it
    there and when as the session ends (a form's sentence: "… to save your changes").

    ``before``: an action on several records (a key of :data:`TRASHED_BEFORE`: "merge"),
    which refuses one in the trash by its name, to be restored before the action."""
    kind = next(k for k, m in KINDS.items() if m is model)
    message = _(NOT_FOUND[kind]).format(id=id_)
    if row is None or row.deleted_at is None:
        return NotFoundError(message)
    if before is not None:
        return NotFoundError(
            _(TRASHED_BEFORE[before]).format(name=isolate(_title(row)), id=ltr(id_))
        )
    return InTrash(message, kind, id_, row.updated_by, row.deleted_at)


def live(
    session: Session, model: type[R], id_: str, *, before: str | None = None, lock: bool = False
) -> R:
    """The record ``id_`` of ``model``, there and not in the trash; else its refusal
    (:func:`missing`, with ``before``). ``lock``: read afresh and locked until the transaction
    ends (:func:`accountdesk.core.services.conflicts.editable`)."""
    row = session.get(model, id_, with_for_update=lock, populate_existing=lock)
    if row is None or row.deleted_at is not None:
        raise missing(model, row, id_, before=before)
    return row


def _get(session: Session, kind: str, id_: str) -> Record:
    """The record ``id_`` of ``kind``, in the trash or not."""
    model = _model(kind)
    obj = session.get(model, id_)
    if obj is None:
        raise missing(model, None, id_)
    return obj


def delete(db: Database, kind: str, id_: str, clock: Clock = system_clock) -> None:
    """Move a record to the trash."""
    with db.transaction() as session:
        obj = _get(session, kind, id_)
        if obj.deleted_at is None:
            obj.deleted_at = clock()


@dataclass(frozen=True)
class Restored:
    """What :func:`restore` took out of the trash with the record asked for."""

    kind: str
    id: str
    title: str


def restored_message(title: str, also: list[Restored]) -> str:
    """What the user is told after :func:`restore` of the record ``title``."""
    if not also:
        return _("“{title}” was restored.").format(title=isolate(title))
    records = join_list(_("“{name}”").format(name=isolate(r.title)) for r in also)
    return ngettext(
        "“{title}” was restored, and so was {records}, which it belongs to.",
        "“{title}” was restored, and so were {records}, which it belongs to.",
        len(also),
    ).format(title=isolate(title), records=records)


def _belongs_to(session: Session, obj: Record) -> list[Record]:
    """The records ``obj`` is shown only with (:mod:`accountdesk.core.queries.visible`): the
    contact it is about, and the account it, or that contact, belongs to."""
    found: list[Record] = []
    contact_id = getattr(obj, "contact_id", None)
    contact = session.get(Contact, contact_id) if contact_id else None
    if contact is not None:
        found.append(contact)
    account_id = getattr(obj, "account_id", None) or (contact.account_id if contact else None)
    account = session.get(Account, account_id) if account_id else None
    if account is not None:
        found.append(account)
    return found


def restore(db: Database, kind: str, id_: str) -> list[Restored]:
    """Take a record out of the trash, with the account it belongs to and the contact it is
    about when they are in the trash too: a contact restored into an account left in the trash
    was said to be restored and stayed hidden (and went for good with the account). Returns
    those taken out with it, for the user to be told. A survey answer recorded again while
    this one was in the trash is refused, as its save refuses it
    (:func:`~accountdesk.core.services.activity.refuse_same_answer_restored`): both would
    count."""
    with db.transaction() as session:
        obj = _get(session, kind, id_)
        if isinstance(obj, SurveyResponse) and obj.deleted_at is not None:
            from accountdesk.core.services.activity import refuse_same_answer_restored

            refuse_same_answer_restored(session, obj)  # typed in again meanwhile
        obj.deleted_at = None
        also: list[Restored] = []
        for record in _belongs_to(session, obj):
            if record.deleted_at is not None:
                record.deleted_at = None
                owner = next(k for k, m in KINDS.items() if isinstance(record, m))
                also.append(Restored(owner, record.id, _title(record)))
    return also


def _delete_for_good(session: Session, obj: Record) -> None:
    """Delete ``obj``; the database deletes what belongs to it. An account's contacts go by
    that cascade, unseen by the ORM's search hook, so their search documents are dropped
    here (the account's own goes by the hook)."""
    if isinstance(obj, Account):
        contacts = session.scalars(select(Contact.id).where(Contact.account_id == obj.id))
        remove_documents(session.connection(), list(contacts))
    session.delete(obj)


def purge(db: Database, kind: str, id_: str) -> None:
    """Remove a record for good, with everything that belongs to it; a merge that can no
    longer be undone without it forgets the values it logged (:func:`_forget_dead_merges`)."""
    with db.transaction() as session:
        _delete_for_good(session, _get(session, kind, id_))
        _forget_dead_merges(session)


def _forget_dead_merges(session: Session) -> None:
    """:func:`accountdesk.core.services.duplicates.forget_dead_merges`, after records were
    deleted for good (imported here: the merges' module uses the trash)."""
    from accountdesk.core.services.duplicates import forget_dead_merges

    session.flush()
    forget_dead_merges(session)


def _title(obj: Record) -> str:
    """What the Trash lists ``obj`` as: its name, title or subject; a contact's name in their
    own order; a survey response by its kind and score; an interaction without a subject by
    its kind."""
    if isinstance(obj, Contact):
        return display_name(obj.given_name, obj.family_name, obj.name_order)
    if isinstance(obj, SurveyResponse):
        return _("{kind} score {score}").format(
            kind=isolate(label(SURVEY_KIND, obj.kind)), score=format_number(obj.score)
        )
    if isinstance(obj, FollowUp):  # "Stay in touch" in the language of the day
        return shown_title(obj.title, obj.origin)[:80]
    for attr in ("name", "title", "subject", "description", "body"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:80]
    if isinstance(obj, Interaction):
        return label(INTERACTION_KIND, obj.kind)
    return obj.id


def list_trash(db: Database, limit: int = 500) -> list[TrashItem]:
    """Everything in the trash, most recently deleted first."""
    items: list[TrashItem] = []
    with db.reader() as session:
        for kind, model in KINDS.items():
            query = (
                select(model)
                .where(model.deleted_at.is_not(None))
                .order_by(model.deleted_at.desc())
                .limit(limit)
            )
            for obj in session.scalars(query):
                assert obj.deleted_at is not None
                items.append(TrashItem(kind, obj.id, _title(obj), obj.deleted_at))
    items.sort(key=lambda item: item.deleted_at, reverse=True)
    return items[:limit]


def empty_trash(db: Database) -> int:
    """Purge everything in the trash; returns how many records were removed: every one the
    Trash listed, also those that went with a record they belong to, and the contacts of an
    account in the trash (they go with it; the question said so).

    On a team server a rep may erase only the records of their own accounts (the server's
    erase guard): when the trash holds others, nothing is deleted, and the refusal names
    them and their owners (:func:`_others_in_trash`)."""
    try:
        return _empty(db)
    except NotAllowed as exc:
        named = _others_in_trash(db)
        if named is None:
            raise
        raise named from exc


#: At most this many records are named when emptying the trash is refused.
NAMED_RECORDS = 5


def _others_in_trash(db: Database) -> UserError | None:
    """Why the server refused to empty the trash, in one sentence: the records in it of
    accounts the connected member does not own (the erase guard's rule:
    :func:`~accountdesk.core.db.server.account_owner`), the first :data:`NAMED_RECORDS`
    named with their owners, and how many there are; None when there are none (the refusal
    was another). One query a table, however full the trash."""
    from accountdesk.core.db.server import account_owner, guarded_tables
    from accountdesk.core.queries.team import owner_name, owner_names

    names = owner_names(db)
    me = db.member  # who the erase guard compares owners with (the login the server sees)
    guarded = set(guarded_tables())
    found: list[str] = []
    total = 0
    with db.reader() as session:
        for model in KINDS.values():
            if model.__tablename__ not in guarded:
                continue
            rows, owner = account_owner(model.__tablename__)
            others = true() if me is None else or_(owner.is_(None), owner != me)
            query = (
                select(model, owner, func.count().over())
                .select_from(rows)
                .where(model.deleted_at.is_not(None), others)
                .order_by(model.deleted_at, model.id)
                .limit(NAMED_RECORDS)
            )
            counted = 0
            for obj, holder, count in session.execute(query):
                counted = count
                title = isolate(_title(obj))
                found.append(
                    # TRANSLATORS: a record in the trash and the owner of its account
                    _("“{title}” ({owner})").format(
                        title=title, owner=isolate(owner_name(names, holder))
                    )
                    if holder
                    else _("“{title}” (no owner)").format(title=title)
                )
            total += counted
    if not total:
        return None
    return NotAllowed(
        ngettext(
            "{n} record in the trash is of an account you do not own: {records}. Only the "
            "account's owner or a manager can delete it for good, so nothing was deleted.",
            "{n} records in the trash are of accounts you do not own: {records}. Only their "
            "owners or a manager can delete them for good, so nothing was deleted.",
            total,
        ).format(n=format_number(total), records=cut_list(found, NAMED_RECORDS, total=total))
    )


def _empty(db: Database) -> int:
    with db.transaction() as session:
        removed = sum(
            session.scalar(
                select(func.count()).select_from(model).where(model.deleted_at.is_not(None))
            )
            or 0
            for model in KINDS.values()
        )
        # an account's contacts go with it though they are not in the trash themselves
        removed += (
            session.scalar(
                select(func.count())
                .select_from(Contact)
                .join(Account, Account.id == Contact.account_id)
                .where(Account.deleted_at.is_not(None), Contact.deleted_at.is_(None))
            )
            or 0
        )
        for model in KINDS.values():
            # queried after the earlier kinds' deletes are flushed: what went with them by
            # the database's cascade is no longer there
            trashed = session.scalars(select(model).where(model.deleted_at.is_not(None))).all()
            for obj in trashed:
                _delete_for_good(session, obj)
        _forget_dead_merges(session)
    return removed
