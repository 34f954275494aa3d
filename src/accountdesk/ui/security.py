"""Encryption in the desktop app: the passphrase at start, Settings → Encrypt / Change passphrase
/ Decrypt, and the lock after an idle time (``security.lock_after_minutes``).

The rules (which file is encrypted, where a passphrase comes from, how a file is converted)
live in :mod:`accountdesk.core.db.crypto`; this module only asks and shows. A conversion needs
the database alone, so it runs on the GUI thread with the app's connections closed (a few
seconds at most), then the same :class:`Database` object takes the new engine, and every
screen keeps working.

Locking covers every open window with an opaque panel and asks for the passphrase in an
application-modal dialog: nothing is closed, no edit is lost, and nothing behind the panel can
be read or clicked until the passphrase is given. Only an encrypted database locks (a plain one
has no passphrase to ask for).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import settings
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.db import crypto
from accountdesk.core.db.engine import Database, database_url, open_database, sqlite_path
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, ngettext
from accountdesk.ui.context import AppContext
from accountdesk.ui.modal import asking_again, run_modal

LOCK_SETTING = "security.lock_after_minutes"


def _app() -> str:
    """The app's name as a sentence names it, isolated: a Persian sentence that began with it
    was laid out left to right and read backwards from the right ("AccountDesk قفل است.")."""
    return isolate(_("AccountDesk"))


T = TypeVar("T")


class PassphraseDialog(QDialog):
    """Asks for a passphrase; ``confirm``: a second field that must match and the length rule
    (setting a passphrase); ``remember``: a "keep it in the system keyring" box; ``refuse``:
    why a passphrase typed is not taken (None: taken), said in the dialog, which stays."""

    def __init__(
        self,
        title: str,
        message: str,
        *,
        confirm: bool = False,
        remember: bool = False,
        cancel_text: str | None = None,
        label: str | None = None,
        refuse: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.refuse = refuse
        self.setWindowTitle(title)
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)
        self.confirm = confirm
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.field = QLineEdit()
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label or _("Passphrase:"), self.field)
        self.again: QLineEdit | None = None
        if confirm:
            self.again = QLineEdit()
            self.again.setObjectName("passphraseAgain")
            self.again.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(_("Once more:"), self.again)
        layout.addLayout(form)
        self.remember: QCheckBox | None = None
        if remember:
            self.remember = QCheckBox(_("Remember it in the system keyring"))
            layout.addWidget(self.remember)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if cancel_text is not None:
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            if cancel is not None:
                cancel.setText(cancel_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.adjustSize()
        self.field.setFocus()

    def passphrase(self) -> str:
        return self.field.text()

    def wants_remember(self) -> bool:
        return self.remember is not None and self.remember.isChecked()

    def show_error(self, text: str) -> None:
        """Show why the last passphrase was not taken; the fields are emptied for a retry."""
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # room for the wrapped lines (a top-level layout does not grow alone)
        self.field.clear()
        if self.again is not None:
            self.again.clear()
        self.field.setFocus()

    def accept(self) -> None:
        if self.confirm:
            try:
                crypto.check_new_passphrase(self.passphrase())
            except UserError as exc:
                self.show_error(exc.message)
                return
            if self.again is not None and self.again.text() != self.passphrase():
                self.show_error(_("The two passphrases differ."))
                return
        reason = None if self.refuse is None else self.refuse(self.passphrase())
        if reason is not None:
            self.show_error(reason)
            return
        super().accept()


def _accepted(dialog: QDialog) -> bool:
    return bool(run_modal(dialog) == QDialog.DialogCode.Accepted)


def prompt(dialog: PassphraseDialog, take: Callable[[str], T]) -> T | None:
    """The one passphrase prompt: show ``dialog`` until ``take(passphrase)`` accepts what was
    typed and returns its result; a wrong passphrase (``take`` raises
    :class:`~accountdesk.core.db.crypto.WrongPassphrase`) is said in the dialog, which asks
    again, and so is an empty field (never handed to ``take``: SQLCipher refuses an empty
    key). None: the user cancelled."""
    with asking_again(dialog) as ask:
        while ask() == QDialog.DialogCode.Accepted:
            text = crypto.entered(dialog.passphrase())
            if text is None:
                dialog.show_error(crypto.empty_message())
                continue
            try:
                return take(text)
            except crypto.WrongPassphrase as exc:
                dialog.show_error(exc.message)
    return None


# --- start ------------------------------------------------------------------------------


def open_with_dialog(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the database; when it is encrypted and neither ``ACCOUNTDESK_PASSPHRASE`` nor the
    keyring has its passphrase, ask for it (again after a wrong one). None: the user cancelled.
    Other problems raise :class:`UserError` as :func:`open_database` does."""
    try:
        return open_database(target)
    except crypto.PassphraseRequired:
        pass
    path = sqlite_path(database_url(target))
    dialog = PassphraseDialog(
        _("AccountDesk is encrypted"),
        _("The database at {path} is encrypted. Give its passphrase to open it.").format(
            path=ltr(str(path))
        ),
        cancel_text=_("Quit"),
        parent=parent,
    )
    return prompt(dialog, lambda text: open_database(target, passphrase=text))


