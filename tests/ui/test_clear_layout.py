"""A layout emptied for new contents (a country's profile, a contact's panel) hides what it
held at once: deleted only when the event loop next runs, the old widgets were drawn under the
new ones meanwhile (select Türkiye, then Latvia, and grab: "TR" over "LV")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from accountdesk.ui.detail import clear_layout

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_widgets_taken_out_are_hidden_before_they_are_deleted(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    old = [QLabel("TR"), QLabel("Türkiye")]
    for label in old:
        layout.addWidget(label)
    holder.show()
    qtbot.waitExposed(holder)
    clear_layout(layout)
    assert layout.count() == 0
    assert not any(label.isVisible() for label in old)  # not drawn while awaiting deletion
    layout.addWidget(QLabel("LV"))
