"""A team's shared PostgreSQL server: setting it up, its members, and moving a laptop's file
onto it.

Who may do what is PostgreSQL's own business, so a client that bypasses AccountDesk meets the
same rules:

- The administrator (the role that owns the database and has ``CREATEROLE``; ``server init``
  and ``server add-user`` run as that role) owns every table, sequence and function. Nobody
  else may create anything in the schema (``REVOKE CREATE ON SCHEMA public FROM PUBLIC``), so a
  member's ``DROP TABLE`` or ``ALTER TABLE`` is refused by the server.
- Every member is a login role in one of two group roles, :data:`REP_GROUP` or
  :data:`MANAGER_GROUP`. Both may read and write the data of the whole team (the team works on
  all accounts; a soft delete to the trash is an update); ``users`` (the members) and
  ``alembic_version`` are read-only to reps, and managers may edit members' rows.
- Erasing for good (a purge from the trash, a GDPR erase, a plain ``DELETE``) is guarded by a
  trigger on accounts, contacts and every table with an ``account_id``: it is refused with
  SQLSTATE 42501 unless the role owns the row's account (``accounts.owner``), is a manager, or
  owns the table (the administrator, and the cascades PostgreSQL runs in the owner's name).
  Changing an account's owner is guarded the same way, or a rep could take another rep's
  account and then erase it.

Group roles belong to the whole PostgreSQL cluster: one team per cluster. Running
:func:`init_server` again (after an upgrade of AccountDesk, say: it also runs the migrations)
says what exists and applies grants and guards anew.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.sql.expression import ColumnElement, FromClause

from accountdesk.core import validation as v
from accountdesk.core.bidi import isolate
from accountdesk.core.db import credentials, sync_schema
from accountdesk.core.db.engine import Database, DatabaseOpenError, open_database
from accountdesk.core.db.errors import (
    ERASE_GUARD,
    INDEX_GUARD,
    MOVE_GUARD,
    OWNER_GUARD,
    SETTINGS_GUARD,
    IndexRefused,
    NotAllowed,
)
from accountdesk.core.db.identity import IDENTITY_KEY
from accountdesk.core.db.ids import new_id
from accountdesk.core.db.models import Base, User, table, utcnow
from accountdesk.core.db.search import (
    account_document,
    contact_document,
    index_documents,
    rebuild,
)
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_list, format_number, ngettext
from accountdesk.core.queries.team import MANAGER, REP, ROLES
from accountdesk.core.services.accounts import Owners, team_owners
from accountdesk.core.services.activity import stored_key

__all__ = [
    "MANAGER_GROUP",
    "REP_GROUP",
    "UploadReport",
    "add_user",
    "check_login",
    "guarded_tables",
    "init_server",
    "reindex",
    "upload",
]

REP_GROUP = "accountdesk_rep"
MANAGER_GROUP = "accountdesk_manager"
GROUPS = {REP: REP_GROUP, MANAGER: MANAGER_GROUP}
#: Tables the members read but do not write (managers may edit ``users``).
READ_ONLY = ("users", "alembic_version")
#: PostgreSQL's limit on an identifier, in bytes.
MAX_LOGIN = 63
_LOGIN = re.compile(r"[a-z_][a-z0-9_]*\Z")
#: Names a role cannot have, or that mean something else in SQL.
_RESERVED = frozenset(
    {"public", "none", "all", "user", "current_user", "current_role", "session_user", "default"}
)

#: A new member's password, or a function that asks for it (called only when it is needed).
NewPassword: TypeAlias = str | Callable[[], str]


# --- logins ------------------------------------------------------------------------------


def check_login(text: str) -> str:
    """A member's login as PostgreSQL will keep it (a role name that needs no quoting: lower
    case letters, digits and ``_``, not starting with a digit, at most 63 bytes, not ``pg_…``
    or a word of SQL), or a :class:`UserError` that says why not."""
    login = text.strip()
    problem = None
    if not _LOGIN.match(login):
        problem = _(
            "“{login}” cannot be a login: use lower-case letters a–z, digits and _, and "
            "begin with a letter or _."
        )
    elif len(login.encode()) > MAX_LOGIN:
        problem = _("“{login}” cannot be a login: it is longer than 63 characters.")
    elif login.startswith("pg_") or login in _RESERVED or login in GROUPS.values():
        problem = _("“{login}” cannot be a login: PostgreSQL keeps that name for itself.")
    if problem is not None:
        raise UserError(problem.format(login=v.printable(login)))
    return login


def login_from_email(email: str) -> str:
    """A login made from an e-mail address (``maria.lopez@…`` → ``maria_lopez``), for the
    first manager when none is given; checked like any login."""
    local = email.split("@", 1)[0].lower()
    made = re.sub(r"[^a-z0-9_]", "_", local)
    if made and made[0].isdigit():
        made = "_" + made
    return check_login(made[:MAX_LOGIN])


# --- the guards ----------------------------------------------------------------------------


def guarded_tables() -> list[str]:
    """The tables whose rows only their account's owner or a manager may erase: accounts,
    contacts and every record table with an ``account_id`` (interactions, follow-ups, deals,
    survey answers, gifts, notes). Records go to the trash by an update; links (an account's
    tags) and a contact's important dates are edited by deleting rows, which the team may."""
    return [
        t.name
        for t in Base.metadata.sorted_tables
        if t.name in ("accounts", "contacts") or ("account_id" in t.c and "deleted_at" in t.c)
    ]


