"""Two people editing the same record at once: the later save made from an older copy is refused.

Every record has a ``version`` (:class:`accountdesk.core.db.models.Record`): SQLAlchemy raises
it on every update and checks it, but only for the moment of one flush. A form is open for
minutes, so an edit form keeps the version it was loaded at (:class:`Loaded`, from a service's
``*_for_edit`` function) and hands it back to the service's update function as
``expected_version``. Inside the write transaction, :func:`editable` locks the stored row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write transaction is ``BEGIN IMMEDIATE``
already, one writer at a time) and refuses the save when the version is not the one the form
was loaded at. So of two saves made from the same version exactly one is written, and the other
person is told who changed the record and when (:class:`ConflictError`), while their form keeps
what they typed; nothing of the first save is lost.

A form that also hands back what it loaded (``loaded``, the :class:`Loaded` data) is not
refused as a whole: :func:`merge` compares, field by field, what the form loaded, what is
stored now and what was typed. A field only the other person changed keeps theirs, a field
only this user changed gets theirs, and the save is written with both; only a field both
changed, to different values, is a conflict, and the refusal names each such field with both
values (:class:`FieldConflict`), so nothing is saved until the user chooses.

``expected_version=None`` (a caller without a form: an import, the command line) keeps the
old behaviour: the save is written over whatever is stored, under the same lock.

A record someone moved to the trash after the form was loaded is refused too, by
:func:`editable` (a save) and by the service that reads it for a form (a reload), with who
moved it there and when (:class:`TrashedError`, worded by :func:`in_trash`); the form keeps
what was typed, to be saved once the record is restored. Who and when are said by one rule,
:func:`_who_and_when`, for both refusals.

Update functions run in :func:`saving` instead of ``Database.transaction``: it turns the
refusal, and SQLAlchemy's ``StaleDataError`` (a row changed by someone else between reading it
and writing it in one transaction), into the one :class:`ConflictError`, and writes the record
once, at the end, so that its version grows by exactly one per save.

A write that bypasses the ORM (a Core ``update()`` of a record table: imports, merges, closing
stay-in-touch follow-ups) raises the version too, with the values of :func:`bumped`, so that a
form opened before it is refused as well (tests/core/services/test_conflicts_raw_updates.py
checks every such statement in the source).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Table
from sqlalchemy.orm import Session

from accountdesk.core.bidi import isolate
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Record, utcnow
from accountdesk.core.errors import InTrash, NotFoundError, UserError
from accountdesk.core.i18n import _, format_when, pgettext
from accountdesk.core.services import trash

__all__ = [
    "Clash",
    "ConflictError",
    "FieldConflict",
    "Loaded",
    "TrashedError",
    "bumped",
    "changed_meanwhile",
    "editable",
    "in_trash",
    "merge",
    "outdated",
    "refusal",
    "saving",
]

T = TypeVar("T")
R = TypeVar("R", bound=Record)


class ConflictError(UserError):
    """A save refused because someone else saved the same record after the form was loaded.
    ``changed_by`` (a server login) and ``changed_at`` say who and when, when known."""

    def __init__(
        self, message: str, changed_by: str | None = None, changed_at: datetime | None = None
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


@dataclass(frozen=True)
class Clash:
    """One field both people changed since the form was loaded, to different values: its key
    (a :data:`~accountdesk.core.validation.FIELD_LABELS` key), what is stored now (the other
    person's) and what this user typed."""

    field: str
    stored: object
    typed: object


class FieldConflict(ConflictError):
    """A save refused because someone else changed the same fields meanwhile (``clashes``);
    their changes of other fields were not in the way. Nothing was saved."""

    def __init__(
        self,
        message: str,
        clashes: Sequence[Clash],
        changed_by: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        super().__init__(message, changed_by, changed_at)
        self.clashes = list(clashes)


class TrashedError(ConflictError, NotFoundError):
    """A save (or a reload) refused because someone moved the record to the trash after the
    form was loaded: ``changed_by`` moved it there at ``changed_at``."""


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What an edit form shows (``data``, a service's input) and the ``version`` of the stored
    row it was read from, to be given back as ``expected_version`` when the form is saved."""

    data: T
    version: int


class _Outdated(Exception):
    """Raised by :func:`editable` inside :func:`saving`, which rolls back first and then names
    the person (reading the team's names needs a session of its own)."""

    def __init__(
        self,
        changed_by: str | None,
        changed_at: datetime | None,
        clashes: Sequence[Clash] = (),
    ) -> None:
        super().__init__(changed_by, changed_at)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.clashes = list(clashes)


@contextmanager
def saving(db: Database) -> Iterator[Session]:
    """``db.transaction()`` for a save made from an edit form.

    A save refused by :func:`editable` leaves as :class:`ConflictError` after the transaction
    was rolled back (a ``StaleDataError`` of the flush too: ``Database.transaction`` turns it
    into :func:`changed_meanwhile`). Autoflush is off inside, so
    the record is written once, when the block ends (or at an explicit ``session.flush()``):
    its version grows by one per save, also when a query runs between the changes."""
    try:
        with db.transaction() as session, session.no_autoflush:
            yield session
    except _Outdated as outdated:
        if outdated.clashes:
            raise field_refusal(
                db, outdated.clashes, outdated.changed_by, outdated.changed_at
            ) from None
        raise refusal(db, outdated.changed_by, outdated.changed_at) from None


def bumped(target: Table | type[Record], now: datetime | None = None) -> dict[str, Any]:
    """The values every raw ``update()`` of a record table (``target``: its table or model)
    adds to its own: the version raised by one, as the ORM raises it, and ``updated_at`` now
    (``now``: the caller's instant, e.g. an import's). A form loaded before such a write is
    then refused like one loaded before another person's save (:func:`editable`).

    Put the statement's own values after these when it restores an earlier ``updated_at``
    (undoing a merge). On a team server the server's clock stamps ``updated_at`` whatever
    the statement gives (migration 0016): a laptop's clock is not the team's."""
    version = target.c.version if isinstance(target, Table) else target.version
    return {"version": version + 1, "updated_at": now or utcnow()}


def changed_meanwhile() -> ConflictError:
    """The refusal of a write whose row someone else changed between reading and writing it
    (SQLAlchemy's ``StaleDataError``); ``Database.transaction`` raises it for every write."""
    return ConflictError(
        _(
            "Someone else changed this record while you were saving it, so your changes "
            "were not saved. Reload it to see what is stored now, then make your changes "
            "again."
        )
    )


def editable(session: Session, model: type[R], record_id: str, expected_version: int | None) -> R:
    """The stored row ``record_id`` of ``model``, read afresh and locked until the end of the
    transaction (call it before anything else in the transaction reads that row).

    When ``expected_version`` is given and the row's version differs, the save is refused
    (:class:`ConflictError` through :func:`saving`). The row is marked as written now, so the
    save raises its version also when only its links (tags, dates, participants) change.

    A row that is not there is refused as not found; one in the trash, whatever the version,
    with who moved it there and when (:class:`TrashedError`, as the transaction ends)."""
    row = outdated(session, model, record_id, expected_version)
    if expected_version is not None and row.version != expected_version:
        raise _Outdated(row.updated_by, row.updated_at)
    row.updated_at = utcnow()
    return row


def outdated(session: Session, model: type[R], record_id: str, expected_version: int | None) -> R:
    """:func:`editable` without the refusal: the stored row, locked, whatever its version; a
    caller that merges hands it to :func:`merged_or_refused`, which compares the version and
    marks the row as written now."""
    return trash.live(session, model, record_id, lock=True)


def _plain(value: object) -> object:
    """``value`` as a comparison of two versions of a field sees it: nothing, an empty text or
    an empty list alike; a date as its ISO text; numbers as their text; lists item by item."""
    if value is None or value == "" or value == () or value == []:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return tuple(_plain(getattr(value, f.name)) for f in fields(value))
    if isinstance(value, (list, tuple)):
        return tuple(_plain(item) for item in value)
    return value


def merge(
    loaded: T,
    stored: T,
    typed: T,
    *,
    changed: Collection[str] | None = None,
) -> tuple[T, list[Clash]]:
    """Merge an edit made from an older copy field by field (the dataclass inputs of a form):
    ``loaded`` is what the form was filled with, ``stored`` the record as stored now, ``typed``
    what the user saves. A field the user left as loaded takes the stored value (someone
    else's change is kept); a field whose stored value is still the loaded one takes the typed
    value; a field both changed, to different values, is a :class:`Clash`.

    ``changed``: the fields the user changed, when the form knows them (it compares what it
    shows with what it showed at load, in its own spelling: grouped phone numbers, dates as
    typed); else they are told apart from ``loaded`` by :func:`_plain` values."""
    merged: dict[str, Any] = {}
    clashes: list[Clash] = []
    for item in fields(loaded):  # type: ignore[arg-type]
        name = item.name
        was, now, mine = getattr(loaded, name), getattr(stored, name), getattr(typed, name)
        mine_changed = name in changed if changed is not None else _plain(mine) != _plain(was)
        if not mine_changed:
            merged[name] = now
        elif _plain(now) == _plain(was) or _plain(now) == _plain(mine):
            merged[name] = mine
        else:
            clashes.append(Clash(name, now, mine))
            merged[name] = mine
    return replace(typed, **merged), clashes  # type: ignore[type-var]


def merged_or_refused(
    row: Record,
    expected_version: int | None,
    loaded: T | None,
    stored: T,
    typed: T,
    *,
    changed: Collection[str] | None = None,
) -> T:
    """What an update function saves: ``typed`` when the row is at the version the form was
    loaded at (or no version was given); else, when the form handed back what it ``loaded``,
    the field-by-field :func:`merge` with the ``stored`` input, refused naming the fields both
    changed (:class:`FieldConflict`, through :func:`saving`) when there are any; without
    ``loaded``, refused as a whole (:func:`refusal`)."""
    merged = typed
    if expected_version is not None and row.version != expected_version:
        if loaded is None:
            raise _Outdated(row.updated_by, row.updated_at)
        merged, clashes = merge(loaded, stored, typed, changed=changed)
        if clashes:
            raise _Outdated(row.updated_by, row.updated_at, clashes)
    row.updated_at = utcnow()  # written now, also when only its links change
    return merged


def _who_and_when(
    db: Database, changed_by: str | None, changed_at: datetime
) -> tuple[str | None, str]:
    """Who changed a record (a member's name; the login when no member has it; None when
    nobody is known, as on a laptop's file) and when (in the user's zone and calendar), each
    isolated for a sentence: the one rule of both refusals, :func:`refusal` and
    :func:`in_trash`."""
    from accountdesk.core import settings  # settings imports the services (a cycle at import)
    from accountdesk.core.queries.team import owner_name, owner_names

    when = isolate(format_when(changed_at, ZoneInfo(settings.current_zone(db))))
    if not changed_by:
        return None, when
    return isolate(owner_name(owner_names(db), changed_by)), when


def refusal(db: Database, changed_by: str | None, changed_at: datetime | None) -> ConflictError:
    """The refusal of a save made from an older copy: who (a member's name; the login when no
    member has it) and when (in the user's zone and calendar), as far as they are known."""
    if changed_at is None:
        return ConflictError(
            _(
                "This record was changed by someone else after you opened it, so your changes "
                "were not saved. Reload it to see what is stored now, then make your changes "
                "again."
            ),
            changed_by,
        )
    name, when = _who_and_when(db, changed_by, changed_at)
    if name is not None:
        message = _(
            # TRANSLATORS: {name} is a member of the team, {when} a date and time
            "{name} changed this record on {when}, after you opened it, so your changes were "
            "not saved. Reload it to see their changes, then make yours again."
        ).format(name=name, when=when)
    else:
        message = _(
            # TRANSLATORS: {when} is a date and time
            "This record was changed on {when}, after you opened it, so your changes were not "
            "saved. Reload it to see what is stored now, then make your changes again."
        ).format(when=when)
    return ConflictError(message, changed_by, changed_at)


def shown_value(value: object) -> str:
    """A field's value as a conflict names it: its text, a list's items joined, "(empty)"."""
    plain = _plain(value)
    if plain is None:
        return _("(empty)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple)):
        parts = [
            str(item[-1]) if isinstance(item, tuple) and item else shown_value(item)
            for item in value
        ]
        return ", ".join(parts)
    if is_dataclass(value) and not isinstance(value, type):
        parts = [getattr(value, f.name) for f in fields(value)]
        return " ".join(str(p) for p in parts if p is not None and not isinstance(p, bool))
    return str(plain)


def field_refusal(
    db: Database, clashes: Sequence[Clash], changed_by: str | None, changed_at: datetime | None
) -> FieldConflict:
    """The refusal of a save whose fields someone else changed too: who and when, and for each
    such field its label, their value and the value typed. Nothing was saved; the form keeps
    what was typed, and the other fields' changes of both would be kept."""
    from accountdesk.core.validation import label

    lines = [
        # TRANSLATORS: one field both people changed: {field} its label, {theirs} the value
        # the other person saved, {yours} the value this user typed
        _("{field}: “{theirs}” is stored now, you typed “{yours}”").format(
            field=label(clash.field),
            theirs=isolate(shown_value(clash.stored)),
            yours=isolate(shown_value(clash.typed)),
        )
        for clash in clashes
    ]
    # TRANSLATORS: what separates two fields of that list (Persian "؛ ")
    fields_text = pgettext("between the fields of a conflict", "; ").join(lines)
    if changed_at is not None:
        name, when = _who_and_when(db, changed_by, changed_at)
    else:
        name, when = None, None
    if name is not None and when is not None:
        head = _(
            # TRANSLATORS: {name} a member of the team, {when} a date and time, {fields} the
            # fields both changed with both values
            "{name} changed the same fields on {when}, after you opened this record, so "
            "nothing was saved: {fields}. Save again to keep what you typed, or change it first."
        ).format(name=name, when=when, fields=fields_text)
    elif when is not None:  # a laptop's file: nobody is named, the time is known
        head = _(
            # TRANSLATORS: {when} a date and time, {fields} the fields both changed with both
            # values
            "These fields were changed on {when}, after you opened this record, so nothing was "
            "saved: {fields}. Save again to keep what you typed, or change it first."
        ).format(when=when, fields=fields_text)
    else:
        head = _(
            # TRANSLATORS: {fields} the fields both changed with both values
            "Someone else changed the same fields after you opened this record, so nothing "
            "was saved: {fields}. Save again to keep what you typed, or change it first."
        ).format(fields=fields_text)
    return FieldConflict(head, clashes, changed_by, changed_at)


def in_trash(db: Database, gone: InTrash) -> TrashedError:
    """The refusal of a record someone moved to the trash after it was read into a form: who
    (named as :func:`refusal` names them) and when, in the sentence of its kind
    (``trash.TRASHED_BY`` / ``trash.TRASHED``). The database raises it in place of ``gone``
    as the session that found the record ends."""
    name, when = _who_and_when(db, gone.moved_by, gone.moved_at)
    if name is not None:
        message = _(trash.TRASHED_BY[gone.kind]).format(name=name, when=when)
    else:
        message = _(trash.TRASHED[gone.kind]).format(when=when)
    return TrashedError(message, gone.moved_by, gone.moved_at)
