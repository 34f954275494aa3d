"""Reminders: what fell due, also while the app was closed, shown wherever the user is in the
main window (a bar above every screen, :class:`ReminderBar`) and as a desktop notification from
the system tray where the platform has one, with complete, snooze (1 h, or any of the snooze
presets of :mod:`accountdesk.core.timekeeping.reminders`) and open.

:class:`Reminders` checks on a timer of its own, held by the app's controller for as long as
its context lives: a window built again (another language or calendar) gets the bar, with
what it held, and the checks go on whatever screens were ever opened (they were the Follow-ups
screen's, and stopped with the window it was built in). A follow-up is marked notified once
its reminder is shown: by the tray, or in the bar of a window that is shown, not minimised
and not covered by the idle lock (else once it is), never while nothing shows it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)
from shiboken6 import Shiboken

from accountdesk.core.bidi import isolate
from accountdesk.core.i18n import _, format_number, format_skeleton, join_clauses, ngettext
from accountdesk.core.queries.followups import Reminded, Shown, due_for_reminder, reminded
from accountdesk.core.services import followups as service
from accountdesk.core.services.followups import Snoozed
from accountdesk.core.timekeeping.reminders import (
    PRESETS_BY_KEY,
    SNOOZE_PRESETS,
    SnoozePreset,
    snooze_preset_until,
    snoozed_to,
)
from accountdesk.ui import tasks
from accountdesk.ui.colours import text_on
from accountdesk.ui.followups.completion import complete_and_say
from accountdesk.ui.followups.when import zoned_when_near
from accountdesk.ui.modal import run_modal

if TYPE_CHECKING:
    from accountdesk.ui.context import AppContext
    from accountdesk.ui.main_window import MainWindow

#: The bar's background.
BAR_COLOUR = "#fff4c2"

#: The snooze of the bar's button and the tray's first snooze entry.
QUICK_SNOOZE = "1h"


def _until_text(until: datetime, zone: str) -> str:
    """When a snooze ends, on the user's clock, with its weekday ("Wed 17 Mar, 09:00")."""
    return format_skeleton(until, "MMMEd", tz=ZoneInfo(zone), time=True)


def snoozed_text(
    shown: str, due_at: datetime, snoozed_until: datetime | None, now: datetime, zone: str
) -> str:
    """``shown`` (when a follow-up due at ``due_at`` is due: its period, "Overdue", or its
    time) with the time its reminder is snoozed to, while the snooze holds it back
    (:func:`~accountdesk.core.timekeeping.reminders.snoozed_to`); ``zone``: the user's."""
    until = snoozed_to(due_at, snoozed_until, now)
    if until is None:
        return shown
    # TRANSLATORS: {shown} is when a follow-up is due ("Overdue", "25 Nov, 11:00"), {when}
    # the day and time its reminder was snoozed to, on the user's clock ("Wed 17 Mar, 09:00")
    return _("{shown}, snoozed until {when}").format(shown=shown, when=_until_text(until, zone))


def snoozed_message(done: Snoozed, until: datetime, zone: str) -> str:
    """What the status bar says after a snooze to ``until`` (``zone``: the user's): how many
    were snoozed until when, and how many were not because they are not due by then."""
    said: list[str] = []
    if done.snoozed:
        said.append(
            ngettext(
                "Snoozed {n} follow-up until {when}.",
                "Snoozed {n} follow-ups until {when}.",
                done.snoozed,
            ).format(n=format_number(done.snoozed), when=_until_text(until, zone))
        )
    if done.not_due:
        said.append(
            ngettext(
                "{n} follow-up is not due until later, so it was not snoozed: its reminder "
                "comes when it falls due.",
                "{n} follow-ups are not due until later, so they were not snoozed: their "
                "reminders come when they fall due.",
                done.not_due,
            ).format(n=format_number(done.not_due))
        )
    if not said:
        return _(
            "Nothing was snoozed: the follow-ups were completed or moved since they were shown."
        )
    return " ".join(said)


