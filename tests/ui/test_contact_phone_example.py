"""The example phone number in the contact editor's Phones field reads left to right in a
Persian window: typed into the translated sentence, it was laid out right to left, and
"+371 2612 3456" read "3456 2612 371+"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from accountdesk.core.bidi import ltr
from accountdesk.ui.contacts.editor import ContactEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.usefixtures("persian")
def test_the_phone_example_is_one_left_to_right_unit(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, account_id=sample["riga"])
    qtbot.addWidget(editor)
    phones = editor.fields["phone"]
    assert isinstance(phones, QLineEdit)
    assert ltr("+371 2612 3456") in phones.placeholderText()
