"""Quick log says when it happened: now, or yesterday's visit logged today (it always logged
"now", so a visit logged the next morning took logging it and then editing its time)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from accountdesk.core import i18n
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Interaction
from accountdesk.core.timekeeping.zones import resolve_wall_time
from accountdesk.ui.quicklog.dialog import QuickLogDialog

#: The UI tests' pinned clock (tests/ui/conftest.py): a Wednesday, 11:30 in Riga.
NOW = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _logged(db: Database) -> list[datetime]:
    with db.reader() as session:
        return [i.occurred_at for i in session.scalars(select(Interaction))]


def _dialog(ctx: Any, qtbot: Any, contact: str) -> QuickLogDialog:
    dialog = QuickLogDialog(ctx, contact_id=contact)
    qtbot.addWidget(dialog)
    return dialog


def test_left_as_it_opened_it_is_now(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = _dialog(ctx, qtbot, sample["somchai"])
    # the user's own time (Riga, 11:30), whatever the contact's zone (Bangkok)
    assert dialog.when.text() == i18n.format_datetime_input(datetime(2025, 3, 12, 11, 30))
    dialog.accept()
    assert _logged(db) == [NOW]


def test_yesterdays_visit_is_logged_when_it_happened(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = _dialog(ctx, qtbot, sample["somchai"])
    dialog.when.setText(i18n.format_datetime_input(datetime(2025, 3, 11, 15, 0)))
    dialog.accept()
    assert _logged(db) == [datetime(2025, 3, 11, 13, 0, tzinfo=UTC)]  # 15:00 in Riga


def test_a_time_that_is_none_is_refused_at_the_field(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = _dialog(ctx, qtbot, sample["somchai"])
    dialog.when.setText("yesterday afternoon")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.errors["occurred_at"].isVisibleTo(dialog)
    assert _logged(db) == []


def test_a_time_the_clocks_skip_is_explained_and_logged_by_the_rule(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = _dialog(ctx, qtbot, sample["somchai"])
    skipped = datetime(2024, 3, 31, 3, 30)  # Riga's clocks jumped from 03:00 to 04:00
    dialog.when.setText(i18n.format_datetime_input(skipped))
    expected = resolve_wall_time(skipped, "Europe/Riga")
    assert expected.message and expected.message in dialog.when_hint.text()
    assert dialog.when_hint.isVisibleTo(dialog)
    dialog.accept()
    assert _logged(db) == [expected.instant]
