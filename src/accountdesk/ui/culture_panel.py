"""The "Before you reach out" panel on the contact view, its compact summary on the account view,
the gift do and don't box of the gift editor, and the dialog for the user's own country notes.

The data comes from :mod:`accountdesk.core.culture.panel` (computed on a worker thread, see
:mod:`accountdesk.ui.tasks`); the header (local time, difference, working now) is shown at once.
The user's notes on the country sit in their own box with a different background, so they are
never mistaken for the shipped notes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.address import form_of_address
from accountdesk.core.bidi import isolate, ltr
from accountdesk.core.calendars import year_of
from accountdesk.core.culture.calendar import Holiday, by_day
from accountdesk.core.culture.countries import country_languages, subdivision_name
from accountdesk.core.culture.etiquette import SECTION_TITLES, load_etiquette
from accountdesk.core.culture.panel import (
    UPCOMING_DAYS,
    clock_zone,
    holiday_text,
    local_days,
    reach_out_summary,
    today_block,
    working_sentence,
)
from accountdesk.core.culture.profile import average_disclaimer
from accountdesk.core.culture.seasons import season_title
from accountdesk.core.i18n import (
    N_,
    _,
    country_name,
    current_calendar,
    current_language,
    current_locale,
    format_number,
    format_skeleton,
    join_clauses,
    join_list,
    language_name,
    named_languages,
    ngettext,
    with_remarks,
    zone_name,
)
from accountdesk.core.labels import CHANNEL, FORMALITY, label
from accountdesk.core.queries.culture import CountryNoteItem, country_notes
from accountdesk.core.timekeeping.workhours import WorkingHours, WorkStatus, work_status
from accountdesk.core.timekeeping.zones import format_offset, offset_between, offset_to_you
from accountdesk.ui import fmt, tasks
from accountdesk.ui.colours import ALERT, CAUTION, GOOD, muted, on_palette
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import LeadingLabel, free_text, let_narrow
from accountdesk.ui.forms import FormDialog, notes_edit
from accountdesk.ui.modal import run_modal

HOLIDAYS_SHOWN = 8
COMPACT_HOLIDAYS = 3  # days, each with its holidays

#: How each kind of etiquette note is marked: symbol, colour (as it reads on the palette:
#: :func:`mark_colour`), label.
KIND_MARKS: dict[str, tuple[str, str, str]] = {
    "do": ("✓", "#2e7d32", N_("Do")),
    "dont": ("✗", "#c62828", N_("Don't")),
    "tip": ("➜", "#1565c0", N_("Tip")),
}
#: Symbols that point along the line of text, and their mirror image for right to left (bidi
#: mirrors brackets, not arrows).
MIRRORED_SYMBOLS = {"➜": "⬅"}
USER_NOTES_STYLE = (
    "QFrame#yourNotes { background: #fff4d6; border: 1px solid #e0c068; border-radius: 6px; }"
    " QFrame#yourNotes QLabel { color: #3d3000; background: transparent; }"
)
DISCLAIMER_COLOUR = "#5f6368"


# --- text helpers ---------------------------------------------------------------------------


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def mark_colour(colour: str, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """A note mark's or the panel's coloured text as it reads on the palette's ``role`` (the
    window's; a text browser's base): :func:`~accountdesk.ui.colours.on_palette`. The marks'
    green, red and blue were 2.1:1 to 2.4:1 on a dark theme's window."""
    return on_palette(colour, role).name()


