"""A table column as wide as the texts it shows.

A column of dates given a fixed width in ems fits English and cuts a longer language: Latvian
writes "2026. gada 24. nov. 10:00" where English writes "24 Nov 2026, 10:00", and the Follow-ups
screen showed "2026. gada 24. nov. ..." with the hour lost. :func:`fit_column` widens a column
to its title (the header's own size hint) and to the widest of the texts it may show, such as
:func:`accountdesk.core.i18n.date_samples` in the current language."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView


def text_width(view: QTableView, texts: Iterable[str]) -> int:
    """The width a cell of ``view`` needs to show the widest of ``texts`` uncut: the text in
    the view's font, the item's margins on both sides (as the item delegate lays it out) and
    the grid line."""
    # fractional advances, rounded up: the item lays its text out in them, and a width rounded
    # down ("Amerika Birleşik Devletleri": 147.44 px, 147 given) had its last letter elided
    metrics = QFontMetricsF(view.font())
    widest = math.ceil(max((metrics.horizontalAdvance(text) for text in texts), default=0.0))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return widest + 2 * margin + (1 if view.showGrid() else 0)


def fit_column(view: QTableView, column: int, texts: Iterable[str], minimum: int = 0) -> None:
    """Make ``column`` at least ``minimum`` wide, as wide as its title and as the widest of
    ``texts``; a column already wider keeps its width."""
    header = view.horizontalHeader()
    width = max(minimum, header.sectionSizeHint(column), text_width(view, texts))
    if header.sectionSize(column) < width:
        view.setColumnWidth(column, width)
