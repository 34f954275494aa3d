"""A money figure with its sample in a Persian report: the amount is one unit, the sample in
brackets beside it on the reading side.

The fa pattern for an amount starts with a left-to-right mark ("\u200eریال ۵٬۲۸۱"), and a cell
takes its direction from its first strong character: "{value} ({sample})" was laid out left to
right, and in rials (a currency sign in Persian letters) it read "(ریال ۵٬۲۸۱٬۹۰۱٬۶۲۹ (۱۵",
brackets broken (the portfolio's average revenue per customer, lifetime value and CAC).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import MoneyMetric
from accountdesk.core.money import MoneyTotal, money_text
from accountdesk.core.reports.documents import _context
from accountdesk.core.reports.textlayout import TextStyle, layout

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


@pytest.mark.parametrize("currency", ["IRR", "EUR"])
def test_a_persian_money_cell_reads_right_to_left_with_the_amount_whole(currency: str) -> None:
    ctx = _context("fa", NOW, "UTC")
    value = Decimal("5281901629")
    total = MoneyTotal(subtotals={currency: value}, reporting=currency, converted=value)
    with i18n.use_language("fa"):
        cell = ctx.money_cell(MoneyMetric(value=value, total=total, sample=15))
        amount = plain(money_text(value, currency))
    assert plain(cell) == f"{amount} (۱۵)"  # copied out: the same text
    (line,) = layout(ctx.text(cell), 1e9, TextStyle(size=8.5), ctx.rtl)
    shown = line.visual_text
    # right to left: the amount at the right, then the sample to its left ("(" drawn mirrored)
    assert shown.startswith(")۱۵( "), shown
    digits = amount.split("\xa0")[-1]
    assert digits in shown, shown
    assert shown.count("(") == shown.count(")") == 1, shown
