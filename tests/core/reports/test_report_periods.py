"""The periods a report compares: the previous period in the report's calendar (a Persian
report's year and quarters are Solar Hijri), and the period an account report covers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.metrics import Period
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _texts(story: list[object]) -> list[str]:
    return [plain(f.text) for f in story if isinstance(f, TextBlock)]


@pytest.mark.parametrize(
    ("lang", "days", "before"),
    [
        # Solar Hijri 1404 beside 1403 (a leap year from 1 Farvardin, 2024-03-20)
        ("fa", (date(2025, 3, 21), date(2026, 3, 20)), (date(2024, 3, 20), date(2025, 3, 20))),
        # Q1 1405 beside Q4 1404 (1 Dey – 29 Esfand)
        ("fa", (date(2026, 3, 21), date(2026, 6, 21)), (date(2025, 12, 22), date(2026, 3, 20))),
        ("en", (date(2026, 1, 1), date(2026, 3, 31)), (date(2025, 10, 1), date(2025, 12, 31))),
    ],
)
def test_the_portfolio_compares_the_period_before_in_its_calendar(
    tmp_path: Path, lang: str, days: tuple[date, date], before: tuple[date, date]
) -> None:
    period, previous = Period(*days), Period(*before)
    db = open_database(tmp_path / "p.db")
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        story, _title = d._portfolio_story(db, ctx, period, Scope(), RateBook("EUR", period.end))
        start, end = plain(ctx.date(previous.start)), plain(ctx.date(previous.end))
    db.close()
    notes = [t for t in _texts(story) if start in t and end in t]
    assert notes, (start, end, _texts(story)[:6])


def _account(db: Database) -> str:
    from accountdesk.core.db.models import Account, Deal, Interaction

    with db.transaction() as s:
        account = Account(name="Pioneer Freight", country="US", customer_since=date(2023, 1, 1))
        s.add(account)
        s.flush()
        for closed, amount in ((date(2024, 3, 27), 2203), (date(2024, 10, 11), 23900),
                               (date(2026, 5, 2), 999)):  # fmt: skip
            s.add(Deal(account_id=account.id, title=f"Order {amount}", amount=Decimal(amount),
                       currency="EUR", status="won", closed_on=closed))  # fmt: skip
        for day in (date(2023, 6, 1), date(2024, 2, 1), date(2024, 2, 9), date(2026, 8, 1)):
            s.add(Interaction(account_id=account.id, kind="call", subject=f"Call {day}",
                              occurred_zone="America/New_York",
                              occurred_at=datetime.combine(day, datetime.min.time(), UTC)
                              + timedelta(hours=15)))  # fmt: skip
        return account.id


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_the_account_report_covers_the_period_asked_for(tmp_path: Path, lang: str) -> None:
    """The Reports screen showed the figures of 2024 beside a PDF of the last 12 months,
    saved as "account-2024-01-01-2024-12-31-en.pdf"."""
    db = open_database(tmp_path / "a.db")
    account = _account(db)
    year = Period(date(2024, 1, 1), date(2024, 12, 31))
    ctx = d._context(lang, NOW, "UTC")
    with i18n.use_language(lang):
        story, _title = d._account_story(db, account, ctx, RateBook("EUR", year.end), year)
        default, _title = d._account_story(db, account, ctx, RateBook("EUR", NOW.date()))
        this, last12 = i18n._("This period"), i18n._("Last 12 months")
        closed = i18n._("Deals closed in the period")
        # the year before (in Persian as many days: 2024 is no whole Solar Hijri months)
        before = year.previous(i18n.current_calendar()).start
        shown = [plain(ctx.date(x)) for x in (year.start, year.end, before)]
        subjects = ["Call 2024-02-01", "Call 2024-02-09"]
        revenue = plain(i18n.format_currency(Decimal(26103), "EUR"))
    db.close()
    texts = [t for f in story for t in _cells(f)]
    assert this in texts and last12 not in texts and closed in texts
    assert any(all(x in t for x in shown) for t in texts)  # the period note: 2024 and 2023
    assert revenue in texts  # the deals won in 2024, not those of the last 12 months
    assert all(s in texts for s in subjects) and "Call 2026-08-01" not in texts
    assert "Order 999" not in texts  # closed in 2026
    default_texts = [t for f in default for t in _cells(f)]
    assert last12 in default_texts and "Order 999" in default_texts


def _cells(flowable: object) -> list[str]:
    if isinstance(flowable, TextBlock):
        return [plain(flowable.text)]
    return [
        plain(c.text)
        for row in getattr(flowable, "_cellvalues", ())
        for c in row
        if isinstance(c, TextBlock)
    ]
