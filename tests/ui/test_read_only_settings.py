"""A read-only database (a backup on a stick, a colleague's copy) still lets the user switch the
language and the calendar for the session; the status bar says what could not be kept in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accountdesk.core import i18n
from accountdesk.core.calendars import GREGORIAN
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.services.activity import get_setting, set_setting

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # a main window shown


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Any:
    from accountdesk.ui.app import create_app

    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    create_app()
    path = tmp_path / "shared.db"
    writable = open_database(path)
    set_setting(writable, "ui.language", "lv")  # the colleague's language
    writable.close()
    db = open_database(path, read_only=True)
    yield db
    db.close()


def _controller(db: Database, qtbot: Any) -> Any:
    from accountdesk.ui.app import Controller

    controller = Controller(db)
    controller.start(None, background=False)
    qtbot.addWidget(controller.window)
    return controller


def test_the_language_is_switched_on_a_read_only_database(read_only: Database, qtbot: Any) -> None:
    from accountdesk.ui import app as app_module

    controller = _controller(read_only, qtbot)
    said: list[str] = []
    controller.ctx.status.connect(said.append)
    old = controller.window
    try:
        controller.change_language("fa")
        assert i18n.current_language().code == "fa"
        assert controller.window is not old  # built again in Persian
        qtbot.addWidget(controller.window)
        assert app_module.remembered_language() == "fa"
        assert get_setting(read_only, "ui.language") == "lv"  # the file as it was
        sentence = i18n._(  # in Persian, as the window
            "The database is read-only, so this language could not be kept in it: "
            "it opens in {language} again next time."
        )
        assert said == [sentence.format(language="\u2068Latviešu\u2069")]
    finally:
        app_module.apply_language("en")


def test_the_gregorian_calendar_is_chosen_on_a_read_only_database(
    read_only: Database, qtbot: Any
) -> None:
    from accountdesk.core import settings

    controller = _controller(read_only, qtbot)
    said: list[str] = []
    controller.ctx.status.connect(said.append)
    controller.change_calendar(GREGORIAN)
    assert i18n.calendar_preference() == GREGORIAN
    assert settings.get(read_only, "ui.calendar") == "auto"  # the file as it was
    assert said == [
        "The database is read-only, so this choice could not be kept in it: it holds until "
        "AccountDesk closes."
    ]
