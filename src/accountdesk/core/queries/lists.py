"""Read-only list queries for big tables: ids first (filtered and sorted in SQL), rows by page.

A list screen asks :func:`account_ids` / :func:`contact_ids` for the ordered ids that match a
:class:`ListFilter` (text through the full-text index; country, status, tier, tag and owner as
plain conditions), then :func:`account_rows` / :func:`contact_rows` for the page of rows it is
about to show. Nothing here returns ORM objects.

Owners: on a team server an account's owner is a member's login, shown (and sorted) by the
member's name (:mod:`accountdesk.core.queries.team`), and the owner filter offers "Mine" and
every member; in a laptop's own file the owner is free text, shown and offered as typed.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import compress, count
from operator import itemgetter
from typing import Any

from sqlalchemy import text

from accountdesk.core import icu
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import contacts_matching_sql, ids_matching_sql
from accountdesk.core.db.portable import as_date, as_json, portable
from accountdesk.core.db.search import match_expression
from accountdesk.core.labels import STATUS, TIER, label, tier_choices, tier_spellings_among
from accountdesk.core.queries.search import display_name
from accountdesk.core.queries.team import members, owner_name, owner_name_sql
from accountdesk.core.queries.visible import CONTACT_SHOWN_SQL, any_account_shown


@dataclass(frozen=True)
class ListFilter:
    """What a list shows. Empty values do not filter."""

    text: str = ""
    country: str | None = None
    status: str | None = None
    tier: str | None = None
    tag: str | None = None
    owner: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.text.strip() or self.country or self.status or self.tier or self.tag or self.owner
        )


@dataclass(frozen=True)
class AccountRow:
    id: str
    name: str
    country: str
    city: str | None
    status: str
    tier: str | None
    owner: str | None  # as stored: a member's login on a server, free text in a file
    customer_since: date | None
    contacts: int
    owner_name: str | None = None  # as shown: the member's name, else the owner as stored


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    honorific: str | None
    job_title: str | None
    account_id: str
    account_name: str
    country: str
    subdivision: str | None
    city: str | None
    timezone: str
    work_start: str | None
    work_end: str | None
    email: str | None
    phone: str | None
    preferred_channel: str | None


@dataclass(frozen=True)
class FilterChoices:
    countries: list[str]
    tiers: list[str]
    tags: list[str]
    owners: list[tuple[str, str]]  # (owner as stored, as shown): see owner_choices
    #: who the user is in the team ("Mine": Database.member, on a server or a copy of one);
    #: None in a laptop's own file
    mine: str | None = None


#: Sort keys of the account list ordered in SQL (dates and counts; the text columns are
#: ACCOUNT_TEXT_SORTS); every order ends with the id (stable pages).
ACCOUNT_SORTS: dict[str, str] = {
    "customer_since": "a.customer_since",
    "contacts": "(SELECT count(*) FROM contacts k WHERE k.account_id = a.id"
    " AND k.deleted_at IS NULL)",
}

#: Sort keys of the contact list ordered in SQL (a zone's name is a code, the same in every
#: language); the text columns are CONTACT_TEXT_SORTS.
CONTACT_SORTS: dict[str, str] = {
    "timezone": "c.timezone",
}

#: The sorts by text people read: in the order of the user's language (ICU collation,
#: :mod:`accountdesk.core.icu`), not SQL's order of code points, which put "Çelik" after
#: "Zorlu", "Ābele" after "Zariņš" and پ after ی. The columns are read and sorted in Python
#: (:func:`_collated`); a column of codes sorts by what it shows (:func:`_shown_as`): a
#: country by its name, a status or a tier by its label, in the user's language.
ACCOUNT_TEXT_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("a.name",),
    "country": ("a.country",),
    "city": ("a.city",),
    "status": ("a.status",),
    "tier": ("a.tier",),
    "owner": (owner_name_sql("a.owner"),),
}
CONTACT_TEXT_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("c.family_name", "c.given_name", "c.country"),
    "job_title": ("c.job_title",),
    "account": ("a.name",),
    "country": ("c.country",),
    "city": ("c.city",),
}


def _shown_as(sort: str) -> Callable[[str], str] | None:
    """What a list's column of codes shows for a code, which it sorts by (:func:`_collated`):
    a country's name, a status's or a tier's label (a tier of the user's own as written), in
    the user's language; None for a column of text (``sort`` is a key of
    :data:`ACCOUNT_TEXT_SORTS` or :data:`CONTACT_TEXT_SORTS`). The UI's columns show the same
    (``ui/accounts/model.py``: ``fmt.country``, :func:`~accountdesk.core.labels.label`)."""
    from accountdesk.core.i18n import country_name

    if sort == "country":
        return country_name
    table = {"status": STATUS, "tier": TIER}.get(sort)
    return None if table is None else partial(label, table)


def _collated(
    cursor: Any, descending: bool, shown_as: Callable[[str], str] | None = None,
    person: bool = False,
) -> list[str]:  # fmt: skip
    """The ids of the rows of ``cursor`` (id, text, text …, in the order of their ids)
    sorted by their texts in the user's language, then by id; empty values (NULL, then "")
    first going up and last going down, the whole order reversed going down, as
    :func:`_order` sorts in SQL. ``shown_as``: the texts are codes, sorted by what this shows
    for them (:func:`_shown_as`: a country's name, a status's label). ``person``: the texts
    are a family name, a given name and a country, sorted by what people are sorted by
    (:func:`icu.sorting_names`: one name among the family names; the given name where the
    country goes by it).

    Read in chunks, each text kept once (a number per row says which): 300,000 rows of names
    held as tuples cost 60 MB more than their ids, and a process keeps the memory it once
    had."""
    ids: list[str] = []
    columns: list[tuple[defaultdict[Any, int], array[int]]] = []
    while chunk := cursor.fetchmany(10_000):
        if person:
            chunk = [(row[0], *icu.sorting_names(row[1], row[2], row[3])) for row in chunk]
        if not columns:
            columns = [(defaultdict(count().__next__), array("i")) for _ in chunk[0][1:]]
        ids.extend(row[0] for row in chunk)
        for column, (codes, seen) in enumerate(columns, 1):
            seen.extend(map(codes.__getitem__, [row[column] for row in chunk]))
        del chunk
    places: list[array[int]] = []  # per column: a value's code -> its place (0: NULL, 1: "")
    for codes, _seen in columns:
        values = list(codes)  # in the order of their codes
        present = [v for v in values if v]
        if shown_as is not None:
            by_label = icu.ranks(shown_as(code) for code in present)
            place = {code: by_label[shown_as(code)] for code in present}
        else:
            place = icu.ranks(present)
        places.append(
            array("i", (0 if v is None else 1 if v == "" else place[v] + 2 for v in values))
        )
    if not columns:
        return ids
    key: array[int] = array("q", map(places[0].__getitem__, columns[0][1]))
    for (_codes, seen), placed in zip(columns[1:], places[1:], strict=True):
        width = max(placed, default=0) + 1
        key = array("q", map(lambda k, p: k * width + p, key, map(placed.__getitem__, seen)))
    order = sorted(range(len(ids)), key=key.__getitem__)  # stable: ties stay in id order
    if descending:
        order.reverse()
    return list(map(ids.__getitem__, order))


#: What joins ids into one string between SQL and Python: a control character, which no id
#: holds (an id typed into a CSV file may hold a space). :func:`_laid_out` checks it.
SEPARATOR = "\x1f"


def _laid_out(ids: list[str]) -> list[str]:
    """``ids`` again, each string made anew in the list's order, one after the other in
    memory: narrowing (:func:`narrow_ids`) tests every kept id, and at 300,000 contacts that
    walk takes half as long over strings laid out in order as over strings where reading and
    the collated sort left them. ``ids`` itself when one of them holds :data:`SEPARATOR`."""
    joined = SEPARATOR.join(ids)
    if joined.count(SEPARATOR) != max(len(ids) - 1, 0):
        return ids
    return joined.split(SEPARATOR) if ids else ids


def _raw(conn: Any) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _run(conn: Any, sql: str, params: Any) -> Any:
    """``sql`` (SQLite's words) on the DB-API connection under ``conn``."""
    return portable(conn).execute(sql, params)


#: The tiers of the live accounts, each way it is written ("Gold", "gold").
_TIERS_SQL = "SELECT DISTINCT tier FROM accounts WHERE tier IS NOT NULL AND deleted_at IS NULL"


def _stored_tiers(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        tiers = [r[0] for r in conn.execute(text(_TIERS_SQL)) if r[0]]
        conn.rollback()
    return tiers


def _account_conditions(
    db: Database, flt: ListFilter, alias: str, params: dict[str, Any]
) -> list[str]:
    where: list[str] = []
    if flt.status:
        where.append(f"{alias}.status = :status")
        params["status"] = flt.status
    if flt.tier:
        # a tier whatever its case, as the reports' segments: every stored spelling of it
        spellings = tier_spellings_among(_stored_tiers(db), flt.tier)
        marks = ", ".join(f":tier{n}" for n in range(len(spellings)))
        where.append(f"{alias}.tier IN ({marks})")
        params.update({f"tier{n}": tier for n, tier in enumerate(spellings)})
    if flt.owner:
        where.append(f"{alias}.owner = :owner")
        params["owner"] = flt.owner
    return where


def _order(expression: str, descending: bool, tiebreak: str) -> str:
    """ORDER BY ``expression`` then ``tiebreak``; empty values first going up and last going
    down, on both databases (SQLite's own rule; PostgreSQL's is the opposite)."""
    direction = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    tie = "DESC" if descending else "ASC"
    return f"{expression} {direction}, {tiebreak} {tie}"


def account_ids(
    db: Database, flt: ListFilter = ListFilter(), sort: str = "name", descending: bool = False
) -> list[str]:
    """The ids of the live accounts that match ``flt``, in the order asked for."""
    params: dict[str, Any] = {}
    where = ["a.deleted_at IS NULL", *_account_conditions(db, flt, "a", params)]
    if flt.country:
        where.append("a.country = :country")
        params["country"] = flt.country
    if flt.tag:
        where.append(
            "a.id IN (SELECT at.account_id FROM account_tags at JOIN tags t ON t.id = at.tag_id"
            " WHERE t.name = :tag)"
        )
        params["tag"] = flt.tag
    expression = match_expression(flt.text, postgres=db.is_postgres) if flt.text.strip() else None
    if flt.text.strip() and expression is None:
        return []
    if expression is not None:
        where.append(f"a.id IN ({ids_matching_sql(db.is_postgres)})")
        params["q"] = expression
        params["kind"] = "account"
    if sort not in ACCOUNT_SORTS and sort not in ACCOUNT_TEXT_SORTS:
        sort = "name"
    texts = ACCOUNT_TEXT_SORTS.get(sort)
    if texts is not None:
        sql = (
            f"SELECT a.id, {', '.join(texts)} FROM accounts a WHERE {' AND '.join(where)} "
            "ORDER BY a.id"
        )
    else:
        order = _order(ACCOUNT_SORTS[sort], descending, "a.id")
        sql = f"SELECT a.id FROM accounts a WHERE {' AND '.join(where)} ORDER BY {order}"
    with db.engine.connect() as conn:
        cursor = _run(conn, sql, params)
        if texts is not None:
            ids = _collated(cursor, descending, _shown_as(sort))
        else:
            ids = [row[0] for row in cursor]
        conn.rollback()
    return ids if expression is not None else _laid_out(ids)  # kept for narrowing


def contact_ids(
    db: Database, flt: ListFilter = ListFilter(), sort: str = "name", descending: bool = False
) -> list[str]:
    """The ids of the live contacts (of live accounts) that match ``flt``, in order.

    Status, tier and owner are those of the contact's account; a tag matches the contact's own
    tags or its account's.
    """
    params: dict[str, Any] = {}
    where = [CONTACT_SHOWN_SQL]
    where += _account_conditions(db, flt, "a", params)
    if flt.country:
        where.append("c.country = :country")
        params["country"] = flt.country
    if flt.tag:
        where.append(
            "(c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
            " WHERE t.name = :tag) OR a.id IN (SELECT at.account_id FROM account_tags at"
            " JOIN tags t ON t.id = at.tag_id WHERE t.name = :tag))"
        )
        params["tag"] = flt.tag
    expression = match_expression(flt.text, postgres=db.is_postgres) if flt.text.strip() else None
    if flt.text.strip() and expression is None:
        return []
    if expression is not None:
        matching, found = contacts_matching_sql(db.is_postgres, flt.text)
        where.append(f"c.id IN ({matching})")
        params.update(found)
    if sort not in CONTACT_SORTS and sort not in CONTACT_TEXT_SORTS:
        sort = "name"
    texts = CONTACT_TEXT_SORTS.get(sort)
    columns = ", ".join(("c.id", *(texts or ())))
    sql = (
        f"SELECT {columns} FROM contacts c JOIN accounts a ON a.id = c.account_id "
        f"WHERE {' AND '.join(where)}"
    )
    if texts is None:
        sql += f" ORDER BY {_order(CONTACT_SORTS[sort], descending, 'c.id')}"
    else:
        sql += " ORDER BY c.id"  # the tie-break of the collated order
    with db.engine.connect() as conn:
        cursor = _run(conn, sql, params)
        if texts is not None:
            ids = _collated(cursor, descending, _shown_as(sort), person=sort == "name")
        else:
            ids = [row[0] for row in cursor]
        conn.rollback()
    return ids if expression is not None else _laid_out(ids)  # kept for narrowing


@dataclass(frozen=True)
class Documents:
    """Where the records of a list are, by the rowids of their search documents
    (:func:`document_rowids`)."""

    places: array[int]  # places[rowid]: 1 + the place in the list of its document's record, or 0
    count: int  # the records in the list
    newest: int  # the highest rowid of any document when they were read


#: The live records of each kind among ``{found}`` (a statement of refs), for :func:`ids_named`.
_LIVE_NAMED = {
    "account": "SELECT a.id FROM accounts a WHERE a.deleted_at IS NULL AND a.id IN ({found})",
    "contact": (
        "SELECT c.id FROM contacts c JOIN accounts a ON a.id = c.account_id "
        "WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND c.id IN ({found})"
    ),
}


def ids_named(db: Database, text: str, kind: str) -> set[str]:
    """The ids of the live records of ``kind`` ("account" or "contact") whose name ``text``
    finds as search finds a name: every word of it the start of a word of the name, or of a
    spelling search also finds the name by ("mueller" for Müller, "山田" inside
    株式会社山田製作所, "เทรด" inside สยามเทรด: :func:`~accountdesk.core.db.fts.spellings`); not
    an e-mail address, a city or notes (:func:`~accountdesk.core.db.fts.ids_matching_sql`
    with ``names_only``). For a command that takes a record's name (``contact NAME``,
    ``report account NAME``), where a family company's e-mail domain must not make its
    people namesakes of the family."""
    expression = match_expression(text, postgres=db.is_postgres)
    if expression is None:
        return set()
    found = ids_matching_sql(db.is_postgres, kind=kind, names_only=True)
    with db.engine.connect() as conn:
        ids = {
            id_ for (id_,) in _run(conn, _LIVE_NAMED[kind].format(found=found), {"q": expression})
        }
        conn.rollback()
    return ids


def document_rowids(db: Database, kind: str, ids: Sequence[str]) -> Documents:
    """The search documents of the records ``ids`` (of ``kind``), for :func:`narrow_ids` to
    narrow them by: read once, after the list, as the user may type.

    A record's document keeps its rowid while the record is edited, and no other document is
    ever given it (:func:`accountdesk.core.db.search.index_documents`); a document written
    since they were read (a new record's, or one restored from the trash) has a rowid above
    every one then, and :func:`narrow_ids` looks up its ref."""
    place = {id_: n for n, id_ in enumerate(ids, 1)}
    rowids, where = array("q"), array("i")
    with db.engine.connect() as conn:
        (newest,) = _run(conn, "SELECT coalesce(max(rowid), 0) FROM search_docs", ()).fetchone()
        cursor = _run(conn, "SELECT ref, rowid FROM search_docs WHERE kind = ?", (kind,))
        for ref, rowid in cursor:  # the refs one at a time: a dict of them would be 40 MB
            n = place.get(ref)
            if n is not None:
                rowids.append(rowid)
                where.append(n)
        conn.rollback()
    del place
    places = array("i", bytes(4 * (max(rowids, default=0) + 1)))
    for rowid, n in zip(rowids, where, strict=True):
        places[rowid] = n
    return Documents(places, len(ids), int(newest))


def narrow_ids(
    db: Database,
    kind: str,
    text: str,
    within: Sequence[str],
    documents: Documents | None = None,
) -> list[str]:
    """``within`` narrowed to the records whose search document matches ``text``, in the same
    order: :func:`account_ids` / :func:`contact_ids` of a filter with this text, when
    ``within`` is what they gave for the same filter without text (and sort).

    The text matches through the same full-text statement as there; the live records, the
    other conditions and the order come from ``within``, so nothing is read or sorted again.
    A list keeps its unfiltered ids and narrows them as the user types: one letter matches a
    third of 300,000 contacts, whose reading and sorting by name cost six times the match.

    With the ``documents`` of ``within`` (:func:`document_rowids`), the statement gives the
    matching documents' rowids, which the index holds, instead of looking up each one's ref:
    at 300,000 contacts one letter took 42 ms instead of 70.
    """
    if not text.strip():
        return list(within)
    expression = match_expression(text, postgres=db.is_postgres)
    if expression is None:
        return []
    rowids = documents is not None
    if kind == "contact":
        matching_sql, params = contacts_matching_sql(db.is_postgres, text, rowids=rowids)
    else:
        matching_sql = ids_matching_sql(db.is_postgres, rowids=rowids)
        params = {"q": expression, "kind": kind}
    # one string of them instead of a Python row per match
    value = "CAST(doc AS TEXT)" if rowids else "ref"
    sql = f"SELECT group_concat({value}, :separator) FROM ({matching_sql}) AS found"
    with db.engine.connect() as conn:
        params = {**params, "separator": SEPARATOR}
        (joined,) = _run(conn, sql, params).fetchone()
        if documents is None:
            conn.rollback()
            matching = set(joined.split(SEPARATOR)) if joined else set()
            return list(filter(matching.__contains__, within))
        places, newest = documents.places, documents.newest
        top = len(places) - 1
        kept = bytearray(documents.count + 1)  # kept[1 + n]: whether within[n] matches
        newer: list[int] = []
        # (between top and newest: other records' documents, of this kind or another)
        for rowid in map(int, joined.split(SEPARATOR)) if joined else ():
            if rowid <= top:
                kept[places[rowid]] = 1
            elif rowid > newest:
                newer.append(rowid)
        if 0 < len(newer) <= NEWER_AT_MOST:
            # documents written since the list's were read: a new record's, or one restored
            # from the trash since (by someone else: this app reads its lists again), or one
            # an older AccountDesk on a team server wrote again under a new rowid
            refs = _refs_of(conn, kind, newer)
            for n in (n for n, id_ in enumerate(within, 1) if id_ in refs):
                kept[n] = 1
        conn.rollback()
    if len(newer) > NEWER_AT_MOST:
        return narrow_ids(db, kind, text, within)  # by refs
    return list(compress(within, memoryview(kept)[1:]))


#: The most documents written since a list's were read whose refs narrowing it looks up; with
#: more (someone's import), it narrows by refs (:func:`narrow_ids` without documents).
NEWER_AT_MOST = 2000


def _refs_of(conn: Any, kind: str, rowids: Sequence[int]) -> set[str]:
    """The refs of the search documents ``rowids`` of ``kind``."""
    refs: set[str] = set()
    for start in range(0, len(rowids), 900):
        chunk = rowids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT ref FROM search_docs WHERE kind = ? AND rowid IN ({marks})"
        refs.update(ref for (ref,) in _run(conn, sql, [kind, *chunk]))
    return refs


_ACCOUNT_ROWS = (
    "SELECT a.id, a.name, a.country, a.city, a.status, a.tier, a.owner, a.customer_since, "
    "(SELECT count(*) FROM contacts k WHERE k.account_id = a.id AND k.deleted_at IS NULL), "
    f"{owner_name_sql('a.owner')} "
    "FROM accounts a WHERE a.id IN ({marks})"
)

_CONTACT_ROWS = (
    "SELECT c.id, c.given_name, c.family_name, c.name_order, c.honorific, c.job_title, "
    "a.id, a.name, c.country, c.subdivision, c.city, c.timezone, c.work_start, c.work_end, "
    "c.emails, c.phones, c.preferred_channel "
    "FROM contacts c JOIN accounts a ON a.id = c.account_id "
    "WHERE c.id IN ({marks})"
)


def _first_value(raw_json: str | list[dict[str, str]] | None) -> str | None:
    """The first value of a JSON list of labelled values (text from SQLite, already decoded
    from PostgreSQL)."""
    if not raw_json or raw_json == "[]":
        return None
    items = as_json(raw_json)
    return str(items[0]["value"]) if items else None


def account_rows(db: Database, ids: Sequence[str]) -> list[AccountRow]:
    """The rows for ``ids`` in the same order (ids that no longer exist are left out)."""
    if not ids:
        return []
    found: dict[str, AccountRow] = {}
    with db.engine.connect() as conn:
        cursor = _run(conn, _ACCOUNT_ROWS.format(marks=",".join("?" * len(ids))), ids)
        for id_, name, country, city, status, tier, owner, since, count, shown in cursor:
            found[id_] = AccountRow(
                id_,
                name,
                country,
                city,
                status,
                tier,
                owner,
                as_date(since),
                int(count),
                shown,
            )
        conn.rollback()
    return [found[i] for i in ids if i in found]


def contact_rows(db: Database, ids: Sequence[str]) -> list[ContactRow]:
    """The rows for ``ids`` in the same order (ids that no longer exist are left out)."""
    if not ids:
        return []
    found: dict[str, ContactRow] = {}
    with db.engine.connect() as conn:
        cursor = _run(conn, _CONTACT_ROWS.format(marks=",".join("?" * len(ids))), ids)
        for row in cursor:
            (id_, given, family, order, honorific, job, account_id, account_name) = row[:8]
            country, sub, city, zone, start, end, emails, phones, channel = row[8:]
            found[id_] = ContactRow(
                id_,
                display_name(given, family, order),
                honorific,
                job,
                account_id,
                account_name,
                country,
                sub,
                city,
                zone,
                start,
                end,
                _first_value(emails),
                _first_value(phones),
                channel,
            )
        conn.rollback()
    return [found[i] for i in ids if i in found]


def filter_choices(db: Database) -> FilterChoices:
    """The values the list filters offer: countries, tiers, tags and owners in use; a tier
    once whatever its case, in the order of its label (:func:`labels.tier_choices`)."""
    with db.engine.connect() as conn:
        countries = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT country FROM accounts WHERE deleted_at IS NULL "
                    "UNION SELECT DISTINCT c.country FROM contacts c "
                    f"JOIN accounts a ON a.id = c.account_id WHERE {CONTACT_SHOWN_SQL}"
                )
            )
        ]
        tiers = [r[0] for r in conn.execute(text(_TIERS_SQL)) if r[0]]
        tags = [r[0] for r in conn.execute(text("SELECT name FROM tags ORDER BY name"))]
        conn.rollback()
    return FilterChoices(
        sorted(countries), tier_choices(tiers), icu.sorted_text(tags), owner_choices(db), db.member
    )


