"""File → Load demo data… in a database that holds the user's own records asks first, and
offers a new file for the demo instead (the default), which leaves the records as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import app as app_module
from accountdesk.ui import firstrun, tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.main_window import MainWindow


def add_account(db: Database) -> None:
    create_account(db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga"))


def _accounts(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM accounts")).scalar_one())


def _window(ctx: AppContext, qtbot: Any, tmp_path: Path) -> MainWindow:
    from PySide6.QtCore import QSettings

    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    asked: list[str] = []

    def ask(_parent: object, accounts: int = firstrun.DEMO_ACCOUNTS) -> str:
        asked.append(choice)
        return choice

    monkeypatch.setattr(firstrun, "ask_demo_beside_records", ask)
    return asked


@pytest.mark.parametrize("choice", [firstrun.DEMO_NOT, firstrun.DEMO_HERE])
def test_demo_data_goes_among_the_users_records_only_when_they_say_so(
    ctx: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    add_account(ctx.db)
    asked = _answer(monkeypatch, choice)
    _window(ctx, qtbot, tmp_path).load_demo()
    tasks.wait_all()
    assert asked == [choice]
    expected = 1 + firstrun.DEMO_ACCOUNTS if choice == firstrun.DEMO_HERE else 1
    assert _accounts(ctx.db) == expected


def test_the_demo_in_a_new_file_leaves_the_records_and_opens_a_window_on_it(
    ctx: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_account(ctx.db)
    _answer(monkeypatch, firstrun.DEMO_APART)
    opened: list[Path] = []
    monkeypatch.setattr(app_module, "open_window", lambda path: opened.append(path) or True)
    said: list[str] = []
    ctx.status.connect(said.append)
    _window(ctx, qtbot, tmp_path).load_demo()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    demo = tmp_path / "home" / "demo.db"
    assert opened == [demo]
    assert _accounts(ctx.db) == 1  # the user's own, alone
    made = open_database(demo)
    assert _accounts(made) == firstrun.DEMO_ACCOUNTS
    made.close()
    assert said[-1].startswith(f"The demo data is in {demo}, opened in a window of its own.")


def test_an_empty_database_gets_the_demo_without_a_question(
    ctx: AppContext, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(*_args: object) -> str:
        pytest.fail("an empty database was asked about")

    monkeypatch.setattr(firstrun, "ask_demo_beside_records", ask)
    _window(ctx, qtbot, tmp_path).load_demo()
    qtbot.waitUntil(lambda: _accounts(ctx.db) == firstrun.DEMO_ACCOUNTS, timeout=30_000)


def test_the_question_says_what_is_added_and_that_there_is_no_undo(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[QMessageBox] = []

    def click(box: QMessageBox, text: str) -> int:
        shown.append(box)
        for button in box.buttons():
            if button.text() == text:
                button.click()
        return 0

    for text_, expected in (
        ("Demo in a new file", firstrun.DEMO_APART),
        ("Add to my records", firstrun.DEMO_HERE),
        ("Cancel", firstrun.DEMO_NOT),
    ):
        monkeypatch.setattr(firstrun, "run_modal", lambda box, t=text_: click(box, t))
        assert firstrun.ask_demo_beside_records(None) == expected
    box = shown[0]
    assert box.defaultButton().text() == "Demo in a new file"
    said = box.informativeText()
    assert "300 made-up accounts" in said and "cannot be undone" in said
