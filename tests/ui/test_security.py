"""The desktop app on an encrypted database: the passphrase at start, Settings → Encrypt /
Change passphrase / Decrypt, and the idle lock (dialogs answered by patching ``exec``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from accountdesk.core import settings
from accountdesk.core.db import crypto
from accountdesk.core.db.backup import backup_folder
from accountdesk.core.db.engine import open_database
from accountdesk.core.db.schema import SQLITE_HEADER
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import security
from accountdesk.ui.security import IdleLock, PassphraseDialog
from shown import count_live


def add_account(db: Any, name: str, country: str = "LV", timezone: str = "Europe/Riga") -> str:
    return create_account(db, AccountInput(name=name, country=country, timezone=timezone))


pytestmark = pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here")

PASS = "correct horse battery"
NEW = "staple on the battery"


class Answers:
    """Scripted answers to every PassphraseDialog: (passphrase, again) or None for Cancel.
    Records what each dialog showed when it was answered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[Any]) -> None:
        self.answers = list(answers)
        self.seen: list[dict[str, Any]] = []
        monkeypatch.setattr(PassphraseDialog, "exec", lambda dialog: self._exec(dialog))

    def _exec(self, dialog: PassphraseDialog) -> int:
        """Like exec(): the dialog stays until it is accepted (a refused pair shows its error
        and takes the next answer) or cancelled."""
        while True:
            self.seen.append(
                {
                    "title": dialog.windowTitle(),
                    "text": dialog.findChildren(QLabel)[0].text(),
                    "error": dialog.error.text() if not dialog.error.isHidden() else "",
                    "shields": len(
                        [w for w in dialog_parents() if w.findChild(QWidget, "lockShield")]
                    ),
                }
            )
            answer = self.answers.pop(0)
            if answer is None:
                return int(QDialog.DialogCode.Rejected)
            text, again = answer if isinstance(answer, tuple) else (answer, answer)
            dialog.field.setText(text)
            if dialog.again is not None:
                dialog.again.setText(again)
            dialog.setResult(int(QDialog.DialogCode.Rejected))
            dialog.accept()
            if dialog.result() == QDialog.DialogCode.Accepted:
                return int(QDialog.DialogCode.Accepted)


def dialog_parents() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Iterator[Path]:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    path = tmp_path / "secret.db"
    db = open_database(path)
    add_account(db, "Dzintars")
    db.close()
    crypto.encrypt_file(path, PASS, datetime.now(UTC))
    yield path


def test_the_start_asks_again_after_a_wrong_passphrase(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, ["wrong passphrase", PASS])
    db = security.open_with_dialog(str(encrypted))
    assert db is not None
    try:
        assert db.passphrase == PASS
        assert count_live(db)[0] == 1
    finally:
        db.close()
    assert [s["error"] for s in answers.seen] == ["", f"The passphrase for {encrypted} is wrong."]


EMPTY = "Nothing was typed; give the passphrase."


