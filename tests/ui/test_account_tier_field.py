"""The account editor names the tiers in the language ("Bronasta", "Bronzas") and keeps their
keys; a tier of one's own can still be typed. The field showed the stored key ("bronze",
English) in a Slovenian or Latvian window, and a user had to type the English key."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.i18n import _, use_language
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("lang", ["sl", "lv"])
def test_the_tier_is_shown_in_the_language_and_stored_as_its_key(
    lang: str, ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db,
        AccountInput(name="Kras Vino", country="SI", timezone="Europe/Ljubljana", tier="bronze"),
    )
    with use_language(lang):
        bronze, gold = _("Bronze"), _("Gold")
        assert bronze != "Bronze"  # the catalog has it
        editor = AccountEditor(ctx, account)
        qtbot.addWidget(editor)
        box: Any = editor.fields["tier"]
        assert box.currentText() == bronze
        assert [box.itemText(i) for i in range(box.count())][1:] == [gold, _("Silver"), bronze]
        box.setCurrentIndex(box.findText(gold))
        editor.accept()
    assert account_detail(ctx.db, account).tier == "gold"


def test_a_tier_of_ones_own_is_kept_as_typed(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db, AccountInput(name="Kras Vino", country="SI", timezone="Europe/Ljubljana")
    )
    editor = AccountEditor(ctx, account)
    qtbot.addWidget(editor)
    box: Any = editor.fields["tier"]
    assert box.currentText() == ""
    box.setEditText("Platinum")
    editor.accept()
    assert account_detail(ctx.db, account).tier == "Platinum"
