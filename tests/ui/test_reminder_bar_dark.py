"""The reminder bar's flat "Dismiss" is drawn on the bar's yellow: under a dark theme it kept
the palette's near-white text and could not be seen, only its hover outline."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from accountdesk.ui.colours import READABLE, contrast

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_dismiss_reads_on_the_bar_under_a_dark_theme(qapp: QApplication, qtbot: Any) -> None:
    from accountdesk.ui.colours import dark_palette
    from accountdesk.ui.followups.reminders import ReminderBar

    before = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        bar = ReminderBar(lambda preset: preset.key)  # how the menu names a snooze: not shown here
        qtbot.addWidget(bar)
        bar.show_text("2 follow-ups are due.")
        assert bar.dismiss.isFlat()
        found = re.search(r"background:\s*(#[0-9a-fA-F]{6})", bar.styleSheet())
        assert found is not None
        yellow = QColor(found.group(1))
        text = bar.dismiss.palette().color(QPalette.ColorRole.ButtonText)
        assert contrast(text, yellow) >= READABLE, text.name()
        # the other buttons draw their own background: they keep the palette's text
        complete = bar.complete.palette()
        button = complete.color(QPalette.ColorRole.Button)
        assert contrast(complete.color(QPalette.ColorRole.ButtonText), button) >= READABLE
    finally:
        qapp.setPalette(before)
