"""Application set-up and the entry point of the desktop app (:func:`run_gui`)."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountdesk.core import i18n
from accountdesk.core.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from accountdesk.ui.followups.reminders import Reminders
    from accountdesk.ui.security import IdleLock


def has_display() -> bool:
    """False on a Linux machine with no X11/Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(db: str | None, lang: str | None) -> int:
    """Open the main window on database ``db`` (None: the default) and run until it closes.

    The window is shown and takes input first; the database (and with it SQLAlchemy and the
    screens' modules) is opened on a worker thread after the window's first paint, and the
    screens are built when it is open (:class:`Starter`)."""
    if not has_display():
        sys.stderr.write(
            _(
                "AccountDesk cannot open its window because there is no display here; "
                "run accountdesk --help to see what the command line can do."
            )
            + "\n"
        )
        return 1
    from accountdesk.core.db.schema import database_url

    app = create_app(sys.argv[:1])
    # the language of the window (the database's own setting is read once it is open), and
    # of the sentence below
    apply_language(lang or remembered_language() or system_language())
    instance = SingleInstance(database_url(db))
    if instance.forward_to_running():
        sys.stderr.write(
            _("AccountDesk is already open on this database; that window was brought to the front.")
            + "\n"
        )
        return 0
    starter: Starter | None = None

    def bring_forward() -> None:
        if starter is not None:
            starter.raise_window()

    # listening at once: a second start while this one opens its database (a migration can
    # take seconds) brings this window forward instead of opening another
    instance.listen(bring_forward)
    database = None
    url = database_url(db)
    if not url.startswith("sqlite:///") or looks_encrypted(Path(url.removeprefix("sqlite:///"))):
        # An encrypted file (or a team server): opened first, as it may ask for a passphrase
        # (a password) before any window is shown.
        from PySide6.QtWidgets import QMessageBox

        from accountdesk.core.db.credentials import is_server
        from accountdesk.core.errors import UserError
        from accountdesk.ui.security import open_with_dialog
        from accountdesk.ui.server_login import open_server_with_dialog

        try:
            database = open_server_with_dialog(db) if is_server(url) else open_with_dialog(db)
        except UserError as exc:
            instance.close()
            QMessageBox.critical(None, _("AccountDesk"), str(exc))
            return 1
        if database is None:  # "Quit" at the passphrase
            instance.close()
            return 0
    starter = Starter(db, lang, instance, exit_when=exit_when_asked())
    starter.start(database)
    code = app.exec()
    return starter.finish(int(code))


def looks_encrypted(path: Path) -> bool:
    from accountdesk.core.db.crypto import looks_encrypted as encrypted

    return encrypted(path)


def open_window(path: Path) -> bool:
    """Start another AccountDesk on the database file ``path``, in a process and a window of its
    own (the demo made in a new file); False when it could not be started."""
    from PySide6.QtCore import QProcess

    started, _pid = QProcess.startDetached(sys.executable, ["-m", "accountdesk", "--db", str(path)])
    return bool(started)


#: The QSettings key of the language the window was last shown in: the first paint uses it
#: (the database, where the "ui.language" setting lives, is not open yet); the setting itself
#: is read when the database is open, and the window is built again if it differs.
LAST_LANGUAGE_KEY = "window/language"


def remembered_language() -> str | None:
    from PySide6.QtCore import QSettings

    value = QSettings().value(LAST_LANGUAGE_KEY)
    return value if isinstance(value, str) and value else None


def remember_language() -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(LAST_LANGUAGE_KEY, i18n.current_language().code)


#: How long after the window is shown the database is opened if no paint came (a window that
#: starts minimised is not painted).
OPEN_FALLBACK_MS = 500


