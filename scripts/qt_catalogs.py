#!/usr/bin/env python3
"""Catalogs of Qt's own strings for the languages Qt itself leaves (partly) in English.

    uv run python scripts/qt_catalogs.py update    # add the strings Qt asks for to every .ts
    uv run python scripts/qt_catalogs.py compile   # .ts -> .qm with pyside6-lrelease (committed)
    uv run python scripts/qt_catalogs.py all       # the two in order

Qt's dialog buttons, text-field context menus, spin boxes, message boxes, file dialog and
progress dialog translate themselves from ``qtbase_<lang>.qm``. PySide6 ships that catalog for
Latvian, Turkish and Persian, none for Thai and only an old, incomplete ``qt_sl.qm`` for
Slovenian, so AccountDesk carries ``translations/qt/qtbase_th.ts`` and ``qtbase_sl.ts`` (Qt
Linguist files, editable with ``pyside6-linguist``) and their compiled ``.qm`` files, which
``ui.app.apply_language`` installs before Qt's (whose translations fill in the rest).

Qt's C++ sources are not at hand for ``lupdate``, so ``update`` plays its part: it builds those
widgets under a recording ``QTranslator``, which sees every (context, source text,
disambiguation) Qt looks up, and adds the ones of :data:`CONTEXTS` that a catalog lacks as
unfinished entries. Entries Qt did not ask for here stay (they may be for Windows or macOS) and
are listed. ``tests/ui/test_qt_catalogs.py`` fails while an entry is unfinished, while Qt asks
for a string a catalog lacks, or while a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "translations" / "qt"
LANGUAGES = ("th", "sl")
#: The Qt translation contexts the catalogs cover.
CONTEXTS = frozenset(
    {
        "QAbstractFileIconProvider",  # the file dialog's Type column: Folder, File, Drive
        "QAbstractSpinBox",  # spin box and date edit context menu
        "QCalendarWidget",  # no strings in Qt 6 (names come from QLocale); watched for new ones
        "QFileDialog",
        "QFileSystemModel",  # the file dialog's column headers
        "QGnomeTheme",  # dialog buttons on GNOME desktops
        "QGuiApplication",  # QT_LAYOUT_DIRECTION
        "QInputDialog",
        "QLineEdit",  # line edit context menu
        "QMessageBox",
        "QPlatformTheme",  # dialog buttons everywhere else
        "QProgressDialog",
        "QWidgetTextControl",  # text edit and text browser context menu
    }
)
#: Strings Qt asks for that stay as they are: key sequences (translating them would change
#: the shortcut, and Qt draws the key names itself).
UNTRANSLATED = frozenset(
    {
        ("QFileDialog", "Alt+Left", ""),
        ("QFileDialog", "Alt+Right", ""),
        ("QFileDialog", "Alt+Up", ""),
    }
)

#: Every standard button of QDialogButtonBox and QMessageBox.
STANDARD_BUTTONS = (
    "Ok", "Save", "SaveAll", "Open", "Yes", "YesToAll", "No", "NoToAll", "Abort", "Retry",
    "Ignore", "Close", "Cancel", "Discard", "Help", "Apply", "Reset", "RestoreDefaults",
)  # fmt: skip

Key = tuple[str, str, str]  # context, source text, disambiguation ("" when none)


@dataclass
class Entry:
    context: str
    source: str
    comment: str  # Qt's disambiguation: part of the key
    translation: str
    finished: bool

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


def ts_path(lang: str) -> Path:
    return FOLDER / f"qtbase_{lang}.ts"


def qm_path(lang: str) -> Path:
    return FOLDER / f"qtbase_{lang}.qm"


def read_ts(path: Path) -> tuple[str, list[Entry]]:
    """The language attribute and the entries of a Qt Linguist file, in file order."""
    root = ET.parse(path).getroot()
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (path, message.findtext("source"))
            if message.get("numerus") == "yes":
                raise NotImplementedError("numerus entries: edit them in pyside6-linguist")
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=translation.text or "",
                    finished=translation.get("type") not in ("unfinished", "vanished"),
                )
            )
    return root.get("language") or "", entries


def _escape(text: str) -> str:
    for old, new in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("'", "&apos;"),
        ('"', "&quot;"),
    ):
        text = text.replace(old, new)
    return text


def write_ts(path: Path, language: str, entries: list[Entry]) -> None:
    """Write the entries grouped by context (contexts sorted, entries in their given order),
    in the layout lupdate uses."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en">',
    ]
    for context in sorted({e.context for e in entries}):
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        for entry in (e for e in entries if e.context == context):
            lines += ["    <message>", f"        <source>{_escape(entry.source)}</source>"]
            if entry.comment:
                lines.append(f"        <comment>{_escape(entry.comment)}</comment>")
            kind = "" if entry.finished else ' type="unfinished"'
            lines += [
                f"        <translation{kind}>{_escape(entry.translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines += ["</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def lrelease_command() -> list[str]:
    """The lrelease that ships with PySide6 (what ``pyside6-lrelease`` runs)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    tool = Path(PySide6.__file__).resolve().parent / name
    if not tool.is_file():
        raise FileNotFoundError(f"{tool} is missing: PySide6 ships it, reinstall PySide6")
    return [str(tool)]


def compile_ts(source: Path, target: Path) -> None:
    subprocess.run(
        [*lrelease_command(), "-silent", str(source), "-qm", str(target)],
        check=True,
    )


def requested_strings() -> set[Key]:
    """Every (context, source, disambiguation) of :data:`CONTEXTS` that Qt looks up while it
    builds the widgets the catalogs are for. Needs a QApplication."""
    from PySide6.QtCore import QCoreApplication, QDir, QEventLoop, QPoint, QTimer, QTranslator
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import (
        QApplication,
        QCalendarWidget,
        QDateEdit,
        QDialogButtonBox,
        QDoubleSpinBox,
        QFileDialog,
        QInputDialog,
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QProgressDialog,
        QSpinBox,
        QTextBrowser,
        QTextEdit,
        QWidget,
    )

    class Recorder(QTranslator):
        def __init__(self) -> None:
            super().__init__()
            self.seen: set[Key] = set()

        def translate(  # type: ignore[override]
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            self.seen.add((context, source, disambiguation or ""))
            # The source itself: an empty string would blank the widgets.
            return source

        def isEmpty(self) -> bool:
            return False

    def pump(msecs: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(msecs, loop.quit)
        loop.exec()

    def close_popup() -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()

    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    widgets: list[Any] = []
    try:
        buttons = QDialogButtonBox()
        for name in STANDARD_BUTTONS:
            buttons.addButton(getattr(QDialogButtonBox.StandardButton, name))
        widgets.append(buttons)
        line = QLineEdit("text")
        text = QTextEdit()
        text.setPlainText("text")
        browser = QTextBrowser()
        browser.setHtml('<a href="https://example.com/">link</a>')
        plain = QPlainTextEdit("text")
        widgets += [line, text, browser, plain]
        line.createStandardContextMenu().deleteLater()
        text.createStandardContextMenu().deleteLater()
        browser.createStandardContextMenu(QPoint(2, 2)).deleteLater()
        plain.createStandardContextMenu().deleteLater()
        for spin in (QSpinBox(), QDoubleSpinBox(), QDateEdit()):
            widgets.append(spin)
            spin.show()
            QTimer.singleShot(0, close_popup)  # the menu runs its own loop
            at = QPoint(2, 2)
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, spin.mapToGlobal(at))
            QApplication.sendEvent(spin, event)
        box = QMessageBox(QMessageBox.Icon.Warning, "t", "text", QMessageBox.StandardButton.Ok)
        box.setDetailedText("details")
        box.show()
        widgets.append(box)
        pump(10)
        action = QMessageBox.ButtonRole.ActionRole
        for button in [b for b in box.buttons() if box.buttonRole(b) == action]:  # details
            button.click()
            button.click()
        for mode in ("open", "save", "directory"):
            dialog = QFileDialog(None, "", QDir.tempPath())
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            if mode == "save":
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            elif mode == "directory":
                dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.show()
            widgets.append(dialog)
        pump(50)
        calendar = QCalendarWidget()
        date = QDateEdit()
        date.setCalendarPopup(True)
        progress = QProgressDialog()
        inputs = QInputDialog()
        widgets += [calendar, date, progress, inputs]
        for widget in (calendar, date, inputs):
            widget.show()
        pump(10)
    finally:
        QCoreApplication.removeTranslator(recorder)
        for widget in widgets:
            if isinstance(widget, QWidget):
                widget.close()
            widget.deleteLater()
        pump(10)
    return {key for key in recorder.seen if key[0] in CONTEXTS}


def update() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["qt_catalogs"])
    assert app is not None
    wanted = requested_strings() - UNTRANSLATED
    for lang in LANGUAGES:
        language, entries = read_ts(ts_path(lang))
        have = {e.key for e in entries}
        added = sorted(wanted - have)
        entries += [Entry(c, s, d, "", finished=False) for c, s, d in added]
        write_ts(ts_path(lang), language, entries)
        print(f"{lang}: {len(entries)} entries, {len(added)} added")
        for key in added:
            print("  new (translate it):", key)
        for entry in entries:
            if not entry.finished and entry.key not in added:
                print("  unfinished:", entry.key)
        for key in sorted(have - wanted):
            print("  not asked for here (an error path, Windows/macOS, or gone):", key)


def compile_all() -> None:
    for lang in LANGUAGES:
        compile_ts(ts_path(lang), qm_path(lang))
        print(f"{lang}: {qm_path(lang).relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    steps = {"update": [update], "compile": [compile_all], "all": [update, compile_all]}
    if len(argv) != 1 or argv[0] not in steps:
        print(__doc__)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for step in steps[argv[0]]:
        step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
