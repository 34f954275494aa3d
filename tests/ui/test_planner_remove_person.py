"""The meeting planner's "Remove selected person" is enabled only while a contact's row is
selected: with no row chosen, or the user's own row, a click did nothing and said nothing."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_remove_follows_the_selected_row(qtbot: Any, ctx: Any, person: Any) -> None:
    """Seen trying the planner by hand with three people in a Thai window: the button was
    enabled as the planner opened, nothing selected, and clicking it changed nothing."""
    from accountdesk.ui.followups.planner import PlannerDialog

    ids = [
        person("Somchai", "TH", "Asia/Bangkok", "Jaidee"),
        person("Ayse", "TR", "Europe/Istanbul", "Yilmaz"),
        person("Daniel", "US", "America/Denver", "Davis"),
    ]
    dialog = PlannerDialog(ctx, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 4
    assert not dialog.remove.isEnabled()  # nothing selected
    dialog.table.setCurrentCell(0, 3)  # the user's own row stays
    assert not dialog.remove.isEnabled()
    dialog.table.setCurrentCell(2, 3)  # Ayse
    assert dialog.remove.isEnabled()
    dialog.remove.click()
    assert [p.name for p in dialog.people[1:]] == ["Somchai Jaidee", "Daniel Davis"]
    assert dialog.table.rowCount() == 3
    assert not dialog.remove.isEnabled()  # the grid was drawn again: nothing selected
