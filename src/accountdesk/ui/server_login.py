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
    QDialog,
    QMessageBox,
    QWidget,
)

from accountdesk.core.bidi import isolate
from accountdesk.core.db import credentials, crypto
from accountdesk.core.db.engine import Database, database_url, open_database
from accountdesk.core.db.errors import PasswordRequired, WrongPassword
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _
from accountdesk.ui.modal import asking_again
from accountdesk.ui.security import PassphraseDialog


class PasswordDialog(PassphraseDialog):
    """Asks for the password of a login on a server (the passphrase dialog's fields, error
    line and keyring box, with a server's words)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Sign in to the team server"),
            _("AccountDesk opens the team's database on {server}. Give the password of {login}.")
            .format(
                server=isolate(credentials.server_address(url)),
                login=isolate(credentials.login_of(url)),
            ),
            remember=crypto.keyring_module() is not None,
            cancel_text=_("Quit"),
            label=_("Password:"),
            parent=parent,
        )  # fmt: skip
        self.setObjectName("serverPasswordDialog")
        self.field.setObjectName("password")
        self.error.setObjectName("passwordError")

    def password(self) -> str:
        return self.field.text()


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
    with asking_again(dialog) as ask:
        while ask() == QDialog.DialogCode.Accepted:
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
