"""The trash dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import N_, _
from accountdesk.core.services import trash
from accountdesk.core.services.trash import KIND_LABELS, TrashItem
from accountdesk.ui import fmt
from accountdesk.ui.context import AppContext
from accountdesk.ui.items import ItemsModel


def confirm_purge(parent: QWidget, title: str) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Delete for good"),
        _("Delete “{title}” for good? This cannot be undone.").format(title=isolate(title)),
    )
    return answer == QMessageBox.StandardButton.Yes


class TrashDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Trash"))
        self.model = ItemsModel(
            [
                (N_("Kind"), lambda t: _(KIND_LABELS.get(t.kind, t.kind))),
                (N_("Name"), lambda t: t.title),
                (N_("Deleted"), lambda t: fmt.when(t.deleted_at, ctx.user_zone)),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.clicked.connect(self.restore_current)
        self.purge_button = QPushButton(_("Delete for good…"))
        self.purge_button.clicked.connect(self.purge_current)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.restore_button)
        row.addWidget(self.purge_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(trash.list_trash(self.ctx.db))

    def current(self) -> TrashItem | None:
        index = self.view.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def restore_current(self) -> None:
        item = self.current()
        if item is None:
            return
        trash.restore(self.ctx.db, item.kind, item.id)
        self.ctx.changed.emit(item.kind)
        self.ctx.status.emit(_("“{title}” was restored.").format(title=isolate(item.title)))
        self.reload()

    def purge_current(self) -> None:
        item = self.current()
        if item is None or not confirm_purge(self, item.title):
            return
        trash.purge(self.ctx.db, item.kind, item.id)
        self.ctx.undo_stack.clear()  # an undo could point at the purged record
        self.reload()
