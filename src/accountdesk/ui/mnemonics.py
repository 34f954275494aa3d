"""Accelerator letters for the menus, in every language.

Only the menu bar's titles carry an ``&`` in the catalogs (``&File`` → ``&Fails``, ``ไฟล์(&F)``);
the items under them had none, so a keyboard user could open a menu with Alt+letter but not
choose an item with a letter. :func:`give_mnemonics` marks a letter of each item that has none,
unique within its menu, in the text as the window shows it (translated): a letter a translator
chose (``&`` in the catalog) is kept and never given to another item.

A text in Latin letters gets one of its own letters marked: plain ASCII letters before other
Latin ones (``Š``, ``Ā``), anywhere in the text ("Š&odien"), and of each the first letters of
words before the others. A text in another
script (Thai, Persian; a language's own name, ``ไทย``, in any window) follows Qt's practice for
those languages (``เลิกทำ(&U)`` in Qt's own catalogs): a Latin letter in brackets after the
text, before a closing ``…`` or ``:`` (``บัญชีลูกค้าใหม่(&N)…``). The letter is the one the item
has in the English menu, so the keys are the same in every language, unless another item
has it; then one of the English text's other letters, then the first letter of the alphabet
left (a text that is no translation).

An action whose text changes later (Undo names what it undoes) keeps its letter: the mark is
put back on each change.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from accountdesk.core.i18n import source_text


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
    """Positions in ``text`` worth marking, best first (``&&`` pairs skipped): plain ASCII
    letters and digits, the first of a word before the others, then other Latin letters in
    the same order ("Šodien" gets its "o": an "Š" takes AltGr or a dead key on a Latvian
    keyboard, so Alt+Š cannot be pressed)."""
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
    for group in (starts, plain):
        yield from (i for i in group if not text[i].isascii() and _latin(text[i]))


def marked(text: str, used: set[str]) -> str | None:
    """``text`` with ``&`` before its best letter not in ``used``; None when none is left."""
    for index in _candidates(text):
        letter = text[index].casefold()
        if letter not in used:
            return f"{text[:index]}&{text[index:]}"
    return None


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_CLOSING = ("…", "...", ":")

#: A letter in brackets (:func:`bracketed`, or a catalog's: ``ไฟล์(&F)``).
_BRACKETED = re.compile(r"\(&[^&\s]\)")


def in_own_script(text: str) -> bool:
    """Whether ``text`` has letters of a script other than Latin (its letter goes in brackets
    after it)."""
    return any(ch.isalpha() and not _latin(ch) for ch in text)


def bracketed(text: str, letter: str) -> str:
    """``text`` with ``(&L)`` after it, before a closing ``…`` or ``:`` (Qt's practice)."""
    body = text.rstrip()
    end = next((c for c in _CLOSING if body.endswith(c)), "")
    body = body.removesuffix(end) if end else body
    return f"{body}(&{letter.upper()}){end}{text[len(text.rstrip()) :]}"


def _bracket_letter(english: str | None, source: str | None, used: set[str]) -> str | None:
    """The letter for a text in its own script: the item's letter in English, else one of the
    English text's other letters, else the first of the alphabet left."""
    choices = [english] if english else []
    if source:
        choices.extend(source[i].casefold() for i in _candidates(source) if source[i].isascii())
    choices.extend(_ALPHABET)
    return next((c for c in choices if c.isalpha() and c not in used), None)


def _source(text: str) -> str | None:
    """The English text ``text`` is the translation of; for one that starts with a translation
    and a space (Undo's "เลิกทำ ลบผู้ติดต่อ …" when the window is made after a delete), that
    translation's."""
    words = text.split(" ")
    found = (source_text(" ".join(words[:n])) for n in range(len(words), 0, -1))
    return next((s for s in found if s is not None), None)


def _english_letters(texts: list[str]) -> list[str | None]:
    """The letter each item of a menu has in English (as this module gives them there), found
    through the English text each translation comes from; None for one that is no
    translation."""
    sources = [_source(t) for t in texts]
    used = {m for s in sources if s and (m := mnemonic(s)) is not None}
    letters: list[str | None] = []
    for source in sources:
        letter = mnemonic(source) if source else None
        if source and letter is None and (text := marked(source, used)) is not None:
            letter = mnemonic(text)
            assert letter is not None
            used.add(letter)
        letters.append(letter)
    return letters


def give_mnemonics(menu: QMenu | QMenuBar) -> None:
    """Mark a letter, unique within the menu, in every item of ``menu`` and its submenus that
    has none."""
    actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    used = {letter for a in actions if (letter := mnemonic(a.text())) is not None}
    for action in actions:
        if _BRACKETED.search(action.text()):  # a catalog's own: the menu bar's "ไฟล์(&F)"
            _show_without_letter(action)
            _keep_shown(action)
    texts = [a.text() for a in actions]
    english = _english_letters(texts) if any(map(in_own_script, texts)) else []
    # the texts without an English one last: a letter of the alphabet left must not take one
    # that another item has in English
    order = sorted(range(len(actions)), key=lambda i: in_own_script(texts[i]) and not english[i])
    for index in order:
        action = actions[index]
        if mnemonic(action.text()) is not None:
            continue
        if in_own_script(action.text()):
            letter = _bracket_letter(english[index], _source(texts[index]), used)
            if letter is not None:
                used.add(letter)
                _put_in_brackets(action, letter)
                _keep(action, letter, in_brackets=True)
            continue
        text = marked(action.text(), used)
        letter = mnemonic(text) if text is not None else None
        if text is not None and letter is not None:
            used.add(letter)
            action.setText(text)
            _keep(action, letter, in_brackets=False)
    for action in actions:
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            give_mnemonics(submenu)


def plain_label(text: str) -> str:
    """An item's ``text`` as a tool button or a tooltip shows it: Qt's own rule for the texts
    it derives (its mark ``&`` left out, ``&&`` a plain ``&``, every ``…`` and ``...``
    dropped, trimmed: "Find…" is "Find"), and a bracketed letter left out too, which Qt
    keeps ("ไฟล์(&F)" read "ไฟล์(F)", "ค้นหา(&F)…" "ค้นหา…")."""
    text = _BRACKETED.sub("", text).replace("...", "").replace("…", "")
    return re.sub("&(.?)", r"\1", text, flags=re.DOTALL).strip()


def _show_without_letter(action: QAction) -> None:
    """Give a tool button and a tooltip the action's text without its bracketed letter
    (:func:`plain_label`); set only when it differs, as setting it calls ``changed``."""
    shown = plain_label(action.text())
    if action.iconText() != shown:
        action.setIconText(shown)
    if action.toolTip() != shown:
        action.setToolTip(shown)


def _keep_shown(action: QAction) -> None:
    """:func:`_show_without_letter` again when a catalog-marked action's text is replaced."""
    ref = weakref.ref(action)

    def again() -> None:
        found = ref()
        if found is not None and _BRACKETED.search(found.text()):
            _show_without_letter(found)

    action.changed.connect(again)


def _put_in_brackets(action: QAction, letter: str) -> None:
    """``letter`` in brackets after the action's text; a tool button and a tooltip show the
    text without it (Qt leaves "(U)" in them: the status bar's Undo read "เลิกทำ(U)"), and
    without a closing "…", as Qt shows an English one (:func:`plain_label`)."""
    action.setText(bracketed(action.text(), letter))  # first: the changes below find it marked
    _show_without_letter(action)


def _keep(action: QAction, letter: str, *, in_brackets: bool) -> None:
    """Put ``letter``'s mark back when the action's text is replaced (a weak reference: the
    connection does not keep the action alive)."""
    ref = weakref.ref(action)

    def remark() -> None:
        found = ref()
        if found is None or mnemonic(found.text()) is not None:
            return
        if in_brackets:
            _put_in_brackets(found, letter)
            return
        text = marked(found.text(), used=set(_others(found.text(), letter)))
        if text is not None:
            found.setText(text)

    action.changed.connect(remark)


def _others(text: str, letter: str) -> set[str]:
    """Every letter of ``text`` but ``letter``: :func:`marked` then picks ``letter`` again."""
    return {c.casefold() for c in text if c.casefold() != letter}
