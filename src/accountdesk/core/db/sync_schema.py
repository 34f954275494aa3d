"""The tables and triggers of synchronisation, on both sides (SPEC §10).

**On the team server** (installed by ``accountdesk server init``, run again on an existing
server to add them: :func:`server_statements`): ``sync_log``, one row per change of a synced
record (its table, its key, the fields changed, the hybrid-logical-clock stamp of the change,
who made it and when by the server's clock). No values: what a record holds is read from the
record itself, so erasing a record leaves nothing of it in the log but one tombstone (its key)
for the copies. The log is owned by the administrator; members may read it and nothing else.
Its rows are written only by triggers whose functions run as the administrator
(``SECURITY DEFINER``; a trigger function cannot be called directly), so an entry exists only
when the change did, and names the login that made it (``session_user``). A laptop's pushed
change is an ordinary write as the member's own login (every guard applies); it hands the
change's stamp to the trigger in ``accountdesk.hlc`` (a transaction's setting), which the
trigger takes only when well formed, not ahead of the server's clock and of a node of that
login (``sync_nodes``: a node belongs to the login that stamped with it first).

**On a laptop's copy** (:func:`copy_statements`, run only on a file that is a copy of a
server): ``sync_outbox``, written by triggers in the same transaction as the change (a crash
cannot separate them); ``sync_clock``, the laptop's hybrid logical clock; ``sync_conflicts``;
``sync_state``; and ``sync_applying``, a flag row that only the synchronisation's own
transactions hold (inserted and removed inside them), so that what arrives from the server
is not sent back. A laptop file that is not a copy has none of these, and no triggers.

A stamp is ``MMMMMMMMMMMMMCCCCC@NODE``: milliseconds since 1970 (13 digits), a counter
(5 digits) and the node that made it (a copy's own name, or ``server``), so that the text
order is the clocks' order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy import ColumnElement, Connection, Table, column, select
from sqlalchemy import table as table_clause

from accountdesk.core.db.models import Base

__all__ = [
    "BOOKKEEPING",
    "COPY_TRIGGERS",
    "LOG",
    "PULL_ONLY",
    "copy_statements",
    "copy_triggers_dropped",
    "is_copy_connection",
    "key_columns",
    "server_statements",
    "synced_tables",
    "unsent",
]

LOG = "sync_log"
#: The server's record of which login each copy's node belongs to (the first to stamp with it).
NODES = "sync_nodes"
#: Columns every write changes: they follow the server's row and are never a conflict.
BOOKKEEPING = ("updated_at", "updated_by", "version")
#: Tables a copy takes from the server and never sends back (the team's members).
PULL_ONLY = ("users",)
#: Tables a copy does not keep in step: the personal and team settings, the undo logs of
#: merges and the erasures whose backups are still to clean (each laptop's own).
_NOT_SYNCED = ("settings", "contact_merges", "account_merges", "unfinished_erasures", *PULL_ONLY)
#: Tables whose rows two laptops may each make for the same thing (a unique name): merged by
#: that key, not by id.
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "tags": ("name",),
    "exchange_rates": ("base", "currency", "valid_on"),
}
_KEY_SEPARATOR = "|"
#: The version of a copy's triggers: a copy made with older ones gets them anew at its next
#: synchronisation (:func:`accountdesk.core.db.sync.synchronise`). 2: keys of several columns
#: escaped (:func:`row_key`); 3: a contact's conflicts go with them; 4: the counter carries
#: into the milliseconds past 99999.
COPY_TRIGGERS = "4"
_ESCAPE = "\\"


def synced_tables() -> list[Table]:
    """The tables kept in step, parents before children (the order rows are written in)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in _NOT_SYNCED]