# --- Settings: encrypt, change passphrase, decrypt, idle lock ---------------------------


def _current(db: Database, text: str) -> bool:
    """True when ``text`` is the open database's passphrase; WrongPassphrase otherwise."""
    if db.passphrase is None or not hmac.compare_digest(
        text.encode("utf-8"), db.passphrase.encode("utf-8")
    ):
        raise crypto.WrongPassphrase(_("That passphrase is wrong."))
    return True


def ask_current(db: Database, dialog: PassphraseDialog) -> bool:
    """Ask for the open database's passphrase again (before it is changed or removed, and to
    unlock the app); False when the user cancelled."""
    return prompt(dialog, lambda text: _current(db, text)) is not None


def _convert(
    ctx: AppContext,
    parent: QWidget | None,
    title: str,
    work: Callable[[], T],
    passphrase: str | None,
) -> T | None:
    """Run a conversion with the app's connections closed, then reopen the same file (with
    ``passphrase``) into ``ctx.db``. On failure the database is as it was and is used again."""
    db = ctx.db
    assert db.path is not None
    db.close()  # the conversion needs the file alone; the engine reconnects when used again
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = work()
        reopened = open_database(db.path, passphrase=passphrase)
    except UserError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, exc.message)
        return None
    QApplication.restoreOverrideCursor()
    db.take_over(reopened)
    ctx.changed.emit("security")
    return result