class Starter:
    """The start of the desktop app: the main window without its screens is shown at once;
    after its first paint (or :data:`OPEN_FALLBACK_MS` without one) the database is opened on
    a worker thread (importing SQLAlchemy and the modules of the screen about to be shown
    there, not on the GUI thread), then the :class:`Controller` takes the window over. An
    encrypted database asks for its passphrase over the window; a database that cannot be
    opened is one sentence, and the app ends. A window closed while the database opens gets
    no screens; :meth:`finish` waits for the opening and closes what it opened."""

    def __init__(
        self,
        target: str | None,
        lang: str | None,
        instance: SingleInstance | None,
        *,
        exit_when: str = "",
    ) -> None:
        """``exit_when``: "" (run until the window closes), ``READY`` or ``FILLED`` (see
        :data:`EXIT_WHEN_READY`)."""
        from accountdesk.ui.main_window import MainWindow

        self.target = target
        self.lang = lang
        self.instance = instance
        self.exit_when = exit_when
        self.window = MainWindow(None)
        self.window.closed.connect(self._window_closed)
        self.controller: Controller | None = None
        self.database: Any = None
        self.code: int | None = None
        self.error: BaseException | None = None
        self.job: Future[Any] | None = None  # opening the database
        self.delivered = False  # its result (or error) was handed to opened() or failed()
        self.closed = False  # the window was closed before the database was open
        self.finished = False

    def _window_closed(self) -> None:
        if self.controller is None:
            self.closed = True

    def start(self, database: Any = None) -> None:
        """Show the window; open the database after its first paint (``database``: one that
        is open already)."""
        from PySide6.QtCore import QTimer

        self.window.show()
        if self.exit_when == READY:
            # The start to an interactive window is measured: the database is not opened
            # (nothing of it may run before the window is ready anyway).
            after_first_paint(self.window, self.ready)
        elif database is not None:
            self.opened((database, self.stored_language(database)))
        else:
            after_first_paint(self.window, self.open)
            QTimer.singleShot(OPEN_FALLBACK_MS, self.window, self.open)  # no paint: opened

    def stored_language(self, database: Any) -> str | None:
        """The "ui.language" setting (None when the command line chose the language)."""
        from accountdesk.core.services.activity import get_setting

        if self.lang:
            return None
        found = get_setting(database, "ui.language")
        return found if isinstance(found, str) else None

    def ready(self) -> None:
        """Exit-when-ready: say so on standard output and quit."""
        sys.stdout.write(_("The main window is shown and takes input.") + "\n")
        sys.stdout.flush()
        quit_app()

    def quit_when_filled(self) -> None:
        """Exit-when-filled: quit once the screen shown has its data (no background job is
        left), saying so on standard output."""
        from PySide6.QtCore import QCoreApplication, QTimer

        from accountdesk.ui import tasks

        def check() -> None:
            if not tasks.busy():
                timer.stop()
                timer.deleteLater()
                sys.stdout.write(_("The first screen is shown with its data.") + "\n")
                sys.stdout.flush()
                quit_app()

        timer = QTimer(QCoreApplication.instance())  # the window may be built again
        timer.setInterval(tasks.POLL_MS)
        timer.timeout.connect(check)
        timer.start()

    def open(self) -> None:
        """Open the database on a worker thread (once: after the first paint or the fallback,
        whichever comes first)."""
        from accountdesk.ui import tasks

        if self.job is not None or self.closed or self.finished:
            return
        key = self.window.current_key()
        target = self.target

        def work() -> tuple[Any, str | None]:
            import importlib
            import importlib.util

            from accountdesk.core.db.engine import open_database

            database = open_database(target)
            stored = self.stored_language(database)
            for name in (*PRELOADED, f"accountdesk.ui.{key}.screen"):
                if importlib.util.find_spec(name) is not None:
                    importlib.import_module(name)  # here, not on the GUI thread
            return database, stored

        self.job = tasks.run(work, self.opened, self.failed)

    def failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from accountdesk.core.db.crypto import PassphraseRequired
        from accountdesk.core.errors import UserError

        if self.finished:
            return  # finish() had it
        self.delivered = True
        if self.closed:
            if not isinstance(exc, UserError):
                self.error = exc  # a bug: raised by finish()
            return
        if isinstance(exc, PassphraseRequired):
            from accountdesk.ui.security import open_with_dialog

            try:
                database = open_with_dialog(self.target, self.window)  # asks the passphrase
            except UserError as again:
                exc = again
            else:
                if database is None:  # "Quit" at the passphrase
                    self.end(0)
                    return
                self.opened((database, self.stored_language(database)))
                return
        if self.recovered(exc):
            return
        if isinstance(exc, UserError):
            QMessageBox.critical(self.window, _("AccountDesk"), str(exc))
            self.end(1)
            return
        self.error = exc  # a bug: raised again after the event loop, with its traceback
        self.end(1)

    def recovered(self, exc: BaseException) -> bool:
        """A database file that cannot be opened (damaged, not a database): its backups are
        offered (ui/backups.py, offer_recovery), and the restored file is opened. False: not
        such a file, or the user restored none."""
        from accountdesk.core.db.engine import NotSQLiteError, database_url, sqlite_path
        from accountdesk.core.db.errors import DamagedDatabaseError
        from accountdesk.ui.backups import offer_recovery

        if not isinstance(exc, (DamagedDatabaseError, NotSQLiteError)):
            return False
        path = sqlite_path(database_url(self.target))
        if path is None or not offer_recovery(self.window, path, str(exc)):
            return False
        self.job = None  # open again, the restored file
        self.delivered = False
        self.open()
        return True

    def opened(self, result: tuple[Any, str | None]) -> None:
        from accountdesk.core.settings import apply_calendar_preference

        database, stored = result
        if self.finished:
            return  # finish() closed it
        self.delivered = True
        if self.closed:  # no screens for a closed window
            database.close()
            return
        self.database = database
        shown = i18n.current_language().code
        if not self.lang:  # a database that stores no language keeps the user's choice
            apply_language(stored or remembered_language() or system_language())
        shell: object | None = self.window
        screen = self.window.current_key()  # the remembered one, or the one clicked meanwhile
        if i18n.current_language().code != shown:
            shell = None  # the window is built again in the database's language
            self.window.hide()
            self.window.deleteLater()
        if not self.lang:
            remember_language()
        apply_calendar_preference(database)
        install_error_boundary(database)
        self.controller = Controller(database)
        filled = self.exit_when == FILLED
        self.controller.start(shell, background=not filled, screen=screen)
        if filled:
            self.quit_when_filled()

    def end(self, code: int) -> None:
        self.code = code
        self.window.hide()
        quit_app()

    def raise_window(self) -> None:
        """Another start on this database asked for this window to come forward."""
        import shiboken6

        if self.controller is not None:
            self.controller.raise_window()
        elif shiboken6.isValid(self.window):
            bring_to_front(self.window)

    def finish(self, code: int) -> int:
        """After the event loop: close the database (waiting for it if the window was closed
        while it opened) and stop listening for other starts; the exit code."""
        from accountdesk.core.errors import UserError

        self.finished = True
        if self.instance is not None:
            self.instance.close()
        if self.database is not None:
            self.database.close()
        elif self.job is not None and not self.delivered:
            exc = self.job.exception()  # waits for the opening
            if exc is None:
                self.job.result()[0].close()
            elif not isinstance(exc, UserError) and self.error is None:
                self.error = exc  # a bug: raised with its traceback
        if self.error is not None:
            raise self.error
        return self.code if self.code is not None else code