# Both functions run as the member who deletes or updates (SECURITY INVOKER); names are
# qualified and the search path fixed, so that a temporary table called "accounts" cannot
# stand in for the real one. The table owner passes: PostgreSQL runs the cascades of a
# foreign key (a contact's notes going with it) in the owner's name.
_IS_TRUSTED = (
    f"pg_catalog.pg_has_role(current_user, '{MANAGER_GROUP}', 'MEMBER') OR "
    "pg_catalog.pg_has_role(current_user, (SELECT c.relowner FROM pg_catalog.pg_class c "
    "WHERE c.oid = TG_RELID), 'MEMBER')"
)
#: PL/pgSQL that sets ``account_ref`` to the account the row ``old_row`` (jsonb) belongs
#: to: the row itself for an account, else its ``account_id``, else its contact's account.
_ACCOUNT_OF_OLD = """
    IF TG_TABLE_NAME = 'accounts' THEN
        account_ref := old_row ->> 'id';
    ELSE
        account_ref := old_row ->> 'account_id';
        IF account_ref IS NULL AND old_row ? 'contact_id' THEN
            SELECT c.account_id INTO account_ref FROM public.contacts c
            WHERE c.id = old_row ->> 'contact_id';
        END IF;
    END IF;
    SELECT a.owner INTO holder FROM public.accounts a WHERE a.id = account_ref;
"""


def account_owner(name: str) -> tuple[FromClause, ColumnElement[Any]]:
    """The rows of the table ``name`` joined to the owner of the account each belongs to, as
    the erase guard finds it for one row (:data:`_ACCOUNT_OF_OLD`, the same rule over a whole
    table): the row itself for an account, else its ``account_id``, else its contact's
    account. The join and the owner's column (NULL: no owner, or no account)."""
    tables = Base.metadata.tables
    rows = tables[name]
    if name == "accounts":
        return rows, rows.c.owner
    source: FromClause = rows
    account_ref: ColumnElement[Any] = rows.c.account_id
    if "contact_id" in rows.c:
        contacts = tables["contacts"].alias("owning_contact")
        source = source.outerjoin(contacts, contacts.c.id == rows.c.contact_id)
        account_ref = func.coalesce(rows.c.account_id, contacts.c.account_id)
    accounts = tables["accounts"].alias("owning_account")
    return source.outerjoin(accounts, accounts.c.id == account_ref), accounts.c.owner


_ERASE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_erase() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    old_row jsonb := to_jsonb(OLD);
    account_ref text;
    holder text;
BEGIN
    IF {_IS_TRUSTED} THEN
        RETURN OLD;
    END IF;
{_ACCOUNT_OF_OLD}
    IF holder IS NOT NULL AND holder = current_user::text THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'only the owner of account % or a manager may erase rows of %',
        account_ref, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{ERASE_GUARD}';
