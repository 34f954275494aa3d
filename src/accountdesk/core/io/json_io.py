"""A full JSON export of the database, and its import into an empty database.

The document::

    {"format": "accountdesk-export", "version": 1, "schema": "<revision>",
     "exported_at": "<instant>", "tables": {"accounts": [{...}, ...], ...}}

``version`` is the version of this document's layout (a reader refuses a newer one);
``schema`` the database schema the rows follow (an Alembic revision this app knows). Every
table is there with every row, trash included, except the database's own identity
(``database.id`` in ``settings``: it keys this database's backups, and a database made from
the export has its own). Dates and instants are ISO 8601 (instants in UTC), money and other
exact numbers decimal strings, JSON columns as they are.

:func:`import_json` reads it back into an empty database, all or nothing, in one
transaction: every value is checked against its column (type, length, required, the record
it points at), and accounts, contacts, their important dates and tags also through the
services' checks (:mod:`accountdesk.core.services.accounts`), which must accept each value as
it is. The search index is rebuilt from what was imported. An export, imported into an empty
database and exported again, gives the same document apart from ``exported_at``. A
``progress(done, total)`` callback that returns False cancels the import, as the CSV import's
does, up to the moment before the transaction commits: nothing is written.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Table,
    TypeDecorator,
    bindparam,
    func,
    insert,
    select,
    update,
)

from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db import search
from accountdesk.core.db.engine import KNOWN_REVISIONS, Database, schema_revision
from accountdesk.core.db.identity import IDENTITY_KEY
from accountdesk.core.db.models import Base, Money
from accountdesk.core.errors import ImportFailed
from accountdesk.core.i18n import _, format_number, ltr_shown, ngettext
from accountdesk.core.io.refusal import cancelled, nothing_imported, unreadable
from accountdesk.core.records import (
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
    earlier_periods,
)
from accountdesk.core.validation import ValidationError, keeping, printable, storable_money

FORMAT = "accountdesk-export"
VERSION = 1
MAX_PROBLEMS = 50


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _exported(table: Table) -> Any:
    """The rows of ``table`` the export holds: all of them, but the database's identity, in
    the order of their primary key (not the order SQLite happens to store them in, so that
    two databases with the same rows give the same document)."""
    query = select(table).order_by(*table.primary_key.columns)
    if table.name == "settings":
        query = query.where(table.c.key != IDENTITY_KEY)
    return query


def export_json(db: Database, out: IO[str], clock: Clock = system_clock) -> dict[str, int]:
    """Write the export to ``out``; returns the number of rows per table."""
    counts: dict[str, int] = {}
    out.write("{")
    header = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema_revision(db),
        "exported_at": clock().isoformat(),
    }
    for key, value in header.items():
        out.write(f"{json.dumps(key)}: {json.dumps(value)}, ")
    out.write('"tables": {')
    with db.reader() as session:
        conn = session.connection()
        for t_index, table in enumerate(Base.metadata.sorted_tables):
            if t_index:
                out.write(", ")
            out.write(f"{json.dumps(table.name)}: [")
            count = 0
            for row in conn.execute(_exported(table)):
                if count:
                    out.write(",")
                out.write("\n  ")
                record = {k: _plain(v) for k, v in row._mapping.items()}
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True))
                count += 1
            out.write("\n]")
            counts[table.name] = count
    out.write("}}\n")
    return counts


# --- import ---------------------------------------------------------------------------------


class JsonImportError(ImportFailed):
    """A JSON export cannot be imported; nothing was written."""


#: ``progress(done, total)``: each record is counted twice, checked and written; returning
#: False cancels the import (nothing is written).
Progress = Callable[[int, int], bool]
#: Records checked between two calls of ``progress``.
PROGRESS_EVERY = 500


def _go_on(progress: Progress | None, done: int, total: int) -> None:
    """Report ``done`` of ``total``; a JsonImportError when the user cancelled."""
    if progress is not None and not progress(done, total):
        raise JsonImportError(cancelled())


@dataclass
class JsonImportReport:
    """The rows imported (or checked, ``dry_run``) per table."""

    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def summary(self) -> str:
        total = sum(self.counts.values())
        n = format_number(total)
        if self.dry_run:
            return ngettext(
                "Checked {n} record; nothing was written.",
                "Checked {n} records; nothing was written.",
                total,
            ).format(n=n)
        return ngettext("Imported {n} record.", "Imported {n} records.", total).format(n=n)

    def remarks(self) -> list[str]:
        """Nothing to add to the summary: an export holds only what AccountDesk stores."""
        return []


class _Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, text: str) -> None:
        self.found.append(text)
        if len(self.found) >= MAX_PROBLEMS:
            raise self.error()

    def error(self) -> JsonImportError:
        return JsonImportError(nothing_imported(self.found), self.found)


def _where(table: str, number: int, column: str, value: object, reason: str) -> str:
    shown = printable(json.dumps(value, ensure_ascii=False))
    if len(shown) > 60:
        shown = shown[:59] + "…"
    return _("Table {table}, record {number}, {column} {value}: {reason}").format(
        table=table, number=number, column=column, value=shown, reason=reason
    )


def _python_type(column: Column[Any]) -> type | None:
    """What a column holds in Python (None: any JSON value). A TypeDecorator says it in the
    return type of its ``process_result_value`` (``Decimal | None`` for money)."""
    kind = column.type
    if isinstance(kind, JSON):
        return None
    if isinstance(kind, TypeDecorator):
        returned = typing.get_type_hints(type(kind).process_result_value).get("return")
        found = [
            t for t in typing.get_args(returned) if isinstance(t, type) and t is not type(None)
        ]
        if len(found) == 1:
            return found[0]
    python = kind.python_type
    return python if isinstance(python, type) else None


class _Bad(Exception):
    pass


def _converter(column: Column[Any]) -> Callable[[Any], Any]:
    """A function from the exported value to the column's value; raises _Bad with a reason."""
    wanted = _python_type(column)
    length = getattr(column.type, "length", None)
    money = isinstance(column.type, Money)

    def convert(value: Any) -> Any:
        if value is None or wanted is None:
            return value
        if wanted is datetime:
            try:
                parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
            except ValueError:
                parsed = None
            if parsed is None or parsed.tzinfo is None:
                raise _Bad(_("is not an instant with an offset (ISO 8601)"))
            return parsed
        if wanted is date:
            try:
                return date.fromisoformat(value) if isinstance(value, str) else _bad_date()
            except ValueError:
                raise _Bad(_("is not a date (YYYY-MM-DD)")) from None
        if wanted is Decimal:
            try:
                number = Decimal(value) if isinstance(value, str) else None
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite():
                raise _Bad(_("is not a decimal number written as text"))
            if money:
                try:
                    storable_money(column.name, number)
                except ValidationError as error:
                    raise _Bad(error.reason) from None
            return number
        if wanted is bool:
            if not isinstance(value, bool):
                raise _Bad(_("is not true or false"))
            return value
        if wanted is int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise _Bad(_("is not a whole number"))
            return value
        if not isinstance(value, str):
            raise _Bad(_("is not text"))
        if length is not None and len(value) > length:
            raise _Bad(
                ngettext(
                    "is longer than {n} character", "is longer than {n} characters", length
                ).format(n=format_number(length))
            )
        return value

    return convert


