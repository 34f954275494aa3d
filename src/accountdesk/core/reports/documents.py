"""The PDF reports of SPEC §6: account relationship report, portfolio report, trip brief.

Every report is built in one language (``lang``) with :func:`i18n.use_language`; text goes
through :mod:`.textlayout` so Thai and Persian come out right; a Persian report mirrors its
page (alignment, table column order, chart direction). Pages carry a header with the
generation date in the report's calendar and a "page X of Y" footer; sections are PDF
bookmarks; title, author, subject and language are set in the document's metadata.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Table,
)
from reportlab.platypus import TableStyle as RLTableStyle
from sqlalchemy import and_, select
from sqlalchemy.orm import selectinload

from accountdesk.core import calendars, i18n, icu, validation
from accountdesk.core.address import form_of_address
from accountdesk.core.bidi import (
    LRM,
    PDI,
    RLI,
    RLM,
    isolate,
    isolate_acronyms,
    ltr,
    outside_isolates,
    plain,
)
from accountdesk.core.culture.calendar import Holiday, by_day, holiday_on, observed_between
from accountdesk.core.culture.countries import main_zone, subdivision_name
from accountdesk.core.culture.etiquette import SECTION_TITLES, SECTIONS, load_etiquette
from accountdesk.core.culture.panel import UPCOMING_DAYS, holiday_text, upcoming_until
from accountdesk.core.culture.seasons import Season, seasons_between
from accountdesk.core.db.engine import Database
from accountdesk.core.db.fts import display_name, fold
from accountdesk.core.db.models import (
    Account,
    Contact,
    CountryNote,
    Deal,
    Gift,
    Interaction,
    Note,
)
from accountdesk.core.errors import UserError
from accountdesk.core.files import write_atomically
from accountdesk.core.i18n import _, format_list, join_list, ngettext, pgettext, single_stops
from accountdesk.core.labels import (
    CHANNEL,
    DATE_KIND,
    DEAL_STAGE,
    DEAL_STATUS,
    GIFT_DIRECTION,
    INTERACTION_KIND,
    LAWFUL_BASIS,
    STATUS,
    TIER,
    folded_key,
    label,
)
from accountdesk.core.metrics import (
    DEFAULT_CADENCE_DAYS,
    DETRACTOR,
    DETRACTOR_MAX,
    DETRACTOR_POINTS,
    FALLING,
    FALLING_POINTS,
    HALVED_POINTS,
    LIFESPAN_CAP_YEARS,
    LONG_OPEN_DAYS,
    LONG_SILENCE_POINTS,
    MISSING_RATE,
    OVERDUE,
    OVERDUE_MAX,
    OVERDUE_POINTS,
    RISK_THRESHOLD,
    SHORTEST_YEARLY,
    SILENCE,
    SILENCE_POINTS,
    SMALL_SAMPLE,
    MetricSet,
    MetricValue,
    MoneyMetric,
    Period,
    Pipeline,
    calendar_periods,
    compute_all,
    last_year,
    open_pipeline,
    revenue_to_date,
    unavailable_text,
)
from accountdesk.core.money import (
    MoneyTotal,
    RateBook,
    amounts_note,
    in_one_currency,
    money_text,
    side_by_side,
    total_text,
)
from accountdesk.core.queries.details import people_by_name
from accountdesk.core.queries.lists import ids_named
from accountdesk.core.queries.rates import rate_book
from accountdesk.core.queries.team import owner_name, owner_names
from accountdesk.core.queries.visible import contact_shown
from accountdesk.core.records import period_text
from accountdesk.core.reports import charts, fonts
from accountdesk.core.reports.data import (
    RiskFacts,
    Scope,
    check_scope,
    checked_period,
    choice,
    interaction_day,
    load_records,
    rate_day,
    risk_facts,
)
from accountdesk.core.reports.textlayout import (
    TextBlock,
    TextStyle,
    draw_text,
    mirror,
    person_name,
    shortened,
    text_width,
    unbroken_width,
)
from accountdesk.core.timekeeping.planner import TripDay, TripOutlook, trip_outlook
from accountdesk.core.timekeeping.reminders import (
    BUCKET_LABELS,
    BucketBounds,
    bucket_bounds,
    bucket_of,
)
from accountdesk.core.timekeeping.zones import (
    format_utc_offset,
    offset_between,
    offset_to_you,
    resolve_wall_time,
    to_zone,
    user_day,
    utc_offset,
)

PAGE = A4
MARGIN = 18 * mm
BODY = TextStyle(size=9.5)
SMALL = TextStyle(size=8, color="#555555")
H1 = TextStyle(size=20, bold=True, color="#1F3A5A", space_after=4)
H2 = TextStyle(size=13, bold=True, color="#2F5D8A", space_after=3)
CELL = TextStyle(size=8.5, leading=11.5)
HEAD = TextStyle(size=8.5, leading=11.5, bold=True, color="#FFFFFF")
AUTHOR = "AccountDesk"


_DIGIT = r"[0-9\u06f0-\u06f9\u0e50-\u0e59]"  # Latin, Persian and Thai digits
#: An operand of a formula: a Latin word, a number, or a bracket of those and operators.
_OPERAND = (
    rf"(?:\((?:[A-Za-z ]|{_DIGIT}|[.,\u066b−+×÷/^])*\)|[A-Za-z]+|{_DIGIT}+(?:[.,\u066b]{_DIGIT}+)*)"
)
#: Spaced, as the formulas of the reports are written ("UTC+03:30" and "24/7" are no formulas);
#: a power may be unspaced.
_OPERATOR = r"(?:\s+[−+×÷/-]\s+|\s*\^\s*)"
#: Operands joined by operators: "(E − N) / S × 100", "1 − (1 − churn)^(1 / years)".
_FORMULA = re.compile(rf"(?<![\w(]){_OPERAND}(?:{_OPERATOR}{_OPERAND})+(?![\w)])")


def isolate_formulas(text: str) -> str:
    """Every formula written in Latin letters ("(E − N) / S × 100") as a left-to-right
    isolate (:func:`~accountdesk.core.bidi.ltr`), outside the isolates ``text`` has already:
    in a Persian sentence its brackets would otherwise take the sentence's direction
    ("E − N) / S)"), a paragraph that starts with one would be laid out left to right, and in
    any language a line could break inside it. A formula in words of a right-to-left script
    ("موفق / (موفق + از دست رفته)") reads right to left as it is, and is left alone."""
    if not _FORMULA.search(text):
        return text  # most text: nothing to do
    return outside_isolates(text, lambda run: _FORMULA.sub(_formula, run))


def _formula(match: re.Match[str]) -> str:
    found = match.group(0)
    return ltr(found) if re.search("[A-Za-z]", found) else found


@dataclass(frozen=True)
class ReportContext:
    lang: str
    rtl: bool
    now: datetime
    user_zone: str

    @property
    def today(self) -> date:
        """The report's day in the user's zone."""
        return user_day(self.now, self.user_zone)

    def text(self, value: object) -> str:
        """Text as a report draws it: Latin acronyms in right-to-left text isolated, and Latin
        formulas in any text (:func:`isolate_formulas`). Digits
        are left as they are: a number is written in the language's digits where it is
        formatted (:mod:`accountdesk.core.i18n`), and names, phone numbers and codes keep
        theirs (one digit-shaping rule; copied out of the PDF, a name is as stored). A full
        stop is not doubled after an inserted value that ends with one
        (:func:`accountdesk.core.i18n.single_stops`)."""
        return isolate_acronyms(isolate_formulas(single_stops("" if value is None else str(value))))

    def date(self, d: date | None, style: str = "medium") -> str:
        """A date as the language writes it, kept on one line: isolated in the report's
        direction (LRI, or RLI in a right-to-left report), which :mod:`.textlayout` never
        breaks inside and draws nothing for. Lines broke inside dates: "2025. gada 2." |
        "marts" in a Latvian table, "28." | "dec. 2026" in a Slovenian title."""
        if d is None:
            return "—"
        with i18n.use_language(self.lang):
            return self.whole(i18n.format_date(d, style))

    def whole(self, text: str) -> str:
        """``text`` (a date, a date and time) isolated in the report's direction, so that a
        line never breaks inside it (:func:`.textlayout._kept_whole`)."""
        return f"{RLI}{text}{PDI}" if self.rtl else ltr(text)

    def percent(self, m: MetricValue) -> str:
        if m.value is None:
            return unavailable_text(m.reason)
        return i18n.format_percent(m.value, 1)

    def number(self, value: float | None, digits: int = 0) -> str:
        if value is None:
            return _("not enough data")
        return i18n.format_decimal(value, digits)

    def sample(self, m: MetricValue | MoneyMetric) -> str:
        """The sample size, marked with * below :data:`SMALL_SAMPLE`."""
        count = i18n.format_number(m.sample)
        return f"{count} *" if m.small_sample else count

    def rate_cell(self, m: MetricValue, value: str | None = None, *remarks: str) -> str:
        """A rate with its sample size: "76.0% (41)", "57.1% (7 *)", after ``remarks`` in the
        same brackets ("10.0 (the cap, 162)": :func:`i18n.with_remarks`). The figure is
        isolated, as in :meth:`money_cell`: Persian's minus sign follows a left-to-right mark,
        which laid a negative NPS's cell out left to right, its sample on the wrong side."""
        shown = self.percent(m) if value is None else value
        return i18n.with_remarks(shown, [*remarks, self.sample(m)])

    def money(self, m: MoneyMetric) -> str:
        """A money figure in the reporting currency, or why there is none."""
        if m.value is not None:
            return money_text(m.value, m.currency)
        if m.reason == MISSING_RATE:
            return _("no exchange rate for {currencies}").format(
                currencies=join_list(m.total.missing)
            )
        return unavailable_text(m.reason)

    def total(self, total: MoneyTotal) -> str:
        """A sum converted, or each currency's subtotal when a rate is missing, one a line (a
        table's cell)."""
        return total_text(total, lines=True)

    def money_cell(self, m: MoneyMetric) -> str:
        """A money figure with its sample: "€1,156.07 (32)". The figure is isolated: Persian's
        starts with a left-to-right mark, which made the whole cell left to right (the sample
        on the wrong side, and "(ریال ۵٬۲۸۱ (۱۵" in rials)."""
        return i18n.with_remarks(self.money(m), [self.sample(m)])

    # --- changes against the previous period ---------------------------------------------

    def count_change(self, now: int, before: int) -> str:
        return i18n.format_change(now - before)

    def points_change(self, now: MetricValue, before: MetricValue, digits: int = 1) -> str:
        """The change of a rate in percentage points ("+2.5 pp"), of NPS in points, of a mean
        in its unit; "—" when either side has no value. The change of the figures as printed
        beside it, each rounded to ``digits`` (:func:`i18n.as_shown`): a reader who subtracts
        them gets the same."""
        if now.value is None or before.value is None:
            return "—"
        shown = i18n.as_shown(now.value, digits) - i18n.as_shown(before.value, digits)
        return i18n.format_change(shown, digits)

    def rate_change(self, now: MetricValue, before: MetricValue) -> str:
        """A rate's change in percentage points, of the rates as printed (one decimal)."""
        if now.value is None or before.value is None:
            return "—"
        shown = i18n.as_shown(now.value, 1) - i18n.as_shown(before.value, 1)
        return pgettext("a change of a percentage, in percentage points", "{change} pp").format(
            change=ltr(i18n.format_change(shown, 1))
        )

    def money_change(self, now: Decimal | None, before: Decimal | None) -> str:
        """An amount's change relative to the previous one ("+12.3%"); "—" without both or
        from nothing."""
        if now is None or before is None or before <= 0:
            return "—"
        return i18n.format_change((now / before - 1) * 100, 1, percent=True)

    def total_change(self, now: MoneyTotal, before: MoneyTotal) -> str:
        """A total's change against the one before, of the two in one currency (converted, or
        as entered when all their amounts are in one: :func:`money.in_one_currency`, as
        :func:`money.side_by_side` shows them); "—" for a mix without a rate."""
        found = in_one_currency([now, before])
        return "—" if found is None else self.money_change(*found[1])

    def metric_change(self, now: MoneyMetric, before: MoneyMetric) -> str:
        """A money figure's change (an average); "—" when the two are in different currencies
        (one converted, one as entered for want of a rate)."""
        if now.currency != before.currency:
            return "—"
        return self.money_change(now.value, before.value)


# --- the document -------------------------------------------------------------------------


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Defers page output so the footer can say "page X of Y"."""

    footer: Callable[[Canvas, int, int], None] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = fonts.font_name(fonts.LATIN)  # no unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            if self.footer is not None:
                self.footer(self, number, total)
            super().showPage()
        super().save()


#: Room between a page header's title and its date.
HEADER_GAP = 12.0
#: A heading followed by text needs this much room under it on its page (its first lines),
#: else it starts the next page; followed by a table, at least this much (a table's header and
#: first rows), and more when its first row is taller (:func:`_room_under`).
HEADING_ROOM = 48.0


def _room_under(following: Flowable, width: float) -> float:
    """The room a heading needs under it for ``following`` to start on the same page: for a
    table, its header rows and the rows kept with them (:func:`_table`: a short table whole,
    else its first :data:`KEPT_ROWS`; at least its first row), measured (a table is split
    between rows, never inside one: a first row of revenue in thirteen currencies, one a
    line, is far taller than :data:`HEADING_ROOM`), and at least that; for text,
    :data:`HEADING_ROOM`."""
    if not isinstance(following, Table):
        return HEADING_ROOM
    return max(HEADING_ROOM, _table_start(following, width))


def _table_start(table: Table, width: float) -> float:
    """The height of a table's header and of the rows that stay with it on its first page."""
    table.wrap(width, PAGE[1])
    heights = table._rowHeights  # as ReportLab measured them for this width
    header = table.repeatRows if isinstance(table.repeatRows, int) else 0
    kept = max(1, getattr(table, "kept_rows", 1))
    return float(sum(heights[: header + kept]))


