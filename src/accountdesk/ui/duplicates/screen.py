"""The Duplicates screen: groups of likely duplicate contacts with the reasons, the contacts of
the chosen group side by side, which one to keep and which to merge into it, Merge; and the
latest merges, each of which can be undone.

Finding duplicates reads every contact (seconds on a few hundred thousand): it runs off the GUI
thread (``ui/tasks.py``) and again when contacts changed while the screen was hidden. The rules
are in ``core/services/duplicates.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n, labels
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, format_number, join_list, ngettext
from accountdesk.core.likeness import EMAIL, NAME, PHONE, Cluster
from accountdesk.core.queries.duplicates import (
    ACCOUNTS,
    SHEET_FIELDS,
    ContactSheet,
    MergeRow,
    contact_sheets,
    recent_merges,
)
from accountdesk.core.services.duplicates import (
    ONE_A_PERSON,
    field_label,
    find_duplicates,
    merge,
    undo_merge,
    undo_text,
)
from accountdesk.core.validation import phone_shown
from accountdesk.ui import fmt, tasks
from accountdesk.ui.accessible import label_field, name_field
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import LeadingLabel, heading
from accountdesk.ui.duplicates.accounts import AccountDuplicates, undo_merge_of_accounts
from accountdesk.ui.forms import show_error
from accountdesk.ui.headers import WrappingHeader
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.listdialog import ask_yes
from accountdesk.ui.listmodel import IsolatingTableModel
from accountdesk.ui.rowkeys import tab_leaves

Index = QModelIndex | QPersistentModelIndex

#: The short name of each rule, for the list of groups.
RULE_NAMES = {
    EMAIL: N_("Same e-mail address"),
    PHONE: N_("Same phone number"),
    NAME: N_("Similar names"),
}


def _names(cluster: Cluster) -> str:
    return join_list(isolate(c.name) for c in cluster.contacts)


def _why(cluster: Cluster) -> str:
    rules = dict.fromkeys(r.rule for r in cluster.reasons)
    return join_list(_(RULE_NAMES[rule]) for rule in rules)


def _accounts(cluster: Cluster) -> str:
    return join_list(
        isolate(name) for name in dict.fromkeys(c.account_name for c in cluster.contacts)
    )


def shown(field: str, value: Any) -> str:
    """A stored contact field as the side-by-side table shows it."""
    if value in (None, "", []):
        return ""
    if field == "emails":
        return "\n".join(ltr(item["value"]) for item in value)
    if field == "phones":
        return "\n".join(ltr(phone_shown(item["value"])) for item in value)
    if field == "country":
        return i18n.country_name(value)
    if field == "timezone":
        return i18n.zone_name(value)
    if field == "preferred_language":
        return i18n.language_name(value)
    if field == "preferred_channel":
        return labels.label(labels.CHANNEL, value)
    if field == "buying_role":
        return labels.label(labels.BUYING_ROLE, value)
    return str(value)


def dates_shown(sheet: ContactSheet, kind: str) -> str:
    """A contact's important dates of ``kind``, one a line, as the side-by-side table shows
    them (an other date with its label)."""
    lines = []
    for d in sheet.dates:
        if d.kind != kind:
            continue
        when = i18n.format_yearly_date(d.month, d.day, d.year)
        named = _("{kind}: {date}").format(kind=isolate(d.label), date=when) if d.label else ""
        lines.append(named or when)
    return "\n".join(lines)


class SheetModel(IsolatingTableModel):
    """The contacts of a group side by side: a row per field, a column per contact. A row
    where two contacts hold different values is bold (the kept contact's value wins there);
    an empty value is not a difference (a merge fills it: a field on its own, the consent and
    the working hours as groups from one contact). The important dates have a row per kind:
    a birthday and a work anniversary are bold where they differ (a merge keeps the kept
    contact's, :data:`~accountdesk.core.services.duplicates.ONE_A_PERSON`); other dates come
    together, and their row is never bold."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheets: list[ContactSheet] = []
        #: (title, a value per contact, whether different values are a difference to show)
        self.rows: list[tuple[str, list[str], bool]] = []
        self.kept_id: str | None = None

    def set_kept(self, kept_id: str | None) -> None:
        self.kept_id = kept_id
        if self.sheets:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.sheets) - 1)

    def set_sheets(self, sheets: list[ContactSheet]) -> None:
        self.beginResetModel()
        self.sheets = sheets
        rows: list[tuple[str, list[str], bool]] = [
            (_("Account"), [s.account_name for s in sheets], True),
        ]
        for field in SHEET_FIELDS:
            rows.append((field_label(field), [shown(field, s.fields[field]) for s in sheets], True))
        for kind in labels.DATE_KIND:
            values = [dates_shown(s, kind) for s in sheets]
            rows.append((labels.label(labels.DATE_KIND, kind), values, kind in ONE_A_PERSON))
        rows.append(
            (
                _("Related records"),
                [
                    ngettext("{n} record", "{n} records", s.related).format(
                        n=format_number(s.related)
                    )
                    for s in sheets
                ],
                True,
            )
        )
        self.rows = [row for row in rows if any(row[1])]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sheets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _title, values, differs = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            if differs and len({x for x in values if x}) > 1:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "\n".join(isolate(line) for line in values[index.column()].split("\n"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.sheets):
            sheet = self.sheets[section]
            if sheet.id == self.kept_id:
                return _("{name} (kept)").format(name=isolate(sheet.name))
            return isolate(sheet.name)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return self.rows[section][0]
        return None


def _merge_kind(merge: MergeRow) -> str:
    return _("Accounts") if merge.kind == ACCOUNTS else _("Contacts")


class DuplicatesScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.clusters: list[Cluster] = []
        self.sheets: list[ContactSheet] = []
        self._stale = True
        self._generation = 0
        self._merged = False  # a merge was just made: the next look chooses it

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Duplicates")))
        top = QHBoxLayout()
        self.summary = LeadingLabel("")  # the contacts' (the Contacts tab shows it)
        self.summary.setWordWrap(True)
        top.addStretch(1)
        self.refresh_button = QPushButton(_("Look again"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.groups = ItemsPanel(
            [
                (N_("Contacts"), _names),
                (N_("Account"), _accounts),
                (N_("Why"), _why),
            ],
            empty=_(
                "No likely duplicates. Contacts with the same e-mail address or phone number, "
                "or with similar names at one account, are listed here to be merged."
            ),
        )
        self.groups.view.selectionModel().currentRowChanged.connect(self._group_chosen)
        name_field(self.groups.view, _("Likely duplicates"))  # for a screen reader
        # The columns share the pane; a long text ends in "…" (in full as a tooltip). Sized to
        # their contents, a long list of accounts made the table wider than the pane, and a
        # right-to-left window showed that column cut at its start. (Wrapped lines with rows
        # sized to them cost seconds for thousands of groups.)
        self.groups.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        detail = QWidget()
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        self.reasons = LeadingLabel("")
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.reasons)
        self.sheet_model = SheetModel(self)
        self.sheet = QTableView()
        self.sheet.setModel(self.sheet_model)
        name_field(self.sheet, _("The contacts side by side"))
        tab_leaves(self.sheet)
        # four contacts share a narrow pane: "David Davis (kept)" wraps instead of being cut
        self.sheet.setHorizontalHeader(WrappingHeader(self.sheet))
        self.sheet.setWordWrap(True)
        self.sheet.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sheet.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        side.addWidget(self.sheet, 1)
        keep_row = QHBoxLayout()
        keep_label = QLabel(_("Keep:"))
        self.keep = QComboBox()
        keep_label.setBuddy(self.keep)
        self.keep.currentIndexChanged.connect(self._kept_chosen)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep, 1)
        side.addLayout(keep_row)
        merge_into = LeadingLabel(
            _(
                "Merge into it (the kept contact's values win; "
                "its empty fields are filled from these):"
            )
        )
        # wrapped: on one line (560 px in Latvian) it pushed the list of groups so narrow that
        # its columns no longer fitted, and the list was scrolled sideways
        merge_into.setWordWrap(True)
        side.addWidget(merge_into)
        self.others = QListWidget()
        label_field(merge_into, self.others)
        self.others.itemChanged.connect(lambda _item: self._update_buttons())
        side.addWidget(self.others)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        self.merge_button = QPushButton(_("Merge…"))
        self.merge_button.clicked.connect(self.merge_chosen)
        merge_row.addWidget(self.merge_button)
        side.addLayout(merge_row)

        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(self.groups)
        across.addWidget(detail)
        across.setStretchFactor(0, 2)
        across.setStretchFactor(1, 3)
        across.setSizes([460, 640])

        merges_box = QGroupBox(_("Latest merges"))
        merges_layout = QVBoxLayout(merges_box)
        self.merges = ItemsPanel(
            [
                (N_("Merged"), lambda m: fmt.when(m.merged_at, ctx.user_zone)),
                (N_("Of"), _merge_kind),
                (N_("Kept"), lambda m: m.kept_name),
                (N_("Merged into it"), lambda m: join_list(isolate(n) for n in m.merged_names)),
                (N_("Undone"), lambda m: fmt.when(m.undone_at, ctx.user_zone)),
            ],
            empty=_("No merges yet. Each merge is listed here, and Undo merge puts it back."),
        )
        merges_layout.addWidget(self.merges)
        name_field(self.merges.view, merges_box.title())
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        self.undo_button = QPushButton(_("Undo merge"))
        self.undo_button.clicked.connect(self.undo_chosen)
        undo_row.addWidget(self.undo_button)
        merges_layout.addLayout(undo_row)
        self.merges.view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )

        # contacts and accounts: a tab each; the latest merges of both below, undone there
        self.tabs = QTabWidget()
        contacts_tab = QWidget()
        contacts_layout = QVBoxLayout(contacts_tab)
        contacts_layout.addWidget(self.summary)
        contacts_layout.addWidget(across, 1)
        self.tabs.addTab(contacts_tab, _("Contacts"))
        self.accounts = AccountDuplicates(ctx, self._merged_now)
        self.tabs.addTab(self.accounts, _("Accounts"))

        down = QSplitter(Qt.Orientation.Vertical)
        down.addWidget(self.tabs)
        down.addWidget(merges_box)
        down.setStretchFactor(0, 3)
        down.setStretchFactor(1, 1)
        layout.addWidget(down, 1)

        ctx.changed.connect(self._changed)
        self._show_group(None)
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------

    def _changed(self, kind: str) -> None:
        if kind in ("contact", "account", "zone") and not self._stale:
            self._stale = True  # an import says "account" and "contact": one look is enough
            if self.isVisible():
                QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Look for duplicates again (off the GUI thread) and read the latest merges."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.summary.setText(_("Looking for likely duplicates…"))
        self.refresh_button.setEnabled(False)
        db = self.ctx.db
        tasks.run(
            lambda: find_duplicates(db),
            lambda found: self._found(generation, found),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )
        self.accounts.refresh()
        self.merges.set_items(recent_merges(db))
        if self._merged and self.merges.model.items:
            # the merge just made, chosen: Undo merge acts on it (it was off until a row of
            # the latest merges was clicked, with nothing saying so)
            self.merges.view.setCurrentIndex(self.merges.model.index(0, 0))
        self._merged = False
        self._update_buttons()

    def _found(self, generation: int, clusters: list[Cluster]) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.clusters = clusters
        self.groups.set_items(clusters)
        if clusters:
            self.summary.setText(
                ngettext(
                    "{n} group of contacts that may be one person.",
                    "{n} groups of contacts that may be one person.",
                    len(clusters),
                ).format(n=format_number(len(clusters)))
            )
            # (selectRow needs a visible column: in a right-to-left window it may find none)
            self.groups.view.setCurrentIndex(self.groups.model.index(0, 0))
        else:
            self.summary.setText(_("No likely duplicates."))
            self._show_group(None)
        self._update_buttons()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        self.summary.setText(exc.message)

    # --- a group ---------------------------------------------------------------------------

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_group(self.clusters[current.row()] if current.isValid() else None)

    def _show_group(self, cluster: Cluster | None) -> None:
        self.keep.blockSignals(True)
        self.keep.clear()
        if cluster is None:
            self.sheets = []
            self.reasons.setText("")
        else:
            self.sheets = contact_sheets(self.ctx.db, cluster.ids)
            self.reasons.setText("\n".join(cluster.reason_lines()))
            for sheet in self.sheets:
                self.keep.addItem(
                    _("{name} at {account}").format(
                        name=isolate(sheet.name), account=isolate(sheet.account_name)
                    ),
                    sheet.id,
                )
            # by default, keep the contact with the most history (the oldest on a tie)
            best = max(
                range(len(self.sheets)),
                key=lambda i: (self.sheets[i].related, -self.sheets[i].created_at.timestamp()),
                default=0,
            )
            self.keep.setCurrentIndex(best)
        self.keep.blockSignals(False)
        self.sheet_model.set_sheets(self.sheets)
        self._kept_chosen()

    def _kept_chosen(self, *_args: object) -> None:
        kept = self.keep.currentData()
        self.sheet_model.set_kept(kept)
        self.others.blockSignals(True)
        self.others.clear()
        for sheet in self.sheets:
            if sheet.id == kept:
                continue
            item = QListWidgetItem(
                _("{name} at {account}").format(
                    name=isolate(sheet.name), account=isolate(sheet.account_name)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, sheet.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.others.addItem(item)
        self.others.blockSignals(False)
        self._fit_others()
        self._update_buttons()

    def _fit_others(self) -> None:
        """The contacts to merge as tall as their rows, up to five (then they scroll): a box
        of fixed height for one or two took the room of the side-by-side table, which showed
        three of its rows on a 700-pixel screen."""
        others = self.others
        row = others.sizeHintForRow(0) if others.count() else others.fontMetrics().height() + 2
        rows = sum(others.sizeHintForRow(r) for r in range(min(others.count(), 5)))
        others.setFixedHeight(max(rows, row) + 2 * others.frameWidth())

    def chosen_others(self) -> list[str]:
        found = []
        for row in range(self.others.count()):
            item = self.others.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(bool(self.keep.currentData()) and bool(self.chosen_others()))
        current = self.merges.current()
        self.undo_button.setEnabled(isinstance(current, MergeRow) and current.undone_at is None)

    # --- actions ---------------------------------------------------------------------------

    def merge_chosen(self, *, confirm: bool = True) -> None:
        kept = self.keep.currentData()
        others = self.chosen_others()
        if not kept or not others:
            return
        name = next(s.name for s in self.sheets if s.id == kept)
        question = ngettext(
            "Merge {n} contact into “{name}”? Its interactions, follow-ups, notes and other "
            "records move to “{name}”, and it goes to the trash. The merge can be undone.",
            "Merge {n} contacts into “{name}”? Their interactions, follow-ups, notes and other "
            "records move to “{name}”, and they go to the trash. The merge can be undone.",
            len(others),
        ).format(n=format_number(len(others)), name=isolate(name))
        if confirm and not ask_yes(self, _("Merge contacts"), question):
            return
        try:
            self.ctx.write("contact", lambda: merge(self.ctx.db, kept, others, self.ctx.clock))
        except UserError as exc:
            show_error(self, exc.message)
            return
        self._merged = True  # the look again that ctx.write asked for chooses it
        self.ctx.status.emit(
            ngettext(
                "{n} contact was merged into “{name}”.",
                "{n} contacts were merged into “{name}”.",
                len(others),
            ).format(n=format_number(len(others)), name=isolate(name))
        )  # ctx.write told every screen, this one included (_changed looks again)

    def _merged_now(self) -> None:
        """A merge was just made (on either tab): the next look chooses it."""
        self._merged = True

    def undo_chosen(self) -> None:
        current = self.merges.current()
        if not isinstance(current, MergeRow) or current.undone_at is not None:
            return
        if current.kind == ACCOUNTS:
            undo_merge_of_accounts(self.ctx, self, current.id)
            return
        try:
            result = self.ctx.write(
                "contact", lambda: undo_merge(self.ctx.db, current.id, self.ctx.clock)
            )
        except UserError as exc:
            show_error(self, exc.message)
            return
        self.ctx.status.emit(undo_text(result))
