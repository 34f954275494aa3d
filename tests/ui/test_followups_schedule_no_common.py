"""The scheduling dialog when the user's working hours and the contact's never meet: a
sentence that says so, never an empty "Next good times" heading."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from accountdesk.core import settings
from accountdesk.core.timekeeping.scheduling import SUGGEST_DAYS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _dialog(qtbot: Any, ctx: Any, contact_id: str) -> Any:
    from accountdesk.ui.followups.schedule import ScheduleDialog

    dialog = ScheduleDialog(ctx, contact_id, title="Call")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_hours_that_never_meet_are_said_not_an_empty_heading(
    qtbot: Any, ctx: Any, person: Any
) -> None:
    # Me in Berlin, 09:00-17:00; Aroha in Auckland, 12 hours ahead (11 in their winter).
    settings.put(ctx.db, "user.zone", "Europe/Berlin")
    settings.put(ctx.db, "user.hours", "09:00-17:00")
    aroha = person("Aroha", "NZ", "Pacific/Auckland")
    dialog = _dialog(qtbot, ctx, aroha)
    assert dialog.suggestion_buttons == []
    label = dialog.suggestions_label
    assert label.isVisibleTo(dialog)
    assert label.text() == (
        f"No time in the next {SUGGEST_DAYS} days is inside both your working hours and theirs."
    )
    assert "Next good times" not in label.text()
    # A contact whose hours meet mine: the heading and its buttons again.
    dialog._set_contact(person("Anna", "LV", "Europe/Riga"))
    dialog.when.set_value(datetime(2025, 3, 13, 10))
    dialog.refresh()
    assert len(dialog.suggestion_buttons) == 3
    assert label.text() == "Next good times for both of you:"


def test_the_count_of_days_is_written_in_the_language(qtbot: Any, ctx: Any, person: Any) -> None:
    from accountdesk.core import i18n
    from accountdesk.ui.app import apply_language

    settings.put(ctx.db, "user.zone", "Europe/Berlin")
    aroha = person("Aroha", "NZ", "Pacific/Auckland")
    apply_language("fa")
    try:
        dialog = _dialog(qtbot, ctx, aroha)
        digits = i18n.format_number(SUGGEST_DAYS)
        assert digits != str(SUGGEST_DAYS)  # Persian digits
        assert digits in dialog.suggestions_label.text()
        assert str(SUGGEST_DAYS) not in dialog.suggestions_label.text()
    finally:
        apply_language("en")
