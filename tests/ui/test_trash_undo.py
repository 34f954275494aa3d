from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import contact_ids
from accountdesk.core.services import trash
from accountdesk.ui import trash as trash_package  # noqa: F401
from accountdesk.ui.contacts.screen import ContactsScreen
from accountdesk.ui.trash import dialog as trash_dialog
from accountdesk.ui.trash.dialog import TrashDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_delete_from_the_list_then_undo_and_redo(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    screen = ContactsScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.model.rowCount() == 3
    row = screen.model.row_of(sample["anna"])
    screen.table.selectRow(row)
    screen.delete_current()
    assert screen.model.rowCount() == 2
    assert sample["anna"] not in contact_ids(db)
    assert [i.id for i in trash.list_trash(db)] == [sample["anna"]]
    ctx.undo_stack.undo()
    assert screen.model.rowCount() == 3
    assert trash.list_trash(db) == []
    ctx.undo_stack.redo()
    assert screen.model.rowCount() == 2


def test_trash_dialog_restores_and_purges(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any, qtmodeltester: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    ctx.delete("contact", sample["anna"], "Anna Ozola")
    ctx.delete("contact", sample["janis"], "Janis Berzins")
    dialog = TrashDialog(ctx)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    anna_row = next(i for i, t in enumerate(dialog.model.items) if t.id == sample["anna"])
    dialog.view.selectRow(anna_row)
    dialog.restore_current()
    assert sample["anna"] in contact_ids(db)
    assert dialog.model.rowCount() == 1
    monkeypatch.setattr(trash_dialog, "confirm_purge", lambda _parent, _title, _kind: True)
    dialog.view.selectRow(0)
    dialog.purge_current()
    assert dialog.model.rowCount() == 0
    assert trash.list_trash(db) == []
