"""The Accounts tab of the Duplicates screen: groups of likely duplicate accounts (one company
entered twice) with the reasons, the accounts of the chosen group side by side with what hangs
on each, which one to keep and which to merge into it, Merge…; a merge is undone from the
screen's latest merges, as a merge of contacts is. The rules are in
``core/services/account_merge.py``.

The side by side, the choice and the merge are :class:`AccountMergeChoice`, which an account's
page shows too (Merge with…, ``ui/accounts/merge.py``); an undo is :func:`undo_merge_of_accounts`
on either."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n, labels
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, format_number, join_list, ngettext
from accountdesk.core.likeness import AccountCluster
from accountdesk.core.metrics import NO_CURRENCY, own_currency
from accountdesk.core.money import money_text
from accountdesk.core.queries.duplicates import (
    ACCOUNT_SHEET_FIELDS,
    AccountSheet,
    account_sheets,
)
from accountdesk.core.records import earlier_periods, period_text
from accountdesk.core.services.account_merge import (
    AccountMergeResult,
    AccountUndoResult,
    field_label,
    find_account_duplicates,
    merge_accounts,
    merge_lines,
    rows_text,
    undo_account_merge,
    undo_text,
)
from accountdesk.ui import fmt, tasks
from accountdesk.ui.accessible import label_field, name_field
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import LeadingLabel
from accountdesk.ui.forms import show_error
from accountdesk.ui.headers import WrappingHeader
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.listdialog import ask_yes
from accountdesk.ui.listmodel import IsolatingTableModel
from accountdesk.ui.rowkeys import tab_leaves

Index = QModelIndex | QPersistentModelIndex


def _names(cluster: AccountCluster) -> str:
    return join_list(isolate(a.name) for a in cluster.accounts)


def _countries(cluster: AccountCluster) -> str:
    return join_list(dict.fromkeys(i18n.country_name(a.country) for a in cluster.accounts))


def _why(cluster: AccountCluster) -> str:
    return join_list(dict.fromkeys(r.text() for r in cluster.reasons))


def shown(sheet: AccountSheet, field: str) -> str:
    """A stored account field as the side-by-side table shows it."""
    value = sheet.fields[field]
    if value in (None, ""):
        return ""
    if field == "country":
        return i18n.country_name(value)
    if field == "status":
        return labels.label(labels.STATUS, value)
    if field == "tier":
        return labels.label(labels.TIER, value)
    if field == "size_band":
        return fmt.size_band(value)
    if field == "website":
        return ltr(value)
    if isinstance(value, date):
        return i18n.format_date(value)
    if isinstance(value, Decimal):
        currency = own_currency(sheet.fields["currency"], sheet.fields["country"])
        return i18n.format_number(value) if currency == NO_CURRENCY else money_text(value, currency)
    return str(value)


def _earlier(sheet: AccountSheet) -> str:
    return "\n".join(period_text(p) for p in earlier_periods(sheet.earlier_periods))


class AccountSheetModel(IsolatingTableModel):
    """The accounts of a group side by side: a row per field, a column per account; a row where
    two accounts hold different values is bold (there the kept account's value wins; the
    customer dates are combined instead, and the last row counts what would move)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheets: list[AccountSheet] = []
        self.rows: list[tuple[str, list[str], bool]] = []
        self.kept_id: str | None = None

    def set_kept(self, kept_id: str | None) -> None:
        self.kept_id = kept_id
        if self.sheets:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.sheets) - 1)

    def set_sheets(self, sheets: list[AccountSheet]) -> None:
        self.beginResetModel()
        self.sheets = sheets
        combined = {"status", "customer_since", "lost_on"}
        rows: list[tuple[str, list[str], bool]] = [
            (field_label(f), [shown(s, f) for s in sheets], f not in combined)
            for f in ACCOUNT_SHEET_FIELDS
        ]
        rows.append((field_label("earlier_periods"), [_earlier(s) for s in sheets], False))
        rows.append((field_label("referred_by_id"), [s.referred_by or "" for s in sheets], True))
        rows.append((_("Related records"), [rows_text(s.related) for s in sheets], False))
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


