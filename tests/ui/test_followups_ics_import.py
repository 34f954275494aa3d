"""The Follow-ups screen's .ics import and export: what it says about the events it left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.ui import tasks
from series import contact_in


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def _import(qtbot: Any, ctx: Any, monkeypatch: Any, path: Path) -> list[str]:
    """Import ``path`` through the screen for Ayse; returns what the information box said."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from accountdesk.ui.followups import screen as screen_module

    ayse = contact_in(ctx.db, "Ayşe", "Ege Lojistik", "TR", "Europe/Istanbul")
    screen = _screen(qtbot, ctx)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(screen_module, "choose_contact", lambda *a, **k: ayse)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    screen.import_file()
    tasks.wait_all()
    return [plain(text) for text in shown]


def _calendar(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "in.ics"
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN", *lines, "END:VCALENDAR"]
    path.write_bytes(("\r\n".join(body) + "\r\n").encode())
    return path


def test_a_series_that_ended_before_now_is_named(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen's clock is 12 March 2025: weekly calls through 2024 have nothing left."""
    path = _calendar(
        tmp_path,
        "BEGIN:VEVENT", "UID:old@example.com", "SUMMARY:Onboarding",
        "DTSTART;TZID=Europe/Istanbul:20240108T100000", "RRULE:FREQ=WEEKLY;COUNT=8", "END:VEVENT",
    )  # fmt: skip
    shown = _import(qtbot, ctx, monkeypatch, path)
    assert shown == [
        "Imported 0 follow-ups.\n\n1 repeating event has no occurrence left, so it was not "
        "imported (\u201cOnboarding\u201d)."
    ]


def test_tasks_are_imported_and_those_without_a_date_are_named(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of tasks (VTODO) said "Imported 0 follow-ups." and nothing else."""
    path = _calendar(
        tmp_path,
        "BEGIN:VTODO", "UID:t1", "SUMMARY:Call Jane", "DUE:20250315T100000Z", "END:VTODO",
        "BEGIN:VTODO", "UID:t2", "SUMMARY:Someday", "END:VTODO",
    )  # fmt: skip
    shown = _import(qtbot, ctx, monkeypatch, path)
    assert shown == [
        "Imported 1 follow-up.\n\n1 task has no date (DUE or DTSTART), so it was not imported "
        "(\u201cSomeday\u201d)."
    ]


def test_the_done_list_is_not_exported_as_things_to_do(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "Done" chosen, Export .ics… wrote the done follow-ups as upcoming events with
    alarms; it says why there is nothing to export, and asks for no file."""
    from datetime import datetime

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from accountdesk.core.services import followups as service

    ayse = contact_in(ctx.db, "Ayşe", "Ege Lojistik", "TR", "Europe/Istanbul")
    made = service.schedule(
        ctx.db, service.FollowUpInput(ayse, "India 10:00", datetime(2025, 3, 20, 10))
    )
    service.complete(ctx.db, [made.id], ctx.clock)
    screen = _screen(qtbot, ctx)
    screen.status.setCurrentIndex(screen.status.findData("done"))
    tasks.wait_all()
    assert [r.title for r in screen.model.rows] == ["India 10:00"]
    asked: list[object] = []
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    screen.export()
    assert (asked, shown) == (
        [],
        ["Only open follow-ups are exported to a calendar, and these are all done."],
    )
    path = tmp_path / "done.ics"
    assert screen.export_to(path) == 0
    assert b"BEGIN:VEVENT" not in path.read_bytes()


def test_the_export_says_until_when_a_series_that_moves_is_written(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weekly call that moves to working days is in the file for two years and more, and
    ends there (rev17's 10th): the screen says until when, and that a later export goes on."""
    from datetime import datetime

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from accountdesk.core.services import followups as service

    maryam = contact_in(ctx.db, "Maryam", "Rezaei Co", "IR", "Asia/Tehran")
    service.schedule(
        ctx.db,
        service.FollowUpInput(
            maryam, "Weekly call", datetime(2025, 3, 21, 10), rrule="FREQ=WEEKLY",
            move_to_working_day=True,
        ),
    )  # fmt: skip
    screen = _screen(qtbot, ctx)
    path = tmp_path / "out.ics"
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    screen.export()
    (said,) = [plain(text) for text in shown]
    assert said.startswith("Exported 1 follow-up.\n\n1 repeating follow-up that moves to ")
    assert "is in the file until " in said and "\u201cWeekly call\u201d" in said
    assert b"X-ACCOUNTDESK-RRULE" in path.read_bytes()
