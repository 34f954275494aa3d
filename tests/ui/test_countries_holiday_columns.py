"""Countries → Holidays: the date, the holiday and its kind stay inside the list. Each column
was as wide as its longest text, so a long Persian name ("ولادت حضرت قائم عجل الله تعالی فرجه و
جشن نیمه شعبان") pushed the kind past the window's edge at 1280 px, behind a horizontal scroll
bar. The name now takes the width the date and the kind leave, on more lines when it needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTableView

from accountdesk.core.bidi import plain
from accountdesk.ui import tasks
from accountdesk.ui.columns import text_width

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATE, HOLIDAY, KIND = 0, 1, 2


@pytest.fixture(params=[("fa", "IR"), ("th", "TH"), ("tr", "TR"), ("en", "US")])
def country(request: pytest.FixtureRequest) -> Iterator[str]:
    from accountdesk.ui.app import apply_language

    lang, code = request.param
    apply_language(lang)
    yield code
    apply_language("en")


def _texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data() or "") for row in range(model.rowCount())]


def _whole(view: QTableView, row: int, column: int) -> bool:
    """The cell's text fits its cell, wrapped onto the row's lines when the view wraps."""
    text = str(view.model().index(row, column).data() or "")
    room = view.columnWidth(column) - text_width(view, [""])
    metrics = view.fontMetrics()
    flags = Qt.TextFlag.TextWordWrap if view.wordWrap() else Qt.TextFlag.TextSingleLine
    box = metrics.boundingRect(QRect(0, 0, room, 100_000), flags, text)
    return box.width() <= room and box.height() <= view.rowHeight(row)


def test_the_kind_stays_in_sight_beside_a_long_name(ctx: Any, qtbot: Any, country: str) -> None:
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1095, 780)  # the screen in a window of 1280 px
    screen.select(country)
    screen.show()
    qtbot.waitExposed(screen)
    screen.tabs.setCurrentIndex(screen.tabs.count() - 1)
    tasks.pump(20)
    view = screen.holidays.view
    assert view.isVisible() and view.model().rowCount() > 5
    if country == "IR":
        names = [plain(name) for name in _texts(view, HOLIDAY)]
        assert any(len(name) > 45 for name in names), names  # the long one is among them
    header = view.horizontalHeader()
    sizes = [header.sectionSize(c) for c in range(header.count())]
    assert sum(sizes) <= view.viewport().width(), sizes
    assert not view.horizontalScrollBar().isVisible()
    # the date and the kind whole on one line, the name whole on its row's lines
    for column in (DATE, KIND):
        assert sizes[column] >= text_width(view, _texts(view, column)), column
    for row in range(view.model().rowCount()):
        assert _whole(view, row, HOLIDAY), (row, _texts(view, HOLIDAY)[row])
    # no row taller than its text needs: a short name's row is one line
    short = min(range(view.model().rowCount()), key=lambda r: len(_texts(view, HOLIDAY)[r]))
    assert view.rowHeight(short) < 2 * view.fontMetrics().lineSpacing()