def disclaimer_style(role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """The disclaimer's style sheet: grey italics that read on ``role`` (2.0:1 on a dark
    theme's window)."""
    return f"color: {mark_colour(DISCLAIMER_COLOUR, role)}; font-style: italic;"


def note_html(kind: str, text: str) -> str:
    symbol, colour, name = KIND_MARKS.get(kind, KIND_MARKS["tip"])
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        symbol = MIRRORED_SYMBOLS.get(symbol, symbol)
    return (
        f'<span style="color:{mark_colour(colour)}; font-weight:bold;">'
        f"{symbol} {esc(_(name))}:</span> {esc(isolate(text))}"
    )


def notes_html(notes: Sequence[Any]) -> str:
    """A list of etiquette notes (``kind``, ``text``) as HTML paragraphs with markers."""
    return "".join(f'<p style="margin:2px 0;">{note_html(n.kind, n.text)}</p>' for n in notes)


def day_text(day: date, named: Sequence[Any]) -> str:
    """A day and its holidays on one line ("Sat 5 Dec: National Day, National Father's Day"):
    ``named`` as :func:`~accountdesk.core.culture.calendar.by_day` gives them."""
    names = join_list(isolate(holiday_text(h, with_day=False)) for h in named)
    return _("{date}: {name}").format(date=format_skeleton(day, "MMMEd"), name=names)


def season_span(season: Any) -> str:
    """ "22 Jun – 25 Jun 2026"; the first day's year too when the span ends in another year
    of the user's calendar ("24 Dec 2026 – 2 Jan 2027", 29 Esfand 1404 – 3 Farvardin 1405).
    The year once where the language writes it: first in Latvian ("2027. g. 13. apr. – 15.
    apr.", which read "13. apr. – 2027. g. 15. apr."). One day alone is that day."""
    start, end = season.start, season.end
    if start == end:
        return format_skeleton(start, "yMMMd")
    calendar = current_calendar()
    across = year_of(start, calendar) != year_of(end, calendar)
    year_first = not across and current_locale().datetime_skeletons["yMMMd"].pattern[:1] == "y"
    return _("{start} – {end}").format(
        start=format_skeleton(start, "yMMMd" if across or year_first else "MMMd"),
        end=format_skeleton(end, "MMMd" if year_first else "yMMMd"),
    )


def plainly_working(status: WorkStatus, today: Sequence[Holiday] = ()) -> bool:
    """Working time, and no day off for some (:func:`~accountdesk.core.culture.panel.
    working_sentence` names one): shown green, else amber."""
    return status.working and not any(h.kept_by_some for h in today)


def status_colour(working: bool) -> str:
    """The working sentence's colour: green for plainly working time, amber for anything
    else (a weekend, a holiday, off hours, a day off for some, a country of several clocks
    with no zone), as it reads on the window
    (:func:`~accountdesk.ui.colours.on_palette`): the amber was 4.0:1 on a light window, and
    both were under 2.7:1 on a dark theme's."""
    colour = GOOD if working else CAUTION
    return on_palette(colour, QPalette.ColorRole.Window).name()


def _parse_hours(start: str | None, end: str | None) -> tuple[time, time] | None:
    if not start or not end:
        return None
    try:
        return time.fromisoformat(start), time.fromisoformat(end)
    except ValueError:
        return None


# --- data (worker thread) -------------------------------------------------------------------


@dataclass(frozen=True)
class PanelData:
    reach: Any  # core.culture.panel.ReachOut, or None without a country
    notes: list[CountryNoteItem]
    languages: list[str]


def load_panel_data(
    ctx_db: Any,
    *,
    country: str,
    subdivision: str | None,
    zone_name_: str | None,
    user_zone: str,
    now: datetime,
    hours: tuple[time, time] | None,
    lang: str,
) -> PanelData:
    """Everything the panel shows; safe to call on a worker thread (no widgets)."""
    reach = None
    languages: list[str] = []
    if country:
        reach = reach_out_summary(
            country=country,
            subdivision=subdivision,
            zone=zone_name_,
            user_zone=user_zone,
            now=now,
            working_hours_override=hours,
            lang=lang,
        )
        languages = country_languages(country)
    notes = country_notes(ctx_db, country) if country else []
    return PanelData(reach, notes, languages)


# --- widgets --------------------------------------------------------------------------------


def _label(text: str = "", *, rich: bool = False, selectable: bool = True) -> QLabel:
    """A word-wrapped label of the panel and the account's summary. Its height may shrink
    below its size hint: a layout gives a wrapped label the height its text takes at the
    width it has (height for width), while a policy that may not shrink (Minimum) made the
    size hint, the text laid out about 375 px wide, a minimum: the account's summary
    claimed 322 px where it takes 180, and made a 700-pixel window taller than the screen."""
    widget = LeadingLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return widget


def _section_title(text: str) -> QLabel:
    widget = LeadingLabel(text)
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)
    widget.setObjectName("panelSectionTitle")
    return widget


