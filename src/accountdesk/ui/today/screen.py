"""Today: overdue and today's follow-ups (the first few, the true counts and a link to all of
them in the Follow-ups screen), recent interactions, important dates in the next 7 days, the
contacts inside their working hours right now, and the holidays and seasons of the next 7 days.

Compact sections of a few rows each, in one scroll area: no section has a scroll bar of its
own. A row opens its contact or account with a double-click or Enter. Loaded off the GUI
thread."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import icu
from accountdesk.core.i18n import N_, _, format_number, ngettext, zone_name
from accountdesk.core.labels import DATE_KIND, INTERACTION_KIND, label
from accountdesk.core.queries.followups import FollowUpRow
from accountdesk.core.queries.lists import nothing_shown
from accountdesk.core.queries.today import TodayData, today_view
from accountdesk.core.timekeeping.reminders import Bucket
from accountdesk.core.timekeeping.zones import get_zone
from accountdesk.ui import fmt, tasks
from accountdesk.ui.accessible import name_field
from accountdesk.ui.colours import muted_style
from accountdesk.ui.columns import text_width
from accountdesk.ui.context import AppContext
from accountdesk.ui.culture_panel import culture_block, culture_items
from accountdesk.ui.detail import heading
from accountdesk.ui.followups.reminders import snoozed_text
from accountdesk.ui.items import ColumnSpec, ItemsModel, ItemsPanel
from accountdesk.ui.linklabel import LinkLabel

#: Rows shown per section; the rest is one click away.
ROWS = 6
#: A ``wrap`` column's floor, in ems: its longest word, at least FLOOR_EMS[0] and at most
#: FLOOR_EMS[1]; narrower than that, the columns share the width on one line, elided.
FLOOR_EMS = (4, 8)
#: The most lines a wrapped row may take; taller, the columns are elided as below the floors.
WRAP_LINES = 4
#: The most lines a row may take when its ``gives_way`` columns yield: a long name's (Thai's
#: name of King Bhumibol's birthday, 90 letters, takes 7 in a 1280 px window).
YIELDED_LINES = 8


class Section(QFrame):
    """A titled block: a heading with a count, an optional link, and a table of a few rows
    that is exactly as tall as its rows (no scroll bar), or a sentence when there is nothing."""

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        empty_text: str,
        on_open: Callable[[Any], None] | None = None,
        *,
        stretch: tuple[int, ...] = (),
        wrap: tuple[int, ...] = (),
        gives_way: tuple[int, ...] = (),
        hide_empty: tuple[int, ...] = (),
    ) -> None:
        """``stretch``: the columns that share the width left (their text is elided, the whole
        text is in its tooltip). ``wrap``: columns as wide as their text while the width
        allows, the last of them taking what is left; when it does not allow, they share it
        (a column that needs less than its share has what it needs) and their text goes on
        to more lines, none narrower than its floor (its longest word, a few ems, see
        :data:`FLOOR_EMS`). Where the floors do not fit, or a row would take more than
        :data:`WRAP_LINES` lines, they share the width on one line, elided, the whole text in
        the tooltip. The others fit their contents.

        ``gives_way``: wrap columns whose text yields to the others' (the advice beside a
        holiday's name): when a row would take more than :data:`WRAP_LINES` lines, they keep
        their floor, the others share the rest (rows of up to :data:`YIELDED_LINES` lines),
        and their own text makes a row at most :data:`WRAP_LINES` lines tall: beyond, it is
        cut, its last line elided, whole in the tooltip. A long piece of advice put every
        name on one line, elided ("HM King Bhumib…").

        ``hide_empty``: columns hidden while no row shown has text in them (the advice beside
        the week's holidays, which most weeks have none: the names have its width)."""
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.link = LinkLabel()  # one Tab stop, the link chosen (it took two)
        self.link.hide()
        self._on_link: Callable[[], None] | None = None
        self.link.linkActivated.connect(lambda _href: self._on_link() if self._on_link else None)
        self.panel = ItemsPanel(columns)
        view = self.panel.view
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(columns)):
            if column in wrap:
                mode = QHeaderView.ResizeMode.Fixed  # set by _fit_columns
            elif column in stretch:
                mode = QHeaderView.ResizeMode.Stretch
            else:
                mode = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self._wrap_given = wrap
        self._gives_way_given = tuple(c for c in gives_way if c in wrap)
        self._hide_empty = hide_empty
        # the wrap and gives-way columns shown (set_items hides the hide_empty ones)
        self._wrap, self._gives_way = self._wrap_given, self._gives_way_given
        self._fitted_width = -1
        #: How many rows are shown (:data:`ROWS`; every row once the user asks for them all:
        #: :meth:`show_rows`).
        self.limit = ROWS
        self.floors: dict[int, int] = {}  # of the wrap columns, by _fit_columns
        self.wrapping = bool(wrap)  # False: the wrap columns are too narrow, their text elided
        if wrap:
            view.setWordWrap(True)
            view.viewport().installEventFilter(self)
        if on_open is not None:
            view.setToolTip(_("Double-click a row to open it."))
            view.activated.connect(lambda index: on_open(self.panel.model.items[index.row()]))
        self.empty = QLabel(empty_text)
        self.empty.setStyleSheet(muted_style())
        self.more = LinkLabel()  # a Tab stop only when it is a link (:meth:`set_more`)
        self.more.setStyleSheet(muted_style())
        self.more.hide()
        self._on_more: Callable[[], None] | None = None
        self.more.linkActivated.connect(lambda _href: self._on_more() if self._on_more else None)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        layout.addWidget(self.empty)
        layout.addWidget(self.more)

    @property
    def model(self) -> ItemsModel:
        return self.panel.model

    def title(self) -> str:
        return self.heading.text()

    def set_title(self, text: str) -> None:
        """The section's heading, also its table's name for a screen reader."""
        self.heading.setText(text)
        name_field(self.panel.view, text)

    def set_items(self, items: Sequence[Any]) -> None:
        """Hold ``items``, show the first :attr:`limit` of them."""
        self.panel.set_items(items)
        shown = min(len(items), self.limit)
        view = self.panel.view
        for row in range(len(items)):
            view.setRowHidden(row, row >= self.limit)
        for column in self._hide_empty:
            cells = (self.model.index(row, column).data() for row in range(shown))
            view.setColumnHidden(column, not any(cells))
        self._wrap = tuple(c for c in self._wrap_given if not view.isColumnHidden(c))
        self._gives_way = tuple(c for c in self._gives_way_given if c in self._wrap)
        self.panel.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        self._fitted_width = -1
        self._fit_columns()
        self._fit_height()

    def _fit_height(self) -> None:
        """The table exactly as tall as its header and the rows it shows."""
        view = self.panel.view
        shown = min(self.model.rowCount(), self.limit)
        height = view.horizontalHeader().sizeHint().height()
        height += sum(view.rowHeight(row) for row in range(shown))
        view.setFixedHeight(height + 2 * view.frameWidth())

    def _fit_columns(self) -> None:
        """Widths of the ``wrap`` columns in the viewport's width (see ``__init__``), then each
        row as tall as its wrapped text."""
        view = self.panel.view
        width = view.viewport().width()
        if not self._wrap or width == self._fitted_width:
            return
        was_wrapping, narrower = self.wrapping, self._fitted_width
        self._fitted_width = width
        header = view.horizontalHeader()
        others = 0
        for column in range(header.count()):
            if column not in self._wrap and not view.isColumnHidden(column):
                view.resizeColumnToContents(column)
                others += header.sectionSize(column)
        rows = range(min(self.model.rowCount(), self.limit))
        texts = {c: [str(self.model.index(r, c).data() or "") for r in rows] for c in self._wrap}
        # the text on one line (the view's own size hint of a wrapping column is bounded by
        # the width it has now)
        needs = {c: max(header.sectionSizeHint(c), text_width(view, texts[c])) for c in self._wrap}
        em = view.fontMetrics().horizontalAdvance("M")
        low, cap = (ems * em for ems in FLOOR_EMS)
        # a floor holds the column's longest word and its heading (Thai's "คำแนะนำ", advice,
        # was cut at the block's edge above a column of no advice)
        longest = {
            c: max(text_width(view, _words(texts[c])), header.sectionSizeHint(c))
            for c in self._wrap
        }
        self.floors = {c: min(needs[c], max(low, min(longest[c], cap))) for c in self._wrap}
        left = max(width - others, 0)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), em))
        line = view.fontMetrics().lineSpacing()
        most = WRAP_LINES
        self._share(left, needs, wrapping=sum(self.floors.values()) <= left)
        if self.wrapping and self._gives_way_given and self._tallest(rows) > most * line + 8:
            if self._gives_way:
                floors = {c: min(needs[c], self.floors[c]) for c in self._gives_way}
                self._share(left, needs | floors, wrapping=True, yielding=most * line + 8)
            # (hidden, they yield all they had: the others' rows may be as tall)
            most = YIELDED_LINES
        if self.wrapping and self._tallest(rows) > most * line + 8:
            self._share(left, needs, wrapping=False)
        slack = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if self.wrapping and not was_wrapping and 0 < width - narrower <= slack:
            # Grown by a scroll bar's breadth at most: most likely the bar of the screen's
            # scroll area, gone because these rows were made shorter. Wrapped again they would
            # be taller, bring the bar back and be unwrapped: a loop of refits that never
            # settled (at 1024 px in Slovenian, a hundred a second, the block half empty).
            # They wrap again once the width has grown by more.
            self._share(left, needs, wrapping=False)
            self._fitted_width = narrower

    def _tallest(self, rows: range) -> int:
        view = self.panel.view
        return max((view.rowHeight(r) for r in rows), default=0)

    def _share(
        self,
        left: int,
        needs: dict[int, int],
        *,
        wrapping: bool,
        yielding: int = 0,
    ) -> None:
        """Give the wrap columns ``left`` pixels: each its floor (``wrapping``) or nothing,
        then the smallest wants first, the others sharing what is left equally; below the
        floors, each on one line, elided (the model gives the whole text as tooltip). Each
        row is as tall as its cells need; ``yielding``: the ``gives_way`` columns' cells make
        a row at most that tall (their text is cut beyond, its last line elided)."""
        view = self.panel.view
        header = view.horizontalHeader()
        self.wrapping = wrapping
        view.setWordWrap(wrapping)
        floors = self.floors if wrapping else dict.fromkeys(self._wrap, 0)
        widths = dict(floors)
        left -= sum(floors.values())
        waiting = sorted(self._wrap, key=lambda c: needs[c] - floors[c])
        while waiting:  # the smallest wants first; the others share what is left equally
            share = left // len(waiting)
            column = waiting.pop(0)
            more = min(max(needs[column] - floors[column], 0), share)
            widths[column] += more
            left -= more
        widths[self._wrap[-1]] += left  # what is left when all fit: the last column's
        for column, size in widths.items():
            header.resizeSection(column, size)
        view.resizeRowsToContents()
        if not yielding:
            return
        rows = range(self.model.rowCount())
        every = [view.rowHeight(row) for row in rows]
        # a hidden column is not measured (QTableView.sizeHintForRow); shown again, it has
        # the width it had
        for column in self._gives_way:
            view.setColumnHidden(column, True)
        view.resizeRowsToContents()
        for column in self._gives_way:
            view.setColumnHidden(column, False)
        for row in rows:
            view.setRowHeight(row, max(view.rowHeight(row), min(every[row], yielding)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.panel.view.viewport():
            self._fit_columns()
            self._fit_height()
        return super().eventFilter(watched, event)

    def show_rows(self, limit: int) -> None:
        """Show the first ``limit`` rows of what the section holds (the whole week's
        holidays, asked for under the block)."""
        self.limit = limit
        self.set_items(self.model.items)

    def set_link(self, text: str | None, on_click: Callable[[], None] | None = None) -> None:
        """A link at the heading's end (``text`` None: none)."""
        self._on_link = on_click
        self.link.set_line(f'<a href="all">{_escape(text)}</a>' if text else "", link=bool(text))
        self.link.setVisible(bool(text) and on_click is not None)

    def set_more(self, text: str | None, on_click: Callable[[], None] | None = None) -> None:
        """A line under the rows ("and 14 more"), a link when ``on_click`` is given."""
        self._on_more = on_click
        if text and on_click is not None:
            self.more.set_line(f'<a href="more">{_escape(text)}</a>', link=True)
        else:  # "and 12 more": no Tab stop where Enter does nothing
            self.more.set_line(_escape(text or ""), link=False)
        self.more.setVisible(bool(text))


class TodayScreen(QWidget):
    def __init__(self, ctx: AppContext, *, asynchronous: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.asynchronous = asynchronous
        self.data: TodayData | None = None
        self._generation = 0
        self.title = heading(_("Today"), 1.4)
        self.summary = QLabel(_("Loading…"))
        self.summary.setWordWrap(True)

        follow_up_columns: list[ColumnSpec] = [
            # (the year only where it is not this one: Latvian's "2026. gada 25. nov. 11:00"
            # twice left the title and the names a few letters on a small laptop's screen)
            (N_("Due (yours)"), lambda f: _due_yours(ctx, f)),
            (N_("Due (theirs)"), lambda f: fmt.when_near(f.due_at, f.zone, ctx.now())),
            (N_("To do"), lambda f: f.title),
            (N_("Contact"), lambda f: f.contact_name),
            (N_("Account"), lambda f: f.account_name),
        ]
        self.overdue = Section(
            follow_up_columns, _("Nothing is overdue."), self._open_follow_up, stretch=(2, 3, 4)
        )
        self.due_today = Section(
            follow_up_columns,
            _("Nothing else is due today."),
            self._open_follow_up,
            stretch=(2, 3, 4),
        )
        self.recent = Section(
            [
                (N_("When"), lambda i: fmt.when_near(i.occurred_at, ctx.user_zone, ctx.now())),
                (N_("Kind"), lambda i: label(INTERACTION_KIND, i.kind)),
                (N_("Subject"), lambda i: i.subject),
                (N_("With"), lambda i: i.participants),
                (N_("Account"), lambda i: i.account_name),
            ],
            _("No interactions logged yet."),
            lambda i: ctx.open_record.emit("account", i.account_id),
            stretch=(2, 3, 4),
        )
        self.working = Section(
            [
                (N_("Contact"), lambda w: w.name),
                (N_("Local time"), lambda w: fmt.clock(w.local)),
                (N_("Where"), lambda w: zone_name(w.timezone)),
                (N_("Account"), lambda w: w.account_name),
            ],
            _("Nobody is in working hours right now."),
            lambda w: ctx.open_record.emit("contact", w.id),
            stretch=(0, 2, 3),
        )
        self.dates = Section(
            [
                (N_("Date"), lambda d: fmt.day_near(d.on, ctx.today())),
                (N_("Occasion"), lambda d: d.label or label(DATE_KIND, d.kind)),
                (N_("Contact"), lambda d: d.contact_name),
                (N_("Years"), lambda d: format_number(d.years) if d.years else ""),
            ],
            _("No birthdays or anniversaries in the next 7 days."),
            lambda d: ctx.open_record.emit("contact", d.contact_id),
            stretch=(2,),
        )
        self.culture_panel = culture_block()  # owns the column specs of the holidays table
        self.culture = Section(
            self.culture_panel.model.columns,
            _("No holidays or seasons in the next 7 days."),
            wrap=(1, 2, 3),  # the holiday's name whole: long in Thai, where advice is rare
            gives_way=(3,),  # the advice, to the name (whole in its tooltip)
            hide_empty=(3,),  # no advice in these days: no column of it
        )
        self.boxes: dict[str, Section] = {
            "overdue": self.overdue,
            "today": self.due_today,
            "recent": self.recent,
            "working": self.working,
            "dates": self.dates,
            "culture": self.culture,
        }

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        left = QVBoxLayout()
        for section in (self.overdue, self.due_today, self.recent):
            left.addWidget(section)
        left.addStretch(1)
        right = QVBoxLayout()
        for section in (self.working, self.dates):
            right.addWidget(section)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        # the week's holidays across the width: in the right column every cell was cut at
        # 1024 px ("United Ar…", "Eid al-Fit…") while the left one was empty below its rows
        grid.addWidget(self.culture, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        # on an empty database: the first steps (Today is the first screen a new user sees)
        self.start_here = QLabel(
            _(
                "Your database is empty. Start with File → New account… (Ctrl+N), bring your "
                "contacts in with File → Import contacts… (Ctrl+I), or look around in demo "
                "data (File → Load demo data…)."
            )
        )
        self.start_here.setObjectName("startHere")
        self.start_here.setWordWrap(True)
        self.start_here.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px 8px; border-radius: 3px; }"
        )
        self.start_here.hide()
        layout.addWidget(self.start_here)
        layout.addWidget(self.area, 1)

        self._set_titles()
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        ctx.changed.connect(lambda _kind: self.reload())
        self.reload()

    def _set_titles(self, data: TodayData | None = None) -> None:
        overdue = data.counts["overdue"] if data else 0
        today = data.counts["today"] if data else 0
        self.overdue.set_title(
            ngettext("{n} overdue follow-up", "{n} overdue follow-ups", overdue).format(
                n=format_number(overdue)
            )
        )
        self.due_today.set_title(
            ngettext("{n} follow-up due today", "{n} follow-ups due today", today).format(
                n=format_number(today)
            )
        )
        self.recent.set_title(_("Recent interactions"))
        self.working.set_title(_("In working hours now"))
        self.dates.set_title(_("Birthdays and anniversaries, next 7 days"))
        self.culture.set_title(_("Holidays and seasons, next 7 days"))

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        db, now, user_zone = self.ctx.db, self.ctx.now(), self.ctx.user_zone

        def load() -> TodayData:
            return today_view(db, now, user_zone, limit=ROWS, rows=ROWS)

        if not self.asynchronous:
            self._show(generation, load())
            self._culture(generation, culture_items(db, now))
            self._empty(generation, nothing_shown(db))
            return
        # each dropped when the screen is gone (the window built again in another language)
        tasks.run(load, lambda d: self._show(generation, d), owner=self)
        tasks.run(
            lambda: nothing_shown(db), lambda empty: self._empty(generation, empty), owner=self
        )
        tasks.run(
            lambda: culture_items(db, now),
            lambda items: self._culture(generation, items),
            owner=self,
        )

    def _empty(self, generation: int, empty: bool) -> None:
        """Show the first steps while the database has no account and no contact."""
        if generation == self._generation:
            self.start_here.setVisible(empty)

    def _culture(self, generation: int, items: list[Any]) -> None:
        if generation == self._generation:
            self.culture.set_items(items)
            self._culture_more()

    def _culture_more(self) -> None:
        """Under the week's holidays: "and 46 more", a link that shows them all, then a link
        back to the first rows (it was plain text, and the rest could not be seen)."""
        total = self.culture.model.rowCount()
        if self.culture.limit > ROWS and total > ROWS:
            self.culture.set_more(_("Show fewer"), lambda: self._culture_rows(ROWS))
        else:
            self.culture.set_more(_more(total), lambda: self._culture_rows(sys.maxsize))

    def _culture_rows(self, limit: int) -> None:
        self.culture.show_rows(limit)
        self._culture_more()

    def _show(self, generation: int, data: TodayData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self._set_titles(data)
        self.overdue.set_items(data.overdue)
        self.due_today.set_items(data.due_today)
        self.recent.set_items(data.recent)
        self.dates.set_items(data.dates)
        self.dates.set_more(_more(len(data.dates)))
        self.working.set_items(data.working)
        self.working.set_more(_more(data.working_total))
        pairs: list[tuple[Bucket, Section]] = [("overdue", self.overdue), ("today", self.due_today)]
        for bucket, section in pairs:
            count = data.counts[bucket]
            text = ngettext("Show it", "Show all {n}", count).format(n=format_number(count))
            section.set_link(text if count else None, self._shower(bucket))
        week = data.counts["week"]
        self.due_today.set_more(
            ngettext("{n} more in the next 7 days", "{n} more in the next 7 days", week).format(
                n=format_number(week)
            )
            if week
            else None,
            self._shower("week"),
        )
        self.summary.setText(
            " ".join(
                [
                    _("Your time: {time} ({zone}).").format(
                        time=fmt.clock(self.ctx.now().astimezone(get_zone(self.ctx.user_zone))),
                        zone=zone_name(self.ctx.user_zone),
                    ),
                    ngettext(
                        "{n} contact is in working hours now.",
                        "{n} contacts are in working hours now.",
                        data.working_total,
                    ).format(n=format_number(data.working_total)),
                ]
            )
        )

    def _shower(self, bucket: Bucket) -> Callable[[], None]:
        return lambda: self.show_all(bucket)

    def show_all(self, bucket: Bucket) -> None:
        """Open the Follow-ups screen listing every open follow-up of ``bucket``."""
        from accountdesk.ui.followups.screen import FollowUpsScreen
        from accountdesk.ui.main_window import MainWindow

        window = self.window()
        if not isinstance(window, MainWindow):
            return
        window.show_screen("followups")
        screen = window.screen_widget("followups")
        if isinstance(screen, FollowUpsScreen):
            screen.show_bucket(bucket)

    def _open_follow_up(self, item: Any) -> None:
        if item.contact_id:
            self.ctx.open_record.emit("contact", item.contact_id)
        else:
            self.ctx.open_record.emit("account", item.account_id)


def _due_yours(ctx: AppContext, row: FollowUpRow) -> str:
    """A follow-up's "Due (yours)": when it is due, near now, and the time its reminder is
    snoozed to while the snooze holds (as the Follow-ups screen's "When" says it)."""
    now = ctx.now()
    due = fmt.when_near(row.due_at, ctx.user_zone, now)
    return snoozed_text(due, row.due_at, row.snoozed_until, now, ctx.user_zone)


def _more(total: int) -> str | None:
    """ "and N more" under a section that shows only its first rows."""
    hidden = total - ROWS
    if hidden <= 0:
        return None
    return ngettext("and {n} more", "and {n} more", hidden).format(n=format_number(hidden))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _words(texts: Sequence[str]) -> list[str]:
    """The words of ``texts``: the pieces between the places a line may break (ICU's, so a
    Thai name, written without spaces, is in its words too)."""
    words = []
    for text in texts:
        start = 0
        for end in icu.line_breaks(text):
            words.append(text[start:end].strip())
            start = end
    return words
