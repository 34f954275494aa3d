"""Completing follow-ups, undoably: one command of the app's undo history for what one click
completed (the Follow-ups screen's selection, the reminder bar's follow-ups), which the
status bar names, and which Undo puts back in one step (a repeating follow-up back at the
occurrence it was at: :func:`~accountdesk.core.services.followups.reopen`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from accountdesk.core.i18n import _, format_number, ngettext
from accountdesk.core.queries.followups import Shown
from accountdesk.core.services import followups as service
from accountdesk.core.services.followups import Completion
from accountdesk.ui.context import AppContext, TranslatedCommand

#: Told the ids of the follow-ups a Redo completed (True) or an Undo reopened (False).
Listener = Callable[[bool, list[str]], None]


def completed_message(completed: int, left: int) -> str:
    """What the status bar says after completing: how many were completed (and that Undo
    takes it back), and how many were left because they were completed or moved since the
    list or the reminder showed them."""
    if not completed:
        return _(
            "Nothing was completed: the follow-ups were completed or moved since they were shown."
        )
    said = [
        ngettext(
            "Completed {n} follow-up (Ctrl+Z to undo).",
            "Completed {n} follow-ups (Ctrl+Z to undo).",
            completed,
        ).format(n=format_number(completed))
    ]
    if left:
        said.append(
            ngettext(
                "{n} follow-up was completed or moved since it was shown, and was left as it is.",
                "{n} follow-ups were completed or moved since they were shown, and were left "
                "as they are.",
                left,
            ).format(n=format_number(left))
        )
    return " ".join(said)


def reopened_message(reopened: int, left: int) -> str:
    """What the status bar says after Undo: how many were reopened, and how many were left
    because they changed since they were completed."""
    if not reopened:
        return _("Nothing was reopened: the follow-ups changed since they were completed.")
    said = [
        ngettext("Reopened {n} follow-up.", "Reopened {n} follow-ups.", reopened).format(
            n=format_number(reopened)
        )
    ]
    if left:
        said.append(
            ngettext(
                "{n} follow-up changed since it was completed, and was left as it is.",
                "{n} follow-ups changed since they were completed, and were left as they are.",
                left,
            ).format(n=format_number(left))
        )
    return " ".join(said)


class CompleteCommand(TranslatedCommand):
    """Complete ``shown`` (as the list or the reminder showed them); Undo reopens what it
    completed. ``listener``: told what each Redo completed and each Undo reopened; ``said``:
    what the status bar says after the first completion too (the done ones of a selection
    left as they are)."""

    def __init__(
        self,
        ctx: AppContext,
        shown: Sequence[Shown],
        listener: Listener | None = None,
        said: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.ctx, self.shown, self.listener = ctx, list(shown), listener
        self.said = list(said)
        self.done: list[Completion] = []
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.done) or len(self.shown)
        self.setText(
            ngettext("Complete {n} follow-up", "Complete {n} follow-ups", count).format(
                n=format_number(count)
            )
        )

    def redo(self) -> None:
        ctx = self.ctx
        self.done = ctx.write(
            "follow_up", lambda: service.complete_undoably(ctx.db, self.shown, ctx.clock)
        )
        self.retranslate()
        if not self.done:  # nothing to undo: the history does not keep it
            self.setObsolete(True)
        if self.listener is not None:
            self.listener(True, [c.id for c in self.done])
        message = completed_message(len(self.done), len(self.shown) - len(self.done))
        said, self.said = self.said, []  # once: a Redo says what it did
        ctx.status.emit(" ".join([message, *said]))

    def undo(self) -> None:
        ctx, done = self.ctx, self.done
        reopened = ctx.write("follow_up", lambda: service.reopen(ctx.db, done))
        if not reopened:
            self.setObsolete(True)  # no Redo of it is offered
        if self.listener is not None:
            self.listener(False, reopened)
        ctx.status.emit(reopened_message(len(reopened), len(done) - len(reopened)))


def complete_and_say(
    ctx: AppContext,
    shown: Sequence[Shown],
    listener: Listener | None = None,
    said: Sequence[str] = (),
) -> None:
    """Complete ``shown``, undoably, and say in the status bar how many were completed, and
    then ``said``."""
    ctx.undo_stack.push(CompleteCommand(ctx, shown, listener, said))
