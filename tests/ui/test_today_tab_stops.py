"""Today's lines under and beside a section: Tab stops at a link once, the link chosen, so
that Enter follows it (a link took two Tabs, the label's and the link's), never at a line
that is no link ("and 12 more": Enter did nothing there), and Shift+Tab leaves a link (it
never did: Qt found the same link again)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from accountdesk.core.i18n import N_
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _walk(qtbot: Any, start: QWidget, end: QWidget, key: Qt.Key) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) stops at from ``start`` until ``end``."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    tasks.pump(5)
    stops: list[QWidget] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        if key == Qt.Key.Key_Backtab:
            qtbot.keyClick(focused, key, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(focused, key)
        tasks.pump(5)
        now = QApplication.focusWidget()
        if now is end:
            return stops
        assert now is not None
        stops.append(now)
    raise AssertionError(f"Tab never reached {end.text()}: {stops}")  # type: ignore[attr-defined]


@pytest.mark.parametrize("more_is_a_link", [True, False])
def test_a_link_is_one_stop_and_a_plain_line_none(qtbot: Any, more_is_a_link: bool) -> None:
    from accountdesk.ui.today.screen import Section

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before, after = QPushButton("before"), QPushButton("after")
    section = Section([(N_("Name"), lambda item: item)], "Nothing", lambda _item: None)
    for widget in (before, section, after):
        layout.addWidget(widget)
    section.set_title("Overdue")
    section.set_items(["Anna", "Janis"])
    followed: list[str] = []
    section.set_link("Show all 11", lambda: followed.append("all"))
    if more_is_a_link:
        section.set_more("11 more in the next 7 days", lambda: followed.append("more"))
    else:
        section.set_more("and 12 more")
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    view = section.panel.view
    expected = [section.link, view] + ([section.more] if more_is_a_link else [])
    assert _walk(qtbot, before, after, Qt.Key.Key_Tab) == expected
    assert _walk(qtbot, after, before, Qt.Key.Key_Backtab) == expected[::-1]
    # one Tab reaches the link with it chosen: Enter follows it
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is section.link
    qtbot.keyClick(section.link, Qt.Key.Key_Return)
    assert followed == ["all"]
