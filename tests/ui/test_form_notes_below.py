"""What a form shows under a field, an offer (``FormDialog.add_below``) or a note of what the
value typed means (``FormDialog.field_note``), goes to one place: under the field and its
hint, above its error, by one helper (code review rev15's 5th: each found the field's column
its own way, and a note went between a field and its hint)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from accountdesk.ui.forms import FormDialog, line

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_note_and_an_offer_go_under_the_field_and_its_hint_above_its_error(qtbot: Any) -> None:
    dialog = FormDialog("Form")
    qtbot.addWidget(dialog)
    field = dialog.add_field("amount", "Amount", line(), hint="A number, such as 12,500")
    note = dialog.field_note("amount", "currency_note")
    offer = QPushButton("Use it")
    dialog.add_below("amount", offer)
    column = field.parentWidget().layout()
    assert isinstance(column, QVBoxLayout)
    shown = [column.itemAt(i).widget() for i in range(column.count())]
    hint = dialog.findChild(QLabel, "hint_amount")
    assert shown == [field, hint, note, offer, dialog.errors["amount"]]
