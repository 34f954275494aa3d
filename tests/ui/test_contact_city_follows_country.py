"""A new contact takes their account's country, city and zone; put in another country, they
lose the account's city (a contact at an account in Rīga put in Iran kept "Rīga"), but a
city typed in stays."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.forms import set_combo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _editor(ctx: Any, qtbot: Any, account: str) -> ContactEditor:
    editor = ContactEditor(ctx, account_id=account)
    qtbot.addWidget(editor)
    return editor


def _country(editor: ContactEditor, code: str) -> None:
    box = editor.fields["country"]
    assert isinstance(box, QComboBox)
    set_combo(box, code)


def test_the_accounts_city_goes_with_its_country(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    editor = _editor(ctx, qtbot, sample["bangkok"])
    assert (editor.text("country"), editor.text("city")) == ("TH", "Bangkok")
    _country(editor, "IR")
    assert (editor.text("country"), editor.text("city")) == ("IR", "")
    assert editor.text("timezone") == "Asia/Tehran"
    _country(editor, "TH")  # back: the city is not made up again, nor is one typed lost
    assert editor.text("city") == ""


def test_a_city_typed_in_stays(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    editor = _editor(ctx, qtbot, sample["bangkok"])
    editor.set_text("city", "Chiang Mai")
    _country(editor, "LA")
    assert editor.text("city") == "Chiang Mai"


def test_another_account_gives_its_own_place(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    """Picking another account for a new contact still moves them there, city and all."""
    editor = _editor(ctx, qtbot, sample["bangkok"])
    editor._account_picked(sample["riga"])
    assert editor.text("country") == "LV"
    assert editor.text("timezone") == "Europe/Riga"


def test_the_accounts_region_comes_with_its_place(ctx: Any, qtbot: Any) -> None:
    """A new contact at an account in Bavaria is in Bavaria (its regional holidays); the
    region went empty. Another country clears it again."""
    from accountdesk.core.records import AccountInput
    from accountdesk.core.services.accounts import create_account

    account = create_account(
        ctx.db,
        AccountInput(
            name="Alpenholz", country="DE", subdivision="BY", city="München",
            timezone="Europe/Berlin",
        ),
    )  # fmt: skip
    editor = _editor(ctx, qtbot, account)
    editor.set_text("given_name", "Lena")
    assert editor.data().subdivision == "BY"
    _country(editor, "AT")
    assert editor.data().subdivision in (None, "")
    editor.mark_clean()