class Heading(TextBlock):
    """A section title that is also a PDF bookmark, never alone at the foot of a page: kept
    with a chart that follows it (``keepWithNext``), or, before a table or text that can be
    split across pages, moved to the next page when too little room is left under it for
    what follows to begin (:func:`_keep_headings`, :func:`_room_under`), so a long table no
    longer leaves the rest of a page empty."""

    def __init__(self, text: str, style: TextStyle, rtl: bool, level: int = 0) -> None:
        super().__init__(text, style, rtl)
        self.outline_level = level
        self.keepWithNext = True
        #: the table or text it is kept with (:func:`_keep_headings`)
        self.following: Flowable | None = None
        #: a table after a short text that follows it (an introduction), whose start is kept
        #: with both
        self.then: Table | None = None
        if level > 0:  # a section's title stands off what ends the section before it
            self.spaceBefore = 6.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        # at the top of a page it stays, whatever follows (the next page has no more room)
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        if self.following is not None and not at_top:
            room = _room_under(self.following, availWidth)
            if self.then is not None:  # the introduction, then the table's start
                room = self.following.wrap(availWidth, PAGE[1])[1] + _table_start(
                    self.then, availWidth
                )
            if availHeight < height + room:
                return width, availHeight + 1  # does not fit here: to the next page
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def _keep_headings(story: Sequence[Any]) -> None:
    """A heading before a table or text keeps only room for the start of it, not the whole
    of what follows (see :class:`Heading`); before a short text and a table (the meeting
    slots' "Local time in …"), room for the text and the table's start: the heading, its
    introduction, the table's header and one row stood at a page's foot, the rest of a
    five-day table on the next page."""
    for i, (heading, following) in enumerate(pairwise(story)):
        if isinstance(heading, Heading) and isinstance(following, Table | TextBlock):
            heading.keepWithNext = False
            heading.following = following
            after = story[i + 2] if i + 2 < len(story) else None
            if (
                isinstance(following, TextBlock)
                and isinstance(after, Table)
                and following.wrap(PAGE[0] - 2 * MARGIN, PAGE[1])[1] <= HEADING_ROOM
            ):
                heading.then = after


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self, target: str | BinaryIO, ctx: ReportContext, title: str, subject: str
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 10 * mm,
            bottomMargin=MARGIN,
            title=plain(title),
            author=AUTHOR,
            subject=plain(subject),
            creator="AccountDesk",
            lang={"fa": "fa-IR", "th": "th-TH", "lv": "lv-LV", "sl": "sl-SI", "tr": "tr-TR"}.get(
                ctx.lang, "en"
            ),
            initialFontName=fonts.font_name(fonts.LATIN),
        )
        self.ctx = ctx
        self.report_title = title
        self._keys = 0
        # no side padding: text starts where the tables, the header's rule and the footer do
        # (the tables are as wide as the margins leave; a frame's 6 pt each side put every
        # heading and paragraph 6 pt in from them)
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height,
            leftPadding=0, rightPadding=0, id="body",
        )  # fmt: skip
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._header)])

    def _header(self, canvas: Canvas, doc: Any) -> None:
        ctx = self.ctx
        top = PAGE[1] - MARGIN
        width = PAGE[0] - 2 * MARGIN
        generated = ctx.text(_("Generated {date}").format(date=ctx.date(ctx.today, "long")))
        # the title in the room the date leaves, shortened with "…" (a long account name)
        room = width - text_width(generated, SMALL, ctx.rtl) - HEADER_GAP
        title = shortened(ctx.text(self.report_title), room, SMALL, ctx.rtl)
        draw_text(canvas, MARGIN, top, title, SMALL.but(align="start"), ctx.rtl, width)
        draw_text(canvas, MARGIN, top, generated, SMALL.but(align="end"), ctx.rtl, width)
        canvas.setStrokeColor(colors.HexColor("#C8D3DF"))
        canvas.line(MARGIN, top - 4, PAGE[0] - MARGIN, top - 4)

    def footer(self, canvas: Canvas, number: int, total: int) -> None:
        ctx = self.ctx
        text = _("Page {number} of {total}").format(
            number=i18n.format_number(number), total=i18n.format_number(total)
        )
        draw_text(
            canvas, MARGIN, MARGIN - 8, ctx.text(text), SMALL.but(align="center"), ctx.rtl,
            PAGE[0] - 2 * MARGIN,
        )  # fmt: skip

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self._keys += 1
            key = f"s{self._keys}"
            self.canv.bookmarkPage(key)
            # as the heading reads, without the isolates that only steer its layout
            self.canv.addOutlineEntry(plain(flowable.text), key, level=flowable.outline_level)


def _build(
    target: str | Path | BinaryIO, ctx: ReportContext, title: str, subject: str, story: list[Any]
) -> None:
    """Lay the report out; a file named by a path is written all at once or not at all."""
    fonts.require(fonts.font_name(fonts.LATIN))  # the styles' font; others as text needs them
    fonts.require(fonts.font_name(fonts.LATIN, bold=True))
    if isinstance(target, str | Path):
        out = io.BytesIO()
        _build(out, ctx, title, subject, story)
        write_atomically(Path(target), out.getvalue())
        return
    doc = _Doc(target, ctx, title, subject)
    _keep_headings(story)

    class Numbered(_NumberedCanvas):
        footer = staticmethod(doc.footer)

    doc.build(story, canvasmaker=Numbered)


# --- building blocks ------------------------------------------------------------------------


def _p(ctx: ReportContext, text: object, style: TextStyle = BODY) -> TextBlock:
    return TextBlock(ctx.text(text), style, ctx.rtl)


def _h(ctx: ReportContext, text: str, level: int = 0) -> Heading:
    return Heading(ctx.text(text), H1 if level == 0 else H2, ctx.rtl, level)


def _table(
    ctx: ReportContext,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
) -> Flowable:
    """A table whose header row repeats on every page; columns mirrored in a RTL report. A
    column is widened (the others giving up room they do not need) so that no word of its
    title or cells, and no phone number, e-mail address or URL in it, is cut
    (:func:`_fit_columns`); a word that still does not fit is cut with a hyphen
    (:mod:`.textlayout`)."""
    total = PAGE[0] - 2 * MARGIN
    scale = total / sum(widths)
    needs = [
        max(
            [
                unbroken_width(ctx.text(header[i]), HEAD),
                *(unbroken_width(ctx.text(row[i]), CELL) for row in rows),
            ]
        )
        for i in range(len(widths))
    ]
    cols = mirror(_fit_columns([w * scale for w in widths], needs, CELL_PADDING), ctx.rtl)
    data = [mirror([TextBlock(ctx.text(h), HEAD, ctx.rtl) for h in header], ctx.rtl)]
    for row in rows:
        data.append(mirror([TextBlock(ctx.text(v), CELL, ctx.rtl) for v in row], ctx.rtl))
    if not rows:
        return _p(ctx, _("None."), SMALL)
    # the next heading off it
    table = _KeptTable(data, colWidths=cols, repeatRows=1, spaceAfter=8)
    table.setStyle(
        RLTableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2F5D8A")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F1F4F8")]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#C8D3DF")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


#: A table of at most this many rows is kept whole on one page (when it is not taller than
#: half a page); a longer one is split with at least :data:`KEPT_ROWS` rows on each side.
SHORT_TABLE = 8
KEPT_ROWS = 3


class _KeptTable(Table):  # type: ignore[misc]
    """A report's table, never split just after its first row or just before its last
    (ReportLab's NOSPLIT): a short table (:data:`SHORT_TABLE` rows, at most half a page high)
    whole, a longer one with at least :data:`KEPT_ROWS` rows on each side of a page break.
    ``kept_rows``: how many rows stay with its header, which a heading before it keeps room
    for (:func:`_table_start`). A five-day table of meeting slots had its header and Monday
    at the foot of a page, the other four days on the next."""

    kept_rows = 1
    _decided = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._decided:  # measured once, as styled, at the width it is laid out in
            self._decided = True
            rows = len(self._cellvalues) - 1
            frame = PAGE[1] - 2 * MARGIN - 10 * mm
            if rows <= SHORT_TABLE and super().wrap(availWidth, PAGE[1])[1] <= frame / 2:
                self.setStyle(RLTableStyle([("NOSPLIT", (0, 0), (-1, -1))]))
                self.kept_rows = rows
            elif rows >= 2 * KEPT_ROWS:
                self.setStyle(
                    RLTableStyle(
                        [
                            ("NOSPLIT", (0, 0), (-1, KEPT_ROWS)),
                            ("NOSPLIT", (0, -KEPT_ROWS), (-1, -1)),
                        ]
                    )
                )
                self.kept_rows = KEPT_ROWS
        width, height = super().wrap(availWidth, availHeight)
        return float(width), float(height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:  # the pieces keep the rows kept together as they are
            part._decided = True
        return parts


#: ReportLab's padding of a table cell, left and right together (6 points each).
CELL_PADDING = 12.0


def _fit_columns(
    widths: Sequence[float], needs: Sequence[float], padding: float = CELL_PADDING
) -> list[float]:
    """Column ``widths`` (same total) in which every column is at least its text's ``need`` +
    ``padding`` wide: what a widened column takes is given up by the other columns in
    proportion to the room they have beyond their own need. When all of them together have
    too little room, they give all of it, shared among the columns that are short in
    proportion to what each lacks (a word still too wide is then cut with a hyphen)."""
    least = [n + padding if n > 0 else 0.0 for n in needs]
    lacking = [max(0.0, need - w) for w, need in zip(widths, least, strict=True)]
    short = sum(lacking)
    if short <= 0:
        return list(widths)
    spare = [max(0.0, w - need) for w, need in zip(widths, least, strict=True)]
    room = sum(spare)
    if room >= short:
        return [
            max(w, need) - short * s / room for w, need, s in zip(widths, least, spare, strict=True)
        ]
    return [w - s + room * lack / short for w, s, lack in zip(widths, spare, lacking, strict=True)]


def _kv(ctx: ReportContext, pairs: Sequence[tuple[str, object]]) -> Flowable:
    total = PAGE[0] - 2 * MARGIN
    data = [
        mirror(
            [
                TextBlock(ctx.text(k), CELL.but(bold=True), ctx.rtl),
                TextBlock(ctx.text(v), CELL, ctx.rtl),
            ],
            ctx.rtl,
        )
        for k, v in pairs
    ]
    table = Table(data, colWidths=mirror([total * 0.35, total * 0.65], ctx.rtl))
    table.setStyle(
        RLTableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 8),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#DDE3EA")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _holiday_rows(
    ctx: ReportContext, countries: Sequence[tuple[str, str | None]], start: date, end: date
) -> list[list[object]]:
    """The holidays and seasons of ``countries`` from ``start`` to ``end``: one row a day and
    country, naming every holiday of that day once (Thailand's 5 December is three), each as
    the contact panel names it (:func:`.panel.holiday_text`): a holiday that is no public one
    with its kinds, so that a working day is not read as a day off (Thailand's National
    Aviation Day, "(working day observance)", on which the trip brief offers meetings)."""
    rows: list[tuple[date, list[object]]] = []
    regions: dict[str, list[str | None]] = {}
    for country, sub in countries:  # a country asked for in two regions: its days once
        regions.setdefault(country, []).append(sub)
    for country, subs in regions.items():
        found = [h for sub in subs for h in observed_between(country, sub, start, end, ctx.lang)]
        # a regional holiday with the regions asked for that keep it ("Epiphany (Bavaria)")
        kept: dict[tuple[date, str], list[str]] = defaultdict(list)
        for h in found:
            if h.subdivision is not None:
                kept[h.date, h.name].append(subdivision_name(country, h.subdivision, ctx.lang))
        for day, named in by_day(found):
            names = [
                _holiday_name(h, join_list(isolate(r) for r in dict.fromkeys(kept[day, h.name])))
                for h in named
            ]
            rows.append((day, [ctx.date(day), i18n.country_name(country), names]))
        for s in seasons_between(country, start, end, ctx.lang):
            span = f"{ctx.date(s.start)} – {ctx.date(s.end)}"
            rows.append((s.start, [span, i18n.country_name(country), f"{s.name}: {s.advice}"]))
    rows.sort(key=lambda r: r[0])
    with i18n.use_language(ctx.lang):
        return [
            [join_list(cell) if isinstance(cell, list) else cell for cell in r[1]] for r in rows
        ]


def _holiday_name(h: Holiday, regions: str = "") -> str:
    """A holiday as the panel names it, without its region: a row names the regions asked
    for that keep it, all of them, in its brackets ("Epiphany (Bavaria, Baden-Württemberg)",
    "Eid al-Fitr (from 1pm, half day)")."""
    return holiday_text(replace(h, subdivision=None), with_day=False, also=[regions])


#: The sections a briefing begins with, what matters most to a traveller: the topics to
#: avoid, gifts, how to greet; then every other section in the notes' order.
BRIEFING_FIRST = ("topics_to_avoid", "gifts", "greeting")
#: How many notes a briefing takes of a section (one of any other): short, yet every section
#: has its say.
BRIEFING_NOTES = {"topics_to_avoid": 3, "gifts": 3, "greeting": 2}
SECTION = TextStyle(size=8.5, bold=True, color="#2F5D8A")


def _etiquette(ctx: ReportContext, countries: Sequence[str]) -> list[Flowable]:
    """The cultural or etiquette briefing of each country: a few notes of every section under
    its title, what not to do first (a section's "don't" notes before its others). The first
    eight notes of the file were all greetings: the monarchy, a crime to criticise in
    Thailand, and the gifts to avoid never reached a report."""
    out: list[Flowable] = []
    order = [*BRIEFING_FIRST, *(s for s in SECTIONS if s not in BRIEFING_FIRST)]
    for country in countries:
        found = load_etiquette(country, ctx.lang)
        if found is None:
            continue
        parts: list[Flowable] = []
        for section in order:
            notes = sorted(found.sections.get(section, []), key=lambda n: n.kind != "dont")
            notes = notes[: BRIEFING_NOTES.get(section, 1)]
            if notes:
                title = _p(ctx, _(SECTION_TITLES[section]), SECTION)
                title.keepWithNext = True  # never alone at the foot of a page, its notes after
                parts.append(title)
                # in the report's direction, whatever the note begins with ("«Guten Appetit»")
                mark = RLM if ctx.rtl else LRM
                parts.extend(_p(ctx, f"{mark}• {n.text}") for n in notes)
        if parts:
            name = _p(ctx, i18n.country_name(country), BODY.but(bold=True))
            name.keepWithNext = True  # with its first section
            out.append(name)
            out.extend(parts)
    return out or [_p(ctx, _("No briefing for these countries yet."), SMALL)]


