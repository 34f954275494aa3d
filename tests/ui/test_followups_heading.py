"""The Follow-ups screen's title is as large as the other screens' titles, relative to the
font: it was 18 pixels whatever the font, smaller than the 15 pt text under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel

from accountdesk.core.i18n import _

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def large_font(app_font: Callable[[float], None]) -> None:
    app_font(15)


def test_the_title_grows_with_the_font(ctx: Any, qtbot: Any, large_font: None) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen
    from accountdesk.ui.today.screen import TodayScreen

    followups = FollowUpsScreen(ctx)
    today = TodayScreen(ctx, asynchronous=False)
    for screen in (followups, today):
        qtbot.addWidget(screen)

    def title(screen: Any, text: str) -> QLabel:
        found = [label for label in screen.findChildren(QLabel) if label.text().endswith(text)]
        assert found, text
        return found[0]

    own = QFontInfo(title(followups, _("Follow-ups")).font())
    body = QFontInfo(followups.filter.font())
    other = QFontInfo(title(today, _("Today")).font())
    assert own.pixelSize() > body.pixelSize() * 1.2
    assert own.pixelSize() == other.pixelSize() and own.bold()
