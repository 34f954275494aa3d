"""A small bar chart painted with QPainter (mirrored in a right-to-left layout)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from accountdesk.core import i18n
from accountdesk.core.bidi import isolate_acronyms, ltr
from accountdesk.core.i18n import _

DEFAULT_COLOUR = "#2F5D8A"


class BarChart(QWidget):
    """Bars with a label under each and the value above it; ``None`` values are left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.short_labels: list[str] = []
        self.values: list[float | None] = []
        self.samples: list[str] = []
        self.note = ""
        self.colours: list[str] = []
        self.digits = 0
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def set_data(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float | None],
        colours: Sequence[str] | None = None,
        digits: int = 0,
        short_labels: Sequence[str] = (),
        samples: Sequence[str] = (),
        note: str = "",
    ) -> None:
        """``short_labels``: the labels short ("1405 Q3" for "Q3 1405"), shown when a label is
        wider than its bar's room; ``samples``: each bar's sample as shown ("4 *": a small one
        marked), written under its value; ``note``: a line under the chart (the quarters it
        covers only in part)."""
        self.title = title
        self.labels = list(labels)
        self.short_labels = list(short_labels)
        self.values = list(values)
        self.samples = list(samples)
        self.note = note
        self.colours = list(colours) if colours else [DEFAULT_COLOUR] * len(self.values)
        self.digits = digits
        self.setAccessibleName(title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def shown_labels(self, fm: QFontMetrics | None = None) -> list[str]:
        """The labels as painted at the chart's width: a label wider than its room makes the
        short labels shown, and any still too wide is cut with "…" (the Persian quarters of
        a window 1280 pixels wide ran into each other)."""
        metrics = fm or self.fontMetrics()
        room = int((self.width() - 12) / max(len(self.values), 1)) - 2
        labels = self.labels
        if self.short_labels and any(metrics.horizontalAdvance(t) > room for t in labels):
            labels = self.short_labels
        return [metrics.elidedText(t, Qt.TextElideMode.ElideRight, room) for t in labels]

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(pal.ColorRole.WindowText)
        fm = p.fontMetrics()
        line = fm.height()
        w, h = self.width(), self.height()
        rtl = self.isRightToLeft()
        align = Qt.AlignmentFlag.AlignLeading  # the painter mirrors it right to left
        p.setPen(text_colour)
        bold = p.font()
        bold.setBold(True)
        p.save()
        p.setFont(bold)
        title = isolate_acronyms(self.title)  # "NPS به تفکیک …" reads right to left
        p.drawText(QRectF(6, 2, w - 12, line), int(align | Qt.AlignmentFlag.AlignVCenter),
                   title)  # fmt: skip
        p.restore()
        n = len(self.values)
        known = [v for v in self.values if v is not None]
        if self.note:  # the last line, under the labels
            h -= line
            p.drawText(QRectF(6, h, w - 12, line), int(align | Qt.AlignmentFlag.AlignVCenter),
                       isolate_acronyms(self.note))  # fmt: skip
        top, bottom = 2 + line * 2, h - line - 6
        if self.samples:
            top += line  # room for the sample over the highest value
        if n == 0 or not known:
            p.drawText(QRectF(0, top, w, bottom - top), int(Qt.AlignmentFlag.AlignCenter),
                       _("not enough data"))  # fmt: skip
            return
        hi, lo = max(0.0, *known), min(0.0, *known)
        if lo < 0:
            bottom -= line * (2 if self.samples else 1)  # room under the lowest bar
        span = (hi - lo) or 1.0
        zero_y = top + (hi / span) * (bottom - top)
        slot = (w - 12) / n
        bar_w = max(4.0, slot * 0.7)
        labels = self.shown_labels(fm)
        for i, value in enumerate(self.values):
            index = n - 1 - i if rtl else i
            x = 6 + index * slot + (slot - bar_w) / 2
            label_rect = QRectF(6 + index * slot, h - line - 3, slot, line)
            p.setPen(text_colour)
            p.drawText(label_rect, int(Qt.AlignmentFlag.AlignHCenter), labels[i])
            if value is None:
                p.drawText(QRectF(6 + index * slot, zero_y - line, slot, line),
                           int(Qt.AlignmentFlag.AlignHCenter), "–")  # fmt: skip
                continue
            y = top + ((hi - value) / span) * (bottom - top)
            rect = QRectF(x, min(y, zero_y), bar_w, max(1.0, abs(zero_y - y)))
            p.fillRect(rect, QColor(self.colours[i % len(self.colours)]))
            text = ltr(i18n.format_decimal(value, self.digits))
            text_y = rect.top() - line if value >= 0 else rect.bottom()
            if i < len(self.samples):  # the value, and its sample over (or under) it
                sample = _("({sample})").format(sample=self.samples[i])
                sample_y = text_y - line if value >= 0 else text_y + line
                p.drawText(QRectF(6 + index * slot, sample_y, slot, line),
                           int(Qt.AlignmentFlag.AlignHCenter), sample)  # fmt: skip
            p.drawText(QRectF(6 + index * slot, text_y, slot, line),
                       int(Qt.AlignmentFlag.AlignHCenter), text)  # fmt: skip
        p.setPen(QPen(text_colour, 1))
        p.drawLine(6, int(zero_y), w - 6, int(zero_y))
