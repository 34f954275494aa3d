"""Erase for good… of a contact merged into another and taken back out of the trash without
undoing the merge (privacy review 25, item 4): refused with the kept contact and how to undo
the merge, before the question is asked."""

from __future__ import annotations

from typing import Any

import pytest

from accountdesk.core.db.engine import Database
from accountdesk.core.services import privacy, trash
from accountdesk.core.services.duplicates import merge
from accountdesk.ui import tasks
from accountdesk.ui.contacts import view as contact_view
from accountdesk.ui.contacts.view import ContactView


def test_erase_of_a_merged_contact_is_refused_before_asking(
    ctx: Any, db: Database, sample: dict[str, str], qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    merge(db, sample["janis"], [sample["anna"]])
    trash.restore(db, "contact", sample["anna"])  # back from the trash, the merge not undone
    view = ContactView(ctx, sample["anna"])
    qtbot.addWidget(view)
    asked: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(contact_view, "confirm_erase", lambda *a: asked.append(a[1]) or True)
    monkeypatch.setattr(contact_view, "show_error", lambda _parent, text: errors.append(text))
    [erase] = [b for b in view.privacy_buttons if b.text() == "Erase for good…"]
    erase.click()
    assert tasks.wait_all()
    assert asked == []
    [message] = errors
    assert "Anna Ozola\u2069 was merged into \u2068Janis Berzins" in message
    assert "undo" in message
    assert privacy.subject_name(db, sample["anna"]) == "Anna Ozola"  # still there
