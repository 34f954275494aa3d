from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.lists import contact_ids
from accountdesk.core.services import trash
from accountdesk.core.services.activity import SurveyInput, save_survey
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


def test_undo_of_a_record_deleted_for_good_meanwhile_names_it_and_leaves_the_history(
    ctx: Any, db: Database, sample: dict[str, str]
) -> None:
    """The trash emptied elsewhere (another program, a member of the team): Ctrl+Z said
    "There is no contact with id 01a2…" in an error box, and Redo then offered to delete the
    record again. Now the status bar names it, and the command leaves the history; an earlier
    one is still undone as it was."""
    messages: list[str] = []
    ctx.status.connect(messages.append)
    changed: list[str] = []
    ctx.changed.connect(changed.append)
    ctx.delete("contact", sample["janis"], "Janis Berzins")
    ctx.delete("contact", sample["anna"], "Anna Ozola")
    trash.restore(db, "contact", sample["janis"])  # so that only Anna goes for good
    trash.purge(db, "contact", sample["anna"])
    changed.clear()
    ctx.undo_stack.undo()
    assert messages[-1] == "“\u2068Anna Ozola\u2069” was deleted for good and cannot be restored."
    assert changed == ["contact"]  # the screens look again: she is gone
    assert not ctx.undo_stack.canRedo()
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Delete contact “\u2068Janis Berzins\u2069”"
    ctx.undo_stack.undo()  # Janis was restored already: undone as it was
    assert messages[-1] == "“\u2068Janis Berzins\u2069” was restored."
    assert sample["janis"] in contact_ids(db)
    # a delete redone after the record went for good meanwhile
    ctx.delete("contact", sample["janis"], "Janis Berzins")
    ctx.undo_stack.undo()
    trash.delete(db, "contact", sample["janis"])
    trash.purge(db, "contact", sample["janis"])
    ctx.undo_stack.redo()
    assert messages[-1] == "“\u2068Janis Berzins\u2069” was already deleted for good."
    assert not ctx.undo_stack.canRedo() and not ctx.undo_stack.canUndo()


def test_undo_of_a_survey_answer_recorded_again_meanwhile_says_why_and_leaves_the_history(
    ctx: Any, db: Database, sample: dict[str, str]
) -> None:
    """Code review rev15's 2nd: an answer moved to the trash and typed in again; Ctrl+Z
    brought the first one back, and both counted in NPS. Now the status bar names the answer
    and why it stays in the trash, as for a record deleted for good meanwhile."""
    messages: list[str] = []
    ctx.status.connect(messages.append)
    answer = SurveyInput(sample["riga"], "nps", 3, date(2026, 11, 2), sample["anna"])
    first = save_survey(db, answer)
    ctx.delete("survey", first, "NPS score 3")
    save_survey(db, answer)
    ctx.undo_stack.undo()
    assert messages[-1] == (
        "The answer \u2068NPS\u2069 3 from \u2068Anna Ozola\u2069 at \u2068Baltic Timber\u2069,"
        " answered on \u20682 Nov 2026\u2069, was not restored: the same answer was recorded"
        " again while it was in the trash, and both would count."
    )
    assert [i.id for i in trash.list_trash(db)] == [first]
    assert not ctx.undo_stack.canRedo() and ctx.undo_stack.count() == 0