END
$$
"""
# Moving a record to another account or contact is erasing it from where it was (and a rep
# could move another rep's note onto a contact of their own, then erase that contact: the
# cascade runs in the owner's name), so the erase rule applies to the row as it was.
_MOVE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_move() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    old_row jsonb := to_jsonb(OLD);
    new_row jsonb := to_jsonb(NEW);
    account_ref text;
    holder text;
BEGIN
    IF (old_row -> 'account_id') IS NOT DISTINCT FROM (new_row -> 'account_id')
       AND (old_row -> 'contact_id') IS NOT DISTINCT FROM (new_row -> 'contact_id') THEN
        RETURN NEW;
    END IF;
    IF {_IS_TRUSTED} THEN
        RETURN NEW;
    END IF;
{_ACCOUNT_OF_OLD}
    IF holder IS NOT NULL AND holder = current_user::text THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only the owner of account % or a manager may move rows of % elsewhere',
        account_ref, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{MOVE_GUARD}';
END
$$
"""
# An interaction's participants (a link table): removing or re-pointing a link is for the
# owner of the interaction's account or of the contact's account, or a manager (the cascades
# of an erased contact or interaction pass as the table owner's).
_PARTICIPANTS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_participants() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.interaction_id IS NOT DISTINCT FROM OLD.interaction_id
       AND NEW.contact_id IS NOT DISTINCT FROM OLD.contact_id THEN
        RETURN NEW;
    END IF;
    IF ({_IS_TRUSTED})
       OR EXISTS (SELECT 1 FROM public.interactions i JOIN public.accounts a
                  ON a.id = i.account_id
                  WHERE i.id = OLD.interaction_id AND a.owner = current_user::text)
       OR EXISTS (SELECT 1 FROM public.contacts c JOIN public.accounts a ON a.id = c.account_id
                  WHERE c.id = OLD.contact_id AND a.owner = current_user::text) THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'only the owner of the account or a manager may remove a participant'
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{ERASE_GUARD}';
    END IF;
    RAISE EXCEPTION 'only the owner of the account or a manager may move a participant'
        USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{MOVE_GUARD}';
END
$$
"""
_OWNER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_owner() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.owner IS DISTINCT FROM OLD.owner
       AND OLD.owner IS DISTINCT FROM current_user::text
       AND NOT ({_IS_TRUSTED}) THEN
        RAISE EXCEPTION 'only the owner of account % or a manager may change its owner', OLD.id
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{OWNER_GUARD}';
    END IF;
    RETURN NEW;
END
$$
"""
# A person's own settings ('<login>/<key>', services/activity.stored_key) are written by
# that login or a manager; the team's (no '/') by anyone.
_SETTINGS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_settings() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    touched text[];
    one text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        touched := ARRAY[NEW.key];
    ELSIF TG_OP = 'DELETE' THEN
        touched := ARRAY[OLD.key];
    ELSE
        touched := ARRAY[OLD.key, NEW.key];
    END IF;
    IF NOT ({_IS_TRUSTED}) THEN
        FOREACH one IN ARRAY touched LOOP
            IF strpos(one, '/') > 0 AND split_part(one, '/', 1) <> current_user::text THEN
                RAISE EXCEPTION 'only % or a manager may change the setting %',
                    split_part(one, '/', 1), one
                    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{SETTINGS_GUARD}';
            END IF;
        END LOOP;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$
"""
#: The most rows of the search index a member who is not a manager removes in one statement
#: (the app removes one document's rows at a time; a rebuild is a manager's).
INDEX_DELETE_LIMIT = 50
#: The search index's tables (core/db/search.py).
INDEX_TABLES = ("search_docs", "search_fts", "search_keys")
_INDEX_FUNCTION = f"""
CREATE OR REPLACE FUNCTION public.accountdesk_guard_index() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT ({_IS_TRUSTED})
       AND (SELECT count(*) FROM gone) > {INDEX_DELETE_LIMIT} THEN
        RAISE EXCEPTION 'only a manager may remove more than % rows of % at once',
            {INDEX_DELETE_LIMIT}, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege', CONSTRAINT = '{INDEX_GUARD}';
    END IF;
    RETURN NULL;
