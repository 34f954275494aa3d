"""The editors' time-zone boxes name a zone by its city in the language and its id ("Rīga
(Europe/Riga)"), in the language's order, as Countries does; they showed bare ids
("America/New_York", English words) in a Latvian or Slovenian window. What is stored is the
id, and typing an id still works."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core import icu
from accountdesk.core.bidi import plain
from accountdesk.core.i18n import _, use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize(("lang", "riga"), [("lv", "Rīga"), ("sl", "Riga"), ("en", "Riga")])
def test_the_contact_editor_names_the_zone_in_the_language(
    lang: str, riga: str, ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    account = create_account(
        ctx.db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    with use_language(lang):
        editor = ContactEditor(ctx, account_id=account)
        qtbot.addWidget(editor)
        editor.set_text("timezone", "Europe/Riga")
        box: Any = editor.fields["timezone"]
        assert plain(box.currentText()) == f"{riga} (Europe/Riga)"
        assert editor.text("timezone") == "Europe/Riga"  # the id is what is kept
        labels = [plain(box.itemText(i)) for i in range(1, box.count())]
        assert labels == icu.sorted_text(labels)  # by the city, in the language's order
        box.setEditText("Asia/Tehran")  # typed as an id
        assert editor.text("timezone") == "Asia/Tehran"
        editor.mark_clean()


def test_the_me_dialog_keeps_following_the_system_first(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.me import MeDialog

    with use_language("lv"):
        dialog = MeDialog(ctx)
        qtbot.addWidget(dialog)
        box: Any = dialog.fields["user.zone"]
        assert box.itemData(0) == "" and box.itemText(0).startswith("Sekot sistēmai")
        assert dialog.text("user.zone") == "Europe/Riga"  # the fixture pins it
        assert plain(box.currentText()) == "Rīga (Europe/Riga)"


def test_the_scheduling_dialog_names_the_zone_as_the_editors_do(
    ctx: Any, qtbot: Any, person: Any
) -> None:
    from accountdesk.ui.followups.schedule import ScheduleDialog
    from accountdesk.ui.forms import combo_value

    ayse = person("Ayse", "TR", "Europe/Istanbul", "Yilmaz")
    with use_language("lv"):
        dialog = ScheduleDialog(ctx, ayse, title="Zvans")
        qtbot.addWidget(dialog)
        assert plain(dialog.zone.currentText()) == "Stambula (Europe/Istanbul)"
        assert combo_value(dialog.zone) == "Europe/Istanbul"
        dialog.zone.setEditText("Asia/Tehran")  # an id typed in is taken as it is
        dialog.refresh()
        assert dialog.yours.text() not in ("", _("Not a time zone"))
        assert combo_value(dialog.zone) == "Asia/Tehran"
