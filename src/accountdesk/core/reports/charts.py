"""Charts drawn with ReportLab graphics, wrapped in a flowable that adds the words.

The plot itself (bars, lines, axes) is a ReportLab drawing; the value tick labels (numbers in
the language's digits and minus sign), the category labels (month and quarter names), axis
titles and the legend are laid out by :mod:`.textlayout` (each character in a font that has
it, Thai and Persian shaped, right to left resolved; a label wider than its category wraps
onto a second line) and drawn around the plot by :class:`Chart`. ReportLab drew the tick
labels in one font: Slovenian's minus sign "−" (U+2212), which Noto Sans lacks, was left
out, so the axis under zero read "50" for −50. In a right-to-left report the
category axis runs right to left and the value axis stands on the right.

Months and quarters are those of the report language's calendar (the documents bucket them
with :func:`accountdesk.core.calendars.spans` and label them with
:func:`accountdesk.core.i18n.format_month_compact` and ``format_quarter``):
a Persian report counts Solar Hijri months (a Gregorian month straddles two of them, so
Gregorian buckets under Persian names would mislabel half of every bar), a Thai one Gregorian
months labelled with Buddhist-era years (พ.ศ. 2569), and no label has a two-digit year.

Counts get whole-number ticks; every value axis is widened to whole ticks that hold every
value, so no line runs outside its axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.platypus import Flowable

from accountdesk.core import i18n
from accountdesk.core.i18n import N_, _
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import (
    Line,
    TextStyle,
    draw_line,
    draw_text,
    layout,
    mirror,
    text_width,
    unbroken_width,
)

ACCENT = colors.HexColor("#2F5D8A")
SECOND = colors.HexColor("#C77C2E")
THIRD = colors.HexColor("#4E9A5B")
SERIES_COLOURS = (ACCENT, SECOND, THIRD)
GRID = colors.HexColor("#DDE3EA")
TITLE = TextStyle(size=7.5, color="#555555")
LEGEND = TextStyle(size=8, color="#333333")
CATEGORY = TextStyle(size=7, color="#222222", align="center")
TICK = TextStyle(size=7, color="#222222")
EMPTY = TextStyle(size=9, color="#555555")
#: Room between the value axis and its tick labels.
TICK_GAP = 4.0
#: Room left of (right of, in a right-to-left report) the plot for the value labels and the
#: value axis title, and below it for the category labels and the category axis title.
SIDE, BOTTOM = 44.0, 30.0


def _label_font(lang: str) -> str:
    # the renderer starts every drawing in this font; keep it one we embed
    STATE_DEFAULTS["fontName"] = fonts.require(fonts.font_name(fonts.LATIN))
    return fonts.require(fonts.font_name(fonts.PERSIAN if lang == "fa" else fonts.LATIN))


def _tick_format(lang: str) -> Callable[[float], str]:
    """Tick labels as numbers of the language (i18n: its digits, its minus sign), whole
    when they are."""

    def fmt(value: float) -> str:
        with i18n.use_language(lang):
            if float(value).is_integer():
                return i18n.format_number(int(value))
            return i18n.format_number(value)

    return fmt


def nice_step(span: float, ticks: int = 5, *, whole: bool = False) -> float:
    """A step of 1, 2, 2.5 or 5 × 10^k that divides ``span`` into about ``ticks`` parts;
    at least 1 when ``whole`` (counts)."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= raw:
            break
    if whole:
        step = max(1.0, float(math.ceil(step)))
    return float(step)


def axis_range(
    values: Sequence[float], floor: float = 0.0, ceiling: float = 0.0, *, whole: bool = False
) -> tuple[float, float, float]:
    """(minimum, maximum, step) of a value axis on whole steps that hold every value and
    ``floor`` … ``ceiling``."""
    low = min([floor, *values])
    high = max([ceiling, *values])
    if high == low:
        high = low + 1
    step = nice_step(high - low, whole=whole)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