def _contact_name(c: Contact) -> str:
    return form_of_address(
        c.honorific,
        c.given_name,
        c.family_name or "",
        c.name_order,
        country=c.country,
        formality=c.formality,
    )


def _contact_cell(c: Contact) -> str:
    """A contact in a table, one a line: the name as stored, how to address them where that
    leaves part of the name out ("Elif Aydın" then "Elif Hanım", "อนุชา บุญมา" then "คุณอนุชา",
    "Zane Bērziņa" then "Zane" on first-name terms; "Ms Sara Smith" alone), and the job title.
    A name breaks only between its words (:func:`.textlayout.person_name`): "วันเพ็ญ รัต" |
    "นพันธ์" in a narrow column."""
    full = display_name(c.given_name, c.family_name or "", c.name_order)
    address = _contact_name(c)
    lines = [address] if full in address else [full, address]
    return "\n".join(
        [*(person_name(line) for line in lines), *([c.job_title] if c.job_title else [])]
    )


def _offset(zone: str, now: datetime) -> str:
    return "UTC" + format_utc_offset(utc_offset(zone, now))


def _local_time_cell(ctx: ReportContext, zone: str) -> str:
    """A contact's local time in a table: their date and time when the report was made (the
    moment :func:`_local_time_note` states), then their offset from UTC. The column showed the
    offset alone ("UTC+03:00") under the title "Local time"."""
    return f"{_when(ctx, ctx.now, zone)}\n{ltr(_offset(zone, ctx.now))}"


def _local_time_note(ctx: ReportContext) -> str:
    """The moment the local times of a table are given at: when the report was made."""
    return _("Local time: when this report was made, {when} your time.").format(
        when=isolate(_when(ctx, ctx.now, ctx.user_zone))
    )


def _context(lang: str | None, now: datetime | None, user_zone: str) -> ReportContext:
    code = i18n.normalize_language(lang) if lang else i18n.current_language().code
    return ReportContext(code, code == "fa", now or datetime.now(UTC), user_zone)


# --- account relationship report -----------------------------------------------------------


#: At most this many accounts are listed when a name matches several.
CANDIDATES_SHOWN = 10


def find_account(db: Database, name_or_id: str) -> str:
    """The id of the account with this id or name. Names are compared folded as search folds
    them (case and accents ignored in every script: "a.ş." finds "A.Ş."); a name that is no
    account's whole name finds an account's name as search does, when it finds only one
    (:func:`~accountdesk.core.queries.lists.ids_named`: the beginnings of its words, or of
    the spellings search knows: "mueller" for Müller, "山田" in 株式会社山田製作所).
    Several matches: UserError listing them (name, city, id)."""
    given = name_or_id.strip()
    with db.reader() as s:
        exact = s.scalar(
            select(Account.id).where(Account.id == given, Account.deleted_at.is_(None))
        )
        if exact:
            return str(exact)
        rows = s.execute(
            select(Account.id, Account.name, Account.city, Account.country)
            .where(Account.deleted_at.is_(None))
            .order_by(Account.id)
        ).all()
    wanted = fold(given)
    found = [r for r in rows if fold(r.name) == wanted]
    if not found:
        named = ids_named(db, given, "account")
        found = [r for r in rows if r.id in named]
    if not found:
        raise UserError(
            _("No account is called or has the id \u201c{name}\u201d.").format(name=given)
        )
    if len(found) > 1:
        found = icu.sorted_by(found, lambda r: str(r.name))  # as the account list orders names
        lines = [
            _("{name} \u2014 {place} \u2014 {id}").format(
                name=r.name,
                place=join_list(p for p in (r.city, i18n.country_name(r.country)) if p),
                id=r.id,
            )
            for r in found[:CANDIDATES_SHOWN]
        ]
        if len(found) > CANDIDATES_SHOWN:
            lines.append("\u2026")
        raise UserError(
            ngettext(
                "{n} account matches \u201c{name}\u201d; give its id:",
                "{n} accounts match \u201c{name}\u201d; give the id of one of them:",
                len(found),
            ).format(n=i18n.format_number(len(found)), name=given)
            + "\n  "
            + "\n  ".join(lines)
        )
    return str(found[0].id)


def account_report(
    db: Database, account_id: str, target: str | Path, *, lang: str | None = None,
    now: datetime | None = None, user_zone: str = "UTC", currency: str | None = None,
    period: Period | None = None,
) -> None:  # fmt: skip
    """The relationship report of one account: its key figures, deals closed and
    interactions over ``period`` beside the period before (default: the last 12 months and
    the 12 before), the account as it stands today; money in ``currency`` (default: the
    reporting currency of the settings) at the rates in force on the period's last day (or
    today, when it ends later)."""
    ctx = _context(lang, now, user_zone)
    if period is not None:  # up to today when it ends later (the one rule: checked_period)
        period = checked_period(period.start, period.asked.end, ctx.today)
    rates = rate_book(db, rate_day(period, ctx.today) if period else ctx.today, currency)
    with i18n.use_language(ctx.lang):
        story, title = _account_story(db, account_id, ctx, rates, period)
        _build(target, ctx, title, _("Account relationship report"), story)


#: The account report's interactions chart counts months up to this many, quarters beyond.
MONTHS_CHARTED = 24
#: The account report lists at most this many of the deals closed in its period, of its
#: interactions in the period (the latest first), of the open follow-ups (the first due),
#: of the gifts and of the notes (the latest); :func:`_listed_of` says how many are left out.
DEALS_SHOWN, INTERACTIONS_SHOWN, FOLLOW_UPS_SHOWN, GIFTS_SHOWN, NOTES_SHOWN = 20, 15, 30, 20, 10


def _is_last_year(period: Period, today: date) -> bool:
    """Whether the account report's ``period`` is the last 12 months to ``today``
    (:func:`~accountdesk.core.metrics.last_year`): its figures are then headed "Last 12
    months" and "12 months before", else "This period" and "Previous period". The one rule
    for the labels, from the period itself: the Reports screen passes its "Last 12 months"
    preset as a period, the command line none, and the same report read differently."""
    return period == last_year(today)


def _listed_of(ctx: ReportContext, kind: str, shown: int, total: int) -> list[Flowable]:
    """Under a list cut at ``shown`` rows: how many of ``total`` it lists, and which (the
    figures above it count them all); nothing when it lists all of them. A list of 25 deals
    showed 20 without a word under "Deals won 25"."""
    if total <= shown:
        return []
    n, listed = i18n.format_number(total), i18n.format_number(shown)
    if kind == "deals":
        text = ngettext(
            "{shown} of these {n} deal are listed, the latest; the figures above count all of "
            "them.",
            "{shown} of these {n} deals are listed, the latest; the figures above count all of "
            "them.",
            total,
        )
    elif kind == "interactions":
        text = ngettext(
            "{shown} of these {n} interaction are listed, the latest; the figures and the chart "
            "above count all of them.",
            "{shown} of these {n} interactions are listed, the latest; the figures and the "
            "chart above count all of them.",
            total,
        )
    elif kind == "follow_ups":
        text = ngettext(
            "{shown} of the {n} open follow-up are listed, those due first.",
            "{shown} of the {n} open follow-ups are listed, those due first.",
            total,
        )
    elif kind == "gifts":
        text = ngettext(
            "{shown} of the {n} gift are listed, the latest.",
            "{shown} of the {n} gifts are listed, the latest.",
            total,
        )
    else:
        text = ngettext(
            "{shown} of the {n} note are shown, the latest.",
            "{shown} of the {n} notes are shown, the latest.",
            total,
        )
    return [_p(ctx, text.format(shown=listed, n=n), SMALL)]


