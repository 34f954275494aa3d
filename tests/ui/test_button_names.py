"""Every button that shows only an icon or a glyph has a name a screen reader can say: the
date fields' calendar button had only a tooltip, so it was announced as a nameless button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: Qt's own: the corner of a table (selects all) and a line edit's clear button (its action is
#: Qt's; it takes no focus).
QT_OWN = {"qt_tableview_cornerbutton"}


def _nameless(top: QWidget) -> list[str]:
    found = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or button.objectName() in QT_OWN:
            continue
        default = getattr(button, "defaultAction", lambda: None)()
        if default is not None and default.objectName() == "_q_qlineeditclearaction":
            continue
        face = button.text().strip()
        interface = QAccessible.queryAccessibleInterface(button)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip() or (len(face) <= 1 and name.strip() == face):
            found.append(f"{type(button).__name__} {button.objectName()!r} in {type(top).__name__}")
    return found


def _dialogs(ctx: Any, contact: str) -> dict[str, Callable[[], QWidget]]:
    from accountdesk.ui.followups.planner import PlannerDialog
    from accountdesk.ui.followups.schedule import ScheduleDialog
    from accountdesk.ui.quicklog.dialog import QuickLogDialog
    from accountdesk.ui.reports.rates import RatesDialog

    return {
        "schedule": lambda: ScheduleDialog(ctx, contact, title="Call"),
        "quick log": lambda: QuickLogDialog(ctx, contact_id=contact),
        "rates": lambda: RatesDialog(ctx),
        "planner": lambda: PlannerDialog(ctx, [contact]),
    }


def test_icon_buttons_have_names(ctx: Any, qtbot: Any, person: Any) -> None:
    contact = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    nameless = []
    for make in _dialogs(ctx, contact).values():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        tasks.pump(10)
        nameless += _nameless(dialog)
        dialog.close()
    assert nameless == []
