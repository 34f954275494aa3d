"""The start of the desktop app: the window is shown and takes input before the database layer
is imported; the database opens on a worker thread and the window is then completed.
ACCOUNTDESK_EXIT_WHEN_READY ends the process once the window is interactive (start-up timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: What the window must not need before it is interactive.
HEAVY = (
    "sqlalchemy", "alembic", "holidays", "reportlab", "phonenumbers",
    "accountdesk.core.culture.countries",  # 33 ms: the region label in ui/fmt.py brought it
)  # fmt: skip


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
    offered: list[str] = []

    def decline(_p: Any, _t: str, text: str) -> QMessageBox.StandardButton:
        offered.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    starter = app_module.Starter(str(bad), "en", None)
    qtbot.addWidget(starter.window)
    starter.start()
    qtbot.waitUntil(lambda: starter.code is not None, timeout=20_000)
    assert starter.finish(0) == 1
    # a backup from a file was offered first (tests/ui/test_damaged_start.py), and declined
    assert len(offered) == 1 and "Restore a backup from a file?" in offered[0]
    assert len(shown) == 1 and str(bad) in shown[0]
    assert not starter.window.isVisible()


def _slow_open(
    monkeypatch: pytest.MonkeyPatch, go: threading.Event | None = None
) -> tuple[list[Database], list[Database]]:
    """open_database made to wait for ``go`` (None: no wait); the databases it opened and those
    closed since."""
    from accountdesk.core.db import engine

    real = engine.open_database
    opened: list[Database] = []
    closed: list[Database] = []

    def slow(target: Any, *args: Any, **kwargs: Any) -> Database:
        if go is not None:
            go.wait(30)
        found = real(target, *args, **kwargs)
        close = found.close

        def closing() -> None:
            closed.append(found)
            close()

        found.close = closing  # type: ignore[method-assign]
        opened.append(found)
        return found

    monkeypatch.setattr(engine, "open_database", slow)
    return opened, closed


def test_closing_the_window_while_the_database_opens_closes_what_the_worker_opened(
    db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui import app as app_module
    from accountdesk.ui import tasks

    add_account(db)
    path = db.path
    db.close()
    go = threading.Event()
    opened, closed = _slow_open(monkeypatch, go)
    monkeypatch.setattr(app_module.Controller, "housekeeping", lambda self: None)
    starter = app_module.Starter(str(path), "en", None)
    window = starter.window
    qtbot.addWidget(window)
    starter.start()
    qtbot.waitUntil(tasks.busy, timeout=20_000)  # painted: the opening job runs
    window.close()  # the user closes the window: the event loop ends
    go.set()
    assert starter.finish(0) == 0
    assert len(opened) == 1 and closed == opened  # waited for, and closed
    tasks.wait_all()
    assert starter.controller is None and not window.attached  # no screens for it


def test_the_database_opens_without_a_paint_and_only_once(
    db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui import app as app_module
    from accountdesk.ui import tasks

    add_account(db)
    path = db.path
    db.close()
    opened, _closed = _slow_open(monkeypatch)
    monkeypatch.setattr(app_module.Controller, "housekeeping", lambda self: None)
    paints: list[Any] = []  # a window that starts minimised is not painted
    monkeypatch.setattr(app_module, "after_first_paint", lambda _w, then: paints.append(then))
    starter = app_module.Starter(str(path), "en", None)
    window = starter.window
    qtbot.addWidget(window)
    try:
        starter.start()
        qtbot.waitUntil(lambda: window.attached, timeout=20_000)
        controller = starter.controller
        assert len(paints) == 1
        paints[0]()  # the window is painted at last: not opened again
        tasks.wait_all()
        assert len(opened) == 1 and starter.controller is controller
    finally:
        window.close()
        starter.finish(0)


def test_a_rebuild_in_the_stored_language_keeps_the_screen_chosen_and_exits_when_filled(
    db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from accountdesk.core import i18n
    from accountdesk.core.services.activity import set_setting
    from accountdesk.ui import app as app_module
    from accountdesk.ui.contacts.screen import ContactsScreen

    add_account(db)
    set_setting(db, "ui.language", "lv")  # the window was last shown in English
    path = db.path
    db.close()
    settings = QSettings()
    settings.setValue(app_module.LAST_LANGUAGE_KEY, "en")
    settings.setValue("window/screen", "today")
    settings.sync()
    quits: list[bool] = []
    monkeypatch.setattr(app_module, "quit_app", lambda: quits.append(True))
    app_module.apply_language("en")
    starter = app_module.Starter(str(path), None, None, exit_when=app_module.FILLED)
    shell = starter.window  # deleted by the rebuild: not handed to qtbot
    try:
        starter.start()
        assert shell.current_key() == "today"
        shell.show_screen("contacts")  # clicked while the database opens
        qtbot.waitUntil(lambda: quits == [True], timeout=20_000)  # the timer outlived the shell
        assert starter.controller is not None
        window = starter.controller.window
        assert window is not shell and i18n.current_language().code == "lv"
        qtbot.addWidget(window)
        assert window.current_key() == "contacts"
        assert isinstance(window.stack.currentWidget(), ContactsScreen)
    finally:
        if shiboken6.isValid(shell):
            shell.close()
        if starter.controller is not None:
            starter.controller.window.close()
        starter.finish(0)
        app_module.apply_language("en")


def test_a_database_that_stores_no_language_keeps_the_one_the_user_chose(
    db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from accountdesk.core import i18n
    from accountdesk.core.services.activity import get_setting
    from accountdesk.ui import app as app_module

    add_account(db)  # a file made by `import` or `demo`, or a new one: no "ui.language"
    assert get_setting(db, "ui.language") is None
    path = db.path
    db.close()
    QSettings().setValue(app_module.LAST_LANGUAGE_KEY, "fa")  # chosen on another database
    monkeypatch.setattr(app_module, "system_language", lambda: "en")
    quits: list[bool] = []
    monkeypatch.setattr(app_module, "quit_app", lambda: quits.append(True))
    app_module.apply_language(app_module.remembered_language() or "en")  # the first paint's
    starter = app_module.Starter(str(path), None, None, exit_when=app_module.FILLED)
    shell = starter.window
    try:
        starter.start()
        qtbot.waitUntil(lambda: quits == [True], timeout=20_000)
        assert starter.controller is not None
        assert starter.controller.window is shell  # not built again in another language
        assert i18n.current_language().code == "fa"
        assert app_module.remembered_language() == "fa"
    finally:
        if shiboken6.isValid(shell):
            shell.close()
        starter.finish(0)
        app_module.apply_language("en")


@pytest.mark.parametrize("chosen", ["--lang", "remembered"])
def test_already_open_is_said_in_the_language_chosen(
    db: Database, tmp_path: Path, chosen: str
) -> None:
    from PySide6.QtCore import QSettings

    from accountdesk.core import i18n
    from accountdesk.core.db.schema import database_url
    from accountdesk.ui import app as app_module

    add_account(db)
    args = ["--db", str(db.path)]
    if chosen == "--lang":
        args += ["--lang", "fa"]
    else:
        settings = QSettings()
        settings.setValue(app_module.LAST_LANGUAGE_KEY, "fa")
        settings.sync()
    running = app_module.SingleInstance(database_url(str(db.path)))
    assert running.listen(lambda: None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "accountdesk", *args],
            env=_env(tmp_path), capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        running.close()
    with i18n.use_language("fa"):
        expected = i18n._(
            "AccountDesk is already open on this database; that window was brought to the front."
        )
    assert done.returncode == 0, done.stderr
    assert expected in done.stderr.splitlines() and done.stdout == ""


#: A first start whose database takes long to open: it waits for the file argv[2] and says
#: when its window is brought to the front.
SLOW_FIRST = """
import sys, time
from pathlib import Path
from accountdesk.core.db import engine
from accountdesk.ui.main_window import MainWindow
real, (opening, go) = engine.open_database, map(Path, sys.argv[1:3])
def slow(target, *args, **kwargs):
    opening.write_text("opening")
    while not go.exists():
        time.sleep(0.02)
    return real(target, *args, **kwargs)
