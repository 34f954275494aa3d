"""The Follow-ups screen: overdue, today, the next 7 days and later, in both zones, with bulk
actions; the text filter finds what Ctrl+K finds ("yilmaz" finds Yılmaz).

Done follow-ups are in no bucket (:func:`~accountdesk.core.queries.followups.follow_up_bucket`):
they are shown neutral, with when they were completed, never as overdue; while "Done" is
chosen the bucket list says "All done" and cannot be changed, so "Overdue" and "Done" are never
chosen together (the bucket chosen before comes back with "Open").

Complete, Snooze (and its presets) and Reschedule (and a double-click) are for open follow-ups:
disabled while only done ones are selected; with open and done ones selected, they act on the
open ones and the status bar says how many done ones were left as they are."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.bidi import ltr
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, ngettext
from accountdesk.core.labels import FOLLOW_UP_STATUS, label
from accountdesk.core.queries.followups import (
    OPEN,
    FollowUpRow,
    Shown,
    follow_up_bucket,
    list_follow_ups,
)
from accountdesk.core.services import calendar_files
from accountdesk.core.timekeeping.recurrence import describe_rrule
from accountdesk.core.timekeeping.reminders import (
    BUCKET_LABELS,
    BUCKETS,
    PRESETS_BY_KEY,
    Bucket,
    BucketBounds,
    SnoozePreset,
    bucket_bounds,
)
from accountdesk.ui import tasks
from accountdesk.ui.accessible import name_field
from accountdesk.ui.clearbutton import clear_button
from accountdesk.ui.colours import ALERT, on_palette
from accountdesk.ui.columns import fit_column, text_width
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import heading
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.flow import FlowLayout
from accountdesk.ui.followups.completion import complete_and_say
from accountdesk.ui.followups.reminders import (
    QUICK_SNOOZE,
    preset_text,
    snooze_and_say,
    snooze_menu,
    snooze_until,
    snoozed_text,
)
from accountdesk.ui.followups.when import zoned, zoned_when
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.listmodel import PLAIN_ROLE, IsolatingTableModel
from accountdesk.ui.modal import run_modal
from accountdesk.ui.pickers import RecordPicker
from accountdesk.ui.rowkeys import add_row_keys

COLUMNS = (
    N_("Due (your time)"),
    N_("Due (their time)"),
    N_("To do"),
    N_("Contact"),
    N_("Account"),
    N_("Repeats"),
    N_("When"),
)
_Index = QModelIndex | QPersistentModelIndex


def completed_text(when: str) -> str:
    """The "When" of a done follow-up, completed at ``when`` (a date and time as written)."""
    # TRANSLATORS: the "When" column of a done follow-up; {when} is the date and time it was
    # completed, in the user's zone ("Completed 21 Nov 2026, 10:00")
    return _("Completed {when}").format(when=when)


def when_samples() -> list[str]:
    """What the "When" column may show, to size it by: the buckets, "Done" and completions."""
    buckets = [_(BUCKET_LABELS[key]) for key in BUCKETS]
    done = label(FOLLOW_UP_STATUS, "done")
    return [*buckets, done, *map(completed_text, i18n.date_samples(time=True))]


class FollowUpModel(IsolatingTableModel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[FollowUpRow] = []
        self.bounds: BucketBounds = bucket_bounds(ctx.now(), ctx.user_zone)

    def set_rows(self, rows: list[FollowUpRow], bounds: BucketBounds | None = None) -> None:
        """Show ``rows``; ``bounds`` are the buckets they were listed with (default: now)."""
        self.beginResetModel()
        self.rows = rows
        self.bounds = bounds or bucket_bounds(self.ctx.now(), self.ctx.user_zone)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, PLAIN_ROLE):
            return self.cell(self.text(row, column), role)
        if role == Qt.ItemDataRole.ForegroundRole and self.bucket(row) == "overdue":
            return on_palette(ALERT)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def text(self, row: FollowUpRow, column: int) -> str:
        if column == 0:
            return i18n.format_when(row.due_at, ZoneInfo(self.ctx.user_zone))
        if column == 1:
            return zoned_when(row.due_at, row.zone)
        if column == 2:
            return row.title
        if column == 3:
            return row.contact_name
        if column == 4:
            return row.account_name
        if column == 5:
            return describe_rrule(row.rrule) if row.rrule else ""
        bucket = self.bucket(row)
        if bucket is not None:  # with the snooze that holds its reminder back
            named = _(BUCKET_LABELS[bucket])
            zone = self.ctx.user_zone
            return snoozed_text(named, row.due_at, row.snoozed_until, self.bounds.now, zone)
        if row.completed_at is None:  # done before completion times were kept
            return label(FOLLOW_UP_STATUS, "done")
        return completed_text(i18n.format_when(row.completed_at, ZoneInfo(self.ctx.user_zone)))

    def bucket(self, row: FollowUpRow) -> Bucket | None:
        """The row's bucket; None when it is done (never overdue)."""
        return follow_up_bucket(row, self.bounds)


class FollowUpsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = FollowUpModel(ctx, self)
        self.bucket = QComboBox(self)
        self.bucket.setObjectName("bucket")
        # as wide as its entries now: its first one becomes "All done" while "Done" is chosen,
        # longer in Thai and Turkish than every entry it was first shown with (it was cut)
        self.bucket.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bucket.addItem(_("All open"), None)
        for key in BUCKETS:
            self.bucket.addItem(_(BUCKET_LABELS[key]), key)
        #: The bucket chosen before "Done" was (it comes back with "Open"); None: keep.
        self._open_bucket: int | None = None
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        for status, name in FOLLOW_UP_STATUS.items():
            self.status.addItem(_(name), status)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(_("Filter by title, contact or account"))
        clear_button(self.filter)
        name_field(self.filter, _("Filter follow-ups"))  # for a screen reader
        self.table = QTableView(self)
        name_field(self.table, _("Follow-ups"))
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        cut_titles(self.table)
        self.table.verticalHeader().hide()
        em = self.fontMetrics().horizontalAdvance("M")
        due = i18n.date_samples(time=True)  # the first column's dates, in the language
        for column, width in enumerate((12, 20, 19, 15, 18, 13)):
            # at least as wide as the column's title in the language ("Son tarih (sizin
            # saatiniz)" is wider than 12 em) and as its dates ("2026. gada 24. nov. 10:00");
            # "their time" with the places of the rows too (_fit_their_time)
            fit_column(self.table, column, due if column == 0 else (), width * em)
        # the last column stretches when there is room; else it is wide enough for "Completed
        # 21 Nov 2026, 10:00" (the default width cut it to "Completed 21 …")
        fit_column(self.table, len(COLUMNS) - 1, when_samples())
        self.table.doubleClicked.connect(self.reschedule)
        # the keys of every list (ui/rowkeys.py): Return and F2 reschedule as a double-click
        # does, Delete moves to the trash; the keyboard had only the buttons here
        add_row_keys(
            self.table,
            open_row=(_("Reschedule…"), self.reschedule),
            edit_row=(_("Reschedule…"), self.reschedule),
            trash_row=(_("Delete"), self.delete),
        )
        self._select_after_reload: set[str] = set()
        self._loads = 0  # how many reloads were asked for: only the last one's rows show

        # as the other screens' titles: 18 px was smaller than the text under it at 15 pt
        title = heading(_("Follow-ups"), 1.4)
        filters = QHBoxLayout()
        for widget in (self.bucket, self.status, self.filter):
            filters.addWidget(widget)
        actions = FlowLayout()  # wraps: eight in a row made the window wider than the screen
        #: The buttons that act on open follow-ups only (disabled when only done ones are
        #: selected).
        self.open_only: list[QPushButton] = []
        action_buttons: list[QPushButton] = []
        for text, slot, name in (
            (_("New…"), self.new, "new"),
            (_("Complete"), self.complete, "complete"),
            (_("Snooze"), self.snooze, "snooze"),
            (_("Reschedule…"), self.reschedule, "reschedule"),
            (_("Delete"), self.delete, "delete"),
            (_("Meeting planner…"), self.planner, "planner"),
            # the file type is a Latin run kept in order (ltr): else a Persian label shows its
            # dot after "ics" and the ellipsis before it
            (_("Export {file_type}…").format(file_type=ltr(".ics")), self.export, "export"),
            (_("Import {file_type}…").format(file_type=ltr(".ics")), self.import_file, "import"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
            action_buttons.append(button)
            if name == "snooze":
                button.setMenu(snooze_menu(button, self.snooze_preset, self.snooze_text))
                self.snooze_button = button
            if name in ("complete", "snooze", "reschedule"):
                self.open_only.append(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table)
        self.empty_note = EmptyNote(self.table)
        # Tab as the screen reads, top to bottom: the filters, the buttons, then the list (it
        # came before the buttons above it); the reminder bar is the window's, above them
        reading: list[QWidget] = [self.bucket, self.status, self.filter, *action_buttons]
        # the list after the last button first: the chain below is then built in front of it
        QWidget.setTabOrder(action_buttons[-1], self.table)
        for before, after in itertools.pairwise(reading):
            QWidget.setTabOrder(before, after)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.bucket.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.reload)
        self.filter.textChanged.connect(lambda _text: self._debounce.start())
        ctx.changed.connect(lambda _kind: self.reload())
        self.reload()

    # --- data ---------------------------------------------------------------------------

    def focus_field(self) -> QWidget:
        """Where the View menu puts the keyboard: type to filter."""
        return self.filter

    def _match_bucket_to_status(self) -> None:
        """Buckets are for open follow-ups: while "Done" is chosen the bucket list reads "All
        done" and is disabled; back on "Open" it shows the bucket chosen before."""
        done = self.status.currentData() == "done"
        self.bucket.blockSignals(True)
        if done:
            if self.bucket.isEnabled():
                self._open_bucket = self.bucket.currentIndex()
            self.bucket.setCurrentIndex(0)
        elif not self.bucket.isEnabled():
            if self._open_bucket is not None:
                self.bucket.setCurrentIndex(self._open_bucket)
            self._open_bucket = None
        self.bucket.setItemText(0, _("All done") if done else _("All open"))
        self.bucket.setEnabled(not done)
        self.bucket.setToolTip(
            _("The periods are for open follow-ups: choose “Open” to use them.") if done else ""
        )
        self.bucket.blockSignals(False)

    def reload(self) -> None:
        self._match_bucket_to_status()
        db, now, zone = self.ctx.db, self.ctx.now(), self.ctx.user_zone
        bounds = bucket_bounds(now, zone)
        due = self.bucket.currentData()
        status = self.status.currentData()
        text = self.filter.text().strip() or None
        self._loads += 1
        load = self._loads
        tasks.run(
            lambda: list_follow_ups(
                db, now=now, user_zone=zone, due=due, status=status, text=text, limit=5000
            ),
            lambda rows: self._show_rows(rows, bounds, load),
            owner=self,  # dropped when the screen is gone (the window built again)
        )

    def show_bucket(self, bucket: Bucket | None) -> None:
        """List the open follow-ups of ``bucket`` (all open ones for None), unfiltered: what
        Today's "Show all" opens."""
        widgets = (self.filter, self.status, self.bucket)
        for widget in widgets:
            widget.blockSignals(True)
        self.filter.clear()
        self.status.setCurrentIndex(self.status.findData("open"))
        self._open_bucket = None  # the bucket asked for, not the one before "Done"
        self.bucket.setCurrentIndex(0 if bucket is None else self.bucket.findData(bucket))
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def _show_rows(self, rows: list[FollowUpRow], bounds: BucketBounds, load: int) -> None:
        """Show the rows of the ``load``-th reload, unless a later one is on its way (a
        reminder's "Show them" on a screen it made: the first load took the selection asked
        for, and the second, the one asked for, came without it)."""
        if load != self._loads:
            return
        self.model.set_rows(rows, bounds)
        self._fit_their_time(rows)
        self.empty_note.say(None if rows else self.empty_text())
        wanted, self._select_after_reload = self._select_after_reload, set()
        if wanted:
            self.select_ids(wanted)

    def _fit_their_time(self, rows: list[FollowUpRow]) -> None:
        """The "their time" column as wide as its dates with the places of ``rows`` after
        them, up to 30 em: a Latvian or Slovenian date is long, and "24. nov. 2026, 09:00
        (Ciudad de …" hid the place the time is of."""
        days = i18n.date_samples(time=True)
        texts = [zoned(day, zone) for zone in {row.zone for row in rows} for day in days]
        most = 30 * self.fontMetrics().horizontalAdvance("M")
        fit_column(self.table, 1, (), min(text_width(self.table, texts), most))

    def empty_text(self) -> str:
        """What the list says when it has no rows, by what is chosen above it."""
        if self.filter.text().strip():
            return _("No follow-up matches the filter.")
        if self.status.currentData() == "done":
            return _("No follow-up has been completed yet.")
        if self.bucket.currentData() is not None:
            return _("No open follow-ups in this period.")
        return _(
            "No open follow-ups. Schedule one with New… above, or from a contact's page "
            "(Schedule follow-up…)."
        )

    def select_ids(self, ids: set[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r, row in enumerate(self.model.rows):
            if row.id in ids:
                selection.select(self.model.index(r, 0), flags)

    def selected_rows(self) -> list[FollowUpRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def selected_ids(self) -> list[str]:
        return [row.id for row in self.selected_rows()]

    def _selection_changed(self) -> None:
        """Complete, Snooze and Reschedule are for open follow-ups: disabled (saying why)
        while every selected one is done."""
        rows = self.selected_rows()
        done = sum(1 for row in rows if row.status != OPEN)
        only_done = bool(rows) and done == len(rows)
        why = (
            ngettext(
                "The selected follow-up is done.",
                "The selected follow-ups are all done.",
                done,
            )
            if only_done
            else ""
        )
        for button in self.open_only:
            button.setEnabled(not only_done)
            button.setToolTip(why)

    def snooze_until(self, preset: SnoozePreset) -> datetime:
        """When ``preset`` snoozes to now, by the user's own calendar (Settings → Me)."""
        return snooze_until(self.ctx, preset)

    def snooze_text(self, preset: SnoozePreset) -> str:
        """``preset`` as the snooze menus name it now, with the day and time it snoozes to."""
        return preset_text(preset, self.snooze_until(preset), self.ctx.user_zone)

    def show_follow_ups(self, ids: set[str]) -> None:
        """Every open follow-up, with ``ids`` selected (a reminder's "Show them")."""
        self._select_after_reload = set(ids)
        self.show_bucket(None)

    # --- actions ------------------------------------------------------------------------

    def _require_selection(self) -> list[str]:
        ids = self.selected_ids()
        if not ids:
            self.ctx.status.emit(_("Select one or more follow-ups first."))
        return ids

    def _require_open(self, said: list[str] | None = None) -> list[Shown]:
        """The open follow-ups of the selection as the list shows them (Complete, Snooze,
        Reschedule); the status bar says how many done ones are left as they are (``said``:
        added to it instead, for an action that says more)."""
        rows = self.selected_rows()
        if not rows:
            self.ctx.status.emit(_("Select one or more follow-ups first."))
            return []
        done = sum(1 for row in rows if row.status != OPEN)
        if done:
            left = ngettext(
                "{n} done follow-up was left as it is.",
                "{n} done follow-ups were left as they are.",
                done,
            ).format(n=i18n.format_number(done))
            if said is None:
                self.ctx.status.emit(left)
            else:
                said.append(left)
        return [row.shown for row in rows if row.status == OPEN]

    def new(self) -> None:
        from accountdesk.ui.followups.schedule import ScheduleDialog

        run_modal(ScheduleDialog(self.ctx, parent=self))

    def complete(self) -> None:
        """Complete the selected open follow-ups, undoably; the status bar says how many."""
        said: list[str] = []
        shown = self._require_open(said)
        if shown:
            complete_and_say(self.ctx, shown, said=said)
        elif said:
            self.ctx.status.emit(" ".join(said))

    def snooze_preset(self, key: str) -> None:
        """Snooze the selected follow-ups by the snooze preset ``key``."""
        self.snooze(self.snooze_until(PRESETS_BY_KEY[key]))

    def snooze(self, until: datetime | None = None) -> None:
        """Remind again at ``until`` (default: the quick snooze, 1 h)."""
        said: list[str] = []
        shown = self._require_open(said)
        if shown:
            until = until or self.snooze_until(PRESETS_BY_KEY[QUICK_SNOOZE])
            snooze_and_say(self.ctx, shown, until, said)
        elif said:
            self.ctx.status.emit(" ".join(said))

    def reschedule(self) -> None:
        from accountdesk.ui.followups.schedule import ScheduleDialog

        for follow_up_id in (s.id for s in self._require_open()):  # one dialog each; Cancel stops
            dialog = ScheduleDialog(self.ctx, follow_up_id=follow_up_id, parent=self)  # as stored
            if not run_modal(dialog):
                break

    def delete(self) -> None:
        for follow_up_id in self._require_selection():
            row = next(r for r in self.model.rows if r.id == follow_up_id)
            self.ctx.delete("follow_up", follow_up_id, row.title)

    def planner(self) -> None:
        from accountdesk.ui.followups.planner import PlannerDialog

        ids = self.selected_ids()
        contacts = list(
            dict.fromkeys(
                r.contact_id for r in self.model.rows if r.id in ids and r.contact_id is not None
            )
        )
        run_modal(PlannerDialog(self.ctx, contacts, self))

    def export(self) -> None:
        ids = self.selected_ids() or None
        rows = [r for r in self.model.rows if ids is None or r.id in ids]
        left_out = sum(1 for row in rows if not calendar_files.exported(row))
        if rows and left_out == len(rows):  # "Done" chosen: nothing a calendar shows
            QMessageBox.information(
                self,
                _("Export follow-ups"),
                _("Only open follow-ups are exported to a calendar, and these are all done."),
            )
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export follow-ups"),
            # TRANSLATORS: the file name suggested when exporting follow-ups
            _("follow-ups.ics"),
            _("iCalendar (*.ics)"),
        )
        if not path:
            return
        try:
            count = self.export_to(Path(path), ids)
        except UserError as exc:
            QMessageBox.warning(self, _("Export follow-ups"), exc.message)
            return
        said = ngettext("Exported {n} follow-up.", "Exported {n} follow-ups.", count).format(
            n=i18n.format_number(count)
        )
        if left_out:
            said += " " + ngettext(
                "{n} done follow-up was left out.", "{n} done follow-ups were left out.", left_out
            ).format(n=i18n.format_number(left_out))
        self.ctx.status.emit(said)
        notes = count.notes()  # a series written only in part: until when, as import says
        if notes:
            QMessageBox.information(self, _("Export follow-ups"), "\n\n".join([said, *notes]))

    def export_to(
        self, path: Path, ids: list[str] | None = None
    ) -> calendar_files.ExportedFollowUps:
        """Write the open ones of the listed follow-ups (only ``ids`` when given) to the .ics
        file ``path`` (:func:`~accountdesk.core.services.calendar_files.exported`)."""
        rows = [r for r in self.model.rows if ids is None or r.id in ids]
        return calendar_files.export_follow_ups(path, rows, self.ctx.clock)

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import follow-ups"), "", _("iCalendar (*.ics)")
        )
        if not path:
            return
        ids = self.selected_ids()
        row = next((r for r in self.model.rows if ids and r.id == ids[0]), None)
        contact_id = choose_contact(self.ctx, row.contact_id if row else None, self)
        if contact_id is None:
            return
        try:
            done = self.import_from(Path(path), contact_id)
        except UserError as exc:
            QMessageBox.warning(self, _("Import follow-ups"), exc.message)
            return
        imported = ngettext("Imported {n} follow-up.", "Imported {n} follow-ups.", len(done))
        imported = imported.format(n=i18n.format_number(len(done)))
        self.ctx.status.emit(imported)
        notes = done.notes()
        if notes:
            QMessageBox.information(self, _("Import follow-ups"), "\n\n".join([imported, *notes]))

    def import_from(self, path: Path, contact_id: str) -> calendar_files.ImportedFollowUps:
        """Add the events of an .ics file as follow-ups with ``contact_id``."""
        return self.ctx.write(
            "follow_up",
            lambda: calendar_files.import_follow_ups(self.ctx.db, path, contact_id, self.ctx.clock),
        )


def choose_contact(
    ctx: AppContext, preset: str | None = None, parent: QWidget | None = None
) -> str | None:
    """Ask which contact imported events belong to (``preset`` offered first)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Import follow-ups"))
    picker = RecordPicker(ctx.db, "contact", dialog)
    picker.setObjectName("contact")
    picker.setPlaceholderText(_("Type a name, e-mail or city"))
    if preset is not None:
        from accountdesk.core.queries.details import contact_detail

        picker.set_record(preset, contact_detail(ctx.db, preset).name)
    form = QFormLayout(dialog)
    hint = QLabel(_("The events in the file become follow-ups with this contact."), dialog)
    hint.setWordWrap(True)
    form.addRow(hint)
    form.addRow(_("Contact"), picker)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    dialog.resize(460, dialog.sizeHint().height())
    if not run_modal(dialog) or picker.record_id is None:
        return None
    return picker.record_id
