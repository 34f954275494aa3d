"""Tab reaches every control of a screen: a keyboard user can press "New account…" and choose
a follow-up list without a mouse.

A screen whose focus proxy was its filter field lost, for Tab, every control before that field
(Qt moves the focus from the screen to its proxy and goes on from there): "New account…",
"New contact…" and the Follow-ups screen's list and status boxes were reached only with
Shift+Tab."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _window(qtbot: Any, ctx: Any, tmp_path: Any) -> Any:
    from PySide6.QtCore import QSettings

    from accountdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _reached_by(qtbot: Any, window: Any, key: Qt.Key) -> list[QWidget]:
    """The widgets that take the focus, in turn, from the global search round to it again."""
    window.search.setFocus(Qt.FocusReason.OtherFocusReason)
    reached: list[QWidget] = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), key)
        tasks.pump(5)
        focused = QApplication.focusWidget()
        if focused is None or focused is window.search:
            break
        reached.append(focused)
    return reached


def _controls(screen: QWidget) -> list[QWidget]:
    """The buttons, boxes and fields of a screen a keyboard user must be able to reach."""
    found: list[QWidget] = []
    for kind in (QAbstractButton, QComboBox, QLineEdit):
        for widget in screen.findChildren(kind):  # type: ignore[type-var]
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(widget.parent(), QComboBox)  # an editable box's own line
            ):
                found.append(widget)
    return found


@pytest.mark.parametrize(
    "key", ["today", "accounts", "contacts", "followups", "countries", "reports", "duplicates"]
)
def test_tab_reaches_every_control_of_a_screen(
    qtbot: Any, ctx: Any, person: Any, tmp_path: Any, key: str
) -> None:
    person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    window = _window(qtbot, ctx, tmp_path)
    window.show_screen(key)
    tasks.pump(30)
    screen = window.screen_widget(key)
    controls = _controls(screen)
    forward = _reached_by(qtbot, window, Qt.Key.Key_Tab)
    missed = [w for w in controls if w not in forward]
    assert not missed, [
        (type(w).__name__, w.objectName(), getattr(w, "text", str)()) for w in missed
    ]
    if key in ("accounts", "contacts"):
        assert screen.new_button in forward
        assert forward.index(screen.new_button) < forward.index(screen.search)  # as it reads
    if key == "followups":
        assert forward.index(screen.bucket) < forward.index(screen.filter)
        assert forward.index(screen.status) < forward.index(screen.filter)


@pytest.mark.parametrize("key", ["accounts", "followups"])
def test_the_view_menu_still_puts_the_keyboard_in_the_filter(
    qtbot: Any, ctx: Any, tmp_path: Any, key: str
) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.nav.setFocus()
    window._shower(key)()  # View → the screen (Ctrl+2, Ctrl+4)
    screen = window.screen_widget(key)
    assert window.focusWidget() is (screen.search if key == "accounts" else screen.filter)


def test_tab_goes_through_the_follow_ups_screen_as_it_reads(
    qtbot: Any, ctx: Any, person: Any, reminding: Any
) -> None:
    """Top to bottom: the reminder bar (the window's, above every screen), the filters, the
    action buttons, then the list. The list came before the buttons above it, and the
    reminder bar (at the top) after both."""
    from datetime import datetime

    from accountdesk.core.services import followups as service

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    window, reminders = reminding()
    window.resize(1024, 700)
    window.activateWindow()
    qtbot.waitActive(window)
    screen = window.screen_widget("followups")
    reminders.check()
    tasks.wait_all()
    tasks.pump(30)
    bar = reminders.bar
    assert bar.isVisibleTo(window)
    reached = _reached_by(qtbot, window, Qt.Key.Key_Tab)
    forward = [w for w in reached if screen.isAncestorOf(w) or bar.isAncestorOf(w)]
    expected = [bar.complete, bar.snooze, bar.open, bar.dismiss, screen.bucket, screen.status]
    expected += [screen.filter, *(screen.findChild(QWidget, n) for n in ("new", "complete"))]
    assert forward[: len(expected)] == expected, [w.objectName() for w in forward]
    assert reached[0] is bar.complete  # right after the search field
    assert forward[-1] is screen.table
    assert screen.findChild(QWidget, "import") in forward
