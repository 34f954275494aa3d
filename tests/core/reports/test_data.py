from __future__ import annotations

from datetime import date
from decimal import Decimal

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, Deal, SurveyResponse
from accountdesk.core.metrics import Period
from accountdesk.core.reports.data import metrics_for


def test_metrics_for_reads_scope(db: Database) -> None:
    with db.transaction() as s:
        a = Account(
            name="A", country="LV", customer_since=date(2024, 1, 1), owner="ann", tier="gold"
        )
        b = Account(
            name="B", country="TH", customer_since=date(2024, 1, 1), lost_on=date(2025, 6, 1)
        )
        c = Account(
            name="C", country="LV", customer_since=date(2025, 3, 1), acquisition_cost=Decimal(50)
        )
        s.add_all([a, b, c])
        s.flush()
        s.add(
            Deal(
                account_id=a.id,
                title="x",
                amount=Decimal(100),
                currency="EUR",
                status="won",
                closed_on=date(2025, 2, 1),
            )
        )
        s.add(SurveyResponse(account_id=a.id, kind="nps", score=10, answered_on=date(2025, 5, 1)))
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    all_ = metrics_for(db, year)
    assert all_.customers_at_start == 2 and all_.acquired == 1
    assert all_.churn.value == 50.0
    assert all_.nps.value == 100.0
    lv = metrics_for(db, year, country="lv")
    assert lv.churn.value == 0.0 and lv.cac.value == 50.0
    assert metrics_for(db, year, owner="nobody").retention.value is None
    assert metrics_for(db, year, segment="gold").customers_at_start == 1
    assert metrics_for(db, year, account_ids=[c.id]).customers_at_start == 0
