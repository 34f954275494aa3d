"""Shared parts of the record views: a header with actions and a read-only details form.

Right to left: headings and values are :class:`LeadingLabel` (laid out and aligned by the
window's direction whatever letter their text starts with); user data in them is isolated
(:mod:`accountdesk.core.bidi`)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.bidi import direction, isolate, line_marks, paragraph
from accountdesk.ui.colours import muted_style

_TAG = re.compile(r"<[^>]*>")
#: Where a label's text starts: the window's leading edge (right in a right-to-left window).
LEADING = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class LeadingLabel(QLabel):
    """A label laid out and aligned in the window's direction, whatever its text starts with.

    Qt takes a plain label's direction, and with it the side it is aligned to, from the first
    strong letter of its text: a contact's Latin name would stand on the left of a Persian
    window. Every line gets the window's direction mark (:func:`~accountdesk.core.bidi.paragraph`);
    the caller isolates the user data in the text. Rich text is one line (its tags do not
    count); rich text that starts with a tag is left as it is (its paragraphs take their
    direction from their own text).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(LEADING)
        self.setText(text)

    def setText(self, text: str) -> None:
        rtl = self.isRightToLeft()
        if text.lstrip().startswith("<"):
            pass
        elif self.textFormat() != Qt.TextFormat.PlainText and _TAG.search(text):
            before, after = line_marks(html.unescape(_TAG.sub("", text)), rtl)
            text = f"{before}{text}{after}"
        else:
            text = paragraph(text, rtl)
        super().setText(text)


def isolate_lines(text: str) -> str:
    """Each line of ``text`` isolated (a multi-line value: e-mails, phones)."""
    return "\n".join(isolate(line) for line in text.split("\n"))


class FreeText(str):
    """A value of :func:`details_form` that the user wrote as they liked (notes, how we met):
    shown by :func:`free_text`, each paragraph in its own direction."""


#: A paragraph of :func:`free_text` in each direction (True: right to left), and an empty one
#: (Qt's own mark of an empty paragraph: an empty ``<p>`` is dropped).
_OWN_PARAGRAPH = {
    True: '<p dir="rtl" style="margin:0; white-space:pre-wrap;">{text}</p>',
    False: '<p dir="ltr" style="margin:0; white-space:pre-wrap;">{text}</p>',
}
_EMPTY_PARAGRAPH = {
    True: '<p dir="rtl" style="-qt-paragraph-type:empty; margin:0;"><br /></p>',
    False: '<p dir="ltr" style="-qt-paragraph-type:empty; margin:0;"><br /></p>',
}


def free_text(text: str, rtl: bool) -> str:
    """Text the user wrote (a note, a country note, how they met someone) as rich text for a
    label: each line a paragraph laid out, and aligned, in the direction of its own first
    letter (:func:`~accountdesk.core.bidi.direction`), as a notes box shows it while it is
    written (``forms.notes_edit``); a line without a letter in the window's direction
    (``rtl``). Sales people write English notes in a Persian window: isolated inside the
    window's right-to-left paragraph, a note that wrapped lost its order on the next line
    (".every visit" for "… within a week of every visit."). The label shows it as rich text."""
    paragraphs = []
    for line in text.split("\n"):
        own = direction(line)
        right = rtl if own is None else own
        if line:
            paragraphs.append(_OWN_PARAGRAPH[right].format(text=html.escape(line, quote=False)))
        else:
            paragraphs.append(_EMPTY_PARAGRAPH[right])
    return "".join(paragraphs)


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A record's or screen's title, at the window's leading edge (isolate a name in it)."""
    label = LeadingLabel(text)
    label.setObjectName("recordTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    let_narrow(label)
    return label


#: The least width of a label that lets itself be narrow (:func:`let_narrow`), in pixels.
NARROWEST_LABEL = 160


def let_narrow(label: QLabel) -> None:
    """Let ``label`` be as narrow as its window: its text wraps, and a word longer than the
    line (a 95-letter family name) is cut at the edge rather than widening the window. A
    contact's long name made the main window 2,139 px wide, past the screen, and it stayed so
    on every screen after."""
    label.setWordWrap(True)
    # narrow, but not so narrow that the height its text takes there (a window's minimum
    # height is counted at its minimum width) makes the window taller than the screen
    label.setMinimumWidth(NARROWEST_LABEL)


def details_form(rows: Sequence[tuple[str, str]]) -> QWidget:
    """A two-column form of label and value; empty values are left out. Each line of a value
    is isolated (give :func:`~accountdesk.core.bidi.ltr` lines for phones, e-mails, URLs); a
    :class:`FreeText` value's lines each take their own direction (:func:`free_text`)."""
    widget = QWidget()
    form = QFormLayout(widget)
    form.setLabelAlignment(LEADING)
    for title, value in rows:
        if not value:
            continue
        if isinstance(value, FreeText):
            shown = LeadingLabel()
            shown.setTextFormat(Qt.TextFormat.RichText)
            shown.setText(free_text(value, shown.isRightToLeft()))
        else:
            shown = LeadingLabel(isolate_lines(value))
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(title, shown)
    return widget


def figure(title: str, value: str, note: str = "") -> QFrame:
    """A card of the figures above a record's tabs: the value, its title, and a ``note`` in
    smaller, muted text under them when it needs one (what a converted amount was converted
    from and at which rates)."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    number = LeadingLabel(isolate(value) or "–")
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    number.setFont(font)
    layout.addWidget(number)
    caption = LeadingLabel(title)
    caption.setWordWrap(True)
    layout.addWidget(caption)
    if note:
        remark = LeadingLabel(note)
        remark.setTextFormat(Qt.TextFormat.PlainText)
        remark.setWordWrap(True)
        remark.setStyleSheet(muted_style())
        small = remark.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        remark.setFont(small)
        layout.addWidget(remark)
    return frame


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: a tab's long form scrolls instead of making the
    window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


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
    """Take every widget out of ``layout``; each is hidden at once and deleted later (until
    the event loop deletes it, a widget left shown was drawn under the new ones: the Countries
    profile of the country chosen before, over the one chosen now)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
