"""A small laptop's screen (the main window at 1024×700) in Latvian: the Duplicates,
Countries and Reports screens and the dialogs they open keep their texts whole, say what an
empty list is for, and show every row of what they hold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: What a screen gets of a 1024×700 main window (the navigation, the search and the status
#: bar take the rest).
SCREEN = (840, 620)


@pytest.fixture
def latvian() -> Iterator[None]:
    with use_language("lv"):
        yield


def _shown(widget: QWidget, qtbot: Any, size: tuple[int, int] = SCREEN) -> None:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    tasks.pump(50)


def _duplicates(ctx: Any) -> None:
    account = create_account(
        ctx.db, AccountInput(name="Pioneer Freight Inc.", country="US", timezone="America/New_York")
    )
    for given in ("David", "Olivia"):
        create_contact(
            ctx.db,
            ContactInput(
                account_id=account,
                given_name=given,
                family_name="Davis",
                country="US",
                timezone="America/New_York",
                emails=["david.davis@pioneerfreight.example"],
            ),
        )


def test_duplicates_groups_are_not_pushed_sideways(ctx: Any, qtbot: Any, latvian: None) -> None:
    """The sentence over the contacts to merge wraps: at its whole length (Latvian's is 560
    px) it made the pane beside the groups so wide that their columns no longer fitted, and
    the list of groups was scrolled sideways ("ontaktpersona", the names cut at their start)."""
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    _duplicates(ctx)
    screen = DuplicatesScreen(ctx)
    _shown(screen, qtbot)
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() == 1, timeout=10000)
    tasks.pump(50)
    view = screen.groups.view
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert view.horizontalScrollBar().value() == 0
    assert not view.horizontalScrollBar().isVisible()


def test_duplicates_empty_list_says_what_it_holds(ctx: Any, qtbot: Any, latvian: None) -> None:
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    screen = DuplicatesScreen(ctx)
    _shown(screen, qtbot)
    qtbot.waitUntil(lambda: screen.refresh_button.isEnabled(), timeout=10000)
    note = screen.groups.empty_note
    assert note.isVisible() and plain(note.text())


def _countries(ctx: Any, qtbot: Any, code: str) -> Any:
    from accountdesk.ui.countries.screen import CountriesScreen

    screen = CountriesScreen(ctx, asynchronous=False)
    _shown(screen, qtbot)
    screen.select(code)
    tasks.pump(50)
    return screen


def test_country_notes_empty_list_says_what_goes_there(ctx: Any, qtbot: Any, latvian: None) -> None:
    screen = _countries(ctx, qtbot, "TR")
    screen.tabs.setCurrentIndex(2)
    tasks.pump(50)
    note = screen.notes.empty_note
    assert note.isVisible() and plain(note.text())


def test_holidays_calendar_shows_every_week_and_the_seasons_whole(
    ctx: Any, qtbot: Any, latvian: None
) -> None:
    """Turkey in November 2026 (six weeks, Ramadan and two feasts among the seasons): the
    month's last week was cut under the seasons' text, and that text was cut at the bottom
    of the tab; the seasons now scroll beside the whole calendar."""
    screen = _countries(ctx, qtbot, "TR")
    screen.tabs.setCurrentIndex(3)
    tasks.pump(50)
    calendar = screen.calendar
    assert calendar.height() >= calendar.minimumSizeHint().height()
    assert calendar.grid.geometry().bottom() < calendar.height()
    seasons = screen.seasons
    assert seasons.text()
    assert seasons.height() >= seasons.heightForWidth(seasons.width())


def test_contacts_to_merge_take_no_more_height_than_their_rows(
    ctx: Any, qtbot: Any, latvian: None
) -> None:
    """One contact to merge sat in a box four rows high; the side-by-side table above it,
    what a merge is decided on, showed three of its rows on a 700-pixel screen."""
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    _duplicates(ctx)
    screen = DuplicatesScreen(ctx)
    _shown(screen, qtbot)
    qtbot.waitUntil(lambda: screen.groups.model.rowCount() == 1, timeout=10000)
    tasks.pump(50)
    others = screen.others
    assert others.count() == 1
    rows = sum(others.sizeHintForRow(r) for r in range(others.count()))
    assert others.height() <= rows + 2 * others.frameWidth() + others.spacing() + 4


def test_exchange_rates_empty_table_says_what_it_is_for(
    ctx: Any, qtbot: Any, latvian: None
) -> None:
    """With no rate yet the table was a blank box under its headers."""
    from accountdesk.ui.reports.rates import RatesDialog

    dialog = RatesDialog(ctx)
    _shown(dialog, qtbot, (620, 640))
    note = dialog.empty_note
    assert note.isVisible() and plain(note.text())
    dialog.currency.setText("USD")
    dialog.rate.setText("1,08")
    dialog.add_rate()
    assert dialog.table.rowCount() == 1 and not note.isVisible()


def test_me_dialog_shows_the_country_choice_whole(ctx: Any, qtbot: Any, latvian: None) -> None:
    """ "Nav (nedēļas nogale sestdiena–svētdiena, …)" was cut after "sestdiena–svēt": the
    Latvian labels took half of the dialog's 560 pixels."""
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

    from accountdesk.ui.me import MeDialog

    dialog = MeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.pump(50)
    country = dialog.fields["user.country"]
    assert isinstance(country, QComboBox) and country.currentIndex() == 0
    option = QStyleOptionComboBox()
    country.initStyleOption(option)
    text = country.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, country
    )
    needed = country.fontMetrics().horizontalAdvance(country.currentText())
    assert text.width() >= needed, (text.width(), needed)
    assert dialog.width() <= 1024 - 16


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_key_metrics_say_what_s_stands_for(ctx: Any, qtbot: Any, lang: str) -> None:
    """ "Customers of S kept" ("Saglabātie S klienti") named an S the screen never defined;
    the PDF's table says "Customers at the start (S)", and now the screen does too."""
    import re

    from accountdesk.ui.reports.screen import ReportsScreen

    with use_language(lang):
        screen = ReportsScreen(ctx)
        _shown(screen, qtbot)
        screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
        screen.refresh_metrics()
        qtbot.waitUntil(lambda: screen.table.rowCount() > 0 and not tasks.busy(), timeout=10000)
        names = [plain(name) for name in screen.metric_texts()]
    letters = {m for name in names for m in re.findall(r"(?<!\w)([SNE])(?!\w)", name)}
    assert "S" in letters
    for letter in letters:
        assert any(name.endswith(f"({letter})") for name in names), (letter, names)


