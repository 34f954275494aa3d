"""Windows no bigger than the screen they open on.

A window's first size was a fixed number of pixels: the import dialog (1100×760) opened taller
than a 1024×768 laptop's screen, its Import and Cancel buttons below the bottom edge, and the
main window's first size (1280×800) was wider than that screen. :func:`resize_within_screen`
takes the size wanted, or what the screen has room for, whichever is smaller (never below the
window's minimum: a layout that needs more keeps it)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