def _account_story(
    db: Database, account_id: str, ctx: ReportContext, rates: RateBook,
    period: Period | None = None,
) -> tuple[list[Any], str]:  # fmt: skip
    from accountdesk.core.queries.followups import list_follow_ups

    today = ctx.today
    cal = i18n.current_calendar()  # the report's (Solar Hijri months in Persian)
    with db.reader() as s:
        acc = s.get(Account, account_id)
        if acc is None or acc.deleted_at is not None:
            raise UserError(_("No account has the id \u201c{name}\u201d.").format(name=account_id))
        contacts = people_by_name(  # as the account's page lists them
            s.scalars(
                select(Contact)
                .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
                .order_by(Contact.id)
            )
        )
        interactions = list(
            s.scalars(
                select(Interaction)
                .where(Interaction.account_id == account_id, Interaction.deleted_at.is_(None))
                .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
                .options(selectinload(Interaction.participants))  # one query, not one each
            )
        )
        # with the person each was given to or by, named unless they are in the trash
        gifts = [
            (g, display_name(c.given_name, c.family_name or "", c.name_order) if c else None)
            for g, c in s.execute(
                select(Gift, Contact)
                .outerjoin(Contact, and_(Contact.id == Gift.contact_id, contact_shown()))
                .where(Gift.account_id == account_id, Gift.deleted_at.is_(None))
                .order_by(Gift.given_on.desc(), Gift.created_at.desc(), Gift.id)
            )
        ]
        notes = list(
            s.scalars(
                select(Note)
                .where(Note.account_id == account_id, Note.deleted_at.is_(None))
                .order_by(Note.created_at.desc(), Note.id)
            )
        )
        deal_rows = [
            (d.title, d.amount, d.currency, d.status, d.closed_on, d.created_at, d.stage)
            for d in s.scalars(
                select(Deal)
                .where(Deal.account_id == account_id, Deal.deleted_at.is_(None))
                .order_by(Deal.closed_on.desc().nulls_last(), Deal.created_at.desc(), Deal.id)
            )
        ]
        records = load_records(s, Scope(account_ids=(account_id,)))
        participants = {
            i.id: join_list(person_name(_contact_name(p)) for p in i.participants)
            for i in interactions
        }
        acc_name, acc_country, acc_sub = acc.name, acc.country, acc.subdivision
        since, tier, owner, status = acc.customer_since, acc.tier, acc.owner, acc.status
        lost_on = acc.lost_on
    # all in the account's one currency when it has no rate (a GBP account: no "€0.00")
    rates = rates.for_amounts(records.currencies())
    if owner:  # on a team server, the member's name
        owner = owner_name(owner_names(db), owner)
    follow = list_follow_ups(db, now=ctx.now, user_zone=ctx.user_zone, account_id=account_id)
    bounds = bucket_bounds(ctx.now, ctx.user_zone)
    overdue = [f for f in follow if bucket_of(f.due_at, bounds) == "overdue"]
    upcoming = [f for f in follow if bucket_of(f.due_at, bounds) != "overdue"]
    # figures as of today at today's rates, the period's at its end's (money.RateBook.on)
    today_rates = rates.on(today)
    risk = risk_facts(db, records, ctx.now, ctx.user_zone, today_rates).get(account_id)
    title = _("Relationship report: {account}").format(account=isolate(acc_name))
    story: list[Any] = [_h(ctx, title)]
    # the period asked for, or the last 12 months (and the 12 before)
    year = period or last_year(today)
    yearly = _is_last_year(year, today)
    previous = year.previous(cal)
    earned = revenue_to_date(records.deals, today, today_rates)
    recent = compute_all(records.customers, records.surveys, records.deals, year, rates)
    before = compute_all(records.customers, records.surveys, records.deals, previous, rates)
    # each dated where it happened, the latest first: the summary's "Last touch" is the day
    # of the latest, as the at-risk next step says it (risk_facts)
    local_days = [interaction_day(i.occurred_at, i.occurred_zone) for i in interactions]
    last_touch = local_days[0] if local_days else None
    next_touch = to_zone(upcoming[0].due_at, ctx.user_zone).date() if upcoming else None
    story.append(_h(ctx, _("Summary"), 1))
    summary: list[tuple[str, object]] = [
        (_("Country"), i18n.country_name(acc_country)),
        (_("Status"), label(STATUS, status)),
        (_("Segment"), label(TIER, tier) or "—"),
        (_("Owner"), person_name(owner or "—")),
        # the periods before a win-back, oldest first (the account page lists them alike)
        *((_("Customer"), period_text(p, ctx.date)) for c in records.customers for p in c.earlier),
        (_("Customer since"), ctx.date(since)),
        # a lost account's last day as a customer is the day before (the account page's row)
        *([(_("Lost on"), ctx.date(lost_on))] if lost_on is not None else []),
        (_("Revenue to date"), ctx.total(earned)),
        (_("Last touch"), ctx.date(last_touch)),
        (_("Next touch"), ctx.date(next_touch)),
    ]
    if overdue:
        summary.append(
            (
                _("Overdue follow-ups"),
                ngettext(
                    "{n} overdue, the oldest due {date}", "{n} overdue, the oldest due {date}",
                    len(overdue),
                ).format(
                    n=i18n.format_number(len(overdue)),
                    date=isolate(ctx.date(to_zone(overdue[0].due_at, ctx.user_zone).date())),
                ),
            )
        )  # fmt: skip
    if risk is not None:
        summary.append((_("At-risk score"), _risk_summary(ctx, risk, owner)))
    story.append(_kv(ctx, summary))
    story.append(_h(ctx, _("Key figures"), 1))
    interactions_now = sum(1 for d in local_days if year.contains(d))
    interactions_before = sum(1 for d in local_days if previous.contains(d))
    cnt = i18n.format_number
    rows = [
        [_("Interactions"), cnt(interactions_now), cnt(interactions_before),
         ctx.count_change(interactions_now, interactions_before)],
        [_("NPS"), ctx.rate_cell(recent.nps, ctx.number(recent.nps.value)),
         ctx.rate_cell(before.nps, ctx.number(before.nps.value)),
         ctx.points_change(recent.nps, before.nps, 0)],
        [_("CSAT (share of 4–5)"), ctx.rate_cell(recent.csat), ctx.rate_cell(before.csat),
         ctx.rate_change(recent.csat, before.csat)],
    ]  # fmt: skip
    story.append(_comparison(ctx, _("Figure"), rows, yearly=yearly))
    story.append(_period_note(ctx, year, previous))
    story.append(_h(ctx, _("Deals"), 1))
    pipeline = open_pipeline(records.deals, today, today_rates)
    story.extend(_deals_section(ctx, recent, before, pipeline, yearly=yearly))
    # what the converted figures above are, before the lists of deals in their own currency
    story.extend(
        _money_notes(
            ctx, [*recent.money(), *before.money()], rates, as_of_today=[earned, pipeline.value]
        )
    )
    open_rows = [
        [
            title,
            label(DEAL_STAGE, stage) or "—",
            money_text(amount, currency),
            ctx.date(created.date() if created else None),
        ]
        for title, amount, currency, state, _closed, created, stage in deal_rows
        if state == "open"
    ]
    if open_rows:
        story.append(
            _table(ctx, [_("Open deal"), _("Stage"), _("Amount"), _("Opened")], open_rows,
                   [44, 18, 20, 18])
        )  # fmt: skip
    closed_rows = [
        [ctx.date(closed), title, label(DEAL_STATUS, state), money_text(amount, currency)]
        for title, amount, currency, state, closed, _created, _stage in deal_rows
        if state != "open" and closed is not None and year.contains(closed)
    ]
    closed_in = (
        _("Deals closed in the last 12 months") if yearly else _("Deals closed in the period")
    )
    story.append(_h(ctx, closed_in, 1))
    story.append(
        _table(ctx, [_("Closed"), _("Deal"), _("Result"), _("Amount")],
               closed_rows[:DEALS_SHOWN], [18, 48, 12, 22])
    )  # fmt: skip
    story.extend(_listed_of(ctx, "deals", DEALS_SHOWN, len(closed_rows)))
    story.append(_h(ctx, _("Contacts"), 1))
    story.append(
        _table(
            ctx,
            [_("Name"), _("Phone and e-mail"), _("Local time"), _("Channel"), _("Language")],
            [
                [
                    _contact_cell(c),
                    _reach(c),
                    _local_time_cell(ctx, c.timezone),
                    label(CHANNEL, c.preferred_channel) or "—",
                    i18n.language_name(c.preferred_language) if c.preferred_language else "—",
                ]
                for c in contacts
            ],
            [25, 33, 17, 12, 13],
        )
    )
    if contacts:
        story.append(_p(ctx, _local_time_note(ctx), SMALL))
    story.append(_h(ctx, _("Interactions"), 1))
    # the months of the figures' period in the report's calendar (Solar Hijri months in
    # Persian), the first and last in part (the last 12 months to the day: 13 months, both
    # ends marked); quarters for a period of more than MONTHS_CHARTED months. The chart once
    # began on the first day of the month 11 months back: a contact of the weeks before,
    # which the figures above count, was in none of its bars.
    monthly = len(calendars.spans(year.start, year.end, 1, cal)) <= MONTHS_CHARTED
    shown = calendar_buckets(year, 1 if monthly else 3)
    starts = [m.start for m in shown]
    per_bucket = Counter(bisect_right(starts, day) - 1 for day in local_days if year.contains(day))
    story.append(
        charts.bar_chart(
            [
                i18n.format_month_compact(m.start) if monthly else i18n.format_quarter(m.start)
                for m in shown
            ],
            [per_bucket.get(i, 0) for i in range(len(shown))],
            ctx.lang,
            # the text's width: 13 months' labels keep their years whole ("พ.ศ. 2568" is
            # wider than a 13th of the narrower chart, and lost its last digit)
            width=PAGE[0] - 2 * MARGIN,
            rtl=ctx.rtl,
            x_title=_("Month") if monthly else _("Quarter"),
            y_title=_("Interactions"),
            note=_partial_note(ctx, shown, "month" if monthly else "quarter"),
            short_categories=()
            if monthly
            else [i18n.format_quarter(m.start, compact=True) for m in shown],
        )
    )
    # the latest of the period, the interactions the figures and the chart above count
    period_interactions = [
        (i, day) for i, day in zip(interactions, local_days, strict=True) if year.contains(day)
    ]  # fmt: skip
    shown_interactions = period_interactions[:INTERACTIONS_SHOWN]
    story.append(
        _table(
            ctx,
            [_("Date"), _("Kind"), _("Subject"), _("Participants")],
            [
                [
                    ctx.date(day),
                    label(INTERACTION_KIND, i.kind),
                    i.subject,
                    participants.get(i.id, ""),
                ]
                for i, day in shown_interactions
            ],
            [18, 12, 40, 30],
        )
    )
    story.extend(_listed_of(ctx, "interactions", INTERACTIONS_SHOWN, len(period_interactions)))
    story.append(_h(ctx, _("Open follow-ups"), 1))
    story.append(
        _table(
            ctx,
            [_("Title"), _("Their time"), _("Your time"), _("When")],
            [
                [f.title, _when(ctx, f.due_at, f.zone), _when(ctx, f.due_at, ctx.user_zone),
                 _due_text(ctx, f.due_at, bounds)]
                for f in follow[:FOLLOW_UPS_SHOWN]
            ],
            [34, 24, 24, 18],
        )
    )  # fmt: skip
    story.extend(_listed_of(ctx, "follow_ups", FOLLOW_UPS_SHOWN, len(follow)))
    countries = sorted(
        {(c.country, c.subdivision) for c in contacts} | {(acc_country, acc_sub)},
        key=lambda x: (x[0], x[1] or ""),
    )
    # as far ahead as the account's and its contacts' panels look (panel.upcoming_until)
    heading = ngettext(
        "Holidays and seasons (next {days} day)", "Holidays and seasons (next {days} days)",
        UPCOMING_DAYS,
    ).format(days=i18n.format_number(UPCOMING_DAYS))  # fmt: skip
    story.append(_h(ctx, heading, 1))
    holiday_rows = _holiday_rows(ctx, countries, today, upcoming_until(today))
    story.append(
        _table(ctx, [_("Date"), _("Country"), _("Holiday or season")], holiday_rows, [22, 18, 60])
    )
    story.append(_h(ctx, _("Cultural briefing"), 1))
    story.extend(_etiquette(ctx, sorted({c for c, _s in countries})))
    story.append(_h(ctx, _("Gifts"), 1))
    story.append(
        _table(
            ctx,
            [_("Date"), _("Direction"), _("Gift"), _("Contact"), _("Occasion"), _("Value")],
            [
                [ctx.date(g.given_on), label(GIFT_DIRECTION, g.direction), g.description,
                 person_name(person or "—"), g.occasion or "—", _gift_value(g)]
                for g, person in gifts[:GIFTS_SHOWN]
            ],
            [13, 12, 25, 18, 15, 17],
        )
    )  # fmt: skip
    story.extend(_listed_of(ctx, "gifts", GIFTS_SHOWN, len(gifts)))
    story.append(_h(ctx, _("Notes"), 1))
    if notes:
        story.extend(_p(ctx, n.body) for n in notes[:NOTES_SHOWN])
        story.extend(_listed_of(ctx, "notes", NOTES_SHOWN, len(notes)))
    else:
        story.append(_p(ctx, _("None."), SMALL))
    return story, title


def _gift_value(gift: Gift) -> str:
    """A gift's value in its currency, as the deals' amounts are written; "—" for none."""
    if gift.value is None:
        return "—"
    if gift.currency is None:  # not stored by a form (a form asks for the currency)
        return i18n.format_number(gift.value)
    return money_text(gift.value, gift.currency)


def _listed(values: Sequence[Mapping[str, str]] | None, shown: Callable[[str], str] = str) -> str:
    """Phone numbers or e-mail addresses, one a line, each kept left to right (``shown``: how
    a value is written, :func:`validation.phone_shown` for phone numbers)."""
    return "\n".join(ltr(shown(v["value"])) for v in values or () if v.get("value")) or "—"


def _reach(contact: Contact) -> str:
    """A contact's phone numbers, then e-mail addresses, one a line."""
    found = [_listed(contact.phones, validation.phone_shown), _listed(contact.emails)]
    return "\n".join(f for f in found if f != "—") or "—"


def _due_text(ctx: ReportContext, due: datetime, bounds: BucketBounds) -> str:
    """When a follow-up is due: "Overdue by 3 days" (flagged), else its bucket."""
    bucket = bucket_of(due, bounds)
    if bucket != "overdue":
        return _(BUCKET_LABELS[bucket])
    days = (ctx.today - to_zone(due, ctx.user_zone).date()).days
    if days <= 0:
        return _("Overdue")
    return ngettext("Overdue by {n} day", "Overdue by {n} days", days).format(
        n=i18n.format_number(days)
    )


def _risk_summary(ctx: ReportContext, facts: RiskFacts, owner: str | None) -> str:
    """An account's at-risk score in a sentence or two."""
    points = facts.score.points
    if facts.score.at_risk:
        head = ngettext("{n} point: at risk.", "{n} points: at risk.", points).format(
            n=i18n.format_number(points)
        )
    else:
        head = ngettext("{n} point: not at risk.", "{n} points: not at risk.", points).format(
            n=i18n.format_number(points)
        )
    lines = [head, *(_reason_text(ctx, facts, k, p) for k, p in facts.score.reasons)]
    if facts.not_assessed:
        lines.append(_not_assessed_text(facts.not_assessed))
    if facts.score.reasons:
        lines.append(_next_step(ctx, facts, owner))
    return "\n".join(lines)


def _not_assessed_text(currencies: Sequence[str]) -> str:
    """Why an account's revenue signal was not counted (reports.data.risk_facts)."""
    return ngettext(
        "Revenue not assessed: its deals are in several currencies, and {currencies} has no "
        "exchange rate.",
        "Revenue not assessed: its deals are in several currencies, and {currencies} have no "
        "exchange rate.",
        len(currencies),
    ).format(currencies=join_list(ltr(c) for c in currencies))


# --- portfolio report -------------------------------------------------------------------


def portfolio_report(
    db: Database, target: str | Path, period: Period, *, lang: str | None = None,
    country: str | None = None, owner: str | None = None, segment: str | None = None,
    now: datetime | None = None, user_zone: str = "UTC", currency: str | None = None,
) -> None:  # fmt: skip
    """The portfolio report over ``period``. An unknown country, owner or segment is a
    UserError before anything is written; money in ``currency`` (default: the reporting
    currency of the settings) at the rates in force on the period's last day (or today)."""
    ctx = _context(lang, now, user_zone)
    # up to today when it ends later (the one rule: checked_period)
    period = checked_period(period.start, period.asked.end, ctx.today)
    scope = check_scope(db, Scope(country, owner, segment))
    rates = rate_book(db, rate_day(period, ctx.today), currency)
    with i18n.use_language(ctx.lang):
        story, title = _portfolio_story(db, ctx, period, scope, rates)
        _build(target, ctx, title, _("Portfolio report"), story)


