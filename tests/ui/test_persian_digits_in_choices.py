"""Choices made of numbers are shown in the language's digits: an account's size band (the
editor's choices and the account page) and Quick log's CSAT score showed "50-249" and "1" …
"5" among Persian digits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.forms import combo_value
from accountdesk.ui.quicklog.dialog import QuickLogDialog


def _items(box: object) -> list[str]:
    assert isinstance(box, QComboBox)
    return [plain(box.itemText(i)) for i in range(box.count())]


def test_size_bands_in_persian_digits_stored_as_codes(
    persian: None, ctx: Any, db: Database, qtbot: Any
) -> None:
    account = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", size_band="1000+")
    )
    editor = AccountEditor(ctx, account)
    qtbot.addWidget(editor)
    box = editor.fields["size_band"]
    assert _items(box)[1:] == ["۱-۹", "۱۰-۴۹", "۵۰-۲۴۹", "۲۵۰-۹۹۹", "۱۰۰۰+"]
    assert isinstance(box, QComboBox) and combo_value(box) == "1000+"  # the stored code
    box.setCurrentIndex(3)
    assert editor.text("size_band") == "50-249"
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    shown = [plain(label.text()) for label in view.findChildren(QLabel)]
    assert "۱۰۰۰+" in shown and "1000+" not in shown


def test_quick_log_csat_scores_in_persian_digits(
    persian: None, ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = QuickLogDialog(ctx, contact_id=sample["anna"])
    qtbot.addWidget(dialog)
    box = dialog.fields["csat_score"]
    assert _items(box)[1:] == ["۱", "۲", "۳", "۴", "۵"]
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(4)
    assert dialog.text("csat_score") == "4"