def merge_question(kept: AccountSheet, others: list[AccountSheet]) -> str:
    """The confirmation of a merge of accounts: what moves (counted), where the others go,
    that it can be undone."""
    moving: dict[str, int] = {}
    for sheet in others:
        for name, n in sheet.related.items():
            moving[name] = moving.get(name, 0) + n
    question = ngettext(
        "Merge {n} account into “{name}”? It goes to the trash, and its empty fields are "
        "filled in on “{name}”.",
        "Merge {n} accounts into “{name}”? They go to the trash, and their empty fields are "
        "filled in on “{name}”.",
        len(others),
    ).format(n=format_number(len(others)), name=isolate(kept.name))
    moved = rows_text(moving)
    if moved:
        question += " " + _("Moving to “{name}”: {records}.").format(
            name=isolate(kept.name), records=moved
        )
    return question + " " + _("The merge can be undone under Latest merges.")


def merged_text(result: AccountMergeResult, merged: int) -> str:
    """What a merge of ``merged`` accounts did, as the status bar and an account's page say
    it: into which account, and :func:`merge_lines`."""
    return " ".join(
        [
            ngettext(
                "{n} account was merged into “{name}”.",
                "{n} accounts were merged into “{name}”.",
                merged,
            ).format(n=format_number(merged), name=isolate(result.kept_name)),
            *merge_lines(result),
        ]
    )


def undo_merge_of_accounts(
    ctx: AppContext, parent: QWidget, merge_id: str
) -> AccountUndoResult | None:
    """Undo the merge of accounts ``merge_id`` (the Duplicates screen's latest merges and an
    account's page after Merge with… call this); what it did in the status bar. None when
    the core refused it: its sentence is shown, and nothing was changed."""
    try:
        undone = ctx.write("account", lambda: undo_account_merge(ctx.db, merge_id, ctx.clock))
    except UserError as exc:
        show_error(parent, exc.message)
        return None
    ctx.status.emit(undo_text(undone))
    return undone


