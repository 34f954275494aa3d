"""The month view of the date fields' popup and the Countries screen (ui/month_calendar.py):
months, weekdays and day numbers of the user's calendar, the same as the fields and every
other screen write them (core/i18n.py, core/calendars.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core import calendars, i18n
from accountdesk.ui import app as app_module
from accountdesk.ui.month_calendar import DayMark, MonthCalendar


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app_module.apply_language(request.param)
    yield request.param
    app_module.apply_language("en")
    i18n.set_calendar_preference("auto")


def _view(qtbot: Any, day: date) -> MonthCalendar:
    view = MonthCalendar(day)
    qtbot.addWidget(view)
    return view


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_persian_months_are_solar_hijri(language: str, qtbot: Any) -> None:
    view = _view(qtbot, date(2026, 3, 25))
    assert view.title.text() == "فروردین ۱۴۰۵"
    assert view.month_shown() == date(2026, 3, 21)
    assert view.cell_text(date(2026, 3, 21)) == "۱"
    assert view.cell_text(date(2026, 4, 20)) == "۳۱"  # Farvardin has 31 days
    assert view.cell_text(date(2026, 3, 20)) == ""  # Esfand 1404 is another page
    assert view.weekday_names() == ["ش", "ی", "د", "س", "چ", "پ", "ج"]  # Saturday first
    assert view.isRightToLeft()
    # 1 Farvardin 1405 is a Saturday: the first column, which stands on the right
    cell = view.index_of(date(2026, 3, 21))
    assert (cell.row(), cell.column()) == (0, 0)
    view.move_months(-1)
    assert view.title.text() == "اسفند ۱۴۰۴"
    assert view.cell_text(date(2026, 3, 20)) == "۲۹"  # 1404 is not a leap year
    assert view.selected() == date(2026, 3, 25)  # paging keeps the selection


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_the_view_follows_the_core_where_qt_jalali_does_not(language: str, qtbot: Any) -> None:
    """Qt's Jalali calendar (2820-year cycle) starts 1437 on 2058-03-20; the Iranian calendar
    (the core's 33-year rule) on 2058-03-21. The popup must say what the field says."""
    day = date(2058, 3, 20)
    assert calendars.gregorian_to_jalali(day) == (1436, 12, 30)
    view = _view(qtbot, day)
    assert view.title.text() == "اسفند ۱۴۳۶"
    assert view.cell_text(day) == "۳۰"
    assert i18n.format_date_input(day) == "۱۴۳۶/۱۲/۳۰"


@pytest.mark.parametrize("language", ["th"], indirect=True)
def test_thai_years_are_buddhist_era(language: str, qtbot: Any) -> None:
    view = _view(qtbot, date(2026, 3, 25))
    assert view.title.text() == "มีนาคม 2569"
    assert view.weekday_names()[0] == "อา"  # the week starts on Sunday in Thai
    view.move_months(12)
    assert view.title.text() == "มีนาคม 2570"
    assert "2026" not in view.title.text() and "2027" not in view.title.text()


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_gregorian_when_the_user_chose_it(language: str, qtbot: Any) -> None:
    i18n.set_calendar_preference("gregorian")
    view = _view(qtbot, date(2026, 3, 25))
    assert view.title.text() == "مارس ۲۰۲۶"
    assert view.month_shown() == date(2026, 3, 1)
    assert view.cell_text(date(2026, 3, 1)) == "۱"


def test_english_keys_page_and_select(qtbot: Any) -> None:
    view = _view(qtbot, date(2027, 1, 31))
    assert view.title.text() == "January 2027"
    assert view.weekday_names() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    picked: list[date] = []
    view.picked.connect(picked.append)
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)  # past the month's last day
    assert view.selected() == date(2027, 2, 1) and view.title.text() == "February 2027"
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert view.selected() == date(2027, 3, 1)
    view.set_selected(date(2027, 1, 31))
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert view.selected() == date(2027, 2, 28)  # the shorter month's last day
    qtbot.keyClick(view.grid, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected() == date(2026, 2, 28)
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert picked == [date(2026, 2, 28)]


@pytest.mark.parametrize("language", ["fa"], indirect=True)
def test_arrow_keys_follow_the_direction(language: str, qtbot: Any) -> None:
    view = _view(qtbot, date(2026, 3, 25))
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)  # right to left: the next day is on the left
    assert view.selected() == date(2026, 3, 26)
    qtbot.keyClick(view.grid, Qt.Key.Key_Up)
    assert view.selected() == date(2026, 3, 19)
    assert view.title.text() == "اسفند ۱۴۰۴"


def test_marks_weekend_and_first_day(qtbot: Any) -> None:
    view = _view(qtbot, date(2026, 4, 1))
    view.set_weekend(frozenset({4}))  # Friday, as in Iran
    view.set_first_weekday(5)  # Saturday
    view.set_marks({date(2026, 4, 1): DayMark("#ffd6d6", True, "Islamic Republic Day")})
    cell = view.index_of(date(2026, 4, 1))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Islamic Republic Day"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffd6d6"
    assert cell.column() == 4  # a Wednesday, counted from Saturday
    friday = view.index_of(date(2026, 4, 3))
    assert friday.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert view.index_of(date(2026, 4, 6)).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.weekday_names()[6] == "Fr"
    view.set_marks({})
    assert view.mark_of(date(2026, 4, 1)) == DayMark()
    assert view.index_of(date(2026, 4, 1)).data(Qt.ItemDataRole.FontRole) is None
    tip = view.index_of(date(2026, 4, 1)).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Wednesday, 1 April 2026"  # the day's full date when it has no mark
    blank = view.model.index(5, 6)
    assert view.model.day_at(blank) is None and blank.data() is None
    assert not blank.flags() & Qt.ItemFlag.ItemIsSelectable
