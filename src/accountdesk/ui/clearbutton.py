"""Qt's clear button in a search or filter field, with a name.

``QLineEdit.setClearButtonEnabled`` adds an "×" icon whose action has no text: a screen reader
announced a nameless button and hovering it showed no tooltip. :func:`clear_button` turns the
button on and gives its action the translated text and tooltip "Clear" (the button still shows
its icon only)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from accountdesk.core.i18n import _

#: The object name Qt gives the clear button's action.
_QT_CLEAR_ACTION = "_q_qlineeditclearaction"


def clear_button(edit: QLineEdit) -> None:
    """Show the clear button in ``edit``, named "Clear" for screen readers and as a tooltip."""
    edit.setClearButtonEnabled(True)
    action = edit.findChild(QAction, _QT_CLEAR_ACTION)
    if action is None:  # a Qt that names it otherwise: the test of this module says so
        return
    text = _("Clear")
    action.setText(text)
    action.setToolTip(text)
