"""Done follow-ups on the Follow-ups screen: neutral, with when they were completed, never
"Overdue"; "Overdue" and "Done" cannot be chosen together."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.clock import fixed_clock
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.ui import tasks
from accountdesk.ui.columns import text_width
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WHEN = 6  # the "When" column


def _screen(qtbot: Any, ctx: Any) -> Any:
    from accountdesk.ui.followups.screen import FollowUpsScreen

    account = create_account(
        ctx.db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    anna = create_contact(
        ctx.db,
        ContactInput(
            account_id=account,
            given_name="Anna",
            family_name="Ozola",
            country="LV",
            timezone="Europe/Riga",
        ),
    )
    # Now is Wednesday 12 March 2025, 11:30 in Riga: all three were due before now.
    ids = [
        service.schedule(ctx.db, service.FollowUpInput(anna, title, local)).id
        for title, local in (
            ("Still to do", datetime(2025, 3, 10, 10)),
            ("Sent the offer", datetime(2025, 3, 3, 10)),
            ("Called back", datetime(2025, 3, 7, 15)),
        )
    ]
    # Completed on Tuesday 11 March, 10:00 in Riga.
    service.complete(ctx.db, ids[1:], fixed_clock(datetime(2025, 3, 11, 8, tzinfo=UTC)))
    screen = FollowUpsScreen(ctx)
    qtbot.addWidget(screen)
    tasks.wait_all()
    return screen


def _choose(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))
    tasks.wait_all()


def _shown(screen: Any) -> list[tuple[str, str, object]]:
    """Each row's title, "When" and colour."""
    model = screen.model
    return [
        (
            model.data(model.index(r, 2), PLAIN_ROLE),
            model.data(model.index(r, WHEN), PLAIN_ROLE),
            model.data(model.index(r, WHEN), Qt.ItemDataRole.ForegroundRole),
        )
        for r in range(model.rowCount())
    ]


def test_done_follow_ups_are_neutral_with_when_they_were_completed(qtbot: Any, ctx: Any) -> None:
    screen = _screen(qtbot, ctx)
    [(title, when, colour)] = _shown(screen)
    assert (title, when) == ("Still to do", "Overdue")
    assert colour is not None and colour.name() == "#b3261e"
    _choose(screen.status, "done")
    assert _shown(screen) == [
        ("Sent the offer", "Completed 11 Mar 2025, 10:00", None),
        ("Called back", "Completed 11 Mar 2025, 10:00", None),
    ]
    # and the column is wide enough to show it uncut
    needed = text_width(screen.table, ["Completed 11 Mar 2025, 10:00"])
    assert screen.table.columnWidth(WHEN) >= needed


def test_overdue_and_done_cannot_be_chosen_together(qtbot: Any, ctx: Any) -> None:
    screen = _screen(qtbot, ctx)
    bucket = screen.bucket
    _choose(bucket, "overdue")
    assert [row[0] for row in _shown(screen)] == ["Still to do"]
    _choose(screen.status, "done")
    # The bucket list does not claim "open" nor keep "Overdue": all done ones, neutral.
    assert not bucket.isEnabled()
    assert bucket.currentIndex() == 0 and bucket.currentText() == "All done"
    assert [row[0] for row in _shown(screen)] == ["Sent the offer", "Called back"]
    assert all(row[1] != "Overdue" and row[2] is None for row in _shown(screen))
    # Back to "Open": the bucket chosen before.
    _choose(screen.status, "open")
    assert bucket.isEnabled()
    assert bucket.currentData() == "overdue"
    assert bucket.itemText(0) == "All open"
    assert [row[0] for row in _shown(screen)] == ["Still to do"]


def test_todays_show_all_while_done_is_chosen_lists_the_open_bucket(qtbot: Any, ctx: Any) -> None:
    screen = _screen(qtbot, ctx)
    _choose(screen.bucket, "today")
    _choose(screen.status, "done")
    screen.show_bucket("overdue")  # what Today's "Show all" does
    tasks.wait_all()
    assert screen.status.currentData() == "open"
    assert screen.bucket.isEnabled() and screen.bucket.currentData() == "overdue"
    assert screen.bucket.itemText(0) == "All open"
    assert [row[:2] for row in _shown(screen)] == [("Still to do", "Overdue")]
    # The reminder's "Show them": every open one, whatever was chosen.
    _choose(screen.status, "done")
    screen.show_follow_ups(set())
    tasks.wait_all()
    assert screen.status.currentData() == "open" and screen.bucket.currentIndex() == 0
    assert [row[0] for row in _shown(screen)] == ["Still to do"]
