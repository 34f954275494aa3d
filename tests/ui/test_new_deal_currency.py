"""A new deal or gift starts in the account's currency, else its country's (README, Money):
an account imported without a currency (every CSV file without ``account_currency``) showed an
empty field behind a grey "EUR", and its deals and gifts were refused as "required" until the
user guessed the code. The placeholder says what to type; it is no currency that could read as
a default."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import activity_tabs
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.activity import DealDialog, GiftDialog
from accountdesk.ui.forms import FormDialog


def _new_item(view: AccountView, panel: str, monkeypatch: pytest.MonkeyPatch) -> FormDialog:
    """What the tab's Add… opens (not shown)."""
    opened: list[FormDialog] = []
    monkeypatch.setattr(activity_tabs, "run_modal", opened.append)
    getattr(view, panel).buttons["new"].click()
    [dialog] = opened
    return dialog


@pytest.mark.parametrize(("country", "currency"), [("TR", "TRY"), ("IR", "IRR"), ("LV", "EUR")])
def test_a_new_deal_and_gift_start_in_the_country_currency_of_an_account_without_one(
    ctx: Any, db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch, country: str, currency: str
) -> None:
    account = create_account(db, AccountInput("Anadolu Test A.Ş.", country))
    assert account_detail(db, account).currency is None  # as a CSV import stores it
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    deal = _new_item(view, "deals", monkeypatch)
    assert isinstance(deal, DealDialog)
    assert deal.text("currency") == currency
    deal.fields["title"].setText("Pilot")  # type: ignore[union-attr]
    deal.fields["amount"].setText("50000")  # type: ignore[union-attr]
    deal.save()
    gift = _new_item(view, "gifts", monkeypatch)
    assert isinstance(gift, GiftDialog)
    assert gift.text("currency") == currency
    gift.fields["description"].setText("Tea set")  # type: ignore[union-attr]
    gift.fields["value"].setText("800")  # type: ignore[union-attr]
    gift.save()
    detail = account_detail(db, account)
    assert [(d.amount, d.currency) for d in detail.deals] == [(Decimal(50000), currency)]
    assert [(g.value, g.currency) for g in detail.gifts] == [(Decimal(800), currency)]
    for dialog in (deal, gift):
        dialog.deleteLater()


def test_the_account_own_currency_comes_first(ctx: Any, db: Database, qtbot: Any) -> None:
    account = create_account(db, AccountInput("Istanbul Ltd", "TR", currency="USD"))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    assert view._currency() == "USD"


def test_the_currency_placeholder_is_no_currency(ctx: Any, db: Database) -> None:
    # a country without money (its zone is said: Antarctica keeps several clocks)
    account = create_account(db, AccountInput("Nowhere", "AQ", timezone="Antarctica/Troll"))
    for dialog in (DealDialog(ctx, account), GiftDialog(ctx, account)):
        field = dialog.fields["currency"]
        assert dialog.text("currency") == ""
        shown = plain(field.placeholderText())  # type: ignore[union-attr]
        assert shown == "ISO 4217, e.g. JPY" and "EUR" not in shown
        dialog.deleteLater()


def test_the_account_editor_says_an_empty_currency_is_the_countrys(ctx: Any, db: Database) -> None:
    """The account's own currency field showed a grey "EUR" whatever the country: it reads as
    a default, and an empty field is the country's currency (TRY for a Turkish account)."""
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx)
    field = editor.fields["currency"]
    assert plain(field.placeholderText()) == "ISO 4217, e.g. JPY"  # type: ignore[union-attr]
    editor.set_text("country", "TR")
    assert field.placeholderText() == "empty: the country's, TRY"  # type: ignore[union-attr]
    editor.set_text("country", "AQ")  # no money of its own
    assert plain(field.placeholderText()) == "ISO 4217, e.g. JPY"  # type: ignore[union-attr]
    editor.deleteLater()
    stored = AccountEditor(ctx, create_account(db, AccountInput("Tehran Co", "IR")))
    assert stored.text("currency") == ""
    assert stored.fields["currency"].placeholderText() == "empty: the country's, IRR"  # type: ignore[union-attr]
    stored.deleteLater()
