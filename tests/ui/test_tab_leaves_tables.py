"""Tab leaves a table: the arrows move between its rows and cells, Tab and Shift+Tab go on to
the next control. Every table of the app kept Tab for itself (Qt's tab-key navigation walks
the cells and wraps round), so a keyboard user who tabbed into the account list, Today's
follow-ups, the duplicates or the meeting planner's grid could not tab out again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from accountdesk.core.demo import generate
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"


def _settle() -> None:
    for _ in range(4):
        tasks.wait_all()
        tasks.pump(20)


def _leaves(qtbot: Any, view: QAbstractItemView) -> bool:
    """Whether Tab, then Shift+Tab, take the focus out of ``view`` (on a row of it)."""
    assert view.model() is not None and view.model().rowCount() > 0
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.setCurrentIndex(view.model().index(0, 0))
        assert QApplication.focusWidget() is view
        qtbot.keyClick(view, key)
        if QApplication.focusWidget() is view:
            return False
    return True


def _tables(root: QWidget) -> list[QTableView]:
    return [
        v
        for v in root.findChildren(QTableView)
        if v.isVisible()
        and v.focusPolicy() & Qt.FocusPolicy.TabFocus
        and v.model() is not None
        and v.model().rowCount() > 0
    ]


def test_tab_leaves_every_table_of_the_screens(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from accountdesk.ui.main_window import MainWindow

    generate(ctx.db, accounts=8, seed=7)
    # a likely duplicate, so that the Duplicates screen has a table (demo contacts have
    # numbers of their own, and eight accounts' worth need not hold namesakes)
    from sqlalchemy import select

    from accountdesk.core.db.models import Contact
    from accountdesk.core.records import ContactInput
    from accountdesk.core.services.accounts import create_contact

    with ctx.db.reader() as session:
        first = session.scalars(select(Contact).limit(1)).one()
        twin = ContactInput(
            account_id=first.account_id, given_name=first.given_name,
            family_name=first.family_name, country=first.country, timezone=first.timezone,
            phones=[p["value"] for p in first.phones],
        )  # fmt: skip
    create_contact(ctx.db, twin)
    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    checked = []
    for key in ("today", "accounts", "contacts", "followups", "duplicates"):
        window.show_screen(key)
        _settle()
        for view in _tables(window.screen_widget(key)):
            assert _leaves(qtbot, view), (key, view.objectName())
            checked.append(key)
    assert {"today", "accounts", "contacts", "followups", "duplicates"} <= set(checked)


def test_tab_leaves_the_tables_of_the_dialogs(qtbot: Any, ctx: Any, person: Any) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog
    from accountdesk.ui.import_dialog import ImportDialog

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    planner = PlannerDialog(ctx, [ayse])
    importing = ImportDialog(ctx, DATA / "google_contacts.csv")
    for dialog in (planner, importing):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitActive(dialog)
        _settle()
        tables = _tables(dialog)
        assert tables
        for view in tables:
            assert _leaves(qtbot, view), (type(dialog).__name__, view.objectName())
