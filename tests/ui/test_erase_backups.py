"""The earlier passphrase in the app: Erase for good… asks for the passphrase of backups
encrypted before a change of passphrase (which backups, and why), cleans them with what is
given, and lists them as before when skipped; a wrong passphrase is said and asked again. At
start, an erase a stop left before its backups were cleaned is finished, asking the same way
when a backup needs it; skipped, it is kept for the next start and said."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import select

from accountdesk.core import settings
from accountdesk.core.bidi import ltr
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db import crypto
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.db.models import UnfinishedErasure
from accountdesk.core.errors import NotFoundError
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import privacy
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import erase_backups, tasks
from accountdesk.ui.contacts import view as contact_view
from accountdesk.ui.contacts.view import ContactView
from accountdesk.ui.context import AppContext
from accountdesk.ui.erase_backups import EarlierPassphraseDialog

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(not crypto.available(), reason="SQLCipher is not installed here"),
    # the offscreen platform's word when a shown dialog grows for a message
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

NOW = datetime(2026, 5, 4, 9, tzinfo=UTC)
OLD, MIDDLE, NEW = "first passphrase 1", "second passphrase 2", "third passphrase 3"


@pytest.fixture
def rekeyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> Iterator[dict[str, Any]]:
    """An encrypted database given a new passphrase twice: the copy taken before each change
    keeps the passphrase it had (OLD, then MIDDLE); the database's is NEW. Both copies hold
    the person."""
    from accountdesk.ui.app import create_app

    create_app()
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "crm.db"
    db = open_database(path)
    acme = create_account(db, AccountInput(name="Acme", country="LV"))
    person = create_contact(
        db,
        ContactInput(
            account_id=acme, given_name="Qearlykey", family_name="Ozola", country="LV",
            timezone="Europe/Riga",
        ),
    )  # fmt: skip
    db.close()
    crypto.encrypt_file(path, OLD, NOW)
    first = crypto.rekey_file(path, OLD, MIDDLE, NOW.replace(hour=10)).backup
    second = crypto.rekey_file(path, MIDDLE, NEW, NOW.replace(hour=11)).backup
    db = open_database(path, passphrase=NEW)
    settings.put(db, "user.zone", "Europe/Riga")
    yield {"db": db, "person": person, "old": first, "middle": second}
    tasks.wait_all()
    db.close()


def _holds(path: Path, key: str) -> bool:
    conn = crypto.connect(path, key)
    try:
        found = conn.execute("SELECT count(*) FROM contacts WHERE given_name = 'Qearlykey'")
        return bool(found.fetchone()[0])
    finally:
        conn.close()


def _dialog(qtbot: Any, sealed: list[Path]) -> EarlierPassphraseDialog:
    dialog = EarlierPassphraseDialog("Backups", "Why", sealed, "Europe/Riga")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answer(dialog: EarlierPassphraseDialog, text: str) -> None:
    dialog.field.setText(text)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_dialog_lists_them_says_a_wrong_passphrase_and_asks_for_each(
    rekeyed: dict[str, Any], qtbot: Any
) -> None:
    sealed = [rekeyed["old"], rekeyed["middle"]]
    assert privacy.sealed_backups(rekeyed["db"]) == sealed
    dialog = _dialog(qtbot, sealed)
    lines = [dialog.backups.item(i).text() for i in range(dialog.backups.count())]
    assert lines == [
        "4 May 2026, 13:00: before a passphrase change",  # 10:00 UTC in Riga
        "4 May 2026, 14:00: before a passphrase change",
    ]
    assert dialog.backups.item(0).toolTip() == ltr(str(rekeyed["old"]))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    skip = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), skip.text()) == ("Clean them", "Skip")

    _answer(dialog, "not it")
    assert dialog.checking and not dialog.field.isEnabled()  # checked off the GUI thread
    assert tasks.wait_all()
    assert dialog.isVisible() and dialog.given == []
    assert dialog.error.text() == "That passphrase opens none of them."
    assert dialog.field.text() == "" and dialog.field.isEnabled()

    _answer(dialog, MIDDLE)  # opens one of them: the other is asked for
    assert tasks.wait_all()
    assert dialog.isVisible() and dialog.given == [MIDDLE]
    assert dialog.error.text() == (
        "That passphrase opened 1 of them; the ones listed now need another one."
    )
    assert [dialog.backups.item(i).toolTip() for i in range(dialog.backups.count())] == [
        ltr(str(rekeyed["old"]))
    ]

    _answer(dialog, OLD)
    assert tasks.wait_all()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.given == [MIDDLE, OLD]


def test_skip_gives_nothing(rekeyed: dict[str, Any], qtbot: Any) -> None:
    dialog = _dialog(qtbot, [rekeyed["old"]])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.given == []


def _erase(
    rekeyed: dict[str, Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch, answer: list[str]
) -> tuple[list[tuple[str, list[Path]]], list[str]]:
    """Erase the person from their page, the earlier passphrase answered with ``answer``;
    what the dialog was shown (its message, the backups) and the errors shown after."""
    db = rekeyed["db"]
    ctx = AppContext(db, clock=fixed_clock(NOW))
    view = ContactView(ctx, rekeyed["person"])
    qtbot.addWidget(view)
    asked: list[tuple[str, list[Path]]] = []

    def ask(_parent: Any, title: str, message: str, sealed: list[Path], zone: str) -> list[str]:
        assert (title, zone) == ("Backups with an earlier passphrase", "Europe/Riga")
        asked.append((message, list(sealed)))
        return answer

    errors: list[str] = []
    monkeypatch.setattr(erase_backups, "ask_earlier_passphrases", ask)
    monkeypatch.setattr(contact_view, "confirm_erase", lambda *_a: True)
    monkeypatch.setattr(contact_view, "show_error", lambda _parent, text: errors.append(text))
    [button] = [b for b in view.privacy_buttons if b.text() == "Erase for good…"]
    button.click()
    assert tasks.wait_all(60_000)
    with pytest.raises(NotFoundError):
        privacy.subject_name(db, rekeyed["person"])
    return asked, errors


def test_erase_for_good_asks_for_the_earlier_passphrase_and_cleans_them(
    rekeyed: dict[str, Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked, errors = _erase(rekeyed, qtbot, monkeypatch, [MIDDLE, OLD])
    [(message, sealed)] = asked
    assert sealed == [rekeyed["old"], rekeyed["middle"]]
    assert message.startswith("2 backups were encrypted with an earlier passphrase (from before")
    assert "erase \u2068Qearlykey Ozola\u2069 from those backups too" in message
    assert "not kept" in message
    assert errors == []
    for path, key in ((rekeyed["old"], OLD), (rekeyed["middle"], MIDDLE)):
        assert not _holds(path, key)
        assert crypto.opens(path, key)  # keeps its own passphrase


def test_skipped_they_are_listed_as_before(
    rekeyed: dict[str, Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked, errors = _erase(rekeyed, qtbot, monkeypatch, [])
    assert len(asked) == 1
    [error] = errors
    assert error.startswith("These backups may hold them and could not be cleaned; delete them")
    assert str(rekeyed["old"]) in error and str(rekeyed["middle"]) in error
    assert _holds(rekeyed["old"], OLD) and _holds(rekeyed["middle"], MIDDLE)


class Stopped(BaseException):
    """The process ends here (the kill itself: tests/faults/test_sigkill.py)."""


def _stopped_erase(db: Database, person: str) -> None:
    def stop(*_args: Any) -> Any:
        raise Stopped

    with pytest.MonkeyPatch.context() as patched, pytest.raises(Stopped):
        patched.setattr(privacy, "_taken_meanwhile", stop)
        privacy.erase_contact(db, person)


def _records(db: Database) -> int:
    with db.reader() as session:
        return len(session.scalars(select(UnfinishedErasure.id)).all())


@pytest.mark.parametrize("given", [[OLD, MIDDLE], []], ids=["given", "skipped"])
def test_at_start_an_unfinished_erase_asks_for_the_earlier_passphrase(
    rekeyed: dict[str, Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch, given: list[str]
) -> None:
    db = rekeyed["db"]
    _stopped_erase(db, rekeyed["person"])  # the first pass could not open the two copies
    assert _records(db) == 1
    asked: list[tuple[str, list[Path]]] = []

    def ask(_parent: Any, _title: str, message: str, sealed: list[Path], _zone: str) -> list[str]:
        asked.append((message, list(sealed)))
        return given

    monkeypatch.setattr(erase_backups, "ask_earlier_passphrases", ask)
    errors: list[str] = []
    monkeypatch.setattr(erase_backups, "show_error", lambda _parent, text: errors.append(text))
    said: list[str] = []

    erase_backups.finish_erasures(db, "Europe/Riga", said.append)
    assert tasks.wait_all(60_000)

    [(message, sealed)] = asked
    assert sealed == [rekeyed["old"], rekeyed["middle"]]
    assert message.startswith("An erase of ")
    assert "2 backups that may still hold the person erased open only with an earlier" in message
    assert "asks again at its next start" in message
    [status] = said
    assert "had stopped before it had cleaned the backups" in status
    if given:
        assert errors == [] and _records(db) == 0
        assert "it is finished now." in status
        assert not _holds(rekeyed["old"], OLD) and not _holds(rekeyed["middle"], MIDDLE)
    else:
        [error] = errors
        assert "could not be cleaned" in error and str(rekeyed["old"]) in error
        assert "2 of them are encrypted with an earlier passphrase" in error
        assert "AccountDesk tries again each time it opens the database" in error
        assert _records(db) == 1  # kept: asked again at the next start
        assert _holds(rekeyed["old"], OLD)


def test_at_start_nothing_to_finish_says_nothing(
    rekeyed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(erase_backups, "ask_earlier_passphrases", pytest.fail)
    erase_backups.finish_erasures(rekeyed["db"], "Europe/Riga", said.append)
    assert tasks.wait_all()
    assert said == []
