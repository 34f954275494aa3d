"""The Deals, Surveys and Gifts tables of an account's page and a person's sort by a click on
a column's title (review rev14's 9th): text in the order of the user's language, dates and
numbers by their value, amounts by currency and then amount (never compared across
currencies), an empty cell last either way; the current row stays on its item."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import (
    DealInput,
    GiftInput,
    SurveyInput,
    save_deal,
    save_gift,
    save_survey,
)
from accountdesk.ui.accounts.view import AccountView
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.listmodel import PLAIN_ROLE
from people import person_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _index(panel: ItemsPanel, title: str) -> int:
    model = panel.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def _column(panel: ItemsPanel, title: str) -> list[str]:
    model, column = panel.model, _index(panel, title)
    return [model.index(r, column).data(PLAIN_ROLE) for r in range(model.rowCount())]


def _sort(panel: ItemsPanel, title: str, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
    """What a click on the column's title does."""
    panel.view.horizontalHeader().setSortIndicator(_index(panel, title), order)


def add_account(db: Database) -> str:
    return create_account(db, AccountInput("Baltic Timber", "LV", timezone="Europe/Riga"))


def test_the_tables_sort_by_a_click_on_a_title(
    ctx: Any, db: Database, qtbot: Any, qtmodeltester: Any
) -> None:
    account = add_account(db)
    for title, amount, currency, closed in (
        ("Zeta", "900", "EUR", "2024-05-01"),
        ("Ābele", "100000", "JPY", "2024-12-01"),
        ("Baltic", "1000", "EUR", "2024-01-15"),
        ("Čiekurs", "50", "USD", None),
    ):
        status = "won" if closed else "open"
        save_deal(db, DealInput(account, title, amount, currency, status, closed))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    deals = view.deals
    # as the query gives them until a title is clicked: open first, then the latest closed
    assert _column(deals, "Title") == ["Čiekurs", "Ābele", "Zeta", "Baltic"]
    _sort(deals, "Amount")  # by currency, then amount in it: €900 before €1,000
    assert _column(deals, "Amount") == ["€900.00", "€1,000.00", "JP¥100,000", "US$50.00"]
    _sort(deals, "Closed on", Qt.SortOrder.DescendingOrder)  # by the day, not its text
    assert _column(deals, "Closed on") == ["1 Dec 2024", "1 May 2024", "15 Jan 2024", ""]
    deals.view.setCurrentIndex(deals.model.index(2, 0))
    assert deals.current().title == "Baltic"
    title = _index(deals, "Title")
    with i18n.use_language("lv"):  # Latvian: Č a letter of its own, after C
        deals.view.horizontalHeader().setSortIndicator(title, Qt.SortOrder.AscendingOrder)
        titles = [deals.model.index(r, title).data(PLAIN_ROLE) for r in range(4)]
    assert titles == ["Ābele", "Baltic", "Čiekurs", "Zeta"]
    # the current row stays on its deal, in its new place
    assert (deals.view.currentIndex().row(), deals.current().title) == (1, "Baltic")
    save_survey(db, SurveyInput(account, "nps", 10, "2024-03-01"))
    save_survey(db, SurveyInput(account, "nps", 9, "2024-04-01"))
    save_gift(db, GiftInput(account, "given", "Wine", "2024-02-01", value="40", currency="EUR"))
    save_gift(db, GiftInput(account, "given", "Book", "2024-03-01"))
    view.reload()
    _sort(view.surveys, "Score")  # 9 before 10
    assert _column(view.surveys, "Score") == ["9", "10"]
    _sort(view.gifts, "Value")
    assert _column(view.gifts, "Value") == ["€40.00", ""]  # none last
    qtmodeltester.check(deals.model)


def test_a_persons_tables_sort_too(ctx: Any, db: Database, qtbot: Any) -> None:
    account = add_account(db)
    anna = person_at(db, account, "Anna", "Ozola", country="LV", zone="Europe/Riga")
    for description, value, currency in (("Tea", "900", "JPY"), ("Wine", "45", "EUR"),
                                         ("Book", "120", "EUR")):  # fmt: skip
        save_gift(db, GiftInput(account, "given", description, "2024-02-01", anna,
                                value=value, currency=currency))  # fmt: skip
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    _sort(view.gifts, "Value", Qt.SortOrder.DescendingOrder)  # JPY after EUR; €120 before €45
    assert _column(view.gifts, "Value") == ["JP¥900", "€120.00", "€45.00"]
    _sort(view.gifts, "Description")
    assert _column(view.gifts, "Description") == ["Book", "Tea", "Wine"]


def test_an_empty_text_cell_is_last_in_either_order(ctx: Any, db: Database, qtbot: Any) -> None:
    """Code review rev15's 4th: a gift without an occasion came first going up, while a gift
    without a value came last: one rule now, an empty cell last either way."""
    account = add_account(db)
    for description, occasion in (("Wine", "Wedding"), ("Tea", None), ("Book", "Birthday")):
        save_gift(db, GiftInput(account, "given", description, "2024-02-01", occasion=occasion))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    _sort(view.gifts, "Occasion")
    assert _column(view.gifts, "Occasion") == ["Birthday", "Wedding", ""]
    _sort(view.gifts, "Occasion", Qt.SortOrder.DescendingOrder)
    assert _column(view.gifts, "Occasion") == ["Wedding", "Birthday", ""]