END
$$
"""


def _guard_statements() -> list[str]:
    statements = [
        _ERASE_FUNCTION,
        _MOVE_FUNCTION,
        _PARTICIPANTS_FUNCTION,
        _OWNER_FUNCTION,
        _SETTINGS_FUNCTION,
        _INDEX_FUNCTION,
    ]
    for name in guarded_tables():
        statements.append(
            f"CREATE OR REPLACE TRIGGER guard_erase_{name} BEFORE DELETE ON public.{name} "
            "FOR EACH ROW EXECUTE FUNCTION public.accountdesk_guard_erase()"
        )
        columns = Base.metadata.tables[name].c
        moved = ", ".join(c for c in ("account_id", "contact_id") if c in columns)
        if moved:
            statements.append(
                f"CREATE OR REPLACE TRIGGER guard_move_{name} BEFORE UPDATE OF {moved} "
                f"ON public.{name} FOR EACH ROW EXECUTE FUNCTION public.accountdesk_guard_move()"
            )
    statements += [
        "CREATE OR REPLACE TRIGGER guard_owner_accounts BEFORE UPDATE OF owner "
        "ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.accountdesk_guard_owner()",
        "CREATE OR REPLACE TRIGGER guard_participants BEFORE DELETE OR UPDATE OF "
        "interaction_id, contact_id ON public.interaction_participants FOR EACH ROW "
        "EXECUTE FUNCTION public.accountdesk_guard_participants()",
        "CREATE OR REPLACE TRIGGER guard_settings BEFORE INSERT OR UPDATE OR DELETE "
        "ON public.settings FOR EACH ROW EXECUTE FUNCTION public.accountdesk_guard_settings()",
    ]
    for name in INDEX_TABLES:
        statements.append(
            f"CREATE OR REPLACE TRIGGER guard_index_{name} AFTER DELETE ON public.{name} "
            "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
            "EXECUTE FUNCTION public.accountdesk_guard_index()"
        )
    return statements


def _grant_statements() -> list[str]:
    both = f"{REP_GROUP}, {MANAGER_GROUP}"
    read_only = ", ".join(f"public.{name}" for name in READ_ONLY)
    return [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {both}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {both}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {read_only} FROM {both}",
        f"GRANT INSERT, UPDATE ON public.users TO {MANAGER_GROUP}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}",
        # tables a later migration adds are the team's data too (run as the administrator)
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {both}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {both}",
    ]


# --- set-up --------------------------------------------------------------------------------


def _raw(conn: Connection) -> Any:
    """The psycopg connection under ``conn`` (statements with their own ``%`` and
    ``psycopg.sql`` compositions go to it directly, inside the same transaction)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _scalar(raw: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    row = raw.execute(sql, params).fetchone()
    return None if row is None else row[0]


def _open_admin(admin: str | Database) -> tuple[Database, bool]:
    """The database as its administrator, migrated; and whether it had to be."""
    if isinstance(admin, Database):
        return admin, False
    try:
        return open_database(admin, upgrade=False), False
    except DatabaseOpenError:  # an empty database, or an older schema: the migrations
        return open_database(admin), True


def _require_server(db: Database) -> None:
    if not db.is_postgres:
        raise UserError(
            _("{target} is not a PostgreSQL server; a team server is set up on one.").format(
                target=db.path or db.url
            )
        )


def _require_administrator(raw: Any, db: Database) -> None:
    """The connected role can create roles and owns the database (or is a superuser)."""
    row = raw.execute(
        "SELECT r.rolsuper, r.rolcreaterole, pg_catalog.pg_has_role(current_user, d.datdba, "
        "'MEMBER') FROM pg_catalog.pg_roles r, pg_catalog.pg_database d "
        "WHERE r.rolname = current_user AND d.datname = current_database()"
    ).fetchone()
    superuser, creates_roles, owns = row
    if not superuser and not (creates_roles and owns):
        raise UserError(
            _(
                "The role {login} cannot set up the team on {server}: run this as the "
                "database's administrator, a role that owns the database and may create "
                "roles (CREATEROLE)."
            ).format(login=db.login, server=credentials.server_address(db.url))
        )


def _create_groups(raw: Any) -> list[str]:
    """Create the missing group roles; returns the ones created."""
    created = []
    for group in (REP_GROUP, MANAGER_GROUP):
        if _scalar(raw, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (group,)):
            continue
        raw.execute(f"CREATE ROLE {group} NOLOGIN")
        created.append(group)
    return created


def _secret(raw: Any, login: str, password: str) -> str:
    """The SCRAM verifier of ``password`` (made here, as psql's \\password does, so that the
    password itself never reaches the server or its log)."""
    made: bytes = raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return made.decode("ascii")


def _add_member(
    conn: Connection,
    login: str,
    name: str,
    email: str | None,
    role: str,
    password: NewPassword,
    *,
    exists_ok: bool,
) -> str:
    """Create the login role in its group and the member's ``users`` row, in ``conn``'s
    transaction; the sentence that says what was done."""
    from psycopg import errors as pg_errors
    from psycopg import sql

    raw = _raw(conn)
    users = table(User)
    has_role = bool(_scalar(raw, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (login,)))
    row = conn.execute(select(users.c.id, users.c.role).where(users.c.login == login)).first()
    if has_role and row is not None:
        if not exists_ok:
            raise UserError(
                _("{login} is on the team already; nothing was changed.").format(login=login)
            )
        return _("{login} is on the team already.").format(login=login)
    if has_role:
        raise UserError(
            _(
                "The server has a role named {login} already, which is not a member of the "
                "team; choose another login. Nothing was changed."
            ).format(login=login)
        )
    text = credentials.check_new_password(password() if callable(password) else password)
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(login), sql.Literal(_secret(raw, login, text)), sql.Identifier(GROUPS[role])
    )
    try:
        raw.execute(statement)
    except pg_errors.DuplicateObject as exc:  # made meanwhile by someone else
        raise UserError(
            _("The server has a role named {login} already; nothing was changed.").format(
                login=login
            )
        ) from exc
    now = utcnow()
    values = {"name": name, "email": email, "role": role, "deleted_at": None, "updated_at": now}
    if row is None:
        conn.execute(
            insert(users).values(id=new_id(), login=login, created_at=now, version=1, **values)
        )
    else:  # a member whose role was dropped: signed in again, with their row as it is now
        conn.execute(users.update().where(users.c.id == row.id).values(**values))
    if role == MANAGER:
        return _("{name} ({login}) is on the team now, as a manager.").format(
            name=name, login=login
        )
    return _("{name} ({login}) is on the team now, as a rep.").format(name=name, login=login)


