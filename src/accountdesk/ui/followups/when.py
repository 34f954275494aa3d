"""Dates typed as text: a wall-clock date and time (:class:`WallTimeEdit`, ``2027-03-22 10:00``)
and a day (:class:`DateEdit`).

QDateTimeEdit edits one section at a time: typing a whole date and time into it from the
start of the field loses the year (the year section is full, so the typed digits are refused,
and only the later sections take what was typed), and it knows no Buddhist era. These fields
take the text as typed and read all of it with the core's parser; they show a value the way
the core writes it for the user's calendar (:func:`~accountdesk.core.i18n.format_date_input`):
``2027-03-22 10:00``, ``۱۴۰۶/۰۱/۰۱ ۱۰:۰۰`` in Persian, ``22/03/2570 10:00`` in Thai; ISO 8601
is always understood. The arrow keys step (half an hour, or a day; Page Up/Down by a day) and
a calendar button picks a day in a month of the same calendar
(:class:`~accountdesk.ui.month_calendar.MonthCalendar`: Solar Hijri months with Persian digits,
Buddhist-era years in Thai), laid out in the window's direction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QIcon, QKeyEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QMessageBox, QStyle, QWidget

from accountdesk.core.i18n import (
    DateInputError,
    _,
    date_input_placeholder,
    datetime_input_example,
    datetime_input_placeholder,
    format_date_input,
    format_datetime_input,
    format_when,
    format_when_near,
    parse_date_input,
    parse_datetime_input,
    zone_name,
)
from accountdesk.core.timekeeping.zones import WallTimeResolution
from accountdesk.ui.colours import ALERT, text_style
from accountdesk.ui.month_calendar import MonthCalendar

STEP = timedelta(minutes=30)
Day = date  # for DateEdit, whose date() method hides the type


def _error_style() -> str:
    """A field's text that cannot be read as a date or a time: red, as it reads on the
    field's base under a light or a dark theme."""
    return text_style(ALERT, QPalette.ColorRole.Base)


def zoned(when: str, zone: str) -> str:
    """A wall time written ``when`` with ``zone`` named after it: "14 Mar 2025, 10:00
    (Bangkok)"."""
    return f"{when} ({zone_name(zone)})"


def zoned_when(instant: datetime, zone: str) -> str:
    """``instant`` as the wall time in ``zone``, the zone named after it: "14 Mar 2025, 10:00
    (Bangkok)" (a follow-up's "their time" in the list and in what saving it says)."""
    return zoned(format_when(instant, ZoneInfo(zone)), zone)


def zoned_when_near(instant: datetime, zone: str, now: datetime) -> str:
    """:func:`zoned_when` without the year when it is this year's there ("1 Dec, 09:00
    (Berlin)"; :func:`~accountdesk.core.i18n.format_when_near`): what a reminder says."""
    return zoned(format_when_near(instant, ZoneInfo(zone), now), zone)


def tell_time_adjusted(parent: QWidget, resolution: WallTimeResolution) -> None:
    """After a follow-up is saved at a wall time that does not exist there (a DST gap) or
    exists twice (an overlap): say which time it is due at, in the zones rule's words
    (:func:`~accountdesk.core.timekeeping.zones.resolve_wall_time`). The scheduling dialog
    and Quick log both say it so."""
    if resolution.message:
        QMessageBox.information(parent, _("Time adjusted"), resolution.message)


def parse_wall_time(text: str) -> datetime | None:
    """The naive wall time typed (see :func:`~accountdesk.core.i18n.parse_datetime_input`),
    or None when the text is not a date and time."""
    try:
        return parse_datetime_input(text)
    except DateInputError:
        return None


def parse_day(text: str) -> date | None:
    try:
        return parse_date_input(text)
    except DateInputError:
        return None


