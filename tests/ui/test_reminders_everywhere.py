"""Reminders show wherever the user is in the main window, and go on whatever window is
built again: a bar above every screen and record view, checked on the controller's timer.
They were the Follow-ups screen's: a window built again in another language or calendar, or
after a restore, had no such screen until the user opened it, so no reminder came; and a
reminder shown in the bar of a screen not shown (Today was) was marked notified all the same.
A follow-up is marked notified once its reminder can be seen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from accountdesk.core.bidi import plain
from accountdesk.core.queries.followups import due_for_reminder
from accountdesk.core.services import followups as service
from accountdesk.ui import tasks
from accountdesk.ui.followups.reminders import ReminderBar, Reminders
from accountdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _reminders_shown(window: QWidget) -> list[str]:
    """What the window shows of a reminder: the text of each reminder bar visible in it."""
    return [plain(bar.text()) for bar in window.findChildren(ReminderBar) if bar.isVisible()]


def _controller(ctx: Any, qtbot: Any, screen: str = "today") -> Any:
    from accountdesk.ui.app import Controller

    controller = Controller(ctx.db)
    controller.ctx = ctx  # the pinned clock
    controller.build_window(screen)  # deleted after the test (conftest), rebuilt or not
    return controller


def _deleted_later() -> None:
    """The windows built again are deleted, as the event loop does."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _rebuild_by_language(controller: Any) -> None:
    controller.change_language("fa")


def _rebuild_by_calendar(controller: Any) -> None:
    controller.change_calendar("gregorian")


def _rebuild_by_restore(controller: Any) -> None:
    controller.reload()  # what a restore from File → Backups… does after it


@pytest.mark.parametrize(
    "rebuild", [_rebuild_by_language, _rebuild_by_calendar, _rebuild_by_restore]
)
def test_reminders_go_on_in_a_window_built_again(
    qtbot: Any,
    ctx: Any,
    person: Any,
    monkeypatch: pytest.MonkeyPatch,
    rebuild: Callable[[Any], None],
) -> None:
    from accountdesk.core import i18n, settings
    from accountdesk.ui.app import apply_language

    monkeypatch.setattr(Reminders, "CHECK_MS", 20)  # the timer, not a call of the test's
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    controller = _controller(ctx, qtbot)
    controller._start_reminders()  # what the start-up housekeeping does when it is done
    tasks.wait_all()
    try:
        rebuild(controller)
        _deleted_later()
        window = controller.window
        assert isinstance(window, MainWindow)
        # it falls due while the user stays on Today: no Follow-ups screen was ever made
        call = service.FollowUpInput(ayse, "Call about the pallets", datetime(2025, 3, 11, 10))
        service.schedule(ctx.db, call)
        qtbot.waitUntil(lambda: bool(_reminders_shown(window)))
        shown = _reminders_shown(window)
        assert len(shown) == 1 and "Call about the pallets" in shown[0]
        assert due_for_reminder(ctx.db, ctx.now()) == []  # shown, so marked notified
        assert window.current_key() == "today" and "followups" not in window.screens
    finally:
        apply_language("en")
        settings.put(ctx.db, "ui.calendar", "auto")
        i18n.set_calendar_preference("auto")


