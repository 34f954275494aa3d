#!/usr/bin/env python3
"""Catalogs of Qt's own strings for the languages Qt itself leaves (partly) in English.

    uv run python scripts/qt_catalogs.py update    # add the strings Qt asks for to every .ts
    uv run python scripts/qt_catalogs.py compile   # .ts -> .qm with pyside6-lrelease (committed)
    uv run python scripts/qt_catalogs.py all       # the two in order

Qt's dialog buttons, text-field context menus, spin boxes, message boxes, file dialog,
progress dialog and print dialog translate themselves from ``qtbase_<lang>.qm``. PySide6 ships
that catalog for Latvian, Turkish and Persian, none for Thai and only an old, incomplete
``qt_sl.qm`` for Slovenian, so AccountDesk carries ``translations/qt/qtbase_th.ts`` and
``qtbase_sl.ts`` with every string of :data:`CONTEXTS` (Qt Linguist files, editable with
``pyside6-linguist``) and their compiled ``.qm`` files, which ``ui.app.apply_language`` installs
before Qt's (whose translations fill in the rest). For Latvian, Persian and Turkish
(:data:`GAPS_ONLY`) ``qtbase_lv.ts``, ``qtbase_fa.ts`` and ``qtbase_tr.ts`` hold only what
Qt's own catalog leaves in English: strings it lacks (Qt 6.11 added accelerators to "Page
&order:", "&Look in:"; the print dialog's duplex options are newer than its Latvian and
Persian catalogs) or "translates" as the English ("Envelope C5" in Persian), and the few of
its translations we replace (Persian "Note" paper is not "none").

Qt's C++ sources are not at hand for ``lupdate``, so ``update`` plays its part: it builds those
widgets under a recording ``QTranslator``, which sees every (context, source text,
disambiguation) Qt looks up, and adds the ones of :data:`CONTEXTS` that a catalog lacks as
unfinished entries (for :data:`GAPS_ONLY`, the ones Qt's catalog does not translate). The print
dialog is built as the report preview's Print… shows it on Linux: its options expanded, its
Properties dialog (Page and Job Options tabs: page sizes, margins, CUPS job options), the file
dialog of "Print to File", and its refusals of an output file that is a folder or exists.
Without a CUPS printer Qt asks neither for a printer's password nor for the conflicts of its
options; those entries were added by hand and are kept. Entries Qt did not ask for here stay
(they may be for Windows or macOS) and are listed. ``tests/ui/test_qt_catalogs.py`` fails while
an entry is unfinished, while Qt asks for a string a catalog lacks, while a ``.qm`` is older
than its ``.ts``, or while the print dialog or its Properties show English in any language.
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
#: The languages with a project catalog. Thai and Slovenian hold every string Qt asks for in
#: :data:`CONTEXTS`; the ones in :data:`GAPS_ONLY` only what the catalog that comes with Qt
#: leaves untranslated (its translations fill in the rest).
LANGUAGES = ("th", "sl", "lv", "fa", "tr")
GAPS_ONLY = frozenset({"lv", "fa", "tr"})
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
        # The print dialog (the report preview's Print…), on Linux:
        "QPrintDialog",  # the dialog, its page-set and layout combos, its file checks
        "QPrintWidget",  # its upper half: printer, Properties, output file
        "QPrintSettingsOutput",  # its lower half (Options >>): range, copies, colour, duplex
        "QPrintPropertiesDialog",  # Properties: the dialog, the Job Options tab
        "QPrintPropertiesWidget",  # Properties: the Page and Advanced tabs
        "QPageSetupWidget",  # Properties, Page tab: paper, orientation, margins, layout
        "QPageSize",  # the page size names of the Page tab
        "QCupsJobWidget",  # Properties, Job Options tab (CUPS)
        "QCupsPrinterSupport",  # CUPS asks for a user name and password (not asked here)
        "Print Device Input Slot",  # a printer's paper source "Automatic" (not asked here)
        "Print Device Output Bin",  # (not asked here)
        "QTabBar",  # the Properties tabs' scroll buttons (read by screen readers)
    }
)
#: Strings Qt asks for that stay as they are: key sequences (translating them would change
#: the shortcut, and Qt draws the key names itself), the title of a Designer form used as a
#: child widget (never shown), the file browser button's dots, and page sizes named by a code
#: (ISO A and B, JIS B, ANSI, the PRC sizes), which every language writes alike.
UNTRANSLATED = frozenset(
    {
        ("QFileDialog", "Alt+Left", ""),
        ("QFileDialog", "Alt+Right", ""),
        ("QFileDialog", "Alt+Up", ""),
        ("QPrintWidget", "...", ""),
        *((context, "Form", "") for context in (
            "QPageSetupWidget", "QPrintPropertiesWidget", "QPrintSettingsOutput", "QPrintWidget",
        )),
        *(("QPageSize", f"{series}{n}", "") for series in ("A", "B", "JIS B") for n in range(11)),
        *(("QPageSize", f"ANSI {letter}", "") for letter in "CDE"),
        ("QPageSize", "PRC 16K", ""),
        ("QPageSize", "PRC 32K", ""),
    }
)  # fmt: skip

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
        _record_print_dialog(pump)
    finally:
        QCoreApplication.removeTranslator(recorder)
        for widget in widgets:
            if isinstance(widget, QWidget):
                widget.close()
            widget.deleteLater()
        pump(10)
    return {key for key in recorder.seen if key[0] in CONTEXTS}


def _record_print_dialog(pump: Any) -> None:
    """What the report preview's Print… shows on Linux: the print dialog, its options
    (Options >>), its file browser (the ... of "Print to File"), the Properties dialog (Page and
    Job Options tabs, with every page size), and its refusals of an output file that is a
    folder or already exists. Each modal window is closed by a timer as it opens.

    Without a CUPS printer (as on a test run) Qt asks for neither the printer's password, the
    paper source "Automatic", nor the conflicts of a printer's options; those entries are
    kept in the catalogs as they were written."""
    import tempfile

    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QToolButton

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and not isinstance(modal, QPrintDialog):
            modal.reject()

    def click(button: Any) -> None:
        QTimer.singleShot(200, close_modal)  # the button may open a modal window
        button.click()
        pump(10)

    folder = tempfile.mkdtemp(prefix="qt_catalogs_")
    existing = Path(folder) / "report.pdf"
    existing.write_bytes(b"")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(folder)  # a folder: "… is a directory."
    dialog = QPrintDialog(printer)
    dialog.show()
    pump(10)
    buttons = dialog.findChildren(QPushButton)
    for button in [b for b in buttons if b.text() == "&Options >>"]:
        click(button)  # "&Options <<"
    for button in [b for b in buttons if b.objectName() == "properties"]:
        click(button)  # the Properties dialog: Page and Job Options tabs
    for tool in [b for b in dialog.findChildren(QToolButton) if b.objectName() == "fileBrowser"]:
        click(tool)  # the file dialog "Print To File ..."
    for button in [b for b in buttons if b.text() == "&Print"]:
        click(button)  # the folder is refused
        file_name = dialog.findChild(QLineEdit, "filename")
        assert file_name is not None
        file_name.setText(str(existing))
        click(button)  # "… already exists."
    dialog.close()
    shiboken6.delete(dialog)  # before its printer
    existing.unlink()
    Path(folder).rmdir()


def qt_translated(lang: str) -> Any:
    """The catalog that comes with Qt for ``lang`` (``qt_<lang>.qm`` and the module catalogs
    it loads), as a function of a key that says whether it translates it."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(lang), "qt", "_", folder):
        raise FileNotFoundError(f"Qt has no catalog for {lang!r} in {folder}")

    def translates(key: Key) -> bool:
        """Qt's catalog has a translation, and not the English itself (Qt's Latvian and
        Persian catalogs "translate" "Envelope C5" or "Architect A" as they are)."""
        context, source, disambiguation = key
        return translator.translate(context, source, disambiguation or None) not in ("", source)

    translates.translator = translator  # type: ignore[attr-defined]  # kept alive
    return translates


def wanted_strings(lang: str, asked: set[Key]) -> set[Key]:
    """What the catalog of ``lang`` must hold of the strings Qt asked for: all of them, or
    for :data:`GAPS_ONLY` the ones Qt's own catalog leaves in English (untranslated, or
    "translated" as the English). Such a catalog may hold more: an entry of ours replaces a
    wrong one of Qt's (Turkish "A4 Plus" is not "At Artı")."""
    wanted = asked - UNTRANSLATED
    if lang in GAPS_ONLY:
        translates = qt_translated(lang)
        wanted = {key for key in wanted if not translates(key)}
    return wanted


def update() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["qt_catalogs"])
    assert app is not None
    asked = requested_strings()
    for lang in LANGUAGES:
        wanted = wanted_strings(lang, asked)
        path = ts_path(lang)
        language, entries = read_ts(path) if path.exists() else (lang, [])
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
