"""Reports → Exchange rates… with the keyboard: Enter in a field does what that field is for."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from accountdesk.core import settings
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.rates import list_rates
from accountdesk.ui.reports.rates import RatesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_enter_in_a_new_rate_adds_it_and_keeps_the_reporting_currency(
    ctx: Any, qtbot: Any, lang: str
) -> None:
    with use_language(lang):
        dialog = RatesDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitExposed(dialog)
        dialog.reporting.setText("USD")  # typed there, not confirmed
        dialog.currency.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.currency, timeout=2000)
        qtbot.keyClicks(dialog.currency, "TRY")
        qtbot.keyClick(dialog.currency, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "38,5" if lang == "tr" else "38.5")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert [(r.base, r.currency, str(r.rate)) for r in list_rates(ctx.db)] == [
            ("EUR", "TRY", "38.5")
        ]
        assert settings.get(ctx.db, "report.currency") is None  # "USD" was not saved


def test_enter_in_the_reporting_currency_saves_it(ctx: Any, qtbot: Any) -> None:
    dialog = RatesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.reporting.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reporting, timeout=2000)
    qtbot.keyClicks(dialog.reporting, "THB")
    qtbot.keyClick(dialog.reporting, Qt.Key.Key_Return)
    assert settings.get(ctx.db, "report.currency") == "THB"
    assert list_rates(ctx.db) == []
