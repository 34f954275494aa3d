"""The row keys of every table of records (ui/rowkeys.py): Return and keypad Enter open the
selected row, F2 edits it where the screen can edit, Delete moves it to the trash."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from accountdesk.ui.contacts.screen import ContactsScreen
from accountdesk.ui.items import ItemsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

KEYS = [
    ("return", Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    ("keypad enter", Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
    ("f2", Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    ("delete", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
]


def _press(qtbot: Any, window: QWidget, view: QWidget, key: Qt.Key, mod: Any) -> None:
    window.show()
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=2000)
    qtbot.keyClick(view, key, mod)


@pytest.mark.parametrize(("name", "key", "mod"), KEYS, ids=[k[0] for k in KEYS])
def test_a_record_tab_takes_the_row_keys(qtbot: Any, name: str, key: Qt.Key, mod: Any) -> None:
    done: list[tuple[str, str]] = []
    panel = ItemsPanel(
        [("Title", lambda d: d)], on_new=lambda: None,
        on_open=lambda item: done.append(("open", item)),
        on_delete=lambda item: done.append(("trash", item)),
    )  # fmt: skip
    qtbot.addWidget(panel)
    panel.set_items(["Spring order", "Autumn order"])
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    _press(qtbot, panel, panel.view, key, mod)
    # the tab's row button is "Edit…": opening a row is editing it, so F2 does it too
    expected = "trash" if name == "delete" else "open"
    assert done == [(expected, "Autumn order")]


def test_f2_does_nothing_on_a_record_tab_whose_rows_only_open(qtbot: Any) -> None:
    done: list[str] = []
    panel = ItemsPanel([("Title", lambda d: d)], on_open=done.append, open_text="Open")
    qtbot.addWidget(panel)
    panel.set_items(["Spring order"])
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    _press(qtbot, panel, panel.view, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert done == []
    qtbot.keyClick(panel.view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert done == ["Spring order"]


@pytest.mark.parametrize(("name", "key", "mod"), KEYS, ids=[k[0] for k in KEYS])
def test_a_list_screen_takes_the_row_keys(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch,
    name: str, key: Qt.Key, mod: Any,
) -> None:  # fmt: skip
    done: list[tuple[str, str]] = []
    screen = ContactsScreen(ctx, asynchronous=False)
    qtbot.addWidget(screen)
    monkeypatch.setattr(screen, "edit_record", lambda id_: done.append(("edit", id_)))
    monkeypatch.setattr(ctx, "delete", lambda _kind, id_, _title: done.append(("trash", id_)))
    ctx.open_record.connect(lambda _kind, id_: done.append(("open", id_)))
    screen.show()
    screen.table.selectRow(screen.model.row_of(sample["anna"]))
    _press(qtbot, screen, screen.table, key, mod)
    expected = {"f2": "edit", "delete": "trash"}.get(name, "open")
    assert done == [(expected, sample["anna"])]