def _bad_date() -> date:
    raise ValueError


def _required(column: Column[Any]) -> bool:
    return (
        not column.nullable
        and column.default is None
        and column.server_default is None
        and not (column.primary_key and column.autoincrement is True)
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise JsonImportError(unreadable(path, exc)) from exc
    except UnicodeDecodeError as exc:
        raise JsonImportError(
            _("{path} is not UTF-8 text (byte {offset}).").format(
                path=ltr_shown(path), offset=format_number(exc.start)
            )
        ) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonImportError(
            _("{path} is not JSON: {reason} (line {line}, column {column}).").format(
                path=ltr_shown(path),
                reason=exc.msg,
                line=format_number(exc.lineno),
                column=format_number(exc.colno),
            )
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise JsonImportError(
            _("{path} is not an AccountDesk export (accountdesk export --format json).").format(
                path=ltr_shown(path)
            )
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise JsonImportError(
            _(
                "{path} is an export of version {version}, written by a newer AccountDesk; "
                "update AccountDesk to import it."
            ).format(path=ltr_shown(path), version=version)
        )
    schema = document.get("schema")
    if schema not in KNOWN_REVISIONS:
        raise JsonImportError(
            _(
                "{path} follows database schema {schema}, which this AccountDesk does not "
                "know; update AccountDesk to import it."
            ).format(path=ltr_shown(path), schema=schema)
        )
    if not isinstance(document.get("tables"), dict):
        raise JsonImportError(_("{path} has no tables.").format(path=ltr_shown(path)))
    return document


def _records(document: dict[str, Any]) -> int:
    """How many records the export holds (what ``progress`` counts, twice)."""
    return sum(len(r) for r in document["tables"].values() if isinstance(r, list))


def _rows(
    document: dict[str, Any], problems: _Problems, progress: Progress | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows with their values converted; problems collected."""
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    found: dict[str, list[dict[str, Any]]] = {}
    total = 2 * _records(document)
    done = 0
    for name, records in document["tables"].items():
        table = tables.get(name)
        if table is None:
            problems.add(_("The export has a table AccountDesk does not know: {name}.").format(
                name=printable(str(name))
            ))  # fmt: skip
            continue
        if not isinstance(records, list):
            problems.add(_("Table {table} is not a list of records.").format(table=name))
            continue
        converters = {c.name: _converter(c) for c in table.columns}
        required = [c.name for c in table.columns if _required(c)]
        rows: list[dict[str, Any]] = []
        for number, record in enumerate(records, start=1):
            if done % PROGRESS_EVERY == 0:
                _go_on(progress, done, total)
            done += 1
            if not isinstance(record, dict):
                problems.add(
                    _("Table {table}, record {number} is not an object.").format(
                        table=name, number=number
                    )
                )
                continue
            row: dict[str, Any] = {}
            for column, value in record.items():
                convert = converters.get(column)
                if convert is None:
                    problems.add(
                        _("Table {table}, record {number}: AccountDesk has no column {column}.")
                        .format(table=name, number=number, column=printable(str(column)))
                    )  # fmt: skip
                    continue
                try:
                    row[column] = convert(value)
                except _Bad as bad:
                    problems.add(_where(name, number, column, value, str(bad)))
            for column in required:
                if record.get(column) is None:
                    problems.add(_where(name, number, column, None, _("is required")))
            rows.append(row)
        found[name] = rows
    return found


def _check_keys(rows: dict[str, list[dict[str, Any]]], problems: _Problems) -> None:
    """Primary keys once each; every reference to a record of the export."""
    keys: dict[str, set[Any]] = {}
    for table in Base.metadata.sorted_tables:
        primary = [c.name for c in table.primary_key.columns]
        seen: set[Any] = set()
        for number, row in enumerate(rows.get(table.name, []), start=1):
            key = tuple(row.get(c) for c in primary)
            if key in seen:
                problems.add(
                    _where(table.name, number, ", ".join(primary), list(key), _("appears twice"))
                )
            seen.add(key)
        if len(primary) == 1:
            keys[table.name] = {k[0] for k in seen}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            for fk in column.foreign_keys:
                target = keys.get(fk.column.table.name, set())
                for number, row in enumerate(rows.get(table.name, []), start=1):
                    value = row.get(column.name)
                    if value is not None and value not in target:
                        problems.add(
                            _where(
                                table.name,
                                number,
                                column.name,
                                value,
                                _("points at a record of {table} the export does not hold")
                                .format(table=fk.column.table.name),
                            )
                        )  # fmt: skip


def _same(
    table: str, number: int, row: dict[str, Any], clean: dict[str, Any], problems: _Problems
) -> None:
    """The services' checks accept the stored values as they are."""
    for column, value in clean.items():
        if column in row and row[column] != value:
            problems.add(
                _where(
                    table,
                    number,
                    column,
                    _plain(row[column]),
                    _("is not as AccountDesk stores it ({value})").format(
                        value=json.dumps(_plain(value), ensure_ascii=False)
                    ),
                )
            )


def _check_services(rows: dict[str, list[dict[str, Any]]], problems: _Problems) -> None:
    """Accounts, contacts, important dates and tags through the services' own checks."""

    def inputs(kind: type, row: dict[str, Any]) -> dict[str, Any]:
        names = {f.name for f in fields(kind)}
        return {k: v for k, v in row.items() if k in names}

    checks: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = [
        ("accounts", lambda r: _account(r, inputs(AccountInput, r))),
        ("contacts", lambda r: clean_contact(_contact_input(r, inputs(ContactInput, r)))),
        (
            "important_dates",
            lambda r: clean_important_date(ImportantDateInput(**inputs(ImportantDateInput, r))),
        ),
        ("tags", lambda r: {"name": clean_tags([r["name"]])[0]}),
    ]
    for table, check in checks:
        for number, row in enumerate(rows.get(table, []), start=1):
            try:
                with keeping(from_file=True):  # what the app stored before: kept as it is
                    checked = check(row)
                _same(table, number, row, checked, problems)
            except ValidationError as error:
                problems.add(
                    _("Table {table}, record {number}: {problem}").format(
                        table=table, number=number, problem=error.message
                    )
                )
            except (KeyError, TypeError):
                continue  # a required value is missing: already reported


def _account(row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """An account's row through the services' checks, and its earlier periods as a customer
    as they are read (an export written before migration 0012 has none)."""
    earlier_periods(row.get("earlier_periods"))
    return clean_account(AccountInput(**values), typed=False)


def _contact_input(row: dict[str, Any], values: dict[str, Any]) -> ContactInput:
    values["emails"] = [(e["label"], e["value"]) for e in row.get("emails") or ()]
    values["phones"] = [(p["label"], p["value"]) for p in row.get("phones") or ()]
    return ContactInput(**values)


def _empty(conn: Connection) -> bool:
    for table in Base.metadata.sorted_tables:
        query = select(func.count()).select_from(table)
        if table.name == "settings":
            query = query.where(table.c.key != IDENTITY_KEY)
        if conn.execute(query).scalar_one():
            return False
    return True


def _kept(table: Table, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rows of ``table`` to import: an identity from an older export is not taken."""
    found = rows.get(table.name, [])
    if table.name == "settings":
        return [r for r in found if r.get("key") != IDENTITY_KEY]
    return found


def _counts(rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    return {table.name: len(_kept(table, rows)) for table in Base.metadata.sorted_tables}


def insert_rows(
    conn: Connection,
    rows: typing.Mapping[str, list[dict[str, Any]]],
    written: Callable[[int], None] | None = None,
) -> None:
    """Insert ``rows`` (column values by table name) table by table in foreign-key order, in
    the caller's transaction (also the upload of a laptop's file to a team server,
    :func:`accountdesk.core.db.server.upload`). The search index is the caller's.
    ``written(n)`` is told of each table's ``n`` rows before they are inserted (and may
    raise to stop).

    On a team server the rows keep the times they were copied with (the server stamps every
    other write with its own clock: migration 0016)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL accountdesk.keep_stamps = 'on'")
    for table in Base.metadata.sorted_tables:
        found = rows.get(table.name) or []
        if not found:
            continue
        if written is not None:
            written(len(found))
        # A column that points at its own table (an account referred by another) is set after
        # every row is in; updated_at is given again, or the update would change it.
        own = [
            c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)
        ]
        later = [r for r in found if any(r.get(c) is not None for c in own)]
        conn.execute(insert(table), [{**r, **dict.fromkeys(own)} for r in found])
        if not later:
            continue
        kept = [*own, *(["updated_at"] if "updated_at" in table.c else [])]
        # completes the rows' own insert above (no one can have loaded them yet), and keeps
        # their version as exported (tests: RAW_UPDATES_UNBUMPED); one statement for all the
        # rows, not one a row (a 10,000-account export has 1,548 referrals)
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({c: bindparam(f"new_{c}") for c in kept}),
            [{"row_id": r["id"], **{f"new_{c}": r.get(c) for c in kept}} for r in later],
        )


def _insert(
    conn: Connection, rows: dict[str, list[dict[str, Any]]], progress: Progress | None
) -> dict[str, int]:
    total = 2 * sum(len(found) for found in rows.values())
    done = [total // 2]

    def written(n: int) -> None:
        _go_on(progress, done[0], total)
        done[0] += n

    insert_rows(
        conn, {table.name: _kept(table, rows) for table in Base.metadata.sorted_tables}, written
    )
    search.rebuild(conn)
    _go_on(progress, total, total)  # the last moment a Cancel is heard
    return _counts(rows)


def import_json(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    exclusive: bool = False,
) -> JsonImportReport:
    """Import the export ``path`` into ``db``, which must hold no data; raises
    :class:`JsonImportError` (nothing written) on any problem, or when ``progress(done,
    total)`` returns False (the user cancelled; asked last just before the transaction
    commits). ``exclusive``: this process does nothing else with the database meanwhile (the
    command line): a laptop's file is then written without its write-ahead log (see
    :meth:`Database.transaction`)."""
    path = Path(path)
    document = _read(path)
    problems = _Problems()
    rows = _rows(document, problems, progress)
    _check_keys(rows, problems)
    _check_services(rows, problems)
    if problems.found:
        raise problems.error()
    if dry_run:
        with db.reader() as session:
            _require_empty(session.connection())
        return JsonImportReport(_counts(rows), dry_run=True)
    with db.transaction(load=exclusive) as session:
        conn = session.connection()
        _require_empty(conn)
        counts = _insert(conn, rows, progress)
    return JsonImportReport(counts)


def _require_empty(conn: Connection) -> None:
    if not _empty(conn):
        raise JsonImportError(
            _(
                "The database already holds data; an export is imported into an empty one "
                "(for example: accountdesk --db NEW.db import FILE.json). Nothing was imported."
            )
        )
