"""The offline copy of a team server in the main window (core/db/sync.py): a status in the
status bar (synchronised when, offline, changes to send, conflicts), synchronisation at start,
every few minutes and on demand, always on a worker thread, and the conflicts dialog.

The status is a button: it opens the dialog, which lists each conflict in one sentence of the
user's language (the record, the field's label, both values, who and when) with *Keep mine*
and *Keep theirs*, and the server's refusals with *Dismiss*.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.db import sync
from accountdesk.core.db.errors import PasswordRequired, WrongPassword
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _
from accountdesk.ui import tasks
from accountdesk.ui.accessible import name_field

if TYPE_CHECKING:
    from accountdesk.ui.context import AppContext

#: How often the copy synchronises in the background, in milliseconds (five minutes).
INTERVAL_MS = 5 * 60 * 1000
#: What a synchronisation may have changed: every screen that lists these reloads.
_KINDS = ("account", "contact", "interaction", "follow_up", "deal", "note", "gift", "survey")


class SyncControl(QObject):
    """Synchronises the copy ``ctx.db`` on a worker thread (one run at a time) and keeps the
    status button up to date."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self._asked = False
        self.button = QToolButton(parent)
        self.button.setObjectName("syncStatus")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.show_conflicts)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        self.refresh()

    def start(self) -> None:
        """Synchronise now and then every :data:`INTERVAL_MS`."""
        self.timer.start()
        self.sync_now()

    def refresh(self) -> None:
        found = sync.status(self.ctx.db)
        shown = sync.status_line(found, self.ctx.user_zone)
        if self.running:
            shown = sync.separator().join((_("Synchronising…"), shown))
        self.button.setText(shown)
        tip = _("Show the conflicts and the changes the server refused")
        if found.last_error:
            tip = found.last_error + "\n" + tip
        self.button.setToolTip(tip)
        # conflicts wait for the user: seen at a glance, as the read-only banner is
        self.button.setStyleSheet(
            "QToolButton { background: #fff3cd; color: #5c4400; font-weight: bold; "
            "padding: 1px 8px; border-radius: 3px; }"
            if found.conflicts
            else ""
        )
        name_field(self.button, shown)

    def sync_now(self, *, asked: bool = False) -> None:
        """Synchronise on a worker thread; ``asked``: the user asked (the menu), so a password
        the server wants and nothing had is asked for (never in the background)."""
        if self.running:
            return
        self.running = True
        self._asked = asked
        self.refresh()
        db = self.ctx.db
        tasks.run(lambda: sync.synchronise(db), self._done, self._failed, owner=self.button)

    def _done(self, report: sync.SyncReport) -> None:
        self.running = False
        self.refresh()
        if report.received or report.erased or report.conflicts or report.refused:
            for kind in _KINDS:
                self.ctx.changed.emit(kind)
        if report.conflicts or report.refused:
            self.ctx.status.emit(" ".join(report.lines()[2:]))

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.refresh()  # the copy keeps the reason (offline, a password needed …)
        if self._asked and isinstance(exc, PasswordRequired | WrongPassword):
            if self.ask_password(exc):
                self.sync_now()
            return
        if not isinstance(exc, UserError):
            # a bug: the copy keeps it said in words (the status shows that it failed, its
            # tooltip why), it is said now, and its trace goes where a bug's goes, without
            # stopping the app every five minutes
            traceback.print_exception(exc, file=sys.stderr)
            self.ctx.status.emit(sync.status(self.ctx.db).last_error or str(exc))
            return
        if self._asked:
            self.ctx.status.emit(str(exc))

    def ask_password(self, refused: BaseException) -> bool:
        """The server's password, asked in the sign-in dialog (Remember keeps it in the
        keyring) and checked; whether it was taken."""
        from PySide6.QtWidgets import QMessageBox

        from accountdesk.core.db import credentials
        from accountdesk.core.db.engine import sign_in
        from accountdesk.ui.modal import asking_again
        from accountdesk.ui.server_login import PasswordDialog

        url = sync.server_of(self.ctx.db)
        dialog = PasswordDialog(url, self.button.window())
        dialog.setObjectName("syncPasswordDialog")
        cancel = dialog.findChild(QDialogButtonBox)
        if cancel is not None and (button := cancel.button(QDialogButtonBox.StandardButton.Cancel)):
            button.setText(_("Cancel"))  # not the start's "Quit": the app goes on offline
        if isinstance(refused, WrongPassword):
            dialog.show_error(refused.message)
        with asking_again(dialog) as ask:
            while ask() == QDialog.DialogCode.Accepted:
                try:
                    sign_in(url, dialog.password())
                except WrongPassword as exc:
                    dialog.show_error(exc.message)
                    continue
                except UserError as exc:  # the server went away meanwhile
                    self.ctx.status.emit(str(exc))
                    return False
                if dialog.wants_remember():
                    try:
                        credentials.remember(url, dialog.password())
                    except UserError as exc:
                        QMessageBox.warning(self.button.window(), _("AccountDesk"), exc.message)
                return True
        return False

    def show_conflicts(self) -> None:
        from accountdesk.ui.modal import run_modal

        run_modal(ConflictsDialog(self.ctx, parent=self.button.window()))
        self.refresh()


class ConflictsDialog(QDialog):
    """Each conflict the copy keeps, in the user's words, and the choice of whose value stays."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncConflicts")
        self.setWindowTitle(_("Synchronisation conflicts"))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        name_field(self.list, _("Conflicts"))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton(_("Keep mine"))
        self.keep_theirs = QPushButton(_("Keep theirs"))
        self.dismiss = QPushButton(_("Dismiss"))
        for button in (self.keep_mine, self.keep_theirs, self.dismiss):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))  # Qt's own word stayed English in Persian
        buttons.rejected.connect(self.reject)
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.dismiss.clicked.connect(lambda: self._resolve("theirs"))
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        found = sync.conflicts(self.ctx.db)
        for conflict in found:
            item = QListWidgetItem(conflict.text)
            item.setData(Qt.ItemDataRole.UserRole, conflict)
            item.setToolTip(conflict.text)
            self.list.addItem(item)
        intro = (
            _(
                "These fields were changed both here and on the server, or the server did "
                "not take a change. Choose whose value to keep; your choice is sent at the "
                "next synchronisation."
            )
            if found
            else _("There are no conflicts.")
        )
        state = sync.status(self.ctx.db)
        if state.failed and state.last_error:  # why the last synchronisation stopped
            intro = state.last_error + "\n\n" + intro
        self.intro.setText(intro)
        if found:
            self.list.setCurrentRow(0)
        self._enable()

    def _current(self) -> sync.Conflict | None:
        item = self.list.currentItem()
        if item is None:
            return None
        found = item.data(Qt.ItemDataRole.UserRole)
        return found if isinstance(found, sync.Conflict) else None

    def _enable(self) -> None:
        conflict = self._current()
        choose = conflict is not None and conflict.can_choose
        self.keep_mine.setVisible(conflict is None or choose)
        self.keep_theirs.setVisible(conflict is None or choose)
        self.dismiss.setVisible(conflict is not None and not choose)
        for button in (self.keep_mine, self.keep_theirs, self.dismiss):
            button.setEnabled(conflict is not None)

    def _resolve(self, keep: str) -> None:
        conflict = self._current()
        if conflict is None:
            return
        sync.resolve(self.ctx.db, conflict.id, keep)
        for kind in _KINDS[:2]:
            self.ctx.changed.emit(kind)
        self.reload()
