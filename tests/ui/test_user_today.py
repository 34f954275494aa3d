"""A form's "today" is the user's day, in their zone, never the day in UTC.

At 03:00 in Bangkok it is still the day before in UTC: a survey answer or a gift entered then
was dated yesterday, and the Reports screen's periods ended yesterday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from accountdesk.core import settings
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.i18n import format_date_input
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

BANGKOK_MORNING = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)  # 30 Nov, 03:00 in Bangkok
THEIR_DAY = date(2026, 11, 30)


@pytest.fixture
def early_ctx(db: Database) -> object:
    from accountdesk.ui.context import AppContext

    settings.put(db, "user.zone", "Asia/Bangkok")
    return AppContext(db, clock=fixed_clock(BANGKOK_MORNING))


def test_the_context_says_the_users_day(early_ctx: object) -> None:
    assert early_ctx.today() == THEIR_DAY  # type: ignore[attr-defined]


def test_a_new_survey_answer_and_gift_are_dated_the_users_day(
    early_ctx: object, db: Database
) -> None:
    from accountdesk.ui.activity import GiftDialog, SurveyDialog

    account = create_account(db, AccountInput(name="Siam Rice", country="TH"))
    for dialog in (SurveyDialog(early_ctx, account), GiftDialog(early_ctx, account)):  # type: ignore[arg-type]
        assert dialog.text("date") == format_date_input(THEIR_DAY)
        dialog.deleteLater()


def test_a_new_rate_and_the_reports_period_end_on_the_users_day(early_ctx: object) -> None:
    from accountdesk.ui.reports.rates import RatesDialog
    from accountdesk.ui.reports.screen import ReportsScreen

    rates = RatesDialog(early_ctx)  # type: ignore[arg-type]
    assert rates.day.text() == format_date_input(THEIR_DAY)
    screen = ReportsScreen(early_ctx)  # type: ignore[arg-type]
    assert screen.end.text() == format_date_input(THEIR_DAY)
    rates.deleteLater()
    screen.deleteLater()
