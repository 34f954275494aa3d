"""A form's label stays beside its field's first line when a message shows under the field.
QFormLayout gives a label up to 7/4 of its own height in a taller row and centres its text in
that: in Thai, whose labels are taller than Latin ones, "อีเมล" dropped toward the middle of the
row under a bad e-mail (4 px below the box's middle; 2 px in English)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _middles(editor: Any, key: str) -> tuple[int, int]:
    """The vertical middle of field ``key``'s label text and of the field, in the form."""
    field = editor.fields[key]
    label = editor.form.labelForField(field.parentWidget())
    assert label.alignment() & Qt.AlignmentFlag.AlignVCenter  # its text is in its middle
    body = editor.form.parentWidget()
    top = field.mapTo(body, field.rect().topLeft()).y()
    return label.geometry().center().y(), top + field.height() // 2


@pytest.mark.parametrize("lang", ["th", "en", "tr", "fa"])
def test_the_label_stays_beside_the_field_under_an_error(lang: str, ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    account = create_account(
        ctx.db, AccountInput(name="Siam Trading", country="TH", timezone="Asia/Bangkok")
    )
    with use_language(lang):
        editor = ContactEditor(ctx, account_id=account)
        qtbot.addWidget(editor)
        editor.show()
        editor.set_text("given_name", "Somchai")
        editor.set_text("email", "not-an-email")
        tasks.pump(10)
        label, field = _middles(editor, "email")
        assert abs(label - field) <= 1, (label, field)
        assert not editor.try_save()
        tasks.pump(10)
        assert editor.errors["email"].isVisible()
        assert editor.errors["email"].height() > 0
        label, field = _middles(editor, "email")
        assert abs(label - field) <= 1, (label, field)
        editor.mark_clean()
        editor.reject()
