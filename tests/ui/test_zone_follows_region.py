"""A region picked whose people keep one clock gives the zone: an account or a contact put in
Australia had no zone (the country keeps several clocks), and choosing Victoria left it empty
until the save asked for it. A zone chosen by hand is kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.forms import set_combo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _pick(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


@pytest.mark.parametrize("editor_kind", ["account", "contact"])
def test_the_region_gives_the_zone_a_hand_chosen_zone_stays(
    ctx: Any, sample: dict[str, str], qtbot: Any, editor_kind: str
) -> None:
    editor = (
        AccountEditor(ctx)
        if editor_kind == "account"
        else ContactEditor(ctx, account_id=sample["riga"])
    )
    qtbot.addWidget(editor)
    country, zone = editor.fields["country"], editor.fields["timezone"]
    assert isinstance(country, QComboBox) and isinstance(zone, QComboBox)
    _pick(country, "AU")
    assert editor.text("timezone") == ""  # several clocks: asked for
    _pick(editor.region, "VIC")
    assert editor.text("timezone") == "Australia/Melbourne"
    _pick(editor.region, "SA")  # the zone the region before gave follows
    assert editor.text("timezone") == "Australia/Adelaide"
    _pick(editor.region, "NSW")  # several clocks: Adelaide was South Australia's, cleared
    assert editor.text("timezone") == ""
    set_combo(zone, "Australia/Broken_Hill")  # by hand: New South Wales' far west
    _pick(editor.region, "TAS")
    assert editor.text("timezone") == "Australia/Broken_Hill"
    _pick(country, "BR")
    _pick(editor.region, "SP")
    assert editor.text("timezone") == "America/Sao_Paulo"


def test_a_stored_contacts_zone_is_kept_when_the_form_opens(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    """The form fills the region before the zone: the stored zone wins."""
    editor = ContactEditor(ctx, account_id=sample["riga"])
    qtbot.addWidget(editor)
    _pick(editor.fields["country"], "AU")  # type: ignore[arg-type]
    set_combo(editor.fields["timezone"], "Australia/Broken_Hill")  # type: ignore[arg-type]
    editor.fields["given_name"].setText("Mia")  # type: ignore[attr-defined]
    _pick(editor.region, "NSW")
    editor.accept()
    assert editor.result_id is not None
    again = ContactEditor(ctx, contact_id=editor.result_id)
    qtbot.addWidget(again)
    assert (again.region.currentData(), again.text("timezone")) == (
        "NSW",
        "Australia/Broken_Hill",
    )
