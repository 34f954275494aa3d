"""The reminder bar's Complete acts on what the bar holds and says so: one follow-up is
completed at once; several (the bar names three, it may count 41) only once the user says
yes to all of them, counted. The status bar says how many were completed, and one Undo
reopens them all (a repeating one back at the occurrence it was at) and puts them back in the
bar. It completed every follow-up it counted at one click, said nothing and left nothing to
undo (review rev31, item 1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import followups as service
from accountdesk.ui import tasks
from accountdesk.ui.followups import reminders as reminders_module

#: a window shown offscreen: the platform cannot size or raise it
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TITLES = ("Call", "Send the offer", "Ask about the pallets", "Book the visit", "Weekly")


def _open(ctx: Any) -> dict[str, tuple[str, str]]:
    """Every follow-up's (status, local due), by title."""
    return {
        r.title: (r.status, r.local_due.isoformat())
        for status in ("open", "done")
        for r in list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC", status=status)
    }


@pytest.fixture
def five(ctx: Any, person: Any) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    for day, title in enumerate(TITLES[:-1], start=6):
        service.schedule(ctx.db, service.FollowUpInput(ayse, title, datetime(2025, 3, day, 10)))
    weekly = service.FollowUpInput(ayse, "Weekly", datetime(2025, 3, 10, 10), rrule="FREQ=WEEKLY")
    service.schedule(ctx.db, weekly)


@pytest.fixture
def said(ctx: Any) -> list[str]:
    messages: list[str] = []
    ctx.status.connect(messages.append)
    return messages


def _bar_of_five(reminding: Any) -> Any:
    _window, reminders = reminding()
    reminders.check()
    tasks.wait_all()
    assert "5 follow-ups are due." in reminders.text()
    return reminders


def test_complete_asks_naming_the_count_and_cancel_leaves_them_all(
    qtbot: Any, ctx: Any, five: None, reminding: Any, said: list[str], monkeypatch: Any
) -> None:
    reminders = _bar_of_five(reminding)
    before = _open(ctx)
    asked: list[int] = []

    def cancel(_parent: object, count: int) -> bool:
        asked.append(count)
        return False

    monkeypatch.setattr(reminders_module, "ask_complete_all", cancel)
    reminders.bar.complete.click()
    tasks.wait_all()
    assert asked == [5]
    assert _open(ctx) == before  # all still open
    assert all(status == "open" for status, _due in before.values())
    assert reminders.bar.isVisible() and "5 follow-ups are due." in reminders.text()
    assert ctx.undo_stack.count() == 0 and said == []


def test_the_question_names_the_count(qtbot: Any) -> None:
    box = reminders_module.complete_all_box(None, 41)
    qtbot.addWidget(box)
    assert box.text() == "Complete all 41 follow-ups that fell due?"
    assert box.button(QMessageBox.StandardButton.Ok).text() == "Complete all"
    assert box.button(QMessageBox.StandardButton.Cancel) is not None
    assert "Undo" in box.informativeText()


def test_complete_all_then_one_undo_reopens_them_all(
    qtbot: Any, ctx: Any, five: None, reminding: Any, said: list[str], monkeypatch: Any
) -> None:
    reminders = _bar_of_five(reminding)
    before = _open(ctx)
    monkeypatch.setattr(reminders_module, "ask_complete_all", lambda _parent, _count: True)
    reminders.bar.complete.click()
    tasks.wait_all()
    after = _open(ctx)
    assert [after[t][0] for t in TITLES] == ["done"] * 4 + ["open"]
    assert after["Weekly"][1] > before["Weekly"][1]  # moved on to its next occurrence
    assert said[-1] == "Completed 5 follow-ups (Ctrl+Z to undo)."
    assert not reminders.bar.isVisible() and reminders.pending == []
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Complete 5 follow-ups"

    ctx.undo_stack.undo()  # one step
    tasks.wait_all()
    assert _open(ctx) == before  # the weekly one back at the occurrence it was at
    assert said[-1] == "Reopened 5 follow-ups."
    assert reminders.bar.isVisible() and "5 follow-ups are due." in reminders.text()

    ctx.undo_stack.redo()
    tasks.wait_all()
    assert _open(ctx) == after
    assert not reminders.bar.isVisible()


def test_one_follow_up_is_completed_without_a_question(
    qtbot: Any, ctx: Any, person: Any, reminding: Any, said: list[str], monkeypatch: Any
) -> None:
    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    _window, reminders = reminding()
    reminders.check()
    tasks.wait_all()

    def unasked(*_args: object) -> bool:
        pytest.fail("one follow-up is completed without a question")

    monkeypatch.setattr(reminders_module, "ask_complete_all", unasked)
    reminders.bar.complete.click()
    tasks.wait_all()
    assert _open(ctx) == {"Call": ("done", "2025-03-11T10:00:00")}
    assert said[-1] == "Completed 1 follow-up (Ctrl+Z to undo)."
    assert ctx.undo_stack.undoText() == "Complete 1 follow-up"
    ctx.undo_stack.undo()
    assert _open(ctx) == {"Call": ("open", "2025-03-11T10:00:00")}
    assert "1 follow-up is due." in reminders.text()


def test_the_follow_ups_screen_completes_undoably_too(
    qtbot: Any, ctx: Any, five: None, reminding: Any, said: list[str]
) -> None:
    window, _reminders = reminding()
    screen = window.screen_widget("followups")
    tasks.wait_all()
    before = _open(ctx)
    screen.table.selectAll()
    screen.complete()
    tasks.wait_all()
    assert said[-1] == "Completed 5 follow-ups (Ctrl+Z to undo)."
    ctx.undo_stack.undo()
    tasks.wait_all()
    assert _open(ctx) == before


def test_undo_names_the_completion_in_the_language_chosen_since(
    qtbot: Any, ctx: Any, five: None, reminding: Any, monkeypatch: Any
) -> None:
    from accountdesk.core import i18n
    from accountdesk.ui.app import apply_language

    reminders = _bar_of_five(reminding)
    monkeypatch.setattr(reminders_module, "ask_complete_all", lambda _parent, _count: True)
    reminders.bar.complete.click()
    tasks.wait_all()
    apply_language("fa")
    try:
        ctx.retranslate()  # what Settings → Language does before the window is built again
        assert i18n.format_number(5) in ctx.undo_stack.undoText()
        assert "5" not in ctx.undo_stack.undoText()
    finally:
        apply_language("en")
        ctx.retranslate()
