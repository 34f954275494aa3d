"""The account view's revenue card: deals in several currencies are never added up as one
without a rate, and the card says what the account report says (one rule: revenue to date)."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import _, use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.reports.documents import account_report
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.core.services.rates import RateInput, save_rate
from accountdesk.ui.accounts.view import AccountView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CLOSED = date(2025, 3, 1)  # before the tests' today (ctx: 12 March 2025)
LATER = date(2025, 6, 1)  # after it


def _card(view: AccountView, caption: str) -> str:
    frames = [view.figures.itemAt(i).widget() for i in range(view.figures.count())]
    for frame in frames:
        number, title = frame.findChildren(QLabel)[:2]
        if title.text() == caption:
            return str(number.text())
    raise AssertionError(caption)


def add_account(db: Database, name: str, country: str, zone: str, currency: str) -> str:
    return create_account(db, AccountInput(name, country=country, timezone=zone, currency=currency))


def _won(db: Database, account: str, amount: str, currency: str, on: date = CLOSED) -> None:
    save_deal(db, DealInput(account, f"Order {currency}", Decimal(amount), currency, "won", on))


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
        shown = _card(view, _("Revenue to date"))
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
    shown = _card(view, "Revenue to date")
    assert "THB" in shown and "2,000.00" in shown and ";" not in shown


def _report_revenue(ctx: Any, account: str, folder: Path) -> str:
    """What the account report (the PDF) writes after "Revenue to date", on the card's day."""
    pdf = folder / "account.pdf"
    account_report(ctx.db, account, pdf, lang="en", now=ctx.now(), user_zone=ctx.user_zone)
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    label = "Revenue to date "
    start = text.index(label) + len(label)
    return text[start : text.index(" Last touch", start)]


@pytest.mark.parametrize("rate", [True, False], ids=["with a rate", "without a rate"])
def test_the_card_says_what_the_account_report_says(
    ctx: Any, db: Database, qtbot: Any, tmp_path: Path, rate: bool
) -> None:
    """Review of 44fe10c: the card added up every won deal with no rates ("€10,000.00;
    TRY255,000.00", a deal closing in 2027 too) while the report converted with the stored
    rates and counted the deals closed up to today (about €16,250)."""
    account = add_account(db, "Ege Tekstil", "TR", "Europe/Istanbul", "TRY")
    _won(db, account, "250000", "TRY")
    _won(db, account, "10000", "EUR")
    _won(db, account, "5000", "TRY", LATER)  # not closed yet: not revenue to date
    if rate:
        save_rate(db, RateInput("TRY", "40", date(2025, 3, 1), "EUR"), "EUR")
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    shown = plain(_card(view, "Revenue to date"))  # the PDF draws no isolates
    # (text copied out of the PDF has a plain space where a no-break space was drawn, and
    # between the lines of its cell, which holds one amount a line)
    copied = _report_revenue(ctx, account, tmp_path)
    assert shown.replace("\u00a0", " ").replace("; ", " ") == copied
    if rate:
        assert shown == "€16,250.00"
    else:  # per currency, as money.total_text writes a total without a rate
        assert "€10,000.00" in shown and "TRY\u00a0250,000.00" in shown
        assert "255,000" not in shown


def _note(view: AccountView, caption: str) -> str:
    """The smaller line under a card's title ("" when it has none)."""
    frames = [view.figures.itemAt(i).widget() for i in range(view.figures.count())]
    for frame in frames:
        labels = frame.findChildren(QLabel)
        if labels[1].text() == caption:
            return plain(str(labels[2].text())) if len(labels) > 2 else ""
    raise AssertionError(caption)


def test_a_converted_card_says_from_what_and_at_which_rates(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    """Review 9, defect 5: "€6,022.28" stood on the card of an account whose deals are all in
    Bahraini dinars, with nothing saying it was converted, from what or at which rates."""
    account = add_account(db, "Manama Co", "BH", "Asia/Bahrain", "BHD")
    _won(db, account, "1234.567", "BHD")
    _won(db, account, "1234.567", "BHD", date(2025, 2, 1))
    save_rate(db, RateInput("BHD", "0.41", date(2024, 9, 1), "EUR"), "EUR")
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    assert plain(_card(view, "Revenue to date")) == "€6,022.28"
    note = _note(view, "Revenue to date")
    assert "Converted from BHD\u00a02,469.134." in note
    assert "Amounts in EUR at the exchange rates of 1 Sept 2024." in note


def test_a_card_without_a_rate_says_why_it_is_per_currency(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    account = add_account(db, "Ege Tekstil", "TR", "Europe/Istanbul", "TRY")
    _won(db, account, "250000", "TRY")
    _won(db, account, "10000", "EUR")
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    note = _note(view, "Revenue to date")
    assert note.startswith("No exchange rate from TRY to EUR")
    assert "Converted" not in note and "other totals" not in note


def test_amounts_as_entered_need_no_note(ctx: Any, db: Database, qtbot: Any) -> None:
    euro = add_account(db, "Riga Oy", "LV", "Europe/Riga", "EUR")
    _won(db, euro, "1200", "EUR")
    baht = add_account(db, "Siam Trading", "TH", "Asia/Bangkok", "THB")  # no rate: as entered
    _won(db, baht, "1200", "THB")
    for account in (euro, baht):
        view = AccountView(ctx, account)
        qtbot.addWidget(view)
        assert _note(view, "Revenue to date") == ""
