"""First run on an empty database: load demo data, import a CSV, or start empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.i18n import _
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext

DEMO_ACCOUNTS = 300


def load_demo(ctx: AppContext, parent: QWidget | None, accounts: int = DEMO_ACCOUNTS) -> QDialog:
    """Generate demo data off the GUI thread behind a cancellable progress dialog."""
    from accountdesk.core.demo import generate

    db = ctx.db

    def work(progress: tasks.Progress) -> Any:
        return generate(db, accounts=accounts, progress=progress)

    def done(summary: Any) -> None:
        ctx.changed.emit("account")
        ctx.changed.emit("contact")
        ctx.status.emit(summary.describe())

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, _("Demo data"), str(exc))

    return tasks.run_with_progress(parent, _("Adding demo data…"), work, done, failed)


def import_csv_file(ctx: AppContext, parent: QWidget | None, path: str) -> QDialog:
    """Import a CSV file off the GUI thread behind a cancellable progress dialog."""
    from accountdesk.core.io.csv_io import import_csv

    db = ctx.db

    def work(progress: tasks.Progress) -> Any:
        return import_csv(db, path, progress=lambda rows: progress(rows, rows + 1000))

    def done(report: Any) -> None:
        ctx.changed.emit("account")
        ctx.changed.emit("contact")
        QMessageBox.information(parent, _("Import"), report.summary())

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, _("Import"), str(exc))

    return tasks.run_with_progress(parent, _("Importing {file}…").format(file=path), work, done,
                                   failed)  # fmt: skip


def choose_csv(parent: QWidget | None) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Import contacts from CSV"), "", _("CSV files (*.csv);;All files (*)")
    )
    return path or None


class FirstRunDialog(QDialog):
    """Offered when the database has no accounts yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = "empty"
        self.setWindowTitle(_("Welcome to AccountDesk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Your database is empty. Load a set of demo accounts to look around, import your "
                "contacts from a CSV file, or start with an empty database."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key, text in (
            ("demo", _("Load demo data")),
            ("csv", _("Import a CSV file…")),
            ("empty", _("Start empty")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"firstrun_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._choose(k))
            layout.addWidget(button)
        self.resize(460, 220)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    def run_choice(self) -> None:
        parent = self.parentWidget()
        if self.choice == "demo":
            load_demo(self.ctx, parent)
        elif self.choice == "csv":
            path = choose_csv(parent)
            if path:
                import_csv_file(self.ctx, parent, path)
