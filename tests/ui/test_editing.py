from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import (
    account_detail,
    account_revenue_to_date,
    contact_detail,
)
from accountdesk.core.services.accounts import account_input
from accountdesk.ui import forms
from accountdesk.ui.accounts.editor import AccountEditor
from accountdesk.ui.activity import DealDialog, NoteDialog
from accountdesk.ui.contacts.editor import ContactEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_create_account_with_a_validation_message_next_to_the_field(
    ctx: Any, db: Database, qtbot: Any
) -> None:
    editor = AccountEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_text("country", "LV")
    editor.set_text("timezone", "Europe/Riga")
    editor.accept()
    assert editor.errors["name"].isVisibleTo(editor)
    assert editor.errors["name"].text() == "Is required"
    qtbot.keyClicks(editor.fields["name"], "Daugava Logistics")
    editor.set_text("currency", "EURO")
    editor.accept()
    assert editor.errors["currency"].isVisibleTo(editor)
    assert not editor.errors["name"].isVisibleTo(editor)
    editor.set_text("currency", "EUR")
    editor.accept()
    assert editor.result_id is not None
    assert account_input(db, editor.result_id).name == "Daugava Logistics"


def test_edit_contact_keeps_unchanged_fields(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    assert not editor.is_dirty()
    editor.set_text("job_title", "CFO")
    editor.set_text("important_dates", "birthday 1980-03-15\ncustom 12-24 Name day")
    editor.accept()
    detail = contact_detail(db, sample["anna"])
    assert detail.job_title == "CFO"
    assert detail.emails == [("work", "anna@timber.example")]
    assert [(d.kind, d.month, d.day) for d in detail.important_dates] == [
        ("birthday", 3, 15),
        ("custom", 12, 24),
    ]


def test_contact_phone_error_is_shown_at_the_phone_field(
    ctx: Any, sample: dict[str, str], qtbot: Any
) -> None:
    editor = ContactEditor(ctx, sample["anna"])
    qtbot.addWidget(editor)
    editor.set_text("phone", "12")
    editor.accept()
    assert editor.errors["phone"].isVisibleTo(editor)
    editor.set_text("phone", "")
    editor.set_text("important_dates", "someday soon")
    editor.accept()
    assert editor.errors["important_dates"].isVisibleTo(editor)


def test_new_contact_needs_an_account(ctx: Any, qtbot: Any) -> None:
    editor = ContactEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.fields["given_name"], "Ilze")
    editor.set_text("country", "LV")
    editor.set_text("timezone", "Europe/Riga")
    editor.accept()
    assert editor.errors["account"].isVisibleTo(editor)


def test_unsaved_changes_guard(
    ctx: Any, sample: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = "cancel"

    def ask(_parent: Any) -> str:
        asked.append(answer)
        return answer

    monkeypatch.setattr(forms, "ask_unsaved", ask)
    editor = AccountEditor(ctx, sample["riga"])
    qtbot.addWidget(editor)
    editor.show()
    editor.reject()  # nothing changed: closes without asking
    assert asked == [] and not editor.isVisible()
    editor = AccountEditor(ctx, sample["riga"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.fields["city"], " Centre")
    editor.reject()
    assert asked == ["cancel"] and editor.isVisible()
    answer = "discard"
    editor.reject()
    assert not editor.isVisible()
    assert account_input(ctx.db, sample["riga"]).city == "Riga"


def test_deal_and_note_dialogs_create_and_edit(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    deal = DealDialog(ctx, sample["riga"], currency="EUR")
    qtbot.addWidget(deal)
    qtbot.keyClicks(deal.fields["title"], "Spring order")
    qtbot.keyClicks(deal.fields["amount"], "1200")
    deal.set_text("status", "won")
    deal.accept()
    assert deal.errors["date"].isVisibleTo(deal)
    deal.set_text("date", "2025-03-01")
    deal.accept()
    note = NoteDialog(ctx, account_id=sample["riga"])
    qtbot.addWidget(note)
    note.set_text("body", "Prefers morning calls.")
    note.accept()
    detail = account_detail(db, sample["riga"])
    assert [d.title for d in detail.deals] == ["Spring order"]
    assert account_revenue_to_date(db, sample["riga"], ctx.today()).subtotals == {"EUR": 1200}
    assert [n.body for n in detail.notes_list] == ["Prefers morning calls."]
    edit = DealDialog(ctx, sample["riga"], detail.deals[0])
    qtbot.addWidget(edit)
    edit.set_text("title", "Spring order (revised)")
    edit.accept()
    assert account_detail(db, sample["riga"]).deals[0].title == "Spring order (revised)"


def test_an_open_deal_records_its_stage(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any
) -> None:
    deal = DealDialog(ctx, sample["riga"], currency="EUR")
    qtbot.addWidget(deal)
    stages = deal.fields["stage"]
    assert isinstance(stages, forms.QComboBox)
    assert [stages.itemText(i) for i in range(stages.count())] == [
        "Not recorded", "Lead", "Qualified", "Proposal sent", "Negotiation"
    ]  # fmt: skip
    qtbot.keyClicks(deal.fields["title"], "Second warehouse")
    qtbot.keyClicks(deal.fields["amount"], "8000")
    deal.set_text("stage", "proposal")
    deal.accept()
    stored = account_detail(db, sample["riga"]).deals[0]
    assert (stored.status, stored.stage) == ("open", "proposal")
    edit = DealDialog(ctx, sample["riga"], stored)
    qtbot.addWidget(edit)
    assert forms.combo_value(stages := edit.fields["stage"]) == "proposal"  # type: ignore[arg-type]
    edit.set_text("stage", "")
    edit.accept()
    assert account_detail(db, sample["riga"]).deals[0].stage is None
    assert stages is not None


def test_an_unknown_deal_stage_is_refused_with_the_choices(
    db: Database, sample: dict[str, str]
) -> None:
    from accountdesk.core.services.activity import DealInput, save_deal
    from accountdesk.core.validation import ValidationError

    with pytest.raises(ValidationError) as caught:
        save_deal(db, DealInput(sample["riga"], "Order", "100", "EUR", stage="closing"))
    assert caught.value.key == "stage" and caught.value.field == "Stage"
    assert "lead, qualified, proposal" in caught.value.message
    assert account_detail(db, sample["riga"]).deals == []
