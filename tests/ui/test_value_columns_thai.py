"""A column of values that are not amounts is "ค่า" in Thai: "มูลค่า" (the msgid "Value" of
a gift's or a deal's worth) headed the import's problems (a cell's text) and the key metrics
(a rate, a score)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"


@pytest.fixture
def thai() -> Any:
    from accountdesk.ui.app import apply_language

    apply_language("th")
    yield
    apply_language("en")


def test_the_value_columns_read_as_values_in_thai(ctx: Any, qtbot: Any, thai: None) -> None:
    from accountdesk.ui.import_dialog import ImportDialog
    from accountdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.table.horizontalHeaderItem(1).text() == "ค่า"
    dialog = ImportDialog(ctx, SAMPLE)
    qtbot.addWidget(dialog)
    header = dialog.problems_table.horizontalHeaderItem(2)
    assert header is not None and header.text() == "ค่า"
