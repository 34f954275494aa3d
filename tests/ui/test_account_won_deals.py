"""The account view's "Won deals" card: deals in several currencies are never added up as one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import _, use_language
from accountdesk.core.services.accounts import AccountInput, create_account
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.ui.accounts.view import AccountView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _card(view: AccountView, caption: str) -> str:
    frames = [view.figures.itemAt(i).widget() for i in range(view.figures.count())]
    for frame in frames:
        number, title = frame.findChildren(QLabel)[:2]
        if title.text() == caption:
            return str(number.text())
    raise AssertionError(caption)


def add_account(db: Database, name: str, country: str, zone: str, currency: str) -> str:
    return create_account(db, AccountInput(name, country=country, timezone=zone, currency=currency))


def _won(db: Database, account: str, amount: str, currency: str) -> None:
    save_deal(db, DealInput(account, f"Order {currency}", Decimal(amount), currency, "won",
                            date(2026, 3, 1)))  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_won_deals_in_two_currencies_are_shown_per_currency(
    ctx: Any, db: Database, qtbot: Any, lang: str
) -> None:
    account = add_account(db, "Ege Tekstil", "TR", "Europe/Istanbul", "TRY")
    _won(db, account, "250000", "TRY")
    _won(db, account, "10000", "EUR")
    save_deal(db, DealInput(account, "Open", Decimal("99"), "TRY"))  # open: not won
    with use_language(lang):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        shown = _card(view, _("Won deals"))
    digits = "".join(ch for ch in shown if ch.isdigit())
    assert "260000" not in digits  # never one sum of lira and euros
    assert "250000" in digits and "10000" in digits
    assert "€" in shown and ("₺" in shown or "TRY" in shown)


def test_won_deals_in_the_account_currency_are_one_amount(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    account = add_account(db, "Siam Trading", "TH", "Asia/Bangkok", "THB")
    _won(db, account, "1200", "THB")
    _won(db, account, "800", "THB")
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    shown = _card(view, "Won deals")
    assert "THB" in shown and "2,000.00" in shown and ";" not in shown
