"""A contact's own stay-in-touch cadence is entered in the contact editor: the field existed
(an import could set it, and it wins over the account's tier and NPS) but no form showed it,
and the editor carried the stored value over unseen."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import contact_for_edit, create_account
from people import person_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _contact(ctx: Any, **more: Any) -> str:
    account = create_account(ctx.db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    return person_at(ctx.db, account, "Zahra", "Rezaei", country="IR", zone="Asia/Tehran", **more)


def _cadence(ctx: Any, contact: str) -> int | None:
    return contact_for_edit(ctx.db, contact).data.stay_in_touch_days


def test_days_typed_in_persian_digits_are_stored(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    contact = _contact(ctx)
    with use_language("fa"):
        editor = ContactEditor(ctx, contact)
        qtbot.addWidget(editor)
        assert editor.text("stay_in_touch_days") == ""
        editor.fields["stay_in_touch_days"].setText("۳۰")  # type: ignore[union-attr]
        editor.accept()
    assert editor.result() == 1
    assert _cadence(ctx, contact) == 30


def test_the_stored_cadence_is_shown_kept_and_can_be_emptied(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    contact = _contact(ctx, stay_in_touch_days=14)
    with use_language("fa"):
        editor = ContactEditor(ctx, contact)
        qtbot.addWidget(editor)
        assert editor.text("stay_in_touch_days") == "۱۴"
        assert not editor.is_dirty()
        editor.accept()
    assert _cadence(ctx, contact) == 14
    editor = ContactEditor(ctx, contact)
    qtbot.addWidget(editor)
    editor.fields["stay_in_touch_days"].clear()  # type: ignore[union-attr]
    editor.accept()
    assert _cadence(ctx, contact) is None  # back to the account's tier and NPS


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "Must be between 1 and 3,650"),
        ("2.5", "Is not a whole number"),
        ("often", "Is not a whole number"),
        ("99999999999999999999", "Must be between 1 and 3,650"),
    ],
)
def test_what_is_no_cadence_is_refused_at_the_field(
    typed: str, said: str, ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    contact = _contact(ctx, stay_in_touch_days=14)
    editor = ContactEditor(ctx, contact)
    qtbot.addWidget(editor)
    editor.fields["stay_in_touch_days"].setText(typed)  # type: ignore[union-attr]
    editor.accept()
    assert editor.result() == 0
    error = editor.errors["stay_in_touch_days"]
    assert error.isVisibleTo(editor) and said in error.text()
    assert _cadence(ctx, contact) == 14
