"""What a screen reader calls a field: the one home of a field's accessible name.

Qt names a field by its label only when the label's buddy is the field *and* the two are
siblings (children of one widget). A form's field sits in a holder with its hint and its
message (:meth:`~accountdesk.ui.forms.FormDialog.add_field`), so QFormLayout made the holder the
label's buddy and every editor was a row of unnamed "edit text" boxes for a screen reader.
:func:`label_field` makes the field the label's buddy (the "labelled by" relation a screen
reader follows on Linux, where a combo box is named by its value) and names the field, and the
line typed into an editable combo box, by the label's text.

A field without a label of its own (a list's filter, the global search) is named with
:func:`name_field`. Names are translated when the widget is built: a language change builds
the window again (``ui/app.py::change_language``), so they follow it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget


def _without_mnemonic(text: str) -> str:
    """A label's text as read: without the "&" that marks its Alt letter ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _spoken(field: QWidget) -> list[QWidget]:
    """``field`` and, in an editable combo box, the line typed into it: it has the focus for a
    screen reader while one types."""
    line = field.lineEdit() if isinstance(field, QComboBox) else None
    return [field] if line is None else [field, line]


def name_field(field: QWidget, name: str) -> None:
    """Give ``field`` the accessible ``name`` (a field without a label of its own)."""
    for widget in _spoken(field):
        widget.setAccessibleName(name)


def label_field(label: QLabel, field: QWidget) -> None:
    """``label`` names ``field``: its buddy (Alt+letter, the "labelled by" relation) and the
    field's accessible name. Call it again when the label's text changes."""
    label.setBuddy(field)
    name_field(field, _without_mnemonic(label.text()))


def describe_field(field: QWidget, description: str) -> None:
    """What a screen reader says after ``field``'s name: the message under it ("Is required"),
    or how to fill it in; "" for nothing."""
    for widget in _spoken(field):
        widget.setAccessibleDescription(description)