@dataclass(frozen=True)
class Series:
    """A line of a line chart: its name (for the legend) and a value per category."""

    name: str
    values: Sequence[float | None]


class Chart(Flowable):  # type: ignore[misc]
    """A plot with its axis titles and legend, laid out for the report's script."""

    def __init__(
        self,
        drawing: Drawing,
        *,
        rtl: bool,
        x_title: str = "",
        y_title: str = "",
        legend: Sequence[tuple[str, colors.Color]] = (),
        note: str = "",
        categories: Sequence[str] = (),
        plot: tuple[float, float] = (0.0, 0.0),
        ticks: Sequence[tuple[float, str]] = (),
        short_categories: Sequence[str] = (),
        empty: str = "",
    ) -> None:
        super().__init__()
        self.drawing = drawing
        #: said in the middle of the plot when it has nothing to show
        self.empty = empty
        self.rtl = rtl
        self.x_title = x_title
        self.y_title = y_title
        self.legend = list(legend)
        self.note = note
        #: category labels in visual order (mirrored in a right-to-left report) and the
        #: plot's left edge and width, for drawing them centred under their categories
        self.categories = list(categories)
        #: the same labels short ("1401 Q1" for "Q1 1401"), in the same order, for when a
        #: label does not fit its category in two lines without cutting a word
        self.short_categories = list(short_categories)
        self.plot = plot
        #: the value axis's tick labels and their heights in the drawing
        self.ticks = list(ticks)
        self.legend_height = 14.0 if legend or note else 0.0
        self.width = float(drawing.width)
        self.height = float(drawing.height) + self.legend_height
        self.spaceAfter = 6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        renderPDF.draw(self.drawing, canvas, 0, self.legend_height)
        base = self.legend_height
        self._draw_categories(base)
        self._draw_ticks(base)
        if self.empty:
            left, width = self.plot
            middle = base + BOTTOM + (float(self.drawing.height) - BOTTOM - 8) / 2
            draw_text(canvas, left, middle, self.empty, EMPTY.but(align="center"), self.rtl, width)
        if self.x_title:
            plot_x = 6.0 if self.rtl else SIDE
            draw_text(
                canvas, plot_x, base + 2, self.x_title, TITLE.but(align="center"), self.rtl,
                self.width - SIDE - 6,
            )  # fmt: skip
        if self.y_title:
            canvas.saveState()
            x = self.width - 4 if self.rtl else 8.0
            canvas.translate(x, base + BOTTOM)
            canvas.rotate(90)
            draw_text(
                canvas, 0, 0, self.y_title, TITLE.but(align="center"), self.rtl,
                float(self.drawing.height) - BOTTOM - 8,
            )  # fmt: skip
            canvas.restoreState()
        self._draw_legend()

    def _category_layout(self) -> list[list[Line]]:
        """Each category label laid out in its category's width, at most two lines; when one
        label needs two, every label with a space is set on two alike (month over year).
        When a label needs more than two lines, or a word of it is wider than its category,
        the short labels are laid out instead, when there are some: the Persian quarter
        "سه‌ماهه ۱ ۱۴۰۱" of a five-year chart lost its year and had its word cut."""
        if not self.categories:
            return []
        width = self.plot[1] / len(self.categories) - 2
        labels = self.categories
        out = [layout(label, width, CATEGORY, self.rtl) for label in labels]

        def cut(label: str, lines: list[Line]) -> bool:
            return len(lines) > 2 or unbroken_width(label, CATEGORY) > width

        if self.short_categories and any(map(cut, labels, out)):
            labels = self.short_categories
            out = [layout(label, width, CATEGORY, self.rtl) for label in labels]
        if any(len(lines) > 1 for lines in out):
            out = [
                layout(label, lines[0].width - 0.5, CATEGORY, self.rtl)
                if len(lines) == 1 and " " in label
                else lines
                for label, lines in zip(labels, out, strict=True)
            ]
        return [lines[:2] for lines in out]

    def category_lines(self) -> list[list[str]]:
        """Each category label's lines as drawn (each in reading order), the labels in visual
        order."""
        return [[line.logical for line in lines] for lines in self._category_layout()]

    def _draw_categories(self, base: float) -> None:
        if not self.categories:
            return
        left, width = self.plot
        slot = width / len(self.categories)
        for i, lines in enumerate(self._category_layout()):
            for row, line in enumerate(lines):
                y = base + BOTTOM - 9 - row * 8
                draw_line(self.canv, line, left + i * slot, y, slot, CATEGORY, self.rtl)

    def _draw_ticks(self, base: float) -> None:
        """The value axis's labels, beside the axis (left of the plot, right of it in a
        right-to-left report), each centred on its tick."""
        left, width = self.plot
        for y, label in self.ticks:
            baseline = base + y - TICK.size * 0.35
            if self.rtl:
                x = left + width + TICK_GAP
                draw_text(self.canv, x, baseline, label, TICK.but(align="left"), True, SIDE)
            else:
                x = left - TICK_GAP - SIDE
                draw_text(self.canv, x, baseline, label, TICK.but(align="right"), False, SIDE)

    def _draw_legend(self) -> None:
        canvas = self.canv
        items: list[tuple[float, str, colors.Color | None]] = []
        for name, colour in self.legend:
            items.append((18 + text_width(name, LEGEND, self.rtl) + 14, name, colour))
        if self.note:
            items.append((text_width(self.note, LEGEND, self.rtl) + 8, self.note, None))
        x = self.width if self.rtl else SIDE
        for width, name, colour in items:
            left = x - width if self.rtl else x
            text_x = left
            if colour is not None:
                swatch = left + width - 14 if self.rtl else left
                canvas.setStrokeColor(colour)
                canvas.setLineWidth(2)
                canvas.line(swatch, 5, swatch + 12, 5)
                text_x = left if self.rtl else left + 16
            draw_text(canvas, text_x, 2, name, LEGEND.but(align="start"), self.rtl, width - 18)
            x = left if self.rtl else left + width


