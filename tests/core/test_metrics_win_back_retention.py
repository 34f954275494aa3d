"""Retention stays within 0–100 % with win-backs: an account lost, won back and lost again in
one quarter was counted as churn of S and again as "won and lost" (retention −100 %, and 0 %
beside a customer kept all quarter whose "kept" was 50 %)."""

from __future__ import annotations

from datetime import date

from accountdesk.core.metrics import (
    CustomerRecord,
    Period,
    churn_rate,
    kept_rate,
    retention_rate,
    won_and_lost_in,
)

Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))

#: a customer since 2024, lost 10 Jan, won back 1 Feb, lost again 1 Mar
BACK_AND_GONE = CustomerRecord(
    "x", date(2025, 2, 1), date(2025, 3, 1), earlier=((date(2024, 1, 1), date(2025, 1, 10)),)
)
#: a customer since 2024, lost 10 Jan, won back 1 Feb, a customer at the end
BACK_AND_KEPT = CustomerRecord(
    "z", date(2025, 2, 1), None, earlier=((date(2024, 1, 1), date(2025, 1, 10)),)
)
KEPT = CustomerRecord("y", date(2024, 6, 1))
#: new in the quarter, lost in it: won and lost
NEW_AND_GONE = CustomerRecord("w", date(2025, 1, 20), date(2025, 3, 10))


def test_a_customer_lost_twice_in_a_quarter_is_lost_once() -> None:
    assert retention_rate([BACK_AND_GONE], Q1).value == 0.0
    assert won_and_lost_in([BACK_AND_GONE], Q1) == []
    both = [BACK_AND_GONE, KEPT]
    assert (retention_rate(both, Q1).value, kept_rate(both, Q1).value) == (50.0, 50.0)
    assert churn_rate(both, Q1).value == 50.0


def test_a_customer_won_back_inside_the_quarter_is_churn_and_not_retained() -> None:
    """Churn says it was lost; retention says so too (it is not kept)."""
    assert retention_rate([BACK_AND_KEPT, KEPT], Q1).value == 50.0
    assert churn_rate([BACK_AND_KEPT, KEPT], Q1).value == 50.0


def test_an_account_new_and_lost_in_the_quarter_still_lowers_retention() -> None:
    customers = [KEPT, NEW_AND_GONE]
    assert won_and_lost_in(customers, Q1) == [NEW_AND_GONE]
    assert retention_rate(customers, Q1).value == 0.0  # (E 1 − N 1) / S 1, as before
