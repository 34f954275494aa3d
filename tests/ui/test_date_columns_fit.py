"""Date columns as wide as their dates in the language: QA found Latvian's Follow-ups column
"Termiņš (jūsu laiks)" showing "2026. gada 24. nov. ..." (the hour in the user's zone lost)
and the Accounts list's "Klients kopš" showing "2026. gada 9. j..."."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QStyle, QTableView

from accountdesk.core import i18n
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LANGUAGES = ["en", "lv", "sl", "tr", "th", "fa"]
#: days with long month names in one language or another (January, May, September, December)
DAYS = [date(2026, 1, 12), date(2026, 5, 28), date(2026, 9, 24), date(2026, 11, 24)]


@pytest.fixture
def language() -> Iterator[Any]:
    from accountdesk.ui.app import apply_language

    yield apply_language
    apply_language("en")


def _needed(view: QTableView, text: str) -> int:
    """What a cell needs to show ``text`` uncut: the text and the item's margins."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin


def _assert_fits(view: QTableView, column: int) -> list[str]:
    model = view.model()
    texts = [model.data(model.index(row, column), PLAIN_ROLE) for row in range(model.rowCount())]
    assert texts and all(texts)
    width = view.horizontalHeader().sectionSize(column)
    for text in texts:
        assert _needed(view, text) <= width, (text, width)
    # as the view itself measures its cells (the item delegate)
    assert view.sizeHintForColumn(column) <= width
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_follow_ups_due_column_shows_the_whole_date_and_time(
    qtbot: Any, ctx: Any, language: Any, lang: str
) -> None:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    account = create_account(ctx.db, AccountInput(name="Dzintars", country="LV"))
    anna = create_contact(
        ctx.db,
        ContactInput(account_id=account, given_name="Anna", family_name="Ozola", country="LV",
                     timezone="Europe/Riga"),
    )  # fmt: skip
    for day in DAYS:
        due = datetime(day.year, day.month, day.day, 22, 58)
        service.schedule(ctx.db, service.FollowUpInput(anna, f"Call {day}", due))
    language(lang)
    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.show()
    qtbot.waitExposed(screen)
    assert tasks.wait_all()
    texts = _assert_fits(screen.table, 0)
    if lang == "lv":
        assert "2026. gada 24. nov. 22:58" in texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accounts_customer_since_column_shows_the_whole_date(
    qtbot: Any, ctx: Any, language: Any, lang: str
) -> None:
    from accountdesk.ui.accounts.screen import AccountsScreen

    for n, day in enumerate(DAYS):
        create_account(ctx.db, AccountInput(name=f"Firm {n}", country="LV", customer_since=day))
    language(lang)
    screen = AccountsScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.resize(1400, 600)
    screen.show()
    qtbot.waitExposed(screen)
    since = next(i for i, c in enumerate(screen.model.columns) if c.key == "since")
    texts = _assert_fits(screen.table, since)
    if lang == "lv":
        assert "2026. gada 12. janv." in texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_samples_are_as_wide_as_any_day_of_the_year(qapp: Any, lang: str) -> None:
    """date_samples holds the widest date of a whole year, in every calendar."""
    view = QTableView()
    every_day = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    with i18n.use_language(lang):
        samples = [_needed(view, t) for t in i18n.date_samples()]
        timed = [_needed(view, t) for t in i18n.date_samples(time=True)]
        widest = max(_needed(view, i18n.format_date(day)) for day in every_day)
        widest_timed = max(
            _needed(view, i18n.format_when(datetime(d.year, d.month, d.day, h, 58), None))
            for d in every_day
            for h in (10, 22)
        )
    assert max(samples) >= widest
    assert max(timed) >= widest_timed


def test_a_column_fitted_to_a_text_holds_its_fractional_width(qapp: Any) -> None:
    """The width is the text's advance rounded up: rounded down, the last letter of the
    widest text went under "…" ("Amerika Birleşik Devletl…" in a Turkish list)."""
    import math

    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QTableView

    from accountdesk.ui.columns import text_width

    view = QTableView()
    metrics = QFontMetricsF(view.font())
    bare = text_width(view, [""])  # the margins and the grid line
    texts = ["Amerika Birleşik Devletleri", "Birleşik Arap Emirlikleri", "Bosna-Hersek", "Ilze"]
    for text in texts:
        assert text_width(view, [text]) - bare >= metrics.horizontalAdvance(text), text
    assert any(  # a text whose advance is not a whole number of pixels is among them
        metrics.horizontalAdvance(t) != math.floor(metrics.horizontalAdvance(t)) for t in texts
    )
