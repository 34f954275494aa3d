"""The import dialog's preview shows a phone number as the contact's page will show it, grouped
as people read it (validation.phone_shown), not as the digits stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accountdesk.core.i18n import use_language
from accountdesk.ui.import_dialog import ImportDialog
from importdialog import cells, settled

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

DATA = Path(__file__).parents[1] / "data"


def test_the_preview_groups_phone_numbers_as_the_contacts_page_does(ctx: Any, qtbot: Any) -> None:
    """Seen in a Thai tour on Outlook's Thai export: the preview read "ที่ทำงาน: +6621234567,
    มือถือ: +66812345678", where the contact's page, once imported, says "+66 2 123 4567" and
    "+66 81 234 5678"; the file itself had "02 123 4567"."""
    with use_language("th"):
        dialog = ImportDialog(ctx, DATA / "outlook_contacts_th.csv")
        qtbot.addWidget(dialog)
        settled(qtbot, dialog)
        phones = cells(dialog.preview_table)[0][8]
    assert "+66 2 123 4567" in phones and "+66 81 234 5678" in phones, phones
    assert "+6621234567" not in phones, phones
