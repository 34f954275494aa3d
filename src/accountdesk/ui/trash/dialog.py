"""The trash dialog: restore a record, delete one for good, or empty the whole trash."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import N_, _, format_number, ngettext
from accountdesk.core.services import trash
from accountdesk.core.services.trash import KIND_LABELS, TrashItem
from accountdesk.ui import fmt
from accountdesk.ui.context import AppContext
from accountdesk.ui.listdialog import ListDialog, ask_yes

#: No limit: every record in the trash (the list shows the latest 500).
ALL = 2**62


def confirm_purge(parent: QWidget, title: str, kind: str = "") -> bool:
    """Ask before deleting ``title`` for good; an account's question says that its contacts
    (in the trash with it, not listed) go too."""
    question = (
        _("Delete the account “{title}” and its contacts for good? This cannot be undone.")
        if kind == "account"
        else _("Delete “{title}” for good? This cannot be undone.")
    )
    return ask_yes(parent, _("Delete for good"), question.format(title=isolate(title)))


def confirm_empty(parent: QWidget, count: int, accounts: bool = False) -> bool:
    """Ask before emptying the trash of ``count`` records; with ``accounts`` among them, the
    question says that their contacts go too (as Delete for good of one account says)."""
    question = (
        ngettext(
            "Delete the {n} record in the trash, and the contacts of its accounts, for good? "
            "This cannot be undone.",
            "Delete the {n} records in the trash, and the contacts of their accounts, for good? "
            "This cannot be undone.",
            count,
        )
        if accounts
        else ngettext(
            "Delete the {n} record in the trash for good? This cannot be undone.",
            "Delete the {n} records in the trash for good? This cannot be undone.",
            count,
        )
    )
    return ask_yes(parent, _("Empty the trash"), question.format(n=format_number(count)))


class TrashDialog(ListDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        super().__init__(
            _("Trash"),
            [
                (N_("Kind"), lambda t: _(KIND_LABELS.get(t.kind, t.kind))),
                (N_("Name"), lambda t: t.title),
                (N_("Deleted"), lambda t: fmt.when(t.deleted_at, ctx.user_zone)),
            ],
            [
                (_("Restore"), self.restore_current),
                (_("Delete for good…"), self.purge_current),
                (_("Empty the trash…"), self.empty),
            ],
            stretch=1,
            empty=_(
                "The trash is empty. What you move to the trash waits here until you restore "
                "it or delete it for good."
            ),
            parent=parent,
        )

    def reload(self, row: int = 0) -> None:
        """List the trash again, with the row at ``row`` (or the last one) chosen, so that the
        buttons and the keys act on a row that is shown chosen; with nothing to act on, the
        buttons are off."""
        self.model.set_items(trash.list_trash(self.ctx.db))
        count = len(self.model.items)
        for button in self.buttons:
            button.setEnabled(bool(count) and not self.ctx.db.read_only)
        if count:
            self.view.setCurrentIndex(self.model.index(min(row, count - 1), 0))

    def _row(self) -> int:
        return max(self.view.currentIndex().row(), 0)

    def restore_current(self) -> None:
        item: TrashItem | None = self.current()
        if item is None:
            return
        row = self._row()
        also = trash.restore(self.ctx.db, item.kind, item.id)
        for kind in dict.fromkeys([item.kind, *(r.kind for r in also)]):
            self.ctx.changed.emit(kind)
        self.ctx.status.emit(trash.restored_message(item.title, also))
        self.reload(row)

    def purge_current(self) -> None:
        item: TrashItem | None = self.current()
        if item is None or not confirm_purge(self, item.title, item.kind):
            return
        row = self._row()
        trash.purge(self.ctx.db, item.kind, item.id)
        self.ctx.undo_stack.clear()  # an undo could point at the purged record
        self.ctx.changed.emit(item.kind)  # what belonged to it went too (an account's contacts)
        self.ctx.status.emit(_("“{title}” was deleted for good.").format(title=isolate(item.title)))
        self.reload(row)

    def empty(self) -> None:
        """Empty the trash…: everything in it deleted for good, after the user said yes to how
        many records that is."""
        everything = trash.list_trash(self.ctx.db, limit=ALL)  # the list shows the latest only
        accounts = any(item.kind == "account" for item in everything)
        if not everything or not confirm_empty(self, len(everything), accounts):
            return
        kinds = dict.fromkeys(item.kind for item in everything)  # each once, in order
        removed = trash.empty_trash(self.ctx.db)
        self.ctx.undo_stack.clear()  # an undo could point at a purged record
        for kind in kinds:  # the screens that show them, or what went with them, look again
            self.ctx.changed.emit(kind)
        self.ctx.status.emit(
            ngettext(
                "{n} record was deleted for good.", "{n} records were deleted for good.", removed
            ).format(n=format_number(removed))
        )
        self.reload()
