"""A dialog that lists items for the user to act on, one at a time: a table (one row chosen),
the actions' buttons under it and Close. The trash (``ui/trash/dialog.py``) and the backups
(``ui/backups.py``) are two of them; what they list and do is theirs, the window is this."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.i18n import _
from accountdesk.ui.accessible import name_field
from accountdesk.ui.items import ColumnSpec, ItemsPanel

#: (button text, what it does)
Action = tuple[str, Callable[[], None]]


def ask_yes(parent: QWidget, title: str, question: str) -> bool:
    """Ask ``question`` with Yes and No; True for Yes."""
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class ListDialog(QDialog):
    """``columns`` as :class:`~accountdesk.ui.items.ItemsModel` takes them, ``stretch`` the
    column that takes the room left, ``actions`` the buttons (in :attr:`buttons`, in order),
    ``below``: a widget between the table and the buttons, ``empty``: what the list says when
    it has no rows. Subclasses fill the table in
    :meth:`reload`, which runs once the dialog is built."""

    def __init__(
        self,
        title: str,
        columns: Sequence[ColumnSpec],
        actions: Sequence[Action],
        *,
        stretch: int,
        below: QWidget | None = None,
        empty: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.table = table = ItemsPanel(columns, empty=empty)  # the table alone: the actions
        # are ours; ``empty`` is said over the list when it has no rows
        self.model, self.view = table.model, table.view
        name_field(self.view, title)  # for a screen reader: "Trash", "Backups"
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.empty_note = table.empty_note
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        if below is not None:
            layout.addWidget(below)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, run=slot: run())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def current(self) -> Any:
        """The chosen item, or None."""
        return self.table.current()
