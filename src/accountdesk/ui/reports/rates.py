"""Reports → Exchange rates…: the reporting currency and the dated rates reports convert money
with; enter a rate, import a CSV file of them, delete one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import ltr
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, ngettext
from accountdesk.core.queries.rates import RateRow, list_rates, rate_text
from accountdesk.core.services.rates import (
    RateInput,
    RatesImportError,
    delete_rates,
    import_rates,
    save_rate,
)
from accountdesk.ui.accessible import label_field
from accountdesk.ui.context import AppContext
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.followups.people import user_weekend
from accountdesk.ui.followups.when import DateEdit
from accountdesk.ui.forms import currency_example
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.listdialog import ask_yes
from accountdesk.ui.rowkeys import tab_leaves
from accountdesk.ui.screenfit import resize_within_screen

#: At most this many problems of a file are listed in the dialog.
PROBLEMS_SHOWN = 8


def fit_placeholder(edit: QLineEdit) -> None:
    """``edit`` at least as wide as its placeholder, which says what an empty field means."""
    text = edit.placeholderText()
    margins = edit.textMargins().left() + edit.textMargins().right()
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(text) + margins + 16)


def confirm_delete_rates(parent: QWidget, rows: list[RateRow]) -> bool:
    """Ask before deleting ``rows`` for good, each named with its day ("1 EUR = 45.5 TRY on
    1 Mar 2025")."""
    named = [
        _("{rate} on {date}").format(
            rate=ltr(f"{rate_text(row)} {row.currency}"), date=i18n.format_date(row.valid_on)
        )
        for row in rows
    ]
    question = ngettext(
        "Delete the exchange rate {rates} for good? This cannot be undone.",
        "Delete the {n} exchange rates {rates} for good? This cannot be undone.",
        len(rows),
    ).format(n=i18n.format_number(len(rows)), rates=i18n.format_list(named))
    return ask_yes(parent, _("Delete rate"), question)


class RatesDialog(QDialog):
    """The reporting currency and the table of exchange rates."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Exchange rates"))
        self.rows: list[RateRow] = []

        self.reporting = QLineEdit()
        self.reporting.setPlaceholderText(_("empty: the currency of my country"))
        self.reporting.setMaxLength(3)
        fit_placeholder(self.reporting)  # it was cut to "empty: the currenc…" in Persian
        self.reporting.setText(settings.get(ctx.db, "report.currency") or "")
        self.reporting_now = QLabel()
        save_currency = QPushButton(_("Use this currency"))
        save_currency.clicked.connect(self.save_reporting)
        currency_row = QHBoxLayout()
        currency_row.addWidget(self.reporting)
        currency_row.addWidget(save_currency)
        currency_row.addWidget(self.reporting_now, 1)

        self.table = QTableWidget(0, 3)
        tab_leaves(self.table)
        self.table.setHorizontalHeaderLabels([_("Date"), _("Rate"), _("Currency")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cut_titles(self.table)
        self.empty_note = EmptyNote(self.table)  # with no rate the table was a blank box

        self.currency = QLineEdit()
        self.currency.setPlaceholderText(currency_example())
        self.currency.setMaxLength(3)
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(_("units of the currency for one unit of the base"))
        self.day = DateEdit(ctx.today())
        self.day.set_weekend(lambda: user_weekend(ctx.user_calendar()))
        self.base = QLineEdit()
        self.base.setMaxLength(3)
        self.base.setPlaceholderText(_("empty: the reporting currency"))
        add = QPushButton(_("Add rate"))
        add.clicked.connect(self.add_rate)
        entry = QGroupBox(_("New rate: 1 base = rate × currency"))
        form = QFormLayout(entry)
        form.addRow(_("Currency:"), self.currency)
        form.addRow(_("Rate:"), self.rate)
        form.addRow(_("Date:"), self.day)
        form.addRow(_("Base currency:"), self.base)
        form.addRow("", add)

        import_button = QPushButton(_("Import a CSV file…"))
        import_button.setToolTip(
            _("Columns currency, rate, date and optionally base; one rate a line.")
        )
        import_button.clicked.connect(self.choose_file)
        self.delete_button = QPushButton(_("Delete rate"))
        self.delete_button.clicked.connect(self.delete_selected)
        actions = QHBoxLayout()
        actions.addWidget(import_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        reporting_label = QLabel(_("Reporting currency:"))
        label_field(reporting_label, self.reporting)
        layout.addWidget(reporting_label)
        layout.addLayout(currency_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(entry)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Enter does what the field it is pressed in is for: no button is the dialog's default
        # (Enter in a new rate's field clicked "Use this currency" and added no rate)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.reporting.returnPressed.connect(self.save_reporting)
        for field in (self.currency, self.rate, self.day, self.base):
            field.returnPressed.connect(self.add_rate)
        resize_within_screen(self, 620, 640)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.reporting_now.setText(
            _("Reports convert into {currency}.").format(
                currency=ltr(settings.reporting_currency(self.ctx.db))
            )
        )
        self.rows = list_rates(self.ctx.db)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (
                i18n.format_date(row.valid_on),
                ltr(rate_text(row)),
                ltr(row.currency),
            )
            for column, text in enumerate(cells):
                self.table.setItem(r, column, QTableWidgetItem(text))
        self.delete_button.setEnabled(bool(self.rows))
        self.empty_note.say(
            None
            if self.rows
            else _(
                "No exchange rates yet. Add a rate below or import a CSV file of them: "
                "reports convert amounts in other currencies with them."
            )
        )

    def rate_texts(self) -> list[tuple[str, str, str]]:
        """The table as shown (for tests and accessibility)."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            texts = [c.text() if c is not None else "" for c in cells]
            out.append((texts[0], texts[1], texts[2]))
        return out

    # --- writing ----------------------------------------------------------------------------

    def save_reporting(self) -> None:
        text = self.reporting.text()
        try:
            self.ctx.write("settings", lambda: settings.put(self.ctx.db, "report.currency", text))
        except UserError as error:
            self.message.setText(error.message)
            return
        self.message.setText(_("Saved."))
        self.refresh()

    def add_rate(self) -> None:
        # the day as typed (in the user's calendar): the service reads it and says what is wrong
        data = RateInput(
            self.currency.text(), self.rate.text(), self.day.text(), self.base.text() or None
        )
        reporting = settings.reporting_currency(self.ctx.db)
        try:
            replaced = self.ctx.write("rates", lambda: save_rate(self.ctx.db, data, reporting))
        except UserError as error:
            self.message.setText(error.message)
            return
        self.message.setText(
            _("Replaced the rate of that day.") if replaced else _("Added the rate.")
        )
        self.currency.clear()
        self.rate.clear()
        self.refresh()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import exchange rates"), "", _("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        reporting = settings.reporting_currency(self.ctx.db)
        try:
            done = self.ctx.write("rates", lambda: import_rates(self.ctx.db, path, reporting))
        except RatesImportError as error:
            shown = error.problems[:PROBLEMS_SHOWN]
            self.message.setText("\n".join([_("Nothing was imported."), *shown]))
            return
        except UserError as error:
            self.message.setText(error.message)
            return
        self.message.setText(done.summary())
        self.refresh()

    def delete_selected(self) -> None:
        """Delete the selected rates, once the user said yes to a question that names them
        (a rate is deleted for good: typed from a bank's bulletin, it went at one click)."""
        chosen = sorted({index.row() for index in self.table.selectedIndexes()})
        if not chosen:
            self.message.setText(_("Select the rate to delete first."))
            return
        rows = [self.rows[r] for r in chosen]
        if not confirm_delete_rates(self, rows):
            return
        ids = [row.id for row in rows]
        self.ctx.write("rates", lambda: delete_rates(self.ctx.db, ids))
        self.message.setText(
            ngettext("Deleted the rate.", "Deleted {n} rates.", len(ids)).format(
                n=i18n.format_number(len(ids))
            )
        )
        self.refresh()
