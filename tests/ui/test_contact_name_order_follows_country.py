"""A new contact's name order is their country's (family name first in Japan, China, Korea,
Hungary, Vietnam …) until the user picks one: a contact typed in at an account in Japan was
saved given name first and shown as "花子佐藤". A stored contact keeps the order it has."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from accountdesk.core.queries.details import contact_detail
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import contact_for_edit, create_account, create_contact
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.forms import set_combo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _tokyo(ctx: Any) -> str:
    return create_account(
        ctx.db,
        AccountInput(name="Tokyo Trading KK", country="JP", timezone="Asia/Tokyo", city="Tokyo"),
    )


def _editor(ctx: Any, qtbot: Any, **kw: Any) -> ContactEditor:
    editor = ContactEditor(ctx, **kw)
    qtbot.addWidget(editor)
    return editor


def _choose(editor: ContactEditor, key: str, value: str) -> None:
    box = editor.fields[key]
    assert isinstance(box, QComboBox)
    set_combo(box, value)


def _pick_order(editor: ContactEditor, qtbot: Any, order: str) -> None:
    """The user picks an order with the keyboard (the box has two)."""
    box = editor.fields["name_order"]
    assert isinstance(box, QComboBox)
    down = box.findData(order) > box.currentIndex()
    qtbot.keyClick(box, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    assert editor.text("name_order") == order


def test_a_contact_at_an_account_in_japan_is_saved_family_name_first(ctx: Any, qtbot: Any) -> None:
    editor = _editor(ctx, qtbot, account_id=_tokyo(ctx))
    assert editor.text("country") == "JP"
    assert editor.text("name_order") == "family_first"
    editor.set_text("given_name", "花子")
    editor.set_text("family_name", "佐藤")
    contact = editor.save()
    assert contact_detail(ctx.db, contact).name == "佐藤花子"


def test_the_order_follows_the_country(ctx: Any, sample: dict[str, str], qtbot: Any) -> None:
    editor = _editor(ctx, qtbot, account_id=sample["riga"])
    assert editor.text("name_order") == "given_first"
    _choose(editor, "country", "HU")  # a Hungarian contact of a Latvian account
    assert editor.text("name_order") == "family_first"
    _choose(editor, "country", "DE")
    assert editor.text("name_order") == "given_first"
    editor.mark_clean()


def test_the_account_picked_gives_the_order(ctx: Any, qtbot: Any) -> None:
    """A new contact started from the Contacts screen: the account picked gives the country."""
    editor = _editor(ctx, qtbot)
    assert editor.text("name_order") == "given_first"
    editor._account_picked(_tokyo(ctx))
    assert (editor.text("country"), editor.text("name_order")) == ("JP", "family_first")
    editor.mark_clean()


def test_an_order_the_user_picks_stays(ctx: Any, qtbot: Any) -> None:
    editor = _editor(ctx, qtbot, account_id=_tokyo(ctx))
    _pick_order(editor, qtbot, "given_first")
    _choose(editor, "country", "KR")
    assert editor.text("name_order") == "given_first"
    editor.set_text("given_name", "Ken")
    editor.set_text("family_name", "Watanabe")
    contact = editor.save()
    assert contact_for_edit(ctx.db, contact).data.name_order == "given_first"


def test_a_stored_contact_keeps_its_order(ctx: Any, qtbot: Any) -> None:
    """Saved given name first before (or chosen so), it stays so in the editor, even when the
    country is changed."""
    account = _tokyo(ctx)
    ken = create_contact(
        ctx.db,
        ContactInput(
            account_id=account, given_name="Ken", family_name="Watanabe", country="JP",
            timezone="Asia/Tokyo", name_order="given_first",
        ),
    )  # fmt: skip
    editor = _editor(ctx, qtbot, contact_id=ken)
    assert editor.text("name_order") == "given_first"
    _choose(editor, "country", "CN")
    assert editor.text("name_order") == "given_first"
    editor.mark_clean()