def _value_axis(
    axis: Any, bounds: tuple[float, float, float], font: str, lang: str, plot: tuple[float, float]
) -> list[tuple[float, str]]:
    """The value axis of every chart: its range and step, and a light grid. Returns its tick
    labels (in the language's digits and signs) with their heights in the drawing, for
    :class:`Chart` to draw; ``plot`` is the plot's bottom and height."""
    low, high, step = bounds
    axis.valueMin, axis.valueMax, axis.valueStep = bounds
    axis.labels.fontName = font
    axis.labels.fontSize = 7
    axis.labelTextFormat = _tick_format(lang)
    axis.visibleLabels = False  # drawn laid out by Chart
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.4
    bottom, height = plot
    count = round((high - low) / step)
    values = [low + i * step for i in range(count + 1)]
    return [(bottom + (v - low) / (high - low) * height, axis.labelTextFormat(v)) for v in values]


def bar_chart(
    categories: Sequence[str],
    values: Sequence[float],
    lang: str,
    *,
    width: float = 460,
    height: float = 150,
    rtl: bool = False,
    color: colors.Color = ACCENT,
    x_title: str = "",
    y_title: str = "",
    counts: bool = True,
    note: str = "",
    short_categories: Sequence[str] = (),
) -> Chart:
    """A bar chart (interactions per month, NPS answers per score); ``counts``: whole ticks;
    ``short_categories``: the labels short, for categories too narrow for them."""
    font = _label_font(lang)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x = 6 if rtl else SIDE
    chart.y = BOTTOM
    chart.width, chart.height = width - SIDE - 6, height - BOTTOM - 8
    numbers = [float(v) for v in values]
    chart.data = [mirror(numbers, rtl) or [0.0]]
    shown = mirror(list(categories), rtl)
    chart.categoryAxis.categoryNames = shown or [""]
    chart.categoryAxis.visibleLabels = False  # drawn shaped by Chart
    ticks = _value_axis(
        chart.valueAxis, axis_range(numbers, ceiling=1.0, whole=counts), font, lang,
        (float(chart.y), float(chart.height)),
    )  # fmt: skip
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    if rtl:
        chart.valueAxis.joinAxisMode = "right"
    drawing.add(chart)
    return Chart(
        drawing, rtl=rtl, x_title=x_title, y_title=y_title, note=note, categories=shown,
        plot=(float(chart.x), float(chart.width)), ticks=ticks,
        short_categories=mirror(list(short_categories), rtl),
    )  # fmt: skip


