"""File → Import (Ctrl+I): a CSV file's columns mapped, previewed and checked before anything
is written; vCard and JSON files imported straight away. Both end with the import's report.

The dialog edits a :class:`~accountdesk.core.io.mapping.ColumnMapping` (the recognised one, or
a saved mapping whose columns are the file's header) and runs the import's own dry run on it
(:func:`~accountdesk.core.io.csv_io.import_csv` with ``dry_run``, and
:func:`~accountdesk.core.io.csv_io.preview` for the first rows) off the GUI thread after every
change; Import runs the same import, writing, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import settings
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.country_names import country_code
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import (
    N_,
    _,
    format_number,
    format_yearly_date,
    join_list,
    ngettext,
    pgettext,
)
from accountdesk.core.io import csv_format, csv_io
from accountdesk.core.io import dates as file_dates
from accountdesk.core.io import mapping as m
from accountdesk.core.io.kinds import import_whole, kind_of
from accountdesk.core.io.sources import SOURCES, normalise
from accountdesk.core.labels import DATE_KIND, LIST_LABEL, label
from accountdesk.core.validation import phone_shown
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.forms import combo_value, country_combo, region_label, set_combo
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.rowkeys import tab_leaves
from accountdesk.ui.screenfit import resize_within_screen

SAMPLE_VALUES = 3  # non-empty values shown per column
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's largest size: no maximum
SAMPLE_ROWS = 50  # rows read for them
PREVIEW_ROWS = 8
CHECK_DELAY_MS = 150  # a check starts this long after the last change

#: The labels offered for e-mail and phone columns (stored words, as the CSV format writes them;
#: shown in the user's language through labels.LIST_LABEL).
LIST_LABELS = {"emails": ("work", "home", "other"), "phones": ("work", "mobile", "home", "other")}


def rule_text(rule: m.Rule) -> str:
    """How the mapping combo box names ``rule``."""
    if rule.target == m.IGNORE:
        return _("Do not import")
    if rule.target == m.NOTES:
        return _("Keep in the notes")
    if rule.target == m.FULL_NAME:
        return m.column_label(m.FULL_NAME)
    if rule.target == m.LABEL:
        return _("Label of an e-mail or phone column")
    name = m.column_label(rule.target)
    if rule.label_from:
        return _("{field}, labelled as column “{column}” says").format(
            field=name, column=isolate(rule.label_from)
        )
    if rule.label:
        return _("{field}, labelled “{label}”").format(
            field=name, label=label(LIST_LABEL, rule.label)
        )
    return name


def choices() -> list[m.Rule]:
    """Every rule the combo box offers, in its order."""
    found = [m.Rule(m.IGNORE), m.Rule(m.NOTES), m.Rule(m.FULL_NAME)]
    for column in m.COLUMNS:
        found.append(m.Rule(column))
        found += [m.Rule(column, label=label) for label in LIST_LABELS.get(column, ())]
    found += [m.Rule(target) for target in m.DATES]  # after important_dates, the last column
    found.append(m.Rule(m.LABEL))
    return found


#: The orders of day and month the dialog offers for a file's dates, with an example each.
DATE_ORDERS: tuple[tuple[str | None, str], ...] = (
    (None, N_("As the file shows")),
    (file_dates.DAY_FIRST, N_("Day first ({example})")),
    (file_dates.MONTH_FIRST, N_("Month first ({example})")),
)
_ORDER_EXAMPLES = {file_dates.DAY_FIRST: "17.05.1984", file_dates.MONTH_FIRST: "05/17/1984"}


def order_text(order: str | None, text: str) -> str:
    """An entry of the date order list: ``text`` (translated) with its example."""
    example = _ORDER_EXAMPLES.get(order or "")
    return _(text).format(example=ltr(example)) if example else _(text)


def _dates_cell(dates: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> str:
    """Important dates as the preview shows them: the kind (or label) and the date, in the
    language and calendar of the app, as the contact's page shows them."""
    return join_list(
        _("{kind}: {date}").format(
            kind=isolate(d["label"]) if d.get("label") else label(DATE_KIND, d["kind"]),
            date=format_yearly_date(d["month"], d["day"], d.get("year")),
        )
        for d in dates
    )


