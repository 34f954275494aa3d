"""The account's overview names its region and currency in the language, with their codes
("İstanbul (34)", "Turcijas lira (TRY)"); it showed the bare codes ("34", "TRY")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.services.accounts import AccountInput, create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _shown(view: Any) -> list[str]:
    return [plain(label.text()) for label in view.overview.findChildren(QLabel)]


@pytest.mark.parametrize(
    ("lang", "currency"), [("lv", "Turcijas lira (TRY)"), ("sl", "turška lira (TRY)")]
)
def test_region_and_currency_by_name(lang: str, currency: str, ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.view import AccountView

    account = create_account(
        ctx.db,
        AccountInput(
            name="Ege Lojistik",
            country="TR",
            subdivision="34",
            city="İstanbul",
            timezone="Europe/Istanbul",
            currency="TRY",
        ),
    )
    with use_language(lang):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        view.reload()
        shown = _shown(view)
    assert currency in shown
    assert "İstanbul (34)" in shown
    assert "34" not in shown and "TRY" not in shown
