"""Every menu item can be chosen with a letter, unique within its menu, in every Latin-script
language: the catalogs mark only the menu bar's titles (``&Fails``), the items had none."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QMenu

from accountdesk.core.i18n import _, use_language
from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow
from accountdesk.ui.mnemonics import give_mnemonics, marked, mnemonic

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _menus(menu: QMenu) -> list[QMenu]:
    found = [menu]
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_menus(sub))
    return found


def _letters(menu: QMenu) -> dict[str, list[str]]:
    """Each item's text (as shown, ``&`` left out) by its letter; "" for an item without."""
    letters: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        letter = mnemonic(action.text()) or ""
        letters.setdefault(letter, []).append(action.text().replace("&", ""))
    return letters


def _window(ctx: Any, qtbot: Any, tmp_path: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "tr"])
def test_every_menu_item_has_its_own_letter(lang: str, ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    with use_language(lang):
        window = _window(ctx, qtbot, tmp_path)
        file_title = _("&File")
    bar = window.menuBar()
    assert bar.actions()[0].text() == file_title  # the translator's letter is kept
    for top in bar.actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for each in _menus(menu):
            letters = _letters(each)
            languages = {"ไทย", "فارسی"}  # the language names in a script of their own
            without = [t for t in letters.get("", []) if t not in languages]
            assert without == [], (lang, each.title(), without)
            clashes = {k: v for k, v in letters.items() if k and len(v) > 1}
            assert clashes == {}, (lang, each.title(), clashes)


def test_the_item_texts_are_the_translations_with_a_letter_marked(
    ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    with use_language("lv"):
        window = _window(ctx, qtbot, tmp_path)
        expected = [_("New account…"), _("New contact…"), _("Import contacts…")]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    shown = [a.text() for a in file_menu.actions() if not a.isSeparator()][:3]
    assert [t.replace("&", "") for t in shown] == expected
    assert all(t.count("&") == 1 for t in shown)


def test_a_letter_in_an_open_menu_chooses_the_item(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    with use_language("lv"):
        window = _window(ctx, qtbot, tmp_path)
        countries = _("Countries")
    window.show()
    view_menu = window.menuBar().actions()[2].menu()
    assert isinstance(view_menu, QMenu)
    action = next(a for a in view_menu.actions() if a.text().replace("&", "") == countries)
    letter = mnemonic(action.text())
    assert letter is not None
    view_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(view_menu.isVisible, timeout=2000)
    with qtbot.waitSignal(action.triggered, timeout=2000):
        qtbot.keyClicks(view_menu, letter)
    tasks.pump(10)
    assert window.current_key() == "countries"


def test_undo_keeps_its_letter_when_it_names_what_it_undoes(
    ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    window = _window(ctx, qtbot, tmp_path)
    letter = mnemonic(window.undo_action.text())
    assert letter is not None
    ctx.undo_stack.push(QUndoCommand("Move Baltic Timber to the trash"))
    assert "Baltic Timber" in window.undo_action.text()
    assert mnemonic(window.undo_action.text()) == letter
    ctx.undo_stack.clear()


def test_a_letter_a_translator_chose_is_not_given_again() -> None:
    menu = QMenu()
    menu.addAction(QAction("&Open", menu))
    menu.addAction(QAction("Options", menu))
    menu.addAction(QAction("Q&&A", menu))
    give_mnemonics(menu)
    assert [a.text() for a in menu.actions()] == ["&Open", "O&ptions", "&Q&&A"]
    menu.deleteLater()


def test_word_starts_and_plain_letters_come_first() -> None:
    assert marked("Šifrēt datubāzi", set()) == "Šifrēt &datubāzi"
    assert marked("Šodien", {"o", "d", "i", "e", "n"}) == "&Šodien"
    assert marked("ab", {"a", "b"}) is None
    assert marked("ไทย", set()) is None
    assert mnemonic("Q&&A") is None and mnemonic("&Fails") == "f"