def _member_fields(name: str, email: str | None, role: str) -> tuple[str, str | None]:
    if role not in ROLES:
        raise UserError(
            _("“{role}” is not a role on the team; write rep or manager.").format(role=role)
        )
    clean_name = v.required("name", name)
    clean_email = v.email(email) if email and email.strip() else None
    return clean_name, clean_email


def init_server(
    admin: str | Database,
    *,
    name: str,
    email: str | None,
    password: NewPassword,
    login: str | None = None,
) -> list[str]:
    """Set up a team server (see the module doc) as its administrator (``admin``: a URL or
    an open database) and make ``login`` (default: from the e-mail address) its first
    manager. ``password``: the manager's, or a function that asks for it (only called when
    the manager is created). Returns what was done, in sentences; running it again changes
    only what is missing."""
    if login is None:
        if not email:
            raise UserError(_("Give the first manager's login (--login) or e-mail address."))
        login = login_from_email(email)
    login = check_login(login)
    clean_name, clean_email = _member_fields(name, email, MANAGER)
    db, migrated = _open_admin(admin)
    try:
        _require_server(db)
        address = credentials.server_address(db.url)
        lines = [
            _("Created AccountDesk's tables on {server}.").format(server=address)
            if migrated
            else _("AccountDesk's tables on {server} are up to date.").format(server=address)
        ]
        with db.engine.begin() as conn:
            raw = _raw(conn)
            _require_administrator(raw, db)
            created = _create_groups(raw)
            for statement in (
                *_grant_statements(),
                *_guard_statements(),
                *sync_schema.server_statements((REP_GROUP, MANAGER_GROUP)),
            ):
                raw.execute(statement)
            lines.append(
                _("Created the group roles {rep} and {manager}.").format(
                    rep=REP_GROUP, manager=MANAGER_GROUP
                )
                if created
                else _("The group roles {rep} and {manager} exist already.").format(
                    rep=REP_GROUP, manager=MANAGER_GROUP
                )
            )
            lines.append(
                _(
                    "Members may read and write the team's data but not change the structure; "
                    "only an account's owner or a manager may erase its records."
                )
            )
            lines.append(
                _add_member(conn, login, clean_name, clean_email, MANAGER, password, exists_ok=True)
            )
        return lines
    finally:
        if not isinstance(admin, Database):
            db.close()


def add_user(
    admin: str | Database,
    login: str,
    name: str,
    email: str | None,
    role: str,
    password: NewPassword,
) -> str:
    """Add a member to the team (as the administrator): a login role in the group of
    ``role`` (rep or manager) with ``password`` (a function that asks for it, or the text),
    and their ``users`` row, in one transaction. Returns the sentence that says so."""
    login = check_login(login)
    clean_name, clean_email = _member_fields(name, email, role)
    db = admin if isinstance(admin, Database) else open_database(admin)
    try:
        _require_server(db)
        with db.engine.begin() as conn:
            raw = _raw(conn)
            _require_administrator(raw, db)
            missing = [
                g
                for g in GROUPS.values()
                if not _scalar(raw, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (g,))
            ]
            if missing:
                raise UserError(
                    _(
                        "The team on {server} is not set up yet: run accountdesk server init first."
                    ).format(server=credentials.server_address(db.url))
                )
            return _add_member(
                conn, login, clean_name, clean_email, role, password, exists_ok=False
            )
    finally:
        if not isinstance(admin, Database):
            db.close()


