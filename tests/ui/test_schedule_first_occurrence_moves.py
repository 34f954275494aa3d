"""The scheduling dialog says when the first occurrence of a series that moves to working
days moves (Friday is Iran's weekend), and saves it on the day it said."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.ui.followups.schedule import ScheduleDialog
from series import row

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_dialog_says_the_first_occurrence_moves(
    ctx: Any, person: Callable[..., str], qtbot: Any
) -> None:
    reza = person("Reza", "IR", "Asia/Tehran")
    dialog = ScheduleDialog(ctx, reza)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Weekly")
    dialog.when.set_value(datetime(2027, 1, 1, 10))  # a Friday
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("FREQ=WEEKLY"))
    assert "first occurrence moves" not in dialog.warnings.text()
    dialog.move_box.setChecked(True)
    said = plain(dialog.warnings.text())
    assert "the first occurrence moves to" in said, said
    assert "2 Jan 2027" in said or "Jan 2, 2027" in said, said
    dialog.save()
    assert row(ctx.db, dialog.saved_id).local_due == datetime(2027, 1, 2, 10)


def test_moving_to_a_working_day_is_offered_with_a_repeat_rule(
    ctx: Any, person: Callable[..., str], qtbot: Any
) -> None:
    """The box moves occurrences of a series: a one-off follow-up has none to move (the box
    did nothing for it, ticked or not)."""
    reza = person("Reza", "IR", "Asia/Tehran")
    dialog = ScheduleDialog(ctx, reza)
    qtbot.addWidget(dialog)
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(""))
    assert not dialog.move_box.isEnabled()
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("FREQ=WEEKLY"))
    assert dialog.move_box.isEnabled()
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("custom"))
    assert not dialog.move_box.isEnabled()  # no rule typed yet
    dialog.custom_rule.setText("FREQ=MONTHLY;BYDAY=1MO")
    assert dialog.move_box.isEnabled()