def test_an_empty_passphrase_is_asked_again_everywhere(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    """OK on an empty field never hands SQLCipher an empty key (it refused it with an error
    the app did not expect): the current passphrase before a change, the idle lock and a
    restore's passphrase each say so in the dialog, which asks again."""
    from accountdesk.core.db.backup import make_backup
    from accountdesk.ui.backups import BackupsDialog

    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    add_account(ctx.db, "Dzintars")
    answers = Answers(monkeypatch, ["", PASS])  # encrypting: an empty one is too short
    assert security.encrypt_database(ctx, None)
    assert answers.seen[1]["error"].startswith("The passphrase is too short")

    answers = Answers(monkeypatch, ["", PASS, NEW])
    assert security.change_passphrase(ctx, None)
    assert [s["error"] for s in answers.seen] == ["", EMPTY, ""]
    assert ctx.db.passphrase == NEW

    settings.put(ctx.db, security.LOCK_SETTING, "5")
    answers = Answers(monkeypatch, ["", NEW])
    assert IdleLock(ctx).lock()
    assert [s["error"] for s in answers.seen] == ["", EMPTY]

    make_backup(ctx.db)
    Answers(monkeypatch, [NEW])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert security.decrypt_database(ctx, None)
    dialog = BackupsDialog(ctx, None)
    qtbot.addWidget(dialog)
    answers = Answers(monkeypatch, ["", NEW])
    messages.clear()
    dialog.restore_current()
    assert dialog.restored, messages
    assert [s["error"] for s in answers.seen] == ["", EMPTY]
    assert ctx.db.passphrase == NEW  # it came back as the backup was


def test_cancel_at_the_start_quits(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(monkeypatch, [None])
    assert security.open_with_dialog(str(encrypted)) is None
    from accountdesk.ui.app import run_gui

    Answers(monkeypatch, [None])
    assert run_gui(str(encrypted), "en") == 0  # Quit: no window, no error


def test_a_plain_database_opens_without_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    answers = Answers(monkeypatch, [])
    db = security.open_with_dialog(str(tmp_path / "plain.db"))
    assert db is not None and db.passphrase is None
    db.close()
    assert answers.seen == []


def test_encrypt_change_and_decrypt_from_settings(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ctx.db
    add_account(db, "Siam Trading", country="TH", timezone="Asia/Bangkok")
    path = db.path
    assert path is not None
    seen: list[str] = []
    ctx.changed.connect(seen.append)

    # two passphrases that differ, then a good pair
    answers = Answers(monkeypatch, [(PASS, "something else"), PASS])
    assert security.encrypt_database(ctx, None)
    assert answers.seen[1]["error"] == "The two passphrases differ."
    assert path.read_bytes()[:16] != SQLITE_HEADER
    assert ctx.db is db and db.passphrase == PASS  # the same object, now keyed
    assert count_live(db)[0] == 1  # reads go on through the new engine
    add_account(db, "Baltic Timber")  # and writes
    assert "security" in seen
    assert messages[-1].startswith("The database is encrypted now.")
    # the plain copy taken first is in this database's own backup folder, and said so
    folder = backup_folder(db)
    assert folder is not None and folder.parent == path.parent / "home" / "backups"
    assert f"1 backup in {folder} is not encrypted" in messages[-1]

    # the current passphrase (wrong once), then the new one twice
    answers = Answers(monkeypatch, ["not it", PASS, NEW])
    assert security.change_passphrase(ctx, None)
    assert answers.seen[1]["error"] == "That passphrase is wrong."
    assert db.passphrase == NEW and crypto.opens(path, NEW) and not crypto.opens(path, PASS)
    assert count_live(db)[0] == 2

    Answers(monkeypatch, [NEW])
    assert security.decrypt_database(ctx, None)
    assert path.read_bytes()[:16] == SQLITE_HEADER
    assert db.passphrase is None
    assert count_live(db)[0] == 2


def test_a_new_passphrase_that_is_the_old_one_is_refused_in_the_dialog(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Change passphrase: the old one typed as the new one is said in the dialog, which asks
    again; it closed with a message box, and the user started over from the current one."""
    Answers(monkeypatch, [PASS])
    assert security.encrypt_database(ctx, None)
    answers = Answers(monkeypatch, [PASS, PASS, NEW])  # current; new = old; another one
    assert security.change_passphrase(ctx, None)
    assert [s["error"] for s in answers.seen] == ["", "", "The new passphrase is the old one."]
    assert ctx.db.passphrase == NEW and crypto.opens(ctx.db.path, NEW)


def test_cancel_leaves_the_database_as_it_was(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ctx.db.path
    Answers(monkeypatch, [None])
    assert not security.encrypt_database(ctx, None)
    assert path.read_bytes()[:16] == SQLITE_HEADER and ctx.db.passphrase is None
    assert messages == []


def test_the_settings_menu_offers_what_fits_the_database(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    encrypt, rekey, decrypt = (
        window.findChild(QAction, name)
        for name in ("encryptAction", "rekeyAction", "decryptAction")
    )
    assert encrypt is not None and rekey is not None and decrypt is not None
    assert encrypt.isEnabled() and not rekey.isEnabled() and not decrypt.isEnabled()
    ctx.db.passphrase = PASS  # as after encrypting: the menu is refreshed when it opens
    menu = encrypt.parent()
    assert menu is not None
    menu.aboutToShow.emit()
    assert not encrypt.isEnabled() and rekey.isEnabled() and decrypt.isEnabled()
    ctx.db.passphrase = None


def _locker(ctx: Any, minutes: int) -> IdleLock:
    settings.put(ctx.db, security.LOCK_SETTING, str(minutes))
    return IdleLock(ctx)


def test_the_idle_lock_covers_the_windows_until_the_passphrase(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    lock = _locker(ctx, 5)
    assert not lock.timer.isActive() and not lock._watching  # a plain database never locks
    Answers(monkeypatch, [PASS, PASS])
    assert security.encrypt_database(ctx, None)
    assert lock.timer.isActive() and lock.timer.interval() == 5 * 60_000

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    answers = Answers(monkeypatch, ["wrong one", PASS])
    assert lock.lock()
    assert [s["error"] for s in answers.seen] == ["", "That passphrase is wrong."]
    assert all(s["shields"] >= 1 for s in answers.seen)  # the window was covered meanwhile
    assert answers.seen[0]["title"] == "AccountDesk is locked"
    assert answers.seen[0]["text"] == (
        "\u2068AccountDesk\u2069 was locked after 5 minutes without use. Give the passphrase "
        "to go on."
    )  # the app's name isolated: a Persian sentence that begins with it reads right to left
    qtbot.waitUntil(lambda: window.findChild(QWidget, "lockShield") is None)
    assert not lock.locked and lock.timer.isActive()

    settings.put(ctx.db, security.LOCK_SETTING, "1")  # one minute: the singular
    answers = Answers(monkeypatch, [PASS])
    assert lock.lock()
    assert answers.seen[0]["text"].startswith(
        "\u2068AccountDesk\u2069 was locked after 1 minute without"
    )

    quit_calls: list[bool] = []
    monkeypatch.setattr(security.QGuiApplication, "quit", lambda: quit_calls.append(True))
    Answers(monkeypatch, [None])
    assert not lock.lock()
    assert quit_calls == [True]

    settings.put(ctx.db, security.LOCK_SETTING, "0")
    ctx.changed.emit("settings")
    assert not lock.timer.isActive()


def test_the_lock_time_setting(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def ask(*args: Any, **kwargs: Any) -> tuple[int, bool]:
        return 15, True

    monkeypatch.setattr(security.QInputDialog, "getInt", ask)
    security.set_lock_time(ctx, None)
    assert settings.get(ctx.db, security.LOCK_SETTING) == 15


def test_a_backup_taken_encrypted_is_restored_after_decrypting(
    ctx: Any, messages: list[str], monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    """File → Backups… after Settings → Decrypt: the backup taken while encrypted said
    "…is encrypted; give its passphrase" and offered no way to give it."""
    from accountdesk.core.db.backup import make_backup
    from accountdesk.core.queries.search import search
    from accountdesk.ui.backups import BackupsDialog
    from accountdesk.ui.listmodel import PLAIN_ROLE

    db = ctx.db
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    add_account(db, "Dzintars")
    Answers(monkeypatch, [PASS])
    assert security.encrypt_database(ctx, None)
    make_backup(db)
    Answers(monkeypatch, [PASS])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert security.decrypt_database(ctx, None)
    assert db.passphrase is None
    add_account(db, "Later Account")

    dialog = BackupsDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data(PLAIN_ROLE) == "made by hand, encrypted"
    answers = Answers(monkeypatch, ["wrong passphrase", PASS])
    messages.clear()
    dialog.restore_current()
    assert dialog.restored, messages
    assert answers.seen[1]["error"].startswith("The passphrase for ")  # asked again
    assert db.passphrase == PASS  # it comes back as the backup was, and says so
    assert [h.title for h in search(db, "later")] == []
    assert [h.title for h in search(db, "dzintars")] == ["Dzintars"]


@pytest.mark.qt_log_ignore("This plugin does not support")  # a main window shown offscreen
def test_the_idle_lock_follows_its_setting_after_a_restore(
    encrypted: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → Backups… → Restore makes a new context: the lock made at the start heard only
    the old one, and a lock set after the restore never armed until the app started again."""
    from accountdesk.core.db.backup import make_backup, restore_backup
    from accountdesk.ui.app import Controller

    db = open_database(encrypted, passphrase=PASS)
    controller = Controller(db)
    controller.start(None, background=False)
    qtbot.addWidget(controller.window)
    first = controller.idle_lock
    assert not first._watching  # 0, the default: never locks
    restore_backup(db, make_backup(db).path)
    controller.window.database_replaced.emit()  # what the Backups dialog does
    qtbot.addWidget(controller.window)
    controller.ctx.write("settings", lambda: settings.put(db, security.LOCK_SETTING, "1"))
    lock = controller.idle_lock
    assert lock._watching and lock.timer.isActive() and lock.timer.interval() == 60_000
    assert lock is not first and lock.ctx is controller.ctx
    assert not first._watching and not first.timer.isActive()  # no second lock left behind
    controller.ctx.write("settings", lambda: settings.put(db, security.LOCK_SETTING, "0"))
    assert not lock._watching and not lock.timer.isActive()
    controller.ctx.close()
    db.close()