#: Modules every start needs once the database is open, imported on the worker thread.
PRELOADED = (
    "accountdesk.core.settings",
    "accountdesk.ui.context",
    "accountdesk.ui.pickers",
    "accountdesk.ui.security",
)


def quit_app() -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.quit()


#: Set to ``1``, the app quits as soon as its main window is shown and takes input: after its
#: first paint and one more turn of the event loop (the database is not opened). Set to
#: ``filled``, it quits once the database is open and the first screen has its data. Start-up
#: is then timed as a whole process from outside (``benchmarks/run_all.py``). The background
#: work of a normal start (daily backup, follow-ups derived again, the first-run dialog of an
#: empty database) is not started.
EXIT_WHEN_READY = "ACCOUNTDESK_EXIT_WHEN_READY"
READY, FILLED = "ready", "filled"


def exit_when_asked() -> str:
    """``READY``, ``FILLED`` or "" from :data:`EXIT_WHEN_READY`."""
    value = os.environ.get(EXIT_WHEN_READY, "")
    return READY if value == "1" else FILLED if value == FILLED else ""


def after_first_paint(window: object, then: Callable[[], None]) -> None:
    """Call ``then`` after ``window``'s first paint and one more turn of the event loop (the
    window is on screen and the loop takes input)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


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
        from accountdesk.core.errors import os_reason

        sys.stderr.write(
            _("AccountDesk cannot keep its window settings in {path}: {reason}").format(
                path=ini.parent, reason=os_reason(exc)
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
PERSIAN_FONT_FILE = "Vazirmatn-Regular.ttf"
#: The Persian letters that reach highest and lowest: the madda of آ, the stroke of گ, the dots
#: of ژ and چ, the tail of ی.
PERSIAN_SAMPLE = "آگژچی"


def register_fonts() -> None:
    """Add the fonts shipped in resources/fonts (Latin, Thai, Persian, Chinese/Japanese/Korean,
    emoji) to Qt, make the Persian and the CJK one substitutes of the application's font where
    the computer's own fonts do not do, and make its figures tabular.

    Qt draws a character the application's font lacks with a substitute of that font's family
    first, then with the system's choice. Qt on Linux chooses among application fonts too
    (through fontconfig), but on Windows and macOS it does not, so when the computer has no
    font for one of Chinese, Japanese or Korean the shipped CJK font becomes a substitute.
    Persian is drawn with Vazirmatn when the font the computer would use has no Persian letters
    or is too short for them (:func:`persian_font_fits`): on a Linux computer with DejaVu Sans
    alone, Persian came in DejaVu's letters, which reach past its 14 px line, so that list rows
    sized to the line overlapped. A computer with fonts of its own that do keeps them, and a
    character the application's font has (Latin) is never drawn with a substitute. An alias
    such as fontconfig's "Sans Serif" (the font of a desktop with no theme of its own) gets the
    family it stands for as its first substitute, then the others: Qt looks up only the
    substitutes of the family asked for, and a substitute of an alias alone would replace it.

    Figures are tabular (OpenType ``tnum``): Vazirmatn's Persian digits are proportional ("۳"
    more than twice as wide as "۱"), and a column of dates or amounts is sized by samples of
    its text (``i18n.date_samples``) and reads best with its digits lined up."""
    global _fonts_registered
    if _fonts_registered:
        return
    _fonts_registered = True
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from accountdesk.core.paths import resource_dir

    folder = resource_dir() / "fonts"
    if not folder.is_dir():
        return
    needs_cjk = not cjk_fonts_installed()
    shipped: dict[str, list[str]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in {".ttf", ".otf", ".ttc"}:
            font_id = QFontDatabase.addApplicationFont(str(path))
            shipped[path.name] = QFontDatabase.applicationFontFamilies(font_id)
    font = QGuiApplication.font()
    substitutes: list[str] = []
    if not persian_font_fits(font):
        substitutes += shipped.get(PERSIAN_FONT_FILE, [])
    if needs_cjk:
        substitutes += shipped.get(CJK_FONT_FILE, [])
    if substitutes:
        families = ui_font_families()
        for family in font.families():
            if family not in families:  # an alias
                QFont.insertSubstitutions(family, [*families, *substitutes])
        for family in families:
            QFont.insertSubstitutions(family, substitutes)
    font.setFeature(QFont.Tag("tnum"), 1)
    QApplication.setFont(font)


def persian_font_fits(font: QFont) -> bool:
    """True when the font the computer draws Persian text in ``font`` with has every letter of
    :data:`PERSIAN_SAMPLE` and keeps them inside its line (its ascent and descent), which is
    what a list row or a text box is sized to. Compared at 1000 px a em, where hinting does not
    round the letters to whole pixels (and the application's own size stays out of Qt's font
    cache until its substitutes are set): DejaVu Sans's Persian letters reach about 1 % of
    the em past its ascent and past its descent, which the hinting at 12 px makes 1-2 px."""
    from PySide6.QtGui import QFont, QTextLayout

    probe = QFont(font)
    probe.setPixelSize(1000)
    layout = QTextLayout(PERSIAN_SAMPLE, probe)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    for run in runs:
        raw = run.rawFont()
        for glyph in run.glyphIndexes():
            box = raw.boundingRect(glyph)
            if glyph == 0 or -box.top() > raw.ascent() or box.bottom() > raw.descent():
                return False
    return bool(runs)


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


def qt_catalogs() -> list[tuple[str, str]]:
    """The Qt Linguist catalogs of Qt's own strings, as (name, folder), the one whose
    translation wins first: the project's ``qtbase`` (where it ships one for the language),
    then Qt's ``qt`` catalog, which loads Qt's ``qtbase`` and the other modules' with it."""
    from PySide6.QtCore import QLibraryInfo

    from accountdesk.core.paths import translations_dir

    return [
        ("qtbase", str(translations_dir() / "qt")),
        ("qt", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]


def apply_language(code: str) -> None:
    """Switch the UI language: gettext catalog, Qt's own translations, the default QLocale,
    and the layout direction (right-to-left for Persian).

    Qt's own strings (dialog buttons, context menus, the file and print dialogs, a scroll
    bar's menu) come from the catalogs of ``qt_catalogs``: the project's
    ``translations/qt/qtbase_<lang>.qm`` (all of Thai and Slovenian, which Qt lacks or covers
    only partly; for Latvian, Persian and Turkish what Qt's own leaves in English) before the
    catalog that comes with Qt, which translates what ours leaves out."""
    from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
    from PySide6.QtWidgets import QApplication

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
        # Qt looks in the translator installed last first: the project's is installed last
        for name, folder in reversed(qt_catalogs()):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
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

    def close(self) -> None:
        """Stop listening (the socket is removed)."""
        from PySide6.QtNetwork import QLocalServer

        server = self.server
        if isinstance(server, QLocalServer):
            server.close()
        self.server = None


def bring_to_front(window: object) -> None:
    """Show ``window`` (a QWidget) un-minimised, on top and active."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.showNormal()
    window.raise_()
    window.activateWindow()


class Controller:
    """Owns the context, the main window and the reminders; rebuilds the window when the
    language changes (the reminders go on, shown in the new window)."""

    def __init__(self, database: object) -> None:
        from accountdesk.core.db.engine import Database
        from accountdesk.ui.context import AppContext

        assert isinstance(database, Database)
        self.ctx = AppContext(database)
        self.window: object | None = None
        self.idle_lock: IdleLock | None = None  # made by start(), again by reload()
        self.reminders: Reminders | None = None  # started by the housekeeping

    def start(
        self, shell: object | None = None, *, background: bool = True, screen: str | None = None
    ) -> None:
        """Show the main window: ``shell``, a window shown before the database was open, gets
        the context; None: a new window, on ``screen`` (None: the remembered one).
        ``background``: offer demo data in an empty database and start the housekeeping."""
        from PySide6.QtCore import QTimer

        from accountdesk.ui.main_window import MainWindow
        from accountdesk.ui.security import IdleLock

        if isinstance(shell, MainWindow):
            shell.attach(self.ctx)
            self._connect(shell)
        else:
            self.build_window(screen)
        self.idle_lock = IdleLock(self.ctx)  # security.lock_after_minutes, encrypted only
        if background:
            QTimer.singleShot(0, self.first_run)
            QTimer.singleShot(0, self.finish_erasures)
            QTimer.singleShot(0, self.housekeeping)

    def finish_erasures(self) -> None:
        """Once per start, in the background: the erases a stop left before their backups
        were cleaned are finished (ui/erase_backups.py), an earlier passphrase asked for when
        a backup needs one."""
        from PySide6.QtWidgets import QWidget

        from accountdesk.ui.erase_backups import finish_erasures

        window = self.window if isinstance(self.window, QWidget) else None
        finish_erasures(self.ctx.db, self.ctx.user_zone, self.ctx.status.emit, window)

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
        """Check the reminders (also the ones missed while the app was closed) now and on a
        timer of the controller's, whatever screen is shown, and show them in the window:
        the timer was the Follow-ups screen's, and a window built again (another language or
        calendar, a restore) had no such screen until the user opened it."""
        from accountdesk.ui.followups.reminders import Reminders
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if not isinstance(window, MainWindow) or not any(
            s.key == "followups" for s in window.screen_specs
        ):
            return
        if self.reminders is None:
            self.reminders = Reminders(self.ctx)
            self.reminders.attach(window)
        self.reminders.start()

    def build_window(self, screen: str | None = None) -> object:
        from accountdesk.ui.main_window import MainWindow

        window = MainWindow(self.ctx, screen=screen)
        self._connect(window)
        window.show()
        return window

    def _connect(self, window: object) -> None:
        from accountdesk.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        window.language_requested.connect(self.change_language)
        window.calendar_requested.connect(self.change_calendar)
        window.database_replaced.connect(self.reload)
        self.window = window
        if self.reminders is not None:
            self.reminders.attach(window)  # with what the old window's bar held

    def raise_window(self) -> None:
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if isinstance(window, MainWindow):
            bring_to_front(window)

    def change_language(self, code: str) -> None:
        """Settings → Language: stored in the database's "ui.language" setting and remembered
        by the app (QSettings), every screen built again. A read-only database cannot store
        it: the language is used all the same, and when the database keeps another one, the
        status bar says that it opens in that one next time."""
        from accountdesk.core.bidi import isolate
        from accountdesk.core.services.activity import get_setting, set_setting
        from accountdesk.ui.main_window import LANGUAGE_NAMES

        db = self.ctx.db
        stored = get_setting(db, "ui.language") if db.read_only else None
        if not db.read_only:
            set_setting(db, "ui.language", code)
        apply_language(code)
        remember_language()
        self.ctx.retranslate()  # the undo history's texts, before Undo and Redo are made again
        self.rebuild_window()
        if isinstance(stored, str) and stored != i18n.current_language().code:
            self.ctx.status.emit(
                _(
                    "The database is read-only, so this language could not be kept in it: "
                    "it opens in {language} again next time."
                ).format(language=isolate(LANGUAGE_NAMES.get(stored, stored)))
            )

    def change_calendar(self, value: str) -> None:
        """Dates in the language's calendar (``auto``) or in the Gregorian one: stored in the
        "ui.calendar" setting (the command line reads it too), every screen built again. A
        read-only database cannot store it: the choice holds until the app closes, and the
        status bar says so."""
        from accountdesk.core import settings

        db = self.ctx.db
        if db.read_only:
            i18n.set_calendar_preference(value)  # the menu's AUTO or GREGORIAN (checked)
        else:
            settings.put(db, "ui.calendar", value)
            settings.apply_calendar_preference(db)
        self.rebuild_window()
        if db.read_only:
            self.ctx.status.emit(
                _(
                    "The database is read-only, so this choice could not be kept in it: "
                    "it holds until AccountDesk closes."
                )
            )

    def reload(self) -> None:
        """After a restore the data changed under every screen: a new context (an empty undo
        history, the restored settings), an idle lock that follows it (the old one heard the
        old context's changes alone), reminders of the restored data (what the bar held may
        not be in it), and a new window, on the same screen (the records that were open may
        not be in the restored data)."""
        from accountdesk.core.settings import apply_calendar_preference
        from accountdesk.ui.context import AppContext
        from accountdesk.ui.security import IdleLock

        apply_calendar_preference(self.ctx.db)
        if self.idle_lock is not None:
            self.idle_lock.stop()
        reminding = self.reminders is not None
        if self.reminders is not None:  # the old context's: what it held may not be there
            self.reminders.stop()
            self.reminders.deleteLater()
            self.reminders = None
        self.ctx.close()
        self.ctx = AppContext(self.ctx.db, self.ctx.clock)
        self.idle_lock = IdleLock(self.ctx)  # the restored file's lock setting, at once
        self.rebuild_window(records=False)
        if reminding:
            self._start_reminders()  # the restored file's, in the new window

    def rebuild_window(self, *, records: bool = True) -> None:
        """Build the window again (another language or calendar), showing what the old one
        showed: the same screen and, when ``records``, the same record views on top of it (the
        same Back history)."""
        from accountdesk.ui.main_window import MainWindow

        old = self.window
        screen: str | None = None
        shown: list[tuple[str, str]] = []
        if isinstance(old, MainWindow):
            screen = old.current_key()
            shown = old.open_records() if records else []
            old.save_layout()
            old.hide()
            old.deleteLater()
        window = self.build_window(screen)
        assert isinstance(window, MainWindow)
        for kind, record_id in shown:
            window.open_record(kind, record_id)

    def first_run(self) -> None:
        from accountdesk.ui.firstrun import offer_first_run
        from accountdesk.ui.main_window import MainWindow

        window = self.window
        if isinstance(window, MainWindow):
            offer_first_run(self.ctx, window)  # when the database is empty and writable
