"""The Reports screen: report, scope, period and language on the left; the key metrics and
two charts in the middle; the generated PDF in a QtPdf preview on the right.

Metrics and PDFs are computed on worker threads (:mod:`accountdesk.ui.tasks`); a result that
arrives after the choices changed again is dropped.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n, icu
from accountdesk.core.bidi import isolate, isolate_acronyms, ltr
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import N_, _, format_number, join_list, ngettext, pgettext
from accountdesk.core.labels import TIER, label, tier_choices
from accountdesk.core.metrics import (
    MISSING_RATE,
    SMALL_SAMPLE,
    MetricSet,
    MetricValue,
    MoneyMetric,
    Period,
    calendar_period_of,
    last_year,
    unavailable_text,
)
from accountdesk.core.money import amounts_note, money_text, total_text
from accountdesk.core.queries.lists import owner_choices
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.queries.reports import (
    account_values,
    customer_language,
    partial_note,
    scope_metrics,
)
from accountdesk.core.reports.data import Scope, checked_period, rate_day
from accountdesk.ui import tasks
from accountdesk.ui.accessible import name_field
from accountdesk.ui.context import AppContext
from accountdesk.ui.followups.people import user_weekend
from accountdesk.ui.followups.when import DateEdit
from accountdesk.ui.headers import cut_titles
from accountdesk.ui.pickers import RecordPicker
from accountdesk.ui.reports.chart import BarChart
from accountdesk.ui.reports.preview import PdfPreview
from accountdesk.ui.reports.rates import RatesDialog

KINDS = (
    ("account", N_("Account relationship report")),
    ("portfolio", N_("Portfolio report")),
    ("trip", N_("Trip brief")),
)
SCOPES = (
    ("all", N_("All accounts")),
    ("country", N_("By country")),
    ("owner", N_("By owner")),
    ("segment", N_("By segment (tier)")),
)
PRESETS = (
    ("custom", N_("Custom")),
    ("quarter", N_("Last quarter")),
    ("year", N_("Last 12 months")),
    ("this_year", N_("This year")),
)
#: A trip brief is first for the coming week: today and the six days after it.
TRIP_AHEAD = timedelta(days=6)
#: Language choices besides the six languages themselves.
UI_LANGUAGE = "ui"
CUSTOMER_LANGUAGE = "customer"
NPS_COLOURS = ["#C0392B"] * 7 + ["#E6A23C"] * 2 + ["#2E8B57"] * 2


@dataclass(frozen=True)
class Request:
    """Everything a report or its metrics needs, read from the widgets on the GUI thread."""

    kind: str
    period: Period
    lang: str
    account_id: str | None = None
    country: str | None = None
    owner: str | None = None
    segment: str | None = None
    city: str | None = None
    include_lost: bool = False  # trip brief: list lost accounts too

    def scope(self) -> Scope:
        if self.kind == "account":
            return Scope(account_ids=(self.account_id,) if self.account_id else ())
        return Scope(self.country, self.owner, self.segment)


@dataclass(frozen=True)
class Metrics:
    request: Request
    total: MetricSet
    by_quarter: list[tuple[Period, MetricSet]]
    asked: str | None = None  # the currency asked for, when the amounts are not in it


def preset_period(key: str, today: date, calendar: str) -> Period | None:
    """The period of a preset, ending today, or the whole last quarter; "this year" and the
    quarters are those of ``calendar`` (in Persian the year begins on 1 Farvardin)."""
    if key == "year":
        return last_year(today)
    if key == "this_year":
        return Period(calendar_period_of(today, 12, calendar).start, today)
    if key == "quarter":
        this = calendar_period_of(today, 3, calendar)
        return calendar_period_of(this.start - timedelta(days=1), 3, calendar)
    return None


def compute_metrics(db: Database, request: Request, today: date, calendar: str) -> Metrics:
    """The metrics over the period and per quarter of ``calendar`` (the screen's), money
    converted as the PDF converts it (runs on a worker thread)."""
    rates = rate_book(db, rate_day(request.period, today))
    found = scope_metrics(db, request.scope(), request.period, rates, calendar=calendar)
    return Metrics(request, found.total, found.by_quarter, found.asked)


def build_pdf(db: Database, request: Request, user_zone: str) -> bytes:
    """The report as PDF bytes (built into a temporary file; runs on a worker thread)."""
    from accountdesk.core.reports import documents

    handle, name = tempfile.mkstemp(prefix="accountdesk-report-", suffix=".pdf")
    os.close(handle)
    path = Path(name)
    try:
        if request.kind == "account":
            if not request.account_id:
                raise ValueError("no account")
            documents.account_report(
                db, request.account_id, path, lang=request.lang, user_zone=user_zone,
                period=request.period,
            )  # fmt: skip
        elif request.kind == "portfolio":
            documents.portfolio_report(
                db, path, request.period, lang=request.lang, country=request.country,
                owner=request.owner, segment=request.segment, user_zone=user_zone,
            )  # fmt: skip
        else:
            documents.trip_brief(
                db, path, request.country or "", request.period.start, request.period.end,
                city=request.city, lang=request.lang, user_zone=user_zone,
                include_lost=request.include_lost,
            )  # fmt: skip
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class WrappedCells(QStyledItemDelegate):
    """Qt measures a wrapped cell at the column's whole width but draws its text inside the
    cell's text margins: a value whose last line fitted the column but not the text area got
    a row one line short and was cut with "…" (the Persian "no exchange rate for BRL, IRR, …"
    lost its end). The height is measured at the width the text is drawn in."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        if option.rect.width() <= 2 * margin:
            return super().sizeHint(option, index)  # a width asked for, not a height
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -2 * margin, 0)
        return super().sizeHint(narrowed, index)


