"""The Reports screen's figures of days not yet come, and its trend's samples (review rev20,
items 1 and 8)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.ui import tasks
from accountdesk.ui.reports.screen import ReportsScreen


@pytest.fixture
def demo_db(db: Database) -> Database:
    from accountdesk.core import demo

    demo.generate(db, accounts=40, seed=1)
    return db


def _screen(ctx: Any, qtbot: Any) -> ReportsScreen:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1400, 900)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    return screen


def _settle(screen: ReportsScreen, qtbot: Any) -> None:
    screen.refresh_metrics()
    qtbot.waitUntil(lambda: screen.metrics is not None and not tasks.busy(), timeout=10000)


def test_a_period_after_today_is_refused(ctx: Any, demo_db: Database, qtbot: Any) -> None:
    screen = _screen(ctx, qtbot)  # today: 12 March 2025
    screen.start.setDate(QDate(2025, 4, 1))
    screen.end.setDate(QDate(2025, 6, 30))
    screen.refresh_metrics()
    assert "The period starts after today (12 Mar 2025)" in screen.message.text()
    assert screen.request() is None


def test_a_period_that_ends_after_today_is_measured_so_far(
    ctx: Any, demo_db: Database, qtbot: Any
) -> None:
    screen = _screen(ctx, qtbot)
    screen.start.setDate(QDate(2025, 1, 1))  # "this quarter", to 31 March
    screen.end.setDate(QDate(2025, 3, 31))
    _settle(screen, qtbot)
    assert screen.metrics is not None
    period = screen.metrics.total.period
    assert (period.start, period.end, period.so_far) == (date(2025, 1, 1), date(2025, 3, 12), True)
    assert screen.metrics.by_quarter[-1][0].end == date(2025, 3, 12)
    assert plain(screen.money_note.text()).startswith(
        "1 Jan 2025 – 12 Mar 2025 so far: the period was asked to run to 31 Mar 2025"
    )


def test_the_quarterly_trend_shows_each_sample_and_its_partial_quarters(
    ctx: Any, demo_db: Database, qtbot: Any
) -> None:
    screen = _screen(ctx, qtbot)  # the last 12 months: 13 Mar 2024 – 12 Mar 2025
    _settle(screen, qtbot)
    assert screen.metrics is not None
    quarters = screen.metrics.by_quarter
    chart = screen.trend_chart
    expected = [
        f"{m.nps.sample} *" if m.nps.sample < 10 else str(m.nps.sample) for _q, m in quarters
    ]
    assert chart.samples == expected
    assert any(s.endswith(" *") for s in chart.samples)  # the demo's small quarters, marked
    # the first and the last quarter are only partly in the period, as the PDF says
    assert chart.note == "* Q1 2024, Q1 2025: parts of the quarters only."
    screen.grab()
