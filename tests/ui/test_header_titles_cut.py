"""A column title too long for its section ends in "…" and is shown whole on hover.

Qt's header cut a centred title at both ends with no mark: in Latvian on a 1024×700 screen,
Today's "Kontaktpersona" read "taktpers" and "Darāmais" ")arāmais" (seen in a tour)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QToolTip

from accountdesk.core.i18n import use_language
from accountdesk.ui import tasks
from accountdesk.ui.headers import WrappingHeader, title_cut
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _panel(qtbot: Any, width: int) -> QTableView:
    panel = ItemsPanel([("Kontaktpersona", lambda item: item), ("Gadi", lambda item: item)])
    qtbot.addWidget(panel)
    panel.model.set_items(["Aigars Kalniņš", "Līga Bērziņa"])
    view = panel.view
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setColumnWidth(0, width)
    panel.resize(400, 200)
    panel.show()
    tasks.pump(20)
    return view


def _hover(qtbot: Any, header: QHeaderView, section: int) -> str:
    """The tooltip the header shows when the pointer rests on ``section`` ("" for none)."""
    QToolTip.hideText()  # the last one goes after a moment
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    where = QPoint(x, header.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, where, header.viewport().mapToGlobal(where))
    QApplication.sendEvent(header.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_title_too_long_for_its_section_ends_in_an_ellipsis(qtbot: Any) -> None:
    view = _panel(qtbot, 50)
    header = view.horizontalHeader()
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    assert title_cut(header, 0) == "Kontaktpersona"
    assert title_cut(header, 1) is None  # "Gadi" fits its section


def test_a_cut_title_is_shown_whole_on_hover_and_one_that_fits_is_not(qtbot: Any) -> None:
    view = _panel(qtbot, 50)
    header = view.horizontalHeader()
    assert _hover(qtbot, header, 0) == "Kontaktpersona"
    assert _hover(qtbot, header, 1) == ""


def test_a_wide_enough_section_shows_its_title_without_a_tooltip(qtbot: Any) -> None:
    view = _panel(qtbot, 300)
    header = view.horizontalHeader()
    assert title_cut(header, 0) is None
    assert _hover(qtbot, header, 0) == ""


def test_every_table_of_the_screens_cuts_its_titles_with_an_ellipsis(
    ctx: Any, qtbot: Any, tmp_path: Any, sample: dict[str, str]
) -> None:
    """Each screen of the navigation, in Latvian on a small laptop's window: no table header
    cuts its titles without a mark (the Duplicates screen's contacts wrap theirs instead)."""
    with use_language("lv"):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        keys = [
            window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())
        ]
        assert {"today", "accounts", "contacts", "followups"} <= set(keys)
        for key in keys:
            window.show_screen(key)
            tasks.pump(20)
        window.open_record("contact", sample["anna"])
        tasks.pump(20)
        headers = [
            view.horizontalHeader()
            for view in window.findChildren(QTableView)
            if not isinstance(view.horizontalHeader(), WrappingHeader)
            and not view.horizontalHeader().isHidden()
            and view.objectName() != "days"  # a month's grid: its titles are days of the week
        ]
        assert len(headers) >= 5
        plain = [h.parent().objectName() or type(h.parent()).__name__ for h in headers
                 if h.textElideMode() != Qt.TextElideMode.ElideRight]  # fmt: skip
        assert plain == []
