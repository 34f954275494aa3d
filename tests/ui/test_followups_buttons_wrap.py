"""The Follow-ups screen's eight buttons wrap onto a second line in a narrow window: in one
row they made the main window wider than a 1024-pixel screen at 12 pt (the default 9 pt and a
third), and every other screen with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

BUTTONS = ("new", "complete", "snooze", "reschedule", "delete", "planner", "export", "import")
NAVIGATION = 170  # the main window's list of screens beside it


@pytest.fixture
def larger_font(app_font: Callable[[float], None]) -> None:
    app_font(12)


def test_the_buttons_wrap_and_the_screen_fits_a_small_screen(
    ctx: Any, qtbot: Any, larger_font: None
) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.minimumSizeHint().width() <= 1024 - NAVIGATION
    screen.resize(560, 500)
    tasks.pump(20)
    buttons = [screen.findChild(QPushButton, name) for name in BUTTONS]
    assert all(button is not None and button.isVisible() for button in buttons)
    assert len({button.y() for button in buttons}) > 1  # on more than one line
    for button in buttons:
        assert screen.rect().contains(button.geometry()), button.text()
    assert screen.table.y() > max(button.geometry().bottom() for button in buttons)
