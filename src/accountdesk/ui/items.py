"""Small in-memory tables (a record's deals, notes, interactions …) with New/Edit/Delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import icu
from accountdesk.core.bidi import plain
from accountdesk.core.i18n import _
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.listmodel import ID_ROLE, PLAIN_ROLE, IsolatingTableModel
from accountdesk.ui.rowkeys import add_row_keys

Index = QModelIndex | QPersistentModelIndex
#: (title marked with N_, text of an item: isolated by the model, bidi.ltr() for values that
#: always read left to right), and optionally what the column sorts by when that is not its
#: text in the language's order: a date, a number, :func:`amount_order` (None, as an empty
#: text: last, in either order)
ColumnSpec = (
    tuple[str, Callable[[Any], str]] | tuple[str, Callable[[Any], str], Callable[[Any], Any]]
)


def amount_order(currency: str | None, amount: Any) -> tuple[str, Any] | None:
    """What a column of amounts sorts by: the currency, then the amount in it (amounts of
    different currencies are never compared); None for no amount."""
    return None if amount is None else (currency or "", amount)


class ItemsModel(IsolatingTableModel):
    def __init__(self, columns: Sequence[ColumnSpec], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[Any] = []
        self._given: list[Any] = []  # in the order they came (the query's)
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._given = list(items)
        self.items = self._in_order(*self._sorted_by)
        self.endResetModel()

    def _in_order(self, column: int, order: Qt.SortOrder) -> list[Any]:
        """The items sorted by ``column`` (-1: as they came): its text in the order of the
        user's language (:func:`icu.ranks`), or its own sort value; an empty cell (no text,
        no value) last in either order; items that sort alike keep the order they came in."""
        if not 0 <= column < len(self.columns):
            return list(self._given)
        spec = self.columns[column]
        if len(spec) == 3:
            keyed = [(spec[2](item), item) for item in self._given]
        else:
            shown = [(plain(spec[1](item)), item) for item in self._given]
            places = icu.ranks(text for text, _item in shown)
            keyed = [(places[text] if text else None, item) for text, item in shown]
        valued = [pair for pair in keyed if pair[0] is not None]
        valued.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [item for _v, item in valued] + [item for v, item in keyed if v is None]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by a click on a column's title; the current and selected rows stay on
        their items."""
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.items
        self.items = self._in_order(column, order)
        row_of = {id(item): row for row, item in enumerate(self.items)}
        old = self.persistentIndexList()
        new = [self.index(row_of[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PLAIN_ROLE):
            return self.cell(self.columns[index.column()][1](item), role)
        if role == ID_ROLE:
            return getattr(item, "id", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _(self.columns[section][0])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ItemsPanel(QWidget):
    """A table of items with optional New, Edit/Open and Delete buttons."""

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        *,
        on_new: Callable[[], None] | None = None,
        on_open: Callable[[Any], None] | None = None,
        on_delete: Callable[[Any], None] | None = None,
        new_text: str | None = None,
        open_text: str | None = None,
        empty: str = "",
        sortable: bool = False,
    ) -> None:
        """``empty``: what the list says over itself when it has no rows (what it holds and
        how to add the first); ``sortable``: a click on a column's title sorts by it (see
        :data:`ColumnSpec`), and the rows come in the order given until then."""
        super().__init__()
        self.model = ItemsModel(columns, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.empty_note = EmptyNote(self.view)
        self.model.modelReset.connect(
            lambda: self.empty_note.say(None if self.model.rowCount() else empty)
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        cut_titles(self.view)
        self.view.setWordWrap(False)
        if sortable:  # no column's arrow at first: the order given
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, callback in (
            ("new", new_text or _("Add…"), on_new),
            ("open", open_text or _("Edit…"), on_open),
            ("delete", _("Move to trash"), on_delete),
        ):
            if callback is None:
                continue
            button = QPushButton(text)
            self.buttons[key] = button
            buttons.addWidget(button)
            if key == "new":
                button.clicked.connect(callback)
            else:
                button.clicked.connect(lambda _c=False, cb=callback: self._with_current(cb))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        # Edit… and Move to trash act on the current row: without one they did nothing
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._enable_row_buttons())
        self.model.modelReset.connect(self._enable_row_buttons)
        self._enable_row_buttons()
        if on_open is not None:
            self.view.doubleClicked.connect(lambda _i: self._with_current(on_open))
        # the keys of the list screens: Enter opens the row (F2 too when its button edits it),
        # Delete trashes it
        opening = None if on_open is None else (open_text or _("Edit…"), self._on_current(on_open))
        add_row_keys(
            self.view,
            open_row=opening,
            edit_row=opening if open_text is None else None,
            trash_row=(
                None if on_delete is None else (_("Move to trash"), self._on_current(on_delete))
            ),
        )

    def current(self) -> Any:
        index = self.view.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def _enable_row_buttons(self) -> None:
        """The buttons that act on a row are enabled while there is a current one."""
        chosen = self.current() is not None
        for key in ("open", "delete"):
            if key in self.buttons:
                self.buttons[key].setEnabled(chosen)

    def _on_current(self, callback: Callable[[Any], None]) -> Callable[[], None]:
        return lambda: self._with_current(callback)

    def _with_current(self, callback: Callable[[Any], None]) -> None:
        item = self.current()
        if item is not None:
            callback(item)

    def set_items(self, items: Sequence[Any]) -> None:
        self.model.set_items(items)
