"""Complete, Snooze and Reschedule on the Follow-ups screen leave done follow-ups alone:
disabled while only done ones are selected, and with open ones among them they act on the
open ones and say how many done ones were left as they are."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.queries.followups import FollowUpRow, list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

COMPLETED = datetime(2025, 3, 11, 8, tzinfo=UTC)  # Tuesday 11 March, 10:00 in Riga
OPEN_ONLY = ("complete", "snooze", "reschedule")


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    account = create_account(
        ctx.db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    anna = create_contact(
        ctx.db,
        ContactInput(account_id=account, given_name="Anna", country="LV", timezone="Europe/Riga"),
    )
    ids = [
        service.schedule(ctx.db, service.FollowUpInput(anna, title, local)).id
        for title, local in (
            ("Still to do", datetime(2025, 3, 10, 10)),
            ("Sent the offer", datetime(2025, 3, 3, 10)),
            ("Called back", datetime(2025, 3, 7, 15)),
        )
    ]
    service.complete(ctx.db, ids[1:], fixed_clock(COMPLETED))
    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def _rows(ctx: Any) -> dict[str, FollowUpRow]:
    listed = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC", status=None)
    return {row.title: row for row in listed}


def _button(screen: Any, name: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    return screen.findChild(QPushButton, name)


def _messages(ctx: Any) -> list[str]:
    said: list[str] = []
    ctx.status.connect(said.append)
    return said


def _show_done(screen: Any) -> None:
    screen.status.setCurrentIndex(screen.status.findData("done"))
    tasks.wait_all()


def test_only_done_follow_ups_selected_disables_complete_snooze_and_reschedule(
    qtbot: Any, ctx: Any
) -> None:
    screen = _screen(qtbot, ctx)
    screen.table.selectRow(0)  # "Still to do", open
    assert all(_button(screen, name).isEnabled() for name in OPEN_ONLY)
    _show_done(screen)
    assert [row.title for row in screen.model.rows] == ["Sent the offer", "Called back"]
    screen.table.selectRow(0)
    for name in OPEN_ONLY:
        assert not _button(screen, name).isEnabled()
        assert _button(screen, name).toolTip() == "The selected follow-up is done."
    screen.table.selectAll()
    assert _button(screen, "complete").toolTip() == "The selected follow-ups are all done."
    # Delete, the planner and the export still work on done ones.
    assert all(_button(screen, name).isEnabled() for name in ("delete", "planner", "export"))
    # Nothing selected: enabled again (they say what to select).
    screen.table.clearSelection()
    assert all(_button(screen, name).isEnabled() for name in OPEN_ONLY)


def test_done_follow_ups_are_not_completed_snoozed_or_rescheduled_again(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui.followups import schedule

    opened: list[str | None] = []

    class Dialog:
        def __init__(self, _ctx: Any, *, follow_up_id: str | None = None, **_kw: Any) -> None:
            opened.append(follow_up_id)

        def exec(self) -> int:
            return 1

        def deleteLater(self) -> None:  # run_modal deletes the dialog once it is closed
            pass

    monkeypatch.setattr(schedule, "ScheduleDialog", Dialog)
    screen = _screen(qtbot, ctx)
    said = _messages(ctx)
    _show_done(screen)
    screen.table.selectAll()
    # what a double-click, the Snooze menu's presets or a direct call does, disabled or not
    screen.complete()
    screen.snooze_preset("working_day")
    screen.reschedule()
    tasks.wait_all()
    rows = _rows(ctx)
    for title in ("Sent the offer", "Called back"):
        assert rows[title].status == "done"
        assert rows[title].completed_at == COMPLETED  # not completed again "now"
        assert rows[title].snoozed_until is None
    assert opened == []
    assert said == ["2 done follow-ups were left as they are."] * 3


def test_with_open_and_done_selected_only_the_open_ones_are_acted_on(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accountdesk.ui.followups import schedule

    opened: list[str | None] = []

    class Dialog:
        def __init__(self, _ctx: Any, *, follow_up_id: str | None = None, **_kw: Any) -> None:
            opened.append(follow_up_id)

        def exec(self) -> int:
            return 1

        def deleteLater(self) -> None:  # run_modal deletes the dialog once it is closed
            pass

    monkeypatch.setattr(schedule, "ScheduleDialog", Dialog)
    screen = _screen(qtbot, ctx)
    said = _messages(ctx)
    # a list holding both kinds (as one listed before a colleague completed some would)
    screen.model.set_rows(list(_rows(ctx).values()))
    screen.table.selectAll()
    assert all(_button(screen, name).isEnabled() for name in OPEN_ONLY)
    rows = _rows(ctx)
    screen.reschedule()
    assert opened == [rows["Still to do"].id]
    screen.snooze_preset("working_day")
    tasks.wait_all()
    assert _rows(ctx)["Still to do"].snoozed_until is not None
    screen.model.set_rows(list(_rows(ctx).values()))
    screen.table.selectAll()
    screen.complete()
    tasks.wait_all()
    rows = _rows(ctx)
    assert rows["Still to do"].status == "done"
    assert rows["Still to do"].completed_at == ctx.now()
    assert rows["Sent the offer"].completed_at == COMPLETED
    assert rows["Sent the offer"].snoozed_until is None
    left = "2 done follow-ups were left as they are."
    snoozed = f"Snoozed 1 follow-up until Thu 13 Mar, 09:00. {left}"
    assert said == [left, snoozed, f"Completed 1 follow-up (Ctrl+Z to undo). {left}"]


def test_one_done_follow_up_left_alone_is_said_in_the_singular_and_in_persian_digits(
    qtbot: Any, ctx: Any
) -> None:
    from accountdesk.core import i18n
    from accountdesk.ui.app import apply_language

    screen = _screen(qtbot, ctx)
    said = _messages(ctx)
    _show_done(screen)
    screen.table.selectRow(1)
    screen.complete()
    assert said == ["1 done follow-up was left as it is."]
    apply_language("fa")
    try:
        said.clear()
        screen.table.selectAll()
        screen.complete()
        assert len(said) == 1
        assert i18n.format_number(2) in said[0] and "2" not in said[0]
    finally:
        apply_language("en")