def _portfolio_story(
    db: Database, ctx: ReportContext, period: Period, scope: Scope, rates: RateBook
) -> tuple[list[Any], str]:
    names = owner_names(db)  # on a team server owners are shown by the member's name

    def shown_owner(owner: str | None) -> str:
        return owner_name(names, owner) if owner else "—"

    with db.reader() as s:
        records = load_records(s, scope)
        accounts = {a.id: a for a in s.scalars(scope.apply(select(Account), s))}
        # a tier is one segment whatever its case ("Gold", "gold"): named once, as translated
        tiers = sorted({a.tier for a in accounts.values() if a.tier}, reverse=True)
        segment_of = {folded_key(t): label(TIER, t) for t in tiers}  # the first spelling's
        # name (told apart from another account's of the same name), country, segment,
        # owner as shown, owner as stored (the owner breakdown's key)
        named = _told_apart([(a.id, a.name, a.city) for a in accounts.values()])
        info = {
            a.id: (
                named[a.id],
                a.country,
                segment_of[folded_key(a.tier)] if a.tier else "—",
                shown_owner(a.owner),
                a.owner or None,
            )
            for a in accounts.values()
        }
    # all in the scope's one currency when it has no rate (money.RateBook.for_amounts)
    rates = rates.for_amounts(records.currencies())
    title = (
        _("Portfolio report {start} – {end} so far")
        if period.so_far
        else _("Portfolio report {start} – {end}")
    ).format(start=ctx.date(period.start), end=ctx.date(period.end))
    story: list[Any] = [_h(ctx, title)]
    scope_text = join_list(
        v
        for v in (
            scope.country and i18n.country_name(scope.country),
            scope.owner and isolate(shown_owner(scope.owner)),
            scope.segment and label(TIER, scope.segment),
        )
        if v
    ) or _("all accounts")
    story.append(
        _p(
            ctx,
            ngettext(
                "Scope: {scope}; {n} account.", "Scope: {scope}; {n} accounts.", len(info)
            ).format(scope=scope_text, n=i18n.format_number(len(info))),
        )
    )
    ms = compute_all(records.customers, records.surveys, records.deals, period, rates)
    previous = period.previous(i18n.current_calendar())  # Solar Hijri months in Persian
    before = compute_all(records.customers, records.surveys, records.deals, previous, rates)
    story.append(_h(ctx, _("Key metrics"), 1))
    story.append(_metrics_table(ctx, ms, before))
    story.append(_period_note(ctx, period, previous))
    story.extend(_customer_footnote(ctx, ms))
    # figures as of today at today's rates, the period's at its end's (money.RateBook.on)
    today_rates = rates.on(ctx.today)
    pipeline = open_pipeline(records.deals, ctx.today, today_rates)
    story.append(_h(ctx, _("Deals"), 1))
    story.extend(_deals_section(ctx, ms, before, pipeline))
    # every converted figure of the report, for the rates-used and missing-rate lines
    money: list[MoneyTotal] = [*ms.money(), *before.money()]
    as_of_today: list[MoneyTotal] = [pipeline.value]
    # quarterly trend
    qs = calendar_buckets(period, 3)
    q_sets = [compute_all(records.customers, records.surveys, records.deals, q, rates) for q in qs]
    story.append(_h(ctx, _("Trend by quarter"), 1))
    story.append(
        charts.line_chart(
            [i18n.format_quarter(q.start) for q in qs],
            [
                charts.Series(_("Retention (%)"), [m.retention.value for m in q_sets]),
                charts.Series(_("NPS"), [m.nps.value for m in q_sets]),
                charts.Series(_("CSAT (4–5, %)"), [m.csat.value for m in q_sets]),
            ],
            ctx.lang,
            rtl=ctx.rtl,
            x_title=_("Quarter"),
            y_title=_("% and NPS points"),
            floor=0.0,
            ceiling=100.0,
            note=_partial_note(ctx, qs, "quarter"),
            short_categories=[i18n.format_quarter(q.start, compact=True) for q in qs],
        )
    )
    # the chart's values with their samples, a small one marked (SPEC: every rate is shown
    # with its sample): a line drawn from two answers looked as sure as one from two hundred
    story.append(_trend_samples(ctx, qs, q_sets))
    story.append(_h(ctx, _("NPS distribution"), 1))
    story.append(
        charts.bar_chart(
            [i18n.format_number(i) for i in range(11)],
            list(ms.nps_distribution),
            ctx.lang,
            rtl=ctx.rtl,
            x_title=_("Score (0–10)"),
            y_title=_("Answers"),
        )
    )
    # breakdowns
    for heading, index in ((_("By segment"), 2), (_("By country"), 1), (_("By owner"), 4)):
        groups: dict[str | None, set[str]] = defaultdict(set)
        for aid, row in info.items():
            groups[row[index]].add(aid)
        rows = []
        shown = {
            key: i18n.country_name(str(key))
            if index == 1
            else shown_owner(key)
            if index == 4
            else str(key)
            for key in groups
        }
        place = icu.ranks(shown.values())  # in the report language's order
        for key in sorted(groups, key=lambda k: (place[shown[k]], k or "")):
            ids = groups[key]
            g = compute_all(
                [c for c in records.customers if c.account_id in ids],
                [x for x in records.surveys if x.account_id in ids],
                [d for d in records.deals if d.account_id in ids],
                period,
                rates,
            )
            money.append(g.revenue)
            rows.append(
                [
                    person_name(shown[key]) if index == 4 else shown[key],
                    i18n.format_number(len(ids)),
                    ctx.rate_cell(g.retention),
                    ctx.rate_cell(g.churn),
                    ctx.rate_cell(g.nps, ctx.number(g.nps.value)),
                    ctx.rate_cell(g.csat),
                    ctx.total(g.revenue),  # per currency when a rate is missing
                ]
            )
        story.append(_h(ctx, heading, 1))
        story.append(
            _table(
                ctx,
                [
                    heading,
                    _("Accounts"),
                    _("Retention"),
                    _("Churn"),
                    _("NPS"),
                    _("CSAT"),
                    _("Revenue"),
                ],
                rows,
                [21, 11, 14, 13, 12, 13, 16],
            )
        )
    story.append(_p(ctx, _sample_note(), SMALL))
    # top accounts by revenue to date, converted
    ranked: list[tuple[Decimal, str]] = []
    unranked: set[str] = set()
    unranked_count = 0
    deals_of: dict[str, list[Any]] = defaultdict(list)
    for deal in records.deals:
        deals_of[deal.account_id].append(deal)
    for c in records.customers:
        earned = revenue_to_date(deals_of[c.account_id], ctx.today, today_rates)
        as_of_today.append(earned)
        if earned.empty:
            continue
        if earned.converted is None:
            unranked.update(earned.missing)
            unranked_count += 1
            continue
        ranked.append((earned.converted, c.account_id))
    ranked.sort(key=lambda item: (-item[0], info[item[1]][0]))
    story.append(_h(ctx, _("Top accounts by revenue to date"), 1))
    story.append(
        _table(
            ctx,
            [_("Account"), _("Country"), _("Owner"), _("Revenue to date")],
            [
                [
                    info[a][0],
                    i18n.country_name(info[a][1]),
                    person_name(info[a][3]),
                    money_text(v, rates.reporting),
                ]
                for v, a in ranked[:20]
            ],
            [40, 20, 20, 20],
        )
    )
    if unranked_count:
        story.append(
            _p(
                ctx,
                ngettext(
                    "{n} account is not ranked: its revenue is in {currencies}, which has no "
                    "exchange rate.",
                    "{n} accounts are not ranked: their revenue is in {currencies}, which have "
                    "no exchange rate.",
                    unranked_count,
                ).format(
                    n=i18n.format_number(unranked_count),
                    currencies=join_list(ltr(c) for c in sorted(unranked)),
                ),
                SMALL,
            )
        )
    story.extend(_money_notes(ctx, money, rates, as_of_today=as_of_today))
    facts = risk_facts(db, records, ctx.now, ctx.user_zone, today_rates)
    owners = {a: (row[0], row[3] if row[4] else None) for a, row in info.items()}
    story.extend(_risk_section(ctx, facts, owners))
    story.extend(_definitions(ctx))
    return story, title


#: The at-risk table lists at most this many accounts, those with the most value at stake.
AT_RISK_SHOWN = 20


def _told_apart(accounts: Sequence[tuple[str, str, str | None]]) -> dict[str, str]:
    """Account id → the name a portfolio's tables show for (id, name, city): the name, and
    where another account has the same name (as search folds it) its city, and where that
    does not tell them apart (or it has none) the end of its id ("Alpska Mlekarna d.o.o.
    (Maribor, id ending 3f9a2c)"; ``accountdesk report account`` lists the ids beside the
    name). The top accounts and the accounts at risk listed three accounts of one name as if
    they were one."""
    same_name: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for row in accounts:
        same_name[fold(row[1])].append(row)
    out: dict[str, str] = {}
    for rows in same_name.values():
        if len(rows) == 1:
            out[rows[0][0]] = rows[0][1]
            continue
        places = Counter(fold(city or "") for _id, _name, city in rows)
        for aid, name, city in rows:
            parts = [isolate(city)] if city and city.strip() else []
            if not parts or places[fold(city or "")] > 1:
                parts.append(_("id ending {end}").format(end=ltr(aid[-6:])))
            out[aid] = _("{account} ({place})").format(
                account=isolate(name), place=join_list(parts)
            )
    return out


def _risk_section(
    ctx: ReportContext,
    facts: Mapping[str, RiskFacts],
    names: Mapping[str, tuple[str, str | None]],
) -> list[Flowable]:
    """The customers at risk (a score of RISK_THRESHOLD points or more), the most value at
    stake first, with the reasons and the next step; ``names``: account id → (name, owner
    as shown, None when it has none)."""
    risky = [f for f in facts.values() if f.score.at_risk]
    place = icu.ranks(names[f.account_id][0] for f in risky)  # ties: by name, as read
    # values in an account's own currency (no rate) are not compared with converted ones
    risky.sort(
        key=lambda f: (
            not f.converted,
            -(f.score.value_at_stake if f.score.value_at_stake is not None else Decimal(-1)),
            -f.score.points,
            place[names[f.account_id][0]],
            f.account_id,
        )
    )
    out: list[Flowable] = [_h(ctx, _("Accounts at risk"), 1)]
    out.append(
        _p(
            ctx,
            ngettext(
                "{n} of {total} customers scores {threshold} points or more on the at-risk "
                "score (see the definitions); at most {shown} are listed, the most value at "
                "stake first.",
                "{n} of {total} customers score {threshold} points or more on the at-risk "
                "score (see the definitions); at most {shown} are listed, the most value at "
                "stake first.",
                len(risky),
            ).format(
                n=i18n.format_number(len(risky)),
                total=i18n.format_number(len(facts)),
                threshold=i18n.format_number(RISK_THRESHOLD),
                shown=i18n.format_number(AT_RISK_SHOWN),
            ),
            SMALL,
        )
    )
    rows = [
        [
            names[f.account_id][0],
            person_name(names[f.account_id][1] or "—"),
            _stake(ctx, f),
            i18n.format_number(f.score.points),
            "\n".join(_reason_text(ctx, f, key, points) for key, points in f.score.reasons),
            _next_step(ctx, f, names[f.account_id][1]),
        ]
        for f in risky[:AT_RISK_SHOWN]
    ]
    header = [_("Account"), _("Owner"), _("Value at stake"), _("Score"), _("Why"), _("Next step")]
    out.append(_table(ctx, header, rows, [17, 10, 13, 8, 26, 26]))
    own = sum(1 for f in risky[:AT_RISK_SHOWN] if not f.converted)
    if own:
        out.append(
            _p(
                ctx,
                ngettext(
                    "{n} account's deals are all in a currency without an exchange rate: its "
                    "revenue is compared and its value at stake shown in that currency, and it "
                    "is listed after the others.",
                    "{n} accounts' deals are each all in a currency without an exchange rate: "
                    "their revenue is compared and their value at stake shown in that currency, "
                    "and they are listed after the others.",
                    own,
                ).format(n=i18n.format_number(own)),
                SMALL,
            )
        )
    unassessed = [f for f in facts.values() if f.not_assessed]
    if unassessed:
        shown = icu.sorted_by([names[f.account_id][0] for f in unassessed], str)
        missing = sorted({c for f in unassessed for c in f.not_assessed})
        out.append(
            _p(
                ctx,
                ngettext(
                    "The revenue signal was not assessed for {n} customer, whose deals are in "
                    "several currencies without an exchange rate for {currencies}: {names}.",
                    "The revenue signal was not assessed for {n} customers, whose deals are in "
                    "several currencies without an exchange rate for {currencies}: {names}.",
                    len(unassessed),
                ).format(
                    n=i18n.format_number(len(unassessed)),
                    currencies=join_list(ltr(c) for c in missing),
                    names=i18n.cut_list([isolate(n) for n in shown], NAMED_NOT_ASSESSED),
                ),
                SMALL,
            )
        )
    return out


#: At most this many customers whose revenue signal was not assessed are named.
NAMED_NOT_ASSESSED = 10


def _stake(ctx: ReportContext, facts: RiskFacts) -> str:
    value = facts.score.value_at_stake
    return "—" if value is None else money_text(value, facts.currency)


def _reason_text(ctx: ReportContext, facts: RiskFacts, key: str, points: int) -> str:
    """One reason of an at-risk score and its points."""
    s = facts.signals
    if key == OVERDUE:
        reason = ngettext("{n} overdue follow-up", "{n} overdue follow-ups", s.overdue).format(
            n=i18n.format_number(s.overdue)
        )
    elif key == DETRACTOR:
        reason = ngettext(
            "{n} detractor (NPS 0–6)", "{n} detractors (NPS 0–6)", s.detractors
        ).format(n=i18n.format_number(s.detractors))
    elif key == SILENCE:
        days, cadence = s.silent_days or 0, s.cadence
        reason = ngettext(
            "no contact for {n} day (cadence: {cadence})",
            "no contact for {n} days (cadence: {cadence})",
            days,
        ).format(
            n=i18n.format_number(days),
            cadence=ngettext("{n} day", "{n} days", cadence).format(n=i18n.format_number(cadence)),
        )
    else:
        now, before = s.revenue_now or Decimal(0), s.revenue_before or Decimal(1)
        reason = _("revenue {change} on the 12 months before").format(
            change=ltr(ctx.money_change(now, before))
        )
    return ngettext("{reason}: {n} point", "{reason}: {n} points", points).format(
        reason=reason, n=i18n.format_number(points)
    )


def _next_step(ctx: ReportContext, facts: RiskFacts, owner: str | None) -> str:
    """What to do first, for the reason with the most points; ``owner``: the account's owner
    as shown, None when it has none (the sentence then names nobody: it said "Review the
    account with —")."""
    key = facts.score.reasons[0][0] if facts.score.reasons else None
    if key == OVERDUE and facts.oldest_overdue is not None:
        title, due = facts.oldest_overdue
        return _("Do the overdue follow-up “{title}” (due {date}).").format(
            title=isolate(title), date=isolate(ctx.date(to_zone(due, ctx.user_zone).date()))
        )
    if key == DETRACTOR and facts.detractor is not None:
        name, score = facts.detractor
        return _("Call {contact} about their NPS answer of {score}.").format(
            contact=isolate(name), score=i18n.format_number(score)
        )
    if key == FALLING:
        s = facts.signals
        before = isolate(money_text(s.revenue_before or Decimal(0), facts.currency))
        now = isolate(money_text(s.revenue_now or Decimal(0), facts.currency))
        if not owner:
            return _("Review the account: revenue {before} a year ago, {now} now.").format(
                before=before, now=now
            )
        return _("Review the account with {owner}: revenue {before} a year ago, {now} now.").format(
            owner=isolate(owner), before=before, now=now
        )
    if facts.contact is None:
        return _("Add a contact person and get in touch.")
    if facts.last_touch is None:
        return _("Get in touch with {contact}; no contact is logged yet.").format(
            contact=isolate(facts.contact)
        )
    return _("Get in touch with {contact}; the last contact was on {date}.").format(
        contact=isolate(facts.contact), date=isolate(ctx.date(facts.last_touch))
    )


