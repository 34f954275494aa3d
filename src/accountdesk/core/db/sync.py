"""A laptop's full copy of the team server, kept in step when the server answers (SPEC §10).

The tables and triggers are in :mod:`accountdesk.core.db.sync_schema` (read its doc first).

**Making a copy** (:func:`create_copy`): every synced table of the server, read in one
snapshot, written into a new laptop file (made under another name and renamed when complete:
no half copy), with the log's position of that snapshot.

**Synchronising** (:func:`synchronise`): pull, push, pull.

- *Pull* reads the log's entries after the copy's position (and those of transactions that
  were still running at the last pull, so that none committed late is missed), then the
  current rows of the records they name, and writes them into the copy in short transactions
  (:data:`CHUNK` records each, so the app's reads and writes never wait long), with the
  ``sync_applying`` flag (nothing is sent back). A field the laptop changed too and has not
  sent yet is merged by the stamps (a hybrid logical clock): the later change wins, the other
  value is kept as a conflict (``sync_conflicts``) and shown. A record deleted on the server
  is deleted in the copy; a contact deleted there was erased or purged for good, so the copy
  runs the same erase (:func:`accountdesk.core.services.privacy.erase_contact`: its backups
  too; also of a contact merged away here, whose merge can no longer be undone), and lists
  how many of its changes to them were discarded (nothing of the person). The records that
  the deletion of another (an account) takes with it have no entry of their own in the log:
  the copy's foreign keys take them too, and the laptop's changes to them not sent yet are
  counted in one line (``TAKEN``). Records the copy simply lacks (a colleague's import) are
  written a table's at a time (:func:`_new_here`); the others one by one, read for their
  chunk at once (:class:`_Known`).
  A tag or an exchange rate the laptop made with the same name (or pair and day) as one
  on the server is merged into the server's. The search index of the records written is made
  anew in the same transaction.
- *Push* sends the outbox, parents first, :data:`CHUNK` records in one transaction on the
  server as the member's own login (so every guard of the server applies), with the change's
  stamp (taken by the server only from the login its node belongs to), and reindexed there
  for the server's search in the same transaction. A record someone changed on the server
  since the pull (a transaction that committed late included) waits for the next pull (which
  merges it); a deletion of a record someone changed later on the server is refused.
  A contact deleted on the laptop is erased on the server with the same erase.
  A change the server refuses is kept as a refusal (its sentence), and the copy takes the
  server's record back.

One synchronisation of a copy runs at a time (:func:`_one_at_a_time`); one that stops says
why in the copy's status (``last_error``; ``last_failure``: offline or failed).
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Connection,
    Date,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from accountdesk.core import paths
from accountdesk.core.bidi import isolate
from accountdesk.core.db import credentials
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.errors import NotAllowed, ServerError
from accountdesk.core.db.identity import IDENTITY_KEY, read_identity
from accountdesk.core.db.models import Base, DecimalText, Money, UTCDateTime, utcnow
from accountdesk.core.db.search import index_documents, rebuild, remove_documents, stored_documents
from accountdesk.core.db.sync_schema import (
    BOOKKEEPING,
    COPY_TRIGGERS,
    LOG,
    PULL_ONLY,
    UNIQUE_KEYS,
    copy_statements,
    copy_triggers_dropped,
    is_copy_connection,
    key_columns,
    key_values,
    row_key,
    synced_tables,
)
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import (
    _,
    format_date,
    format_number,
    format_when,
    ltr_shown,
    ngettext,
    pgettext,
)

__all__ = [
    "CHUNK",
    "Conflict",
    "SyncReport",
    "SyncStatus",
    "conflicts",
    "create_copy",
    "is_copy",
    "resolve",
    "status",
    "synchronise",
]

#: Records written into the copy per transaction.
CHUNK = 200
#: Pull, push, pull: and again while the server keeps changing under a push (at most).
_ROUNDS = 3

# conflict kinds
THEIRS_WON = "theirs"  # the other person's value is stored; the laptop's is kept here
MINE_WON = "mine"  # the laptop's value is stored (and sent); the other person's is kept here
REFUSED = "refused"  # the server refused the laptop's change; its sentence is kept
DELETED = "deleted"  # the record was deleted on the server; the laptop's change is kept here
#: a contact erased or purged on the server: the laptop's changes to them (how many, no value)
DISCARDED = "discarded"
#: a record deleted for good on the server (an account): the laptop's changes to the records
#: its deletion took with it (its contacts, deals, notes …: how many)
TAKEN = "taken"


def _tables() -> dict[str, Table]:
    return {t.name: t for t in synced_tables()}


def _all_tables() -> dict[str, Table]:
    return {t.name: t for t in Base.metadata.sorted_tables}


# --- state of a copy -----------------------------------------------------------------------


def is_copy(db: Database) -> bool:
    """Whether ``db`` is a laptop's copy of a team server (a plain laptop file is not)."""
    if not db.is_sqlite:
        return False
    with db.engine.connect() as conn:
        found = is_copy_connection(conn)
        conn.rollback()
    return found


def _get(conn: Connection, key: str) -> str | None:
    value = conn.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": key}).scalar()
    return None if value is None else str(value)


def _put(conn: Connection, key: str, value: object) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_state (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": None if value is None else str(value)},
    )


def _require_copy(db: Database) -> None:
    if not is_copy(db):
        raise UserError(
            _(
                "{target} is not a copy of a team server; make one with “accountdesk sync init”."
            ).format(target=ltr_shown(db.path or db.url))
        )


@dataclass(frozen=True)
class SyncStatus:
    server: str  # host and database, no password
    last_synced: datetime | None
    last_error: str | None
    conflicts: int
    pending: int
    #: the last attempt stopped on a problem (not a server that did not answer): the status
    #: says it failed rather than offline
    failed: bool = False


def status(db: Database) -> SyncStatus:
    """Where the copy stands: its server, when it last synchronised, why the last attempt
    failed (None: it did not), how many conflicts it keeps and changes it has not sent."""
    _require_copy(db)
    with db.engine.connect() as conn:
        url = _get(conn, "server_url") or ""
        synced = _get(conn, "last_synced")
        error = _get(conn, "last_error")
        failure = _get(conn, "last_failure")
        count = conn.execute(text("SELECT count(*) FROM sync_conflicts")).scalar() or 0
        pending = (
            conn.execute(text("SELECT count(DISTINCT tbl || row_id) FROM sync_outbox")).scalar()
            or 0
        )
        conn.rollback()
    return SyncStatus(
        credentials.server_address(url) if url else "",
        datetime.fromisoformat(synced) if synced else None,
        error or None,
        int(count),
        int(pending),
        bool(error) and failure == "failed",
    )


def status_line(found: SyncStatus, zone: str) -> str:
    """The status of a copy in one line, as the main window and ``accountdesk sync`` say it."""
    if found.last_synced is None:
        if found.failed:
            head = _("Synchronisation failed, not synchronised yet")
        elif found.last_error:
            head = _("Offline, not synchronised yet")
        else:
            head = _("Not synchronised yet")
    else:
        when = isolate(format_when(found.last_synced, ZoneInfo(zone)))
        if found.failed:
            head = _("Synchronisation failed, last synchronised {when}").format(when=when)
        elif found.last_error:
            head = _("Offline, last synchronised {when}").format(when=when)
        else:
            head = _("Synchronised {when}").format(when=when)
    parts = [head]
    if found.pending:
        parts.append(
            ngettext("{n} change to send", "{n} changes to send", found.pending).format(
                n=format_number(found.pending)
            )
        )
    if found.conflicts:
        parts.append(
            ngettext("{n} conflict", "{n} conflicts", found.conflicts).format(
                n=format_number(found.conflicts)
            )
        )
    return separator().join(parts)


def separator() -> str:
    """What separates the parts of the copy's status."""
    # TRANSLATORS: between the parts of the offline copy's status ("Synchronised …",
    # "2 conflicts")
    return pgettext("between the parts of a status", " · ")


# --- values -----------------------------------------------------------------------------------


def _to_json(value: object) -> str:
    def plain(item: object) -> object:
        if isinstance(item, datetime | date):
            return item.isoformat()
        if isinstance(item, Decimal):
            return str(item)
        raise TypeError(type(item).__name__)

    return json.dumps(value, default=plain, ensure_ascii=False)


def _from_json(table: Table, column: str, stored: str | None) -> Any:
    """A value kept in a conflict as the column holds it again."""
    if stored is None:
        return None
    value = json.loads(stored)
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Money | DecimalText):
        return Decimal(value)
    return value


def _same(a: object, b: object) -> bool:
    from accountdesk.core.services.conflicts import _plain

    return _plain(a) == _plain(b)


# --- writing into the copy --------------------------------------------------------------------


@contextmanager
def _applying(db: Database) -> Iterator[Connection]:
    """One short transaction of the copy that writes what came from the server: its triggers
    record nothing (the flag row lives only inside it), foreign keys are checked at commit
    (rows arrive in the log's order)."""
    with db.transaction() as session:
        conn = session.connection()
        conn.execute(text("PRAGMA defer_foreign_keys = ON"))
        conn.execute(text("INSERT INTO sync_applying (flag) VALUES (1)"))
        yield conn
        conn.execute(text("DELETE FROM sync_applying"))


def _where_key(table: Table, key: str) -> Any:
    values = key_values(table, key)
    return and_(*(table.c[c] == v for c, v in values.items()))


def _local_row(conn: Connection, table: Table, key: str) -> dict[str, Any] | None:
    row = conn.execute(select(table).where(_where_key(table, key))).first()
    return None if row is None else dict(row._mapping)


def _write_row(conn: Connection, table: Table, row: Mapping[str, Any]) -> None:
    _write_rows(conn, table, [row])


