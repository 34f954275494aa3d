from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import FollowUp, Interaction
from accountdesk.ui.quicklog.dialog import QuickLogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_quick_log_with_csat_and_follow_up_in_the_contacts_zone(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.setFocus()
    qtbot.keyClicks(dialog.contact, "jaid")
    qtbot.waitUntil(lambda: bool(dialog.contact.hits), timeout=3000)
    dialog.contact.choose(dialog.contact.hits[0])
    assert dialog.contact_zone == "Asia/Bangkok"
    dialog.set_text("kind", "visit")
    qtbot.keyClicks(dialog.fields["subject"], "Factory tour")
    dialog.set_text("csat_score", "5")
    dialog.follow.setChecked(True)
    dialog.due.setDateTime(QDateTime(QDate(2025, 3, 14), QTime(10, 0)))
    qtbot.keyClicks(dialog.follow_title, "Send the price list")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.reader() as session:
        interaction = session.scalars(select(Interaction)).one()
        assert (interaction.kind, interaction.subject, interaction.csat_score) == (
            "visit",
            "Factory tour",
            5,
        )
        assert [c.id for c in interaction.participants] == [sample["somchai"]]
        follow_up = session.scalars(select(FollowUp)).one()
        assert follow_up.local_due == "2025-03-14T10:00:00"
        assert follow_up.zone == "Asia/Bangkok"
        assert follow_up.due_at == datetime(2025, 3, 14, 3, 0, tzinfo=UTC)
        assert follow_up.contact_id == sample["somchai"]


def test_quick_log_without_a_contact_says_so_at_the_contact_field(ctx: Any, qtbot: Any) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.errors["contact"].isVisibleTo(dialog)
