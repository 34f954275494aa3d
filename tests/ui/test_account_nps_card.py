"""The account page's NPS card gives the account's NPS as its report does (review rev14's
3rd): it read "8 — Latest NPS", one person's latest answer of any age, where the report gave
NPS 0 over 3 answers and put the account at risk for a detractor's 3."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import SurveyInput, save_survey
from accountdesk.ui.accounts.view import AccountView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _card(view: AccountView, caption: str) -> tuple[str, str]:
    for i in range(view.figures.count()):
        labels = view.figures.itemAt(i).widget().findChildren(QLabel)
        if labels[1].text() == caption:
            note = labels[2].text() if len(labels) > 2 else ""
            return plain(labels[0].text()), plain(note)
    raise AssertionError(caption)


def test_the_card_gives_the_accounts_nps_of_the_last_12_months(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    account = create_account(db, AccountInput("Siam Review", "TH", timezone="Asia/Bangkok"))
    people = [
        create_contact(db, ContactInput(account, name, "TH", timezone="Asia/Bangkok"))
        for name in ("Somchai", "Chen", "Fahad", "Old")
    ]
    # the tests' today is 12 March 2025
    for who, score, day in zip(
        people,
        (10, 3, 8, 0),
        ("2024-06-01", "2024-12-01", "2025-02-01", "2024-03-12"),
        strict=True,
    ):
        save_survey(db, SurveyInput(account, "nps", score, day, who))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    value, note = _card(view, "NPS")
    # (1 promoter − 1 detractor) / 3; the 0 of 12 March 2024 is a year and a day old
    assert value == "0"
    assert note == "3 answers since 13 Mar 2024"


def test_no_answers_of_the_last_12_months_say_so(ctx: Any, db: Database, qtbot: Any) -> None:
    account = create_account(db, AccountInput("Old Co", "LV", timezone="Europe/Riga"))
    save_survey(db, SurveyInput(account, "nps", 9, "2023-01-01"))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    assert _card(view, "NPS") == ("–", "No answers since 13 Mar 2024")


def test_the_mean_csat_card_is_of_the_last_12_months_as_the_report(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    """Review rev14's 3rd, followed up: the Mean CSAT card read 3.3, all time's, where the
    report counts the last 12 months (5 and 4: 4.50)."""
    account = create_account(db, AccountInput("Andes", "PE", timezone="America/Lima"))
    for score, day in ((5, "2025-03-01"), (4, "2024-03-13"), (1, "2024-03-12")):
        save_survey(db, SurveyInput(account, "csat", score, day))
    view = AccountView(ctx, account)
    qtbot.addWidget(view)
    assert _card(view, "Mean CSAT") == ("4.50", "2 answers since 13 Mar 2024")
