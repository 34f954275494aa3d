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


@pytest.mark.parametrize(
    ("lang", "tier"),
    [("en", "B"), ("en", "S"), ("en", "Old"), ("en", "A"), ("sl", "Bronasta")],
)
def test_a_tier_of_ones_own_is_kept_when_another_field_is_edited(
    lang: str, tier: str, ctx: Any, qtbot: Any
) -> None:
    """A stored tier of one's own the user never touched is saved as stored: "B" became
    bronze, "S" silver and "Old" gold (the one tier whose name holds it) when only the
    industry was changed; "Bronasta", the Slovenian name, is kept in a Slovenian window."""
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db,
        AccountInput(name="Kras Vino", country="SI", timezone="Europe/Ljubljana", tier=tier),
    )
    with use_language(lang):
        editor = AccountEditor(ctx, account)
        qtbot.addWidget(editor)
        box: Any = editor.fields["tier"]
        assert box.currentText() == tier
        editor.fields["industry"].setText("Wine and spirits")
        box.lineEdit().editingFinished.emit()  # the field left, untouched
        assert box.currentText() == tier
        editor.accept()
    assert account_detail(ctx.db, account).tier == tier
    assert account_detail(ctx.db, account).industry == "Wine and spirits"


@pytest.mark.parametrize(
    ("typed", "stored"), [("B", "B"), ("Old", "Old"), ("gold", "gold"), ("Silver", "silver")]
)
def test_a_tier_typed_is_a_choice_only_by_its_whole_name_or_key(
    typed: str, stored: str, ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db, AccountInput(name="Kras Vino", country="SI", timezone="Europe/Ljubljana")
    )
    editor = AccountEditor(ctx, account)
    qtbot.addWidget(editor)
    box: Any = editor.fields["tier"]
    box.setEditText(typed)
    box.lineEdit().editingFinished.emit()  # Tab away
    editor.accept()
    assert account_detail(ctx.db, account).tier == stored


def test_a_tier_stored_as_typed_can_be_changed_to_its_choice(ctx: Any, qtbot: Any) -> None:
    """The value stored is kept only while untouched: picked from the list, the tier is the
    choice's key."""
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db,
        AccountInput(name="Kras Vino", country="SI", timezone="Europe/Ljubljana", tier="B"),
    )
    editor = AccountEditor(ctx, account)
    qtbot.addWidget(editor)
    box: Any = editor.fields["tier"]
    index = box.findData("bronze")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    editor.accept()
    assert account_detail(ctx.db, account).tier == "bronze"
