"""The Follow-ups screen's period box shows "All done" whole once "Done" is chosen, in Thai and
Turkish too, where it is longer than every entry the box was sized by."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from accountdesk.core.i18n import _
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _needed(box: QComboBox, text: str) -> int:
    """The width a combo box like ``box`` needs to show ``text`` whole."""
    alone = QComboBox()
    alone.setFont(box.font())
    alone.addItem(text)
    return alone.sizeHint().width()


@pytest.mark.parametrize("lang", ["th", "tr", "en"])
def test_all_done_is_shown_whole(lang: str, ctx: Any, qtbot: Any) -> None:
    """Seen in the Thai and Turkish tours: with "Done" chosen the disabled box read
    "ที่เสร็จแล้วทั้งหม" and "Tüm tamamlanan ta": it kept the width of its entries when it
    was first shown ("All open", the periods), and "All done" is longer in both."""
    from accountdesk.ui.app import apply_language
    from accountdesk.ui.followups.screen import FollowUpsScreen

    apply_language(lang)  # the language's fonts too, as the app has them
    try:
        screen = FollowUpsScreen(ctx)
        qtbot.addWidget(screen)
        screen.resize(1000, 500)
        screen.show()
        tasks.wait_all()
        qtbot.wait(10)  # shown and laid out with "All open", as the window shows it
        screen.status.setCurrentIndex(screen.status.findData("done"))
        tasks.wait_all()
        qtbot.waitUntil(lambda: screen.bucket.currentText() == _("All done"))
        qtbot.wait(10)  # the layout's pass
        assert screen.bucket.width() >= _needed(screen.bucket, _("All done"))
        # and back on "Open" the periods still fit
        screen.status.setCurrentIndex(screen.status.findData("open"))
        tasks.wait_all()
        qtbot.wait(10)
        widest = max(screen.bucket.itemText(i) for i in range(screen.bucket.count()))
        assert screen.bucket.width() >= _needed(screen.bucket, widest)
    finally:
        apply_language("en")