def key_columns(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def row_key(table: Table, row: Mapping[str, object]) -> str:
    """A row's key as the log and the outbox write it: a one-column key is the value itself; a
    key of several columns is their values joined by ``|``, each with its ``\\`` and ``|``
    escaped by a ``\\`` (ids are free text on the server: a member may write ``a|b``), so that
    every key reads back as the values it was made of. The triggers of both sides write the
    same (:func:`_key_sql`); a key of UUIDs is the same text as before escaping existed."""
    columns = key_columns(table)
    if len(columns) == 1:
        return str(row[columns[0]])
    return _KEY_SEPARATOR.join(_escaped(str(row[c])) for c in columns)


def _escaped(part: str) -> str:
    return part.replace(_ESCAPE, _ESCAPE * 2).replace(_KEY_SEPARATOR, _ESCAPE + _KEY_SEPARATOR)


def key_values(table: Table, key: str) -> dict[str, str]:
    """The values of a key :func:`row_key` made; a key that was not made so (a part too many
    or too few) raises ``ValueError``."""
    columns = key_columns(table)
    if len(columns) == 1:
        return {columns[0]: key}
    parts: list[str] = []
    current: list[str] = []
    chars = iter(key)
    for ch in chars:
        if ch == _ESCAPE:
            current.append(next(chars, ""))
        elif ch == _KEY_SEPARATOR:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return dict(zip(columns, parts, strict=True))


def _key_sql(table: Table, row: str, cast: str = "") -> str:
    """SQL of :func:`row_key` for the row ``row`` (``NEW``/``OLD``) in a trigger; the same
    words in PostgreSQL (``cast``: ``::text``) and SQLite."""
    columns = key_columns(table)
    if len(columns) == 1:
        return f"{row}.{columns[0]}{cast}"
    return " || '|' || ".join(
        f"replace(replace({row}.{c}{cast}, '\\', '\\\\'), '|', '\\|')" for c in columns
    )


def _fields(table: Table) -> list[str]:
    keys = set(key_columns(table))
    return [c.name for c in table.columns if c.name not in keys and c.name not in BOOKKEEPING]


# --- the server ----------------------------------------------------------------------------

#: The server's own stamp (its clock, counter 0): changes made online.
_SERVER_STAMP = (
    "lpad(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text, 13, '0') "
    "|| '00000@server'"
)


def _parents_gone(table: Table, row: str) -> str:
    """PL/pgSQL condition: a row ``row`` (OLD) of ``table`` goes with a parent deleted in the
    same statement (a cascade): the parent's tombstone says it for both."""
    checks = []
    for fk in table.foreign_keys:
        if (fk.ondelete or "").upper() != "CASCADE":
            continue
        parent = fk.column.table.name
        column = fk.parent.name
        checks.append(
            f"({row}.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.{parent} p "
            f"WHERE p.{fk.column.name} = {row}.{column}))"
        )
    return " OR ".join(checks) or "false"


def _server_function(table: Table) -> str:
    name = table.name
    key = _key_sql(table, "{row}", "::text")
    return f"""
CREATE OR REPLACE FUNCTION public.accountdesk_sync_{name}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    given text := coalesce(current_setting('accountdesk.hlc', true), '');
    stamp text := {_SERVER_STAMP};
    changed text;
    given_node text;
    node_login text;
BEGIN
    -- a laptop's stamp, when well formed, not ahead of the server's clock and of a node of
    -- this login (the first login to stamp with a node has it: another member's is not taken)
    IF given ~ '^[0-9]{{18}}@[a-z0-9]{{1,32}}$' AND given <= stamp THEN
        given_node := split_part(given, '@', 2);
        IF given_node <> 'server' THEN
            INSERT INTO public.{NODES} (node, login) VALUES (given_node, session_user)
            ON CONFLICT (node) DO NOTHING;
            SELECT n.login INTO node_login FROM public.{NODES} n WHERE n.node = given_node;
            IF node_login = session_user THEN
                stamp := given;
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.{LOG} (tbl, row_id, op, fields, hlc, login, xid)
        VALUES (TG_TABLE_NAME, {key.format(row="NEW")}, 'u', NULL, stamp, session_user,
                pg_current_xact_id()::text::bigint);
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT string_agg(n.key, ',' ORDER BY n.key) INTO changed
        FROM jsonb_each(to_jsonb(NEW)) n
        WHERE n.key NOT IN ('updated_at', 'updated_by', 'version')
          AND (to_jsonb(OLD) -> n.key) IS DISTINCT FROM n.value;
        IF changed IS NOT NULL THEN
            INSERT INTO public.{LOG} (tbl, row_id, op, fields, hlc, login, xid)
            VALUES (TG_TABLE_NAME, {key.format(row="NEW")}, 'u', changed, stamp, session_user,
                    pg_current_xact_id()::text::bigint);
        END IF;
    ELSE
        -- nothing of an erased row stays in the log but its tombstone
        DELETE FROM public.{LOG} WHERE tbl = TG_TABLE_NAME AND row_id = {key.format(row="OLD")};
        IF NOT ({_parents_gone(table, "OLD")}) THEN
            INSERT INTO public.{LOG} (tbl, row_id, op, fields, hlc, login, xid)
            VALUES (TG_TABLE_NAME, {key.format(row="OLD")}, 'd', NULL, stamp, session_user,
                    pg_current_xact_id()::text::bigint);
        END IF;
    END IF;
    RETURN NULL;
END $$"""


def server_statements(groups: tuple[str, ...]) -> list[str]:
    """What ``server init`` runs (as the administrator, after the grants that give members
    every table: the log's rights are taken back here) to make or upgrade the log."""
    both = ", ".join(groups)
    statements = [
        f"""CREATE TABLE IF NOT EXISTS public.{LOG} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tbl text NOT NULL,
            row_id text NOT NULL,
            op char(1) NOT NULL,
            fields text,
            hlc text NOT NULL,
            login text NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp(),
            xid bigint NOT NULL)""",
        f"CREATE INDEX IF NOT EXISTS ix_{LOG}_row ON public.{LOG} (tbl, row_id)",
        f"""CREATE TABLE IF NOT EXISTS public.{NODES} (
            node text PRIMARY KEY, login text NOT NULL)""",
        # a server that kept the log before: each node is the login's that stamped with it first
        f"""INSERT INTO public.{NODES} (node, login)
            SELECT DISTINCT ON (split_part(hlc, '@', 2)) split_part(hlc, '@', 2), login
            FROM public.{LOG} WHERE hlc NOT LIKE '%@server'
            ORDER BY split_part(hlc, '@', 2), id
            ON CONFLICT (node) DO NOTHING""",
        f"REVOKE ALL ON public.{NODES} FROM PUBLIC, {both}",
        f"CREATE INDEX IF NOT EXISTS ix_{LOG}_xid ON public.{LOG} (xid)",
        f"REVOKE ALL ON public.{LOG} FROM PUBLIC, {both}",
        f"GRANT SELECT ON public.{LOG} TO {both}",
        f"REVOKE ALL ON SEQUENCE public.{LOG}_id_seq FROM PUBLIC, {both}",
    ]
    for table in synced_tables():
        statements.append(_server_function(table))
        statements.append(
            f"REVOKE ALL ON FUNCTION public.accountdesk_sync_{table.name}() FROM PUBLIC"
        )
        statements.append(
            f"CREATE OR REPLACE TRIGGER sync_log_{table.name} AFTER INSERT OR UPDATE OR DELETE "
            f"ON public.{table.name} FOR EACH ROW "
            f"EXECUTE FUNCTION public.accountdesk_sync_{table.name}()"
        )
    return statements


# --- a laptop's copy -------------------------------------------------------------------------

_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
_NOT_APPLYING = "NOT EXISTS (SELECT 1 FROM sync_applying)"
#: The highest counter a stamp has room for (5 digits): the next tick carries into the
#: milliseconds, so that the text order stays the clocks' order.
COUNTER_TOP = 99999
_TICK = (
    f"UPDATE sync_clock SET counter = CASE WHEN {_NOW_MS} > ms THEN 0 "
    f"WHEN counter >= {COUNTER_TOP} THEN 0 ELSE counter + 1 END, "
    f"ms = CASE WHEN {_NOW_MS} > ms THEN {_NOW_MS} "
    f"WHEN counter >= {COUNTER_TOP} THEN ms + 1 ELSE ms END WHERE {_NOT_APPLYING};"
)
_STAMP = "printf('%013d%05d@%s', ms, counter, node)"

COPY_TABLES = """
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS sync_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1), ms INTEGER NOT NULL, counter INTEGER NOT NULL,
    node TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
    op TEXT NOT NULL, fields TEXT, hlc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_sync_outbox_row ON sync_outbox (tbl, row_id);
CREATE TABLE IF NOT EXISTS sync_applying (flag INTEGER);
CREATE TABLE IF NOT EXISTS sync_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
    field TEXT, kind TEXT NOT NULL, mine TEXT, theirs TEXT, who TEXT, at TEXT,
    message TEXT, name TEXT, created_at TEXT NOT NULL, contact TEXT);
CREATE INDEX IF NOT EXISTS ix_sync_conflicts_row ON sync_conflicts (tbl, row_id);
"""


def copy_statements() -> list[str]:
    """The triggers of a copy, one set per synced table (``CREATE … IF NOT EXISTS``)."""
    statements = [s.strip() for s in COPY_TABLES.split(";") if s.strip()]
    for table in synced_tables():
        name = table.name
        new_key, old_key = _key_sql(table, "NEW"), _key_sql(table, "OLD")
        fields = _fields(table)
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS sync_insert_{name} AFTER INSERT ON {name} "
            f"WHEN {_NOT_APPLYING} BEGIN {_TICK} "
            f"INSERT INTO sync_outbox (tbl, row_id, op, fields, hlc) "
            f"SELECT '{name}', {new_key}, 'u', NULL, {_STAMP} FROM sync_clock; END"
        )
        if fields:
            differs = " OR ".join(f"OLD.{f} IS NOT NEW.{f}" for f in fields)
            listed = " || ".join(
                f"CASE WHEN OLD.{f} IS NOT NEW.{f} THEN '{f},' ELSE '' END" for f in fields
            )
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS sync_update_{name} AFTER UPDATE ON {name} "
                f"WHEN {_NOT_APPLYING} AND ({differs}) BEGIN {_TICK} "
                f"INSERT INTO sync_outbox (tbl, row_id, op, fields, hlc) "
                f"SELECT '{name}', {new_key}, 'u', rtrim({listed}, ','), {_STAMP} "
                f"FROM sync_clock; END"
            )
        # a contact's conflicts go with them: those of their records deleted before too
        theirs = "DELETE FROM sync_conflicts WHERE contact = OLD.id; " if name == "contacts" else ""
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS sync_delete_{name} AFTER DELETE ON {name} BEGIN "
            f"DELETE FROM sync_outbox WHERE tbl = '{name}' AND row_id = {old_key}; "
            f"DELETE FROM sync_conflicts WHERE tbl = '{name}' AND row_id = {old_key}; {theirs}"
            f"{_TICK} "
            f"INSERT INTO sync_outbox (tbl, row_id, op, fields, hlc) "
            f"SELECT '{name}', {old_key}, 'd', NULL, {_STAMP} FROM sync_clock "
            f"WHERE {_NOT_APPLYING}; END"
        )
    return statements


