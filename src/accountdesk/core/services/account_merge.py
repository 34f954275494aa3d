"""Duplicate accounts: finding them, merging them, undoing a merge.

One company entered twice ("ACME Ltd" and "Acme Limited", an import from another CRM beside
what colleagues typed) is found by the rules of :mod:`accountdesk.core.likeness`
(:func:`~accountdesk.core.likeness.find_account_clusters`: the same name, its legal form and
case aside, in one country, or the same website domain); :func:`find_account_duplicates` reads
the accounts for them.

A merge (:func:`merge_accounts`) keeps one account and, in one transaction, with the machinery
of the contacts' merge (:mod:`accountdesk.core.services.duplicates`: ``MergeLog``, ``move_row``,
``move_links``, and for the undo ``move_back``, ``links_back``, ``fields_back``):

- moves to it every row that points at a merged account (:data:`REFERENCES` names each foreign
  key to ``accounts``; a merge refuses to run while the schema has one it does not name):
  contacts, interactions, follow-ups, deals, survey answers, gifts, notes; tags, each once;
  the accounts a merged one referred are referred by the kept one (the kept account itself
  is never its own referrer);
- fills the kept account's empty fields from the others (its own values win), its place
  (region, city, address, time zone) only from an account in the same country; its
  "referred by" from a merged account's referrer other than these accounts;
- combines the periods as a customer (:func:`~accountdesk.core.records.combined_history`):
  the company was a customer whenever one of its accounts was, once; the status follows the
  dates. With none ever a customer, the kept account's status and dates stay;
- keeps money in its currency: the kept account's currency stays what it was (filled only with
  the currency its country gave it already), and an acquisition cost is carried from a merged
  account only in the same currency (:func:`~accountdesk.core.money.carried_over`); deals and
  gifts keep their own currencies, and the result says when the accounts' differed;
- moves the merged accounts to the trash and updates the search index;
- writes an :class:`~accountdesk.core.db.models.AccountMerge` row with what undoing needs.

Contacts that look like one person once they are at one account are not merged: the result
counts them, for the Duplicates screen.

Undoing (:func:`undo_account_merge`) moves back exactly the rows that moved, puts back the
dropped tag links, takes the merged accounts out of the trash and restores the kept account's
fields, except a field edited since the merge (that edit stays, and the result names it). A
merge cannot be undone once a merged account was deleted for good, nor before a later merge of
the same accounts is undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, AccountMerge, Base
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.i18n import _, format_list, format_number, format_when, ngettext
from accountdesk.core.likeness import AccountCluster, duplicated_among, find_account_clusters
from accountdesk.core.metrics import NO_CURRENCY, own_currency
from accountdesk.core.money import carried_over, money_text
from accountdesk.core.queries.duplicates import account_facts, contact_facts
from accountdesk.core.records import (
    account_status,
    combined_history,
    earlier_periods,
    periods_json,
)
from accountdesk.core.services import trash
from accountdesk.core.services.duplicates import (
    LINK,
    LOG,
    MOVE,
    MergeLog,
    _empty,
    _encode,
    _stamp,
    check_references,
    fields_back,
    later_merge,
    links_back,
    move_back,
    move_links,
    move_row,
    moved_item,
    moves_refused,
    refuse_unless_owner_of,
    reindex,
)

# --- finding --------------------------------------------------------------------------------


def find_account_duplicates(db: Database) -> list[AccountCluster]:
    """The likely duplicates among the accounts of ``db`` not in the trash."""
    return find_account_clusters(account_facts(db))


# --- merging --------------------------------------------------------------------------------

REFERRAL = "referral"  # accounts referred by a merged account: referred by the kept one

#: Every foreign key to ``accounts.id`` and what a merge does with its rows. A new table that
#: references accounts must be added here (a merge refuses to run otherwise, and a test fails).
REFERENCES: dict[tuple[str, str], str] = {
    ("contacts", "account_id"): MOVE,
    ("interactions", "account_id"): MOVE,
    ("follow_ups", "account_id"): MOVE,
    ("deals", "account_id"): MOVE,
    ("survey_responses", "account_id"): MOVE,
    ("gifts", "account_id"): MOVE,
    ("notes", "account_id"): MOVE,
    ("account_tags", "account_id"): LINK,
    ("accounts", "referred_by_id"): REFERRAL,
    ("account_merges", "kept_id"): LOG,
}

#: Fields of an account's place: filled only from an account in the kept one's country.
PLACE = frozenset({"subdivision", "city", "address", "timezone"})
#: Fields a merge sets by its own rules (the history, the money, the referrer), or never.
_OWN_RULES = frozenset(
    {
        "id",
        "name",
        "country",
        "created_at",
        "updated_at",
        "deleted_at",
        "updated_by",
        "version",
        "status",
        "customer_since",
        "lost_on",
        "earlier_periods",
        "currency",
        "acquisition_cost",
        "referred_by_id",
    }
)
#: The validation label of a field whose key there differs from the column's name.
_LABEL_KEYS = {"referred_by_id": "referred_by"}


def field_label(name: str) -> str:
    """The translated label of an account column (the form's label)."""
    return v.label(_LABEL_KEYS.get(name, name))


@dataclass(frozen=True)
class AccountMergeResult:
    merge_id: str
    kept_name: str
    moved: dict[str, int]  # table -> rows moved to the kept account ("accounts": referrals)
    dropped: dict[str, int]  # table -> links the kept account had already (tags)
    filled: tuple[str, ...]  # the kept account's fields the merge filled or changed
    #: sentences about what was not added up: money in other currencies
    remarks: tuple[str, ...] = ()
    #: contacts of the kept account that now look like one person (for the Duplicates screen)
    alike_contacts: int = 0


def _not_the_owners() -> UserError:
    return UserError(
        _(
            "Only a manager, or the owner of all these accounts, can merge them or undo their "
            "merge: moving their records is the owner's. Nothing was changed."
        )
    )


def _refuse_unless_owner(session: Session, account_ids: Sequence[str]) -> None:
    owners = select(Account.owner).where(Account.id.in_(list(account_ids)))
    refuse_unless_owner_of(session, owners, _not_the_owners)


def _own_currency(account: Account) -> str:
    return own_currency(account.currency, account.country)


def _set(
    account: Account, name: str, new: Any, before: dict[str, Any], after: dict[str, Any]
) -> None:
    old = getattr(account, name)
    if new != old:
        before.setdefault(name, _encode(old))
        after[name] = _encode(new)
        setattr(account, name, new)


def _history(
    kept: Account, merged: Sequence[Account], before: dict[str, Any], after: dict[str, Any]
) -> None:
    """The kept account's status and dates as one company's (:func:`combined_history`)."""
    combined = combined_history(
        [(a.customer_since, a.lost_on, earlier_periods(a.earlier_periods)) for a in (kept, *merged)]
    )
    if combined is None:  # none was a customer: the kept account's status and dates stay
        return
    since, lost, earlier = combined
    _set(kept, "customer_since", since, before, after)
    _set(kept, "lost_on", lost, before, after)
    _set(kept, "earlier_periods", periods_json(earlier), before, after)
    _set(kept, "status", account_status(None, since, lost), before, after)


def _money(
    kept: Account, merged: Sequence[Account], before: dict[str, Any], after: dict[str, Any]
) -> list[str]:
    """The kept account's currency and acquisition cost; the sentences about amounts that
    stay in another currency."""
    mine = _own_currency(kept)
    if kept.currency is None:  # made explicit only when it is the one its country gave it
        same = next((a.currency for a in merged if a.currency and a.currency == mine), None)
        if same is not None:
            _set(kept, "currency", same, before, after)
    remarks = []
    others = sorted({c for a in merged if (c := _own_currency(a)) != mine} - {NO_CURRENCY})
    if others and mine != NO_CURRENCY:
        remarks.append(
            _(
                "The merged accounts kept their money in {others}, {kept} in {mine}: deals and "
                "gifts keep their own currency, and nothing was added up across currencies."
            ).format(others=format_list(others), kept=isolate(kept.name), mine=mine)
        )
    if kept.acquisition_cost is None:
        for account in merged:
            cost = carried_over(account.acquisition_cost, _own_currency(account), mine)
            if cost is not None:
                _set(kept, "acquisition_cost", cost, before, after)
                break
    for account in merged:
        theirs = _own_currency(account)
        if account.acquisition_cost is not None and theirs != mine:
            remarks.append(
                _(
                    "The acquisition cost of {name}, {amount}, is in another currency and was "
                    "not carried over."
                ).format(
                    name=isolate(account.name),
                    amount=money_text(account.acquisition_cost, theirs),
                )
            )
    return remarks


def _fill(
    kept: Account, merged: Sequence[Account], before: dict[str, Any], after: dict[str, Any]
) -> None:
    """The kept account's empty fields from the others (the kept one's values win); its place
    only from an account in its country; its referrer from a merged account's, never one of
    these accounts (the kept account would refer itself)."""
    ours = {kept.id, *(a.id for a in merged)}
    for column in Account.__table__.columns:
        name = column.name
        if name in _OWN_RULES or not _empty(getattr(kept, name)):
            continue
        donors = [a for a in merged if name not in PLACE or a.country == kept.country]
        new = next((getattr(a, name) for a in donors if not _empty(getattr(a, name))), None)
        if new is not None:
            _set(kept, name, new, before, after)
    if kept.referred_by_id is None or kept.referred_by_id in ours:
        referrer = next(
            (a.referred_by_id for a in merged if a.referred_by_id and a.referred_by_id not in ours),
            None,
        )
        _set(kept, "referred_by_id", referrer, before, after)


def merge_accounts(
    db: Database, kept_id: str, other_ids: Sequence[str], clock: Clock = system_clock
) -> AccountMergeResult:
    """Merge ``other_ids`` into ``kept_id`` (see the module's description); one transaction."""
    check_references("accounts", REFERENCES)
    others = list(dict.fromkeys(other_ids))
    if not others:
        raise UserError(_("Name at least one account to merge into the kept one."))
    if kept_id in others:
        raise UserError(_("The kept account cannot also be merged into itself."))
    now = clock()
    with moves_refused(_not_the_owners), db.transaction() as session:
        kept = trash.live(session, Account, kept_id, before="merge")
        merged = [trash.live(session, Account, id_, before="merge") for id_ in others]
        _refuse_unless_owner(session, [kept_id, *others])
        conn = session.connection()
        log = MergeLog(now)
        for (name, column), how in sorted(REFERENCES.items()):
            tbl = Base.metadata.tables[name]
            col = tbl.c[column]
            if how == MOVE:
                query = select(tbl).where(col.in_(others)).order_by(tbl.c.id)
                for found in conn.execute(query).fetchall():
                    item = moved_item(tbl, column, dict(found._mapping))
                    move_row(conn, tbl, item, {column: kept_id}, log)
            elif how == LINK:
                move_links(conn, tbl, column, kept_id, others, log)
            elif how == REFERRAL:  # the accounts a merged one referred, not these accounts
                query = (
                    select(tbl)
                    .where(col.in_(others), tbl.c.id.not_in([kept_id, *others]))
                    .order_by(tbl.c.id)
                )
                for found in conn.execute(query).fetchall():
                    item = moved_item(tbl, column, dict(found._mapping))
                    move_row(conn, tbl, item, {column: kept_id}, log)
        session.expire_all()  # the raw updates above: the ORM reads the rows again
        kept = trash.live(session, Account, kept_id)
        merged = [trash.live(session, Account, id_) for id_ in others]
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        kept_stamp = _encode(kept.updated_at)
        _fill(kept, merged, before, after)
        _history(kept, merged, before, after)
        remarks = _money(kept, merged, before, after)
        accounts_before = []
        for account in merged:
            accounts_before.append({"id": account.id, "updated_at": _encode(account.updated_at)})
            account.deleted_at = now
        record = AccountMerge(
            kept_id=kept_id,
            merged_ids=others,
            merged_at=now,
            changes={
                "fields_before": before,
                "fields_after": after,
                "kept_updated_at": kept_stamp,
                "merged": accounts_before,
                "rows": log.rows,
                "dropped_rows": log.kept_rows,
                "links": log.links,
                "linked_updated_at": log.linked,
            },
        )
        session.add(record)
        # written (its version raised) also when none of its own fields changed: contacts,
        # deals and tags came to it, which a form opened before would not know
        kept.updated_at = now
        flag_modified(kept, "updated_at")
        reindex(session, kept_id)
        merge_id = record.id
        kept_name = kept.name
        contacts_moved = log.moved.get("contacts", 0)
    alike = _alike_contacts(db, kept_id) if contacts_moved else 0
    return AccountMergeResult(
        merge_id, kept_name, log.moved, log.dropped, tuple(after), tuple(remarks), alike
    )


def _alike_contacts(db: Database, account_id: str) -> int:
    """How many contacts of the account look like one person with another of its contacts
    (:func:`~accountdesk.core.likeness.duplicated_among`): after a merge, for the Duplicates
    screen, which merges them."""
    contacts = Base.metadata.tables["contacts"]
    query = select(contacts.c.id).where(
        contacts.c.account_id == account_id, contacts.c.deleted_at.is_(None)
    )
    with db.reader() as session:
        ids = list(session.scalars(query))
    return duplicated_among(contact_facts(db, ids=ids)) if len(ids) > 1 else 0


@dataclass(frozen=True)
class AccountUndoResult:
    kept_id: str
    restored_ids: tuple[str, ...]
    #: fields of the kept account edited since the merge: left as they are
    kept_edits: tuple[str, ...]
    #: tag links not restored: the tag was deleted for good since
    lost_links: int = 0


def undo_account_merge(
    db: Database, merge_id: str, clock: Clock = system_clock
) -> AccountUndoResult:
    """Undo the merge of accounts ``merge_id`` (see the module's description); one
    transaction."""
    now = clock()
    with moves_refused(_not_the_owners), db.transaction() as session:
        record = session.get(AccountMerge, merge_id)
        if record is None:
            raise NotFoundError(_("There is no merge with id {id}.").format(id=merge_id))
        if record.undone_at is not None:
            raise UserError(
                _("This merge was already undone ({when}).").format(
                    when=format_when(record.undone_at)
                )
            )
        _refuse_unless_owner(session, [record.kept_id, *record.merged_ids])
        later = later_merge(session, AccountMerge, record)
        if later is not None:
            raise UserError(
                _("A later merge of the same accounts ({id}) must be undone first.").format(
                    id=later
                )
            )
        merged = []
        for id_ in record.merged_ids:
            account = session.get(Account, id_)
            if account is None:
                raise UserError(
                    _(
                        "A merged account ({id}) was deleted for good; the merge can no longer "
                        "be undone."
                    ).format(id=id_)
                )
            merged.append(account)
        kept = session.get(Account, record.kept_id)
        assert kept is not None  # the merge row is deleted with it
        conn = session.connection()
        changes = record.changes
        move_back(conn, changes, record.kept_id, now)
        lost = links_back(conn, changes, record.kept_id, now)
        session.expire_all()
        kept = session.get(Account, record.kept_id)
        assert kept is not None
        edited = fields_back(kept, changes, Account)
        if not edited:
            kept.updated_at = _stamp(changes["kept_updated_at"])  # type: ignore[assignment]
        else:
            kept.updated_at = now
        flag_modified(kept, "updated_at")
        stamps = {m["id"]: m["updated_at"] for m in changes["merged"]}
        for id_ in record.merged_ids:
            account = session.get(Account, id_)
            assert account is not None
            account.deleted_at = None
            account.updated_at = _stamp(stamps[id_])  # type: ignore[assignment]
        record.undone_at = now
        if kept.deleted_at is None:
            reindex(session, kept.id)
        return AccountUndoResult(record.kept_id, tuple(record.merged_ids), tuple(edited), lost)


def is_account_merge(db: Database, merge_id: str) -> bool:
    """Whether ``merge_id`` is a merge of accounts (else, if anything, of contacts): the one
    undo of the command line and of the latest merges finds which."""
    with db.reader() as session:
        return session.get(AccountMerge, merge_id) is not None


# --- what it says -----------------------------------------------------------------------------

#: How the rows a merge of accounts moves are counted in words, per table.
_ROWS = {
    "contacts": lambda n: ngettext("{n} contact", "{n} contacts", n),
    "deals": lambda n: ngettext("{n} deal", "{n} deals", n),
    "interactions": lambda n: ngettext("{n} interaction", "{n} interactions", n),
    "follow_ups": lambda n: ngettext("{n} follow-up", "{n} follow-ups", n),
    "notes": lambda n: ngettext("{n} note", "{n} notes", n),
    "gifts": lambda n: ngettext("{n} gift", "{n} gifts", n),
    "survey_responses": lambda n: ngettext("{n} survey answer", "{n} survey answers", n),
    "account_tags": lambda n: ngettext("{n} tag", "{n} tags", n),
    "accounts": lambda n: ngettext("{n} account it referred", "{n} accounts it referred", n),
}


def rows_text(counts: dict[str, int]) -> str:
    """ "3 contacts, 2 deals and 1 tag": what moves or moved, per kind (none: "")."""
    return format_list(
        _ROWS[name](n).format(n=format_number(n))
        for name, n in sorted(counts.items(), key=lambda kv: list(_ROWS).index(kv[0]))
        if n and name in _ROWS
    )


def merge_lines(result: AccountMergeResult) -> list[str]:
    """What a merge of accounts did besides merging: the records moved, the tags not doubled,
    the fields filled, money left in its currency, contacts that now look alike."""
    lines = []
    moved = rows_text(result.moved)
    if moved:
        lines.append(_("Moved to the kept account: {records}.").format(records=moved))
    else:
        lines.append(_("The merged accounts had no contacts, deals or other records to move."))
    dropped = sum(result.dropped.values())
    if dropped:
        lines.append(
            ngettext(
                "{n} tag the kept account already had was not doubled.",
                "{n} tags the kept account already had were not doubled.",
                dropped,
            ).format(n=format_number(dropped))
        )
    if result.filled:
        lines.append(
            _("Filled in or combined on the kept account: {fields}.").format(
                fields=format_list(field_label(f) for f in result.filled)
            )
        )
    lines.extend(result.remarks)
    if result.alike_contacts:
        lines.append(
            ngettext(
                "{n} contact of the kept account now looks like another of its contacts: "
                "review it on the Duplicates screen.",
                "{n} contacts of the kept account now look like others of its contacts: "
                "review them on the Duplicates screen.",
                result.alike_contacts,
            ).format(n=format_number(result.alike_contacts))
        )
    return lines


def undo_text(result: AccountUndoResult) -> str:
    """What an undo of a merge of accounts did, in one or two sentences."""
    count = len(result.restored_ids)
    text_ = ngettext(
        "The merge was undone: {n} account is back.",
        "The merge was undone: {n} accounts are back.",
        count,
    ).format(n=format_number(count))
    if result.kept_edits:
        labels = [field_label(name) for name in result.kept_edits]
        text_ += " " + ngettext(
            "{n} field of the kept account was edited after the merge and keeps its new value: "
            "{fields}.",
            "{n} fields of the kept account were edited after the merge and keep their new "
            "values: {fields}.",
            len(labels),
        ).format(n=format_number(len(labels)), fields=format_list(labels))
    if result.lost_links:
        text_ += " " + ngettext(
            "{n} tag could not be given back: it was deleted for good after the merge.",
            "{n} tags could not be given back: they were deleted for good after the merge.",
            result.lost_links,
        ).format(n=format_number(result.lost_links))
    return text_


def forget_erased(session: Session) -> int:
    """Drop from the merges of accounts the rows they moved that are gone for good: what a
    contact's erasure deleted (the contact, their interactions, notes, follow-ups …), so that
    no merge record keeps an id of theirs. An undo would pass over such a row anyway (it
    moves back the rows that are still there). The number of entries dropped. A backup from
    before the merges of accounts (schema 0014 or older) has no log to clean."""
    if not inspect(session.connection()).has_table(AccountMerge.__tablename__):
        return 0
    conn = session.connection()
    dropped = 0
    for record in session.scalars(select(AccountMerge)):
        rows = record.changes.get("rows", [])
        ids: dict[str, set[str]] = {}
        for item in rows:
            ids.setdefault(item["table"], set()).add(item["id"])
        present: set[tuple[str, str]] = set()
        for name, wanted in ids.items():
            tbl = Base.metadata.tables[name]
            for id_ in conn.scalars(select(tbl.c.id).where(tbl.c.id.in_(wanted))):
                present.add((name, id_))
        kept = [item for item in rows if (item["table"], item["id"]) in present]
        if len(kept) != len(rows):
            dropped += len(rows) - len(kept)
            record.changes = {**record.changes, "rows": kept}
            flag_modified(record, "changes")
    return dropped
