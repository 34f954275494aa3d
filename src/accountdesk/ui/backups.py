"""File → Backups…: this database's backups (when, size, schema, why), Restore and Back up now.

A restore replaces the whole database after backing up what it holds now
(:func:`accountdesk.core.db.backup.restore_backup`); the window is then built again on the
restored data (``MainWindow.database_replaced``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from accountdesk.core.bidi import ltr
from accountdesk.core.db import backup as backups
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, format_size, localize_digits
from accountdesk.ui import fmt, tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.listdialog import ListDialog, ask_yes


def confirm_restore(parent: QWidget, when: str) -> bool:
    return ask_yes(
        parent,
        _("Restore a backup"),
        _(
            "Replace everything in the database by the backup of {when}? What it holds now is "
            "backed up first."
        ).format(when=when),
    )


class BackupsDialog(ListDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        self.restored = False
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().__init__(
            _("Backups"),
            [
                (N_("Taken"), lambda b: self._when(b)),
                (N_("Size"), lambda b: ltr(format_size(b.size))),
                (N_("Schema"), lambda b: ltr(localize_digits(b.schema or "-"))),
                (N_("Why"), lambda b: b.kind_label),
            ],
            [(_("Restore…"), self.restore_current), (_("Back up now"), self.back_up_now)],
            stretch=3,
            below=self.where,
            empty=_("No backups yet. Back up now makes one."),
            parent=parent,
        )
        self.view.setObjectName("backupList")

    def _when(self, backup: backups.Backup) -> str:
        return fmt.when(backup.taken_at, self.ctx.user_zone)

    def reload(self) -> None:
        self.model.set_items(backups.list_backups(self.ctx.db))
        folder = backups.backup_folder(self.ctx.db)
        self.where.setText(
            _("Backups are kept in {folder}.").format(folder=ltr(str(folder)))
            if folder is not None
            else _("This database is read-only and has no backups yet.")
        )
        self.buttons[0].setEnabled(bool(self.model.items) and not self.ctx.db.read_only)
        if self.model.items:
            # not selectRow(0): in a right-to-left window it looks for the column one pixel
            # past the last one and chooses nothing, so Restore… did nothing
            self.view.setCurrentIndex(self.model.index(0, 0))

    def back_up_now(self) -> None:
        try:
            made = backups.make_backup(self.ctx.db, self.ctx.clock)
        except UserError as error:
            QMessageBox.warning(self, _("Backups"), error.message)
            return
        self.ctx.status.emit(_("Backed up ({size}).").format(size=format_size(made.size)))
        self.reload()

    def restore_current(self) -> None:
        backup: backups.Backup | None = self.current()
        if backup is None or not confirm_restore(self, self._when(backup)):
            return
        tasks.wait_all()  # no job may be reading or writing the database meanwhile
        try:
            backups.restore_backup(self.ctx.db, backup.path, clock=self.ctx.clock)
        except UserError as error:
            QMessageBox.warning(self, _("Backups"), error.message)
            return
        self.restored = True
        # said here, not in the status bar: the window is built again on the restored data
        # (MainWindow.database_replaced), and the old window's status bar went with it
        QMessageBox.information(
            self,
            _("Restore a backup"),
            _(
                "The backup of {when} was restored; what the database held before is a backup too."
            ).format(when=self._when(backup)),
        )
        self.accept()
