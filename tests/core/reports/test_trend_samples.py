"""The portfolio's trend by quarter gives each value with its sample, a small one marked
(review rev20, 8: lines drawn from one to four answers looked as sure as any)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from accountdesk.core import i18n
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, SurveyResponse
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope

from .test_report_periods import _cells

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_the_trend_table_gives_each_quarters_sample(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    with db.transaction() as s:
        for i in range(12):
            account = Account(name=f"A{i}", country="LV", customer_since=date(2025, 1, 1))
            s.add(account)
            s.flush()
            if i < 2:  # two NPS answers in Q2 2026: NPS 100 from 2 answers
                s.add(SurveyResponse(account_id=account.id, kind="nps", score=10,
                                     answered_on=date(2026, 5, 4)))  # fmt: skip
    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    ctx = d._context("en", NOW, "UTC")
    with i18n.use_language("en"):
        story, _title = d._portfolio_story(db, ctx, period, Scope(), RateBook("EUR", period.end))
    db.close()
    texts = [t for f in story for t in _cells(f)]
    at = texts.index("Quarter")
    assert texts[at : at + 12] == [
        "Quarter", "Retention (%)", "NPS", "CSAT (4–5, %)",
        "Q1 2026", "100.0% (12)", "not enough data (0 *)", "not enough data (0 *)",
        "Q2 2026", "100.0% (12)", "100 (2 *)", "not enough data (0 *)",
    ]  # fmt: skip
