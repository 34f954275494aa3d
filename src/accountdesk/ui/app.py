"""Application set-up and the entry point of the desktop app (:func:`run_gui`)."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountdesk.core import i18n
from accountdesk.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def has_display() -> bool:
    """False on a Linux machine with no X11/Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(db: str | None, lang: str | None) -> int:
    """Open the main window on database ``db`` (None: the default) and run until it closes."""
    if not has_display():
        sys.stderr.write(
            _(
                "AccountDesk cannot open its window because there is no display here; "
                "run accountdesk --help to see what the command line can do."
            )
            + "\n"
        )
        return 1
    from PySide6.QtWidgets import QMessageBox

    from accountdesk.core.db.engine import database_url
    from accountdesk.core.errors import UserError
    from accountdesk.ui.security import open_with_dialog

    app = create_app(sys.argv[:1])
    if lang:
        apply_language(lang)
    try:
        database = open_with_dialog(db)  # asks an encrypted database's passphrase
    except UserError as exc:
        QMessageBox.critical(None, _("AccountDesk"), str(exc))
        return 1
    if database is None:  # "Quit" at the passphrase
        return 0
    if not lang:
        from accountdesk.core.services.activity import get_setting

        stored = get_setting(database, "ui.language")
        apply_language(stored if isinstance(stored, str) else system_language())
    from accountdesk.core.settings import apply_calendar_preference

    apply_calendar_preference(database)
    instance = SingleInstance(database_url(db))
    if instance.forward_to_running():
        sys.stderr.write(
            _("AccountDesk is already open on this database; that window was brought to the front.")
            + "\n"
        )
        return 0
    install_error_boundary(database)
    controller = Controller(database, instance)
    controller.start()
    code = app.exec()
    database.close()
    return int(code)


def system_language() -> str:
    from PySide6.QtCore import QLocale

    for name in QLocale.system().uiLanguages():
        try:
            return i18n.normalize_language(name)
        except i18n.UnknownLanguageError:
            continue
    return i18n.DEFAULT_LANGUAGE


def create_app(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with names, icon, fonts and settings location (idempotent)."""
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from accountdesk import __version__
    from accountdesk.core import paths

    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) or ["accountdesk"])
    else:
        app = existing
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setOrganizationName(paths.APP_ORG)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("accountdesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.settings_dir())
    )
    private_settings_file()
    from accountdesk.ui.main_window import app_icon

    QGuiApplication.setWindowIcon(app_icon())
    register_fonts()
    collect_garbage_on_the_gui_thread(app)
    return app


def private_settings_file() -> None:
    """The window settings are private like the database: their folder is made ``0700`` and
    the INI file ``0600`` before Qt writes it (Qt keeps the mode of a file it replaces)."""
    from PySide6.QtCore import QSettings

    from accountdesk.core import paths

    ini = Path(QSettings().fileName())
    try:
        paths.private_folder(paths.settings_dir())
        paths.private_folder(ini.parent)
        paths.new_private_file(ini)
    except OSError as exc:  # the app works without them; say why once
        sys.stderr.write(
            _("AccountDesk cannot keep its window settings in {path}: {reason}").format(
                path=ini.parent, reason=exc.strerror or exc
            )
            + "\n"
        )


def install_error_boundary(database: object) -> None:
    """The desktop app's error boundary: an error meant for the user (a ``UserError``, or a
    storage failure such as a full disk that reached the event loop untranslated) is shown as
    its one sentence; anything else goes to Python's usual hook (a bug stays visible)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, trace: Any) -> None:
        message = user_message(exc, database)
        if message is None:
            previous(kind, exc, trace)
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        QMessageBox.warning(QApplication.activeWindow(), _("AccountDesk"), message)

    sys.excepthook = hook


def user_message(exc: BaseException, database: object = None) -> str | None:
    """The sentence for ``exc`` if it is meant for the user, else None."""
    from accountdesk.core.db.errors import explain
    from accountdesk.core.errors import UserError

    if isinstance(exc, UserError):
        return exc.message
    where = getattr(database, "path", None) or getattr(database, "url", None)
    found = explain(exc, where)
    return None if found is None else found.message


#: How often Python's cycle collector runs (on the GUI thread only).
GC_INTERVAL_MS = 5_000


