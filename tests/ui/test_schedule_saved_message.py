"""What the status bar says after a follow-up is saved from the scheduling dialog: "moved"
only when its time or zone changed (editing its title said "Follow-up moved to …", a move
that did not happen: review R2)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.ui.followups.schedule import ScheduleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_saved_when_only_the_title_changed_moved_when_the_time_did(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    said: list[str] = []
    ctx.status.connect(lambda text: said.append(plain(text)))
    first = ScheduleDialog(ctx, sample["somchai"])
    qtbot.addWidget(first)
    first.title_edit.setText("Call back")
    first.when.set_value(datetime(2025, 3, 14, 10, 0))
    first.save()
    assert said[-1].startswith("Follow-up scheduled for ")
    again = ScheduleDialog(ctx, follow_up_id=first.saved_id)
    qtbot.addWidget(again)
    again.title_edit.setText("Call back about the offer")  # the time untouched
    again.save()
    assert said[-1].startswith("Follow-up saved; it is due "), said
    moved = ScheduleDialog(ctx, follow_up_id=first.saved_id)
    qtbot.addWidget(moved)
    moved.when.set_value(datetime(2025, 3, 17, 11, 0))
    moved.save()
    assert said[-1].startswith("Follow-up moved to "), said
