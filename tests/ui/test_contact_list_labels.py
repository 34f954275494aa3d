"""The contact editor shows the labels of e-mail addresses and phone numbers in the language
("mobilni:+371…" in Slovenian) and stores the word it keeps ("mobile"); it showed "mobile:" in
a Slovenian or Latvian window. A label of one's own is kept as typed."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.i18n import _, use_language
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _contact(db: Any) -> str:
    account = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account,
            given_name="Anna",
            family_name="Ozola",
            country="LV",
            timezone="Europe/Riga",
            phones=["mobile:+37121237875"],
            emails=["anna@timber.example"],
        ),
    )


@pytest.mark.parametrize("lang", ["sl", "lv"])
def test_labels_in_the_language_stored_as_their_words(lang: str, ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    anna = _contact(ctx.db)
    with use_language(lang):
        mobile, home = _("mobile"), _("home")
        assert mobile != "mobile"  # the catalog has it
        editor = ContactEditor(ctx, anna)
        qtbot.addWidget(editor)
        assert editor.text("phone").startswith(f"{mobile}:")
        assert "mobile" not in editor.text("phone")
        editor.set_text("email", f"anna@timber.example, {home.upper()}: anna@home.example")
        editor.set_text("phone", f"{editor.text('phone')}, fax:+37167000000")
        editor.accept()
    detail = contact_detail(ctx.db, anna)
    assert [label for label, _value in detail.phones] == ["mobile", "fax"]
    assert [label for label, _value in detail.emails] == ["work", "home"]


def test_a_number_reads_left_to_right_after_a_persian_label(
    persian: None, ctx: Any, qtbot: Any
) -> None:
    """The number is kept left to right in a right-to-left field ("+371 21 237 875" after
    "همراه:", its plus sign first), and what is stored has no direction marks."""
    from accountdesk.core.bidi import ltr
    from accountdesk.ui.contacts.editor import ContactEditor

    anna = _contact(ctx.db)
    editor = ContactEditor(ctx, anna)
    qtbot.addWidget(editor)
    assert editor.text("phone") == f"{_('mobile')}:{ltr('+371 21 237 875')}"
    assert editor.text("email") == ltr("anna@timber.example")
    editor.set_text("phone", f"{editor.text('phone')}, {_('home')}:{ltr('+37167000000')}")
    editor.accept()
    detail = contact_detail(ctx.db, anna)
    assert detail.phones == [("mobile", "+37121237875"), ("home", "+37167000000")]
    assert detail.emails == [("work", "anna@timber.example")]
