"""A lost account made a customer again in the editor (rev10 9): choosing Active fills a new
"customer since" with today and the line under the dates says the earlier period is kept;
clearing "lost on" alone is a correction, and the line says so. The account's overview
lists the earlier periods."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import format_date_input
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

KEPT = (date(2023, 6, 1), date(2024, 3, 15))


def _lost(ctx: Any) -> str:
    data = AccountInput(
        name="Kras Vino", country="SI", status="lost",
        customer_since="2023-06-01", lost_on="2024-03-15",
    )  # fmt: skip
    return str(create_account(ctx.db, data))


def _choose(editor: Any, status: str) -> None:
    box: Any = editor.fields["status"]
    box.setCurrentIndex(box.findData(status))


def _editor(ctx: Any, qtbot: Any, account: str) -> Any:
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx, account)
    qtbot.addWidget(editor)
    return editor


def test_choosing_active_on_a_lost_account_records_a_win_back(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.view import AccountView

    account = _lost(ctx)
    editor = _editor(ctx, qtbot, account)
    assert editor.history_note.isHidden()
    _choose(editor, "active")
    assert editor.text("customer_since") == format_date_input(ctx.today())
    assert editor.text("lost_on") == ""
    note = plain(editor.history_note.text())
    assert not editor.history_note.isHidden()
    assert "win-back" in note and "1 Jun 2023 – 15 Mar 2024" in note and "is kept" in note
    editor.accept()
    stored = account_detail(ctx.db, account)
    assert (stored.status, stored.customer_since, stored.lost_on) == ("active", ctx.today(), None)
    assert stored.earlier_periods == (KEPT,)

    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    view.reload()
    shown = [plain(label.text()) for label in view.overview.findChildren(QLabel)]
    at = shown.index("Customer")
    assert shown[at + 1] == "1 Jun 2023 – 15 Mar 2024"
    # the earlier period comes before the current one
    assert shown.index("Customer since") > at


def test_clearing_lost_on_alone_says_it_is_a_correction(ctx: Any, qtbot: Any) -> None:
    account = _lost(ctx)
    editor = _editor(ctx, qtbot, account)
    editor.set_text("lost_on", None)
    _choose(editor, "active")
    assert editor.text("customer_since") == format_date_input(date(2023, 6, 1))
    note = plain(editor.history_note.text())
    assert "corrects the loss" in note and "since 1 Jun 2023" in note
    editor.accept()
    stored = account_detail(ctx.db, account)
    assert (stored.status, stored.lost_on, stored.earlier_periods) == ("active", None, ())


def test_a_customer_since_inside_the_earlier_period_is_named_before_saving(
    ctx: Any, qtbot: Any
) -> None:
    account = _lost(ctx)
    editor = _editor(ctx, qtbot, account)
    _choose(editor, "active")
    editor.accept()
    editor = _editor(ctx, qtbot, account)
    editor.set_text("customer_since", "2024-01-10")
    assert "1 Jun 2023 – 15 Mar 2024" in plain(editor.history_note.text())
    editor.set_text("customer_since", "2023-06-01")  # the win-back undone
    assert "joins the earlier period" in plain(editor.history_note.text())
    editor.accept()
    stored = account_detail(ctx.db, account)
    assert (stored.customer_since, stored.earlier_periods) == (date(2023, 6, 1), ())
