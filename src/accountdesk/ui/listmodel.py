"""Table models for big lists: they hold ids and fetch rows by page.

The ordered ids come from a query function that filters and sorts in SQL (run off the GUI
thread); rows are read a page at a time when the view asks for them and kept in a small cache,
so memory stays flat however far the user scrolls. The ids of the list without filter text are
kept: typing narrows them (:func:`accountdesk.core.queries.lists.narrow_ids`) instead of
reading and sorting every matching record again.

Every cell's text is shown isolated (:func:`accountdesk.core.bidi.isolate`): a Latin name keeps
its final period and a phone number its "+" in a right-to-left window, and the cell is still
aligned by the window's direction. :class:`IsolatingTableModel` is the base of the app's table
models; type-ahead search in a view matches the text without the isolates (:data:`PLAIN_ROLE`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypedDict, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from accountdesk.core.bidi import isolate, plain
from accountdesk.core.i18n import _
from accountdesk.core.queries import lists
from accountdesk.core.queries.lists import ListFilter
from accountdesk.ui import tasks

if TYPE_CHECKING:
    from accountdesk.core.db.engine import Database

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: A cell's text without bidi isolates or marks (for matching and comparing).
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 2


class IsolatingTableModel(QAbstractTableModel):
    """A table model whose cells are shown isolated: ``data`` gives
    :func:`~accountdesk.core.bidi.isolate` of the text for the display role and
    :func:`~accountdesk.core.bidi.plain` of it for :data:`PLAIN_ROLE` (see :meth:`cell`);
    :meth:`match`, which a view's type-ahead search calls, looks at the plain text."""

    @staticmethod
    def cell(text: str, role: int) -> str:
        return plain(text) if role == PLAIN_ROLE else isolate(text)

    def match(
        self,
        start: Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        if role == Qt.ItemDataRole.DisplayRole:
            role = PLAIN_ROLE
        return super().match(start, role, value, hits, flags)


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    title: str  # marked with N_
    text: Callable[[Row], str]  # isolated by the model; bidi.ltr() for left-to-right values
    sort: str | None = None  # the query's sort key, None: not sortable
    foreground: Callable[[Row], Any] | None = None
    #: The texts the column may show, in the current language, that it is made as wide as
    #: (with its title: :class:`~accountdesk.ui.listscreen.ListScreen`): dates, statuses, a
    #: long phone number; None: the width of every column (the texts are the user's own).
    samples: Callable[[], Iterable[str]] | None = None


class Narrowing(TypedDict):
    """What a list of records gives :class:`LazyListModel` to narrow as the user types."""

    narrow_ids: Callable[[str, Sequence[str], Any], list[str]]
    documents: Callable[[Sequence[str]], Any]


def narrowing(db: Database, kind: str) -> Narrowing:
    """The narrowing of a list of the records of ``kind`` ("contact", "account") by their
    search documents (:func:`accountdesk.core.queries.lists.narrow_ids`)."""

    def narrow(text: str, within: Sequence[str], documents: lists.Documents | None) -> list[str]:
        return lists.narrow_ids(db, kind, text, within, documents)

    def documents(within: Sequence[str]) -> lists.Documents:
        return lists.document_rowids(db, kind, within)

    return {"narrow_ids": narrow, "documents": documents}


class LazyListModel(IsolatingTableModel, Generic[Row]):
    """Subclasses give the columns and two query functions (ids; rows for ids), and may give a
    third, ``narrow_ids(text, within, documents)``: ``within`` (the ids of the same filter
    without text) narrowed to those matching ``text``, in the same order; and a fourth,
    ``documents(within)``: what ``narrow_ids`` narrows ``within`` by faster, read off the GUI
    thread once a list without text is shown (None until it is)."""

    PAGE = 200
    MAX_PAGES = 40

    loaded = Signal(int)  # number of rows after a (re)load
    loading = Signal(bool)

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch_ids: Callable[[ListFilter, str, bool], list[str]],
        fetch_rows: Callable[[Sequence[str]], list[Row]],
        *,
        asynchronous: bool = True,
        default_sort: str = "name",
        narrow_ids: Callable[[str, Sequence[str], Any], list[str]] | None = None,
        documents: Callable[[Sequence[str]], Any] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._narrow_ids = narrow_ids
        self._documents = documents
        # the ids without filter text, and the filter (text left out) and sort they are for
        self._untyped: tuple[ListFilter, str, bool, list[str]] | None = None
        self._untyped_documents: Any = None  # documents(those ids), once read
        self.asynchronous = asynchronous
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[Row | None]] = OrderedDict()
        self.filter = ListFilter()
        self.sort_key = default_sort
        self.descending = False
        self._generation = 0
        self.is_loading = False

    # --- loading -------------------------------------------------------------------------

    def set_filter(self, flt: ListFilter) -> None:
        """Show what ``flt`` matches; a change of the text alone narrows the kept ids."""
        self.filter = flt
        self._load(narrow=True)

    def reload(self) -> None:
        """Query the ids again (filter, sort) and drop the cached rows (and the ids kept for
        narrowing: the data may have changed)."""
        self._untyped = None
        self._load(narrow=False)

    def _load(self, *, narrow: bool) -> None:
        self._generation += 1
        generation = self._generation
        flt, key, desc = self.filter, self.sort_key, self.descending
        untyped = replace(flt, text="")
        kept = self._untyped
        narrow_ids = self._narrow_ids
        text = flt.text
        fetch: Callable[[], list[str]]
        if (
            narrow
            and narrow_ids is not None
            and kept is not None
            and kept[:3] == (untyped, key, desc)
        ):
            within, documents = kept[3], self._untyped_documents

            def fetch() -> list[str]:
                if not text.strip():
                    return within  # itself: kept with its documents (nothing changes it)
                return narrow_ids(text, within, documents)
        else:

            def fetch() -> list[str]:
                return self._fetch_ids(flt, key, desc)

        keep = None if text.strip() else (untyped, key, desc)
        if not self.asynchronous:
            self._apply(generation, fetch(), keep)
            return
        self.is_loading = True
        self.loading.emit(True)
        tasks.run(
            fetch,
            lambda ids: self._apply(generation, ids, keep),
            lambda exc: self._failed(generation, exc),
            owner=self,  # dropped when the list is gone (the window built again)
        )

    def _apply(
        self,
        generation: int,
        ids: list[str],
        keep: tuple[ListFilter, str, bool] | None = None,
    ) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        if keep is not None and not (self._untyped is not None and self._untyped[3] is ids):
            self._untyped = (*keep, ids)
            self._untyped_documents = None
            self._read_documents(ids)
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.is_loading = False
        self.loading.emit(False)
        self.loaded.emit(len(ids))

    def _read_documents(self, ids: list[str]) -> None:
        """Read what narrowing ``ids`` (kept) takes, off the GUI thread: the list is shown
        first, and narrowed without it until it comes."""
        read = self._documents
        if read is None or not ids:
            return

        def done(documents: Any) -> None:
            if self._untyped is not None and self._untyped[3] is ids:  # still kept
                self._untyped_documents = documents

        if not self.asynchronous:
            done(read(ids))
            return
        tasks.run(lambda: read(ids), done, owner=self)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.is_loading = False
            self.loading.emit(False)
            raise exc

    def forget_rows(self) -> None:
        """Drop cached rows (after an edit) and repaint."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def row(self, row: int) -> Row | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * self.PAGE : (page + 1) * self.PAGE]
            by_id = {self._row_id(r): r for r in self._fetch_rows(ids)}
            rows = [by_id.get(i) for i in ids]
            self._pages[page] = rows
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * self.PAGE]

    @staticmethod
    def _row_id(row: Any) -> str:
        return str(row.id)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, id_: str) -> int:
        try:
            return self._ids.index(id_)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return self._ids

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        text_role = role in (Qt.ItemDataRole.DisplayRole, PLAIN_ROLE)
        if not text_role and role != Qt.ItemDataRole.ForegroundRole:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.data(index, Qt.ItemDataRole.DisplayRole)
            return None
        row = self.row(index.row())
        column = self.columns[index.column()]
        if row is None:
            return self.cell(_("(removed)"), role) if text_role else None
        if text_role:
            return self.cell(column.text(row), role)
        return column.foreground(row) if column.foreground else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        assert key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._ids:
            return
        self.sort_key, self.descending = key, descending
        self.reload()
