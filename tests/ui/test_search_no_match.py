"""The global search (Ctrl+K) says when nothing matches what was typed: the suggestions simply
did not open, and Enter did nothing, with no word why."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(ctx: Any, qtbot: Any, tmp_path: Any, sample: dict[str, str]) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _said(window: MainWindow) -> str | None:
    shown = window._no_match_action.isVisible()  # the toolbar shows its widget a moment later
    return window.no_match.text() if shown else None


def test_typing_what_nothing_matches_says_so(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "zzqx")
    qtbot.waitUntil(lambda: _said(window) is not None, timeout=3000)
    said = _said(window)
    assert said is not None and "zzqx" in said
    window.search.clear()
    qtbot.keyClicks(window.search, "somch")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=3000)
    assert _said(window) is None  # something matches: no note
    window.search.selectAll()
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.search.text() == "" and not window.search.hits, timeout=3000)
    assert _said(window) is None


def test_enter_on_what_nothing_matches_says_so_at_once(window: MainWindow, qtbot: Any) -> None:
    window.focus_search()
    window.search.setText("zzqx")  # no time for the suggestions: Enter looks them up
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    said = _said(window)
    assert said is not None and "zzqx" in said
    assert window.records == []
