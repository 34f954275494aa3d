"""A snooze says what it did, and the lists show it: the Follow-ups screen's "When" and
Today's "Due (yours)" say until when a reminder is snoozed. A snooze that could not move the
reminder (the follow-up is not due by then) is not made, and the status bar says why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WHEN = 6  # the Follow-ups screen's "When" column


def _ayse(db: Any) -> str:
    account = create_account(
        db, AccountInput(name="Ege Lojistik", country="TR", timezone="Europe/Istanbul")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Ayse", country="TR", timezone="Europe/Istanbul"
        ),
    )


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def _when(screen: Any, title: str) -> str:
    row = next(r for r in screen.model.rows if r.title == title)
    return plain(screen.model.text(row, WHEN))


def _select(screen: Any, title: str) -> None:
    screen.table.selectRow(next(n for n, r in enumerate(screen.model.rows) if r.title == title))


def test_a_snooze_is_said_and_shown_in_the_list_and_today(qtbot: Any, ctx: Any) -> None:
    from accountdesk.ui.today.screen import TodayScreen

    ayse = _ayse(ctx.db)  # the clock: Wednesday 12 March 2025, 11:30 in Riga
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    said: list[str] = []
    ctx.status.connect(said.append)
    screen = _screen(qtbot, ctx)
    assert _when(screen, "Call") == "Overdue"
    _select(screen, "Call")
    screen.snooze_preset("3h")
    tasks.wait_all()
    assert said[-1] == "Snoozed 1 follow-up until Wed 12 Mar, 14:30."  # the user's time
    assert _when(screen, "Call") == "Overdue, snoozed until Wed 12 Mar, 14:30"
    today = TodayScreen(ctx, asynchronous=False)
    qtbot.addWidget(today)
    model = today.overdue.panel.model
    column = next(c for c, (name, _cell) in enumerate(model.columns) if name == "Due (yours)")
    assert (
        plain(str(model.index(0, column).data()))
        == "11 Mar, 09:00, snoozed until Wed 12 Mar, 14:30"
    )


def test_a_snooze_before_it_is_due_is_not_made_and_says_why(qtbot: Any, ctx: Any) -> None:
    ayse = _ayse(ctx.db)
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Call", datetime(2025, 3, 11, 10)))
    service.schedule(ctx.db, service.FollowUpInput(ayse, "Offer", datetime(2025, 3, 14, 10)))
    said: list[str] = []
    ctx.status.connect(said.append)
    screen = _screen(qtbot, ctx)
    screen.table.selectAll()
    screen.snooze_preset("1h")
    tasks.wait_all()
    assert said[-1] == (
        "Snoozed 1 follow-up until Wed 12 Mar, 12:30. 1 follow-up is not due until later, so "
        "it was not snoozed: its reminder comes when it falls due."
    )
    rows = {r.title: r for r in list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")}
    assert rows["Offer"].snoozed_until is None
    assert rows["Call"].snoozed_until is not None
    assert _when(screen, "Offer") == "Next 7 days"