def line_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    lang: str,
    *,
    width: float = 460,
    height: float = 170,
    rtl: bool = False,
    x_title: str = "",
    y_title: str = "",
    floor: float = 0.0,
    ceiling: float = 100.0,
    note: str = "",
    short_categories: Sequence[str] = (),
) -> Chart:
    """Trends (per quarter): every known value a dot, neighbours joined by a line; ``None``
    (not enough data) leaves a gap, so a value between two gaps is a dot alone (a quarter's
    NPS of two answers was left out, and a one-quarter report's chart was empty). Without a
    value at all the plot says so (:data:`NO_VALUES`) instead of showing empty axes. The
    value axis holds ``floor`` … ``ceiling`` and every value, on whole ticks;
    ``short_categories``: the labels short, for categories too narrow for them."""
    font = _label_font(lang)
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x = 6 if rtl else SIDE
    chart.y = BOTTOM
    chart.width, chart.height = width - SIDE - 6, height - BOTTOM - 8
    count = max(len(categories), 1)
    # a row of the chart for each run of known values of a series (ReportLab joins every
    # known value of a row, across the unknown ones), in the series' colour, with dots
    rows: list[list[float | None]] = []
    colours: list[colors.Color] = []
    for i, s in enumerate(series):
        for run in runs(s.values):
            rows.append(mirror(run, rtl))
            colours.append(SERIES_COLOURS[i % len(SERIES_COLOURS)])
    empty = not rows
    if empty:  # an axis to draw: one row of transparent zeros
        rows, colours = [[0.0] * count], [colors.transparent]
    chart.data = rows
    shown = mirror(list(categories), rtl)
    chart.categoryAxis.categoryNames = shown or [""]
    chart.categoryAxis.visibleLabels = False  # drawn shaped by Chart
    # the category axis stays at the bottom, below negative values too
    chart.categoryAxis.joinAxisMode = "bottom"
    known = [float(v) for s in series for v in s.values if v is not None]
    ticks = _value_axis(
        chart.valueAxis, axis_range(known, floor, ceiling), font, lang,
        (float(chart.y), float(chart.height)),
    )  # fmt: skip
    for i, colour in enumerate(colours):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.6
        if not empty:
            chart.lines[i].symbol = makeMarker("FilledCircle", size=4, fillColor=colour)
    if rtl:
        chart.valueAxis.joinAxisMode = "right"
    drawing.add(chart)
    legend = [(s.name, SERIES_COLOURS[i % len(SERIES_COLOURS)]) for i, s in enumerate(series)]
    return Chart(
        drawing, rtl=rtl, x_title=x_title, y_title=y_title, legend=legend, note=note,
        categories=shown, plot=(float(chart.x), float(chart.width)), ticks=ticks,
        short_categories=mirror(list(short_categories), rtl),
        empty=_(NO_VALUES) if empty else "",
    )  # fmt: skip


#: What a line chart without a single known value says in its plot.
NO_VALUES = N_("Not enough data for any of these figures.")


def runs(values: Sequence[float | None]) -> list[list[float | None]]:
    """Each run of known neighbouring values of ``values``, as long as ``values`` with
    ``None`` outside the run: a line of the chart (a run of one, a dot)."""
    out: list[list[float | None]] = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if i == 0 or values[i - 1] is None:
            out.append([None] * len(values))
        out[-1][i] = float(v)
    return out
