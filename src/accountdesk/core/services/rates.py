"""Exchange rates the user keeps: enter one, delete one, import a CSV file of them.

A rate says how many units of ``currency`` one unit of ``base`` buys on a day (``1 EUR =
160.52 JPY``); the base defaults to the reporting currency. One rate per pair and day:
entering or importing it again replaces it. How reports use them: :mod:`accountdesk.core.money`.

The CSV file has the columns ``currency``, ``rate``, ``date`` and optionally ``base`` (a
header line with those names, in any order, or no header and the columns in that order);
separated by commas, semicolons or tabs; in an encoding the contacts import reads (UTF-8,
UTF-16 with a byte-order mark, the language's Windows code page). An import is all or
nothing: every row is checked first, and a problem names its row (the first line is row 1)
and its column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import ExchangeRate
from accountdesk.core.errors import ImportFailed, NotFoundError
from accountdesk.core.i18n import N_, _, format_date, format_number, ltr_shown, ngettext
from accountdesk.core.io import csv_format
from accountdesk.core.io.refusal import nothing_imported

#: The columns of a rates file, in the order a file without a header line gives them.
COLUMNS = ("currency", "rate", "date", "base")
REQUIRED = ("currency", "rate", "date")
COLUMN_LABELS = {
    "currency": N_("Currency"),
    "rate": N_("Exchange rate"),
    "date": N_("Date"),
    "base": N_("Base currency"),
}
#: At most this many problems are listed for one file.
MAX_PROBLEMS = 20
#: The rate a message shows as an example of how to write one.
RATE_EXAMPLE = Decimal("160.52")


@dataclass(frozen=True)
class RateInput:
    """``1 base = rate currency`` on ``valid_on``; ``base`` None: the reporting currency."""

    currency: str | None
    rate: str | Decimal | None
    valid_on: str | date | None
    base: str | None = None


def _problem(key: str, value: object, reason: str) -> v.ValidationError:
    return v.ValidationError(_(COLUMN_LABELS[key]), value, reason, key=key)


def clean_rate(data: RateInput, reporting: str) -> dict[str, object]:
    """The values to store, or ValidationError naming the field, the value and the reason."""
    currency = v.currency(data.currency, allow_empty=False)
    assert currency is not None
    base = v.currency(data.base or reporting, "base", allow_empty=False)
    if base == currency:
        raise _problem(
            "currency", data.currency, _("is the base currency itself; its rate is always 1")
        )
    if data.rate is None or (isinstance(data.rate, str) and not data.rate.strip()):
        raise _problem("rate", None, _("is required"))
    try:
        rate = v.decimal("amount", data.rate, example=RATE_EXAMPLE)
    except v.ValidationError as error:  # not a number, or unclear: says what to write
        raise _problem("rate", data.rate, error.reason) from None
    if rate is None or rate <= 0:
        raise _problem("rate", data.rate, _("must be more than 0"))
    try:
        valid_on = v.parse_date("date", data.valid_on)
    except v.ValidationError as error:
        raise _problem("date", data.valid_on, error.reason) from None
    if valid_on is None:
        raise _problem("date", None, _("is required"))
    return {"base": base, "currency": currency, "rate": rate, "valid_on": valid_on}


def _upsert(session: Session, values: dict[str, object]) -> bool:
    """Store one rate; True when it replaced the rate of that pair and day."""
    found = session.scalar(
        select(ExchangeRate).where(
            ExchangeRate.base == values["base"],
            ExchangeRate.currency == values["currency"],
            ExchangeRate.valid_on == values["valid_on"],
        )
    )
    if found is None:
        session.add(ExchangeRate(**values))
        return False
    found.rate = values["rate"]  # type: ignore[assignment]
    return True


def save_rate(db: Database, data: RateInput, reporting: str) -> bool:
    """Enter one rate (one transaction); True when it replaced the rate of that pair and day."""
    values = clean_rate(data, reporting)
    with db.transaction() as session:
        return _upsert(session, values)


def delete_rate(db: Database, rate_id: str) -> None:
    delete_rates(db, [rate_id])


def delete_rates(db: Database, rate_ids: Sequence[str]) -> None:
    """Delete rates (one transaction); NotFoundError, and nothing deleted, for an unknown id."""
    with db.transaction() as session:
        for rate_id in rate_ids:
            found = session.get(ExchangeRate, rate_id)
            if found is None:
                raise NotFoundError(_("There is no exchange rate with id {id}.").format(id=rate_id))
            session.delete(found)


class RatesImportError(ImportFailed):
    """The file cannot be imported; nothing was written. ``problems`` lists the findings."""


@dataclass(frozen=True)
class RatesImport:
    added: int
    replaced: int

    def summary(self) -> str:
        """What was imported; the rates replaced only when there were some, each count with
        its own plural ("Imported 1 exchange rate (0 replaced an earlier one).", and "3 … (1
        replaced earlier ones)" took the plural of the total)."""
        total = self.added + self.replaced
        text = ngettext(
            "Imported {n} exchange rate.", "Imported {n} exchange rates.", total
        ).format(n=format_number(total))
        if not self.replaced:
            return text
        replaced = ngettext(
            "{n} rate stored earlier for the same currency and day was replaced.",
            "{n} rates stored earlier for the same currency and day were replaced.",
            self.replaced,
        ).format(n=format_number(self.replaced))
        return f"{text} {replaced}"


