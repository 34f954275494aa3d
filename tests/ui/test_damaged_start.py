"""A damaged database at start: the app offers its backups (the newest, or one from a file)
instead of only saying so and quitting; the damaged file is kept beside the restored one."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from accountdesk.core.db.backup import make_backup
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import app as app_module

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen windows


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM accounts"))
    finally:
        conn.close()


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Path:
    monkeypatch.setenv("ACCOUNTDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(app_module.EXIT_WHEN_READY, "filled")
    path = tmp_path / "data.db"
    db = open_database(path)
    create_account(db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga"))
    make_backup(db)
    create_account(db, AccountInput(name="Later", country="LV", timezone="Europe/Riga"))
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


class Said:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[bool]) -> None:
        self.asked: list[str] = []
        self.told: list[str] = []
        self.answers = answers

        def question(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            self.asked.append(text)
            yes = self.answers.pop(0)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        def tell(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            self.told.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "question", question)
        for name in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, name, tell)


def test_a_damaged_database_at_start_offers_its_newest_backup(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = damaged.read_bytes()
    said = Said(monkeypatch, [True])
    assert app_module.run_gui(str(damaged), "en") == 0  # opened on the restored file
    assert len(said.asked) == 1
    assert "is damaged" in said.asked[0] and "Restore its newest backup" in said.asked[0]
    assert _names(damaged) == ["Baltic Timber"]
    kept = [p for p in damaged.parent.iterdir() if p.name.startswith("data.db.damaged-")]
    assert [p.read_bytes() for p in kept] == [cut]
    assert any(str(kept[0]) in text for text in said.told)


def test_declining_the_offer_quits_and_names_the_commands(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = damaged.read_bytes()
    said = Said(monkeypatch, [False, False])  # not the newest, not one from a file
    assert app_module.run_gui(str(damaged), "en") == 1
    assert damaged.read_bytes() == cut
    assert f"accountdesk db restore NAME --db {damaged}" in said.told[-1]
