"""File → Export… (ui/export_dialog.py): the file chosen gets its format's extension, the
export runs off the GUI thread behind a busy bar, the status bar says what was written and
where; a failure says why and leaves the file that was there."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.io.exports import ExportStopped
from accountdesk.ui import export_dialog, tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_name_typed_without_extension_gets_the_formats() -> None:
    assert export_dialog.with_extension(Path("/d/contacts"), "csv") == Path("/d/contacts.csv")
    assert export_dialog.with_extension(Path("/d/all.JSON"), "json") == Path("/d/all.JSON")
    assert export_dialog.with_extension(Path("/d/cards.vcard"), "vcard") == Path("/d/cards.vcard")
    assert export_dialog.with_extension(Path("/d/x.csv"), "vcard") == Path("/d/x.csv.vcf")


def test_the_export_is_written_and_the_status_bar_says_so(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Path
) -> None:
    said: list[str] = []
    ctx.status.connect(said.append)
    target = tmp_path / "out.csv"
    dialog = export_dialog.export_to_file(ctx, None, target, "csv")
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Somchai" in target.read_text(encoding="utf-8-sig")
    assert said == [f"Exported 3 rows. Written to {target}."]
    assert not dialog.isVisible()


def test_a_long_export_shows_a_busy_bar_and_cancel_stops_it(
    ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How long an export takes is not known beforehand: the bar is Qt's busy one (0 to 0),
    not a bar stuck at 0 %; Cancel makes the export's next write stop it."""
    release = threading.Event()
    answers: list[bool] = []

    def slow(_db: Any, _path: Path, _kind: str, *, go_on: Any) -> str:
        while True:
            answers.append(go_on())
            if not answers[-1]:
                raise ExportStopped("stopped")
            release.wait(0.01)

    monkeypatch.setattr(export_dialog, "export_file", slow)
    said: list[str] = []
    ctx.status.connect(said.append)
    dialog = export_dialog.export_to_file(ctx, None, tmp_path / "out.csv", "csv")
    qtbot.waitUntil(lambda: dialog.maximum() == 0, timeout=10000)
    assert dialog.minimum() == 0
    dialog.canceled.emit()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    assert answers[-1] is False and said == ["stopped"]  # in the status bar, no box


def test_a_failed_export_says_why_and_keeps_the_file(
    ctx: Any, sample: dict[str, str], qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        export_dialog.QMessageBox, "warning", lambda _p, _t, text: warned.append(text)
    )
    target = tmp_path / "missing-folder" / "out.csv"
    export_dialog.export_to_file(ctx, None, target, "csv")
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    assert len(warned) == 1 and "missing-folder" in warned[0]
    assert not target.exists()
