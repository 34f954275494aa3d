"""Every editing dialog shows its fields whole at its own size, in English, Latvian and
Slovenian: no field reaches past the right edge behind a horizontal scroll bar. Settings → Me
did, in every language: a combo box as wide as its longest entry ("None (Saturday–Sunday
weekend, no public holidays)", a long country name) made the form wider than the dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QScrollArea

from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account
from accountdesk.ui import tasks

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _dialogs(ctx: Any, account: str) -> dict[str, Callable[[], Any]]:
    from accountdesk.ui.accounts.editor import AccountEditor
    from accountdesk.ui.activity import DealDialog, GiftDialog, NoteDialog, SurveyDialog
    from accountdesk.ui.contacts.editor import ContactEditor
    from accountdesk.ui.culture_panel import CountryNoteDialog
    from accountdesk.ui.me import MeDialog
    from accountdesk.ui.quicklog.dialog import QuickLogDialog

    return {
        "me": lambda: MeDialog(ctx),
        "account": lambda: AccountEditor(ctx),
        "contact": lambda: ContactEditor(ctx, account_id=account),
        "quick log": lambda: QuickLogDialog(ctx),
        "deal": lambda: DealDialog(ctx, account),
        "survey": lambda: SurveyDialog(ctx, account),
        "gift": lambda: GiftDialog(ctx, account),
        "note": lambda: NoteDialog(ctx, account_id=account),
        "country note": lambda: CountryNoteDialog(ctx, "LV"),
    }


@pytest.mark.parametrize("lang", ["en", "lv", "sl"])
def test_no_form_is_wider_than_its_dialog(lang: str, ctx: Any, qtbot: Any) -> None:
    account = create_account(
        ctx.db, AccountInput(name="Baltic Timber", country="LV", timezone="Europe/Riga")
    )
    too_wide = {}
    with use_language(lang):
        for name, make in _dialogs(ctx, account).items():
            dialog = make()
            qtbot.addWidget(dialog)
            dialog.show()
            tasks.pump(10)
            area = dialog.findChild(QScrollArea)
            assert area is not None, name
            body = area.widget()
            if area.horizontalScrollBar().isVisible() or body.width() > area.viewport().width():
                too_wide[name] = (body.width(), area.viewport().width())
            dialog.reject()
    assert too_wide == {}


def test_a_long_choice_is_shown_from_its_start(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.me import MeDialog

    with use_language("lv"):
        dialog = MeDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        tasks.pump(10)
    country = dialog.fields["user.country"]
    line = country.lineEdit()  # type: ignore[union-attr]
    assert line is not None
    # the dialog is now as wide as this choice (test_small_laptop_latvian.py); on a screen too
    # narrow for it, it is still read from its start
    assert line.cursorPosition() == 0  # read from its start
    dialog.reject()


def test_a_cut_import_choice_is_whole_in_its_tooltip(ctx: Any, qtbot: Any) -> None:
    from pathlib import Path

    from accountdesk.ui.import_dialog import ImportDialog

    sample = Path(__file__).resolve().parents[1] / "data" / "google_contacts.csv"
    with use_language("lv"):
        dialog = ImportDialog(ctx, sample)
        qtbot.addWidget(dialog)
        dialog.show()
        tasks.pump(10)
        combos = list(dialog._combos.values())
        assert combos
        for combo in combos:
            assert combo.toolTip() == combo.currentText()
        combo = dialog._combos["E-mail 1 - Label"]
        combo.setCurrentIndex(0)
        assert combo.toolTip() == combo.itemText(0)
        dialog.reject()
