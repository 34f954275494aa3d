"""The in-app PDF preview (QtPdf) with "Save as…" and "Print…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.errors import UserError
from accountdesk.core.files import write_atomically
from accountdesk.core.i18n import _, format_number, ngettext
from accountdesk.ui.accessible import name_field
from accountdesk.ui.modal import run_modal

#: Resolution pages are rendered at for printing.
PRINT_DPI = 300


class PdfPreview(QWidget):
    """Shows PDF bytes; :meth:`save_as` copies them to a file, :meth:`print_pdf` prints them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = b""
        self.file_name = "report.pdf"
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        name_field(self.view, _("Report preview"))  # for a screen reader
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self)
        self.pages.setWordWrap(True)  # a long hint in Latvian made the window 1094 px wide
        self.save_button = QPushButton(_("Save as…"), self)
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.clicked.connect(self.print_pdf)
        bar = QHBoxLayout()
        bar.addWidget(self.pages, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        #: The choices changed since the report shown was made (it is still shown, and can
        #: still be saved or printed, with a line that says so).
        self.stale = False
        self._set_enabled(False)
        self.pages.setText(_("Choose a report and press Generate to preview it here."))

    def mark_stale(self, *_args: object) -> None:
        """The choices changed: the pages shown are of the earlier ones. A report switched
        from the portfolio to the trip brief went on showing the portfolio's pages under
        "7 pages", with nothing saying they were not the trip brief chosen."""
        if self.stale or not self.pdf_bytes:
            return
        self.stale = True
        self.pages.setText(
            _("This preview is of the earlier choices: press Generate for a report of these.")
        )

    def _set_enabled(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        self.print_button.setEnabled(on)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def show_pdf(self, data: bytes, file_name: str) -> None:
        """Load ``data`` into the view (from a QBuffer kept alive with the document)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self.pdf_bytes = data
        self.file_name = file_name
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        ok = self.document.status() == QPdfDocument.Status.Ready and self.page_count() > 0
        self._set_enabled(ok)
        self.stale = False
        if ok:
            count = self.page_count()
            self.pages.setText(
                ngettext("{pages} page", "{pages} pages", count).format(pages=format_number(count))
            )
        else:
            self.pages.setText(_("The report could not be shown."))

    def save_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report"), self.file_name, _("PDF files (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> None:
        """Write the report to ``path`` (``.pdf`` added) all at once, as the command line does
        (:func:`core.files.write_atomically`: a failure leaves the file as it was); a failure
        is one sentence naming the path ("… cannot be written: there is no such file or
        folder; nothing was written.")."""
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_atomically(target, self.pdf_bytes)
        except UserError as exc:
            QMessageBox.warning(self, _("Save the report"), str(exc))

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the report"))
        if run_modal(dialog) == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page (or the chosen range) onto ``printer``; returns pages printed."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        first, last = max(1, first), min(count, last)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(
                    max(1, round(points.width() / 72 * PRINT_DPI)),
                    max(1, round(points.height() / 72 * PRINT_DPI)),
                )
                image = self.document.render(index, size)
                area = painter.viewport()
                scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(area.x(), area.y(), scaled.width(), scaled.height())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed
