"""An account lost and won back (README, "How the relationship metrics are counted": the
win-back rule): every period as a customer counts. The win-back is an acquisition of its
period, the earlier loss stays churn of its period, customer-days add up over the periods,
and the acquisition cost and the referral count once, in the first period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accountdesk.core import metrics as m
from accountdesk.core.metrics import CustomerRecord as C
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))
Q4 = Period(date(2026, 10, 1), date(2026, 12, 31))
Y2025 = Period(date(2025, 1, 1), date(2025, 12, 31))

# won 1 Mar 2025 (cost 400, referred by "r"), lost 15 Mar 2026, won back 20 Nov 2026
BACK = C(
    "back",
    date(2026, 11, 20),
    None,
    Decimal("400"),
    "r",
    "EUR",
    earlier=((date(2025, 3, 1), date(2026, 3, 15)),),
)
STAYS = C("stays", date(2024, 1, 1), None, None, None, "EUR")


def _ids(found: list[C]) -> set[str]:
    return {c.account_id for c in found}


def test_the_earlier_loss_stays_churn_of_its_quarter() -> None:
    customers = [BACK, STAYS]
    assert _ids(m.customers_at_start(customers, Q1)) == {"back", "stays"}
    assert _ids(m.lost_in(customers, Q1)) == {"back"}
    assert m.churn_rate(customers, Q1).value == pytest.approx(50.0)
    assert m.kept_rate(customers, Q1).value == pytest.approx(50.0)
    assert m.retention_rate(customers, Q1).value == pytest.approx(50.0)
    # between the two periods the account is no customer
    assert _ids(m.customers_at_start(customers, Q2)) == {"stays"}
    assert m.acquired_in(customers, Q2) == []


def test_the_win_back_is_an_acquisition_of_its_quarter() -> None:
    customers = [BACK, STAYS]
    assert _ids(m.acquired_in(customers, Q4)) == {"back"}
    assert _ids(m.customers_at_start(customers, Q4)) == {"stays"}
    assert _ids(m.customers_at_end(customers, Q4)) == {"back", "stays"}
    assert m.lost_in(customers, Q4) == []
    assert m.retention_rate(customers, Q4).value == pytest.approx(100.0)  # (2 - 1) / 1


def test_the_acquisition_cost_and_the_referral_count_once_in_the_first_period() -> None:
    rates = RateBook("EUR", Q4.end)
    first = m.acquisition_cost([BACK], Period(date(2025, 1, 1), date(2025, 3, 31)), rates)
    assert (first.value, first.sample) == (Decimal("400"), 1)
    # the win-back is acquired without a cost of its own: counted with 0
    again = m.acquisition_cost([BACK], Q4, rates)
    assert (again.value, again.sample) == (Decimal("0"), 1)
    assert m.referral_rate([BACK], Y2025).value == pytest.approx(100.0)
    referral = m.referral_rate([BACK], Q4)
    assert (referral.value, referral.denominator) == (0.0, 1.0)


def test_customer_days_add_up_over_the_periods() -> None:
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    # 1 Jan to 14 Mar (73 days) and 20 Nov to 31 Dec (42 days)
    assert BACK.customer_days_in(year) == 73 + 42
    assert m.customer_years([BACK], year) == pytest.approx(115 / m.DAYS_PER_YEAR)
    assert m.active_in([BACK], Period(date(2026, 5, 1), date(2026, 10, 31))) == []


def test_lost_and_won_back_inside_one_period() -> None:
    # a customer of S lost on 1 Feb and won back on 1 Mar: churned and acquired; no retention
    both = C("both", date(2026, 3, 1), earlier=((date(2024, 1, 1), date(2026, 2, 1)),))
    customers = [both, STAYS]
    assert _ids(m.lost_in(customers, Q1)) == {"both"}
    assert _ids(m.acquired_in(customers, Q1)) == {"both"}
    assert _ids(m.customers_at_end(customers, Q1)) == {"both", "stays"}
    assert m.won_and_lost_in(customers, Q1) == []
    # retention = kept - won-and-lost, over S: (E - N) / S = (2 - 1) / 2
    assert m.retention_rate(customers, Q1).value == pytest.approx(50.0)
    assert m.kept_rate(customers, Q1).value == pytest.approx(50.0)


def test_won_and_lost_is_an_account_of_n_that_is_no_customer_at_the_end() -> None:
    # acquired twice in Q1 and lost again in it: one account of N, won and lost
    twice = C(
        "twice",
        date(2026, 2, 1),
        date(2026, 3, 1),
        earlier=((date(2026, 1, 5), date(2026, 1, 20)),),
    )
    assert _ids(m.acquired_in([twice], Q1)) == {"twice"}
    assert _ids(m.won_and_lost_in([twice], Q1)) == {"twice"}
    assert twice.customer_days_in(Q1) == 15 + 28
