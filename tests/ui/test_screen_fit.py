"""Windows open no bigger than the screen (the offscreen screen is 800 × 800 pixels): the
import dialog (1100 × 760), the meeting planner (1100 × 560) and the main window's first size
(1280 × 800) ran off a small laptop's screen, buttons and all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"


def _free() -> Any:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def _fits(widget: Any) -> bool:
    free, least = _free(), widget.minimumSizeHint()
    return widget.width() <= max(free.width(), least.width()) and widget.height() <= max(
        free.height(), least.height()
    )


def test_the_import_dialog_fits_the_screen(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(ctx, SAMPLE)
    qtbot.addWidget(dialog)
    assert _free().width() < 1100  # the test means something only on a smaller screen
    assert _fits(dialog), dialog.size()


def test_the_planner_fits_the_screen(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.followups.planner import PlannerDialog

    dialog = PlannerDialog(ctx, [])
    qtbot.addWidget(dialog)
    assert _fits(dialog), dialog.size()


def test_the_main_window_opens_within_the_screen(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    from accountdesk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings)  # the first run: no remembered geometry
    qtbot.addWidget(window)
    assert window.width() <= _free().width() and window.height() <= _free().height()
