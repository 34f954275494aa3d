"""Table headers whose titles are read whole, however narrow their sections.

QHeaderView keeps a title on one line and, centred, cuts what does not fit its section at both
ends, with no mark: in Latvian at 1024 pixels, Today's "Kontaktpersona" read "taktpers".

- :func:`cut_titles`: a title that does not fit ends in "…", and hovering it shows it whole
  (the tables of the screens and dialogs);
- :class:`WrappingHeader`: with sections that share a narrow pane (the Duplicates screen's
  contacts side by side, "David Davis (نگه‌داشته‌شده)"), a title wraps at its spaces and the
  header grows as tall as its tallest title at the sections' widths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QToolTip, QWidget

WRAPPED = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


def cut_titles(view: QTableView) -> None:
    """The titles of ``view``'s columns end in "…" where their sections are too narrow, and
    such a title is shown whole when the pointer rests on it (a title that fits keeps the
    model's own tooltip, if any)."""
    header = view.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.viewport().installEventFilter(_WholeTitle(header))


def title_cut(header: QHeaderView, logical: int) -> str | None:
    """The title of section ``logical`` when it does not fit its section (None when it does),
    with the header's margins and the room its sort indicator takes."""
    model = header.model()
    text: Any = None if model is None else model.headerData(logical, header.orientation())
    if not text:
        return None
    title = str(text)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    room = header.sectionSize(logical) - 2 * margin
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
        room -= header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        room -= margin
    return title if header.fontMetrics().horizontalAdvance(title) > room else None


class _WholeTitle(QObject):
    """Shows a cut title whole as the tooltip of its section (see :func:`cut_titles`)."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self._header = header

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        header = self._header
        logical = header.logicalIndexAt(event.pos())
        whole = title_cut(header, logical) if logical >= 0 else None
        if whole is None:
            return False  # the header's own handling: the model's tooltip, if it has one
        QToolTip.showText(event.globalPos(), whole, header)
        return True


class WrappingHeader(QHeaderView):
    """A horizontal header whose titles wrap onto more lines to fit their sections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(WRAPPED)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)
        self.sectionResized.connect(lambda *_a: self._refit.start())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.headerDataChanged.connect(lambda *_a: self._refit.start())
            model.modelReset.connect(self._refit.start)

    def _fit(self) -> None:
        self.updateGeometry()
        self.geometriesChanged.emit()  # the view lays itself out again at the new height

    def title_height(self, logical: int) -> int:
        """The height the title of section ``logical`` takes, wrapped to its section."""
        model = self.model()
        text: Any = None if model is None else model.headerData(logical, self.orientation())
        metrics = self.fontMetrics()
        if not text:
            return metrics.height()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        width = max(1, self.sectionSize(logical) - 2 * margin)
        return metrics.boundingRect(QRect(0, 0, width, 100_000), int(WRAPPED), str(text)).height()

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        one = self.fontMetrics().height()
        tallest = max(
            (self.title_height(i) for i in range(self.count()) if not self.isSectionHidden(i)),
            default=one,
        )
        size.setHeight(size.height() + max(0, tallest - one))
        return size
