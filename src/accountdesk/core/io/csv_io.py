"""CSV import and export: one row per contact, with its account's columns beside it.

The format (documented in README.md) is what :func:`export_csv` writes; :func:`import_csv`
accepts it back, so a round trip loses nothing. Reading a file and checking its rows (other
products' exports, the consistency of a file, formulas in cells) is
:mod:`accountdesk.core.io.csv_format`'s; this module writes what was checked, and exports.

An import is all or nothing: every row is validated first, and only a file without errors is
written, in one transaction. Errors name the row (the header is row 1) and the column. A
large file is checked in another process while this one writes
(:mod:`accountdesk.core.io.csv_check`).

Formula injection: the export puts a ``'`` before a cell a spreadsheet would run as a formula
(:func:`~accountdesk.core.io.csv_format.neutralise`); the import takes exactly that one ``'``
away again. ``accountdesk export --raw`` writes the cells as stored.
"""

from __future__ import annotations

import contextlib
import csv
import io
import pickle
import queue
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, text, update

from accountdesk.core import i18n, icu
from accountdesk.core.bidi import isolate
from accountdesk.core.db import search
from accountdesk.core.db.bulk import bulk_insert, indexes_deferred
from accountdesk.core.db.collection import chunk_done, collection_paused
from accountdesk.core.db.documents import account_document
from accountdesk.core.db.engine import Database
from accountdesk.core.db.ids import new_id
from accountdesk.core.db.models import (
    Account,
    Contact,
    ImportantDate,
    Tag,
    account_tags,
    contact_tags,
    table,
    utcnow,
)
from accountdesk.core.i18n import (
    _,
    country_name,
    format_list,
    format_number,
    ltr_shown,
    ngettext,
)
from accountdesk.core.io import csv_check, sources
from accountdesk.core.io import mapping as column_mapping
from accountdesk.core.io.csv_format import (
    LIST_SEPARATOR,
    CsvImportError,
    HeaderMap,
    Plan,
    Problem,
    RowProblems,
    UnknownHeader,
    cell_text,
    format_dates,
    neutralise,
    plan_chunks,
    problems_error,
    read_header_map,
    read_rows,
)
from accountdesk.core.io.mapping import COLUMNS, CONTACT_COLUMNS, DATES
from accountdesk.core.io.refusal import cancelled, nothing_imported
from accountdesk.core.queries.facts import ContactFacts, facts_of
from accountdesk.core.records import customer_history, earlier_periods, periods_json, tag_key
from accountdesk.core.services.accounts import Owners, accounts_by_name, team_owners
from accountdesk.core.services.conflicts import bumped
from accountdesk.core.services.duplicates import (
    alike_stored,
    alike_stored_remark,
    import_remark,
    likely_duplicates,
)
from accountdesk.core.validation import ValidationError


