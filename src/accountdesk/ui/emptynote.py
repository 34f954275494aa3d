"""What an empty list means, said over the list itself.

A list with no rows showed its headers over blank space: a new user on an empty database saw
nothing that said where to start, and a filter that matched nothing looked like a list still
loading. :class:`EmptyNote` is a line over the view's empty area (under the headers) that the
screen fills when there are no rows: what to do first, or that the filter matches nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel

#: Room between the note and the edges of the list.
MARGIN = 16


class EmptyNote(QLabel):
    """A wrapped, centred note in ``view``'s viewport; :meth:`say` shows or hides it."""

    def __init__(self, view: QAbstractItemView) -> None:
        viewport = view.viewport()
        super().__init__(viewport)
        self.setObjectName("emptyNote")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.palette()
        placeholder = palette.color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.WindowText, placeholder)
        self.setPalette(palette)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        viewport.installEventFilter(self)
        self.hide()

    def say(self, text: str | None) -> None:
        """Show ``text`` over the empty list; None or "" hides the note."""
        if text:
            self.setText(text)
            self._fit()
            self.show()
        else:
            self.hide()
            self.clear()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        box = parent.rect()
        width = max(box.width() - 2 * MARGIN, 1)
        # a short list (the latest merges under the duplicates on a small screen) keeps less
        # room above and below, never less than the text: MARGIN on each side cut its line
        spare = box.height() - self.heightForWidth(width)
        vertical = max(0, min(MARGIN, spare // 2))
        self.setGeometry(
            box.left() + MARGIN, box.top() + vertical, width, box.height() - 2 * vertical
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False