def _write_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write the server's ``rows`` of ``table`` (each with every column) into the copy,
    over the copy's row of the same key where there is one: one statement for them all."""
    if rows:
        conn.execute(_upsert(table), list(rows))


@cache
def _upsert(table: Table) -> Any:
    """The copy's "insert, or on the same key replace" statement of ``table``, made once (its
    values are the parameters it is executed with): making it a row took most of the time
    of receiving new records."""
    keys = key_columns(table)
    statement = sqlite_insert(table)
    others = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    if others:
        return statement.on_conflict_do_update(index_elements=keys, set_=others)
    return statement.on_conflict_do_nothing(index_elements=keys)


@dataclass
class _Known:
    """The copy's rows of a chunk's records and the laptop's changes to them not sent yet,
    each table's read in one statement (None: no row here), for :func:`_apply` to take
    instead of reading them a record at a time. Applying a record changes only that record,
    except where it may change others (a tag or a rate merged into the server's, a second
    "stay in touch" follow-up removed, a deletion that cascades): from then on, ``stale``,
    each is read again as it comes."""

    rows: dict[tuple[str, str], dict[str, Any] | None] = field(default_factory=dict)
    pending: dict[tuple[str, str], _Pending] = field(default_factory=dict)
    stale: bool = False

    @classmethod
    def read(
        cls, conn: Connection, tables: Mapping[str, Table], chunk: Sequence[tuple[str, str]]
    ) -> _Known:
        known = cls()
        by_table: dict[str, list[str]] = {}
        for name, key in chunk:
            by_table.setdefault(name, []).append(key)
            known.rows[(name, key)] = None
        for name, keys in by_table.items():
            table = tables[name]
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                for row in conn.execute(select(table).where(_keys_in(table, part))):
                    values = dict(row._mapping)
                    known.rows[(name, row_key(table, values))] = values
                known.pending.update(_pending(conn, name, part))
        return known

    def local(self, conn: Connection, table: Table, key: str) -> dict[str, Any] | None:
        if self.stale or (table.name, key) not in self.rows:
            return _local_row(conn, table, key)
        return self.rows[(table.name, key)]

    def mine(self, conn: Connection, table: Table, key: str) -> _Pending:
        if self.stale or (table.name, key) not in self.rows:
            return _pending(conn, table.name, [key]).get((table.name, key), _Pending())
        return self.pending.get((table.name, key), _Pending())


def _new_here(
    known: _Known,
    chunk: Sequence[tuple[str, str]],
    rows: Mapping[tuple[str, str], dict[str, Any] | None],
) -> dict[str, list[dict[str, Any]]]:
    """The server's rows among ``chunk`` that the copy simply lacks, by table: no row of that
    key here, no change of the laptop's to it waiting to be sent, and nothing that may be
    the same thing under another id (a tag's name, a rate's day: :data:`UNIQUE_KEYS`) or a
    second "stay in touch" follow-up of a contact. They are written as they are, a table's in
    one statement (what :func:`_apply` would do with each); the others go through
    :func:`_apply`. A colleague's import arrives so."""
    new: dict[str, list[dict[str, Any]]] = {}
    for name, key in chunk:
        found = rows[(name, key)]
        if found is None or _may_touch_others(name, found):
            continue
        if known.rows.get((name, key)) is None and (name, key) not in known.pending:
            new.setdefault(name, []).append(found)
    return new


def _may_touch_others(table: str, found: Mapping[str, Any]) -> bool:
    """Whether writing the server's new row ``found`` of ``table`` into the copy may change
    other rows of it (:func:`_one_stay_in_touch`, :func:`_merge_unique`)."""
    from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

    if table in UNIQUE_KEYS:
        return True
    return table == "follow_ups" and found.get("origin") == STAY_IN_TOUCH


def _owners_to_index(conn: Connection, table: str, keys: Sequence[str]) -> set[str]:
    """The accounts and contacts whose search documents a change of these rows touches."""
    if table in ("accounts", "contacts"):
        return set(keys)
    if table in ("account_tags", "contact_tags"):
        owner = "account_id" if table == "account_tags" else "contact_id"
        return {key_values(_all_tables()[table], k)[owner] for k in keys}
    if table == "tags":
        found: set[str] = set()
        for link, column in (("account_tags", "account_id"), ("contact_tags", "contact_id")):
            source = _all_tables()[link]
            found.update(
                conn.execute(select(source.c[column]).where(source.c.tag_id.in_(keys))).scalars()
            )
        return found
    return set()


def _reindex(conn: Connection, ids: set[str]) -> None:
    if not ids:
        return
    ordered = sorted(ids)
    removed = remove_documents(conn, ordered)
    index_documents(conn, stored_documents(conn, ordered), fresh=True, rowids=removed)


def _note(
    conn: Connection,
    table: str,
    key: str,
    kind: str,
    field_name: str | None = None,
    mine: object = None,
    theirs: object = None,
    who: str | None = None,
    at: datetime | None = None,
    message: str | None = None,
    name: str | None = None,
    row: Mapping[str, Any] | None = None,
) -> int:
    """Keep a conflict (or a refusal) for the user; the same one again (a change read a
    second time, as the log of a transaction that was still running may be) is kept once:
    1 when it was kept now, 0 when it was there already. The contact the record is of (the
    record ``row``, else the copy's) is kept with it: an erase of them takes it too (the
    copy's trigger), what was typed about them included, after the record went."""
    if row is None and table in _all_tables():
        row = _local_row(conn, _all_tables()[table], key)
    contact = None
    if kind != DISCARDED:  # that one holds nothing of the person, and outlives them
        contact = key if table == "contacts" else (row or {}).get("contact_id")
    done = conn.execute(
        text(
            "INSERT INTO sync_conflicts (tbl, row_id, field, kind, mine, theirs, who, at, "
            "message, name, contact, created_at) "
            "SELECT :t, :r, :f, :k, :m, :th, :w, :a, :msg, :n, :contact, :c "
            "WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts WHERE tbl = :t AND row_id = :r "
            "AND field IS :f AND kind = :k AND mine IS :m AND theirs IS :th AND who IS :w "
            "AND at IS :a AND message IS :msg)"
        ),
        {
            "t": table,
            "r": key,
            "f": field_name,
            "k": kind,
            "m": _to_json(mine),
            "th": _to_json(theirs),
            "w": who,
            "a": at.isoformat() if at else None,
            "msg": message,
            "n": name,
            "contact": contact,
            "c": utcnow().isoformat(),
        },
    )
    return 1 if done.rowcount else 0


# --- the outbox -------------------------------------------------------------------------------


@dataclass
class _Pending:
    """What the laptop changed of one record and has not sent: the fields with the stamp of
    their last change (None as a field: every field, a new record), or a deletion."""

    seqs: list[int] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    everything: str | None = None  # the stamp of its making, when new
    deleted: str | None = None

    def stamp(self, name: str) -> str | None:
        return self.fields.get(name) or self.everything


def _pending(
    conn: Connection, table: str | None = None, keys: Sequence[str] | None = None
) -> dict[tuple[str, str], _Pending]:
    """What the laptop changed and has not sent: everything, or of ``keys`` of ``table``."""
    statement = text("SELECT seq, tbl, row_id, op, fields, hlc FROM sync_outbox ORDER BY seq")
    params: dict[str, object] = {}
    if table is not None and keys is not None:
        statement = text(
            "SELECT seq, tbl, row_id, op, fields, hlc FROM sync_outbox"
            " WHERE tbl = :t AND row_id IN :r ORDER BY seq"
        ).bindparams(bindparam("r", expanding=True))
        params = {"t": table, "r": list(keys)}
    found: dict[tuple[str, str], _Pending] = {}
    if keys is not None and len(keys) > 500:
        for start in range(0, len(keys), 500):
            found.update(_pending(conn, table, keys[start : start + 500]))
        return found
    for seq, tbl, row_id, op, fields_text, hlc in conn.execute(statement, params):
        item = found.setdefault((tbl, row_id), _Pending())
        item.seqs.append(seq)
        if op == "d":
            item.deleted = hlc
        elif fields_text is None:
            item.everything = hlc
            item.deleted = None
        else:
            item.deleted = None
            for name in fields_text.split(","):
                item.fields[name] = hlc
    return found


def _forget(conn: Connection, seqs: Sequence[int]) -> None:
    """The outbox entries ``seqs`` were sent (or refused): only those, not any made since."""
    conn.execute(
        text("DELETE FROM sync_outbox WHERE seq IN :seqs").bindparams(
            bindparam("seqs", expanding=True)
        ),
        {"seqs": list(seqs)},
    )


def _drop_pending_field(conn: Connection, table: Table, key: str, name: str) -> None:
    """The laptop's change of one field lost to a later one: it is not sent."""
    every = [c.name for c in table.columns if c.name not in BOOKKEEPING]
    rows = conn.execute(
        text("SELECT seq, fields FROM sync_outbox WHERE tbl = :t AND row_id = :r AND op = 'u'"),
        {"t": table.name, "r": key},
    ).all()
    for seq, listed in rows:
        names = every if listed is None else listed.split(",")
        left = [n for n in names if n != name]
        if left:
            conn.execute(
                text("UPDATE sync_outbox SET fields = :f WHERE seq = :s"),
                {"f": ",".join(left), "s": seq},
            )
        else:
            conn.execute(text("DELETE FROM sync_outbox WHERE seq = :s"), {"s": seq})


# --- the server -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    id: int
    table: str
    key: str
    op: str
    fields: tuple[str, ...] | None
    hlc: str
    login: str
    at: datetime
    xid: int = 0


