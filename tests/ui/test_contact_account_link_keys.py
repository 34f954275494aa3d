"""A contact's page links to its account under the name ("Valdes priekšsēdētājs · Decision
maker · SIA Dzintars"): Tab reaches the link and Enter opens the account. The link took only
a click, so a keyboard user could not go from a contact to its account."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_tab_reaches_the_account_link_and_enter_opens_the_account(
    qtbot: Any, ctx: Any, tmp_path: Any
) -> None:
    from accountdesk.ui.accounts.view import AccountView
    from accountdesk.ui.main_window import MainWindow

    account = create_account(ctx.db, AccountInput(name="SIA Dzintars", country="LV"))
    contact = create_contact(
        ctx.db,
        ContactInput(account_id=account, given_name="Aigars", family_name="Kalniņš", country="LV"),
    )
    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.open_record("contact", contact)
    tasks.wait_all()
    tasks.pump(20)
    view = window.records[-1]
    window.search.setFocus()
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is view.subtitle:
            break
    assert QApplication.focusWidget() is view.subtitle
    qtbot.keyClick(view.subtitle, Qt.Key.Key_Tab)  # Qt's labels: the next Tab picks the link
    assert QApplication.focusWidget() is view.subtitle
    fired: list[str] = []
    view.subtitle.linkActivated.connect(fired.append)
    qtbot.keyClick(view.subtitle, Qt.Key.Key_Return)
    assert fired == ["account"]
    tasks.wait_all()
    tasks.pump(20)
    shown = window.records[-1]
    assert isinstance(shown, AccountView), window.records
    assert shown.record_id == account
