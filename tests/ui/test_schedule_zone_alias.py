"""Reopening a follow-up whose contact's zone is stored under an older name (Europe/Kiev) in
the scheduling dialog, whose zone box lists it as Europe/Kyiv, and changing only its title
keeps its series and its snooze, and the status bar says it was saved, not moved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.clock import fixed_clock
from accountdesk.core.services import followups as fu
from accountdesk.ui.followups.schedule import ScheduleDialog
from accountdesk.ui.forms import combo_value
from series import row

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_new_title_in_the_dialog_keeps_series_and_snooze(
    ctx: Any, person: Callable[..., str], qtbot: Any
) -> None:
    olena = person("Olena", "UA", "Europe/Kiev")
    made = fu.schedule(
        ctx.db,
        fu.FollowUpInput(
            olena, "Quarterly", datetime(2027, 1, 31, 10), rrule="FREQ=MONTHLY;INTERVAL=3;COUNT=4"
        ),
    ).id
    first = row(ctx.db, made)
    fu.complete(ctx.db, [first.shown], fixed_clock(first.due_at))
    later = datetime(2027, 5, 3, 9, tzinfo=UTC)
    fu.snooze(ctx.db, [made], later)
    said: list[str] = []
    ctx.status.connect(lambda text: said.append(plain(text)))
    dialog = ScheduleDialog(ctx, follow_up_id=made)
    qtbot.addWidget(dialog)
    assert combo_value(dialog.zone) == "Europe/Kyiv"  # the box's name for it
    dialog.title_edit.setText("Quarterly review")
    dialog.save()
    after = row(ctx.db, made)
    assert (after.title, after.snoozed_until, after.zone) == (
        "Quarterly review",
        later,
        "Europe/Kiev",
    )
    assert after.local_due == datetime(2027, 4, 30, 10)
    assert said[-1].startswith("Follow-up saved; it is due "), said
