"""Winning back a lost customer keeps its earlier period as a customer (rev10 9): a closed
quarter's churn and retention stay what they were. Clearing "lost on" without a new
"customer since" is a correction, and keeps nothing (core/records.py::customer_history)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import Period
from accountdesk.core.queries.details import account_detail
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.records import AccountInput, earlier_periods
from accountdesk.core.reports.data import metrics_for
from accountdesk.core.services.accounts import account_input, create_account, update_account
from accountdesk.core.validation import ValidationError

Q1 = Period(date(2024, 1, 1), date(2024, 3, 31))
Q4 = Period(date(2024, 10, 1), date(2024, 12, 31))


def _lost(db: Database) -> str:
    account = create_account(
        db,
        AccountInput(
            name="Andes SA", country="MX", timezone="America/Mexico_City",
            status="lost", customer_since="2023-06-01", lost_on="2024-03-15",
        ),
    )  # fmt: skip
    create_account(
        db, AccountInput(name="Stays", country="LV", status="active", customer_since="2022-01-01")
    )
    return account


def _edit(db: Database, account: str, **values: object) -> None:
    data = account_input(db, account)
    for key, value in values.items():
        setattr(data, key, value)
    update_account(db, account, data)


def _figures(db: Database, period: Period) -> tuple[int, int, int, int, float | None]:
    m = metrics_for(db, period, rate_book(db, period.end))
    return m.customers_at_start, m.acquired, m.customers_at_end, m.lost, m.churn.value


def _stored(db: Database, account: str) -> str | None:
    with db.reader() as session:
        return session.get(Account, account).earlier_periods  # type: ignore[union-attr]


def test_a_win_back_keeps_the_earlier_period_and_the_closed_quarters_churn(db: Database) -> None:
    account = _lost(db)
    q1 = _figures(db, Q1)
    assert q1 == (2, 0, 1, 1, 50.0)
    _edit(db, account, status="active", lost_on=None, customer_since="2024-11-20")
    assert _figures(db, Q1) == q1  # the closed quarter as it was reported
    assert _figures(db, Q4) == (1, 1, 2, 0, 0.0)  # the win-back acquired in its quarter
    assert _stored(db, account) == '[["2023-06-01", "2024-03-15"]]'
    detail = account_detail(db, account)
    assert detail.earlier_periods == ((date(2023, 6, 1), date(2024, 3, 15)),)
    assert (detail.customer_since, detail.lost_on) == (date(2024, 11, 20), None)
    # a second loss and win-back: both earlier periods kept, oldest first
    _edit(db, account, status="lost", lost_on="2025-02-01")
    _edit(db, account, status="active", lost_on=None, customer_since="2025-05-01")
    assert earlier_periods(_stored(db, account)) == (
        (date(2023, 6, 1), date(2024, 3, 15)),
        (date(2024, 11, 20), date(2025, 2, 1)),
    )
    assert _figures(db, Q1) == q1


def test_clearing_lost_on_alone_is_a_correction_that_keeps_nothing(db: Database) -> None:
    account = _lost(db)
    _edit(db, account, status="active", lost_on=None)
    assert _stored(db, account) is None
    assert _figures(db, Q1) == (2, 0, 2, 0, 0.0)  # never lost


def test_a_win_back_recorded_by_mistake_is_undone_by_the_earlier_first_day(db: Database) -> None:
    account = _lost(db)
    _edit(db, account, status="active", lost_on=None, customer_since="2024-11-20")
    with pytest.raises(ValidationError) as refused:
        _edit(db, account, customer_since="2024-01-10")
    assert refused.value.key == "customer_since"
    assert "1 Jun 2023 – 15 Mar 2024" in refused.value.message
    assert _stored(db, account) == '[["2023-06-01", "2024-03-15"]]'  # nothing half-written
    _edit(db, account, customer_since="2023-06-01")
    assert _stored(db, account) is None
    assert account_detail(db, account).customer_since == date(2023, 6, 1)
    assert _figures(db, Q1) == (2, 0, 2, 0, 0.0)


def test_earlier_periods_that_cannot_be_read_are_named_not_skipped(db: Database) -> None:
    account = _lost(db)
    with db.transaction() as session:
        session.execute(
            update(Account).where(Account.id == account).values(earlier_periods='[["2023-01-01"]]')
        )
    with pytest.raises(UserError) as refused:
        _figures(db, Q1)
    assert "Andes SA" in refused.value.message
    assert "Earlier periods as a customer" in refused.value.message


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"a": 1}',
        '[["2023-01-01"]]',
        '[["2023-01-01", "2023-13-01"]]',
        '[["20230101", "20230201"]]',
        '[["2023-05-01", "2023-02-01"]]',
        '[["2023-01-01", "2023-06-01"], ["2023-05-01", "2023-08-01"]]',
    ],
)
def test_earlier_periods_are_checked_as_they_are_read(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        earlier_periods(text)
    assert refused.value.key == "earlier_periods"


def test_earlier_periods_read() -> None:
    assert earlier_periods(None) == ()
    text = '[["2023-01-01", "2023-06-01"], ["2023-06-01", "2023-08-01"]]'
    assert earlier_periods(text) == (
        (date(2023, 1, 1), date(2023, 6, 1)),
        (date(2023, 6, 1), date(2023, 8, 1)),
    )
