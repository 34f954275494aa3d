"""Today's "Holidays and seasons, next 7 days", then in its narrow right column: a week with a long
piece of advice (Thanksgiving's) made every row more than four lines tall, so the block put
every column on one line, elided: "HM King Bhumib…", "United Arab E…". The holiday and its
country are shown whole now, wrapped; the advice takes the lines the row has, its last one
elided, and is whole in its tooltip. The block now spans both columns of the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.ui.columns import text_width

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WHEN, COUNTRY, WHAT, ADVICE = 0, 1, 2, 3


@pytest.fixture(params=["en", "th", "fa", "tr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from accountdesk.ui.app import apply_language

    apply_language(request.param)
    yield request.param
    apply_language("en")


def _lines(view: QTableView, row: int, column: int) -> int:
    """How many lines the cell's text takes wrapped in its column (0: a word is wider)."""
    text = str(view.model().index(row, column).data() or "")
    room = view.columnWidth(column) - text_width(view, [""])
    metrics = view.fontMetrics()
    box = metrics.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
    return 0 if box.width() > room else box.height() // metrics.lineSpacing()


def test_the_holidays_are_whole_beside_long_advice(
    qtbot: Any, ctx: Any, person: Any, language: str
) -> None:
    from accountdesk.ui.today.screen import YIELDED_LINES, TodayScreen

    person("Tom", "US", "America/New_York", "Miller")
    person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    person("Fatima", "AE", "Asia/Dubai", "Al Nahyan")
    # Thanksgiving's long weekend (with its advice), the Emirates' National Day, King
    # Bhumibol's birthday
    ctx.clock = fixed_clock(datetime(2026, 11, 29, 19, 0, tzinfo=UTC))
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1095, 820)  # as in a window of 1280 px
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    section = screen.culture
    view = section.panel.view
    rows = range(min(section.model.rowCount(), 6))
    advice = [str(section.model.index(r, ADVICE).data() or "") for r in rows]
    assert any(len(plain(text)) > 40 for text in advice)  # the long advice is here
    # the block spans the grid (it was the right column's, every cell cut at 1024 px)
    assert section.width() > screen.working.width() + screen.recent.width() // 2
    header = view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) == view.viewport().width()
    assert view.wordWrap()
    line = view.fontMetrics().lineSpacing()
    for row in rows:
        for column in (COUNTRY, WHAT):  # whole, on the lines the row has
            lines = _lines(view, row, column)
            assert 0 < lines <= YIELDED_LINES, (language, row, column, lines)
            assert lines * line <= view.rowHeight(row), (language, row, column)
        assert view.rowHeight(row) <= YIELDED_LINES * line + 8
        # the advice is whole in its tooltip, when its cell has too few lines for it
        index = section.model.index(row, ADVICE)
        assert plain(str(index.data(Qt.ItemDataRole.ToolTipRole))) == plain(advice[row])
