"""Amounts of money are checked at the boundary by one rule (validation.money): not finer
than the currency's smallest unit (a JPY deal of 1234.5 was stored 1234.5 and shown JP¥1,234; 0.0004
EUR was stored as 0), and not negative (a deal or a gift's value was accepted below zero,
while an acquisition cost was refused)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput, clean_account
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import (
    DealInput,
    GiftInput,
    deal_for_edit,
    gift_for_edit,
    save_deal,
    save_gift,
)
from accountdesk.core.validation import ValidationError

HUGE = "99999999999999999"


@pytest.fixture
def account(db: Database) -> str:
    return create_account(db, AccountInput(name="Kyoto Trade", country="JP", currency="JPY"))


@pytest.mark.parametrize(
    ("amount", "currency", "reason"),
    [
        ("1234.5", "JPY", "JPY amounts are whole numbers"),
        ("0.0004", "EUR", "EUR amounts have at most 2 decimal places"),
        ("12.345", "EUR", "EUR amounts have at most 2 decimal places"),
        ("1.2345", "BHD", "BHD amounts have at most 3 decimal places"),
    ],
)
def test_an_amount_finer_than_its_currency_is_refused(
    db: Database, account: str, amount: str, currency: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as error:
        save_deal(db, DealInput(account, "Order", amount, currency))
    assert error.value.key == "amount"
    assert error.value.reason.replace("\u2066", "").replace("\u2069", "") == reason


def test_amounts_as_fine_as_their_currency_are_kept(db: Database, account: str) -> None:
    for amount, currency in (("1234", "JPY"), ("12.34", "EUR"), ("12.50", "EUR"), ("1.234", "BHD")):
        deal = save_deal(db, DealInput(account, "Order", amount, currency))
        assert deal_for_edit(db, deal).data.amount == Decimal(amount)


def test_an_acquisition_cost_finer_than_the_accounts_currency_is_refused() -> None:
    # the account's own currency, else its country's (metrics.own_currency): yen in Japan
    with pytest.raises(ValidationError) as error:
        clean_account(AccountInput(name="A", country="JP", acquisition_cost="1500.5"))
    assert error.value.key == "acquisition_cost"
    assert "JPY" in error.value.reason
    assert clean_account(AccountInput(name="A", country="LV", acquisition_cost="1500.5"))[
        "acquisition_cost"
    ] == Decimal("1500.5")


def test_negative_deals_and_gift_values_are_refused_like_acquisition_cost(
    db: Database, account: str
) -> None:
    with pytest.raises(ValidationError) as error:
        save_deal(db, DealInput(account, "Refund", "-100", "EUR"))
    assert str(error.value) == "Amount \u201c-100\u201d: cannot be negative"
    gift = GiftInput(account, "given", "Sake", date(2025, 3, 1), value="-5", currency="JPY")
    with pytest.raises(ValidationError) as error:
        save_gift(db, gift)
    assert str(error.value) == "Value \u201c-5\u201d: cannot be negative"
    with pytest.raises(ValidationError) as error:
        clean_account(AccountInput(name="A", country="LV", acquisition_cost="-1"))
    assert str(error.value) == "Acquisition cost \u201c-1\u201d: cannot be negative"
    assert account_detail(db, account).name == "Kyoto Trade"


def test_money_is_the_one_rule_and_reads_a_file_alike_in_every_language() -> None:
    with use_language("sl"):
        assert v.money("amount", "1.5", "EUR", from_file=True) == Decimal("1.5")
        assert v.money("amount", "1234,5", "EUR") == Decimal("1234.5")


def test_a_stored_amount_meets_the_rules_of_a_currency_it_is_changed_to(db: Database) -> None:
    """Review rev14's 7th: "EU audit" at €5,000.50, its currency alone changed to JPY, was
    saved as ¥5,000.5 (about €30): the amount was kept as stored whatever its currency. The
    app converts nothing: the amount is checked for the new currency, under its field."""
    account = create_account(db, AccountInput("Kyoto Trade", "JP", currency="JPY"))
    deal = save_deal(db, DealInput(account, "EU audit", "5000.50", "EUR"))
    gift = save_gift(db, GiftInput(account, "given", "Wine", "2025-03-01", value="50.50",
                                   currency="EUR"))  # fmt: skip
    loaded = deal_for_edit(db, deal)
    with pytest.raises(ValidationError) as error:
        save_deal(db, replace(loaded.data, currency="JPY"), deal, expected_version=loaded.version)
    whole = "\u2066JPY\u2069 amounts are whole numbers"
    assert (error.value.key, error.value.reason) == ("amount", whole)
    stored = gift_for_edit(db, gift)
    with pytest.raises(ValidationError) as error:
        save_gift(db, replace(stored.data, currency="JPY"), gift, expected_version=stored.version)
    assert (error.value.key, error.value.reason) == ("value", whole)
    assert deal_for_edit(db, deal).data.currency == "EUR"