def _region_cell(record: dict[str, Any]) -> str:
    """A record's region as the preview shows it: its name in the app's language and its
    code ("Victoria (VIC)"), as the forms and a record's page show it."""
    return region_label(record["country"], record.get("subdivision"))


@dataclass
class Check:
    """What the import's dry run says of a mapping: its report, or the error with the rows'
    problems; and the first rows as they will be stored."""

    report: csv_io.ImportReport | None
    error: UserError | None
    problems: list[csv_format.Problem]
    rows: list[csv_io.PreviewRow]


def check(
    ctx: AppContext, path: Path, mapping: m.ColumnMapping, country: str | None = None
) -> Check:
    """Run the import's dry run and preview for ``mapping`` (on a worker thread); ``country``:
    of the rows that name none."""
    try:
        report = csv_io.import_csv(ctx.db, path, dry_run=True, mapping=mapping, country=country)
    except csv_format.CsvImportError as exc:
        problems = exc.details or [csv_format.Problem(0, exc.message, reason=exc.message)]
        rows = csv_io.preview(path, mapping, PREVIEW_ROWS, country=country)
        return Check(None, exc, problems, rows)
    except UserError as exc:
        return Check(None, exc, [csv_format.Problem(0, exc.message, reason=exc.message)], [])
    return Check(report, None, [], csv_io.preview(path, mapping, PREVIEW_ROWS, country=country))


def report_text(report: Any) -> str:
    """A report's summary and its remarks (what was not imported), one paragraph each."""
    return "\n\n".join([report.summary(), *report.remarks()])


def show_report(parent: QWidget | None, report: Any) -> None:
    QMessageBox.information(parent, _("Import"), report_text(report))


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    tab_leaves(table)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    cut_titles(table)
    table.setWordWrap(False)
    return table


def _item(text: str) -> QTableWidgetItem:
    """A cell of user data, isolated so that it keeps its order in a right-to-left window."""
    item = QTableWidgetItem(isolate(text) if text else "")
    item.setToolTip(text)
    return item


def _listed(items: list[dict[str, Any]], shown: Callable[[str], str] = str) -> str:
    """Labelled values as the preview shows them: the label in the user's language, each
    value as ``shown`` writes it (a phone grouped as people read it: phone_shown)."""
    return join_list(
        # TRANSLATORS: an e-mail address or phone number after its label ("work", "mobile")
        _("{label}: {value}").format(
            label=label(LIST_LABEL, i["label"]), value=ltr(shown(i["value"]))
        )
        if i.get("label")
        else ltr(shown(i["value"]))
        for i in items
    )


