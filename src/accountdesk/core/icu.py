"""Line-break opportunities from ICU (through QtCore's QTextBoundaryFinder).

The one place in the core that uses Qt: ICU knows where Thai words end (Thai has no spaces),
which nothing else among our dependencies does. QtCore needs no QApplication.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QTextBoundaryFinder


@lru_cache(maxsize=4096)
def line_breaks(text: str) -> tuple[int, ...]:
    """Indices (into ``text``, in code points) where a line may break, ending with len(text).

    A break at ``i`` means a line may end just before ``text[i]``.
    """
    if not text:
        return (0,)
    # Qt counts UTF-16 code units; map them back to Python indices
    units: list[int] = []
    for i, ch in enumerate(text):
        units.append(i)
        if ord(ch) > 0xFFFF:
            units.append(i)
    units.append(len(text))
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    found: list[int] = []
    pos = finder.toNextBoundary()
    while pos != -1:
        index = units[pos]
        if index > 0 and (not found or found[-1] != index):
            found.append(index)
        pos = finder.toNextBoundary()
    if not found or found[-1] != len(text):
        found.append(len(text))
    return tuple(found)
