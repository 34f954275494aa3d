"""Read views of the Reports screen: the metrics of a scope, the choices of scope, the
customer's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Contact
from accountdesk.core.i18n import join_list, ngettext
from accountdesk.core.metrics import (
    MetricSet,
    Period,
    calendar_period_of,
    calendar_periods,
    compute_all,
)
from accountdesk.core.money import RateBook
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.reports.data import Scope, load_records

AccountField = Literal["country", "owner", "tier"]
_FIELDS = {"country": Account.country, "owner": Account.owner, "tier": Account.tier}


@dataclass(frozen=True)
class ScopeMetrics:
    total: MetricSet  # over the whole period
    by_quarter: list[tuple[Period, MetricSet]]  # the quarters of the calendar asked for
    asked: str | None = None  # the currency asked for, when the amounts are not in it


def scope_metrics(
    db: Database, scope: Scope, period: Period, rates: RateBook | None = None, *, calendar: str
) -> ScopeMetrics:
    """The metrics of the accounts in ``scope`` over ``period`` and over each of its quarters
    in ``calendar`` (:mod:`accountdesk.core.calendars`; clipped to the period; the records are
    read once); money converted with ``rates`` (default: the reporting currency at the rates in
    force on the period's last day)."""
    book = rates if rates is not None else rate_book(db, period.end)
    with db.reader() as session:
        records = load_records(session, scope)
    # all in the scope's one currency when it has no rate, as the PDFs (RateBook.for_amounts)
    book = book.for_amounts(records.currencies())

    def over(part: Period) -> MetricSet:
        return compute_all(records.customers, records.surveys, records.deals, part, book)

    quarters = calendar_periods(period, 3, calendar)
    asked = book.asked if book.asked and book.asked != book.reporting else None
    return ScopeMetrics(over(period), [(q, over(q)) for q in quarters], asked)


def partial_note(shown: Sequence[Period], kind: str) -> str:
    """Which months (``kind`` "month") or quarters ("quarter") of the current language's
    calendar a chart covers only in part ("* Q4 2025, Q4 2026: parts of the quarters only."),
    "" when none: under the PDFs' charts and the Reports screen's alike."""
    size = 1 if kind == "month" else 3
    cal = i18n.current_calendar()
    partial = [b for b in shown if calendar_period_of(b.start, size, cal) != b]
    if not partial:
        return ""
    if kind == "month":
        labels = join_list(i18n.format_month_compact(b.start) for b in partial)
        return ngettext(
            "* {months}: part of the month only.", "* {months}: parts of the months only.",
            len(partial),
        ).format(months=labels)  # fmt: skip
    labels = join_list(i18n.format_quarter(b.start) for b in partial)
    return ngettext(
        "* {quarters}: part of the quarter only.", "* {quarters}: parts of the quarters only.",
        len(partial),
    ).format(quarters=labels)  # fmt: skip


def account_values(db: Database, field: AccountField) -> list[str]:
    """The distinct values of an account field (country, owner or tier), sorted."""
    column = _FIELDS[field]
    with db.reader() as session:
        values = session.scalars(
            select(column).where(Account.deleted_at.is_(None), column.is_not(None)).distinct()
        ).all()
    return sorted(str(v) for v in values if v)


def customer_language(db: Database, account_id: str) -> str | None:
    """The main contact's preferred language when it is one of the report languages.

    The main contact is the account's first decision maker, or else its first contact."""
    with db.reader() as session:
        contacts = session.scalars(
            select(Contact)
            .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
        ).all()
        ordered = sorted(contacts, key=lambda c: c.buying_role != "decision_maker")
        preferred = ordered[0].preferred_language if ordered else None
    if not preferred:
        return None
    try:
        return i18n.normalize_language(preferred)
    except i18n.UnknownLanguageError:  # a language the reports are not written in
        return None
