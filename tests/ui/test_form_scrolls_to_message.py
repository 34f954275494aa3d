"""A refused save scrolls a long form to the field that says why: the contact editor's
important dates are below the fold on a laptop, and Save seemed to do nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_message_of_a_field_below_the_fold_is_scrolled_into_view(
    qtbot: Any, ctx: Any, sample: dict[str, str]
) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.resize(560, 420)  # a small screen: the dates are below the fold
    editor.show()
    qtbot.waitExposed(editor)
    scroll = editor._scroll
    assert scroll.verticalScrollBar().value() == 0
    editor.set_text("important_dates", "birthday=1990-02-31")
    assert not editor.try_save()
    message = editor.errors["important_dates"]
    assert message.isVisible() and message.text()
    viewport = scroll.viewport()
    top = message.mapTo(viewport, QPoint(0, 0)).y()
    assert scroll.verticalScrollBar().value() > 0
    assert top >= 0 and top + message.height() <= viewport.height()