class UserNotesBox(QFrame):
    """The user's own notes on a country: a warm background and a "Your notes" title."""

    def __init__(self, ctx: AppContext, *, editable: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.country = ""
        self.setObjectName("yourNotes")
        self.setStyleSheet(USER_NOTES_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.title = _section_title(_("Your notes"))
        top.addWidget(self.title, 1)
        self.add_button: QPushButton | None = None
        if editable:
            self.add_button = QPushButton(_("Add…"))
            self.add_button.clicked.connect(self.add_note)
            top.addWidget(self.add_button)
        layout.addLayout(top)
        self.body = _label(rich=True)
        layout.addWidget(self.body)

    def show_notes(self, country: str, notes: Sequence[CountryNoteItem]) -> None:
        self.country = country
        self.title.setText(
            _("Your notes on {country}").format(country=country_name(country))
            if country
            else _("Your notes")
        )
        if notes:  # the user's own words, each paragraph in its own direction
            text = "\n\n".join(n.body for n in notes)
            self.body.setText(free_text(text, self.body.isRightToLeft()))
        else:
            self.body.setText(esc(_("No notes of yours on this country yet.")))

    def add_note(self) -> None:
        if self.country:
            run_modal(CountryNoteDialog(self.ctx, self.country, parent=self))


class CountryNoteDialog(FormDialog):
    """Write or edit one of the user's own notes on a country."""

    def __init__(
        self,
        ctx: AppContext,
        country: str,
        item: CountryNoteItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit your note on {country}") if item else _("New note on {country}")
        super().__init__(title.format(country=country_name(country)), parent)
        self.ctx, self.country, self.item = ctx, country, item
        #: The version of the stored note the form shows (None for a new one).
        self.version: int | None = None
        self.add_field("body", _("Text"), notes_edit(220))
        if item:
            self.load_stored()
        self.mark_clean()
        self.resize(520, 360)

    def load_stored(self) -> None:
        from accountdesk.core.services import activity

        assert self.item is not None
        loaded = activity.country_note_for_edit(self.ctx.db, self.item.id)
        self.version = loaded.version
        self.set_text("body", loaded.data)

    def save(self) -> str:
        from accountdesk.core.services import activity

        body, version = self.text("body"), self.version
        note_id = self.item.id if self.item else None
        return self.ctx.write(
            "country_note",
            lambda: activity.save_country_note(
                self.ctx.db, self.country, body, note_id, expected_version=version
            ),
        )


class CulturePanel(QFrame):
    """Before you reach out: local time, working window, holidays, seasons, etiquette highlights,
    the contact's preferences, the user's notes on the country and the disclaimer."""

    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.asynchronous = asynchronous
        self.setObjectName("culturePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail: Any = None
        self.data: PanelData | None = None
        self._generation = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setSpacing(6)
        self.heading = _section_title(_("Before you reach out"))
        layout.addWidget(self.heading)
        time_row = QHBoxLayout()
        self.time = QLabel()
        font = self.time.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.time.setFont(font)
        self.offset = QLabel()
        self.offset.setObjectName("offsetBadge")
        self.offset.setStyleSheet(
            "background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 1px 6px;"
        )
        time_row.addWidget(self.time)
        time_row.addWidget(self.offset)
        time_row.addStretch(1)
        layout.addLayout(time_row)
        self.where = _label()
        # the region keeps another clock than the zone stored (core.culture.panel.zone_note)
        self.zone_note = _label()
        self.zone_note.setObjectName("zoneNote")
        self.zone_note.hide()
        self.status = _label()
        self.next_window = _label()
        self.prefs = _label()
        let_narrow(self.prefs)  # how to address them: a very long name is cut at the edge
        for widget in (self.where, self.zone_note, self.status, self.next_window, self.prefs):
            layout.addWidget(widget)
        self.user_notes = UserNotesBox(ctx)
        layout.addWidget(self.user_notes)
        self.holidays_title = _section_title(_("Holidays"))
        self.holidays = _label(rich=True)
        self.seasons_title = _section_title(_("Seasons"))
        self.seasons = _label(rich=True)
        self.etiquette_title = _section_title(_("Etiquette highlights"))
        self.etiquette = _label(rich=True)
        for widget in (
            self.holidays_title,
            self.holidays,
            self.seasons_title,
            self.seasons,
            self.etiquette_title,
            self.etiquette,
        ):
            layout.addWidget(widget)
        self.disclaimer = _label()
        self.disclaimer.setStyleSheet(disclaimer_style())
        layout.addWidget(self.disclaimer)
        layout.addStretch(1)
        self.loading = _("Loading…")
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    # --- input ---------------------------------------------------------------------------

    def show_contact(self, detail: Any) -> None:
        """Show the panel for a ``ContactDetail`` (country, zone, hours, preferences)."""
        self.detail = detail
        self.refresh()

    def refresh(self) -> None:
        detail = self.detail
        if detail is None:
            return
        now = self.ctx.now()
        self._header(detail, now)
        self._generation += 1
        generation = self._generation
        db = self.ctx.db
        args: dict[str, Any] = {
            "country": detail.country,
            "subdivision": detail.subdivision,
            "zone_name_": detail.timezone,
            "user_zone": self.ctx.user_zone,
            "now": now,
            "hours": _parse_hours(detail.work_start, detail.work_end),
            "lang": current_language().code,
        }
        if not self.asynchronous:
            self._show(generation, load_panel_data(db, **args))
            return
        if self.data is None:
            self.holidays.setText(esc(self.loading))
        tasks.run(
            lambda: load_panel_data(db, **args),
            lambda data: self._show(generation, data),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    # --- output --------------------------------------------------------------------------

    def _header(self, detail: Any, now: datetime) -> None:
        """Local time, difference and working status: cheap, shown at once; in the zone the
        rest of the panel goes by (:func:`~accountdesk.core.culture.panel.clock_zone`)."""
        zone = clock_zone(detail.country, detail.subdivision, detail.timezone)
        self.zone_note.hide()  # until the data of this contact says
        if zone is None:
            # a zone this computer's tzdata does not know, in a country of several clocks:
            # no clock, and nothing left of what was shown before
            for label_ in (self.time, self.offset, self.status):
                label_.setText("")
            self.offset.setToolTip("")
            self.status.setStyleSheet("")
            self.where.setText(
                _(
                    "This computer does not know the time zone {zone}: edit the contact and "
                    "choose one to see the local time there."
                ).format(zone=ltr(detail.timezone))
            )
        else:
            hours = WorkingHours.for_contact(
                detail.country, detail.work_start, detail.work_end, subdivision=detail.subdivision
            )
            status = work_status(now, zone, detail.country, detail.subdivision, hours, window=False)
            delta = offset_between(self.ctx.user_zone, zone, now)
            self.time.setText(fmt.clock(status.local))
            self.offset.setText(format_offset(delta))
            self.offset.setToolTip(_("Their time compared with yours"))
            self.where.setText(
                _("{zone} · {offset}").format(
                    zone=isolate(zone_name(zone)), offset=isolate(offset_to_you(delta))
                )
            )
            self._set_working(status)
        self.prefs.setText(_addressed_as(detail))

    def _set_working(self, status: WorkStatus, today: Sequence[Holiday] = ()) -> None:
        self.status.setText(working_sentence(status, today))
        colour = status_colour(plainly_working(status, today))
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.holidays.setText(
                esc(_("Could not load the country information: {error}").format(error=exc))
            )

    def _show(self, generation: int, data: PanelData) -> None:
        if generation != self._generation or self.detail is None:
            return
        self.data = data
        detail = self.detail
        reach = data.reach
        self.user_notes.show_notes(detail.country, data.notes)
        self._prefs(detail, data)
        note = reach.zone_note if reach is not None else None
        self.zone_note.setText(note or "")
        self.zone_note.setVisible(bool(note))
        if reach is None:
            for widget in (self.holidays, self.seasons, self.etiquette):
                widget.setText(esc(_("No country information available.")))
            return
        if reach.status is not None:
            self._set_working(reach.status, reach.holidays_today)
        start, end = reach.business_hours
        hours = fmt.hours(start, end)
        if not reach.hours_curated:
            hours = _("{hours} (a default, not curated for this country)").format(hours=hours)
        lines = [_("Business hours there: {hours}").format(hours=hours)]
        today = reach.status.day if reach.status is not None else None
        if today is not None and today.short_day is not None and today.window is not None:
            # shorter by law today (Ramadan, Iran's Thursday): the hours the status goes by
            lines.append(
                _("Hours today: {hours} ({name})").format(
                    hours=fmt.hours(today.window[0].time(), today.window[1].time()),
                    name=isolate(today.short_day.name),
                )
            )
        if reach.next_window_start is not None and reach.zone is not None:
            lines.append(
                _("Next working window opens {theirs} their time ({yours} your time).").format(
                    theirs=fmt.when(reach.next_window_start, reach.zone),
                    yours=fmt.when(reach.next_window_start, self.ctx.user_zone),
                )
            )
        self.next_window.setText("\n".join(lines))
        self.holidays_title.setText(
            ngettext(
                "Holidays today and in the next {days} day",
                "Holidays today and in the next {days} days",
                UPCOMING_DAYS,
            ).format(days=format_number(UPCOMING_DAYS))
        )
        self.holidays.setText(holidays_html(reach.holidays_today, reach.upcoming_holidays))
        self.seasons.setText(seasons_html(reach.current_seasons, reach.upcoming_seasons))
        self.etiquette.setText(highlights_html(reach.highlights))
        self.disclaimer.setText(average_disclaimer(for_person=True))

    def _prefs(self, detail: Any, data: PanelData) -> None:
        lines = [_addressed_as(detail)]
        channel = label(CHANNEL, detail.preferred_channel)
        lines.append(_("Preferred channel: {channel}").format(channel=channel or _("not set")))
        spoken = named_languages(data.languages)[:3]  # those CLDR names in this language
        if detail.preferred_language:
            language = language_name(detail.preferred_language)
        elif spoken:
            language = _("not set (the country speaks {languages})").format(
                languages=join_list(name for _tag, name in spoken)
            )
        else:
            language = _("not set")
        lines.append(_("Language: {language}").format(language=language))
        lines.append(
            _("Formality: {formality}").format(formality=label(FORMALITY, detail.formality))
        )
        self.prefs.setText("\n".join(lines))


def _addressed_as(detail: Any) -> str:
    """How to address the contact, as the panel says it: by their honorific and name, or by
    their given name when they are marked informal (:func:`form_of_address`)."""
    salutation = form_of_address(
        detail.honorific,
        detail.given_name,
        detail.family_name,
        detail.name_order,
        country=detail.country,
        formality=detail.formality,
    )
    return _("Address them as: {name}").format(name=isolate(salutation))


def holidays_html(
    today: Sequence[Any], upcoming: Sequence[Any], limit: int = HOLIDAYS_SHOWN
) -> str:
    """Today's holidays, then the coming ones a day at a time (``limit`` days), every holiday
    of a day on one line (Thailand's 5 December is three: one line naming them)."""
    parts: list[str] = []
    for _day, named in by_day(today):
        names = join_list(isolate(holiday_text(h, with_day=False)) for h in named)
        parts.append(
            f'<p style="margin:2px 0; color:{mark_colour(ALERT)};"><b>'
            + esc(_("Today: {name}").format(name=names))
            + "</b></p>"
        )
    days = by_day(upcoming)
    for day, named in days[:limit]:
        parts.append(f'<p style="margin:2px 0;">{esc(day_text(day, named))}</p>')
    rest = len(days) - min(len(days), limit)
    if rest > 0:
        parts.append(
            f'<p style="margin:2px 0; color:{muted().name()};">'
            + esc(ngettext("and {n} more", "and {n} more", rest).format(n=format_number(rest)))
            + "</p>"
        )
    if not parts:
        return esc(
            ngettext(
                "No holidays in the next {days} day.",
                "No holidays in the next {days} days.",
                UPCOMING_DAYS,
            ).format(days=format_number(UPCOMING_DAYS))
        )
    return "".join(parts)


def seasons_html(current: Sequence[Any], upcoming: Sequence[Any]) -> str:
    parts: list[str] = []
    for season in current:
        parts.append(
            '<p style="margin:2px 0;"><b>'
            + esc(
                _("Now: {name} (until {end})").format(
                    name=isolate(season_title(season)), end=format_skeleton(season.end, "MMMd")
                )
            )
            + f"</b><br>{esc(isolate(season.advice))}</p>"
        )
    for season in upcoming:
        parts.append(
            '<p style="margin:2px 0;"><b>'
            + esc(
                _("{span}: {name}").format(
                    span=season_span(season), name=isolate(season_title(season))
                )
            )
            + f"</b><br>{esc(isolate(season.advice))}</p>"
        )
    if not parts:
        return esc(
            ngettext(
                "No special seasons now or in the next {days} day.",
                "No special seasons now or in the next {days} days.",
                UPCOMING_DAYS,
            ).format(days=format_number(UPCOMING_DAYS))
        )
    return "".join(parts)


def highlights_html(highlights: dict[str, list[Any]]) -> str:
    if not highlights:
        return esc(_("No curated etiquette notes for this country yet."))
    parts: list[str] = []
    for section, notes in highlights.items():
        if not notes:
            continue
        title = _(SECTION_TITLES.get(section, section))
        parts.append(f'<p style="margin:6px 0 2px 0;"><i>{esc(title)}</i></p>')
        parts.append(notes_html(notes))
    return "".join(parts)


class CultureSummary(QFrame):
    """The compact version for the account view: the account's country at a glance."""

    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.asynchronous = asynchronous
        self.setObjectName("cultureSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.place: tuple[str, str | None, str | None] | None = None
        self.data: PanelData | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.title = _section_title(_("Before you reach out"))
        layout.addWidget(self.title)
        self.body = _label(rich=True)
        layout.addWidget(self.body)
        self.disclaimer = _label()
        self.disclaimer.setStyleSheet(disclaimer_style())
        layout.addWidget(self.disclaimer)

    def show_place(self, country: str, subdivision: str | None, zone_: str | None) -> None:
        self.place = (country, subdivision, zone_)
        self._generation += 1
        generation = self._generation
        db = self.ctx.db
        args: dict[str, Any] = {
            "country": country,
            "subdivision": subdivision,
            "zone_name_": zone_,
            "user_zone": self.ctx.user_zone,
            "now": self.ctx.now(),
            "hours": None,
            "lang": current_language().code,
        }
        self.title.setText(
            _("Before you reach out: {country}").format(country=country_name(country))
        )
        if not self.asynchronous:
            self._show(generation, load_panel_data(db, **args))
            return
        tasks.run(
            lambda: load_panel_data(db, **args), lambda d: self._show(generation, d), owner=self
        )

    def _show(self, generation: int, data: PanelData) -> None:
        if generation != self._generation:
            return
        self.data = data
        reach = data.reach
        if reach is None:
            self.body.setText(esc(_("No country information available.")))
            return
        if reach.status is None or reach.local_now is None or reach.offset_to_user is None:
            # a country of several clocks, and neither the account nor its region says which
            rows = [
                f'<span style="color: {status_colour(False)};">'
                + esc(
                    _(
                        "{country} keeps several clocks, and this account has no time zone: "
                        "edit the account and choose one to see the local time there."
                    ).format(country=country_name(reach.country))
                )
                + "</span>"
            ]
        else:
            working = plainly_working(reach.status, reach.holidays_today)
            rows = [
                "<b>"
                + esc(
                    _("Local time {time} ({offset})").format(
                        time=fmt.clock(reach.local_now),
                        offset=isolate(format_offset(reach.offset_to_user)),
                    )
                )
                + "</b>",
                # the contact panel's sentence: the reason (weekend, holiday, hours) is given
                f'<span style="color: {status_colour(working)};">'
                + esc(working_sentence(reach.status, reach.holidays_today))
                + "</span>",
            ]
            if reach.zone_note:  # the region keeps another clock than the zone stored
                rows.append(esc(reach.zone_note))
        # a day at a time, each day once with its holidays (Thailand's 5 December is three:
        # the day three times took every entry, and the days after it were left out)
        days = by_day([*reach.holidays_today, *reach.upcoming_holidays])[:COMPACT_HOLIDAYS]
        if days:
            rows.append(
                esc(
                    _("Holidays: {list}").format(
                        list=join_clauses(isolate(day_text(day, named)) for day, named in days)
                    )
                )
            )
        seasons = [*reach.current_seasons, *reach.upcoming_seasons][:2]
        if seasons:
            rows.append(
                esc(
                    _("Seasons: {list}").format(
                        list=join_clauses(isolate(season_title(s, season_span(s))) for s in seasons)
                    )
                )
            )
        for section in ("greeting", "gifts"):
            notes = reach.highlights.get(section) or []
            if notes:
                rows.append(note_html(notes[0].kind, notes[0].text))
        if data.notes:
            rows.append(
                '<span style="background:#fff4d6; color:#3d3000;">'
                + esc(
                    ngettext(
                        "You have {n} note on this country.",
                        "You have {n} notes on this country.",
                        len(data.notes),
                    ).format(n=format_number(len(data.notes)))
                )
                + "</span>"
            )
        self.body.setText("<br>".join(rows))
        self.disclaimer.setText(average_disclaimer(for_person=False))  # an account: nobody


def gift_advice(country: str | None, *, for_person: bool) -> QFrame:
    """The country's gift do and don't, for the gift editor; ``for_person`` when the gift is
    for a contact (not the account as a whole): the disclaimer speaks of them."""
    box = QFrame()
    box.setObjectName("giftAdvice")
    box.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(box)
    name = country_name(country) if country else ""
    title = _section_title(_("Gifts in {country}").format(country=name) if name else _("Gifts"))
    layout.addWidget(title)
    body = _label(rich=True)
    body.setObjectName("giftAdviceText")
    notes: list[Any] = []
    if country:
        found = load_etiquette(country, current_language().code)
        if found is not None:
            notes = list(found.sections.get("gifts", []))
    if notes:
        body.setText(notes_html(notes))
    else:
        body.setText(esc(_("No curated gift notes for this country yet.")))
    layout.addWidget(body)
    if notes:
        small = _label(average_disclaimer(for_person=for_person))
        small.setStyleSheet(disclaimer_style())
        layout.addWidget(small)
    layout.addStretch(1)
    return box


# --- Today ----------------------------------------------------------------------------------


def culture_items(db: Any, now: datetime) -> list[Any]:
    """Holidays and seasons in the next days (:data:`~accountdesk.core.queries.today.TODAY_DAYS`,
    as the birthdays beside them) in the countries of the user's contacts, each as of the day
    it is there at ``now`` (worker thread)."""
    from accountdesk.core.queries.culture import contact_places
    from accountdesk.core.queries.today import TODAY_DAYS

    places = contact_places(db)
    pairs = [(country, sub) for country, sub, _zone in places]
    return today_block(pairs, local_days(places, now), TODAY_DAYS, current_language().code)


def _today_when(item: Any) -> str:
    if item.start == item.end:
        return format_skeleton(item.start, "MMMEd")
    return _("{start} – {end}").format(
        start=format_skeleton(item.start, "MMMd"), end=format_skeleton(item.end, "MMMd")
    )


def _today_what(item: Any) -> str:
    # an estimated date marked as the panel marks it (seasons.season_title), a season as one,
    # in one pair of brackets: "Ramadan (estimated date, season)"
    return with_remarks(
        str(item.name),
        [
            _("estimated date") if item.estimated else "",
            _("season") if item.kind == "season" else "",
        ],
    )


def _today_country(item: Any) -> str:
    """The country; a regional holiday's regions after it, by name: "Germany (Bavaria)"; a
    season kept alike in several countries, each of them by name."""
    if len(item.countries) > 1:
        return join_list(isolate(country_name(code)) for code in item.countries)
    name = country_name(item.country)
    if not item.regions:
        return name
    regions = join_list(isolate(subdivision_name(item.country, r)) for r in item.regions)
    return _("{country} ({regions})").format(country=name, regions=regions)


def culture_block() -> Any:
    """The Today block's table: date, country, holiday or season, advice."""
    from accountdesk.ui.items import ItemsPanel

    return ItemsPanel(
        [
            (N_("When"), _today_when),
            (N_("Country"), _today_country),
            (N_("What"), _today_what),
            (N_("Advice"), lambda i: i.advice),
        ]
    )
