"""The meeting planner: the user and contacts side by side, each in their own zone.

One row per person, one column per hour of the user's days; colours tell working hours, off
hours, weekends and holidays apart (a holiday's name is in the cell's tooltip), and the hours
good for everyone are highlighted and listed. Contacts are added one by one or a whole account
at a time. Picking a good hour opens the scheduling dialog at that moment, in the first
contact's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.i18n import N_, _
from accountdesk.core.queries.details import account_detail
from accountdesk.core.timekeeping.planner import PlannerGrid, plan
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import Person, person, user_person
from accountdesk.ui.pickers import RecordPicker

COLOURS = {
    "good": QColor("#6cc48a"),
    "work": QColor("#c8ebd4"),
    "off": QColor("#eeeeee"),
    "weekend": QColor("#c9d7ef"),
    "holiday": QColor("#f5c6b8"),
}
STATE_LABELS = {
    "good": N_("good for everyone"),
    "work": N_("working hours"),
    "off": N_("off hours"),
    "weekend": N_("weekend"),
    "holiday": N_("holiday"),
}


class PlannerDialog(QDialog):
    """The planner for the user and ``contact_ids`` (and every contact of ``account_id``)."""

    def __init__(
        self,
        ctx: AppContext,
        contact_ids: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        account_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Meeting planner"))
        self.people: list[Person] = [user_person(ctx.user_zone, _("You"))]
        self.grid: PlannerGrid | None = None

        self.add_contact = RecordPicker(ctx.db, "contact", self)
        self.add_contact.setObjectName("addContact")
        self.add_contact.setPlaceholderText(_("Add a contact…"))
        self.add_contact.picked.connect(self._contact_picked)
        self.add_account = RecordPicker(ctx.db, "account", self)
        self.add_account.setObjectName("addAccount")
        self.add_account.setPlaceholderText(_("Add everyone at an account…"))
        self.add_account.picked.connect(self._account_picked)
        self.remove = QPushButton(_("Remove selected person"), self)
        self.remove.setObjectName("remove")
        self.remove.clicked.connect(self._remove_selected)
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(1, 14)
        self.days.setValue(5)
        self.days.valueChanged.connect(self.refresh)

        self.table = QTableWidget(self)
        self.table.setObjectName("grid")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().horizontalAdvance("00:00") + 14
        )
        self.table.cellDoubleClicked.connect(self._cell_picked)
        self.slots = QListWidget(self)
        self.slots.setObjectName("slots")
        self.slots.itemActivated.connect(self._pick)
        self.schedule = QPushButton(_("Schedule at the selected time…"), self)
        self.schedule.setObjectName("schedule")
        self.schedule.clicked.connect(lambda: self._pick(self.slots.currentItem()))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        pickers = QHBoxLayout()
        pickers.addWidget(self.add_contact, 2)
        pickers.addWidget(self.add_account, 2)
        pickers.addWidget(self.remove)
        pickers.addWidget(QLabel(_("Days:"), self))
        pickers.addWidget(self.days)
        legend = QHBoxLayout()
        for state, colour in COLOURS.items():
            swatch = QLabel(_(STATE_LABELS[state]), self)
            swatch.setStyleSheet(f"background: {colour.name()}; padding: 2px 6px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        slots_box = QVBoxLayout()
        slots_box.addWidget(QLabel(_("Good for everyone (your time):"), self))
        slots_box.addWidget(self.slots, 1)
        slots_box.addWidget(self.schedule)
        bottom = QHBoxLayout()
        bottom.addLayout(slots_box, 2)
        bottom.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(legend)
        layout.addWidget(self.table)
        layout.addLayout(bottom, 1)
        self.resize(1100, 560)

        for contact_id in contact_ids or []:
            self._add(contact_id)
        if account_id is not None:
            self.add_account_contacts(account_id)
        self.refresh()

    # --- participants -------------------------------------------------------------------

    def _add(self, contact_id: str) -> bool:
        if any(p.id == contact_id for p in self.people):
            return False
        self.people.append(person(self.ctx.db, contact_id))
        return True

    def add_contacts(self, contact_ids: list[str]) -> None:
        if [c for c in contact_ids if self._add(c)]:
            self.refresh()

    def add_account_contacts(self, account_id: str) -> int:
        """Add every contact of the account; returns how many were new."""
        added = [c.id for c in account_detail(self.ctx.db, account_id).contacts if self._add(c.id)]
        if added:
            self.refresh()
        return len(added)

    def _contact_picked(self, contact_id: str) -> None:
        self.add_contact.clear()
        self.add_contacts([contact_id])

    def _account_picked(self, account_id: str) -> None:
        self.add_account.clear()
        self.add_account_contacts(account_id)

    def _remove_selected(self) -> None:
        row = self.table.currentRow()
        if row > 0:  # the user (row 0) stays
            del self.people[row]
            self.refresh()

    # --- the grid -----------------------------------------------------------------------

    def refresh(self) -> None:
        zone = ZoneInfo(self.ctx.user_zone)
        start = self.ctx.now().astimezone(zone).date()
        self.grid = plan(
            [p.participant() for p in self.people],
            start,
            self.days.value(),
            self.ctx.user_zone,
            step=timedelta(hours=1),
            lang=i18n.current_language().code,
            not_before=self.ctx.now(),
        )
        grid = self.grid
        good: set[int] = set()
        if len(self.people) > 1:
            found = (grid.column_of(slot) for slot in grid.good_slots)
            good = {c for c in found if c is not None}
        self.table.clear()
        self.table.setRowCount(len(grid.rows))
        self.table.setColumnCount(len(grid.columns))
        names = [f"{p.name} ({i18n.zone_name(p.zone)})" for p in self.people]
        self.table.setVerticalHeaderLabels(names)
        # Mixed scripts (Persian, Thai, Latin) measure short in the header: leave some room.
        widest = max(self.fontMetrics().horizontalAdvance(n) for n in names)
        self.table.verticalHeader().setMinimumWidth(widest + 24)
        previous_day = None
        for c, column in enumerate(grid.columns):
            local = column.astimezone(zone)
            text = i18n.format_datetime(local, "HH", tz=zone)
            width = self.table.horizontalHeader().defaultSectionSize()
            if local.date() != previous_day:
                day = i18n.format_datetime(local, "EEE d", tz=zone)
                text = f"{day}\n{text}"
                width = max(width, self.fontMetrics().horizontalAdvance(day) + 16)
                previous_day = local.date()
            self.table.setColumnWidth(c, width)
            header = QTableWidgetItem(text)
            if c in good:
                header.setBackground(QBrush(COLOURS["good"]))
            self.table.setHorizontalHeaderItem(c, header)
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell.label)
                state = "good" if c in good else cell.state
                item.setBackground(QBrush(COLOURS[state]))
                item.setForeground(QBrush(QColor("#1f1f1f")))
                if c in good:
                    item.setFont(bold)
                day = i18n.format_datetime(
                    cell.local.replace(tzinfo=ZoneInfo(row.participant.zone)), "EEEE d MMMM"
                )
                tip = _("{day}: {state}").format(day=day, state=_(STATE_LABELS[cell.state]))
                if cell.holiday:
                    tip = _("{day}: holiday – {name}").format(day=day, name=cell.holiday)
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.UserRole, grid.columns[c])
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._fit_height()
        first = min(good) if good else _first_working_column(grid)
        if first is not None and self.table.rowCount():
            model = self.table.model()
            self.table.scrollTo(model.index(0, min(first + 10, len(grid.columns) - 1)))
            self.table.scrollTo(model.index(0, max(first - 1, 0)))
        self.slots.clear()
        for slot in grid.good_slots if len(self.people) > 1 else []:
            entry = QListWidgetItem(i18n.format_datetime(slot, "EEEE d MMMM, HH:mm", tz=zone))
            entry.setData(Qt.ItemDataRole.UserRole, slot)
            self.slots.addItem(entry)
        self.schedule.setEnabled(self.slots.count() > 0)
        if len(self.people) < 2:
            self.summary.setText(_("Add one or more contacts to find hours that suit everyone."))
        elif not grid.good_slots:
            self.summary.setText(
                _("No hour is inside everyone's working hours in these days. Try more days.")
            )
        else:
            self.summary.setText(
                _("Double-click a highlighted hour, or choose one in the list, to schedule it.")
            )

    def _fit_height(self) -> None:
        """As tall as its rows (with the header and the scroll bar), no empty space below."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        header = table.horizontalHeader().sizeHint().height()
        scroll = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(rows + header + scroll + 2 * table.frameWidth() + 2)

    # --- picking ------------------------------------------------------------------------

    def _cell_picked(self, row: int, column: int) -> None:
        grid = self.grid
        if grid is None or not 0 <= column < len(grid.columns):
            return
        slot = grid.columns[column]
        if slot in grid.good_slots:
            self.open_schedule(slot)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        slot = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(slot, datetime):
            self.open_schedule(slot)

    def schedule_dialog(self, slot: datetime) -> QDialog | None:
        """The scheduling dialog at ``slot``, with the first contact in their zone."""
        if len(self.people) < 2:
            return None
        from accountdesk.ui.followups.schedule import ScheduleDialog

        first = self.people[1]
        local = slot.astimezone(ZoneInfo(first.zone)).replace(tzinfo=None)
        return ScheduleDialog(self.ctx, first.id, local=local, title=_("Meeting"), parent=self)

    def open_schedule(self, slot: datetime) -> None:
        dialog = self.schedule_dialog(slot)
        if dialog is not None and dialog.exec():
            self.accept()


def _first_working_column(grid: PlannerGrid) -> int | None:
    if not grid.rows:
        return None
    for c, cell in enumerate(grid.rows[0].cells):
        if cell.state == "work":
            return c
    return None
