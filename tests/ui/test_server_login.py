"""The password dialog at start-up, on a real team server (the throwaway cluster)."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from accountdesk.core.bidi import plain
from accountdesk.core.db import credentials
from accountdesk.ui.server_login import PasswordDialog, open_server_with_dialog
from pgcluster import BACKENDS, Cluster
from teamserver import Team, blank_database, password_of, private_home, set_up

pytestmark = pytest.mark.skipif(
    "postgresql" not in BACKENDS, reason="a team server needs PostgreSQL"
)


@pytest.fixture
def team(
    pg_cluster: Cluster, pg_template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Team]:
    private_home(tmp_path, monkeypatch)
    with blank_database(pg_cluster, pg_template) as (name, _url):
        yield set_up(pg_cluster, name)


class Answers:
    """Typed answers to every PasswordDialog (None: Quit); records what each one showed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[str | None]) -> None:
        self.answers = list(answers)
        self.seen: list[dict[str, Any]] = []
        monkeypatch.setattr(PasswordDialog, "exec", lambda dialog: self._exec(dialog))

    def _exec(self, dialog: PasswordDialog) -> int:
        self.seen.append(
            {
                "text": dialog.findChildren(QLabel)[0].text(),
                "error": "" if dialog.error.isHidden() else dialog.error.text(),
                "echo": dialog.field.echoMode(),
                "remember": dialog.remember is not None,
            }
        )
        answer = self.answers.pop(0)
        if answer is None:
            return int(QDialog.DialogCode.Rejected)
        dialog.field.setText(answer)
        if dialog.remember is not None:
            dialog.remember.setChecked(True)
        return int(QDialog.DialogCode.Accepted)


def _url(team: Team) -> str:
    return f"postgresql://{team.ben}@127.0.0.1:{team.cluster.port}/{team.database}"


def test_the_start_asks_for_the_password_and_again_after_a_wrong_one(
    team: Team, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    answers = Answers(monkeypatch, ["not it", password_of(team.ben)])
    db = open_server_with_dialog(_url(team))
    assert db is not None
    try:
        assert db.login == team.ben
    finally:
        db.close()
    where = f"127.0.0.1:{team.cluster.port}/{team.database}"
    assert [plain(s["text"]) for s in answers.seen] == [
        f"AccountDesk opens the team's database on {where}. Give the password of {team.ben}."
    ] * 2
    assert [s["error"] for s in answers.seen] == [
        "",
        f"The server {where} did not accept the login {team.ben} with that password.",
    ]
    assert answers.seen[0]["echo"] == QLineEdit.EchoMode.Password
    assert answers.seen[0]["remember"] is False  # no keyring here: not offered


def test_quit_at_the_password_opens_nothing(
    team: Team, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    Answers(monkeypatch, [None])
    assert open_server_with_dialog(_url(team)) is None
    from accountdesk.ui.app import run_gui

    answers = Answers(monkeypatch, [None])
    assert run_gui(_url(team), "en") == 0  # the start asks before any window; Quit: no error
    assert len(answers.seen) == 1


def _fake_keyring(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """A keyring module with an in-memory store (a real one needs a desktop session)."""
    store: dict[tuple[str, str], str] = {}
    fake = types.ModuleType("keyring")
    fake.__spec__ = importlib.machinery.ModuleSpec("keyring", None)
    backend = types.SimpleNamespace(priority=5)
    fake.get_keyring = lambda: backend  # type: ignore[attr-defined]
    fake.get_password = lambda s, u: store.get((s, u))  # type: ignore[attr-defined]
    fake.set_password = lambda s, u, p: store.__setitem__((s, u), p)  # type: ignore[attr-defined]
    fake.delete_password = lambda s, u: store.pop((s, u))  # type: ignore[attr-defined]
    errors = types.ModuleType("keyring.errors")
    errors.__spec__ = importlib.machinery.ModuleSpec("keyring.errors", None)
    errors.KeyringError = type("KeyringError", (Exception,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setitem(sys.modules, "keyring.errors", errors)
    return store


def test_a_known_password_is_not_asked_and_remember_keeps_it(
    team: Team, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    store = _fake_keyring(monkeypatch)
    answers = Answers(monkeypatch, [password_of(team.ben)])
    db = open_server_with_dialog(_url(team))
    assert db is not None and answers.seen[0]["remember"] is True
    db.close()
    assert list(store.values()) == [password_of(team.ben)]
    credentials.forget(_url(team))  # this process forgets; the keyring (refilled) has it
    store[("AccountDesk", f"postgresql://{team.ben}@{credentials.server_address(_url(team))}")] = (
        password_of(team.ben)
    )
    again = open_server_with_dialog(_url(team))
    assert again is not None and again.login == team.ben
    again.close()
    assert len(answers.seen) == 1  # not asked the second time


def test_a_stale_password_in_the_keyring_asks_and_remember_replaces_it(
    team: Team, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    store = _fake_keyring(monkeypatch)
    credentials.forget(_url(team))
    credentials.remember(_url(team), "changed-since")
    answers = Answers(monkeypatch, [password_of(team.ben)])
    db = open_server_with_dialog(_url(team))
    assert db is not None and db.login == team.ben
    db.close()
    where = f"127.0.0.1:{team.cluster.port}/{team.database}"
    assert [s["error"] for s in answers.seen] == [
        f"The server {where} did not accept the login {team.ben} with the password from the "
        "system keyring; sign in again with accountdesk server login."
    ]
    assert list(store.values()) == [password_of(team.ben)]  # Remember replaced the stale one


def test_a_wrong_pgpassword_asks_at_the_start(
    team: Team, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    credentials.forget(_url(team))
    answers = Answers(monkeypatch, [password_of(team.ben)])
    db = open_server_with_dialog(_url(team))
    assert db is not None and db.login == team.ben
    db.close()
    where = f"127.0.0.1:{team.cluster.port}/{team.database}"
    assert [s["error"] for s in answers.seen] == [
        f"The server {where} did not accept the login {team.ben} with that password."
    ]
    credentials.forget(_url(team))
    from accountdesk.ui.app import run_gui

    answers = Answers(monkeypatch, [None])
    assert run_gui(_url(team), "en") == 0  # the start shows the dialog; Quit: no error
    assert len(answers.seen) == 1 and answers.seen[0]["error"].startswith("The server ")
