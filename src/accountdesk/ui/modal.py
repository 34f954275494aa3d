"""Running a dialog modally (light: imported by windows shown before the database layer)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` modally and return its result; the dialog is deleted once control is
    back in the event loop, so what the caller reads of it right after stays readable.

    Every dialog the app opens goes through here. A dialog made with a parent otherwise stays
    alive, hidden, as long as its parent (the main window: as long as the app), and one whose
    signals are connected to lambdas that hold it is a cycle no collection frees: every editor,
    planner and question opened in a day stayed in memory with what it had loaded."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


@contextmanager
def asking_again(dialog: QDialog) -> Iterator[Callable[[], int]]:
    """For a dialog shown again until what was typed is taken (a passphrase, a password):
    ``ask()`` runs it modally, as often as needed; it is deleted when the block ends.

    Not :func:`run_modal` in a loop: at start-up no event loop runs yet, so a deletion asked for
    after the first answer happened inside the dialog's own second showing (a wrong passphrase
    closed the prompt and crashed the start)."""
    try:
        yield dialog.exec
    finally:
        dialog.deleteLater()
