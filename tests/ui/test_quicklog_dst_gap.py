"""Quick log's follow-up at a wall time that does not exist there (Riga, 29 March 2026, 03:30:
the clocks jump from 03:00 to 04:00) is not saved silently: the dialog says so while it is
typed and when it is saved, in the words of the scheduling dialog (the zones rule's message),
and the follow-up is due at the time the rule gives (04:30), as the scheduling dialog's is."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from accountdesk.core.timekeeping.zones import resolve_wall_time
from accountdesk.ui.quicklog.dialog import QuickLogDialog
from series import NOW

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

GAP = datetime(2026, 3, 29, 3, 30)


@pytest.mark.parametrize("local", [GAP, datetime(2026, 10, 25, 3, 30)])  # a gap, an overlap
def test_quick_log_says_the_time_was_adjusted(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch, local: datetime
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    expected = resolve_wall_time(local, "Europe/Riga")
    assert expected.message  # the scheduling dialog's words for it
    dialog = QuickLogDialog(ctx, contact_id=sample["anna"])
    qtbot.addWidget(dialog)
    dialog.set_text("kind", "call")
    dialog.follow.setChecked(True)
    dialog.due.set_value(local)
    dialog.follow_title.setText("Call back")
    assert expected.message in dialog.due_hint.text()  # said while typed
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert told == [expected.message]  # and when saved
    (shown,) = [r for r in _rows(ctx) if r.title == "Call back"]
    assert shown.due_at == expected.instant


def test_an_ordinary_time_says_nothing(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog = QuickLogDialog(ctx, contact_id=sample["anna"])
    qtbot.addWidget(dialog)
    dialog.follow.setChecked(True)
    dialog.due.set_value(datetime(2026, 3, 30, 10))
    assert dialog.due_hint.text() == ""
    dialog.accept()
    assert told == []


def _rows(ctx: Any) -> list[Any]:
    from accountdesk.core.queries.followups import list_follow_ups

    return list_follow_ups(ctx.db, now=NOW, user_zone="UTC", status=None)