def test_a_preview_of_earlier_choices_says_so(ctx: Any, qtbot: Any, latvian: None) -> None:
    """Switched from the portfolio report to the trip brief, the screen went on showing the
    portfolio's seven pages under "7 lappuses", with nothing saying they were not the trip
    brief chosen, and Save as… saved them."""
    from accountdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    _shown(screen, qtbot)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.generate()
    qtbot.waitUntil(lambda: screen.preview.page_count() >= 1, timeout=30000)
    ready = screen.preview.pages.text()
    assert not screen.preview.stale
    screen.kind.setCurrentIndex(screen.kind.findData("trip"))
    assert screen.preview.stale and screen.preview.pages.text() != ready
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    screen.language.setCurrentIndex(screen.language.findData("en"))
    assert screen.preview.stale  # a report in another language is another report
    screen.generate()
    qtbot.waitUntil(lambda: not screen.preview.stale, timeout=30000)
    # the English report's pages, counted under it (not always as many as the Latvian one's)
    assert screen.preview.pages.text() == f"{screen.preview.page_count()} lappuses"


def test_country_list_is_not_scrolled_sideways(ctx: Any, qtbot: Any, latvian: None) -> None:
    """A few long names ("Dienviddžordžija un Dienvidsendviču salas") gave the whole list a
    sideways scroll bar; they end in "…" now, whole in their tooltip."""
    from PySide6.QtCore import Qt

    screen = _countries(ctx, qtbot, "LV")
    assert not screen.list.horizontalScrollBar().isVisible()
    assert screen.list.textElideMode() == Qt.TextElideMode.ElideRight
    widest = max(
        screen.list.visualItemRect(screen.list.item(r)).width() for r in range(screen.list.count())
    )
    assert widest <= screen.list.viewport().width()


