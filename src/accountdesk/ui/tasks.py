"""Work off the GUI thread: jobs run on worker threads, results come back on the GUI thread.

Workers never touch widgets; they call a plain function and the result (or the error) is handed
to a callback on the GUI thread. Long jobs get a progress callback that also tells them to stop.

The workers are Python threads (a small ``ThreadPoolExecutor``); the GUI thread collects
finished jobs with a 15 ms timer, so no Python object crosses threads through Qt.

Note for this code base: with PySide6 6.12, every ``QCoreApplication.processEvents()`` call from
Python drops one reference to ``None`` (Python 3.11 then aborts with ``none_dealloc`` after a
few thousand calls). Never call it in a loop; wait with :func:`pump` (a QEventLoop) instead.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import SIGNAL, SLOT, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from accountdesk.core.i18n import _

POLL_MS = 15


@dataclass
class _Pending:
    future: Future[Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    on_tick: Callable[[], None] | None = None
    owner: QObject | None = None  # the callbacks are dropped once it is deleted


_executor: ThreadPoolExecutor | None = None
_pending: list[_Pending] = []
_timer: QTimer | None = None


def _ensure_timer() -> QTimer:
    global _timer
    if _timer is None:
        _timer = QTimer(QCoreApplication.instance())
        _timer.setInterval(POLL_MS)
        _timer.timeout.connect(collect)
    return _timer


def _submit(fn: Callable[[], Any]) -> Future[Any]:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="accountdesk-task")
    return _executor.submit(fn)


def collect() -> None:
    """Hand finished jobs to their callbacks (runs on the GUI thread)."""
    for job in list(_pending):
        if job.on_tick is not None:
            job.on_tick()
        if not job.future.done():
            continue
        _pending.remove(job)
        if job.owner is not None and not shiboken6.isValid(job.owner):
            continue  # the widget that asked is gone (a view closed before its data came)
        exc = job.future.exception()
        if exc is None:
            job.on_done(job.future.result())
        elif job.on_error is not None:
            job.on_error(exc)
        else:
            raise exc
    if not _pending and _timer is not None:
        _timer.stop()


def _guarded(fn: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        try:
            return fn()
        except BaseException as exc:
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            raise

    return run


def run(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> Future[Any]:
    """Call ``fn`` on a worker thread; ``on_done(result)`` or ``on_error(exc)`` on this thread,
    unless ``owner`` (the widget that asked) has been deleted by then."""
    future = _submit(_guarded(fn))
    _pending.append(_Pending(future, on_done, on_error, owner=owner))
    _ensure_timer().start()
    return future


def pump(msecs: int) -> None:
    """Run the event loop for ``msecs`` (instead of calling processEvents in a loop)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def busy() -> bool:
    return bool(_pending)


def wait_all(msecs: int = 10000) -> bool:
    """Wait for the running jobs and deliver their results (tests and shutdown), and for the
    jobs those results start (a list shown reads what narrowing it takes), within ``msecs``
    in all; whether none is left."""
    deadline = time.monotonic() + msecs / 1000
    while _pending:
        wait([j.future for j in _pending], timeout=max(0.0, deadline - time.monotonic()))
        collect()
        if time.monotonic() >= deadline:
            break
    return not _pending


class Progress:
    """Handed to a long job: ``progress(done, total)`` reports and returns False to stop; a
    ``total`` below 0: how much is left is not known (the window shows a busy bar)."""

    def __init__(self) -> None:
        self.cancelled = False
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancelled


class _ProgressDialog(QProgressDialog):
    """Qt's progress dialog with its Cancel button where the language puts a dialog's buttons:
    Qt places it bottom right whatever the direction (on the left in Persian, mirrored here).

    Cancel (the button, Escape, closing the window) only emits ``canceled``: Qt's own slot,
    which hid the dialog at once (and a later report of progress showed it again, Cancel
    offered anew), is disconnected; :func:`run_with_progress` says what happens instead."""

    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__(label, _("Cancel"), 0, 100, parent)
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
        #: the job has ended: the window may close (until then closing it is Cancel)
        self.job_ended = False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window (its title bar's button) while the job runs is Cancel: the
        window stays, saying "Stopping…", until the job has stopped (Qt hid it at once)."""
        if self.job_ended:
            super().closeEvent(event)
            return
        event.ignore()
        self.canceled.emit()

    def cancel_button(self) -> QPushButton | None:
        return self.findChild(QPushButton)

    def _mirror(self) -> None:
        button = self.cancel_button()
        if button is not None and self.isRightToLeft():
            place = button.geometry()
            if place.center().x() > self.width() / 2:  # Qt's place, not mirrored yet
                button.move(self.width() - place.x() - place.width(), place.y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._mirror()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._mirror()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self._mirror()


def run_with_progress(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run ``fn(progress)`` off the GUI thread behind a progress dialog with a Cancel button.
    Cancel asks the job to stop; the dialog says "Stopping…", with Cancel greyed, until it has
    (then ``on_done`` or ``on_error`` is called as for a job left to run)."""
    dialog = _ProgressDialog(label, parent)
    dialog.setWindowTitle(_("Working…"))
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    progress = Progress()

    def tick() -> None:
        if progress.total < 0 and shiboken6.isValid(dialog):  # not known: a busy bar
            dialog.setRange(0, 0)
        elif progress.total and shiboken6.isValid(dialog):
            dialog.setMaximum(max(progress.total, 1))
            dialog.setValue(min(progress.done, max(progress.total, 1)))

    def cancel() -> None:
        if progress.cancelled or future.done():
            return  # pressed again, or the window closed by finish() below
        progress.cancelled = True
        dialog.setLabelText(_("Stopping…"))
        button = dialog.cancel_button()
        if button is not None:
            button.setEnabled(False)

    def close() -> None:
        if shiboken6.isValid(dialog):
            dialog.job_ended = True
            dialog.close()

    def finish(result: Any) -> None:
        close()
        on_done(result)

    def fail(exc: BaseException) -> None:
        close()
        on_error(exc)

    dialog.canceled.connect(cancel)
    future = _submit(_guarded(lambda: fn(progress)))
    _pending.append(_Pending(future, finish, fail, tick))
    _ensure_timer().start()
    return dialog
