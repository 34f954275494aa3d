"""File → Backups…: this database's backups (when, size, schema, why), Restore, Back up now,
and Restore from a file… (a backup kept elsewhere: a copy from another computer, or taken
before this database was made, so of another database: restored after the user says so).

A restore replaces the whole database after backing up what it holds now
(:func:`accountdesk.core.db.backup.restore_backup`); the window is then built again on the
restored data (``MainWindow.database_replaced``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from accountdesk.core.bidi import ltr
from accountdesk.core.db import backup as backups
from accountdesk.core.db import crypto
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


def confirm_restore_file(parent: QWidget, path: Path) -> bool:
    return ask_yes(
        parent,
        _("Restore a backup"),
        _(
            "Replace everything in the database by the backup {file}? What it holds now is "
            "backed up first."
        ).format(file=ltr(str(path))),
    )


def confirm_foreign(parent: QWidget, path: Path) -> bool:
    return ask_yes(
        parent,
        _("Restore a backup"),
        _(
            "{file} is a backup of another database (from another computer, or from before "
            "this database was made). Restore it all the same? What the database holds now is "
            "backed up first."
        ).format(file=ltr(str(path))),
    )


def choose_backup_file(parent: QWidget) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Restore from a file"),
        "",
        ";;".join([_("AccountDesk databases and backups (*.db)"), _("All files (*)")]),
    )
    return Path(path) if path else None


def ask_backup_passphrase(parent: QWidget | None, path: Path) -> str | None:
    """The passphrase of an encrypted backup (the database may have been decrypted or given
    another passphrase since it was taken), asked until it opens it; None: cancelled."""
    from accountdesk.ui.security import PassphraseDialog, prompt

    def take(text: str) -> str:
        if not crypto.opens(path, text):
            raise crypto.WrongPassphrase(crypto.wrong_message(path))
        return text

    dialog = PassphraseDialog(
        _("Restore a backup"),
        _(
            "The backup {file} was taken while the database was encrypted. Give the "
            "passphrase it had then; the database comes back encrypted."
        ).format(file=ltr(str(path))),
        parent=parent,
    )
    return prompt(dialog, take)


def offer_recovery(parent: QWidget, path: Path, reason: str) -> bool:
    """At start, for a database file that cannot be opened (damaged, not a database): offer
    its newest backup, then a backup from a file, and restore the one chosen without opening
    the file, which is kept beside it (:func:`accountdesk.core.db.backup.recover`). True when
    a backup was restored; False: the user declined, or the restore was refused (said)."""
    from accountdesk.core.timekeeping.zones import user_zone

    found = backups.backups_of_file(path)
    chosen: Path | None = None
    if found:
        question = _(
            "{reason}\n\nRestore its newest backup, of {when}? The damaged file is kept beside it."
        ).format(reason=reason, when=fmt.when(found[0].taken_at, user_zone()))
        if ask_yes(parent, _("Restore a backup"), question):
            chosen = found[0].path
    if chosen is None:
        question = (
            _("{reason}\n\nRestore a backup from a file? The damaged file is kept beside it.")
            if not found
            else _("Restore a backup from a file instead? The damaged file is kept beside it.")
        ).format(reason=reason)
        if not ask_yes(parent, _("Restore a backup"), question):
            return False
        chosen = choose_backup_file(parent)
        if chosen is None:
            return False
    force = False
    key: str | None = None
    while True:
        try:
            kept = backups.recover(path, chosen, passphrase=key, force=force)
        except (crypto.PassphraseRequired, crypto.WrongPassphrase):
            key = ask_backup_passphrase(parent, chosen)
            if key is None:
                return False
            continue
        except backups.ForeignBackupError:
            if not force and confirm_foreign(parent, chosen):
                force = True
                continue
            return False
        except UserError as error:
            QMessageBox.warning(parent, _("Backups"), error.message)
            return False
        break
    QMessageBox.information(
        parent,
        _("Restore a backup"),
        _("The backup {file} was restored; the file it replaced is kept as {kept}.").format(
            file=ltr(chosen.name), kept=ltr(str(kept or path))
        ),
    )
    return True


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
                (N_("Why"), lambda b: self._why(b)),
            ],
            [
                (_("Restore…"), self.restore_current),
                (_("Back up now"), self.back_up_now),
                (_("Restore from a file…"), self.restore_file),
            ],
            stretch=3,
            below=self.where,
            empty=_("No backups yet. Back up now makes one."),
            parent=parent,
        )
        self.view.setObjectName("backupList")

    @staticmethod
    def _why(backup: backups.Backup) -> str:
        if backup.encrypted:  # restored with the passphrase it was taken with
            return _("{why}, encrypted").format(why=backup.kind_label)
        return backup.kind_label

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
        self.buttons[2].setEnabled(not self.ctx.db.read_only)
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
        if self._restore(backup.path):
            self._done(
                _(
                    "The backup of {when} was restored; what the database held before is a "
                    "backup too."
                ).format(when=self._when(backup))
            )

    def restore_file(self) -> None:
        """Restore from a file…: a backup chosen anywhere; one of another database only
        after the user says so (its data then goes on as this database)."""
        path = choose_backup_file(self)
        if path is None or not confirm_restore_file(self, path):
            return
        if self._restore(path, foreign_ok=True):
            self._done(
                _(
                    "The backup {file} was restored; what the database held before is a backup too."
                ).format(file=ltr(str(path)))
            )

    def _restore(self, path: Path, *, foreign_ok: bool = False) -> bool:
        """Restore ``path``; a refusal is said in a message box (nothing was changed)."""
        tasks.wait_all()  # no job may be reading or writing the database meanwhile
        force = False
        key: str | None = None
        while True:
            try:
                backups.restore_backup(
                    self.ctx.db, path, force=force, clock=self.ctx.clock, passphrase=key
                )
            except (crypto.PassphraseRequired, crypto.WrongPassphrase):
                key = ask_backup_passphrase(self, path)
                if key is None:
                    return False
                continue
            except backups.ForeignBackupError as error:
                if foreign_ok and not force and confirm_foreign(self, path):
                    force = True
                    continue
                if not foreign_ok:
                    QMessageBox.warning(self, _("Backups"), error.message)
                return False
            except UserError as error:
                QMessageBox.warning(self, _("Backups"), error.message)
                return False
            return True

    def _done(self, said: str) -> None:
        # said here, not in the status bar: the window is built again on the restored data
        # (MainWindow.database_replaced), and the old window's status bar went with it
        self.restored = True
        QMessageBox.information(self, _("Restore a backup"), said)
        self.accept()