class _TypedDate(QLineEdit):
    """A date typed as text, with a calendar button; digits read left to right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the numbers of a date
        icon = QIcon.fromTheme(
            "x-office-calendar", self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        )
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        # its text is the icon button's name for a screen reader (the tooltip alone is not)
        self.calendar_action.setText(_("Pick a day"))
        self.calendar_action.setToolTip(_("Pick a day"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: MonthCalendar | None = None
        #: the weekdays its calendar writes in red (Monday = 0), asked when it opens: of the
        #: country whose day the field holds (:meth:`set_weekend`); None, the UI locale's
        self.weekend: Callable[[], frozenset[int]] | None = None

    def event(self, event: QEvent) -> bool:
        """Alt+Down or F4 opens the calendar, as in a date or combo box: its button takes no
        focus, so a keyboard user had no way to it (Down alone steps the value)."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down and alt):
                self.show_calendar()
                return True
        return super().event(event)

    def _shown_day(self) -> date | None:
        raise NotImplementedError

    def _pick(self, day: date) -> None:
        raise NotImplementedError

    def _widest(self) -> str:
        """A value as wide as this field shows (two-digit day, month and hours)."""
        raise NotImplementedError

    def minimumSizeHint(self) -> QSize:
        """At least as wide as a whole value and the calendar button: in a narrow layout a
        date's first digits went under the button (Reports' period, "0.11.2025")."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        # what the line edit adds around its text: margins, frame and the button
        chrome = super().sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        wanted = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(self._widest())) + chrome
        return QSize(max(hint.width(), wanted), hint.height())

    def show_calendar(self) -> None:
        """Open the month of the day in the field (of today when it holds none) as a popup
        under the field, aligned with its leading edge."""
        current = self._shown_day()
        if current is None:
            today = QDate.currentDate().toPython()
            assert isinstance(today, date)
            current = today
        if self.calendar is None:
            self.calendar = MonthCalendar(current, self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.picked.connect(self._day_picked)
        else:
            self.calendar.set_selected(current)
        if self.weekend is not None:
            self.calendar.set_weekend(self.weekend())
        # the field reads left to right (digits); its calendar follows the window
        self.calendar.setLayoutDirection(QGuiApplication.layoutDirection())
        self.calendar.adjustSize()
        corner = QPoint(0, self.height())
        if self.calendar.isRightToLeft():
            corner = QPoint(self.width() - self.calendar.width(), self.height())
        self.calendar.move(self.mapToGlobal(corner))
        self.calendar.show()
        self.calendar.grid.setFocus()

    def set_weekend(self, weekend: Callable[[], frozenset[int]]) -> None:
        """Where its calendar's weekend comes from, asked each time it opens: the user's own
        for a day in their time, the contact's country's for a day in theirs (Friday in Iran,
        whatever the UI language)."""
        self.weekend = weekend

    def _day_picked(self, picked: date) -> None:
        self._pick(picked)
        if self.calendar is not None:
            self.calendar.hide()


class WallTimeEdit(_TypedDate):
    """A naive wall-clock time as text. :meth:`value` is None while the text is not one;
    ``value_changed`` carries the new value (a datetime, or None)."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: datetime | None = None
        self.setPlaceholderText(datetime_input_placeholder())
        self.setToolTip(
            _("Type the date and time, for example {example}. Up and Down move it by half an hour.")
            .format(example=datetime_input_example())
        )  # fmt: skip
        self.textChanged.connect(self._text_changed)

    def value(self) -> datetime | None:
        return self._value

    def set_value(self, value: datetime) -> None:
        self.setText(format_datetime_input(value.replace(tzinfo=None, second=0, microsecond=0)))

    def _text_changed(self, text: str) -> None:
        value = parse_wall_time(text)
        self.setStyleSheet("" if value is not None or not text else _error_style())
        if value != self._value:
            self._value = value
            self.value_changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: STEP,
            Qt.Key.Key_Down: -STEP,
            Qt.Key.Key_PageUp: timedelta(days=1),
            Qt.Key.Key_PageDown: timedelta(days=-1),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is not None and self._value is not None:
            self.set_value(self._value + step)
            event.accept()
            return
        super().keyPressEvent(event)

    def _shown_day(self) -> date | None:
        return self._value.date() if self._value is not None else None

    def _pick(self, day: date) -> None:
        current = self._value or datetime(day.year, day.month, day.day, 10)
        self.set_value(datetime.combine(day, current.time()))

    def _widest(self) -> str:
        return format_datetime_input(datetime(2026, 12, 28, 22, 58))


class DateEdit(_TypedDate):
    """A day as text, with QDateEdit's interface for the screens that used one: :meth:`date`,
    :meth:`setDate` and ``dateChanged`` (a QDate, emitted when the text is a new date)."""

    dateChanged = Signal(QDate)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self.setPlaceholderText(date_input_placeholder())
        self.setText(format_date_input(self._day))
        self.textChanged.connect(self._text_changed)

    def _widest(self) -> str:
        return format_date_input(date(2026, 12, 28))

    def date(self) -> QDate:
        """The last valid day typed or set."""
        return QDate(self._day.year, self._day.month, self._day.day)

    def setDate(self, value: QDate | Day) -> None:
        day = value.toPython() if isinstance(value, QDate) else value
        assert isinstance(day, Day)
        changed = day != self._day
        self._day = day
        self.setStyleSheet("")
        self.setText(format_date_input(day))
        if changed:
            self.dateChanged.emit(self.date())

    def _text_changed(self, text: str) -> None:
        day = parse_day(text)
        self.setStyleSheet("" if day is not None else _error_style())
        if day is not None and day != self._day:
            self._day = day
            self.dateChanged.emit(self.date())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Up: 1,
            Qt.Key.Key_Down: -1,
            Qt.Key.Key_PageUp: 30,
            Qt.Key.Key_PageDown: -30,
        }
        step = steps.get(Qt.Key(event.key()))
        if step is not None:
            self.setDate(self._day + timedelta(days=step))
            event.accept()
            return
        super().keyPressEvent(event)

    def _shown_day(self) -> Day | None:
        return self._day

    def _pick(self, day: Day) -> None:
        self.setDate(day)
