"""The meeting planner: the user and contacts side by side, each in their own zone.

One row per person, one column per hour of the user's days (every column says its day);
colours tell working hours, off hours, weekends and holidays apart (a holiday's name is in the
cell's tooltip), and the hours good for everyone are highlighted and listed. The user's row
follows their own calendar (zone, country, region and hours from "Me" in the settings).

When no hour suits everyone, the summary says who stands in the way and the list offers the
best compromise: the hours with the fewest people outside their working time, naming them
(computed by :func:`accountdesk.core.timekeeping.planner.compromise`).

Contacts are added one by one or a whole account at a time. Picking a good hour (or a
compromise) opens the scheduling dialog at that moment, in the first contact's zone.
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
from accountdesk.core.bidi import isolate, paragraph
from accountdesk.core.i18n import N_, _, ngettext
from accountdesk.core.queries.details import account_detail
from accountdesk.core.timekeeping.planner import (
    Away,
    Compromise,
    NoCommonHour,
    Obstacle,
    PlannerGrid,
    compromise,
    plan,
)
from accountdesk.core.timekeeping.zones import format_duration
from accountdesk.ui.accessible import label_field, name_field
from accountdesk.ui.colours import background_style, text_on
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import ME, Person, person, user_person
from accountdesk.ui.modal import run_modal
from accountdesk.ui.pickers import RecordPicker
from accountdesk.ui.rowkeys import tab_leaves
from accountdesk.ui.screenfit import resize_within_screen

COLOURS = {
    "good": QColor("#6cc48a"),
    "compromise": QColor("#f2cf66"),
    "work": QColor("#c8ebd4"),
    "off": QColor("#eeeeee"),
    "weekend": QColor("#c9d7ef"),
    "holiday": QColor("#f5c6b8"),
}
STATE_LABELS = {
    "good": N_("good for everyone"),
    "compromise": N_("best compromise"),
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
        self.people: list[Person] = [user_person(ctx.user_calendar(), _("You"))]
        self.grid: PlannerGrid | None = None
        self.no_common: NoCommonHour | None = None
        ctx.changed.connect(self._context_changed)

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
        tab_leaves(self.table)  # the arrows pick an hour; Tab goes on to the list of slots
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().horizontalAdvance("00:00") + 14
        )
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.cellDoubleClicked.connect(self._cell_picked)
        # Remove is for a contact's row: with no row chosen, or the user's own, it did nothing
        self.table.currentCellChanged.connect(lambda *_cells: self._update_remove())
        self.slots = QListWidget(self)
        self.slots.setObjectName("slots")
        self.slots.itemActivated.connect(self._pick)
        self.schedule = QPushButton(_("Schedule at the selected time…"), self)
        self.schedule.setObjectName("schedule")
        self.schedule.clicked.connect(lambda: self._pick(self.slots.currentItem()))
        # No default button: Enter in the grid or an empty picker "pressed" Remove (the first
        # button), and Enter on a slot opened the scheduling dialog and then removed a person
        for button in (self.remove, self.schedule):
            button.setAutoDefault(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        pickers = QHBoxLayout()
        pickers.addWidget(self.add_contact, 2)
        pickers.addWidget(self.add_account, 2)
        pickers.addWidget(self.remove)
        days_label = QLabel(_("Days:"), self)
        label_field(days_label, self.days)
        pickers.addWidget(days_label)
        pickers.addWidget(self.days)
        for picker in (self.add_contact, self.add_account):
            name_field(picker, picker.placeholderText())  # no label but what it says empty
        legend = QHBoxLayout()
        for state, colour in COLOURS.items():
            swatch = QLabel(_(STATE_LABELS[state]), self)
            swatch.setStyleSheet(  # with its own text: a dark theme's was near-white
                background_style(colour) + " padding: 2px 6px; border: 1px solid #c8c8c8;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)
        slots_box = QVBoxLayout()
        self.slots_label = QLabel(_("Good for everyone (your time):"), self)
        self.slots_label.setObjectName("slotsLabel")
        slots_box.addWidget(self.slots_label)
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
        resize_within_screen(self, 1100, 560)

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
            # nothing chosen in the grid drawn again: a second click removed the next person
            self.table.selectionModel().clearCurrentIndex()
            self.refresh()

    def _update_remove(self) -> None:
        self.remove.setEnabled(self.table.currentRow() > 0)

    def _context_changed(self, kind: str) -> None:
        """The user's zone (travel) or their calendar changed: their row follows."""
        if kind in ("zone", "settings"):
            self.people[0] = user_person(self.ctx.user_calendar(), _("You"))
            self.refresh()

    # --- the grid -----------------------------------------------------------------------

    def refresh(self) -> None:
        zone = ZoneInfo(self.ctx.user_zone)
        start = self.ctx.today()
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
        contacts = len(self.people) > 1
        good: set[int] = set()
        if contacts:
            found = (grid.column_of(slot) for slot in grid.good_slots)
            good = {c for c in found if c is not None}
        self.no_common = None
        if contacts and not grid.good_slots:
            self.no_common = compromise(grid, not_before=self.ctx.now())
        fair = self._compromise_columns()
        self._fill_table(grid, zone, good, fair)
        first = min(good or fair) if good or fair else _first_working_column(grid)
        if first is not None and self.table.rowCount():
            model = self.table.model()
            self.table.scrollTo(model.index(0, min(first + 10, len(grid.columns) - 1)))
            self.table.scrollTo(model.index(0, max(first - 1, 0)))
        self._fill_list(grid, zone)
        self._summarize(grid)
        self._update_remove()

    def _compromise_columns(self) -> set[int]:
        grid, found = self.grid, self.no_common
        if grid is None or found is None:
            return set()
        columns: set[int] = set()
        for option in found.best:
            first = grid.column_of(option.start)
            if first is None:
                continue
            count = round((option.end - option.start) / grid.step)
            columns.update(range(first, first + count))
        return columns

    def _fill_table(
        self, grid: PlannerGrid, zone: ZoneInfo, good: set[int], fair: set[int]
    ) -> None:
        self.table.clear()
        self.table.setRowCount(len(grid.rows))
        self.table.setColumnCount(len(grid.columns))
        # a name first, in the window's direction (a Latin name began a left-to-right line)
        names = [
            paragraph(
                _("{name} ({zone})").format(name=isolate(p.name), zone=i18n.zone_name(p.zone)),
                self.isRightToLeft(),
            )
            for p in self.people
        ]
        self.table.setVerticalHeaderLabels(names)
        # Mixed scripts (Persian, Thai, Latin) measure short in the header: leave some room.
        widest = max(self.fontMetrics().horizontalAdvance(n) for n in names)
        self.table.verticalHeader().setMinimumWidth(widest + 24)
        # Every column says its day, so the day is known wherever the grid is scrolled; the
        # first hour of a day is bold.
        base = self.table.horizontalHeader().defaultSectionSize()
        days = {column.astimezone(zone).date() for column in grid.columns}
        # e.g. "Tue 2", "otrd., 2."; Persian and Thai day names are longer
        day_labels = {d: i18n.format_skeleton(d, "Ed") for d in days}
        width = max(
            [base] + [self.fontMetrics().horizontalAdvance(t) + 16 for t in day_labels.values()]
        )
        bold = QFont(self.font())
        bold.setBold(True)
        previous_day = None
        for c, column in enumerate(grid.columns):
            local = column.astimezone(zone)
            hour = i18n.format_time(local, "short", tz=zone)  # as the slots write it
            header = QTableWidgetItem(f"{day_labels[local.date()]}\n{hour}")
            header.setToolTip(i18n.format_when(local, zone, "full"))
            if local.date() != previous_day:
                header.setFont(bold)
                previous_day = local.date()
            if c in good or c in fair:
                colour = COLOURS["good" if c in good else "compromise"]
                header.setBackground(QBrush(colour))
                header.setForeground(QBrush(text_on(colour)))
            self.table.setColumnWidth(c, width)
            self.table.setHorizontalHeaderItem(c, header)
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(i18n.format_time(cell.local.time(), "short"))
                state: str = cell.state
                if c in good:
                    state = "good"
                elif c in fair and cell.state == "work":
                    state = "compromise"  # at work during a compromise: the others stay grey
                item.setBackground(QBrush(COLOURS[state]))
                item.setForeground(QBrush(text_on(COLOURS[state])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c in good:
                    item.setFont(bold)
                day = i18n.format_skeleton(cell.local, "MMMMEEEEd")  # their wall time
                tip = _("{day}: {state}").format(day=day, state=_(STATE_LABELS[cell.state]))
                if cell.holiday:
                    tip = _("{day}: holiday – {name}").format(day=day, name=isolate(cell.holiday))
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.UserRole, grid.columns[c])
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._fit_height()

    def _fill_list(self, grid: PlannerGrid, zone: ZoneInfo) -> None:
        self.slots.clear()
        if self.no_common is not None:
            self.slots_label.setText(_("Best compromise (your time):"))
            for option in self.no_common.best:
                entry = QListWidgetItem(self._compromise_text(option, zone))
                entry.setData(Qt.ItemDataRole.UserRole, option.start)
                entry.setBackground(QBrush(COLOURS["compromise"].lighter(125)))
                self.slots.addItem(entry)
        else:
            self.slots_label.setText(_("Good for everyone (your time):"))
            for slot in grid.good_slots if len(self.people) > 1 else []:
                text = i18n.format_skeleton(slot, "MMMMEEEEd", tz=zone, time=True)
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, slot)
                self.slots.addItem(entry)
        if self.slots.count():
            self.slots.setCurrentRow(0)
        self.schedule.setEnabled(self.slots.count() > 0)

    def _compromise_text(self, option: Compromise, zone: ZoneInfo) -> str:
        when = _("{day}, {start}–{end}").format(
            day=i18n.format_skeleton(option.start, "MMMMEEEEd", tz=zone),
            start=i18n.format_time(option.start, "short", tz=zone),
            end=i18n.format_time(option.end, "short", tz=zone),
        )
        lines = [when]
        lines += [f"    {self._away_text(away)}" for away in option.away]
        return "\n".join(lines)

    def _away_text(self, away: Away) -> str:
        """ "Ken Sato: off hours", "You: weekend", "Ali Rezaei: holiday – Nowruz"."""
        if away.state == "holiday" and away.holiday:
            state = _("holiday – {name}").format(name=isolate(away.holiday))
        else:
            state = _(STATE_LABELS[away.state])
        return _("{name}: {state}").format(name=isolate(away.participant.label), state=state)

    def _summarize(self, grid: PlannerGrid) -> None:
        if len(self.people) < 2:
            self.summary.setText(_("Add one or more contacts to find hours that suit everyone."))
        elif self.no_common is not None:
            self.summary.setText(self._no_common_text(self.no_common))
        else:
            self.summary.setText(
                _("Double-click a highlighted hour, or choose one in the list, to schedule it.")
            )

    def _no_common_text(self, found: NoCommonHour) -> str:
        lines = [_("No hour is inside everyone's working hours in these days.")]
        if found.obstacles:
            lines.append(_("Who stands in the way:"))
            lines += [f"• {self._obstacle_text(o)}" for o in found.obstacles]
        if not found.best:
            lines.append(_("Nobody is at work in these days. Try more days."))
        elif not found.obstacles:
            lines.append(
                ngettext(
                    "No one person stands in the way: at best, {count} person is outside "
                    "their working hours.",
                    "No one person stands in the way: at best, {count} people are outside "
                    "their working hours.",
                    found.fewest_away,
                ).format(count=i18n.format_number(found.fewest_away))
            )
        if found.best:
            lines.append(
                _("The list shows the best compromise: the hours with the fewest people away.")
            )
        return "\n".join(lines)

    def _obstacle_text(self, obstacle: Obstacle) -> str:
        shared = format_duration(obstacle.shared)
        if obstacle.participant.key == ME:
            return _("You: without you, the others share {time} of working time.").format(
                time=shared
            )
        return _("{name}: without them, the others share {time} of working time.").format(
            name=isolate(obstacle.participant.label), time=isolate(shared)
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
        good = {grid.column_of(slot) for slot in grid.good_slots}
        if column in good or column in self._compromise_columns():
            self.open_schedule(grid.columns[column])

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
        if dialog is not None and run_modal(dialog):
            self.accept()


def _first_working_column(grid: PlannerGrid) -> int | None:
    if not grid.rows:
        return None
    for c, cell in enumerate(grid.rows[0].cells):
        if cell.state == "work":
            return c
    return None
