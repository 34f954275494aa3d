"""The meeting planner: the user and contacts side by side, each in their own zone.

One row per person, one column per hour of the user's days; colours tell working hours, off
hours, weekends and holidays apart, and the hours good for everyone are listed. Picking one
opens the scheduling dialog at that moment, in the first contact's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
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
from accountdesk.core.timekeeping.planner import PlannerGrid, plan
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import Person, person, user_person

COLOURS = {
    "work": QColor("#b9e4c9"),
    "off": QColor("#eeeeee"),
    "weekend": QColor("#c9d7ef"),
    "holiday": QColor("#f5c6b8"),
}
STATE_LABELS = {
    "work": N_("working hours"),
    "off": N_("off hours"),
    "weekend": N_("weekend"),
    "holiday": N_("holiday"),
}


class PlannerDialog(QDialog):
    def __init__(
        self, ctx: AppContext, contact_ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Meeting planner"))
        self.people: list[Person] = [user_person(ctx.user_zone, _("You"))]
        self.people += [person(ctx.db, cid) for cid in contact_ids]
        self.grid: PlannerGrid | None = None
        self.days = QSpinBox(self)
        self.days.setRange(1, 14)
        self.days.setValue(5)
        self.days.valueChanged.connect(self.refresh)
        self.table = QTableWidget(self)
        self.table.setObjectName("grid")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.slots = QListWidget(self)
        self.slots.setObjectName("slots")
        self.slots.itemActivated.connect(self._pick)
        schedule = QPushButton(_("Schedule at the selected time…"), self)
        schedule.clicked.connect(lambda: self._pick(self.slots.currentItem()))
        legend = QHBoxLayout()
        for state, colour in COLOURS.items():
            swatch = QLabel(_(STATE_LABELS[state]), self)
            swatch.setStyleSheet(f"background: {colour.name()}; padding: 2px 6px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Days:"), self))
        top.addWidget(self.days)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(_("Good for everyone (your time):"), self))
        layout.addWidget(self.slots, 1)
        layout.addWidget(schedule)
        self.resize(1000, 480)
        self.refresh()

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
        self.table.clear()
        self.table.setRowCount(len(grid.rows))
        self.table.setColumnCount(len(grid.columns))
        self.table.setVerticalHeaderLabels(
            [f"{p.name} ({i18n.zone_name(p.zone)})" for p in self.people]
        )
        headers = [i18n.format_datetime(column, "E HH", tz=zone) for column in grid.columns]
        self.table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell.label)
                item.setBackground(QBrush(COLOURS[cell.state]))
                tip = _(STATE_LABELS[cell.state])
                if cell.holiday:
                    tip = f"{tip}: {cell.holiday}"
                item.setToolTip(tip)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.slots.clear()
        for slot in grid.good_slots:
            entry = QListWidgetItem(i18n.format_datetime(slot, "EEEE d MMMM, HH:mm", tz=zone))
            entry.setData(Qt.ItemDataRole.UserRole, slot)
            self.slots.addItem(entry)
        if not grid.good_slots:
            self.slots.addItem(_("No hour is inside everyone's working hours in these days."))

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        slot = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(slot, datetime) or len(self.people) < 2:
            return
        from accountdesk.ui.followups.schedule import ScheduleDialog

        first = self.people[1]
        local = slot.astimezone(ZoneInfo(first.zone)).replace(tzinfo=None)
        dialog = ScheduleDialog(self.ctx, first.id, local=local, title=_("Meeting"), parent=self)
        if dialog.exec():
            self.accept()
