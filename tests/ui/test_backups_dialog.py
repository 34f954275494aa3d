"""File → Backups…, the read-only banner, the private settings file, the error boundary."""

from __future__ import annotations

import os
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.backup import BEFORE_RESTORE, MANUAL, list_backups, make_backup
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.errors import disk_full
from accountdesk.core.db.schema import SCHEMA_HEAD
from accountdesk.core.queries.search import search
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui.context import AppContext
from accountdesk.ui.listmodel import PLAIN_ROLE
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen windows
NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)


def add_account(db: Database, name: str) -> str:
    return create_account(db, AccountInput(name=name, country="LV", timezone="Europe/Riga"))


def _names(db: Database, text: str) -> list[str]:
    return [h.title for h in search(db, text)]


def test_the_backups_dialog_lists_and_restores(
    ctx: AppContext, qtbot: Any, monkeypatch: Any
) -> None:
    from accountdesk.ui.app import Controller
    from accountdesk.ui.backups import BackupsDialog

    add_account(ctx.db, "Baltic Timber")
    make_backup(ctx.db, fixed_clock(NOW - timedelta(days=1)))
    add_account(ctx.db, "Later Account")

    controller = Controller(ctx.db)
    controller.ctx = ctx
    window = controller.build_window()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert any(a.text().replace("&", "") == "Backups…" for a in file_menu.actions())

    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, c).data(PLAIN_ROLE) for c in range(4)]
    assert row[1].endswith(("kB", "MB")) and row[2] == SCHEMA_HEAD and row[3] == "made by hand"
    assert "Backups are kept in" in dialog.where.text()

    dialog.back_up_now()
    assert dialog.model.rowCount() == 2

    dialog.view.selectRow(1)  # the older one, taken before "Later Account"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog.restore_current()
    assert dialog.restored
    assert len(told) == 1 and "was restored" in told[0]  # said before the window goes
    assert _names(ctx.db, "baltic") == ["Baltic Timber"]
    assert _names(ctx.db, "later") == []
    kinds = sorted(b.kind for b in list_backups(ctx.db))
    assert kinds == sorted([MANUAL, MANUAL, BEFORE_RESTORE])

    # The window is built again on the restored data, with a fresh undo history.
    old_ctx = controller.ctx
    window.database_replaced.emit()
    assert controller.ctx is not old_ctx and controller.window is not window
    assert isinstance(controller.window, MainWindow)
    qtbot.addWidget(controller.window)


def test_a_read_only_database_shows_a_banner(
    tmp_path: Path, monkeypatch: Any, qapp: Any, qtbot: Any
) -> None:
    from accountdesk.ui.app import create_app

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    create_app()
    path = tmp_path / "shared.db"
    writable = open_database(path)
    add_account(writable, "Baltic Timber")
    writable.close()
    db = open_database(path, read_only=True)
    ctx = AppContext(db, clock=fixed_clock(NOW))
    window = MainWindow(ctx, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    banner = window.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and banner.isVisibleTo(window)
    assert banner.text() == "Read-only: changes cannot be saved"
    window.statusBar().showMessage("something else", 1000)
    assert banner.isVisibleTo(window)  # a message does not hide it
    assert _names(db, "baltic") == ["Baltic Timber"]
    db.close()


def test_a_writable_database_has_no_banner(ctx: AppContext, qtbot: Any, tmp_path: Path) -> None:
    window = MainWindow(ctx, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.findChild(QLabel, "readOnlyBanner") is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_window_settings_are_private(db: Database, tmp_path: Path, qtbot: Any) -> None:
    ini = Path(QSettings().fileName())
    assert ini.is_relative_to(tmp_path / "home" / "settings")
    ctx = AppContext(db, clock=fixed_clock(NOW))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.save_layout()
    assert ini.stat().st_size > 0
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    for folder in (ini.parent, tmp_path / "home" / "settings", tmp_path / "home"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_the_error_boundary_shows_storage_failures_in_one_sentence(
    db: Database, monkeypatch: Any
) -> None:
    from accountdesk.ui.app import install_error_boundary, user_message

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    passed: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda k, e, t: passed.append(e))
    install_error_boundary(db)
    full = disk_full(db.path or "")
    sys.excepthook(type(full), full, None)
    bug = RuntimeError("a bug")
    sys.excepthook(RuntimeError, bug, None)
    assert shown == [full.message]
    assert passed == [bug]  # not dressed up as something else
    assert user_message(ValueError("x"), db) is None
