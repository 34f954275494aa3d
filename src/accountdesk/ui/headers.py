"""A table header whose titles wrap instead of being cut.

QHeaderView keeps a title on one line and cuts what does not fit its section; with sections
that share a narrow pane (the Duplicates screen's contacts side by side, "David Davis
(نگه‌داشته‌شده)"), a longer title or a longer language loses its end. :class:`WrappingHeader`
wraps a title at its spaces and grows as tall as its tallest title at the sections' widths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

WRAPPED = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


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
