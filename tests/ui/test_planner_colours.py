"""The meeting planner's coloured chips and headers have a text that reads on them: under a
dark theme the legend ("best compromise", "working hours", "off hours", "weekend",
"holiday") was the palette's near-white on pale colours, and the hour headers of the good
columns light text on light green."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from accountdesk.ui.colours import READABLE, contrast, dark_palette

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(before)


def _colour(style: str, prop: str) -> QColor:
    found = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", style)
    assert found is not None, style
    return QColor(found.group(1))


def test_the_legend_the_good_hours_and_the_cells_read(
    qtbot: Any, ctx: Any, person: Any, dark: None
) -> None:
    from accountdesk.core.i18n import _
    from accountdesk.ui.followups.planner import COLOURS, STATE_LABELS, PlannerDialog

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = PlannerDialog(ctx, [ayse])
    qtbot.addWidget(dialog)
    legend = {_(STATE_LABELS[state]) for state in COLOURS}
    swatches = [label for label in dialog.findChildren(QLabel) if label.text() in legend]
    assert len(swatches) == len(COLOURS)
    for swatch in swatches:
        style = swatch.styleSheet()
        assert contrast(_colour(style, "color"), _colour(style, "background")) >= READABLE
    table = dialog.table
    coloured = 0
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        assert header is not None
        if header.background().style() != Qt.BrushStyle.NoBrush:
            coloured += 1
            fore, back = header.foreground().color(), header.background().color()
            assert contrast(fore, back) >= READABLE, (column, fore.name(), back.name())
        for row in range(table.rowCount()):
            item = table.item(row, column)
            assert item is not None
            fore, back = item.foreground().color(), item.background().color()
            assert contrast(fore, back) >= READABLE, (row, column, fore.name(), back.name())
    assert coloured  # there are good hours to check
