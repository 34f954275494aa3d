"""The Accounts tab of the Duplicates screen: likely duplicate accounts side by side, a merge
confirmed with what moves (counted), and undone from the latest merges."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.bidi import plain
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.duplicates import ACCOUNTS
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import DealInput, save_deal
from accountdesk.ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def firms(db: Database) -> dict[str, str]:
    def account(name: str, **kw: Any) -> str:
        return create_account(
            db, AccountInput(name=name, country="TR", timezone="Europe/Istanbul", **kw)
        )

    kept = account("Işık Tekstil A.Ş.", city="İstanbul")
    twin = account("IŞIK TEKSTİL", industry="Textiles", tags=["denim"])
    account("Boğaziçi Lojistik")
    for given in ("Ayşe", "Mehmet"):
        create_contact(
            db, ContactInput(account_id=twin, given_name=given, family_name="Kaya", country="TR")
        )
    save_deal(db, DealInput(twin, "Fabric", Decimal("10000"), "TRY"))
    create_contact(
        db, ContactInput(account_id=kept, given_name="Zeynep", family_name="Ak", country="TR")
    )
    return {"kept": kept, "twin": twin}


def _screen(ctx: AppContext, qtbot: Any) -> Any:
    from accountdesk.ui.duplicates.screen import DuplicatesScreen

    screen = DuplicatesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    screen.show()
    screen.tabs.setCurrentWidget(screen.accounts)
    qtbot.waitUntil(lambda: screen.accounts.groups.model.rowCount() > 0, timeout=10000)
    return screen


def test_accounts_side_by_side_merge_with_counts_and_undo(
    ctx: AppContext, firms: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _screen(ctx, qtbot)
    tab = screen.accounts
    assert tab.groups.model.rowCount() == 1
    assert "The same name, its legal form aside" in plain(tab.reasons.text())
    choice = tab.choice  # the side by side and the choice (an account's page shows it too)
    sheet = choice.sheet_model
    titles = [sheet.headerData(r, Qt.Orientation.Vertical) for r in range(sheet.rowCount())]
    assert "Industry" in titles and "Related records" in titles
    # the account with more records is kept by default: the twin (2 contacts, a deal, a tag)
    assert choice.keep.currentData() == firms["twin"]
    choice.keep.setCurrentIndex(choice.keep.findData(firms["kept"]))
    assert choice.chosen_others() == [firms["twin"]]
    question = plain(choice.question())
    assert "Merge 1 account into “Işık Tekstil A.Ş.”" in question
    assert "2 contacts, 1 deal and 1 tag" in question
    assert "can be undone" in question

    asked: list[str] = []
    monkeypatch.setattr(
        "accountdesk.ui.duplicates.accounts.ask_yes",
        lambda _parent, _title, text: asked.append(plain(text)) or True,
    )
    choice.merge_chosen()
    assert asked == [question]
    qtbot.waitUntil(lambda: tab.groups.model.rowCount() == 0, timeout=10000)
    assert "No likely duplicate accounts." in plain(tab.summary.text())
    # the merge is the latest, chosen: Undo merge acts on it
    current = screen.merges.current()
    assert current is not None and current.kind == ACCOUNTS
    assert current.kept_name == "Işık Tekstil A.Ş." and current.undone_at is None
    assert screen.undo_button.isEnabled()
    screen.undo_chosen()
    qtbot.waitUntil(lambda: tab.groups.model.rowCount() == 1, timeout=10000)
    assert screen.merges.model.items[0].undone_at is not None
