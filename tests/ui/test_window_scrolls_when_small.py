"""The main window can be made as small as the screen whatever the font and the scale: a
screen that needs more room scrolls in it. With a 15 pt font on a 1024×700 screen Countries
made the window 762 px tall and an account 1193 px wide, at 150 % on a 1366×768 screen
Countries, Duplicates and an account were taller than it: their edges were out of reach."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SMALL = (1024, 700)


@pytest.fixture
def large_font(app_font: Callable[[float], None]) -> None:
    app_font(15)


def _window(ctx: Any, qtbot: Any, tmp_path: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    return window


def _settle() -> None:
    assert tasks.wait_all()
    for _ in range(4):
        tasks.pump(20)


def _area(window: MainWindow) -> QScrollArea:
    area = window.findChild(QScrollArea, "screenScroll")
    assert area is not None
    return area


def test_every_screen_fits_the_window_or_scrolls_in_it(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Any, large_font: None
) -> None:
    window = _window(ctx, qtbot, tmp_path)
    shown = [(s.key, lambda key=s.key: window.show_screen(key)) for s in window.screen_specs]
    shown += [
        ("account", lambda: window.open_record("account", sample["bangkok"])),
        ("contact", lambda: window.open_record("contact", sample["somchai"])),
    ]
    scrolled = set()
    for name, show in shown:
        show()
        _settle()
        hint = window.minimumSizeHint()
        assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], (name, hint.toTuple())
        assert window.size().toTuple() == SMALL, name
        page = window.stack.currentWidget()
        need = page.minimumSizeHint()
        # the screen has the room it needs, in the scroll area: never squeezed, never cut
        assert page.width() >= need.width() and page.height() >= need.height(), name
        viewport = _area(window).viewport()
        if page.width() > viewport.width() or page.height() > viewport.height():
            scrolled.add(name)
    assert "countries" in scrolled  # the case means something: a screen needs more room


def test_a_small_screen_does_not_scroll_for_a_larger_one_shown_before(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Any, large_font: None
) -> None:
    window = _window(ctx, qtbot, tmp_path)
    window.show_screen("countries")
    _settle()
    window.show_screen("today")
    _settle()
    viewport = _area(window).viewport()
    assert window.stack.currentWidget().size() == viewport.size()


def test_tab_scrolls_to_the_field_it_reaches(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Any, large_font: None
) -> None:
    window = _window(ctx, qtbot, tmp_path)
    window.resize(700, 360)
    window.open_record("account", sample["riga"])
    _settle()
    window.activateWindow()
    page = window.stack.currentWidget()
    viewport = _area(window).viewport()
    assert page.height() > viewport.height()  # it scrolls
    window.focus_screen()
    below = None
    for _ in range(30):  # Tab on until a field that was below the visible part has the focus
        focused = QApplication.focusWidget()
        assert focused is not None
        if page.isAncestorOf(focused) and focused.mapTo(page, QPoint(0, 0)).y() > viewport.height():
            below = focused
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        tasks.pump(10)
    assert below is not None
    seen = QRect(below.mapTo(viewport, QPoint(0, 0)), below.size()).intersected(viewport.rect())
    assert not seen.isEmpty(), below
    assert _area(window).verticalScrollBar().value() > 0  # scrolled down to it
