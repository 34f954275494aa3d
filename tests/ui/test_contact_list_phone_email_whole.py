"""The contact list shows a phone number and an e-mail address whole: a rep reads them off the
list to call or write."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.columns import text_width

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["th", "tr"])
def test_phone_and_email_columns_fit_them(
    lang: str, ctx: Any, qtbot: Any, laptop_screen: Any
) -> None:
    """Seen in the Thai and Turkish tours: 102 of the demo's 168 phone numbers were cut
    ("+971 50 123 7…", the column 100 px, the number 113 px) and every e-mail address."""
    from accountdesk.ui.app import apply_language

    account = create_account(
        ctx.db, AccountInput(name="Palm Logistics LLC", country="AE", timezone="Asia/Dubai")
    )
    create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Noura",
            family_name="Al Falasi",
            country="AE",
            timezone="Asia/Dubai",
            phones=["mobile:+971501237096"],
            emails=["noura.alfalasi@palmlogistics.example"],
        ),
    )
    apply_language(lang)
    try:
        screen: Any = laptop_screen("contacts")
        qtbot.waitUntil(lambda: screen.model.rowCount() == 1 and tasks.wait_all())
        model, table = screen.model, screen.table
        keys = [column.key for column in model.columns]
        for key in ("phone", "email"):
            column = keys.index(key)
            text = model.index(0, column).data()
            assert plain(text) in ("+971 50 123 7096", "noura.alfalasi@palmlogistics.example")
            assert table.columnWidth(column) >= text_width(table, [text]), key
    finally:
        apply_language("en")
