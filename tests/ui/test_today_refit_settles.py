"""Today's holiday block settles at a width where wrapping its rows would bring the screen's
scroll bar: at 1024 px in Slovenian the rows wrapped, grew taller, the scroll bar came and
took its breadth, the rows no longer fit wrapped and went back to one line, the bar went and
gave the breadth back, and so on: about a hundred refits a second, the block drawn half
empty. A block unwrapped for want of width wraps again only once it has grown by more than a
scroll bar's breadth."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QStyle

from accountdesk.core.clock import fixed_clock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_block_unwrapped_for_want_of_width_waits_for_more_than_a_scroll_bar(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    from accountdesk.ui.today.screen import TodayScreen

    person("Tom", "US", "America/New_York", "Miller")
    person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    person("Fatima", "AE", "Asia/Dubai", "Al Nahyan")
    ctx.clock = fixed_clock(datetime(2026, 11, 29, 19, 0, tzinfo=UTC))  # a week of holidays
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1095, 820)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    section = screen.culture
    view = section.panel.view
    header = view.horizontalHeader()
    assert section.wrapping
    others = header.sectionSize(0)  # the dates: as wide as their text
    fits = others + sum(section.floors.values())  # the narrowest width that wraps
    slack = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    around = section.width() - view.viewport().width()  # the block's margins

    def at(width: int) -> bool:
        section.setFixedWidth(width + around)  # as the screen's scroll bar comes and goes
        QApplication.processEvents()
        assert view.viewport().width() == width
        return section.wrapping

    assert not at(fits - 2)  # too narrow: one line each, elided
    assert not at(fits - 2 + slack)  # the bar's breadth back: still one line
    assert not at(fits - 2)
    assert at(fits + slack + 2)  # grown by more: wrapped
    assert at(fits + slack)  # narrower while wrapped: still wraps while the floors fit
