"""A list screen: a filter bar over a lazy table, with open, new, edit and delete."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import icu
from accountdesk.core.i18n import _, country_name, format_number, ngettext, pgettext
from accountdesk.core.labels import STATUS, TIER, label
from accountdesk.core.queries.lists import FilterChoices, ListFilter, filter_choices
from accountdesk.ui import tasks
from accountdesk.ui.accessible import name_field
from accountdesk.ui.clearbutton import clear_button
from accountdesk.ui.columns import fit_column
from accountdesk.ui.context import AppContext
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.listmodel import LazyListModel
from accountdesk.ui.rowkeys import add_row_keys


class ListScreen(QWidget):
    """Subclasses set ``kind`` and implement :meth:`new_record`, :meth:`edit_record` and
    :meth:`title_of`."""

    kind = ""
    refresh_on: tuple[str, ...] = ()

    def __init__(
        self, ctx: AppContext, model: LazyListModel[Any], title: str, *, filter_name: str
    ) -> None:
        """``title``: the list's ("Accounts"), also the table's name for a screen reader;
        ``filter_name``: the filter field's ("Filter accounts")."""
        super().__init__()
        self.ctx = ctx
        self.model = model
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("screenTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        self.count = QLabel()
        top.addWidget(self.count)
        self.new_button = QPushButton(_("New…"))
        self.new_button.clicked.connect(self.new_record)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Filter by name, city, e-mail, tag…"))
        clear_button(self.search)
        name_field(self.search, filter_name)  # its placeholder reached a screen reader as a hint
        bar.addWidget(self.search, 3)
        self.country = self._filter_combo(_("All countries"), _("Country"))
        self.status = self._filter_combo(_("Any status"), _("Status"))
        for key in STATUS:
            self.status.addItem(label(STATUS, key), key)
        self.tier = self._filter_combo(_("Any tier"), _("Tier"))
        self.tag = self._filter_combo(_("Any tag"), _("Tag"))
        self.owner = self._filter_combo(_("Any owner"), _("Owner"))
        for box in (self.country, self.status, self.tier, self.tag, self.owner):
            bar.addWidget(box, 1)
        layout.addLayout(bar)

        self.table = QTableView()
        name_field(self.table, title)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        cut_titles(self.table)
        # a column of dates, statuses, phone numbers … as wide as its title and the widest
        # of them in the language (Column.samples): "Ārpus darba laika" was cut to "Ārpus
        # darba la…"; the others keep the header's default width
        for index, column in enumerate(model.columns):
            if column.samples is not None:
                fit_column(self.table, index, column.samples())
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._open_index)
        layout.addWidget(self.table, 1)
        self.empty_note = EmptyNote(self.table)

        self.loading = QLabel(_("Loading…"))
        self.loading.hide()
        layout.addWidget(self.loading)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for box in (self.country, self.status, self.tier, self.tag, self.owner):
            box.currentIndexChanged.connect(self.apply_filter)

        add_row_keys(
            self.table,
            open_row=(pgettext("action", "Open"), self.open_current),
            edit_row=(_("Edit…"), self.edit_current),
            trash_row=(_("Move to trash"), self.delete_current),
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        model.loaded.connect(self._loaded)
        model.loading.connect(self.loading.setVisible)
        ctx.changed.connect(self._changed)
        self._choices_loaded = False

    def focus_field(self) -> QWidget:
        """Where the View menu puts the keyboard: type to filter."""
        return self.search

    def _filter_combo(self, everything: str, name: str) -> QComboBox:
        """A filter's box: ``everything`` its first choice ("All countries"), ``name`` what it
        filters ("Country"): its name, and its tooltip (a screen reader on Linux names a combo
        box by its value, "Latvia", and says its tooltip after it)."""
        box = QComboBox()
        name_field(box, name)
        box.setToolTip(name)
        box.addItem(everything, "")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMinimumContentsLength(8)
        # never narrower than "Any status" in the language: squeezed by the search field the
        # boxes showed "Jebkurš statu" and "Jebkurš atbil" in a 1024-pixel window
        box.setMinimumWidth(box.sizeHint().width())
        return box

    # --- loading -------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._choices_loaded:
            self._choices_loaded = True
            self.load_choices()
            if not self.model.ids and not self.model.is_loading:
                self.model.reload()

    def load_choices(self) -> None:
        db = self.ctx.db
        if self.model.asynchronous:
            tasks.run(lambda: filter_choices(db), self._fill_choices, owner=self)
        else:
            self._fill_choices(filter_choices(db))

    def _fill_choices(self, choices: FilterChoices) -> None:
        def fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for key, text in items:
                box.addItem(text, key)
            index = box.findData(current)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

        fill(
            self.country,
            icu.sorted_by(((c, country_name(c)) for c in choices.countries), itemgetter(1)),
        )
        fill(self.tier, [(t, label(TIER, t)) for t in choices.tiers])
        fill(self.tag, [(t, t) for t in choices.tags])
        # on a server, and a laptop's copy of one, "Mine" (who the user is in the team) and
        # every member by name; in a laptop's own file the owners as typed
        # TRANSLATORS: in the owner filter: the accounts the user owns
        mine = [(choices.mine, _("Mine"))] if choices.mine else []
        fill(self.owner, [*mine, *choices.owners])

    def current_filter(self) -> ListFilter:
        return ListFilter(
            text=self.search.text(),
            country=self.country.currentData() or None,
            status=self.status.currentData() or None,
            tier=self.tier.currentData() or None,
            tag=self.tag.currentData() or None,
            owner=self.owner.currentData() or None,
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def _loaded(self, count: int) -> None:
        text = ngettext("{n} record", "{n} records", count).format(n=format_number(count))
        self.count.setText(text)
        filtered = not self.current_filter().is_empty
        self.empty_note.say(None if count else self.empty_text(filtered))

    def empty_text(self, filtered: bool) -> str:
        """What the list says when it has no rows: ``filtered``, when a filter is set."""
        raise NotImplementedError

    def _changed(self, kind: str) -> None:
        if kind == self.kind or kind in self.refresh_on:
            self.model.reload()
            if kind == self.kind:
                self.load_choices()

    # --- actions -------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        id_ = self.model.id_at(index.row())
        if id_:
            self.ctx.open_record.emit(self.kind, id_)

    def open_current(self) -> None:
        id_ = self.current_id()
        if id_:
            self.ctx.open_record.emit(self.kind, id_)

    def edit_current(self) -> None:
        id_ = self.current_id()
        if id_:
            self.edit_record(id_)

    def delete_current(self) -> None:
        index = self.table.currentIndex()
        id_ = self.current_id()
        if id_:
            self.ctx.delete(self.kind, id_, self.title_of(index.row()))

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self, id_: str) -> None:
        raise NotImplementedError

    def title_of(self, row: int) -> str:
        raise NotImplementedError
