"""The Persian Reports screen wraps a long metric value ("no exchange rate for BRL, IRR, …")
onto several lines of its row instead of eliding it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QFontMetrics

from accountdesk.core import i18n
from accountdesk.core.bidi import direction, plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.ui import tasks
from accountdesk.ui.reports.screen import ReportsScreen

CURRENCIES = ("EUR", "JPY", "BRL", "IRR", "THB", "TRY", "SAR", "USD", "NPR")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("width", [1024, 700])
def test_a_missing_rate_wraps_in_its_cell(
    persian: None, ctx: Any, db: Database, qtbot: Any, width: int
) -> None:
    for n, currency in enumerate(CURRENCIES):
        account = create_account(
            db, AccountInput(name=f"Account {n}", country="LV", status="active",
                             customer_since="2024-01-01", currency=currency),
        )  # fmt: skip
        save_deal(
            db, DealInput(account, "Order", Decimal(1000), currency, "won", date(2025, 1, 10))
        )
        create_account(db, AccountInput(name=f"Lost {n}", country="LV", status="prospect"))
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(width, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.start.setDate(QDate(2025, 1, 1))
    screen.end.setDate(QDate(2025, 3, 12))
    screen.refresh_metrics()
    qtbot.waitUntil(lambda: screen.table.rowCount() > 0 and not tasks.busy(), timeout=10000)
    tasks.pump(20)  # the table fits its rows to the wrapped text
    table = screen.table
    missing = i18n._("no exchange rate for {currencies}").split("{")[0].strip()
    rows = [r for r in range(table.rowCount()) if missing in plain(table.item(r, 1).text())]
    assert rows  # lifetime value and CAC cannot be converted
    for row in rows:
        item = table.item(row, 1)
        cell = table.visualItemRect(item)
        needed = QFontMetrics(table.font()).boundingRect(
            QRect(0, 0, cell.width() - 8, 10_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTrailing),
            item.text(),
        )
        assert needed.height() > QFontMetrics(table.font()).height()  # more than one line
        assert cell.height() >= needed.height(), (row, cell, needed)
        assert table.rowHeight(row) >= table.sizeHintForRow(row)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_metric_named_by_an_acronym_reads_right_to_left(
    persian: None, ctx: Any, db: Database, qtbot: Any
) -> None:
    """ "CSAT (سهم ۴ تا ۵)" began with a Latin acronym and was laid out left to right; the
    acronym is isolated, as in the PDF's table."""
    create_account(
        db, AccountInput(name="Pars Co", country="IR", status="active", customer_since="2024-01-01")
    )
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.refresh_metrics()
    qtbot.waitUntil(lambda: screen.table.rowCount() > 0 and not tasks.busy(), timeout=10000)
    names = [screen.table.item(r, 0).text() for r in range(screen.table.rowCount())]
    csat = next(n for n in names if "CSAT" in n)
    assert direction(csat) is True
    persian = [n for n in names if any("\u0600" <= ch <= "\u06ff" for ch in n)]
    assert all(direction(n) is True for n in persian)