engine.open_database = slow
raise_ = MainWindow.raise_
def raised(self):
    print("raised", flush=True)
    raise_(self)
MainWindow.raise_ = raised
from accountdesk.cli import main
raise SystemExit(main(sys.argv[3:]))
"""


def test_a_second_start_while_the_database_opens_brings_the_first_forward(
    db: Database, tmp_path: Path
) -> None:
    add_account(db)
    opening, go = tmp_path / "opening", tmp_path / "go"
    args = ["--db", str(db.path), "--lang", "en"]
    first = subprocess.Popen(
        [sys.executable, "-c", SLOW_FIRST, str(opening), str(go), *args],
        env=dict(_env(tmp_path), ACCOUNTDESK_EXIT_WHEN_READY="filled"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(6000):  # the first start is opening its database
            if opening.exists() or first.poll() is not None:
                break
            time.sleep(0.02)
        assert opening.exists(), first.communicate()[1]
        second = subprocess.run(
            [sys.executable, "-m", "accountdesk", *args],
            env=_env(tmp_path), capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        go.write_text("go")
        out, err = first.communicate(timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stdout == ""  # no second window
    assert "already open" in second.stderr
    assert first.returncode == 0, err
    assert out.splitlines() == ["raised", "The first screen is shown with its data."]


#: A normal start (ending once the first screen has its data) that notes, at the window's first
#: paint, which of the heavy modules are imported.
AT_FIRST_PAINT = f"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from accountdesk.ui import app
painted = []
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append([m for m in {HEAVY!r} if m in sys.modules])
        return False
after_first_paint = app.after_first_paint
def noting(window, then):
    window.installEventFilter(Paint(window))
    after_first_paint(window, then)
app.after_first_paint = noting
from accountdesk.cli import main
code = main(sys.argv[1:])
print(json.dumps(painted))
print(json.dumps("sqlalchemy" in sys.modules))
raise SystemExit(code)
"""


def test_a_normal_start_paints_before_importing_the_database_layer_then_opens_it(
    db: Database, tmp_path: Path
) -> None:
    add_account(db)
    done = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, "--db", str(db.path), "--lang", "en"],
        env=dict(_env(tmp_path), ACCOUNTDESK_EXIT_WHEN_READY="filled"),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "The first screen is shown with its data."  # the database was opened
    assert json.loads(lines[1]) == [[]]  # nothing heavy at the first paint
    assert json.loads(lines[2]) is True
