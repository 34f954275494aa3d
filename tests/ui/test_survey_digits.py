"""A survey answer's score in Persian: the editor shows the stored score in Persian digits, as
the account's card and list do, and says the allowed range in them."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.core.services.activity import SurveyInput, save_survey
from accountdesk.core.validation import ValidationError


def test_the_stored_score_shows_in_persian_digits_and_saves_back(ctx: object, db: Database) -> None:
    from accountdesk.ui.activity import SurveyDialog

    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    save_survey(db, SurveyInput(account, "nps", 9, "2026-11-20"))
    item = account_detail(db, account).surveys[0]
    with i18n.use_language("fa"):
        dialog = SurveyDialog(ctx, account, item)  # type: ignore[arg-type]
        assert dialog.text("score") == "۹"  # was "9"
        dialog.save()
    assert account_detail(db, account).surveys[0].score == 9
    dialog.deleteLater()


def test_the_allowed_range_is_said_in_persian_digits(db: Database) -> None:
    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    with i18n.use_language("fa"), pytest.raises(ValidationError) as refused:
        save_survey(db, SurveyInput(account, "nps", "۱۱", "2026-11-20"))
    assert "۱۰" in str(refused.value) and not set(str(refused.value)) & set("0123456789")


def test_the_score_placeholder_reads_right_to_left(ctx: object, db: Database) -> None:
    """The Persian placeholder began with "NPS" and was laid out left to right ("NPS از ۰ تا
    ۱۰، CSAT از ۱ تا ۵" read from the right came out backwards): the acronyms are isolated."""
    from PySide6.QtWidgets import QLineEdit

    from accountdesk.core.bidi import direction
    from accountdesk.ui.activity import SurveyDialog

    account = create_account(db, AccountInput("Pars Co", "IR", timezone="Asia/Tehran"))
    with i18n.use_language("fa"):
        dialog = SurveyDialog(ctx, account)  # type: ignore[arg-type]
    score = dialog.fields["score"]
    assert isinstance(score, QLineEdit)
    assert direction(score.placeholderText()) is True
    dialog.deleteLater()
