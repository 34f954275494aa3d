"""Metrics of SPEC §5 against hand-computed fixtures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accountdesk.core import metrics as m
from accountdesk.core.metrics import CustomerRecord as C
from accountdesk.core.metrics import DealRecord as D
from accountdesk.core.metrics import Period
from accountdesk.core.metrics import SurveyRecord as S

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))

# a: customer before, stays          -> S, E
# b: customer before, lost 2026-02-10 -> S, lost
# c: acquired in Q1, stays           -> N, E
# d: acquired in Q1, lost in Q1      -> N only
# e: customer before, lost on start  -> S (lost in period)
# f: lost before the period          -> nothing
# g: acquired on the last day        -> N, E
# h: prospect                        -> nothing
# i: acquired after the period       -> nothing
CUSTOMERS = [
    C("a", date(2024, 5, 1)),
    C("b", date(2025, 1, 1), date(2026, 2, 10)),
    C("c", date(2026, 2, 1), None, Decimal("300"), "a"),
    C("d", date(2026, 1, 1), date(2026, 3, 1), Decimal("100")),
    C("e", date(2025, 6, 1), date(2026, 1, 1)),
    C("f", date(2023, 1, 1), date(2025, 12, 31)),
    C("g", date(2026, 3, 31), None, None, "c"),
    C("h", None),
    C("i", date(2026, 4, 1)),
]


def test_counts_at_the_boundaries() -> None:
    assert {c.account_id for c in m.customers_at_start(CUSTOMERS, Q1)} == {"a", "b", "e"}
    assert {c.account_id for c in m.customers_at_end(CUSTOMERS, Q1)} == {"a", "c", "g"}
    assert {c.account_id for c in m.acquired_in(CUSTOMERS, Q1)} == {"c", "d", "g"}
    assert {c.account_id for c in m.lost_in(CUSTOMERS, Q1)} == {"b", "e"}


def test_retention_and_churn() -> None:
    r = m.retention_rate(CUSTOMERS, Q1)  # (3 - 3) / 3
    assert (r.value, r.numerator, r.denominator) == (0.0, 0.0, 3.0)
    c = m.churn_rate(CUSTOMERS, Q1)  # 2 / 3
    assert c.value == pytest.approx(66.6667, abs=1e-3)
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    # S = a, f (b acquired on start day is N); E = a, b, e; N = b, e
    assert m.retention_rate(CUSTOMERS, year).value == pytest.approx(50.0)
    assert m.churn_rate(CUSTOMERS, year).value == pytest.approx(50.0)  # f lost on 31 Dec


def test_zero_denominators_are_not_enough_data() -> None:
    empty = Period(date(2000, 1, 1), date(2000, 12, 31))
    for value in (
        m.retention_rate(CUSTOMERS, empty),
        m.churn_rate(CUSTOMERS, empty),
        m.nps([], empty),
        m.csat([], empty),
        m.csat_mean([], empty),
        m.lifetime_value(CUSTOMERS, [], empty),
        m.acquisition_cost(CUSTOMERS, empty),
        m.referral_rate(CUSTOMERS, empty),
        m.retention_rate([], Q1),
    ):
        assert value.value is None
        assert value.reason == m.NOT_ENOUGH_DATA
        assert not value.available


def test_cac_and_referrals() -> None:
    cac = m.acquisition_cost(CUSTOMERS, Q1)  # (300 + 100 + 0) / 3
    assert cac.value == pytest.approx(400 / 3)
    ref = m.referral_rate(CUSTOMERS, Q1)  # c and g referred, of 3
    assert ref.value == pytest.approx(200 / 3)


SURVEYS = [
    S("p1", "a", "nps", 3, date(2026, 1, 5)),  # superseded by the later 10
    S("p1", "a", "nps", 10, date(2026, 3, 31)),
    S("p2", "a", "nps", 9, date(2026, 2, 1)),
    S("p3", "b", "nps", 7, date(2026, 2, 1)),
    S("p4", "b", "nps", 6, date(2026, 1, 1)),
    S("p5", "b", "nps", 0, date(2025, 12, 31)),  # before the period
    S("p6", "c", "nps", 10, date(2026, 4, 1)),  # after the period
    S(None, "c", "nps", 2, date(2026, 2, 2)),  # anonymous: counts
    S("p1", "a", "csat", 5, date(2026, 1, 2)),
    S("p1", "a", "csat", 4, date(2026, 1, 3)),
    S("p2", "a", "csat", 2, date(2026, 1, 4)),
    S("p2", "a", "csat", 3, date(2026, 5, 4)),
]


def test_nps_latest_per_contact_in_period() -> None:
    # counted: p1=10, p2=9, p3=7, p4=6, anon=2 -> promoters 2, detractors 2, of 5
    value = m.nps(SURVEYS, Q1)
    assert (value.value, value.numerator, value.denominator) == (0.0, 0.0, 5.0)
    dist = m.nps_distribution(SURVEYS, Q1)
    assert dist[10] == 1 and dist[9] == 1 and dist[7] == 1 and dist[6] == 1 and dist[2] == 1
    assert sum(dist) == 5
    only = Period(date(2026, 3, 31), date(2026, 3, 31))
    assert m.nps(SURVEYS, only).value == 100.0


def test_csat_share_and_mean() -> None:
    assert m.csat(SURVEYS, Q1).value == pytest.approx(200 / 3)
    assert m.csat_mean(SURVEYS, Q1).value == pytest.approx(11 / 3)


def test_lifetime_value() -> None:
    period = Period(date(2025, 1, 1), date(2025, 12, 31))  # 365 days
    customers = [C("x", date(2024, 1, 1)), C("y", date(2025, 1, 1), date(2025, 7, 2))]
    deals = [
        D("x", Decimal("1000"), date(2025, 3, 1), "won"),
        D("x", Decimal("3000"), date(2025, 9, 1), "won"),
        D("y", Decimal("2000"), date(2025, 5, 1), "won"),
        D("y", Decimal("9000"), date(2025, 5, 1), "lost"),
        D("y", Decimal("9000"), None, "open"),
        D("x", Decimal("9000"), date(2026, 1, 1), "won"),
    ]
    apv = m.average_purchase_value(deals, period)
    assert apv.value == pytest.approx(2000.0)
    years = 365 / 365.25
    freq = m.purchase_frequency(customers, deals, period)
    assert freq.value == pytest.approx(3 / (2 * years))
    life = m.average_lifespan_years(customers, period)
    assert life.value == pytest.approx((730 + 182) / 365.25 / 2)
    clv = m.lifetime_value(customers, deals, period)
    assert clv.value == pytest.approx(2000.0 * freq.value * life.value)  # type: ignore[operator]
    one = m.account_lifetime_value(customers[0], deals, date(2025, 12, 31))
    assert one.value is not None and one.value > 0
    assert m.account_lifetime_value(C("z", None), deals, date(2025, 1, 1)).value is None


def test_quarters_and_period() -> None:
    qs = m.quarters(Period(date(2025, 2, 15), date(2026, 1, 10)))
    assert [(q.start, q.end) for q in qs] == [
        (date(2025, 2, 15), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 9, 30)),
        (date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 10)),
    ]
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2), date(2026, 1, 1))
    assert m.compute_all(CUSTOMERS, SURVEYS, [], Q1).lifetime_value.value is None
