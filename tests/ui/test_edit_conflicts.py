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
from accountdesk.core.db.models import Contact
from accountdesk.core.i18n import format_when, use_language
from accountdesk.core.queries.details import account_detail, contact_detail
from accountdesk.core.services import activity, trash
from accountdesk.core.services import followups as service
from accountdesk.core.services.accounts import (
    account_for_edit,
    contact_for_edit,
    update_account,
    update_contact,
)
from accountdesk.ui import forms
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.activity import GiftDialog, InteractionDialog
from accountdesk.ui.contacts.editor import ContactEditor
from accountdesk.ui.followups.schedule import ScheduleDialog
from accountdesk.ui.forms import ask_reload  # the real one: the fixture below replaces it

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def _no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test answers fails the test instead of waiting for a click: a form a
    failed test leaves with changes asks when it is closed, and an unexpected reload question
    would wait for ever."""
    monkeypatch.setattr(forms, "ask_unsaved", lambda _parent: "discard")
    monkeypatch.setattr(forms, "ask_reload", lambda *_a: pytest.fail("asked before reloading"))


@pytest.fixture
def ben(db: Database) -> Iterator[Database]:
    """Ben's app: another connection to the same database."""
    assert db.path is not None
    other = open_database(db.path)
    yield other
    other.close()


