"""Shared parts of the record views: a header with actions and a read-only details form."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    label.setObjectName("recordTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def details_form(rows: Sequence[tuple[str, str]]) -> QWidget:
    """A two-column form of label and value; empty values are left out."""
    widget = QWidget()
    form = QFormLayout(widget)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
    for title, value in rows:
        if not value:
            continue
        shown = QLabel(value)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(title, shown)
    return widget


def figure(title: str, value: str) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    number = QLabel(value or "–")
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    number.setFont(font)
    layout.addWidget(number)
    caption = QLabel(title)
    caption.setWordWrap(True)
    layout.addWidget(caption)
    return frame


def button_row(
    buttons: Sequence[tuple[str, Callable[[], None]]],
) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    made = []
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _c=False, s=slot: s())
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
