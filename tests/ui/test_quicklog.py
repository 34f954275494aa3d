from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
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
    dialog.due.selectAll()
    qtbot.keyClicks(dialog.due, "2025-03-14 10:00")  # typed, the year too
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


def test_focus_starts_in_the_contact_field(ctx: Any, qtbot: Any) -> None:
    dialog = QuickLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.contact, timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "jaid")  # typing goes straight there
    assert dialog.contact.text() == "jaid"
    dialog.mark_clean()


def _with(ctx: Any, qtbot: Any, contact_id: str) -> QuickLogDialog:
    dialog = QuickLogDialog(ctx, contact_id=contact_id)
    qtbot.addWidget(dialog)
    return dialog


def test_follow_up_presets_land_in_their_working_hours(ctx: Any, qtbot: Any, person: Any) -> None:
    # Now: Wednesday 12 March 2025, 09:30 UTC = 16:30 in Bangkok (08:30–17:30, Sat–Sun off)
    somchai = _with(ctx, qtbot, person("Somchai", "TH", "Asia/Bangkok"))
    assert "08:30–17:30" in somchai.zone_hint.text()
    assert somchai.zone_hint.text().startswith("In ")  # a line of its own starts a sentence
    assert somchai.due.value() == datetime(2025, 3, 13, 16, 30)  # the default: +1 day
    assert not somchai.follow.isChecked()
    qtbot.mouseClick(somchai.preset_buttons["3days"], Qt.MouseButton.LeftButton)
    assert somchai.follow.isChecked()
    assert somchai.due.value() == datetime(2025, 3, 17, 8, 30)  # Saturday: on to Monday
    somchai.preset_buttons["week"].click()
    assert somchai.due.value() == datetime(2025, 3, 19, 16, 30)
    somchai.mark_clean()  # closed without the "unsaved changes" question
    # Tehran (08:00–16:00, Thursday mornings only, Friday off): 13:00 there now; tomorrow's
    # 13:00 is after Thursday's work ends, so the default waits for Saturday 08:00; next week
    # is Nowruz and the days around it (public holidays): the week preset waits for 25 March.
    reza = _with(ctx, qtbot, person("Reza", "IR", "Asia/Tehran"))
    assert reza.due.value() == datetime(2025, 3, 15, 8, 0)
    reza.preset_buttons["3days"].click()
    assert reza.due.value() == datetime(2025, 3, 15, 13, 0)  # Saturday works in Iran
    reza.preset_buttons["week"].click()
    assert reza.due.value() == datetime(2025, 3, 25, 8, 0)
    # and that is what is saved, in her zone
    qtbot.keyClicks(reza.follow_title, "Send the offer")
    reza.accept()
    with ctx.db.reader() as session:
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.local_due, follow_up.zone) == ("2025-03-25T08:00:00", "Asia/Tehran")


def test_a_follow_up_time_that_is_not_one_is_refused_at_the_field(
    ctx: Any, qtbot: Any, person: Any
) -> None:
    dialog = _with(ctx, qtbot, person("Somchai", "TH", "Asia/Bangkok"))
    dialog.follow.setChecked(True)
    dialog.due.setText("next Tuesday")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors["due"].isVisibleTo(dialog)
    assert "2027-03-22 10:00" in dialog.errors["due"].text()
    dialog.mark_clean()


def test_with_a_contact_given_the_focus_starts_after_it(
    ctx: Any, qtbot: Any, sample: dict[str, str]
) -> None:
    # the contact is already chosen: typing must not change it, so the focus is on Kind
    dialog = _with(ctx, qtbot, sample["somchai"])
    dialog.show()
    qtbot.waitExposed(dialog)
    kind = dialog.fields["kind"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kind, timeout=2000)
    assert dialog.contact.record_id == sample["somchai"]
    assert dialog.first_focus() is kind
    without = QuickLogDialog(ctx)
    qtbot.addWidget(without)
    assert without.first_focus() is without.contact
    dialog.mark_clean()
