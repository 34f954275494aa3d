"""Exchange rates as the Reports screen lists them, and the rate book a report converts with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import ExchangeRate
from accountdesk.core.money import Rate, RateBook
from accountdesk.core.settings import reporting_currency
from accountdesk.core.validation import ValidationError, decimal, format_number_input


@dataclass(frozen=True)
class RateRow:
    id: str
    base: str
    currency: str
    rate: Decimal
    valid_on: date


def rate_text(row: RateRow) -> str:
    """ "1 EUR = 45.5" in the language's digits ("۱ EUR = ۴۵٫۵": the 1 was left in ASCII), the
    rate as the rate field takes it back ("1,085" in Slovenian): grouped as the language groups
    thousands ("۴۸٬۰۰۰٬۰۰۰") where the field reads that back as the same number, else without
    grouping (Slovenian "12.345" could be 12.345 or 12345: the field refuses it as unclear).
    The Exchange rates dialog and ``accountdesk rates list`` both write it."""
    decimals = max(0, -int(row.rate.normalize().as_tuple().exponent))
    grouped = i18n.format_decimal(row.rate, decimals)
    try:
        same = decimal("rate", grouped) == row.rate
    except ValidationError:
        same = False
    rate = grouped if same else format_number_input(row.rate)
    return f"{i18n.format_number(1)} {row.base} = {rate}"


def list_rates(db: Database) -> list[RateRow]:
    """Every rate, newest day first, then by pair."""
    with db.reader() as session:
        found = session.scalars(
            select(ExchangeRate).order_by(
                ExchangeRate.valid_on.desc(), ExchangeRate.base, ExchangeRate.currency
            )
        ).all()
        return [RateRow(r.id, r.base, r.currency, r.rate, r.valid_on) for r in found]


def rate_book(db: Database, rate_day: date, reporting: str | None = None) -> RateBook:
    """The rates into ``reporting`` (default: the reporting currency of the settings) as in
    force on ``rate_day``."""
    if reporting is None:
        reporting = reporting_currency(db)
    rates = [Rate(r.base, r.currency, r.rate, r.valid_on) for r in list_rates(db)]
    return RateBook(reporting, rate_day, rates)
