"""Exchange rates as the Reports screen lists them, and the rate book a report converts with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import ExchangeRate
from accountdesk.core.money import Rate, RateBook
from accountdesk.core.settings import reporting_currency


@dataclass(frozen=True)
class RateRow:
    id: str
    base: str
    currency: str
    rate: Decimal
    valid_on: date


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
