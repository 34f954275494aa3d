"""The at-risk score's revenue signal without an exchange rate (review rev20, 2): an account
that deals in one currency is compared in it (no rate is needed); one whose deals are in
several currencies, one without a rate, is said not to have been assessed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import Account, Deal
from accountdesk.core.metrics import FALLING
from accountdesk.core.money import RateBook
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.data import Scope, load_records, risk_facts
from accountdesk.core.reports.textlayout import TextBlock

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _world(path: Path) -> tuple[Database, dict[str, str]]:
    db = open_database(path)
    ids = {}
    with db.transaction() as s:
        for name, country, deals in (
            # TRY 36,200 won 18 months ago, nothing in the last 12: a fall, in TRY alone
            ("Kapadokya Seramik", "TR", [("TRY", 36200, date(2025, 5, 29))]),
            # CHF and EUR, and no CHF rate: the two years cannot be compared
            ("Multi Currency", "CH",
             [("CHF", 5000, date(2025, 3, 1)), ("EUR", 100, date(2026, 3, 1))]),
            # EUR only, the reporting currency: converted as always
            ("Ābele", "LV", [("EUR", 9000, date(2025, 6, 1)), ("EUR", 8000, date(2026, 6, 1))]),
        ):  # fmt: skip
            account = Account(name=name, country=country, customer_since=date(2024, 1, 1))
            s.add(account)
            s.flush()
            ids[name] = account.id
            for currency, amount, closed in deals:
                s.add(Deal(account_id=account.id, title="Order", amount=Decimal(amount),
                           currency=currency, status="won", closed_on=closed))  # fmt: skip
    return db, ids


def test_one_currency_is_compared_in_it_and_several_are_said_not_assessed(
    tmp_path: Path,
) -> None:
    db, ids = _world(tmp_path / "r.db")
    with db.reader() as s:
        records = load_records(s, Scope())
    facts = risk_facts(db, records, NOW, "UTC", RateBook("EUR", NOW.date()))
    turkish = facts[ids["Kapadokya Seramik"]]
    assert (turkish.signals.revenue_now, turkish.signals.revenue_before) == (0, 36200)
    assert dict(turkish.score.reasons)[FALLING] == 2
    assert (turkish.score.value_at_stake, turkish.currency, turkish.converted) == (
        36200, "TRY", False,
    )  # fmt: skip
    assert turkish.not_assessed == ()
    mixed = facts[ids["Multi Currency"]]
    assert FALLING not in dict(mixed.score.reasons)
    assert mixed.not_assessed == ("CHF",)
    latvian = facts[ids["Ābele"]]
    assert (latvian.signals.revenue_now, latvian.signals.revenue_before) == (8000, 9000)
    assert (latvian.currency, latvian.converted, latvian.not_assessed) == ("EUR", True, ())
    # the report names the account whose signal was not assessed, and says why
    ctx = d._context("en", NOW, "UTC")
    owners = {a: (name, None) for name, a in ids.items()}
    with i18n.use_language("en"):
        section = d._risk_section(ctx, facts, owners)
        summary = plain(d._risk_summary(ctx, mixed, None))
        stake = plain(d._stake(ctx, turkish))
    db.close()
    texts = [plain(f.text) for f in section if isinstance(f, TextBlock)]
    assert (
        "The revenue signal was not assessed for 1 customer, whose deals are in several "
        "currencies without an exchange rate for CHF: Multi Currency."
    ) in texts
    assert "Revenue not assessed: its deals are in several currencies, and CHF has no " in summary
    assert stake == "TRY\xa036,200.00"
