"""The contact list narrows its unfiltered ids as the user types (no query of every matching
contact again), shows what the query with the text shows, and forgets the kept ids when the
data changes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from accountdesk.core.demo import generate
from accountdesk.core.queries import lists
from accountdesk.core.queries.lists import ListFilter
from accountdesk.core.records import ContactInput
from accountdesk.core.services.accounts import create_contact
from accountdesk.ui import tasks
from accountdesk.ui.accounts.model import AccountsModel
from accountdesk.ui.contacts.model import ContactsModel
from accountdesk.ui.listmodel import PLAIN_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _counted(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> tuple[list[ListFilter], Callable[..., list[str]]]:
    """``lists.<name>`` (a list's query of its ids) counted: the filters it is asked for, and
    the query itself."""
    queried: list[ListFilter] = []
    real = getattr(lists, name)

    def counting(db: Any, flt: ListFilter, *args: Any) -> list[str]:
        queried.append(flt)
        return real(db, flt, *args)

    monkeypatch.setattr(lists, name, counting)
    return queried, real


def test_typing_narrows_the_kept_ids(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    generate(ctx.db, accounts=30, seed=5)
    model = ContactsModel(ctx.db, ctx.now, asynchronous=False)
    model.reload()
    everyone = list(model.ids)
    queried, real = _counted(monkeypatch, "contact_ids")
    for text in ("a", "an", "m", "zzzq", ""):
        model.set_filter(ListFilter(text=text))
        expected = real(ctx.db, ListFilter(text=text))
        assert model.ids == expected
        shown = [model.data(model.index(r, 0), PLAIN_ROLE) for r in range(min(5, len(expected)))]
        assert shown == [row.name for row in lists.contact_rows(ctx.db, expected[:5])]
    assert queried == []  # every text narrowed the kept ids
    assert 0 < len(real(ctx.db, ListFilter(text="a"))) < len(everyone)

    model.set_filter(ListFilter(text="a", country="TR"))  # another filter: queried
    assert queried == [ListFilter(text="a", country="TR")]
    assert model.ids == real(ctx.db, ListFilter(text="a", country="TR"))


def test_a_change_of_the_data_forgets_the_kept_ids(ctx: Any, sample: dict[str, str]) -> None:
    model = ContactsModel(ctx.db, ctx.now, asynchronous=False)
    model.reload()  # the ids without text are kept
    assert sample["anna"] in model.ids
    model.set_filter(ListFilter(text="anna"))  # narrows the kept ids
    assert model.ids == [sample["anna"]]
    added = create_contact(  # matches "anna" too
        ctx.db,
        ContactInput(account_id=sample["riga"], given_name="Anna", family_name="Kalnina",
                     country="LV", timezone="Europe/Riga"),
    )  # fmt: skip
    ctx.delete("contact", sample["anna"], "Anna Ozola")
    model.reload()  # what the list screen does on a change, with "anna" typed
    assert model.ids == [added]
    model.set_filter(ListFilter(text=""))  # the ids kept before the change are not used
    assert added in model.ids and sample["anna"] not in model.ids
    assert model.ids == lists.contact_ids(ctx.db, ListFilter(text=""))
    model.set_filter(ListFilter(text="a"))
    assert added in model.ids
    assert model.ids == lists.contact_ids(ctx.db, ListFilter(text="a"))


def test_the_list_is_narrowed_by_its_documents_once_they_are_read(
    ctx: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents of a list without text are read off the GUI thread after it is shown;
    until they come the list is narrowed without them, and a list read again does not take
    those of the one before."""
    generate(ctx.db, accounts=30, seed=5)
    release = threading.Event()
    real_documents, real_narrow = lists.document_rowids, lists.narrow_ids

    calls: list[int] = []

    def documents_when_released(*args: Any) -> lists.Documents:
        calls.append(1)
        if len(calls) == 1:  # the first list's come last
            assert release.wait(10)
        return real_documents(*args)

    given: list[lists.Documents | None] = []

    def narrow(db: Any, kind: str, text: str, *args: Any) -> list[str]:
        if text:
            given.append(args[-1])
        return real_narrow(db, kind, text, *args)

    monkeypatch.setattr(lists, "document_rowids", documents_when_released)
    monkeypatch.setattr(lists, "narrow_ids", narrow)
    model = ContactsModel(ctx.db, ctx.now)
    model.reload()
    qtbot.waitUntil(lambda: len(model.ids) > 0, timeout=10000)
    model.set_filter(ListFilter(text="a"))  # the documents are not read yet
    qtbot.waitUntil(lambda: len(given) == 1 and not model.is_loading, timeout=10000)
    assert given == [None]
    assert model.ids == lists.contact_ids(ctx.db, ListFilter(text="a"))

    model.set_filter(ListFilter())  # the same list again: its documents are still coming
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10000)
    # the data changes and the list is read again, while the first list's documents come
    added = create_contact(
        ctx.db,
        ContactInput(account_id=lists.account_ids(ctx.db)[0], given_name="Aina",
                     family_name="Kalnina", country="LV", timezone="Europe/Riga"),
    )  # fmt: skip
    model.reload()
    qtbot.waitUntil(lambda: added in model.ids and len(calls) == 2, timeout=10000)
    qtbot.waitUntil(lambda: model._untyped_documents is not None, timeout=10000)  # the new list's
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    model.set_filter(ListFilter(text="a"))
    qtbot.waitUntil(lambda: len(given) == 2 and not model.is_loading, timeout=10000)
    documents = given[1]
    assert documents is not None and documents.count == len(lists.contact_ids(ctx.db))
    assert added in model.ids
    assert model.ids == lists.contact_ids(ctx.db, ListFilter(text="a"))


def test_the_account_list_narrows_its_kept_ids_too(
    ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 accounts a letter typed took 0.3 s, queried and sorted again."""
    generate(ctx.db, accounts=30, seed=5)
    model = AccountsModel(ctx.db, asynchronous=False)
    model.reload()
    everyone = list(model.ids)
    queried, real = _counted(monkeypatch, "account_ids")
    for text in ("a", "an", "s", "zzzq", ""):
        model.set_filter(ListFilter(text=text))
        assert model.ids == real(ctx.db, ListFilter(text=text)), text
    assert queried == []  # every text narrowed the kept ids
    assert 0 < len(real(ctx.db, ListFilter(text="a"))) < len(everyone)
    model.sort(1, Qt.SortOrder.DescendingOrder)  # by country, descending: read again
    model.set_filter(ListFilter(text="a"))
    assert model.ids == real(ctx.db, ListFilter(text="a"), "country", True)
    assert len(queried) == 1
