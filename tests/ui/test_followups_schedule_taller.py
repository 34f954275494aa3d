"""The scheduling dialog made taller (maximised on a small laptop, or resized) keeps its
warnings as tall as their text and the suggestions right under them: the room goes below."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.ui.followups.schedule import ScheduleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_taller_dialog_does_not_stretch_the_warnings(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """Seen in the Thai and Turkish tours (the dialog at 900×560): the yellow warning box was
    130 px tall around its one line, and "Next good times for both of you:" floated 60 px
    below it, far from its buttons, which sat at the bottom."""
    dialog = ScheduleDialog(ctx, sample["somchai"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.when.setText("2025-03-15 10:00")  # a Saturday in Bangkok: a warning at least
    dialog.resize(900, 560)
    qtbot.waitUntil(lambda: dialog.height() == 560)
    warnings, label = dialog.warnings, dialog.suggestions_label
    assert warnings.isVisible() and label.isVisible()
    needed = warnings.heightForWidth(warnings.width())
    assert warnings.height() <= needed + 2, (warnings.height(), needed)
    gap = label.geometry().top() - warnings.geometry().bottom()
    assert gap <= 20, gap
    first = dialog.suggestion_buttons[0]
    assert first.geometry().top() - label.geometry().bottom() <= 20