# --- the search index ---------------------------------------------------------------------


def reindex(db: Database) -> int:
    """Rebuild the team's search index from the records (a manager's or the
    administrator's: the index guard refuses a rep's, said here as what they ran); returns the
    number of documents."""
    try:
        with db.engine.begin() as conn:
            return rebuild(conn)
    except IndexRefused as exc:
        raise NotAllowed(_("Only a manager can rebuild the team's search index.")) from exc


# --- upload ---------------------------------------------------------------------------------

#: Tables whose rows are matched on the server by what they are, not refused by id: tags (by
#: name), exchange rates (by pair and day), members (the team's own, made by add-user).
_MATCHED = ("tags", "exchange_rates", "users", "settings")
_CHUNK = 5000


def _records(table_name: str, n: int) -> str:
    """``n`` rows of a table, in words ("3 contacts"); "" for a table of links."""
    count = format_number(n)
    phrases = {
        "accounts": lambda: ngettext("{n} account", "{n} accounts", n),
        "contacts": lambda: ngettext("{n} contact", "{n} contacts", n),
        "interactions": lambda: ngettext("{n} interaction", "{n} interactions", n),
        "follow_ups": lambda: ngettext("{n} follow-up", "{n} follow-ups", n),
        "deals": lambda: ngettext("{n} deal", "{n} deals", n),
        "survey_responses": lambda: ngettext("{n} survey answer", "{n} survey answers", n),
        "gifts": lambda: ngettext("{n} gift", "{n} gifts", n),
        "notes": lambda: ngettext("{n} note", "{n} notes", n),
        "important_dates": lambda: ngettext("{n} important date", "{n} important dates", n),
        "country_notes": lambda: ngettext("{n} country note", "{n} country notes", n),
        "contact_merges": lambda: ngettext("{n} merge of contacts", "{n} merges of contacts", n),
        "account_merges": lambda: ngettext("{n} merge of accounts", "{n} merges of accounts", n),
        "tags": lambda: ngettext("{n} tag", "{n} tags", n),
        "exchange_rates": lambda: ngettext("{n} exchange rate", "{n} exchange rates", n),
        "settings": lambda: ngettext("{n} setting", "{n} settings", n),
    }
    found = phrases.get(table_name)
    return "" if found is None else found().format(n=count)


#: The order in which counts are told (the records people know first).
_TOLD = (
    "accounts", "contacts", "interactions", "follow_ups", "deals", "survey_responses", "gifts",
    "notes", "important_dates", "country_notes", "contact_merges", "account_merges", "tags",
    "exchange_rates", "settings",
)  # fmt: skip


def _told(counts: Mapping[str, int]) -> list[str]:
    return [_records(name, counts[name]) for name in _TOLD if counts.get(name)]