def _server_rows(
    conn: Connection, table: Table, keys: Sequence[str], *, lock: bool = False
) -> dict[str, dict[str, Any]]:
    """The server's rows of ``keys`` (those it has), by key; ``lock``: locked for this
    transaction (``FOR UPDATE``: no one changes them until it ends)."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(keys), 500):
        statement = select(table).where(_keys_in(table, keys[start : start + 500]))
        for row in conn.execute(statement.with_for_update() if lock else statement):
            values = dict(row._mapping)
            found[row_key(table, values)] = values
    return found


def _keys_in(table: Table, keys: Sequence[str]) -> Any:
    """The condition "the row's key is one of ``keys``" (keys as :func:`row_key` makes them)."""
    columns = key_columns(table)
    if len(columns) == 1:
        return table.c[columns[0]].in_(keys)
    return tuple_(*(table.c[c] for c in columns)).in_(
        [tuple(key_values(table, k)[c] for c in columns) for k in keys]
    )


def _require_log(conn: Connection, server: Database) -> None:
    found = conn.execute(text(f"SELECT to_regclass('public.{LOG}')")).scalar()
    if found is None:
        raise UserError(
            _(
                "The server {server} does not keep the changes laptops need to synchronise: "
                "its administrator runs “accountdesk server init” there again (an AccountDesk "
                "as new as yours)."
            ).format(server=credentials.server_address(server.url))
        )


def _server_identity(conn: Connection) -> str:
    found = read_identity(conn)
    return found or ""


def _open_server(url: str, password: str | None) -> Database:
    server = open_database(url, upgrade=False, password=password)
    if not server.is_postgres:
        server.close()
        raise UserError(
            _("{target} is not a team server; a copy is made of one.").format(
                target=ltr_shown(credentials.without_password(url))
            )
        )
    return server


# --- making a copy ----------------------------------------------------------------------------


def default_copy_path(server: Database) -> Path:
    return paths.default_database_path().parent / f"team-copy-{_address_slug(server.url)}.db"


def _address_slug(url: str) -> str:
    named = f"{credentials.login_of(url)}-{credentials.server_address(url)}"
    return "".join(ch if ch.isalnum() else "-" for ch in named).strip("-").lower()


def create_copy(url: str, path: Path | None = None, *, password: str | None = None) -> Path:
    """Make a full copy of the team server ``url`` (signed in as its member) at ``path``
    (default: in the data folder, named after the server and login); returns where it is.
    An existing file is not replaced."""
    server = _open_server(url, password)
    try:
        target = path or default_copy_path(server)
        if target.exists():
            raise UserError(
                _("There is a file at {path} already; name another for the copy.").format(
                    path=ltr_shown(target)
                )
            )
        with server.engine.connect() as conn:
            _require_log(conn, server)  # before a file is made
            conn.rollback()
        paths.private_folder(target.parent)
        making = target.with_name(target.name + ".making")
        for leftover in (making, Path(f"{making}-wal"), Path(f"{making}-shm")):
            leftover.unlink(missing_ok=True)  # of a copy interrupted before
        leftovers = (making, Path(f"{making}-wal"), Path(f"{making}-shm"))
        try:
            copy = open_database(making)
            try:
                with copy.engine.begin() as conn:
                    for statement in copy_statements():
                        conn.execute(text(statement))
                    conn.execute(
                        text("INSERT INTO sync_clock (id, ms, counter, node) VALUES (1, 0, 0, :n)"),
                        {"n": uuid.uuid4().hex[:12]},
                    )
                _snapshot(server, copy)
            finally:
                copy.close()
            os.replace(making, target)
        except BaseException:
            for leftover in leftovers:  # no half copy stays behind
                leftover.unlink(missing_ok=True)
            raise
        return target
    finally:
        server.close()


def _snapshot(server: Database, copy: Database) -> None:
    with server.engine.connect() as raw_conn:
        sconn = raw_conn.execution_options(isolation_level="REPEATABLE READ")
        with sconn.begin():
            _require_log(sconn, server)
            xmin = sconn.execute(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            ).scalar()
            top = sconn.execute(text(f"SELECT coalesce(max(id), 0) FROM {LOG}")).scalar()
            mark = sconn.execute(text(f"SELECT hlc FROM {LOG} WHERE id = :t"), {"t": top}).scalar()
            identity = _server_identity(sconn)
            tables = [*synced_tables(), *(_all_tables()[n] for n in PULL_ONLY)]
            with _applying(copy) as conn:
                for table in tables:
                    rows = sconn.execute(select(table).execution_options(yield_per=2000))
                    for part in rows.partitions():
                        conn.execute(insert(table), [dict(r._mapping) for r in part])
                _settings(sconn, conn, server.login)
                rebuild(conn)
                _put(conn, "triggers", COPY_TRIGGERS)
                # its user is who the copy's user is in the team (engine.member_of)
                _put(conn, "server_url", credentials.without_password(server.url))
                _put(conn, "server_id", identity)
                _put(conn, "cursor", top)
                _put(conn, "cursor_hlc", mark)
                _put(conn, "xmin", xmin)
                _put(conn, "last_synced", utcnow().isoformat())


def _settings(sconn: Connection, conn: Connection, login: str | None) -> None:
    """The member's own settings (``<login>/<name>`` on the server) and the team's, as the
    copy keeps them (a laptop's file has no logins): the copy starts where the member was."""
    from accountdesk.core.services.activity import PERSONAL_SETTINGS

    settings = _all_tables()["settings"]
    mine = f"{login}/"
    for row in sconn.execute(select(settings)):
        key = str(row.key)
        if key.startswith(mine):
            key = key[len(mine) :]
        elif "/" in key or key == IDENTITY_KEY or key.startswith(PERSONAL_SETTINGS):
            continue  # another member's, or the server's own identity
        conn.execute(
            sqlite_insert(settings)
            .values(key=key, value=row.value, updated_at=row.updated_at)
            .on_conflict_do_update(
                index_elements=["key"], set_={"value": row.value, "updated_at": row.updated_at}
            )
        )


# --- synchronising ----------------------------------------------------------------------------


@dataclass
class SyncReport:
    received: int = 0
    sent: int = 0
    erased: int = 0
    conflicts: int = 0
    refused: int = 0

    def lines(self) -> list[str]:
        said = [
            ngettext("Received {n} change.", "Received {n} changes.", self.received).format(
                n=format_number(self.received)
            ),
            ngettext("Sent {n} change.", "Sent {n} changes.", self.sent).format(
                n=format_number(self.sent)
            ),
        ]
        if self.erased:
            said.append(
                ngettext(
                    "{n} contact erased on the server was erased here too.",
                    "{n} contacts erased on the server were erased here too.",
                    self.erased,
                ).format(n=format_number(self.erased))
            )
        if self.conflicts:
            said.append(
                ngettext(
                    "{n} field was changed on both sides: see “accountdesk sync conflicts”.",
                    "{n} fields were changed on both sides: see “accountdesk sync conflicts”.",
                    self.conflicts,
                ).format(n=format_number(self.conflicts))
            )
        if self.refused:
            said.append(
                ngettext(
                    "The server refused {n} change: see “accountdesk sync conflicts”.",
                    "The server refused {n} changes: see “accountdesk sync conflicts”.",
                    self.refused,
                ).format(n=format_number(self.refused))
            )
        return said


def synchronise(db: Database, *, password: str | None = None) -> SyncReport:
    """Pull, push, pull (see the module doc). A server that cannot be reached raises its
    sentence (:class:`~accountdesk.core.db.errors.ServerError`), kept as the copy's last
    error; nothing half-written stays (each step is its own transaction)."""
    _require_copy(db)
    with _one_at_a_time(db):
        return _synchronise(db, password)


@contextmanager
def _one_at_a_time(db: Database) -> Iterator[None]:
    """One synchronisation of a copy at a time (the app's in the background and a
    ``accountdesk sync`` run meanwhile would send the same changes twice at once): an
    exclusive lock of a small file beside the copy, which the system lets go when the process
    ends, however it ends. The file holds nothing."""
    if db.path is None:
        yield
        return
    lock = Path(f"{db.path}.synchronising")
    paths.new_private_file(lock)
    holder = sqlite3.connect(lock, timeout=0, isolation_level=None)
    try:
        try:
            holder.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            raise UserError(
                _(
                    "This copy is being synchronised already (by the app, or another "
                    "“accountdesk sync”); nothing was done now, the other synchronisation "
                    "sends and receives everything."
                )
            ) from exc
        yield
    finally:
        holder.close()


def _synchronise(db: Database, password: str | None) -> SyncReport:
    _upgrade_copy(db)
    with db.engine.connect() as conn:
        url = _get(conn, "server_url")
        expected = _get(conn, "server_id")
        node = conn.execute(text("SELECT node FROM sync_clock")).scalar()
        conn.rollback()
    assert url is not None and node is not None
    report = SyncReport()
    try:
        server = _open_server(url, password)
        try:
            with server.engine.connect() as conn:
                _require_log(conn, server)
                found = _server_identity(conn)
                conn.rollback()
            if expected and found != expected:
                raise UserError(
                    _(
                        "{path} is a copy of another database than the one at {server} now; "
                        "make a new copy of it (“accountdesk sync init”)."
                    ).format(
                        path=ltr_shown(db.path or db.url), server=credentials.server_address(url)
                    )
                )
            for _round in range(_ROUNDS):
                seen = _pull(db, server, str(node), report)
                if not _push(db, server, str(node), report, seen):
                    break
            _pull(db, server, str(node), report)
        finally:
            server.close()
    except UserError as exc:
        offline = isinstance(exc, ServerError) and not isinstance(exc, NotAllowed)
        _failed(db, str(exc), offline=offline)
        raise
    except Exception as exc:  # a bug: said in the status too, and raised as it is
        _failed(db, _unexpected(exc), offline=False)
        raise
    with db.transaction() as session:
        conn = session.connection()
        _put(conn, "last_synced", utcnow().isoformat())
        _put(conn, "last_error", None)
        _put(conn, "last_failure", None)
    return report


def _upgrade_copy(db: Database) -> None:
    """A copy made by an older AccountDesk gets the triggers of this one (in one transaction
    of the copy: what they wrote in the outbox stays)."""
    with db.transaction() as session:
        conn = session.connection()
        if _get(conn, "triggers") == COPY_TRIGGERS:
            return
        with copy_triggers_dropped(conn):
            pass
        _put(conn, "triggers", COPY_TRIGGERS)


def _unexpected(exc: BaseException) -> str:
    return _(
        "The synchronisation stopped on a problem AccountDesk did not expect ({problem}); "
        "nothing was lost, the changes to send wait in the copy. Tell whoever looks after "
        "AccountDesk."
    ).format(problem=isolate(f"{type(exc).__name__}: {exc}"[:300]))


def _failed(db: Database, message: str, *, offline: bool) -> None:
    """Keep why the last synchronisation failed; ``offline``: the server did not answer (or
    not to this login), as opposed to a synchronisation that stopped on a problem."""
    with db.transaction() as session:
        conn = session.connection()
        _put(conn, "last_error", message)
        _put(conn, "last_failure", "offline" if offline else "failed")


def _require_same_history(
    sconn: Connection, server: Database, cursor: int, mark: str | None
) -> None:
    """Refuse a server that went back to an earlier state since the copy last read its log
    (restored from a dump: the entry the copy read last is not there as it was, and the log
    ends before it): the copy would keep what the server lost and say nothing."""
    if not mark or not cursor:
        return
    there = sconn.execute(text(f"SELECT hlc FROM {LOG} WHERE id = :c"), {"c": cursor}).scalar()
    top = sconn.execute(text(f"SELECT coalesce(max(id), 0) FROM {LOG}")).scalar() or 0
    if (there is not None and there != mark) or (there is None and int(top) < cursor):
        raise UserError(
            _(
                "The server {server} went back to an earlier state since this copy last "
                "synchronised (its database was restored from a backup?): what the copy "
                "received or sent since then may not be there any more. Nothing was sent. "
                "Make a new copy (“accountdesk sync init --path …”) and enter again there what "
                "the server lacks; this copy stays as it is, to look at."
            ).format(server=credentials.server_address(server.url))
        )


def _read_log(
    server: Database, cursor: int, xmin: int, mark: str | None = None
) -> tuple[
    list[_Entry], dict[tuple[str, str], dict[str, Any] | None], list[dict[str, Any]], int, int
]:
    with server.engine.connect() as raw_conn:
        sconn = raw_conn.execution_options(isolation_level="REPEATABLE READ")
        with sconn.begin():
            _require_same_history(sconn, server, cursor, mark)
            now_xmin = sconn.execute(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            ).scalar()
            entries = [
                _Entry(
                    r.id,
                    r.tbl,
                    r.row_id,
                    r.op,
                    None if r.fields is None else tuple(r.fields.split(",")),
                    r.hlc,
                    r.login,
                    r.at,
                    int(r.xid),
                )
                for r in sconn.execute(
                    text(
                        f"SELECT id, tbl, row_id, op, fields, hlc, login, at, xid FROM {LOG} "
                        "WHERE id > :c OR xid >= :x ORDER BY id"
                    ),
                    {"c": cursor, "x": xmin},
                )
            ]
            tables = _tables()
            rows: dict[tuple[str, str], dict[str, Any] | None] = {}
            wanted: dict[str, list[str]] = {}
            for entry in entries:
                if entry.table in tables:
                    wanted.setdefault(entry.table, []).append(entry.key)
            for name, keys in wanted.items():
                unique = sorted(set(keys))
                got = _server_rows(sconn, tables[name], unique)
                for key in unique:
                    rows[(name, key)] = got.get(key)
            users = [dict(r._mapping) for r in sconn.execute(select(_all_tables()["users"]))]
            top = max((e.id for e in entries), default=cursor)
    return entries, rows, users, max(top, cursor), int(now_xmin or 0)


def _pull(db: Database, server: Database, node: str, report: SyncReport) -> set[int]:
    """Read and apply the server's changes; the entries read that a transaction still running
    at the next pull may be among (their transaction's id at or above the new ``xmin``): the
    push knows so which of those it has not seen (:func:`_changed_since`)."""
    with db.engine.connect() as conn:
        cursor = int(_get(conn, "cursor") or 0)
        xmin = int(_get(conn, "xmin") or 0)
        mark = _get(conn, "cursor_hlc")
        conn.rollback()
    entries, rows, users, top, now_xmin = _read_log(server, cursor, xmin, mark)
    mark = next((e.hlc for e in entries if e.id == top), mark)
    by_row: dict[tuple[str, str], list[_Entry]] = {}
    for entry in entries:
        by_row.setdefault((entry.table, entry.key), []).append(entry)
    # contacts gone from the server were erased (or purged) for good: the same erase here
    for (name, key), found in rows.items():
        if name == "contacts" and found is None:
            gone = by_row[(name, key)][-1]
            _erased_on_server(db, key, gone, report)
    tables = _tables()
    order = {t.name: i for i, t in enumerate(synced_tables())}
    keys = sorted(by_row, key=lambda k: (order.get(k[0], 99), k[1]))
    keys = [k for k in keys if k[0] in tables]
    keys = _parents_first(
        keys,
        {k: (row or {}).get("referred_by_id") for (t, k), row in rows.items() if t == "accounts"},
    )
    theirs_top = max((e.hlc for e in entries if not e.hlc.endswith("@" + node)), default=None)
    for start in range(0, max(len(keys), 1), CHUNK):
        chunk = keys[start : start + CHUNK]
        last = start + CHUNK >= len(keys)
        with _applying(db) as conn:
            if start == 0:
                users_table = _all_tables()["users"]
                conn.execute(delete(users_table))
                if users:
                    conn.execute(insert(users_table), users)
            touched: dict[str, list[str]] = {}
            known = _Known.read(conn, tables, chunk)
            new_rows = _new_here(known, chunk, rows)
            new_keys = {(n, row_key(tables[n], r)) for n, found in new_rows.items() for r in found}
            for name, key in chunk:
                theirs = [e for e in by_row[(name, key)] if not e.hlc.endswith("@" + node)]
                if (name, key) in new_keys:
                    applied = True  # written below, with the other new rows of its table
                else:
                    found = rows[(name, key)]
                    applied = _apply(conn, tables[name], key, found, theirs, report, known)
                if applied:
                    touched.setdefault(name, []).append(key)
                    if theirs:
                        report.received += 1
            for name in order:  # parents before children (foreign keys are checked at commit)
                _write_rows(conn, tables[name], new_rows.get(name, []))
            owners: set[str] = set()
            for name, changed in touched.items():
                owners |= _owners_to_index(conn, name, changed)
            _reindex(conn, owners)
            if last:
                _put(conn, "cursor", top)
                _put(conn, "cursor_hlc", mark)
                _put(conn, "xmin", now_xmin)
                if theirs_top is not None:
                    _receive(conn, theirs_top)
    return {e.id for e in entries if e.xid >= now_xmin}


def _contact_rows(conn: Connection, key: str) -> set[tuple[str, str]]:
    """The copy's rows an erase of the contact ``key`` deletes: the contact, the rows that
    point at it, the interactions only they took part in (a few more do no harm)."""
    tables = _tables()
    found = {("contacts", key)}
    for table in tables.values():
        for fk in table.foreign_keys:
            if fk.column.table.name != "contacts" or table.name == "contacts":
                continue
            for row in conn.execute(select(table).where(fk.parent == key)):
                values = dict(row._mapping)
                found.add((table.name, row_key(table, values)))
                if table.name == "interaction_participants":
                    found.add(("interactions", str(values["interaction_id"])))
    return found


def _erased_on_server(db: Database, key: str, gone: _Entry, report: SyncReport) -> None:
    """The contact ``key`` was erased or purged on the server: the same erase here, even of a
    contact this laptop merged into another (that merge can no longer be undone: its undo is
    forgotten, as emptying the trash does). The laptop's changes to them not sent yet are
    listed as discarded (how many, who, when: nothing of the person). The erase's own
    deletions are not changes to send."""
    from accountdesk.core.services.duplicates import forget_dead_merges
    from accountdesk.core.services.privacy import erase_contact

    with db.engine.connect() as conn:
        if _local_row(conn, _tables()["contacts"], key) is None:
            conn.rollback()
            return
        before = int(
            conn.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")).scalar() or 0
        )
        theirs = _contact_rows(conn, key)
        waiting = _pending(conn)
        conn.rollback()
    unsent = sum(
        1 for k, p in waiting.items() if k in theirs and p.deleted is None and k[0] in _tables()
    )
    erase_contact(db, key, refuse_merged=False)
    report.erased += 1
    with db.transaction() as session:
        conn = session.connection()
        forget_dead_merges(session)
        for seq, tbl, row_id in conn.execute(
            text("SELECT seq, tbl, row_id FROM sync_outbox WHERE seq > :s AND op = 'd'"),
            {"s": before},
        ).all():
            if (tbl, row_id) in theirs:
                conn.execute(text("DELETE FROM sync_outbox WHERE seq = :s"), {"s": seq})
        if unsent:
            report.conflicts += _note(
                conn, "contacts", key, DISCARDED, mine=unsent, who=gone.login, at=gone.at
            )


def _receive(conn: Connection, stamp: str) -> None:
    """The hybrid logical clock's rule on receiving ``stamp``: the laptop's next change is
    stamped after it, whatever the laptop's own clock says (one that runs behind would
    otherwise lose to changes it has already seen)."""
    ms, counter = int(stamp[:13]), int(stamp[13:18])
    conn.execute(
        text(
            "UPDATE sync_clock SET counter = CASE WHEN :ms > ms THEN :c "
            "WHEN :ms = ms THEN max(counter, :c) ELSE counter END, ms = max(ms, :ms)"
        ),
        {"ms": ms, "c": counter},
    )


def _apply(
    conn: Connection,
    table: Table,
    key: str,
    found: dict[str, Any] | None,
    theirs: list[_Entry],
    report: SyncReport,
    known: _Known | None = None,
) -> bool:
    """Write the server's row ``found`` (None: deleted there) into the copy, merged with what
    the laptop has not sent (``known``: as read for the chunk, else read now); whether
    anything was written."""
    known = known or _Known(stale=True)
    local = known.local(conn, table, key)
    mine = known.mine(conn, table, key)
    if found is None:
        if local is None or table.name == "contacts":
            return False
        known.stale = True  # a deletion may cascade to other rows
        taken = _cascaded(conn, table, local)
        unsent = sum(
            1
            for name, keys in taken.items()
            for item in _pending(conn, name, keys).values()
            if item.deleted is None
        )
        record = _record_name(conn, table.name, local)
        conn.execute(delete(table).where(_where_key(table, key)))
        if unsent and theirs:  # kept after the deletion, whose trigger drops the row's conflicts
            gone = theirs[-1]
            report.conflicts += _note(
                conn, table.name, key, TAKEN, mine=unsent, who=gone.login, at=gone.at, name=record
            )
        keys = key_columns(table)
        changed = [n for n in mine.fields if n in local and n not in _QUIET] or (
            [c.name for c in table.columns if c.name not in (*BOOKKEEPING, *keys, *_QUIET)]
            if mine.everything
            else []
        )
        if changed and theirs:
            gone = theirs[-1]
            for lost in changed:
                report.conflicts += _note(
                    conn,
                    table.name,
                    key,
                    DELETED,
                    lost,
                    local[lost],
                    None,
                    gone.login,
                    gone.at,
                    name=record,
                    row=local,
                )
        return True
    if local is None:
        if mine.deleted:
            return False  # the laptop deleted it: its deletion is sent
        if _may_touch_others(table.name, found):
            known.stale = True
        _one_stay_in_touch(conn, table, found)
        last = theirs[-1] if theirs else None
        _merge_unique(
            conn, table, found, report, last.login if last else None, last.at if last else None
        )
        _write_row(conn, table, found)
        return True
    remote: dict[str, _Entry] = {}
    for entry in theirs:
        names = entry.fields or tuple(c.name for c in table.columns)
        for name in names:
            if name not in remote or entry.hlc > remote[name].hlc:
                remote[name] = entry
    merged = dict(found)
    for column in table.columns:
        name = column.name
        stamp = mine.stamp(name)
        if stamp is None or name in BOOKKEEPING:
            continue
        if name in remote and not _same(local[name], found[name]):
            entry = remote[name]
            quiet = name in _QUIET or (
                name in ("deleted_at", "completed_at")
                and local[name] is not None
                and found[name] is not None
            )
            if quiet:  # derived, or both trashed (completed) it: the later stays, no question
                if entry.hlc > stamp:
                    _drop_pending_field(conn, table, key, name)
                    continue
                merged[name] = local[name]
                continue
            if entry.hlc > stamp:
                report.conflicts += _note(
                    conn,
                    table.name,
                    key,
                    THEIRS_WON,
                    name,
                    local[name],
                    found[name],
                    entry.login,
                    entry.at,
                )
                _drop_pending_field(conn, table, key, name)
                continue
            report.conflicts += _note(
                conn,
                table.name,
                key,
                MINE_WON,
                name,
                local[name],
                found[name],
                entry.login,
                entry.at,
            )
        merged[name] = local[name]
    differ = [n for n, value in merged.items() if local[n] != value]
    if differ:
        conn.execute(update(table).where(_where_key(table, key)).values(**merged))
    # the server's stamps of what the laptop sent (its clock, its count of versions) change
    # no search document: only a change of something else is worth reindexing
    return any(n not in BOOKKEEPING for n in differ)


def _cascaded(conn: Connection, table: Table, row: Mapping[str, Any]) -> dict[str, list[str]]:
    """The copy's rows that deleting ``row`` of ``table`` takes with it (their foreign keys
    cascade, at any depth), their keys by table."""
    found: dict[str, set[str]] = {}
    todo = [(table, row)]
    while todo:
        parent, values = todo.pop()
        for child in _tables().values():
            for fk in child.foreign_keys:
                if fk.column.table is not parent or (fk.ondelete or "").upper() != "CASCADE":
                    continue
                for taken in conn.execute(select(child).where(fk.parent == values[fk.column.name])):
                    mapping = dict(taken._mapping)
                    keys = found.setdefault(child.name, set())
                    if (child_key := row_key(child, mapping)) not in keys:
                        keys.add(child_key)
                        todo.append((child, mapping))
    return {name: sorted(keys) for name, keys in found.items()}


def _one_stay_in_touch(conn: Connection, table: Table, found: Mapping[str, Any]) -> None:
    """A "stay in touch" follow-up raised on the server (or another laptop) for a contact this
    laptop raised one for too, while offline, not yet sent: the contact keeps one (every app
    raises them at its start; online the server's lock makes it one)."""
    from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

    if table.name != "follow_ups" or found.get("origin") != STAY_IN_TOUCH:
        return
    ours = conn.execute(
        select(table.c.id).where(
            table.c.contact_id == found["contact_id"],
            table.c.origin == STAY_IN_TOUCH,
            table.c.status == "open",
            table.c.id != found["id"],
        )
    ).scalars()
    for other in list(ours):
        made_here = conn.execute(
            text(
                "SELECT 1 FROM sync_outbox WHERE tbl = 'follow_ups' AND row_id = :r "
                "AND op = 'u' AND fields IS NULL"
            ),
            {"r": other},
        ).first()
        if made_here is not None:  # never sent: nobody else has it
            conn.execute(delete(table).where(table.c.id == other))


def _merge_unique(
    conn: Connection,
    table: Table,
    found: Mapping[str, Any],
    report: SyncReport,
    who: str | None = None,
    at: datetime | None = None,
) -> None:
    """A tag (or an exchange rate) the laptop made with the server's name (pair and day) for
    another id: the laptop's becomes the server's (its links follow; a rate that differs is
    kept as a conflict)."""
    if table.name not in UNIQUE_KEYS:
        return
    local = _same_unique(conn, table, found)
    if local is None:
        return
    old, new = local.id, found["id"]
    if table.name == "tags":
        for link, column in (("account_tags", "account_id"), ("contact_tags", "contact_id")):
            source = _all_tables()[link]
            already = select(source.c[column]).where(source.c.tag_id == new)
            conn.execute(
                delete(source).where(source.c.tag_id == old, source.c[column].in_(already))
            )
            conn.execute(update(source).where(source.c.tag_id == old).values(tag_id=new))
        for link in ("account_tags", "contact_tags"):  # the links waiting to be sent follow
            source = _all_tables()[link]
            for seq, row_id in conn.execute(
                text("SELECT seq, row_id FROM sync_outbox WHERE tbl = :t"), {"t": link}
            ).all():
                values = key_values(source, row_id)
                if values["tag_id"] == old:
                    conn.execute(
                        text("UPDATE sync_outbox SET row_id = :r WHERE seq = :s"),
                        {"r": row_key(source, {**values, "tag_id": new}), "s": seq},
                    )
    elif not _same(local.rate, found["rate"]):
        report.conflicts += _note(
            conn, table.name, new, THEIRS_WON, "rate", local.rate, found["rate"], who, at
        )
    conn.execute(delete(table).where(table.c.id == old))
    conn.execute(
        text("DELETE FROM sync_outbox WHERE tbl = :t AND row_id = :r"), {"t": table.name, "r": old}
    )


def _same_unique(conn: Connection, table: Table, row: Mapping[str, Any]) -> Any:
    """The row of ``table`` (a tag, an exchange rate) that is the same thing as ``row`` under
    another id (:data:`UNIQUE_KEYS`; a tag's name as every place compares tag names:
    :func:`accountdesk.core.records.tag_key`), or None."""
    from accountdesk.core.records import tag_key

    others = table.c.id != row["id"]
    if table.name == "tags":
        wanted = tag_key(str(row["name"]))
        for found in conn.execute(select(table).where(others)):
            if tag_key(str(found.name)) == wanted:
                return found
        return None
    columns = UNIQUE_KEYS[table.name]
    return conn.execute(
        select(table).where(*(table.c[c] == row[c] for c in columns), others)
    ).first()


class _Later(Exception):
    """Someone changed the record on the server since the pull: sent after the next one."""


class _EditedLater(Exception):
    """Someone changed on the server a record the laptop deleted for good, after it did: the
    later edit is kept (the deletion is refused, the copy takes the record back)."""


def _edited_after(
    sconn: Connection, table: Table, keys: Sequence[str], node: str
) -> dict[str, str]:
    """The latest stamp of someone else's change on the server of each row of ``keys`` that
    has one (a laptop's deletion stamped before it is refused: a later edit is not lost to an
    earlier deletion)."""
    found = sconn.execute(
        text(
            f"SELECT row_id, max(hlc) FROM {LOG} WHERE tbl = :t AND row_id = ANY(:r) "
            "AND op = 'u' AND hlc NOT LIKE :mine GROUP BY row_id"
        ),
        {"t": table.name, "r": list(keys), "mine": "%@" + node},
    )
    return {str(row_id): str(stamp) for row_id, stamp in found}


def _push(db: Database, server: Database, node: str, report: SyncReport, seen: set[int]) -> bool:
    """Send the outbox; whether something waits for another round. ``seen``: what the pull
    just before read of the transactions that may commit late (:func:`_pull`).

    Records go to the server :data:`CHUNK` at a time, each batch in one server transaction
    (a savepoint a record: a refused one is undone alone) with the server's search index
    brought up to date once for the batch; the copy forgets what it sent once the server
    has committed it. An erasure of a contact runs alone, in its order (it is the server's
    own erase, with its own transaction)."""
    with db.engine.connect() as conn:
        pending = _pending(conn)
        since = _Since(int(_get(conn, "cursor") or 0), int(_get(conn, "xmin") or 0), seen)
        conn.rollback()
    tables = _tables()
    order = {t.name: i for i, t in enumerate(synced_tables())}
    upserts = sorted(
        (k for k, p in pending.items() if p.deleted is None and k[0] in tables),
        key=lambda k: (order[k[0]], k[1]),
    )
    upserts = _parents_first(upserts, _local_referrals(db, upserts))
    deletions = sorted(
        (k for k, p in pending.items() if p.deleted is not None and k[0] in tables),
        key=lambda k: (k[0] != "contacts", -order[k[0]], k[1]),
    )
    waiting = False
    batch: list[tuple[str, str]] = []
    for name, key in [*upserts, *deletions]:
        item = pending[(name, key)]
        if name == "contacts" and item.deleted is not None:  # alone, in its order
            if batch:
                waiting |= _push_batch(db, server, node, report, since, pending, batch)
                batch = []
            waiting |= _push_erasure(db, server, node, report, since, pending, key)
            continue
        batch.append((name, key))
        if len(batch) >= CHUNK:
            waiting |= _push_batch(db, server, node, report, since, pending, batch)
            batch = []
    if batch:
        waiting |= _push_batch(db, server, node, report, since, pending, batch)
    return waiting


def _unsent(db: Database, table: Table, key: str, item: _Pending) -> dict[str, Any] | None:
    """The copy's row ``key`` as it is now, with ``item.seqs`` cut to the outbox entries
    still there: entries a merge of this round rewrote (a link to a tag that became the
    server's) or dropped wait for the next round under their new key. Read just before the
    record is sent, after what the records before it did to the copy."""
    with db.engine.connect() as conn:
        local = _local_row(conn, table, key)
        item.seqs = list(
            conn.execute(
                text(
                    "SELECT seq FROM sync_outbox WHERE tbl = :t AND row_id = :r AND seq IN :seqs"
                ).bindparams(bindparam("seqs", expanding=True)),
                {"t": table.name, "r": key, "seqs": item.seqs},
            ).scalars()
        )
        conn.rollback()
    return local


class _Careful(Exception):
    """The server refused a record of a batch sent without a savepoint a record: the batch
    is sent again, record by record."""


def _push_batch(
    db: Database,
    server: Database,
    node: str,
    report: SyncReport,
    since: _Since,
    pending: Mapping[tuple[str, str], _Pending],
    batch: Sequence[tuple[str, str]],
) -> bool:
    """Send ``batch`` (no erasure among them) in one server transaction; whether something
    of it waits for another round. A lost connection raises, and the copy forgets nothing
    of the batch (the next synchronisation sends it again).

    The server's rows and its log are read once for the batch, the rows locked. The batch
    is first sent as it is; if the server refuses a record, that transaction is undone and
    the batch is sent again with a savepoint a record, so that only the refused ones are
    left out (what the copy did meanwhile, a tag merged into the server's, is not undone:
    the second time reads the copy again)."""
    try:
        return _send_batch(db, server, node, report, since, pending, batch, careful=False)
    except _Careful:
        return _send_batch(db, server, node, report, since, pending, batch, careful=True)


def _send_batch(
    db: Database,
    server: Database,
    node: str,
    report: SyncReport,
    since: _Since,
    pending: Mapping[tuple[str, str], _Pending],
    batch: Sequence[tuple[str, str]],
    *,
    careful: bool,
) -> bool:
    tables = _tables()
    waiting = False
    done: list[tuple[_Pending, bool]] = []  # sent (or gone there already), and whether sent
    refusals: list[tuple[Table, str, dict[str, Any] | None, _Pending, str]] = []
    by_table: dict[str, list[str]] = {}
    for name, key in batch:
        by_table.setdefault(name, []).append(key)
    with server.transaction() as session:
        sconn = session.connection()
        there_rows: dict[tuple[str, str], dict[str, Any]] = {}
        changed: set[tuple[str, str]] = set()
        edited: dict[tuple[str, str], str] = {}
        for name, keys in by_table.items():
            table = tables[name]
            for key, row in _server_rows(sconn, table, keys, lock=True).items():
                there_rows[(name, key)] = row
            changed.update((name, k) for k in _changed_since(sconn, table, keys, since, node))
            deleted = [k for k in keys if pending[(name, k)].deleted is not None]
            if deleted:
                found = _edited_after(sconn, table, deleted, node)
                edited.update(((name, k), stamp) for k, stamp in found.items())
        owners: set[str] = set()
        for name, key in batch:
            table, item = tables[name], pending[(name, key)]
            local = _unsent(db, table, key, item)
            if not item.seqs:
                waiting = True
                continue
            there = there_rows.get((name, key))
            try:
                with sconn.begin_nested() if careful else nullcontext():
                    if item.deleted is not None and local is None:
                        if there is not None:
                            if edited.get((name, key), "") > item.deleted:
                                raise _EditedLater
                            _stamp(sconn, item.deleted)
                            owners |= _server_owners(sconn, table, key)
                            sconn.execute(delete(table).where(_where_key(table, key)))
                        done.append((item, there is not None))
                    else:
                        if local is not None:
                            if (name, key) in changed:
                                raise _Later
                            _send(sconn, table, key, local, item, there, db, report)
                            owners |= _server_owners(sconn, table, key)
                        done.append((item, True))
            except _Later:
                waiting = True
            except _EditedLater:
                edited_later = _(
                    "It was changed on the server after you deleted it, so the server keeps "
                    "it; delete it again if it should go."
                )
                refusals.append((table, key, local, item, edited_later))
            except (UserError, IntegrityError) as refused:
                if isinstance(refused, ServerError) and not isinstance(refused, NotAllowed):
                    raise  # lost connection: the outbox waits for the next time
                if not careful:  # (the batch's transaction is undone: sent again, carefully)
                    raise _Careful from refused
                said = (
                    str(refused)
                    if isinstance(refused, UserError)
                    else _(
                        "It refers to a record that is not on the server any more (someone "
                        "deleted it)."
                    )
                )
                refusals.append((table, key, local, item, said))
        _reindex(sconn, owners)  # the server's search follows, in the same transaction
    if done:
        with db.transaction() as session:
            _forget(session.connection(), [seq for item, _sent in done for seq in item.seqs])
        report.sent += sum(sent for _item, sent in done)
    for table, key, local, item, message in refusals:  # (the server's rows, as committed)
        _refused(db, server, table, key, local, item, message, report)
    return waiting


def _push_erasure(
    db: Database,
    server: Database,
    node: str,
    report: SyncReport,
    since: _Since,
    pending: Mapping[tuple[str, str], _Pending],
    key: str,
) -> bool:
    """Send the erasure of the contact ``key``: the server's own erase of them (their
    traces there too); whether it waits for another round. A contact the copy has again
    (a refused erase brought them back) is sent as a record."""
    from accountdesk.core.services.privacy import erase_contact

    table, item = _tables()["contacts"], pending[("contacts", key)]
    local = _unsent(db, table, key, item)
    if not item.seqs:
        return True
    if local is not None:
        return _push_batch(db, server, node, report, since, pending, [("contacts", key)])
    try:
        with server.reader() as session:
            there = _local_row(session.connection(), table, key)
        if there is not None:
            erase_contact(server, key)
    except NotAllowed as refused:
        _refused(db, server, table, key, local, item, str(refused), report)
        return False
    except ServerError:
        raise  # lost connection: the outbox waits for the next time
    except UserError as refused:
        _refused(db, server, table, key, local, item, str(refused), report)
        return False
    with db.transaction() as session:
        _forget(session.connection(), item.seqs)
    report.sent += there is not None
    return False


def _server_owners(sconn: Connection, table: Table, key: str) -> set[str]:
    """The accounts and contacts on the server whose search documents a pushed change of the
    row ``key`` touches (read before a deletion: an account's contacts go with it). The
    server's index is kept in step by the app's ORM writes (core/db/search.py); a push writes
    with Core statements, so it reindexes what it wrote itself, in the same transaction."""
    owners = _owners_to_index(sconn, table.name, [key])
    if table.name == "accounts":
        contacts = _tables()["contacts"]
        owners.update(
            sconn.execute(select(contacts.c.id).where(contacts.c.account_id == key)).scalars()
        )
    return owners


def _parents_first(
    keys: list[tuple[str, str]], refers: Mapping[str, str | None]
) -> list[tuple[str, str]]:
    """``keys`` with each account after the account it refers to (``refers``: an account's
    ``referred_by_id``), when both are among them: a foreign key of the table to itself."""
    accounts = [k for k in keys if k[0] == "accounts"]
    if len(accounts) < 2:
        return keys
    among = {k[1] for k in accounts}
    placed: list[tuple[str, str]] = []
    seen: set[str] = set()

    def place(key: tuple[str, str], depth: int = 0) -> None:
        if key[1] in seen:
            return
        seen.add(key[1])
        parent = refers.get(key[1])
        if parent and parent in among and depth < len(accounts):
            place(("accounts", parent), depth + 1)
        placed.append(key)

    for key in accounts:
        place(key)
    first = keys.index(accounts[0])
    rest = [k for k in keys if k[0] != "accounts"]
    return rest[:first] + placed + rest[first:]


def _local_referrals(db: Database, keys: list[tuple[str, str]]) -> dict[str, str | None]:
    table = _tables()["accounts"]
    ids = [k[1] for k in keys if k[0] == "accounts"]
    with db.engine.connect() as conn:
        found = {
            row.id: row.referred_by_id
            for start in range(0, len(ids), 500)
            for row in conn.execute(
                select(table.c.id, table.c.referred_by_id).where(
                    table.c.id.in_(ids[start : start + 500])
                )
            )
        }
        conn.rollback()
    return found


@dataclass(frozen=True)
class _Since:
    """What the copy has read of the log: every entry up to ``cursor``, except those of
    transactions at or above ``xmin`` (still running then) it did not read (``seen``)."""

    cursor: int
    xmin: int
    seen: set[int]


def _changed_since(
    sconn: Connection, table: Table, keys: Sequence[str], since: _Since, node: str
) -> set[str]:
    """The rows of ``keys`` someone else changed on the server after what the copy read: a
    later entry, or one of a transaction that committed late (its entry below the cursor,
    not read by the pull)."""
    found = sconn.execute(
        text(
            f"SELECT DISTINCT row_id FROM {LOG} WHERE tbl = :t AND row_id = ANY(:r) "
            "AND (id > :c OR (xid >= :x AND NOT (id = ANY(:seen)))) "
            "AND hlc NOT LIKE :mine"
        ),
        {
            "t": table.name,
            "r": list(keys),
            "c": since.cursor,
            "x": since.xmin,
            "seen": sorted(since.seen),
            "mine": "%@" + node,
        },
    )
    return {str(row_id) for row_id in found.scalars()}


def _stamp(sconn: Connection, stamp: str) -> None:
    sconn.execute(text("SELECT set_config('accountdesk.hlc', :h, true)"), {"h": stamp})


def _send(
    sconn: Connection,
    table: Table,
    key: str,
    local: dict[str, Any],
    item: _Pending,
    there: Mapping[str, Any] | None,
    db: Database,
    report: SyncReport,
) -> None:
    """Write the copy's ``local`` row ``key`` on the server, whose row (``there``, locked)
    no one else changed since the copy read it."""
    if there is None:
        if table.name in UNIQUE_KEYS:
            same = _same_unique(sconn, table, local)
            if same is not None:
                with _applying(db) as conn:
                    made = sconn.execute(
                        text(
                            f"SELECT login, at FROM {LOG} WHERE tbl = :t AND row_id = :r "
                            "ORDER BY id DESC LIMIT 1"
                        ),
                        {"t": table.name, "r": same.id},
                    ).first()
                    _merge_unique(
                        conn,
                        table,
                        dict(same._mapping),
                        report,
                        made.login if made else None,
                        made.at if made else same._mapping.get("updated_at"),
                    )
                    _write_row(conn, table, dict(same._mapping))
                    _reindex(conn, _owners_to_index(conn, table.name, [same.id]))
                return
        _stamp(sconn, item.everything or max(item.fields.values(), default="") or "")
        sconn.execute(insert(table).values(**local))
        return
    by_stamp: dict[str, list[str]] = {}
    names = (
        [
            c.name
            for c in table.columns
            if c.name not in BOOKKEEPING and c.name not in key_columns(table)
        ]
        if item.everything
        else list(item.fields)
    )
    for name in names:
        stamp = item.stamp(name)
        if stamp is not None and name in table.c:
            by_stamp.setdefault(stamp, []).append(name)
    for stamp, group in sorted(by_stamp.items()):
        _stamp(sconn, stamp)
        values = {n: local[n] for n in group}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        sconn.execute(update(table).where(_where_key(table, key)).values(**values))


def _refused(
    db: Database,
    server: Database,
    table: Table,
    key: str,
    local: dict[str, Any] | None,
    item: _Pending,
    message: str,
    report: SyncReport,
) -> None:
    """The server refused the laptop's change: its sentence is kept, and the copy takes the
    server's record (and what hangs from it) back; a record whose parent the copy no longer
    has (a purged account's contact) comes back with that parent and all under it."""
    root, root_key = _missing_root(db, server, table, key)
    subtree = _fetch_subtree(server, root, root_key)
    with _applying(db) as conn:
        _forget(conn, item.seqs)
        owners: set[str] = set()
        for part, rows in subtree:
            for row in rows:
                _write_row(conn, _tables()[part], row)
            owners |= _owners_to_index(conn, part, [row_key(_tables()[part], r) for r in rows])
        _reindex(conn, owners)
        stored = _local_row(conn, table, key)  # the server's, back
        shown = local or stored
        name = _record_name(conn, table.name, shown) if shown else None
        fields = [
            f for f in item.fields if f in table.c and f not in _QUIET and f not in BOOKKEEPING
        ]
        if local is not None and stored is not None and fields and item.everything is None:
            for refused in fields:  # what was typed is kept with the refusal, field by field
                _note(
                    conn,
                    table.name,
                    key,
                    REFUSED,
                    refused,
                    local[refused],
                    stored[refused],
                    message=message,
                    name=name,
                    row=shown,
                )
        else:
            _note(conn, table.name, key, REFUSED, message=message, name=name, row=shown)
    report.refused += 1


def _missing_root(db: Database, server: Database, table: Table, key: str) -> tuple[Table, str]:
    """The highest record above ``key`` that the copy lacks (``key`` itself when the copy
    has its parents)."""
    tables = _tables()
    for _depth in range(len(tables)):
        with server.reader() as session:
            row = _local_row(session.connection(), table, key)
        if row is None:
            break
        parent = None
        for fk in table.foreign_keys:
            value = row.get(fk.parent.name)
            target = fk.column.table.name
            if value is None or target == table.name or target not in tables:
                continue
            with db.engine.connect() as conn:
                here = _local_row(conn, tables[target], str(value))
                conn.rollback()
            if here is None:
                parent = (tables[target], str(value))
                break
        if parent is None:
            break
        table, key = parent
    return table, key


def _fetch_subtree(
    server: Database, table: Table, key: str
) -> list[tuple[str, list[dict[str, Any]]]]:
    """The server's row and every row that hangs from it (an account's contacts and records,
    a contact's), parents first."""
    found: list[tuple[str, list[dict[str, Any]]]] = []
    with server.reader() as session:
        sconn = session.connection()
        row = sconn.execute(select(table).where(_where_key(table, key))).first()
        if row is None:
            return found
        found.append((table.name, [dict(row._mapping)]))
        if table.name not in ("accounts", "contacts"):
            return found
        parents = {table.name: [key]}
        for child in synced_tables():
            rows: list[dict[str, Any]] = []
            for fk in child.foreign_keys:
                parent = fk.column.table.name
                if (
                    parent in parents
                    and child.name != parent
                    and (fk.ondelete or "").upper() == "CASCADE"
                ):
                    rows += [
                        dict(r._mapping)
                        for r in sconn.execute(select(child).where(fk.parent.in_(parents[parent])))
                    ]
            if rows:
                found.append((child.name, rows))
                if child.name == "contacts":
                    parents["contacts"] = [r["id"] for r in rows]
    return found


# --- conflicts, shown and resolved --------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """One conflict or refusal kept by the copy, in the user's words: ``text`` is the line the
    dialog and the command line show; ``can_choose``: "keep mine" / "keep theirs" apply."""

    id: int
    record: str
    field: str | None
    kind: str
    mine: str
    theirs: str
    who: str | None
    when: str | None
    text: str
    can_choose: bool


def _record_name(conn: Connection, table: str, row: Mapping[str, Any] | None) -> str:
    from accountdesk.core.db.fts import display_name

    if row is None:
        return _("(a deleted record)")
    if table == "accounts":
        return str(row["name"])
    if table == "contacts":
        return display_name(row["given_name"], row["family_name"], row["name_order"])
    if table == "tags":
        return str(row["name"])
    if table == "exchange_rates":
        return _(
            # TRANSLATORS: an exchange rate as a conflict names it: 1 {base} = … {currency}
            "{base} → {currency}, {date}"
        ).format(base=row["base"], currency=row["currency"], date=format_date(row["valid_on"]))
    for column in ("subject", "title", "description", "body"):
        if row.get(column):
            words = str(row[column]).split("\n", 1)[0]
            return words if len(words) <= 60 else words[:59] + "…"
    return _("(a record without a name)")


#: A column as a conflict names it: the key of its label in
#: :data:`accountdesk.core.validation.FIELD_LABELS` (the column's own name when absent here).
_LABEL_OF = {
    "referred_by_id": "referred_by",
    "account_id": "account",
    "contact_id": "contact",
    "emails": "email",
    "phones": "phone",
    "work_start": "work_hours",
    "work_end": "work_hours",
    "duration_minutes": "duration",
    "occurred_zone": "timezone",
    "zone": "timezone",
    "local_due": "due",
    "rrule_start": "rrule",
    "given_on": "date",
    "answered_on": "date",
    "closed_on": "date",
    "valid_on": "date",
    "label": "important_dates",
    "month": "important_dates",
    "day": "important_dates",
    "year": "important_dates",
}
#: Columns the app derives or keeps for itself (a follow-up's instant from its wall time and
#: zone, its calendar identity, when its reminder was shown; an account's earlier periods from
#: its dates): merged by the stamps like the others, but not a choice put to the user.
_QUIET = frozenset(
    {"created_at", "due_at", "notified_at", "origin", "ics_uid", "ics_sequence", "earlier_periods"}
)


def _choices(table: str, column: str) -> dict[str, str] | None:
    """The labels of a coded column's values (core/labels.py)."""
    from accountdesk.core import labels

    kinds = {
        "interactions": labels.INTERACTION_KIND,
        "important_dates": labels.DATE_KIND,
        "survey_responses": labels.SURVEY_KIND,
    }
    found: dict[str, dict[str, str] | None] = {
        "status": {
            "deals": labels.DEAL_STATUS,
            "accounts": labels.STATUS,
            "follow_ups": labels.FOLLOW_UP_STATUS,
        }.get(table),
        "tier": labels.TIER,
        "preferred_channel": labels.CHANNEL,
        "buying_role": labels.BUYING_ROLE,
        "formality": labels.FORMALITY,
        "name_order": labels.NAME_ORDER,
        "lawful_basis": labels.LAWFUL_BASIS,
        "stage": labels.DEAL_STAGE,
        "direction": labels.GIFT_DIRECTION,
        "sentiment": labels.SENTIMENT,
        "kind": kinds.get(table),
    }
    return found.get(column)


def _shown(
    conn: Connection,
    table: Table,
    column: str | None,
    stored: str | None,
    zone: str,
    owners: Mapping[str, str],
) -> str:
    """A value kept in a conflict as the app shows it: a date or an instant in the user's
    calendar and zone, a country, currency, zone or language by its name, a coded value by its
    label, a linked record by its name, a list by its items."""
    from accountdesk.core import labels
    from accountdesk.core.i18n import country_name, currency_name, language_name, zone_name
    from accountdesk.core.services.conflicts import shown_value

    if column is None or column not in table.c:
        return ""
    value = _from_json(table, column, stored)
    if value is None or value == "" or value == []:
        return shown_value(None)
    if isinstance(value, datetime):
        return format_when(value, ZoneInfo(zone))
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, list):
        return shown_value(
            [item.get("value", "") if isinstance(item, dict) else item for item in value]
        )
    if isinstance(value, str):
        choices = _choices(table.name, column)
        if choices is not None:
            return labels.label(choices, value)
        if column == "country":
            return country_name(value)
        if column == "currency" or column == "base":
            return currency_name(value)
        if column in ("timezone", "zone", "occurred_zone"):
            return zone_name(value)
        if column == "preferred_language":
            return language_name(value)
        if column == "owner":
            from accountdesk.core.queries.team import owner_name

            return owner_name(owners, value)  # a member by name, as the lists show them
        if column in ("referred_by_id", "account_id", "contact_id"):
            linked = _all_tables()["contacts" if column == "contact_id" else "accounts"]
            row = _local_row(conn, linked, value)
            return _record_name(conn, linked.name, row)
    return shown_value(value)


