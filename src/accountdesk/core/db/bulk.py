"""Fast bulk inserts for imports and demo data, inside the caller's transaction.

On SQLite the rows go straight to the driver's ``executemany`` with values converted the way
the column types store them (the same text and integers SQLAlchemy writes); elsewhere this
is an ordinary Core ``insert``. A test checks that both paths store identical rows.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, Table, insert

from accountdesk.core.db.models import Money, UTCDateTime

Converter = Callable[[Any], Any]


@lru_cache(maxsize=256)  # a chunk stamps all its rows with one created_at/updated_at
def _datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetimes are not stored; attach a zone first")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _money(value: Decimal | None) -> int | None:
    return None if value is None else int((Decimal(value) * 1000).to_integral_value())


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def _bool(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, UTCDateTime):
        return _datetime
    if isinstance(column_type, Money):
        return _money
    if isinstance(column_type, JSON):
        return _json
    if isinstance(column_type, Boolean):
        return _bool
    if isinstance(column_type, Date):
        return _date
    return None


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with every column the table needs) into ``table``."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0].keys())
    converters = [_converter(table.c[name].type) for name in names]
    plain = [i for i, c in enumerate(converters) if c is None]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    pick = itemgetter(*names)  # every column of a row in one C call
    if len(names) == 1:
        values: list[Sequence[Any]] = [(pick(row),) for row in rows]
    elif len(plain) == len(names):
        values = [pick(row) for row in rows]
    else:
        convert = [(i, c) for i, c in enumerate(converters) if c is not None]
        values = []
        for row in rows:
            cells = list(pick(row))
            for i, conv in convert:
                cells[i] = conv(cells[i])
            values.append(cells)
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.executemany(sql, values)


@contextlib.contextmanager
def indexes_deferred(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """On SQLite, the secondary indexes of ``tables`` dropped inside the block and made again,
    as the database itself defines them, when it ends without an error (one sort of each
    index instead of a B-tree insertion a row: for a load into empty tables). After an error
    the caller's transaction rolls back, dropping included. Elsewhere nothing is changed."""
    if conn.dialect.name != "sqlite" or not tables:
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    marks = ", ".join("?" * len(tables))
    found = raw.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    for name, _sql in found:
        raw.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in found:
        raw.execute(sql)


def insert_unless_there(conn: Connection, table: Table, values: Mapping[str, Any]) -> None:
    """Insert one row unless a row with the same key (or unique value) is already there (SQLite
    and PostgreSQL both say ON CONFLICT DO NOTHING, in their own dialects)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        conn.execute(postgresql.insert(table).values(values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects import sqlite

        conn.execute(sqlite.insert(table).values(values).on_conflict_do_nothing())
