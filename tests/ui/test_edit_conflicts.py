"""Two people editing at once, in the editors: Anna's form was loaded before Ben saved the same
record, so her save is refused with who and when, her form stays open with what she typed,
and she can reload what is stored now (services/conflicts.py, ui/forms.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from accountdesk.core.bidi import isolate
from accountdesk.core.db.engine import Database, open_database
from accountdesk.core.i18n import format_when
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.services import activity
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import (
    account_for_edit,
    contact_for_edit,
    update_account,
    update_contact,
)
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.activity import GiftDialog, InteractionDialog
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.followups.schedule import ScheduleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def ben(db: Database) -> Iterator[Database]:
    """Ben's app: another connection to the same database."""
    assert db.path is not None
    other = open_database(db.path)
    yield other
    other.close()


def test_the_contact_editor_shows_the_conflict_and_keeps_the_typed_text(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    anna_id = sample["anna"]
    editor = ContactEditor(ctx, anna_id)  # Anna opens the form
    qtbot.addWidget(editor)
    bens = contact_for_edit(ben, anna_id)  # Ben saves the same contact meanwhile
    update_contact(ben, anna_id, replace(bens.data, job_title="CFO"), expected_version=bens.version)

    editor.set_text("job_title", "Chief Executive")  # Anna types and saves
    editor.set_text("city", "Jūrmala")
    editor.accept()

    assert editor.result() != editor.DialogCode.Accepted  # the form stays open
    stored = contact_for_edit(db, anna_id)
    assert (stored.data.job_title, stored.data.city) == ("CFO", None)  # Ben's save stands
    changed_at = contact_detail(db, anna_id).changed_at
    assert changed_at is not None
    when = isolate(format_when(changed_at, ZoneInfo("Europe/Riga")))  # in Anna's zone
    assert editor.banner.isVisibleTo(editor)
    assert editor.banner.text() == (
        f"This record was changed on {when}, after you opened it, so your changes were not "
        "saved. Reload it to see what is stored now, then make your changes again."
    )
    assert editor.reload_button.isVisibleTo(editor)
    assert editor.text("job_title") == "Chief Executive"  # what she typed is still there
    assert editor.text("city") == "Jūrmala"
    assert editor.is_dirty()

    editor.reload_button.click()  # she reloads: Ben's values, nothing unsaved
    assert (editor.text("job_title"), editor.text("city")) == ("CFO", "")
    assert not editor.banner.isVisibleTo(editor)
    assert not editor.reload_button.isVisibleTo(editor)
    assert not editor.is_dirty()

    editor.set_text("city", "Jūrmala")  # and makes her change again: saved, Ben's kept
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    after = contact_for_edit(db, anna_id)
    assert (after.data.job_title, after.data.city) == ("CFO", "Jūrmala")
    assert after.version == stored.version + 1


def test_the_account_editor_refuses_an_older_copy_and_reloads(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    riga = sample["riga"]
    editor = AccountEditor(ctx, riga)
    qtbot.addWidget(editor)
    bens = account_for_edit(ben, riga)
    update_account(ben, riga, replace(bens.data, tier="platinum"), expected_version=bens.version)

    editor.set_text("notes", "Met at the fair")
    editor.accept()
    assert editor.result() != editor.DialogCode.Accepted
    assert "after you opened it" in editor.banner.text()
    assert editor.text("notes") == "Met at the fair"
    assert account_for_edit(db, riga).data.tier == "platinum"

    editor.reload_button.click()
    assert (editor.text("tier"), editor.text("notes")) == ("platinum", "")
    editor.set_text("notes", "Met at the fair")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    stored = account_for_edit(db, riga).data
    assert (stored.tier, stored.notes) == ("platinum", "Met at the fair")


def test_the_interaction_editor_keeps_what_it_does_not_show_and_checks_the_version(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    interaction_id = activity.log_interaction(
        db,
        activity.InteractionInput(
            "call",
            datetime(2025, 3, 10, 9, 0, tzinfo=UTC),
            contact_ids=[sample["anna"], sample["janis"]],
            duration_minutes=25,
            sentiment="positive",
            subject="Prices",
        ),
    )
    item = account_detail(db, sample["riga"]).interactions[0]
    dialog = InteractionDialog(ctx, sample["riga"], item)
    qtbot.addWidget(dialog)
    dialog.set_text("subject", "Prices for 2026")
    assert dialog.try_save()
    stored = activity.interaction_for_edit(db, interaction_id).data
    assert (stored.subject, stored.duration_minutes, stored.sentiment) == (
        "Prices for 2026",
        25,
        "positive",
    )
    assert sorted(stored.contact_ids) == sorted([sample["anna"], sample["janis"]])

    later = InteractionDialog(ctx, sample["riga"], item)  # opened from the same (old) row
    qtbot.addWidget(later)
    assert later.text("subject") == "Prices for 2026"  # shows what is stored, not the row
    bens = activity.interaction_for_edit(ben, interaction_id)
    activity.update_interaction(
        ben, interaction_id, replace(bens.data, outcome="Offer sent"), expected_version=bens.version
    )
    later.set_text("notes", "They asked for a discount")
    assert later.try_save() is False
    assert later.reload_button.isVisibleTo(later)
    assert later.text("notes") == "They asked for a discount"
    assert activity.interaction_for_edit(db, interaction_id).data.outcome == "Offer sent"


def test_the_gift_editor_keeps_the_gifts_notes(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    gift_id = activity.save_gift(
        db,
        activity.GiftInput(
            sample["riga"], "given", "Amber", "2025-03-01", notes="wrapped in linen"
        ),
    )
    item = account_detail(db, sample["riga"]).gifts[0]
    dialog = GiftDialog(ctx, sample["riga"], item)
    qtbot.addWidget(dialog)
    dialog.set_text("occasion", "Anniversary")
    assert dialog.try_save()
    stored = activity.gift_for_edit(db, gift_id).data
    assert (stored.occasion, stored.notes) == ("Anniversary", "wrapped in linen")


def test_rescheduling_shows_the_conflict_and_reloads(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    done = service.schedule(
        db, service.FollowUpInput(sample["anna"], "Call", datetime(2025, 3, 18, 10), notes="offer")
    )
    dialog = ScheduleDialog(ctx, follow_up_id=done.id)
    qtbot.addWidget(dialog)
    assert (dialog.title_edit.text(), dialog.local()) == ("Call", datetime(2025, 3, 18, 10))

    bens = service.for_edit(ben, done.id)
    service.edit(
        ben,
        done.id,
        title="Call about the offer",
        notes=bens.data.notes,
        rrule=None,
        local_due=datetime(2025, 3, 20, 11),
        expected_version=bens.version,
    )
    dialog.title_edit.setText("Call Anna")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "after you opened it" in dialog.warnings.text()
    assert dialog.reload_button.isVisibleTo(dialog)
    assert dialog.title_edit.text() == "Call Anna"
    assert service.for_edit(db, done.id).data.title == "Call about the offer"

    dialog.reload_button.click()
    assert (dialog.title_edit.text(), dialog.local()) == (
        "Call about the offer",
        datetime(2025, 3, 20, 11),
    )
    assert not dialog.reload_button.isVisibleTo(dialog)
    dialog.title_edit.setText("Call Anna about the offer")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = service.for_edit(db, done.id).data
    assert (stored.title, stored.notes, stored.local_due) == (
        "Call Anna about the offer",
        "offer",
        datetime(2025, 3, 20, 11),
    )
