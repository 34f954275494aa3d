"""An account won back (rev10 9): the account report's summary lists its earlier period as a
customer before its "customer since", as the account page does; the portfolio's metrics of
the closed quarter still count its loss."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.metrics import Period
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.records import AccountInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import metrics_for
from accountdesk.core.reports.textlayout import TextBlock
from accountdesk.core.services.accounts import account_input, create_account, update_account

NOW = datetime(2026, 12, 15, 12, 0, tzinfo=UTC)
Q1 = Period(date(2024, 1, 1), date(2024, 3, 31))


def _won_back(db: Database) -> str:
    account = create_account(
        db,
        AccountInput(
            name="Kras Vino", country="SI", status="lost",
            customer_since="2023-06-01", lost_on="2024-03-15",
        ),
    )  # fmt: skip
    data = account_input(db, account)
    data.status, data.lost_on, data.customer_since = "active", None, "2024-11-20"
    update_account(db, account, data)
    return account


def _rows(story: list[Any]) -> list[list[str]]:
    found = []
    for flowable in story:
        for row in getattr(flowable, "_cellvalues", ()):
            found.append([plain(c.text) for c in row if isinstance(c, TextBlock)])
    return found


def test_the_account_report_lists_the_earlier_period(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    account = _won_back(db)
    stories: list[list[Any]] = []
    monkeypatch.setattr(
        d, "_build", lambda target, ctx, title, subject, story: stories.append(story)
    )
    d.account_report(
        db, account, tmp_path / "a.pdf", lang="en", now=NOW, user_zone="UTC", period=Q1
    )
    rows = _rows(stories[0])
    labels = [r[0] for r in rows if len(r) == 2]
    assert ["Customer", "1 Jun 2023 – 15 Mar 2024"] in rows
    assert labels.index("Customer") < labels.index("Customer since")
    assert ["Customer since", "20 Nov 2024"] in rows
    # the portfolio's metrics count the closed quarter's loss (S 1, lost 1: churn 100 %)
    q1 = metrics_for(db, Q1, rate_book(db, Q1.end))
    assert (q1.customers_at_start, q1.lost, q1.churn.value) == (1, 1, 100.0)


def test_the_portfolio_appendix_says_the_win_back_rule() -> None:
    """The appendix says what README says ("How the relationship metrics are counted")."""
    rows = _rows(d._definitions(d._context("en", NOW, "UTC")))
    rule = next(r[1] for r in rows if r[0] == "Won back")
    assert "the win-back is an acquisition (N) of its period" in rule
    assert "the earlier loss stays churn of its own period" in rule
