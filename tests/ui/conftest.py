"""Fixtures for the UI tests: a fresh database, an app context with a pinned clock."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services.accounts import create_account, create_contact
from people import person_at

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)  # a Wednesday: 11:30 in Riga, 16:30 in Bangkok


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(_no_question_waits_for_a_click: None) -> Iterator[None]:
    """Cycles a test leaves (widgets, timers) are freed here, on the GUI thread, never by a
    collection that happens to start in a worker thread (the app does the same on a timer).

    The windows and dialogs a test made are deleted first: a widget whose signal is connected
    to a lambda that holds the widget is a cycle through Qt that no collection can see, and
    each test left thousands of objects behind it (with its database and context), so that
    every later collection walked them all: 2.5 s per test by the end of the run."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken

    from accountdesk.ui import tasks
    from accountdesk.ui.context import AppContext

    tasks.wait_all()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():  # a popup a window owns goes with the window
            if widget.parent() is None:  # deleted, not closed: a form left with changes
                widget.deleteLater()  # would ask (the guard below answers it all the same)
        for found in gc.get_objects():  # and the contexts, whose signals hold lambdas too
            if isinstance(found, AppContext) and Shiboken.isValid(found):
                found.close()
                found.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    # What survives is kept (modules, caches): the next test's collection walks only what that
    # test made, not the whole run's heap again (frozen objects are never collected, so never
    # on a worker thread either).
    gc.freeze()


@pytest.fixture(autouse=True)
def _no_question_waits_for_a_click(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form's questions are modal: one a test does not answer waited for a click for ever
    (the whole run hung). Unanswered, reloading fails the test, and so does the reminder's
    question before completing several, and closing a form with changes discards them; a
    test that means to answer replaces these."""
    from accountdesk.ui import forms

    def unanswered(*_args: object) -> bool:
        pytest.fail("the form asked before reloading: answer forms.ask_reload in the test")

    monkeypatch.setattr(forms, "ask_reload", unanswered)
    monkeypatch.setattr(forms, "ask_unsaved", lambda _parent: "discard")

    from accountdesk.ui.followups import reminders

    def complete_all_unanswered(*_args: object) -> bool:
        pytest.fail("the reminder asked before completing several: answer ask_complete_all")

    monkeypatch.setattr(reminders, "ask_complete_all", complete_all_unanswered)


@pytest.fixture
def persian(qapp: object) -> Iterator[None]:
    """The UI in Persian and right to left (the language and the application's direction
    alone, no window rebuilt), English and left to right again after the test."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from accountdesk.core import i18n

    assert isinstance(qapp, QApplication)
    i18n.set_language("fa")
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield
    finally:
        i18n.set_language("en")
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def app_font(qapp: object) -> Iterator[Callable[[float], None]]:
    """``app_font(points)``: the application's font at that size for the test (a user's larger
    font setting), and the font it had after the test."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(qapp, QApplication)
    before = qapp.font()

    def size(points: float) -> None:
        font = qapp.font()
        font.setPointSizeF(points)
        qapp.setFont(font)

    yield size
    qapp.setFont(before)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[Database]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    from accountdesk.ui.app import create_app

    create_app()
    database = open_database(tmp_path / "ui.db")
    yield database
    from accountdesk.ui import tasks

    tasks.wait_all()
    database.close()


@pytest.fixture
def ctx(db: Database) -> object:
    from accountdesk.core import settings
    from accountdesk.ui.context import AppContext

    settings.put(db, "user.zone", "Europe/Riga")  # pinned: the tests do not follow the machine
    context = AppContext(db, clock=fixed_clock(NOW))
    assert context.user_zone == "Europe/Riga"
    return context


def add_account(db: Database, name: str = "Baltic Timber", **kw: object) -> str:
    data = {"name": name, "country": "LV", "timezone": "Europe/Riga", "city": "Riga", **kw}
    return create_account(db, AccountInput(**data))  # type: ignore[arg-type]


def add_contact(db: Database, account_id: str, given: str = "Anna", family: str = "Ozola",
                **kw: object) -> str:  # fmt: skip
    data = {
        "account_id": account_id,
        "given_name": given,
        "family_name": family,
        "country": "LV",
        "timezone": "Europe/Riga",
        **kw,
    }
    return create_contact(db, ContactInput(**data))  # type: ignore[arg-type]


@pytest.fixture
def person(db: Database) -> Callable[..., str]:
    """``person(given, country, zone, family="")``: a contact of an account of their own (named
    after them) in that country and zone; its id."""

    def make(given: str, country: str, zone: str, family: str = "") -> str:
        account = create_account(
            db, AccountInput(name=f"{family or given} Ltd", country=country, timezone=zone)
        )
        return person_at(db, account, given, family, country=country, zone=zone)

    return make


@pytest.fixture
def sample(db: Database) -> dict[str, str]:
    """Two accounts (Latvia, Thailand) with three contacts, one with a birthday next week."""
    riga = add_account(
        db, tier="gold", owner="Marta", tags=["key account"], status="active",
        customer_since="2023-05-02",
    )  # fmt: skip
    bangkok = add_account(
        db, "Siam Trading", country="TH", timezone="Asia/Bangkok", city="Bangkok", tier="silver"
    )
    anna = add_contact(
        db,
        riga,
        important_dates=[ImportantDateInput("birthday", 3, 15, 1980)],
        emails=["anna@timber.example"],
    )
    janis = add_contact(db, riga, "Janis", "Berzins", work_start="08:00", work_end="10:00")
    somchai = add_contact(db, bangkok, "Somchai", "Jaidee", country="TH", timezone="Asia/Bangkok")
    return {"riga": riga, "bangkok": bangkok, "anna": anna, "janis": janis, "somchai": somchai}


@pytest.fixture
def laptop_screen(ctx: object, qtbot: object, tmp_path: Path) -> Callable[[str], object]:
    """``laptop_screen(key)``: the main window at a small laptop's size (1024×700), shown on
    the screen ``key`` ("accounts", "contacts" …); that screen's widget."""
    from PySide6.QtCore import QSettings

    from accountdesk.ui.main_window import MainWindow

    def show(key: str) -> object:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings)  # type: ignore[arg-type]
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.resize(1024, 700)
        window.show()
        window.show_screen(key)
        return window.screen_widget(key)

    return show


@pytest.fixture
def reminding(ctx: object, qtbot: object, tmp_path: Path) -> Callable[..., tuple[Any, Any]]:
    """``reminding(screen="followups")``: the main window shown on ``screen`` with the
    context's reminders in it, as the controller gives them a window (their timer not
    started: a test checks with ``check()``); the window and the reminders."""
    from PySide6.QtCore import QSettings

    from accountdesk.ui.followups.reminders import Reminders
    from accountdesk.ui.main_window import MainWindow

    made: list[Any] = []

    def show(screen: str = "followups") -> tuple[Any, Any]:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, settings, screen=screen)  # type: ignore[arg-type]
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        reminders = Reminders(ctx)  # type: ignore[arg-type]
        reminders.attach(window)
        made.append(reminders)  # kept while the test runs
        return window, reminders

    return show