def unsent(records: Table) -> ColumnElement[bool]:
    """A condition over ``records`` (a synced table with a one-column key), for a query on a
    laptop's copy: the record was changed on the copy and the change is not sent yet (the
    outbox holds it), so the server will stamp it as the copy's member's once it is."""
    outbox = table_clause("sync_outbox", column("tbl"), column("row_id"))
    (key,) = records.primary_key.columns
    return key.in_(select(outbox.c.row_id).where(outbox.c.tbl == records.name))


def is_copy_connection(conn: Connection) -> bool:
    """Whether ``conn`` is a laptop's copy of a team server (it has the copy's tables)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
    ).first()
    return found is not None


@contextmanager
def copy_triggers_dropped(conn: Connection) -> Iterator[None]:
    """Around a schema migration of a laptop file (``conn``: its transaction): on a copy of a
    team server, the outbox's triggers are dropped before (a migration that drops or rebuilds
    a table would stumble on them or lose them) and made anew after, for the new columns; the
    migration's own rewrites of rows are not changes of the user to send. Nothing on a file
    that is not a copy."""
    if conn.dialect.name != "sqlite" or not is_copy_connection(conn):
        yield
        return
    names = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' "
            "ESCAPE '\\'"
        )
    ]
    for name in names:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    _add_missing_columns(conn)
    for statement in copy_statements():
        conn.exec_driver_sql(statement)


def _add_missing_columns(conn: Connection) -> None:
    """The columns of the copy's own tables that a copy made by an older AccountDesk lacks."""
    columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(sync_conflicts)")}
    if "contact" not in columns:  # 2: the contact a conflict is of (erased with them)
        conn.exec_driver_sql("ALTER TABLE sync_conflicts ADD COLUMN contact TEXT")
