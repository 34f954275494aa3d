"""Two contact forms opened at once (two reps): each changes another field, and both changes
are kept; a field both changed is refused naming it with both values, and saving again keeps
what was typed (review 24, defect 5)."""

from __future__ import annotations

import os
from typing import Any

import pytest

from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services.accounts import contact_input, create_account, create_contact
from accountdesk.ui.contacts.editor import ContactEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _contact(ctx: Any) -> str:
    account = create_account(ctx.db, AccountInput(name="Baltic Timber", country="LV"))
    return create_contact(
        ctx.db,
        ContactInput(account_id=account, given_name="Ilze", family_name="Kalniņa", country="LV"),
    )


def _editor(ctx: Any, qtbot: Any, contact: str) -> ContactEditor:
    editor = ContactEditor(ctx, contact)
    qtbot.addWidget(editor)
    return editor


def test_two_forms_changing_different_fields_both_save(ctx: Any, qtbot: Any) -> None:
    contact = _contact(ctx)
    annas, bens = _editor(ctx, qtbot, contact), _editor(ctx, qtbot, contact)
    annas.set_text("job_title", "Head of Purchasing")
    assert annas.try_save(), annas.banner.text()
    bens.set_text("city", "Jūrmala")
    assert bens.try_save(), bens.banner.text()
    stored = contact_input(ctx.db, contact)
    assert (stored.job_title, stored.city) == ("Head of Purchasing", "Jūrmala")


def test_a_field_both_changed_names_both_values(ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    contact = _contact(ctx)
    annas, bens = _editor(ctx, qtbot, contact), _editor(ctx, qtbot, contact)
    annas.set_text("job_title", "Procurement Director")
    assert annas.try_save(), annas.banner.text()
    bens.set_text("job_title", "Head of Purchasing")
    bens.set_text("city", "Jūrmala")
    bens.show()
    assert not bens.try_save()
    said = bens.banner.text()
    assert "Job title" in said and "Procurement Director" in said and "Head of Purchasing" in said
    if os.environ.get("ACCOUNTDESK_SHOTS"):
        bens.grab().save(os.path.join(os.environ["ACCOUNTDESK_SHOTS"], "field_conflict.png"))
    assert bens.text("job_title") == "Head of Purchasing"  # what he typed is kept
    assert contact_input(ctx.db, contact).job_title == "Procurement Director"
    assert bens.try_save(), bens.banner.text()  # again, having seen Anna's: his is kept
    stored = contact_input(ctx.db, contact)
    assert (stored.job_title, stored.city) == ("Head of Purchasing", "Jūrmala")
