"""The demo's money is worth about as much in every currency: amounts are drawn in euros and
written in the account's currency at a rough rate, rounded as a price in that currency is. An
Iranian demo account showed a won deal of ۳۳٬۹۰۱ ریال, a few cents, beside €44,459 deals (UX
review 30, item 9)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.models import Account, Deal, Gift
from accountdesk.core.demo import COUNTRIES, EUR_RATES, generate, in_currency
from accountdesk.core.validation import currency_decimals

ANCHOR = date(2026, 11, 23)
MADE = datetime(2026, 11, 23, 12, tzinfo=UTC)


def test_every_demo_currency_has_a_rate() -> None:
    assert {c.currency for c in COUNTRIES} <= set(EUR_RATES)
    assert EUR_RATES["EUR"] == 1


@pytest.mark.parametrize(
    ("currency", "amount"),
    [
        ("EUR", Decimal(44459)),
        ("IRR", Decimal(57_797_000_000)),  # to the million rials
        ("THB", Decimal(1_667_210)),  # to ten baht
        ("JPY", Decimal(8_002_600)),
        ("USD", Decimal(51572)),
        ("GBP", Decimal(39124)),  # whole pounds
    ],
)
def test_an_amount_is_written_in_the_currency_and_rounded_as_it_is_priced(
    currency: str, amount: Decimal
) -> None:
    assert in_currency(44459, currency) == amount


def _money(db_path: Path) -> dict[str, list[tuple[str, str, Decimal]]]:
    db = open_database(db_path)
    try:
        generate(db, accounts=150, seed=3, anchor=ANCHOR, clock=fixed_clock(MADE))
        with db.reader() as s:
            return {
                "deals": [(d.id, d.currency, d.amount)
                          for d in s.scalars(select(Deal).order_by(Deal.id))],
                "costs": [(a.id, a.currency, a.acquisition_cost)
                          for a in s.scalars(select(Account).order_by(Account.id))
                          if a.acquisition_cost is not None],
                "gifts": [(g.id, g.currency, g.value)
                          for g in s.scalars(select(Gift).order_by(Gift.id))],
            }  # fmt: skip
    finally:
        db.close()


@pytest.fixture(scope="module")
def money(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str, Decimal]]]:
    return _money(tmp_path_factory.mktemp("money") / "demo.db")


@pytest.mark.parametrize(
    ("kind", "low", "high"),
    [("deals", 500, 50_000), ("costs", 200, 5_000), ("gifts", 10, 80)],
)
def test_amounts_are_worth_the_same_in_every_currency(
    money: dict[str, list[tuple[str, str, Decimal]]], kind: str, low: int, high: int
) -> None:
    rows = money[kind]
    assert rows
    for _id, currency, amount in rows:
        euros = amount / EUR_RATES[currency]
        assert low * Decimal("0.99") <= euros <= high * Decimal("1.01"), (currency, amount)
        assert amount == amount.to_integral_value(), (currency, amount)  # whole units
        assert -amount.as_tuple().exponent <= currency_decimals(currency)


def test_rial_and_baht_amounts_read_as_real_prices(
    money: dict[str, list[tuple[str, str, Decimal]]],
) -> None:
    rial = [a for _id, c, a in money["deals"] + money["costs"] if c == "IRR"]
    baht = [a for _id, c, a in money["deals"] + money["costs"] if c == "THB"]
    assert rial and baht
    assert min(rial) >= 200 * 1_300_000 * Decimal("0.99")  # hundreds of millions of rials
    assert all(a % 1_000_000 == 0 for a in rial)
    assert all(a % 10 == 0 for a in baht)


def test_the_same_seed_gives_the_same_amounts(
    money: dict[str, list[tuple[str, str, Decimal]]], tmp_path: Path
) -> None:
    assert _money(tmp_path / "again.db") == money
