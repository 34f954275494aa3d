"""A row of buttons that wraps (ui/flow.py): one row when there is room, as many lines as it
needs when not, from the leading edge, never narrower than its widest button."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from accountdesk.ui import tasks
from accountdesk.ui.flow import FlowLayout

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
TEXTS = ["New…", "Complete", "Snooze", "Reschedule…", "Delete", "Meeting planner…"]


def _row(qtbot: Any, direction: Qt.LayoutDirection) -> tuple[QWidget, list[QPushButton]]:
    window = QWidget()
    window.setLayoutDirection(direction)
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    flow = FlowLayout()
    buttons = [QPushButton(text) for text in TEXTS]
    for button in buttons:
        flow.addWidget(button)
    outer.addLayout(flow)
    outer.addStretch(1)
    window.show()
    return window, buttons


def _lines(buttons: list[QPushButton]) -> int:
    return len({button.y() for button in buttons})


@pytest.mark.parametrize("direction", [LTR, RTL])
def test_the_row_wraps_when_narrow_and_is_one_line_when_wide(
    qtbot: Any, direction: Qt.LayoutDirection
) -> None:
    window, buttons = _row(qtbot, direction)
    one_line = window.sizeHint().width()
    window.resize(one_line + 40, 300)
    tasks.pump(10)
    assert _lines(buttons) == 1
    widest = max(button.sizeHint().width() for button in buttons)
    assert window.minimumSizeHint().width() < widest + 60  # as narrow as the widest button
    window.resize(widest + 40, 600)
    tasks.pump(10)
    assert _lines(buttons) == len(buttons)  # one a line
    window.resize(one_line // 2, 600)
    tasks.pump(10)
    assert 1 < _lines(buttons) < len(buttons)
    inside = window.contentsRect()
    for one, other in itertools.combinations(buttons, 2):
        assert not one.geometry().intersects(other.geometry())
    for button in buttons:
        assert inside.contains(button.geometry()), button.text()
    first, second = buttons[0].geometry(), buttons[1].geometry()
    if direction == RTL:  # from the right, as a Persian row reads
        assert first.right() > second.right()
        assert abs(first.right() - inside.right()) < 20
    else:
        assert first.left() < second.left()
        assert abs(first.left() - inside.left()) < 20
