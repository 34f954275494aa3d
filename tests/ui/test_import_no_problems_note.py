"""The import dialog's table of problems says so when the check found none, instead of a blank
box under its headers (ui/emptynote.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from accountdesk.core.io import mapping as m
from accountdesk.ui.import_dialog import ImportDialog
from importdialog import choose, settled, write_csv

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"


def _note(dialog: ImportDialog) -> QLabel:
    note = dialog.problems_table.viewport().findChild(QLabel, "emptyNote")
    assert note is not None
    return note


def test_no_problems_is_said_and_a_problem_hides_it(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    """Seen in the Thai and Turkish tours on every sample file: the "Row, Column, Value,
    Problem" table stayed an empty white box, which reads as not checked yet as much as
    checked and clean."""
    dialog = ImportDialog(ctx, DATA / "google_contacts.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    settled(qtbot, dialog)
    assert dialog.problems_table.rowCount() == 0
    assert _note(dialog).isVisible()
    assert _note(dialog).text() == "No problems found in the file."

    bad = write_csv(
        tmp_path / "bad.csv",
        ["Company", "Country", "First Name", "Last Name", "E-mail"],
        [["Anadolu Tekstil", "TR", "Elif", "Kaya", "elif-at-anadolu"]],
    )
    dialog = ImportDialog(ctx, bad)
    qtbot.addWidget(dialog)
    dialog.show()
    settled(qtbot, dialog)
    choose(dialog, "E-mail", m.Rule("emails"))
    settled(qtbot, dialog)
    assert dialog.problems_table.rowCount() == 1
    assert not _note(dialog).isVisible()
