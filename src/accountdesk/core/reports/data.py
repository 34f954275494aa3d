"""Reading the records behind the metrics and reports from the database (read-only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Deal, SurveyResponse
from accountdesk.core.metrics import (
    CustomerRecord,
    DealRecord,
    MetricSet,
    Period,
    SurveyRecord,
    compute_all,
)


@dataclass(frozen=True)
class Scope:
    """Which accounts: all, or those of one country, owner or segment (the account's tier)."""

    country: str | None = None
    owner: str | None = None
    segment: str | None = None
    account_ids: tuple[str, ...] | None = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        query = query.where(Account.deleted_at.is_(None))
        if self.country:
            query = query.where(Account.country == self.country.upper())
        if self.owner:
            query = query.where(Account.owner == self.owner)
        if self.segment:
            query = query.where(Account.tier == self.segment)
        if self.account_ids is not None:
            query = query.where(Account.id.in_(self.account_ids))
        return query


@dataclass(frozen=True)
class MetricRecords:
    customers: list[CustomerRecord]
    surveys: list[SurveyRecord]
    deals: list[DealRecord]
    currencies: frozenset[str]


def load_records(session: Session, scope: Scope) -> MetricRecords:
    accounts: Sequence[Account] = session.scalars(scope.apply(select(Account))).all()
    ids = [a.id for a in accounts]
    customers = [
        CustomerRecord(
            account_id=a.id,
            customer_since=a.customer_since,
            lost_on=a.lost_on,
            acquisition_cost=a.acquisition_cost,
            referred_by=a.referred_by_id,
        )
        for a in accounts
    ]
    surveys: list[SurveyRecord] = []
    deals: list[DealRecord] = []
    currencies: set[str] = set()
    for chunk in _chunks(ids, 900):
        for r in session.scalars(
            select(SurveyResponse).where(
                SurveyResponse.account_id.in_(chunk), SurveyResponse.deleted_at.is_(None)
            )
        ):
            surveys.append(SurveyRecord(r.contact_id, r.account_id, r.kind, r.score, r.answered_on))
        for d in session.scalars(
            select(Deal).where(Deal.account_id.in_(chunk), Deal.deleted_at.is_(None))
        ):
            deals.append(DealRecord(d.account_id, d.amount, d.closed_on, d.status))
            if d.status == "won":
                currencies.add(d.currency)
    return MetricRecords(customers, surveys, deals, frozenset(currencies))


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def metrics_for(
    db: Database,
    period: Period,
    *,
    country: str | None = None,
    owner: str | None = None,
    segment: str | None = None,
    account_ids: Sequence[str] | None = None,
) -> MetricSet:
    """The metrics of SPEC §5 for the accounts in scope over ``period``.

    Amounts are summed as recorded (lifetime value and CAC mix currencies when the accounts
    do; the report names the currencies involved).
    """
    scope = Scope(country, owner, segment, tuple(account_ids) if account_ids is not None else None)
    with db.reader() as session:
        records = load_records(session, scope)
    return compute_all(records.customers, records.surveys, records.deals, period)
