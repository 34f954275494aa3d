"""The backups an erase cleans, in the app: the earlier passphrase of backups encrypted before a
change of passphrase (asked before an erase, and when an erase a stop left cannot be finished
without it), and the erases a stop left before their backups were cleaned, finished at start.

The rules are :mod:`accountdesk.core.services.privacy`'s (``sealed_backups``, ``still_sealed``,
``erase_contact``, ``finish_erasures``); this module asks and says. A passphrase typed here is
checked on a worker thread (a key derivation a backup, about half a second each), handed to
the erase and forgotten: never stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.bidi import ltr
from accountdesk.core.db import backup as backups
from accountdesk.core.db import crypto
from accountdesk.core.db.engine import Database
from accountdesk.core.errors import UserError
from accountdesk.core.i18n import _, format_number, format_when, ngettext
from accountdesk.core.services import privacy
from accountdesk.ui import fmt, tasks
from accountdesk.ui.forms import show_error
from accountdesk.ui.modal import run_modal
from accountdesk.ui.security import PassphraseDialog

#: Lines the list of backups shows before it scrolls.
LINES_SHOWN = 6


def backup_line(path: Path, zone: str) -> str:
    """A backup as the dialog lists it: when it was taken (in ``zone``) and why, as the Backups
    window says them; a file whose name says neither, by its name."""
    found = next((b for b in backups.backups_in(path.parent) if b.path == path), None)
    if found is None:
        return ltr(path.name)
    # TRANSLATORS: a backup in a list: when it was taken, and why ("made by hand")
    return _("{when}: {kind}").format(when=fmt.when(found.taken_at, zone), kind=found.kind_label)


class EarlierPassphraseDialog(PassphraseDialog):
    """Asks for the passphrase backups were encrypted with before a change of passphrase:
    says why (``message``), lists them (``sealed``), and takes a passphrase once it opens one
    of them at least (checked off the GUI thread); one that opens none is said to be wrong and
    asked again. When some are left that it does not open (another, older passphrase), those
    are listed and asked for. *Skip* ends it: what was given so far is :attr:`given`."""

    def __init__(
        self, title: str, message: str, sealed: Sequence[Path], zone: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            title, message, cancel_text=_("Skip"), label=_("Earlier passphrase:"), parent=parent
        )
        self.setObjectName("earlierPassphraseDialog")
        self.sealed = list(sealed)
        self.zone = zone
        #: the passphrases taken, for the erase alone (never stored)
        self.given: list[str] = []
        self.checking = False
        self.backups = QListWidget()
        self.backups.setObjectName("sealedBackups")
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.backups.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.backups.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.backups.setAccessibleName(_("Backups"))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.backups)  # under the message, above the field
        box = self.findChild(QDialogButtonBox)
        assert isinstance(box, QDialogButtonBox)
        self.buttons = box
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(_("Clean them"))
        self._list(self.sealed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self._fit()
        self.field.setFocus()

    def _fit(self) -> None:
        """As tall as the wrapped message needs at the dialog's width: ``adjustSize`` took the
        height of the message wrapped at another width, and cut its first and last lines."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = max(self.width() if self.isVisible() else 0, self.minimumWidth())
        height = layout.totalHeightForWidth(width)
        self.setMinimumHeight(height)
        self.resize(width, height)

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self._fit()

    def _list(self, sealed: Sequence[Path]) -> None:
        self.backups.clear()
        for path in sealed:
            item = QListWidgetItem(backup_line(path, self.zone))
            item.setToolTip(ltr(str(path)))
            self.backups.addItem(item)
        rows = min(max(len(sealed), 1), LINES_SHOWN)
        height = self.backups.sizeHintForRow(0) * rows + 2 * self.backups.frameWidth()
        self.backups.setFixedHeight(height + 4)

    def _busy(self, busy: bool) -> None:
        self.checking = busy
        self.field.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(_("Checking the passphrase…"))
            self.error.show()
            self._fit()
        else:
            self.field.setFocus()

    def accept(self) -> None:
        """Check what was typed against the backups listed, on a worker thread."""
        if self.checking:
            return
        typed = crypto.entered(self.passphrase())
        if typed is None:
            self.show_error(crypto.empty_message())
            return
        sealed = list(self.sealed)
        self._busy(True)
        tasks.run(
            lambda: privacy.still_sealed(sealed, typed),
            lambda left: self._checked(typed, left),
            self._refused,
            owner=self,
        )

    def reject(self) -> None:
        if not self.checking:  # Escape while it checks: the answer is waited for
            super().reject()

    def _checked(self, typed: str, left: list[Path]) -> None:
        self.given.append(typed)
        self._busy(False)
        if not left:
            super(PassphraseDialog, self).accept()  # the QDialog's: what was typed is taken
            return
        opened = len(self.sealed) - len(left)
        self.sealed = left
        self._list(left)
        self.show_error(
            ngettext(
                "That passphrase opened {n} of them; the ones listed now need another one.",
                "That passphrase opened {n} of them; the ones listed now need another one.",
                opened,
            ).format(n=format_number(opened))
        )

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, crypto.WrongPassphrase):
            raise exc
        self.show_error(exc.message)


