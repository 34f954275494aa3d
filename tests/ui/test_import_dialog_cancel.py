"""Cancel in the progress dialog of a vCard or JSON import (File → Import contacts…) stops the
import as it stops a CSV import: nothing is written, the CSV import's sentence is shown, and
the progress dialog closes without a report of what was imported."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import func, select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Contact
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.import_dialog import import_file
from importfiles import CANCELLED, json_export, vcard_file

#: The offscreen platform's note when a window (the progress dialog of a slow run) is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _cards(tmp_path: Path, count: int = 300) -> Path:
    return vcard_file(tmp_path, count, emails=False)


def _export(tmp_path: Path) -> Path:
    return json_export(tmp_path, 40)


def _contacts(db: Database) -> int:
    with db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"information": [], "warning": []}
    for kind, found in shown.items():
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, f=found: f.append(text))
    return shown


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The import's first report of progress waits until the test opens the gate, so that
    Cancel is pressed while the import runs, whatever the machine's speed."""
    opened = threading.Event()

    class Gated(tasks.Progress):
        def __call__(self, done: int, total: int) -> bool:
            assert opened.wait(30)
            return super().__call__(done, total)

    monkeypatch.setattr(tasks, "Progress", Gated)
    return opened


@pytest.mark.parametrize("kind", ["vcard", "json"])
def test_cancel_stops_a_vcard_or_json_import_and_writes_nothing(
    db: Database,
    tmp_path: Path,
    qtbot: Any,
    boxes: dict[str, list[str]],
    gate: threading.Event,
    kind: str,
) -> None:
    ctx = AppContext(db)  # an empty database: a JSON export is imported into one
    changed: list[str] = []
    ctx.changed.connect(changed.append)
    path = _cards(tmp_path) if kind == "vcard" else _export(tmp_path)
    progress = import_file(ctx, None, str(path))
    assert progress is not None
    (cancel,) = progress.findChildren(QPushButton)
    cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30000)
    assert boxes == {"information": [], "warning": [CANCELLED]}
    assert not progress.isVisible()
    assert changed == []  # no screen told of new records
    assert _contacts(db) == 0


def test_an_import_left_to_run_is_written_and_reported(
    db: Database, tmp_path: Path, qtbot: Any, boxes: dict[str, list[str]], gate: threading.Event
) -> None:
    gate.set()
    ctx = AppContext(db)
    import_file(ctx, None, str(_cards(tmp_path, 120)))
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30000)
    assert boxes["warning"] == []
    assert boxes["information"][0].startswith("Read 120 cards.")
    assert _contacts(db) == 120