class WholeTable(QTableWidget):
    """A table as tall as all its rows, with no scroll bar of its own: it scrolls with what is
    around it (a table's scroll bar beside its scroll area's was two bars for one list)."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setItemDelegate(WrappedCells(self))
        cut_titles(self)
        # a timer of its own, deleted with the table (a bare single shot outlived it)
        self._fitter = QTimer(self)
        self._fitter.setSingleShot(True)
        self._fitter.setInterval(0)
        self._fitter.timeout.connect(self.fit)
        self.model().rowsInserted.connect(self._fit_later)
        self.model().rowsRemoved.connect(self._fit_later)
        self.model().dataChanged.connect(self._fit_later)
        self.horizontalHeader().sectionResized.connect(self._fit_later)

    def _fit_later(self, *_args: object) -> None:
        self._fitter.start()

    def fit(self) -> None:
        """Take the height of the header and every row (rows wrap: it follows the width)."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        header = self.horizontalHeader().height() if self.horizontalHeader().isVisible() else 0
        self.setFixedHeight(header + rows + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_later()


class ReportsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.metrics: Metrics | None = None
        self._kind_shown = ""
        #: The preset the trip brief's coming week replaced, and that week.
        self._before_trip: tuple[str, Period] | None = None
        self._metrics_serial = 0
        self._report_serial = 0
        self._choices = 0  # how often the choices changed (a report made before is stale)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self.refresh_metrics)

        self.kind = QComboBox()
        for key, text in KINDS:
            self.kind.addItem(_(text), key)
        # scope pages
        self.scope_stack = QStackedWidget()
        self.account = RecordPicker(ctx.db, "account")
        self.account.setPlaceholderText(_("Type an account's name…"))
        name_field(self.account, _("Account"))
        self.account.picked.connect(self._account_picked)
        self.account.textChanged.connect(self._schedule)
        self.scope_stack.addWidget(self.account)
        portfolio = QWidget()
        row = QHBoxLayout(portfolio)
        row.setContentsMargins(0, 0, 0, 0)
        self.scope_by = QComboBox()
        for key, text in SCOPES:
            self.scope_by.addItem(_(text), key)
        self.scope_value = QComboBox()
        kept = self.scope_value.sizePolicy()
        kept.setRetainSizeWhenHidden(True)  # the row keeps its place when it is hidden
        self.scope_value.setSizePolicy(kept)
        row.addWidget(self.scope_by)
        row.addWidget(self.scope_value, 1)
        self.scope_stack.addWidget(portfolio)
        trip = QWidget()
        trip_form = QFormLayout(trip)
        trip_form.setContentsMargins(0, 0, 0, 0)
        self.trip_country = QComboBox()
        self.trip_city = QLineEdit()
        self.trip_city.setPlaceholderText(_("optional"))
        trip_form.addRow(_("Country:"), self.trip_country)
        trip_form.addRow(_("City:"), self.trip_city)
        self.trip_lost = QCheckBox(_("Include lost accounts"))
        trip_form.addRow(self.trip_lost)
        self.scope_stack.addWidget(trip)
        # period
        today = ctx.today()
        self.preset = QComboBox()
        for key, text in PRESETS:
            self.preset.addItem(_(text), key)
        # typed in the user's calendar (Solar Hijri in Persian, Buddhist era in Thai) or ISO
        self.start = DateEdit(today)
        self.end = DateEdit(today)
        for field in (self.start, self.end):  # the user's weekend, not the UI language's
            field.set_weekend(lambda: user_weekend(ctx.user_calendar()))
        self.end.setDate(_qdate(today))
        self.start.setDate(_qdate(last_year(today).start))
        self.preset.setCurrentIndex(self.preset.findData("year"))
        period_row = QHBoxLayout()
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.end)
        # language
        self.language = QComboBox()
        self._fill_languages()
        self.generate_button = QPushButton(_("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.rates_button = QPushButton(_("Exchange rates…"))
        self.rates_button.setToolTip(
            _("The reporting currency and the dated exchange rates reports convert money with")
        )
        self.rates_button.clicked.connect(self.edit_rates)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Report:"), self.kind)
        self.scope_label = QLabel(_("Scope:"))
        form.addRow(self.scope_label, self.scope_stack)
        form.addRow(_("Preset:"), self.preset)
        form.addRow(_("Period:"), period_row)
        form.addRow(_("Language:"), self.language)
        choices = QGroupBox(_("Report"))
        choices_layout = QVBoxLayout(choices)
        choices_layout.addLayout(form)
        choices_layout.addWidget(self.generate_button)
        choices_layout.addWidget(self.rates_button)
        choices_layout.addWidget(self.busy)
        choices_layout.addWidget(self.message)

        self.table = WholeTable(0, 3)
        self.table.setHorizontalHeaderLabels(
            [_("Metric"), pgettext("a figure's value", "Value"), _("Sample")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        # names and values share the width and wrap (a value in several currencies is long):
        # no sideways scrolling to find a figure
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.money_note = QLabel()
        self.money_note.setWordWrap(True)
        self.nps_chart = BarChart()
        self.trend_chart = BarChart()
        # the table, the note on money and the two charts scroll together when the window is
        # too low for all of them (a long list of missing rates pushed the charts onto each
        # other); the table is as tall as its rows, so that one scroll bar scrolls them all
        # before an account is chosen there is nothing to measure: a hint instead of a table
        # of zeros and "not enough data" for no account
        self.metrics_hint = QLabel(_("Choose an account to see its key metrics here."))
        self.metrics_hint.setWordWrap(True)
        self.metrics_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.metrics_hint.hide()
        metrics_inner = QWidget()
        metrics_layout = QVBoxLayout(metrics_inner)
        metrics_layout.setContentsMargins(0, 0, 0, 0)
        metrics_layout.addWidget(self.metrics_hint, 1)
        metrics_layout.addWidget(self.table, 3)
        metrics_layout.addWidget(self.money_note)
        metrics_layout.addWidget(self.nps_chart, 2)
        metrics_layout.addWidget(self.trend_chart, 2)
        metrics_scroll = QScrollArea()
        metrics_scroll.setWidgetResizable(True)
        metrics_scroll.setFrameShape(QFrame.Shape.NoFrame)
        metrics_scroll.setWidget(metrics_inner)
        metrics_box = QGroupBox(_("Key metrics"))
        QVBoxLayout(metrics_box).addWidget(metrics_scroll)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(choices)
        left_layout.addWidget(metrics_box, 1)
        self.preview = PdfPreview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._fill_scope_values()
        self._fill_trip_countries()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.scope_by.currentIndexChanged.connect(self._scope_by_changed)
        for combo in (self.scope_value, self.trip_country):
            combo.currentIndexChanged.connect(self._schedule)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        # what changes the PDF but not the figures
        self.language.currentIndexChanged.connect(self._choices_changed)
        self.trip_city.textChanged.connect(self._choices_changed)
        self.trip_lost.toggled.connect(self._choices_changed)
        self.start.dateChanged.connect(self._date_edited)
        self.end.dateChanged.connect(self._date_edited)
        ctx.changed.connect(self._data_changed)
        self._kind_changed()

    # --- choices ------------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _fill_languages(self, customer: str | None = None) -> None:
        chosen = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        ui = i18n.current_language().code
        self.language.addItem(
            _("UI language ({language})").format(language=i18n.language_name(ui)), UI_LANGUAGE
        )
        if self.current_kind() == "account":
            name = i18n.language_name(customer) if customer else _("not set")
            self.language.addItem(
                _("Customer's language ({language})").format(language=name), CUSTOMER_LANGUAGE
            )
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(code), code)
        index = self.language.findData(chosen)
        self.language.setCurrentIndex(max(index, 0))
        self.language.blockSignals(False)

    def _fill_scope_values(self) -> None:
        by = self.scope_by.currentData()
        self.scope_value.blockSignals(True)
        self.scope_value.clear()
        if by == "country":
            countries = [(i18n.country_name(c), c) for c in account_values(self.ctx.db, "country")]
            for name, code in icu.sorted_by(countries, itemgetter(0)):
                self.scope_value.addItem(name, code)
        elif by == "owner":
            # on a server (and a copy of one) "Mine" (a rep's own portfolio) and the members
            # by name, in a laptop's own file the owners as typed: those who own an account
            # (a report of another scope is refused, so the key figures beside it would show
            # a scope no PDF has)
            owners = owner_choices(self.ctx.db, with_accounts=True)
            me = self.ctx.db.member
            if me and any(owner == me for owner, _s in owners):
                # TRANSLATORS: in the owner filter: the accounts the user owns
                self.scope_value.addItem(_("Mine"), me)
            for owner, shown in owners:
                self.scope_value.addItem(shown, owner)
        elif by == "segment":
            # a tier is one segment whatever its case ("Gold", "gold"): listed once
            for tier in tier_choices(account_values(self.ctx.db, "tier")):
                self.scope_value.addItem(label(TIER, tier), tier)
        # no box at all for all accounts: an empty, greyed one stood beside "All accounts"
        self.scope_value.setVisible(by != "all")
        self.scope_value.blockSignals(False)

    def _fill_trip_countries(self) -> None:
        current = self.trip_country.currentData()
        self.trip_country.blockSignals(True)
        self.trip_country.clear()
        countries = [(i18n.country_name(c), c) for c in account_values(self.ctx.db, "country")]
        for name, code in icu.sorted_by(countries, itemgetter(0)):
            self.trip_country.addItem(name, code)
        self.trip_country.setCurrentIndex(max(self.trip_country.findData(current), 0))
        self.trip_country.blockSignals(False)

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self._trip_period(kind)
        index = [k for k, _label in KINDS].index(kind)
        # the stack takes the height of the page shown: the one-line account field was
        # stretched to the trip page's three rows
        for i in range(self.scope_stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.scope_stack.widget(i)
            assert page is not None
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.scope_stack.setCurrentIndex(index)
        self.scope_stack.updateGeometry()
        self.scope_label.setText(_("Account:") if kind == "account" else _("Scope:"))
        self._fill_languages(self._customer_language())
        self._schedule()

    def _trip_period(self, kind: str) -> None:
        """A trip brief is for the days ahead: chosen, the period becomes the coming week (the
        last 12 months of the other reports listed a year of past holidays as falling during
        the trip); left with those dates untouched, the preset before it comes back."""
        shown, self._kind_shown = self._kind_shown, kind
        if kind == "trip" and shown != "trip" and self.preset.currentData() != "custom":
            today = self.ctx.today()
            self._before_trip = (str(self.preset.currentData()), Period(today, today + TRIP_AHEAD))
            self._set_period("custom", self._before_trip[1])
        elif kind != "trip" and shown == "trip" and self._before_trip is not None:
            preset, ahead = self._before_trip
            if self.period() == ahead:
                period = preset_period(preset, self.ctx.today(), i18n.current_calendar())
                if period is not None:
                    self._set_period(preset, period)
            self._before_trip = None

    def _set_period(self, preset: str, period: Period) -> None:
        """Show ``preset`` and ``period`` without taking them for the user's own choice."""
        for widget in (self.preset, self.start, self.end):
            widget.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(preset))
        self.start.setDate(_qdate(period.start))
        self.end.setDate(_qdate(period.end))
        for widget in (self.preset, self.start, self.end):
            widget.blockSignals(False)

    def _scope_by_changed(self) -> None:
        self._fill_scope_values()
        self._schedule()

    def _account_picked(self, _id: str) -> None:
        self._fill_languages(self._customer_language())
        self._schedule()

    def _customer_language(self) -> str | None:
        if self.current_kind() != "account" or not self.account.record_id:
            return None
        return customer_language(self.ctx.db, self.account.record_id)

    def _preset_changed(self) -> None:
        period = preset_period(
            str(self.preset.currentData()), self.ctx.today(), i18n.current_calendar()
        )
        if period is None:
            return
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self._schedule()

    def _date_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._schedule()

    def _data_changed(self, _kind: str) -> None:
        self._fill_trip_countries()
        self._schedule()

    def _choices_changed(self, *_args: object) -> None:
        """The report chosen is no longer the one shown (nor one being made)."""
        self._choices += 1
        self.preview.mark_stale()  # what the choices were when the report shown was made

    def _schedule(self, *_args: object) -> None:
        self._choices_changed()
        self._show_waiting()  # at once: the figures come after a pause
        self._refresh.start()

    def _no_figures(self) -> str | None:
        """Why there is nothing to measure, or None: before an account is chosen, and for a
        trip brief, which is about days to come (README, "Days still to come")."""
        kind = self.current_kind()
        if kind == "trip":
            return _("A trip brief is about the days to come: it has no figures to measure.")
        if kind == "account" and not self.account.record_id:
            return _("Choose an account to see its key metrics here.")
        return None

    def _show_waiting(self) -> bool:
        """Before an account is chosen, and for a trip brief, there is nothing to measure:
        a line that says why instead of the table and the charts (True then). Shown only when
        the figures were asked for, an opened screen showed an empty table and two charts of
        "not enough data" for the pause before."""
        hint = self._no_figures()
        if hint is not None:
            self.metrics_hint.setText(hint)
        self.metrics_hint.setVisible(hint is not None)
        self._show_figures(hint is None)
        return hint is not None

    def _show_figures(self, shown: bool) -> None:
        for widget in (self.table, self.money_note, self.nps_chart, self.trend_chart):
            widget.setVisible(shown)

    def _clear_metrics(self) -> None:
        """No figures: none of earlier choices left under a refusal, an error or a hint."""
        self.metrics = None
        self.table.setRowCount(0)
        self.money_note.clear()
        for chart in (self.nps_chart, self.trend_chart):
            chart.set_data("", [], [])

    def period(self) -> Period | None:
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        return Period(start, end) if start <= end else None

    def report_language(self) -> str:
        choice = self.language.currentData()
        if choice == CUSTOMER_LANGUAGE:
            return self._customer_language() or i18n.current_language().code
        if choice == UI_LANGUAGE or choice is None:
            return i18n.current_language().code
        return str(choice)

    def request(self) -> Request | None:
        """The current choices, or None (with a message) when they are incomplete."""
        period = self.period()
        if period is None:
            self.message.setText(_("The period ends before it starts."))
            return None
        kind = self.current_kind()
        # the days reports cover (1900–2100); the figures' period: refused when it starts
        # after today, measured up to today when it ends later (the one rule, as the PDFs and
        # the command line); a trip brief is of days to come
        today = None if kind == "trip" else self.ctx.today()
        try:
            period = checked_period(period.start, period.end, today)
        except UserError as exc:
            self.message.setText(str(exc))
            return None
        lang = self.report_language()
        if kind == "account":
            return Request(kind, period, lang, account_id=self.account.record_id)
        if kind == "trip":
            code = self.trip_country.currentData()
            city = self.trip_city.text().strip() or None
            lost = self.trip_lost.isChecked()
            return Request(kind, period, lang, country=code, city=city, include_lost=lost)
        by, value = self.scope_by.currentData(), self.scope_value.currentData()
        if by != "all" and not value:
            return Request(kind, period, lang, country="--")
        return Request(
            kind, period, lang,
            country=value if by == "country" else None,
            owner=value if by == "owner" else None,
            segment=value if by == "segment" else None,
        )  # fmt: skip

    # --- metrics ------------------------------------------------------------------------

    def refresh_metrics(self) -> None:
        self._refresh.stop()
        self._metrics_serial += 1  # figures still being computed are of earlier choices
        serial = self._metrics_serial
        request = self.request()
        if request is None:  # refused: the message says why, with no figures under it
            self._clear_metrics()
            self.metrics_hint.hide()
            self._show_figures(False)
            return
        self.message.clear()
        if self._show_waiting():
            self._clear_metrics()
            return
        db = self.ctx.db

        def done(result: Metrics) -> None:
            if serial == self._metrics_serial:
                self.show_metrics(result)

        def failed(exc: BaseException) -> None:
            if serial == self._metrics_serial:
                self._metrics_failed(exc)

        today, calendar = self.ctx.today(), i18n.current_calendar()
        tasks.run(
            lambda: compute_metrics(db, request, today, calendar),
            done,
            failed,
            owner=self,  # dropped when the screen is gone (the window built again)
        )

    def _metrics_failed(self, exc: BaseException) -> None:
        self._clear_metrics()
        self._show_figures(False)
        self.message.setText(_("The metrics could not be computed: {error}").format(error=exc))

    def show_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics.total

        def pct(v: MetricValue) -> str:
            if v.value is None:
                return unavailable_text(v.reason)
            return i18n.format_percent(v.value, 1)

        def num(v: MetricValue, digits: int = 0) -> str:
            if v.value is None:
                return _("not enough data")
            return ltr(i18n.format_decimal(v.value, digits))

        def count(n: int) -> str:
            return i18n.format_number(n)

        def sample(v: MetricValue | MoneyMetric) -> str:
            text = count(v.sample)
            return f"{text} *" if v.small_sample else text

        def money(v: MoneyMetric) -> str:
            if v.value is not None:
                return isolate(money_text(v.value, v.currency))
            if v.reason == MISSING_RATE:
                return _("no exchange rate for {currencies}").format(
                    currencies=join_list(ltr(c) for c in v.total.missing)
                )
            return unavailable_text(v.reason)

        # the letters as the PDF's table names them: "Customers of S kept" named an S that
        # the screen never said was the customers at the start
        rows = [
            (_("Customers at the start (S)"), count(m.customers_at_start), ""),
            (_("Customers at the end (E)"), count(m.customers_at_end), ""),
            (_("Acquired in the period (N)"), count(m.acquired), ""),
            (_("Customer retention rate"), pct(m.retention), sample(m.retention)),
            (_("Customers of S kept"), pct(m.kept), sample(m.kept)),
            (_("Churn rate"), pct(m.churn), sample(m.churn)),
            (_("NPS"), num(m.nps), sample(m.nps)),
            (_("CSAT (share of 4–5)"), pct(m.csat), sample(m.csat)),
            (
                _("Revenue in the period (won deals)"),
                isolate(total_text(m.revenue, lines=True)),
                "",
            ),
            (_("Customer lifetime value"), money(m.lifetime_value), sample(m.lifetime_value)),
            (_("Customer acquisition cost"), money(m.cac), sample(m.cac)),
            (_("Referral rate"), pct(m.referral), sample(m.referral)),
        ]
        self.table.setRowCount(len(rows))
        for r, (name, value, size) in enumerate(rows):
            # "CSAT (سهم ۴ تا ۵)" reads right to left (the PDF's table does the same)
            self.table.setItem(r, 0, QTableWidgetItem(isolate_acronyms(name)))
            for column, text in ((1, value), (2, size)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
                )
                self.table.setItem(r, column, item)
        notes = list(amounts_note(m.money(), m.revenue.reporting, metrics.asked))
        if m.period.so_far:  # measured up to today (metrics.measured_up_to)
            notes.insert(
                0,
                _(
                    "{start} – {end} so far: the period was asked to run to {asked_end}; the "
                    "days still to come are not counted."
                ).format(
                    start=isolate(i18n.format_date(m.period.start)),
                    end=isolate(i18n.format_date(m.period.end)),
                    asked_end=isolate(i18n.format_date(m.period.asked.end)),
                ),
            )
        notes.append(
            ngettext(
                "Sample: the customers or answers a figure rests on; * marks fewer than {n}.",
                "Sample: the customers or answers a figure rests on; * marks fewer than {n}.",
                SMALL_SAMPLE,
            ).format(n=format_number(SMALL_SAMPLE))
        )
        self.money_note.setText("\n".join(notes))
        distribution = list(m.nps_distribution)
        self.nps_chart.set_data(
            _("NPS distribution (score 0–10)"),
            [i18n.format_number(i) for i in range(len(distribution))],
            [float(n) for n in distribution] if any(distribution) else [],
            NPS_COLOURS,
        )
        quarters = [q for q, _m in metrics.by_quarter]
        self.trend_chart.set_data(
            _("NPS by quarter"),
            [self._quarter_label(q) for q in quarters],
            [qm.nps.value for _q, qm in metrics.by_quarter],
            short_labels=[i18n.format_quarter(q.start, compact=True) for q in quarters],
            # each quarter's answers, fewer than SMALL_SAMPLE marked, and the quarters the
            # period covers in part, as the PDF's trend says them
            samples=[sample(qm.nps) for _q, qm in metrics.by_quarter],
            note=partial_note(quarters, "quarter"),
        )

    @staticmethod
    def _quarter_label(q: Period) -> str:
        return i18n.format_quarter(q.start)

    def metric_texts(self) -> dict[str, str]:
        """The metrics table as {name: value} (for tests and accessibility)."""
        out: dict[str, str] = {}
        for r in range(self.table.rowCount()):
            name, value = self.table.item(r, 0), self.table.item(r, 1)
            if name is not None and value is not None:
                out[name.text()] = value.text()
        return out

    def edit_rates(self) -> RatesDialog:
        """Open Exchange rates…; the metrics follow what is changed there."""
        dialog = RatesDialog(self.ctx, self)
        dialog.open()
        return dialog

    # --- generating -----------------------------------------------------------------------

    def generate(self) -> None:
        request = self.request()
        if request is None:
            return
        if request.kind == "account" and not request.account_id:
            self.message.setText(_("Choose an account first: type a few letters of its name."))
            return
        if request.kind == "trip" and not request.country:
            self.message.setText(_("Choose the country of the trip."))
            return
        self._report_serial += 1
        serial, choices = self._report_serial, self._choices
        self.generate_button.setEnabled(False)
        self.busy.show()
        self.message.setText(_("Generating the report…"))
        db, zone = self.ctx.db, self.ctx.user_zone
        name = f"{request.kind}-{request.period.start}-{request.period.end}-{request.lang}.pdf"

        def done(data: bytes) -> None:
            if serial != self._report_serial:
                return
            self._finished()
            self.preview.show_pdf(data, name)
            if choices != self._choices:  # changed while it was made: not the one chosen now
                self.preview.mark_stale()
            self.message.setText(_("The report is ready."))

        def failed(exc: BaseException) -> None:
            self._finished()
            self.message.setText(_("The report could not be generated: {error}").format(error=exc))

        tasks.run(lambda: build_pdf(db, request, zone), done, failed, owner=self)

    def _finished(self) -> None:
        self.generate_button.setEnabled(True)
        self.busy.hide()
