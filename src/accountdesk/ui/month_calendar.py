"""A month of days in the user's calendar: the popup of the date fields
(:mod:`accountdesk.ui.followups.when`) and the Countries screen's holiday calendar.

Why not QCalendarWidget: Qt's calendars are not the app's. QCalendar has a Jalali system, but
its 2820-year arithmetic disagrees with the 33-year rule of the Iranian calendar that
:mod:`accountdesk.core.calendars` follows (from 2058 on: Qt starts 1437 a day early, so the
popup would say another day than the field); it has no Buddhist era at all, and a new
calendar needs a C++ ``QCalendarBackend``, which PySide6 does not offer. A display format or
a locale does not help either: QCalendarWidget writes its year with a plain spin box.

So this view pages by the months of :mod:`accountdesk.core.calendars` (:func:`month_span`,
:func:`add_months`) and writes its title, weekday names and day numbers with
:func:`accountdesk.core.i18n.format_date`: "فروردین ۱۴۰۵" with Persian digits, "มีนาคม 2569",
"March 2026" when the user chose Gregorian (``ui.calendar``). The grid follows the window's
direction (the week starts on the right in Persian) and the locale's first day of the week.

The days are a table model read by a QTableView, not QTableWidget items: with PySide6 6.12
every call of a Qt method that returns nothing drops a reference to ``None`` (see
:mod:`accountdesk.ui.tasks`), and a month of items costs a few hundred such calls a page where
a model reset costs two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.calendars import add_months, month_span
from accountdesk.core.i18n import _, current_calendar, format_date
from accountdesk.ui.colours import legible, on_palette, text_on
from accountdesk.ui.rowkeys import tab_leaves

WEEKS = 6
WEEKEND_COLOUR = "#c62828"
#: A Monday (core weekdays count from Monday = 0): the weekday names are written from it.
_A_MONDAY = date(2024, 1, 1)
Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole


@dataclass(frozen=True)
class DayMark:
    """How one day is marked: a background colour, bold, a tooltip (holidays)."""

    background: str | None = None
    bold: bool = False
    tooltip: str = ""


def _weekday_headings() -> list[str]:
    """The column headings, Monday first: the language's narrow weekday names when they tell
    the days apart (Persian ش ی د …, Thai อา จ อ …), else its short ones (Mo Tu We …)."""
    week = [_A_MONDAY + timedelta(days=d) for d in range(7)]
    narrow = [format_date(day, "EEEEE") for day in week]
    if len(set(narrow)) == 7:
        return narrow
    return [format_date(day, "EEEEEE") for day in week]


def _locale_weekend() -> frozenset[int]:
    working = {int(day.value) - 1 for day in QLocale().weekdays()}
    return frozenset(d for d in range(7) if d not in working)


class MonthModel(QAbstractTableModel):
    """Six weeks of seven days: the days of one month of ``calendar``, blank around them."""

    def __init__(self, calendar: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.first = date.min
        self.last = date.min
        self.first_weekday = int(QLocale().firstDayOfWeek().value) - 1
        self.weekend = _locale_weekend()
        self.marks: dict[date, DayMark] = {}
        self.names = _weekday_headings()
        self.bold = QFont()
        self.bold.setBold(True)
        self._lead = 0

    def show(self, first: date) -> None:
        """Show the month that starts on ``first`` (also after a setting changed)."""
        self.beginResetModel()
        self.first, self.last = month_span(first, self.calendar)
        self._lead = (self.first.weekday() - self.first_weekday) % 7
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def day_at(self, index: Index) -> date | None:
        """The day in a cell (None in the blank cells around the month)."""
        if not index.isValid():
            return None
        offset = index.row() * 7 + index.column() - self._lead
        day = self.first + timedelta(days=offset)
        return day if offset >= 0 and day <= self.last else None

    def index_of(self, day: date) -> QModelIndex:
        """The cell of ``day`` (invalid when its month is not shown)."""
        if not self.first <= day <= self.last:
            return QModelIndex()
        offset = self._lead + (day - self.first).days
        return self.index(offset // 7, offset % 7)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.day_at(index) is None:
            return Qt.ItemFlag.NoItemFlags  # a blank cell can be neither selected nor clicked
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        mark = self.marks.get(day)
        if role == _ROLE.DisplayRole:
            return format_date(day, "d")
        if role == _ROLE.ToolTipRole:
            return mark.tooltip if mark is not None and mark.tooltip else format_date(day, "full")
        if role == _ROLE.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == _ROLE.ForegroundRole:
            return self._ink(day, mark)
        if role == _ROLE.BackgroundRole and mark is not None and mark.background:
            return QBrush(QColor(mark.background))
        if role == _ROLE.FontRole and mark is not None and mark.bold:
            return self.bold
        return None

    def _ink(self, day: date, mark: DayMark | None) -> QBrush | None:
        """The text of ``day``'s cell, read on its background: a weekend's red, and the text
        on a marked day's colour (a holiday's pale pink kept the palette's text: near-white
        under a dark theme); else the palette's own text."""
        marked = QColor(mark.background) if mark is not None and mark.background else None
        if day.weekday() in self.weekend:
            if marked is None:
                return QBrush(on_palette(WEEKEND_COLOUR))
            return QBrush(legible(WEEKEND_COLOUR, marked))
        return None if marked is None else QBrush(text_on(marked))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        weekday = (self.first_weekday + section) % 7
        if role == _ROLE.DisplayRole:
            return self.names[weekday]
        if role == _ROLE.ToolTipRole:
            return format_date(_A_MONDAY + timedelta(days=weekday), "EEEE")
        if role == _ROLE.ForegroundRole and weekday in self.weekend:
            return QBrush(on_palette(WEEKEND_COLOUR, QPalette.ColorRole.Button))
        return None


