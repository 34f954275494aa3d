"""A figure with its sample in a Persian report reads right to left: the figure first (at the
right), then the sample in brackets. A negative figure begins with Persian's minus sign, which
CLDR writes after a left-to-right mark ("\u200e−۱۰۰"): the cell took its direction from that
mark, so a negative NPS read "(* ۲) ۱۰۰−" the wrong way round, the sample first, in the
portfolio's key metrics and its tables by segment, country and owner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.metrics import MetricValue
from accountdesk.core.reports.documents import _context
from accountdesk.core.reports.textlayout import TextStyle, layout

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


@pytest.mark.parametrize(("value", "sample"), [(-100.0, 2), (-20.0, 20), (40.0, 3)])
def test_a_persian_nps_cell_reads_right_to_left(value: float, sample: int) -> None:
    ctx = _context("fa", NOW, "UTC")
    metric = MetricValue(value, 0.0, float(sample), sample=sample)
    with i18n.use_language("fa"):
        cell = ctx.rate_cell(metric, ctx.number(metric.value))
        number = plain(ctx.number(metric.value)).replace("\u200e", "")
        count = ctx.sample(metric)
    assert plain(cell).replace("\u200e", "") == f"{number} ({count})"  # copied: the same text
    (line,) = layout(ctx.text(cell), 1e9, TextStyle(size=8.5), ctx.rtl)
    shown = line.visual_text
    # right to left: the figure at the right edge, its sample to its left ("(" drawn mirrored)
    assert shown.endswith(number), shown
    assert shown.startswith(")"), shown