class ImportDialog(QDialog):
    """The columns of one CSV file, what each maps to, the first rows as they will be stored
    and the problems found; Import writes the file."""

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import {file}").format(file=isolate(self.path.name)))
        self.header, sample = csv_format.read_sample(self.path, SAMPLE_ROWS)
        self.recognised = m.recognise(self.header)
        self.mapping = self.recognised
        self.last: Check | None = None
        self.report: csv_io.ImportReport | None = None  # what the import wrote
        self._generation = 0
        self.last_generation = -1
        self._choices = choices()
        self._combos: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        self.source_label = QLabel()
        self.source_label.setObjectName("importSource")
        self.source_label.setWordWrap(True)
        layout.addWidget(self.source_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Use saved mapping:")))
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedMappings")
        row.addWidget(self.saved_combo, 1)
        self.save_button = QPushButton(_("Save mapping…"))
        self.save_button.setObjectName("saveMapping")
        self.save_button.clicked.connect(lambda _c=False: self.save_mapping())
        row.addWidget(self.save_button)
        layout.addLayout(row)
        # the order of day and month, offered when a column is mapped to a date
        self.order_row = QWidget()
        order_layout = QHBoxLayout(self.order_row)
        order_layout.setContentsMargins(0, 0, 0, 0)
        order_layout.addWidget(QLabel(_("Day and month in the file's dates:")))
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("dateOrder")
        for order, text in DATE_ORDERS:
            self.order_combo.addItem(order_text(order, text))
        self.order_combo.currentIndexChanged.connect(self._order_chosen)
        order_layout.addWidget(self.order_combo)
        order_layout.addStretch(1)
        layout.addWidget(self.order_row)
        # the country of rows that name none (a phone's address book: local numbers, no
        # address); the user's own country is offered (Settings → Me)
        country_row = QHBoxLayout()
        country_label = QLabel(_("Country of the rows that give none:"))
        country_row.addWidget(country_label)
        no_country = _("None: such a row is a problem")
        self.country_combo = country_combo(empty=no_country)
        self.country_combo.setObjectName("defaultCountry")
        # wide enough for that choice, read from its start (not its end, as typed text is)
        self.country_combo.setMinimumContentsLength(len(no_country) + 2)
        country_label.setBuddy(self.country_combo)
        own = settings.get(ctx.db, "user.country")
        set_combo(self.country_combo, own or "")
        typed = self.country_combo.lineEdit()
        if typed is not None:
            typed.setCursorPosition(0)
        self.country = own or None
        self.country_combo.currentIndexChanged.connect(lambda _i: self._country_chosen())
        country_row.addWidget(self.country_combo)
        country_row.addStretch(1)
        layout.addLayout(country_row)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        self.columns_table = _table(
            [_("Column in the file"), _("Import as"), _("Sample values")], "importColumns"
        )
        top_row.addWidget(self.columns_table, 3)
        unmapped_box = QGroupBox(_("Columns not imported into a field"))
        unmapped_layout = QVBoxLayout(unmapped_box)
        hint = QLabel(
            _(
                "Choose a field for a column under “Import as”. Ticked columns are kept in the "
                "notes; the others are not imported."
            )
        )
        hint.setWordWrap(True)
        unmapped_layout.addWidget(hint)
        self.unmapped_list = QListWidget()
        self.unmapped_list.setObjectName("unmappedColumns")
        self.unmapped_list.itemChanged.connect(self._unmapped_changed)
        unmapped_layout.addWidget(self.unmapped_list)
        top_row.addWidget(unmapped_box, 1)
        split.addWidget(top)

        preview_box = QGroupBox(_("The first rows as they will be stored"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview_table = _table(
            [
                _("Row"), _("Account"), _("Country"), _("Given name"), _("Family name"),
                _("Form of address"), _("Job title"), _("E-mail"), _("Phone"), _("City"),
                _("Region"), _("Important dates"), _("Tags"), _("Notes"),
            ],
            "importPreview",
        )  # fmt: skip
        preview_layout.addWidget(self.preview_table)
        split.addWidget(preview_box)
        problems_box = QGroupBox(
            _("The whole file checked: what the import will do, and its problems")
        )
        problems_layout = QVBoxLayout(problems_box)
        self.summary_label = QLabel(_("Checking the file…"))
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # in a scroll area: on a small screen a long report (39 columns not imported) lost its
        # last lines under the table of problems, the splitter making the box shorter than
        # the wrapped text
        self.summary_scroll = QScrollArea()
        self.summary_scroll.setObjectName("importSummaryScroll")
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_scroll.setWidget(self.summary_label)
        # in the box's own colour (setWidget has the label fill its background)
        self.summary_scroll.viewport().setAutoFillBackground(False)
        self.summary_label.setAutoFillBackground(False)
        # at the top of its box when shorter than it (it floated in the middle)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        problems_layout.addWidget(self.summary_scroll, 1)
        self.problems_table = _table(
            # the cell's text, not an amount ("มูลค่า" in Thai is a worth in money)
            [_("Row"), _("Column"), pgettext("a cell's text", "Value"), _("Problem")],
            "importProblems",
        )
        self.problems_table.setMinimumHeight(60)
        # a clean file's table says so: blank, it read as not checked yet as much as clean
        self.problems_note = EmptyNote(self.problems_table)
        problems_layout.addWidget(self.problems_table, 1)
        split.addWidget(problems_box)
        split.setSizes([280, 180, 280])  # the report's paragraphs need room (Thai is tall)
        # scrolled when the screen is shorter than the three panes need (150 %, 200 %): the
        # dialog was taller than the screen, Import and Cancel below its edge
        panes = QScrollArea()
        panes.setObjectName("importPanes")
        panes.setWidgetResizable(True)
        panes.setFrameShape(QFrame.Shape.NoFrame)
        panes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panes.setWidget(split)
        layout.addWidget(panes, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            pgettext("button", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._run_check)

        self._fill_columns(sample)
        self._fill_saved()
        self.saved_combo.currentIndexChanged.connect(self._saved_chosen)
        self._show_mapping()
        resize_within_screen(self, 1100, 760)

    # --- the mapping ---------------------------------------------------------------------

    def _fill_columns(self, sample: list[list[str]]) -> None:
        named = [(i, h) for i, h in enumerate(self.header) if h.strip()]
        self.columns_table.setRowCount(len(named))
        seen: set[str] = set()
        for row, (index, name) in enumerate(named):
            self.columns_table.setItem(row, 0, _item(name))
            values = [r[index].strip() for r in sample if index < len(r) and r[index].strip()]
            shown = list(dict.fromkeys(values))[:SAMPLE_VALUES]  # different values, in order
            self.columns_table.setItem(row, 2, _item(join_list(isolate(v) for v in shown)))
            combo = QComboBox()
            combo.setObjectName(f"mapping:{name}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for rule in self._choices:
                combo.addItem(rule_text(rule))
            # the whole choice on hover: a long one is cut in its column ("E-pasts ar
            # apzīmējumu no kolonnas “E-mail 1 - Label”")
            combo.currentTextChanged.connect(combo.setToolTip)
            key = normalise(name)
            if key in seen:  # a second column of one name: the import reports it
                combo.setEnabled(False)
            else:
                seen.add(key)
                self._combos[name] = combo
                combo.currentIndexChanged.connect(
                    lambda i, n=name, c=combo: self._combo_changed(n, c, i)
                )
            self.columns_table.setCellWidget(row, 1, combo)
        self.columns_table.resizeColumnsToContents()

    def _fill_saved(self) -> None:
        self.saved_combo.addItem(_("None: the mapping recognised from the header"), None)
        for path in m.saved():
            self.saved_combo.addItem(path.stem, str(path))
        match = m.matching_saved(self.header)
        if match is not None:
            self.saved_combo.setCurrentIndex(self.saved_combo.findData(str(match[0])))
            self.mapping = self._fitted(match[1])

    def _fitted(self, chosen: m.ColumnMapping) -> m.ColumnMapping:
        """``chosen``'s rules for the file's columns (a column it does not name: not imported)."""
        columns = {name: chosen.rule(name) or m.Rule(m.IGNORE) for name in self.recognised.columns}
        return m.ColumnMapping(columns, chosen.source, date_order=chosen.date_order)

    def _saved_chosen(self, index: int) -> None:
        data = self.saved_combo.itemData(index)
        if data is None:
            self.mapping = self.recognised
        else:
            try:
                self.mapping = self._fitted(m.load(data))
            except m.MappingError as exc:
                QMessageBox.warning(self, _("Import"), exc.message)
                return
        self._show_mapping()

    def set_rule(self, name: str, rule: m.Rule) -> None:
        """Map the file's column ``name`` by ``rule`` (as the combo box does)."""
        self.mapping = self.mapping.with_rule(name, rule)
        self._show_mapping()

    def _combo_changed(self, name: str, combo: QComboBox, index: int) -> None:
        if 0 <= index < len(self._choices) and combo.isEnabled():
            rule = self._choices[index]
            if self.mapping.columns.get(name) != rule:
                self.set_rule(name, rule)

    def set_date_order(self, order: str | None) -> None:
        """Read the file's dates in ``order`` (None: as the file shows), as the list does."""
        self.mapping = self.mapping.with_date_order(order)
        self._show_mapping()

    def _order_chosen(self, index: int) -> None:
        if not 0 <= index < len(DATE_ORDERS):
            return
        order = DATE_ORDERS[index][0]
        if order != self.mapping.date_order:
            self.set_date_order(order)

    def set_country(self, country: str | None) -> None:
        """Give the rows that name no country ``country`` (None: such a row is a problem), as
        the list does."""
        if country != self.country:
            self.country = country
            self._show_mapping()

    def _country_chosen(self) -> None:
        # a text that is no country (typed, not chosen) gives none
        self.set_country(country_code(combo_value(self.country_combo)))

    def _unmapped_changed(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        keep = item.checkState() == Qt.CheckState.Checked
        self.set_rule(name, m.Rule(m.NOTES if keep else m.IGNORE))

    def _no_field(self, name: str) -> bool:
        """True when the product whose export the file is has ``name`` as a column AccountDesk
        has no field for (its table does not know it); a column of a file no product wrote
        may hold anything."""
        product = SOURCES.get(self.mapping.source or "")
        if product is None:
            return False
        target = product.columns.get(normalise(name))
        return target is None or target.column == m.NOTES  # a person's web page: in the notes

    def mapping_text(self) -> str:
        """What the dialog says of the mapping: the product or format the header was read as,
        how many of the columns are mapped, and what to do about the others."""
        rules = self.mapping.columns
        total = len(rules)
        mapped = sum(1 for r in rules.values() if r.target not in (m.IGNORE, m.NOTES))
        open_ = sum(1 for n, r in rules.items() if r.target == m.IGNORE and not self._no_field(n))
        source = SOURCES[self.mapping.source].name if self.mapping.source else None
        if source:
            what = _("Recognised as an export of {product}.").format(product=source)
        elif any(h in m.COLUMNS for h in self.header):
            what = _("Read as AccountDesk's CSV format.")
        elif not mapped:
            return _(
                "No product recognised from the header: choose what each column holds, "
                "then save the mapping for the next file like it."
            )
        else:
            what = _("No product recognised from the header.")
        sentences = [
            what,
            # a label, not a sentence: no noun or verb whose number would follow n or total
            _("Columns mapped to a field: {n} of {total}.").format(
                n=format_number(mapped), total=format_number(total)
            ),
        ]
        if open_:
            sentences.append(
                ngettext(
                    "Choose what the column that is not mapped yet holds, or leave it out; "
                    "then save the mapping for the next file like it.",
                    "Choose what the {n} columns that are not mapped yet hold, or leave them "
                    "out; then save the mapping for the next file like it.",
                    open_,
                ).format(n=format_number(open_))
            )
        return " ".join(sentences)

    def _unmapped_text(self, name: str) -> str:
        """A column of the unmapped list, with what is true of it."""
        if self._no_field(name):
            # the app's name isolated too: a Persian line that began with it, after the
            # isolated column, was laid out left to right and read backwards from the right
            return _("{column} ({app} has no field for it)").format(
                column=isolate(name), app=isolate(_("AccountDesk"))
            )
        return _("{column} (not mapped yet)").format(column=isolate(name))

    def _show_mapping(self) -> None:
        """Show ``self.mapping`` in the combo boxes and the unmapped list, then check it."""
        self.source_label.setText(self.mapping_text())
        self.order_row.setVisible(self.mapping.has_dates())
        self.order_combo.blockSignals(True)
        orders = [order for order, _text in DATE_ORDERS]
        self.order_combo.setCurrentIndex(orders.index(self.mapping.date_order))
        self.order_combo.blockSignals(False)
        for name, combo in self._combos.items():
            rule = self.mapping.columns.get(name, m.Rule(m.IGNORE))
            if rule not in self._choices:  # a label read from another column, a rare label
                self._choices.append(rule)
                for other in self._combos.values():
                    other.blockSignals(True)
                    other.addItem(rule_text(rule))
                    other.blockSignals(False)
            combo.blockSignals(True)
            combo.setCurrentIndex(self._choices.index(rule))
            combo.blockSignals(False)
            combo.setToolTip(combo.currentText())  # its signals were blocked
        self.unmapped_list.blockSignals(True)
        self.unmapped_list.clear()
        for name, rule in self.mapping.columns.items():
            if rule.target in (m.IGNORE, m.NOTES):
                item = QListWidgetItem(self._unmapped_text(name))
                item.setToolTip(item.text())  # the list is narrow: the whole text on hover
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = rule.target == m.NOTES
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.unmapped_list.addItem(item)
        self.unmapped_list.blockSignals(False)
        self._generation += 1  # a check already running is of an older mapping now
        self.import_button.setEnabled(False)
        self.summary_label.setText(_("Checking the file…"))
        self.problems_note.say(None)  # not of this mapping yet
        self._check_timer.start()

    # --- checking ------------------------------------------------------------------------

    def _run_check(self) -> None:
        generation, mapping, ctx, path = self._generation, self.mapping, self.ctx, self.path
        country = self.country
        tasks.run(
            lambda: check(ctx, path, mapping, country),
            lambda found: self._checked(generation, found),
            lambda exc: self._check_failed(generation, exc),
            owner=self,
        )

    def up_to_date(self) -> bool:
        """True when what the dialog shows is the check of the current mapping."""
        return (
            not self._check_timer.isActive()
            and self.last is not None
            and self.last_generation == self._generation
        )

    def _check_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, UserError):
            raise exc
        self._checked(generation, Check(None, exc, [], []))

    def _checked(self, generation: int, found: Check) -> None:
        if generation != self._generation:
            return  # the mapping changed meanwhile; a newer check follows
        self.last, self.last_generation = found, generation
        if found.report is not None:
            self.summary_label.setText(report_text(found.report))
        else:
            assert found.error is not None
            self.summary_label.setText(found.error.message)
        self.import_button.setEnabled(found.report is not None)
        self._fill_problems(found.problems)
        clean = found.report is not None and not found.problems
        self.problems_note.say(_("No problems found in the file.") if clean else None)
        # the room of the box goes to the report while the table has no rows to show
        table = self.problems_table
        table.setMaximumHeight(QWIDGETSIZE_MAX if found.problems else table.minimumHeight())
        self._fill_preview(found.rows)

    def _fill_problems(self, problems: list[csv_format.Problem]) -> None:
        self.problems_table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            cells = [
                format_number(problem.row) if problem.row else "",
                problem.column,
                problem.value,
                problem.reason or problem.text,
            ]
            for column, text in enumerate(cells):
                self.problems_table.setItem(row, column, _item(text))
        self.problems_table.resizeColumnsToContents()

    def _fill_preview(self, rows: list[csv_io.PreviewRow]) -> None:
        self.preview_table.setRowCount(len(rows))
        for row, found in enumerate(rows):
            account, contact = found.account, found.contact or {}
            notes = contact.get("personal_notes") if found.contact else account.get("notes")
            cells = [
                format_number(found.row),
                account["name"],
                account["country"],
                contact.get("given_name") or "",
                contact.get("family_name") or "",
                contact.get("honorific") or "",
                contact.get("job_title") or "",
                _listed(contact.get("emails") or []),
                _listed(contact.get("phones") or [], phone_shown),  # as the contact's page
                contact.get("city") or account.get("city") or "",
                _region_cell(contact or account),
                _dates_cell(found.dates),
                join_list(isolate(tag) for tag in found.tags),
                (notes or "").replace("\n", " · "),
            ]
            for column, text in enumerate(cells):
                self.preview_table.setItem(row, column, _item(text))
        self.preview_table.resizeColumnsToContents()

    # --- saving and importing ------------------------------------------------------------

    def save_mapping(self, name: str | None = None) -> Path | None:
        """Save the mapping in the saved mappings folder as ``name`` (asked when None)."""
        if name is None:
            default = SOURCES[self.mapping.source].name if self.mapping.source else self.path.stem
            name, ok = QInputDialog.getText(
                self, _("Save mapping"), _("Name of the mapping:"), text=default
            )
            if not ok:
                return None
        try:
            path = m.save_named(self.mapping, name)
        except UserError as exc:
            QMessageBox.warning(self, _("Save mapping"), exc.message)
            return None
        self.saved_combo.blockSignals(True)
        index = self.saved_combo.findData(str(path))
        if index < 0:
            self.saved_combo.addItem(path.stem, str(path))
            index = self.saved_combo.count() - 1
        self.saved_combo.setCurrentIndex(index)
        self.saved_combo.blockSignals(False)
        self.ctx.status.emit(_("Mapping saved as {name}.").format(name=isolate(path.stem)))
        return path

    def start_import(self) -> None:
        """Write the file through the mapping, behind a progress dialog; then the report.
        Only the mapping whose check the dialog shows is imported."""
        if not self.up_to_date() or self.last is None or self.last.report is None:
            return
        ctx, path, mapping, country = self.ctx, self.path, self.mapping, self.country

        def work(progress: tasks.Progress) -> Any:
            return csv_io.import_csv(
                ctx.db,
                path,
                mapping=mapping,
                progress=lambda rows: progress(rows, rows + 1000),
                country=country,
            )

        def done(report: csv_io.ImportReport) -> None:
            self.report = report
            ctx.changed.emit("account")
            ctx.changed.emit("contact")
            self.accept()
            show_report(self.parentWidget(), report)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, _("Import"), str(exc))
            self.import_button.setEnabled(self.up_to_date())  # nothing was written: try again

        self.import_button.setEnabled(False)
        tasks.run_with_progress(
            self, _("Importing {file}…").format(file=isolate(path.name)), work, done, failed
        )


def choose_file(parent: QWidget | None) -> str | None:
    """Ask for a file to import: CSV, vCard or an AccountDesk JSON export."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import contacts"),
        "",
        ";;".join(
            [
                _("Contacts (*.csv *.vcf *.vcard *.json)"),
                _("CSV files (*.csv)"),
                _("vCard files (*.vcf *.vcard)"),
                _("AccountDesk JSON export (*.json)"),
                _("All files (*)"),
            ]
        ),
    )
    return path or None


def import_file(ctx: AppContext, parent: QWidget | None, path: str) -> QDialog | None:
    """Import ``path``: a CSV file through the mapping dialog (opened, returned), a vCard or
    JSON file straight away behind a progress dialog; the report is shown at the end. Cancel
    stops any of them with nothing written (the importer's sentence, and no report)."""
    if kind_of(path) == "csv":
        try:
            dialog = ImportDialog(ctx, path, parent)
        except UserError as exc:  # not a CSV file, not UTF-8 …
            QMessageBox.warning(parent, _("Import"), exc.message)
            return None
        dialog.open()
        return dialog

    def work(progress: tasks.Progress) -> Any:
        return import_whole(ctx.db, path, progress=progress)

    def done(report: Any) -> None:
        ctx.changed.emit("account")
        ctx.changed.emit("contact")
        show_report(parent, report)

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, _("Import"), str(exc))

    title = _("Importing {file}…").format(file=isolate(Path(path).name))
    return tasks.run_with_progress(parent, title, work, done, failed)