def snooze_until(ctx: AppContext, preset: SnoozePreset) -> datetime:
    """When ``preset`` snoozes to now, by the user's own calendar (Settings → Me)."""
    return snooze_preset_until(preset, ctx.now(), ctx.user_calendar())


def snooze_and_say(
    ctx: AppContext, shown: list[Shown], until: datetime, said: Sequence[str] = ()
) -> None:
    """Snooze ``shown`` until ``until`` and say in the status bar what was done (the lists
    show it too), and then ``said``."""
    done = ctx.write("follow_up", lambda: service.snooze(ctx.db, shown, until))
    ctx.status.emit(" ".join([snoozed_message(done, until, ctx.user_zone), *said]))


#: A snooze preset as a menu names it (:func:`preset_text`, with its time filled in).
PresetText = Callable[[SnoozePreset], str]


def preset_text(preset: SnoozePreset, until: datetime, zone: str) -> str:
    """``preset`` as a menu names it, snoozing until ``until``: "For 1 hour", "Until the next
    working day (Mon 11 Jan, 08:00)" (on the user's clock: ``zone``)."""
    if preset.minutes is not None:
        return _(preset.label)
    return _(preset.label).format(when=_until_text(until, zone))


def snooze_menu(
    parent: QWidget, on_choose: Callable[[str], None], text: PresetText, title: str = ""
) -> QMenu:
    """A menu of the snooze presets, each named by ``text`` (again whenever it opens: the
    next working day is another day tomorrow); ``on_choose`` gets the chosen preset's key."""
    menu = QMenu(title, parent)
    actions = []
    for preset in SNOOZE_PRESETS:
        action = menu.addAction(text(preset))
        action.triggered.connect(lambda _checked=False, key=preset.key: on_choose(key))
        actions.append((action, preset))

    def rename() -> None:
        for action, preset in actions:
            action.setText(text(preset))

    menu.aboutToShow.connect(rename)
    return menu


