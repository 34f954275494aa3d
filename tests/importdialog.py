"""Helpers of the import dialog's UI tests: a CSV file written as a product writes it, the
dialog's background work waited for, a column mapped as the user maps it, a table's cells."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from accountdesk.core.bidi import plain
from accountdesk.core.io import mapping as m
from accountdesk.ui.import_dialog import ImportDialog, rule_text


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def settled(qtbot: Any, dialog: ImportDialog) -> None:
    """Wait until the dialog's preview and checks follow what is chosen."""
    qtbot.waitUntil(dialog.up_to_date, timeout=15000)


def choose(dialog: ImportDialog, column: str, rule: m.Rule) -> None:
    """Pick ``rule`` in the combo box of ``column``, as the user does."""
    combo = dialog.findChild(QComboBox, f"mapping:{column}")
    assert combo is not None
    index = combo.findText(rule_text(rule))
    assert index >= 0, rule
    combo.setCurrentIndex(index)


def cells(table: Any) -> list[list[str]]:
    """The text of every cell of ``table``, row by row, without direction marks."""
    return [
        [
            plain(table.item(r, c).text()) if table.item(r, c) else ""
            for c in range(table.columnCount())
        ]
        for r in range(table.rowCount())
    ]