@dataclass
class UploadReport:
    """What an upload wrote (rows per table) and what it matched or left out."""

    source: str
    server: str
    #: rows written, per table name
    counts: dict[str, int] = field(default_factory=dict)
    #: how the accounts' owners became the team's (who got which)
    owners: Owners | None = None
    #: tags already on the server under the same name (the file's links use the server's)
    shared_tags: int = 0
    #: exchange rates the server had for the same pair and day (the server's are kept)
    kept_rates: int = 0
    #: the file's personal settings (services/activity.PERSONAL_SETTINGS) stored as the
    #: uploader's own ('<login>/<key>')
    personal_settings: int = 0
    #: settings the server had already (the team's, or the uploader's own): the server's kept
    kept_settings: int = 0

    @property
    def owner(self) -> str | None:
        """The member given the accounts the file gives no member."""
        return None if self.owners is None else self.owners.default

    @property
    def owned(self) -> int:
        """Accounts that had no owner, given :attr:`owner`."""
        return 0 if self.owners is None else self.owners.owned

    @property
    def rehomed(self) -> int:
        """Accounts whose owner in the file (free text: a laptop's "Anna Ozola") is no
        member, given :attr:`owner`."""
        return 0 if self.owners is None else self.owners.rehomed

    @property
    def former_owners(self) -> list[str]:
        """The owners of :attr:`rehomed` in the file."""
        return [] if self.owners is None else sorted(self.owners.former)

    def lines(self) -> list[str]:
        items = _told(self.counts)
        if not items:
            return [_("{file} holds no records; nothing was uploaded.").format(file=self.source)]
        lines = [
            _("Uploaded {file} to {server}: {items}.").format(
                file=self.source, server=self.server, items=format_list(items)
            )
        ]
        if self.owners is not None and self.owned:
            lines.append(
                ngettext(
                    "{n} account that had no owner now belongs to {owner}.",
                    "{n} accounts that had no owner now belong to {owner}.",
                    self.owned,
                ).format(
                    n=format_number(self.owned),
                    owner=isolate(self.owners.shown(self.owners.default or "")),
                )
            )
        if self.owners is not None:
            lines += self.owners.remarks()
        if self.shared_tags:
            lines.append(
                ngettext(
                    "{n} tag was on the server already; the uploaded records share it.",
                    "{n} tags were on the server already; the uploaded records share them.",
                    self.shared_tags,
                ).format(n=format_number(self.shared_tags))
            )
        if self.kept_rates:
            lines.append(
                ngettext(
                    "{n} exchange rate was on the server already for its day; the server's "
                    "was kept.",
                    "{n} exchange rates were on the server already for their day; the "
                    "server's were kept.",
                    self.kept_rates,
                ).format(n=format_number(self.kept_rates))
            )
        if self.personal_settings:
            lines.append(
                ngettext(
                    "{n} of the file's personal settings (zone, country, language, calendar, "
                    "lock, backups) is now yours on the server.",
                    "{n} of the file's personal settings (zone, country, language, calendar, "
                    "lock, backups) are now yours on the server.",
                    self.personal_settings,
                ).format(n=format_number(self.personal_settings))
            )
        if self.kept_settings:
            lines.append(
                ngettext(
                    "{n} setting of the file was set on the server already; the server's was kept.",
                    "{n} settings of the file were set on the server already; the server's "
                    "were kept.",
                    self.kept_settings,
                ).format(n=format_number(self.kept_settings))
            )
        return lines