def complete_all_box(parent: QWidget | None, count: int) -> QMessageBox:
    """The question the reminder's Complete asks when it holds several follow-ups: all
    ``count`` of them? (It names three: the others are only counted.)"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Complete follow-ups"))
    box.setText(
        ngettext(
            "Complete all {n} follow-up that fell due?",
            "Complete all {n} follow-ups that fell due?",
            count,
        ).format(n=format_number(count))
    )
    # TRANSLATORS: "Show them" is the reminder bar's button that opens the Follow-ups screen
    box.setInformativeText(
        _(
            "Repeating follow-ups move on to their next occurrence. Undo (Ctrl+Z) puts them "
            "all back. To complete only some of them, click Show them and select them in the "
            "list."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(_("Complete all"))
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_complete_all(parent: QWidget | None, count: int) -> bool:
    """Whether to complete all ``count`` follow-ups of the reminder (:func:`complete_all_box`)."""
    return run_modal(complete_all_box(parent, count)) == QMessageBox.StandardButton.Ok


class ReminderBar(QFrame):
    """A yellow bar over the list: what is due, and what to do with it. ``snooze_chosen`` gives
    a snooze preset's key: the button's own (1 h) or one from its menu."""

    snooze_chosen = Signal(str)

    def __init__(self, text: PresetText, parent: QWidget | None = None) -> None:
        """``text``: how the snooze menu names a preset (:func:`preset_text`)."""
        super().__init__(parent)
        self.setObjectName("reminders")
        self.setStyleSheet(f"#reminders {{ background: {BAR_COLOUR}; border-radius: 4px; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #3b3000;")
        self.complete = QPushButton(_("Complete"), self)
        self.complete.setObjectName("reminderComplete")
        self.snooze = QToolButton(self)
        self.snooze.setText(_("Snooze 1 h"))
        self.snooze.setObjectName("reminderSnooze")
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.snooze.setMenu(snooze_menu(self, self.snooze_chosen.emit, text))
        self.snooze.clicked.connect(lambda _checked=False: self.snooze_chosen.emit(QUICK_SNOOZE))
        self.open = QPushButton(_("Show them"), self)
        self.open.setObjectName("reminderOpen")
        self.dismiss = QPushButton(_("Dismiss"), self)
        self.dismiss.setObjectName("reminderDismiss")
        self.dismiss.setFlat(True)
        # a flat button is drawn on the bar: the palette's text was near-white under a dark theme
        ink = self.dismiss.palette()
        ink.setColor(QPalette.ColorRole.ButtonText, text_on(BAR_COLOUR))
        self.dismiss.setPalette(ink)
        self.dismiss.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        for button in (self.complete, self.snooze, self.open, self.dismiss):
            row.addWidget(button)
        self.hide()

    def show_text(self, text: str, detail: str = "") -> None:
        self.label.setText(f"<b>{_escape(text)}</b> {_escape(detail)}" if detail else text)
        self.show()

    def text(self) -> str:
        return self.label.text()


class Tray:
    """The tray icon with a menu (complete, snooze 1 h or a preset, open); clicking the message
    opens. ``on_snooze`` gets a snooze preset's key."""

    def __init__(
        self,
        parent: QObject,
        on_complete: Callable[[], None],
        on_snooze: Callable[[str], None],
        on_open: Callable[[], None],
        text: PresetText,
    ) -> None:
        app = QApplication.instance()
        icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
        self.icon = QSystemTrayIcon(icon, parent)
        self.icon.setToolTip(_("AccountDesk"))
        self.menu = QMenu()  # the window it opens may be built again: a menu of its own
        self.menu.addAction(_("Complete the due follow-ups")).triggered.connect(
            lambda _checked=False: on_complete()
        )
        self.menu.addAction(_("Snooze them 1 h")).triggered.connect(
            lambda _checked=False: on_snooze(QUICK_SNOOZE)
        )
        self.menu.addMenu(snooze_menu(self.menu, on_snooze, text, _("Snooze them")))
        self.menu.addAction(_("Open AccountDesk")).triggered.connect(
            lambda _checked=False: on_open()
        )
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(on_open)
        self.icon.activated.connect(
            lambda reason: on_open() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
        )

    @classmethod
    def create(
        cls,
        parent: QObject,
        on_complete: Callable[[], None],
        on_snooze: Callable[[str], None],
        on_open: Callable[[], None],
        text: PresetText,
    ) -> Tray | None:
        """The tray icon, or None where the platform has no system tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        return cls(parent, on_complete, on_snooze, on_open, text)

    def notify(self, title: str, text: str) -> None:
        self.icon.show()
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def remove(self) -> None:
        """Take the icon off the tray (its reminders' context is closed)."""
        self.icon.hide()
        self.icon.deleteLater()
        self.menu.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Reminders(QObject):
    """The reminders of the app's context: due follow-ups checked every :data:`CHECK_MS`
    (and at :meth:`start`: the ones missed while the app was closed), shown in the bar of the
    main window :meth:`attach` gave, wherever the user is, and by the tray where there is one.
    The bar counts and names what it holds, the latest first (three of them), and its Complete
    and Snooze act on every occurrence it counts (one completed elsewhere since is left)."""

    #: How often the due follow-ups are checked.
    CHECK_MS = 30_000

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pending: list[Shown] = []  # what the bar holds, as the reminder showed them
        self._named: dict[str, Reminded] = {}  # the pending ones as named, by id
        self._newest: list[str] = []  # the ids of the latest reminder
        self._unmarked: list[str] = []  # shown in a bar nobody could see yet
        self._told: set[Shown] = set()  # marked while the app runs: a read-only database
        self.window: MainWindow | None = None
        self.bar: ReminderBar | None = None
        self.tray = Tray.create(
            self, self.complete, self.snooze, self.open, self.snooze_text
        )  # fmt: skip
        self._timer = QTimer(self)
        self._timer.setInterval(self.CHECK_MS)
        self._timer.timeout.connect(self.check)

    # --- the window ---------------------------------------------------------------------

    def attach(self, window: MainWindow) -> None:
        """Show the reminders in ``window`` (the main window, built again perhaps in another
        language): a bar of its own above its screens, with what the old one held."""
        old = self.window
        if old is not None and Shiboken.isValid(old):
            old.removeEventFilter(self)
        self.window = window
        self.bar = ReminderBar(self.snooze_text, window)
        self.bar.complete.clicked.connect(self.complete)
        self.bar.snooze_chosen.connect(self.snooze)
        self.bar.open.clicked.connect(self.open)
        self.bar.dismiss.clicked.connect(self._dismissed)
        window.add_bar(self.bar)
        window.installEventFilter(self)
        if self.pending:
            self._show_bar()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A window shown or brought back from the taskbar: the reminders it shows are seen
        (after the idle lock, at the next check)."""
        kinds = (QEvent.Type.Show, QEvent.Type.WindowStateChange, QEvent.Type.WindowActivate)
        if watched is self.window and event.type() in kinds and self._unmarked:
            QTimer.singleShot(0, self, self._mark_if_seen)  # once the new state holds
        return False

    def _seen(self) -> bool:
        """Whether the bar can be seen: in a window shown, not minimised, not locked."""
        from accountdesk.ui.security import locked_over

        window, bar = self.window, self.bar
        if window is None or bar is None or not Shiboken.isValid(bar):
            return False
        shown = window.isVisible() and not window.isMinimized() and bar.isVisible()
        return shown and not locked_over(window)

    def _mark_if_seen(self) -> None:
        """Mark what the bar shows as notified once it can be seen."""
        if self._unmarked and self._seen():
            self._mark()

    def _dismissed(self) -> None:
        """Dismiss was clicked: what the bar showed was seen."""
        if self._unmarked:
            self._mark()

    def _mark(self) -> None:
        """Mark what was shown and not yet marked as notified: in the database, or while the
        app runs when it is read-only (each check raised that it cannot be written)."""
        ids, self._unmarked = self._unmarked, []
        if self.ctx.db.read_only:
            self._told.update(s for s in self.pending if s.id in ids)
        else:
            service.mark_notified(self.ctx.db, ids, self.ctx.clock)

    # --- checking -----------------------------------------------------------------------

    def start(self) -> None:
        """Check now (what fell due while the app was closed) and every :data:`CHECK_MS`."""
        self._timer.start()
        QTimer.singleShot(0, self, self.check)

    def stop(self) -> None:
        """No more checks, no tray icon (the context is about to be closed)."""
        self._timer.stop()
        if self.tray is not None:
            self.tray.remove()
            self.tray = None

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def check(self) -> None:
        """Show the follow-ups that fell due (also while the app was closed), once."""
        db, now = self.ctx.db, self.ctx.now()

        def due() -> tuple[list[Shown], dict[str, Reminded]]:
            shown = due_for_reminder(db, now)
            return shown, reminded(db, [s.id for s in shown])

        tasks.run(due, lambda found: self.show(*found), owner=self)

    def line(self, item: Reminded) -> str:
        """One follow-up as a reminder names it: what, with whom, and when in their time
        ("Send price list – Sabine Weiß, 1 Dec, 09:00 (Berlin)"): three follow-ups of one
        title are three people."""
        # TRANSLATORS: a follow-up in a reminder: {title} what to do, {name} the contact,
        # {when} when it is due in their time ("1 Dec, 09:00 (Berlin)")
        return _("{title} – {name}, {when}").format(
            title=isolate(item.title),
            name=isolate(item.who),
            when=zoned_when_near(item.due_at, item.zone, self.ctx.now()),
        )

    def show(self, shown: list[Shown], named: dict[str, Reminded]) -> None:
        """Say that ``shown`` (oldest alert first, as :func:`due_for_reminder` lists them) fell
        due, with what the bar still holds; marked notified once shown (:meth:`_mark_if_seen`;
        at once by the tray). Those the bar holds already, not yet seen, are not said again."""
        fresh = [s for s in shown if s.id not in self._unmarked and s not in self._told]
        if not fresh:
            self._mark_if_seen()
            return
        ids = [s.id for s in fresh]
        self.pending = list({s.id: s for s in [*self.pending, *fresh]}.values())
        self._named.update(named)
        self._newest = ids
        self._unmarked = list(dict.fromkeys([*self._unmarked, *ids]))
        text, detail = self._bar_text()
        if self.tray is not None:
            self.tray.notify(_("AccountDesk"), f"{text}\n{detail}" if detail else text)
            self._mark()
        self._show_bar()
        window = self.window
        if window is not None and Shiboken.isValid(window) and not window.isActiveWindow():
            QApplication.alert(window)  # the taskbar says so too

    def _bar_text(self) -> tuple[str, str]:
        """What the bar says in the language now: how many are due, and up to three of them
        named, the latest reminder's first."""
        count = len(self.pending)
        text = ngettext("{n} follow-up is due.", "{n} follow-ups are due.", count).format(
            n=format_number(count)
        )
        earlier = [s.id for s in reversed(self.pending) if s.id not in self._newest]
        newest_first = [*reversed(self._newest), *earlier]
        lines = [self.line(self._named[i]) for i in newest_first if i in self._named]
        return text, join_clauses(lines[:3])

    def _show_bar(self) -> None:
        bar = self.bar
        if bar is None or not Shiboken.isValid(bar):
            return
        bar.show_text(*self._bar_text())
        self._mark_if_seen()

    def text(self) -> str:
        """What the bar says (empty while it holds nothing)."""
        return self.bar.text() if self.bar is not None and self.pending else ""

    # --- what the user does with them ---------------------------------------------------

    def _finish(self) -> list[Shown]:
        shown, self.pending = self.pending, []
        self._named, self._newest, self._unmarked = {}, [], []
        if self.bar is not None and Shiboken.isValid(self.bar):
            self.bar.hide()
        return shown

    def complete(self) -> None:
        """Complete the follow-ups of the bar: the one it holds, or all it counts once the
        user says so (it names only three); the status bar says how many, and one Undo
        reopens them all and shows them in the bar again."""
        shown, named = list(self.pending), dict(self._named)
        if not shown:
            return
        window = self.window if self.window is not None and Shiboken.isValid(self.window) else None
        if len(shown) > 1 and not ask_complete_all(window, len(shown)):
            return
        self._finish()

        def told(completed: bool, ids: list[str]) -> None:
            if not Shiboken.isValid(self):  # the context is gone
                return
            if completed:
                self._drop(ids)
            else:
                self._put_back([s for s in shown if s.id in ids], named)

        complete_and_say(self.ctx, shown, told)

    def _drop(self, ids: list[str]) -> None:
        """Take ``ids`` out of the bar (completed again by Redo)."""
        gone = set(ids)
        self.pending = [s for s in self.pending if s.id not in gone]
        self._newest = [i for i in self._newest if i not in gone]
        self._unmarked = [i for i in self._unmarked if i not in gone]
        if self.pending:
            self._show_bar()
        elif self.bar is not None and Shiboken.isValid(self.bar):
            self.bar.hide()

    def _put_back(self, shown: list[Shown], named: dict[str, Reminded]) -> None:
        """Show ``shown`` in the bar again (reopened by Undo), as they were named."""
        if not shown:
            return
        self.pending = list({s.id: s for s in [*self.pending, *shown]}.values())
        self._named.update({s.id: named[s.id] for s in shown if s.id in named})
        self._show_bar()

    def snooze_text(self, preset: SnoozePreset) -> str:
        """``preset`` as the snooze menus name it now, with the day and time it snoozes to."""
        return preset_text(preset, snooze_until(self.ctx, preset), self.ctx.user_zone)

    def snooze(self, key: str = QUICK_SNOOZE) -> None:
        """Snooze the follow-ups of the bar by the snooze preset ``key``."""
        shown = self._finish()
        if shown:
            snooze_and_say(self.ctx, shown, snooze_until(self.ctx, PRESETS_BY_KEY[key]))

    def open(self) -> None:
        """Show the Follow-ups screen with the follow-ups of the bar selected, the window in
        front."""
        window = self.window
        if window is None or not Shiboken.isValid(window):
            return
        from accountdesk.ui.followups.screen import FollowUpsScreen

        window.show_screen("followups")
        screen = window.screen_widget("followups")
        if isinstance(screen, FollowUpsScreen):
            screen.show_follow_ups({s.id for s in self.pending})
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
