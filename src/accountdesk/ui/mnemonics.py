"""Accelerator letters for the menus, in every language.

Only the menu bar's titles carry an ``&`` in the catalogs (``&File`` → ``&Fails``); the items
under them had none, so a keyboard user could open a menu with Alt+letter but not choose an
item with a letter. :func:`give_mnemonics` marks a letter of each item that has none, unique
within its menu, in the text as the window shows it (translated): a letter a translator chose
(``&`` in the catalog) is kept and never given to another item. The first letters of words are
preferred, and plain ASCII letters before other Latin ones (``Š``, ``Ā``); texts in another
script (Thai, Persian) get no letter here: their catalogs follow Qt's ``(&F)`` practice.

An action whose text changes later (Undo names what it undoes) keeps its letter: the mark is
put back on each change.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar


def mnemonic(text: str) -> str | None:
    """The accelerator letter of ``text`` (lower case), or None (``&&`` is a plain ``&``)."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        following = text[index + 1]
        if following != "&":
            return following.casefold() if not following.isspace() else None
        index += 2


def _latin(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or unicodedata.name(char, "").startswith("LATIN ")


def _candidates(text: str) -> Iterable[int]:
    """Positions in ``text`` worth marking, best first (``&&`` pairs skipped)."""
    plain: list[int] = []
    index = 0
    while index < len(text):
        if text[index] == "&":
            index += 2  # "&&": a literal ampersand, no letter
            continue
        plain.append(index)
        index += 1
    starts = [i for i in plain if i == 0 or not text[i - 1].isalnum()]
    for group in (starts, plain):
        yield from (i for i in group if text[i].isascii() and text[i].isalnum())
        yield from (i for i in group if not text[i].isascii() and _latin(text[i]))


def marked(text: str, used: set[str]) -> str | None:
    """``text`` with ``&`` before its best letter not in ``used``; None when none is left."""
    for index in _candidates(text):
        letter = text[index].casefold()
        if letter not in used:
            return f"{text[:index]}&{text[index:]}"
    return None


def give_mnemonics(menu: QMenu | QMenuBar) -> None:
    """Mark a letter, unique within the menu, in every item of ``menu`` and its submenus that
    has none."""
    actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    used = {letter for a in actions if (letter := mnemonic(a.text())) is not None}
    for action in actions:
        if mnemonic(action.text()) is None:
            text = marked(action.text(), used)
            if text is not None:
                letter = mnemonic(text)
                assert letter is not None
                used.add(letter)
                action.setText(text)
                _keep(action, letter)
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            give_mnemonics(submenu)


def _keep(action: QAction, letter: str) -> None:
    """Put ``letter``'s mark back when the action's text is replaced (a weak reference: the
    connection does not keep the action alive)."""
    ref = weakref.ref(action)

    def remark() -> None:
        found = ref()
        if found is None or mnemonic(found.text()) is not None:
            return
        text = marked(found.text(), used=set(_others(found.text(), letter)))
        if text is not None:
            found.setText(text)

    action.changed.connect(remark)


def _others(text: str, letter: str) -> set[str]:
    """Every letter of ``text`` but ``letter``: :func:`marked` then picks ``letter`` again."""
    return {c.casefold() for c in text if c.casefold() != letter}
