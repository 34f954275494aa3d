"""A new SQLite file made at the newest schema in one step, from ``head.sql``.

The Alembic migrations (``core/db/migrations``) are where the schema is written and changed.
Run one after another on a new file they take about 0.2 s: Alembic is slow to import, and
SQLite tables are built again each time a later migration alters them. That was most of
opening a new file (the app's first start, ``accountdesk --db new.db import …``, every test
that makes a database).

``head.sql`` holds the statements that rebuild what the migrations leave in an empty file:
the schema in the order it was created, the rows (Alembic's revision) and the full-text
index's settings. It is written from the migrations by ``scripts/schema_snapshot.py``
(:func:`rebuilding`), and a test makes a file both ways and compares every table, index and
row; the test fails when a migration is added and ``head.sql`` is not written again.

This module imports nothing but the standard library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

#: The statements that make an empty file what the migrations make it (see the module's text).
SNAPSHOT = Path(__file__).with_name("head.sql")

_HEADING = (
    "-- What the Alembic migrations make of an empty SQLite file, statement by statement.\n"
    "-- Written by scripts/schema_snapshot.py; do not edit (see core/db/fresh.py).\n"
)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def rebuilding(conn: sqlite3.Connection) -> list[str]:
    """The statements that make an empty file what ``conn``'s database is: each table,
    index, view and trigger as SQLite keeps it, in the order they were made; the rows of its
    tables; the settings of its FTS5 tables, as FTS5 commands (the tables FTS5 keeps for
    itself are made by their virtual table); ``user_version`` and ``application_id`` when
    set."""
    kinds = {name: kind for _schema, name, kind, *_rest in conn.execute("PRAGMA table_list")}
    own = [
        (kind, name, sql)
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        )
        if not name.startswith("sqlite_") and kinds.get(name) != "shadow"
    ]
    statements = [f"{sql};" for _kind, _name, sql in own]
    for kind, name, sql in own:
        if kind != "table":
            continue
        if kinds.get(name) == "virtual":
            if "fts5" in sql.lower():
                config = f"{name}_config"
                for key, value in conn.execute(
                    f"SELECT quote(k), quote(v) FROM {_quoted(config)} WHERE k != 'version' "
                    "ORDER BY k"
                ):
                    statements.append(
                        f"INSERT INTO {_quoted(name)}({_quoted(name)}, rank) "
                        f"VALUES ({key}, {value});"
                    )
            continue
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({_quoted(name)})")]
        listed = ", ".join(f"quote({_quoted(c)})" for c in columns)
        for row in conn.execute(f"SELECT {listed} FROM {_quoted(name)} ORDER BY rowid"):
            statements.append(f"INSERT INTO {_quoted(name)} VALUES ({', '.join(row)});")
    for pragma in ("user_version", "application_id"):
        value = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
        if value:
            statements.append(f"PRAGMA {pragma} = {int(value)};")
    return statements


def snapshot_text(statements: list[str]) -> str:
    """``head.sql`` as written for ``statements``."""
    return _HEADING + "".join(f"{s}\n" for s in statements)


def statements(text: str | None = None) -> list[str]:
    """The statements of ``head.sql`` (or of ``text``), each whole: a statement ends at the
    first line where SQLite finds it complete."""
    text = SNAPSHOT.read_text(encoding="utf-8") if text is None else text
    found: list[str] = []
    pending = ""
    for line in text.splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"{SNAPSHOT.name} ends inside a statement: {pending.strip()[:60]}")
    return found


def create_at_head(execute: Callable[[str], object]) -> None:
    """Make an empty file what the migrations make it, one statement at a time through
    ``execute`` (a connection's, inside the caller's transaction: a failure leaves the file
    empty)."""
    for statement in statements():
        execute(statement)
