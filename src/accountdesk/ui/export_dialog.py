"""File → Export…: everything to a file, in the format the user picks (a spreadsheet's CSV,
the full JSON export, an address book's vCard), off the GUI thread behind a progress window
with Cancel; the format's rules are :mod:`accountdesk.core.io.exports`'s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import _, ltr_shown
from accountdesk.core.io.exports import FORMATS, ExportStopped, export_file
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext


def filters() -> dict[str, str]:
    """The file dialog's filter of each format, in the order offered."""
    return {
        "csv": _("Spreadsheet, one row per contact (*.csv)"),
        "json": _("Everything, to open in another AccountDesk (*.json)"),
        "vcard": _("Address book cards of the contacts (*.vcf)"),
    }


def with_extension(path: Path, kind: str) -> Path:
    """``path`` with the extension of ``kind`` when the name typed has none of it (a name
    typed without one, "contacts", got no way to be opened by a double click)."""
    extension = FORMATS[kind]
    allowed = (extension, ".vcard") if kind == "vcard" else (extension,)
    return path if path.suffix.lower() in allowed else path.with_name(path.name + extension)


def choose_target(ctx: AppContext, parent: QWidget | None) -> tuple[Path, str] | None:
    """Ask where to export and in which format (the file dialog's filter); None: cancelled."""
    offered = filters()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # TRANSLATORS: the file name suggested for an export of everything; keep {date} and .csv
    name = _("accountdesk-{date}.csv").format(date=ctx.today().isoformat())
    suggested = Path(folder or Path.home()) / name
    typed, chosen = QFileDialog.getSaveFileName(
        parent, _("Export"), str(suggested), ";;".join(offered.values()), offered["csv"]
    )
    if not typed:
        return None
    kind = next((k for k, text in offered.items() if text == chosen), "csv")
    return with_extension(Path(typed), kind), kind


def export_to_file(
    ctx: AppContext, parent: QWidget | None, path: Path, kind: str
) -> QProgressDialog:
    """Write the export of ``kind`` to ``path`` behind a progress window; the status bar says
    how much was written, a message box what went wrong (nothing written then: a file that was
    at ``path`` stays as it was)."""
    db = ctx.db

    def work(progress: tasks.Progress) -> Any:
        progress(0, -1)  # how long it takes is not known: a busy bar
        return export_file(db, path, kind, go_on=lambda: progress(0, -1))

    def done(message: str) -> None:
        ctx.status.emit(
            _("{done} Written to {file}.").format(done=message, file=ltr_shown(str(path)))
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ExportStopped):  # Cancel: what was asked for, no box to close
            ctx.status.emit(str(exc))
            return
        QMessageBox.warning(parent, _("Export"), str(exc))

    title = _("Exporting to {file}…").format(file=isolate(path.name))
    return tasks.run_with_progress(parent, title, work, done, failed)
