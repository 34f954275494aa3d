"""A person's page lists their survey answers and gifts as their account's page does (review
rev14's 6th: it showed neither, though the gift dialog's people pointed there), with the
same actions."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import (
    GiftInput,
    SurveyInput,
    save_gift,
    save_survey,
)
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.listmodel import PLAIN_ROLE
from people import person_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def add_account(db: Database) -> str:
    return create_account(db, AccountInput("Baltic Timber", "LV", timezone="Europe/Riga"))


def add_contact(db: Database, account: str, given: str = "Anna", family: str = "Ozola") -> str:
    return person_at(db, account, given, family, country="LV", zone="Europe/Riga")


def _index(panel: ItemsPanel, title: str) -> int:
    model = panel.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def _column(panel: ItemsPanel, title: str) -> list[str]:
    model, column = panel.model, _index(panel, title)
    return [model.index(r, column).data(PLAIN_ROLE) for r in range(model.rowCount())]


def test_a_persons_page_lists_their_answers_and_gifts(ctx: Any, db: Database, qtbot: Any) -> None:
    account = add_account(db)
    anna, juris = add_contact(db, account), add_contact(db, account, "Juris", "Kalns")
    save_survey(db, SurveyInput(account, "nps", 3, "2025-01-10", anna, "slow delivery"))
    save_survey(db, SurveyInput(account, "csat", 5, "2025-02-10", juris))
    save_survey(db, SurveyInput(account, "nps", 9, "2025-02-11"))  # the account as a whole
    save_gift(db, GiftInput(account, "given", "Wall clock", "2025-01-28", anna, "New Year",
                            "1500", "EUR"))  # fmt: skip
    save_gift(db, GiftInput(account, "given", "Wine", "2025-02-01", juris))
    view = ContactView(ctx, anna)
    qtbot.addWidget(view)
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Surveys" in tabs and "Gifts" in tabs
    assert _column(view.surveys, "Score") == ["3"]
    assert _column(view.surveys, "Comment") == ["slow delivery"]
    assert _column(view.gifts, "Description") == ["Wall clock"]
    assert _column(view.gifts, "Value") == ["€1,500.00"]
    assert "Contact" not in [  # all of them are hers
        view.gifts.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(view.gifts.model.columnCount())
    ]
    # the account page's actions: Add…, Edit…, Move to trash (undoable)
    assert set(view.gifts.buttons) == set(view.surveys.buttons) == {"new", "open", "delete"}
    view.gifts.view.setCurrentIndex(view.gifts.model.index(0, 0))
    view.gifts.buttons["delete"].click()
    assert view.gifts.model.rowCount() == 0
    ctx.undo_stack.undo()
    assert _column(view.gifts, "Description") == ["Wall clock"]


def test_a_new_answer_or_gift_on_a_persons_page_is_about_them(
    ctx: Any, db: Database, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui import activity_tabs

    account = add_account(db)
    add_contact(db, account)  # listed first
    juris = add_contact(db, account, "Juris", "Kalns")
    opened: list[Any] = []
    monkeypatch.setattr(activity_tabs, "run_modal", opened.append)
    view = ContactView(ctx, juris)
    qtbot.addWidget(view)
    view.surveys.buttons["new"].click()
    view.gifts.buttons["new"].click()
    for dialog in opened:
        qtbot.addWidget(dialog)
        assert dialog.account_id == account
        assert dialog.text("contact") == juris
    assert opened[1].text("currency") == "EUR"  # their account's (Latvia's)