def test_portfolio_of_all_accounts_shows_no_empty_box(ctx: Any, qtbot: Any, latvian: None) -> None:
    """ "All accounts" left an empty, greyed box beside it."""
    from accountdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    _shown(screen, qtbot)
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    assert screen.scope_by.currentData() == "all"
    assert not screen.scope_value.isVisible()
    screen.scope_by.setCurrentIndex(screen.scope_by.findData("segment"))
    assert screen.scope_value.isVisible()


@pytest.mark.parametrize("kind", ["account", "portfolio", "trip"])
def test_report_period_dates_are_whole(ctx: Any, qtbot: Any, latvian: None, kind: str) -> None:
    """ "30.11.2025" lost its first digit under the calendar button when the choices' pane
    was narrow."""
    from PySide6.QtWidgets import QToolButton

    from accountdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    _shown(screen, qtbot)
    screen.kind.setCurrentIndex(screen.kind.findData(kind))
    tasks.pump(50)
    for edit in (screen.start, screen.end):
        button = next(b for b in edit.findChildren(QToolButton) if b.isVisible())
        assert edit.fontMetrics().horizontalAdvance(edit.text()) + 8 <= button.x()


def _lines(label: Any) -> list[str]:
    """The lines ``label``'s text is broken into at its width."""
    from PySide6.QtGui import QTextLayout

    text = label.text()
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(label.contentsRect().width())
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines


def test_country_legend_keeps_each_mark_with_its_words(ctx: Any, qtbot: Any, latvian: None) -> None:
    """The legend under the list broke after "•", its words on the next line:
    "✓ apkopotas etiķetes piezīmes · •" | "jūsu piezīmes"."""
    from accountdesk.ui.countries.screen import CURATED_MARK

    screen = _countries(ctx, qtbot, "LV")
    legend = screen.legend
    lines = _lines(legend)
    assert len(lines) >= 2  # the pane is narrower than the legend: it wraps
    for line in lines:
        assert not line.endswith(("•", CURATED_MARK)), lines


def test_countries_open_on_the_users_own_country_before_any_contact(
    ctx: Any, qtbot: Any, latvian: None
) -> None:
    """A new user (no contact yet) who had said their country in Settings → Me was shown
    Afghanistan, the first of the list."""
    from accountdesk.core import settings
    from accountdesk.ui.countries.screen import CountriesScreen

    settings.put(ctx.db, "user.country", "LV")
    screen = CountriesScreen(ctx, asynchronous=False)
    _shown(screen, qtbot)
    assert screen.code == "LV"


def test_a_trip_brief_is_for_the_days_ahead(ctx: Any, qtbot: Any, latvian: None) -> None:
    """The trip brief took the preset of the other reports, the last 12 months: its PDF listed
    a year of past holidays as falling "during the trip" and meeting slots in the past. Chosen,
    it is for the coming week; back on another report, the preset is as it was."""
    from datetime import timedelta

    from accountdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    _shown(screen, qtbot)
    today = ctx.today()
    assert screen.preset.currentData() == "year"
    screen.kind.setCurrentIndex(screen.kind.findData("trip"))
    period = screen.period()
    assert period is not None
    assert (period.start, period.end) == (today, today + timedelta(days=6))
    assert screen.preset.currentData() == "custom"
    screen.kind.setCurrentIndex(screen.kind.findData("portfolio"))
    assert screen.preset.currentData() == "year"
    period = screen.period()
    assert period is not None and period.end == today
    # dates the user typed for the trip are kept
    screen.kind.setCurrentIndex(screen.kind.findData("trip"))
    screen.end.setDate(screen.end.date().addDays(3))
    typed = screen.period()
    screen.kind.setCurrentIndex(screen.kind.findData("account"))
    assert screen.period() == typed