def ask_earlier_passphrases(
    parent: QWidget | None, title: str, message: str, sealed: Sequence[Path], zone: str
) -> list[str]:
    """Show :class:`EarlierPassphraseDialog` for the backups ``sealed``; the passphrases the
    user gave (none: skipped). Replaceable in tests."""
    dialog = EarlierPassphraseDialog(title, message, sealed, zone, parent)
    run_modal(dialog)
    return list(dialog.given)


def erase_question(name: str, count: int) -> str:
    """What the dialog says before an erase of ``name`` (isolated) when ``count`` backups open
    only with an earlier passphrase."""
    return ngettext(
        "{n} backup was encrypted with an earlier passphrase (from before the passphrase was "
        "changed) and opens only with it. Give it to erase {name} from that backup too; it is "
        "used for this erase alone and not kept. Skip leaves the backup as it is, listed "
        "afterwards for you to delete.",
        "{n} backups were encrypted with an earlier passphrase (from before the passphrase "
        "was changed) and open only with it. Give it to erase {name} from those backups too; "
        "it is used for this erase alone and not kept. Skip leaves the backups as they are, "
        "listed afterwards for you to delete.",
        count,
    ).format(n=format_number(count), name=name)


def before_erase(
    db: Database, name: str, zone: str, then: Callable[[list[str]], None],
    failed: Callable[[BaseException], None],
) -> None:  # fmt: skip
    """Before an erase of ``name`` (isolated): look for the backups only an earlier passphrase
    opens (on a worker thread); when there are, ask for it; then ``then(earlier)`` with what
    was given (nothing: none, or skipped)."""

    def found(sealed: list[Path]) -> None:
        if not sealed:
            then([])
            return
        title = _("Backups with an earlier passphrase")
        then(ask_earlier_passphrases(None, title, erase_question(name, len(sealed)), sealed, zone))

    tasks.run(lambda: privacy.sealed_backups(db), found, failed)


def finish_question(finished: privacy.FinishedErasures) -> str:
    """What the dialog says when erases a stop left cannot be finished without an earlier
    passphrase."""
    count = len(finished.backups_sealed)
    return ngettext(
        "An erase of {when} stopped before it had cleaned the backups. {n} backup that may "
        "still hold the person erased opens only with an earlier passphrase (from before the "
        "passphrase was changed). Give it to clean the backup; it is used for this alone and "
        "not kept. Skip leaves it as it is, and AccountDesk asks again at its next start.",
        "An erase of {when} stopped before it had cleaned the backups. {n} backups that may "
        "still hold the person erased open only with an earlier passphrase (from before the "
        "passphrase was changed). Give it to clean them; it is used for this alone and not "
        "kept. Skip leaves them as they are, and AccountDesk asks again at its next start.",
        count,
    ).format(n=format_number(count), when=format_when(finished.erased_at[0]))


def finish_erasures(
    db: Database, zone: str, say: Callable[[str], None], parent: QWidget | None = None
) -> None:
    """At start, on a worker thread: finish the erases a stop left before their backups were
    cleaned (:func:`~accountdesk.core.services.privacy.finish_erasures`). What was done is
    said (``say``: the status bar); backups only an earlier passphrase opens are listed in
    :class:`EarlierPassphraseDialog`, and cleaned with what is given; what is still left is
    said in a message, and tried again at the next start."""

    def report(finished: privacy.FinishedErasures | None) -> None:
        if finished is None:
            return
        say(" ".join(finished.done()))
        problems = finished.problems()
        if problems:
            show_error(parent, " ".join(problems))

    def done(finished: privacy.FinishedErasures | None, asked: bool = False) -> None:
        if finished is None or asked or not finished.backups_sealed:
            report(finished)
            return
        earlier = ask_earlier_passphrases(
            parent, _("Backups with an earlier passphrase"), finish_question(finished),
            finished.backups_sealed, zone,
        )  # fmt: skip
        if not earlier:
            report(finished)  # skipped: what is left is said, and asked again next time
            return
        tasks.run(lambda: privacy.finish_erasures(db, earlier), lambda f: done(f, True), failed)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        show_error(parent, exc.message)

    tasks.run(lambda: privacy.finish_erasures(db), done, failed)
