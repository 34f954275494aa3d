"""A period too short to be made a year's (review rev20, 11): one day without a loss or a deal
read "Expected lifespan 10.0 (the cap)" and "Lifetime value €0.00 (190)". Annual churn,
lifespan, annual revenue per customer and lifetime value need SHORTEST_YEARLY days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core import metrics as m
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import CustomerRecord as C
from accountdesk.core.metrics import DealRecord as D
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook

#: 20 customers since 2024, one lost on 20 June 2026; a deal won on 10 June
CUSTOMERS = [C(f"c{i}", date(2024, 1, 1)) for i in range(19)] + [
    C("lost", date(2024, 1, 1), date(2026, 6, 20))
]
DEALS = [D("c1", Decimal("1000"), date(2026, 6, 10), "won", "EUR")]
RATES = RateBook("EUR", date(2026, 6, 30))


@pytest.mark.parametrize("days", [1, 7, 27])
def test_a_short_period_has_no_yearly_figures(days: int) -> None:
    period = Period(date(2026, 6, 15), date(2026, 6, 15) + timedelta(days=days - 1))
    found = m.compute_all(CUSTOMERS, [], DEALS, period, RATES)
    assert found.churn.value is not None  # the period's own rates are still counted
    assert found.retention.value is not None
    for figure in (found.annual_churn, found.lifespan, found.revenue_per_customer,
                   found.lifetime_value):  # fmt: skip
        assert figure.value is None
        assert figure.reason == m.TOO_SHORT
        assert figure.sample == 20


def test_the_shortest_period_made_a_years_figures() -> None:
    february = Period(date(2026, 2, 1), date(2026, 2, 28))  # the shortest month
    assert february.days == 28 == m.SHORTEST_YEARLY
    found = m.compute_all(CUSTOMERS, [], DEALS, february, RATES)
    assert found.annual_churn.value == 0.0
    assert found.lifespan.value == m.LIFESPAN_CAP_YEARS
    assert found.revenue_per_customer.value == 0  # no deal in February: a real 0
    assert found.lifetime_value.value == 0


def test_the_report_says_why_a_short_period_has_no_lifetime_value() -> None:
    from accountdesk.core.reports import documents as d

    ctx = d._context("en", datetime(2026, 12, 1, tzinfo=UTC), "UTC")
    day = Period(date(2026, 6, 15), date(2026, 6, 15))
    found = m.compute_all(CUSTOMERS, [], DEALS, day, RATES)
    with i18n.use_language("en"):
        cells = [
            plain(ctx.money_cell(found.lifetime_value)),
            plain(ctx.rate_cell(found.annual_churn)),
            plain(d._lifespan(ctx, found.lifespan)),
        ]
    assert cells == [
        "not enough data: the period is shorter than 28 days (20)",
        "not enough data: the period is shorter than 28 days (20)",
        "not enough data: the period is shorter than 28 days",
    ]
