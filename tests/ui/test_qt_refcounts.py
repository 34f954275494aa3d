"""The Qt binding keeps Python's reference count of None right.

PySide6 6.12.0 dropped one reference to None on every call of a Qt method that returns
nothing (``setText``, ``setEnabled``, ``processEvents`` …). On Python 3.11, where None is not
immortal, the app then aborted with "deallocating None" after a few thousand calls: minutes of
use. pyproject.toml excludes that release; this test fails on any binding that does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_that_return_nothing_keep_the_count_of_none(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        label.setEnabled(True)
        qapp.processEvents()
    after = sys.getrefcount(None)
    # A few references may come and go with the interpreter's own work; 1,500 calls that each
    # dropped one would show as a fall of about 1,500.
    assert abs(after - before) < 100, (before, after)
