"""Reports → Exchange rates… (pytest-qt): the reporting currency, rates entered, imported and
deleted; the screen's metrics convert money, show sample sizes and name a missing rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from accountdesk.core import settings
from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.reports.textlayout import TextStyle, layout
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.ui import tasks
from accountdesk.ui.reports.rates import RatesDialog
from accountdesk.ui.reports.screen import ReportsScreen

# showing a dialog on the offscreen platform warns that it cannot propagate size hints
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _dialog(ctx: Any, qtbot: Any) -> RatesDialog:
    dialog = RatesDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_reporting_currency_and_rates_entered_and_deleted(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        "accountdesk.ui.reports.rates.ask_yes", lambda _p, _t, question: asked.append(question)
    )
    dialog = _dialog(ctx, qtbot)
    assert plain(dialog.reporting_now.text()) == "Reports convert into EUR."
    assert dialog.rate_texts() == []
    qtbot.keyClicks(dialog.currency, "jpy")
    qtbot.keyClicks(dialog.rate, "160.5")
    dialog.day.setText("2025-03-01")
    dialog.add_rate()
    assert dialog.message.text() == "Added the rate."
    assert [tuple(plain(t) for t in row) for row in dialog.rate_texts()] == [
        ("1 Mar 2025", "1 EUR = 160.5", "JPY")
    ]
    qtbot.keyClicks(dialog.currency, "XYZ")
    qtbot.keyClicks(dialog.rate, "2")
    dialog.add_rate()
    assert "ISO 4217" in dialog.message.text()
    assert len(dialog.rate_texts()) == 1
    dialog.reporting.setText("usd")
    dialog.save_reporting()
    assert settings.reporting_currency(ctx.db) == "USD"
    assert plain(dialog.reporting_now.text()) == "Reports convert into USD."
    dialog.reporting.setText("dollars")
    dialog.save_reporting()
    assert "ISO 4217" in dialog.message.text()
    dialog.table.selectRow(0)
    dialog.delete_selected()  # asked first, naming the rate; "No" keeps it
    assert [plain(q) for q in asked] == [
        "Delete the exchange rate 1 EUR = 160.5 JPY on 1 Mar 2025 for good? This cannot be undone."
    ]
    assert len(dialog.rate_texts()) == 1
    monkeypatch.setattr("accountdesk.ui.reports.rates.ask_yes", lambda *_a: True)
    dialog.delete_selected()
    assert dialog.rate_texts() == []
    assert dialog.message.text() == "Deleted the rate."


def test_import_names_row_and_column(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(ctx, qtbot)
    bad = tmp_path / "bad.csv"
    bad.write_text("currency,rate,date\nJPY,160,2025-03-01\nTHB,lots,2025-03-01\n")
    dialog.import_file(bad)
    lines = dialog.message.text().splitlines()
    assert lines[0] == "Nothing was imported."
    assert lines[1] == "Row 3, column “rate”: “lots” is not a number; write it like 160.52."
    assert dialog.rate_texts() == []
    good = tmp_path / "good.csv"
    good.write_text("currency,rate,date\nJPY,160,2025-03-01\nTHB,38,2025-03-01\n")
    dialog.import_file(good)
    assert dialog.message.text() == "Imported 2 exchange rates."
    assert len(dialog.rate_texts()) == 2


def test_screen_converts_money_and_names_a_missing_rate(ctx: Any, db: Database, qtbot: Any) -> None:
    riga = create_account(
        db, AccountInput(name="Baltic Timber", country="LV", status="active",
                         customer_since="2024-01-01", currency="EUR"),
    )  # fmt: skip
    tokyo = create_account(
        db, AccountInput(name="Tokyo Trade", country="JP", status="active",
                         customer_since="2024-01-01", currency="JPY"),
    )  # fmt: skip
    save_deal(db, DealInput(riga, "Order", Decimal(1000), "EUR", "won", date(2025, 1, 10)))
    save_deal(db, DealInput(tokyo, "Order", Decimal(160000), "JPY", "won", date(2025, 2, 10)))
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.start.setDate(QDate(2025, 1, 1))
    screen.end.setDate(QDate(2025, 3, 12))

    def settle() -> dict[str, str]:
        screen.table.setRowCount(0)
        screen.refresh_metrics()
        qtbot.waitUntil(lambda: screen.table.rowCount() > 0 and not tasks.busy(), timeout=10000)
        return {k: plain(v) for k, v in screen.metric_texts().items()}

    texts = settle()
    assert texts["Revenue in the period (won deals)"] == "€1,000.00\nJP¥160,000"  # one a line
    assert texts["Customer lifetime value"] == "no exchange rate for JPY"
    assert "No exchange rate from JPY to EUR" in plain(screen.money_note.text())
    assert screen.table.item(3, 2).text() == "2 *"  # retention over S = 2: a small sample
    dialog = screen.edit_rates()
    qtbot.keyClicks(dialog.currency, "JPY")
    qtbot.keyClicks(dialog.rate, "160")
    dialog.day.setText("2025-03-01")
    dialog.add_rate()
    dialog.close()
    texts = settle()
    assert texts["Revenue in the period (won deals)"] == "€2,000.00"
    assert "at the exchange rates of 1 Mar 2025" in plain(screen.money_note.text())
    assert "No exchange rate" not in screen.money_note.text()


def test_a_rate_is_shown_as_the_rate_field_takes_it_back(ctx: Any, qtbot: Any) -> None:
    """Slovenian writes decimals with a comma: the list showed "1 EUR = 1.085" and the same
    text typed into the rate field was refused as unclear (1085 or 1,085)."""
    from accountdesk.core import i18n
    from accountdesk.ui.reports.rates import RatesDialog

    with i18n.use_language("sl"):
        dialog = RatesDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.currency.setText("USD")
        dialog.rate.setText("1,085")
        dialog.day.setText("1. 03. 2025")
        dialog.add_rate()
        shown = [plain(row[1]) for row in dialog.rate_texts()]
        assert shown == ["1 EUR = 1,085"]
        dialog.currency.setText("GBP")
        dialog.rate.setText(shown[0].split(" = ")[1])  # typed back as it is shown
        dialog.day.setText("2. 03. 2025")
        dialog.add_rate()
        assert sorted(plain(row[1]) for row in dialog.rate_texts()) == ["1 EUR = 1,085"] * 2


def test_persian_placeholders_read_whole_and_right_to_left(
    persian: None, ctx: Any, qtbot: Any
) -> None:
    """The reporting currency's field is as wide as what it says when empty (Persian cut it
    to "خالی: واحد پول گ…"), and the currency's example isolates its codes, so a Persian
    line does not begin with "ISO" and turn left to right."""
    import re

    dialog = _dialog(ctx, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.reporting
    assert field.width() > field.fontMetrics().horizontalAdvance(field.placeholderText())
    example = dialog.currency.placeholderText()
    assert plain(example) != example  # the codes are isolated
    assert "ISO 4217" in plain(example) and "JPY" in plain(example)
    outside = re.sub("[\u2066-\u2068][^\u2069]*\u2069", "", example)
    assert "ISO" not in outside and "JPY" not in outside  # the line's direction is its words'
    # the standard's name with its number is one left-to-right unit: "ISO 4217" read on the
    # right, not "4217 ISO" (review rev30's 6th)
    assert "4217" not in outside
    (line,) = layout(example, 1e9, TextStyle(), rtl=True)
    assert line.visual_text.endswith("ISO 4217"), line.visual_text
    assert line.visual_text.startswith("JPY"), line.visual_text


def test_a_persian_rate_is_written_in_one_digit_system_and_grouped(
    persian: None, ctx: Any, qtbot: Any
) -> None:
    """ "1 EUR = ۴۵٫۵": the 1 was ASCII beside a rate in Persian digits, and 48000000 was
    written without grouping."""
    dialog = _dialog(ctx, qtbot)
    for currency, rate in (("TRY", "۴۵٫۵"), ("IRR", "۴۸۰۰۰۰۰۰")):
        dialog.currency.setText(currency)
        dialog.rate.setText(rate)
        dialog.add_rate()
    shown = sorted(plain(row[1]) for row in dialog.rate_texts())
    assert shown == ["۱ EUR = ۴۵٫۵", "۱ EUR = ۴۸٬۰۰۰٬۰۰۰"]
    assert not any(ch.isascii() and ch.isdigit() for text in shown for ch in text)


def test_a_grouped_rate_is_shown_only_where_the_field_reads_it_back(ctx: Any, qtbot: Any) -> None:
    """Slovenian groups thousands with a point: "12.345" typed in the rate field is unclear
    (12,345 or 12345) and refused, so that rate is shown without grouping; "48.000.000" reads
    one way and is grouped."""
    from accountdesk.core import i18n

    with i18n.use_language("sl"):
        dialog = _dialog(ctx, qtbot)
        for currency, rate, day in (("IDR", "12345", "1. 03. 2025"), ("IRR", "48000000", "")):
            dialog.currency.setText(currency)
            dialog.rate.setText(rate)
            if day:
                dialog.day.setText(day)
            dialog.add_rate()
        shown = {plain(row[2]): plain(row[1]) for row in dialog.rate_texts()}
        assert shown == {"IDR": "1 EUR = 12345", "IRR": "1 EUR = 48.000.000"}
        for currency, text in (("GBP", shown["IDR"]), ("USD", shown["IRR"])):
            dialog.currency.setText(currency)
            dialog.rate.setText(text.split(" = ")[1])  # typed back as it is shown
            dialog.add_rate()
        assert sorted(plain(row[1]) for row in dialog.rate_texts()) == [
            "1 EUR = 12345",
            "1 EUR = 12345",
            "1 EUR = 48.000.000",
            "1 EUR = 48.000.000",
        ]


def test_deleting_several_rates_names_each_in_the_question(
    persian: None, ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        "accountdesk.ui.reports.rates.ask_yes",
        lambda _p, _t, question: asked.append(question) or True,
    )
    dialog = _dialog(ctx, qtbot)
    for currency, rate in (("TRY", "۴۵٫۵"), ("IRR", "۴۸۰۰۰۰۰۰")):
        dialog.currency.setText(currency)
        dialog.rate.setText(rate)
        dialog.add_rate()
    dialog.table.selectAll()
    dialog.delete_selected()
    [question] = [plain(q) for q in asked]
    assert "۲" in question and "۱ EUR = ۴۵٫۵ TRY" in question
    assert "۱ EUR = ۴۸٬۰۰۰٬۰۰۰ IRR" in question
    assert dialog.rate_texts() == []
    assert "۲" in dialog.message.text()
