"""Saving the scheduling dialog says what was scheduled, in the status bar: the contact's page
lists no follow-ups, so scheduling one from it closed the dialog and changed nothing in
sight."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.ui.followups.schedule import ScheduleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _saved(qtbot: Any, ctx: Any, dialog: ScheduleDialog) -> str:
    said: list[str] = []
    ctx.status.connect(said.append)
    dialog.save()
    assert dialog.result() == ScheduleDialog.DialogCode.Accepted
    assert len(said) == 1, said
    return plain(said[0])


def test_scheduling_says_when_in_their_time(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    """Seen in a Thai tour: "Schedule follow-up…" on Somchai's page, Save, and the dialog
    closed with nothing on the page or in the status bar to say it was done."""
    with use_language("th"):
        dialog = ScheduleDialog(ctx, sample["somchai"])
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("โทรติดตาม")
        dialog.when.set_value(datetime(2025, 3, 14, 10, 0))  # Friday, in Bangkok
        said = _saved(qtbot, ctx, dialog)
    assert "14 มี.ค. 2568 10:00" in said, said  # their wall time, in the Buddhist era
    assert "กรุงเทพ" in said, said  # and their zone


def test_rescheduling_says_where_it_moved(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    first = ScheduleDialog(ctx, sample["somchai"])
    qtbot.addWidget(first)
    first.title_edit.setText("Call back")
    first.when.set_value(datetime(2025, 3, 14, 10, 0))
    _saved(qtbot, ctx, first)
    assert first.saved_id is not None
    moved = ScheduleDialog(ctx, follow_up_id=first.saved_id)
    qtbot.addWidget(moved)
    moved.when.set_value(datetime(2025, 3, 17, 11, 0))
    said = _saved(qtbot, ctx, moved)
    assert said.startswith("Follow-up moved to "), said
    assert "17 Mar 2025" in said and "11:00" in said and "Bangkok" in said, said