def _rows(path: Path) -> list[list[str]]:
    """The file's rows, read as every CSV file is (:func:`~accountdesk.core.io.csv_io.
    read_rows`: its encoding and separator); the header line, if any, is the first."""
    try:
        header, rows, _lines, _code_page = csv_format.read_rows(path)
        return [header, *rows]
    except csv_format.CsvImportError as exc:
        raise RatesImportError(str(exc), exc.problems) from exc


def _header(first: list[str]) -> dict[str, int] | None:
    """The column of each known name when the first row is a header line, else None."""
    names = [cell.strip().lstrip("\ufeff").casefold() for cell in first]
    if not {"currency", "rate"} <= set(names):
        return None
    return {name: i for i, name in enumerate(names) if name in COLUMNS}


def _row_problem(number: int, error: v.ValidationError) -> str:
    column = error.key if error.key in COLUMNS else "currency"
    if error.value is None or error.value == "":
        return _("Row {row}, column “{column}”: {reason}.").format(
            row=format_number(number), column=column, reason=_("the value is missing")
        )
    return _("Row {row}, column “{column}”: “{value}” {reason}.").format(
        row=format_number(number),
        column=column,
        value=v.printable(str(error.value)),
        reason=error.reason,
    )


def read_rates_file(path: Path, reporting: str) -> list[dict[str, object]]:
    """Every rate of the file, checked; RatesImportError lists the problems (row and column)."""
    rows = _rows(path)
    if not rows:
        raise RatesImportError(_("{path} is empty.").format(path=ltr_shown(path)))
    columns = _header(rows[0])
    start = 2 if columns is not None else 1
    if columns is None:
        columns = {name: i for i, name in enumerate(COLUMNS)}
    else:
        absent = [name for name in REQUIRED if name not in columns]
        if absent:
            raise RatesImportError(
                _("The header line has no column “{column}” (the columns are {columns}).").format(
                    column=absent[0], columns=", ".join(COLUMNS)
                )
            )
        rows = rows[1:]
    problems: list[str] = []
    found: list[dict[str, object]] = []
    seen: dict[tuple[object, ...], int] = {}
    for number, row in enumerate(rows, start=start):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str | None:
            at = columns.get(name)
            return row[at].strip() if at is not None and at < len(row) else None

        try:
            # a file's number: read alike in every language
            rate = v.decimal("rate", cell("rate"), from_file=True, example=RATE_EXAMPLE)
            data = RateInput(cell("currency"), rate, cell("date"), cell("base") or None)
            values = clean_rate(data, reporting)
        except v.ValidationError as error:
            problems.append(_row_problem(number, error))
            continue
        key = (values["base"], values["currency"], values["valid_on"])
        if key in seen:
            problems.append(
                _(
                    "Row {row} repeats the rate of {currency} on {date} (row {first}); keep one."
                ).format(
                    row=format_number(number),
                    currency=values["currency"],
                    first=format_number(seen[key]),
                    date=format_date(values["valid_on"]),  # type: ignore[arg-type]
                )
            )
            continue
        seen[key] = number
        found.append(values)
    if problems:  # counted all, shown the first MAX_PROBLEMS
        raise RatesImportError(nothing_imported(problems), problems[:MAX_PROBLEMS])
    if not found:
        raise RatesImportError(_("{path} holds no exchange rates.").format(path=ltr_shown(path)))
    return found


def import_rates(db: Database, path: Path, reporting: str) -> RatesImport:
    """Import a CSV file of rates (see the module docstring) in one transaction."""
    rates = read_rates_file(path, reporting)
    replaced = 0
    with db.transaction() as session:
        for values in rates:
            replaced += _upsert(session, values)
    return RatesImport(len(rates) - replaced, replaced)
