"""Dialogs are deleted once they close: before, every editor, planner and question a user
opened stayed alive as a hidden child of the screen that opened it (as long as the app), with
what it had loaded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

import accountdesk.ui
from accountdesk.ui.contacts.view import ContactView


def _closed_at_once(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every dialog's exec returns at once (as if closed), and is remembered."""
    shown: list[QDialog] = []

    def exec_(self: QDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_the_dialogs_a_contact_screen_opens_are_deleted_once_closed(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _closed_at_once(monkeypatch)
    view = ContactView(ctx, sample["anna"])
    qtbot.addWidget(view)
    for _round in range(3):
        view.edit()
        view.schedule_follow_up()
        view.quick_log()
    assert len(shown) == 9
    assert len(view.findChildren(QDialog)) == 9  # alive until the event loop runs again
    qtbot.wait(20)
    assert view.findChildren(QDialog) == []


def test_every_dialog_of_the_app_is_run_through_run_modal() -> None:
    """No screen calls a dialog's exec() itself (the app's and a worker's event loops apart)."""
    root = Path(accountdesk.ui.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "modal.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.exec\(\)", line) and not re.search(r"\b(app|loop)\.exec\(\)", line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert found == []
