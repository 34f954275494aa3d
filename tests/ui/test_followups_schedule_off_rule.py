"""A repeating follow-up scheduled on a day its rule does not repeat on (Monday 1 March, a
rule on Thursdays): the dialog says so, that the day counts as one of the rule's times, and
offers the rule's first day (rev17's 7th: it said nothing, and the app made four follow-ups
of "3 times")."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core.queries.followups import list_follow_ups
from accountdesk.core.services import followups as fu
from series import contact_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

RULE = "FREQ=WEEKLY;BYDAY=TH;COUNT=3"


def _dialog(qtbot: Any, ctx: Any, contact_id: str, **kwargs: Any) -> Any:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, contact_id, title="Thursday calls", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_start_off_the_rule_is_said_and_the_rules_first_day_offered(qtbot: Any, ctx: Any) -> None:
    ilze = contact_in(ctx.db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    dialog = _dialog(qtbot, ctx, ilze, local=datetime(2027, 3, 1, 10), rrule=RULE)
    assert dialog.rule_hint.text() == "Every week on Thursday, 3 times"
    assert (
        "Monday, 1 March 2027 is not one of the days the rule repeats on: it is the first "
        "occurrence all the same, counted as one of its times"
    ) in dialog.warnings.text()
    assert "The rule's first day is Thursday, 4 March 2027." in dialog.warnings.text()
    assert dialog.rule_start.isVisibleTo(dialog)
    assert dialog.rule_start.text() == "Start on Thu 4 Mar"
    dialog.rule_start.click()
    assert dialog.local() == datetime(2027, 3, 4, 10)
    assert "not one of the days" not in dialog.warnings.text()
    assert not dialog.rule_start.isVisibleTo(dialog)
    dialog.save()
    rows = list_follow_ups(ctx.db, now=ctx.now(), user_zone="UTC")
    assert [(r.local_due, r.rrule) for r in rows] == [(datetime(2027, 3, 4, 10), RULE)]


def test_a_preset_from_an_other_day_and_no_rule(qtbot: Any, ctx: Any) -> None:
    ilze = contact_in(ctx.db, "Ilze", "Dzintars", "LV", "Europe/Riga")
    third_monday = "FREQ=MONTHLY;BYDAY=3MO"  # a preset
    dialog = _dialog(qtbot, ctx, ilze, local=datetime(2027, 3, 1, 10), rrule=third_monday)
    assert dialog.rule_start.isVisibleTo(dialog)
    assert dialog.rule_start.text() == "Start on Mon 15 Mar"
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("FREQ=WEEKLY"))
    assert not dialog.rule_start.isVisibleTo(dialog)
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(""))
    assert not dialog.rule_start.isVisibleTo(dialog)
    assert "not one of the days" not in dialog.warnings.text()


def test_a_moved_occurrence_rescheduled_the_same_day_is_not_off_the_rule(
    qtbot: Any, ctx: Any
) -> None:
    """A Friday call moved to Sunday (Israel's weekend): another time that Sunday keeps the
    series' Fridays, so nothing is said of its day."""
    noa = contact_in(ctx.db, "Noa", "Galil Tech", "IL", "Asia/Jerusalem")
    made = fu.schedule(
        ctx.db,
        fu.FollowUpInput(
            noa, "Weekly report", datetime(2027, 1, 8, 10), rrule="FREQ=WEEKLY;BYDAY=FR",
            move_to_working_day=True,
        ),
    )  # fmt: skip
    dialog = _dialog(qtbot, ctx, noa, follow_up_id=made.id)
    assert dialog.local() == datetime(2027, 1, 10, 10)  # Sunday
    assert not dialog.rule_start.isVisibleTo(dialog)
    assert "not one of the days" not in dialog.warnings.text()
