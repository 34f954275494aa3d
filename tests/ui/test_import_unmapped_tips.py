"""The import dialog's list of columns not imported into a field is narrow: a long entry
("Organization Department (AccountDesk has no field for it)", longer still in Thai or Persian)
was cut at the list's edge with nothing to read it whole. Each entry says itself in a tooltip,
as the mapping boxes and the preview's cells do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.ui.import_dialog import ImportDialog
from importdialog import settled

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize("lang", ["en", "th", "fa"])
def test_every_unmapped_column_shows_its_whole_text_in_a_tooltip(
    ctx: Any, qtbot: Any, lang: str
) -> None:
    with use_language(lang):
        dialog = ImportDialog(ctx, DATA / "google_contacts.csv")
        qtbot.addWidget(dialog)
        settled(qtbot, dialog)
    items = [dialog.unmapped_list.item(i) for i in range(dialog.unmapped_list.count())]
    assert len(items) == 4  # Google Contacts: 17 of 21 columns mapped (Labels: tags)
    assert any("Organization Department" in plain(item.text()) for item in items)
    for item in items:
        assert item.toolTip() == item.text()
