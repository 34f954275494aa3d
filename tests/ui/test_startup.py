"""The start of the desktop app: the window is shown and takes input before the database layer
is imported; the database opens on a worker thread and the window is then completed.
ACCOUNTDESK_EXIT_WHEN_READY ends the process once the window is interactive (start-up timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.services.accounts import AccountInput, create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: What the window must not need before it is interactive.
HEAVY = ("sqlalchemy", "alembic", "holidays", "reportlab", "phonenumbers")


def add_account(db: Database) -> None:
    create_account(db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga"))


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ACCOUNTDESK_HOME=str(tmp_path / "home"))
    env["ACCOUNTDESK_EXIT_WHEN_READY"] = "1"
    return env


def test_exit_when_ready_quits_with_0_once_the_window_is_painted(
    db: Database, tmp_path: Path
) -> None:
    add_account(db)
    path = db.path
    assert path is not None
    done = subprocess.run(
        [sys.executable, "-m", "accountdesk", "--db", str(path), "--lang", "en"],
        env=_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # written by the window's first-paint handler, then the app quits
    assert done.stdout.splitlines() == ["The main window is shown and takes input."]


def test_exit_when_filled_quits_once_the_first_screen_has_its_data(
    db: Database, tmp_path: Path
) -> None:
    add_account(db)
    env = dict(_env(tmp_path), ACCOUNTDESK_EXIT_WHEN_READY="filled")
    code = (
        "import json, sys\n"
        "from accountdesk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from accountdesk.ui.today.screen import TodayScreen\n"
        "today = [w for w in QApplication.allWidgets() if isinstance(w, TodayScreen)]\n"
        "print(json.dumps([t.data is not None for t in today]))\n"
        "raise SystemExit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db.path), "--lang", "en"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "The first screen is shown with its data."
    assert json.loads(lines[-1]) == [True]  # Today was built and filled in


def test_the_window_is_interactive_before_the_database_layer_is_imported(
    db: Database, tmp_path: Path
) -> None:
    add_account(db)
    code = (
        "import json, sys\n"
        "from accountdesk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
        "raise SystemExit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db.path), "--lang", "en"],
        env=_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "The main window is shown and takes input."
    assert json.loads(lines[-1]) == []


def test_the_main_window_module_imports_no_database_layer(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "import accountdesk.ui.app, accountdesk.ui.main_window\n"
        "from accountdesk.ui.navigation import load_feature_screens\n"
        "load_feature_screens()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True,
        timeout=120, check=True,
    )  # fmt: skip
    assert json.loads(done.stdout) == []


def test_the_database_opens_after_the_window_and_a_click_meanwhile_is_kept(
    db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui import app as app_module
    from accountdesk.ui.contacts.screen import ContactsScreen

    add_account(db)
    path = db.path
    db.close()
    monkeypatch.setattr(app_module.Controller, "housekeeping", lambda self: None)
    starter = app_module.Starter(str(path), "en", None)
    window = starter.window
    qtbot.addWidget(window)
    starter.start()
    assert not window.attached  # shown, the database not open yet
    assert window.stack.currentWidget() is window.opening
    window.show_screen("contacts")  # clicked while the database opens
    qtbot.waitUntil(lambda: window.attached, timeout=20_000)
    try:
        assert starter.controller is not None and starter.controller.window is window
        assert window.current_key() == "contacts"
        assert isinstance(window.stack.currentWidget(), ContactsScreen)
        assert window.findChild(type(window.search), "globalSearch") is window.search
        assert window.menuBar().actions()  # the menus came with the context
    finally:
        window.close()
        starter.finish(0)


def test_a_database_that_cannot_be_opened_is_one_message_and_exit_1(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.ui import app as app_module

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    bad = tmp_path / "notes.db"
    bad.write_text("not a database\n" * 3)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    starter = app_module.Starter(str(bad), "en", None)
    qtbot.addWidget(starter.window)
    starter.start()
    qtbot.waitUntil(lambda: starter.code is not None, timeout=20_000)
    assert starter.finish(0) == 1
    assert len(shown) == 1 and str(bad) in shown[0]
    assert not starter.window.isVisible()