@dataclass
class ImportReport:
    rows: int = 0
    accounts_created: int = 0
    accounts_updated: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    dry_run: bool = False
    source: str | None = None  # the product that wrote the file, when it is not our format
    unknown_columns: tuple[str, ...] = ()  # not imported
    kept_columns: tuple[str, ...] = ()  # kept in the notes
    chosen_mapping: bool = False  # read through a mapping the user chose (--map, the dialog)
    likely_duplicates: int = 0  # imported contacts with a likely duplicate (services/duplicates)
    #: of a dry run, the contacts the import would add that look like contacts already stored
    #: (services/duplicates.alike_stored)
    stored_alike: int = 0
    code_page: str | None = None  # the Windows code page a file that is not UTF-8 was read in
    owners: Owners | None = None  # how account_owner became owners in a team (server, copy)
    #: rows that named no country, given their phone number's / the import's chosen one
    #: (``default_country``: --country, the import dialog's choice)
    countries_from_phones: int = 0
    countries_by_default: int = 0
    default_country: str | None = None
    #: accounts the file names by name and country (no id) that were stored already: the
    #: file's contacts at them joined them (:func:`_match_stored`)
    accounts_found: int = 0

    def count_countries(self, plan: Plan) -> None:
        """Add the rows of ``plan`` that named no country to the counts the remarks give."""
        self.countries_from_phones += plan.countries_from_phones
        self.countries_by_default += plan.countries_by_default

    @property
    def kept_unknown(self) -> bool:
        return bool(self.kept_columns)

    def remarks(self) -> list[str]:
        """What the summary does not say: which product's export the file was read as, and
        the columns that were not imported (or kept in notes)."""
        lines = []
        if self.source:
            lines.append(_("Read as an export of {product}.").format(product=self.source))
        if self.code_page:
            lines.append(
                _(
                    "The file is not UTF-8 text: it was read in the {encoding} encoding. If "
                    "letters look wrong, save the file as CSV UTF-8 and import it again."
                ).format(encoding=sources.code_page_name(self.code_page))
            )
        # TRANSLATORS: a column name of the user's file, in the quotation marks of your language
        quote = _("“{name}”")
        if self.kept_columns:
            count = len(self.kept_columns)
            names = format_list(quote.format(name=isolate(n)) for n in self.kept_columns)
            lines.append(
                ngettext(
                    "{n} column AccountDesk has no field for was kept in the notes: {names}.",
                    "{n} columns AccountDesk has no field for were kept in the notes: {names}.",
                    count,
                ).format(n=format_number(count), names=names)
            )
        if self.unknown_columns:
            count = len(self.unknown_columns)
            names = format_list(quote.format(name=isolate(n)) for n in self.unknown_columns)
            if self.chosen_mapping:
                text_ = ngettext(
                    "{n} column was not imported: {names}.",
                    "{n} columns were not imported: {names}.",
                    count,
                )
            elif self.source is None:  # no product: what the columns hold is not known
                text_ = ngettext(
                    "{n} column whose name AccountDesk does not know was not imported: {names} "
                    "(--map chooses what it holds; --keep-unknown keeps it in the notes).",
                    "{n} columns whose names AccountDesk does not know were not imported: "
                    "{names} (--map chooses what they hold; --keep-unknown keeps them in the "
                    "notes).",
                    count,
                )
            else:
                text_ = ngettext(
                    "{n} column AccountDesk has no field for was not imported: {names} "
                    "(--keep-unknown keeps it in the notes).",
                    "{n} columns AccountDesk has no field for were not imported: {names} "
                    "(--keep-unknown keeps them in the notes).",
                    count,
                )
            lines.append(text_.format(n=format_number(count), names=names))
        if self.countries_from_phones:
            lines.append(
                ngettext(
                    "{n} row names no country: its country was taken from its international "
                    "phone number.",
                    "{n} rows name no country: their countries were taken from their "
                    "international phone numbers.",
                    self.countries_from_phones,
                ).format(n=format_number(self.countries_from_phones))
            )
        if self.countries_by_default and self.default_country:
            lines.append(
                ngettext(
                    "{n} row names no country and has no international phone number: it was "
                    "imported as in {country}, the country chosen for the import.",
                    "{n} rows name no country and have no international phone number: they "
                    "were imported as in {country}, the country chosen for the import.",
                    self.countries_by_default,
                ).format(
                    n=format_number(self.countries_by_default),
                    country=country_name(self.default_country),
                )
            )
        if self.owners is not None:
            lines += self.owners.remarks()
        duplicates = import_remark(self.likely_duplicates)
        if duplicates:
            lines.append(duplicates)
        alike = alike_stored_remark(self.stored_alike)
        if alike:
            lines.append(alike)
        return lines

    def summary(self) -> str:
        """What the import did, or would do when it only checked: a sentence for each count."""
        rows, accounts, contacts = map(
            format_number, (self.rows, self.accounts_created, self.contacts_created)
        )
        updated = self.accounts_updated + self.contacts_updated
        if self.dry_run:
            sentences = [
                ngettext(
                    "Checked {n} row; nothing was written.",
                    "Checked {n} rows; nothing was written.",
                    self.rows,
                ).format(n=rows),
                ngettext(
                    "The import would add {n} account.",
                    "The import would add {n} accounts.",
                    self.accounts_created,
                ).format(n=accounts),
                ngettext(
                    "The import would add {n} contact.",
                    "The import would add {n} contacts.",
                    self.contacts_created,
                ).format(n=contacts),
            ]
            if updated:
                sentences.append(
                    ngettext(
                        "The import would update {n} existing record.",
                        "The import would update {n} existing records.",
                        updated,
                    ).format(n=format_number(updated))
                )
            if self.accounts_found:
                sentences.append(
                    ngettext(
                        "{n} account the file names is stored already (the same name and "
                        "country): its contacts from the file would be added to it.",
                        "{n} accounts the file names are stored already (the same name and "
                        "country): their contacts from the file would be added to them.",
                        self.accounts_found,
                    ).format(n=format_number(self.accounts_found))
                )
        else:
            sentences = [
                ngettext("Imported {n} row.", "Imported {n} rows.", self.rows).format(n=rows),
                ngettext("Added {n} account.", "Added {n} accounts.", self.accounts_created).format(
                    n=accounts
                ),
                ngettext("Added {n} contact.", "Added {n} contacts.", self.contacts_created).format(
                    n=contacts
                ),
            ]
            if updated:
                sentences.append(
                    ngettext(
                        "Updated {n} existing record.", "Updated {n} existing records.", updated
                    ).format(n=format_number(updated))
                )
            if self.accounts_found:
                sentences.append(
                    ngettext(
                        "{n} account the file names was stored already (the same name and "
                        "country): its contacts from the file were added to it.",
                        "{n} accounts the file names were stored already (the same name and "
                        "country): their contacts from the file were added to them.",
                        self.accounts_found,
                    ).format(n=format_number(self.accounts_found))
                )
        return " ".join(sentences)


# --- writing --------------------------------------------------------------------------------