def _metrics_table(ctx: ReportContext, ms: MetricSet, before: MetricSet) -> Flowable:
    """The key metrics of the period beside those of the previous period of the same length,
    each with its sample in brackets, and the change."""
    rate, cnt, cell = ctx.rate_cell, i18n.format_number, ctx.money_cell

    def nps(m: MetricSet) -> str:
        return rate(m.nps, ctx.number(m.nps.value))

    def mean(m: MetricSet) -> str:
        return rate(m.csat_mean, ctx.number(m.csat_mean.value, 2))

    def life(m: MetricSet) -> str:
        return rate(m.lifespan, *_lifespan(ctx, m.lifespan))

    money = ctx.metric_change

    rows: list[list[str]] = [
        [_("Customers at the start (S)"), cnt(ms.customers_at_start),
         cnt(before.customers_at_start),
         ctx.count_change(ms.customers_at_start, before.customers_at_start)],
        [_("Acquired in the period (N)"), cnt(ms.acquired), cnt(before.acquired),
         ctx.count_change(ms.acquired, before.acquired)],
        [_("Customers at the end (E)"), cnt(ms.customers_at_end), cnt(before.customers_at_end),
         ctx.count_change(ms.customers_at_end, before.customers_at_end)],
        [_("Customer retention rate, (E − N) / S"), rate(ms.retention), rate(before.retention),
         ctx.rate_change(ms.retention, before.retention)],
        [_("Customers of S kept"), rate(ms.kept), rate(before.kept),
         ctx.rate_change(ms.kept, before.kept)],
        [_("Churn rate (customers of S lost)"), rate(ms.churn), rate(before.churn),
         ctx.rate_change(ms.churn, before.churn)],
        [_("NPS"), nps(ms), nps(before), ctx.points_change(ms.nps, before.nps, 0)],
        [_("CSAT (share of 4–5)"), rate(ms.csat), rate(before.csat),
         ctx.rate_change(ms.csat, before.csat)],
        [_("CSAT (mean, 1–5)"), mean(ms), mean(before),
         ctx.points_change(ms.csat_mean, before.csat_mean, 2)],
        [_("Referral rate"), rate(ms.referral), rate(before.referral),
         ctx.rate_change(ms.referral, before.referral)],
        [_("Revenue in the period (won deals)"), *side_by_side([ms.revenue, before.revenue]),
         ctx.total_change(ms.revenue, before.revenue)],
        [_("Average annual revenue per customer"), cell(ms.revenue_per_customer),
         cell(before.revenue_per_customer),
         money(ms.revenue_per_customer, before.revenue_per_customer)],
        [_("Annual churn"), rate(ms.annual_churn), rate(before.annual_churn),
         ctx.rate_change(ms.annual_churn, before.annual_churn)],
        [_("Expected customer lifespan (years)"), life(ms), life(before),
         ctx.points_change(ms.lifespan, before.lifespan, 1)],
        [_("Customer lifetime value"), cell(ms.lifetime_value), cell(before.lifetime_value),
         money(ms.lifetime_value, before.lifetime_value)],
        [_("Customer acquisition cost"), cell(ms.cac), cell(before.cac), money(ms.cac, before.cac)],
    ]  # fmt: skip
    return _comparison(ctx, _("Metric"), rows)


def _comparison(
    ctx: ReportContext, first: str, rows: Sequence[Sequence[str]], *, yearly: bool = False
) -> Flowable:
    """A table of figures: this period, the previous one (``yearly``: the last 12 months and
    the 12 before), the change."""
    if yearly:
        header = [first, _("Last 12 months"), _("12 months before"), _("Change")]
    else:
        header = [first, _("This period"), _("Previous period"), _("Change")]
    return _table(ctx, header, rows, [40, 22, 22, 16])


def _period_note(ctx: ReportContext, period: Period, previous: Period) -> Flowable:
    dates = {
        "start": isolate(ctx.date(period.start)),
        "end": isolate(ctx.date(period.end)),
        "previous_start": isolate(ctx.date(previous.start)),
        "previous_end": isolate(ctx.date(previous.end)),
    }
    if period.so_far:  # measured up to today (metrics.measured_up_to)
        text = _(
            "This period: {start} – {end}, so far: it was asked to run to {asked_end}, and the "
            "days still to come are not counted. Previous period: {previous_start} – "
            "{previous_end}, the same days of the period before; both converted at the same "
            "exchange rates, so a change is not a change of rates. In brackets: the sample."
        ).format(asked_end=isolate(ctx.date(period.asked.end)), **dates)
    else:
        text = _(
            "This period: {start} – {end}. Previous period: {previous_start} – {previous_end}, "
            "as long and just before it; both converted at the same exchange rates, so a "
            "change is not a change of rates. In brackets: the sample."
        ).format(**dates)
    return _p(ctx, text, SMALL)


def _deals_section(
    ctx: ReportContext, now: MetricSet, before: MetricSet, pipeline: Pipeline, *,
    yearly: bool = False,
) -> list[Flowable]:  # fmt: skip
    """Won and lost in the period beside the previous one, win rate, revenue; the deals open
    today by how long they have been open."""
    d, p = now.deals, before.deals
    cnt = i18n.format_number
    rows = [
        [_("Deals won"), cnt(d.won), cnt(p.won), ctx.count_change(d.won, p.won)],
        [_("Revenue (value of the deals won)"), *side_by_side([d.won_value, p.won_value]),
         ctx.total_change(d.won_value, p.won_value)],
        [_("Deals lost"), cnt(d.lost), cnt(p.lost), ctx.count_change(d.lost, p.lost)],
        [_("Value of the deals lost"), *side_by_side([d.lost_value, p.lost_value]),
         ctx.total_change(d.lost_value, p.lost_value)],
        [_("Win rate, won / (won + lost)"), ctx.rate_cell(d.win_rate),
         ctx.rate_cell(p.win_rate), ctx.rate_change(d.win_rate, p.win_rate)],
        [_("Average deal won"), ctx.money_cell(d.average_won), ctx.money_cell(p.average_won),
         ctx.metric_change(d.average_won, p.average_won)],
    ]  # fmt: skip
    out: list[Flowable] = [_comparison(ctx, _("Deals"), rows, yearly=yearly)]
    out.append(_h(ctx, _("Open pipeline today"), 1))
    if pipeline.count:
        out.append(_pipeline_table(ctx, pipeline))
    else:
        out.append(_p(ctx, _("No deal is open."), SMALL))
    return out


def _pipeline_table(ctx: ReportContext, pipeline: Pipeline) -> Flowable:
    """The open deals by stage, and their total."""
    rows = [
        [
            label(DEAL_STAGE, s.stage) if s.stage else _("No stage recorded"),
            i18n.format_number(s.count),
            ctx.total(s.value),
            i18n.format_number(s.open_long),
        ]
        for s in pipeline.stages
    ]
    rows.append(
        [
            _("All open deals"),
            i18n.format_number(pipeline.count),
            ctx.total(pipeline.value),
            i18n.format_number(sum(s.open_long for s in pipeline.stages)),
        ]
    )
    open_long = ngettext(
        "Open more than {n} day", "Open more than {n} days", LONG_OPEN_DAYS
    ).format(n=i18n.format_number(LONG_OPEN_DAYS))
    return _table(ctx, [_("Stage"), _("Deals"), _("Value"), open_long], rows, [34, 14, 32, 20])


def _customer_footnote(ctx: ReportContext, ms: MetricSet) -> list[Flowable]:
    """Kept + churned = 100 % of S, and the accounts won and lost inside the period (when
    there are any: at none, retention and the share of S kept agree, and the sentence only
    stood in a director's way)."""
    lines = [
        ngettext(
            "{n} account was won in the period and {lost} of S lost in it (churned).",
            "{n} accounts were won in the period and {lost} of S lost in it (churned).",
            ms.acquired,
        ).format(n=i18n.format_number(ms.acquired), lost=i18n.format_number(ms.lost)),
        ngettext(
            "{n} account was both won and lost inside the period: it is not churn of S, but "
            "retention, (E − N) / S, counts its loss, so retention and churn need not add up to "
            "100 %; customers of S kept and churned do.",
            "{n} accounts were both won and lost inside the period: they are not churn of S, "
            "but retention, (E − N) / S, counts their loss, so retention and churn need not add "
            "up to 100 %; customers of S kept and churned do.",
            ms.won_and_lost,
        ).format(n=i18n.format_number(ms.won_and_lost)),
    ]
    if not ms.won_and_lost:
        del lines[1]
    return [_p(ctx, line, SMALL) for line in lines]


def _money_notes(
    ctx: ReportContext, totals: Sequence[MoneyTotal], rates: RateBook, *,
    as_of_today: Sequence[MoneyTotal] = (),
) -> list[Any]:  # fmt: skip
    """What the amounts above are (:func:`money.amounts_note`): a small line when all are
    converted (and one on the figures as of today, ``as_of_today``, when today's rates are of
    another day), a highlighted box naming the missing rates when some are not."""
    lines = amounts_note(totals, rates.reporting, rates.asked, as_of_today=as_of_today)
    complete = all(t.complete for t in [*totals, *as_of_today])
    if complete and rates.asked == rates.reporting:
        return [_p(ctx, line, SMALL) for line in lines]
    return [_notice(ctx, lines)]


def _trend_samples(
    ctx: ReportContext, quarters: Sequence[Period], sets: Sequence[MetricSet]
) -> Flowable:
    """The trend chart's figures per quarter with their samples ("57.1% (7 *)")."""
    rows = [
        [
            i18n.format_quarter(q.start),
            ctx.rate_cell(m.retention),
            ctx.rate_cell(m.nps, ctx.number(m.nps.value)),
            ctx.rate_cell(m.csat),
        ]
        for q, m in zip(quarters, sets, strict=True)
    ]
    header = [_("Quarter"), _("Retention (%)"), _("NPS"), _("CSAT (4–5, %)")]
    return _table(ctx, header, rows, [25, 25, 25, 25])


def _sample_note() -> str:
    return _(
        "In brackets and under “Sample”: how many customers or answers a figure rests on; * "
        "marks fewer than {n}: read it with care."
    ).format(n=i18n.format_number(SMALL_SAMPLE))


def _lifespan(ctx: ReportContext, m: MetricValue) -> tuple[str, str]:
    """The expected lifespan as its cell shows it, and "the cap" when it is capped (said in
    the cell's one pair of brackets: "10.0 (the cap, 162)")."""
    if m.value is None:
        return unavailable_text(m.reason), ""
    if m.value >= LIFESPAN_CAP_YEARS:
        return ctx.number(m.value, 1), _("the cap")
    return ctx.number(m.value, 1), ""


def calendar_buckets(period: Period, size: int) -> list[Period]:
    """The trend charts' months (``size`` 1) or quarters (3), in the current language's
    calendar (Solar Hijri in Persian)."""
    return calendar_periods(period, size, i18n.current_calendar())


def _partial_note(ctx: ReportContext, shown: Sequence[Period], kind: str) -> str:
    """Which months or quarters (of the report's calendar) a chart covers only in part
    (:func:`queries.reports.partial_note`, which the Reports screen says too)."""
    from accountdesk.core.queries.reports import partial_note

    return partial_note(shown, kind)


def _definitions(ctx: ReportContext) -> list[Any]:
    """The appendix: how every figure is counted (README says the same)."""
    rows = [
        (_("Customer"), _(
            "An account is a customer from its “customer since” date until the day before it "
            "was lost; prospects never count. S: customers on the day before the period "
            "starts; N: accounts acquired in the period; E: customers on its last day."
        )),
        (_("Won back"), _(
            "A lost account made a customer again keeps its earlier period: the win-back is "
            "an acquisition (N) of its period, the earlier loss stays churn of its own period, "
            "and customer-years add up over the periods. The acquisition cost and the referral "
            "count once, in the first period."
        )),
        (_("Customer retention rate"), _(
            "(E − N) / S × 100. An account won and lost inside the period lowers it."
        )),
        (_("Customers of S kept, churn rate"), _(
            "Customers of S still customers at the end, and those lost in the period, each / S "
            "× 100: together all of S (100 %)."
        )),
        (_("NPS"), _(
            "promoters (9–10) % − detractors (0–6) %, counting each contact's latest NPS "
            "answer in the period. Sample: the answers counted."
        )),
        (_("CSAT"), _(
            "Every CSAT answer dated in the period counts: survey answers and the CSAT score "
            "logged on an interaction (on the day it happened, where it happened), each once. "
            "Share: answers of 4 or 5 / all answers × 100; mean: the average score (1–5)."
        )),
        (_("Revenue"), _(
            "The deals won in the period (their closing date), converted into the reporting "
            "currency. Revenue to date: every deal an account has won so far."
        )),
        (_("Customer lifetime value"), _(
            "Average annual revenue per customer × expected lifespan. Annual revenue per "
            "customer: revenue in the period / the years the accounts were customers in it, "
            "added up. Expected lifespan: 1 / annual churn, at most {cap} years; annual churn "
            "is the period's churn as a yearly rate, 1 − (1 − churn)^(1 / years). Fewer than "
            "{n} customers at the start, or a period shorter than {days} days (too short to be "
            "made a year's): not enough data."
        ).format(
            cap=i18n.format_number(LIFESPAN_CAP_YEARS), n=i18n.format_number(SMALL_SAMPLE),
            days=i18n.format_number(SHORTEST_YEARLY),
        )),
        (_("Customer acquisition cost"), _(
            "The acquisition cost of the accounts acquired in the period (in each account's "
            "currency, converted) / their number; a cost not recorded counts as 0."
        )),
        (_("Referral rate"), _(
            "Accounts acquired in the period that another account referred / accounts "
            "acquired × 100."
        )),
        (_("Money"), _(
            "Amounts are converted into the reporting currency at the exchange rates in force "
            "on the period's last day (the latest rate on or before it, else the earliest "
            "after it); figures as of today (the open pipeline, the accounts at risk, revenue "
            "to date) at today's. Without a rate for a currency, totals are shown per currency "
            "and never added up."
        )),
        (_("Sample"), _(
            "How many customers (retention, churn, lifetime value, referral rate and CAC: S or "
            "N) or answers (NPS, CSAT) a figure rests on; below {n} it is marked with *."
        ).format(n=i18n.format_number(SMALL_SAMPLE))),
        (_("Previous period"), _(
            "The period just before, as long: as many calendar months when the period is made "
            "of whole months (a year: the year before), else as many days; converted at the "
            "same exchange rates. Change: of a count, the difference; of a rate, in percentage "
            "points (pp); of NPS and a mean, in points; of money, as a percentage of the "
            "previous amount."
        )),
        (_("Deals"), _(
            "Won and lost: the deals closed in the period, by their closing date. Win rate: "
            "won / (won + lost) × 100, by number. Open pipeline: the deals open today, by the "
            "stage recorded on each; those entered more than {days} days ago are counted "
            "again in the last column."
        ).format(days=i18n.format_number(LONG_OPEN_DAYS))),
        (_("Accounts at risk"), _(
            "Customers today scoring {threshold} points or more: {overdue} per overdue "
            "follow-up (at most {overdue_max}); {detractor} per contact whose latest NPS answer "
            "of the last 12 months is 0–6 (at most {detractor_max}); {silence} for no "
            "interaction for longer than the stay-in-touch cadence (the shortest of its "
            "contacts'), {long_silence} for more than twice as long; {falling} when the revenue "
            "of the last 12 months is below that of the 12 before, {halved} when below half of "
            "it. Listed by value at stake (a year of revenue: the last 12 months, or the 12 "
            "before when more), at most {shown}, with each reason's points and a next step for "
            "the reason with the most."
        ).format(**{
            key: i18n.format_number(value) for key, value in (
                ("threshold", RISK_THRESHOLD), ("overdue", OVERDUE_POINTS),
                ("overdue_max", OVERDUE_MAX), ("detractor", DETRACTOR_POINTS),
                ("detractor_max", DETRACTOR_MAX), ("silence", SILENCE_POINTS),
                ("long_silence", LONG_SILENCE_POINTS), ("falling", FALLING_POINTS),
                ("halved", HALVED_POINTS), ("shown", AT_RISK_SHOWN),
            )
        })),
        (_("Stay-in-touch cadence"), _(
            "How long an account may go without an interaction: the shortest cadence of its "
            "contacts (their own, their account tier's or their NPS band's), else {days} days. "
            "A customer silent for longer is at risk."
        ).format(days=i18n.format_number(DEFAULT_CADENCE_DAYS))),
    ]  # fmt: skip
    return [_h(ctx, _("Definitions"), 1), _kv(ctx, rows)]


