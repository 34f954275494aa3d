"""Signing in to a team server at start-up: a small password dialog.

Where a password comes from and how a connection is made are
:mod:`accountdesk.core.db.credentials`' and ``open_database``'s; this module only asks. The
password is asked only when the server wants one that neither this process, the keyring nor
libpq's own sources (``PGPASSWORD``, ``~/.pgpass``) had, or when the server refused the one
they had (changed since); a wrong one is said in the dialog, which asks again. "Remember it"
keeps it in the system keyring (offered when there is one).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.db import credentials, crypto
from accountdesk.core.db.engine import Database, database_url, open_database
from accountdesk.core.db.errors import PasswordRequired, WrongPassword
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _


class PasswordDialog(QDialog):
    """Asks for the password of a login on a server."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign in to the team server"))
        self.setObjectName("serverPasswordDialog")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)
        layout = QVBoxLayout(self)
        text = QLabel(
            _("AccountDesk opens the team's database on {server}. Give the password of {login}.")
            .format(server=credentials.server_address(url), login=credentials.login_of(url))
        )  # fmt: skip
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.field = QLineEdit()
        self.field.setObjectName("password")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password:"), self.field)
        layout.addLayout(form)
        self.remember: QCheckBox | None = None
        if crypto.keyring_module() is not None:
            self.remember = QCheckBox(_("Remember it in the system keyring"))
            layout.addWidget(self.remember)
        self.error = QLabel()
        self.error.setObjectName("passwordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(_("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.adjustSize()
        self.field.setFocus()

    def password(self) -> str:
        return self.field.text()

    def wants_remember(self) -> bool:
        return self.remember is not None and self.remember.isChecked()

    def show_error(self, text: str) -> None:
        """Say why the password was not taken; the field is emptied for another try."""
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        self.field.clear()
        self.field.setFocus()


def open_server_with_dialog(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the team server ``target`` (None: the ``server.url`` setting), asking for the
    password when the server wants one nothing else had, or refused the one the keyring,
    ``PGPASSWORD`` or ``~/.pgpass`` had (the dialog says so; Remember replaces the kept one).
    None: the user chose Quit. Other problems raise :class:`UserError` as
    :func:`open_database` does."""
    refused: WrongPassword | None = None
    try:
        return open_database(target)
    except PasswordRequired:
        pass
    except WrongPassword as exc:  # the keyring's, PGPASSWORD's…: changed since; ask
        refused = exc
    url = database_url(target)
    dialog = PasswordDialog(url, parent)
    if refused is not None:
        dialog.show_error(refused.message)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            database = open_database(target, password=dialog.password())
        except WrongPassword as exc:
            dialog.show_error(exc.message)
            continue
        if dialog.wants_remember():
            try:
                credentials.remember(url, dialog.password())
            except UserError as exc:  # the keyring refused: the app opens all the same
                QMessageBox.warning(parent, _("AccountDesk"), exc.message)
        return database
    return None
