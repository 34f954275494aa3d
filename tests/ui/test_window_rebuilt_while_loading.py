"""The window is built again (another language chosen, a backup restored) while its screens
are still loading: each load's result is dropped with the screen it was for. Today, the lists,
Follow-ups and Reports delivered their results to the deleted screens (RuntimeError: Internal
C++ object already deleted), as Countries did before b8a1408."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("key", ["today", "accounts", "contacts", "followups", "reports"])
def test_a_screen_deleted_while_it_loads_takes_no_result(
    ctx: Any, qtbot: Any, tmp_path: Any, sample: dict[str, str], key: str
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    window.show()
    tasks.wait_all()
    window.show_screen(key)  # builds the screen, which starts loading
    screen = window.screens[key]
    if key == "reports":  # an account report waits for an account: the portfolio computes
        screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    for name in ("reload", "refresh", "refresh_metrics"):
        again = getattr(screen, name, None)
        if callable(again):
            again()  # and once more, as a change elsewhere makes it
            break
    assert tasks.busy()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert tasks.wait_all()  # raised RuntimeError from the deleted screen's widgets
    assert not tasks.busy()