# --- trip brief -------------------------------------------------------------------------


def trip_brief(
    db: Database, target: str | Path, country: str, start: date, end: date, *,
    city: str | None = None, lang: str | None = None, now: datetime | None = None,
    user_zone: str = "UTC", include_lost: bool = False,
) -> None:  # fmt: skip
    """The brief for a trip to ``country`` (or one ``city`` of it): accounts there with their
    status and contacts' details (lost accounts only with ``include_lost``), time difference,
    holidays and seasons, meeting slots, etiquette."""
    ctx = _context(lang, now, user_zone)
    code = validation.country(country)
    period = checked_period(start, end)
    city = trip_city(db, code, city) if city else None  # an unknown city writes nothing
    with i18n.use_language(ctx.lang):
        story, title = _trip_story(db, ctx, code, city, period, include_lost)
        _build(target, ctx, title, _("Trip brief"), story)


def trip_city(db: Database, country: str, city: str) -> str:
    """The city of contacts in ``country``, or of accounts there, that ``city`` names, as
    stored, matched as search folds text (case and accents ignored: "istanbul" is İstanbul,
    "riga" is Rīga); UserError naming the cities there when none is, and nothing written.
    An unmatched city gave a brief of no account at all ("Tehran", where the contacts are in
    تهران; "Atlantis")."""
    with db.reader() as s:
        cities = s.scalars(
            select(Contact.city)
            .join(Account, Account.id == Contact.account_id)
            .where(
                Contact.country == country,
                Contact.city.is_not(None),
                Contact.deleted_at.is_(None),
                Account.deleted_at.is_(None),
            )
            .distinct()
        ).all()
        # an account's own city, where no contact of it is stored there (Wien)
        cities = [
            *cities,
            *s.scalars(
                select(Account.city)
                .where(
                    Account.country == country,
                    Account.city.is_not(None),
                    Account.deleted_at.is_(None),
                )
                .distinct()
            ),
        ]
    name = i18n.country_name(country)
    return choice(
        list(dict.fromkeys(c for c in cities if c and c.strip())), city,
        _("No contact in {country} is in \u201c{value}\u201d; no contact there has a city."),
        _("No contact in {country} is in \u201c{value}\u201d; the cities there are: {values}."),
        country=name,
    )  # fmt: skip


def _trip_story(
    db: Database, ctx: ReportContext, country: str, city: str | None, period: Period,
    include_lost: bool = False,
) -> tuple[list[Any], str]:  # fmt: skip
    with db.reader() as s:
        q = (
            select(Contact, Account)
            .join(Account, Account.id == Contact.account_id)
            .where(
                Contact.deleted_at.is_(None),
                Account.deleted_at.is_(None),
                Contact.country == country,
            )
        )
        read: list[tuple[Contact | None, Account]] = [
            (c, a) for c, a in s.execute(q.order_by(Account.id, Contact.id))
        ]
        if city:
            # the city as search finds it (db.fts.fold: "istanbul" and "İSTANBUL" are
            # İstanbul, "riga" is Rīga; :func:`trip_city` found it as stored); SQL's lower()
            # changed ASCII letters only, so not even "İstanbul" found İstanbul
            read = [(c, a) for c, a in read if c is not None and fold(c.city or "") == fold(city)]
        # the accounts there without a contact there (none stored yet, or all elsewhere): in
        # the list too, with their own city and zone; they were left out without a word
        met = {a.id for _c, a in read}
        alone = [
            a
            for a in s.scalars(
                select(Account)
                .where(Account.deleted_at.is_(None), Account.country == country)
                .order_by(Account.id)
            )
            if a.id not in met and (not city or fold(a.city or "") == fold(city))
        ]
        read += [(None, a) for a in alone]
        # by account, then person, in the report language's order (SQL's order of code
        # points put "Zorlu" before "Çelik" and "Zariņš" before "Ābele")
        account_place = icu.ranks(a.name for _c, a in read)
        # (a Thai contact by the given name, as the contact list orders them)
        person = icu.person_order((c.family_name, c.given_name, c.country) for c, _a in read if c)
        every = sorted(
            read,
            key=lambda ca: (
                account_place[ca[1].name],
                ca[1].id,
                person(ca[0].family_name, ca[0].given_name, ca[0].country) if ca[0] else (0, 0),
            ),
        )
        lost = {a.id for _c, a in every if a.status == "lost"}
        found = [(c, a) for c, a in every if include_lost or a.status != "lost"]
        rows = [
            [
                a.name,
                label(STATUS, a.status),
                _contact_cell(c) if c else _("No contact stored there"),
                _reach(c) if c else "—",
                (c.city if c else a.city) or "—",
            ]
            for c, a in found
        ]
        # where the people visited are: the contacts there, and the accounts without one
        # where their zone is known (an account of a file may have none)
        visited = [(c.subdivision, c.timezone) for c, _a in found if c]
        visited += [
            (a.subdivision, zone)
            for c, a in found
            if c is None and (zone := a.timezone or main_zone(country, a.subdivision))
        ]
        without = [a for c, a in found if c is None]
        contact_zones = Counter(zone for _sub, zone in visited)
        zone, main, regions = _visited(country, visited)
        notes = [
            n.body
            for n in s.scalars(
                select(CountryNote).where(
                    CountryNote.country == country, CountryNote.deleted_at.is_(None)
                )
            )
        ]
    place = f"{city}, {i18n.country_name(country)}" if city else i18n.country_name(country)
    title = _("Trip brief: {place}, {start} – {end}").format(
        place=place, start=ctx.date(period.start), end=ctx.date(period.end)
    )
    outlook, elsewhere = _trip_days(ctx, country, zone, main, regions, period)
    seasons = seasons_between(country, period.start, period.end, ctx.lang)
    story: list[Any] = [_h(ctx, title)]
    warnings = _trip_warnings(ctx, country, outlook, seasons, elsewhere)
    if warnings:
        story.append(_notice(ctx, warnings))
    story.append(_h(ctx, _("Accounts and contacts"), 1))
    header = [_("Account"), _("Status"), _("Contact"), _("Phone and e-mail"), _("City")]
    story.append(_table(ctx, header, rows, [20, 11, 20, 35, 14]))
    if without:
        story.append(
            _p(
                ctx,
                ngettext(
                    "{n} account there has no contact stored there: add the people you will "
                    "meet, for their phones and e-mail addresses, and for their time zone and "
                    "region in the plans below.",
                    "{n} accounts there have no contact stored there: add the people you will "
                    "meet, for their phones and e-mail addresses, and for their time zone and "
                    "region in the plans below.",
                    len(without),
                ).format(n=i18n.format_number(len(without))),
                SMALL,
            )
        )
    if lost and not include_lost:
        story.append(
            _p(
                ctx,
                ngettext(
                    "{n} lost account there is left out.",
                    "{n} lost accounts there are left out.",
                    len(lost),
                ).format(n=i18n.format_number(len(lost))),
                SMALL,
            )
        )
    story.append(_h(ctx, _("Time difference"), 1))
    # During the trip (the clocks may change before it or in it), not at the report's date.
    for each in sorted(contact_zones) or [zone]:
        story.append(_p(ctx, _zone_during_trip(ctx, each, period)))
    story.append(_h(ctx, _("Holidays and seasons during the trip"), 1))
    # the holidays of the regions of the people visited (Epiphany in Bavaria), as the
    # contact panel finds them
    places = [(country, sub) for sub in sorted(regions, key=lambda r: r or "")]
    hrows = _holiday_rows(ctx, places, period.start, period.end)
    story.append(
        _table(ctx, [_("Date"), _("Country"), _("Holiday or season")], hrows, [22, 18, 60])
    )
    story.append(_h(ctx, _("Suggested meeting slots"), 1))
    story.append(
        _p(
            ctx,
            _(
                "Local time in {zone}. Working hours there: {start}–{end}; one-hour meetings "
                "inside them, never on the weekend or a public holiday."
            ).format(
                zone=i18n.zone_name(zone),
                start=i18n.format_time(outlook.hours.start),
                end=i18n.format_time(outlook.hours.end),
            ),
            SMALL,
        )
    )
    # a working day's observances (National Aviation Day in Thailand), as the table above
    # names them: meetings are offered that day, and the table says why
    observances: dict[date, list[str]] = defaultdict(list)
    for day, named in by_day(
        h for c, sub in places for h in observed_between(c, sub, period.start, period.end, ctx.lang)
    ):
        observances[day].extend(_holiday_name(h) for h in named if not h.is_public)
    story.append(
        _table(
            ctx,
            [_("Date"), _("Local time"), _("Notes")],
            _slot_rows(ctx, outlook, seasons, elsewhere, observances),
            [38, 24, 38],
        )
    )
    if len(outlook.days) > TRIP_DAYS_SHOWN:
        last = outlook.days[TRIP_DAYS_SHOWN - 1].day
        story.append(
            _p(
                ctx,
                ngettext(
                    "The table lists the first {n} day of the trip, to {date}; make a brief "
                    "from {next} for the days after it.",
                    "The table lists the first {n} days of the trip, to {date}; make a brief "
                    "from {next} for the days after them.",
                    TRIP_DAYS_SHOWN,
                ).format(
                    n=i18n.format_number(TRIP_DAYS_SHOWN),
                    date=isolate(ctx.date(last)),
                    next=isolate(ctx.date(last + timedelta(days=1))),
                ),
                SMALL,
            )
        )
    story.append(_h(ctx, _("Etiquette briefing"), 1))
    story.extend(_etiquette(ctx, [country]))
    for body in notes:
        story.append(_p(ctx, body))
    return story, title


#: The trip brief's table lists at most this many days.
TRIP_DAYS_SHOWN = 62
NOTICE = TextStyle(size=9.5, color="#3B3000")


def _zone_during_trip(ctx: ReportContext, zone: str, period: Period) -> str:
    """A zone's offset from UTC during the trip and its difference from the user's: one
    sentence when they hold for the whole trip, else each with the days it holds (New York's
    clocks go forward on 14 March 2027, Riga's on the 28th: "UTC−05:00 until 13 Mar 2027, 7 h
    behind you; UTC−04:00 from 14 Mar 2027 …"); it stated the first day's as holding
    "during the trip". The offset ("UTC+03:30") is one left-to-right value, so a Persian
    sentence does not show it as "03:30+UTC"."""
    spans: list[tuple[date, date, datetime]] = []  # first and last day, noon of the first
    known: tuple[timedelta, timedelta] | None = None
    day = period.start
    while day <= period.end:
        noon = resolve_wall_time(datetime.combine(day, time(12)), zone).instant
        now = (utc_offset(zone, noon), offset_between(ctx.user_zone, zone, noon))
        if spans and now == known:
            spans[-1] = (spans[-1][0], day, spans[-1][2])
        else:
            spans.append((day, day, noon))
        known = now
        day += timedelta(days=1)
    name = isolate(i18n.zone_name(zone))

    def offset(at: datetime) -> str:
        return ltr(_offset(zone, at))

    def difference(at: datetime) -> str:
        return offset_to_you(offset_between(ctx.user_zone, zone, at))

    if len(spans) == 1:
        at = spans[0][2]
        return _("{zone}: {offset} during the trip, {difference}.").format(
            zone=name, offset=offset(at), difference=difference(at)
        )
    parts = []
    for i, (first, last, at) in enumerate(spans):
        if i == 0:
            text = _("{offset} until {date}, {difference}").format(
                offset=offset(at), date=isolate(ctx.date(last)), difference=difference(at)
            )
        elif i == len(spans) - 1:
            text = _("{offset} from {date}, {difference}").format(
                offset=offset(at), date=isolate(ctx.date(first)), difference=difference(at)
            )
        else:
            text = _("{offset} from {start} to {end}, {difference}").format(
                offset=offset(at), start=isolate(ctx.date(first)), end=isolate(ctx.date(last)),
                difference=difference(at),
            )  # fmt: skip
        parts.append(text)
    return _("{zone}: the difference changes during the trip; {spans}.").format(
        zone=name, spans=i18n.join_clauses(parts)
    )


