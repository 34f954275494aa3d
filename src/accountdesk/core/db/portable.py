"""SQL written once, in SQLite's words, run on a laptop's file or on a team's PostgreSQL server.

The fast paths (lists, search, Today) talk to the DB-API connection directly: sqlite3 or
sqlcipher3 for a file, psycopg for a server. Their statements are written for SQLite, and
:func:`statement` rewrites the few things PostgreSQL says differently:

- placeholders: ``?`` and ``:name`` become ``%s`` and ``%(name)s`` (a literal ``%`` is
  doubled; ``::type`` casts are left alone);
- ``x IS ?`` (equal, or both NULL) becomes ``x IS NOT DISTINCT FROM %s``;
- ``group_concat(value, separator)`` becomes ``string_agg(value, separator)`` (always give the
  separator).

The rewriting does not parse SQL: write no ``?``, ``:word``, ``%`` or ``IS ?`` inside a string
literal of a statement run through here (pass such text as a parameter);
``tests/core/db/test_portable.py`` checks every statement that is.

Values come back as the driver gives them: text for dates and JSON from SQLite, ``date``,
``datetime`` and decoded JSON from psycopg; :func:`as_date`, :func:`as_utc` and
:func:`as_json` take either. What cannot be said the same way on both (full-text matching, a
Python function called by SQLite) has a twin behind one function where it is used.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_IS_PARAM = re.compile(r"\bIS \?")
_GROUP_CONCAT = re.compile(r"\bgroup_concat\(", re.IGNORECASE)


def is_postgres(conn: object) -> bool:
    """True for a psycopg connection (a team server), False for sqlite3 or sqlcipher3."""
    return type(conn).__module__.partition(".")[0] == "psycopg"


def statement(conn: object, sql: str) -> str:
    """``sql`` (SQLite's words and placeholders) as the database behind ``conn`` takes it."""
    if not is_postgres(conn):
        return sql
    sql = sql.replace("%", "%%")
    sql = _IS_PARAM.sub("IS NOT DISTINCT FROM ?", sql)
    sql = _GROUP_CONCAT.sub("string_agg(", sql)
    return _NAMED.sub(r"%(\1)s", sql.replace("?", "%s"))


class Portable:
    """A DB-API connection whose ``execute`` takes SQLite's statements on either database."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.postgres = is_postgres(raw)

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.raw.execute(statement(self.raw, sql), params)


def portable(conn: Any) -> Portable:
    """The DB-API connection under an SQLAlchemy connection (or a DB-API one), portable."""
    raw = getattr(getattr(conn, "connection", None), "driver_connection", None) or conn
    return raw if isinstance(raw, Portable) else Portable(raw)


def as_date(value: str | date | None) -> date | None:
    """A stored date as SQLite's text or psycopg's ``date``."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_utc(value: str | datetime) -> datetime:
    """A stored instant (naive UTC, as text or ``datetime``) as an aware UTC datetime."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC)


def as_json(value: Any) -> Any:
    """A stored JSON value, as SQLite's text or psycopg's already decoded value."""
    return json.loads(value) if isinstance(value, str) else value
