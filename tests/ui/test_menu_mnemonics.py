"""Every menu item can be chosen with a letter, unique within its menu, in every language: the
catalogs mark only the menu bar's titles (``&Fails``, ``ไฟล์(&F)``), the items had none. A text
in Thai or Persian gets the item's English letter in brackets after it, as Qt's catalogs do."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QMenu

from accountdesk.core.i18n import _, use_language
from accountdesk.ui import tasks
from accountdesk.ui.main_window import MainWindow
from accountdesk.ui.mnemonics import (
    bracketed,
    give_mnemonics,
    in_own_script,
    marked,
    mnemonic,
    plain_label,
)

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


@pytest.mark.parametrize("lang", ["en", "lv", "sl", "tr", "th", "fa"])
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
            assert letters.get("", []) == [], (lang, each.title(), letters[""])
            clashes = {k: v for k, v in letters.items() if len(v) > 1}
            assert clashes == {}, (lang, each.title(), clashes)
            for action in each.actions():  # a Latin letter, in brackets in a script of its own
                letter = mnemonic(action.text())
                assert action.isSeparator() or not in_own_script(letter or "ไ"), action.text()
                if in_own_script(action.text()):
                    assert f"(&{letter.upper()})" in action.text(), action.text()


def _items(window: MainWindow) -> dict[str, QAction]:
    """Every item of the window's menus by its text without the mark."""
    found: dict[str, QAction] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for each in _menus(menu):
            for action in each.actions():
                if not action.isSeparator():
                    found[_plain(action.text())] = action
    return found


def _plain(text: str) -> str:
    """A menu item's text without its mark (``&`` or ``(&L)``)."""
    return re.sub(r"\(&[A-Z]\)", "", text).replace("&", "")