def owner_choices(db: Database, *, with_accounts: bool = False) -> list[tuple[str, str]]:
    """The owners to choose from, as (stored, shown) pairs in the order of the shown names
    in the user's language: on a server every member by name, and any other owner of a live
    account by what is stored (a login no member has); in a laptop's own file, which has no
    members, the owners of its live accounts as typed. The lists' owner filter offers these;
    the Reports screen those ``with_accounts`` (owners of a live account: a report of an owner
    without one is refused, as :func:`~accountdesk.core.reports.data.check_scope` says)."""
    team = members(db)
    names = {m.login: m.name for m in team}
    with db.engine.connect() as conn:
        used = [
            str(r[0])
            for r in conn.execute(
                text(
                    "SELECT DISTINCT owner FROM accounts"
                    " WHERE owner IS NOT NULL AND owner <> '' AND deleted_at IS NULL"
                )
            )
        ]
        conn.rollback()
    stored = set(used) if with_accounts else {m.login for m in team} | set(used)
    pairs = [(o, owner_name(names, o)) for o in stored]
    return icu.sorted_by(sorted(pairs), itemgetter(1))


def nothing_shown(db: Database) -> bool:
    """Whether the database shows nothing yet: no account outside the trash (and so no
    contact): the first-run check. It counted every account and contact (0.3 s at 300,000
    contacts, on the window's thread at start-up)."""
    with db.engine.connect() as conn:
        found = any_account_shown(portable(conn))
        conn.rollback()
    return not found
