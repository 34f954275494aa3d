"""The Countries screen: a searchable list of every country (curated ones marked) and the
selected country's profile, full etiquette notes with useful phrases, the user's own notes
(add, edit, move to trash) and a year of holidays as a list and as a month calendar.

The year is one of the user's calendar (``ui.calendar``): 1405 in Persian is the Solar Hijri
year from 21 March 2026 to 20 March 2027, 2569 in Thai the Buddhist-era year 2026; the
holidays and seasons are those of its days, and the month calendar pages by its months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n, icu, settings
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.calendars import year_of, year_span
from accountdesk.core.culture.calendar import Holiday, holidays_between
from accountdesk.core.culture.countries import country_codes
from accountdesk.core.culture.etiquette import SECTION_TITLES, SECTIONS, covered_countries
from accountdesk.core.culture.panel import holiday_text
from accountdesk.core.culture.profile import (
    CountryProfile,
    average_disclaimer,
    category_label,
    country_profile,
    shorter_days_text,
)
from accountdesk.core.culture.seasons import Season, season_title, seasons_between
from accountdesk.core.i18n import (
    N_,
    _,
    country_name,
    current_calendar,
    format_date,
    format_skeleton,
    join_list,
)
from accountdesk.core.queries.culture import (
    CountryNoteItem,
    contact_country_pairs,
    countries_with_notes,
    country_notes,
)
from accountdesk.ui import fmt, tasks
from accountdesk.ui.accessible import label_field, name_field
from accountdesk.ui.clearbutton import clear_button
from accountdesk.ui.colours import muted_style
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import (
    KIND_MARKS,
    USER_NOTES_STYLE,
    CountryNoteDialog,
    disclaimer_style,
    esc,
    mark_colour,
    notes_html,
    season_span,
)
from accountdesk.ui.detail import clear_layout, details_form, heading
from accountdesk.ui.emptynote import EmptyNote
from accountdesk.ui.items import ItemsPanel
from accountdesk.ui.modal import run_modal
from accountdesk.ui.month_calendar import DayMark, MonthCalendar
from accountdesk.ui.pickers import folded

CURATED_MARK = "✓"
HOLIDAY_COLOUR = "#ffd6d6"
ESTIMATED_COLOUR = "#ffe9c7"
#: What the etiquette text browser draws on.
_BASE = QPalette.ColorRole.Base
#: The years offered, as Gregorian days (the year selector counts in the user's calendar).
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class CountryData:
    """What the right side shows for one country and year (built on a worker thread):
    ``year`` of ``calendar``, which runs from ``start`` to ``end``."""

    code: str
    year: int
    calendar: str
    start: date
    end: date
    profile: CountryProfile
    holidays: list[Holiday]
    seasons: list[Season]
    notes: list[CountryNoteItem]


def load_country(db: Any, code: str, year: int, calendar: str, lang: str) -> CountryData:
    start, end = year_span(year, calendar)
    return CountryData(
        code,
        year,
        calendar,
        start,
        end,
        country_profile(code, lang),
        holidays_between(code, None, start, end, lang),
        seasons_between(code, start, end, lang),
        country_notes(db, code),
    )


def _kinds(holiday: Holiday) -> str:
    """The holiday's kinds, and "estimated" for a date announced late (one column: with a
    fourth, the kinds were scrolled out of sight at 1280 px, and Groundhog Day read as a
    public holiday)."""
    kinds = [category_label(c) for c in holiday.categories]
    return join_list([*kinds, _("estimated")] if holiday.estimated else kinds)


def _name_takes_the_rest(view: QTableView, name: int) -> None:
    """The holidays' columns inside the list: the date and the kinds as wide as their text,
    the name column the width they leave, its text on more lines when it needs (each row as
    tall as its text). Every column was as wide as its longest text, so a long Persian name
    pushed the kind out of sight at 1280 px."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(name, QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class WithinWidth(QStyledItemDelegate):
    """A list's rows no wider than its viewport, so that a long one ends in "…" (a list view
    makes every row as wide as its widest text and scrolls sideways to it)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            size.setWidth(min(size.width(), view.viewport().width()))
        return size


class CountriesScreen(QWidget):
    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.asynchronous = asynchronous
        self.code: str | None = None
        self.data: CountryData | None = None
        self._generation = 0
        self.curated: frozenset[str] = frozenset(covered_countries())
        outer = QVBoxLayout(self)
        outer.addWidget(heading(_("Countries"), 1.4))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search countries…"))
        clear_button(self.search)
        self.search.textChanged.connect(self._filter)
        left_layout.addWidget(self.search)
        self.only_curated = QCheckBox(_("Only countries with etiquette notes"))
        self.only_curated.toggled.connect(self._filter)
        left_layout.addWidget(self.only_curated)
        self.list = QListWidget()
        name_field(self.list, _("Countries"))  # for a screen reader
        name_field(self.search, self.search.placeholderText())
        # a long name ends in "…" (whole in its tooltip): a few of them gave the whole list a
        # sideways scroll bar ("Dienviddžordžija un Dienvidsendviču salas")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setItemDelegate(WithinWidth(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # laid out again at each width
        self.list.currentItemChanged.connect(self._selected)
        self.no_country = EmptyNote(self.list)  # a search that matches no country says so
        left_layout.addWidget(self.list, 1)
        text = _("{mark} curated etiquette notes · • your notes").format(mark=CURATED_MARK)
        # each mark held to the word after it: the legend broke after "•" in Latvian
        for mark in (CURATED_MARK, "•"):
            text = text.replace(f"{mark} ", f"{mark}\N{NO-BREAK SPACE}")
        self.legend = legend = QLabel(text)
        legend.setWordWrap(True)
        legend.setStyleSheet(muted_style())  # secondary, and legible
        left_layout.addWidget(legend)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading("", 1.3)
        right_layout.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        right_layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        right_layout.addWidget(self.tabs, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])

        # profile
        self.profile_page = QWidget()
        self.profile_layout = QVBoxLayout(self.profile_page)
        self.tabs.addTab(self.profile_page, _("Profile"))
        # etiquette
        self.etiquette = QTextBrowser()
        self.etiquette.setOpenExternalLinks(False)
        self.tabs.addTab(self.etiquette, _("Etiquette"))
        # the user's notes
        notes_page = QFrame()
        notes_page.setObjectName("yourNotes")
        notes_page.setStyleSheet(USER_NOTES_STYLE)
        notes_layout = QVBoxLayout(notes_page)
        self.notes_title = QLabel(_("Your notes"))
        font = self.notes_title.font()
        font.setBold(True)
        self.notes_title.setFont(font)
        notes_layout.addWidget(self.notes_title)
        self.notes = ItemsPanel(
            [
                (N_("Written"), lambda n: fmt.when(n.created_at, ctx.user_zone)),
                (N_("Text"), lambda n: n.body.replace("\n", " ")),
            ],
            on_new=self.add_note,
            on_open=self.edit_note,
            on_delete=lambda n: ctx.delete("country_note", n.id, n.body[:40]),
            new_text=_("Add note…"),
            empty=_(
                "No notes of yours on this country yet. What you add here is shown on every "
                "contact from this country, beside the etiquette notes."
            ),
        )
        notes_layout.addWidget(self.notes)
        self.tabs.addTab(notes_page, _("Your notes"))
        # holidays
        holidays_page = QWidget()
        holidays_layout = QVBoxLayout(holidays_page)
        year_row = QHBoxLayout()
        year_label = QLabel(_("Year"))
        year_row.addWidget(year_label)
        # in the user's calendar, written by the locale (Persian digits in Persian)
        self.calendar_system = current_calendar()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(
            year_of(FIRST_DAY, self.calendar_system), year_of(LAST_DAY, self.calendar_system)
        )
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(year_of(self.today(), self.calendar_system))
        self.year.valueChanged.connect(lambda _y: self.reload())
        label_field(year_label, self.year)
        year_row.addWidget(self.year)
        self.estimated_note = QLabel()
        self.estimated_note.setWordWrap(True)
        year_row.addWidget(self.estimated_note, 1)
        holidays_layout.addLayout(year_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.holidays = ItemsPanel(
            [
                # the year is the Year box's: each day of the list is in it
                (N_("Date"), lambda h: format_skeleton(h.date, "MMMEd")),
                (N_("Holiday"), lambda h: h.name),
                (N_("Kind"), _kinds),
            ]
        )
        _name_takes_the_rest(self.holidays.view, name=1)
        split.addWidget(self.holidays)
        cal_side = QWidget()
        cal_layout = QVBoxLayout(cal_side)
        cal_layout.setContentsMargins(0, 0, 0, 0)
        self.calendar = MonthCalendar(self.today())
        self.calendar.grid.setShowGrid(True)
        self.calendar.selection_changed.connect(self._day_selected)
        self.calendar.page_changed.connect(self._page_changed)
        cal_layout.addWidget(self.calendar)
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        cal_layout.addWidget(self.day_label)
        self.seasons = QLabel()
        self.seasons.setWordWrap(True)
        self.seasons.setTextFormat(Qt.TextFormat.RichText)
        self.seasons.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        # the seasons scroll under the whole calendar: laid out below it, their text squeezed
        # the month's last week under the day's line and was itself cut at the tab's bottom
        # (Turkey's Ramadan and two feasts on a 700-pixel screen)
        seasons_scroll = QScrollArea()
        seasons_scroll.setWidgetResizable(True)
        seasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        seasons_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        seasons_scroll.setWidget(self.seasons)
        cal_layout.addWidget(seasons_scroll, 1)
        split.addWidget(cal_side)
        split.setStretchFactor(0, 3)  # the list's names and kinds before the calendar
        split.setStretchFactor(1, 2)
        split.setSizes([520, 300])
        holidays_layout.addWidget(split, 1)
        self.tabs.addTab(holidays_page, _("Holidays"))
        self._by_day: dict[date, list[Any]] = {}

        self._fill_list()
        ctx.changed.connect(self._changed)
        self.select(self._default_country())

    def today(self) -> date:
        """Today where the user is."""
        return self.ctx.today()

    # --- the list ------------------------------------------------------------------------

    def _default_country(self) -> str:
        pairs = contact_country_pairs(self.ctx.db)
        if pairs:
            return pairs[0][0]
        # before the first contact, the user's own country (Settings → Me), not the first of
        # the list (Afghanistan)
        own = settings.get(self.ctx.db, "user.country")
        if own:
            return str(own)
        return self.visible_codes()[0] if self.visible_codes() else "LV"

    def _fill_list(self) -> None:
        codes = country_codes()
        with_notes = countries_with_notes(self.ctx.db)
        named = icu.sorted_by([(country_name(c), c) for c in codes], itemgetter(0))
        current = self.code
        self.list.blockSignals(True)
        self.list.clear()
        for name, code in named:
            text = name
            if code in self.curated:
                text = f"{text}  {CURATED_MARK}"
            if with_notes.get(code):
                text = f"{text}  •"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setData(Qt.ItemDataRole.UserRole + 1, folded(f"{name} {code}"))
            # the whole name on hover: the list is narrow and a long name is cut
            # ("Britanya Hint Okyanusu Toprakla…" on a 1024-pixel screen)
            item.setToolTip(name)
            if code in self.curated:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                curated = _("Curated etiquette notes")  # outside the f-string: extracted
                item.setToolTip(f"{name}\n{curated}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter()
        if current:
            self._mark_current(current)

    def _filter(self, *_args: object) -> None:
        needle = folded(self.search.text())
        only = self.only_curated.isChecked()
        for row in range(self.list.count()):
            item = self.list.item(row)
            code = str(item.data(Qt.ItemDataRole.UserRole))
            hay = str(item.data(Qt.ItemDataRole.UserRole + 1))
            hidden = bool(needle and needle not in hay) or (only and code not in self.curated)
            item.setHidden(hidden)
        self.no_country.say(None if self.visible_codes() else _("No country matches the search."))

    def visible_codes(self) -> list[str]:
        return [
            str(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.list.count())
            if not self.list.item(r).isHidden()
        ]

    def _mark_current(self, code: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                self.list.scrollToItem(item)
                return

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.select(str(item.data(Qt.ItemDataRole.UserRole)))

    def select(self, code: str) -> None:
        """Show ``code``'s profile (and select it in the list)."""
        self.code = code.upper()
        self._mark_current(self.code)
        self.reload()

    def _changed(self, kind: str) -> None:
        if kind == "country_note":
            self._fill_list()
            self.reload()

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.code:
            return
        self._generation += 1
        generation = self._generation
        code, year, db = self.code, self.year.value(), self.ctx.db
        lang, calendar = i18n.current_language().code, self.calendar_system
        if not self.asynchronous:
            self._show(generation, load_country(db, code, year, calendar, lang))
            return
        tasks.run(
            lambda: load_country(db, code, year, calendar, lang),
            lambda d: self._show(generation, d),
            owner=self,  # dropped when the screen is gone (the window built again)
        )

    def _show(self, generation: int, data: CountryData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.title.setText(f"{country_name(data.code)} ({data.code})")
        self._show_profile(data)
        self._show_etiquette(data)
        self._show_notes(data)
        self._show_holidays(data)

    def _show_profile(self, data: CountryData) -> None:
        clear_layout(self.profile_layout)
        profile = data.profile
        curated = profile.curated
        self.summary.setText(
            profile.etiquette.summary
            if profile.etiquette is not None
            else _("No curated etiquette notes for this country yet: calendar facts only.")
        )
        hours = profile.business_hours
        span = fmt.hours(hours.start, hours.end)
        if hours.curated:
            hours_text = _("{hours} (curated)").format(hours=span)
        else:
            hours_text = _("{hours} (a default, not curated for this country)").format(hours=span)
        currency = ""
        if profile.currency:
            currency = _("{name} ({code})").format(
                name=profile.currency_name or profile.currency, code=ltr(profile.currency)
            )
        rows = [
            (_("Code"), profile.code),
            (
                _("Languages"),
                join_list(
                    _("{name} ({code})").format(name=n, code=ltr(t)) for t, n in profile.languages
                ),
            ),
            (_("Currency"), currency),
            (
                _("Time zones"),
                "\n".join(
                    _("{name} ({code})").format(name=i18n.zone_name(z), code=ltr(z))
                    for z in profile.zones
                ),
            ),
            (_("Weekend"), join_list(profile.weekend_names) or _("none")),
            (_("Business hours"), hours_text),
            *(
                [(_("Shorter days"), shorter_days_text(profile.shorter_days))]
                if profile.shorter_days
                else []
            ),
            (_("Etiquette notes"), _("curated") if curated else _("not yet")),
        ]
        self.profile_form = details_form(rows)
        self.profile_layout.addWidget(self.profile_form)
        self.profile_layout.addStretch(1)

    def _show_etiquette(self, data: CountryData) -> None:
        notes = data.profile.etiquette
        if notes is None:
            self.etiquette.setHtml(
                "<p>"
                + esc(_("No curated etiquette notes for this country yet: calendar facts only."))
                + "</p>"
            )
            return
        legend = " · ".join(
            f'<span style="color:{mark_colour(colour, _BASE)}; font-weight:bold;">'
            f"{symbol} {esc(_(name))}</span>"
            for symbol, colour, name in KIND_MARKS.values()
        )
        parts = [f"<p>{esc(notes.summary)}</p>", f"<p>{legend}</p>"]
        for section in SECTIONS:
            found = notes.sections.get(section) or []
            if not found:
                continue
            parts.append(f"<h3>{esc(_(SECTION_TITLES[section]))}</h3>")
            parts.append(notes_html(found))
        if notes.phrases:
            parts.append(f"<h3>{esc(_('Useful phrases'))}</h3>")
            parts.append('<table cellspacing="0" cellpadding="3">')
            for phrase in notes.phrases:
                parts.append(
                    f"<tr><td><b>{esc(phrase.local)}</b></td>"
                    # an English respelling: for English readers only (etiquette.Phrase)
                    + (
                        f"<td><i>{esc(phrase.pronunciation)}</i></td>"
                        if phrase.pronunciation
                        else ""
                    )
                    + f"<td>{esc(phrase.meaning)}</td></tr>"
                )
            parts.append("</table>")
        parts.append(
            f'<p style="{disclaimer_style(_BASE)}">{esc(average_disclaimer(for_person=False))}</p>'
        )
        self.etiquette.setHtml("".join(parts))

    def _show_notes(self, data: CountryData) -> None:
        self.notes_title.setText(
            _("Your notes on {country}").format(country=country_name(data.code))
        )
        self.notes.set_items(data.notes)

    def _show_holidays(self, data: CountryData) -> None:
        self.holidays.set_items(data.holidays)
        self._by_day = {}
        for holiday in data.holidays:
            self._by_day.setdefault(holiday.date, []).append(holiday)
        marks = {}
        for day, found in self._by_day.items():
            estimated = all(h.estimated for h in found)
            marks[day] = DayMark(
                background=ESTIMATED_COLOUR if estimated else HOLIDAY_COLOUR,
                bold=True,
                tooltip="\n".join(holiday_text(h, with_day=False) for h in found),
            )
        self.calendar.set_marks(marks)
        self._weekend(data)
        if not data.start <= self.calendar.month_shown() <= data.end:
            # the year was chosen above the calendar: the same month and day of that year
            shown = year_of(self.calendar.selected(), data.calendar)
            self.calendar.move_selection(12 * (data.year - shown))
        estimated_any = any(h.estimated for h in data.holidays)
        self.estimated_note.setText(
            _("Estimated dates (lunar and Islamic holidays) are confirmed late.")
            if estimated_any
            else ""
        )
        self.seasons.setText(
            "".join(
                f'<p style="margin:2px 0;"><b>{esc(season_title(s, season_span(s)))}</b>'
                f"<br>{esc(s.advice)}</p>"
                for s in data.seasons
            )
        )
        self._day_selected()

    def _weekend(self, data: CountryData) -> None:
        weekend = data.profile.weekend
        self.calendar.set_weekend(frozenset(weekend))
        # a week starts the day after the weekend ends (Saturday for Iran, Sunday for Saudi);
        # of a weekend in two parts, after the one the longest run of working days follows
        # (Monday for Brunei's Friday and Sunday)
        ends = [d for d in weekend if (d + 1) % 7 not in weekend]
        if ends:

            def working_run(end: int) -> int:
                run = 0
                while run < 7 and (end + 1 + run) % 7 not in weekend:
                    run += 1
                return run

            self.calendar.set_first_weekday((max(ends, key=working_run) + 1) % 7)

    def holidays_on(self, day: date) -> list[Any]:
        return list(self._by_day.get(day, []))

    def _day_selected(self, *_args: object) -> None:
        day = self.calendar.selected()
        found = self._by_day.get(day, [])
        if found:
            self.day_label.setText(
                _("{date}: {names}").format(
                    date=format_date(day, "full"),
                    names=i18n.join_clauses(
                        isolate(holiday_text(h, with_day=False)) for h in found
                    ),
                )
            )
        else:
            self.day_label.setText(_("{date}: no holiday").format(date=format_date(day, "full")))

    def _page_changed(self, first: date) -> None:
        year = year_of(first, self.calendar_system)
        if year != self.year.value():
            self.year.setValue(year)

    # --- the user's notes ----------------------------------------------------------------

    def note_dialog(self, item: CountryNoteItem | None = None) -> CountryNoteDialog:
        return CountryNoteDialog(self.ctx, self.code or "", item, parent=self)

    def add_note(self) -> None:
        if self.code:
            run_modal(self.note_dialog())

    def edit_note(self, item: CountryNoteItem) -> None:
        run_modal(self.note_dialog(item))
