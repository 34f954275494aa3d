"""The trash dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import N_, _
from accountdesk.core.services import trash
from accountdesk.core.services.trash import KIND_LABELS, TrashItem
from accountdesk.ui import fmt
from accountdesk.ui.context import AppContext
from accountdesk.ui.listdialog import ListDialog, ask_yes


def confirm_purge(parent: QWidget, title: str) -> bool:
    return ask_yes(
        parent,
        _("Delete for good"),
        _("Delete “{title}” for good? This cannot be undone.").format(title=isolate(title)),
    )


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
            [(_("Restore"), self.restore_current), (_("Delete for good…"), self.purge_current)],
            stretch=1,
            empty=_(
                "The trash is empty. What you move to the trash waits here until you restore "
                "it or delete it for good."
            ),
            parent=parent,
        )

    def reload(self) -> None:
        self.model.set_items(trash.list_trash(self.ctx.db))

    def restore_current(self) -> None:
        item: TrashItem | None = self.current()
        if item is None:
            return
        trash.restore(self.ctx.db, item.kind, item.id)
        self.ctx.changed.emit(item.kind)
        self.ctx.status.emit(_("“{title}” was restored.").format(title=isolate(item.title)))
        self.reload()

    def purge_current(self) -> None:
        item: TrashItem | None = self.current()
        if item is None or not confirm_purge(self, item.title):
            return
        trash.purge(self.ctx.db, item.kind, item.id)
        self.ctx.undo_stack.clear()  # an undo could point at the purged record
        self.reload()
