"""Enter and Escape in the dialogs do what a keyboard user expects: Enter in a list acts on the
row (or nothing), never on a button the dialog happened to make its default."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _planner(qtbot: Any, ctx: Any, ids: list[str]) -> Any:
    from accountdesk.ui.followups.planner import PlannerDialog

    dialog = PlannerDialog(ctx, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_in_the_planner_grid_keeps_the_person(qtbot: Any, ctx: Any, person: Any) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    somchai = person("Somchai", "TH", "Asia/Bangkok", "Jaidee")
    dialog = _planner(qtbot, ctx, [ayse, somchai])
    assert len(dialog.people) == 3
    dialog.table.setFocus()
    dialog.table.setCurrentCell(1, 3)  # Ayse's row, chosen with the arrows
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    tasks.pump(10)
    assert [p.id for p in dialog.people[1:]] == [ayse, somchai]  # "Remove" was the default
    assert dialog.isVisible()


def test_enter_in_an_empty_picker_of_the_planner_removes_nobody(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    dialog.table.setCurrentCell(1, 0)
    dialog.add_contact.setFocus()
    qtbot.keyClick(dialog.add_contact, Qt.Key.Key_Return)
    tasks.pump(10)
    assert [p.id for p in dialog.people[1:]] == [ayse]


def test_no_planner_button_is_pressed_by_enter(qtbot: Any, ctx: Any, person: Any) -> None:
    dialog = _planner(qtbot, ctx, [person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")])
    defaults = [b.objectName() for b in dialog.findChildren(QPushButton) if b.isDefault()]
    autos = [b.objectName() for b in dialog.findChildren(QPushButton) if b.autoDefault()]
    assert defaults == [] and autos == []


def test_enter_on_a_good_slot_schedules_it_once_and_removes_nobody(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    dialog = _planner(qtbot, ctx, [ayse])
    assert dialog.slots.count() > 0
    chosen: list[object] = []
    dialog.open_schedule = chosen.append  # the scheduling dialog is not opened here
    dialog.table.setCurrentCell(1, 0)
    dialog.slots.setFocus()
    dialog.slots.setCurrentRow(0)
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)
    tasks.pump(10)
    assert len(chosen) == 1
    assert [p.id for p in dialog.people[1:]] == [ayse]


def test_the_follow_ups_list_takes_the_keys_of_every_list(
    qtbot: Any, ctx: Any, person: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from accountdesk.core.services import followups as service
    from accountdesk.ui.followups import screen as followups_screen
    from accountdesk.ui.followups.schedule import ScheduleDialog

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call Ayse", datetime(2025, 3, 20, 10)))
    screen = followups_screen.FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    tasks.wait_all()
    tasks.pump(10)
    assert [r.title for r in screen.model.rows] == ["Call Ayse"]
    opened: list[object] = []
    monkeypatch.setattr(followups_screen, "run_modal", lambda d: opened.append(d) or 0)
    screen.table.setFocus()
    screen.table.selectRow(0)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
        qtbot.keyClick(screen.table, key)
    assert len(opened) == 3 and all(isinstance(d, ScheduleDialog) for d in opened)
    for dialog in opened:
        dialog.deleteLater()  # type: ignore[attr-defined]
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    tasks.wait_all()
    tasks.pump(10)
    assert screen.model.rows == []  # in the trash (Ctrl+Z brings it back)
    assert ctx.undo_stack.canUndo()


def test_back_returns_the_focus_to_the_list_row_it_opened(
    qtbot: Any, ctx: Any, person: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    from accountdesk.ui.main_window import MainWindow

    for given in ("Ayse", "Burak", "Cem"):
        person(given, "TR", "Europe/Istanbul", "Yilmaz")
    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_screen("accounts")
    screen: Any = window.screen_widget("accounts")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=3000)
    screen.table.setFocus()
    screen.table.selectRow(2)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert len(window.records) == 1
    view = window.records[-1]
    assert view.isAncestorOf(window.focusWidget())  # the record has the keyboard
    window.go_back()  # Alt+Left
    assert window.focusWidget() is screen.table
    assert screen.table.currentIndex().row() == 2


def test_a_screen_shown_from_the_view_menu_has_the_keyboard(
    qtbot: Any, ctx: Any, person: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QKeySequence

    from accountdesk.ui.main_window import MainWindow

    person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    window = MainWindow(ctx, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.nav.setFocus()
    view_menu = window.menuBar().actions()[2].menu()
    assert view_menu is not None
    by_shortcut = {a.shortcut().toString(): a for a in view_menu.actions() if a.shortcut()}
    for number, spec in enumerate(window.screen_specs, start=1):
        window.nav.setFocus()
        by_shortcut[QKeySequence(f"Ctrl+{number}").toString()].trigger()  # Ctrl+1 …
        assert window.current_key() == spec.key
        screen: Any = window.screen_widget(spec.key)
        focused = window.focusWidget()
        assert focused is not None and screen.isAncestorOf(focused), (spec.key, focused)
        if spec.key in ("accounts", "contacts"):
            assert focused is screen.search  # type to filter
        if spec.key == "followups":
            assert focused is screen.filter