class AccountMergeChoice(QWidget):
    """Accounts to merge side by side (:class:`AccountSheetModel`), which one to keep, which
    to merge into it, and Merge accounts… (asked with :func:`merge_question`). The one merge
    of accounts the screens show: the Duplicates screen's Accounts tab (a group found) and an
    account's page (Merge with…: the account and the one chosen). ``merged(kept_id, result)``
    is emitted once a merge is made (the status bar has said what it did); a refusal of the
    core is shown as its sentence, and nothing is written."""

    merged = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheets: list[AccountSheet] = []
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        self.sheet_model = AccountSheetModel(self)
        self.sheet = QTableView()
        self.sheet.setModel(self.sheet_model)
        name_field(self.sheet, _("The accounts side by side"))
        tab_leaves(self.sheet)
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
                "Merge into it (the kept account's values win; its empty fields are filled "
                "from these, the customer dates combined):"
            )
        )
        merge_into.setWordWrap(True)
        side.addWidget(merge_into)
        self.others = QListWidget()
        label_field(merge_into, self.others)
        self.others.itemChanged.connect(lambda _item: self._update_buttons())
        self.others.setMaximumHeight(self.others.fontMetrics().height() * 5)
        side.addWidget(self.others)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        self.merge_button = QPushButton(_("Merge accounts…"))
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_chosen())
        merge_row.addWidget(self.merge_button)
        side.addLayout(merge_row)
        self.show_accounts([])

    def _label(self, sheet: AccountSheet) -> str:
        return _("{name} in {country}").format(
            name=isolate(sheet.name), country=i18n.country_name(sheet.fields["country"])
        )

    def show_accounts(self, ids: Sequence[str]) -> None:
        """The accounts ``ids`` (those not in the trash) side by side, the one with the most
        records kept by default (the oldest on a tie)."""
        self.keep.blockSignals(True)
        self.keep.clear()
        self.sheets = account_sheets(self.ctx.db, ids) if ids else []
        for sheet in self.sheets:
            self.keep.addItem(self._label(sheet), sheet.id)
        best = max(
            range(len(self.sheets)),
            key=lambda i: (self.sheets[i].total, -self.sheets[i].created_at.timestamp()),
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
            item = QListWidgetItem(self._label(sheet))
            item.setData(Qt.ItemDataRole.UserRole, sheet.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.others.addItem(item)
        self.others.blockSignals(False)
        self._update_buttons()

    def kept(self) -> str | None:
        """The account chosen to keep."""
        found = self.keep.currentData()
        return str(found) if found else None

    def chosen_others(self) -> list[str]:
        found = []
        for row in range(self.others.count()):
            item = self.others.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(bool(self.kept()) and bool(self.chosen_others()))

    def question(self) -> str:
        """The confirmation the chosen merge asks (:func:`merge_question`)."""
        by_id = {s.id: s for s in self.sheets}
        kept = self.kept()
        assert kept is not None
        return merge_question(by_id[kept], [by_id[i] for i in self.chosen_others()])

    def merge_chosen(self, *, confirm: bool = True) -> AccountMergeResult | None:
        """Merge the chosen accounts into the kept one, after asking; None when nothing was
        merged (not confirmed, or refused by the core: its sentence is shown)."""
        kept = self.kept()
        others = self.chosen_others()
        if not kept or not others:
            return None
        if confirm and not ask_yes(self, _("Merge accounts"), self.question()):
            return None
        try:
            result = self.ctx.write(
                "account", lambda: merge_accounts(self.ctx.db, kept, others, self.ctx.clock)
            )
        except UserError as exc:
            show_error(self, exc.message)
            return None
        self.ctx.status.emit(merged_text(result, len(others)))
        self.merged.emit(kept, result)
        return result


class AccountDuplicates(QWidget):
    """The Accounts tab (the screen owns the latest merges, and looks again after a merge:
    ``merged`` is called once one is made)."""

    def __init__(self, ctx: AppContext, merged: Callable[[], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.clusters: list[AccountCluster] = []
        self._generation = 0

        layout = QVBoxLayout(self)
        self.summary = LeadingLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.groups = ItemsPanel(
            [(N_("Accounts"), _names), (N_("Country"), _countries), (N_("Why"), _why)],
            empty=_(
                "No likely duplicate accounts. Accounts with the same name (its legal form "
                "aside) in one country, or with the same website, are listed here to be merged."
            ),
        )
        self.groups.view.selectionModel().currentRowChanged.connect(self._group_chosen)
        name_field(self.groups.view, _("Likely duplicate accounts"))
        self.groups.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        detail = QWidget()
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        self.reasons = LeadingLabel("")
        self.reasons.setWordWrap(True)
        side.addWidget(self.reasons)
        self.choice = AccountMergeChoice(ctx)
        self.choice.merged.connect(lambda _kept, _result: merged())
        side.addWidget(self.choice, 1)

        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(self.groups)
        across.addWidget(detail)
        across.setStretchFactor(0, 2)
        across.setStretchFactor(1, 3)
        across.setSizes([460, 640])
        layout.addWidget(across, 1)
        self._show_group(None)

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Look for duplicate accounts again, off the GUI thread."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(_("Looking for likely duplicate accounts…"))
        db = self.ctx.db
        tasks.run(
            lambda: find_account_duplicates(db),
            lambda found: self._found(generation, found),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _found(self, generation: int, clusters: list[AccountCluster]) -> None:
        if generation != self._generation:
            return
        self.clusters = clusters
        self.groups.set_items(clusters)
        if clusters:
            self.summary.setText(
                ngettext(
                    "{n} group of accounts that may be one company.",
                    "{n} groups of accounts that may be one company.",
                    len(clusters),
                ).format(n=format_number(len(clusters)))
            )
            self.groups.view.setCurrentIndex(self.groups.model.index(0, 0))
        else:
            self.summary.setText(_("No likely duplicate accounts."))
            self._show_group(None)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, UserError):
            raise exc
        self.summary.setText(exc.message)

    # --- a group ---------------------------------------------------------------------------

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_group(self.clusters[current.row()] if current.isValid() else None)

    def _show_group(self, cluster: AccountCluster | None) -> None:
        self.reasons.setText("" if cluster is None else "\n".join(cluster.reason_lines()))
        self.choice.show_accounts([] if cluster is None else cluster.ids)
