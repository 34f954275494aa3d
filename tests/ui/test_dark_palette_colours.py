"""Text reads under a dark theme (the palette a KDE, GNOME or Windows dark theme gives a Qt
application): a holiday in the month calendar was the palette's near-white on pale pink, the
weekend's red was dark red on dark grey, and a form's message under a field too; the message
above a form was black (the dark palette's highlighted text) on dark red."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from accountdesk.ui.colours import READABLE, contrast, dark_palette, legible, text_on
from accountdesk.ui.month_calendar import WEEKEND_COLOUR, DayMark, MonthCalendar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

HOLIDAY = "#ffd6d6"  # the Countries screen's holiday
_ROLE = QPalette.ColorRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


def _brush_colour(value: Any, fallback: QColor) -> QColor:
    return fallback if value is None else value.color()


def test_contrast_is_wcags() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
    assert text_on("#fff4c2").name() == "#1f1f1f" and text_on("#b3261e").name() == "#ffffff"
    assert legible(WEEKEND_COLOUR, "#ffffff").name() == WEEKEND_COLOUR  # it reads: kept
    lighter = legible(WEEKEND_COLOUR, "#232323")
    assert contrast(lighter, "#232323") >= READABLE
    assert lighter.red() > lighter.green() and lighter.red() > lighter.blue()  # still a red


def test_every_day_of_the_month_calendar_reads_on_its_cell(qtbot: Any, palette: QPalette) -> None:
    view = MonthCalendar(date(2026, 11, 1))
    qtbot.addWidget(view)
    holiday, weekend_holiday = date(2026, 11, 18), date(2026, 11, 21)  # a Wednesday, a Saturday
    view.set_marks({holiday: DayMark(HOLIDAY, True), weekend_holiday: DayMark(HOLIDAY, True)})
    model = view.model
    base, text = palette.color(_ROLE.Base), palette.color(_ROLE.Text)
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if model.day_at(index) is None:
                continue
            back = _brush_colour(model.data(index, Qt.ItemDataRole.BackgroundRole), base)
            fore = _brush_colour(model.data(index, Qt.ItemDataRole.ForegroundRole), text)
            assert contrast(fore, back) >= READABLE, (model.day_at(index), fore.name(), back.name())
    on_holiday = model.data(model.index_of(holiday), Qt.ItemDataRole.ForegroundRole)
    assert on_holiday is not None  # its own text, not the palette's
    button = palette.color(_ROLE.Button)
    for section in range(7):
        colour = model.headerData(section, Qt.Orientation.Horizontal, _FOREGROUND)
        if colour is not None:
            assert contrast(colour.color(), button) >= READABLE


def _style_colour(style: str, prop: str) -> QColor:
    found = re.search(rf"(?<![-\w]){prop}:\s*(#[0-9a-fA-F]{{6}})", style)
    assert found is not None, style
    return QColor(found.group(1))


def test_a_forms_messages_read_on_their_background(
    qtbot: Any, ctx: Any, sample: dict[str, str], palette: QPalette
) -> None:
    from accountdesk.ui.activity import DealDialog

    deal = DealDialog(ctx, sample["riga"], currency="EUR")
    qtbot.addWidget(deal)
    error = deal.errors["amount"]
    window = palette.color(_ROLE.Window)
    assert contrast(_style_colour(error.styleSheet(), "color"), window) >= READABLE
    banner = deal.banner.styleSheet()
    assert contrast(_style_colour(banner, "color"), _style_colour(banner, "background")) >= READABLE


def test_secondary_text_reads_on_the_window(qtbot: Any, ctx: Any, palette: QPalette) -> None:
    """Today's "and 12 more" and "Nothing is overdue." and the Countries legend were the
    palette's mid tone: 1.7:1 on a light window, darker than a dark theme's window."""
    from accountdesk.ui.countries.screen import CountriesScreen
    from accountdesk.ui.today.screen import TodayScreen

    today = TodayScreen(ctx, asynchronous=False)
    countries = CountriesScreen(ctx, asynchronous=False)
    for screen in (today, countries):
        qtbot.addWidget(screen)
    window = palette.color(_ROLE.Window)
    for label in (today.overdue.empty, today.working.more, countries.legend):
        assert contrast(_style_colour(label.styleSheet(), "color"), window) >= READABLE


@pytest.mark.parametrize("place", [("AU", "NSW", None), ("AU", "VIC", None)])
def test_the_account_summarys_working_sentence_reads_on_the_window(
    qtbot: Any, ctx: Any, palette: QPalette, place: tuple[str, str, None]
) -> None:
    """The account summary's working sentence was green #2e7d32 (Victoria, 14:00) or amber
    #9e6b00 (New South Wales: several clocks, no zone) whatever the palette: 2.4:1 and 2.7:1
    on a dark window, the amber 4.0:1 on a light one."""
    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui.culture_panel import CultureSummary

    ctx.clock = fixed_clock(datetime(2027, 1, 27, 3, 0, tzinfo=UTC))
    summary = CultureSummary(ctx, asynchronous=False)
    qtbot.addWidget(summary)
    summary.show_place(*place)
    colours = re.findall(r"color: (#[0-9a-fA-F]{6})", summary.body.text())
    window = palette.color(_ROLE.Window)
    assert colours and all(contrast(c, window) >= READABLE for c in colours), colours


@pytest.mark.parametrize(
    ("when", "said"),
    [
        (datetime(2027, 1, 30, 10, 0, tzinfo=UTC), "It is the weekend there now."),  # amber
        (datetime(2027, 1, 27, 10, 0, tzinfo=UTC), "It is working time there now."),  # green
    ],
)
def test_the_contact_panels_working_sentence_reads_on_the_window(
    qtbot: Any, ctx: Any, person: Any, palette: QPalette, when: datetime, said: str
) -> None:
    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui import tasks
    from accountdesk.ui.contacts.view import ContactView

    ctx.clock = fixed_clock(when)
    view = ContactView(ctx, person("Anna", "LV", "Europe/Riga"))
    qtbot.addWidget(view)
    assert tasks.wait_all()
    status = view.panel.status
    assert status.text() == said
    window = palette.color(_ROLE.Window)
    assert contrast(_style_colour(status.styleSheet(), "color"), window) >= READABLE


def _colours(html: str) -> list[str]:
    return re.findall(r"color:\s*(#[0-9a-fA-F]{6})", html)


def test_the_panels_marks_holidays_and_disclaimer_read(
    qtbot: Any, ctx: Any, person: Any, palette: QPalette
) -> None:
    """The etiquette marks (green, red, blue), today's holiday (red) and the disclaimer (grey)
    of the reach-out panel, the account summary, the gift advice and the Countries screen were
    2.0:1 to 2.4:1 on a dark theme's window; today's holiday 1.9:1."""
    from accountdesk.core.clock import fixed_clock
    from accountdesk.ui import tasks
    from accountdesk.ui.contacts.view import ContactView
    from accountdesk.ui.countries.screen import CountriesScreen
    from accountdesk.ui.culture_panel import CultureSummary, gift_advice

    ctx.clock = fixed_clock(datetime(2026, 11, 18, 10, 0, tzinfo=UTC))  # Proclamation Day
    window, base = palette.color(_ROLE.Window), palette.color(_ROLE.Base)
    view = ContactView(ctx, person("Anna", "LV", "Europe/Riga"))
    summary = CultureSummary(ctx, asynchronous=False)
    gifts = gift_advice("LV", for_person=True)
    countries = CountriesScreen(ctx, asynchronous=False)
    for widget in (view, summary, gifts, countries):
        qtbot.addWidget(widget)
    assert tasks.wait_all()
    summary.show_place("LV", None, "Europe/Riga")
    countries.select("LV")
    panel = view.panel
    assert "Today:" in panel.holidays.text()
    on_window = [
        *_colours(panel.holidays.text()),
        *_colours(panel.etiquette.text()),
        *_colours(panel.disclaimer.styleSheet()),
        *_colours(summary.body.text()),
        *_colours(summary.disclaimer.styleSheet()),
        *(c for label in gifts.findChildren(QLabel) for c in _colours(label.text())),
    ]
    on_base = _colours(countries.etiquette.toHtml())
    assert len(on_window) > 5 and len(on_base) > 3, (on_window, on_base)
    assert [c for c in on_window if contrast(c, window) < READABLE] == []
    assert [c for c in on_base if contrast(c, base) < READABLE] == []


def test_the_contact_lists_now_column_reads_on_its_base(palette: QPalette) -> None:
    """The contact list's "Now" column was a fixed green (2.4:1 on a dark theme's base) and a
    fixed grey outside working hours (2.7:1 on white, 2.9:1 on dark)."""
    from accountdesk.ui.contacts.model import working_colour

    base = palette.color(_ROLE.Base)
    for working in (True, False):
        assert contrast(working_colour(working), base) >= READABLE, working
    assert working_colour(True) != working_colour(False)


def test_an_overdue_follow_up_reads_on_the_lists_base(
    qtbot: Any, ctx: Any, person: Any, palette: QPalette
) -> None:
    """An overdue follow-up's row was a fixed dark red: 2.3:1 on a dark theme's base."""
    from accountdesk.core.clock import fixed_clock
    from accountdesk.core.services import followups as service
    from accountdesk.ui import tasks
    from accountdesk.ui.followups.screen import FollowUpsScreen

    anna = person("Anna", "LV", "Europe/Riga")
    service.schedule(ctx.db, service.FollowUpInput(anna, "Call back", datetime(2025, 3, 10, 10)))
    ctx.clock = fixed_clock(datetime(2025, 3, 12, 9, 30, tzinfo=UTC))
    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    assert tasks.wait_all()
    model = screen.model
    assert model.rowCount() == 1
    colour = model.data(model.index(0, 0), _FOREGROUND)
    assert colour is not None
    assert contrast(colour, palette.color(_ROLE.Base)) >= READABLE


def test_a_date_or_time_that_cannot_be_read_is_red_that_reads(
    qtbot: Any, palette: QPalette
) -> None:
    """A date or time field's text that cannot be read turned a fixed dark red: 2.3:1 on a
    dark theme's base."""
    from accountdesk.ui.followups.when import DateEdit, WallTimeEdit

    base = palette.color(_ROLE.Base)
    for field in (WallTimeEdit(), DateEdit(date(2026, 12, 1))):
        qtbot.addWidget(field)
        field.setText("tomorrowish")
        assert contrast(_style_colour(field.styleSheet(), "color"), base) >= READABLE


def test_the_repeat_rules_hint_reads_on_the_window(
    qtbot: Any, ctx: Any, person: Any, palette: QPalette
) -> None:
    """The custom repeat rule's hint under the field: a fixed red when it cannot be read and
    a fixed green describing it (2.3:1 and 2.4:1 on a dark theme's window)."""
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, contact_id=person("Anna", "LV", "Europe/Riga"))
    qtbot.addWidget(dialog)
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("custom"))
    window = palette.color(_ROLE.Window)
    for rule in ("FREQ=WEEKLY;BYDAY=MO", "FREQ=SOMETIMES"):
        dialog.custom_rule.setText(rule)
        hint = dialog.rule_hint
        assert not hint.isHidden(), rule
        assert contrast(_style_colour(hint.styleSheet(), "color"), window) >= READABLE, rule
