"""Used with the keyboard or a screen reader: where the focus is when a form opens, where Tab
goes, what buttons that show only a glyph are called."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QToolButton

from accountdesk.core.i18n import _, use_language
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.activity import DealDialog
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.followups.when import DateEdit
from accountdesk.ui.forms import FormDialog
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.month_calendar import MonthCalendar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _open(qtbot: Any, dialog: FormDialog) -> FormDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("kind", ["account", "contact", "deal"])
def test_an_editor_opens_with_the_focus_in_its_first_field(
    ctx: Any, sample: dict[str, str], qtbot: Any, kind: str, lang: str
) -> None:
    with use_language(lang):
        if kind == "account":
            dialog: FormDialog = AccountEditor(ctx)
        elif kind == "contact":
            dialog = ContactEditor(ctx)
        else:
            dialog = DealDialog(ctx, sample["riga"], currency="EUR")
        _open(qtbot, dialog)
    first = next(iter(dialog.fields.values()))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "Typed")  # what is typed lands in the field
    assert dialog.text(next(iter(dialog.fields))).endswith("Typed")
    dialog.mark_clean()


def test_tab_from_the_last_field_goes_to_save_not_to_an_invisible_stop(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = _open(qtbot, DealDialog(ctx, sample["riga"], currency="EUR"))
    last = list(dialog.fields.values())[-1]
    last.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last, timeout=2000)
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.buttons.button(dialog.buttons.StandardButton.Save)


@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_month_arrows_have_a_translated_accessible_name(qtbot: Any, lang: str) -> None:
    with use_language(lang):
        view = MonthCalendar(date(2026, 3, 25))
        qtbot.addWidget(view)
        expected = [_("Previous year"), _("Previous month"), _("Next month"), _("Next year")]
    names = []
    for key in ("previousYear", "previousMonth", "nextMonth", "nextYear"):
        button = view.findChild(QToolButton, key)
        iface = QAccessible.queryAccessibleInterface(button)
        names.append(iface.text(QAccessible.Text.Name))
        assert button.toolTip() == names[-1]
    assert names == expected  # what a screen reader says: not "«", "‹", "›", "»"


@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("key", ["alt+down", "f4"])
def test_a_date_field_opens_its_calendar_from_the_keyboard(qtbot: Any, key: str) -> None:
    edit = DateEdit(date(2026, 3, 25))
    qtbot.addWidget(edit)
    edit.show()
    if key == "f4":
        qtbot.keyClick(edit, Qt.Key.Key_F4)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.calendar is not None and edit.calendar.isVisible()
    assert edit.date() == QDate(2026, 3, 25)  # not stepped a day back
    grid = edit.calendar.grid
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # Enter picks the selected day
    assert edit.date() == QDate(2026, 3, 26)
    assert not edit.calendar.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Delete])
def test_a_record_tab_opens_and_trashes_the_selected_row_from_the_keyboard(
    qtbot: Any, key: Qt.Key
) -> None:
    opened: list[str] = []
    trashed: list[str] = []
    panel = ItemsPanel(
        [("Title", lambda d: d)], on_new=lambda: None, on_open=opened.append,
        on_delete=trashed.append,
    )  # fmt: skip
    qtbot.addWidget(panel)
    panel.set_items(["Spring order", "Autumn order"])
    panel.show()
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view, timeout=2000)
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.view, key)
    assert (opened, trashed) == (
        (["Autumn order"], []) if key == Qt.Key.Key_Return else ([], ["Autumn order"])
    )
