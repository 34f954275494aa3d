"""A line of text that is one link, or plain text, for the keyboard as for the mouse.

A QLabel whose text may hold links took two Tabs, one to the label and one to its link, and
stopped Tab where it held none ("and 12 more" on Today: Enter did nothing there). Shift+Tab
never left it either: Qt's search for the link before the one chosen found the same link
again. :class:`LinkLabel` is a Tab stop only while it is a link, reached with one Tab or
Shift+Tab, the link chosen (Enter follows it), and left with the next.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

_LINK = Qt.TextInteractionFlag.TextBrowserInteraction
_TEXT = Qt.TextInteractionFlag.NoTextInteraction


class LinkLabel(QLabel):
    """A label that shows rich text of at most one link (:meth:`set_line`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(_TEXT)

    def set_line(self, html: str, *, link: bool) -> None:
        """Show ``html``; ``link``: it is one link (a Tab stop), else plain text (none)."""
        self.setText(html)
        self.setTextInteractionFlags(_LINK if link else _TEXT)

    def is_link(self) -> bool:
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if self.is_link() and reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):  # the link chosen at once: Enter follows it
            QLabel.focusNextPrevChild(self, reason == Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go on to the next widget (there is no other link to go to)."""
        return QWidget.focusNextPrevChild(self, next)
