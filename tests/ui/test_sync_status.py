"""The offline copy in the main window (ui/sync_status.py): the status in the status bar, the
menu actions, and the conflicts dialog in the user's words, with a copy whose server does not
answer (nothing here needs PostgreSQL)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton
from sqlalchemy import insert, select, text

from accountdesk.core.bidi import plain
from accountdesk.core.db import sync
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Account, User, table
from accountdesk.core.db.sync_schema import copy_statements
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow
from accountdesk.ui.sync_status import ConflictsDialog

#: Where the screenshots go to be looked at (ACCOUNTDESK_SHOTS=/some/folder), else nowhere.
SHOTS = os.environ.get("ACCOUNTDESK_SHOTS")
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _make_copy(db: Database) -> tuple[str, str]:
    """``db`` as a copy of a server that does not answer, with a conflict and a refusal."""
    acme = create_account(db, AccountInput(name="Acme Steel", country="CZ", industry="Chemicals"))
    olga = create_contact(
        db,
        ContactInput(
            account_id=acme,
            given_name="Olga",
            family_name="Novák",
            country="CZ",
            timezone="Europe/Prague",
        ),
    )
    with db.engine.begin() as conn:
        for statement in copy_statements():
            conn.execute(text(statement))
        conn.execute(text("INSERT INTO sync_clock VALUES (1, 0, 0, 'laptop')"))
        conn.execute(
            text(
                "INSERT INTO sync_state VALUES ('server_url', "
                "'postgresql+psycopg://anna@127.0.0.1:1/team')"
            )
        )
        conn.execute(
            insert(table(User)).values(id="u1", login="ben", name="Ben Okafor", role="rep")
        )
        at = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
        sync._note(
            conn, "accounts", acme, sync.THEIRS_WON, "industry", "Mining", "Chemicals", "ben", at
        )
        sync._note(
            conn,
            "accounts",
            acme,
            sync.MINE_WON,
            "customer_since",
            "2024-03-01",
            "2023-01-15",
            "ben",
            at,
        )
        sync._note(conn, "accounts", acme, sync.THEIRS_WON, "status", "lost", "active", "ben", at)
        sync._note(
            conn, "contacts", olga, sync.MINE_WON, "emails",
            [{"label": "work", "value": "olga@acme.cz"}], [], "ben", at,
        )  # fmt: skip
        sync._note(conn, "contacts", olga, sync.MINE_WON, "country", "CZ", "SK", "ben", at)
        sync._note(
            conn,
            "contacts",
            olga,
            sync.REFUSED,
            message="Only the account's owner or a manager can erase this.",
        )
    return acme, olga


def _window(ctx: Any, tmp_path: Path) -> MainWindow:
    return MainWindow(ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_a_plain_file_shows_no_synchronisation(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    window = _window(ctx, tmp_path)
    qtbot.addWidget(window)
    assert window.sync_control is None


def test_the_status_the_menu_and_the_conflicts(
    ctx: Any, db: Database, qtbot: Any, tmp_path: Path
) -> None:
    acme, _olga = _make_copy(db)
    window = _window(ctx, tmp_path)
    qtbot.addWidget(window)
    window.resize(1100, 500)
    window.show()
    control = window.sync_control
    assert control is not None
    assert tasks.wait_all()  # the synchronisation at start ran on a worker thread, and failed
    status = control.button.text()
    assert status.startswith("Offline, not synchronised yet") and "6 conflicts" in status
    assert "127.0.0.1" in control.button.toolTip()  # why: the server did not answer
    assert window.sync_action.shortcut().toString() == "F5"
    assert control.timer.isActive() and control.timer.interval() == 5 * 60 * 1000
    _shot(window.statusBar(), "status-en.png")
    dialog = ConflictsDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = [plain(dialog.list.item(i).text()) for i in range(dialog.list.count())]
    assert lines == [  # newest first
        "Olga Novák: the server did not take your change. Only the account's owner or a "
        "manager can erase this.",
        "Olga Novák, Country: yours, “Czechia”, is kept, it was changed later than “Slovakia” "
        "by Ben Okafor (30 Nov 2026, 11:15).",
        "Olga Novák, E-mail: yours, “olga@acme.cz”, is kept, it was changed later than "
        "“(empty)” by Ben Okafor (30 Nov 2026, 11:15).",
        "Acme Steel, Status: “Active” by Ben Okafor (30 Nov 2026, 11:15) is kept, it was "
        "changed later than yours, “Lost”.",
        "Acme Steel, Customer since: yours, “1 Mar 2024”, is kept, it was changed later than "
        "“15 Jan 2023” by Ben Okafor (30 Nov 2026, 11:15).",
        "Acme Steel, Industry: “Chemicals” by Ben Okafor (30 Nov 2026, 11:15) is kept, it was "
        "changed later than yours, “Mining”.",
    ]
    assert dialog.dismiss.isVisible() and not dialog.keep_mine.isVisible()
    _shot(dialog, "conflicts-en.png")
    dialog.list.setCurrentRow(5)
    assert dialog.keep_mine.isVisible() and not dialog.dismiss.isVisible()
    dialog.keep_mine.click()  # Mining is written, as a change of the copy to send
    assert dialog.list.count() == 5
    with db.reader() as session:
        assert session.scalars(select(Account.industry).where(Account.id == acme)).one() == (
            "Mining"
        )
    with db.engine.connect() as conn:
        sent = conn.execute(text("SELECT tbl, fields FROM sync_outbox")).all()
    assert sent == [("accounts", "industry")]
    control.refresh()
    assert "5 conflicts" in control.button.text() and "1 change to send" in control.button.text()


def test_in_persian(ctx: Any, db: Database, qtbot: Any, tmp_path: Path, persian: None) -> None:
    _make_copy(db)
    window = _window(ctx, tmp_path)
    qtbot.addWidget(window)
    window.resize(1100, 500)
    window.show()
    assert tasks.wait_all()
    _shot(window.statusBar(), "status-fa.png")
    # a middle dot beside "۶" read as the Persian zero ("۰۶ تعارض"): the parts are separated
    # by the Persian semicolon
    assert window.sync_control is not None
    assert "\u00b7" not in window.sync_control.button.text()
    assert "\u061b" in window.sync_control.button.text()
    dialog = ConflictsDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, "conflicts-fa.png")
    assert dialog.list.count() == 6
    lines = [plain(dialog.list.item(i).text()) for i in range(dialog.list.count())]
    # in Persian words and digits: no English frame, no Latin digit of a date or time
    assert not [line for line in lines if "is kept" in line or "server did not" in line]
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.text() == "Close"] == []
    assert all(not any(d in line for d in "0123456789") for line in lines[1:]), lines


def _shot(widget: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_synchronising_on_demand_asks_for_a_password_nothing_had(
    ctx: Any, db: Database, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from accountdesk.core.db import engine
    from accountdesk.core.db.errors import PasswordRequired
    from accountdesk.ui.server_login import PasswordDialog

    _make_copy(db)
    calls: list[str] = []

    def synchronise(_db: Database, **_kw: object) -> sync.SyncReport:
        calls.append("sync")
        if len(calls) < 3:  # at start (in the background: not asked), then on demand
            raise PasswordRequired("The server needs the password of anna.")
        return sync.SyncReport()

    signed: list[str] = []
    cancel_texts: list[str] = []

    def answer(dialog: PasswordDialog) -> int:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        cancel_texts.append(buttons.button(QDialogButtonBox.StandardButton.Cancel).text())
        dialog.field.setText("typed-password")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync, "synchronise", synchronise)
    monkeypatch.setattr(engine, "sign_in", lambda url, pw=None: signed.append(pw) or "anna")
    monkeypatch.setattr(PasswordDialog, "exec", answer)
    window = _window(ctx, tmp_path)
    qtbot.addWidget(window)
    assert tasks.wait_all()
    assert calls == ["sync"] and signed == []  # the background never asks
    window.sync_action.trigger()
    assert tasks.wait_all() and tasks.wait_all()
    assert calls == ["sync", "sync", "sync"]
    assert signed == ["typed-password"] and cancel_texts == ["Cancel"]


def test_a_synchronisation_that_stops_on_a_bug_is_shown_in_words(
    ctx: Any, db: Database, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_copy(db)
    shown: list[str] = []

    def broken(_db: Database, **_kw: object) -> sync.SyncReport:
        sync._failed(_db, "The synchronisation stopped on a problem.", offline=False)
        raise ValueError("zip() argument 2 is longer than argument 1")

    monkeypatch.setattr(sync, "synchronise", broken)
    ctx.status.connect(shown.append)
    window = _window(ctx, tmp_path)
    qtbot.addWidget(window)
    assert tasks.wait_all()  # no exception reaches the event loop
    control = window.sync_control
    assert control is not None and not control.running
    assert control.button.text().startswith("Synchronisation failed, not synchronised yet")
    assert "The synchronisation stopped on a problem." in control.button.toolTip()
    assert shown == ["The synchronisation stopped on a problem."]
    dialog = ConflictsDialog(ctx, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith("The synchronisation stopped on a problem.")
