"""Duplicate contacts: finding them, merging them, undoing a merge.

Likely duplicates are found by the rules of :mod:`accountdesk.core.likeness`; this module reads
the contacts those rules compare (:func:`find_duplicates`, :func:`likely_duplicates`).

A merge (:func:`merge`) keeps one contact and, in one transaction:

- fills the kept contact's empty fields from the others (the kept contact's values win);
  e-mail addresses and phone numbers are united, each once;
  the consent fields and the working hours (:data:`FIELD_GROUPS`) come together from one
  contact, and only when they pass the contact form's rules;
- moves to it every row that points at a merged contact (:data:`REFERENCES` names each foreign
  key to ``contacts`` and how it is handled; a merge refuses to run while the schema has one
  that is not named there); a link the kept contact already has (a tag, a participation) is
  dropped instead of doubled, and so is an important date equal to one it has
  (:data:`DATE_CONTENT`) or of a kind a person has one of when it has one already
  (:data:`ONE_A_PERSON`: a second birthday); an open stay-in-touch follow-up goes to the
  trash when the kept contact has one already; a moved row that names an account
  (follow-ups, notes, gifts, survey answers) is given the kept contact's account;
- moves the merged contacts to the trash and updates the search index;
- writes a :class:`~accountdesk.core.db.models.ContactMerge` row with what undoing needs.

Contacts of an account in the trash are neither proposed nor merged.

Undoing (:func:`undo_merge`) moves back exactly the rows that moved (an important date by its
content when the kept contact was saved since, which writes its dates anew; written back when
it is gone), puts back the dropped rows and links (not a link to an interaction or a tag deleted
for good since: the result counts those), takes the merged contacts out of the trash and
restores the kept contact's fields, except a field edited since the merge: that edit stays, and
the result names the field. A merge cannot be undone once a merged contact was deleted for
good, nor before a later merge of the same contacts is undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import Date, Table, Text, cast, delete, insert, inspect, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db import search
from accountdesk.core.db.bulk import insert_unless_there
from accountdesk.core.db.engine import Database, member_of
from accountdesk.core.db.errors import MoveRefused
from accountdesk.core.db.fts import display_name
from accountdesk.core.db.models import Account, Base, Contact, ContactMerge, Money, User, table
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.i18n import (
    _,
    format_list,
    format_number,
    format_when,
    ngettext,
)
from accountdesk.core.likeness import (
    Cluster,
    email_key,
    find_clusters,
    paired,
    paired_with_others,
    phone_key,
)
from accountdesk.core.queries.duplicates import Near, contact_facts
from accountdesk.core.queries.facts import ContactFacts
from accountdesk.core.queries.team import REP
from accountdesk.core.records import ContactInput, clean_contact
from accountdesk.core.services import trash
from accountdesk.core.services.conflicts import bumped
from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

# --- finding --------------------------------------------------------------------------------


def find_duplicates(db: Database, only: Iterable[str] | None = None) -> list[Cluster]:
    """The likely duplicates among the contacts of ``db`` (see :func:`find_clusters`)."""
    return find_clusters(contact_facts(db), only)


#: Up to this many contacts, an import's check reads only the contacts that can match them.
NEAR_AT_MOST = 2000


def likely_duplicates(db: Database, contact_ids: Iterable[str]) -> int:
    """How many of ``contact_ids`` (just imported, say) have a likely duplicate.

    Only the contacts that can match them are read: those of their accounts (similar names)
    and those sharing one of their e-mail or phone keys, with every contact that shares such a
    key (so a switchboard number is still told apart by
    :data:`~accountdesk.core.likeness.MAX_SHARED`). Whether a contact has a likely duplicate
    depends on nothing else."""
    wanted = set(contact_ids)
    if not wanted:
        return 0
    # a contact is in a cluster when it is in a pair: the clusters themselves (joined, and
    # sorted in the user's language) are not needed for a count
    if len(wanted) > NEAR_AT_MOST:  # most of a table: reading it all is quicker
        return len(paired(contact_facts(db), wanted) & wanted)
    return len(paired(_near(db, contact_facts(db, ids=wanted)), wanted) & wanted)


def _near(db: Database, mine: Sequence[ContactFacts]) -> list[ContactFacts]:
    """The stored contacts that can be likely duplicates of ``mine``: those of their
    accounts and those sharing one of their e-mail or phone keys (every stored contact when
    ``mine`` are more than :data:`NEAR_AT_MOST`)."""
    if len(mine) > NEAR_AT_MOST:
        return contact_facts(db)
    near = Near(
        frozenset(c.account_id for c in mine),
        frozenset(email_key(e) for c in mine for e in c.emails),
        frozenset(k for c in mine for p in c.phones if (k := phone_key(p, c.country))),
        email_key,
        phone_key,
    )
    return contact_facts(db, near)


def look_alikes(db: Database, mine: Sequence[ContactFacts]) -> list[ContactFacts]:
    """The stored contacts (not in the trash) that are likely duplicates of one of ``mine``
    (as they are, also when in the trash: a person about to be erased for good), by the rules
    of :mod:`accountdesk.core.likeness`; ``mine`` themselves are not among them."""
    own = {c.id for c in mine}
    stored = [c for c in _near(db, mine) if c.id not in own]
    alike = paired([*stored, *mine], own) - own
    return [c for c in stored if c.id in alike]


def alike_stored(db: Database, facts: Sequence[ContactFacts], new: Iterable[str]) -> int:
    """How many of the contacts ``new`` among ``facts`` (a file's contacts, checked and not
    written: an import's dry run) look like a contact ``db`` holds, by the rules of
    :mod:`accountdesk.core.likeness` (a shared e-mail address or phone number, a similar
    name at the same account): what the import's report would count of them once written,
    told before. A contact of ``facts`` that is stored already (the file updates it) is
    matched as the file writes it; two contacts of the file alike are not counted."""
    adding = set(new)
    if not adding:
        return 0
    file_ids = {c.id for c in facts}
    stored = [c for c in _near(db, facts) if c.id not in file_ids]
    return len(paired_with_others([*stored, *facts], adding))


def alike_stored_remark(count: int) -> str | None:
    """A dry run's sentence about the contacts it would add that look like stored ones
    (:func:`alike_stored`; None: none)."""
    if not count:
        return None
    return ngettext(
        "{n} of the contacts the import would add looks like a contact already stored (the "
        "same e-mail address or phone number, or a similar name at the same account): "
        "importing adds it as a new contact, to merge on the Duplicates screen, unless you "
        "leave it out of the file.",
        "{n} of the contacts the import would add look like contacts already stored (the "
        "same e-mail address or phone number, or a similar name at the same account): "
        "importing adds them as new contacts, to merge on the Duplicates screen, unless you "
        "leave them out of the file.",
        count,
    ).format(n=format_number(count))


def import_remark(count: int) -> str | None:
    """The import report's sentence about the new contacts' likely duplicates (None: none)."""
    if not count:
        return None
    return ngettext(
        "{n} of the imported contacts has a likely duplicate; review it on the Duplicates "
        "screen or with “accountdesk duplicates”.",
        "{n} of the imported contacts have a likely duplicate; review them on the Duplicates "
        "screen or with “accountdesk duplicates”.",
        count,
    ).format(n=format_number(count))


# --- merging --------------------------------------------------------------------------------

MOVE = "move"  # rows with their own id: point them at the kept contact
LINK = "link"  # link rows keyed by (contact, other): move, or drop when the kept one has it
LOG = "log"  # the merge log itself

#: Every foreign key to ``contacts.id`` and what a merge does with its rows. A new table that
#: references contacts must be added here (a merge refuses to run otherwise, and a test fails).
REFERENCES: dict[tuple[str, str], str] = {
    ("contact_tags", "contact_id"): LINK,
    ("interaction_participants", "contact_id"): LINK,
    ("important_dates", "contact_id"): MOVE,
    ("follow_ups", "contact_id"): MOVE,
    ("survey_responses", "contact_id"): MOVE,
    ("gifts", "contact_id"): MOVE,
    ("notes", "contact_id"): MOVE,
    ("contact_merges", "kept_id"): LOG,
}

#: The columns that make two important dates the same date: a merge keeps one of equal dates,
#: and undoing finds a moved date by them when the kept contact was saved (which writes its
#: dates anew).
DATE_CONTENT = ("kind", "label", "month", "day", "year")
#: The kinds of important date a person has one of: a merge gives the kept contact no second
#: one (a second birthday was a second yearly reminder, one of them wrong). The kept
#: contact's stays; a merged contact's other one is set aside, and undoing gives it back.
ONE_A_PERSON = frozenset({"birthday", "work_anniversary"})
#: Fields that belong together: a merge fills them all from one contact, or none.
FIELD_GROUPS = (
    ("lawful_basis", "consent_given_on", "consent_withdrawn_on", "marketing_opt_in"),
    ("work_start", "work_end"),
)

#: Contact columns that are not the person's details: never filled in by a merge.
_NOT_MERGED = frozenset({"id", "account_id", "created_at", "updated_at", "deleted_at"})
_LISTS = ("emails", "phones")
#: The validation label of a field whose key there differs from the column's name.
_LABEL_KEYS = {
    "emails": "email",
    "phones": "phone",
    "work_start": "work_hours",
    "work_end": "work_hours",
}


def references_to(target: str) -> set[tuple[str, str]]:
    """(table, column) of every foreign key to ``<target>.id`` in the schema."""
    return {
        (tbl.name, fk.parent.name)
        for tbl in Base.metadata.tables.values()
        for fk in tbl.foreign_keys
        if fk.column.table.name == target
    }


def contact_references() -> set[tuple[str, str]]:
    """(table, column) of every foreign key to ``contacts.id`` in the schema."""
    return references_to("contacts")


def check_references(target: str, handled: Iterable[tuple[str, str]]) -> None:
    """Refuse to merge records of ``target`` while the schema has a foreign key to it that
    ``handled`` (a merge's table of references) does not name, or names one it no longer has:
    a merge would leave such rows behind on a record in the trash."""
    unhandled = references_to(target) ^ set(handled)
    if unhandled:
        raise RuntimeError(f"merge does not know how to handle {sorted(unhandled)}")


def _check_references() -> None:
    check_references("contacts", REFERENCES)


def field_label(field: str) -> str:
    """The translated label of a contact column (the form's label)."""
    return v.label(_LABEL_KEYS.get(field, field))


def merged_fields() -> tuple[str, ...]:
    return tuple(c.name for c in table(Contact).columns if c.name not in _NOT_MERGED)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _blank(value: object) -> bool:
    """Empty, or a switch left off (the opt-in of someone who never gave it)."""
    return _empty(value) or value is False


def _coherent(kept: Contact, values: dict[str, Any]) -> bool:
    """Whether ``values`` (one group of :data:`FIELD_GROUPS`) pass the contact form's rules
    (consent withdrawn before it was given, working hours that end before they start...)."""
    probe = ContactInput(
        account_id=kept.account_id,
        given_name=kept.given_name or "-",
        country=kept.country,
        timezone=kept.timezone,
        **values,
    )
    try:
        clean_contact(probe)
    except v.ValidationError:
        return False
    return True


def _encode(value: Any) -> Any:
    """A field's value as a merge's log (JSON) keeps it: dates in ISO form, amounts as text."""
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if isinstance(value, date | datetime) else value


def _decode(field: str, value: Any, model: type[Base] = Contact) -> Any:
    if value is not None and isinstance(table(model).c[field].type, Date):
        return date.fromisoformat(value)
    if value is not None and isinstance(table(model).c[field].type, Money):
        return Decimal(value)
    return value


def _phone_or_text(country: str, value: str) -> str:
    return phone_key(value, country) or value


def _united(
    kept: list[dict[str, str]], others: Iterable[list[dict[str, str]]], key: Any
) -> list[dict[str, str]]:
    seen = {key(item["value"]) for item in kept}
    result = list(kept)
    for items in others:
        for item in items:
            k = key(item["value"])
            if k not in seen:
                seen.add(k)
                result.append(dict(item))
    return result


def _live_contact(session: Session, id_: str) -> Contact:
    contact = trash.live(session, Contact, id_, before="merge")  # one in the trash: by name
    name = isolate(display_name(contact.given_name, contact.family_name, contact.name_order))
    account = session.get(Account, contact.account_id)
    if account is None or account.deleted_at is not None:
        raise UserError(
            _(
                "{name} belongs to an account in the trash; restore the account before merging."
            ).format(name=name)
        )
    return contact


def _row_values(tbl: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row (:func:`_encode`-d for the log) as values to insert again."""
    values = {}
    for name, value in row.items():
        kind = tbl.c[name].type.python_type
        if value is not None and kind in (date, datetime) and isinstance(value, str):
            value = kind.fromisoformat(value)
        values[name] = value
    return values


def _parents_exist(conn: Any, tbl: Table, column: str, row: dict[str, Any]) -> bool:
    """Whether every row a link row points at (besides the contact) still exists."""
    for fk in tbl.foreign_keys:
        if fk.parent.name == column:
            continue
        found = conn.execute(select(fk.column).where(fk.column == row[fk.parent.name])).first()
        if found is None:
            return False
    return True


def _pk_others(tbl: Table, column: str) -> list[str]:
    return [c.name for c in tbl.primary_key.columns if c.name != column]


def reindex(session: Session, record_id: str) -> None:
    """Index the kept record (a contact, an account) again, as the tables hold it: rows moved
    under it (tags) change its document even when none of its own fields did."""
    session.flush()
    conn = session.connection()
    search.index_documents(conn, search.stored_documents(conn, [record_id]))


def _bump_linked(
    conn: Any,
    tbl: Table,
    column: str,
    row: Mapping[str, Any],
    now: datetime,
    stamps: dict[str, Any],
    *,
    restore: bool = False,
) -> None:
    """Raise the version of the record a moved, dropped or restored link row belongs to besides
    the contact (an interaction whose participants changed; a tag is no record): a form opened
    on it before would save the old participants back.

    ``stamps`` ("<table>:<id>" -> ``updated_at``) is the merge log's: a merge keeps there each
    record's stamp from before it (the first seen), and undoing it (``restore``) puts that
    stamp back, as it does for the moved rows."""
    for key in _pk_others(tbl, column):
        for fk in tbl.c[key].foreign_keys:
            target = fk.column.table
            if "version" not in target.c:
                continue
            where = fk.column == row[key]
            name = f"{target.name}:{row[key]}"
            values = bumped(target, now)
            if restore and stamps.get(name) is not None:
                values["updated_at"] = _stamp(stamps[name])
            elif not restore and name not in stamps:
                stamps[name] = _encode(
                    conn.execute(select(target.c.updated_at).where(where)).scalar()
                )
            conn.execute(update(target).where(where).values(values))


def _open_touch(conn: Any, tbl: Table, contact_id: str) -> bool:
    """Whether the contact has an open stay-in-touch follow-up (at most one is kept)."""
    query = select(tbl.c.id).where(
        tbl.c.contact_id == contact_id,
        tbl.c.origin == STAY_IN_TOUCH,
        tbl.c.status == "open",
        tbl.c.deleted_at.is_(None),
    )
    return conn.execute(query).first() is not None


@dataclass
class MergeLog:
    """What a merge moved and dropped, as its undo record keeps it (contacts and accounts
    alike): ``rows`` moved (table, column, id, where from, the stamp before), ``kept_rows``
    deleted as equal to one of the kept record's, ``links`` moved or dropped, ``linked`` the
    stamps of records whose links changed (:func:`_bump_linked`); and the counts per table."""

    now: datetime
    rows: list[dict[str, Any]] = field(default_factory=list)
    kept_rows: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    linked: dict[str, Any] = field(default_factory=dict)
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)

    def count(self, counts: dict[str, int], name: str) -> None:
        counts[name] = counts.get(name, 0) + 1


def moved_item(tbl: Table, column: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The undo record's entry of a row about to be moved (where it pointed, its stamp)."""
    return {
        "table": tbl.name,
        "column": column,
        "id": row["id"],
        "from": row[column],
        "updated_at": _encode(row["updated_at"]) if "updated_at" in tbl.c else None,
    }


def move_row(
    conn: Any,
    tbl: Table,
    item: dict[str, Any],
    changes: dict[str, Any],
    log: MergeLog,
) -> None:
    """Write ``changes`` (the kept record's id in the moved column, and more) to the row of
    ``item`` (:func:`moved_item`), its version raised when it is a record of its own, and log
    it."""
    if "version" in tbl.c:  # a record of its own (a date is the contact's)
        changes = {**changes, **bumped(tbl, log.now)}
    conn.execute(update(tbl).where(tbl.c.id == item["id"]).values(changes))
    log.rows.append(item)
    log.count(log.moved, tbl.name)


def move_links(
    conn: Any, tbl: Table, column: str, kept_id: str, others: Sequence[str], log: MergeLog
) -> None:
    """Move the link rows of ``others`` in ``tbl`` (keyed by ``column`` and another id: a tag,
    an interaction) to ``kept_id``, or drop those the kept record has already: a tag once."""
    name = tbl.name
    col = tbl.c[column]
    keys = _pk_others(tbl, column)
    have = {tuple(r) for r in conn.execute(select(*(tbl.c[k] for k in keys)).where(col == kept_id))}
    for link in conn.execute(select(tbl).where(col.in_(others))).fetchall():
        values = dict(link._mapping)
        key = tuple(values[k] for k in keys)
        where = [col == values[column], *(tbl.c[k] == values[k] for k in keys)]
        if key in have:
            conn.execute(delete(tbl).where(*where))
            _bump_linked(conn, tbl, column, values, log.now, log.linked)
            log.links.append({"table": name, "column": column, "row": values, "action": "dropped"})
            log.count(log.dropped, name)
        else:
            # a link row, no version of its own: its record's is raised
            conn.execute(update(tbl).where(*where).values({column: kept_id}))
            _bump_linked(conn, tbl, column, values, log.now, log.linked)
            have.add(key)
            log.links.append({"table": name, "column": column, "row": values, "action": "moved"})
            log.count(log.moved, name)


def move_back(conn: Any, changes: Mapping[str, Any], kept_id: str, now: datetime) -> int:
    """Undoing a merge: the rows it moved go back where they were (with their stamps from
    before; one the merge sent to the trash comes out of it; an important date by its content
    when the kept contact was saved since), then the rows it dropped as the kept record's
    already. The number of important dates written back (gone from the kept contact since)."""
    taken: set[str] = set()  # dates of the kept contact already given back
    rewritten = 0
    for item in changes["rows"]:
        tbl = Base.metadata.tables[item["table"]]
        col = tbl.c[item["column"]]
        values: dict[str, Any] = {item["column"]: item["from"]}
        if "version" in tbl.c:  # the stamp restored below stays (bumped's goes first)
            values = {**bumped(tbl, now), **values}
        if item["updated_at"] is not None:
            values["updated_at"] = _stamp(item["updated_at"])
        if item.get("trashed"):
            values["deleted_at"] = None
        if (
            "account_from" in item
            and conn.execute(select(Account.id).where(Account.id == item["account_from"])).first()
        ):
            values["account_id"] = item["account_from"]
        done = conn.execute(
            update(tbl).where(tbl.c.id == item["id"], col == kept_id).values(values)
        )
        if done.rowcount or "content" not in item:
            taken.add(item["id"])
            continue
        # the kept contact was saved since, which wrote its dates anew: find it by content
        content = item["content"]
        same = conn.execute(
            select(tbl.c.id)
            .where(col == kept_id, *(tbl.c[k] == x for k, x in content.items()))
            .order_by(tbl.c.id)
        ).fetchall()
        free = [r.id for r in same if r.id not in taken]
        if free:
            taken.add(free[0])
            conn.execute(update(tbl).where(tbl.c.id == free[0]).values(values))
        else:  # removed from the kept contact since: the merged contact gets it back
            conn.execute(insert(tbl).values({**content, **values}))
            rewritten += 1
    for item in changes.get("dropped_rows", []):
        tbl = Base.metadata.tables[item["table"]]
        insert_unless_there(conn, tbl, _row_values(tbl, item["row"]))
    return rewritten


def links_back(conn: Any, changes: Mapping[str, Any], kept_id: str, now: datetime) -> int:
    """Undoing a merge: the links it moved or dropped are put back (the records they belong
    to given back their stamps). The number not restored: what they linked to (an
    interaction, a tag) was deleted for good since."""
    lost = 0
    linked = changes.get("linked_updated_at", {})  # none in a merge logged before
    for item in changes["links"]:
        tbl = Base.metadata.tables[item["table"]]
        column = item["column"]
        row = item["row"]
        keys = _pk_others(tbl, column)
        if item["action"] == "moved":
            done = conn.execute(
                update(tbl)
                .where(tbl.c[column] == kept_id, *(tbl.c[k] == row[k] for k in keys))
                .values({column: row[column]})
            )
            if done.rowcount:
                _bump_linked(conn, tbl, column, row, now, linked, restore=True)
                continue
        if _parents_exist(conn, tbl, column, row):  # also one taken off the kept record since
            insert_unless_there(conn, tbl, row)
            _bump_linked(conn, tbl, column, row, now, linked, restore=True)
        else:  # what it linked to (an interaction, a tag) was deleted for good since
            lost += 1
    return lost


def fields_back(record: Any, changes: Mapping[str, Any], model: type[Base]) -> list[str]:
    """Undoing a merge: the kept record's fields the merge filled get their values from
    before, except a field edited since (that edit stays). Those fields, by name."""
    edited = []
    for name, value in changes["fields_after"].items():
        if _encode(getattr(record, name)) == value:
            setattr(record, name, _decode(name, changes["fields_before"][name], model))
        else:
            edited.append(name)
    return edited


@dataclass(frozen=True)
class MergeResult:
    merge_id: str
    kept_name: str
    moved: dict[str, int]  # table -> rows moved to the kept contact
    dropped: dict[str, int]  # table -> link rows the kept contact already had
    filled: tuple[str, ...]  # the kept contact's fields the merge filled or extended


def _not_the_owners() -> UserError:
    return UserError(
        _(
            "Only a manager, or the owner of the accounts of all these contacts, can merge "
            "them or undo their merge: moving their records is the owner's. Nothing was "
            "changed."
        )
    )


@contextmanager
def moves_refused(refusal: Callable[[], UserError] = _not_the_owners) -> Iterator[None]:
    """A team server's move guard (a rep moving records of another rep's account) in a
    merge's own words (``refusal``: a merge of contacts', by default)."""
    try:
        yield
    except MoveRefused as exc:
        raise refusal() from exc


def refuse_unless_owner_of(
    session: Session, owners_of: Any, refusal: Callable[[], UserError]
) -> None:
    """On a team server a rep merges, and undoes the merge of, only records of accounts they
    own (README, "What members may do"): the server's move guard refuses the records that
    would move, and a merge that moves none (a contact without interactions or notes) would
    have gone through. A manager, and the administrator (no member), may merge any.
    ``owners_of``: the statement of the owners of the accounts involved. On a laptop's copy
    of a team server, as its member (whose login its changes reach the server as:
    :func:`~accountdesk.core.db.engine.member_of`)."""
    conn = session.connection()
    login = member_of(conn)
    if login is None:  # a laptop's own file: no team
        return
    role = conn.scalar(select(User.role).where(User.login == login))
    if role != REP:
        return
    if set(conn.scalars(owners_of)) != {login}:
        raise refusal()


def _refuse_unless_owner(session: Session, contact_ids: Iterable[str]) -> None:
    """A merge of contacts: the owners of their accounts (:func:`refuse_unless_owner_of`)."""
    owners = (
        select(Account.owner)
        .join(Contact, Contact.account_id == Account.id)
        .where(Contact.id.in_(list(contact_ids)))
    )
    refuse_unless_owner_of(session, owners, _not_the_owners)


def merge(
    db: Database, kept_id: str, other_ids: Sequence[str], clock: Clock = system_clock
) -> MergeResult:
    """Merge ``other_ids`` into ``kept_id`` (see the module's description); one transaction."""
    _check_references()
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise UserError(_("Name at least one contact to merge into the kept one."))
    if kept_id in others:
        raise UserError(_("The kept contact cannot also be merged into itself."))
    now = clock()
    with moves_refused(), db.transaction() as session:
        kept = _live_contact(session, kept_id)
        merged = [_live_contact(session, id_) for id_ in others]
        _refuse_unless_owner(session, [kept_id, *others])
        conn = session.connection()
        log = MergeLog(now)
        for (name, column), how in sorted(REFERENCES.items()):
            tbl = Base.metadata.tables[name]
            col = tbl.c[column]
            if how == MOVE:
                found = conn.execute(
                    select(tbl).where(col.in_(others)).order_by(tbl.c.id)
                ).fetchall()
                if name == "important_dates":
                    dates = select(*(tbl.c[k] for k in DATE_CONTENT)).where(col == kept_id)
                    have = {tuple(r) for r in conn.execute(dates)}
                    kinds = {content[DATE_CONTENT.index("kind")] for content in have}
                if name == "follow_ups":
                    own_touch = _open_touch(conn, tbl, kept_id)
                for found_row in found:
                    row = dict(found_row._mapping)
                    item = moved_item(tbl, column, row)
                    where = tbl.c.id == row["id"]
                    if name == "important_dates":
                        content = tuple(row[k] for k in DATE_CONTENT)
                        # one birthday, not two equal ones, nor a second, different one
                        if content in have or (
                            row["kind"] in ONE_A_PERSON and row["kind"] in kinds
                        ):
                            conn.execute(delete(tbl).where(where))
                            log.kept_rows.append(
                                {"table": name, "row": {k: _encode(x) for k, x in row.items()}}
                            )
                            log.count(log.dropped, name)
                            continue
                        have.add(content)
                        kinds.add(row["kind"])
                        item["content"] = dict(zip(DATE_CONTENT, content, strict=True))
                    changes: dict[str, Any] = {column: kept_id}
                    if (
                        name == "follow_ups"
                        and row["origin"] == STAY_IN_TOUCH
                        and row["status"] == "open"
                        and row["deleted_at"] is None
                    ):
                        if own_touch:  # one open stay-in-touch follow-up: the kept one's
                            changes["deleted_at"] = now
                            item["trashed"] = True
                            log.count(log.dropped, name)
                        own_touch = True
                    account = row.get("account_id")
                    if (  # what is still to be done with the person goes with them; what
                        # happened (notes, gifts, answers, done follow-ups) stays the history
                        # of the account it happened at, as interactions do
                        name == "follow_ups"
                        and row["status"] == "open"
                        and account is not None
                        and account != kept.account_id
                    ):
                        changes["account_id"] = kept.account_id
                        item["account_from"] = account
                    move_row(conn, tbl, item, changes, log)
            elif how == LINK:
                move_links(conn, tbl, column, kept_id, others, log)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        kept_stamp = _encode(kept.updated_at)
        grouped = {f for group in FIELD_GROUPS for f in group}
        for group in FIELD_GROUPS:  # from one contact, and only when coherent
            if not all(_blank(getattr(kept, f)) for f in group):
                continue
            for contact in merged:
                values = {f: getattr(contact, f) for f in group}
                if all(_blank(x) for x in values.values()) or not _coherent(kept, values):
                    continue
                for field, new in values.items():
                    old = getattr(kept, field)
                    if new != old:
                        before[field], after[field] = _encode(old), _encode(new)
                        setattr(kept, field, new)
                break
        for field in merged_fields():
            if field in grouped:
                continue
            old = getattr(kept, field)
            if field in _LISTS:
                same: Callable[[str], str] = (
                    email_key if field == "emails" else partial(_phone_or_text, kept.country)
                )
                new = _united(old or [], (getattr(m, field) or [] for m in merged), same)
                v.item_count("email" if field == "emails" else "phone", new)
            elif _empty(old):
                new = next(
                    (getattr(m, field) for m in merged if not _empty(getattr(m, field))), old
                )
            else:
                continue
            if new != old:
                before[field], after[field] = _encode(old), _encode(new)
                setattr(kept, field, new)
        contacts_before = []
        for contact in merged:
            contacts_before.append({"id": contact.id, "updated_at": _encode(contact.updated_at)})
            contact.deleted_at = now
        record = ContactMerge(
            kept_id=kept_id,
            merged_ids=others,
            merged_at=now,
            changes={
                "fields_before": before,
                "fields_after": after,
                "kept_updated_at": kept_stamp,
                "merged": contacts_before,
                "rows": log.rows,
                "dropped_rows": log.kept_rows,
                "links": log.links,
                "linked_updated_at": log.linked,
            },
        )
        session.add(record)
        # The kept contact is written (its version raised) also when none of its own fields
        # changed: dates, tags and follow-ups came to it, which a form opened before would drop.
        kept.updated_at = now
        flag_modified(kept, "updated_at")
        reindex(session, kept.id)
        merge_id = record.id
        kept_name = display_name(kept.given_name, kept.family_name, kept.name_order)
    return MergeResult(merge_id, kept_name, log.moved, log.dropped, tuple(after))


def merges_of(session: Session, contact_id: str) -> list[ContactMerge]:
    """The merges that kept ``contact_id`` or merged it into another contact: what a person's
    data export shows and what erasing them for good removes (the log holds field values)."""
    candidates = session.scalars(
        select(ContactMerge).where(
            or_(
                ContactMerge.kept_id == contact_id,
                cast(ContactMerge.merged_ids, Text).contains(contact_id),
            )
        )
    )
    return [m for m in candidates if m.kept_id == contact_id or contact_id in m.merged_ids]


def forget_merges(session: Session, contact_id: str) -> None:
    """Delete the merge log of ``contact_id`` (erasure for good: such a merge can no longer be
    undone, and its record holds their data). A backup from before merges (schema 0003 or
    older, opened without upgrading) has no log to clean."""
    if not inspect(session.connection()).has_table(table(ContactMerge).name):
        return
    for record in merges_of(session, contact_id):
        session.delete(record)


def merged_in_trash(session: Session, contact_id: str, *, purged: bool = False) -> list[str]:
    """The contacts merged into ``contact_id`` (by merges not undone, and into those, and so
    on) that are still in the trash: the same person, whom their data export and erasure
    cover too. Oldest merge first.

    ``purged``: those deleted for good since too (emptied from the trash: gone from the
    database, but their ids are in the merge log and their rows in the backups taken before,
    which an erasure cleans). A merged contact restored from the trash is not among them."""
    if not inspect(session.connection()).has_table(table(ContactMerge).name):
        return []
    found: list[str] = []
    todo = [contact_id]
    while todo:
        records = session.scalars(
            select(ContactMerge)
            .where(ContactMerge.kept_id == todo.pop(0), ContactMerge.undone_at.is_(None))
            .order_by(ContactMerge.merged_at, ContactMerge.id)
        )
        for record in records:
            for id_ in record.merged_ids:
                contact = session.get(Contact, id_)
                if contact is None and not purged:
                    continue
                if contact is not None and contact.deleted_at is None:  # restored: kept
                    continue
                if id_ != contact_id and id_ not in found:
                    found.append(id_)
                    todo.append(id_)
    return found


#: The parts of a merge's log (both merges) that keep the kept record's field values.
_LOGGED_FIELDS = ("fields_before", "fields_after")


def logged_values(record: Any) -> dict[str, list[Any]]:
    """The field values the log of a merge (a :class:`ContactMerge` or an
    :class:`~accountdesk.core.db.models.AccountMerge`) keeps of its kept record, before and
    after the merge, by field: text the merge copied there from the merged records."""
    found: dict[str, list[Any]] = {}
    for part in _LOGGED_FIELDS:
        for name, value in (record.changes.get(part) or {}).items():
            found.setdefault(name, []).append(value)
    return found


def can_be_undone(session: Session, record: Any, model: type[Base]) -> bool:
    """Whether the merge ``record`` can still be undone: not undone yet, and every merged
    record (of ``model``: Contact or Account) still stored (not deleted for good)."""
    if record.undone_at is not None:
        return False
    return all(session.get(model, id_) is not None for id_ in record.merged_ids)


def drop_logged_values(record: Any, fields: Iterable[str]) -> None:
    """Forget the values of ``fields`` in a merge's log (before and after): only for a merge
    that can no longer be undone (:func:`can_be_undone`), whose undo would need them. A
    person's erasure drops so what names them (core/services/privacy.py)."""
    gone = set(fields)
    changes = dict(record.changes)
    for part in _LOGGED_FIELDS:
        values = changes.get(part) or {}
        changes[part] = {name: value for name, value in values.items() if name not in gone}
    record.changes = changes
    flag_modified(record, "changes")


def forget_dead_merges(session: Session) -> int:
    """Drop the logged values (:func:`logged_values`) of every merge, of contacts or of
    accounts, that can no longer be undone (:func:`can_be_undone`: a merged record was
    deleted for good, or it was undone): they only served its undo, and held text the merge
    copied from the merged records (notes, an address naming a person) after those records
    were emptied from the trash. Run when records are deleted for good; how many logs were
    cleaned. A backup from before the merges has no log to clean."""
    from accountdesk.core.db.models import AccountMerge

    cleaned = 0
    tables = inspect(session.connection())
    for model, merged in ((ContactMerge, Contact), (AccountMerge, Account)):
        if not tables.has_table(table(model).name):
            continue
        for record in session.scalars(select(model)):
            if logged_values(record) and not can_be_undone(session, record, merged):
                drop_logged_values(record, logged_values(record))
                cleaned += 1
    return cleaned


@dataclass(frozen=True)
class UndoResult:
    kept_id: str
    restored_ids: tuple[str, ...]
    kept_edits: tuple[
        str, ...
    ]  # fields of the kept contact edited since the merge: left as they are
    #: links (a participation, a tag) not restored: what they linked to was deleted for good
    lost_links: int = 0
    #: important dates no longer on the kept contact, written back for the merged contact
    rewritten_dates: int = 0


def later_merge(session: Session, model: Any, record: Any) -> str | None:
    """The id of a merge logged in ``model`` after ``record`` (both ContactMerge, or both
    AccountMerge), not undone, of one of the same records: undone first, or the undo of
    ``record`` would move back rows the later one moved on."""
    involved = {record.kept_id, *record.merged_ids}
    later = session.scalars(
        select(model).where(
            model.merged_at >= record.merged_at,
            model.id != record.id,
            model.undone_at.is_(None),
        )
    ).all()
    for other in later:
        newer = (other.merged_at, other.id) > (record.merged_at, record.id)
        if newer and involved & {other.kept_id, *other.merged_ids}:
            return str(other.id)
    return None


def _stamp(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def undo_merge(db: Database, merge_id: str, clock: Clock = system_clock) -> UndoResult:
    """Undo the merge ``merge_id`` (see the module's description); one transaction."""
    now = clock()
    with moves_refused(), db.transaction() as session:
        record = session.get(ContactMerge, merge_id)
        if record is None:
            raise NotFoundError(_("There is no merge with id {id}.").format(id=merge_id))
        if record.undone_at is not None:
            raise UserError(
                _("This merge was already undone ({when}).").format(
                    when=format_when(record.undone_at)
                )
            )
        involved = {record.kept_id, *record.merged_ids}
        _refuse_unless_owner(session, involved)
        later = later_merge(session, ContactMerge, record)
        if later is not None:
            raise UserError(
                _("A later merge of the same contacts ({id}) must be undone first.").format(
                    id=later
                )
            )
        merged = []
        for id_ in record.merged_ids:
            contact = session.get(Contact, id_)
            if contact is None:
                raise UserError(
                    _(
                        "A merged contact ({id}) was deleted for good; the merge can no longer "
                        "be undone."
                    ).format(id=id_)
                )
            merged.append(contact)
        kept = session.get(Contact, record.kept_id)
        assert kept is not None  # the merge row is deleted with it
        conn = session.connection()
        changes = record.changes
        rewritten = move_back(conn, changes, record.kept_id, now)
        lost = links_back(conn, changes, record.kept_id, now)
        session.expire(kept)
        edited = fields_back(kept, changes, Contact)
        # written in any case, so that its version rises (rows and links left it): with the
        # stamp from before the merge when the merge is all that changed it
        if not edited:
            kept.updated_at = _stamp(changes["kept_updated_at"])  # type: ignore[assignment]
        else:
            kept.updated_at = now
        flag_modified(kept, "updated_at")
        stamps = {m["id"]: m["updated_at"] for m in changes["merged"]}
        for contact in merged:
            contact.deleted_at = None
            contact.updated_at = _stamp(stamps[contact.id])  # type: ignore[assignment]
        record.undone_at = now
        if kept.deleted_at is None:
            reindex(session, kept.id)
        return UndoResult(record.kept_id, tuple(record.merged_ids), tuple(edited), lost, rewritten)


def undo_text(result: UndoResult) -> str:
    """What an undo did, in one or two sentences."""
    count = len(result.restored_ids)
    text_ = ngettext(
        "The merge was undone: {n} contact is back.",
        "The merge was undone: {n} contacts are back.",
        count,
    ).format(n=format_number(count))
    if result.kept_edits:
        labels = [field_label(field) for field in result.kept_edits]
        text_ += " " + ngettext(
            "{n} field of the kept contact was edited after the merge and keeps its new value: "
            "{fields}.",
            "{n} fields of the kept contact were edited after the merge and keep their new "
            "values: {fields}.",
            len(labels),
        ).format(n=format_number(len(labels)), fields=format_list(labels))
    if result.lost_links:
        text_ += " " + ngettext(
            "{n} link (to an interaction or a tag) could not be restored: what it linked to was "
            "deleted for good after the merge.",
            "{n} links (to interactions or tags) could not be restored: what they linked to was "
            "deleted for good after the merge.",
            result.lost_links,
        ).format(n=format_number(result.lost_links))
    if result.rewritten_dates:
        text_ += " " + ngettext(
            "{n} important date was no longer on the kept contact; it was written back for the "
            "merged contact.",
            "{n} important dates were no longer on the kept contact; they were written back for "
            "the merged contact.",
            result.rewritten_dates,
        ).format(n=format_number(result.rewritten_dates))
    return text_
