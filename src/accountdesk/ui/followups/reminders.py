"""Reminders: a desktop notification from the system tray where the platform has one, and
always a bar in the window (the only one where there is no tray, e.g. offscreen), both with
complete, snooze (1 h, or any of the snooze presets of
:mod:`accountdesk.core.timekeeping.reminders`) and open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from accountdesk.core.i18n import _, format_number, format_skeleton, ngettext
from accountdesk.core.services.followups import Snoozed
from accountdesk.core.timekeeping.reminders import SNOOZE_PRESETS, SnoozePreset, snoozed_to
from accountdesk.ui.colours import text_on

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
        parent: QWidget,
        on_complete: Callable[[], None],
        on_snooze: Callable[[str], None],
        on_open: Callable[[], None],
        text: PresetText,
    ) -> None:
        app = QApplication.instance()
        icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
        self.icon = QSystemTrayIcon(icon, parent)
        self.icon.setToolTip(_("AccountDesk"))
        self.menu = QMenu(parent)
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
        parent: QWidget,
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