def conflicts(db: Database) -> list[Conflict]:
    """The conflicts and refusals the copy keeps, newest first, each in one sentence of the
    user's language: the record's name, the field's label, both values as the app shows them,
    who and when."""
    from accountdesk.core import settings
    from accountdesk.core.queries.team import owner_name, owner_names
    from accountdesk.core.validation import label

    _require_copy(db)
    zone = settings.current_zone(db)
    names = owner_names(db)
    shown: list[Conflict] = []
    tables = _all_tables()
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, tbl, row_id, field, kind, mine, theirs, who, at, message, name "
                "FROM sync_conflicts ORDER BY id DESC"
            )
        ).all()
        for row in rows:
            table = tables[row.tbl]
            who = owner_name(names, row.who) if row.who else None
            when = format_when(datetime.fromisoformat(row.at), ZoneInfo(zone)) if row.at else None
            if row.kind == DISCARDED:  # nothing of the person: how many, who, when
                count = int(json.loads(row.mine or "0") or 0)
                line = _discarded_line(count, who and isolate(who), when and isolate(when))
                record = _("(a contact deleted for good)")
                shown.append(
                    Conflict(row.id, record, None, row.kind, "", "", who, when, line, False)
                )
                continue
            current = _local_row(conn, table, row.row_id)
            record = (
                row.name if current is None and row.name else _record_name(conn, row.tbl, current)
            )
            if row.kind == TAKEN:  # how many changes, to the records its deletion took
                count = int(json.loads(row.mine or "0") or 0)
                line = _taken_line(
                    count, isolate(record), who and isolate(who), when and isolate(when)
                )
                shown.append(
                    Conflict(row.id, record, None, row.kind, "", "", who, when, line, False)
                )
                continue
            mine = _shown(conn, table, row.field, row.mine, zone, names)
            theirs = _shown(conn, table, row.field, row.theirs, zone, names)
            field_label = label(_LABEL_OF.get(row.field, row.field)) if row.field else None
            line = _conflict_line(
                row.kind,
                isolate(record),
                field_label,
                isolate(mine),
                isolate(theirs),
                who and isolate(who),
                when and isolate(when),
                row.message,
            )
            shown.append(
                Conflict(
                    row.id,
                    record,
                    field_label,
                    row.kind,
                    mine,
                    theirs,
                    who,
                    when,
                    line,
                    row.kind in (THEIRS_WON, MINE_WON),
                )
            )
        conn.rollback()
    return shown


