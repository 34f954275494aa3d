"""Charts drawn with ReportLab graphics. Labels are numbers and short codes (drawn in a font
that has the report's digits); titles are laid out by :mod:`.textlayout` outside the chart.
In a right-to-left report the category axis runs right to left."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors

from accountdesk.core.i18n import native_digits
from accountdesk.core.reports import fonts
from accountdesk.core.reports.textlayout import mirror

ACCENT = colors.HexColor("#2F5D8A")
SECOND = colors.HexColor("#C77C2E")


def _axis_digits(lang: str) -> Callable[[float], str] | None:
    """A value-axis label format in the language's digits (None: ReportLab's own)."""
    if native_digits("0", lang) == "0":
        return None
    return lambda v: native_digits(f"{v:g}", lang)


def _label_font(lang: str) -> str:
    fonts.register_fonts()
    # the renderer starts every drawing in this font; keep it one we embed
    STATE_DEFAULTS["fontName"] = fonts.font_name(fonts.LATIN)
    return fonts.font_name(fonts.PERSIAN if lang == "fa" else fonts.LATIN)


def _labels(values: Sequence[str], lang: str) -> list[str]:
    return [native_digits(v, lang) for v in values]


def bar_chart(
    categories: Sequence[str],
    values: Sequence[float],
    lang: str,
    *,
    width: float = 460,
    height: float = 150,
    rtl: bool = False,
    color: colors.Color = ACCENT,
) -> Drawing:
    """A bar chart (interactions per month, NPS distribution)."""
    font = _label_font(lang)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 26
    chart.width, chart.height = width - 50, height - 36
    chart.data = [mirror([float(v) for v in values], rtl) or [0.0]]
    chart.categoryAxis.categoryNames = mirror(_labels(list(categories), lang), rtl) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([float(v) for v in values] + [1.0])
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.labelTextFormat = (
        (lambda v: native_digits(f"{v:g}", lang)) if lang == "fa" else None
    )
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    if rtl:
        chart.valueAxis.joinAxisMode = "right"
        chart.valueAxis.labels.dx = 14
    drawing.add(chart)
    return drawing


def line_chart(
    categories: Sequence[str],
    series: Sequence[Sequence[float | None]],
    lang: str,
    *,
    width: float = 460,
    height: float = 160,
    rtl: bool = False,
) -> Drawing:
    """Quarterly trends; ``None`` values (not enough data) leave a gap."""
    font = _label_font(lang)
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 36, 26
    chart.width, chart.height = width - 50, height - 36
    # a line needs two points: a series with fewer known values is left out (a gap)
    usable = [_no_lone_points(s) for s in series]
    # a series without a drawable segment is drawn as nothing (transparent zeros)
    hidden = [all(v is None for v in s) for s in usable]
    usable = [[0.0] * len(s) if h else s for s, h in zip(usable, hidden, strict=True)]
    if not usable:
        usable, hidden = [[0.0] * max(len(categories), 1)], [True]
    chart.data = [mirror(list(s), rtl) for s in usable]
    chart.categoryAxis.categoryNames = mirror(_labels(list(categories), lang), rtl) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    known = [v for s in series for v in s if v is not None]
    chart.valueAxis.valueMin = min([0.0, *known]) - 5
    chart.valueAxis.valueMax = max([100.0, *known]) + 5
    chart.valueAxis.labelTextFormat = (
        (lambda v: native_digits(f"{v:g}", lang)) if lang == "fa" else None
    )
    for i, c in enumerate((ACCENT, SECOND, colors.HexColor("#4E9A5B"))):
        chart.lines[i].strokeColor = c
        chart.lines[i].strokeWidth = 1.6
        if i < len(hidden) and hidden[i]:
            chart.lines[i].strokeColor = None
    if rtl:
        chart.valueAxis.joinAxisMode = "right"
        chart.valueAxis.labels.dx = 14
    drawing.add(chart)
    return drawing


def _no_lone_points(values: Sequence[float | None]) -> list[float | None]:
    """ReportLab cannot draw a one-point line segment: drop points with no known neighbour."""
    out = list(values)
    for i, v in enumerate(values):
        before = i > 0 and values[i - 1] is not None
        after = i + 1 < len(values) and values[i + 1] is not None
        if v is not None and not before and not after:
            out[i] = None
    return out
