"""The progress dialog of a long job (an import, the demo data): Cancel stands where the
language puts a dialog's buttons (on the left in Persian), and once pressed the dialog stays
open saying "Stopping…" with Cancel greyed until the job has stopped; Qt's own dialog hid at
once, came back on the next report of progress, and offered Cancel again."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from accountdesk.core.i18n import _
from accountdesk.ui import tasks

#: The offscreen platform's note when a window is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _slow_job(release: threading.Event, seen: list[bool]) -> tuple[Any, list[object]]:
    results: list[object] = []

    def work(progress: tasks.Progress) -> str:
        for done in range(1, 1000):
            if not progress(done, 1000):
                seen.append(True)
                release.wait(10)  # stopping takes a while (a transaction rolled back)
                return "stopped"
            threading.Event().wait(0.01)
        return "finished"

    dialog = tasks.run_with_progress(None, "Importing…", work, results.append, results.append)
    return dialog, results


@pytest.mark.parametrize("right_to_left", [False, True])
def test_cancel_stands_where_the_language_puts_buttons(
    qapp: Any, persian: None, qtbot: Any, right_to_left: bool
) -> None:
    if not right_to_left:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    release = threading.Event()
    dialog, _results = _slow_job(release, [])
    dialog.show()
    dialog.resize(420, dialog.height())
    (cancel,) = dialog.findChildren(QPushButton)
    middle = dialog.width() / 2
    left, right = cancel.geometry().left(), cancel.geometry().right()
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    if right_to_left:
        assert right < middle  # on the left, as in every Persian dialog
    else:
        assert left > middle


def test_cancel_pressed_says_stopping_and_is_greyed_until_the_job_stops(
    qapp: Any, persian: None, qtbot: Any
) -> None:
    release = threading.Event()
    stopped: list[bool] = []
    dialog, results = _slow_job(release, stopped)
    dialog.show()
    (cancel,) = dialog.findChildren(QPushButton)
    qtbot.waitUntil(lambda: dialog.value() > 1, timeout=10000)  # the job reports progress
    cancel.click()
    tasks.pump(100)  # a few reports of progress reach the dialog
    shown = (dialog.isVisible(), dialog.labelText(), cancel.isEnabled())
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    assert shown == (True, _("Stopping…"), False)
    assert results == ["stopped"]
    assert stopped == [True]
    assert not dialog.isVisible()


def test_closing_the_window_while_the_job_runs_is_cancel(
    qapp: Any, persian: None, qtbot: Any
) -> None:
    """The title bar's close button stopped the job but hid the window at once: "Stopping…"
    was never seen (review finding)."""
    release = threading.Event()
    stopped: list[bool] = []
    dialog, results = _slow_job(release, stopped)
    dialog.show()
    (cancel,) = dialog.findChildren(QPushButton)
    qtbot.waitUntil(lambda: dialog.value() > 1, timeout=10000)
    dialog.close()
    tasks.pump(100)
    shown = (dialog.isVisible(), dialog.labelText(), cancel.isEnabled())
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10000)
    assert shown == (True, _("Stopping…"), False)
    assert results == ["stopped"] and stopped == [True]
    assert not dialog.isVisible()
