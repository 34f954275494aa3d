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


def test_a_refused_period_clears_the_figures_of_the_choices_before(
    ctx: Any, demo_db: Database, qtbot: Any
) -> None:
    """The refusal was shown above the last 12 months' figures (review rev31, item 2b)."""
    screen = _screen(ctx, qtbot)
    _settle(screen, qtbot)
    assert screen.metric_texts()  # the last 12 months
    screen.start.setDate(QDate(2025, 4, 1))  # after today, 12 March 2025
    screen.end.setDate(QDate(2025, 6, 30))
    screen.refresh_metrics()
    tasks.wait_all()
    assert "The period starts after today" in screen.message.text()
    assert screen.metrics is None and screen.metric_texts() == {}
    assert screen.money_note.text() == "" and screen.nps_chart.values == []
    assert not screen.table.isVisibleTo(screen) and not screen.nps_chart.isVisibleTo(screen)


def test_figures_still_computed_for_earlier_choices_are_not_shown_under_a_refusal(
    ctx: Any, demo_db: Database, qtbot: Any
) -> None:
    screen = _screen(ctx, qtbot)
    screen.refresh_metrics()  # the last 12 months, computed on a worker thread …
    screen.end.setDate(QDate(2024, 1, 1))  # … while the period is made to end before it starts
    screen.start.setDate(QDate(2024, 6, 1))
    screen.refresh_metrics()
    tasks.wait_all()
    assert screen.message.text() == "The period ends before it starts."
    assert screen.metrics is None and screen.metric_texts() == {}


def test_a_failure_clears_the_figures(
    ctx: Any, demo_db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui.reports import screen as screen_module

    screen = _screen(ctx, qtbot)
    _settle(screen, qtbot)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(screen_module, "compute_metrics", broken)
    screen.start.setDate(QDate(2024, 1, 1))
    screen.refresh_metrics()
    qtbot.waitUntil(lambda: "disk on fire" in screen.message.text(), timeout=10000)
    assert screen.metrics is None and screen.metric_texts() == {}


def test_a_trip_brief_shows_no_figures_and_says_why(
    ctx: Any, demo_db: Database, qtbot: Any
) -> None:
    """A trip brief is about days to come: it showed retention and churn for them (review
    rev31, item 2a)."""
    screen = _screen(ctx, qtbot)
    _settle(screen, qtbot)
    screen.kind.setCurrentIndex(screen.kind.findData("trip"))
    screen.refresh_metrics()
    tasks.wait_all()
    assert screen.metrics is None and screen.metric_texts() == {}
    assert screen.metrics_hint.isVisibleTo(screen)
    assert screen.metrics_hint.text() == (
        "A trip brief is about the days to come: it has no figures to measure."
    )
    assert not screen.table.isVisibleTo(screen)
    # back to the portfolio: its figures again
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    _settle(screen, qtbot)
    assert screen.metric_texts() and not screen.metrics_hint.isVisibleTo(screen)
