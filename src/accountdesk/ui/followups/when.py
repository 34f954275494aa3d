"""A wall-clock date and time typed as text: ``2027-03-22 10:00``.

QDateTimeEdit edits one section at a time: typing a whole date and time into it from the
start of the field loses the year (the year section is full, so the typed digits are refused,
and only the later sections take what was typed). This field takes the text as typed and
parses all of it; the arrow keys step by half an hour (Page Up/Down by a day) and a calendar
button picks a day.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from accountdesk.core.i18n import _

#: How the field shows a value (ISO 8601 with a space, the same in every language).
FORMAT = "%Y-%m-%d %H:%M"
_PATTERN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+|\s*,\s*)(\d{1,2})[:.](\d{2})")
STEP = timedelta(minutes=30)


def _ascii_digits(text: str) -> str:
    """Persian, Arabic-Indic, Thai … digits as 0–9 (typed on a local keyboard)."""
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )


def parse_wall_time(text: str) -> datetime | None:
    """The naive wall time written as ``YYYY-MM-DD HH:MM`` (also with a ``T``, one-digit
    month, day or hour, native digits), or None when the text is not a date and time."""
    found = _PATTERN.fullmatch(_ascii_digits(text).strip())
    if found is None:
        return None
    year, month, day, hour, minute = (int(part) for part in found.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


class WallTimeEdit(QLineEdit):
    """A naive wall-clock time as text. :meth:`value` is None while the text is not one;
    ``value_changed`` carries the new value (a datetime, or None)."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: datetime | None = None
        self.setPlaceholderText(_("YYYY-MM-DD HH:MM"))
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # ISO digits read left to right
        self.setToolTip(
            _("Type the date and time, for example {example}. Up and Down move it by half an hour.")
            .format(example="2027-03-22 10:00")
        )  # fmt: skip
        icon = QIcon.fromTheme(
            "x-office-calendar", self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        )
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(_("Pick a day"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textChanged.connect(self._text_changed)

    def value(self) -> datetime | None:
        return self._value

    def set_value(self, value: datetime) -> None:
        self.setText(value.replace(tzinfo=None, second=0, microsecond=0).strftime(FORMAT))

    def _text_changed(self, text: str) -> None:
        value = parse_wall_time(text)
        self.setStyleSheet("" if value is not None or not text else "color: #b3261e;")
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

    # --- the calendar ---------------------------------------------------------------------

    def show_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.clicked.connect(self._day_picked)
            self.calendar.activated.connect(self._day_picked)
        current = self._value
        if current is not None:  # else the calendar opens on today
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()

    def _day_picked(self, day: QDate) -> None:
        picked = day.toPython()
        assert isinstance(picked, date)
        current = self._value or datetime(picked.year, picked.month, picked.day, 10)
        self.set_value(datetime.combine(picked, current.time()))
        if self.calendar is not None:
            self.calendar.hide()