def _discarded_line(count: int, who: str | None, when: str | None) -> str:
    return ngettext(
        # TRANSLATORS: {who} a member of the team, {when} a date and time; the contact is not
        # named (they may have been erased at their request)
        "Your change to a contact was not saved: {who} deleted the contact for good on the "
        "server, or erased them ({when}).",
        "Your {n} changes to a contact were not saved: {who} deleted the contact for good on "
        "the server, or erased them ({when}).",
        count,
    ).format(n=format_number(count), who=who or _("someone"), when=when or "")


def _taken_line(count: int, record: str, who: str | None, when: str | None) -> str:
    return ngettext(
        # TRANSLATORS: {record} a record's name (an account), {who} a member of the team,
        # {when} a date and time; the changes were to the records that belonged to it (its
        # contacts, deals, notes …), deleted with it
        "{record}: your change to one of its records was not saved, {who} deleted it for "
        "good ({when}).",
        "{record}: your {n} changes to its records were not saved, {who} deleted it for good "
        "({when}).",
        count,
    ).format(n=format_number(count), record=record, who=who or _("someone"), when=when or "")


def _conflict_line(
    kind: str,
    record: str,
    field_label: str | None,
    mine: str,
    theirs: str,
    who: str | None,
    when: str | None,
    message: str | None,
) -> str:
    someone = who or _("someone")
    if kind == THEIRS_WON:
        return _(
            # TRANSLATORS: {record} a record's name, {field} a field's label, {theirs} the
            # value now stored, {who} a member of the team, {when} a date and time, {mine}
            # the value this laptop had
            "{record}, {field}: “{theirs}” by {who} ({when}) is kept, it was changed later "
            "than yours, “{mine}”."
        ).format(
            record=record, field=field_label, theirs=theirs, who=someone, when=when or "", mine=mine
        )
    if kind == MINE_WON:
        return _(
            # TRANSLATORS: as above; here this laptop's value was kept
            "{record}, {field}: yours, “{mine}”, is kept, it was changed later than “{theirs}” "
            "by {who} ({when})."
        ).format(
            record=record, field=field_label, theirs=theirs, who=someone, when=when or "", mine=mine
        )
    if kind == DELETED:
        return _(
            # TRANSLATORS: {record} a record's name, {field} a field's label, {mine} the value
            # this laptop had, {who} a member of the team, {when} a date and time
            "{record}, {field}: your “{mine}” was not saved, {who} deleted the record for "
            "good ({when})."
        ).format(record=record, field=field_label, mine=mine, who=someone, when=when or "")
    if field_label is not None:
        return _(
            # TRANSLATORS: {record} a record's name, {field} a field's label, {mine} the value
            # this laptop had, {theirs} the value the server keeps, {reason} the server's
            # refusal in one sentence
            "{record}, {field}: the server did not take your “{mine}” and keeps “{theirs}”. "
            "{reason}"
        ).format(record=record, field=field_label, mine=mine, theirs=theirs, reason=message or "")
    return _(
        # TRANSLATORS: {record} a record's name, {reason} the server's refusal in one sentence
        "{record}: the server did not take your change. {reason}"
    ).format(record=record, reason=message or "")


