"""First run on an empty database: load demo data, import a file (ui/import_dialog.py), or
start empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
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
                "contacts from a CSV, vCard or JSON file, or start with an empty database."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key, text in (
            ("demo", _("Load demo data")),
            ("csv", _("Import contacts from a file…")),
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
            from accountdesk.ui.import_dialog import choose_file, import_file

            path = choose_file(parent)
            if path:
                import_file(self.ctx, parent, path)
