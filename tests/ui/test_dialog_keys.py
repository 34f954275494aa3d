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
