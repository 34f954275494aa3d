"""The editors' Region box lists the regions of the country chosen, by their name in the
language and their code ("Bavarska (BY)" in Slovenian); the field was a bare line asking for
the ISO 3166-2 code ("ISO 3166-2, e.g. RIX"), which a rep does not know. What is stored is the
short code, as before; a name or a code typed in is read as that region."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core import icu
from accountdesk.core.bidi import plain
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services.accounts import create_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _labels(box: Any) -> list[str]:
    return [plain(box.itemText(i)) for i in range(1, box.count())]


def test_the_account_editor_offers_the_countrys_regions_by_name(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    with use_language("sl"):
        editor = AccountEditor(ctx)
        qtbot.addWidget(editor)
        editor.set_text("name", "Alpenholz")
        editor.set_text("country", "DE")
        labels = _labels(editor.region)
        assert "Bavarska (BY)" in labels  # Slovenian name, short code
        assert labels == icu.sorted_text(labels)  # in the language's order
        editor.region.setCurrentIndex(editor.region.findData("BY"))
        assert editor.data().subdivision == "BY"
        editor.region.setEditText("bavarska")  # the name alone, in any case
        assert editor.data().subdivision == "BY"
        editor.region.setEditText("Bayern")  # the ISO name
        assert editor.data().subdivision == "BY"
        editor.region.setEditText("HH")  # a code
        assert editor.data().subdivision == "HH"
        editor.set_text("country", "AT")  # Hamburg is no region of Austria: cleared
        assert editor.region.currentText() == ""
        assert "Tirolska (7)" in _labels(editor.region)
        editor.mark_clean()


def test_a_region_code_another_country_shares_is_cleared_with_its_country(
    ctx: Any, qtbot: Any
) -> None:
    """Thailand's 34 is Ubon Ratchathani, Turkey's 34 İstanbul: a contact moved from one to
    the other was stored in İstanbul without anyone choosing it."""
    from accountdesk.ui.accounts.editor import AccountEditor

    editor = AccountEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_text("name", "Ubon Rice")
    editor.set_text("country", "TH")
    editor.region.setCurrentIndex(editor.region.findData("34"))
    assert editor.data().subdivision == "34"
    editor.set_text("country", "TR")
    assert editor.region.currentText() == "" and editor.data().subdivision in (None, "")
    editor.mark_clean()


def test_a_stored_region_is_shown_by_name_and_saved_unchanged(ctx: Any, qtbot: Any) -> None:
    from accountdesk.ui.accounts.editor import AccountEditor

    account = create_account(
        ctx.db, AccountInput(name="Baltic Timber", country="LV", subdivision="RIX")
    )
    with use_language("lv"):
        editor = AccountEditor(ctx, account)
        qtbot.addWidget(editor)
        assert plain(editor.region.currentText()) == "Rīga (RIX)"
        assert editor.data().subdivision == "RIX"
        assert not editor.is_dirty()
        editor.mark_clean()
    assert account_detail(ctx.db, account).subdivision == "RIX"


def test_the_contact_editor_takes_its_regions_from_the_contacts_country(
    ctx: Any, qtbot: Any
) -> None:
    from accountdesk.ui.contacts.editor import ContactEditor

    account = create_account(
        ctx.db, AccountInput(name="Anadolu Tekstil", country="TR", timezone="Europe/Istanbul")
    )
    with use_language("tr"):
        editor = ContactEditor(ctx, account_id=account)
        qtbot.addWidget(editor)
        assert "İstanbul (34)" in _labels(editor.region)  # the account's country
        editor.region.setEditText("istanbul")
        editor.set_text("given_name", "Ayşe")
        assert editor.data().subdivision == "34"
        editor.region.setEditText("Atlantis")  # named nowhere: kept for the check to name
        assert editor.data().subdivision == "Atlantis"
        editor.mark_clean()