def collect_garbage_on_the_gui_thread(app: QApplication) -> None:
    """Run Python's cycle collector only on the GUI thread, from a timer.

    Left automatic, the collector runs in whatever thread happens to allocate, a worker thread
    included; a widget or timer it frees there is destroyed off the GUI thread, which Qt
    forbids ("Timers cannot be stopped from another thread", or a crash). Anki does the same.
    Idempotent."""
    import gc

    from PySide6.QtCore import QTimer

    if app.property("accountdesk-gc-timer"):
        return
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(GC_INTERVAL_MS)
    timer.timeout.connect(gc.collect)
    timer.start()
    app.setProperty("accountdesk-gc-timer", True)


_fonts_registered = False
CJK_FONT_FILE = "DroidSansFallback.ttf"


def register_fonts() -> None:
    """Add the fonts shipped in resources/fonts (Latin, Thai, Persian, Chinese/Japanese/Korean)
    to Qt.

    Qt on Linux falls back to application fonts through fontconfig, but on Windows and macOS
    it does not, so when the computer has no font for one of Chinese, Japanese or Korean the
    shipped CJK font becomes the first substitute of the application's font family: Qt then
    draws CJK characters with it and everything else with the system font. A computer with
    fonts of its own for all three keeps them."""
    global _fonts_registered
    if _fonts_registered:
        return
    _fonts_registered = True
    from PySide6.QtGui import QFont, QFontDatabase

    from accountdesk.core.paths import resource_dir

    folder = resource_dir() / "fonts"
    if not folder.is_dir():
        return
    needs_cjk = not cjk_fonts_installed()
    cjk_families: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in {".ttf", ".otf", ".ttc"}:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if path.name == CJK_FONT_FILE:
                cjk_families = QFontDatabase.applicationFontFamilies(font_id)
    if needs_cjk and cjk_families:
        for family in ui_font_families():
            QFont.insertSubstitutions(family, cjk_families)


def cjk_fonts_installed() -> bool:
    """True when Qt knows a font for each of Chinese, Japanese and Korean."""
    from PySide6.QtGui import QFontDatabase

    systems = QFontDatabase.WritingSystem
    return all(
        QFontDatabase.families(ws)
        for ws in (systems.SimplifiedChinese, systems.Japanese, systems.Korean)
    )


def ui_font_families() -> list[str]:
    """The real font families behind the application font: the requested ones that exist
    (not aliases such as fontconfig's "Sans Serif", which a substitute would replace outright)
    and the family Qt resolved the font to."""
    from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication

    font = QGuiApplication.font()
    names = [f for f in font.families() if QFontDatabase.hasFamily(f)]
    resolved = QFontInfo(font).family()
    if resolved and resolved not in names:
        names.append(resolved)
    return names


_translators: list[object] = []


def apply_language(code: str) -> None:
    """Switch the UI language: gettext catalog, Qt's own qtbase translations, the default
    QLocale, and the layout direction (right-to-left for Persian).

    Qt's own strings (dialog buttons, context menus, the file dialog) come from
    ``translations/qt/qtbase_<lang>.qm`` when the project ships one (Thai and Slovenian, which
    Qt lacks or covers only partly), else from the catalog that comes with Qt."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
    from PySide6.QtWidgets import QApplication

    from accountdesk.core.paths import translations_dir

    try:
        i18n.set_language(code)
    except i18n.UnknownLanguageError:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    language = i18n.current_language()
    locale = QLocale(language.locale)
    QLocale.setDefault(locale)
    app = QCoreApplication.instance()
    for old in _translators:
        QCoreApplication.removeTranslator(old)  # type: ignore[arg-type]
    _translators.clear()
    if language.code != "en":
        translator = QTranslator(app)
        own = translations_dir() / "qt"
        if (own / f"qtbase_{language.code}.qm").is_file():
            folder = str(own)
        else:
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(locale, "qtbase", "_", folder):
            QCoreApplication.installTranslator(translator)
            _translators.append(translator)
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if language.rtl else Qt.LayoutDirection.LeftToRight
        )


class SingleInstance:
    """One window per database: a local socket named after the database."""

    def __init__(self, database_url: str) -> None:
        digest = hashlib.sha1(database_url.encode()).hexdigest()[:16]
        self.name = f"accountdesk-{digest}"
        self.server: object | None = None

    def forward_to_running(self) -> bool:
        """True if another AccountDesk has this database open (it was asked to come forward)."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(300):
            return False
        socket.write(b"raise\n")
        socket.waitForBytesWritten(300)
        socket.disconnectFromServer()
        return True

    def listen(self, on_raise: object) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer()
        QLocalServer.removeServer(self.name)  # a stale socket from a crashed run
        if not server.listen(self.name):
            return False

        def connection() -> None:
            client = server.nextPendingConnection()
            if client is not None:
                client.readyRead.connect(lambda: (client.readAll(), on_raise()))  # type: ignore[operator]

        server.newConnection.connect(connection)
        self.server = server
        return True