class MonthCalendar(QWidget):
    """One month of the user's calendar. ``picked`` (a date) when a day is clicked or Enter
    is pressed on it; ``selection_changed`` (a date) when another day is selected;
    ``page_changed`` (the first day of the month) when another month is shown."""

    picked = Signal(object)
    selection_changed = Signal(object)
    page_changed = Signal(object)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected = day
        self.model = MonthModel(current_calendar(), self)

        self.title = QLabel(self)
        self.title.setObjectName("monthTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # The arrows are mirrored glyphs (‹ › « »): in a right-to-left window "previous"
        # stands on the right and points right.
        buttons = (
            ("«", _("Previous year"), -12, "previousYear"),
            ("‹", _("Previous month"), -1, "previousMonth"),
            ("›", _("Next month"), 1, "nextMonth"),
            ("»", _("Next year"), 12, "nextYear"),
        )
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        for index, (glyph, tip, months, name) in enumerate(buttons):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(glyph)
            button.setToolTip(tip)
            button.setAccessibleName(tip)  # a screen reader says "Previous year", not "«"
            button.setAutoRaise(True)
            glyph_font = button.font()
            glyph_font.setPointSizeF(glyph_font.pointSizeF() * 1.3)
            button.setFont(glyph_font)
            button.clicked.connect(lambda _checked=False, m=months: self.move_months(m))
            header.addWidget(button)
            if index == 1:
                header.addWidget(self.title, 1)

        self.grid = QTableView(self)
        self.grid.setObjectName("days")
        tab_leaves(self.grid)  # the arrows pick a day; Tab goes on to the month's buttons
        self.grid.setModel(self.model)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setSectionsClickable(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setShowGrid(False)
        metrics = self.grid.fontMetrics()
        cell_width = max(30, metrics.horizontalAdvance("88") + 16)
        cell_height = metrics.height() + 8
        for header_view in (self.grid.horizontalHeader(), self.grid.verticalHeader()):
            header_view.setMinimumSectionSize(metrics.height())
        frame = 2 * self.grid.frameWidth()
        self.grid.setMinimumSize(
            7 * cell_width + frame,
            WEEKS * cell_height + self.grid.horizontalHeader().sizeHint().height() + frame,
        )
        self.grid.clicked.connect(self._clicked)
        self.grid.activated.connect(self._clicked)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.grid, 1)
        self.show_month(day)

    # --- what is shown --------------------------------------------------------------------

    def month_shown(self) -> date:
        """The first day of the month shown."""
        return self.model.first

    def selected(self) -> date:
        return self._selected

    def index_of(self, day: date) -> QModelIndex:
        """The cell of ``day`` (invalid when its month is not shown)."""
        return self.model.index_of(day)

    def cell_text(self, day: date) -> str:
        """The number shown for ``day`` ("" when its month is not shown)."""
        index = self.model.index_of(day)
        return str(index.data()) if index.isValid() else ""

    def weekday_names(self) -> list[str]:
        """The column headings in logical order (the first day of the week first)."""
        return [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(7)]

    def mark_of(self, day: date) -> DayMark:
        return self.model.marks.get(day, DayMark())

    # --- settings ---------------------------------------------------------------------------

    def set_first_weekday(self, weekday: int) -> None:
        """The column the week starts with (Monday = 0, as in the core)."""
        if weekday % 7 != self.model.first_weekday:
            self.model.first_weekday = weekday % 7
            self._refresh()

    def first_weekday(self) -> int:
        return self.model.first_weekday

    def set_weekend(self, days: frozenset[int]) -> None:
        """The weekdays (Monday = 0) written in red."""
        if frozenset(days) != self.model.weekend:
            self.model.weekend = frozenset(days)
            self._refresh()

    def set_marks(self, marks: dict[date, DayMark]) -> None:
        """Mark these days (and no others)."""
        self.model.marks = dict(marks)
        self._refresh()

    # --- paging and selecting ---------------------------------------------------------------

    def show_month(self, day: date) -> None:
        """Show the month that holds ``day``."""
        first = month_span(day, self.model.calendar)[0]
        if first == self.model.first:
            return
        self.model.show(first)
        self.title.setText(format_date(first, "LLLL y"))
        self._show_selection()
        self.page_changed.emit(first)

    def move_months(self, months: int) -> None:
        """Show the month ``months`` months on (back when negative); the selection stays."""
        self.show_month(add_months(self.model.first, months, self.model.calendar))

    def move_selection(self, months: int) -> None:
        """Select the day at the same place ``months`` months on (the month's last day when
        the new month is shorter)."""
        calendar = self.model.calendar
        first = month_span(self._selected, calendar)[0]
        target = add_months(first, months, calendar)
        last = month_span(target, calendar)[1]
        self.set_selected(min(target + (self._selected - first), last))

    def set_selected(self, day: date) -> None:
        changed = day != self._selected
        self._selected = day
        self.show_month(day)
        self._show_selection()
        if changed:
            self.selection_changed.emit(day)

    def _refresh(self) -> None:
        self.model.show(self.model.first)
        self._show_selection()

    def _show_selection(self) -> None:
        index = self.model.index_of(self._selected)
        if index.isValid():
            self.grid.setCurrentIndex(index)
        else:
            self.grid.clearSelection()

    def _clicked(self, index: QModelIndex) -> None:
        day = self.model.day_at(index)
        if day is not None:
            self.set_selected(day)
            self.picked.emit(day)

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        """Keys the view handles itself (Home, End) move the selection too."""
        day = self.model.day_at(index)
        if day is not None and day != self._selected:
            self.set_selected(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keys of QCalendarWidget: Page Up/Down select the day a month before or after
        (with Shift a year); the arrow keys go on past the first or last day of the month."""
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                months = 12 if shift else 1
                self.move_selection(-months if key == Qt.Key.Key_PageUp else months)
                return True
            rtl = self.isRightToLeft()
            steps = {
                Qt.Key.Key_Left: 1 if rtl else -1,
                Qt.Key.Key_Right: -1 if rtl else 1,
                Qt.Key.Key_Up: -7,
                Qt.Key.Key_Down: 7,
            }
            step = steps.get(key)
            if step is not None:
                self.set_selected(self._selected + timedelta(days=step))
                return True
        return super().eventFilter(watched, event)