def resolve(db: Database, conflict_id: int, keep: str) -> None:
    """Settle a conflict: ``keep`` is ``"mine"`` or ``"theirs"``. Choosing the value that was
    not kept writes it (a change of the copy, sent at the next synchronisation, stamped now:
    it wins there); choosing the kept one, or settling a refusal, only forgets the conflict."""
    from accountdesk.core.services.conflicts import bumped

    if keep not in ("mine", "theirs"):
        raise ValueError(keep)
    _require_copy(db)
    with db.transaction() as session:
        conn = session.connection()
        row = conn.execute(
            text("SELECT tbl, row_id, field, kind, mine, theirs FROM sync_conflicts WHERE id = :i"),
            {"i": conflict_id},
        ).first()
        if row is None:
            raise UserError(_("There is no conflict {n} (any more).").format(n=conflict_id))
        table = _tables()[row.tbl]
        wanted = None
        if row.kind == THEIRS_WON and keep == "mine":
            wanted = row.mine
        elif row.kind == MINE_WON and keep == "theirs":
            wanted = row.theirs
        if wanted is not None and row.field and _local_row(conn, table, row.row_id) is not None:
            values: dict[str, Any] = {row.field: _from_json(table, row.field, wanted)}
            if "version" in table.c:
                values.update(bumped(table))
            conn.execute(update(table).where(_where_key(table, row.row_id)).values(**values))
            _reindex(conn, _owners_to_index(conn, row.tbl, [row.row_id]))
        conn.execute(text("DELETE FROM sync_conflicts WHERE id = :i"), {"i": conflict_id})


# --- which database the app opens ----------------------------------------------------------------


def copy_of_default_server() -> Path | None:
    """The copy the app and the command line open instead of the default server (the
    ``server.copy`` setting), when it is there."""
    kept = credentials.local_setting(credentials.SERVER_COPY)
    if not kept:
        return None
    path = Path(kept)
    return path if path.exists() else None


def server_of(db: Database) -> str:
    """The server a copy belongs to (its address, without a password)."""
    _require_copy(db)
    with db.engine.connect() as conn:
        url = _get(conn, "server_url")
        conn.rollback()
    assert url is not None
    return url
