"""The keys of a table of records, one place for every screen (the list screens, a record's
tabs): Return and keypad Enter open the selected row, F2 edits it where the screen can edit,
Delete moves it to the trash; and the keys of every table (:func:`tab_leaves`): the arrows move
in it, Tab leaves it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

#: the keys (sequences are made when the actions are: a standard key needs the application)
OPEN_KEYS: tuple[Qt.Key | QKeySequence.StandardKey, ...] = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
EDIT_KEYS: tuple[Qt.Key | QKeySequence.StandardKey, ...] = (Qt.Key.Key_F2,)
TRASH_KEYS: tuple[Qt.Key | QKeySequence.StandardKey, ...] = (QKeySequence.StandardKey.Delete,)


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab go on to the next control; the arrows move between rows and cells.
    Qt's default walked the cells with Tab and wrapped round: a keyboard user who tabbed into
    a table could not tab out of it."""
    view.setTabKeyNavigation(False)


def add_row_keys(
    view: QAbstractItemView,
    *,
    open_row: tuple[str, Callable[[], None]] | None = None,
    edit_row: tuple[str, Callable[[], None]] | None = None,
    trash_row: tuple[str, Callable[[], None]] | None = None,
) -> list[QAction]:
    """Actions on ``view`` (its own shortcuts: only while it has the focus), each a translated
    text (shown in a context menu) and what it does; None: the screen cannot do that. A row
    that both opens and edits in one dialog passes the same callable as both. Tab leaves the
    table (:func:`tab_leaves`)."""
    tab_leaves(view)
    actions = []
    for entry, keys in ((open_row, OPEN_KEYS), (edit_row, EDIT_KEYS), (trash_row, TRASH_KEYS)):
        if entry is None:
            continue
        text, slot = entry
        action = QAction(text, view)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False, do=slot: do())
        view.addAction(action)
        actions.append(action)
    return actions
