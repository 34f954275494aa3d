"""First run on an empty database: the language and "Me" (time zone, country, hours) chosen
first, then demo data, a file to import (ui/import_dialog.py), a backup to restore
(ui/backups.py), or an empty start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import (
    LANGUAGES,
    _,
    country_name,
    current_language,
    format_number,
    ltr_shown,
    ngettext,
    zone_name,
)
from accountdesk.ui import tasks
from accountdesk.ui.context import AppContext
from accountdesk.ui.detail import LeadingLabel
from accountdesk.ui.modal import run_modal

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


#: The answers of :func:`ask_demo_beside_records`.
DEMO_APART, DEMO_HERE, DEMO_NOT = "apart", "here", "not"


def ask_demo_beside_records(parent: QWidget | None, accounts: int = DEMO_ACCOUNTS) -> str:
    """Ask before demo data goes into a database that holds the user's own records (File →
    Load demo data…): :data:`DEMO_APART` (a new file of its own, the default),
    :data:`DEMO_HERE` or :data:`DEMO_NOT`."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Demo data"))
    box.setText(_("This database holds your own records. Add demo data to them?"))
    box.setInformativeText(
        ngettext(
            "The demo adds {n} made-up account with its contacts, interactions, follow-ups, "
            "deals and survey answers. It would count in every list, reminder and report, it "
            "cannot be told apart from your own records afterwards, and it cannot be undone: "
            "only restoring a backup takes it out again. A new database file keeps the demo "
            "apart from your data, in a window of its own.",
            "The demo adds {n} made-up accounts with their contacts, interactions, follow-ups, "
            "deals and survey answers. They would count in every list, reminder and report, "
            "they cannot be told apart from your own records afterwards, and they cannot be "
            "undone: only restoring a backup takes them out again. A new database file keeps "
            "the demo apart from your data, in a window of its own.",
            accounts,
        ).format(n=format_number(accounts))
    )
    apart = box.addButton(_("Demo in a new file"), QMessageBox.ButtonRole.AcceptRole)
    here = box.addButton(_("Add to my records"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(apart)
    run_modal(box)
    clicked = box.clickedButton()
    return DEMO_APART if clicked is apart else DEMO_HERE if clicked is here else DEMO_NOT


def load_demo_apart(
    ctx: AppContext, parent: QWidget | None, accounts: int = DEMO_ACCOUNTS
) -> QDialog:
    """Make a new database file in the data folder (``demo.db``, ``demo-2.db`` …), fill it with
    demo data off the GUI thread, and open it in a window of its own; the database of ``ctx``
    is not touched. A file whose demo failed or was cancelled is removed (it was new and holds
    nothing of the user's)."""
    from accountdesk.core import paths
    from accountdesk.core.db.backup import unused_path
    from accountdesk.core.db.engine import open_database
    from accountdesk.core.demo import generate
    from accountdesk.ui.app import open_window

    folder = paths.private_folder(paths.data_dir())
    path = unused_path(folder, "demo")

    def work(progress: tasks.Progress) -> Any:
        db = open_database(path)
        try:
            return generate(db, accounts=accounts, progress=progress)
        finally:
            db.close()

    def done(summary: Any) -> None:
        if open_window(path):
            said = _("The demo data is in {path}, opened in a window of its own.")
        else:
            said = _(
                "The demo data is in {path}; no window could be started on it: "
                "accountdesk --db {path} opens it."
            )
        ctx.status.emit(said.format(path=ltr_shown(path)) + " " + summary.describe())

    def failed(exc: BaseException) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        QMessageBox.warning(parent, _("Demo data"), str(exc))

    return tasks.run_with_progress(parent, _("Adding demo data…"), work, done, failed)


def offer_first_run(ctx: AppContext, window: QWidget | None) -> None:
    """Show the first-run dialog over ``window`` when the database can be written and holds no
    account and no contact yet, and do what the user chose there."""
    from accountdesk.core.queries.lists import nothing_shown

    if window is None or ctx.db.read_only or not nothing_shown(ctx.db):
        return
    dialog = FirstRunDialog(ctx, window)
    if run_modal(dialog):
        dialog.run_choice()


def _main_window_of(ctx: AppContext) -> QWidget | None:
    """The shown main window on ``ctx`` (the one built again in another language)."""
    from accountdesk.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.ctx is ctx and widget.isVisible():
            return widget
    return None


class LanguageBox(QComboBox):
    """The language list: a language is taken when chosen from the open list. On a closed box
    the arrow keys and letters open the list and the wheel does nothing, where Qt's box took
    the next language, or the one a letter starts, at once (each one building the window
    again on the way to the one wanted)."""

    _OPENING = frozenset(
        {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
        | {Qt.Key.Key_Home, Qt.Key.Key_End}
    )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self._OPENING and not event.modifiers():
            self.showPopup()
            return
        typed = event.text()
        if typed and typed.isprintable() and not typed.isspace():
            # a letter opens the list at the first language it starts: Qt's box took that
            # language at once (one keystroke built the window again in Latvian)
            self.showPopup()
            view = self.view()
            if view is not None:
                view.keyboardSearch(typed)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class FirstRunDialog(QDialog):
    """Offered when the database has no accounts yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from accountdesk.ui.main_window import LANGUAGE_NAMES

        super().__init__(parent)
        self.ctx = ctx
        self.choice = "empty"
        self.language = current_language().code
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
        form = QFormLayout()
        self.languages = LanguageBox()
        self.languages.setObjectName("firstrun_language")
        for code in LANGUAGES:
            self.languages.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.languages.setCurrentIndex(self.languages.findData(self.language))
        # a language chosen builds the window again in it, and this dialog with it
        self.languages.activated.connect(self._choose_language)
        form.addRow(_("Language:"), self.languages)
        layout.addLayout(form)
        self.me = LeadingLabel()  # at the window's leading edge, whatever its first letter
        self.me.setObjectName("firstrun_me_summary")
        self.me.setWordWrap(True)
        layout.addWidget(self.me)
        me_button = QPushButton(_("Set my time zone, country and working hours…"))
        me_button.setObjectName("firstrun_me")
        me_button.clicked.connect(self.edit_me)
        layout.addWidget(me_button)
        choices = [
            ("demo", _("Load demo data")),
            ("csv", _("Import contacts from a file…")),
            ("backup", _("Restore a backup…")),
            ("empty", _("Start empty")),
        ]
        if ctx.db.path is None:  # a team server's database: backups are the server's
            choices = [choice for choice in choices if choice[0] != "backup"]
        for key, text in choices:
            button = QPushButton(text)
            button.setObjectName(f"firstrun_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._choose(k))
            layout.addWidget(button)
        layout.addStretch(1)  # spare height below the buttons, not between the lines
        self.show_me()
        self.resize(460, self.sizeHint().height())
        self.languages.setFocus()

    def show_me(self) -> None:
        """Say what "Me" holds now: the time zone and country the working day is read in."""
        mine = self.ctx.user_calendar()
        country = mine.country
        self.me.setText(
            _("Your time zone: {zone}. Your country: {country}.").format(
                zone=isolate(zone_name(mine.zone)),
                country=isolate(country_name(country)) if country else _("none chosen"),
            )
        )

    def edit_me(self) -> None:
        from accountdesk.ui.me import MeDialog

        run_modal(MeDialog(self.ctx, parent=self))
        self.show_me()

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    def _choose_language(self, index: int) -> None:
        code = str(self.languages.itemData(index))
        if code == current_language().code:
            return
        self.language = code
        self._choose("language")

    def run_choice(self) -> None:
        parent = self.parentWidget()
        if self.choice == "language":
            from accountdesk.ui.main_window import MainWindow

            if not isinstance(parent, MainWindow):
                return
            ctx = self.ctx
            parent.language_requested.emit(self.language)  # the window is built again
            # then this dialog again, in the language chosen, over the new window
            QTimer.singleShot(0, ctx, lambda: offer_first_run(ctx, _main_window_of(ctx)))
        elif self.choice == "demo":
            load_demo(self.ctx, parent)
        elif self.choice == "backup":
            from accountdesk.ui.backups import BackupsDialog
            from accountdesk.ui.main_window import MainWindow

            dialog = BackupsDialog(self.ctx, parent)
            run_modal(dialog)
            if dialog.restored and isinstance(parent, MainWindow):
                parent.database_replaced.emit()  # the window is built on the restored data
        elif self.choice == "csv":
            from accountdesk.ui.import_dialog import choose_file, import_file

            path = choose_file(parent)
            if path:
                import_file(self.ctx, parent, path)
