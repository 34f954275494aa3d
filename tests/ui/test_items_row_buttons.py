"""The buttons of a list that act on a row (Edit…, Move to trash) are enabled while a row is
current: on an empty list, or with none chosen, they were enabled and did nothing (Countries →
Your notes with no notes)."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.ui.items import ItemsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_row_buttons_follow_the_current_row(qtbot: Any) -> None:
    opened: list[str] = []
    panel = ItemsPanel(
        [("Name", lambda item: item)],  # type: ignore[list-item]
        on_new=lambda: None,
        on_open=opened.append,
        on_delete=opened.append,
    )
    qtbot.addWidget(panel)
    new, edit, trash = (panel.buttons[k] for k in ("new", "open", "delete"))
    assert new.isEnabled() and not edit.isEnabled() and not trash.isEnabled()  # empty
    panel.set_items(["Ilze", "Maja"])
    assert not edit.isEnabled() and not trash.isEnabled()  # none chosen
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    assert edit.isEnabled() and trash.isEnabled()
    edit.click()
    assert opened == ["Maja"]
    panel.set_items([])  # emptied again
    assert not edit.isEnabled() and not trash.isEnabled()
