"""The import dialog's report of the whole file is never cut: on a small laptop's screen a long
report (Outlook's 61 columns, 39 of them not imported) scrolls in its box instead of losing
its last lines under the table of problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accountdesk.ui.import_dialog import ImportDialog
from importdialog import settled

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize("lang", ["th", "tr"])
def test_the_report_is_whole_or_scrolls(lang: str, ctx: Any, qtbot: Any) -> None:
    """Seen in a Thai tour at 1008×652 (the dialog on a 1024×700 screen): the report's last
    paragraph, the columns not imported, showed one line ending in "“Radio" and the rest of
    the list was under the table of problems (the label was 91 px tall, its text 144 px)."""
    from accountdesk.ui.app import apply_language

    apply_language(lang)
    try:
        dialog = ImportDialog(ctx, DATA / "outlook_web_contacts.csv")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(1008, 652)
        settled(qtbot, dialog)
        qtbot.wait(20)  # the layout's pass with the report's text
        label = dialog.summary_label
        assert "Radio Phone" in label.text()  # the list of columns not imported
        assert label.height() >= label.heightForWidth(label.width())
        assert label.visibleRegion().boundingRect().height() > 0
    finally:
        apply_language("en")


def test_a_short_report_starts_at_the_top_of_its_box(ctx: Any, qtbot: Any) -> None:
    """Seen in the Turkish tour (900×752): a report shorter than its box floated in the middle
    of it, under an empty band, its scroll area as tall as the box."""
    from PySide6.QtCore import Qt

    dialog = ImportDialog(ctx, DATA / "google_contacts.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(900, 752)
    settled(qtbot, dialog)
    qtbot.wait(20)
    label = dialog.summary_label
    assert label.height() > label.heightForWidth(label.width()) + 20  # room to spare
    assert label.alignment() & Qt.AlignmentFlag.AlignTop
