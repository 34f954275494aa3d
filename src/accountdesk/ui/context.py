"""What every screen shares: the database, the undo stack and app-wide notifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from accountdesk.core import i18n, settings
from accountdesk.core.bidi import isolate
from accountdesk.core.clock import Clock, system_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import NotFoundError, UserError
from accountdesk.core.i18n import _
from accountdesk.core.services import trash
from accountdesk.core.services.trash import DELETE_TITLES
from accountdesk.core.timekeeping.zones import user_day

T = TypeVar("T")


class AppContext(QObject):
    """Signals: ``changed(kind)`` after any write; ``open_record(kind, id)`` to show a record;
    ``status(text)`` for a short message in the status bar."""

    changed = Signal(str)
    open_record = Signal(str, str)
    status = Signal(str)

    #: How often the system zone is read again (a laptop that lands in another zone).
    ZONE_CHECK_MS = 30_000

    def __init__(
        self, db: Database, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.undo_stack = QUndoStack(self)
        self.user_zone = settings.current_zone(db)
        self._zone_timer = QTimer(self)
        self._zone_timer.setInterval(self.ZONE_CHECK_MS)
        self._zone_timer.timeout.connect(self.refresh_zone)
        self._zone_timer.start()

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """The user's day: today in their zone (at 03:00 in Bangkok, UTC is still at
        yesterday). What a form dates a new record with and a period ends on."""
        return user_day(self.now(), self.user_zone)

    def close(self) -> None:
        """Stop reading the database on a timer (it is about to be closed)."""
        self._zone_timer.stop()

    def user_calendar(self) -> settings.UserCalendar:
        """The user's own day ("Me" in Settings): zone, country, region, working hours."""
        return settings.user_calendar(self.db)

    def refresh_zone(self) -> bool:
        """Read the user's zone again (pinned in the settings, else the system's); when it
        changed, every screen is told (``changed("zone")``) so "your time" follows travel."""
        found = settings.current_zone(self.db)
        if found == self.user_zone:
            return False
        self.user_zone = found
        self.changed.emit("zone")
        self.status.emit(
            _("Your time zone is now {zone}.").format(zone=isolate(i18n.zone_name(found)))
        )
        return True

    def delete(self, kind: str, id_: str, title: str) -> None:
        """Move a record to the trash, undoably."""
        self.undo_stack.push(DeleteCommand(self, kind, id_, title))

    def retranslate(self) -> None:
        """Write the texts of the undo history in the current language (Settings → Language,
        before the window's Undo and Redo are made again): the history is kept, and Undo no
        longer names a deleted record in the language it was deleted in."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, TranslatedCommand):
                command.retranslate()

    def write(self, kind: str, fn: Callable[[], T]) -> T:
        """Run a service call and tell every screen that ``kind`` records changed."""
        result = fn()
        self.changed.emit(kind)
        return result


class TranslatedCommand(QUndoCommand):
    """A command of the undo history whose text :meth:`AppContext.retranslate` writes again
    in the current language."""

    def retranslate(self) -> None:
        """The command's text (what Undo and Redo name) in the current language."""
        raise NotImplementedError


class DeleteCommand(TranslatedCommand):
    def __init__(self, ctx: AppContext, kind: str, id_: str, title: str) -> None:
        super().__init__()
        self.ctx, self.kind, self.record_id = ctx, kind, id_
        self.title = isolate(title)  # a record's name inside translated sentences
        self.retranslate()

    def retranslate(self) -> None:
        """The command's text (what Undo and Redo name) in the current language."""
        self.setText(_(DELETE_TITLES[self.kind]).format(title=self.title))

    def redo(self) -> None:
        try:
            trash.delete(self.ctx.db, self.kind, self.record_id, self.ctx.clock)
        except NotFoundError:
            self._gone(_("“{title}” was already deleted for good.").format(title=self.title))
            return
        self.ctx.changed.emit(self.kind)
        self.ctx.status.emit(
            _("“{title}” was moved to the trash (Ctrl+Z to undo).").format(title=self.title)
        )

    def undo(self) -> None:
        try:
            also = trash.restore(self.ctx.db, self.kind, self.record_id)
        except NotFoundError:
            self._gone(
                _("“{title}” was deleted for good and cannot be restored.").format(title=self.title)
            )
            return
        except UserError as refused:  # a survey answer recorded again meanwhile: it says why
            self._gone(refused.message)
            return
        for kind in dict.fromkeys([self.kind, *(r.kind for r in also)]):
            self.ctx.changed.emit(kind)
        self.ctx.status.emit(trash.restored_message(self.title, also))

    def _gone(self, message: str) -> None:
        """The record is no longer there (the trash emptied by another program or a member
        of the team, the person erased), or may not come back (a survey answer recorded again
        while it was in the trash): say so in the status bar, ``message`` naming it, not by
        its id, and leave the history (made obsolete, the stack drops the command: no Redo of
        it is offered)."""
        self.setObsolete(True)
        self.ctx.changed.emit(self.kind)
        self.ctx.status.emit(message)