def test_the_contact_editor_shows_the_conflict_and_keeps_the_typed_text(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
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
    # the field both changed is named with both values (the city, hers alone, would be kept)
    assert editor.banner.text() == (
        f"These fields were changed on {when}, after you opened this record, so nothing was "
        "saved: Job title: “\u2068CFO\u2069” is stored now, you typed “\u2068Chief "
        "Executive\u2069”. Save again to keep what you typed, or change it first."
    )
    assert editor.reload_button.isVisibleTo(editor)
    assert editor.text("job_title") == "Chief Executive"  # what she typed is still there
    assert editor.text("city") == "Jūrmala"
    assert editor.is_dirty()

    asked: list[object] = []
    monkeypatch.setattr(forms, "ask_reload", lambda _p, lost: asked.append(lost) or True)
    editor.reload_button.click()  # she reloads (and agrees to lose what she typed)
    assert asked == [[("Job title", "Chief Executive"), ("City", "Jūrmala")]]
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
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    riga = sample["riga"]
    editor = AccountEditor(ctx, riga)
    qtbot.addWidget(editor)
    bens = account_for_edit(ben, riga)
    update_account(
        ben, riga, replace(bens.data, tier="platinum", notes="Ben's note"),
        expected_version=bens.version,
    )  # fmt: skip

    editor.set_text("notes", "Met at the fair")  # the field Ben changed too
    editor.accept()
    assert editor.result() != editor.DialogCode.Accepted
    assert "after you opened this record" in editor.banner.text()
    assert editor.text("notes") == "Met at the fair"
    assert account_for_edit(db, riga).data.tier == "platinum"

    asked: list[object] = []
    monkeypatch.setattr(forms, "ask_reload", lambda _p, lost: asked.append(lost) or True)
    editor.reload_button.click()
    assert asked == [[("Notes", "Met at the fair")]]
    assert (editor.text("tier"), editor.text("notes")) == ("platinum", "Ben's note")
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


# --- moved to the trash meanwhile ---------------------------------------------------------


def test_scheduling_for_a_contact_moved_to_the_trash_meanwhile_says_when(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    """Anna opens "Schedule" for a contact whom Ben then moves to the trash: her save says when
    it was moved and keeps the dialog as typed, with nothing to reload (a new follow-up has no
    stored copy; before, the reload button was offered and crashed the dialog)."""
    dialog = ScheduleDialog(ctx, sample["anna"], local=datetime(2025, 3, 18, 10))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Send the offer")
    trash.delete(ben, "contact", sample["anna"])
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert f"was moved to the trash on {_moved_at(db, sample['anna'])}" in dialog.warnings.text()
    assert not dialog.reload_button.isVisibleTo(dialog)
    assert dialog.title_edit.text() == "Send the offer"


def _moved_at(db: Database, contact_id: str) -> str:
    """When the contact was moved to the trash, as the refusal says it (in Anna's zone)."""
    with db.reader() as session:
        row = session.get(Contact, contact_id)
        assert row is not None and row.deleted_at is not None
        return isolate(format_when(row.deleted_at, ZoneInfo("Europe/Riga")))


def test_a_contact_moved_to_the_trash_meanwhile_says_when_and_keeps_the_typed_text(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any
) -> None:
    anna_id = sample["anna"]
    editor = ContactEditor(ctx, anna_id)
    qtbot.addWidget(editor)
    trash.delete(ben, "contact", anna_id)  # Ben moves it to the trash meanwhile

    editor.set_text("job_title", "Chief Executive")
    editor.accept()

    assert editor.result() != editor.DialogCode.Accepted
    assert editor.banner.isVisibleTo(editor)
    assert editor.banner.text() == (  # a laptop's file: nobody to name, the time alone
        f"This contact was moved to the trash on {_moved_at(db, anna_id)}; restore it from the "
        "Trash to save your changes."
    )
    assert anna_id not in editor.banner.text()
    assert not editor.reload_button.isVisibleTo(editor)  # nothing stored to reload
    assert editor.text("job_title") == "Chief Executive"
    assert editor.is_dirty()


def test_reloading_a_record_moved_to_the_trash_meanwhile_keeps_the_typed_text(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    anna_id = sample["anna"]
    editor = ContactEditor(ctx, anna_id)
    qtbot.addWidget(editor)
    bens = contact_for_edit(ben, anna_id)
    update_contact(ben, anna_id, replace(bens.data, job_title="CFO"), expected_version=bens.version)
    editor.set_text("job_title", "Chief Executive")  # the field Ben changed too
    editor.set_text("city", "Jūrmala")
    editor.accept()
    assert editor.reload_button.isVisibleTo(editor)  # a conflict: she may reload...
    trash.delete(ben, "contact", anna_id)  # ...but Ben moves it to the trash first
    monkeypatch.setattr(forms, "ask_reload", lambda *_a: pytest.fail("nothing to ask"))

    editor.reload_button.click()
    assert editor.banner.text() == (
        f"This contact was moved to the trash on {_moved_at(db, anna_id)}; restore it from the "
        "Trash to save your changes."
    )
    assert (editor.text("city"), editor.text("job_title")) == ("Jūrmala", "Chief Executive")
    assert editor.is_dirty()  # as typed

    trash.restore(ben, "contact", anna_id)  # restored: she has seen Ben's job title since
    editor.accept()  # saving again keeps what she typed, as the conflict said
    assert editor.result() == editor.DialogCode.Accepted
    stored = contact_for_edit(db, anna_id).data
    assert (stored.job_title, stored.city) == ("Chief Executive", "Jūrmala")


# --- reloading asks before it replaces what was typed --------------------------------------


def _conflicted_editor(ctx: Any, ben: Database, contact_id: str, qtbot: Any) -> ContactEditor:
    """Anna's editor after her save was refused: Ben saved a job title and a note meanwhile;
    she typed a job title, a city and the very note Ben saved."""
    editor = ContactEditor(ctx, contact_id)
    qtbot.addWidget(editor)
    bens = contact_for_edit(ben, contact_id)
    update_contact(
        ben,
        contact_id,
        replace(bens.data, job_title="CFO", personal_notes="Likes tea"),
        expected_version=bens.version,
    )
    editor.set_text("job_title", "Chief Executive")
    editor.set_text("city", "Jūrmala")
    editor.set_text("personal_notes", "Likes tea")
    editor.accept()
    assert editor.reload_button.isVisibleTo(editor)
    return editor


def test_reloading_asks_first_naming_the_fields_whose_typed_text_would_be_lost(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    anna_id = sample["anna"]
    editor = _conflicted_editor(ctx, ben, anna_id, qtbot)
    asked: list[list[tuple[str, str | None]]] = []
    answer = False

    def ask(parent: Any, lost: list[tuple[str, str | None]]) -> bool:
        assert parent is editor
        asked.append(list(lost))
        return answer

    monkeypatch.setattr(forms, "ask_reload", ask)
    conflict = editor.banner.text()

    editor.reload_button.click()  # she keeps what she typed
    # the fields she changed that differ from what is stored now (the note is Ben's too)
    assert asked == [[("Job title", "Chief Executive"), ("City", "Jūrmala")]]
    assert (editor.text("job_title"), editor.text("city")) == ("Chief Executive", "Jūrmala")
    assert editor.is_dirty()
    assert editor.banner.text() == conflict and editor.reload_button.isVisibleTo(editor)
    assert contact_for_edit(db, anna_id).data.job_title == "CFO"  # Ben's save stands

    answer = True
    editor.reload_button.click()  # she reloads after all
    assert len(asked) == 2
    assert (editor.text("job_title"), editor.text("city"), editor.text("personal_notes")) == (
        "CFO",
        "",
        "Likes tea",
    )
    assert not editor.is_dirty()
    assert not editor.banner.isVisibleTo(editor)
    editor.set_text("city", "Jūrmala")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    stored = contact_for_edit(db, anna_id).data
    assert (stored.job_title, stored.city) == ("CFO", "Jūrmala")


def test_saving_without_typed_changes_keeps_the_other_save_and_asks_nothing(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    riga = sample["riga"]
    editor = AccountEditor(ctx, riga)
    qtbot.addWidget(editor)
    bens = account_for_edit(ben, riga)
    update_account(ben, riga, replace(bens.data, tier="platinum"), expected_version=bens.version)
    monkeypatch.setattr(forms, "ask_reload", lambda *_a: pytest.fail("nothing typed to lose"))
    editor.accept()  # saved unchanged: nothing of hers clashes, Ben's tier stays
    assert editor.result() == editor.DialogCode.Accepted
    assert not editor.reload_button.isVisibleTo(editor)
    assert account_for_edit(db, riga).data.tier == "platinum"


def test_the_reload_question_names_the_fields_in_the_language_of_the_window(
    ctx: Any, db: Database, ben: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[list[tuple[str, str | None]]] = []
    monkeypatch.setattr(forms, "ask_reload", lambda _p, lost: asked.append(list(lost)))
    with use_language("lv"):
        editor = _conflicted_editor(ctx, ben, sample["anna"], qtbot)
        editor.reload_button.click()
    assert asked == [[("Amats", "Chief Executive"), ("Pilsēta", "Jūrmala")]]


def test_the_reload_question_lists_what_was_typed(qtbot: Any, monkeypatch: Any) -> None:
    """The plain dialog itself: the fields in its text, what was typed in its details; Enter
    keeps what was typed."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    seen: dict[str, str] = {}
    choice = ""

    def exec_(box: QMessageBox) -> int:
        seen.update(text=box.text(), fields=box.informativeText(), typed=box.detailedText())
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    lost = [("Job title", "Chief Executive"), ("Marketing", None), ("City", "Jūrmala")]
    choice = "Keep what I typed"
    assert ask_reload(parent, lost) is False
    assert seen["text"] == (
        "Replace what you typed with what is stored now? What you typed in these fields "
        "differs from it and will be lost:"
    )
    assert seen["fields"] == "Job title\nMarketing\nCity"
    assert seen["typed"] == f"Job title: {isolate('Chief Executive')}\nCity: {isolate('Jūrmala')}"
    assert seen["default"] == "Keep what I typed"
    choice = "Reload"
    assert ask_reload(parent, lost[:1]) is True
    assert seen["text"] == (
        "Replace what you typed with what is stored now? What you typed in this field differs "
        "from it and will be lost:"
    )