@pytest.mark.parametrize("lang", ["th", "fa"])
def test_thai_and_persian_items_have_the_english_letters_in_brackets(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    english = {
        plain: (mnemonic(a.text()), a.shortcut().toString())
        for plain, a in _items(_window(ctx, qtbot, tmp_path)).items()
    }
    with use_language(lang):
        window = _window(ctx, qtbot, tmp_path)
        new_account, quick_log = _("New account…"), _("Quick log…")
        about, encrypt = _("About AccountDesk"), _("Encrypt database…")
        shown = {
            source: _(source)
            for source in english
            if source not in ("ไทย", "فارسی") and _(source) != source
        }
    items = _items(window)
    assert items[new_account].text() == new_account.removesuffix("…") + "(&N)…"
    assert items[quick_log].text() == quick_log.removesuffix("…") + "(&Q)…"
    assert items[about].text() == about + "(&A)"
    assert mnemonic(items[encrypt].text()) == english["Encrypt database…"][0]
    # every translated item: the letter and the shortcut it has in English (Ctrl+N …)
    assert len(shown) > 20
    for source, text in shown.items():
        action = items[text]
        assert mnemonic(action.text()) == english[source][0], (source, action.text())
        assert action.shortcut().toString() == english[source][1], source


def test_a_text_in_its_own_script_gets_a_bracketed_letter() -> None:
    menu = QMenu()
    for text in ("ไทย", "Türkçe", "فارسی", "ทำซ้ำ:", "ค้นหา...", "&Open"):
        menu.addAction(QAction(text, menu))
    give_mnemonics(menu)
    shown = [a.text() for a in menu.actions()]
    # no English text to take a letter from: the first of the alphabet left, after the others
    assert shown == ["ไทย(&A)", "&Türkçe", "فارسی(&B)", "ทำซ้ำ(&C):", "ค้นหา(&D)...", "&Open"]
    assert bracketed("ถังขยะ…", "t") == "ถังขยะ(&T)…"
    assert in_own_script("درباره AccountDesk") and not in_own_script("Šifrēt datubāzi")
    menu.deleteLater()


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


@pytest.mark.parametrize("lang", ["lv", "th"])
def test_a_letter_in_an_open_menu_chooses_the_item(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    with use_language(lang):
        window = _window(ctx, qtbot, tmp_path)
        countries = _("Countries")
    window.show()
    view_menu = window.menuBar().actions()[2].menu()
    assert isinstance(view_menu, QMenu)
    action = next(a for a in view_menu.actions() if _plain(a.text()) == countries)
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


def test_undo_keeps_its_bracketed_letter_in_thai(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    with use_language("th"):
        window = _window(ctx, qtbot, tmp_path)
        assert window.undo_action.text() == _("Undo") + "(&U)"
        undo = _("Undo")
    assert window.undo_button.text() == undo  # the status bar's button: no "(U)"
    ctx.undo_stack.push(QUndoCommand("ย้าย Baltic Timber ไปที่ถังขยะ"))
    assert window.undo_action.text() == f"{undo} ย้าย Baltic Timber ไปที่ถังขยะ(&U)"
    assert window.undo_button.text() == f"{undo} ย้าย Baltic Timber ไปที่ถังขยะ"
    assert window.undo_action.toolTip() == window.undo_button.text()
    ctx.undo_stack.clear()
    assert window.undo_action.text() == f"{undo}(&U)"
    assert window.undo_button.text() == undo


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
    assert marked("Ātrais eksports", set()) == "Ātrais &eksports"


def test_a_plain_letter_inside_a_word_comes_before_a_letter_with_a_diacritic() -> None:
    """Native review: Latvian "Šodien" (View → Today) was given "Š", which a Latvian keyboard
    types with AltGr or a dead key, so Alt+Š cannot be pressed; "o" was free."""
    assert marked("Šodien", set()) == "Š&odien"
    assert marked("Ātrais", set()) == "Ā&trais"
    assert marked("Ērtības", set()) == "Ē&rtības"
    assert marked("Ērtības", {"r", "t", "b", "a", "s"}) == "&Ērtības"  # then a word's first
    assert marked("Ērtības", {"r", "t", "b", "a", "s", "ē"}) == "Ērt&ības"
    assert marked("ab", {"a", "b"}) is None
    assert marked("ไทย", set()) is None
    assert mnemonic("Q&&A") is None and mnemonic("&Fails") == "f"


def _all_actions(menu: Any) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_all_actions(sub))
    return found


@pytest.mark.parametrize("lang", ["en", "th", "fa"])
def test_tooltips_and_icon_texts_have_no_letter_and_no_ellipsis(
    lang: str, ctx: Any, qtbot: Any, tmp_path: Any
) -> None:
    """Qt shows "Find…" as "Find" on a tool button and in a tooltip; the Thai and Persian
    texts set for them kept the "…" ("ค้นหา…"), and the menu bar's titles, whose letters
    the catalogs mark, kept their letter ("ไฟล์(F)")."""
    with use_language(lang):
        window = _window(ctx, qtbot, tmp_path)
    actions = _all_actions(window.menuBar())
    assert any(a.text().rstrip().endswith(("…", "...")) for a in actions)
    for action in actions:
        for shown in (action.iconText(), action.toolTip()):
            assert shown == plain_label(action.text()), (action.text(), shown)
            assert not re.search(r"\([A-Z]\)|…|\.\.\.|&", shown), (action.text(), shown)


@pytest.mark.parametrize("text", ["Find…", "Quick log...", "&New account…", "Q&&A", "Fi…nd "])
def test_plain_label_is_what_qt_shows_for_english(text: str) -> None:
    """:func:`plain_label` is Qt's own rule for an English text (its iconText)."""
    assert plain_label(text) == QAction(text).iconText()


def test_a_catalog_marked_title_is_shown_without_its_letter() -> None:
    menu = QMenu()
    title = QAction("ไฟล์(&F)", menu)
    menu.addAction(title)
    menu.addAction(QAction("ค้นหา…", menu))
    give_mnemonics(menu)
    assert [(a.iconText(), a.toolTip()) for a in menu.actions()] == [
        ("ไฟล์", "ไฟล์"),
        ("ค้นหา", "ค้นหา"),
    ]
    title.setText("แก้ไข(&E)")  # a text replaced later is shown without its letter too
    assert (title.iconText(), title.toolTip()) == ("แก้ไข", "แก้ไข")
