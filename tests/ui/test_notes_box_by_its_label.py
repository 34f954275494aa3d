"""A box of several lines stands next to its label: in the survey, note and quick-log dialogs
the comment or notes box floated in the middle of a tall row, far below its label (the form
gave the box's row the dialog's spare height, and the fixed-height box sat centred in it)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint

from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _gap(dialog: Any, key: str) -> int:
    """Pixels between the top of the field's label and the top of the field."""
    box = dialog.fields[key]
    label = dialog.form.labelForField(box.parentWidget())
    assert label is not None
    top_of_box = box.mapTo(dialog, QPoint(0, 0)).y()
    top_of_label = label.mapTo(dialog, QPoint(0, 0)).y()
    return abs(top_of_box - top_of_label)


@pytest.mark.parametrize("kind", ["survey", "note", "quicklog"])
def test_a_notes_box_starts_at_its_label(ctx: Any, qtbot: Any, kind: str) -> None:
    from accountdesk.ui.activity import NoteDialog, SurveyDialog
    from accountdesk.ui.quicklog.dialog import QuickLogDialog

    account = create_account(ctx.db, AccountInput(name="Baltijas Koks", country="LV"))
    if kind == "survey":
        dialog, key = SurveyDialog(ctx, account), "comment"
    elif kind == "note":
        dialog, key = NoteDialog(ctx, account_id=account), "body"
    else:
        dialog, key = QuickLogDialog(ctx), "notes"
    qtbot.addWidget(dialog)
    dialog.resize(560, 640)  # room to spare, as a dialog has on most screens
    dialog.show()
    tasks.pump(10)
    assert _gap(dialog, key) <= 12