def encrypt_database(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Settings → Encrypt database…: choose a passphrase (twice), encrypt the file in place."""
    path = ctx.db.path
    if path is None or ctx.db.passphrase is not None:
        return False
    title = _("Encrypt the database")
    try:
        crypto.sqlcipher()
    except UserError as exc:
        QMessageBox.warning(parent, title, exc.message)
        return False
    dialog = PassphraseDialog(
        title,
        _(
            "Choose a passphrase for {path}. Without it no one can read the database, you "
            "included, and it cannot be recovered: keep it somewhere safe."
        ).format(path=ltr(str(path))),
        confirm=True,
        remember=crypto.keyring_module() is not None,
        parent=parent,
    )
    if not _accepted(dialog):
        return False
    new = dialog.passphrase()
    done = _convert(ctx, parent, title, lambda: crypto.encrypt_file(path, new, ctx.now()), new)
    if done is None:
        return False
    lines = [_("The database is encrypted now.")]
    note = crypto.plain_backups_note(done.backup.parent)
    if note:
        lines.append(note)
    lines.extend(_remember(path, new, dialog.wants_remember()))
    QMessageBox.information(parent, title, "\n\n".join(lines))
    return True


def _confirmed(
    ctx: AppContext, parent: QWidget | None, title: str, message: str
) -> tuple[Path, str] | None:
    """The encrypted database's file and passphrase, once the user has given that passphrase
    again (before it is changed or removed); None: not encrypted, or the user cancelled."""
    path, old = ctx.db.path, ctx.db.passphrase
    if path is None or old is None:
        return None
    if not ask_current(ctx.db, PassphraseDialog(title, message, parent=parent)):
        return None
    return path, old


def change_passphrase(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Settings → Change passphrase…: the current one, then the new one twice."""
    title = _("Change the passphrase")
    confirmed = _confirmed(ctx, parent, title, _("The current passphrase:"))
    if confirmed is None:
        return False
    path, old = confirmed
    kept = crypto.remembered(path) is not None
    dialog = PassphraseDialog(
        title,
        _("The new passphrase. It cannot be recovered: keep it somewhere safe."),
        confirm=True,
        remember=crypto.keyring_module() is not None and not kept,
        # said in the dialog, which asks again (it closed, and the user started over)
        refuse=lambda text: _("The new passphrase is the old one.") if text == old else None,
        parent=parent,
    )
    if not _accepted(dialog):
        return False
    new = dialog.passphrase()
    done = _convert(ctx, parent, title, lambda: crypto.rekey_file(path, old, new, ctx.now()), new)
    if done is None:
        return False
    lines = [
        _("The passphrase is changed; the backup from before, {backup}, opens with the old one.")
        .format(backup=ltr(str(done.backup)))
    ]  # fmt: skip
    lines.extend(_remember(path, new, kept or dialog.wants_remember()))
    QMessageBox.information(parent, title, "\n\n".join(lines))
    return True


def decrypt_database(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Settings → Decrypt database…: the passphrase once more, then the file is stored plain."""
    title = _("Decrypt the database")
    warning = _(
        "The database will be stored without encryption: anyone who can read the file can "
        "read your data. Give the passphrase to go on."
    )
    confirmed = _confirmed(ctx, parent, title, warning)
    if confirmed is None:
        return False
    path, old = confirmed
    done = _convert(ctx, parent, title, lambda: crypto.decrypt_file(path, old, ctx.now()), None)
    if done is None:
        return False
    crypto.forget(path)
    QMessageBox.information(
        parent,
        title,
        _("The database is not encrypted any more; the backup from before, {backup}, still "
          "needs the passphrase.").format(backup=ltr(str(done.backup))),
    )  # fmt: skip
    return True


def _remember(path: Path, passphrase: str, wanted: bool) -> list[str]:
    if not wanted:
        return []
    try:
        crypto.remember(path, passphrase)
    except UserError as exc:
        return [exc.message]
    return [_("The passphrase is remembered in the system keyring.")]


def set_lock_time(ctx: AppContext, parent: QWidget | None = None) -> None:
    """Settings → Lock after idle time…"""
    current = int(settings.get(ctx.db, LOCK_SETTING))
    minutes, ok = QInputDialog.getInt(
        parent,
        _("Lock after idle time"),
        _("Lock {app} after this many minutes without use (0: never; only an encrypted "
          "database locks):").format(app=_app()),
        current,
        0,
        1440,
    )  # fmt: skip
    if ok:
        ctx.write("settings", lambda: settings.put(ctx.db, LOCK_SETTING, str(minutes)))


def add_security_actions(menu: QMenu, ctx: AppContext, parent: QWidget) -> None:
    """The Settings menu's encryption entries; enabled as the database is encrypted or not."""
    menu.addSeparator()
    lock = menu.addAction(_("Lock after idle time…"))
    encrypt = menu.addAction(_("Encrypt database…"))
    rekey = menu.addAction(_("Change passphrase…"))
    decrypt = menu.addAction(_("Decrypt database…"))
    for action, name in (
        (lock, "lockAfterAction"),
        (encrypt, "encryptAction"),
        (rekey, "rekeyAction"),
        (decrypt, "decryptAction"),
    ):
        action.setObjectName(name)
    lock.triggered.connect(lambda _c=False: set_lock_time(ctx, parent))
    encrypt.triggered.connect(lambda _c=False: encrypt_database(ctx, parent))
    rekey.triggered.connect(lambda _c=False: change_passphrase(ctx, parent))
    decrypt.triggered.connect(lambda _c=False: decrypt_database(ctx, parent))

    def refresh() -> None:
        encrypted = ctx.db.passphrase is not None
        local = ctx.db.path is not None
        encrypt.setEnabled(local and not encrypted and crypto.available())
        rekey.setEnabled(encrypted)
        decrypt.setEnabled(encrypted)

    menu.aboutToShow.connect(refresh)
    refresh()


# --- the idle lock ----------------------------------------------------------------------


class _Shield(QFrame):
    """An opaque panel over a whole window, kept to its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockShield")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        label = QLabel(_("{app} is locked.").format(app=_app()))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


def locked_over(window: QWidget) -> bool:
    """Whether the idle lock covers ``window`` (what it shows cannot be seen)."""
    return any(isinstance(c, _Shield) and c.isVisible() for c in window.children())


_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Locks the app after ``security.lock_after_minutes`` without keyboard or mouse input,
    when the database is encrypted; reads the setting again when the settings change."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent or ctx)
        self.ctx = ctx
        self.locked = False
        self.shields: list[_Shield] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._watching = False
        ctx.changed.connect(self._changed)
        self.configure()

    def _changed(self, kind: str) -> None:
        if kind in {"settings", "security"}:
            self.configure()

    def minutes(self) -> int:
        return int(settings.get(self.ctx.db, LOCK_SETTING))

    def configure(self) -> None:
        """Start or stop watching for input, as the setting and the database say."""
        app = QApplication.instance()
        minutes = self.minutes()
        active = self.ctx.db.passphrase is not None and minutes > 0
        if active and not self._watching and app is not None:
            app.installEventFilter(self)
            self._watching = True
        elif not active and self._watching and app is not None:
            app.removeEventFilter(self)
            self._watching = False
        if active:
            self.timer.setInterval(minutes * 60_000)
            if not self.locked:
                self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        """Stop for good (the context it follows is replaced: a restore): no more watching
        for input, no countdown, no following the settings."""
        self.ctx.changed.disconnect(self._changed)
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()  # restarts the countdown
        return False

    def lock(self) -> bool:
        """Cover every window and ask for the passphrase; True once it is given, False when the
        user quits instead (the app is asked to quit)."""
        if self.locked or self.ctx.db.passphrase is None:
            return True
        self.locked = True
        self.timer.stop()
        popup = QApplication.activePopupWidget()
        for _n in range(20):  # menus and completer lists can show data: close them
            if popup is None:
                break
            popup.close()
            popup = QApplication.activePopupWidget()
        self.shields = [
            _Shield(w)
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, PassphraseDialog)
        ]
        minutes = self.minutes()
        dialog = PassphraseDialog(
            _("AccountDesk is locked"),
            ngettext(
                "{app} was locked after {n} minute without use. Give the passphrase to go on.",
                "{app} was locked after {n} minutes without use. Give the passphrase to go on.",
                minutes,
            ).format(app=_app(), n=format_number(minutes)),
            cancel_text=_("Quit AccountDesk"),
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        unlocked = ask_current(self.ctx.db, dialog)
        dialog.deleteLater()
        if not unlocked:
            QGuiApplication.quit()
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        for shield in self.shields:
            parent = shield.parentWidget()
            if parent is not None:
                parent.removeEventFilter(shield)
            shield.hide()
            shield.deleteLater()
        self.shields = []
        self.locked = False
        self.configure()
