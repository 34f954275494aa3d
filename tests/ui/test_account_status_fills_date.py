"""Choosing Lost (or Active) in the account editor fills the date that status needs with the
user's today, in their calendar, when it is empty: the save then keeps status and dates in
agreement instead of only being refused (core/records.py::account_status)."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.i18n import format_date_input, use_language
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _choose(editor: Any, status: str) -> None:
    box: Any = editor.fields["status"]
    box.setCurrentIndex(box.findData(status))


@pytest.mark.parametrize("lang", ["en", "th", "fa"])
def test_choosing_lost_fills_lost_on_with_today_in_the_users_calendar(
    lang: str, ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db,
        AccountInput(name="Kras Vino", country="SI", status="active", customer_since="2024-02-01"),
    )
    with use_language(lang):
        editor = AccountEditor(ctx, account)
        qtbot.addWidget(editor)
        assert editor.text("lost_on") == ""
        _choose(editor, "lost")
        assert editor.text("lost_on") == format_date_input(ctx.today())
        editor.accept()
    stored = account_detail(ctx.db, account)
    assert (stored.status, stored.lost_on) == ("lost", ctx.today())


def test_choosing_active_fills_customer_since_and_keeps_a_date_already_typed(
    ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_text("name", "Kras Vino")
    _choose(editor, "active")
    assert editor.text("customer_since") == format_date_input(ctx.today())
    editor.set_text("customer_since", "2020-01-15")
    _choose(editor, "lost")
    _choose(editor, "active")
    assert editor.text("customer_since") == "2020-01-15"
