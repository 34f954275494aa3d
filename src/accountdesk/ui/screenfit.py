"""Windows no bigger than the screen they open on.

A window's first size was a fixed number of pixels: the import dialog (1100×760) opened taller
than a 1024×768 laptop's screen, its Import and Cancel buttons below the bottom edge, and the
main window's first size (1280×800) was wider than that screen. :func:`resize_within_screen`
takes the size wanted, or what the screen has room for, whichever is smaller (never below the
window's minimum: a layout that needs more keeps it).

The main window's screens are in a scroll area (:func:`scrolled_when_small`): the window can
be made as small as the screen, whatever the font and scale, and a screen that needs more
room scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

#: Room left around a window for its frame and title bar, in pixels.
FRAME = (16, 48)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height`` or to its screen's free area (less room for
    the frame), whichever is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - FRAME[0])
        height = min(height, free.height() - FRAME[1])
    widget.resize(width, height)


class _Holder(QWidget):
    """Holds ``stack`` at the holder's size and needs the room of the page shown: its minimum
    size, and at a width the least height its text needs there (word-wrapped labels).

    Not the stack itself in the scroll area: a stack is as large as its largest page, shown
    or not (once Follow-ups had been shown, every screen was as wide as its row of buttons),
    and a scroll area gives a widget with a height for its width the height it *prefers* at
    that width (every screen scrolled where its tables had shrunk before)."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        stack.setParent(self)
        self._stack = stack
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        stack.currentChanged.connect(lambda _index: self.updateGeometry())

    def _shown(self) -> QWidget:
        return self._stack.currentWidget() or self._stack

    def sizeHint(self) -> QSize:
        return self._shown().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._shown().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        least = self.minimumSizeHint().height()
        layout = self._shown().layout()
        if layout is not None and layout.hasHeightForWidth():
            least = max(least, layout.minimumHeightForWidth(width))
        return least

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._stack.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # what the page needs changed
            self.updateGeometry()
        return super().event(event)


def scrolled_when_small(stack: QStackedWidget) -> QScrollArea:
    """The main window's ``stack`` of screens in a scroll area that shows the screen whole
    when the window has room for it, and scrolls when not: a screen that needs more than the
    window's screen has (a larger font, 150 % or 200 %) no longer makes the window bigger than
    the screen, its edges out of reach. Tab and the arrow keys never stop at the scroll area
    itself, and Tab scrolls to the field it reaches."""
    area = QScrollArea()
    area.setObjectName("screenScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(_Holder(stack))
    return area
