"""An empty list's note fits a short list: the Duplicates screen's latest merges, a few lines
high on a 1024×700 screen, cut its note's line in half (16 pixels of room above and below the
text were kept whatever the height)."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("height", [300, 70, 56])
def test_the_note_of_an_empty_list_is_never_cut(qtbot: Any, height: int) -> None:
    from accountdesk.ui.items import ItemsPanel

    panel = ItemsPanel([("Name", str)], empty="ยังไม่มีการผสาน การผสานแต่ละครั้งจะแสดงที่นี่")
    qtbot.addWidget(panel)
    panel.resize(500, height)
    panel.view.setFixedHeight(height)  # the list's own height, headers included
    panel.show()
    panel.set_items([])
    tasks.pump(10)
    note, viewport = panel.empty_note, panel.view.viewport().rect()
    assert note.isVisible()
    assert viewport.contains(note.geometry())
    assert note.height() >= note.heightForWidth(note.width())  # the whole line shows
    if viewport.height() >= 2 * 16 + note.heightForWidth(note.width()):
        assert note.y() == 16  # room to spare: the usual margin above
