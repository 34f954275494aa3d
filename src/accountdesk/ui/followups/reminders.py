"""Reminders: a desktop notification from the system tray where the platform has one, and
always a bar in the window (the only one where there is no tray, e.g. offscreen), both with
complete, snooze 1 h and open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from accountdesk.core.i18n import _


class ReminderBar(QFrame):
    """A yellow bar over the list: what is due, and what to do with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminders")
        self.setStyleSheet("#reminders { background: #fff4c2; border-radius: 4px; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #3b3000;")
        self.complete = QPushButton(_("Complete"), self)
        self.complete.setObjectName("reminderComplete")
        self.snooze = QPushButton(_("Snooze 1 h"), self)
        self.snooze.setObjectName("reminderSnooze")
        self.open = QPushButton(_("Show them"), self)
        self.open.setObjectName("reminderOpen")
        self.dismiss = QPushButton(_("Dismiss"), self)
        self.dismiss.setObjectName("reminderDismiss")
        self.dismiss.setFlat(True)
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
    """The tray icon with a menu (complete, snooze 1 h, open); clicking the message opens."""

    def __init__(
        self,
        parent: QWidget,
        on_complete: Callable[[], None],
        on_snooze: Callable[[], None],
        on_open: Callable[[], None],
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
            lambda _checked=False: on_snooze()
        )
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
        on_snooze: Callable[[], None],
        on_open: Callable[[], None],
    ) -> Tray | None:
        """The tray icon, or None where the platform has no system tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        return cls(parent, on_complete, on_snooze, on_open)

    def notify(self, title: str, text: str) -> None:
        self.icon.show()
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