def _read_file(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.reader() as session:
        conn = session.connection()
        return {
            t.name: [dict(r._mapping) for r in conn.execute(t.select())]
            for t in Base.metadata.sorted_tables
        }


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _on_server(conn: Connection, source: Table, ids: Sequence[Any]) -> set[Any]:
    found: set[Any] = set()
    for chunk in _chunks(ids):
        found.update(conn.scalars(select(source.c.id).where(source.c.id.in_(chunk))))
    return found


def _refuse_clashes(conn: Connection, rows: Mapping[str, list[dict[str, Any]]], file: str) -> None:
    """Nothing is written when a record of the file is on the server already (the same file
    uploaded twice, or a copy of it)."""
    clashes: dict[str, int] = {}
    for t in Base.metadata.sorted_tables:
        if t.name in _MATCHED or "id" not in t.c or not rows.get(t.name):
            continue
        there = _on_server(conn, t, [r["id"] for r in rows[t.name]])
        if there:
            clashes[t.name] = len(there)
    if clashes:
        raise UserError(
            _(
                "{items} of {file} are on the server already (was it uploaded before?), so "
                "nothing was uploaded."
            ).format(items=format_list(_told(clashes)), file=file)
        )


def _prepare(
    conn: Connection,
    rows: dict[str, list[dict[str, Any]]],
    uploader: Database,
    report: UploadReport,
) -> dict[str, list[dict[str, Any]]]:
    """The rows to insert: tags matched by name, rates and settings the server has left out,
    the file's personal settings as ``uploader``'s own, members left out (the team's are made
    by add-user). (The accounts' owners are the team's already: :func:`upload`.)"""
    tags = Base.metadata.tables["tags"]
    by_name = {name: id_ for id_, name in conn.execute(select(tags.c.id, tags.c.name))}
    same: dict[str, str] = {}
    new_tags = []
    for tag in rows["tags"]:
        there = by_name.get(tag["name"])
        if there is None and _on_server(conn, tags, [tag["id"]]):
            there = tag["id"]
        if there is None:
            new_tags.append(tag)
        else:
            same[tag["id"]] = there
    report.shared_tags = len(same)
    out = dict(rows)
    out["tags"] = new_tags
    for link in ("account_tags", "contact_tags"):
        out[link] = [{**r, "tag_id": same.get(r["tag_id"], r["tag_id"])} for r in rows[link]]
    rates = Base.metadata.tables["exchange_rates"]
    known = {
        tuple(r) for r in conn.execute(select(rates.c.base, rates.c.currency, rates.c.valid_on))
    }
    out["exchange_rates"] = [
        r for r in rows["exchange_rates"] if (r["base"], r["currency"], r["valid_on"]) not in known
    ]
    report.kept_rates = len(rows["exchange_rates"]) - len(out["exchange_rates"])
    settings = Base.metadata.tables["settings"]
    present = set(conn.scalars(select(settings.c.key)))
    out["settings"] = []
    for r in rows["settings"]:
        if r["key"] == IDENTITY_KEY:  # the file's own identity, never the server's
            continue
        key = stored_key(uploader, r["key"])  # a person's own: the uploader's on the server
        if key in present:
            report.kept_settings += 1
            continue
        if key != r["key"]:
            report.personal_settings += 1
        out["settings"].append({**r, "key": key})
    out["users"] = []
    return out


def _documents(rows: Mapping[str, list[dict[str, Any]]]) -> list[Any]:
    """The search documents of the live accounts and contacts among ``rows`` (the builders
    of :mod:`accountdesk.core.db.search`, with their tags)."""
    names = {t["id"]: t["name"] for t in rows["tags"]}
    tags_of: dict[str, list[str]] = {}
    for link, key in (("account_tags", "account_id"), ("contact_tags", "contact_id")):
        for r in rows[link]:
            if r["tag_id"] in names:
                tags_of.setdefault(r[key], []).append(names[r["tag_id"]])
    docs = []
    for name, make in (("accounts", account_document), ("contacts", contact_document)):
        for r in rows[name]:
            if r.get("deleted_at") is None:
                docs.append(make(r, sorted(tags_of.get(r["id"], ()))))
    return docs


def upload(
    source: str | Path | Database,
    server: str | Database,
    owner: str | None = None,
) -> UploadReport:
    """Copy a laptop's SQLite file (plain or encrypted) into a team server in one transaction:
    every table in foreign-key order, trash included, with the search index for what arrived.
    An account's owner becomes the team's (:class:`~accountdesk.core.services.accounts.Owners`):
    a member's name written in the file becomes their login, and accounts without an owner, or
    whose owner is no member (a laptop's free text), get ``owner`` (a member's login; default:
    the uploader's). The file's personal settings
    ("Me", language, calendar, lock, backups: services/activity.stored_key) arrive as the
    uploader's own, the team's as they are; a setting the server has already is kept, and the
    file's identity stays behind. Tags are matched by name and exchange rates by pair and
    day. When a record of the file is on the server already, nothing is written
    (:class:`UserError` saying how many of which kind)."""
    src = source if isinstance(source, Database) else open_database(source, create=False)
    dst = server if isinstance(server, Database) else open_database(server)
    try:
        if src.path is None:
            raise UserError(
                _(
                    "{target} is not a file: upload copies a laptop's database file to the server."
                ).format(target=src.url)
            )
        _require_server(dst)
        file = str(src.path)
        rows = _read_file(src)
        report = UploadReport(file, credentials.server_address(dst.url))
        who = owner.strip() if owner else dst.login
        assert who is not None
        with dst.transaction() as session:
            conn = session.connection()
            # the owners on the team (services/accounts.Owners: the rule of the imports too)
            owners = team_owners(conn, who)
            # --owner names a member by their login or their name, as a file's owners may
            owners.default = who = owners.member(who) or who
            accounts = [{**a, "owner": owners.of(a.get("owner"))} for a in rows["accounts"]]
            if who not in (owners.team or {}) and (owner or owners.owned or owners.rehomed):
                raise UserError(
                    _(
                        "{login} is not a member of the team on {server}, so the accounts "
                        "without an owner on the team cannot be given to them: name a member "
                        "with --owner LOGIN. Nothing was uploaded."
                    ).format(login=who, server=report.server)
                )
            _refuse_clashes(conn, rows, file)
            report.owners = owners
            plan = _prepare(conn, {**rows, "accounts": accounts}, dst, report)
            from accountdesk.core.io.json_io import insert_rows

            insert_rows(conn, plan)
            index_documents(conn, _documents(rows), fresh=True)
            report.counts = {t.name: len(plan[t.name]) for t in Base.metadata.sorted_tables}
        return report
    finally:
        if not isinstance(source, Database):
            src.close()
        if not isinstance(server, Database):
            dst.close()
