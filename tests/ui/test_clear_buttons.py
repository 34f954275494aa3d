"""The clear button Qt puts in a search or filter field (an "×" icon) has a name: a screen
reader said nothing for it and hovering showed no tooltip, in the global search, the account
and contact filters, the follow-ups filter and the country search."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QToolButton

from accountdesk.core.i18n import _, use_language
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _clear_button(line: QLineEdit) -> QToolButton:
    line.setText("x")
    tasks.pump(5)
    found = [b for b in line.findChildren(QToolButton) if b.isVisibleTo(line)]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_every_clear_button_says_what_it_does(
    qtbot: Any, ctx: Any, tmp_path: Any, lang: str
) -> None:
    from accountdesk.ui.main_window import MainWindow

    with use_language(lang):
        window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        fields = [window.search]
        for key, name in (
            ("accounts", "search"),
            ("contacts", "search"),
            ("followups", "filter"),
            ("countries", "search"),
        ):
            window.show_screen(key)
            tasks.pump(10)
            fields.append(getattr(window.screen_widget(key), name))
        expected = _("Clear")
    for line in fields:
        button = _clear_button(line)
        assert button.text() == expected and button.toolTip() == expected, line.objectName()
