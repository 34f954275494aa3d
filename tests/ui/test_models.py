from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import ListFilter
from accountdesk.ui.accounts.model import AccountsModel
from accountdesk.ui.contacts.model import ContactsModel
from accountdesk.ui.items import ItemsModel
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)


def test_accounts_model_passes_the_model_tester(
    db: Database, sample: dict[str, str], qtmodeltester: Any
) -> None:
    model = AccountsModel(db, asynchronous=False)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "\u2068Baltic Timber\u2069"  # isolated
    assert model.data(model.index(0, 0), PLAIN_ROLE) == "Baltic Timber"


def test_contacts_model_filters_and_sorts_in_sql(
    db: Database, sample: dict[str, str], qtmodeltester: Any
) -> None:
    model = ContactsModel(db, lambda: NOW, asynchronous=False)
    model.reload()
    qtmodeltester.check(model)
    names = [model.data(model.index(r, 0), PLAIN_ROLE) for r in range(model.rowCount())]
    # by family name; a Thai contact by given name, as Thai directories are ordered
    assert names == ["Janis Berzins", "Anna Ozola", "Somchai Jaidee"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0), PLAIN_ROLE) == "Somchai Jaidee"
    model.set_filter(ListFilter(text="som"))
    assert model.rowCount() == 1
    model.set_filter(ListFilter(country="LV", tier="gold"))
    assert model.rowCount() == 2
    model.set_filter(ListFilter(tag="key account"))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_contact_list_shows_local_time_and_working_status(
    db: Database, sample: dict[str, str]
) -> None:
    model = ContactsModel(db, lambda: NOW, asynchronous=False)
    model.reload()
    keys = [c.key for c in model.columns]
    row = model.row_of(sample["somchai"])
    assert model.data(model.index(row, keys.index("local")), PLAIN_ROLE) == "16:30"
    assert model.data(model.index(row, keys.index("working")), PLAIN_ROLE) == "Working hours"
    janis = model.row_of(sample["janis"])  # works 08:00–10:00; it is 11:30 in Riga
    assert model.data(model.index(janis, keys.index("working")), PLAIN_ROLE) == "Off hours"


def test_pages_are_fetched_lazily_and_the_cache_stays_small(
    db: Database, sample: dict[str, str]
) -> None:
    model = ContactsModel(db, lambda: NOW, asynchronous=False)
    model.PAGE = 1
    model.MAX_PAGES = 2
    model.reload()
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    assert len(model._pages) == 2


def test_asynchronous_loading_delivers_rows(
    db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    model = AccountsModel(db)
    with qtbot.waitSignal(model.loaded, timeout=5000) as blocker:
        model.reload()
    assert blocker.args == [2]


def test_items_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = ItemsModel([("Name", lambda item: item["name"])])
    model.set_items([{"name": "a"}, {"name": "b"}])
    qtmodeltester.check(model)
