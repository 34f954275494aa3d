"""Dates in the user's calendar on screen and in the fields: a Persian user sees and types
Solar Hijri, a Thai user the Buddhist era; ISO 8601 typed anywhere keeps working; a setting
switches to Gregorian."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSettings

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import plain
from accountdesk.core.queries.details import account_detail
from accountdesk.core.services import followups as service
from accountdesk.ui import app as app_module
from accountdesk.ui import tasks
from accountdesk.ui.activity import DealDialog
from accountdesk.ui.contacts.editor import dates_text, parse_dates
from accountdesk.ui.followups.when import DateEdit, WallTimeEdit


@pytest.fixture
def persian(qapp: Any) -> Iterator[None]:  # the app first: the language installs Qt's catalog
    app_module.apply_language("fa")
    yield
    app_module.apply_language("en")


def test_the_follow_up_field_shows_and_takes_solar_hijri(persian: None, qtbot: Any) -> None:
    edit = WallTimeEdit()
    qtbot.addWidget(edit)
    edit.set_value(datetime(2027, 3, 22, 10, 0))
    assert edit.text() == "۱۴۰۶/۰۱/۰۲ ۱۰:۰۰"
    assert edit.value() == datetime(2027, 3, 22, 10, 0)
    edit.clear()
    qtbot.keyClicks(edit, "1406-01-03 9:30")
    assert edit.value() == datetime(2027, 3, 23, 9, 30)
    edit.clear()
    qtbot.keyClicks(edit, "2027-03-24 09:30")  # ISO keeps working
    assert edit.value() == datetime(2027, 3, 24, 9, 30)
    assert "۱۴۰۶" in edit.placeholderText()


def test_a_day_field_in_thai_takes_the_buddhist_era(qtbot: Any) -> None:
    app_module.apply_language("th")
    try:
        edit = DateEdit(date(2027, 3, 22))
        qtbot.addWidget(edit)
        assert edit.text() == "22/3/2570"  # CLDR: d/M/yy
        seen: list[QDate] = []
        edit.dateChanged.connect(seen.append)
        edit.clear()
        qtbot.keyClicks(edit, "23/03/2570")
        assert edit.date() == QDate(2027, 3, 23)
        edit.setText("2027-03-24")
        assert edit.date() == QDate(2027, 3, 24)
        edit.setText("24/03/70")  # not a date: the last good one stays
        assert edit.date() == QDate(2027, 3, 24)
        assert seen == [QDate(2027, 3, 23), QDate(2027, 3, 24)]
    finally:
        app_module.apply_language("en")


def test_a_deal_closed_on_a_solar_hijri_day(
    persian: None, ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    deal = DealDialog(ctx, sample["riga"], currency="EUR")
    qtbot.addWidget(deal)
    deal.set_text("title", "Nowruz order")
    deal.set_text("amount", "100")
    deal.set_text("status", "won")
    deal.set_text("date", "۱۴۰۳/۰۱/۰۲")  # won: a day that has come (validation.plausible_date)
    deal.accept()
    [saved] = account_detail(ctx.db, sample["riga"]).deals
    assert saved.closed_on == date(2024, 3, 21)
    edit = DealDialog(ctx, sample["riga"], saved)
    qtbot.addWidget(edit)
    assert edit.text("date") == "۱۴۰۳/۰۱/۰۲"  # shown as it was typed
    edit.set_text("date", "1404/12/30")  # not a leap year
    edit.accept()
    assert "۱۴۰۶/۰۱/۰۲" in edit.errors["date"].text()  # says how to write it


def test_important_dates_in_persian(persian: None) -> None:
    parsed = parse_dates("birthday ۱۳۶۳/۰۲/۲۷\ncustom 12-24 Name day")
    assert [(d.kind, d.year, d.month, d.day, d.label) for d in parsed] == [
        ("birthday", 1984, 5, 17, None),
        ("custom", None, 12, 24, "Name day"),
    ]
    # shown with the kinds in Persian, a date without its year with the Gregorian month's name
    # (tests/ui/test_important_dates_field.py)
    assert plain(dates_text(parsed)) == "تولد ۱۳۶۳/۰۲/۲۷\nتاریخ دیگر ۲۴ دسامبر Name day"


def test_screens_show_solar_hijri_and_the_setting_brings_gregorian(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Path
) -> None:
    from accountdesk.ui.contacts.view import ContactView
    from accountdesk.ui.followups.screen import FollowUpsScreen
    from accountdesk.ui.main_window import MainWindow

    service.schedule(
        ctx.db, service.FollowUpInput(sample["somchai"], "Call", datetime(2025, 3, 21, 10))
    )
    app_module.apply_language("fa")
    try:
        screen = FollowUpsScreen(ctx)
        qtbot.addWidget(screen)
        tasks.wait_all()
        theirs = plain(str(screen.model.data(screen.model.index(0, 1))))
        assert theirs.startswith("۱ فروردین ۱۴۰۴")
        view = ContactView(ctx, sample["anna"])
        qtbot.addWidget(view)
        assert "۲۵ اسفند ۱۳۵۸" in plain(contact_detail_text(view))  # 15 March 1980
        window = MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        asked: list[str] = []
        window.calendar_requested.connect(asked.append)
        window.gregorian_action.trigger()
        assert asked == ["gregorian"]
        settings.put(ctx.db, "ui.calendar", "gregorian")
        assert settings.apply_calendar_preference(ctx.db) == "gregorian"
        assert i18n.format_date(date(2025, 3, 21)) == "۲۱ مارس ۲۰۲۵"
    finally:
        app_module.apply_language("en")
        i18n.set_calendar_preference("auto")


def contact_detail_text(view: Any) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in view.findChildren(QLabel))


#: The offscreen platform cannot raise a popup nor grab the keyboard for it.
popup_on_offscreen = pytest.mark.qt_log_ignore("This plugin does not support")


def _click_day(qtbot: Any, edit: DateEdit | WallTimeEdit, day: date) -> None:
    from PySide6.QtCore import Qt

    assert edit.calendar is not None
    grid = edit.calendar.grid
    cell = grid.visualRect(edit.calendar.index_of(day))
    assert cell.isValid(), day
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())


@popup_on_offscreen
def test_the_persian_popup_pages_solar_hijri_months(persian: None, qtbot: Any) -> None:
    edit = DateEdit(date(2026, 3, 25))
    qtbot.addWidget(edit)
    assert edit.text() == "۱۴۰۵/۰۱/۰۵"
    edit.clear()
    edit.insert("۱۴۰۵/۰۱/۱۵")  # Persian digits (QTest types ASCII only): parse_date_input
    assert edit.date() == QDate(2026, 4, 4)
    edit.show_calendar()
    popup = edit.calendar
    assert popup is not None and popup.isVisible()
    assert popup.title.text() == "فروردین ۱۴۰۵"
    assert popup.selected() == date(2026, 4, 4)
    assert popup.cell_text(date(2026, 4, 4)) == "۱۵"
    assert popup.isRightToLeft() and not edit.isRightToLeft()  # the digits read LTR
    popup.move_months(1)
    assert popup.title.text() == "اردیبهشت ۱۴۰۵"
    _click_day(qtbot, edit, date(2026, 4, 21))  # 1 Ordibehesht
    assert edit.text() == "۱۴۰۵/۰۲/۰۱"
    assert edit.date() == QDate(2026, 4, 21)
    assert not popup.isVisible()


@popup_on_offscreen
def test_the_thai_popup_writes_buddhist_years(qtbot: Any) -> None:
    app_module.apply_language("th")
    try:
        edit = WallTimeEdit()
        qtbot.addWidget(edit)
        qtbot.keyClicks(edit, "31/12/2569 09:15")
        assert edit.value() == datetime(2026, 12, 31, 9, 15)
        edit.show_calendar()
        assert edit.calendar is not None
        assert edit.calendar.title.text() == "ธันวาคม 2569"
        edit.calendar.move_months(1)
        assert edit.calendar.title.text() == "มกราคม 2570"
        _click_day(qtbot, edit, date(2027, 1, 8))
        assert edit.text() == "8/1/2570 09:15"
        assert edit.value() == datetime(2027, 1, 8, 9, 15)
    finally:
        app_module.apply_language("en")


@popup_on_offscreen
def test_the_popup_is_gregorian_when_the_user_chose_it(persian: None, qtbot: Any) -> None:
    i18n.set_calendar_preference("gregorian")
    edit = DateEdit(date(2026, 3, 25))
    qtbot.addWidget(edit)
    edit.show_calendar()
    assert edit.calendar is not None
    assert edit.calendar.title.text() == "مارس ۲۰۲۶"
    _click_day(qtbot, edit, date(2026, 3, 1))
    assert edit.date() == QDate(2026, 3, 1)
    assert edit.text() == "۲۰۲۶-۰۳-۰۱"


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("calendar", ["auto", "gregorian"])
def test_important_dates_written_by_the_editor_are_read_back(lang: str, calendar: str) -> None:
    """The important-dates box shows each date as the date fields write it in the language
    (Slovenian "17. 5. 1984", with spaces; review: it then refused its own text), and reads
    back what it shows, with a label after it."""
    from accountdesk.core.records import ImportantDateInput

    items = [
        ImportantDateInput("birthday", 5, 17, 1984, "Ana"),
        ImportantDateInput("custom", 12, 24, None, "Name day"),
        ImportantDateInput("work_anniversary", 3, 21, 2027, None),
    ]
    i18n.set_calendar_preference(calendar)
    try:
        with i18n.use_language(lang):
            shown = dates_text(items)
            assert parse_dates(shown) == items, shown
    finally:
        i18n.set_calendar_preference("auto")
