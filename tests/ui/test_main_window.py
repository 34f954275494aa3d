from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def window(ctx: Any, qtbot: Any, tmp_path: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_navigation_lists_only_existing_screens(window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["Today", "Accounts", "Contacts"]
    assert all(t not in titles for t in ("Reports", "Countries")) or len(titles) > 3


def test_every_screen_in_the_navigation_has_its_icon(window: MainWindow) -> None:
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        pixmap = item.icon().pixmap(24, 24)
        assert not pixmap.isNull(), item.text()
        opaque = sum(
            1 for x in range(24) for y in range(24) if pixmap.toImage().pixelColor(x, y).alpha() > 0
        )
        assert opaque > 20, item.text()  # something is drawn


def test_switching_screens_and_back_from_a_record(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("accounts")
    assert window.current_key() == "accounts"
    window.open_record("account", sample["riga"])
    assert window.stack.currentWidget() is window.records[-1]
    window.go_back()
    assert window.stack.currentWidget() is window.screens["accounts"]


def test_ctrl_k_search_as_you_type_opens_the_record(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "somch")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=3000)
    assert window.search.hits[0].title == "Somchai Jaidee"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    view = window.records[-1]
    assert view.record_id == sample["somchai"]  # type: ignore[attr-defined]


def test_status_bar_shows_the_users_zone_and_time(window: MainWindow) -> None:
    assert window.clock.text() == "Your time: 11:30 · Riga"


def test_geometry_is_remembered(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "geometry.ini"), QSettings.Format.IniFormat)
    first = MainWindow(ctx, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)  # the offscreen screen is 800×600
    first.show_screen("contacts")
    size = first.size()
    first.close()
    second = MainWindow(ctx, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert second.current_key() == "contacts"


def test_list_screen_filters_as_you_type(
    window: MainWindow, sample: dict[str, str], qtbot: Any
) -> None:
    window.show_screen("contacts")
    screen = window.screens["contacts"]
    model = screen.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=3000)
    qtbot.keyClicks(screen.search, "ozo")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert "1 record" in screen.count.text()  # type: ignore[attr-defined]
