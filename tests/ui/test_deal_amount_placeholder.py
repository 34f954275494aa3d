"""The deal dialog's Amount placeholder is written as the field reads an amount in each
language (Slovenian and Latvian decimal comma, Persian digits and separator, Thai and Turkish
alike), not "12500.00" everywhere: a placeholder typed as shown is read back as that amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.validation import decimal


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12500.00"), ("sl", "12500,00"), ("lv", "12500,00"), ("tr", "12500,00"),
     ("th", "12500.00"), ("fa", "۱۲۵۰۰٫۰۰")],
)  # fmt: skip
def test_the_amount_placeholder_is_written_as_the_field_reads_it(
    ctx: object, db: Database, language: str, expected: str
) -> None:
    from accountdesk.ui.activity import DealDialog

    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    with i18n.use_language(language):
        dialog = DealDialog(ctx, account)  # type: ignore[arg-type]
        shown = dialog.fields["amount"].placeholderText()  # type: ignore[union-attr]
        assert shown == expected
        assert decimal("amount", shown) == Decimal("12500.00")
    dialog.deleteLater()
