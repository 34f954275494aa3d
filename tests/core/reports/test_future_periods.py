"""A period of days that have not come yet (review rev20, 1): a quarter in the future read
"retention 100 %, churn 0 %, revenue −100 %". The one rule (reports.data.checked_period): a
period that starts after today is refused; one that ends after today is measured up to
today, says so, and is compared with the same days of the period before."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, Deal
from accountdesk.core.errors import UserError
from accountdesk.core.metrics import CustomerRecord, DealRecord, Period, compute_all
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, checked_period
from accountdesk.core.reports.textlayout import TextBlock

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_period_that_starts_after_today_is_refused() -> None:
    with pytest.raises(UserError, match="starts after today"):
        checked_period(date(2027, 1, 1), date(2027, 3, 31), TODAY)
    # a trip brief's days (no today given) are of days to come
    assert checked_period(date(2027, 1, 1), date(2027, 3, 31)) == Period(
        date(2027, 1, 1), date(2027, 3, 31)
    )


def test_a_period_that_ends_after_today_is_measured_up_to_today() -> None:
    quarter = checked_period(date(2026, 10, 1), date(2026, 12, 31), TODAY)
    assert (quarter.start, quarter.end, quarter.so_far) == (date(2026, 10, 1), TODAY, True)
    assert quarter.asked == Period(date(2026, 10, 1), date(2026, 12, 31))
    # compared with the same 62 days of the quarter before, not with its days to come
    assert quarter.previous() == Period(date(2026, 7, 1), date(2026, 8, 31))
    # a period that ends today or before is as asked
    assert not checked_period(date(2026, 9, 1), TODAY, TODAY).so_far


def test_the_figures_of_a_period_so_far_count_no_day_to_come() -> None:
    # a customer lost on 15 December: not (yet) churn of "this quarter"; 10 customers in all
    customers = [CustomerRecord(f"c{i}", date(2025, 1, 1)) for i in range(9)] + [
        CustomerRecord("x", date(2025, 1, 1), date(2026, 12, 15))
    ]
    deals = [DealRecord("c1", Decimal(100), date(2026, 11, 2), "won", "EUR")]
    quarter = checked_period(date(2026, 10, 1), date(2026, 12, 31), TODAY)
    found = compute_all(customers, [], deals, quarter, RateBook("EUR", TODAY))
    before = compute_all(customers, [], deals, quarter.previous(), RateBook("EUR", TODAY))
    assert found.customers_at_end == 10  # on 1 December, not on 31 December
    assert found.churn.value == 0.0 and found.retention.value == 100.0
    # the annual figures rest on 62 customer-days each, not 92
    assert found.revenue_per_customer.value == pytest.approx(
        Decimal(100) / Decimal(repr(10 * 62 / 365.25)), rel=Decimal("1e-9")
    )
    assert before.revenue.converted == 0


def test_the_portfolio_report_says_its_figures_are_so_far(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    with db.transaction() as s:
        account = Account(name="Ābele", country="LV", customer_since=date(2025, 1, 1))
        s.add(account)
        s.flush()
        s.add(Deal(account_id=account.id, title="Order", amount=Decimal(500), currency="EUR",
                   status="won", closed_on=date(2026, 11, 20)))  # fmt: skip
    target = tmp_path / "r.pdf"
    d.portfolio_report(db, target, Period(date(2026, 10, 1), date(2026, 12, 31)), lang="en",
                       now=NOW)  # fmt: skip
    ctx = d._context("en", NOW, "UTC")
    with i18n.use_language("en"):
        story, title = d._portfolio_story(
            db, ctx, checked_period(date(2026, 10, 1), date(2026, 12, 31), TODAY), Scope(),
            RateBook("EUR", TODAY),
        )  # fmt: skip
    db.close()
    assert plain(title) == "Portfolio report 1 Oct 2026 – 1 Dec 2026 so far"
    texts = [plain(f.text) for f in story if isinstance(f, TextBlock)]
    note = next(t for t in texts if t.startswith("This period:"))
    assert "1 Oct 2026 – 1 Dec 2026, so far: it was asked to run to 31 Dec 2026" in note
    assert "Previous period: 1 Jul 2026 – 31 Aug 2026, the same days" in note
    with pytest.raises(UserError, match="starts after today"):
        d.portfolio_report(
            open_database(tmp_path / "p.db"), tmp_path / "f.pdf",
            Period(date(2027, 1, 1), date(2027, 3, 31)), lang="en", now=NOW,
        )  # fmt: skip
    assert not (tmp_path / "f.pdf").exists()