def _visited(
    country: str, places: Sequence[tuple[str | None, str]]
) -> tuple[str, str | None, dict[str | None, str]]:
    """Where the people visited are, from the (region, zone) of each contact there and of
    each account there without one: the place's clock (the zone most of them are in, else the
    country's main zone), the region of most of them on that clock, and each region (as the
    contact panel reads it) with the zone most of its people are in. With none: the country
    as a whole, on the clock its people keep; a country of several clocks (Canada) is
    refused, never planned in the time of one of its zones taken at random
    (Newfoundland's)."""
    zones = Counter(zone for _sub, zone in places)
    if zones:
        zone = zones.most_common(1)[0][0]
    else:
        found = main_zone(country)
        if found is None:
            raise UserError(
                _(
                    "{country} keeps several clocks and no contact of yours there tells "
                    "which one: add the people you will meet (with their time zone), then "
                    "make the brief again."
                ).format(country=i18n.country_name(country))
            )
        zone = found
    by_region: dict[str | None, Counter[str]] = defaultdict(Counter)
    for sub, there in places:
        by_region[sub or None][there] += 1
    if not by_region:
        return zone, None, {None: zone}
    main = Counter(sub or None for sub, there in places if there == zone)
    regions = {sub: found.most_common(1)[0][0] for sub, found in by_region.items()}
    return zone, main.most_common(1)[0][0], regions


#: Regions of the people visited where a day of the trip is not a working day, by name, with
#: that day there: the days some of them work and others do not.
Elsewhere = Mapping[date, Sequence[tuple[str, TripDay]]]


def _trip_days(
    ctx: ReportContext, country: str, zone: str, main: str | None,
    regions: Mapping[str | None, str], period: Period,
) -> tuple[TripOutlook, Elsewhere]:  # fmt: skip
    """The days of a trip for the people visited, by the planner's rule for each of their
    regions (:func:`trip_outlook`, the rule of the contact panel): the slots of the main
    place (``zone``, the region ``main``) on a day that is a working day in every region
    visited, none on a day that is a holiday or weekend in any of them (Epiphany in Bavaria
    on a trip to Germany). Also the days only some of the regions do not work, or that are
    a regional holiday, with those regions by name."""
    outlooks = {
        sub: trip_outlook(
            country,
            sub,
            zone if sub == main else there,
            period.start,
            period.end,
            lang=ctx.lang,
        )
        for sub, there in regions.items()
    }
    named = {
        sub: subdivision_name(country, sub, ctx.lang) if sub else i18n.country_name(country)
        for sub in regions
    }
    home = outlooks[main]
    days: list[TripDay] = []
    elsewhere: dict[date, list[tuple[str, TripDay]]] = {}
    for i, day in enumerate(home.days):
        off = [(sub, o.days[i]) for sub, o in outlooks.items() if o.days[i].state is not None]
        reasons = {(d.state, d.holiday) for _sub, d in off}
        regional = any(
            d.state == "holiday"
            and (kept := holiday_on(country, sub, d.day, ctx.lang)) is not None
            and kept.is_regional
            for sub, d in off
            if sub is not None
        )  # Epiphany on a trip to Munich: a holiday in Bavaria, not in Germany
        if off and (len(off) < len(outlooks) or len(reasons) > 1 or regional):
            order = sorted(off, key=lambda item: (item[0] != main, named[item[0]]))
            elsewhere[day.day] = [(named[sub], d) for sub, d in order]
        if day.state is None and off:
            first = off[0][1]
            day = TripDay(day.day, first.state, first.holiday)  # no meeting that day
        days.append(day)
    return TripOutlook(zone, home.hours, tuple(days)), elsewhere


def _trip_warnings(
    ctx: ReportContext,
    country: str,
    outlook: TripOutlook,
    seasons: Sequence[Season],
    elsewhere: Elsewhere | None = None,
) -> list[str]:
    """What to know before booking: the public holidays during the trip (the planner's rule,
    as in the slots; one on a weekend too, when shops close and people travel; one of only
    some of the regions visited with those regions), the seasons during it, and whether
    hardly any of it is working time there."""
    elsewhere = elsewhere or {}
    found: list[str] = []
    total = len(outlook.days)
    if outlook.mostly_off:
        found.append(
            ngettext(
                "Almost all of this trip is holiday: only {working} of its {days} day is a "
                "working day in {country}.",
                "Almost all of this trip is holiday: only {working} of its {days} days are "
                "working days in {country}.",
                total,
            ).format(
                working=i18n.format_number(outlook.working_days),
                days=i18n.format_number(total),
                country=i18n.country_name(country),
            )
        )
    everywhere = [d for d in outlook.days if d.day not in elsewhere]
    for name, first, last in _holiday_spans(everywhere):
        when = ctx.date(first) if first == last else f"{ctx.date(first)} – {ctx.date(last)}"
        found.append(
            _("Public holiday in {country} during the trip: {name} ({when}).").format(
                country=i18n.country_name(country), name=name, when=when
            )
        )
    regional: dict[tuple[str, ...], list[TripDay]] = defaultdict(list)
    for day, off in sorted(elsewhere.items()):
        for name in dict.fromkeys(d.holiday for _r, d in off if d.holiday):
            where = tuple(r for r, d in off if d.holiday == name)
            regional[where].append(TripDay(day, "holiday", name))
    for where, held in regional.items():
        for name, first, last in _holiday_spans(held):
            when = ctx.date(first) if first == last else f"{ctx.date(first)} – {ctx.date(last)}"
            found.append(
                _("Public holiday in {regions} ({country}) during the trip: {name} ({when}).")
                .format(
                    regions=join_list(isolate(r) for r in where),
                    country=i18n.country_name(country), name=name, when=when,
                )
            )  # fmt: skip
    for season in seasons:
        found.append(
            _("The trip falls in {season} ({start} – {end}): {advice}").format(
                season=season.name,
                start=ctx.date(season.start),
                end=ctx.date(season.end),
                advice=season.advice,
            )
        )
    return found


def _holiday_spans(days: Sequence[TripDay]) -> list[tuple[str, date, date]]:
    """Holidays of one name on neighbouring days as one span (Nowruz Holiday, 22–24 March)."""
    spans: list[tuple[str, date, date]] = []
    for day in days:
        if day.holiday is None or day.state is None:  # a weekend's holiday too
            continue
        name = day.holiday
        if spans and spans[-1][0] == name and spans[-1][2] + timedelta(days=1) == day.day:
            spans[-1] = (name, spans[-1][1], day.day)
        else:
            spans.append((name, day.day, day.day))
    return spans


def _notice(ctx: ReportContext, lines: Sequence[str]) -> Flowable:
    """A highlighted box of short paragraphs, kept on one page (:class:`KeepTogether`: moved
    to the next page whole when it does not fit at the foot of this one; the missing-rate note
    of an account report began at the foot of page 1 and ended on page 2)."""
    total = PAGE[0] - 2 * MARGIN
    table = Table([[_p(ctx, line, NOTICE)] for line in lines], colWidths=[total], spaceAfter=8)
    table.setStyle(
        RLTableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.LATIN), 8),  # no Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF4C2")),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#E0C96A")),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([table])


def _slot_rows(
    ctx: ReportContext,
    outlook: TripOutlook,
    seasons: Sequence[Season],
    elsewhere: Elsewhere | None = None,
    observances: Mapping[date, Sequence[str]] | None = None,
) -> list[list[object]]:
    """Every day of the trip (the first :data:`TRIP_DAYS_SHOWN`): the suggested meeting times
    (the planner's good slots), or why there are none, in each region visited that does not
    work that day when not all of them (``elsewhere``); on a working day, the holidays of
    that day that are no public holiday (``observances``, named with their kinds as the
    holiday table names them); the seasons a day falls in."""
    elsewhere = elsewhere or {}
    observances = observances or {}
    out: list[list[object]] = []
    for day in outlook.days[:TRIP_DAYS_SHOWN]:
        times = "—"
        if day.slots:
            times = format_list(i18n.format_time(s.replace(tzinfo=None)) for s in day.slots)
        if day.day in elsewhere:
            notes = _region_notes(elsewhere[day.day])
        else:
            notes = [_day_note(day)] if day.state is not None else []
        if day.state is None:
            notes += observances.get(day.day, [])
        holiday = (day.holiday or "").casefold()
        notes += [
            s.name for s in seasons if s.contains(day.day) and s.name.casefold() not in holiday
        ]
        out.append([ctx.date(day.day, "full"), times, i18n.join_clauses(notes)])
    return out


def _day_note(day: TripDay) -> str:
    if day.state == "holiday":
        return _("Holiday: {name}").format(name=day.holiday or "")
    if day.holiday:
        return _("Weekend; holiday: {name}").format(name=day.holiday)
    return _("Weekend")


def _region_notes(off: Sequence[tuple[str, TripDay]]) -> list[str]:
    """Why some of the regions visited do not work on a day: "Holiday in Bavaria:
    Epiphany", "Weekend in Kelantan"; regions off for one reason together."""
    grouped: dict[tuple[str | None, str | None], list[str]] = {}
    for region, day in off:
        grouped.setdefault((day.state, day.holiday), []).append(isolate(region))
    notes = []
    for (state, holiday), regions in grouped.items():
        where = join_list(regions)
        if state == "holiday":
            notes.append(_("Holiday in {regions}: {name}").format(regions=where, name=holiday))
        elif holiday:
            notes.append(
                _("Weekend in {regions}; holiday: {name}").format(regions=where, name=holiday)
            )
        else:
            notes.append(_("Weekend in {regions}").format(regions=where))
    return notes


# --- personal data summary -------------------------------------------------------------


def personal_data_summary(
    data: Mapping[str, Any], full_file: str, *, lang: str | None = None,
    now: datetime | None = None,
) -> bytes:  # fmt: skip
    """The short PDF beside a contact's personal data export (``services/privacy.py``): their
    details and how many records of each kind are stored; ``full_file`` holds them all."""
    ctx = _context(lang, now, "UTC")
    with i18n.use_language(ctx.lang):
        c = data["contact"]
        # whom it is about: the name as stored, in the person's own order; a form of address
        # leaves part of it out ("آقای رضایی", "คุณวิชัย", "Tanaka-san")
        full = display_name(c["given_name"], c["family_name"] or "", c["name_order"])
        title = _("Personal data held about {name}").format(name=person_name(full))
        story: list[Any] = [
            _h(ctx, title),
            _p(
                ctx,
                _(
                    "A summary of what AccountDesk stores about this person. The file {file} "
                    "holds every record in full, in a form other programs can read (JSON)."
                ).format(file=full_file),
            ),
            _h(ctx, _("Details"), 1),
            _kv(ctx, _personal_details(ctx, data)),
            _h(ctx, _("Records"), 1),
            _table(
                ctx,
                [_("Kind of record"), _("How many")],
                [
                    [heading, ctx.number(len(data[key]))]
                    for key, heading in (
                        ("important_dates", _("Important dates")),
                        ("interactions", _("Interactions they took part in")),
                        ("follow_ups", _("Follow-ups")),
                        ("survey_responses", _("Survey answers")),
                        ("gifts", _("Gifts")),
                        ("notes", _("Notes")),
                        ("records_that_mention_them", _("Other records that mention them")),
                    )
                ],
                [70, 30],
            ),
        ]
        out = io.BytesIO()
        _build(out, ctx, title, _("Personal data summary"), story)
    return out.getvalue()


#: Free text longer than this is cut in the summary (a table row cannot span pages; the JSON
#: file holds it whole).
_SUMMARY_TEXT = 600


def _personal_details(ctx: ReportContext, data: Mapping[str, Any]) -> list[tuple[str, object]]:
    c = data["contact"]

    def free(value: str | None) -> str:
        if not value:
            return "—"
        return value if len(value) <= _SUMMARY_TEXT else value[:_SUMMARY_TEXT].rstrip() + "…"

    def day(value: str | None) -> str:
        return ctx.date(date.fromisoformat(value[:10])) if value else "—"

    dates = [
        _("{kind}: {date}").format(
            kind=d["label"] or label(DATE_KIND, d["kind"]),
            date=ctx.date(date(d["year"], d["month"], d["day"]))
            if d["year"]
            else i18n.format_month_day(d["month"], d["day"]),
        )
        for d in data["important_dates"]
    ]
    full = display_name(c["given_name"], c["family_name"] or "", c["name_order"])
    address = form_of_address(
        c["honorific"], c["given_name"], c["family_name"] or "", c["name_order"],
        country=c["country"], formality=c["formality"],
    )  # fmt: skip
    rows: list[tuple[str, object]] = [
        (_("Name"), person_name(full)),
        (_("Addressed as"), person_name(address)),
        (_("Account"), data["account"]["name"]),
        (_("Job title"), c["job_title"] or "—"),
        (_("E-mails"), _listed(c["emails"])),
        (_("Phones"), _listed(c["phones"], validation.phone_shown)),
        (_("Place"), join_list(v for v in (c["city"], i18n.country_name(c["country"])) if v)),
        (  # the city as the language names it, and the id as stored ("Lagos (Africa/Lagos)")
            _("Time zone"),
            _("{name} ({code})").format(name=i18n.zone_name(c["timezone"]), code=ltr(c["timezone"]))
            if c["timezone"]
            else "—",
        ),
        (_("Preferred channel"), label(CHANNEL, c["preferred_channel"]) or "—"),
        (
            _("Preferred language"),
            i18n.language_name(c["preferred_language"]) if c["preferred_language"] else "—",
        ),
        (_("Important dates"), "\n".join(dates) or "—"),
        (_("Tags"), join_list(data["tags"]) or "—"),
        (_("Personal notes"), free(c["personal_notes"])),
        (_("How we met"), free(c["how_we_met"])),
        (_("Lawful basis"), label(LAWFUL_BASIS, c["lawful_basis"]) or "—"),
        (_("Consent given on"), day(c["consent_given_on"])),
        (_("Consent withdrawn on"), day(c["consent_withdrawn_on"])),
        (_("Marketing"), _("Yes") if c["marketing_opt_in"] else _("No")),
        (_("Stored since"), day(c["created_at"])),
    ]
    if c["deleted_at"]:
        rows.append((_("In the trash since"), day(c["deleted_at"])))
    return rows


__all__ = [
    "account_report",
    "find_account",
    "personal_data_summary",
    "portfolio_report",
    "trip_brief",
]


def _when(ctx: ReportContext, instant: datetime, zone: str) -> str:
    """The date and time in ``zone`` (kept on one line) and the zone as the language names
    its city."""
    shown = ctx.whole(i18n.format_when(instant, ZoneInfo(zone)))
    return f"{shown} ({isolate(i18n.zone_name(zone))})"
