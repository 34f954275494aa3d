"""Amounts of money are checked at the boundary by one rule (validation.money): not more than
can be stored. Money keeps thousandths in a 64-bit integer, and 99999999999999999 failed with a
raw "OverflowError: Python int too large to convert to SQLite INTEGER" in every language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import use_language
from accountdesk.core.io.csv_format import CsvImportError
from accountdesk.core.io.csv_io import import_csv
from accountdesk.core.records import AccountInput, clean_account
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import (
    DealInput,
    GiftInput,
    deal_for_edit,
    save_deal,
    save_gift,
)
from accountdesk.core.validation import ValidationError

HUGE = "99999999999999999"


@pytest.fixture
def account(db: Database) -> str:
    return create_account(db, AccountInput(name="Kyoto Trade", country="JP", currency="JPY"))


def test_a_deal_amount_beyond_what_can_be_stored_is_refused_with_the_limit(
    db: Database, account: str
) -> None:
    with pytest.raises(ValidationError) as error:
        save_deal(db, DealInput(account, "Big one", HUGE, "EUR"))
    assert error.value.key == "amount"
    assert str(error.value) == (
        f"Amount \u201c{HUGE}\u201d: is more than 999,999,999,999,999, "
        "the largest amount that can be stored"
    )


def test_the_limit_is_written_as_the_language_writes_numbers(db: Database, account: str) -> None:
    with use_language("lv"), pytest.raises(ValidationError) as error:
        save_deal(db, DealInput(account, "Big one", HUGE, "EUR"))
    assert "999\u00a0999\u00a0999\u00a0999\u00a0999" in str(error.value)


def test_the_largest_amount_is_stored_exactly(db: Database, account: str) -> None:
    deal = save_deal(db, DealInput(account, "Big one", "999999999999999", "EUR"))
    assert deal_for_edit(db, deal).data.amount == Decimal("999999999999999")


def test_a_huge_acquisition_cost_and_gift_value_are_refused(db: Database, account: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_account(AccountInput(name="A", country="LV", acquisition_cost=HUGE))
    assert error.value.key == "acquisition_cost"
    assert "largest amount" in str(error.value)
    gift = GiftInput(account, "given", "Sake", date(2025, 3, 1), value=HUGE, currency="JPY")
    with pytest.raises(ValidationError) as error:
        save_gift(db, gift)
    assert error.value.key == "value"
    assert "largest amount" in str(error.value)


def test_an_import_row_with_a_huge_acquisition_cost_names_row_and_column(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        f"account_name,account_country,account_acquisition_cost\nĀbele,LV,{HUGE}\n",
        encoding="utf-8",
    )
    with pytest.raises(CsvImportError) as error:
        import_csv(db, path)
    assert error.value.problems == [
        f"Row 2, column account_acquisition_cost: Acquisition cost \u201c{HUGE}\u201d: is more "
        "than 999,999,999,999,999, the largest amount that can be stored"
    ]