class Controller:
    """Owns the context and the main window; rebuilds the window when the language changes."""

    def __init__(self, database: object, instance: SingleInstance | None = None) -> None:
        from accountdesk.core.db.engine import Database
        from accountdesk.ui.context import AppContext

        assert isinstance(database, Database)
        self.ctx = AppContext(database)
        self.instance = instance
        self.window: object | None = None

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        from accountdesk.ui.security import IdleLock

        self.build_window()
        self.idle_lock = IdleLock(self.ctx)  # security.lock_after_minutes, encrypted only
        if self.instance is not None:
            self.instance.listen(self.raise_window)
        QTimer.singleShot(0, self.first_run)
        QTimer.singleShot(0, self.housekeeping)

    def housekeeping(self) -> None:
        """Once per start, in the background: a daily backup, follow-up instants derived again
        from their wall times (tzdata may have changed), stay-in-touch follow-ups raised."""
        from accountdesk.core.db.backup import auto_backup
        from accountdesk.core.services.followups import raise_stay_in_touch, recompute_due
        from accountdesk.ui import tasks

        db, clock = self.ctx.db, self.ctx.clock

        def work() -> int:
            if db.path is not None:
                auto_backup(db, clock)  # none for a read-only database
            if db.read_only:
                return 0
            recompute_due(db)
            return len(raise_stay_in_touch(db, clock))

        def done(raised: int) -> None:
            if raised:
                self.ctx.changed.emit("follow_up")
            self._start_reminders()

        def failed(exc: BaseException) -> None:
            message = user_message(exc, db)  # a full disk, say: the app goes on
            if message is None:
                raise exc
            self.ctx.status.emit(message)
            self._start_reminders()

        tasks.run(work, done, failed)

    def _start_reminders(self) -> None:
        """The Follow-ups screen checks reminders (also the ones missed while closed)."""
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if isinstance(window, MainWindow) and any(
            s.key == "followups" for s in window.screen_specs
        ):
            window.screen_widget("followups")

    def build_window(self) -> object:
        from accountdesk.ui.main_window import MainWindow

        window = MainWindow(self.ctx)
        window.language_requested.connect(self.change_language)
        window.calendar_requested.connect(self.change_calendar)
        window.database_replaced.connect(self.reload)
        window.show()
        self.window = window
        return window

    def raise_window(self) -> None:
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if isinstance(window, MainWindow):
            window.showNormal()
            window.raise_()
            window.activateWindow()

    def change_language(self, code: str) -> None:
        from accountdesk.core.services.activity import set_setting

        set_setting(self.ctx.db, "ui.language", code)
        apply_language(code)
        self.rebuild_window()

    def change_calendar(self, value: str) -> None:
        """Dates in the language's calendar (``auto``) or in the Gregorian one: stored in the
        "ui.calendar" setting (the command line reads it too), every screen built again."""
        from accountdesk.core import settings

        settings.put(self.ctx.db, "ui.calendar", value)
        settings.apply_calendar_preference(self.ctx.db)
        self.rebuild_window()

    def reload(self) -> None:
        """After a restore the data changed under every screen: a new context (an empty undo
        history, the restored settings) and a new window."""
        from accountdesk.core.settings import apply_calendar_preference
        from accountdesk.ui.context import AppContext

        apply_calendar_preference(self.ctx.db)
        self.ctx = AppContext(self.ctx.db, self.ctx.clock)
        self.rebuild_window()

    def rebuild_window(self) -> None:
        from accountdesk.ui.main_window import MainWindow

        old = self.window
        if isinstance(old, MainWindow):
            old.save_layout()
            old.hide()
            old.deleteLater()
        self.build_window()

    def first_run(self) -> None:
        from accountdesk.core.queries.lists import count_live
        from accountdesk.ui.firstrun import FirstRunDialog
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if not isinstance(window, MainWindow) or self.ctx.db.read_only:
            return
        if count_live(self.ctx.db) != (0, 0):
            return
        dialog = FirstRunDialog(self.ctx, window)
        if dialog.exec():
            dialog.run_choice()