def _existing(conn: Connection, table: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        found.update(conn.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


#: Of an account already stored, the field each column of a file gives; a column the file
#: does not have, or maps to "ignore", leaves the stored value as it is. The country is always
#: given (a file must have account_country or country).
_ACCOUNT_FIELDS = {
    "account_name": "name",
    "account_industry": "industry",
    "account_size_band": "size_band",
    "account_website": "website",
    "account_subdivision": "subdivision",
    "account_city": "city",
    "account_address": "address",
    "account_timezone": "timezone",
    "account_currency": "currency",
    "account_tier": "tier",
    "account_status": "status",
    "account_customer_since": "customer_since",
    "account_lost_on": "lost_on",
    "account_owner": "owner",
    "account_referred_by": "referred_by_id",
    "account_acquisition_cost": "acquisition_cost",
    "account_notes": "notes",
}
#: The same for a contact: our columns are its fields' names (tags and dates apart).
_CONTACT_FIELDS = frozenset(CONTACT_COLUMNS) - {"contact_id", "tags", "important_dates"}


def _given_fields(columns: frozenset[str], kind: str) -> set[str]:
    """The fields of a stored ``kind`` ("account", "contact") that a file with ``columns``
    writes: only what it has a column for."""
    if kind == "account":
        found = {_ACCOUNT_FIELDS[c] for c in columns if c in _ACCOUNT_FIELDS} | {"country"}
        if "city" in columns and "given_name" not in columns:  # a file of accounts only
            found.add("city")
        return found
    # a file without account_id names no account by id: a stored contact stays at its own
    found = set(columns) & (_CONTACT_FIELDS | {"account_id"})
    if column_mapping.FULL_NAME in columns:
        found |= {"given_name", "family_name", "name_order"}
    return found


def _stored_owners(conn: Connection, ids: list[str]) -> dict[str, str | None]:
    """The owner of each stored account of ``ids``."""
    acc = table(Account)
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        found.update(conn.execute(select(acc.c.id, acc.c.owner).where(acc.c.id.in_(chunk))).all())
    return found


def _won_back(
    conn: Connection, rows: list[dict[str, Any]], fields: set[str]
) -> list[dict[str, Any]]:
    """``rows`` of stored accounts whose file gives their dates, each with the earlier periods
    as a customer the win-back rule leaves (:func:`records.customer_history
    <accountdesk.core.records.customer_history>`, the rule the account editor's save follows):
    a lost account given a new "customer since" keeps its stored period. A "customer since"
    inside an earlier period is refused, naming the account; nothing is imported."""
    acc = table(Account)
    stored: dict[str, tuple[Any, Any, str | None]] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        query = select(acc.c.id, acc.c.customer_since, acc.c.lost_on, acc.c.earlier_periods)
        for id_, since, lost, earlier in conn.execute(query.where(acc.c.id.in_(chunk))):
            stored[id_] = (since, lost, earlier)
    result = []
    for r in rows:
        since, lost, earlier = stored[r["id"]]
        try:
            history = customer_history(
                since,
                lost,
                earlier_periods(earlier),
                r["customer_since"] if "customer_since" in fields else since,
                r["lost_on"] if "lost_on" in fields else lost,
            )
        except ValidationError as exc:
            column = "account_" + (exc.key or "customer_since")
            raise CsvImportError(
                nothing_imported(
                    [
                        _("Account {id}, column {column}: {problem}").format(
                            id=r["id"], column=column, problem=exc.message
                        )
                    ]
                )
            ) from exc
        result.append({**r, "earlier_periods": periods_json(history.earlier)})
    return result


def _update_stored(
    conn: Connection, target: Any, rows: list[dict[str, Any]], fields: set[str], now: Any
) -> None:
    """Write ``fields`` of ``rows``, records already stored, each with a new version. A zone
    the file does not give follows a country the file's own column changes (the one the check
    derived), and is kept otherwise: a contact's row without a country column reads as in its
    account's country, which must not move the contact's zone."""
    countries: dict[str, str] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for id_, country in conn.execute(
            select(target.c.id, target.c.country).where(target.c.id.in_(chunk))
        ):
            countries[id_] = country
    for r in rows:
        values = {k: r[k] for k in fields if k in r}
        if (
            "timezone" not in fields
            and "country" in fields
            and r["country"] != countries.get(r["id"])
        ):
            values["timezone"] = r["timezone"]
        conn.execute(
            update(target).where(target.c.id == r["id"]).values(**values, **bumped(target, now))
        )


def _new_and_stored(
    conn: Connection, target: Any, rows: list[dict[str, Any]], fresh: bool, trashed: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``rows`` of ``target`` split into those to insert (in id order) and those whose id is
    stored already (none when ``fresh``: :func:`_write_chunk`); a stored one in the trash is
    refused with ``trashed`` (:func:`_refuse_trashed`)."""
    known = set() if fresh else _existing(conn, target, [r["id"] for r in rows])
    new = sorted((r for r in rows if r["id"] not in known), key=lambda r: r["id"])
    stored = [r for r in rows if r["id"] in known]
    _refuse_trashed(conn, target, [r["id"] for r in stored], trashed)
    return new, stored


def _refuse_trashed(conn: Connection, target: Any, ids: list[str], message: str) -> None:
    """CsvImportError when one of ``ids`` is a record in the trash: a row must not change
    what the user put away (as the vCard import refuses it)."""
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        found = conn.scalars(
            select(target.c.id).where(target.c.id.in_(chunk), target.c.deleted_at.is_not(None))
        ).first()
        if found is not None:
            raise CsvImportError(nothing_imported([message.format(id=found)]))


def _tag_ids(conn: Connection, names: Iterable[str]) -> dict[str, str]:
    wanted = {tag_key(n): n for n in names}
    ids: dict[str, str] = {}
    for tag_id, name in conn.execute(select(Tag.id, Tag.name)):
        if tag_key(name) in wanted:
            ids[tag_key(name)] = tag_id
    new = [
        {"id": new_id(), "name": wanted[k], "created_at": utcnow()} for k in wanted if k not in ids
    ]
    if new:
        conn.execute(insert(Tag), new)
        ids.update({tag_key(str(row["name"])): str(row["id"]) for row in new})
    return ids


#: Accounts planned that no row has needed yet: key -> (values, tags) (see
#: :func:`_hold_unneeded`).
Held = dict[str, tuple[dict[str, Any], list[str]]]


def _hold_unneeded(
    conn: Connection, plan: Plan, held: Held, written: set[str], fresh: bool
) -> None:
    """Take out of ``plan`` the accounts none of its rows needs (:attr:`Plan.accounts_needed`:
    the accounts of stored contacts' rows in a file without account_id, which keep their
    accounts), into ``held``; put back those held that its rows need and no chunk has written
    (``written``). An account no row ever needs is never written: updating a contact by its
    id adds no account beside the one it is at. ``fresh``: as for :func:`_write_chunk`."""
    if plan.accounts_needed is None:
        return
    ids = [r["id"] for r in plan.contacts]
    stored = set() if fresh else _existing(conn, table(Contact), ids)
    new_contacts = {r["account_id"] for r in plan.contacts if r["id"] not in stored}
    needed = plan.accounts_needed | new_contacts
    for key in [k for k in plan.accounts if k not in needed]:
        held[key] = (plan.accounts.pop(key), plan.account_tags.pop(key, []))
    for key in sorted(needed - written - set(plan.accounts)):
        if key in held:
            values, tags = held.pop(key)
            plan.accounts[key], plan.account_tags[key] = values, tags
            if plan.documents is not None:
                plan.documents.append(account_document(values, tags))


class _Found:
    """The file's accounts found stored (:func:`_match_stored`), from chunk to chunk."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, str], str] | None = None  # read at the first need
        self.ids: dict[str, str] = {}  # the plan's key -> the stored account's id


def _match_stored(conn: Connection, plan: Plan, found: _Found) -> int:
    """Send the rows of ``plan`` whose account the file names by name and country (no id)
    to the stored account of that name and country
    (:func:`~accountdesk.core.services.accounts.accounts_by_name`), as the vCard import
    does: the stored account is kept as it is, and the file's values for it are not
    written (its id in the file updates it). Returns how many accounts were found for the
    first time (chunks checked apart can each carry one)."""
    named = [k for k in plan.accounts if k in plan.named_accounts or k in found.ids]
    if named and found.by_name is None:
        found.by_name = accounts_by_name(conn)
    first = 0
    for key in named:
        values = plan.accounts[key]
        stored = found.ids.get(key)
        if stored is None:
            assert found.by_name is not None
            stored = found.by_name.get((tag_key(values["name"]), values["country"]))
            if stored is None:
                continue
            found.ids[key] = stored
            first += 1
        del plan.accounts[key]  # (its search document goes with it: _index)
        plan.account_tags.pop(key, None)
    if found.ids:  # (rows of later chunks name an account an earlier chunk carried)
        for contact in plan.contacts:
            contact["account_id"] = found.ids.get(contact["account_id"], contact["account_id"])
        if plan.accounts_needed is not None:
            plan.accounts_needed = {found.ids.get(k, k) for k in plan.accounts_needed}
    return first


def _write_chunk(
    conn: Connection,
    plan: Plan,
    report: ImportReport,
    referrals: dict[str, str],
    written: set[str],
    contacts_written: set[str],
    fresh: bool = False,
    held: Held | None = None,
    owners: Owners | None = None,
    found: _Found | None = None,
) -> None:
    """Write one validated chunk inside the caller's transaction.

    A new account whose referring account is there already (stored, written by an earlier
    chunk, or inserted before it in this one) is written with its link; the other links wait
    in ``referrals`` (account -> referrer) and are made at the end (:func:`_link_referrals`).
    ``written`` holds the accounts this import has already written (chunks checked in
    different processes can both carry an account), and ``contacts_written`` its contacts.
    ``fresh``: the database had no account and no contact when the import began, so the only
    ids in it are those this import wrote (known without asking the database). ``held``: the
    accounts no row has needed yet (:func:`_hold_unneeded`), from chunk to chunk. ``owners``:
    the owners the file writes as the team's (:func:`team_owners`, from chunk to chunk).
    ``found``: the file's accounts found stored by name (:func:`_match_stored`; none in an
    empty database).
    """
    acc, con = table(Account), table(Contact)
    if not fresh:
        report.accounts_found += _match_stored(conn, plan, _Found() if found is None else found)
    for key in [k for k in plan.accounts if k in written]:
        del plan.accounts[key]
        plan.account_tags.pop(key, None)
    _hold_unneeded(conn, plan, {} if held is None else held, written, fresh)
    # referrers written by earlier chunks (and so taken out of this one above)
    referrers_written = {r["referred_by_id"] for r in plan.accounts.values()} & written
    written.update(plan.accounts)
    _check_ids(conn, plan, written, contacts_written, fresh)
    account_rows = list(plan.accounts.values())
    # accounts written by earlier chunks were taken out above; contacts are in one row each
    new_accounts, old_accounts = _new_and_stored(
        conn, acc, account_rows, fresh,
        _("Account {id} is in the trash: restore it first, or take its rows out of the file "
          "(column account_id)."),
    )  # fmt: skip
    # A referrer inserted before its account (they go in in this order), stored already or
    # written by an earlier chunk is there when the account is inserted.
    place = {r["id"]: n for n, r in enumerate(new_accounts)}
    there = referrers_written | {r["id"] for r in old_accounts}
    now_linked: set[str] = set()
    for n, r in enumerate(new_accounts):
        by = r["referred_by_id"]
        if by and (place[by] < n if by in place else by in there):
            now_linked.add(r["id"])
        elif by:
            referrals[r["id"]] = by
    referrals.update((r["id"], r["referred_by_id"]) for r in old_accounts if r["referred_by_id"])
    now = utcnow()
    owners = team_owners(conn) if owners is None else owners
    bulk_insert(
        conn,
        acc,
        [
            {
                **r,
                "owner": owners.of(r.get("owner")),
                "referred_by_id": r["referred_by_id"] if r["id"] in now_linked else None,
                "created_at": now,
                "updated_at": now,
            }
            for r in new_accounts
        ],
    )
    account_fields = _given_fields(plan.columns, "account")
    stored_accounts = [
        {**r, "referred_by_id": None} if "referred_by_id" in account_fields else r
        for r in old_accounts
    ]
    if "owner" in account_fields and owners.team is not None and stored_accounts:
        held_now = _stored_owners(conn, [r["id"] for r in stored_accounts])
        stored_accounts = [
            {**r, "owner": owners.of(r.get("owner"), new=False, stored=held_now.get(r["id"]))}
            for r in stored_accounts
        ]
    if account_fields & {"customer_since", "lost_on"} and stored_accounts:
        stored_accounts = _won_back(conn, stored_accounts, account_fields)
        account_fields = account_fields | {"earlier_periods"}
    _update_stored(conn, acc, stored_accounts, account_fields, now)
    # Accounts waiting for a referrer written later are linked at the end, in one statement
    # (_link_referrals): an UPDATE of referrers here, a chunk at a time, opened a statement
    # savepoint, and FTS5 writes out its pending words at each (0.18 s of the 30k import).
    new_contacts, old_contacts = _new_and_stored(
        conn, con, plan.contacts, fresh,
        _("Contact {id} is in the trash: restore it first, or take its row out of the file "
          "(column contact_id)."),
    )  # fmt: skip
    for r in new_contacts:  # (the plan's own dicts: written once, then let go)
        r["created_at"] = r["updated_at"] = now
    bulk_insert(conn, con, new_contacts)
    _update_stored(conn, con, old_contacts, _given_fields(plan.columns, "contact"), now)
    # Of a stored record, tags and important dates are replaced by what the file says when it
    # has their column, and kept when it has none.
    tag_ids = _tag_ids(
        conn,
        [n for names in (*plan.account_tags.values(), *plan.contact_tags.values()) for n in names],
    )
    for link_table, key, mapping, old, column in (
        (account_tags, "account_id", plan.account_tags, old_accounts, "account_tags"),
        (contact_tags, "contact_id", plan.contact_tags, old_contacts, "tags"),
    ):
        if old and column in plan.columns:
            conn.execute(link_table.delete().where(link_table.c[key].in_([r["id"] for r in old])))
        links = [
            {key: owner, "tag_id": tag_ids[tag_key(n)]}
            for owner, names in mapping.items()
            for n in names
        ]
        bulk_insert(conn, link_table, links)
    dates_table = table(ImportantDate)
    replaced_kinds = (
        None  # every kind
        if "important_dates" in plan.columns
        else {kind for target, kind in DATES.items() if target in plan.columns}
    )
    if old_contacts and replaced_kinds != set():
        gone = dates_table.delete().where(
            dates_table.c.contact_id.in_([r["id"] for r in old_contacts])
        )
        if replaced_kinds is not None:
            gone = gone.where(dates_table.c.kind.in_(sorted(replaced_kinds)))
        conn.execute(gone)
    date_rows = []
    for owner, items in plan.contact_dates.items():  # (the plan's own dicts, as above)
        for d in items:
            d["id"], d["contact_id"] = new_id(), owner
            date_rows.append(d)
    bulk_insert(conn, dates_table, date_rows)
    _index(conn, plan, {r["id"] for r in (*old_accounts, *old_contacts)})
    report.accounts_created += len(new_accounts)
    report.accounts_updated += len(old_accounts)
    report.contacts_created += len(new_contacts)
    report.contacts_updated += len(old_contacts)
    report.rows = plan.last_row
    report.count_countries(plan)


def _check_ids(
    conn: Connection,
    plan: Plan,
    accounts_written: set[str],
    contacts_written: set[str],
    fresh: bool = False,
) -> None:
    """Ids from the file are each used once: a contact in one row only, and no id for both an
    account and a contact (the search index keys both kinds by id). ``fresh``: as for
    :func:`_write_chunk`."""
    acc, con = table(Account), table(Contact)
    contact_ids = [r["id"] for r in plan.contacts]
    for contact_id in contact_ids:
        if contact_id in contacts_written:
            raise CsvImportError(
                nothing_imported(
                    [
                        _("Contact {id} is in more than one row (column contact_id).").format(
                            id=contact_id
                        )
                    ]
                )
            )
        contacts_written.add(contact_id)
    if fresh:  # in the database: only what this import wrote
        both = (set(contact_ids) & accounts_written) | (set(plan.accounts) & contacts_written)
    else:
        both = (
            (set(contact_ids) & accounts_written)
            | _existing(conn, acc, contact_ids)
            | _existing(conn, con, list(plan.accounts))
        )
    if both:
        raise CsvImportError(
            nothing_imported(
                [
                    _(
                        "{id} cannot be the id of both an account and a contact (columns "
                        "account_id and contact_id)."
                    ).format(id=sorted(both)[0])
                ]
            )
        )


def _link_referrals(
    conn: Connection, referrals: dict[str, str], written: set[str] | None = None
) -> None:
    """Link the accounts of ``referrals`` to their referrers. ``written``: every account the
    database holds (an import into an empty one), known without asking it."""
    if not referrals:
        return
    acc = table(Account)
    targets = sorted(set(referrals.values()))
    missing = set(targets) - (written if written is not None else _existing(conn, acc, targets))
    if missing:
        raise CsvImportError(
            nothing_imported(
                [
                    _(
                        "Column account_referred_by names an account that does not exist: {id}."
                    ).format(id=sorted(missing)[0])
                ]
            )
        )
    for account_id, referrer in referrals.items():
        if account_id == referrer:
            raise CsvImportError(
                nothing_imported(
                    [
                        _("Account {id} cannot refer itself (column account_referred_by).").format(
                            id=account_id
                        )
                    ]
                )
            )
    _set_referrers(conn, referrals)


def _set_referrers(conn: Connection, links: dict[str, str]) -> None:
    """Store the referrer of each account of ``links`` (account -> referrer)."""
    if not links:
        return
    acc = table(Account)
    # The accounts of this import only, each inserted or given a new version above in this same
    # transaction: no second raise (tests: RAW_UPDATES_UNBUMPED).
    conn.execute(  # one statement for every link
        update(acc).where(acc.c.id == bindparam("account")).values(referred_by_id=bindparam("by")),
        [{"account": a, "by": r} for a, r in links.items()],
    )


def _index(conn: Connection, plan: Plan, replaced: set[str]) -> None:
    """Index the records of ``plan``: the new ones from the file's values (their documents
    made by the checking process or here), those it updated (``replaced``) as they are
    stored now (the file may have changed only some fields). An account an earlier chunk
    wrote was taken out of ``plan.accounts`` (:func:`_write_chunk`), and its document with
    it."""
    made = plan.documents if plan.documents is not None else plan.search_documents()
    docs = [
        d for d in made if d.ref not in replaced and (d.kind != "account" or d.ref in plan.accounts)
    ]
    updated = [r["id"] for r in (*plan.accounts.values(), *plan.contacts) if r["id"] in replaced]
    removed = search.remove_documents(conn, updated) if updated else {}
    if updated:
        docs += search.stored_documents(conn, updated)
    search.index_documents(conn, docs, fresh=True, rowids=removed)


def _chunks_from_children(
    checkers: csv_check.Checkers, progress: Callable[[int], bool] | None
) -> Iterator[Plan | None]:
    """What ``checkers`` checked, chunk by chunk, while this process writes it; None before
    it waits for the next chunk (the writer has a moment: :func:`_import_rows`).

    The checkers are stopped if the caller stops early; cancelling through ``progress``
    stops them too. When every chunk came, they are left to the caller (one may still count
    the likely duplicates: :meth:`~accountdesk.core.io.csv_check.Checkers.paired`).
    """
    messages: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=4)
    children = checkers.processes
    parts = len(children)

    def listen(child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        try:
            while True:
                kind, payload = pickle.load(child.stdout)
                messages.put((kind, payload))
                if kind != "chunk":
                    return
        except (EOFError, pickle.UnpicklingError, OSError):
            messages.put(("lost", None))

    listeners = [threading.Thread(target=listen, args=(c,), daemon=True) for c in children]
    for listener in listeners:
        listener.start()
    problems: list[Problem] = []
    rows_seen = 0
    running = parts
    every_chunk = False
    try:
        while running:
            if messages.empty():
                yield None
            kind, payload = messages.get()
            if kind == "chunk":
                assert isinstance(payload, Plan)
                rows_seen = max(rows_seen, payload.last_row)
                if progress is not None and not progress(rows_seen):
                    raise CsvImportError(cancelled())
                if not problems:
                    yield payload
                continue
            running -= 1
            if kind == "problems":
                problems.extend(payload)
            elif kind == "error":
                message, found = payload
                raise CsvImportError(message, found)
            elif kind == "crash":
                raise RuntimeError(payload)
            elif kind == "lost":
                raise CsvImportError(
                    _("Checking the file stopped unexpectedly; nothing was imported.")
                )
        if problems:
            raise problems_error(problems)
        every_chunk = True
    finally:
        if not every_chunk:
            for child in children:
                if child.poll() is None:
                    child.kill()
        # Drain, so that a listener blocked on a full queue can finish.
        while any(listener.is_alive() for listener in listeners):
            with contextlib.suppress(queue.Empty):
                messages.get(timeout=0.1)
        if not every_chunk:
            checkers.stop()


def _checked_here(
    header: list[str],
    rows: Iterator[list[str]],
    progress: Callable[[int], bool] | None,
    mapping: HeaderMap | None = None,
) -> Iterator[Plan]:
    try:
        yield from plan_chunks(header, rows, progress, mapping=mapping)
    except RowProblems as exc:
        raise problems_error(exc.problems) from None


def import_csv(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int], bool] | None = None,
    source: str | None = None,
    keep_unknown: bool = False,
    mapping: column_mapping.ColumnMapping | None = None,
    checking: csv_check.Checkers | None = None,
    exclusive: bool = False,
    country: str | None = None,
) -> ImportReport:
    """Import ``path``; raises :class:`CsvImportError` (nothing written) on any bad row.

    ``mapping`` says what each column holds (a saved or edited
    :class:`~accountdesk.core.io.mapping.ColumnMapping`; a :class:`MappingError` if it names a
    column the file lacks). Without it the mapping is recognised
    (:func:`~accountdesk.core.io.mapping.recognise`): ``source`` reads the file as that
    product's export (a key of :data:`sources.SOURCES`), else the product is recognised from
    the header. Columns AccountDesk has no field for are listed in the report, and kept in the
    notes when ``keep_unknown`` (or when the mapping says ``notes``).

    ``progress(rows_read)`` is called as rows are checked; returning False cancels the import.
    A large file is checked in another process while this one writes the rows already
    checked, all in one transaction: a problem anywhere rolls everything back. ``checking``:
    that process, started by the caller before it was ready to write
    (:func:`~accountdesk.core.io.csv_check.started_early`); stopped if the file turns out to
    be checked here. ``exclusive``: this process does nothing else with the database while
    the import lasts (the command line); into an empty laptop file, the rows are then written
    without the file's write-ahead log (see :meth:`Database.transaction`). ``country``: the
    country (ISO 3166-1) of a row that names none (--country, the import dialog's choice);
    None: such a row is a problem.

    A dry run also counts the contacts it would add that look like contacts already stored
    (:attr:`ImportReport.stored_alike`).
    """
    path = Path(path)
    header, rows, _lines, code_page = read_rows(path)
    chosen = mapping
    if chosen is not None:
        check_mapping(chosen, header, path)
    header_map = read_header_map(
        path, header, code_page, source, keep_unknown=keep_unknown, mapping=chosen
    )
    if not header_map.columns and not header_map.problems:  # before any checking process
        raise UnknownHeader(
            _("The first line names no column AccountDesk knows; is this a CSV export of contacts?")
        )
    parallel = csv_check.checked_apart(
        path, dry_run=dry_run,
        mapped=chosen is not None and not _read_as_own(path, header, code_page, header_map),
        source=header_map.source, keep_unknown=keep_unknown,
    )  # fmt: skip
    header_map.default_country = country  # (after _read_as_own: not a matter of the header)
    if not parallel:
        if checking is not None:
            checking.stop()  # started for nothing: this file is checked here
        return _import_rows(
            db, _checked_here(header, rows, progress, header_map), header_map, code_page,
            dry_run=dry_run, chosen=chosen, exclusive=exclusive,
        )  # fmt: skip
    # the checking processes read the rows: the file's text is not kept here too (four bytes
    # a character in memory as read, 600 MB for 150 MB of Thai and Latin)
    del rows
    language = i18n.current_language().code
    mine = checking is None or (checking.path, checking.language, checking.country) != (
        path,
        language,
        country,
    )
    if mine:  # (those the caller started stop when it is done)
        checking = csv_check.start(path, language, country)
    assert checking is not None
    try:
        return _import_rows(
            db, _chunks_from_children(checking, progress), header_map, code_page,
            dry_run=dry_run, chosen=chosen, checking=checking, exclusive=exclusive,
        )  # fmt: skip
    finally:
        if mine:
            checking.stop()


def _read_as_own(path: Path, header: list[str], code_page: str | None, found: HeaderMap) -> bool:
    """Whether ``found`` (the file's header read through the mapping the caller chose, or
    recognised) reads the file as a checking process reads it on its own: as AccountDesk's
    own columns, recognised. The import dialog always chooses a mapping; for an export of
    ours it is that one, and the file is checked apart as on the command line."""
    return (
        found.source is None
        and not found.kept
        and found == read_header_map(path, header, code_page)
    )


#: The tables an import writes rows to (their indexes are made after a load into an empty
#: database: :func:`~accountdesk.core.db.bulk.indexes_deferred`).
_LOADED = (
    "accounts", "contacts", "important_dates", "account_tags", "contact_tags", "search_keys",
)  # fmt: skip


def _import_rows(
    db: Database,
    chunks: Iterator[Plan | None],
    header_map: HeaderMap,
    code_page: str | None,
    *,
    dry_run: bool,
    chosen: column_mapping.ColumnMapping | None,
    checking: csv_check.Checkers | None = None,
    exclusive: bool = False,
) -> ImportReport:
    """:func:`import_csv` once it knows where the checked ``chunks`` come from: from
    ``checking`` (the processes checking the file), or checked here. A None among them: the
    next chunk is not checked yet."""
    report = ImportReport(
        dry_run=dry_run,
        source=header_map.source.name if header_map.source else None,
        unknown_columns=tuple(name for _i, name in header_map.unknown),
        kept_columns=tuple(name for _i, name in header_map.kept),
        chosen_mapping=chosen is not None,
        code_page=code_page,
        default_country=header_map.default_country,
    )
    held: Held = {}
    if dry_run:
        seen: set[str] = set()  # accounts counted
        names: dict[str, str] = {}  # account -> its name (what a list of candidates shows)
        facts: list[ContactFacts] = []  # the file's contacts, as duplicates are found
        adding: set[str] = set()  # those not stored yet
        found_here = _Found()
        with db.reader() as session:
            conn = session.connection()
            stored = not _empty(conn)
            for plan in chunks:
                if plan is None:
                    continue
                for key, account in plan.accounts.items():
                    names.setdefault(key, account["name"])
                if stored:
                    report.accounts_found += _match_stored(conn, plan, found_here)
                    for key, stored_id in found_here.ids.items():
                        names.setdefault(stored_id, names[key])
                _hold_unneeded(conn, plan, held, seen, fresh=False)
                seen.update(plan.accounts)
                known_a = _existing(conn, table(Account), list(plan.accounts))
                known_c = _existing(conn, table(Contact), [r["id"] for r in plan.contacts])
                report.accounts_created += len(plan.accounts) - len(known_a)
                report.accounts_updated += len(known_a)
                report.contacts_created += len(plan.contacts) - len(known_c)
                report.contacts_updated += len(known_c)
                report.rows = plan.last_row
                report.count_countries(plan)
                if stored:
                    facts += (facts_of(c, names.get(c["account_id"], "")) for c in plan.contacts)
                    adding.update(c["id"] for c in plan.contacts if c["id"] not in known_c)
        report.stored_alike = alike_stored(db, facts, adding)
        return report
    referrals: dict[str, str] = {}
    written: set[str] = set()
    contacts_written: set[str] = set()
    found = _Found()
    load = False  # an empty file is loaded without its write-ahead log (Database.transaction)
    if exclusive:
        with db.reader() as session:
            load = _empty(session.connection())
    with collection_paused(), db.transaction(load=load) as session:
        conn = session.connection()
        fresh = _empty(conn)
        report.owners = owners = team_owners(conn)  # in a team (server, copy): its members
        # Into an empty laptop file, the contacts of the file are all the contacts it will
        # hold (the import holds its only write lock): the checking process counts their
        # likely duplicates. Others may add contacts to a team server meanwhile.
        alone = fresh and not db.is_postgres
        if checking is not None:
            checking.tell_empty(alone)
            # the checking process is chunks ahead now; later the writer may be the slower
            icu.load_line_breaks()
        # Into empty tables, each index is made once after the rows are in (0.2 s less of an
        # import of 30,000 contacts).
        with indexes_deferred(conn, _LOADED if fresh else ()), search.bulk_indexing(conn):
            unwritten = 0  # documents whose words FTS5 holds in memory
            for plan in chunks:
                if plan is None:  # the checking is behind: the words are written meanwhile,
                    # not all at the end, when nothing else is done (there, they took 0.13 s
                    # of an import of 30,000 contacts; 0.04 s now)
                    if unwritten >= search.IDLE_WRITE_DOCUMENTS:
                        search.write_pending(conn)
                        unwritten = 0
                    continue
                unwritten += len(plan.accounts) + len(plan.contacts)
                _write_chunk(
                    conn, plan, report, referrals, written, contacts_written, fresh, held,
                    owners, found,
                )  # fmt: skip
                chunk_done()
            _link_referrals(conn, referrals, written if fresh else None)
    counted = checking.paired() if checking is not None and alone else None
    report.likely_duplicates = (
        counted if counted is not None else likely_duplicates(db, contacts_written)
    )
    return report


def _empty(conn: Connection) -> bool:
    """Whether the database holds no account and no contact (in the trash either)."""
    return not any(
        conn.execute(select(t.c.id).limit(1)).first() for t in (table(Account), table(Contact))
    )


@dataclass(frozen=True)
class PreviewRow:
    """A row of the file as the import would store it: the account's and the contact's
    checked values (None for an account-only row) and the contact's important dates."""

    row: int
    account: dict[str, Any]
    contact: dict[str, Any] | None
    dates: tuple[dict[str, Any], ...] = ()
    tags: tuple[str, ...] = ()  # the contact's (the account's, of an account-only row)


def preview(
    path: str | Path,
    mapping: column_mapping.ColumnMapping,
    rows: int = 8,
    *,
    country: str | None = None,
) -> list[PreviewRow]:
    """The first ``rows`` rows of ``path`` read through ``mapping`` and checked as the import
    checks them (each on its own; ``country`` as for :func:`import_csv`); a row with a
    problem is left out (the dry run of :func:`import_csv` names it), as is every row when
    the header has a problem."""
    header, reader, _lines, code_page = read_rows(Path(path))
    header_map = read_header_map(Path(path), header, code_page, mapping=mapping)
    header_map.default_country = country
    found: list[PreviewRow] = []
    for number, row in enumerate(reader, start=2):
        if len(found) >= rows:
            break
        if not any(cell.strip() for cell in row):
            continue
        try:
            (plan,) = plan_chunks(header, iter([row]), None, mapping=header_map)
        except (RowProblems, CsvImportError):
            continue
        key, account = next(iter(plan.accounts.items()))
        contact = plan.contacts[0] if plan.contacts else None
        dates = tuple(plan.contact_dates.get(contact["id"], ())) if contact else ()
        tags = plan.contact_tags.get(contact["id"], []) if contact else plan.account_tags[key]
        found.append(PreviewRow(number, account, contact, dates, tuple(tags)))
    return found


def check_mapping(chosen: column_mapping.ColumnMapping, header: list[str], path: Path) -> None:
    """A :class:`~accountdesk.core.io.mapping.MappingError` when ``chosen`` names a column
    the file ``path`` (with ``header``) lacks."""
    missing = chosen.missing(header)
    if missing:
        count = len(missing)
        quote = _("“{name}”")
        names = format_list(quote.format(name=n) for n in missing)
        if chosen.origin is None:
            text_ = ngettext(
                "The mapping names a column {file} does not have: {names}.",
                "The mapping names columns {file} does not have: {names}.",
                count,
            )
        else:
            text_ = ngettext(
                "The mapping file {mapping} names a column {file} does not have: {names}.",
                "The mapping file {mapping} names columns {file} does not have: {names}.",
                count,
            )
        raise column_mapping.MappingError(
            text_.format(mapping=chosen.origin, file=ltr_shown(path.name), names=names)
        )


# --- export -------------------------------------------------------------------------------


def export_rows(db: Database) -> Iterator[list[str]]:
    """The export's rows (without header), accounts in name order, contacts by family name.

    The rows are read as they are written: the contacts come with their account in one
    statement, in the export's order, so the file's contacts are never all in memory (an
    export of 300,000 contacts held every row and every date as objects: 1.2 GB)."""
    with db.reader() as session:
        conn = session.connection()
        tags: dict[str, list[str]] = {}
        for owner, name in conn.execute(
            text(
                "SELECT at.account_id, t.name FROM account_tags at JOIN tags t ON t.id = at.tag_id "
                "UNION ALL SELECT ct.contact_id, t.name FROM contact_tags ct "
                "JOIN tags t ON t.id = ct.tag_id ORDER BY 2"
            )
        ):
            tags.setdefault(owner, []).append(name)
        dates: dict[str, list[Any]] = {}
        day = table(ImportantDate)
        for d in conn.execute(
            select(
                day.c.contact_id, day.c.kind, day.c.year, day.c.month, day.c.day, day.c.label,
                day.c.remind,
            ).order_by(day.c.month, day.c.day)
        ):  # fmt: skip
            dates.setdefault(d.contact_id, []).append(d)
        acc, con = table(Account), table(Contact)
        people = (
            select(con)
            .where(con.c.deleted_at.is_(None))
            .subquery()  # the contacts' own column names (id, country, notes … as the account's)
        )
        rows = conn.execute(
            select(acc, people)
            .join_from(acc, people, people.c.account_id == acc.c.id, isouter=True)
            .where(acc.c.deleted_at.is_(None))
            .order_by(acc.c.name, acc.c.id, people.c.family_name, people.c.given_name, people.c.id)
            .execution_options(yield_per=2000)
        )
        account_keys, contact_keys = acc.columns.keys(), people.columns.keys()
        width = len(account_keys)
        account_at, contact_at = account_keys.index("id"), width + contact_keys.index("id")
        account_id: str | None = None
        account_part: list[str] = []
        for row in rows:
            if row[account_at] != account_id:
                account_id = row[account_at]
                a = dict(zip(account_keys, row[:width], strict=True))
                account_cells = [
                    a["id"], a["name"], a["industry"], a["size_band"], a["website"],
                    a["country"], a["subdivision"], a["city"], a["address"], a["timezone"],
                    a["currency"], a["tier"], a["status"], a["customer_since"], a["lost_on"],
                    a["owner"], a["referred_by_id"], a["acquisition_cost"],
                    LIST_SEPARATOR.join(tags.get(a["id"], [])), a["notes"],
                ]  # fmt: skip
                account_part = [cell_text(v) for v in account_cells]
            if row[contact_at] is None:  # an account without contacts
                yield account_part + [""] * len(CONTACT_COLUMNS)
                continue
            c = dict(zip(contact_keys, row[width:], strict=True))
            contact_cells = [
                c["id"], c["given_name"], c["family_name"], c["name_order"], c["honorific"],
                c["job_title"], c["buying_role"],
                LIST_SEPARATOR.join(f"{e['label']}:{e['value']}" for e in c["emails"]),
                LIST_SEPARATOR.join(f"{p['label']}:{p['value']}" for p in c["phones"]),
                c["preferred_channel"], c["preferred_language"], c["formality"], c["country"],
                c["subdivision"], c["city"], c["timezone"], c["work_start"], c["work_end"],
                c["personal_notes"], c["how_we_met"], c["lawful_basis"], c["consent_given_on"],
                c["consent_withdrawn_on"], c["marketing_opt_in"], c["stay_in_touch_days"],
                LIST_SEPARATOR.join(tags.get(c["id"], [])),
                format_dates(dates.get(c["id"], [])),
            ]  # fmt: skip
            yield account_part + [cell_text(v) for v in contact_cells]


def export_csv(db: Database, out: io.TextIOBase | Any, *, raw: bool = False) -> int:
    """Write the CSV export to the text stream ``out``; returns the number of data rows.

    Cells that a spreadsheet would run as formulas get a ``'`` in front (:func:`neutralise`),
    unless ``raw``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in export_rows(db):
        writer.writerow(row if raw else [neutralise(cell) for cell in row])
        count += 1
    return count
