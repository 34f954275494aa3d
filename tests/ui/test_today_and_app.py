from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.ui import app as app_module
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.firstrun import FirstRunDialog
from accountdesk.ui.quicklog.saving import FollowUpRequest, save_quick_log
from accountdesk.ui.today.screen import TodayScreen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_today_shows_follow_ups_dates_and_who_is_working(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    from datetime import datetime

    from accountdesk.core.services.activity import InteractionInput
    from accountdesk.core.timekeeping.zones import get_zone as zone

    save_quick_log(
        ctx.db,
        InteractionInput("call", ctx.now(), [sample["anna"]], subject="Catch-up"),
        FollowUpRequest("Call back", datetime(2025, 3, 12, 8, 0, tzinfo=zone("Europe/Riga")),
                        "Europe/Riga"),
    )  # fmt: skip
    screen = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    data = screen.data
    assert data is not None
    assert [f.title for f in data.overdue] == ["Call back"]
    assert [r.subject for r in data.recent] == ["Catch-up"]
    assert [d.contact_name for d in data.dates] == ["Anna Ozola"]
    assert data.dates[0].years == 45
    assert {w.name for w in data.working} == {"Anna Ozola", "Somchai Jaidee"}
    assert "2 contacts are in working hours now." in screen.summary.text()


def test_account_and_contact_views(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    account = AccountView(ctx, sample["riga"])
    qtbot.addWidget(account)
    assert plain(account.title.text()) == "Baltic Timber"
    assert account.contacts.model.rowCount() == 2
    contact = ContactView(ctx, sample["somchai"])
    qtbot.addWidget(contact)
    assert contact.panel.time.text() == "16:30"
    assert contact.panel.status.text() == "It is working time there now."
    assert "5 h ahead of you" in plain(contact.panel.where.text())
    ctx.delete("contact", sample["somchai"], "Somchai Jaidee")
    assert contact.title.text() == "This contact is in the trash."
    ctx.undo_stack.undo()
    # a name, isolated, and the window's direction mark before it
    assert contact.title.text() == "\u200e\u2068Somchai Jaidee\u2069"


def test_persian_turns_the_app_right_to_left(qapp: QApplication) -> None:
    app_module.apply_language("fa")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QLocale().language() == QLocale.Language.Persian
        assert i18n.current_language().code == "fa"
    finally:
        app_module.apply_language("en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_switching_language_translates_the_window(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    from PySide6.QtCore import QSettings

    from accountdesk.ui.main_window import MainWindow

    app_module.apply_language("lv")
    try:
        window = MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        assert window.nav.item(1).text() == "Uzņēmumi"
    finally:
        app_module.apply_language("en")


def test_first_run_offers_demo_data(ctx: Any, qtbot: Any) -> None:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    buttons = [
        b.objectName() for b in dialog.findChildren(type(dialog.findChild(object, "firstrun_demo")))
    ]
    assert {"firstrun_demo", "firstrun_csv", "firstrun_empty"} <= set(buttons)


def test_no_display_gives_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert app_module.run_gui(None, None) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no display" in err and "accountdesk --help" in err


def test_single_instance_forwards_to_the_running_window(qapp: QApplication, qtbot: Any) -> None:
    first = app_module.SingleInstance("sqlite:////tmp/accountdesk-test-single.db")
    raised: list[bool] = []
    assert first.listen(lambda: raised.append(True))
    second = app_module.SingleInstance("sqlite:////tmp/accountdesk-test-single.db")
    assert second.forward_to_running()
    qtbot.waitUntil(lambda: raised == [True], timeout=3000)
    other = app_module.SingleInstance("sqlite:////tmp/another.db")
    assert not other.forward_to_running()


def test_python_collects_cycles_only_on_the_gui_thread(qapp: Any) -> None:
    import gc

    from PySide6.QtCore import QTimer

    from accountdesk.ui.app import GC_INTERVAL_MS, create_app

    app = create_app()
    assert not gc.isenabled()  # no collection may start in a worker thread
    timers = [t for t in app.findChildren(QTimer) if t.interval() == GC_INTERVAL_MS]
    assert timers and timers[0].isActive()
