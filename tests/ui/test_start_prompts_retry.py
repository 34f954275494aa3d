"""The start-up prompts ask again after a wrong answer, with their real modal loop: before the
app's event loop runs, a dialog deleted after its first answer was deleted inside its own second
showing (the prompt vanished and the start crashed). The dialogs are answered by timers, as a
user would answer them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from accountdesk.core.db import crypto
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.errors import PasswordRequired, WrongPassword
from accountdesk.ui import security, server_login

PASSPHRASE = "blue harbour lantern"


def _answer(answers: list[str], errors_seen: list[str]) -> None:
    """Answer each passphrase or password dialog that comes up with the next of ``answers``
    (typed, then OK), noting the error line it showed; gives up (Cancel) after ten seconds
    so that a failing test cannot wait for ever."""
    tries = [0]

    def tick() -> None:
        tries[0] += 1
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, security.PassphraseDialog):
            if tries[0] < 500:
                QTimer.singleShot(20, tick)
            return
        errors_seen.append("" if dialog.error.isHidden() else dialog.error.text())
        if not answers or tries[0] >= 500:
            dialog.reject()
            return
        dialog.field.setText(answers.pop(0))
        dialog.accept()
        if answers:
            QTimer.singleShot(20, tick)

    QTimer.singleShot(20, tick)


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(crypto, "keyring_module", lambda: None)
    path = tmp_path / "secret.db"
    open_database(path).close()
    crypto.encrypt_file(path, PASSPHRASE, datetime.now(UTC))
    return path


def test_a_wrong_passphrase_at_start_asks_again(encrypted: Path) -> None:
    errors: list[str] = []
    _answer(["not it", PASSPHRASE], errors)
    db = security.open_with_dialog(str(encrypted))  # as the start does: no event loop yet
    assert db is not None and db.passphrase == PASSPHRASE
    db.close()
    assert len(errors) == 2 and errors[0] == "" and errors[1]  # the second time says why


def test_an_empty_passphrase_at_start_asks_again(encrypted: Path) -> None:
    """OK (or Enter) on the empty field: SQLCipher was handed an empty key, refused it with
    an error of its own, and the app quit with "unexpected error"."""
    errors: list[str] = []
    _answer(["", PASSPHRASE], errors)
    db = security.open_with_dialog(str(encrypted))
    assert db is not None and db.passphrase == PASSPHRASE
    db.close()
    assert errors == ["", "Nothing was typed; give the passphrase."]


def test_a_wrong_server_password_at_start_asks_again(
    monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    tried: list[str | None] = []

    def server(target: Any, password: str | None = None) -> Any:
        tried.append(password)
        if password is None:
            raise PasswordRequired("the server wants a password")
        if password != "right":
            raise WrongPassword("The server refused that password.")
        return "the database"

    monkeypatch.setattr(server_login, "open_database", server)
    monkeypatch.setattr(server_login.crypto, "keyring_module", lambda: None)
    errors: list[str] = []
    _answer(["wrong", "right"], errors)
    opened = server_login.open_server_with_dialog("postgresql+psycopg://anna@server/team")
    assert opened == "the database"
    assert tried == [None, "wrong", "right"]
    assert errors == ["", "The server refused that password."]
