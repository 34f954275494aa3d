"""The main window: navigation, global search (Ctrl+K), quick log (Ctrl+L), record views,
menus with shortcuts, a status bar with the user's zone and time; geometry remembered.

A record view (an account, a contact) is shown on top of the screen chosen in the navigation;
while it is, the navigation highlights the list the record belongs to (:data:`RECORD_LISTS`),
and Back returns to the records under it, then to the chosen screen. :meth:`MainWindow.
open_records` lists them, so that a window built again (another language) shows them again.

At start the window is shown before the database is open (:class:`MainWindow` with no context:
the navigation, the remembered size and a line saying the database is being opened), and
:meth:`MainWindow.attach` adds the rest once it is. This module therefore imports nothing of
the database layer: what needs it is imported when the context arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from accountdesk.core.bidi import isolate
from accountdesk.core.calendars import GREGORIAN, default_calendar
from accountdesk.core.i18n import (
    AUTO,
    LANGUAGES,
    _,
    calendar_preference,
    current_language,
    zone_name,
)
from accountdesk.ui import fmt
from accountdesk.ui.accessible import name_field
from accountdesk.ui.mnemonics import give_mnemonics
from accountdesk.ui.modal import run_modal
from accountdesk.ui.navigation import Screen, load_feature_screens
from accountdesk.ui.screenfit import resize_within_screen, scrolled_when_small

if TYPE_CHECKING:
    from accountdesk.core.queries.search import SearchHit
    from accountdesk.ui.context import AppContext

#: The list screen each kind of record view belongs to: highlighted while the view is shown.
RECORD_LISTS = {"account": "accounts", "contact": "contacts"}

#: The language names shown in the Language menu, each in its own language.
LANGUAGE_NAMES = {
    "en": "English",
    "lv": "Latviešu",
    "sl": "Slovenščina",
    "th": "ไทย",
    "tr": "Türkçe",
    "fa": "فارسی",
}


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    calendar_requested = Signal(str)  # "auto" or "gregorian" (the ui.calendar setting)
    database_replaced = Signal()  # a backup was restored: every screen is built again
    closed = Signal()  # the user closed the window

    def __init__(
        self,
        ctx: AppContext | None,
        settings: QSettings | None = None,
        *,
        screen: str | None = None,
    ) -> None:
        """``ctx`` None: the window shows its navigation and waits for :meth:`attach`.
        ``screen``: the screen shown first (None: the remembered one)."""
        super().__init__()
        self._ctx: AppContext | None = None
        self.settings = settings or QSettings()
        self.setWindowTitle(_("AccountDesk"))
        self.screens: dict[str, QWidget] = {}
        self.screen_specs: list[Screen] = load_feature_screens()
        self.records: list[QWidget] = []  # open record views, newest last
        #: Where the keyboard focus was when each record view opened (Back puts it there).
        self._focus_before: list[QWidget | None] = []
        #: The screen chosen in the navigation (under the record views, when any are open).
        self._chosen: str | None = None

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        name_field(self.nav, _("Screens"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(max(170, self.nav.fontMetrics().horizontalAdvance("M" * 12)))
        self.stack = QStackedWidget()
        self.opening = QLabel(_("Opening the database…"))
        self.opening.setObjectName("openingDatabase")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        row.addWidget(self.nav)
        #: The bars above every screen (:meth:`add_bar`), then the screen.
        self._screen_column = QVBoxLayout()
        self._screen_column.setContentsMargins(0, 0, 0, 0)
        self._screen_column.setSpacing(0)
        self._bars = QVBoxLayout()
        self._bars.setContentsMargins(9, 6, 9, 0)
        self._screen_column.addLayout(self._bars)
        # a screen that needs more room than the screen has scrolls (a larger font, 150 %)
        self._screen_column.addWidget(scrolled_when_small(self.stack), 1)
        row.addLayout(self._screen_column, 1)
        self.setCentralWidget(central)
        for spec in self.screen_specs:
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.icon:
                item.setIcon(nav_icon(spec.icon))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        # the list highlighted under a record is the current row: a click on it shows the list
        self.nav.itemClicked.connect(self._nav_clicked)
        self._restore()
        if screen is not None:
            self.show_screen(screen)
        if self.nav.count() and self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        if ctx is not None:
            self.attach(ctx)

    @property
    def ctx(self) -> AppContext:
        """The app context (after :meth:`attach`)."""
        assert self._ctx is not None, "the main window has no context yet"
        return self._ctx

    @property
    def attached(self) -> bool:
        return self._ctx is not None

    def attach(self, ctx: AppContext) -> None:
        """The database is open: add search, menus and status bar, and show the screen that is
        chosen in the navigation (the remembered one, or the one clicked while opening)."""
        assert self._ctx is None
        self._ctx = ctx
        self.sync_control = self._sync_control()
        self._build_search()
        self._build_menus()
        self._build_status_bar()
        ctx.open_record.connect(self.open_record)
        ctx.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)  # the toolbars exist now
        self._nav_changed(self.nav.currentRow())
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        if self.sync_control is not None:
            self.sync_control.start()  # at start, then every few minutes, off this thread

    def _sync_control(self) -> Any:
        """The offline copy's synchronisation (ui/sync_status.py), when the database is a
        copy of a team server; None otherwise."""
        from accountdesk.core.db import sync

        if not sync.is_copy(self.ctx.db):
            return None
        from accountdesk.ui.sync_status import SyncControl

        return SyncControl(self.ctx, self)

    # --- screens -------------------------------------------------------------------------

    def add_bar(self, bar: QWidget) -> None:
        """Show ``bar`` above every screen and record view, under the search (the reminders:
        wherever the user is). Tab reaches its buttons after the search field, before the
        screen's controls."""
        self._bars.addWidget(bar)
        previous: QWidget = self.search
        for button in bar.findChildren(QAbstractButton):
            QWidget.setTabOrder(previous, button)
            previous = button

    def screen_widget(self, key: str) -> QWidget:
        """The screen widget for ``key``, created on first use."""
        widget = self.screens.get(key)
        if widget is None:
            spec = next(s for s in self.screen_specs if s.key == key)
            widget = spec.factory(self.ctx)
            self.screens[key] = widget
            self.stack.addWidget(widget)
        return widget

    def show_screen(self, key: str) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() == row:
                    self._nav_changed(row)
                else:
                    self.nav.setCurrentRow(row)
                return

    def _nav_changed(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        self._chosen = str(item.data(Qt.ItemDataRole.UserRole))
        if self._ctx is None:
            return  # before attach the choice is kept and shown by attach
        self._close_records()
        self.stack.setCurrentWidget(self.screen_widget(self._chosen))

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        if self.records:  # the list a record belongs to, highlighted: show the list itself
            self._nav_changed(self.nav.row(item))

    def _highlight(self, key: str | None) -> None:
        """Highlight ``key`` in the navigation without showing its screen (a record view stays
        on top)."""
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                blocked = self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(blocked)
                return

    def _highlight_shown(self) -> None:
        """The navigation follows what is shown: the list of the record on top, else the
        chosen screen."""
        if self.records:
            kind = getattr(self.records[-1], "kind", "")
            self._highlight(RECORD_LISTS.get(kind, self._chosen))
        else:
            self._highlight(self._chosen)

    def current_key(self) -> str | None:
        """The screen chosen in the navigation: under the record views when any are open (the
        navigation then highlights the list of the one shown)."""
        if self._chosen is not None:
            return self._chosen
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def open_records(self) -> list[tuple[str, str]]:
        """The record views open, oldest first, as (kind, id) for :meth:`open_record`."""
        return [(getattr(v, "kind", ""), getattr(v, "record_id", "")) for v in self.records]

    def open_record(self, kind: str, id_: str) -> None:
        """Show an account or contact view on top of the current screen (Alt+Left goes back)."""
        if kind == "account":
            from accountdesk.ui.accounts.view import AccountView

            view: QWidget = AccountView(self.ctx, id_)
        elif kind == "contact":
            from accountdesk.ui.contacts.view import ContactView

            view = ContactView(self.ctx, id_)
        else:
            return
        self._focus_before.append(self.focusWidget())  # this window's, active or not
        self.records.append(view)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.back_action.setEnabled(True)
        self._highlight_shown()

    def _shower(self, key: str) -> Callable[[], None]:
        """View → a screen (Ctrl+1 …): show it with the keyboard in it."""

        def show() -> None:
            self.show_screen(key)
            self.focus_screen()

        return show

    def focus_screen(self) -> None:
        """Put the keyboard focus in the screen shown: the field its ``focus_field()`` names
        (a list's filter), else its first field or button. From the View menu's shortcuts the
        focus stayed where it was (the navigation, the search field) or fell on whatever
        followed a hidden screen. (Not a focus proxy: Tab into a screen whose proxy is its
        filter skips every control before the filter, such as "New account…".)"""
        shown = self.stack.currentWidget()
        if shown is None:
            return
        named = getattr(shown, "focus_field", None)
        target: QWidget | None = named() if callable(named) else None
        if target is None:
            found = shown.nextInFocusChain()
            while found is not None and found is not shown:
                policy = found.focusPolicy()
                if (
                    shown.isAncestorOf(found)
                    and found.isVisible()
                    and found.isEnabled()
                    and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
                ):
                    target = found
                    break
                found = found.nextInFocusChain()
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_back(self) -> None:
        if not self.records:
            return
        view = self.records.pop()
        focused = self._focus_before.pop() if self._focus_before else None
        self.stack.removeWidget(view)
        view.deleteLater()
        if self.records:
            self.stack.setCurrentWidget(self.records[-1])
        else:
            key = self.current_key()
            if key:
                self.stack.setCurrentWidget(self.screen_widget(key))
        self._highlight_shown()
        self.back_action.setEnabled(bool(self.records))
        # back where the keyboard was (the list's row it opened): the focus fell to the
        # navigation, nine Tabs from the list
        if focused is not None and Shiboken.isValid(focused) and focused.isVisible():
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_records(self) -> None:
        self._focus_before.clear()
        while self.records:
            view = self.records.pop()
            self.stack.removeWidget(view)
            view.deleteLater()
        if hasattr(self, "back_action"):
            self.back_action.setEnabled(False)

    # --- search --------------------------------------------------------------------------

    def _build_search(self) -> None:
        from accountdesk.ui.pickers import RecordPicker

        bar = QToolBar(_("Search"))
        bar.setObjectName("searchBar")
        bar.setMovable(False)
        self.search = RecordPicker(self.ctx.db, None)
        self.search.setObjectName("globalSearch")
        self.search.setPlaceholderText(_("Find an account or contact (Ctrl+K)"))
        name_field(self.search, _("Find an account or contact"))
        self.search.setMaximumWidth(520)
        self.search.picked_hit.connect(self._search_picked)  # Enter picks the top hit
        bar.addWidget(self.search)
        self.no_match = QLabel()
        self.no_match.setObjectName("searchNoMatch")
        self.no_match.setContentsMargins(8, 0, 8, 0)
        self._no_match_action = bar.addWidget(self.no_match)
        self._no_match_action.setVisible(False)
        self.search.searched.connect(self._searched)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _searched(self, text: str, count: int) -> None:
        """Say when nothing matches what was typed (the suggestions just did not open)."""
        nothing = bool(text.strip()) and count == 0
        self.no_match.setText(
            _("No account or contact matches “{text}”.").format(text=isolate(text.strip()))
            if nothing
            else ""
        )
        self._no_match_action.setVisible(nothing)

    def _search_picked(self, hit: SearchHit) -> None:
        self.search.clear()
        self.open_record(hit.kind, hit.id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- menus ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(_("&File"))
        file_menu.addAction(self._action(_("New account…"), self.new_account, "Ctrl+N"))
        file_menu.addAction(self._action(_("New contact…"), self.new_contact, "Ctrl+Shift+N"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Import contacts…"), self.import_csv, "Ctrl+I"))
        file_menu.addAction(self._action(_("Export…"), self.export_everything, "Ctrl+E"))
        file_menu.addAction(self._action(_("Load demo data…"), self.load_demo))
        file_menu.addSeparator()
        backups = self._action(_("Backups…"), self.show_backups)
        backups.setEnabled(self.ctx.db.path is not None)  # a team server keeps its own
        file_menu.addAction(backups)
        if self.sync_control is not None:
            file_menu.addSeparator()
            self.sync_action = self._action(
                _("Synchronise with the server"),
                lambda: self.sync_control.sync_now(asked=True),
                "F5",
            )
            file_menu.addAction(self.sync_action)
            file_menu.addAction(
                self._action(_("Synchronisation conflicts…"), self.sync_control.show_conflicts)
            )
        file_menu.addSeparator()
        quit_action = self._action(_("Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(quit_action)

        edit = menu.addMenu(_("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, _("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, _("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.find_action = self._action(_("Find…"), self.focus_search, "Ctrl+K")
        edit.addAction(self.find_action)
        self.quick_log_action = self._action(_("Quick log…"), self.quick_log, "Ctrl+L")
        edit.addAction(self.quick_log_action)
        edit.addSeparator()
        edit.addAction(self._action(_("Trash…"), self.show_trash, "Ctrl+Shift+T"))

        view = menu.addMenu(_("&View"))
        for number, spec in enumerate(self.screen_specs, start=1):
            shortcut = f"Ctrl+{number}" if number < 10 else None
            view.addAction(self._action(_(spec.title), self._shower(spec.key), shortcut))
        view.addSeparator()
        self.back_action = self._action(_("Back"), self.go_back, QKeySequence.StandardKey.Back)
        self.back_action.setEnabled(False)
        view.addAction(self.back_action)

        settings = menu.addMenu(_("&Settings"))
        settings.addAction(self._action(_("Me: time zone, country, hours…"), self.edit_me))
        from accountdesk.ui.security import add_security_actions

        add_security_actions(settings, self.ctx, self)  # encrypt, passphrase, idle lock
        languages = settings.addMenu(_("Language"))
        current = current_language().code
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES.get(code, code), self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, c=code: self.language_requested.emit(c))
            languages.addAction(action)
        if default_calendar(current) != GREGORIAN:  # Persian and Thai have their own
            languages.addSeparator()
            self.gregorian_action = QAction(_("Dates in the Gregorian calendar"), self)
            self.gregorian_action.setCheckable(True)
            self.gregorian_action.setChecked(calendar_preference() == GREGORIAN)
            self.gregorian_action.triggered.connect(
                lambda on: self.calendar_requested.emit(GREGORIAN if on else AUTO)
            )
            languages.addAction(self.gregorian_action)

        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("About AccountDesk"), self.about))
        give_mnemonics(menu)  # a letter for every item, unique in its menu, in the language

    # --- status bar ----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        if self.ctx.db.read_only:  # always visible: a message never hides a permanent widget
            self.read_only_banner = QLabel(_("Read-only: changes cannot be saved"))
            self.read_only_banner.setObjectName("readOnlyBanner")
            self.read_only_banner.setToolTip(
                _(
                    "AccountDesk cannot write to {path} (the file or its folder is read-only); "
                    "you can read everything, but nothing you change is saved."
                ).format(path=self.ctx.db.path or self.ctx.db.url)
            )
            self.read_only_banner.setStyleSheet(
                "QLabel { background: #fff3cd; color: #5c4400; font-weight: bold; "
                "padding: 2px 8px; border-radius: 3px; }"
            )
            bar.addPermanentWidget(self.read_only_banner)
        if self.sync_control is not None:
            bar.addPermanentWidget(self.sync_control.button)
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addPermanentWidget(self.undo_button)
        self.clock = QLabel()
        self.clock.setObjectName("userClock")
        bar.addPermanentWidget(self.clock)
        self._tick()
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(15_000)
        self._clock_timer.timeout.connect(self._tick)
        self.ctx.changed.connect(
            lambda kind: self._tick() if kind in {"zone", "settings"} else None
        )
        self._clock_timer.start()

    def _tick(self) -> None:
        from accountdesk.core.timekeeping.zones import get_zone as zone

        now = self.ctx.now().astimezone(zone(self.ctx.user_zone))
        self.clock.setText(
            _("Your time: {time} · {zone}").format(
                time=fmt.clock(now), zone=zone_name(self.ctx.user_zone)
            )
        )

    # --- actions -------------------------------------------------------------------------

    def edit_me(self) -> None:
        from accountdesk.ui.me import MeDialog

        run_modal(MeDialog(self.ctx, parent=self))
        self._tick()

    def new_account(self) -> None:
        from accountdesk.ui.accounts.editor import AccountEditor

        editor = AccountEditor(self.ctx, parent=self)
        if run_modal(editor) and editor.result_id:
            self.open_record("account", editor.result_id)

    def new_contact(self) -> None:
        from accountdesk.ui.contacts.editor import ContactEditor

        account_id = None
        if self.records and getattr(self.records[-1], "kind", "") == "account":
            account_id = getattr(self.records[-1], "record_id", None)
        editor = ContactEditor(self.ctx, account_id=account_id, parent=self)
        if run_modal(editor) and editor.result_id:
            self.open_record("contact", editor.result_id)

    def quick_log(self) -> None:
        from accountdesk.ui.quicklog.dialog import QuickLogDialog

        contact_id = None
        if self.records and getattr(self.records[-1], "kind", "") == "contact":
            contact_id = getattr(self.records[-1], "record_id", None)
        run_modal(QuickLogDialog(self.ctx, contact_id=contact_id, parent=self))

    def show_backups(self) -> None:
        from accountdesk.ui.backups import BackupsDialog

        dialog = BackupsDialog(self.ctx, self)
        run_modal(dialog)
        if dialog.restored:
            self.database_replaced.emit()

    def show_trash(self) -> None:
        from accountdesk.ui.trash.dialog import TrashDialog

        run_modal(TrashDialog(self.ctx, self))

    def import_csv(self) -> None:
        from accountdesk.ui.import_dialog import choose_file, import_file

        path = choose_file(self)
        if path:
            import_file(self.ctx, self, path)

    def export_everything(self) -> None:
        from accountdesk.ui.export_dialog import choose_target, export_to_file

        chosen = choose_target(self.ctx, self)
        if chosen is not None:
            export_to_file(self.ctx, self, *chosen)

    def load_demo(self) -> None:
        """File → Load demo data…: into a database that shows nothing yet at once (a read-only
        one says why not); into one that holds the user's own records only when they say so,
        else into a new file of its own (:func:`firstrun.ask_demo_beside_records`)."""
        from accountdesk.core.queries.lists import nothing_shown
        from accountdesk.ui import firstrun

        if self.ctx.db.read_only or nothing_shown(self.ctx.db):
            firstrun.load_demo(self.ctx, self)
            return
        choice = firstrun.ask_demo_beside_records(self)
        if choice == firstrun.DEMO_HERE:
            firstrun.load_demo(self.ctx, self)
        elif choice == firstrun.DEMO_APART:
            firstrun.load_demo_apart(self.ctx, self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from accountdesk import __version__

        QMessageBox.about(
            self,
            _("About AccountDesk"),
            _(
                "AccountDesk {version}: the account manager for customers in other countries."
            ).format(version=__version__),
        )

    # --- geometry ------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, 1280, 800)
        last = self.settings.value("window/screen")
        if isinstance(last, str):
            self.show_screen(last)

    def save_layout(self) -> None:
        if self._ctx is None:
            return  # closed while opening: what was remembered stays
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        key = self.current_key()
        if key:
            self.settings.setValue("window/screen", key)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


def nav_icon(name: str) -> QIcon:
    """The navigation icon ``resources/icons/nav-<name>.svg`` (an empty icon if it is missing)."""
    from accountdesk.core.paths import resource_dir

    path = resource_dir() / "icons" / f"nav-{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    from accountdesk.core.paths import resource_dir

    path = resource_dir() / "icons" / "accountdesk.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