def test_a_reminder_shows_above_any_screen_and_record_and_opens_follow_ups(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    controller = _controller(ctx, qtbot, "accounts")
    window = controller.window
    window.open_record("contact", ayse)  # on Ayşe's page, over Accounts
    controller._start_reminders()
    qtbot.waitUntil(lambda: bool(_reminders_shown(window)))
    assert "1 follow-up is due." in _reminders_shown(window)[0]
    assert window.stack.currentWidget() is window.records[-1]  # the page is still shown
    assert due_for_reminder(ctx.db, ctx.now()) == []
    # "Show them": the Follow-ups screen, with the follow-up selected
    bar = controller.reminders.bar
    bar.open.click()
    screen = window.screen_widget("followups")
    qtbot.waitUntil(lambda: tasks.wait_all() and bool(screen.selected_rows()))
    assert window.stack.currentWidget() is screen
    assert [r.title for r in screen.selected_rows()] == ["Call"]
    # one bar: the screen has none of its own
    assert len(_reminders_shown(window)) == 1
    bar.complete.click()
    tasks.wait_all()
    assert _reminders_shown(window) == []
    assert [r.status for r in service_rows(ctx)] == ["done"]


def service_rows(ctx: Any) -> list[Any]:
    from accountdesk.core.queries.followups import list_follow_ups

    return list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC", status="done")


def test_a_reminder_is_marked_notified_only_once_it_can_be_seen(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    """The window is minimised when the follow-up falls due (there is no tray, as on stock
    GNOME): the bar says it, but nothing can be seen, so it is marked once the window is
    shown again. Marked while nothing showed it, it was never raised again."""
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    controller = _controller(ctx, qtbot)
    window = controller.window
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    controller._start_reminders()
    qtbot.waitUntil(lambda: bool(controller.reminders.text()))
    assert controller.reminders.tray is None  # offscreen: no system tray
    assert "1 follow-up is due." in plain(controller.reminders.text())
    assert [s.title for s in _due(ctx)] == ["Call"]  # not seen yet: not marked
    controller.reminders.check()  # the next check: still one reminder, not two
    tasks.wait_all()
    assert "1 follow-up is due." in plain(controller.reminders.text())
    window.showNormal()
    qtbot.waitUntil(lambda: _due(ctx) == [])
    assert len(_reminders_shown(window)) == 1


def _due(ctx: Any) -> list[Any]:
    from accountdesk.core.queries.followups import reminded

    due = due_for_reminder(ctx.db, ctx.now())
    return list(reminded(ctx.db, [s.id for s in due]).values())


def test_follow_ups_missed_while_the_app_was_closed_show_at_start_up(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    """The start's housekeeping (a backup, instants derived again) starts the reminders: the
    bar is over the screen the app opens on (Contacts), not inside Follow-ups."""
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 10, 10)))
    from accountdesk.ui.app import Controller

    controller = Controller(ctx.db)
    controller.ctx = ctx
    controller.start(screen="contacts")  # with the housekeeping, as the app starts
    window = controller.window
    qtbot.waitUntil(lambda: bool(_reminders_shown(window)))
    assert window.current_key() == "contacts"
    assert "Call – Ayse Yilmaz" in _reminders_shown(window)[0]
    assert due_for_reminder(ctx.db, ctx.now()) == []


def test_a_reminder_under_the_idle_lock_is_marked_once_unlocked(
    qtbot: Any, ctx: Any, person: Any, reminding: Any
) -> None:
    from accountdesk.ui.security import _Shield

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    window, reminders = reminding("today")
    shield = _Shield(window)  # what the idle lock puts over every window
    reminders.check()
    tasks.wait_all()
    assert "1 follow-up is due." in plain(reminders.text())
    assert [s.title for s in _due(ctx)] == ["Call"]  # behind the lock: not seen
    shield.hide()  # unlocked
    reminders.check()  # the next check
    tasks.wait_all()
    assert _due(ctx) == []
    assert "1 follow-up is due." in plain(reminders.text())  # the same reminder, once


def test_a_read_only_database_reminds_once_without_an_error(
    qtbot: Any, ctx: Any, person: Any, tmp_path: Any
) -> None:
    """A read-only file (a colleague's copy) cannot keep that a reminder was shown: the app
    keeps it while it runs (marking raised "read-only" at every check)."""
    from PySide6.QtCore import QSettings

    from accountdesk.core.db.engine import open_database
    from accountdesk.ui.context import AppContext

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    assert ctx.db.path is not None
    read_only = open_database(ctx.db.path, read_only=True)
    try:
        shared = AppContext(read_only, clock=ctx.clock)
        settings = QSettings(str(tmp_path / "ro.ini"), QSettings.Format.IniFormat)
        window = MainWindow(shared, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        reminders = Reminders(shared)
        reminders.attach(window)
        reminders.check()
        tasks.wait_all()
        assert "1 follow-up is due." in plain(reminders.text())
        reminders.bar.dismiss.click()
        reminders.check()  # told already: not again
        tasks.wait_all()
        assert not reminders.bar.isVisible()
        assert len(due_for_reminder(read_only, ctx.now())) == 1  # nothing was written
    finally:
        tasks.wait_all()
        read_only.close()
